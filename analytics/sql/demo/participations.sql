-- Participants spread evenly over their programme-year's classes, in a seeded random order.
insert into participations
with ranked as (
    select p.*,
        row_number() over (partition by p.prog, p.year
                           order by unit(hash(d.seed, p.emp_key, p.prog, p.year, 'class')), p.emp_key)
            - 1 as rn
    from demo_picks p
    cross join demo_seed d
),

classes as (
    select prog, year, count(*) as k
    from demo_events
    group by prog, year
),

final as (
    select e.training_key, r.emp_key, r.completed
    from ranked r
    join classes c using (prog, year)
    join demo_events e on e.prog = r.prog and e.year = r.year and e.idx = r.rn % c.k
)

select * from final;
