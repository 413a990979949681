-- talent moves, per person: every employee of the talent year's population with a box both in
-- $year and in $from_year (the population's filters apply to both: they read current rows).
-- Columns: emp_key, from_box, to_box, from_perf, from_pot, perf, pot (0-2 each).
with talent as (
    {talent}
),
final as (
    select t1.emp_key, t0.box as from_box, t1.box as to_box,
           t0.perf as from_perf, t0.pot as from_pot, t1.perf, t1.pot
    from talent t1
    join talent t0 on t0.emp_key = t1.emp_key and t0.year = $from_year
    where t1.year = $year and t1.box is not null and t0.box is not null
)
select * from final
