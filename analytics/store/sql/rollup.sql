-- Statements that (re)build the roll-ups (sql/derived.sql) from the derived rows, for the
-- agencies `{sel}` selects over alias s ("true" for all; else the agencies in temp table
-- rollup_agency). analytics/store/rollup.py deletes those agencies' cells first. Each cell sums
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
       jpm_cat((s.level * 10)::bigint, s.required_level::bigint * 10) as cat,
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
       jpm_cat((s.sum_level * 10)::bigint, s.sum_required::bigint * 10) as cat,
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
with c as materialized (
    -- each employee's rows of one (year, prev_year) share every key but the competency: their
    -- position and previous position (one each: person_year.position_key), agency, gender and
    -- employment type
    select s.emp_key, s.year, s.prev_year, s.competency_key, s.agency_key, s.position_key,
           s.prev_position, e.gender, e.employment_type, (s.prev_level * 10)::bigint as l0,
           (s.level * 10)::bigint as l1,
           s.prev_level >= s.prev_required as m0, s.level >= s.required_level as m1
    from score s
    join person_year p1
      on p1.emp_key = s.emp_key and p1.year = s.year and p1.position_key is not null
    join person_year p0
      on p0.emp_key = s.emp_key and p0.year = s.prev_year and p0.position_key is not null
    join employees e on e.emp_key = s.emp_key
    where s.required_level is not null and s.prev_required is not null and {sel}
),
cells as (
    select year, prev_year, competency_key, agency_key, position_key, prev_position, gender,
           employment_type, count(*) as n, sum(l0)::bigint as l0, sum(l1)::bigint as l1,
           count(*) filter (where m0) as m0, count(*) filter (where m1) as m1
    from c
    group by all
),
firsts as (
    -- persons: each employee once per (year, prev_year), in the cell of their first
    -- competency (a group by employee, not a window sorting every row: a quarter less time)
    select year, prev_year, competency_key, agency_key, position_key, prev_position, gender,
           employment_type, count(*) as persons
    from (select year, prev_year, min(competency_key) as competency_key,
                 any_value(agency_key) as agency_key, any_value(position_key) as position_key,
                 any_value(prev_position) as prev_position, any_value(gender) as gender,
                 any_value(employment_type) as employment_type
          from c group by emp_key, year, prev_year)
    group by all
)
select c.year, c.prev_year, c.competency_key, c.agency_key, c.position_key, c.prev_position,
       c.gender, c.employment_type, c.n, coalesce(f.persons, 0), c.l0, c.l1, c.m0, c.m1
from cells c
left join firsts f
  on f.year = c.year and f.prev_year = c.prev_year and f.competency_key = c.competency_key
 and f.agency_key = c.agency_key and f.position_key = c.position_key
 and f.prev_position = c.prev_position
 and f.gender is not distinct from c.gender
 and f.employment_type is not distinct from c.employment_type
order by 1, 4;

-- name: programme_cell
insert into programme_cell
with pp as (
    select pp.emp_key, pp.competency_key, pp.d1, pp.title, s.d0, s.year, s.agency_key,
           s.position_key, (s.level0 * 10)::bigint as x, ((s.level1 - s.level0) * 10)::bigint as y
    from pair_programme pp
    join pair s
      on s.emp_key = pp.emp_key and s.competency_key = pp.competency_key and s.d1 = pp.d1
    where {sel}
),
costs as (
    -- each (pair, title): its completed events of the title in (d0, d1], shared costs
    select pp.emp_key, pp.competency_key, pp.d1, pp.title,
           sum((t.cost_idr / se.participants)::decimal(38, 4)) as spent,
           count(*) filter (where t.cost_idr is null) as unknown
    from pp
    join participations p on p.emp_key = pp.emp_key and p.completed
    join trainings t
      on t.training_key = p.training_key and t.title = pp.title
     and t.competency_key = pp.competency_key and t.end_date > pp.d0 and t.end_date <= pp.d1
    join (select training_key, count(*) as participants from participations group by all) se
      on se.training_key = t.training_key
    group by all
)
select pp.year, pp.competency_key, pp.title, pp.agency_key, pp.position_key, e.gender,
       e.employment_type, count(*), sum(pp.x)::bigint, sum(pp.y)::bigint,
       sum(pp.x * pp.x)::bigint, sum(pp.x * pp.y)::bigint, sum(pp.y * pp.y)::bigint,
       sum(c.spent), coalesce(sum(c.unknown), 0)::bigint
