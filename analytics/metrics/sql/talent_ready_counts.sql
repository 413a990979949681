-- Readiness counts of many posts at once (posts at risk, the report's top posts, a post's
-- candidates): for each post in $posts (position_keys) with a standard, its candidates in talent
-- year $year by readiness for it, graded from hist: the candidates' histogram of Σ level over
-- the post's competencies (store/sql/ready_hist.sql, computed for the population; or, for the
-- whole store, its stored rows in ready_post: position_key, total_t, n, total_t null counting
-- every candidate). A complete candidate is `Memenuhi Syarat` when 100 x Σ level >= $ms_min x Σ
-- required, `Masih Memenuhi Syarat` when >= $mms_min, else `Kurang Memenuhi Syarat`
-- (metrics/talent.readiness_of, tied by tests to each post's succession list); the rest miss a
-- level.
-- Columns: position_key, candidates, ms, mms, kms (each post of $posts with a standard).
with post as (
    select st.position_key, sum(st.required_level::integer * 10) as den
    from standards st
    where list_contains($posts::integer[], st.position_key)
    group by st.position_key
),
hist as (
    {hist}
)
select p.position_key,
       coalesce(sum(h.n) filter (where h.total_t is null), 0)::bigint as candidates,
       coalesce(sum(h.n) filter (where 100 * h.total_t >= $ms_min * p.den), 0)::bigint as ms,
       coalesce(sum(h.n) filter (where 100 * h.total_t < $ms_min * p.den
                                   and 100 * h.total_t >= $mms_min * p.den), 0)::bigint as mms,
       coalesce(sum(h.n) filter (where 100 * h.total_t < $mms_min * p.den), 0)::bigint as kms
from post p
left join hist h on h.position_key = p.position_key
group by p.position_key
