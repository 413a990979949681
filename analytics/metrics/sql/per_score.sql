-- per person: one score (grouping by competency: an employee has one score per competency
-- and year, so the score is the person's whole part of the group). Scores of one group with
-- the same required level and JPM class (cat of 100 x level / required) are summed in one row
-- of w employees: a group by on small integer domains, much cheaper than one row per score.
select s.year::integer as year, {inner_select},
       s.required_level::bigint * 10 as den,
       jpm_cat((s.level * 10)::bigint, s.required_level::bigint * 10) as cat,
       count(*) as w,
       count(*) as scores,
       sum((s.level * 10)::bigint)::bigint as level_t,
       sum(greatest(s.required_level::bigint * 10 - (s.level * 10)::bigint, 0))::bigint
           as shortfall_t,
       count(*) filter (where s.level >= s.required_level) as meeting
from score s
where s.required_level is not null and {year_s} and {where_s}
group by all
