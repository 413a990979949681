-- Readiness counts of many posts at once (posts at risk, the report's top posts): for each post
-- in $posts (position_keys), the talent year's candidates (every employee of the population in
-- boxes 7-9, $candidates, who does not hold that post) by readiness for it. A candidate with a
-- level in every competency of its standard (latest score in [$year - 2, $year]) is
-- `Memenuhi Syarat` when 100 x Σ level >= $ms_min x Σ required, `Masih Memenuhi Syarat` when
-- >= $mms_min, else `Kurang Memenuhi Syarat` (metrics/talent.readiness_of, tied by a test to
-- each post's succession list); the rest miss a level.
-- Columns: position_key, candidates, ms, mms, kms (each post of $posts with a standard).
--
-- Posts are grouped by the set of competencies their standard names (a few dozen sets for
-- hundreds of posts: the managerial and socio-cultural ones and a job family's technical ones):
-- a candidate's Σ level over a set is summed once per set, not once per post, and each post
-- then only compares that sum with its own Σ required.
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
post_set as (
    select st.position_key, list(st.competency_key order by st.competency_key) as comps,
           sum(st.required_level::integer * 10) as den
    from standards st
    where list_contains($posts::integer[], st.position_key)
    group by st.position_key
),
sets as (
    -- grouping by an integer is several times cheaper than by a list
    select comps, row_number() over () as set_id from (select distinct comps from post_set)
),
member as (
    select set_id, len(comps) as n_comp, unnest(comps) as competency_key from sets
),
per_set as (
    -- candidates with a level in every competency of the set, and their Σ level over it
    select m.set_id, l.emp_key, sum(l.level_t) as level_t
    from member m
    join latest l on l.competency_key = m.competency_key
    group by m.set_id, l.emp_key
    having count(*) = any_value(m.n_comp)
),
ready as (
    select p.position_key,
           count(*) filter (where 100 * s.level_t >= $ms_min * p.den) as ms,
           count(*) filter (where 100 * s.level_t < $ms_min * p.den
                              and 100 * s.level_t >= $mms_min * p.den) as mms,
           count(*) filter (where 100 * s.level_t < $mms_min * p.den) as kms
    from post_set p
    join sets using (comps)
    join per_set s on s.set_id = sets.set_id
    join candidates c on c.emp_key = s.emp_key
    where c.holds <> p.position_key
    group by p.position_key
),
holding as (
    -- candidates who hold the post are no candidates for it
    select p.position_key, count(c.emp_key) as n
    from post_set p
    left join candidates c on c.holds = p.position_key
    group by p.position_key
),
final as (
    select h.position_key, (select count(*) from candidates) - h.n as candidates,
           coalesce(r.ms, 0) as ms, coalesce(r.mms, 0) as mms, coalesce(r.kms, 0) as kms
    from holding h
    left join ready r on r.position_key = h.position_key
)
select * from final
