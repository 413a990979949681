"""training-needs: where scores fall short, how much, and which programme works for it."""

from __future__ import annotations

from fractions import Fraction

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common
from analytics.metrics.impact import programme_estimates

NEEDS_COLUMNS = {
    "agency_id": "str",
    "unit": "str",
    "competency_id": "str",
    "employees_below": "int64",
    "mean_shortfall": "float64",
    "priority": "float64",
    "recommended_training": "str",
}


def recommendations(cur: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, str]:
    """competency_id -> the title, among programmes of that competency whose ci_low > 0, with
    the largest effect (compared exactly; ties: the first title in code-point order),
    estimated over the pairs of every employee matching all filters except the year."""
    candidates: dict[str, list[tuple[Fraction, str]]] = {}
    for title, cid, est, _ in programme_estimates(cur, filters.without_year()):
        if est.effect is not None and est.ci_low is not None and est.ci_low > 0:
            candidates.setdefault(cid, []).append((est.effect, title))
    return {cid: min(c, key=lambda et: (-et[0], et[1]))[1] for cid, c in candidates.items()}


def training_needs(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per (agency, unit, competency) with at least one selected score below its
    standard in the year (filters.year or else the latest assessment year of the whole store).

    Columns: agency_id, unit, competency_id, employees_below, mean_shortfall (mean of
    required - level over the scores below, not over all scores), priority (their Σ shortfall,
    exact = employees_below x mean_shortfall), recommended_training (see `recommendations`;
    empty when none). Sorted by priority (highest first), then agency_id, unit, competency_id.
    """
    return needs_part(cur, filters, recommendations(cur, filters), None)


def needs_part(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    rec: dict[str, str],
    agency_keys: tuple[int, int] | None,
) -> pd.DataFrame:
    """training_needs' rows of the agencies whose agency_key lies in `agency_keys` (inclusive;
    None: every agency), in its order, with the small-group rule applied (its sibling groups are
    units, never wider than an agency, so a part decides exactly what the whole would) and the
    recommendations `rec` (`recommendations` of the whole filters: they are estimated over
    everyone selected, not over a part)."""
    return privacy.apply_small_groups(
        _needs(cur, filters, rec, agency_keys),
        filters,
        count="employees_below",
        figures=["mean_shortfall", "priority", "recommended_training"],
        siblings=["agency_id", "unit"],
    )


def _needs(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    rec: dict[str, str],
    agency_keys: tuple[int, int] | None,
) -> pd.DataFrame:
    """training_needs' rows before the small-group rule (empty with columns)."""
    try:
        year = common.resolve_year(cur, filters, "training_needs")
    except common.NoYear:
        return common.empty(NEEDS_COLUMNS)
    year_s, yp = common.year_clause("s", year)
    where_s, wp = filters.rows("s")
    if agency_keys is not None:  # the store's rows lie in agency_key order: a part reads its own
        where_s = f"({where_s}) and s.agency_key between $part_lo and $part_hi"
        wp = {**wp, "part_lo": agency_keys[0], "part_hi": agency_keys[1]}
    df = common.query(cur, "training_needs", {**yp, **wp}, year_s=year_s, where_s=where_s)
    if df.empty:
        return common.empty(NEEDS_COLUMNS)
    df["mean_shortfall"] = df["shortfall_t"] / (10 * df["scores_below"])
    df["priority"] = df["shortfall_t"] / 10
    # text even where no competency has a recommendation (every part of the report alike)
    df["recommended_training"] = common.map_few(df["competency_id"], rec).astype("str")
    return common.conform(df, NEEDS_COLUMNS)  # sorted in SQL
