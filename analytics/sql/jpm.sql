-- jpm: one row per employee and year with at least one selected score with a standard.
-- Columns: nip, year, jpm (100 x Σ level / Σ required over the selected scores, the correctly
-- rounded double of the exact ratio), category (decided on the exact ratio, in integers).
with scores as (
    select s.emp_key, s.year, (s.level * 10)::bigint as level_t,
           s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
per_person as (
    select emp_key, year, 100 * sum(level_t)::bigint as num, sum(required_t)::bigint as den
    from scores
    group by emp_key, year
),
final as (
    select e.nip, pp.year::integer as year, pp.num::double / pp.den as jpm,
           {category} as category
    from per_person pp
    join employees e on e.emp_key = pp.emp_key
)
select * from final
order by nip, year
