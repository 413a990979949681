-- per person: the employee's selected scores in the group, summed (bigint: a hugeint would
-- reach Python as a float)
select s.year::integer as year, {inner_select}, s.emp_key, 1 as w,
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
group by all
