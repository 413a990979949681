-- roll-up of impact_competency_people.sql: distinct employees per competency summed over
-- agencies (and genders, employment types) from people_pairs, for filters that select no
-- position, unit or rank (analytics/metrics/route.py across_positions). Columns as the original.
with people as (
    select s.competency_key, sum(s.employees)::bigint as employees
    from people_pairs s
    where s.year = $people_year and {where_s}
    group by s.competency_key
)
select c.competency_id, p.employees
from people p join competencies c on c.competency_key = p.competency_key
