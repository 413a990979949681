"""trend: the score summaries year by year (docs/metrics.md#summaries)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, score_groups
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
    sums = score_groups.summed(cur, filters, g, year, ["year", *g.sql_names])
    if sums.empty:
        df = common.empty(columns)
    else:
        df = score_groups.label(cur, sums, g)
        df = df.drop(columns=[NONE_COL], errors="ignore").sort_values(["year", *g.names])
        df = common.conform(df, columns)
    return privacy.apply_small_groups(
        df,
        filters,
        count="employees",
        figures=list(TREND_FIGURES),
        siblings=siblings_of(g, ["year"]),
    )
