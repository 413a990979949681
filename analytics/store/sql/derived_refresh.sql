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

-- name: assessment_seq
-- A temp table (dropped after pair, its last reader): each assessment of the employees being
-- refreshed (its date is d1 in pair's terms) beside the one before it in the same competency
-- (d0, level0, position0) and the date of the one after it (d2).
-- One sort serves `score` and `pair`. Each used to sort the slice's assessments itself, score
-- with framed max/arg_max over earlier years: a national rebuild spent 85 + 43 s in the two,
-- against 29 + 56 + 29 s with this table (its rows are kept until the rebuild commits, for a
-- rollback: a rebuild fills its memory limit). The importer checks one assessment per
-- employee, competency and day, so the order is total.
create or replace temp table assessment_seq as
select a.emp_key, a.competency_key, a.assessed_on, a.level, a.position_key,
       lag(a.assessed_on) over w as d0,
       lag(a.level) over w as level0,
       lag(a.position_key) over w as position0,
       lead(a.assessed_on) over w as d2
from assessments a
where {sel_a}
window w as (partition by a.emp_key, a.competency_key order by a.assessed_on);

-- name: score
-- The latest assessment of each employee x competency x calendar year, even without a standard
-- (an earlier assessment of that year never stands in); its position is the assessment's, else
-- the employee's current one; agency and unit are the employee's current ones; prev_* are the
-- employee's score in the competency in their previous score year.
insert into score
with latest as (
    -- the latest assessment of its year: the next one, if any, is of a later year
    select q.*, year(q.assessed_on)::smallint as year
    from assessment_seq q
    where q.d2 is null or year(q.d2) > year(q.assessed_on)
),
first_of_year as (
    -- the first assessment of a year re-assessed within it (few): the one before it is the
    -- previous score, which the year's latest sees only through it
    select q.emp_key, q.competency_key, year(q.assessed_on)::smallint as year,
           q.d0, q.level0, q.position0
    from assessment_seq q
    where year(q.d2) = year(q.assessed_on)
      and (q.d0 is null or year(q.d0) < year(q.assessed_on))
),
scored as (
    -- the previous score: the assessment before the year's first
    select l.emp_key, l.competency_key, l.year, l.assessed_on, l.level, l.position_key,
           case when year(l.d0) = l.year then f.d0 else l.d0 end as prev_d,
           case when year(l.d0) = l.year then f.level0 else l.level0 end as prev_level,
           case when year(l.d0) = l.year then f.position0 else l.position0 end as prev_pos
    from latest l
    left join first_of_year f
      on year(l.d0) = l.year
     and f.emp_key = l.emp_key and f.competency_key = l.competency_key and f.year = l.year
)
select l.emp_key, l.competency_key, l.year, l.assessed_on, l.level,
       coalesce(l.position_key, e.position_key) as position_key, e.agency_key, e.unit,
       s.required_level,
       year(l.prev_d)::smallint, l.prev_level,
       case when l.prev_d is not null then coalesce(l.prev_pos, e.position_key) end,
       s0.required_level
from scored l
join employees e on e.emp_key = l.emp_key
left join standards s
  on s.position_key = coalesce(l.position_key, e.position_key)
 and s.competency_key = l.competency_key
left join standards s0                     -- the previous score's standard
  on l.prev_d is not null and s0.position_key = coalesce(l.prev_pos, e.position_key)
 and s0.competency_key = l.competency_key
where {sel_e}         -- (the temp table holds no others: this lets the join read only them)
order by e.agency_key, l.emp_key;

-- name: person_year
-- Whole-year sums over the scores that have a standard.
insert into person_year
with py as (
    -- summed without the agency and unit (the employee's current ones, as in score), which
    -- are joined to the sums: no text in the group by (a quarter less time)
    select s.emp_key, s.year, count(*) as n_scores, sum(s.level) as sum_level,
           sum(s.required_level)::integer as sum_required,
           sum(greatest(s.required_level - s.level, 0)) as sum_shortfall,
           count(*) filter (where s.level >= s.required_level) as n_meeting,
           case when min(s.position_key) = max(s.position_key) then min(s.position_key) end
               as position_key
    from score s
    where s.required_level is not null and {sel_s}
    group by s.emp_key, s.year
)
select py.emp_key, py.year, e.agency_key, e.unit, py.n_scores, py.sum_level, py.sum_required,
       py.sum_shortfall, py.n_meeting, py.position_key
from py
join employees e on e.emp_key = py.emp_key
order by e.agency_key, py.emp_key;

-- name: nostd_year
-- The employees and years with scores none of which has a standard (no person_year row): with
-- person_year, everyone assessed in a year (the Data page's coverage) without a distinct over
-- the year's scores (1.4 million employees nationally score some competency without a standard).
insert into nostd_year
select n.emp_key, n.year, e.agency_key, e.unit
from (
    select distinct s.emp_key, s.year
    from score s
    where s.required_level is null and {sel_s}
) n
join employees e on e.emp_key = n.emp_key
anti join person_year py on py.emp_key = n.emp_key and py.year = n.year and {sel_py}
order by e.agency_key, n.emp_key;

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
with pairs as materialized (
    select q.emp_key, q.competency_key, q.d0, q.assessed_on as d1, q.level0,
           q.level as level1, q.position_key
    from assessment_seq q
    where q.d0 is not null
),
done as materialized (
    -- completed trainings that develop a competency, joined before the pairs see them (the
    -- optimizer otherwise joined the pairs with every participation first: 18 M rows a slice)
    select p.emp_key, t.competency_key, t.end_date, t.hours_jp
    from participations p
    join trainings t on t.training_key = p.training_key
    where p.completed and t.competency_key is not null and {sel_p}
),
treat as (
    -- the treated pairs alone (a pair is one employee, competency and d1), with their hours:
    -- grouping these few instead of every pair with its unit took a third off the statement
    select s.emp_key, s.competency_key, s.d1, sum(d.hours_jp) as dose_jp
    from pairs s
    join done d
      on d.emp_key = s.emp_key and d.competency_key = s.competency_key
     and d.end_date > s.d0 and d.end_date <= s.d1          -- (d0, d1]
    group by s.emp_key, s.competency_key, s.d1
)
select s.emp_key, s.competency_key, s.d0, s.d1, year(s.d1)::smallint as year,
       s.level0, s.level1, coalesce(s.position_key, e.position_key) as position_key,
       e.agency_key, e.unit, t.emp_key is not null as treated, coalesce(t.dose_jp, 0) as dose_jp
from pairs s
join employees e on e.emp_key = s.emp_key
left join treat t
  on t.emp_key = s.emp_key and t.competency_key = s.competency_key and t.d1 = s.d1
where {sel_e}         -- (as in score: the join then reads only these employees)
order by e.agency_key, s.emp_key;

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
),
sc as (
    -- the candidates' scores, each with the employee's next score year in the competency: a
    -- score is the latest of the window [Y - 2, Y] for the talent years Y from its own year up
    -- to two after it, and before the next score (one sort, no group by over every score of
    -- the window: a 400,000-employee slice 2.0-2.4 -> 1.2 s)
    select s.emp_key, s.competency_key, s.year, (s.level * 10)::utinyint as level_t,
           lead(s.year) over (partition by s.emp_key, s.competency_key order by s.year)
               as next_year
    from score s
    where {sel_s} and s.emp_key in (select emp_key from cand)
)
select c.year, sc.competency_key, c.agency_key, c.emp_key, sc.level_t
from cand c
join sc
  on sc.emp_key = c.emp_key and c.year between sc.year and sc.year + 2
 and (sc.next_year is null or c.year < sc.next_year)
order by c.year, sc.competency_key, c.agency_key, c.emp_key;

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
