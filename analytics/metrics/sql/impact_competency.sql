-- training-impact by competency: the sufficient statistics of each arm over the selected pairs
-- (a pair's position, for job family/type, is its d1 assessment's; year = year of d1).
-- One row per competency and arm; x = level(d0) and y = Δ in tenths, sums exact.
-- Columns: competency_id, treated, n, sx, sy, sxx, sxy, syy.
with pairs as (
    select s.competency_key, s.treated,
           (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
    from pair s
    where {year_s} and {where_s}
),
arms as (
    select competency_key, treated, count(*) as n,
           sum(x)::bigint as sx, sum(y)::bigint as sy, sum(x * x)::bigint as sxx,
           sum(x * y)::bigint as sxy, sum(y * y)::bigint as syy
    from pairs
    group by competency_key, treated
),
final as (
    select c.competency_id, a.treated, a.n, a.sx, a.sy, a.sxx, a.sxy, a.syy
    from arms a
    join competencies c on c.competency_key = a.competency_key
)
select * from final
