-- talent moves, per person: every employee of the talent year's population ({population}: the
-- filters over the employees, or "true" for everyone) with a box both in $year and in
-- $from_year. The talent row
-- carries the employee's previous talent year beside it (prev_*): when they were rated in
-- $from_year, the latest talent year before $year, that is their previous one.
-- Columns: emp_key, from_box, to_box, from_perf, from_pot, perf, pot (0-2 each), steps (grid
-- steps: performance steps + potential steps; box numbers are not distances), direction
-- (performance change + potential change: > 0 rose, < 0 fell).
select t.emp_key, t.prev_box::integer as from_box, t.box::integer as to_box,
       t.prev_perf::integer as from_perf, t.prev_pot::integer as from_pot,
       t.perf::integer as perf, t.pot::integer as pot,
       abs(t.perf::integer - t.prev_perf) + abs(t.pot::integer - t.prev_pot) as steps,
       (t.perf::integer - t.prev_perf) + (t.pot::integer - t.prev_pot) as direction
from talent t
where t.year = $year and t.prev_year = $from_year
  and t.box is not null and t.prev_box is not null and {population}
