-- roll-up of per_person_group.sql: employees whose scores of the year all sit in one position
-- come summed per agency, position, gender, employment type, denominator and category from
-- person_cell (filtered by where_c, the clause over cells); the few with scores in several
-- positions that year (person_year.position_key null) are summed per person as without
-- roll-ups (where_s). For filters and groupings that need no unit or rank
-- (analytics/metrics/route.py). person_cell is the agency layer person_agency when the answer is
-- grouped by agency without a job family or type (then cell_join is empty: no position).
-- The cells are passed on as they are: score_groups.sql sums them per group and denominator
-- (one hash aggregation of the cells instead of two: a national by-agency answer sums 1.1 M).
select s.year::integer as year, {inner_select}, s.den, s.cat,
       s.n as w, s.scores, s.level_t, s.shortfall_t, s.meeting
from {person_cell} s
{cell_join}
where {year_s} and {where_c}
union all
select year, {inner_keys}, den, cat, 1 as w, scores, level_t, shortfall_t, meeting
from (
    select s.year::integer as year, {inner_select}, s.emp_key,
           count(*) as scores,
           sum((s.level * 10)::bigint)::bigint as level_t,
           sum(s.required_level::bigint * 10)::bigint as den,
           sum(greatest(s.required_level::bigint * 10 - (s.level * 10)::bigint, 0))::bigint
               as shortfall_t,
           count(*) filter (where s.level >= s.required_level) as meeting,
           jpm_cat(sum((s.level * 10)::bigint), sum(s.required_level::bigint * 10)) as cat
    from score s
    join positions p on p.position_key = s.position_key
    where s.required_level is not null and {year_s} and {where_s}
      and (s.emp_key, s.year) in (
          select emp_key, year from person_year where position_key is null)
    group by all
)
