-- Programme costs. An event's cost is shared equally among all its participants (completed or
-- not: the seats were paid for). One row per title with a competency.
-- Columns: title, competency_id, events, events_with_cost, cost_per_participant (mean over the
-- title's events with a cost that someone of the selected population (employees matching the
-- filters, by their current position) attended, of cost / participants; events of other
-- agencies do not reach a scoped figure), and, over the selected treated
-- pairs, spent (Σ of their shares of the title's events completed in (d0, d1]),
-- shares_without_cost (such events whose cost is unknown).
with selected as (
    select s.emp_key, s.competency_key, s.d0, s.d1
    from pair s
    where s.treated and {year_s} and {where_s}
),
event as (
    select t.training_key, t.title, t.competency_key, t.end_date, t.cost_idr,
           count(p.emp_key) as participants,
           t.cost_idr / nullif(count(p.emp_key), 0) as share
    from trainings t
    left join participations p on p.training_key = t.training_key
    where t.competency_key is not null
    group by t.training_key, t.title, t.competency_key, t.end_date, t.cost_idr
),
population as (
    select s.emp_key from employees s where {where_e}
),
attended as (
    select * from event ev
    where ev.training_key in (
        select p.training_key from participations p
        where p.emp_key in (select emp_key from population)
    )
),
programme as (
    select title, competency_key, count(*) as events,
           count(share) as events_with_cost,
           avg(share) as cost_per_participant
    from attended
    group by title, competency_key
),
spent as (
    select ev.title, ev.competency_key, sum(ev.share) as spent,
           count(*) filter (where ev.share is null) as shares_without_cost
    from selected s
    join participations p on p.emp_key = s.emp_key and p.completed
    join event ev
      on ev.training_key = p.training_key and ev.competency_key = s.competency_key
     and ev.end_date > s.d0 and ev.end_date <= s.d1
    group by ev.title, ev.competency_key
),
final as (
    select k.title, c.competency_id, coalesce(pr.events, 0) as events,
           coalesce(pr.events_with_cost, 0) as events_with_cost, pr.cost_per_participant,
           coalesce(sp.spent, 0) as spent, coalesce(sp.shares_without_cost, 0)
               as shares_without_cost
    from (select title, competency_key from event union select title, competency_key from spent) k
    left join programme pr on pr.title = k.title and pr.competency_key = k.competency_key
    join competencies c on c.competency_key = k.competency_key
    left join spent sp on sp.title = k.title and sp.competency_key = k.competency_key
)
select * from final
