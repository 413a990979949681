-- trend, score figures: one row per year and group of selected scores with a standard.
-- Columns: year, the key column(s), employees (distinct), scores, level_t, gap_t, shortfall_t
-- (exact sums in tenths), meeting (scores with level >= required).
with scores as (
    select s.emp_key, s.year, s.competency_key, s.position_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
final as (
    select s.year::integer as year, {key_select},
           count(distinct s.emp_key) as employees,
           count(*) as scores,
           sum(s.level_t)::bigint as level_t,
           sum(s.level_t - s.required_t)::bigint as gap_t,
           sum(greatest(s.required_t - s.level_t, 0))::bigint as shortfall_t,
           count(*) filter (where s.level_t >= s.required_t) as meeting
    from scores s
    join agencies a on a.agency_key = s.agency_key
    join positions p on p.position_key = s.position_key
    join competencies c on c.competency_key = s.competency_key
    group by all
)
select * from final
