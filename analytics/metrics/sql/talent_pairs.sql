-- talent moves, per person: every employee of the talent year's population with a box both in
-- $year and in $from_year (the population's filters apply to both: they read current rows).
-- Columns: emp_key, from_box, to_box, from_perf, from_pot, perf, pot (0-2 each), steps (grid
-- steps: performance steps + potential steps; box numbers are not distances), direction
-- (performance change + potential change: > 0 rose, < 0 fell).
with talent as (
    {talent}
),
final as (
    select t1.emp_key, t0.box as from_box, t1.box as to_box,
           t0.perf as from_perf, t0.pot as from_pot, t1.perf, t1.pot,
           abs(t1.perf - t0.perf) + abs(t1.pot - t0.pot) as steps,
           (t1.perf - t0.perf) + (t1.pot - t0.pot) as direction
    from talent t1
    join talent t0 on t0.emp_key = t1.emp_key and t0.year = $from_year
    where t1.year = $year and t1.box is not null and t0.box is not null
)
select * from final
