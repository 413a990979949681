-- jpm-summary parts: one row per group and JPM denominator. Each employee's JPM for a group is
-- 100 x Σ level / Σ required over their selected scores in that group (the group being the
-- employee's agency or unit gives the whole-year JPM; a job family or type, the JPM over the
-- scores in it). Columns: the key column(s), den (Σ required in tenths), num (Σ over those
-- employees of 100 x Σ level in tenths), n (employees), n_optimal, n_cukup, n_kurang
-- (categories decided on each exact JPM). Python sums num/den exactly into mean_jpm.
with scores as (
    select s.emp_key, s.competency_key, s.position_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
per_person as (
    select {key_select}, s.emp_key,
           100 * sum(s.level_t)::bigint as num, sum(s.required_t)::bigint as den
    from scores s
    join agencies a on a.agency_key = s.agency_key
    join positions p on p.position_key = s.position_key
    join competencies c on c.competency_key = s.competency_key
    group by all
),
final as (
    select {key_columns}, den,
           sum(num)::bigint as num,
           count(*) as n,
           count(*) filter (where {is_optimal}) as n_optimal,
           count(*) filter (where {is_cukup}) as n_cukup,
           count(*) filter (where {is_kurang}) as n_kurang
    from per_person
    group by all
)
select * from final
