"""Filters.where as a table: which employees each Filters selects on the world of fixtures.py."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from analytics.core.filters import Filters
from analytics.metrics import route
from tests.support.fixtures import E, rows, store_of, world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def selected(cur: duckdb.DuckDBPyConnection, f: Filters, relation: str = "employees") -> set[int]:
    """Which of e1..e7 the filter selects from `relation` (aliased t)."""
    sql, params = f.rows("t")
    got = rows(
        cur,
        f"""select distinct e.nip from {relation} t join employees e on e.emp_key = t.emp_key
            where {sql}""",
        params,
    )
    by_nip = {v: k for k, v in E.items()}
    return {by_nip[r[0]] for r in got}


PROV, KERINCI = "Pemerintah Provinsi Jambi", "Pemerintah Kabupaten Kerinci"

# (Filters, employees selected by their current agency, unit and position)
CASES = [
    (Filters(), {1, 2, 3, 4, 5, 6, 7}),
    (Filters(agencies=("DINKES",)), {1, 2}),
    (Filters(agencies=("DINKES", "BKD")), {1, 2, 3, 6, 7}),  # repeated: OR
    (Filters(agencies=("NOPE",)), set()),
    # a unit name shared by two agencies matches in both ...
    (Filters(units=(("", "Sekretariat"),)), {1, 4, 5}),
    # ... unless an agency narrows it (AND)
    (Filters(units=(("", "Sekretariat"),), agencies=("KRC",)), {4, 5}),
    (Filters(units=(("DINKES", "Sekretariat"),)), {1}),
    (Filters(units=(("DINKES", "Sekretariat"), ("", "Mutasi"))), {1, 3, 6, 7}),
    (Filters(job_families=("Kesehatan",)), {1, 2, 4}),
    (Filters(job_types=("Pelaksana",)), {3, 5, 6, 7}),
    (Filters(job_families=("Kesehatan",), job_types=("Administrator",)), {1, 4}),
    (Filters(job_types=("Administrator", "Fungsional Ahli Muda")), {1, 2, 4}),
    (Filters(instansi=(KERINCI,)), {4, 5}),
    (Filters(employment_types=("PPPK",)), {2, 7}),
    (Filters(genders=("P",)), {2, 4, 6}),
    (Filters(ranks=("III/a", "III/b")), {1, 3}),
    (Filters(agencies=("DINKES",), genders=("P",)), {2}),
    (Filters(agencies=("BKD",), employment_types=("PNS",), genders=("L",)), {3}),
    # scope: who is asking; combines with the selection by AND
    (Filters(scope_agencies=("BKD",)), {3, 6, 7}),
    (Filters(scope_agencies=()), set()),
    (Filters(scope_instansi=(PROV,)), {1, 2, 3, 6, 7}),
    (Filters(scope_agencies=("BKD",), agencies=("DINKES",)), set()),
    (Filters(scope_instansi=(KERINCI,), units=(("", "Sekretariat"),)), {4, 5}),
    # a scope of agencies and instansi: either admits an agency
    (Filters(scope_agencies=("BKD",), scope_instansi=(KERINCI,)), {3, 4, 5, 6, 7}),
]


@pytest.mark.parametrize("f, expected", CASES)
def test_where_on_employees(cur, f: Filters, expected: set[int]) -> None:
    assert selected(cur, f) == expected


@pytest.mark.parametrize(
    "f, year, expected",
    [
        # scores use the score's position: e2 was Pelaksana (Umum) when assessed in 2023
        (Filters(job_families=("Umum",)), 2023, {2, 3, 6}),
        (Filters(job_families=("Umum",)), 2024, {2, 5, 6, 7}),  # e2's M.2 in 2024 was @PEL
        (Filters(job_families=("Kesehatan",)), 2023, {1}),
        (Filters(agencies=("BKD",)), 2024, {6, 7}),  # e3 missing 2024
    ],
)
def test_where_on_scores_uses_score_position(cur, f: Filters, year: int, expected) -> None:
    rel = f"(select * from score where year = {int(year)})"
    assert selected(cur, f, rel) == expected


@pytest.mark.parametrize("f, expected", CASES)
def test_agency_keys_select_the_same(cur, f: Filters, expected: set[int]) -> None:
    """The agency keys a metric looks up for per-person rows (route.keyed) restrict nothing
    the selection does not: the same employees, with the keys' condition in the clause
    whenever the selection names agencies."""
    with route.person_level():  # keyed looks keys up only for per-person rows
        keyed = route.keyed(cur, f)
    assert selected(cur, keyed) == expected
    assert (keyed.agency_keys is None) == (f.agencies_selected() is None)
    if keyed.agency_keys is not None:
        assert "f_ak" in keyed.rows("t")[1]


@pytest.mark.parametrize(
    "f, agencies",
    [
        (Filters(), None),
        (Filters(genders=("P",), ranks=("III/a",)), None),
        (Filters(units=(("", "Sekretariat"),)), None),  # a unit of that name in any agency
        (Filters(units=(("DINKES", "Sekretariat"), ("", "Mutasi"))), None),
        (Filters(units=(("DINKES", "Sekretariat"),)), {"DINKES"}),
        (Filters(units=(("DINKES", "Sekretariat"), ("BKD", "Mutasi"))), {"DINKES", "BKD"}),
        (Filters(agencies=("DINKES", "BKD"), units=(("BKD", "Mutasi"),)), {"BKD"}),
        (Filters(instansi=(KERINCI,)), {"KRC"}),
        (Filters(agencies=("NOPE",)), set()),
        (Filters(scope_agencies=()), set()),
        (Filters(scope_agencies=("BKD",), agencies=("DINKES",)), set()),
        (Filters(scope_instansi=(PROV,), ranks=("III/a",)), {"DINKES", "BKD"}),
    ],
)
def test_agency_keys_are_the_agencies_selected(cur, f: Filters, agencies) -> None:
    with route.person_level():
        keys = route.keyed(cur, f).agency_keys
    if agencies is None:
        assert keys is None
        return
    assert keys is not None
    got = rows(
        cur, "select agency_id from agencies where list_contains($k, agency_key)", {"k": list(keys)}
    )
    assert {r[0] for r in got} == agencies


def test_agency_keys_are_looked_up_for_per_person_rows_only(cur) -> None:
    unit = Filters(units=(("DINKES", "Sekretariat"),))
    agency = Filters(agencies=("DINKES",))
    assert route.keyed(cur, agency) is agency  # cells: a subquery over few rows is cheap
    assert route.keyed(cur, unit).agency_keys is not None  # a unit reads per-person rows
    keyed = route.keyed(cur, unit)
    assert route.keyed(cur, keyed) is keyed  # looked up once


def test_nothing_selected_gives_true() -> None:
    assert Filters().rows("s") == ("true", {})
    assert Filters(year=2024).rows("s") == ("true", {})  # the year is the metric's business


def test_values_are_bound_never_formatted(cur) -> None:
    evil = "x'); drop table score; --"
    f = Filters(agencies=(evil,), units=(("", evil),), job_families=(evil,), ranks=(evil,))
    sql, params = f.rows("t")
    assert evil not in sql
    assert evil in str(params)
    assert selected(cur, f) == set()
    assert rows(cur, "select count(*) from score")[0][0] > 0


def test_prefixes_keep_two_clauses_apart(cur) -> None:
    a_sql, a_params = Filters(agencies=("DINKES",)).rows("x", "a")
    b_sql, b_params = Filters(agencies=("KRC",)).rows("y", "b")
    got = rows(
        cur,
        f"""select count(*) from employees x, employees y where {a_sql} and {b_sql}""",
        {**a_params, **b_params},
    )
    assert got == [(2 * 2,)]  # DINKES has 2 employees, KRC 2


@pytest.mark.parametrize(
    "f, splits",
    [
        (Filters(), False),
        (Filters(agencies=("A",), units=(("", "U"),), genders=("P",)), False),
        (Filters(job_families=("Kesehatan",)), True),
        (Filters(job_types=("Pelaksana",)), True),
    ],
)
def test_splits_employee_scores(f: Filters, splits: bool) -> None:
    assert f.splits_employee_scores is splits


def test_hashable_and_immutable() -> None:
    f = Filters(agencies=("A",), units=(("A", "U"),))
    assert hash(f) == hash(Filters(agencies=("A",), units=(("A", "U"),)))
    assert f.with_(year=2024).year == 2024 and f.year is None
    assert f.with_(year=2024).without_year() == f
    with pytest.raises(AttributeError):
        f.year = 2024  # type: ignore[misc]
