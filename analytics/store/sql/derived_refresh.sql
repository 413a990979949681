-- Statements that rebuild the derived tables (analytics/store/derived.py runs them in this order).
-- `{sel_x}` selects the employees being refreshed: "x.emp_key between LO and HI" for one slice of
-- a full refresh (slices bound the memory a national build needs), else
-- "x.emp_key in (select emp_key from affected_emp)":
-- every statement reads only the affected employees' own rows, so an incremental refresh gives
-- exactly the rows of a full one. (No derived row depends on other employees' rows. The
-- roll-up programme_cell sums events' cost shares, which do: the importer and undo put every
-- changed participation's event in chg_training, so all its participants are affected.)

-- Rows are written in agency order: DuckDB keeps min/max per row group (zone maps), so a query
-- for one agency (a unit, a rank, a planner's people) reads that agency's row groups instead of
-- its whole slice (nationally ~100 ms -> a few ms).

-- name: score
-- The latest assessment of each employee x competency x calendar year, even without a standard
-- (an earlier assessment of that year never stands in); its position is the assessment's, else
-- the employee's current one; agency and unit are the employee's current ones; prev_* are the
-- employee's score in the competency in their previous score year.
insert into score
with latest as (
    -- one pass, no self-join: the latest assessment's fields, each by arg_max (an employee
    -- has one assessment per competency and day: the importer checks it, so all three come
    -- from the same row); arg_max_null keeps a null position_key. (Scalar arg_max: ~12 %
    -- less CPU than one arg_max of a struct of the three.)
    select a.emp_key, a.competency_key, year(a.assessed_on)::smallint as year,
           max(a.assessed_on) as d, arg_max(a.level, a.assessed_on) as level,
           arg_max_null(a.position_key, a.assessed_on) as pos
    from assessments a
    where {sel_a}
    group by a.emp_key, a.competency_key, year(a.assessed_on)
),
final as (
    select l.emp_key, l.competency_key, l.year, l.d as assessed_on, l.level,
           coalesce(l.pos, e.position_key) as position_key,
           e.agency_key, e.unit, s.required_level
    from latest l
    join employees e on e.emp_key = l.emp_key
    left join standards s
      on s.position_key = coalesce(l.pos, e.position_key)
     and s.competency_key = l.competency_key
)
select *,
       -- the same employee's score in this competency in their previous score year
       lag(year) over w, lag(level) over w, lag(position_key) over w,
       lag(required_level) over w
from final
window w as (partition by emp_key, competency_key order by year)
order by agency_key, emp_key;

-- name: person_year
-- Whole-year sums over the scores that have a standard.
insert into person_year
select s.emp_key, s.year, any_value(s.agency_key), any_value(s.unit), count(*),
       sum(s.level), sum(s.required_level)::integer,
       sum(greatest(s.required_level - s.level, 0)),
       count(*) filter (where s.level >= s.required_level),
       case when min(s.position_key) = max(s.position_key) then min(s.position_key) end
from score s
where s.required_level is not null and {sel_s}
group by s.emp_key, s.year
order by any_value(s.agency_key), s.emp_key;

-- name: jp_year
-- JP of completed trainings by the calendar year of their end date (general trainings count).
insert into jp_year
select p.emp_key, year(t.end_date)::smallint, sum(t.hours_jp)
from participations p
join trainings t on t.training_key = p.training_key
where p.completed and {sel_p}
group by p.emp_key, year(t.end_date);

-- name: pair
-- Consecutive assessments (d0 < d1) of one employee in one competency, all of them (re-assessments
-- within a year included, with or without a standard); the pair's position is d1's.
insert into pair
with seq as (
    select a.emp_key, a.competency_key, a.assessed_on as d1, a.level as level1,
           coalesce(a.position_key, e.position_key) as position_key,
           e.agency_key, e.unit,
           lag(a.assessed_on) over w as d0,
           lag(a.level) over w as level0
    from assessments a
    join employees e on e.emp_key = a.emp_key
    where {sel_a}
    window w as (partition by a.emp_key, a.competency_key order by a.assessed_on)
),
done as (
    -- completed trainings that develop a competency
    select p.emp_key, t.competency_key, t.end_date, t.hours_jp
    from participations p
    join trainings t on t.training_key = p.training_key
    where p.completed and t.competency_key is not null and {sel_p}
),
final as (
    select s.emp_key, s.competency_key, s.d0, s.d1, year(s.d1)::smallint as year,
           s.level0, s.level1, s.position_key, s.agency_key, s.unit,
           count(d.end_date) > 0 as treated,
           coalesce(sum(d.hours_jp), 0) as dose_jp
    from seq s
    left join done d
      on d.emp_key = s.emp_key and d.competency_key = s.competency_key
     and d.end_date > s.d0 and d.end_date <= s.d1          -- (d0, d1]
    where s.d0 is not null
    group by s.emp_key, s.competency_key, s.d0, s.d1, s.level0, s.level1, s.position_key,
             s.agency_key, s.unit
)
select * from final
order by agency_key, emp_key;

-- name: pair_programme
-- Which programmes (titles) treated a pair: a completed event of that title developing the
-- pair's competency, ending in (d0, d1].
insert into pair_programme
select distinct pr.emp_key, pr.competency_key, pr.d1, t.title
from pair pr
join participations p on p.emp_key = pr.emp_key and p.completed and {sel_p}
join trainings t
  on t.training_key = p.training_key and t.competency_key = pr.competency_key
 and t.end_date > pr.d0 and t.end_date <= pr.d1
where pr.treated and {sel_pr};

-- name: talent
-- The talent rows (data contract v2, section 4), after person_year: every performance rating
-- of the employees being refreshed, with the potential of the window [Y - 2, Y] read from their
-- own potential.csv rows, else their own whole-year JPM (person_year, just rebuilt for them),
-- and their row of the previous talent year beside it.
insert into talent
with rated as (
    select pf.emp_key, pf.year::smallint as year, e.agency_key, pf.rating,
           case pf.rating when 'Sangat Baik' then 2 when 'Baik' then 1 else 0 end as perf
    from performance pf
    join employees e on e.emp_key = pf.emp_key
    where {sel_pf}
),
from_csv as (
    -- a potential test of the latest year in the window beats the JPM proxy
    select r.emp_key, r.year, max(pt.year)::smallint as pyear,
           arg_max(case pt.potential when 'tinggi' then 2 when 'menengah' then 1 else 0 end,
                   pt.year) as pot
    from rated r
    join potential pt on pt.emp_key = r.emp_key and pt.year between r.year - 2 and r.year
    group by r.emp_key, r.year
),
from_jpm as (
    -- whole-year JPM over every score with a standard (person_year), the latest year in the
    -- window that gives one; its category, decided in tenths (jpm_cat), is the potential
    select r.emp_key, r.year, max(py.year)::smallint as pyear,
           arg_max(jpm_cat((py.sum_level * 10)::bigint, py.sum_required * 10), py.year) as pot
    from rated r
    join person_year py on py.emp_key = r.emp_key and py.year between r.year - 2 and r.year
    group by r.emp_key, r.year
),
final as (
    select r.emp_key, r.year, r.agency_key, r.rating, r.perf,
           coalesce(c.pot, j.pot) as pot,
           case when c.pot is not null then 'potential.csv'
                when j.pot is not null then 'jpm' end as potential_source,
           coalesce(c.pyear, j.pyear) as potential_year
    from rated r
    left join from_csv c on c.emp_key = r.emp_key and c.year = r.year
    left join from_jpm j on j.emp_key = r.emp_key and j.year = r.year
),
boxed as (
    select f.*,
           -- perf x pot -> box: di bawah 1 3 6, sesuai 2 5 8, di atas 4 7 9 (metrics/talent.BOXES)
           [[1, 3, 6], [2, 5, 8], [4, 7, 9]][f.perf + 1][f.pot + 1] as box
    from final f
)
select b.*,
       -- the same employee's previous talent year (their every rating is refreshed together)
       lag(b.year) over w, lag(b.perf) over w, lag(b.pot) over w, lag(b.box) over w
from boxed b
window w as (partition by b.emp_key order by b.year)
order by b.agency_key, b.emp_key;

-- name: ready_level
-- After talent: the succession group's latest level in each competency in the window
-- [Y - 2, Y] (contract v2, section 4, readiness), written once here; the readiness queries
-- (metrics/sql/talent_readiness.sql and the counts) read these rows.
insert into ready_level
with cand as (
    select t.emp_key, t.year, t.agency_key
    from talent t
    where t.box in (7, 8, 9) and {sel_t}           -- metrics/talent.SUCCESSION_BOXES
)
select c.year, s.competency_key, c.agency_key, c.emp_key,
       arg_max((s.level * 10)::utinyint, s.year) as level_t
from cand c
join score s on s.emp_key = c.emp_key and s.year between c.year - 2 and c.year
where {sel_s}
group by c.year, s.competency_key, c.agency_key, c.emp_key
order by c.year, s.competency_key, c.agency_key, c.emp_key;

-- name: ready_sum
-- After ready_level: one row per succession-group talent row with the sum and count of its
-- levels, its box and the employee's current position.
insert into ready_sum
with lv as (
    select r.emp_key, r.year, sum(r.level_t)::integer as level_t, count(*) as n_level
    from ready_level r
    where {sel_r}
    group by r.emp_key, r.year
)
select t.year, t.agency_key, t.emp_key, e.position_key, t.box,
       coalesce(lv.level_t, 0), coalesce(lv.n_level, 0)
from talent t
join employees e on e.emp_key = t.emp_key
left join lv on lv.emp_key = t.emp_key and lv.year = t.year
where t.box in (7, 8, 9) and {sel_t}
order by t.year, t.agency_key, t.emp_key;
