-- trend, JPM parts: one row per year, group and JPM denominator. An employee's JPM for a group is
-- over their selected scores in it: whole-year for no grouping or agency, per job family, and
-- per score for competency (one score per employee, competency and year).
-- Columns: year, key column(s), den (Σ required, tenths), num (Σ of 100 x Σ level, tenths), n.
with scores as (
    select s.emp_key, s.year, s.competency_key, s.position_key, s.agency_key, s.unit,
           (s.level * 10)::bigint as level_t, s.required_level::bigint * 10 as required_t
    from score s
    where s.required_level is not null and {year_s} and {where_s}
),
per_person as (
    select s.year::integer as year, {key_select}, s.emp_key,
           100 * sum(s.level_t)::bigint as num, sum(s.required_t)::bigint as den
    from scores s
    join agencies a on a.agency_key = s.agency_key
    join positions p on p.position_key = s.position_key
    join competencies c on c.competency_key = s.competency_key
    group by all
),
final as (
    select year, {key_columns}, den, sum(num)::bigint as num, count(*) as n
    from per_person
    group by all
)
select * from final
