-- roll-up of same_people.sql from change_cell, for employees whose scores sit in one position
-- in each of the two years (the others: same_people.sql restricted to them); year0 must be the
-- previous score year of every employee with scores in both (no store year in between).
-- The year1 filters apply to position_key, the year0 ones to prev_position (a job family).
-- Columns as same_people.sql.
with grouped as (
    select {inner_select},
           sum(s.{count}) as employees,
           sum(s.n) as scores,
           sum(s.level0_t)::bigint as level0_t,
           sum(s.level1_t)::bigint as level1_t,
           sum(s.meeting0)::bigint as meeting0,
           sum(s.meeting1)::bigint as meeting1
    from {change_cell} s
    join positions p on p.position_key = s.position_key
    where s.year = $year1 and s.prev_year = $year0 and {where_s} and {where_s0}
    group by all
    having count(*) > 0  -- "none" groups by a constant: no rows must give no group
),
final as (
    select {labels}, g.employees, g.scores, g.level0_t, g.level1_t, g.meeting0, g.meeting1
    from grouped g
    {label_joins}
)
select * from final
