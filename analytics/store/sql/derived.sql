-- Derived tables: prepared rows every metric reads instead of re-deriving them from the raw
-- records. They are rebuilt inside the same transaction as the write that changes their inputs
-- (analytics/store/derived.py), for all employees or only the affected ones.

-- One row per score: the latest assessment of an employee in a competency in a calendar year
-- (an earlier one never stands in, even when the latest has no standard). position_key is the
-- assessment's position or else the employee's current one; agency_key and unit are the
-- employee's current ones. required_level is null when that position has no standard for the
-- competency: such a score is left out of every metric but kept for the person's profile.
create table if not exists score (
    emp_key        integer not null,
    competency_key smallint not null,
    year           smallint not null,
    assessed_on    date not null,
    level          decimal(2, 1) not null,
    position_key   integer not null,
    agency_key     integer not null,
    unit           varchar not null,
    required_level tinyint,
    -- the same employee and competency in the previous year they have a score in it (null
    -- for the first): same-people change reads them instead of joining two years of scores
    prev_year      smallint,
    prev_level     decimal(2, 1),
    prev_position  integer,
    prev_required  tinyint
);

-- One row per employee and assessment year with at least one score that has a standard:
-- the whole-year sums behind JPM (JPM = 100 * sum_level / sum_required) and behind the score
-- summaries of groups that never split an employee's year (all, agency, unit), so those read
-- one row per person instead of aggregating scores per person on every request.
create table if not exists person_year (
    emp_key       integer not null,
    year          smallint not null,
    agency_key    integer not null,
    unit          varchar not null,
    n_scores      integer not null,
    sum_level     decimal(18, 1) not null,
    sum_required  integer not null,
    sum_shortfall decimal(18, 1) not null,  -- Σ max(required - level, 0)
    n_meeting     integer not null,         -- scores with level >= required
    position_key  integer                   -- the scores' one position; null when they sit in
                                            -- several (then never summed in person_cell)
);

-- One row per employee and assessment year with scores none of which has a standard (so no
-- person_year row): person_year and these rows are everyone assessed in a year.
create table if not exists nostd_year (
    emp_key    integer not null,
    year       smallint not null,
    agency_key integer not null,
    unit       varchar not null
);

-- JP per employee and year: hours of completed trainings whose end_date falls in the year
-- (general trainings count). Only rows with jp > 0.
create table if not exists jp_year (
    emp_key integer not null,
    year    smallint not null,
    jp      decimal(18, 2) not null
);

-- One row per employee and talent year (a year with a performance rating): the talent
-- mapping of data contract v2, section 4, whatever the filters (they select whose rows are read,
-- never what a row holds). perf 0-2 (di bawah, sesuai, di atas ekspektasi) from the year's
-- rating; pot 0-2 (rendah, menengah, tinggi) from the latest potential.csv row in [Y - 2, Y],
-- else the category of the latest whole-year JPM in that window (person_year); box in the
-- Permenpan RB 3/2020 numbering; pot, potential_source, potential_year and box are null
-- without a source. agency_key is the employee's current one (the roll-ups' agency). prev_*
-- are the same employee's row of their previous talent year (null for their first): a move
-- between two talent years is one row, not a self-join of two years of the country.
create table if not exists talent (
    emp_key          integer not null,
    year             smallint not null,
    agency_key       integer not null,
    rating           varchar not null,
    perf             tinyint not null,
    pot              tinyint,
    potential_source varchar,   -- 'potential.csv' or 'jpm'
    potential_year   smallint,
    box              tinyint,
    prev_year        smallint,
    prev_perf        tinyint,
    prev_pot         tinyint,
    prev_box         tinyint
);

-- The succession group's levels (data contract v2, section 4, readiness): one row per talent row
-- in boxes 7-9 (a candidate for other posts in that talent year) and competency in which they
-- have a score in the window [Y - 2, Y]: level_t is that of the latest year in the window, in
-- tenths (every score counts, with or without a standard at their own position). Written in
-- (year, competency, agency) order: a post's readiness reads its competencies' rows, and a
-- planner's agency its own row groups.
create table if not exists ready_level (
    year           smallint not null,
    competency_key smallint not null,
    agency_key     integer not null,
    emp_key        integer not null,
    level_t        utinyint not null
);

