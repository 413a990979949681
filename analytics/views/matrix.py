"""The gap matrix: one row per (group, competency), for the heatmap."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import privacy
from analytics.filters import Filters
from analytics.metrics import common
from analytics.metrics.groups import Grouping
from analytics.metrics.summaries import GAP_FIGURES

ROWS = {"agency": ("agency_id",), "unit": ("agency_id", "unit"), "job_family": ("job_family",),
        "job_type": ("job_type",)}


def gap_matrix(cur: duckdb.DuckDBPyConnection, filters: Filters, rows: str = "agency") -> pd.DataFrame:
    """Grain: one row per group (rows = agency | unit | job_family | job_type) and competency
    with at least one selected score with a standard in the year; the same sums as
    gap_summary (sql/gap_summary.sql).

    Columns: key column(s), competency_id, employees, mean_level, mean_required, mean_gap,
    mean_shortfall, pct_meeting, pct_below (= 100 - pct_meeting: % of scores below standard);
    small_group/hidden per filters.small_groups (siblings: the same competency).
    """
    if rows not in ROWS:
        raise ValueError(f"rows must be one of {', '.join(ROWS)}")
    g = Grouping(f"{rows}_competency", (*ROWS[rows], "competency_id"))
    columns = {n: "str" for n in g.names} | dict(GAP_FIGURES) | {"pct_below": "float64"}
    try:
        year = common.resolve_year(cur, filters, "gap_summary")
    except common.NoYear:
        return common.empty(columns)
    year_s, yp = common.year_clause("s", year)
    where_s, wp = common.where(filters, "s")
    df = common.query(
        cur, "gap_summary", {**yp, **wp}, key_select=g.select, key_columns=g.columns,
        year_s=year_s, where_s=where_s,
    )
    if len(df):
        # exact: 100 x (scores - meeting) / scores, from the exact pct_meeting's integer count
        meeting = (df["pct_meeting"] * df["scores"] / 100).round().astype("int64")
        df["pct_below"] = (100 * (df["scores"] - meeting)) / df["scores"]
    df = common.conform(df.sort_values(list(g.names)), columns)
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=[*GAP_FIGURES, "pct_below"],
        siblings=["competency_id"],
    )
