-- employee-gaps: one row per selected score with a standard (employee x competency x year).
-- Columns: nip, year, competency_id, level, required_level, gap (level - required_level,
-- negative = below standard), meets (level >= required_level, exact decimal comparison).
-- In no particular order: sorting 100,000 rows by text costs more than the query (the export
-- sorts; pages sort what they show).
with scores as (
    select s.emp_key, s.competency_key, s.year, s.level, s.required_level
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
final as (
    select e.nip, s.year::integer as year, c.competency_id, s.level, s.required_level::integer
               as required_level,
           s.level - s.required_level as gap,
           s.level >= s.required_level as meets
    from scores s
    join employees e on e.emp_key = s.emp_key
    join competencies c on c.competency_key = s.competency_key
)
select * from final