from pp
join employees e on e.emp_key = pp.emp_key
left join costs c
  on c.emp_key = pp.emp_key and c.competency_key = pp.competency_key and c.d1 = pp.d1
 and c.title = pp.title
group by all
order by 1, 4;

-- name: dose_cell
insert into dose_cell
select s.year, s.competency_key, s.agency_key, s.position_key, e.gender, e.employment_type,
       case when s.dose_jp = 0 then 0
            when s.dose_jp <= 8 then 1
            when s.dose_jp <= 20 then 2
            when s.dose_jp <= 40 then 3
            else 4 end as bin,
       count(*), sum((s.level0 * 10)::bigint)::bigint,
       sum(((s.level1 - s.level0) * 10)::bigint)::bigint
from pair s
join employees e on e.emp_key = s.emp_key
where {sel}
group by all
order by 1, 3;

-- name: people_pairs
insert into people_pairs
with d as materialized (
    -- each employee's competencies and years with a pair, once each (an employee
    -- has one agency: a year's count is then a count of rows, and only every year's needs
    -- distinct employees; a fifth to a third less time than a distinct count per grouping set)
    select s.emp_key, s.competency_key, s.year, s.agency_key, e.gender, e.employment_type
    from (select distinct emp_key, competency_key, year, agency_key from pair s
          where {sel}) s
    join employees e on e.emp_key = s.emp_key
)
select year, competency_key, agency_key, gender, employment_type, count(*)
from d
group by all
union all
select 0, competency_key, agency_key, gender, employment_type, count(distinct emp_key)
from d
group by all
order by 1, 3;

-- name: people_control
insert into people_control
with d as materialized (
    -- with an untreated pair, once each (as people_pairs)
    select s.emp_key, s.competency_key, s.year, s.agency_key, e.gender, e.employment_type
    from (select distinct emp_key, competency_key, year, agency_key from pair s
          where not s.treated and {sel}) s
    join employees e on e.emp_key = s.emp_key
)
select year, competency_key, agency_key, gender, employment_type, count(*)
from d
group by all
union all
select 0, competency_key, agency_key, gender, employment_type, count(distinct emp_key)
from d
group by all
order by 1, 3;

-- name: people_title
insert into people_title
with p as (
    select s.emp_key, s.competency_key, s.year, s.agency_key, s.treated, s.d1
    from pair s
    where {sel}
),
t as materialized (
    select p.emp_key, pp.title, p.competency_key, p.year, p.agency_key
    from p
    join pair_programme pp
      on pp.emp_key = p.emp_key and pp.competency_key = p.competency_key and pp.d1 = p.d1
),
-- per employee, title and year (0: every year): treated by the title; with an untreated
-- pair of the competency in the same year (or any year for 0)
tt as (
    select distinct t.emp_key, t.title, t.competency_key, t.year, t.agency_key from t
    union all
    select distinct t.emp_key, t.title, t.competency_key, 0, t.agency_key from t
),
ctl as materialized (
    -- untreated pairs only of the employees and competencies a title treated (a few percent
    -- of the pairs: joining every untreated pair to them took ~4 times as long)
    select distinct p.emp_key, p.competency_key, p.year
    from p
    semi join (select distinct emp_key, competency_key from t) u
      on u.emp_key = p.emp_key and u.competency_key = p.competency_key
    where not p.treated
),
cc as (
    select emp_key, competency_key, year from ctl
    union all
    select distinct emp_key, competency_key, 0 from ctl
)
select tt.year, tt.title, tt.competency_key, tt.agency_key, e.gender, e.employment_type,
       count(*), count(cc.emp_key)
from tt
join employees e on e.emp_key = tt.emp_key
left join cc
  on cc.emp_key = tt.emp_key and cc.competency_key = tt.competency_key and cc.year = tt.year
group by all
order by 1, 4;

