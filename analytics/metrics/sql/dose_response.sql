-- Dose-response: selected pairs by the JP of training for their competency completed in
-- (d0, d1] (exact decimal bins: 0 = exactly 0 JP, 1 = (0, $upper1], 2 = ($upper1, $upper2],
-- 3 = ($upper2, $upper3], 4 = more). One row per bin with pairs. Columns: bin, pairs,
-- x_t (Σ level(d0), tenths), y_t (Σ Δ, tenths); employees: dose_response_people.sql.
with pairs as (
    select s.emp_key, s.dose_jp, (s.level0 * 10)::bigint as x,
           ((s.level1 - s.level0) * 10)::bigint as y
    from pair s
    where {year_s} and {where_s} and {competency_s}
),
binned as (
    select *,
           case when dose_jp = 0 then 0
                when dose_jp <= $upper1 then 1
                when dose_jp <= $upper2 then 2
                when dose_jp <= $upper3 then 3
                else 4 end as bin
    from pairs
),
final as (
    select bin, count(*) as pairs, sum(x)::bigint as x_t, sum(y)::bigint as y_t
    from binned
    group by bin
)
select * from final order by bin
