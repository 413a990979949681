-- training-impact by competency, for the small-group rule: distinct employees among the
-- selected pairs of each competency. Columns: competency_id, employees.
with people as (
    select s.competency_key, count(distinct s.emp_key) as employees
    from pair s
    where {year_s} and {where_s}
    group by s.competency_key
)
select c.competency_id, p.employees
from people p join competencies c on c.competency_key = p.competency_key
