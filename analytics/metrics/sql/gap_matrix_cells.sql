-- roll-up of gap_summary.sql for the gap matrix (groups x competency): the same columns summed
-- from score_cell, for rows and filters that need no unit or rank (analytics/metrics/route.py),
-- or from the agency layer score_agency by agency without a job family or type (required_t:
-- Σ required there; no position to join). One score per employee, competency and year, so
-- with the competency among the keys the scores of a group are its distinct employees.
with grouped as (
    select {key_select},
           sum(s.n)::bigint as employees,
           sum(s.n)::bigint as scores,
           sum(s.level_t)::bigint as level_t,
           sum({required_t})::bigint as required_t,
           sum(s.shortfall_t)::bigint as shortfall_t,
           sum(s.meeting)::bigint as meeting
    from {score_cell} s
    {agency_join}
    {position_join}
    join competencies c on c.competency_key = s.competency_key
    where {year_s} and {where_s}
    group by all
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
