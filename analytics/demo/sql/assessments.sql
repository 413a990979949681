-- One row per assessment event of demo_chain (up to two a year); position_key is set for
-- those held before a promotion (the post one step below), method per employee.
insert into assessments
with events as (
    select emp_key, competency_key, below_key, promo_date, method,
        unnest([
            {'d': d23a, 'l': l23a}, {'d': d23b, 'l': l23b},
            {'d': d24a, 'l': l24a}, {'d': d24b, 'l': l24b},
            {'d': d25a, 'l': l25a}, {'d': d25b, 'l': l25b}
        ]) as ev
    from demo_chain
),

final as (
    select emp_key, competency_key, ev.d as assessed_on, ev.l::decimal(2, 1) as level,
        case when ev.d < promo_date then below_key end as position_key,
        method
    from events
    where ev.d is not null
)

select * from final
order by emp_key, competency_key, assessed_on;  -- clustered by employee, as employees.sql
