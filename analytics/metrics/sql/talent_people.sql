-- talent: one row per employee of the population and talent year (data contract, section 4).
-- The population of year Y: every employee matching the filters (current agency, unit and
-- position: alias s is the employees table) with a performance rating in Y, for each Y in
-- $talent_years. Potential is never filtered: it reads the person's own rows in [Y - 2, Y].
-- Columns: emp_key, year, rating, perf (0 di bawah, 1 sesuai, 2 di atas ekspektasi), pot
-- (0 rendah, 1 menengah, 2 tinggi; null without a source), potential_source ('potential.csv'
-- or 'jpm'), potential_year, box (Permenpan RB 3/2020 numbering; null without potential).
with population as (
    select s.emp_key, pf.year::integer as year, pf.rating,
           case pf.rating when 'Sangat Baik' then 2 when 'Baik' then 1 else 0 end as perf
    from employees s
    join performance pf on pf.emp_key = s.emp_key
    where list_contains($talent_years, pf.year) and {where_s}
),
from_csv as (
    -- a potential test of the latest year in the window beats the JPM proxy
    select pop.emp_key, pop.year, max(pt.year)::integer as pyear,
           arg_max(case pt.potential when 'tinggi' then 2 when 'menengah' then 1 else 0 end,
                   pt.year) as pot
    from population pop
    join potential pt on pt.emp_key = pop.emp_key and pt.year between pop.year - 2 and pop.year
    group by pop.emp_key, pop.year
),
from_jpm as (
    -- whole-year JPM over every score with a standard (person_year), the latest year in the
    -- window that gives one; its category, decided in tenths (jpm_cat), is the potential
    select pop.emp_key, pop.year, max(py.year)::integer as pyear,
           arg_max(jpm_cat((py.sum_level * 10)::bigint, py.sum_required * 10), py.year) as pot
    from population pop
    join person_year py on py.emp_key = pop.emp_key and py.year between pop.year - 2 and pop.year
    group by pop.emp_key, pop.year
),
final as (
    select pop.emp_key, pop.year, pop.rating, pop.perf,
           coalesce(c.pot, j.pot) as pot,
           case when c.pot is not null then 'potential.csv'
                when j.pot is not null then 'jpm' end as potential_source,
           coalesce(c.pyear, j.pyear) as potential_year
    from population pop
    left join from_csv c on c.emp_key = pop.emp_key and c.year = pop.year
    left join from_jpm j on j.emp_key = pop.emp_key and j.year = pop.year
)
select f.*,
       -- perf x pot -> box: rows di bawah 1 3 6, sesuai 2 5 8, di atas 4 7 9
       [[1, 3, 6], [2, 5, 8], [4, 7, 9]][f.perf + 1][f.pot + 1] as box
from final f
