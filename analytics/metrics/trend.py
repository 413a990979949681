"""trend: the score summaries year by year (data contract, sections 2-3)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import privacy
from analytics.filters import Filters
from analytics.metrics import common
from analytics.metrics.groups import NONE_COL, grouping
from analytics.metrics.summaries import key_dtypes, siblings_of

TREND_FIGURES = {
    "employees": "int64",
    "mean_level": "float64",
    "mean_gap": "float64",
    "mean_shortfall": "float64",
    "pct_meeting": "float64",
    "mean_jpm": "float64",
}


def trend(cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None) -> pd.DataFrame:
    """Grain: one row per year and group with at least one selected score with a standard;
    every assessment year unless filters.year keeps one. by = none (default), agency,
    job_family or competency.

    Columns: year, key column(s) if any (agency_id | job_family | competency_id), employees
    (distinct), mean_level, mean_gap, mean_shortfall (means over scores), pct_meeting (% of
    scores meeting), mean_jpm (mean over the group's employees of their JPM for the group:
    whole-year JPM for none/agency, over the family's scores for job_family, 100 x level /
    required of the one score for competency). Sorted by year, then keys.
    """
    g = grouping("trend", by)
    columns = {"year": "int64", **key_dtypes(g), **TREND_FIGURES}
    year = common.resolve_year(cur, filters, "trend")
    year_s, yp = common.year_clause("s", year)
    where_s, wp = common.where(filters, "s")
    params = {**yp, **wp}
    frag = {"year_s": year_s, "where_s": where_s, "key_select": g.select}
    stats = common.query(cur, "trend", params, **frag)
    if stats.empty:
        return common.empty(columns)
    parts = common.query(cur, "trend_jpm", params, key_columns=g.columns, **frag)
    keys = ["year", *g.sql_names]
    means = common.mean_of_ratios(parts, keys).rename(columns={"mean": "mean_jpm"})
    df = stats.merge(means, on=keys, how="left")
    n = df["scores"]
    df["mean_level"] = df["level_t"] / (10 * n)
    df["mean_gap"] = df["gap_t"] / (10 * n)
    df["mean_shortfall"] = df["shortfall_t"] / (10 * n)
    df["pct_meeting"] = (100 * df["meeting"]) / n
    df = df.drop(columns=[NONE_COL], errors="ignore").sort_values(["year", *g.names])
    df = common.conform(df, columns)
    return privacy.apply_small_groups(
        df,
        filters,
        count="employees",
        figures=list(TREND_FIGURES),
        siblings=siblings_of(g, ["year"]),
    )
