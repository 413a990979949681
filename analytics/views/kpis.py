"""Headline figures of the overview page and the deck's KPI slide."""

from __future__ import annotations

import math
from typing import Any

import duckdb

from analytics.core.filters import Filters
from analytics.metrics import common, jp_compliance, score_groups
from analytics.metrics.extras import same_people_change
from analytics.metrics.groups import NONE_COL, grouping


def kpis(cur: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """Grain: one set of figures for the selected population in the year (filters.year or the
    latest assessment year).

    Keys: year, employees (assessed, with at least one score with a standard), mean_jpm,
    pct_optimal, pct_cukup_optimal, pct_kurang_optimal (over employees, whole-year JPM over
    their selected scores), pct_meeting, mean_shortfall, mean_level (over scores), pct_20jp,
    mean_jp (over the selected employees, current positions), same_people (employees in both
    this and the previous assessment year), same_people_change (their mean level change),
    previous_year, small_group (fewer than filters.min_group employees).
    Values are None when there is nothing to compute.
    """
    out: dict[str, Any] = dict.fromkeys(
        (
            "year",
            "employees",
            "mean_jpm",
            "pct_optimal",
            "pct_cukup_optimal",
            "pct_kurang_optimal",
            "pct_meeting",
            "mean_shortfall",
            "mean_level",
            "pct_20jp",
            "mean_jp",
            "same_people",
            "same_people_change",
            "previous_year",
        )
    )
    out["small_group"] = False
    try:
        year = common.resolve_year(cur, filters, "gap_summary")
    except common.NoYear:
        return out
    if year is None:
        return out
    out["year"] = year
    # Figures are computed unsuppressed and the whole set is hidden below when the population
    # is small (a total of a hidden population would reveal it).
    yf = filters.with_(year=year, small_groups="mark")
    # one pass for the score means, the JPM mean and its category shares (roll-ups when the
    # filters allow; analytics/metrics/score_groups.py)
    everyone = grouping("trend", "none")
    p = score_groups.parts(cur, yf, everyone, year, categories=True)
    if not p.empty:
        row = score_groups.figures(p, [NONE_COL]).iloc[0]
        for k in (
            "employees",
            "mean_jpm",
            "pct_meeting",
            "mean_shortfall",
            "mean_level",
            "pct_optimal",
            "pct_cukup_optimal",
            "pct_kurang_optimal",
        ):
            out[k] = None if _missing(row[k]) else float(row[k])
        if out["employees"] is not None:
            out["employees"] = int(out["employees"])
    jp = jp_compliance(cur, yf)
    if not jp.empty:
        out["pct_20jp"] = float(jp.iloc[0]["pct_20jp"])
        out["mean_jp"] = float(jp.iloc[0]["mean_jp"])
    same = same_people_change(cur, yf, by="none")
    if not same.empty and not _missing(same.iloc[0]["mean_change"]):
        out["same_people"] = int(same.iloc[0]["employees"])
        out["same_people_change"] = float(same.iloc[0]["mean_change"])
        out["previous_year"] = int(same.iloc[0]["year0"])
    n = out["employees"]
    out["small_group"] = n is not None and int(n) < filters.min_group
    if out["small_group"] and filters.small_groups == "hide":
        for k in out:
            if k not in ("year", "small_group"):
                out[k] = None
    return out


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))
