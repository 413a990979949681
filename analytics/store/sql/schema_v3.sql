-- Schema version 3 (docs/import-formats.md v2): talent management and the public-service link,
-- and the JPM category defined once.
--
-- potential: one potential result per employee and year (potential.csv). A fact table like
-- performance: no primary key, key uniqueness is enforced by the importer.
create table if not exists potential (
    emp_key   integer not null,
    year      smallint not null,
    potential varchar not null check (potential in ('rendah', 'menengah', 'tinggi')),
    method    varchar
);

-- service_outcomes gains the survey's sample size and the mean score (NRR) of each of the nine
-- unsur of Permenpan RB 14/2017 (u6 = Kompetensi Pelaksana, u7 = Perilaku Pelaksana).
alter table service_outcomes add column if not exists respondents integer;
alter table service_outcomes add column if not exists u1 double;
alter table service_outcomes add column if not exists u2 double;
alter table service_outcomes add column if not exists u3 double;
alter table service_outcomes add column if not exists u4 double;
alter table service_outcomes add column if not exists u5 double;
alter table service_outcomes add column if not exists u6 double;
alter table service_outcomes add column if not exists u7 double;
alter table service_outcomes add column if not exists u8 double;
alter table service_outcomes add column if not exists u9 double;

-- The JPM category (docs/metrics.md#jpm-category), the one place its thresholds live in SQL:
-- 2 = Optimal (JPM >= 90), 1 = Cukup Optimal (>= 78), 0 = Kurang Optimal. Decided exactly on
-- integers: levels have one decimal, so both sums come in tenths (level * 10, required * 10)
-- and JPM >= t  <=>  100 * level_tenths >= t * required_tenths. Tied to the Python constants
-- (analytics.metrics.common OPTIMAL_MIN, CUKUP_MIN) by tests/analytics/metrics/test_jpm_rule.py. DuckDB inlines a macro where it is
-- called, so it costs nothing at run time.
create or replace macro jpm_cat(level_tenths, required_tenths) as
    case when 100 * (level_tenths) >= 90 * (required_tenths) then 2
         when 100 * (level_tenths) >= 78 * (required_tenths) then 1
         else 0 end;
