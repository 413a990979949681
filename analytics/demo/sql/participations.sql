-- Participants spread evenly over their programme-year's classes, in a seeded random order.
insert into participations
with ranked as (
    select p.*,
        row_number() over (partition by p.prog, p.year
                           order by draw(d.seed, 'class', p.emp_key, p.prog, p.year), p.emp_key)
            - 1 as rn
    from demo_picks p
    cross join demo_seed d
),

classes as (
    select prog, year, count(*) as k
    from demo_events
    group by prog, year
),

placed as (
    select r.emp_key, r.prog, r.year, r.completed, r.rn % c.k as idx
    from ranked r
    join classes c using (prog, year)
),

final as (
    select e.training_key, p.emp_key, p.completed
    from placed p
    join demo_events e using (prog, year, idx)
)

select * from final
order by emp_key, training_key;  -- clustered by employee, as employees.sql
