"""training-impact: did training move the level, adjusted for where people started?

The estimator itself (OLS from summed statistics, exact) is in ols.py; this module selects the
pairs and arms (docs/metrics.md#training-impact).
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import chosen_by
from analytics.metrics.ols import Arm, Estimate, estimate

FIGURES = {
    "n_treated": "int64",
    "n_control": "int64",
    "effect": "float64",
    "ci_low": "float64",
    "ci_high": "float64",
    "employees": "Int64",  # empty unless the small-group rule applies (see people_needed)
}
_STATS = ("n", "sx", "sy", "sxx", "sxy", "syy")


def _arm(row: Any, prefix: str = "") -> Arm:
    return Arm(*(int(getattr(row, prefix + s)) for s in _STATS))


def _estimate_row(key: dict[str, Any], est: Estimate, employees: int | None) -> dict[str, Any]:
    return {
        **key,
        "n_treated": est.n_treated,
        "n_control": est.n_control,
        "effect": est.effect_float,
        "ci_low": float("nan") if est.ci_low is None else est.ci_low,
        "ci_high": float("nan") if est.ci_high is None else est.ci_high,
        "employees": pd.NA if employees is None else employees,
    }


def _fragments(
    cur: duckdb.DuckDBPyConnection, filters: Filters
) -> tuple[dict[str, str], dict[str, Any], int | None]:
    """The pairs' year and filter clauses, their parameters, and the year they select."""
    year = common.resolve_year(cur, filters, "training_impact")
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    return {"year_s": year_s, "where_s": where_s}, {**yp, **wp}, year


def distinct_people(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    name: str,
    year: int | None,
    params: dict[str, Any],
    fragments: dict[str, str],
    cells: bool = True,
    cell_params: dict[str, Any] | None = None,
    **cell_fragments: str,
) -> pd.DataFrame:
    """The small-group rule's distinct employees by sql/<name>.sql over the pairs, or summed
    from the people_* roll-ups by sql/<name>_cells.sql for pairs of `year` (None: every
    year) when `cells` and route.across_positions(filters)."""
    if not (cells and route.across_positions(filters)):
        return common.query(cur, name, params, **fragments)
    cell_s, wp = filters.cells("s")
    return common.query(
        cur,
        f"{name}_cells",
        {**wp, **(cell_params or {}), **route.people_year(year)},
        where_s=cell_s,
        **cell_fragments,
    )


def people_needed(filters: Filters) -> bool:
    """Distinct employees per row serve only the small-group rule; counting them costs more
    than the estimate, so they are counted when the rule applies (mark or hide)."""
    return filters.small_groups != "show"


def competency_estimates(
    cur: duckdb.DuckDBPyConnection, filters: Filters, people: bool = False
) -> list[tuple[str, Estimate, int | None]]:
    """(competency_id, estimate, employees or None) per competency with at least one pair."""
    filters = route.keyed(cur, filters)
    frag, params, year = _fragments(cur, filters)
    if route.cells_allowed(filters):
        cell_s, _ = filters.cells("s")  # same parameters as frag's where_s
        arms = common.query(
            cur,
            "impact_competency_cells",
            params,
            **frag | {"where_s": cell_s, "pair_cell": route.tables(filters)["pair_cell"]},
        )
    else:
        arms = common.query(cur, "impact_competency", params, **frag)
    found: dict[str, dict[bool, Arm]] = {}
    for row in arms.itertuples(index=False):
        found.setdefault(row.competency_id, {})[bool(row.treated)] = _arm(row)
    counts: dict[str, int] = {}
    if people:
        p = distinct_people(cur, filters, "impact_competency_people", year, params, frag)
        counts = dict(zip(p["competency_id"], p["employees"].astype(int), strict=True))
    return [
        (cid, estimate(a.get(True, Arm()), a.get(False, Arm())), counts.get(cid))
        for cid, a in sorted(found.items())
    ]


def catalogue(filters: Filters, alias: str = "t") -> tuple[str, dict[str, Any]]:
    """Which training events a user may know of: all for the owner; for a scoped user, the
    events someone in their scope took part in (so no title reaches them only through
    another agency's people)."""
    if not filters.is_scoped:
        return "true", {}
    visible, params = filters.scope_only().rows("s", "cat")
    return (
        f"{alias}.training_key in (select p.training_key from participations p "
        f"join employees s on s.emp_key = p.emp_key where {visible})",
        params,
    )


def programme_estimates(
    cur: duckdb.DuckDBPyConnection, filters: Filters, people: bool = False
) -> list[tuple[str, str, Estimate, int | None]]:
    """(title, competency_id, estimate, employees or None) per programme with at least one
    pair in its arms."""
    filters = route.keyed(cur, filters)
    frag, params, year = _fragments(cur, filters)
    catalogue_t, cp = catalogue(filters)
    frag = {**frag, "catalogue_t": catalogue_t}
    params = {**params, **cp}
    if route.cells_allowed(filters):
        cell_s, _ = filters.cells("s")  # the parameters of where_s
        tables = route.tables(filters, False, "programme_cell", "pair_cell")
        rows = common.query(
            cur, "impact_programme_cells", params, **frag | {"where_s": cell_s} | tables
        )
    else:
        rows = common.query(cur, "impact_programme", params, **frag)
    counts: dict[tuple[str, str], int] = {}
    if people:
        p = distinct_people(
            cur, filters, "impact_programme_people", year, params, frag,
            cell_params=cp, catalogue_t=catalogue_t,
        )  # fmt: skip
        counts = {
            (t, c): int(n)
            for t, c, n in zip(p["title"], p["competency_id"], p["employees"], strict=True)
        }
    out = []
    for row in rows.itertuples(index=False):
        est = estimate(_arm(row, "t_"), _arm(row, "c_"))
        key = (row.title, row.competency_id)
        out.append((row.title, row.competency_id, est, counts.get(key)))
    return sorted(out, key=lambda r: (r[0], r[1]))


def training_impact(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """Grain: by = competency (default): one row per competency with at least one selected pair
    of consecutive assessments; by = program: one row per title that develops a competency and
    has at least one pair in its arms. Pairs: every pair of the filtered population (filters on
    the d1 assessment's position), or those whose d1 falls in filters.year.

    Columns: competency_id (by=competency) or title, competency_id (by=program); n_treated,
    n_control (pairs); effect (OLS coefficient of treated in Δ ~ 1 + treated + level(d0));
    ci_low, ci_high (95%: effect ± t(0.975, n-3) x classical SE); employees (distinct
    employees among the row's pairs, counted for the small-group rule when it applies, i.e.
    filters.small_groups is mark or hide; else empty). effect and interval are NaN with < 10
    treated or < 10 control pairs or a rank-deficient design. Sorted by the key.
    """
    by = chosen_by("training_impact", by)
    people = people_needed(filters)
    if by == "competency":
        keys = {"competency_id": "str"}
        records = [
            _estimate_row({"competency_id": cid}, est, n)
            for cid, est, n in competency_estimates(cur, filters, people)
        ]
    else:
        keys = {"title": "str", "competency_id": "str"}
        records = [
            _estimate_row({"title": title, "competency_id": cid}, est, n)
            for title, cid, est, n in programme_estimates(cur, filters, people)
        ]
    columns = {**keys, **FIGURES}
    df = common.conform(pd.DataFrame(records, columns=list(columns)), columns)
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=[c for c in FIGURES if c != "employees"]
    )
