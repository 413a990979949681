"""Group summaries of one year's scores: gap-summary and jpm-summary (data contract 2-3)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics import privacy
from analytics.filters import Filters
from analytics.metrics import common
from analytics.metrics.groups import NONE_COL, Grouping, grouping

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


def category_fragments() -> dict[str, str]:
    o, k = common.OPTIMAL_MIN, common.CUKUP_MIN
    return {
        "is_optimal": f"num >= {o} * den",
        "is_cukup": f"num >= {k} * den and num < {o} * den",
        "is_kurang": f"num < {k} * den",
    }


def jpm_figures(parts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """From per (group, denominator) parts: employees, exact mean_jpm and category shares."""
    sums = parts.groupby(keys, sort=False, dropna=False)[
        ["n", "n_optimal", "n_cukup", "n_kurang"]
    ].sum()
    means = common.mean_of_ratios(parts, keys).set_index(keys)
    out = sums.join(means)
    out["employees"] = out["n"].astype("int64")
    # percentages as (100 x count) / total: one exact division
    out["pct_optimal"] = (100 * out["n_optimal"]) / out["n"]
    out["pct_cukup_optimal"] = (100 * out["n_cukup"]) / out["n"]
    out["pct_kurang_optimal"] = (100 * out["n_kurang"]) / out["n"]
    out["mean_jpm"] = out["mean"]
    return out.reset_index()


def _score_fragments(
    cur: duckdb.DuckDBPyConnection, filters: Filters, metric: str
) -> tuple[dict[str, str], dict[str, object]]:
    year = common.resolve_year(cur, filters, metric)
    year_s, yp = common.year_clause("s", year)
    where_s, wp = common.where(filters, "s")
    return {"year_s": year_s, "where_s": where_s}, {**yp, **wp}


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
    columns = {**key_dtypes(g), **GAP_FIGURES}
    try:
        fragments, params = _score_fragments(cur, filters, "gap_summary")
    except common.NoYear:
        return common.empty(columns)
    df = common.query(
        cur, "gap_summary", params, key_select=g.select, key_columns=g.columns, **fragments
    )
    df = common.conform(df.sort_values(list(g.names)), columns)
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
    columns = {**key_dtypes(g), **JPM_FIGURES}
    try:
        fragments, params = _score_fragments(cur, filters, "jpm_summary")
    except common.NoYear:
        return common.empty(columns)
    parts = common.query(
        cur,
        "jpm_summary",
        params,
        key_select=g.select,
        key_columns=g.columns,
        **fragments,
        **category_fragments(),
    )
    if parts.empty:
        return common.empty(columns)
    df = jpm_figures(parts, list(g.sql_names)).drop(columns=[NONE_COL], errors="ignore")
    df = common.conform(df.sort_values(list(g.names)), columns)
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=list(JPM_FIGURES), siblings=siblings_of(g)
    )