-- One row per talent row in boxes 7-9: the candidate's box, current position (they are no
-- candidate for the post they hold) and agency, and the sum and count of their ready_level rows.
-- A post's readiness over the competencies every requested post names is then this sum less the
-- few levels outside them (technical ones, mostly), instead of summing ten levels per candidate
-- on every request (a country's three million candidates).
create table if not exists ready_sum (
    year         smallint not null,
    agency_key   integer not null,
    emp_key      integer not null,
    position_key integer not null,
    box          tinyint not null,
    level_t      integer not null,   -- Σ level_t of their ready_level rows (0 when none)
    n_level      smallint not null   -- how many
);

-- One row per pair of consecutive assessments (d0 < d1) of one employee in one competency,
-- re-assessments within a year included, with or without a standard. position_key is the d1
-- assessment's position (or the employee's current); treated = the employee completed a
-- training developing this competency with end_date in (d0, d1]; dose_jp adds up the hours of
-- those trainings. Costs are not kept here: an event's cost is shared among all its
-- participants, so it changes when someone else joins the event (the cost metric computes
-- shares when asked; programme_cell sums them, and such a change makes every participant of
-- the event affected, so their agencies' cells are rebuilt).
create table if not exists pair (
    emp_key        integer not null,
    competency_key smallint not null,
    d0             date not null,
    d1             date not null,
    year           smallint not null,       -- year of d1
    level0         decimal(2, 1) not null,
    level1         decimal(2, 1) not null,
    position_key   integer not null,
    agency_key     integer not null,
    unit           varchar not null,
    treated        boolean not null,
    dose_jp        decimal(18, 2) not null
);

-- Which programmes (titles) treated a pair: one row per pair and title completed in (d0, d1].
create table if not exists pair_programme (
    emp_key        integer not null,
    competency_key smallint not null,
    d1             date not null,
    title          varchar not null
);

-- Roll-ups: the rows above summed per agency (analytics/store/rollup.py keeps them; the metrics read
-- them instead of per-person rows when the filters and grouping allow, see
-- analytics/metrics/route.py). Levels in tenths, sums exact integers. Rebuilt, inside the
-- import's transaction, for every agency whose employees' derived rows changed. Except
-- year_cell, each is also split by the employees' (current) gender and employment type
-- (null when not recorded), so those filters read cells too; an employee whose record
-- changes is among the affected, so their agency's cells are rebuilt.

-- Scores (with or without a standard) per year, agency and position: which assessment years
-- exist (and the latest) and which positions were scored, within a viewer's scope, without a
-- scan of the scores.
create table if not exists year_cell (
    year         smallint not null,
    agency_key   integer not null,
    position_key integer not null,
    n            bigint not null
);

-- Scores with a standard per year, competency, agency, position (the score's), required level
-- and JPM class of the score (cat: 2 Optimal, 1 Cukup Optimal, 0 Kurang Optimal, decided on
-- 100 x level / required, used by by-competency trends).
create table if not exists score_cell (
    year           smallint not null,
    competency_key smallint not null,
    agency_key     integer not null,
    position_key   integer not null,
    gender         varchar,
    employment_type varchar,
    den            integer not null,   -- required level x 10
    cat            tinyint not null,
    n              bigint not null,    -- scores (= employees: one score per employee and cell)
    level_t        bigint not null,
    shortfall_t    bigint not null,
    meeting        bigint not null
);

-- person_year per year, agency, position, whole-year denominator (Σ required x 10) and JPM
-- category: everything the JPM mean (exact, per denominator) and the category shares need.
-- Only employees whose scores of the year sit in one position (person_year.position_key not
-- null): a job family or type then selects all of their scores or none, so a cell is never
-- split; the others are summed per person when asked (sql/cell_person.sql).
create table if not exists person_cell (
    year         smallint not null,
    agency_key   integer not null,
    position_key integer not null,
    gender       varchar,
    employment_type varchar,
    den         bigint not null,
    cat         tinyint not null,
    n           bigint not null,       -- employees
    scores      bigint not null,
    level_t     bigint not null,
    shortfall_t bigint not null,
    meeting     bigint not null
);

-- The training-impact sufficient statistics of the pairs per year (of d1), competency, agency,
-- position (d1's) and arm: x = level(d0), y = level(d1) - level(d0), in tenths.
create table if not exists pair_cell (
    year           smallint not null,
    competency_key smallint not null,
    agency_key     integer not null,
    position_key   integer not null,
    gender         varchar,
    employment_type varchar,
    treated        boolean not null,
    n              bigint not null,
    sx             bigint not null,
    sy             bigint not null,
    sxx            bigint not null,
    sxy            bigint not null,
    syy            bigint not null
);

-- Same-people change: scores with a standard whose employee has a score with a standard in
-- the same competency in their previous score year (prev_year), per year, prev_year,
-- competency, agency, position of each year; persons counts each employee once per (year,
-- prev_year) (on their first competency). Only employees whose scores sit in one position in
-- each of the two years (person_year.position_key): a job family then selects all of their
-- rows or none; the others are summed per person when asked (metrics/extras.py).
create table if not exists change_cell (
    year           smallint not null,
    prev_year      smallint not null,
    competency_key smallint not null,
    agency_key     integer not null,
    position_key   integer not null,
    prev_position  integer not null,
    gender         varchar,
    employment_type varchar,
    n              bigint not null,
    persons        bigint not null,
    level0_t       bigint not null,
    level1_t       bigint not null,
    meeting0       bigint not null,
    meeting1       bigint not null
);

-- Training impact by programme: the treated arm's sufficient statistics per year (of d1),
-- competency, title, agency, position (d1's), gender and employment type (pair_programme's
-- pairs; the control arm is pair_cell's untreated pairs), and what the treated pairs' events
-- cost: spent = Σ over (pair, completed event of the title in (d0, d1]) of the event's cost /
-- its participants, each share rounded to 1/10,000 rupiah so that sums are exact in any order;
-- unknown = such shares whose cost is not recorded. A participation added to an event changes
-- every participant's share: the importer and undo put the event in chg_training, so all its
-- participants are affected (derived.affected_employees_sql) and their agencies' cells rebuilt.
create table if not exists programme_cell (
    year            smallint not null,
    competency_key  smallint not null,
    title           varchar not null,
    agency_key      integer not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    n               bigint not null,
    sx              bigint not null,
    sy              bigint not null,
    sxx             bigint not null,
    sxy             bigint not null,
    syy             bigint not null,
    spent           decimal(38, 4),
    unknown         bigint not null
);

-- Dose-response: the pairs per year, competency, agency, position, gender, employment type
-- and JP bin of their dose (0: exactly 0 JP, 1: (0, 8], 2: (8, 20], 3: (20, 40], 4: more;
-- metrics/extras.py DOSE_BINS), with Σ level(d0) and Σ change in tenths.
create table if not exists dose_cell (
    year            smallint not null,
    competency_key  smallint not null,
    agency_key      integer not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    bin             tinyint not null,
    n               bigint not null,
    x_t             bigint not null,
    y_t             bigint not null
);

-- Distinct employees for the small-group rule of training impact, per year of d1 (0: every
-- year) and agency, gender and employment type: an employee belongs to one agency, so these
-- counts add up across agencies (not across positions: a job family or type filter counts per
-- person). people_pairs: employees with a pair in the competency; people_control: with an
-- untreated pair; people_title: with a pair treated by the title (treated), and of those, with
-- an untreated pair too (overlap): |treated ∪ control| = treated + control - overlap;
-- people_dose: employees with a pair in the JP bin (any competency).
create table if not exists people_pairs (
    year            smallint not null,
    competency_key  smallint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    employees       bigint not null
);

create table if not exists people_control (
    year            smallint not null,
    competency_key  smallint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    employees       bigint not null
);

create table if not exists people_title (
    year            smallint not null,
    title           varchar not null,
    competency_key  smallint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    treated         bigint not null,
    overlap         bigint not null
);

create table if not exists people_dose (
    year            smallint not null,
    bin             tinyint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    employees       bigint not null
);

-- Current employees per agency and position: the population of jp-compliance.
create table if not exists emp_cell (
    agency_key   integer not null,
    position_key integer not null,
    gender       varchar,
    employment_type varchar,
    n            bigint not null
);

-- JP per year of the current employees, per (current) agency and position: Σ JP in
-- hundredths and the employees with at least 20 JP (metrics/jp.py JP_RIGHT).
create table if not exists jp_cell (
    year         smallint not null,
    agency_key   integer not null,
    position_key integer not null,
    gender       varchar,
    employment_type varchar,
    jp_h         bigint not null,
    n_20jp       bigint not null
);

-- The talent rows per talent year and the employee's current agency, position, gender and
-- employment type: rated employees, those with a box, and each box's count (the 9-box, the
-- talent summary and calibration read these instead of millions of talent rows).
create table if not exists talent_cell (
    year            smallint not null,
    agency_key      integer not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    employees       bigint not null,
    mapped          bigint not null,
    box_1 bigint not null, box_2 bigint not null, box_3 bigint not null,
    box_4 bigint not null, box_5 bigint not null, box_6 bigint not null,
    box_7 bigint not null, box_8 bigint not null, box_9 bigint not null
);

-- Moves between two talent years: the people with a box in `year` and in `from_year` (their
-- previous talent year), per box pair and the employee's current agency, position, gender and
-- employment type (the moves table and its rose / fell / stayed counts).
create table if not exists move_cell (
    year            smallint not null,
    from_year       smallint not null,
    agency_key      integer not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    from_box        tinyint not null,
    to_box          tinyint not null,
    n               bigint not null
);

-- The units and ranks of the current employees per agency, with how many hold each: what the
-- filter bar offers (analytics/metrics/choices.py) without grouping every employee (195,552
-- units nationally). Rebuilt whole on every refresh, as emp_cell.
create table if not exists unit_cell (
    agency_key integer not null,
    unit       varchar not null,
    n          bigint not null
);

create table if not exists rank_cell (
    agency_key integer not null,
    rank       varchar,
    n          bigint not null
);

-- The agency layer: score_cell and person_cell summed over positions, for answers grouped by
-- agency whose filters name no job family or type (analytics/metrics/route.py). A national
-- store's 15,053 agencies are a third to two thirds as many rows as their cells, and need no
-- join to positions. score_agency keeps only what the gap matrix sums (Σ required instead of
-- the required level and class); person_agency keeps the JPM denominator and category.
create table if not exists score_agency (
    year            smallint not null,
    competency_key  smallint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    n               bigint not null,
    level_t         bigint not null,
    required_t      bigint not null,
    shortfall_t     bigint not null,
    meeting         bigint not null
);

create table if not exists person_agency (
    year            smallint not null,
    agency_key      integer not null,
    gender          varchar,
    employment_type varchar,
    den             bigint not null,
    cat             tinyint not null,
    n               bigint not null,
    scores          bigint not null,
    level_t         bigint not null,
    shortfall_t     bigint not null,
    meeting         bigint not null
);

-- The national layer: each roll-up above summed over agencies (same columns without
-- agency_key). A selection that names no agency, instansi or scope, grouped by anything but
-- agency or unit, reads these few hundred thousand rows instead of tens of millions of cells
-- (analytics/metrics/route.py). Rebuilt whole from the cells after every refresh.
create table if not exists year_nat (
    year         smallint not null,
    position_key integer not null,
    n            bigint not null
);

create table if not exists score_nat (
    year            smallint not null,
    competency_key  smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    den             integer not null,
    cat             tinyint not null,
    n               bigint not null,
    level_t         bigint not null,
    shortfall_t     bigint not null,
    meeting         bigint not null
);

create table if not exists person_nat (
    year            smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    den             bigint not null,
    cat             tinyint not null,
    n               bigint not null,
    scores          bigint not null,
    level_t         bigint not null,
    shortfall_t     bigint not null,
    meeting         bigint not null
);

create table if not exists pair_nat (
    year            smallint not null,
    competency_key  smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    treated         boolean not null,
    n               bigint not null,
    sx              bigint not null,
    sy              bigint not null,
    sxx             bigint not null,
    sxy             bigint not null,
    syy             bigint not null
);

create table if not exists change_nat (
    year            smallint not null,
    prev_year       smallint not null,
    competency_key  smallint not null,
    position_key    integer not null,
    prev_position   integer not null,
    gender          varchar,
    employment_type varchar,
    n               bigint not null,
    persons         bigint not null,
    level0_t        bigint not null,
    level1_t        bigint not null,
    meeting0        bigint not null,
    meeting1        bigint not null
);

create table if not exists programme_nat (
    year            smallint not null,
    competency_key  smallint not null,
    title           varchar not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    n               bigint not null,
    sx              bigint not null,
    sy              bigint not null,
    sxx             bigint not null,
    sxy             bigint not null,
    syy             bigint not null,
    spent           decimal(38, 4),
    unknown         bigint not null
);

create table if not exists dose_nat (
    year            smallint not null,
    competency_key  smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    bin             tinyint not null,
    n               bigint not null,
    x_t             bigint not null,
    y_t             bigint not null
);

create table if not exists emp_nat (
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    n               bigint not null
);

create table if not exists jp_nat (
    year            smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    jp_h            bigint not null,
    n_20jp          bigint not null
);

create table if not exists talent_nat (
    year            smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    employees       bigint not null,
    mapped          bigint not null,
    box_1 bigint not null, box_2 bigint not null, box_3 bigint not null,
    box_4 bigint not null, box_5 bigint not null, box_6 bigint not null,
    box_7 bigint not null, box_8 bigint not null, box_9 bigint not null
);

create table if not exists move_nat (
    year            smallint not null,
    from_year       smallint not null,
    position_key    integer not null,
    gender          varchar,
    employment_type varchar,
    from_box        tinyint not null,
    to_box          tinyint not null,
    n               bigint not null
);

-- The whole store's readiness histograms (analytics/store/ready.py, sql/ready_hist.sql): per
-- talent year and post with a standard, its candidates (total_t null) and its complete
-- candidates by Σ level over its competencies, in tenths. Rows with n = 0 are not kept.
create table if not exists ready_post (
    year         smallint not null,
    position_key integer not null,
    total_t      integer,            -- null: every candidate for the post
    n            bigint not null
);
