-- Who joins which programme in which year: developing programmes from demo_chain (low
-- scorers, after the year's assessment), general ones by eligibility and reach.
-- completed is drawn here; for developing programmes it is the draw that set the effect.
create or replace temp table demo_picks as
with developing as (
    select emp_key, unnest([
            {'y': 2023, 's': sel23, 'p': prog23, 'c': done23},
            {'y': 2024, 's': sel24, 'p': prog24, 'c': done24},
            {'y': 2025, 's': sel25, 'p': prog25, 'c': done25}
        ]) as k
    from demo_chain
    where sel23 or sel24 or sel25
),

general as (
    select e.emp_key, g.prog, y.year,
        draw(d.seed, 'done', e.emp_key, g.prog, y.year) < g.completion as completed
    from (
        -- job code, and the year of appointment (PNS) or of TMT (PPPK) from the NIP
        select e.emp_key, e.employment_type, p.job_code, substr(e.nip, 9, 4)::integer as tmt_year
        from employees e
        join demo_positions p using (position_key)
    ) e
    cross join demo_seed d
    cross join demo_general g
    cross join (values (2023), (2024), (2025)) y(year)
    where (g.eligible = 'all' or g.eligible = e.job_code
           or (g.eligible = 'new_pns' and e.employment_type = 'PNS' and e.tmt_year = y.year)
           or (g.eligible = 'new_pppk' and e.employment_type = 'PPPK' and e.tmt_year = y.year))
      and draw(d.seed, 'join', e.emp_key, g.prog, y.year) < g.reach
),

final as (
    select emp_key, k.p::smallint as prog, k.y::smallint as year, k.c as completed
    from developing
    where k.s
    union all
    select emp_key, prog::smallint, year::smallint, completed
    from general
)

select * from final;
