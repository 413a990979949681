-- training-impact by programme, for the small-group rule: distinct employees among the pairs
-- of both arms of each programme (see impact_programme.sql). Columns: title, competency_id,
-- employees.
with pairs as (
    select s.emp_key, s.competency_key, s.d1, s.treated
    from pair s
    where {year_s} and {where_s}
),
programmes as (
    -- the titles the asking user may know of: all, or for a scoped user those with an event
    -- someone in their scope took part in
    select distinct t.title, t.competency_key
    from trainings t
    where t.competency_key is not null and {catalogue_t}
),
treated_pairs as (
    select pp.title, s.*
    from pairs s
    join pair_programme pp
      on pp.emp_key = s.emp_key and pp.competency_key = s.competency_key and pp.d1 = s.d1
),
treated_people as (
    select title, competency_key, count(distinct emp_key) as employees
    from treated_pairs
    group by title, competency_key
),
control_people as (
    select competency_key, count(distinct emp_key) as employees
    from pairs
    where not treated
    group by competency_key
),
overlap as (
    -- employees in both arms of a programme (treated by it in one pair, control in another):
    -- |treated ∪ control| = |treated| + |control| - |both|, without listing the control arm
    -- once per title
    select tp.title, tp.competency_key, count(*) as employees
    from (select distinct title, competency_key, emp_key from treated_pairs) tp
    where exists (
        select 1 from pairs s
        where not s.treated and s.emp_key = tp.emp_key and s.competency_key = tp.competency_key
    )
    group by tp.title, tp.competency_key
),
people as (
    select pr.title, pr.competency_key,
           coalesce(t.employees, 0) + coalesce(c.employees, 0) - coalesce(o.employees, 0)
               as employees
    from programmes pr
    left join treated_people t on t.title = pr.title and t.competency_key = pr.competency_key
    left join control_people c on c.competency_key = pr.competency_key
    left join overlap o on o.title = pr.title and o.competency_key = pr.competency_key
    where t.employees is not null or c.employees is not null
)
select pe.title, c.competency_id, pe.employees
from people pe join competencies c on c.competency_key = pe.competency_key
