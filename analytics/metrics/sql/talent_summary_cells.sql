-- roll-up of talent_summary.sql: the same columns from talent_cell (or talent_nat: the cells
-- summed over agencies), for filters that need no unit or rank (analytics/metrics/route.py).
-- Cells carry the employee's current agency, position, gender and employment type.
with groups as (
    select s.year::integer as year, {inner_select},
           sum(s.employees)::bigint as employees, sum(s.mapped)::bigint as mapped,
           sum(s.box_1)::bigint as box_1, sum(s.box_2)::bigint as box_2,
           sum(s.box_3)::bigint as box_3, sum(s.box_4)::bigint as box_4,
           sum(s.box_5)::bigint as box_5, sum(s.box_6)::bigint as box_6,
           sum(s.box_7)::bigint as box_7, sum(s.box_8)::bigint as box_8,
           sum(s.box_9)::bigint as box_9
    from {talent_cell} s
    join positions p on p.position_key = s.position_key
    where s.year = $talent_year and {where_s}
    group by all
    having sum(s.employees) > 0
),
final as (
    select g.year, {labels}, g.employees, g.mapped,
           g.box_1, g.box_2, g.box_3, g.box_4, g.box_5, g.box_6, g.box_7, g.box_8, g.box_9,
           g.box_7 + g.box_8 + g.box_9 as succession
    from groups g
    {label_joins}
)
select * from final
order by {order}  -- byte order of UTF-8 = code-point order
