"""What the filter bar offers: years and the values of every filter, within the user's scope.

Positions, genders and employment types are read from the roll-ups (emp_cell: the current
employees per agency, position, gender and employment type; year_cell: the positions scores
were given for), or from the national layer (emp_nat, year_nat) when the user sees the whole
store: a few thousand rows instead of every employee; units and ranks from unit_cell and
rank_cell (per agency). tests/analytics/metrics/test_metrics_choices.py checks every list against the
per-person rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.metrics.common import latest_year, years

__all__ = ["Choices", "choices", "latest_year", "years"]


@dataclass(frozen=True)
class Choices:
    agencies: pd.DataFrame  # agency_id, agency_name, instansi (sorted by agency_id)
    units: pd.DataFrame  # agency_id, unit (sorted)
    instansi: list[str]
    job_families: list[str]
    job_types: list[str]
    employment_types: list[str]
    genders: list[str]
    ranks: list[str]


def choices(cur: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> Choices:
    """Filter values present in the store, limited to the user's scope (scope_agencies /
    scope_instansi of `filters`). Other selections in `filters` are ignored, so the bar keeps
    offering every value of a filter that is already set. Lists are sorted by code point."""
    scope = Filters(
        scope_agencies=filters.scope_agencies if filters else None,
        scope_instansi=filters.scope_instansi if filters else None,
    )
    # A scope-only Filters reads agency_key alone, so it applies to agencies and to the cells
    # as well; unscoped it is "true", which the national layer (no agency_key) also takes.
    in_a, params = scope.rows("a")
    in_s, _ = scope.rows("s")
    emp, year = ("emp_cell", "year_cell") if scope.is_scoped else ("emp_nat", "year_nat")

    def frame(sql: str) -> pd.DataFrame:
        return cur.execute(sql, params).df()

    def values(sql: str) -> list[Any]:
        return [r[0] for r in cur.execute(sql, params).fetchall() if r[0] is not None]

    # The positions of the current employees and those scores were given for (fixed names).
    positions = f"""
        select p.* from positions p where p.position_key in (
            select s.position_key from {emp} s where {in_s}
            union
            select s.position_key from {year} s where {in_s})
    """
    return Choices(
        agencies=frame(
            f"select agency_id, agency_name, instansi from agencies a where {in_a} order by 1"
        ),
        units=_units(cur, scope, in_s, params),
        instansi=values(f"select distinct instansi from agencies a where {in_a} order by 1"),
        job_families=values(f"select distinct job_family from ({positions}) order by 1"),
        job_types=values(f"select distinct job_type from ({positions}) order by 1"),
        employment_types=values(
            f"select distinct s.employment_type from {emp} s where {in_s} order by 1"
        ),
        genders=values(f"select distinct s.gender from {emp} s where {in_s} order by 1"),
        ranks=values(f"select distinct s.rank from rank_cell s where {in_s} order by 1"),
    )


def _units(
    cur: duckdb.DuckDBPyConnection, scope: Filters, in_s: str, params: dict[str, Any]
) -> pd.DataFrame:
    """Distinct (agency_id, unit) of the employees in scope, sorted: unit_cell (one row per
    agency and unit of the current employees), read through Arrow (~70 ms sooner than .df()
    for the 195,552 national pairs, and the same frame: neither column is ever null); .df()
    in an empty store, where it types no rows as object."""
    sql = f"""select a.agency_id, s.unit from unit_cell s
              join agencies a on a.agency_key = s.agency_key where {in_s} order by 1, 2"""
    table = cur.sql(sql, params=params).to_arrow_table()  # a relation: no extra copy
    if table.num_rows:
        return table.to_pandas()
    return cur.execute(sql, params).df()
