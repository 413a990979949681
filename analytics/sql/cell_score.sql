-- roll-up of per_score.sql: the same rows summed per agency and position in score_cell
-- (sql/derived.sql), for filters and groupings that need no unit or rank
-- (analytics/metrics/route.py).
select s.year::integer as year, {inner_select}, s.den::bigint as den, s.cat,
       sum(s.n)::bigint as w,
       sum(s.n)::bigint as scores,
       sum(s.level_t)::bigint as level_t,
       sum(s.shortfall_t)::bigint as shortfall_t,
       sum(s.meeting)::bigint as meeting
from {score_cell} s
join positions p on p.position_key = s.position_key
where {year_s} and {where_s}
group by all
