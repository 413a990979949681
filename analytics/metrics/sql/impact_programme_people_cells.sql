-- roll-up of impact_programme_people.sql: distinct employees in both arms of each programme,
-- |treated ∪ control| = treated + control - overlap, each summed over agencies from
-- people_title and people_control, for filters that select no position, unit or rank
-- (analytics/metrics/route.py across_positions). Columns as the original.
with programmes as (
    select distinct t.title, t.competency_key
    from trainings t
    where t.competency_key is not null and {catalogue_t}
),
treated as (
    select s.title, s.competency_key, sum(s.treated)::bigint as treated,
           sum(s.overlap)::bigint as overlap
    from people_title s
    where s.year = $people_year and {where_s}
    group by s.title, s.competency_key
),
control as (
    select s.competency_key, sum(s.employees)::bigint as employees
    from people_control s
    where s.year = $people_year and {where_s}
    group by s.competency_key
)
select pr.title, c.competency_id,
       coalesce(t.treated, 0) + coalesce(k.employees, 0) - coalesce(t.overlap, 0) as employees
from programmes pr
join competencies c on c.competency_key = pr.competency_key
left join treated t on t.title = pr.title and t.competency_key = pr.competency_key
left join control k on k.competency_key = pr.competency_key
where t.treated is not null or k.employees is not null
