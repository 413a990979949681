-- The one base of the score summaries (gap-summary, jpm-summary, trend): the selected scores
-- with a standard, first summed per employee and group (per_person: rows of w employees who
-- share year, group key(s), JPM denominator den and JPM category cat, with the totals of
-- their scores, level_t, shortfall_t and meeting: one row per employee, or a roll-up cell of
-- many), then per year, group and denominator. Python adds the rows of one group up and
-- divides once (exact integers in tenths; exact mean of JPMs).
-- Columns: year, the group key(s) (agency_id, position_id, competency_id hold their integer
-- keys: score_groups.label names the summed groups), den (an employee's Σ required in the group, tenths),
-- n (employees), scores, level_t, shortfall_t, meeting (scores with level >= required),
-- and with categories n_optimal, n_cukup, n_kurang (employees per JPM category, decided on
-- each exact JPM 100 x level_t / den); the w employees' JPM numerators add up to 100 x level_t.
with per_person as (
    {per_person}
),
grouped as (
    select year, {inner_keys}, den,
           sum(w)::bigint as n,
           sum(scores)::bigint as scores,
           sum(level_t)::bigint as level_t,
           sum(shortfall_t)::bigint as shortfall_t,
           sum(meeting)::bigint as meeting,
           {categories}
    from per_person
    group by all
),
final as (
    select g.year, {labels}, g.den, g.n, g.scores, g.level_t, g.shortfall_t, g.meeting,
           g.n_optimal, g.n_cukup, g.n_kurang
    from grouped g
    {label_joins}
)
select * from final
