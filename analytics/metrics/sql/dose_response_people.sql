-- dose-response, for the small-group rule: distinct employees among each JP bin's selected
-- pairs (bins as dose_response.sql). Columns: bin, employees.
with binned as (
    select s.emp_key,
           case when s.dose_jp = 0 then 0
                when s.dose_jp <= $upper1 then 1
                when s.dose_jp <= $upper2 then 2
                when s.dose_jp <= $upper3 then 3
                else 4 end as bin
    from pair s
    where {year_s} and {where_s} and {competency_s}
)
select bin, count(distinct emp_key) as employees from binned group by bin order by bin
