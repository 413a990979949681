-- roll-up of dose_response_people.sql (all competencies): distinct employees per JP bin
-- summed over agencies from people_dose, for filters that select no position, unit or rank
-- (analytics/metrics/route.py across_positions). Columns: bin, employees.
select s.bin, sum(s.employees)::bigint as employees
from people_dose s
where s.year = $people_year and {where_s}
group by s.bin
order by s.bin
