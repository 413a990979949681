-- training-impact by programme (a title that develops a competency): treated = pairs of that
-- competency in which the employee completed an event of the title in (d0, d1]; control =
-- pairs of the competency without any completed training for it in (d0, d1]; pairs treated
-- only by other titles are in neither arm. One row per programme with at least one pair.
-- Columns: title, competency_id, t_n, t_sx, ... (treated arm), c_n, c_sx, ... (control arm);
-- x = level(d0), y = Δ in tenths. Each arm reads pair itself: a pairs CTE read twice would be
-- materialised, which costs more than scanning twice.
with programmes as (
    -- the titles the asking user may know of: all, or for a scoped user those with an event
    -- someone in their scope took part in
    select distinct t.title, t.competency_key
    from trainings t
    where t.competency_key is not null and {catalogue_t}
),
treated_pairs as (
    select pp.title, s.competency_key,
           (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
    from pair_programme pp
    join pair s
      on s.emp_key = pp.emp_key and s.competency_key = pp.competency_key and s.d1 = pp.d1
    where {year_s} and {where_s}
),
treated_arm as (
    select title, competency_key, count(*) as n,
           sum(x)::bigint as sx, sum(y)::bigint as sy, sum(x * x)::bigint as sxx,
           sum(x * y)::bigint as sxy, sum(y * y)::bigint as syy
    from treated_pairs
    group by title, competency_key
),
control_pairs as (
    select s.competency_key,
           (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
    from pair s
    where not s.treated and {year_s} and {where_s}
),
control_arm as (
    select competency_key, count(*) as n,
           sum(x)::bigint as sx, sum(y)::bigint as sy, sum(x * x)::bigint as sxx,
           sum(x * y)::bigint as sxy, sum(y * y)::bigint as syy
    from control_pairs
    group by competency_key
),
final as (
    select pr.title, c.competency_id,
           coalesce(t.n, 0) as t_n, coalesce(t.sx, 0) as t_sx, coalesce(t.sy, 0) as t_sy,
           coalesce(t.sxx, 0) as t_sxx, coalesce(t.sxy, 0) as t_sxy, coalesce(t.syy, 0) as t_syy,
           coalesce(k.n, 0) as c_n, coalesce(k.sx, 0) as c_sx, coalesce(k.sy, 0) as c_sy,
           coalesce(k.sxx, 0) as c_sxx, coalesce(k.sxy, 0) as c_sxy, coalesce(k.syy, 0) as c_syy
    from programmes pr
    join competencies c on c.competency_key = pr.competency_key
    left join treated_arm t on t.title = pr.title and t.competency_key = pr.competency_key
    left join control_arm k on k.competency_key = pr.competency_key
    where t.n is not null or k.n is not null
)
select * from final
