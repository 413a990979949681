-- Each post's succession candidates by their Σ level over its standard (the readiness
-- histogram): for each post in $posts (position_keys with a standard), the talent year $year's
-- candidates (the talent rows in boxes 7-9 of ready_sum that {population} keeps; a condition
-- over t) who do not hold that post. Rows: position_key, total_t, n, where
-- - total_t null: n = every candidate for the post;
-- - total_t = Σ level_t (tenths) over the post's competencies: n = the candidates with a level
--   (ready_level: the latest score in [$year - 2, $year]) in every one of them and that sum.
-- The other candidates miss a level. Grading a histogram against the post's Σ required is
-- metrics/sql/talent_ready_counts.sql's; the store keeps the whole store's histograms per talent
-- year (ready_post, analytics/store/ready.py), and counts add up over candidates (an import adds
-- its employees' new rows and takes off their old ones).
--
-- No candidate's levels are summed here one competency at a time: the competencies every
-- requested post names (the managerial and socio-cultural core) are each candidate's stored sum
-- (ready_sum) less their few levels outside them (technical ones, mostly); posts are grouped by
-- the set of competencies they add to that core (a few dozen sets for hundreds of posts); and
-- each post's histogram is its set's. A country's three million candidates cost one pass over
-- their sums and one over their technical levels.
with req as (
    select st.position_key, st.competency_key
    from standards st
    where list_contains($posts::integer[], st.position_key)
),
post as (
    select distinct position_key from req
),
common as (
    -- the competencies every requested post names
    select competency_key
    from req
    group by competency_key
    having count(*) = (select count(*) from post)
),
cand as (
    select t.emp_key, t.position_key as holds, t.level_t, t.n_level
    from ready_sum t
    where t.year = $year and {population}
),
outside as (
    -- the candidates' levels in competencies outside the common core (of_cand:
    -- ready.of_candidates)
    select r.emp_key, r.competency_key, r.level_t
    from ready_level r
    where r.year = $year
      and r.competency_key not in (select competency_key from common)
      and {of_cand}
),
core as (
    -- candidates with a level in every common competency, and their Σ level over them
    select c.emp_key, c.holds, c.level_t - coalesce(o.level_t, 0) as core_t
    from cand c
    left join (
        select emp_key, sum(level_t)::integer as level_t, count(*) as n
        from outside
        group by emp_key
    ) o on o.emp_key = c.emp_key
    where c.n_level - coalesce(o.n, 0) = (select count(*) from common)
),
post_set as (
    -- each post's competencies beyond the core, as a list (empty for a core-only post)
    select p.position_key,
           coalesce(list(r.competency_key order by r.competency_key)
                    filter (where r.competency_key not in (select competency_key from common)),
                    []) as extra
    from post p
    join req r on r.position_key = p.position_key
    group by p.position_key
),
sets as (
    select extra, len(extra) as n_extra, row_number() over (order by extra) as set_id
    from (select distinct extra from post_set)
),
member as (
    select set_id, n_extra, unnest(extra) as competency_key from sets where n_extra > 0
),
ext as (
    -- each candidate with a level in every extra competency of a set, and their Σ over them
    -- (a set of one competency is its rows as they are: no grouping of millions)
    select m.set_id, o.emp_key, o.level_t::integer as level_t
    from member m
    join outside o on o.competency_key = m.competency_key
    where m.n_extra = 1
    union all
    select m.set_id, o.emp_key, sum(o.level_t)::integer
    from member m
    join outside o on o.competency_key = m.competency_key
    where m.n_extra > 1
    group by m.set_id, o.emp_key
    having count(*) = any_value(m.n_extra)
),
hist as (
    -- how many candidates complete for each set have each Σ level over it
    select s.set_id, c.core_t as total_t, count(*) as n
    from core c
    cross join sets s
    where s.n_extra = 0
    group by s.set_id, c.core_t
    union all
    select e.set_id, c.core_t + e.level_t, count(*)
    from ext e
    join core c on c.emp_key = e.emp_key
    group by e.set_id, c.core_t + e.level_t
),
own as (
    -- candidates complete for the post they hold: no candidates for it, taken off below
    select p.position_key, c.core_t + coalesce(e.level_t, 0) as total_t, count(*) as n
    from core c
    join post_set p on p.position_key = c.holds
    join sets x on x.extra = p.extra
    left join ext e on e.set_id = x.set_id and e.emp_key = c.emp_key
    where x.n_extra = 0 or e.emp_key is not null
    group by all
),
graded as (
    select p.position_key, h.total_t, h.n
    from post_set p
    join sets x on x.extra = p.extra
    join hist h on h.set_id = x.set_id
    union all
    select position_key, total_t, -n from own
),
holding as (
    select p.position_key, count(c.emp_key) as n
    from post p
    left join cand c on c.holds = p.position_key
    group by p.position_key
)
select position_key, null::integer as total_t, ((select count(*) from cand) - n)::bigint as n
from holding
union all
select position_key, total_t::integer, sum(n)::bigint
from graded
group by position_key, total_t
