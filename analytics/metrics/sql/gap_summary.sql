-- gap-summary: one row per group of selected scores with a standard in the year.
-- Columns: the key column(s), employees (distinct), scores, mean_level, mean_required,
-- mean_gap, mean_shortfall (means over scores, each weighing 1), pct_meeting (0-100).
-- Sums are exact integers in tenths; each mean is one division of two exact integers.
with scores as (
    select s.emp_key, s.competency_key, s.position_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
grouped as (
    select {key_select},
           count(distinct s.emp_key) as employees,
           count(*) as scores,
           sum(s.level_t)::bigint as level_t,
           sum(s.required_t)::bigint as required_t,
           sum(greatest(s.required_t - s.level_t, 0))::bigint as shortfall_t,
           count(*) filter (where s.level_t >= s.required_t) as meeting
    from scores s
    join agencies a on a.agency_key = s.agency_key
    join positions p on p.position_key = s.position_key
    join competencies c on c.competency_key = s.competency_key
    group by all
    having count(*) > 0
),
final as (
    select {key_columns}, employees, scores,
           level_t::double / (10 * scores) as mean_level,
           required_t::double / (10 * scores) as mean_required,
           (level_t - required_t)::double / (10 * scores) as mean_gap,
           shortfall_t::double / (10 * scores) as mean_shortfall,
           (100 * meeting)::double / scores as pct_meeting
    from grouped
)
select * from final
