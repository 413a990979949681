-- talent-summary: one row per talent year and group with at least one rated employee of the
-- population. Groups by the employee's current agency or position (alias s = employees).
-- Columns: year, key column(s) (or none_), employees (rated), mapped (with a box), box_1 ..
-- box_9, succession (boxes 7-9).
with talent as (
    {talent}
),
final as (
    select t.year, {select}, count(*) as employees, count(t.box) as mapped,
           count(*) filter (where t.box = 1) as box_1,
           count(*) filter (where t.box = 2) as box_2,
           count(*) filter (where t.box = 3) as box_3,
           count(*) filter (where t.box = 4) as box_4,
           count(*) filter (where t.box = 5) as box_5,
           count(*) filter (where t.box = 6) as box_6,
           count(*) filter (where t.box = 7) as box_7,
           count(*) filter (where t.box = 8) as box_8,
           count(*) filter (where t.box = 9) as box_9,
           count(*) filter (where t.box >= 7) as succession
    from talent t
    join employees s on s.emp_key = t.emp_key
    join agencies a on a.agency_key = s.agency_key
    join positions p on p.position_key = s.position_key
    group by t.year, {columns}
)
select * from final
order by {order}  -- byte order of UTF-8 = code-point order
