-- training-needs: one row per (agency, unit, competency) with at least one selected score below
-- its standard in the year. Columns: agency_id, unit, competency_id, employees_below (one score
-- per employee, competency and year, so scores below = employees below), shortfall_t (their
-- Σ (required - level) in tenths, exact).
with scores as (
    select s.emp_key, s.competency_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
below as (
    select * from scores where level_t < required_t
),
final as (
    select a.agency_id, b.unit, c.competency_id,
           count(distinct b.emp_key) as employees_below,
           count(*) as scores_below,
           sum(b.required_t - b.level_t)::bigint as shortfall_t
    from below b
    join agencies a on a.agency_key = b.agency_key
    join competencies c on c.competency_key = b.competency_key
    group by a.agency_id, b.unit, c.competency_id
)
select * from final
