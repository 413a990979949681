-- Statements that (re)build the roll-ups (sql/derived.sql) from the derived rows, for the
-- agencies `{sel}` selects over alias s ("true" for all; else the agencies in temp table
-- rollup_agency). analytics/rollup.py deletes those agencies' cells first. Each cell sums
-- rows of one agency, so rebuilding an agency's cells gives exactly the rows of a full build.

-- name: year_cell
insert into year_cell
select s.year, s.agency_key, s.position_key, count(*)
from score s
where {sel}
group by all
order by 1, 2;

-- name: score_cell
insert into score_cell
select s.year, s.competency_key, s.agency_key, s.position_key, e.gender, e.employment_type,
       s.required_level::integer * 10 as den,
       case when 100 * (s.level * 10)::bigint >= 90 * s.required_level::bigint * 10 then 2
            when 100 * (s.level * 10)::bigint >= 78 * s.required_level::bigint * 10 then 1
            else 0 end as cat,
       count(*),
       sum((s.level * 10)::bigint)::bigint,
       sum(greatest(s.required_level::bigint * 10 - (s.level * 10)::bigint, 0))::bigint,
       count(*) filter (where s.level >= s.required_level)
from score s
join employees e on e.emp_key = s.emp_key
where s.required_level is not null and {sel}
group by all
order by 1, 3;

-- name: person_cell
insert into person_cell
select s.year, s.agency_key, s.position_key, e.gender, e.employment_type,
       s.sum_required::bigint * 10 as den,
       case when 100 * (s.sum_level * 10)::bigint >= 90 * s.sum_required::bigint * 10 then 2
            when 100 * (s.sum_level * 10)::bigint >= 78 * s.sum_required::bigint * 10 then 1
            else 0 end as cat,
       count(*),
       sum(s.n_scores)::bigint,
       sum((s.sum_level * 10)::bigint)::bigint,
       sum((s.sum_shortfall * 10)::bigint)::bigint,
       sum(s.n_meeting)::bigint
from person_year s
join employees e on e.emp_key = s.emp_key
where s.position_key is not null and {sel}
group by all
order by 1, 2;

-- name: pair_cell
insert into pair_cell
with xy as (
    select s.year, s.competency_key, s.agency_key, s.position_key, e.gender,
           e.employment_type, s.treated,
           (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
    from pair s
    join employees e on e.emp_key = s.emp_key
    where {sel}
)
select year, competency_key, agency_key, position_key, gender, employment_type, treated,
       count(*),
       sum(x)::bigint, sum(y)::bigint, sum(x * x)::bigint, sum(x * y)::bigint,
       sum(y * y)::bigint
from xy
group by all
order by 1, 3;

-- name: change_cell
insert into change_cell
with c as (
    select s.year, s.prev_year, s.competency_key, s.agency_key, s.position_key,
           s.prev_position, e.gender, e.employment_type, (s.prev_level * 10)::bigint as l0, (s.level * 10)::bigint as l1,
           s.prev_level >= s.prev_required as m0, s.level >= s.required_level as m1,
           row_number() over (partition by s.emp_key, s.year, s.prev_year
                              order by s.competency_key) = 1 as first
    from score s
    join person_year p1
      on p1.emp_key = s.emp_key and p1.year = s.year and p1.position_key is not null
    join person_year p0
      on p0.emp_key = s.emp_key and p0.year = s.prev_year and p0.position_key is not null
    join employees e on e.emp_key = s.emp_key
    where s.required_level is not null and s.prev_required is not null and {sel}
)
select year, prev_year, competency_key, agency_key, position_key, prev_position, gender,
       employment_type, count(*), count(*) filter (where first), sum(l0)::bigint, sum(l1)::bigint,
       count(*) filter (where m0), count(*) filter (where m1)
from c
group by all
order by 1, 4;

-- name: emp_cell
-- (rebuilt whole: an employee's former agency is not kept anywhere; ~1 s at national scale)
insert into emp_cell
select s.agency_key, s.position_key, s.gender, s.employment_type, count(*)
from employees s
group by all
order by all;

-- name: jp_cell
insert into jp_cell
select j.year, s.agency_key, s.position_key, s.gender, s.employment_type,
       sum((j.jp * 100)::bigint)::bigint,
       count(*) filter (where j.jp >= 20)
from jp_year j
join employees s on s.emp_key = j.emp_key
group by all
order by 1, 2;

-- The national layer (rebuilt whole after the cells): the cells summed over agencies.

-- name: year_nat
insert into year_nat
select year, position_key, sum(n)::bigint from year_cell group by all order by all;

-- name: score_nat
insert into score_nat
select year, competency_key, position_key, gender, employment_type, den, cat, sum(n)::bigint,
       sum(level_t)::bigint, sum(shortfall_t)::bigint, sum(meeting)::bigint
from score_cell
group by all
order by 1, 2, 3;

-- name: person_nat
insert into person_nat
select year, position_key, gender, employment_type, den, cat, sum(n)::bigint,
       sum(scores)::bigint, sum(level_t)::bigint, sum(shortfall_t)::bigint, sum(meeting)::bigint
from person_cell
group by all
order by 1, 2;

-- name: pair_nat
insert into pair_nat
select year, competency_key, position_key, gender, employment_type, treated, sum(n)::bigint,
       sum(sx)::bigint, sum(sy)::bigint, sum(sxx)::bigint, sum(sxy)::bigint, sum(syy)::bigint
from pair_cell
group by all
order by 1, 2, 3;

-- name: change_nat
insert into change_nat
select year, prev_year, competency_key, position_key, prev_position, gender, employment_type,
       sum(n)::bigint, sum(persons)::bigint, sum(level0_t)::bigint, sum(level1_t)::bigint,
       sum(meeting0)::bigint, sum(meeting1)::bigint
from change_cell
group by all
order by 1, 2, 3;

-- name: emp_nat
insert into emp_nat
select position_key, gender, employment_type, sum(n)::bigint from emp_cell group by all
order by all;

-- name: jp_nat
insert into jp_nat
select year, position_key, gender, employment_type, sum(jp_h)::bigint, sum(n_20jp)::bigint
from jp_cell
group by all
order by 1, 2;