-- name: people_dose
insert into people_dose
with d as materialized (
    -- each employee's JP bins and years with a pair, once each (as people_pairs)
    select s.emp_key, s.bin, s.year, s.agency_key, e.gender, e.employment_type
    from (select distinct s.emp_key,
                 case when s.dose_jp = 0 then 0
                      when s.dose_jp <= 8 then 1
                      when s.dose_jp <= 20 then 2
                      when s.dose_jp <= 40 then 3
                      else 4 end as bin,
                 s.year, s.agency_key
          from pair s
          where {sel}) s
    join employees e on e.emp_key = s.emp_key
)
select year, bin, agency_key, gender, employment_type, count(*)
from d
group by all
union all
select 0, bin, agency_key, gender, employment_type, count(distinct emp_key)
from d
group by all
order by 1, 3;

-- name: talent_cell
insert into talent_cell
select s.year, s.agency_key, e.position_key, e.gender, e.employment_type,
       count(*), count(s.box),
       count(*) filter (where s.box = 1), count(*) filter (where s.box = 2),
       count(*) filter (where s.box = 3), count(*) filter (where s.box = 4),
       count(*) filter (where s.box = 5), count(*) filter (where s.box = 6),
       count(*) filter (where s.box = 7), count(*) filter (where s.box = 8),
       count(*) filter (where s.box = 9)
from talent s
join employees e on e.emp_key = s.emp_key
where {sel}
group by all
order by 1, 2;

-- name: move_cell
insert into move_cell
select s.year, s.prev_year, s.agency_key, e.position_key, e.gender, e.employment_type,
       s.prev_box, s.box, count(*)
from talent s
join employees e on e.emp_key = s.emp_key
where s.box is not null and s.prev_box is not null and {sel}
group by all
order by 1, 3;

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

-- name: unit_cell
-- (rebuilt whole, as emp_cell)
insert into unit_cell
select s.agency_key, s.unit, count(*)
from employees s
group by all
order by all;

-- name: rank_cell
-- (rebuilt whole, as emp_cell)
insert into rank_cell
select s.agency_key, s.rank, count(*)
from employees s
group by all
order by all;

-- The agency layer: the cells of the selected agencies summed over positions (after them).

-- name: score_agency
insert into score_agency
select s.year, s.competency_key, s.agency_key, s.gender, s.employment_type, sum(s.n)::bigint,
       sum(s.level_t)::bigint, sum(s.den::bigint * s.n)::bigint, sum(s.shortfall_t)::bigint,
       sum(s.meeting)::bigint
from score_cell s
where {sel}
group by all
order by 1, 3;

-- name: person_agency
insert into person_agency
select s.year, s.agency_key, s.gender, s.employment_type, s.den, s.cat, sum(s.n)::bigint,
       sum(s.scores)::bigint, sum(s.level_t)::bigint, sum(s.shortfall_t)::bigint,
       sum(s.meeting)::bigint
from person_cell s
where {sel}
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

-- name: programme_nat
insert into programme_nat
select year, competency_key, title, position_key, gender, employment_type, sum(n)::bigint,
       sum(sx)::bigint, sum(sy)::bigint, sum(sxx)::bigint, sum(sxy)::bigint, sum(syy)::bigint,
       sum(spent), sum(unknown)::bigint
from programme_cell
group by all
order by 1, 2, 3;

-- name: dose_nat
insert into dose_nat
select year, competency_key, position_key, gender, employment_type, bin, sum(n)::bigint,
       sum(x_t)::bigint, sum(y_t)::bigint
from dose_cell
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

-- name: talent_nat
insert into talent_nat
select year, position_key, gender, employment_type, sum(employees)::bigint,
       sum(mapped)::bigint, sum(box_1)::bigint, sum(box_2)::bigint, sum(box_3)::bigint,
       sum(box_4)::bigint, sum(box_5)::bigint, sum(box_6)::bigint, sum(box_7)::bigint,
       sum(box_8)::bigint, sum(box_9)::bigint
from talent_cell
group by all
order by 1, 2;

-- name: move_nat
insert into move_nat
select year, from_year, position_key, gender, employment_type, from_box, to_box, sum(n)::bigint
from move_cell
group by all
order by 1, 2;
