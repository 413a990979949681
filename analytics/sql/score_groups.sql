-- The one base of the score summaries (gap-summary, jpm-summary, trend): the selected scores
-- with a standard, first summed per employee and group (per_person: one row per year, group
-- key(s) and employee), then per year, group and JPM denominator. Python adds the rows of one
-- group up and divides once (exact integers in tenths; exact mean of JPMs).
-- Columns: year, the group key(s), den (the employee's Σ required in the group, tenths),
-- n (employees), scores, level_t, shortfall_t, meeting (scores with level >= required),
-- num (Σ over the employees of 100 x their Σ level, tenths), n_optimal, n_cukup, n_kurang
-- (employees per JPM category, decided on each exact JPM num/den).
with per_person as (
    {per_person}
),
grouped as (
    select year, {inner_keys}, den,
           count(*) as n,
           sum(scores)::bigint as scores,
           sum(level_t)::bigint as level_t,
           sum(shortfall_t)::bigint as shortfall_t,
           sum(meeting)::bigint as meeting,
           sum(num)::bigint as num,
           count(*) filter (where num >= {optimal_min} * den) as n_optimal,
           count(*) filter (where num >= {cukup_min} * den and num < {optimal_min} * den)
               as n_cukup,
           count(*) filter (where num < {cukup_min} * den) as n_kurang
    from per_person
    group by all
),
final as (
    select g.year, {labels}, g.den, g.n, g.scores, g.level_t, g.shortfall_t, g.meeting, g.num,
           g.n_optimal, g.n_cukup, g.n_kurang
    from grouped g
    {label_joins}
)
select * from final
