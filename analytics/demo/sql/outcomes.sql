-- Yearly performance rating (predikat kinerja) of every employee, mostly Baik, loosely
-- following the person's competency (same person shift as demo_chain), and the IKM of every
-- agency, mostly 75-90, loosely following the agency's competency shift.
insert into performance
with scored as (
    select e.emp_key, y.year::smallint as year,
        0.3 * tri(d.seed, 'ps1', e.emp_key)
        + 0.6 * tri(d.seed, 'perf1', e.emp_key, y.year) as score
    from employees e
    cross join demo_seed d
    cross join (values (2023), (2024), (2025)) y(year)
)

select emp_key, year,
    case when score >= 0.3 then 'Sangat Baik'
         when score >= -0.45 then 'Baik'
         when score >= -0.56 then 'Butuh Perbaikan'
         when score >= -0.66 then 'Kurang'
         else 'Sangat Kurang' end as rating
from scored;

insert into service_outcomes (agency_key, year, ikm)
with scored as (
    select a.agency_key, y.year::smallint as year,
        81.5 + 14.0 * (draw(d.seed, 'agency_shift', a.agency_key) - 0.5)
        + 0.8 * (y.year - 2023)
        + 5.0 * tri(d.seed, 'ikm1', a.agency_key, y.year)
        -- a bad year now and then (a scandal, a system outage)
        - case when draw(d.seed, 'bad', a.agency_key, y.year) < 0.03 then 25.0 else 0.0 end
            as ikm
    from agencies a
    cross join demo_seed d
    cross join (values (2023), (2024), (2025)) y(year)
)

select agency_key, year, round(greatest(25.0, least(100.0, ikm)), 2) as ikm
from scored;

-- Potential tests (potential.csv) for some people: a third of the holders of structural and
-- senior functional posts (talent pools start there) and a few others, once in 2023-2025;
-- mostly menengah, loosely following the person's competency (the same person shift).
insert into potential
with tested as (
    select e.emp_key, d.seed,
        (2023 + floor(draw(d.seed, 'pot_year', e.emp_key) * 3))::smallint as year,
        0.6 * tri(d.seed, 'ps1', e.emp_key) + 0.4 * tri(d.seed, 'pot1', e.emp_key) as score,
        draw(d.seed, 'pot_method', e.emp_key) < 0.7 as centre
    from employees e
    join demo_positions p using (position_key)
    cross join demo_seed d
    where draw(d.seed, 'pot', e.emp_key)
          < case when p.job_code in ('J', 'K', 'A', 'W', 'X', 'D') then 0.35 else 0.04 end
)

select emp_key, year,
    case when score >= 0.3 then 'tinggi' when score >= -0.3 then 'menengah' else 'rendah' end,
    case when centre then 'Assessment Center (potensi)' else 'Tes Potensi CAT' end
from tested;
