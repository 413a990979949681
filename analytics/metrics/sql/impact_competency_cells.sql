-- roll-up of impact_competency.sql: the same sufficient statistics per competency and arm,
-- summed from pair_cell (per year, agency, position and arm) instead of the pairs, for
-- filters that need no unit or rank (analytics/metrics/route.py).
-- Columns: competency_id, treated, n, sx, sy, sxx, sxy, syy.
with arms as (
    select s.competency_key, s.treated, sum(s.n)::bigint as n,
           sum(s.sx)::bigint as sx, sum(s.sy)::bigint as sy, sum(s.sxx)::bigint as sxx,
           sum(s.sxy)::bigint as sxy, sum(s.syy)::bigint as syy
    from {pair_cell} s
    where {year_s} and {where_s}
    group by s.competency_key, s.treated
),
final as (
    select c.competency_id, a.treated, a.n, a.sx, a.sy, a.sxx, a.sxy, a.syy
    from arms a
    join competencies c on c.competency_key = a.competency_key
)
select * from final
