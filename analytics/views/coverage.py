"""Data coverage: who was not assessed in a year, and which positions lack standards.

Both answer "can these figures be trusted for this population?" on the Data page.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.core.privacy import check_individuals
from analytics.metrics.common import resolve_year


def _assessed(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The year's assessed employees among those the filters select, as the body of a CTE
    (emp_key, agency_key: the current one) binding $year, and its params. Assessed = at least one
    score in the year: a row of person_year (scores with a standard) or of nostd_year (scores,
    none with a standard), one row per person each. A distinct over the year's 50 million
    scores took 1 s nationally. Derived rows carry the employee's current agency and unit, and
    gender, employment type and rank are looked up; a job family or type selects by the
    current position, so then the employees are looked up (person_year's position is the
    scores')."""
    if filters.splits_employee_scores:
        where_e, params = filters.employees("e", "fe")
        picked = f"emp_key in (select e.emp_key from employees e where {where_e})"
        where_py, where_n = f"py.{picked}", f"n.{picked}"
    else:
        where_py, params = filters.rows("py", "fp")
        where_n, params_n = filters.rows("n", "fn")
        params |= params_n
    return (
        f"""
        select py.emp_key, py.agency_key from person_year py
        where py.year = $year and {where_py}
        union all
        select n.emp_key, n.agency_key from nostd_year n
        where n.year = $year and {where_n}
        """,
        params,
    )


def assessment_coverage(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per agency with at least one selected employee (current position).

    Columns: agency_id, agency_name, employees, assessed (had at least one assessment in the
    year), not_assessed, pct_assessed (0-100). Year: filters.year or the latest assessment year.
    """
    year = resolve_year(cur, filters, "employee_gaps")
    where, params = filters.employees("e")
    assessed, assessed_params = _assessed(filters)
    return cur.execute(
        f"""
        with assessed as ({assessed}),
        people as (
            select e.agency_key, count(*) as employees
            from employees e
            where {where}
            group by e.agency_key
        ),
        counted as (
            select agency_key, count(*) as assessed from assessed group by agency_key
        ),
        final as (
            select a.agency_id, a.agency_name, p.employees,
                   coalesce(c.assessed, 0) as assessed,
                   p.employees - coalesce(c.assessed, 0) as not_assessed,
                   100.0 * coalesce(c.assessed, 0) / p.employees as pct_assessed
            from people p
            join agencies a on a.agency_key = p.agency_key
            left join counted c on c.agency_key = p.agency_key
        )
        select * from final order by agency_id
        """,
        {**params, **assessed_params, "year": year},
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
    assessed, assessed_params = _assessed(filters)
    return cur.execute(
        f"""
        with assessed as ({assessed})
        select e.nip, e.name, a.agency_name, e.unit, p.position_name
        from employees e
        join agencies a on a.agency_key = e.agency_key
        join positions p on p.position_key = e.position_key
        where {where}
          and e.emp_key not in (select emp_key from assessed)
        order by a.agency_name, e.unit, e.name, e.nip
        limit $limit offset $offset
        """,
        {**params, **assessed_params, "year": year, "limit": limit, "offset": offset},
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
