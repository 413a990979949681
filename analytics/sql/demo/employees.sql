-- Employees: one per seat of the plan (demo_units), the first seats of a unit filling its
-- structural posts (demo_slots), the others drawn from the unit's staff mix (demo_mixes).
-- NIP = birth date + appointment YYYYMM (PPPK: TMT year, '2', period) + gender digit + a
-- serial counting the people who share the first 15 digits, in emp_key order.
-- Parameters: $male, $female, $second_m, $second_f, $family (name lists).
create or replace temp table demo_emp as
with seats as (
    select unit_key, agency_key, unit, mix_id, i, emp_start + i + 1 as emp_key
    from (select *, unnest(range(n)) as i from demo_units)
),

placed as (
    select s.emp_key, s.agency_key, s.unit, d.seed,
           coalesce(sl.position_key, m.position_key) as position_key
    from seats s
    cross join demo_seed d
    join demo_mixes m
      on m.mix_id = s.mix_id
     and m.slot = floor(unit(hash(d.seed, s.emp_key, 'job')) * 1000)::integer
    left join demo_slots sl on sl.unit_key = s.unit_key and sl.i = s.i
),

person as (
    select pl.*, p.job_code, p.below_key, p.ranks, p.grade, p.prefix, p.suffixes, p.p_master,
        p.masters,
        unit(hash(seed, emp_key, 'female')) < p.p_female as female,
        unit(hash(seed, emp_key, 'pppk')) < p.p_pppk as pppk,
        (unit(hash(seed, emp_key, 'age1')) + unit(hash(seed, emp_key, 'age2'))) / 2 as age_frac,
        p.age_lo + (p.age_hi - p.age_lo) * age_frac as age,
        date '2025-12-31' - (age * 365.25)::integer as birth_date
    from placed pl
    join demo_positions p using (position_key)
),

appointed as (
    select *,
        greatest(year(birth_date) + 19, least(2025, year(birth_date) + 22
            + floor(unit(hash(seed, emp_key, 'app_age')) * 12)::integer)) as pns_year,
        -- CPNS are appointed in a few months of the year (TMT 1 January, 1 March, ...)
        [1, 3, 3, 12, 12, 4, 2, 6, 10, 1, 3, 5][
            1 + floor(unit(hash(seed, emp_key, 'app_month')) * 12)::integer] as pns_month,
        [2021, 2022, 2022, 2022, 2023, 2023, 2024, 2024, 2024, 2025][
            1 + floor(unit(hash(seed, emp_key, 'tmt')) * 10)::integer] as pppk_year,
        case when unit(hash(seed, emp_key, 'period')) < 0.3 then '2' else '1' end as period
    from person
),

named as (
    select *,
        floor(unit(hash(seed, emp_key, 'first')) * len(case when female then $female else $male end))::integer as i1,
        (i1 + 1 + floor(unit(hash(seed, emp_key, 'other'))
            * (len(case when female then $female else $male end) - 1))::integer)
            % len(case when female then $female else $male end) as i2,
        case when female then $female[i1 + 1] else $male[i1 + 1] end as first_name,
        case when female then $female[i2 + 1] else $male[i2 + 1] end as other_name,
        case when female
             then $second_f[1 + floor(unit(hash(seed, emp_key, 'second')) * len($second_f))::integer]
             else $second_m[1 + floor(unit(hash(seed, emp_key, 'second')) * len($second_m))::integer]
        end as second_name,
        $family[1 + floor(unit(hash(seed, emp_key, 'family')) * len($family))::integer] as family_name,
        unit(hash(seed, emp_key, 'form')) as form,
        suffixes[1 + floor(unit(hash(seed, emp_key, 'degree')) * len(suffixes))::integer] as degree
    from appointed
),

composed as (
    select *,
        prefix
        || case when age > 45 and unit(hash(seed, emp_key, 'haji')) < 0.12
                then case when female then 'Hj. ' else 'H. ' end else '' end
        || case when form < 0.42 then first_name || ' ' || second_name
                when form < 0.62 then first_name || ' ' || other_name
                when form < 0.76 then first_name || ' ' || family_name
                when form < 0.86 then first_name
                else first_name || ' ' || other_name || ' ' || second_name end
        || case when degree <> '' then ', ' || degree else '' end
        || case when degree <> '' and unit(hash(seed, emp_key, 'master')) < p_master
                then ', ' || masters[1 + floor(unit(hash(seed, emp_key, 'mdeg')) * len(masters))::integer]
                else '' end as full_name,
        strftime(birth_date, '%Y%m%d')
        || case when pppk then pppk_year::varchar || '2' || period
                else pns_year::varchar || lpad(pns_month::varchar, 2, '0') end
        || case when female then '2' else '1' end as nip15,
        case when pppk then pppk_year else pns_year end as tmt_year,
        least(len(ranks), 1 + floor(greatest(0.0, least(0.999,
            age_frac + 0.25 * (unit(hash(seed, emp_key, 'rank')) - 0.5))) * len(ranks))::integer)
            as rank_ix
    from named
),

final as (
    select emp_key,
        nip15 || lpad(row_number() over (partition by nip15 order by emp_key)::varchar, 3, '0')
            as nip,
        full_name as name, agency_key, unit, position_key,
        case when female then 'P' else 'L' end as gender,
        birth_date,
        case when pppk then 'PPPK' else 'PNS' end as employment_type,
        case when pppk then grade else ranks[rank_ix] end as rank,
        job_code, below_key, tmt_year
    from composed
)

select * from final;

insert into employees
select emp_key, nip, name, agency_key, unit, position_key, gender, birth_date,
       employment_type, rank
from demo_emp;
