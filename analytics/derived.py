"""Rebuild the derived tables (score, person_year, jp_year, pair, pair_programme).

Called only inside a write transaction (Store.write), after the raw tables changed, so readers
see raw and derived rows of one version together. `refresh(cur)` rebuilds everything;
`refresh(cur, affected="affected_emp")` only the rows of the employees listed in that temp
table (one column emp_key), which is what an import of one agency needs at national scale.
"""

from __future__ import annotations

import duckdb

from analytics.store import read_sql

DERIVED_TABLES = ("score", "person_year", "jp_year", "pair", "pair_programme")


def create_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(read_sql("derived.sql"))


def affected_employees_sql() -> str:
    """Who needs a refresh after an import, given temp tables of the changed keys.

    Expects temp tables chg_emp(emp_key), chg_training(training_key),
    chg_standard(position_key) to exist (empty when nothing of that kind changed).
    """
    return """
        select emp_key from chg_emp
        union
        select emp_key from participations
        where training_key in (select training_key from chg_training)
        union
        select emp_key from score where position_key in (select position_key from chg_standard)
        union
        select emp_key from employees
        where position_key in (select position_key from chg_standard)
        union
        select a.emp_key from assessments a
        where a.position_key in (select position_key from chg_standard)
    """


def refresh(cur: duckdb.DuckDBPyConnection, affected: str | None = None) -> None:
    """Rebuild derived rows for all employees, or for those in temp table `affected`."""
    if affected is not None and affected not in ("affected_emp",):
        raise ValueError("affected must name the fixed temp table")  # never user text

    def sel_for(alias: str = "") -> str:
        col = f"{alias}.emp_key" if alias else "emp_key"
        return "true" if affected is None else f"{col} in (select emp_key from {affected})"

    sel = sel_for()
    for table in DERIVED_TABLES:
        if affected is None:
            cur.execute(f"delete from {table}")
        else:
            cur.execute(f"delete from {table} where {sel}")

    cur.execute(
        f"""
        insert into score
        with latest as (
            select emp_key, competency_key, year(assessed_on)::smallint as year,
                   max(assessed_on) as assessed_on
            from assessments
            where {sel}
            group by all
        ),
        final as (
            select l.emp_key, l.competency_key, l.year, l.assessed_on, a.level,
                   coalesce(a.position_key, e.position_key) as position_key,
                   e.agency_key, e.unit, s.required_level
            from latest l
            join assessments a
              on a.emp_key = l.emp_key and a.competency_key = l.competency_key
             and a.assessed_on = l.assessed_on
            join employees e on e.emp_key = l.emp_key
            left join standards s
              on s.position_key = coalesce(a.position_key, e.position_key)
             and s.competency_key = l.competency_key
        )
        select * from final
        """
    )
    cur.execute(
        f"""
        insert into person_year
        select emp_key, year, any_value(agency_key), any_value(unit), count(*),
               sum(level), sum(required_level)
        from score
        where required_level is not null and {sel}
        group by emp_key, year
        """
    )
    cur.execute(
        f"""
        insert into jp_year
        select p.emp_key, year(t.end_date)::smallint, sum(t.hours_jp)
        from participations p join trainings t using (training_key)
        where p.completed and {sel_for('p')}
        group by all
        """
    )
    cur.execute(
        f"""
        insert into pair
        with seq as (
            select a.emp_key, a.competency_key, a.assessed_on as d1, a.level as level1,
                   coalesce(a.position_key, e.position_key) as position_key,
                   e.agency_key, e.unit,
                   lag(a.assessed_on) over w as d0,
                   lag(a.level) over w as level0
            from assessments a join employees e using (emp_key)
            where {sel_for('a')}
            window w as (partition by a.emp_key, a.competency_key order by a.assessed_on)
        ),
        cost_share as (
            select training_key, t.cost_idr / count(*) as cost_per_person
            from participations p join trainings t using (training_key)
            group by training_key, t.cost_idr
        ),
        done as (
            select p.emp_key, t.competency_key, t.end_date, t.hours_jp,
                   coalesce(c.cost_per_person, 0) as cost
            from participations p
            join trainings t using (training_key)
            left join cost_share c using (training_key)
            where p.completed and t.competency_key is not null
              and {sel_for('p')}
        ),
        final as (
            select s.emp_key, s.competency_key, s.d0, s.d1, year(s.d1)::smallint as year,
                   s.level0, s.level1, s.position_key, s.agency_key, s.unit,
                   count(d.end_date) > 0 as treated,
                   coalesce(sum(d.hours_jp), 0) as dose_jp,
                   coalesce(sum(d.cost), 0) as cost_idr
            from seq s
            left join done d
              on d.emp_key = s.emp_key and d.competency_key = s.competency_key
             and d.end_date > s.d0 and d.end_date <= s.d1
            where s.d0 is not null
            group by all
        )
        select * from final
        """
    )
    cur.execute(
        f"""
        insert into pair_programme
        select distinct pr.emp_key, pr.competency_key, pr.d1, t.title
        from pair pr
        join participations p on p.emp_key = pr.emp_key and p.completed
        join trainings t
          on t.training_key = p.training_key and t.competency_key = pr.competency_key
         and t.end_date > pr.d0 and t.end_date <= pr.d1
        where pr.treated and {sel_for('pr')}
        """
    )
