-- talent: one row per employee of the population and talent year (data contract, section 4),
-- from the derived talent rows (analytics/store/sql/derived_refresh.sql, `talent`, which is where
-- the mapping is written). The population of year Y: every employee matching the filters
-- (current agency, unit and position; {population} is a condition over t, "true" for
-- everyone) with a performance rating in Y, for each Y in $talent_years; a row's potential
-- never depends on the filters.
-- Columns: emp_key, year, rating, perf (0 di bawah, 1 sesuai, 2 di atas ekspektasi), pot
-- (0 rendah, 1 menengah, 2 tinggi; null without a source), potential_source ('potential.csv'
-- or 'jpm'), potential_year, box (Permenpan RB 3/2020 numbering; null without potential).
select t.emp_key, t.year::integer as year, t.rating, t.perf::integer as perf,
       t.pot::integer as pot, t.potential_source, t.potential_year::integer as potential_year,
       t.box::integer as box
from talent t
where list_contains($talent_years, t.year) and {population}
