-- training-needs: one row per (agency, unit, competency) with at least one selected score below
-- its standard in the year. Columns: agency_id, unit, competency_id, employees_below (one score
-- per employee, competency and year, so scores below = employees below), scores_below,
-- shortfall_t (their Σ (required - level) in tenths, exact).
with below as (
    select s.emp_key, s.competency_key, s.agency_key, s.unit,
           s.required_level::bigint * 10 - (s.level * 10)::bigint as shortfall_t
    from score s
    where s.required_level is not null and s.level < s.required_level
      and {year_s} and {where_s}
),
grouped as (
    -- integer keys first, labels after: cheaper
    select agency_key, unit, competency_key,
           count(*) as scores_below,
           sum(shortfall_t)::bigint as shortfall_t
    from below
    group by agency_key, unit, competency_key
),
final as (
    select a.agency_id, g.unit, c.competency_id,
           g.scores_below as employees_below, g.scores_below, g.shortfall_t
    from grouped g
    join agencies a on a.agency_key = g.agency_key
    join competencies c on c.competency_key = g.competency_key
)
-- exact tenths decide the order, then code-point (byte) order of the ids
select * from final
order by shortfall_t desc, agency_id, unit, competency_id
