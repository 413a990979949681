"""Person-level score metrics: employee-gaps and jpm (docs/metrics.md#gap, docs/metrics.md#jpm)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, score_groups
from analytics.metrics.groups import grouping

EMPLOYEE_GAPS_COLUMNS = {
    "nip": "str",
    "year": "int64",
    "competency_id": "str",
    "level": "float64",
    "required_level": "int64",
    "gap": "float64",
    "meets": "bool",
}
JPM_COLUMNS = {"nip": "str", "year": "int64", "jpm": "float64", "category": "str"}


def employee_gaps(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per selected score that has a standard (employee x competency x year),
    in the year filters.year or else the latest assessment year of the whole store.

    Columns: nip, year, competency_id, level, required_level, gap (= level - required_level),
    meets (level >= required_level, exact). In no particular order (the export sorts).
    Needs filters.may_see_individuals.
    """
    privacy.check_individuals(filters)
    try:
        year = common.resolve_year(cur, filters, "employee_gaps")
    except common.NoYear:
        return common.empty(EMPLOYEE_GAPS_COLUMNS)
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    df = common.query(cur, "employee_gaps", {**yp, **wp}, year_s=year_s, where_s=where_s)
    return common.conform(df, EMPLOYEE_GAPS_COLUMNS)


def jpm(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per employee and year with at least one selected score with a standard
    (year: filters.year or else the latest assessment year of the whole store).

    Columns: nip, year, jpm (100 x Σ level / Σ required_level over the employee's selected
    scores that year; not capped), category (`Optimal` >= 90, `Cukup Optimal` >= 78, else
    `Kurang Optimal`, decided on the exact ratio). In no particular order.
    Needs filters.may_see_individuals.
    """
    privacy.check_individuals(filters)
    try:
        year = common.resolve_year(cur, filters, "jpm")
    except common.NoYear:
        return common.empty(JPM_COLUMNS)
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    everyone = grouping("trend", "none")  # the whole year of each employee
    per_person = common.render(
        score_groups.source(everyone, filters, per_employee=True),
        inner_select=everyone.inner_select,
        year_s=year_s,
        where_s=where_s,
    )
    df = common.query(
        cur,
        "jpm",
        {**yp, **wp},
        per_person=per_person,
        category=common.category_sql("100 * pp.level_t", "pp.den"),
    )
    return common.conform(df, JPM_COLUMNS)
