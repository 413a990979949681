-- per person: one score (grouping by competency: an employee has one score per competency
-- and year, so the score is the person's whole part of the group). Scores of one group with
-- the same level and required level are alike, so they are counted once with weight w: a
-- group by on small integer domains, much cheaper than one row per score.
select s.year::integer as year, {inner_select},
       1 as scores,
       (s.level * 10)::bigint as level_t,
       s.required_level::bigint * 10 as den,
       greatest(s.required_level::bigint * 10 - (s.level * 10)::bigint, 0) as shortfall_t,
       (s.level >= s.required_level)::integer as meeting,
       count(*) as w
from score s
where s.required_level is not null and {year_s} and {where_s}
group by all
