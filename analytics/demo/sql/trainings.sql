-- Training events: each programme runs as many classes a year as its participants need
-- (class_size each). Developing programmes end Sep-Dec, after the year's assessments; general
-- ones any time in the year. training_key in (programme, year, class) order.
create or replace temp table demo_events as
with counts as (
    select prog, year, count(*) as n
    from demo_picks
    group by prog, year
),

classes as (
    select c.prog, c.year, greatest(1, ceil(c.n / g.class_size))::bigint as n_classes,
        unnest(range(n_classes)) as idx
    from counts c
    join demo_progs g using (prog)
),

dated as (
    select c.*, g.*, d.seed,
        case when g.competency_key is not null
             then make_date(c.year, 9, 1)
                  + floor(draw(d.seed, 'end', c.prog, c.year, c.idx) * 105)::integer
             else make_date(c.year, 1, 1) + (g.days - 1)::integer
                  + floor(draw(d.seed, 'end', c.prog, c.year, c.idx) * (348 - g.days))::integer
        end as end_date
    from classes c
    join demo_progs g using (prog)
    cross join demo_seed d
),

final as (
    select row_number() over (order by prog, year, idx)::integer as training_key,
        prog, year, idx,
        -- PKA-2024-007; national programmes run thousands of classes a year: more digits
        code || '-' || year::varchar || '-'
            || lpad((idx + 1)::varchar, greatest(3, length(n_classes::varchar))::integer, '0')
            as training_id,
        title, competency_key, hours_jp::decimal(9, 2) as hours_jp,
        end_date - (days - 1)::integer as start_date, end_date,
        providers[1 + floor(draw(seed, 'provider', prog, year, idx)
                            * len(providers))::integer] as provider,
        round(cost_pp * class_size
              * (0.85 + 0.3 * draw(seed, 'cost', prog, year, idx)), -3) as cost_idr,
        mode
    from dated
)

select * from final;

insert into trainings
select training_key, training_id, title, competency_key, hours_jp, start_date, end_date,
       provider, cost_idr, mode
from demo_events;
