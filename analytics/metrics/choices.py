"""What the filter bar offers: years and the values of every filter, within the user's scope.

Positions, genders and employment types are read from the roll-ups (emp_cell: the current
employees per agency, position, gender and employment type; year_cell: the positions scores
were given for), or from the national layer (emp_nat, year_nat) when the user sees the whole
store: a few thousand rows instead of every employee. Units and ranks are not in a roll-up and
read `employees` (see `_units`). tests/test_metrics_choices.py checks every list against the
per-person rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
import pyarrow.compute as pc

from analytics.filters import Filters
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
    in_a, params = scope.where("a")
    in_e, _ = scope.where("e")
    in_s, _ = scope.where("s")
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
        units=_units(cur, scope, in_e, params),
        instansi=values(f"select distinct instansi from agencies a where {in_a} order by 1"),
        job_families=values(f"select distinct job_family from ({positions}) order by 1"),
        job_types=values(f"select distinct job_type from ({positions}) order by 1"),
        employment_types=values(
            f"select distinct s.employment_type from {emp} s where {in_s} order by 1"
        ),
        genders=values(f"select distinct s.gender from {emp} s where {in_s} order by 1"),
        ranks=values(f"select distinct rank from employees e where {in_e} order by 1"),
    )


# How the national unit list tells names apart while it groups every employee: a 64-bit hash
# of the name (grouping 5.6 M rows by an integer takes half the time of grouping by the text).
# It is used only when no two names present share it; tests replace it to force a shared one.
_UNIT_HASH = "hash({})"


def _units(
    cur: duckdb.DuckDBPyConnection, scope: Filters, in_e: str, params: dict[str, Any]
) -> pd.DataFrame:
    """Distinct (agency_id, unit) of the employees in scope, sorted.

    Nationally (no scope): the distinct (agency_key, hash of the unit) pairs, each hash joined
    back to its name from the distinct names, read through Arrow (~70 ms sooner than .df() for
    200,000 rows, and the same frame: both columns are never null). Otherwise the plain
    distinct pairs: when two names share a hash; within a scope (few pairs, so one scan of
    employees is as fast as two); and in an empty store, where .df() types no rows as object."""
    if not scope.is_scoped:
        h = _UNIT_HASH.format("e.unit")
        table = cur.sql(
            f"""with pairs as (select e.agency_key, {h} as h from employees e group by all),
                names as (select e.unit, {h} as h, count(*) over (partition by {h}) as shared
                          from (select distinct unit from employees) e)
                select a.agency_id, n.unit, n.shared from pairs p join names n on n.h = p.h
                join agencies a on a.agency_key = p.agency_key order by 1, 2"""
        ).to_arrow_table()
        if table.num_rows and pc.max(table["shared"]).as_py() == 1:
            return table.drop_columns(["shared"]).to_pandas()
    return cur.execute(
        f"""select a.agency_id, u.unit
            from (select distinct e.agency_key, e.unit from employees e where {in_e}) u
            join agencies a on a.agency_key = u.agency_key order by 1, 2""",
        params,
    ).df()
