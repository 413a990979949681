"""Dashboard figures beyond the export: the same people over time, dose-response, and costs.

They follow docs/metrics.md's rules where it has them (scores with a standard, pairs, filters on
the d1 / score position, exact sums), but their shapes are the dashboard's own.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import NONE_COL, Grouping, grouping
from analytics.metrics.impact import distinct_people, people_needed, programme_estimates
from analytics.metrics.needs import needs_part, recommendations, training_needs
from analytics.metrics.ols import MIN_ARM
from analytics.metrics.summaries import key_dtypes
from analytics.store.db import first_row

# JP bins for dose-response: exactly 0, then (0, 8], (8, 20], (20, 40], > 40.
DOSE_BINS = (Decimal(0), Decimal(8), Decimal(20), Decimal(40))
NOT_ENOUGH_DATA = "not enough data"
NO_GAIN = "no measurable gain"
UNCERTAIN = "uncertain: interval includes 0"
COST_UNKNOWN = "some event costs unknown"


def previous_year(cur: duckdb.DuckDBPyConnection, filters: Filters, year: int) -> int | None:
    """The latest assessment year before `year` (whole store, within the user's scope)."""
    before = [y for y in common.years(cur, filters) if y < year]
    return before[-1] if before else None


SAME_PEOPLE_FIGURES = {
    "employees": "int64",
    "scores": "int64",
    "mean_level0": "float64",
    "mean_level1": "float64",
    "mean_change": "float64",
    "pct_meeting0": "float64",
    "pct_meeting1": "float64",
}


def same_people_change(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    by: str | None = None,
    year0: int | None = None,
    year1: int | None = None,
) -> pd.DataFrame:
    """Grain: one row per group (by = competency (default), none, agency, job_family) of the
    scores of employees assessed in the same competency in both year0 and year1 (both scores
    with a standard and selected; job family from the year1 score's position). year1 defaults
    to filters.year or the latest assessment year, year0 to the assessment year before it.

    Columns: year0, year1, key column(s), employees, scores, mean_level0, mean_level1,
    mean_change (= mean_level1 - mean_level0, exact), pct_meeting0, pct_meeting1.
    """
    g = grouping("same_people", by)
    figures = [c for c in SAME_PEOPLE_FIGURES if c != "employees"]
    df = _same_people(cur, filters, g, year0, year1)
    return privacy.apply_small_groups(df, filters, count="employees", figures=figures)


def _same_people(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    g: Grouping,
    year0: int | None,
    year1: int | None,
) -> pd.DataFrame:
    columns = {"year0": "int64", "year1": "int64", **key_dtypes(g), **SAME_PEOPLE_FIGURES}
    if year1 is None:
        try:
            year1 = common.resolve_year(cur, filters, "gap_summary")
        except common.NoYear:
            return common.empty(columns)
    if year1 is None:  # a latest-default metric's year is never None; for the type checker
        return common.empty(columns)
    if year0 is None:
        year0 = previous_year(cur, filters, year1)
    if year0 is None:
        return common.empty(columns)
    df = _same_people_sums(cur, filters, g, year0, year1)
    if df.empty:
        return common.empty(columns)
    n = df["scores"]
    df["year0"], df["year1"] = year0, year1
    df["mean_level0"] = df["level0_t"] / (10 * n)
    df["mean_level1"] = df["level1_t"] / (10 * n)
    df["mean_change"] = (df["level1_t"] - df["level0_t"]) / (10 * n)
    df["pct_meeting0"] = (100 * df["meeting0"]) / n
    df["pct_meeting1"] = (100 * df["meeting1"]) / n
    df = df.drop(columns=[NONE_COL], errors="ignore").sort_values(list(g.names))
    return common.conform(df, columns)


_SAME_SUMS = ["employees", "scores", "level0_t", "level1_t", "meeting0", "meeting1"]


def _same_people_sums(
    cur: duckdb.DuckDBPyConnection, filters: Filters, g: Grouping, year0: int, year1: int
) -> pd.DataFrame:
    """Per group: employees, scores, level0_t, level1_t, meeting0, meeting1 (exact sums) from
    change_cell plus, per person, the employees it leaves out; or all per person."""
    where_s, wp = filters.rows("s")
    params = {**wp, "year0": year0, "year1": year1}
    per_person = {
        "where_s": where_s,
        "inner_select": g.inner_select,
        "labels": g.labels,
        "label_joins": g.label_joins,
        "distinct": "" if g.by == "competency" else "distinct",  # one score per competency
    }
    between = first_row(
        cur.execute(
            "select count(*) from year_nat where year > $y0 and year < $y1",
            {"y0": year0, "y1": year1},
        )
    )
    if not route.cells_allowed(filters) or (between and between[0]):
        return common.query(cur, "same_people", params, only_s="true", **per_person)
    cell_s, _ = filters.cells("s")  # the parameters of where_s
    where_s0, wp0 = filters.cells("s", "g", position="prev_position")
    cells = common.query(
        cur,
        "same_people_cells",
        {**params, **wp0},
        where_s=cell_s,
        where_s0=where_s0,
        inner_select=g.inner_select,
        labels=g.labels,
        label_joins=g.label_joins,
        count="n" if g.by == "competency" else "persons",
        change_cell=route.tables(filters, g.by == "agency")["change_cell"],
    )
    split = (
        "s.emp_key in (select emp_key from person_year "
        "where position_key is null and year in ($year0, $year1))"
    )
    found = [cells] if not cells.empty else []
    if route.any_multi_position(cur):
        # the per-person part holds only those employees: filter on them, not the workforce
        rest_s, _ = filters.rows("s", "f", employees_within=route.MULTI_POSITION)
        rest = common.query(
            cur, "same_people", params, only_s=split, **per_person | {"where_s": rest_s}
        )
        found += [rest] if not rest.empty else []
    if not found:
        return cells
    both = pd.concat(found)
    keys = [c for c in both.columns if c not in _SAME_SUMS]
    return both.groupby(keys, as_index=False, dropna=False)[_SAME_SUMS].sum()


DOSE_COLUMNS = {
    "bin": "str",
    "jp_above": "float64",
    "jp_max": "float64",
    "pairs": "int64",
    "employees": "Int64",  # counted when the small-group rule applies
    "mean_level0": "float64",
    "mean_change": "float64",
}


def dose_response(
    cur: duckdb.DuckDBPyConnection, filters: Filters, competency_id: str | None = None
) -> pd.DataFrame:
    """Grain: one row per JP bin with at least one selected pair (all competencies, or one):
    the JP of training for the pair's competency completed in (d0, d1]: exactly 0, (0, 8],
    (8, 20], (20, 40], > 40. Pairs of every year, or those whose d1 falls in filters.year.

    Columns: bin (label), jp_above, jp_max (bounds; NaN when open), pairs, employees
    (distinct employees among the bin's pairs, counted for the small-group rule when it
    applies, i.e. filters.small_groups is mark or hide; else empty), mean_level0, mean_change
    (raw means: not adjusted for the starting level, so read them next to mean_level0).
    """
    df = _dose(cur, filters, competency_id)
    figures = ["pairs", "mean_level0", "mean_change"]
    return privacy.apply_small_groups(df, filters, count="employees", figures=figures)


def _dose(
    cur: duckdb.DuckDBPyConnection, filters: Filters, competency_id: str | None
) -> pd.DataFrame:
    year = common.resolve_year(cur, filters, "training_impact")
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    uppers = {f"upper{i}": DOSE_BINS[i] for i in range(1, len(DOSE_BINS))}
    params: dict[str, Any] = {**yp, **wp, **uppers}
    competency_s = "true"
    if competency_id is not None:
        competency_s = (
            "s.competency_key in "
            "(select competency_key from competencies where competency_id = $cid)"
        )
        params["cid"] = competency_id
    fragments = {"year_s": year_s, "where_s": where_s, "competency_s": competency_s}
    if route.cells_allowed(filters):
        cell_s, _ = filters.cells("s")  # the parameters of where_s
        df = common.query(
            cur,
            "dose_response_cells",  # its bins are baked into dose_cell
            {k: v for k, v in params.items() if k not in uppers},
            **fragments | {"where_s": cell_s, "dose_cell": route.tables(filters)["dose_cell"]},
        )
    else:
        df = common.query(cur, "dose_response", params, **fragments)
    if people_needed(filters) and not df.empty:
        # people_dose holds no competency: with one chosen, its pairs are counted
        people = distinct_people(
            cur, filters, "dose_response_people", year, params, fragments,
            cells=competency_id is None,
        )  # fmt: skip
        df = df.merge(people, on="bin", how="left")
    else:
        df["employees"] = pd.NA
    if df.empty:
        return common.empty(DOSE_COLUMNS)
    bounds = [(math.nan, 0.0)] + [
        (float(lo), float(DOSE_BINS[i + 1]) if i + 1 < len(DOSE_BINS) else math.nan)
        for i, lo in enumerate(DOSE_BINS)
    ]
    labels = ["0 JP"] + [
        f"> {lo:g} JP" if math.isnan(hi) else f"{lo:g}-{hi:g} JP" for lo, hi in bounds[1:]
    ]
    b = df["bin"].astype(int)
    df["jp_above"] = [bounds[i][0] for i in b]
    df["jp_max"] = [bounds[i][1] for i in b]
    df["bin"] = [labels[i] for i in b]
    df["mean_level0"] = df["x_t"] / (10 * df["pairs"])
    df["mean_change"] = df["y_t"] / (10 * df["pairs"])
    return common.conform(df, DOSE_COLUMNS)


COST_COLUMNS = {
    "title": "str",
    "competency_id": "str",
    "n_treated": "int64",
    "n_control": "int64",
    "effect": "float64",
    "spent_idr": "float64",
    "adjusted_gain": "float64",
    "cost_per_level": "float64",
    "note": "str",
    "employees": "Int64",  # counted when the small-group rule applies
}


def _spent(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    filters = route.keyed(cur, filters)
    year = common.resolve_year(cur, filters, "training_impact")
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    if route.cells_allowed(filters):
        cell_s, _ = filters.cells("s")  # the parameters of where_s
        table = route.tables(filters, False, "programme_cell")
        return common.query(
            cur, "programme_spent_cells", {**yp, **wp}, year_s=year_s, where_s=cell_s, **table
        )
    return common.query(cur, "programme_spent", {**yp, **wp}, year_s=year_s, where_s=where_s)


def cost_per_level(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per programme (title with a competency) with at least one pair, as in
    training_impact(by='program') on the same filters.

    Columns: title, competency_id, n_treated, n_control, effect, spent_idr (Σ over the treated
    pairs of their share of the title's events in (d0, d1]; an event's cost is shared equally
    among its participants), adjusted_gain (levels gained beyond what the starting level
    predicts, summed over the treated pairs = n_treated x effect, by the OLS normal equations),
    cost_per_level (spent_idr / adjusted_gain; NaN unless the effect is estimable and > 0 and
    every cost is known), note (why it is empty or uncertain), employees.
    """
    spent_df = _spent(cur, filters)
    costs = {
        (t, c): (float(v), int(u))
        for t, c, v, u in zip(
            spent_df["title"],
            spent_df["competency_id"],
            spent_df["spent"],
            spent_df["shares_without_cost"],
            strict=True,
        )
    }
    records = []
    people = people_needed(filters)
    for title, cid, est, employees in programme_estimates(cur, filters, people):
        spent, unknown = costs.get((title, cid), (0.0, 0))
        if math.isnan(spent):  # every share of unknown cost: Σ is null
            spent = 0.0
        gain: Fraction | None = None if est.effect is None else est.n_treated * est.effect
        per_level, note = math.nan, ""
        if gain is None or est.n_treated < MIN_ARM:
            note = NOT_ENOUGH_DATA
        elif gain <= 0:
            note = NO_GAIN
        elif unknown:
            note = COST_UNKNOWN
        else:
            per_level = spent / float(gain)
            if est.ci_low is not None and est.ci_low <= 0:
                note = UNCERTAIN
        records.append(
            {
                "title": title,
                "competency_id": cid,
                "n_treated": est.n_treated,
                "n_control": est.n_control,
                "effect": est.effect_float,
                "spent_idr": spent,
                "adjusted_gain": math.nan if gain is None else float(gain),
                "cost_per_level": per_level,
                "note": note,
                "employees": pd.NA if employees is None else employees,
            }
        )
    df = common.conform(pd.DataFrame(records, columns=list(COST_COLUMNS)), COST_COLUMNS)
    figures = ["n_treated", "n_control", "effect", "spent_idr", "adjusted_gain", "cost_per_level"]
    return privacy.apply_small_groups(df, filters, count="employees", figures=figures)


def needs_cost(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: training_needs' rows. Columns: training_needs' columns, cost_per_participant (of
    the recommended programme: mean over its events with a known cost of cost / participants),
    estimated_cost_idr (= employees_below x cost_per_participant; NaN without a recommendation
    or a known cost)."""
    return _costed(training_needs(cur, filters), _seat_costs(cur, filters))


# Agencies per part of needs_cost_parts: a country's 15,053 agencies in eight parts of about
# 275,000 needs rows each instead of one frame of 2.2 M (half a gigabyte while it converts).
NEEDS_PART_AGENCIES = 2_000


def needs_cost_parts(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[pd.DataFrame]:
    """needs_cost's rows in parts, each the rows of a range of NEEDS_PART_AGENCIES agency keys in
    needs_cost's order, the small-group rule decided within it (its groups are units) and the
    recommendations and seat costs of the whole filters: together exactly needs_cost's rows.
    For a consumer that keeps totals and the first rows (the report), not every row at once."""
    rec = recommendations(cur, filters)
    costs = _seat_costs(cur, filters)
    last = (first_row(cur.execute("select max(agency_key) from agencies")) or (0,))[0] or 0
    yielded, empty = False, None
    for lo in range(0, int(last) + 1, NEEDS_PART_AGENCIES):
        part = needs_part(cur, filters, rec, (lo, lo + NEEDS_PART_AGENCIES - 1))
        if part.empty:
            empty = part
            continue
        yielded = True
        yield _costed(part, costs)
    if not yielded and empty is not None:  # no needs: one empty part, with needs_cost's columns
        yield _costed(empty, costs)


def _seat_costs(cur: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, float]:
    """Cost per participant by programme title, of the selected population's events."""
    where_s, wp = filters.rows("s")
    programme = common.query(cur, "programme_seat_cost", wp, where_s=where_s)
    return dict(zip(programme["title"], programme["cost_per_participant"], strict=True))


def _costed(needs: pd.DataFrame, per_title: dict[str, float]) -> pd.DataFrame:
    needs = needs.copy()
    recommended = needs["recommended_training"]
    needs["cost_per_participant"] = common.map_few(recommended, per_title).astype("float64")
    needs["estimated_cost_idr"] = (
        needs["employees_below"].astype("float64") * needs["cost_per_participant"]
    )
    return needs
