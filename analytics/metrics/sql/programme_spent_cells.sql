-- roll-up of programme_spent.sql: what the treated pairs' training cost per programme, summed
-- from programme_cell, for filters that need no unit or rank (analytics/metrics/route.py).
-- Columns as programme_spent.sql.
with final as (
    select s.title, c.competency_id, sum(s.spent)::double as spent,
           sum(s.unknown)::bigint as shares_without_cost
    from {programme_cell} s
    join competencies c on c.competency_key = s.competency_key
    where {year_s} and {where_s}
    group by s.title, c.competency_id
)
select * from final
