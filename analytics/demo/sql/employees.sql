-- Employees: one per seat of the plan (demo_units), the first seats of a unit filling its
-- structural posts (demo_slots), the others drawn from the unit's staff mix (demo_mixes).
-- NIP = birth date + appointment YYYYMM (PPPK: TMT year, '2', period) + gender digit + a
-- serial counting the people who share the first 15 digits, in emp_key order.
-- Parameters: $male, $female, $second_m, $second_f, $family (name lists).
insert into employees
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
     and m.slot = floor(draw(d.seed, 'job', s.emp_key) * 1000)::integer
    left join demo_slots sl on sl.unit_key = s.unit_key and sl.i = s.i
),

person as (
    select pl.*, p.job_code, p.below_key, p.ranks, p.grade, p.prefix, p.suffixes, p.p_master,
        p.masters,
        draw(seed, 'female', emp_key) < p.p_female as female,
        draw(seed, 'pppk', emp_key) < p.p_pppk as pppk,
        -- one in twelve near the top of their post's age range (some holders close to
        -- retirement: the posts a succession plan looks at first)
        case when draw(seed, 'senior', emp_key) < 1.0 / 12
             then 1.0 - 0.08 * draw(seed, 'age1', emp_key)
             else (draw(seed, 'age1', emp_key) + draw(seed, 'age2', emp_key)) / 2
        end as age_frac,
        p.age_lo + (p.age_hi - p.age_lo) * age_frac as age,
        date '2025-12-31' - (age * 365.25)::integer as birth_date
    from placed pl
    join demo_positions p using (position_key)
),

appointed as (
    select *,
        greatest(year(birth_date) + 19, least(2025, year(birth_date) + 22
            + floor(draw(seed, 'app_age', emp_key) * 12)::integer)) as pns_year,
        -- CPNS are appointed in a few months of the year (TMT 1 January, 1 March, ...)
        [1, 3, 3, 12, 12, 4, 2, 6, 10, 1, 3, 5][
            1 + floor(draw(seed, 'app_month', emp_key) * 12)::integer] as pns_month,
        [2021, 2022, 2022, 2022, 2023, 2023, 2024, 2024, 2024, 2025][
            1 + floor(draw(seed, 'tmt', emp_key) * 10)::integer] as pppk_year,
        case when draw(seed, 'period', emp_key) < 0.3 then 2 else 1 end as period
    from person
),

named as (
    select *,
        case when female then len($female) else len($male) end as n_first,
        floor(draw(seed, 'first', emp_key) * n_first)::integer as i1,
        -- a second given name, never the first one again
        (i1 + 1 + floor(draw(seed, 'other', emp_key) * (n_first - 1))::integer) % n_first as i2,
        case when female then $female[i1 + 1] else $male[i1 + 1] end as first_name,
        case when female then $female[i2 + 1] else $male[i2 + 1] end as other_name,
        case when female
             then $second_f[1 + floor(draw(seed, 'second', emp_key) * len($second_f))::integer]
             else $second_m[1 + floor(draw(seed, 'second', emp_key) * len($second_m))::integer]
        end as second_name,
        $family[1 + floor(draw(seed, 'family', emp_key) * len($family))::integer] as family_name,
        draw(seed, 'form', emp_key) as form,
        suffixes[1 + floor(draw(seed, 'degree', emp_key) * len(suffixes))::integer] as degree
    from appointed
),

composed as (
    select *,
        prefix
        || case when age > 45 and draw(seed, 'haji', emp_key) < 0.12
                then case when female then 'Hj. ' else 'H. ' end else '' end
        || case when form < 0.42 then first_name || ' ' || second_name
                when form < 0.62 then first_name || ' ' || other_name
                when form < 0.76 then first_name || ' ' || family_name
                when form < 0.86 then first_name
                else first_name || ' ' || other_name || ' ' || second_name end
        || case when degree <> '' then ', ' || degree else '' end
        || case when degree <> '' and draw(seed, 'master', emp_key) < p_master
                then ', ' || masters[1 + floor(draw(seed, 'mdeg', emp_key) * len(masters))::integer]
                else '' end as full_name,
        -- the first 15 digits as a number: birth date, appointment, gender
        ((year(birth_date) * 10000 + month(birth_date) * 100 + day(birth_date))::bigint
            * 1000000
            + case when pppk then pppk_year * 100 + 20 + period
                   else pns_year * 100 + pns_month end) * 10
            + case when female then 2 else 1 end as nip15,
        case when pppk then pppk_year else pns_year end as tmt_year,
        least(len(ranks), 1 + floor(greatest(0.0, least(0.999,
            age_frac + 0.25 * (draw(seed, 'rank', emp_key) - 0.5))) * len(ranks))::integer)
            as rank_ix
    from named
),

numbered as (
    -- serial: rank among the people sharing the first 15 digits (never 000, at most 999)
    select *, row_number() over (partition by nip15 order by emp_key) as serial
    from composed
),

final as (
    select emp_key,
        case when serial <= 999 then (nip15 * 1000 + serial)::varchar
             else error('NIP serial above 999') end as nip,
        full_name as name, agency_key, unit, position_key,
        case when female then 'P' else 'L' end as gender,
        birth_date,
        case when pppk then 'PPPK' else 'PNS' end as employment_type,
        case when pppk then grade else ranks[rank_ix] end as rank
    from numbered
)

-- stored in emp_key order, as the facts below: a slice of employees (derived rows, roll-ups)
-- then reads its own row groups (zone maps), not every row group of the table
select * from final
order by emp_key;
