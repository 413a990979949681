-- per person: an employee's whole year, read from person_year (groupings that never split an
-- employee's year, and filters that select all of an employee's scores or none)
select s.year::integer as year, {inner_select}, s.emp_key, 1 as w,
       s.n_scores as scores,
       (s.sum_level * 10)::bigint as level_t,
       s.sum_required::bigint * 10 as den,
       (s.sum_shortfall * 10)::bigint as shortfall_t,
       s.n_meeting as meeting,
       jpm_cat((s.sum_level * 10)::bigint, s.sum_required::bigint * 10) as cat
from person_year s
where {year_s} and {where_s}
