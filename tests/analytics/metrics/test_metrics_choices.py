"""The filter bar's choices read positions, genders and employment types from the roll-ups
(emp_cell / emp_nat, year_cell / year_nat): they must offer exactly what the per-person rows
hold, for every scope, also after an import moved an employee (a partial refresh)."""

from __future__ import annotations

import importlib
from typing import Any

import duckdb
import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings

from analytics import metrics
from analytics.core.filters import Filters
from analytics.metrics.choices import Choices
from analytics.store import derived
from analytics.store.db import Store
from tests.support.fixtures import E, random_world, store_of, world

# the module (analytics.metrics exports the function of the same name)
choices_module = importlib.import_module("analytics.metrics.choices")

SCOPES = [
    None,
    Filters(),
    Filters(scope_agencies=("BKD",)),
    Filters(scope_agencies=("DINKES",), agencies=("BKD",), genders=("P",)),
    Filters(scope_agencies=("KRC",)),
    Filters(scope_agencies=("A1",)),
    Filters(scope_instansi=("Pemerintah Provinsi Jambi",)),
    Filters(scope_instansi=("Pemerintah Kabupaten Kerinci",)),
    Filters(scope_agencies=("KRC", "A3"), scope_instansi=("Pemerintah Provinsi Jambi",)),
    Filters(scope_agencies=()),
    Filters(scope_agencies=("nowhere",)),
]


def per_person(cur: duckdb.DuckDBPyConnection, f: Filters | None) -> dict[str, list[Any]]:
    """The lists read from employees and score alone (no roll-up)."""
    scope = Filters(
        scope_agencies=f.scope_agencies if f else None,
        scope_instansi=f.scope_instansi if f else None,
    )
    in_e, params = scope.rows("e")
    in_s, _ = scope.rows("s")

    def values(sql: str) -> list[Any]:
        return [r[0] for r in cur.execute(sql, params).fetchall() if r[0] is not None]

    positions = f"""positions where position_key in (
        select position_key from employees e where {in_e}
        union select position_key from score s where {in_s})"""
    return {
        "units": cur.execute(
            f"""select distinct a.agency_id, e.unit from employees e
                join agencies a on a.agency_key = e.agency_key where {in_e} order by 1, 2""",
            params,
        ).fetchall(),
        "job_families": values(f"select distinct job_family from {positions} order by 1"),
        "job_types": values(f"select distinct job_type from {positions} order by 1"),
        "employment_types": values(
            f"select distinct employment_type from employees e where {in_e} order by 1"
        ),
        "genders": values(f"select distinct gender from employees e where {in_e} order by 1"),
        "ranks": values(f"select distinct rank from employees e where {in_e} order by 1"),
    }


def offered(c: Choices) -> dict[str, list[Any]]:
    return {
        "units": list(c.units.itertuples(index=False, name=None)),
        "job_families": c.job_families,
        "job_types": c.job_types,
        "employment_types": c.employment_types,
        "genders": c.genders,
        "ranks": c.ranks,
    }


def check_every_scope(cur: duckdb.DuckDBPyConnection) -> None:
    for f in SCOPES:
        assert offered(metrics.choices(cur, f)) == per_person(cur, f), f


def test_choices_are_the_per_person_values() -> None:
    store = store_of(world())
    try:
        cur = store.cursor()
        check_every_scope(cur)
        # employee 2 holds FUN now but was assessed as PEL: DINKES offers both positions
        c = metrics.choices(cur, Filters(scope_agencies=("DINKES",)))
        assert c.job_types == ["Administrator", "Fungsional Ahli Muda", "Pelaksana"]
        assert c.ranks == ["III/a"]  # employee 2 has none
    finally:
        store.close()


def test_choices_after_an_employee_moved() -> None:
    """The roll-ups after a partial refresh (as an import runs it) still match employees."""
    store = store_of(world())
    try:
        with store.write() as cur:
            cur.execute(
                """update employees set agency_key = (select agency_key from agencies
                       where agency_id = 'BKD'), unit = 'Baru', gender = null,
                       employment_type = 'PPPK', rank = 'IV/a'
                   where nip = $nip""",
                {"nip": E[4]},
            )
            cur.execute(
                "create temp table affected_emp as select emp_key from employees where nip = $nip",
                {"nip": E[4]},
            )
            derived.refresh(cur, "affected_emp")
            cur.execute("drop table affected_emp")
        cur = store.cursor()
        check_every_scope(cur)
        c = metrics.choices(cur, Filters(scope_agencies=("KRC",)))  # employee 5 alone now
        assert c.job_types == ["Fungsional Ahli Muda", "Pelaksana"]  # no Administrator
        assert (c.genders, c.employment_types) == (["L"], ["PNS"])
        c = metrics.choices(cur, Filters(scope_agencies=("BKD",)))
        assert c.job_types == ["Administrator", "Pelaksana"] and c.ranks == ["III/b", "IV/a"]
    finally:
        store.close()


# no shrinking: every example builds a store
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(random_world(outsiders=1))
def test_choices_match_per_person_rows_in_random_worlds(world_n: tuple[Any, int]) -> None:
    store = store_of(world_n[0])
    try:
        check_every_scope(store.cursor())
    finally:
        store.close()


def test_units_frame_is_what_df_gives() -> None:
    """Units are read through Arrow: the same frame (values, dtypes, index) as .df()."""
    store = store_of(world())
    empty = Store(":memory:")
    try:
        for cur in (store.cursor(), empty.cursor()):
            for f in (None, Filters(scope_agencies=("BKD",)), Filters(scope_agencies=())):
                scope = Filters(scope_agencies=f.scope_agencies if f else None)
                in_e, params = scope.rows("e")
                expected = cur.execute(
                    f"""select distinct a.agency_id, e.unit from employees e
                        join agencies a on a.agency_key = e.agency_key where {in_e}
                        order by 1, 2""",
                    params,
                ).df()
                pd.testing.assert_frame_equal(metrics.choices(cur, f).units, expected)
    finally:
        store.close()
        empty.close()
