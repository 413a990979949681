-- The competencies each position is assessed in (all managerial and socio-cultural ones, the
-- technical ones of its job family), its standard (SKJ) where it has one, and the mean
-- ability of its holders. Expects demo_pos_cand, demo_positions, demo_comp_prog, demo_seed.
create or replace temp table demo_pos_comp as
with cand as (
    select c.position_key, c.competency_key, c.technical, c.shift, p.base_req, d.seed
    from demo_pos_cand c
    join demo_positions p using (position_key)
    cross join demo_seed d
),

usual as (
    -- A fractional usual level (Pelaksana 1.6) is 1 or 2 depending on the position.
    select *,
        floor(base_req)::integer
            + (draw(seed, 'req', position_key) < base_req - floor(base_req))::integer
            as req_pos,
        draw(seed, 'req_var', position_key, competency_key) as vary,
        draw(seed, 'no_std', position_key, competency_key) as missing
    from cand
),

standard as (
    -- Real SKJ differ by job: some competencies one level up or down; for 15 % of the
    -- technical ones the agency never set a standard.
    select *,
        case when technical and missing < 0.15 then null
             else greatest(1, least(5, req_pos
                  + case when vary < 0.08 then 1 when vary < 0.15 then -1 else 0 end))
        end as required_level
    from usual
),

final as (
    -- Holders sit under their standard, further under for higher standards; nobody scores
    -- below 1, so holders of level-1 posts sit above theirs (and few people at the floor
    -- keeps training effects visible in the levels).
    select s.position_key, s.competency_key, s.required_level::tinyint as required_level,
           [0.9, 1.85, 2.7, 3.55, 4.35][coalesce(s.required_level, s.req_pos)] + s.shift
               as target,
           coalesce(p.rate, 0.0) as rate,
           p.p1, p.e1, p.q1, p.w1, p.p2, p.e2, p.q2
    from standard s
    left join demo_comp_prog p using (competency_key)
)

select * from final;

insert into standards
select position_key, competency_key, required_level
from demo_pos_comp
where required_level is not null;
