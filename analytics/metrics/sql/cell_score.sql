-- roll-up of per_score.sql: the same rows summed per agency and position in score_cell
-- (sql/derived.sql), for filters and groupings that need no unit or rank
-- (analytics/metrics/route.py).
-- The cells are passed on as they are (score_groups.sql sums them per group and denominator).
select s.year::integer as year, {inner_select}, s.den::bigint as den, s.cat,
       s.n as w, s.n as scores, s.level_t, s.shortfall_t, s.meeting
from {score_cell} s
join positions p on p.position_key = s.position_key
where {year_s} and {where_s}
