"""What every metric shares: its SQL files, the year it reads, exact ratios, JPM categories.

Exactness: levels are kept in tenths and JP in hundredths as integers, so sums are exact, every
threshold is an integer comparison, and a mean or percentage is one division of two exact
integers (IEEE division of exactly representable operands is the correctly rounded quotient).
A mean of per-employee JPMs, a mean of fractions with different denominators, is summed in SQL in
100-bit binary fixed point with a bound on what the floors dropped, and divided once in Python
integers; when that bound leaves the rounding open, the fractions are summed exactly over a
common denominator instead (`score_groups.fixed_means`, `score_groups.jpm_means`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd

from analytics.core.filters import Filters

SQL_DIR = Path(__file__).resolve().parent / "sql"

# What `Filters.year = None` means for each metric (docs/command-line.md#year-defaults): the latest
# assessment year of the whole store, or every year.
YearDefault = Literal["latest", "all"]
YEAR_DEFAULT: dict[str, YearDefault] = {
    "employee_gaps": "latest",
    "jpm": "latest",
    "gap_summary": "latest",
    "jpm_summary": "latest",
    "training_needs": "latest",
    "trend": "all",
    "jp_compliance": "all",
    "training_impact": "all",
}

# JPM categories for mapping (docs/metrics.md#jpm-category): Optimal >= 90, Cukup Optimal >= 78.
OPTIMAL, CUKUP, KURANG = "Optimal", "Cukup Optimal", "Kurang Optimal"
OPTIMAL_MIN, CUKUP_MIN = 90, 78

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def render(name: str, **fragments: str) -> str:
    """The text of sql/<name>.sql with its `{placeholders}` replaced.

    Fragments are SQL built by Filters.where or taken from fixed allow-lists, never user text;
    every placeholder must be filled, so a typo fails loudly instead of running other SQL.
    """
    text = _sql_text(name)
    wanted = set(_PLACEHOLDER.findall(text))
    if wanted != set(fragments):
        raise KeyError(f"{name}.sql needs {sorted(wanted)}, got {sorted(fragments)}")
    return _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], text)


def query(
    cur: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any], **fragments: str
) -> pd.DataFrame:
    """The rows of sql/<name>.sql as a frame."""
    return cur.execute(render(name, **fragments), params).df()


def map_few(values: pd.Series, mapping: Mapping[Any, Any]) -> pd.Series:
    """values.map(mapping) for a long column of few distinct values (a national needs list:
    2.2 M rows of 42 competencies): each distinct value is looked up once (Series.map took
    1.6 s of that list in a profile; on 2.2 M synthetic rows 0.27 s against 0.08 s).
    The same values, dtype and name as Series.map, except that a missing value always maps to
    missing (Series.map would look it up in a mapping that has a NaN or None key)."""
    codes, uniques = pd.factorize(values)  # a missing value: code -1, which reindex misses
    if not len(uniques):  # nothing to look up (and Series.map's own dtype for it)
        return values.map(mapping)
    looked_up = pd.Series(uniques).map(mapping).reindex(codes)
    return looked_up.set_axis(values.index).rename(values.name)


def year_clause(alias: str, year: int | None, prefix: str = "y") -> tuple[str, dict[str, Any]]:
    """`alias.year = $year`, or "true" for every year."""
    if year is None:
        return "true", {}
    return f"{alias}.year = ${prefix}_year", {f"{prefix}_year": year}


def _visible(filters: Filters | None) -> tuple[str, dict[str, Any]]:
    """The whole store as the asking user may see it: only the scope applies (a selection
    never changes which years exist). Over score `s`, whose years are the assessment years."""
    return (filters or Filters()).scope_only().rows("s", "vis")


def _years(filters: Filters | None) -> str:
    """year_cell, or its national sum when no scope needs the agencies (fixed names)."""
    return "year_cell" if filters is not None and filters.is_scoped else "year_nat"


def latest_year(cur: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> int | None:
    """The latest calendar year with an assessment in the whole store, within the user's
    scope when `filters` has one (None when there is none)."""
    cond, params = _visible(filters)
    # year_cell: the scores counted per year and agency (a scope reads agency_key alone)
    row = cur.execute(
        f"select max(s.year) from {_years(filters)} s where {cond}", params
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def years(cur: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> list[int]:
    """Every calendar year with an assessment in the whole store (within the user's scope when
    `filters` has one), ascending."""
    cond, params = _visible(filters)
    rows = cur.execute(
        f"select distinct s.year from {_years(filters)} s where {cond} order by 1", params
    ).fetchall()
    return [int(r[0]) for r in rows]


class NoYear(Exception):
    """The metric's default year does not exist: the store holds no assessment."""


def resolve_year(cur: duckdb.DuckDBPyConnection, filters: Filters, metric: str) -> int | None:
    """The year `metric` reads: filters.year when given, else its default (YEAR_DEFAULT):
    the latest assessment year of the whole store (as the user may see it: within their
    scope), or None for every year.

    Raises NoYear for a latest-default metric on a store without assessments.
    """
    if filters.year is not None:
        return int(filters.year)
    if YEAR_DEFAULT[metric] == "all":
        return None
    latest = latest_year(cur, filters)
    if latest is None:
        raise NoYear
    return latest


def category_of(num: int, den: int) -> str:
    """JPM category of the exact JPM num/den (num = 100 x level sum, in the same unit as den)."""
    if num >= OPTIMAL_MIN * den:
        return OPTIMAL
    if num >= CUKUP_MIN * den:
        return CUKUP
    return KURANG


def category_sql(num: str, den: str) -> str:
    """The same decision in SQL on integer expressions (num = 100 x level tenths sum)."""
    return (
        f"case when {num} >= {OPTIMAL_MIN} * {den} then '{OPTIMAL}' "
        f"when {num} >= {CUKUP_MIN} * {den} then '{CUKUP}' else '{KURANG}' end"
    )


def empty(columns: dict[str, str]) -> pd.DataFrame:
    """An empty result with the metric's columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def conform(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The metric's columns in order with their dtypes (empty results keep them too)."""
    if df.empty:
        return empty(columns)
    out = df[list(columns)].copy()
    for c, t in columns.items():
        if t in ("float64", "int64", "Int64", "bool") and out[c].dtype != t:
            out[c] = out[c].astype(t)
    return out.reset_index(drop=True)
