-- Which candidates head a post's succession list: for the post $target (a position_key) in
-- talent year $year, the emp_keys of the list's first $limit candidates (`head`: box highest
-- first, then missing fewest first, then jpm_target highest first, empty last, then nip) and of
-- the $best closest to ready (`best`: the same without box). Candidates: the population's talent
-- rows in boxes 7-9 (ready_sum; {population} is a condition over t) not holding the post. Their
-- exact rows are then computed for these few (metrics/talent.readiness): this query only chooses
-- them, without summing any candidate's levels one competency at a time:
-- - missing and Σ level over the post's competencies are each candidate's stored count and sum
--   less their few levels outside the post's standard;
-- - only the groups the first rows fall in ((box, missing) for head, missing for best) are
--   ranked;
-- - jpm_target's denominator is the post's Σ required for a complete candidate, and is summed
--   over their own levels only for the incomplete candidates of those groups.
-- Columns: list ('head' or 'best'), emp_key, in each list's order.
with req as (
    select st.competency_key, st.required_level::integer * 10 as req_t
    from standards st
    where st.position_key = $target
),
post as (
    select count(*) as n_comp, sum(req_t) as den from req
),
cand as (
    select t.emp_key, t.box, t.level_t, t.n_level
    from ready_sum t
    where t.year = $year and t.position_key <> $target and {population}
),
outside as (
    -- (of_cand: store/ready.of_candidates; for everyone, the post's holders' rows come too,
    -- and the join below leaves them out)
    select r.emp_key, sum(r.level_t)::integer as level_t, count(*) as n
    from ready_level r
    where r.year = $year
      and r.competency_key not in (select competency_key from req)
      and {of_cand}
    group by r.emp_key
),
keyed as (
    select c.emp_key, c.box,
           p.n_comp - (c.n_level - coalesce(o.n, 0)) as missing,
           c.level_t - coalesce(o.level_t, 0) as level_in
    from cand c
    left join outside o on o.emp_key = c.emp_key
    cross join post p
),
head_groups as (
    -- the (box, missing) groups the list's first $limit rows come from
    select box, missing
    from (
        select box, missing,
               coalesce(sum(n) over (order by box desc, missing
                                     rows between unbounded preceding and 1 preceding), 0)
                   as before
        from (select box, missing, count(*) as n from keyed group by box, missing)
    )
    where before < $limit
),
best_groups as (
    -- the missing counts the $best closest candidates come from
    select missing
    from (
        select missing,
               coalesce(sum(n) over (order by missing
                                     rows between unbounded preceding and 1 preceding), 0)
                   as before
        from (select missing, count(*) as n from keyed group by missing)
    )
    where before < $best
),
chosen as (
    select k.*,
           exists (select 1 from head_groups g where g.box = k.box and g.missing = k.missing)
               as in_head,
           k.missing in (select missing from best_groups) as in_best
    from keyed k
    where k.missing in (select missing from best_groups)
       or exists (select 1 from head_groups g where g.box = k.box and g.missing = k.missing)
),
den_in as (
    -- Σ required over the post's competencies an incomplete candidate has a level in
    select r.emp_key, sum(q.req_t) as den
    from ready_level r
    join req q on q.competency_key = r.competency_key
    where r.year = $year
      and r.emp_key in (select emp_key from chosen where missing > 0)
    group by r.emp_key
),
final as (
    select k.emp_key, k.box, k.missing, k.in_head, k.in_best, e.nip,
           100 * k.level_in / (case when k.missing = 0 then p.den else d.den end) as jpm_target
    from chosen k
    cross join post p
    left join den_in d on d.emp_key = k.emp_key
    join employees e on e.emp_key = k.emp_key
)
select * from (
    select 'head' as list, emp_key
    from final
    where in_head
    order by box desc, missing, jpm_target desc nulls last, nip
    limit $limit
)
union all
select * from (
    select 'best' as list, emp_key
    from final
    where in_best
    order by missing, jpm_target desc nulls last, nip
    limit $best
)
