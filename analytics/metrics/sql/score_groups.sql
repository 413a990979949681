-- The one base of the score summaries (gap-summary, jpm-summary, trend): the selected scores
-- with a standard, first summed per employee and group (per_person: rows of w employees who
-- share year, group key(s), JPM denominator den and JPM category cat, with the totals of
-- their scores, level_t, shortfall_t and meeting: one row per employee, or a roll-up cell of
-- many), then per year and group ({by_den}: and denominator, the exact path). Python adds the
-- rows of one group up and divides once (exact integers in tenths; the exact mean of JPMs).
-- Columns: year, the group key(s) (agency_id, position_id, competency_id hold their integer
-- keys: score_groups.label names the summed groups), [den (an employee's Σ required in the
-- group, tenths)], n (employees), scores, level_t, required_t (Σ required, tenths), shortfall_t,
-- meeting (scores with level >= required), with categories n_optimal, n_cukup, n_kurang
-- (employees per JPM category, decided on each exact JPM 100 x level_t / den), and the sum of
-- the employees' JPMs in binary fixed point (score_groups.fixed_means): jq its integer part, jb
-- and jc the next two blocks of {bits} bits (each below 2^{bits} once carried), jrest the rows
-- whose JPMs go on beyond them (each floored by less than one unit of jc), jwide the rows whose
-- den is too wide for the shifts (then left out: the exact path answers).
with per_person as (
    {per_person}
),
terms as (
    -- 100 x level_t / den = jq + (jb + (jc + r3 / den) / 2^bits) / 2^bits, in int64
    select p.*, (100 * p.level_t) // p.den as jq,
           case when p.den < {wide} then (100 * p.level_t) % p.den else 0 end as r1
    from per_person p
),
blocks as (
    select t.*, (t.r1 << {bits}) // t.den as jb, ((t.r1 << {bits}) % t.den) << {bits} as r2
    from terms t
),
grouped as (
    select year, {inner_keys}{by_den},
           sum(w)::bigint as n,
           sum(scores)::bigint as scores,
           sum(level_t)::bigint as level_t,
           sum(den * w)::bigint as required_t,
           sum(shortfall_t)::bigint as shortfall_t,
           sum(meeting)::bigint as meeting,
           {categories},
           sum(jq) as jq, sum(jb) as jb, sum(r2 // den) as jc,
           count(*) filter (where r2 % den <> 0) as jrest,
           count(*) filter (where den >= {wide}) as jwide
    from blocks
    group by all
),
final as (
    select g.year, {labels}{by_den}, g.n, g.scores, g.level_t, g.required_t, g.shortfall_t,
           g.meeting, g.n_optimal, g.n_cukup, g.n_kurang,
           -- carried so that jb and jc are below 2^BITS, as the Python sum expects
           (g.jq + ((g.jb + (g.jc >> {bits})) >> {bits}))::bigint as jq,
           ((g.jb + (g.jc >> {bits})) & {mask})::bigint as jb,
           (g.jc & {mask})::bigint as jc,
           g.jrest, g.jwide
    from grouped g
    {label_joins}
)
select * from final
