-- Readiness for a target position ($target, a position_key) in talent year $year, for every
-- employee in $candidates (emp_keys). For each competency of the target's standard, the
-- candidate's level is their score of the latest year in [$year - 2, $year] that has one
-- (every score counts, with or without a standard at their own position).
-- Columns: emp_key, level_t (Σ level x 10 over the competencies with a level; null when none),
-- den (Σ required x 10 over the same), below (levels < required), missing (no level).
with target as (
    select st.competency_key, st.required_level::integer * 10 as req_t
    from standards st
    where st.position_key = $target
),
candidates as (
    select unnest($candidates::integer[]) as emp_key
),
levels as (
    select c.emp_key, t.competency_key, t.req_t,
           arg_max((sc.level * 10)::integer, sc.year) as level_t
    from candidates c
    cross join target t
    left join score sc
      on sc.emp_key = c.emp_key and sc.competency_key = t.competency_key
     and sc.year between $year - 2 and $year
    group by c.emp_key, t.competency_key, t.req_t
),
final as (
    select emp_key,
           sum(level_t)::bigint as level_t,
           sum(req_t) filter (where level_t is not null)::bigint as den,
           count(*) filter (where level_t < req_t) as below,
           count(*) filter (where level_t is null) as missing
    from levels
    group by emp_key
)
select * from final
