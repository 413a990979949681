-- jpm: one row per employee and year with at least one selected score with a standard.
-- Columns: nip, year, jpm (100 x Σ level / Σ required over the selected scores, the correctly
-- rounded double of the exact ratio), category (decided on the exact ratio, in integers).
-- In no particular order (the export sorts).
-- per_person is the employee's year from person_year, or their selected scores summed (see
-- metrics/score_groups.py).
with per_person as (
    {per_person}
),
final as (
    select e.nip, pp.year, (100 * pp.level_t)::double / pp.den as jpm,
           {category} as category
    from per_person pp
    join employees e on e.emp_key = pp.emp_key
)
select * from final
