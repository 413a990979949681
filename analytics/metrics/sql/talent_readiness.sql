-- Readiness for a target position ($target, a position_key) in talent year $year, for every
-- employee in $candidates (emp_keys of that year's succession group, boxes 7-9). For each
-- competency of the target's standard, the candidate's level is their score of the latest year
-- in [$year - 2, $year] that has one (every score counts, with or without a standard at their
-- own position): their ready_level row, where that rule is written.
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
    select c.emp_key, t.competency_key, t.req_t, r.level_t::integer as level_t
    from candidates c
    cross join target t
    left join ready_level r
      on r.year = $year and r.emp_key = c.emp_key and r.competency_key = t.competency_key
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
