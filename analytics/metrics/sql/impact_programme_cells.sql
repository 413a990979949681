-- roll-up of impact_programme.sql: the treated arm of each programme summed from
-- programme_cell, the control arm (untreated pairs of the competency) from pair_cell, for
-- filters that need no unit or rank (analytics/metrics/route.py). Columns as
-- impact_programme.sql.
with programmes as (
    -- the titles the asking user may know of: all, or for a scoped user those with an event
    -- someone in their scope took part in
    select distinct t.title, t.competency_key
    from trainings t
    where t.competency_key is not null and {catalogue_t}
),
treated_arm as (
    select s.title, s.competency_key, sum(s.n)::bigint as n,
           sum(s.sx)::bigint as sx, sum(s.sy)::bigint as sy, sum(s.sxx)::bigint as sxx,
           sum(s.sxy)::bigint as sxy, sum(s.syy)::bigint as syy
    from {programme_cell} s
    where {year_s} and {where_s}
    group by s.title, s.competency_key
),
control_arm as (
    select s.competency_key, sum(s.n)::bigint as n,
           sum(s.sx)::bigint as sx, sum(s.sy)::bigint as sy, sum(s.sxx)::bigint as sxx,
           sum(s.sxy)::bigint as sxy, sum(s.syy)::bigint as syy
    from {pair_cell} s
    where not s.treated and {year_s} and {where_s}
    group by s.competency_key
),
final as (
    select pr.title, c.competency_id,
           coalesce(t.n, 0) as t_n, coalesce(t.sx, 0) as t_sx, coalesce(t.sy, 0) as t_sy,
           coalesce(t.sxx, 0) as t_sxx, coalesce(t.sxy, 0) as t_sxy, coalesce(t.syy, 0) as t_syy,
           coalesce(k.n, 0) as c_n, coalesce(k.sx, 0) as c_sx, coalesce(k.sy, 0) as c_sy,
           coalesce(k.sxx, 0) as c_sxx, coalesce(k.sxy, 0) as c_sxy, coalesce(k.syy, 0) as c_syy
    from programmes pr
    join competencies c on c.competency_key = pr.competency_key
    left join treated_arm t on t.title = pr.title and t.competency_key = pr.competency_key
    left join control_arm k on k.competency_key = pr.competency_key
    where t.n is not null or k.n is not null
)
select * from final
