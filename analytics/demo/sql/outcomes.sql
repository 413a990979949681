-- Yearly performance rating (predikat kinerja) of every employee, mostly Baik, loosely
-- following the person's competency (same person shift as demo_chain), and the IKM of every
-- agency, mostly 75-90, with its nine unsur (below).
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
from scored
order by emp_key, year;  -- clustered by employee, as employees.sql

-- The IKM survey of every agency and year: the nine unsur (NRR, 1-4, two decimals), the IKM
-- = 25 x their mean (two decimals), and the sample size. A planted link to competency, defined
-- on the agency's own mean JPM of that year (computed here from the assessments exactly as
-- jpm-summary by agency does: the latest score per competency and year, with a standard, JPM
-- per employee, mean over the agency's employees), so it holds whatever the levels are:
--   u6 (Kompetensi Pelaksana) + 0.02 and u7 (Perilaku Pelaksana) + 0.01 per JPM point of the
--   agency's deviation from its own mean over the years, so within an agency
--   IKM + 25 / 9 x 0.03 = 0.0833... per JPM point; u4 (Biaya) and u9 (Sarana) and the rest
--   have no link (placebos).
-- Fixed effects recover these as the within-agency slopes (tests/analytics/demo).
insert into service_outcomes
with scores as (
    select a.emp_key, year(a.assessed_on) as year, a.competency_key,
        arg_max(a.level, a.assessed_on) as level,
        arg_max(coalesce(a.position_key, e.position_key), a.assessed_on) as position_key
    from assessments a
    join employees e using (emp_key)
    group by all
),

person as (
    select s.emp_key, s.year, 100 * sum(s.level)::double / sum(st.required_level) as jpm
    from scores s
    join standards st using (position_key, competency_key)
    group by all
),

agency_jpm as (
    select e.agency_key, p.year, avg(p.jpm) as mean_jpm
    from person p
    join employees e using (emp_key)
    group by all
),

years as (
    select a.agency_key, y.year::smallint as year, j.mean_jpm,
        j.mean_jpm - avg(j.mean_jpm) over (partition by a.agency_key) as jpm_dev
    from agencies a
    cross join (values (2023), (2024), (2025)) y(year)
    left join agency_jpm j on j.agency_key = a.agency_key and j.year = y.year
),

unsur as (
    select y.agency_key, y.year,
        -- the agency's general level, mostly B, improving slowly
        (81.5 + 14.0 * (draw(d.seed, 'agency_shift', y.agency_key) - 0.5)
            + 0.8 * (y.year - 2023)) / 25.0 as base,
        coalesce(y.jpm_dev, 0.0) as dev,
        -- a bad year now and then (an outage, a complaints backlog): procedure, time, complaints
        case when draw(d.seed, 'bad', y.agency_key, y.year) < 0.03 then 1.0 else 0.0 end as bad,
        list_transform(range(1, 10), lambda i: 0.2 * tri(d.seed, 'u_agency' || i, y.agency_key)
            + 0.15 * tri(d.seed, 'u_noise' || i, y.agency_key, y.year)) as wobble,
        d.seed
    from years y
    cross join demo_seed d
),

scored as (
    select agency_key, year, seed,
        list_transform(range(1, 10), lambda i: round(greatest(1.0, least(4.0,
            base + wobble[i]
            + case i when 6 then 0.02 * dev when 7 then 0.01 * dev else 0.0 end
            - case when i in (2, 3, 8) then bad else 0.0 end)), 2)) as u
    from unsur
),

final as (
    select agency_key, year,
        round(25.0 * list_avg(u), 2) as ikm,
        -- the survey's sample: 40-379, often short of Krejcie-Morgan's target
        (40 + floor(340 * draw(seed, 'respondents', agency_key, year)))::integer as respondents,
        -- a fifth of the agencies printed only the IKM in 2023 (no unsur, no sample size)
        draw(seed, 'ikm_only', agency_key) < 0.2 and year = 2023 as ikm_only,
        u
    from scored
)

select agency_key, year, ikm,
    case when not ikm_only then respondents end,
    case when not ikm_only then u[1] end, case when not ikm_only then u[2] end,
    case when not ikm_only then u[3] end, case when not ikm_only then u[4] end,
    case when not ikm_only then u[5] end, case when not ikm_only then u[6] end,
    case when not ikm_only then u[7] end, case when not ikm_only then u[8] end,
    case when not ikm_only then u[9] end
from final;

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
from tested
order by emp_key;  -- clustered by employee, as employees.sql
