-- roll-up of jp_compliance.sql: the same columns from emp_cell and jp_cell (current employees
-- and their JP per agency, position, gender and employment type), for groupings and filters
-- that need no unit or rank (analytics/metrics/route.py).
with groups as (
    select {inner_select}, sum(s.n)::bigint as employees
    from {emp_cell} s
    join positions p on p.position_key = s.position_key
    where {where_s}
    group by all
    having sum(s.n) > 0
),
years as (
    -- the whole store's years, as the asking user may see it (only the scope applies)
    select s.year from {year_cell} s where {visible_s}
    union
    select s.year from {jp_cell} s where {visible_s}
),
chosen_years as (
    select y.year::integer as year from years y where {year_y}
),
jp as (
    select s.year::integer as year, {inner_select},
           sum(s.jp_h)::bigint as jp_h, sum(s.n_20jp)::bigint as n_20jp
    from {jp_cell} s
    join positions p on p.position_key = s.position_key
    where {where_s}
    group by all
),
grid as (
    select y.year, g.*, coalesce(jp.jp_h, 0) as jp_h, coalesce(jp.n_20jp, 0) as n_20jp
    from chosen_years y
    cross join groups g
    left join jp on jp.year = y.year and {join_keys}
),
final as (
    select g.year, {labels}, g.employees, g.jp_h, g.n_20jp
    from grid g
    {label_joins}
)
select * from final
order by {order}  -- byte order of UTF-8 = code-point order
