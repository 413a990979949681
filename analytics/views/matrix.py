"""The gap matrix: one row per (group, competency), for the heatmap."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, gap_summary, jpm_summary, route
from analytics.metrics.groups import Grouping
from analytics.metrics.summaries import GAP_FIGURES

ROWS = {
    "agency": ("agency_id",),
    "unit": ("agency_id", "unit"),
    "job_family": ("job_family",),
    "job_type": ("job_type",),
}


CORE = ("manajerial", "sosial kultural")
TECHNICAL = ("teknis",)


def gap_matrix(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    rows: str = "agency",
    groups: tuple[str, ...] = CORE,
) -> pd.DataFrame:
    """Grain: one row per group (rows = agency | unit | job_family | job_type) and competency
    with at least one selected score with a standard in the year; the same sums as
    gap_summary (sql/gap_summary.sql).

    Columns: key column(s), competency_id, employees, mean_level, mean_required, mean_gap,
    mean_shortfall, pct_meeting, pct_below (= 100 - pct_meeting: % of scores below standard);
    small_group/hidden per filters.small_groups (siblings: the same competency).
    Only competencies of `groups` (default: managerial and socio-cultural, which every
    position has; ("teknis",) for the technical ones).
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
    cells = rows != "unit" and route.cells_allowed(filters)
    where_s, wp = filters.cells("s") if cells else filters.rows("s")
    fragments = {"key_select": g.select, "key_columns": g.columns, "year_s": year_s}
    if cells:
        score_cell, over_positions = route.cell_source(filters, "score_cell", rows == "agency")
        fragments |= {
            "score_cell": score_cell,
            "agency_join": (
                "join agencies a on a.agency_key = s.agency_key" if rows == "agency" else ""
            ),
            "position_join": "" if over_positions else route.POSITION_JOIN,
            "required_t": "s.required_t" if over_positions else "s.den::bigint * s.n",
        }
    # only the competencies of `groups` (a national matrix by agency would sum them all)
    where_s += (
        " and s.competency_key in (select competency_key from competencies"
        " where list_contains($mx_groups, competency_group))"
    )
    wp |= {"mx_groups": list(groups)}
    df = common.query(
        cur, "gap_matrix_cells" if cells else "gap_summary", {**yp, **wp},
        where_s=where_s, **fragments,
    )  # fmt: skip
    if len(df):
        # exact: 100 x (scores - meeting) / scores, from the exact pct_meeting's integer count
        meeting = (df["pct_meeting"] * df["scores"] / 100).round().astype("int64")
        df["pct_below"] = (100 * (df["scores"] - meeting)) / df["scores"]
    df = common.conform(df.sort_values(list(g.names)), columns)
    return privacy.apply_small_groups(
        df,
        filters,
        count="employees",
        figures=[*GAP_FIGURES, "pct_below"],
        siblings=["competency_id"],
    )


def unit_summary(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per (agency, unit) of the year's selected scores: jpm_summary(by=unit)
    beside gap_summary(by=unit), for the drill-down from an agency to its units.

    Columns: agency_id, unit, employees, mean_jpm, pct_optimal, pct_cukup_optimal,
    pct_kurang_optimal, mean_gap, mean_shortfall, pct_meeting (+ small_group/hidden).
    """
    jpm = jpm_summary(cur, filters, by="unit")
    gaps = gap_summary(cur, filters, by="unit")[
        ["agency_id", "unit", "mean_gap", "mean_shortfall", "pct_meeting"]
    ]
    return jpm.merge(gaps, on=["agency_id", "unit"], how="left")
