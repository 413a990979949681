"""Group summaries of one year's scores: gap-summary and jpm-summary (docs/metrics.md#summaries)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, score_groups
from analytics.metrics.groups import Grouping, grouping

GAP_FIGURES = {
    "employees": "int64",
    "mean_level": "float64",
    "mean_required": "float64",
    "mean_gap": "float64",
    "mean_shortfall": "float64",
    "pct_meeting": "float64",
}
JPM_FIGURES = {
    "employees": "int64",
    "mean_jpm": "float64",
    "pct_optimal": "float64",
    "pct_cukup_optimal": "float64",
    "pct_kurang_optimal": "float64",
}


def key_dtypes(g: Grouping) -> dict[str, str]:
    return {n: "str" for n in g.names}


def siblings_of(g: Grouping, leading: Sequence[str] = ()) -> list[str]:
    """Rows adding up to one total: the same leading keys (year); units of one agency."""
    return [*leading, *(["agency_id"] if g.by == "unit" else [])]


def _summary(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    g: Grouping,
    metric: str,
    figures: dict[str, str],
    jpm: bool,
) -> pd.DataFrame:
    """The figures of one year's groups, before the small-group rule (empty with columns)."""
    columns = {**key_dtypes(g), **figures}
    try:
        year = common.resolve_year(cur, filters, metric)
    except common.NoYear:
        return common.empty(columns)
    sums = score_groups.summed(cur, filters, g, year, list(g.sql_names), jpm, with_jpm=jpm)
    if sums.empty:
        return common.empty(columns)
    df = score_groups.label(cur, sums, g)
    return common.conform(df.sort_values(list(g.names)), columns)


def gap_summary(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """Grain: one row per group of the year's selected scores with a standard; by = competency
    (default), agency, unit, job_family, job_type or position (a score's position gives its job
    family, type and position; its agency and unit are the employee's current ones).

    Columns: key column(s) (competency_id | agency_id | agency_id, unit | job_family | job_type
    | position_id), employees (distinct), mean_level, mean_required, mean_gap, mean_shortfall
    (means over scores, each weighing 1), pct_meeting (% of scores with level >= required).
    Year: filters.year or else the latest assessment year of the whole store.
    """
    g = grouping("gap_summary", by)
    df = _summary(cur, filters, g, "gap_summary", GAP_FIGURES, jpm=False)
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=list(GAP_FIGURES), siblings=siblings_of(g)
    )


def jpm_summary(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """Grain: one row per group of employees with selected scores with a standard in the year;
    by = agency (default), unit, job_family or job_type.

    An employee's JPM for a group = 100 x Σ level / Σ required over their selected scores in it:
    their whole-year JPM for agency and unit; for job_family / job_type, over their scores in that
    family or type (an employee may then count in two groups).
    Columns: key column(s), employees, mean_jpm (mean over the group's employees of their JPM,
    the correctly rounded double of the exact mean), pct_optimal, pct_cukup_optimal,
    pct_kurang_optimal (% of the group's employees per category, 0-100).
    Year: filters.year or else the latest assessment year of the whole store.
    """
    g = grouping("jpm_summary", by)
    df = _summary(cur, filters, g, "jpm_summary", JPM_FIGURES, jpm=True)
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=list(JPM_FIGURES), siblings=siblings_of(g)
    )
