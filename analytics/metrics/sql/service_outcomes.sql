-- service outcomes: one row per agency and year with an IKM row, of the selected agencies.
-- Columns: agency_id, year, ikm, respondents, u1 ... u9 (the unsur's mean scores, NRR).
-- Only agency-level filters apply here ({where_o}: --agency, instansi, the viewer's scope);
-- the other filters choose whose competency counts, not which agencies (data contract, 4).
with outcomes as (
    select o.agency_key, o.year, o.ikm, o.respondents,
           o.u1, o.u2, o.u3, o.u4, o.u5, o.u6, o.u7, o.u8, o.u9
    from service_outcomes o
    where {year_o} and {where_o}
),
final as (
    select a.agency_id, o.year::bigint as year, o.ikm, o.respondents,
           o.u1, o.u2, o.u3, o.u4, o.u5, o.u6, o.u7, o.u8, o.u9
    from outcomes o
    join agencies a on a.agency_key = o.agency_key
)
select * from final order by agency_id, year
