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
-- Expects employees, demo_positions, demo_pos_comp, demo_seed (and the macros).
create or replace temp view demo_chain as
with people as (
    select e.emp_key, e.agency_key, e.position_key, p.below_key, d.seed,
        0.5 * (draw(d.seed, 'agency_shift', e.agency_key) - 0.5) as agency_shift,
        0.03 + 0.04 * draw(d.seed, 'trend', e.agency_key) as trend,
        0.5 + draw(d.seed, 'intensity', e.agency_key) as intensity,
        0.6 * tri(d.seed, 'ps1', e.emp_key) as person_shift,
        case when p.job_code in ('J', 'K', 'A', 'W') or draw(d.seed, 'ac', e.emp_key) < 0.15
             then 'Assessment Center' else 'CAT' end as method,
        -- promoted since: assessed before that date in the post one step below
        case when p.below_key is not null and draw(d.seed, 'promo', e.emp_key) < 0.12
             then date '2023-06-01' + floor(draw(d.seed, 'promo_on', e.emp_key) * 720)::integer
        end as promo_date,
        case when draw(d.seed, 'a23', e.emp_key) < 0.83
             then date '2023-02-01' + floor(draw(d.seed, 'd23', e.emp_key) * 150)::integer
        end as d23a,
        case when draw(d.seed, 'a24', e.emp_key) < 0.86
             then date '2024-02-01' + floor(draw(d.seed, 'd24', e.emp_key) * 150)::integer
        end as d24a,
        case when draw(d.seed, 'a25', e.emp_key) < 0.88
             then date '2025-02-01' + floor(draw(d.seed, 'd25', e.emp_key) * 150)::integer
        end as d25a,
        case when d23a is not null and draw(d.seed, 'r23', e.emp_key) < 0.02
             then date '2023-07-01' + floor(draw(d.seed, 'e23', e.emp_key) * 62)::integer
        end as d23b,
        case when d24a is not null and draw(d.seed, 'r24', e.emp_key) < 0.02
             then date '2024-07-01' + floor(draw(d.seed, 'e24', e.emp_key) * 62)::integer
        end as d24b,
        case when d25a is not null and draw(d.seed, 'r25', e.emp_key) < 0.02
             then date '2025-07-01' + floor(draw(d.seed, 'e25', e.emp_key) * 62)::integer
        end as d25b
    from employees e
    join demo_positions p using (position_key)
    cross join demo_seed d
),

rows as (
    select p.*, c.competency_key, c.p1, c.p2, c.required_level as req,
        hash(p.seed, p.emp_key, c.competency_key) as k,
        c.target + p.agency_shift + p.person_shift
            + 0.3 * (draw(p.seed, 'agency_comp', p.agency_key, c.competency_key) - 0.5)
            + 0.4 * tri_k(k, 'pc') as raw_ability,
        c.rate * p.intensity as reach,
        c.w1, c.q1, c.q2, c.e1, c.e2
    from people p
    join demo_pos_comp c using (position_key)
),

abilities as (
    -- Assessors rate against the position's standard: those below it sit further below, those
    -- above rarely far above (real reports: most people between JPM 70 and 100, a large share
    -- under standard; see macros.sql, shape). A fixed trait: a year's change and a training's
    -- effect add to it unchanged, so the planted effects stay linear and recoverable.
    select *, shape(raw_ability, req) as ability
    from rows
),

draws as (
    -- Everything not depending on a level: per window, the level below which this person is
    -- sent to training, the programme, whether they complete it and its effect if so.
    -- Arithmetic rather than CASE from here on: DuckDB inlines each stage into the next and
    -- can share common subexpressions only outside conditional branches.
    select *,
        cutoff(draw_k(k, 's23'), reach) as cut23,
        cutoff(draw_k(k, 's24'), reach) as cut24,
        cutoff(draw_k(k, 's25'), reach) as cut25,
        draw_k(k, 'p23') < w1 as first23,
        draw_k(k, 'p24') < w1 as first24,
        draw_k(k, 'p25') < w1 as first25,
        (draw_k(k, 'c23') < q2 + first23::integer * (q1 - q2))::integer
            * (e2 + first23::integer * (e1 - e2)) as effect23,
        (draw_k(k, 'c24') < q2 + first24::integer * (q1 - q2))::integer
            * (e2 + first24::integer * (e1 - e2)) as effect24
    from abilities
),

y2023 as (
    -- levels for everyone; rows of years without an assessment are dropped on output
    select *,
        level_of(ability + noise(k, 'n23a')) as l23a,
        -- re-assessments (2 %) only where they happened: nothing downstream uses them
        case when d23b is not null then level_of(ability + noise(k, 'n23b')) end as l23b
    from draws
),

w2023 as (
    select *, (d23a is not null and l23a < cut23) as sel23,
        (d23a is not null and l23a < cut23)::integer * effect23 as gain23
    from y2023
),

y2024 as (
    select *,
        level_of(ability + trend + gain23 + noise(k, 'n24a')) as l24a,
        case when d24b is not null
             then level_of(ability + trend + gain23 + noise(k, 'n24b')) end as l24b
    from w2023
),

w2024 as (
    select *, (d24a is not null and l24a < cut24) as sel24,
        (d24a is not null and l24a < cut24)::integer * effect24 as gain24
    from y2024
),

final as (
    select *,
        level_of(ability + 2 * trend + gain23 + gain24 + noise(k, 'n25a')) as l25a,
        case when d25b is not null
             then level_of(ability + 2 * trend + gain23 + gain24 + noise(k, 'n25b')) end as l25b,
        (d25a is not null and l25a < cut25) as sel25,
        case when first23 then p1 else p2 end as prog23,
        case when first24 then p1 else p2 end as prog24,
        case when first25 then p1 else p2 end as prog25,
        draw_k(k, 'c23') < case when first23 then q1 else q2 end as done23,
        draw_k(k, 'c24') < case when first24 then q1 else q2 end as done24,
        draw_k(k, 'c25') < case when first25 then q1 else q2 end as done25
    from w2024
)

select * from final;
