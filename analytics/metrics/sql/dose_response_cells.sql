-- roll-up of dose_response.sql: the pairs per JP bin summed from dose_cell, for filters that
-- need no unit or rank (analytics/metrics/route.py). Columns: bin, pairs, x_t, y_t (employees
-- are counted per person, when the small-group rule needs them).
with final as (
    select s.bin, sum(s.n)::bigint as pairs, sum(s.x_t)::bigint as x_t,
           sum(s.y_t)::bigint as y_t
    from {dose_cell} s
    where {year_s} and {where_s} and {competency_s}
    group by s.bin
)
select * from final order by bin
