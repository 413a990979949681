"""What the filter bar offers: years and the values of every filter, within the user's scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

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
    # A scope-only Filters reads agency_key alone, so it applies to agencies as well.
    in_a, params = scope.where("a")
    in_e, _ = scope.where("e")
    in_s, _ = scope.where("s")

    def frame(sql: str) -> pd.DataFrame:
        return cur.execute(sql, params).df()

    def values(sql: str) -> list[Any]:
        return [r[0] for r in cur.execute(sql, params).fetchall() if r[0] is not None]

    positions = f"""
        select p.* from positions p where p.position_key in (
            select e.position_key from employees e where {in_e}
            union
            select s.position_key from {"year_cell" if scope.is_scoped else "year_nat"} s
            where {in_s})
    """
    return Choices(
        agencies=frame(
            f"select agency_id, agency_name, instansi from agencies a where {in_a} order by 1"
        ),
        units=frame(
            f"""select distinct a.agency_id, e.unit from employees e
                join agencies a on a.agency_key = e.agency_key where {in_e} order by 1, 2"""
        ),
        instansi=values(f"select distinct instansi from agencies a where {in_a} order by 1"),
        job_families=values(f"select distinct job_family from ({positions}) order by 1"),
        job_types=values(f"select distinct job_type from ({positions}) order by 1"),
        employment_types=values(
            f"select distinct employment_type from employees e where {in_e} order by 1"
        ),
        genders=values(f"select distinct gender from employees e where {in_e} order by 1"),
        ranks=values(f"select distinct rank from employees e where {in_e} order by 1"),
    )
