"""The headline: the figures Ringkasan, Kebutuhan and the deck say first, under one
small-group rule.

`kpis` is the six headline figures of the selected population and their context; `needs_totals`
the totals above the training-needs list. The page and every report read these two functions,
so a figure cannot be shown on a page and hidden in the deck, or summed twice differently.

The small-group rule (Filters.small_groups, MIN_GROUP = 5), for every figure:
- a population of fewer than min_group assessed employees: under 'hide' every figure is empty
  (a leader, a meeting, a report); under 'mark' they are shown and flagged (small_group);
- the same-people change rests on the employees assessed in both years: fewer than min_group
  of them, and under 'hide' the change, its count and its year are empty; under 'mark' they are
  shown and flagged (same_people_small).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.metrics import common, jp_compliance, score_groups
from analytics.metrics.extras import same_people_change
from analytics.metrics.groups import NONE_COL, grouping

SAME_PEOPLE = ("same_people", "same_people_change", "previous_year")
FIGURES = (
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
    *SAME_PEOPLE,
)


@dataclass(frozen=True)
class Kpis:
    """Headline figures of the selected population in one year; None = nothing to show.

    employees: assessed employees (at least one score with a standard); mean_jpm and the
    category shares over employees (whole-year JPM over their selected scores); pct_meeting,
    mean_shortfall, mean_level over scores; pct_20jp, mean_jp over the selected employees
    (current positions); same_people: employees assessed in this and the previous assessment
    year, same_people_change their mean level change, previous_year that year.
    """

    year: int | None = None
    employees: int | None = None
    mean_jpm: float | None = None
    pct_optimal: float | None = None
    pct_cukup_optimal: float | None = None
    pct_kurang_optimal: float | None = None
    pct_meeting: float | None = None
    mean_shortfall: float | None = None
    mean_level: float | None = None
    pct_20jp: float | None = None
    mean_jp: float | None = None
    same_people: int | None = None
    same_people_change: float | None = None
    previous_year: int | None = None
    small_group: bool = False  # the population is smaller than min_group
    same_people_small: bool = False  # the same-people change rests on fewer than min_group

    @property
    def hidden(self) -> bool:
        """The whole set is hidden (a small population under 'hide')."""
        return self.small_group and self.employees is None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def kpis(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Kpis:
    """The headline figures for filters.year (default: the latest assessment year), with the
    small-group rule of filters.small_groups applied to every figure (module docstring)."""
    k = _figures(cur, filters)
    rule, least = filters.small_groups, filters.min_group
    if k.employees is not None and k.employees < least:
        k = replace(k, small_group=True)
        if rule == "hide":
            return Kpis(year=k.year, small_group=True)
    if k.same_people is not None and k.same_people < least:
        k = replace(k, same_people_small=True)
        if rule == "hide":
            k = replace(k, same_people=None, same_people_change=None, previous_year=None)
    return k


def _figures(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Kpis:
    """Every figure, unsuppressed (the rule is applied by `kpis`, on the population's size:
    a total of a hidden population would reveal it)."""
    try:
        year = common.resolve_year(cur, filters, "gap_summary")
    except common.NoYear:
        return Kpis()
    if year is None:
        return Kpis()
    out: dict[str, Any] = {"year": year}
    yf = filters.with_(year=year, small_groups="show")
    # one pass for the score means, the JPM mean and its category shares (roll-ups when the
    # filters allow; analytics/metrics/score_groups.py)
    sums = score_groups.summed(cur, yf, grouping("trend", "none"), year, [NONE_COL], True)
    if not sums.empty:
        row = sums.iloc[0]
        for key in FIGURES[:8]:
            out[key] = None if _missing(row[key]) else float(row[key])
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
    return Kpis(**out)


@dataclass(frozen=True)
class NeedsTotals:
    """The totals above the training-needs list, over its visible rows."""

    employees_below: int  # summed over rows: one person below in two competencies counts twice
    estimated_cost_idr: float  # rows without a cost estimate add nothing
    without_recommendation: int  # rows with no programme shown to work
    rows: int

    def __add__(self, other: NeedsTotals) -> NeedsTotals:
        """The totals of two lists together (of needs_cost_parts' parts)."""
        return NeedsTotals(
            self.employees_below + other.employees_below,
            self.estimated_cost_idr + other.estimated_cost_idr,
            self.without_recommendation + other.without_recommendation,
            self.rows + other.rows,
        )


def needs_totals(needs: pd.DataFrame) -> NeedsTotals:
    """Totals of a needs table (extras.needs_cost), hidden rows left out."""
    if "hidden" in needs.columns:
        needs = needs[~needs["hidden"].astype(bool)]
    return NeedsTotals(
        employees_below=int(needs["employees_below"].sum()),
        estimated_cost_idr=float(needs["estimated_cost_idr"].sum()),
        without_recommendation=int(needs["recommended_training"].isna().sum()),
        rows=len(needs),
    )


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))
