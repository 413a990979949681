-- Same-people change: scores (with a standard) of the same employee and competency in both
-- year0 and year1, each selected by the filters (the year1 score's position for job family).
-- One row per group. Columns: key column(s), employees (distinct; by competency one score
-- per employee, so a plain count), scores, level0_t, level1_t, meeting0, meeting1 (exact).
with s0 as (
    select s.emp_key, s.competency_key, (s.level * 10)::bigint as level_t,
           s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and s.year = $year0 and {where_s}
),
s1 as (
    select s.emp_key, s.competency_key, s.position_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and s.year = $year1 and {where_s} and {only_s}
),
both_years as (
    select s1.*, s0.level_t as level0_t, s0.required_t as required0_t
    from s1 join s0 on s0.emp_key = s1.emp_key and s0.competency_key = s1.competency_key
),
grouped as (
    -- integer keys first, labels after
    select {inner_select},
           count({distinct} s.emp_key) as employees,
           count(*) as scores,
           sum(s.level0_t)::bigint as level0_t,
           sum(s.level_t)::bigint as level1_t,
           count(*) filter (where s.level0_t >= s.required0_t) as meeting0,
           count(*) filter (where s.level_t >= s.required_t) as meeting1
    from both_years s
    join positions p on p.position_key = s.position_key
    group by all
    having count(*) > 0
),
final as (
    select {labels}, g.employees, g.scores, g.level0_t, g.level1_t, g.meeting0, g.meeting1
    from grouped g
    {label_joins}
)
select * from final
