-- jp-compliance: one row per year and group of the population (every employee matching the
-- filters, by their current agency, unit and position). Years: every year in which an
-- assessment was made or a completed training ended, in the whole store (within the user's
-- scope, if any). Groups on integer keys first, labels after.
-- Columns: year, key column(s), employees, jp_h (Σ JP in hundredths, exact; 0 for those
-- without training), n_20jp (employees with JP >= $jp_right, exact decimal comparison).
with population as (
    select s.emp_key, {inner_select}
    from employees s
    join positions p on p.position_key = s.position_key
    where {where_s}
),
years as (
    -- the whole store's years, as the asking user may see it (only the scope applies)
    select s.year from {year_cell} s where {visible_s}
    union
    -- (jp_cell: the JP years per agency, without a scan of everyone's JP)
    select s.year from {jp_cell} s where {visible_s}
),
chosen_years as (
    select y.year::integer as year from years y where {year_y}
),
groups as (
    select {inner_keys}, count(*) as employees
    from population
    group by all
    having count(*) > 0
),
jp as (
    select j.year::integer as year, {pop_keys},
           sum((j.jp * 100)::bigint)::bigint as jp_h,
           count(*) filter (where j.jp >= $jp_right) as n_20jp
    from jp_year j
    join population pop on pop.emp_key = j.emp_key
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
