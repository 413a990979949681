-- roll-up of the talent moves (talent_pairs.sql counted per box pair): move_cell, or move_nat
-- (the cells summed over agencies), for filters that need no unit or rank
-- (analytics/metrics/route.py). Columns: from_box, to_box, employees.
select s.from_box::integer as from_box, s.to_box::integer as to_box,
       sum(s.n)::bigint as employees
from {move_cell} s
where s.year = $year and s.from_year = $from_year and {where_s}
group by all
having sum(s.n) > 0
order by all
