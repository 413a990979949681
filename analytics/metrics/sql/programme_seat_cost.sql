-- Cost per participant of each programme: the mean, over the title's events with a known cost
-- that someone of the selected population attended (employees matching the filters by their
-- current agency, unit and position; other agencies' events do not reach a scoped figure), of
-- the event's cost / its participants (completed or not). One row per title with a competency.
-- Columns: title, competency_id, events, cost_per_participant.
with population as (
    select s.emp_key from employees s where {where_s}
),
attended as (
    select distinct p.training_key
    from participations p
    where p.emp_key in (select emp_key from population)
),
event as (
    select t.training_key, t.title, t.competency_key,
           t.cost_idr / count(p.emp_key) as share
    from trainings t
    join participations p on p.training_key = t.training_key
    where t.competency_key is not null
      and t.training_key in (select training_key from attended)
    group by t.training_key, t.title, t.competency_key, t.cost_idr
),
final as (
    select ev.title, c.competency_id, count(*) as events,
           avg(ev.share) as cost_per_participant   -- events without a cost do not count
    from event ev
    join competencies c on c.competency_key = ev.competency_key
    group by ev.title, c.competency_id
)
select * from final
