-- The life of every (employee, competency) from 2023 to 2025, one wide row each: assessment
-- events, observed levels, selection into training, completion and its effect on later levels.
--
-- level = ability + trend x years + effects of trainings completed before + noise.
-- Ability = the position's target + agency, agency x competency, person and person x
-- competency shifts. The noise is fresh at every assessment, so people picked for their low
-- score regress upward at the next one, trained or not: the naive before/after difference
-- overstates every programme, a regression on the first level does not.
-- Assessments run Feb-Jun (re-assessments Jul-Aug); developing trainings end Sep-Dec, so a
-- training of window y acts on every assessment from the next year on.
-- Expects demo_emp, demo_pos_comp, demo_seed (and the macros).
create or replace temp view demo_chain as
with people as (
    select e.emp_key, e.agency_key, e.position_key, e.below_key, d.seed,
        0.5 * (unit(hash(d.seed, e.agency_key, 'agency_shift')) - 0.5) as agency_shift,
        0.03 + 0.04 * unit(hash(d.seed, e.agency_key, 'trend')) as trend,
        0.5 + unit(hash(d.seed, e.agency_key, 'intensity')) as intensity,
        0.6 * tri(hash(d.seed, e.emp_key, 'ps1'), hash(d.seed, e.emp_key, 'ps2')) as person_shift,
        case when e.job_code in ('J', 'K', 'A', 'W') or unit(hash(d.seed, e.emp_key, 'ac')) < 0.15
             then 'Assessment Center' else 'CAT' end as method,
        -- promoted since: assessed before that date in the post one step below
        case when e.below_key is not null and unit(hash(d.seed, e.emp_key, 'promo')) < 0.12
             then date '2023-06-01' + floor(unit(hash(d.seed, e.emp_key, 'promo_on')) * 720)::integer
        end as promo_date,
        case when unit(hash(d.seed, e.emp_key, 'a23')) < 0.83
             then date '2023-02-01' + floor(unit(hash(d.seed, e.emp_key, 'd23')) * 150)::integer
        end as d23a,
        case when unit(hash(d.seed, e.emp_key, 'a24')) < 0.86
             then date '2024-02-01' + floor(unit(hash(d.seed, e.emp_key, 'd24')) * 150)::integer
        end as d24a,
        case when unit(hash(d.seed, e.emp_key, 'a25')) < 0.88
             then date '2025-02-01' + floor(unit(hash(d.seed, e.emp_key, 'd25')) * 150)::integer
        end as d25a,
        case when d23a is not null and unit(hash(d.seed, e.emp_key, 'r23')) < 0.02
             then date '2023-07-01' + floor(unit(hash(d.seed, e.emp_key, 'e23')) * 62)::integer
        end as d23b,
        case when d24a is not null and unit(hash(d.seed, e.emp_key, 'r24')) < 0.02
             then date '2024-07-01' + floor(unit(hash(d.seed, e.emp_key, 'e24')) * 62)::integer
        end as d24b,
        case when d25a is not null and unit(hash(d.seed, e.emp_key, 'r25')) < 0.02
             then date '2025-07-01' + floor(unit(hash(d.seed, e.emp_key, 'e25')) * 62)::integer
        end as d25b
    from demo_emp e
    cross join demo_seed d
),

rows as (
    select p.*, c.competency_key, c.rate, c.p1, c.e1, c.q1, c.w1, c.p2, c.e2, c.q2,
        c.target + p.agency_shift + p.person_shift
            + 0.3 * (unit(hash(p.seed, p.agency_key, c.competency_key, 'agency_comp')) - 0.5)
            + 0.4 * tri(hash(p.seed, p.emp_key, c.competency_key, 'pc1'),
                        hash(p.seed, p.emp_key, c.competency_key, 'pc2')) as ability
    from people p
    join demo_pos_comp c using (position_key)
),

y2023 as (
    select *,
        case when d23a is not null then level_of(ability + noise(
            hash(seed, emp_key, competency_key, 'n23a'), hash(seed, emp_key, competency_key, 'm23a')))
        end as l23a,
        case when d23b is not null then level_of(ability + noise(
            hash(seed, emp_key, competency_key, 'n23b'), hash(seed, emp_key, competency_key, 'm23b')))
        end as l23b,
        l23a is not null and unit(hash(seed, emp_key, competency_key, 's23'))
            < rate * intensity * selection_odds(l23a) as sel23,
        unit(hash(seed, emp_key, competency_key, 'p23')) < w1 as first23,
        case when first23 then p1 else p2 end as prog23,
        unit(hash(seed, emp_key, competency_key, 'c23')) < case when first23 then q1 else q2 end
            as done23,
        case when sel23 and done23 then case when first23 then e1 else e2 end else 0.0 end
            as gain23
    from rows
),

y2024 as (
    select *,
        case when d24a is not null then level_of(ability + trend + gain23 + noise(
            hash(seed, emp_key, competency_key, 'n24a'), hash(seed, emp_key, competency_key, 'm24a')))
        end as l24a,
        case when d24b is not null then level_of(ability + trend + gain23 + noise(
            hash(seed, emp_key, competency_key, 'n24b'), hash(seed, emp_key, competency_key, 'm24b')))
        end as l24b,
        l24a is not null and unit(hash(seed, emp_key, competency_key, 's24'))
            < rate * intensity * selection_odds(l24a) as sel24,
        unit(hash(seed, emp_key, competency_key, 'p24')) < w1 as first24,
        case when first24 then p1 else p2 end as prog24,
        unit(hash(seed, emp_key, competency_key, 'c24')) < case when first24 then q1 else q2 end
            as done24,
        case when sel24 and done24 then case when first24 then e1 else e2 end else 0.0 end
            as gain24
    from y2023
),

final as (
    select *,
        case when d25a is not null then level_of(ability + 2 * trend + gain23 + gain24 + noise(
            hash(seed, emp_key, competency_key, 'n25a'), hash(seed, emp_key, competency_key, 'm25a')))
        end as l25a,
        case when d25b is not null then level_of(ability + 2 * trend + gain23 + gain24 + noise(
            hash(seed, emp_key, competency_key, 'n25b'), hash(seed, emp_key, competency_key, 'm25b')))
        end as l25b,
        l25a is not null and unit(hash(seed, emp_key, competency_key, 's25'))
            < rate * intensity * selection_odds(l25a) as sel25,
        unit(hash(seed, emp_key, competency_key, 'p25')) < w1 as first25,
        case when first25 then p1 else p2 end as prog25,
        unit(hash(seed, emp_key, competency_key, 'c25')) < case when first25 then q1 else q2 end
            as done25
    from y2024
)

select * from final;
