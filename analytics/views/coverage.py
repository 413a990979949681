"""Data coverage: who was not assessed in a year, and which positions lack standards.

Both answer "can these figures be trusted for this population?" on the Data page.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.core.privacy import check_individuals
from analytics.metrics.common import resolve_year


def assessment_coverage(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per agency with at least one selected employee (current position).

    Columns: agency_id, agency_name, employees, assessed (had at least one assessment in the
    year), not_assessed, pct_assessed (0-100). Year: filters.year or the latest assessment year.
    """
    year = resolve_year(cur, filters, "employee_gaps")
    where, params = filters.employees("e")
    return cur.execute(
        f"""
        with assessed as (
            select distinct emp_key from score where year = $year
        ),
        final as (
            select a.agency_id, a.agency_name,
                   count(*) as employees,
                   count(s.emp_key) as assessed,
                   count(*) - count(s.emp_key) as not_assessed,
                   100.0 * count(s.emp_key) / count(*) as pct_assessed
            from employees e
            join agencies a on a.agency_key = e.agency_key
            left join assessed s on s.emp_key = e.emp_key
            where {where}
            group by a.agency_id, a.agency_name
        )
        select * from final order by agency_id
        """,
        {**params, "year": year},
    ).df()


def not_assessed(
    cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 200, offset: int = 0
) -> pd.DataFrame:
    """Grain: one row per selected employee with no assessment in the year (a page of them).

    Columns: nip, name, agency_name, unit, position_name. Person-level: needs
    filters.may_see_individuals. Paged in SQL (limit/offset), ordered by agency, unit, name.
    """
    check_individuals(filters)
    year = resolve_year(cur, filters, "employee_gaps")
    where, params = filters.employees("e")
    return cur.execute(
        f"""
        select e.nip, e.name, a.agency_name, e.unit, p.position_name
        from employees e
        join agencies a on a.agency_key = e.agency_key
        join positions p on p.position_key = e.position_key
        where {where}
          -- no score in the year: none with a standard (person_year, one row per person) and
          -- none without (few); a set of the year's scores' emp_keys took 5 s nationally
          and e.emp_key not in (select emp_key from person_year where year = $year)
          and e.emp_key not in (
              select emp_key from score where year = $year and required_level is null
          )
        order by a.agency_name, e.unit, e.name, e.nip
        limit $limit offset $offset
        """,
        {**params, "year": year, "limit": limit, "offset": offset},
    ).df()


def missing_standards(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per position and competency that was assessed in the year without a
    standard for that position (such scores are left out of every metric).

    Columns: position_id, position_name, competency_id, competency_name, scores.
    """
    year = resolve_year(cur, filters, "employee_gaps")
    where, params = filters.rows("s")
    return cur.execute(
        f"""
        select p.position_id, p.position_name, c.competency_id, c.competency_name,
               count(*) as scores
        from score s
        join positions p on p.position_key = s.position_key
        join competencies c on c.competency_key = s.competency_key
        where s.required_level is null and s.year = $year and {where}
        group by all
        order by scores desc, p.position_id, c.competency_id
        """,
        {**params, "year": year},
    ).df()
