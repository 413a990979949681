-- Posts at risk, the readiness part: for each post in $posts (position_keys), how many of the
-- talent year's candidates (every employee of the population in boxes 7-9, $candidates, who
-- does not hold that post) are `Memenuhi Syarat` for it: a level in every competency of its
-- standard (latest score in [$year - 2, $year]) and 100 x Σ level >= 80 x Σ required.
-- Columns: position_key, ready.
with candidates as (
    select c.emp_key, e.position_key as holds
    from (select unnest($candidates::integer[]) as emp_key) c
    join employees e on e.emp_key = c.emp_key
),
latest as (
    select sc.emp_key, sc.competency_key, arg_max((sc.level * 10)::integer, sc.year) as level_t
    from score sc
    join candidates c on c.emp_key = sc.emp_key
    where sc.year between $year - 2 and $year
    group by sc.emp_key, sc.competency_key
),
target as (
    select st.position_key, st.competency_key, st.required_level::integer * 10 as req_t,
           count(*) over (partition by st.position_key) as n_comp
    from standards st
    where list_contains($posts::integer[], st.position_key)
),
per_candidate as (
    select t.position_key, l.emp_key, any_value(t.n_comp) as n_comp, count(*) as n_have,
           sum(l.level_t) as level_t, sum(t.req_t) as den
    from target t
    join latest l on l.competency_key = t.competency_key
    group by t.position_key, l.emp_key
),
final as (
    select pc.position_key, count(*) as ready
    from per_candidate pc
    join candidates c on c.emp_key = pc.emp_key
    where pc.n_have = pc.n_comp and c.holds <> pc.position_key
      and 100 * pc.level_t >= $ms_min * pc.den
    group by pc.position_key
)
select * from final
