-- training-impact by programme (a title that develops a competency): treated = pairs of that
-- competency in which the employee completed an event of the title in (d0, d1]; control =
-- pairs of the competency without any completed training for it in (d0, d1]; pairs treated
-- only by other titles are in neither arm. One row per programme with at least one pair.
-- Columns: title, competency_id, t_n, t_sx, ... (treated arm), c_n, c_sx, ... (control arm),
-- employees (distinct employees among both arms' pairs).
with pairs as (
    select s.emp_key, s.competency_key, s.d1, s.treated,
           (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
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
treated_arm as (
    select title, competency_key, count(*) as n,
           sum(x)::bigint as sx, sum(y)::bigint as sy, sum(x * x)::bigint as sxx,
           sum(x * y)::bigint as sxy, sum(y * y)::bigint as syy
    from treated_pairs
    group by title, competency_key
),
control_arm as (
    select competency_key, count(*) as n,
           sum(x)::bigint as sx, sum(y)::bigint as sy, sum(x * x)::bigint as sxx,
           sum(x * y)::bigint as sxy, sum(y * y)::bigint as syy
    from pairs
    where not treated
    group by competency_key
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
),
final as (
    select pr.title, c.competency_id,
           coalesce(t.n, 0) as t_n, coalesce(t.sx, 0) as t_sx, coalesce(t.sy, 0) as t_sy,
           coalesce(t.sxx, 0) as t_sxx, coalesce(t.sxy, 0) as t_sxy, coalesce(t.syy, 0) as t_syy,
           coalesce(k.n, 0) as c_n, coalesce(k.sx, 0) as c_sx, coalesce(k.sy, 0) as c_sy,
           coalesce(k.sxx, 0) as c_sxx, coalesce(k.sxy, 0) as c_sxy, coalesce(k.syy, 0) as c_syy,
           pe.employees
    from programmes pr
    join people pe on pe.title = pr.title and pe.competency_key = pr.competency_key
    join competencies c on c.competency_key = pr.competency_key
    left join treated_arm t on t.title = pr.title and t.competency_key = pr.competency_key
    left join control_arm k on k.competency_key = pr.competency_key
)
select * from final
