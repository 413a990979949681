"""employee-gaps and jpm on the world of fixtures.py; expected numbers worked out by hand.

Levels are written as exact fractions (F("2.7")) and the expected double is the correctly
rounded value of the exact result, so these tests check exactness, not closeness.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction as F

import duckdb
import pytest

from analytics import metrics
from analytics.core.filters import Filters
from analytics.core.privacy import NotPermitted
from analytics.store.db import Store
from tests.support.fixtures import Builder, E, nip, store_of, world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def by_key(df, *keys):
    return {tuple(r[k] for k in keys): r for r in df.to_dict("records")}


# 2024, the latest year: (employee, competency, level, required); e5's M.2 score has no
# standard (its later assessment was made in FUN) and e3 has no 2024 scores.
SCORES_2024 = [
    (1, "M.1", "3.2", 3), (1, "M.2", "3.0", 3),
    (2, "M.1", "2.7", 3), (2, "M.2", "2.2", 2), (2, "SK.1", "2.4", 3),
    (4, "M.1", "2.7", 3), (4, "M.2", "2.7", 3),
    (5, "M.1", "2.5", 2),
    (6, "M.1", "1.5", 2), (6, "M.2", "1.6", 2),
    (7, "M.1", "1.6", 2), (7, "M.2", "1.6", 2),
]  # fmt: skip


def test_employee_gaps_default_year_is_latest(cur) -> None:
    df = metrics.employee_gaps(cur, Filters())
    assert list(df.columns) == [
        "nip", "year", "competency_id", "level", "required_level", "gap", "meets",
    ]  # fmt: skip
    got = by_key(df, "nip", "competency_id")
    assert set(got) == {(E[e], c) for e, c, _, _ in SCORES_2024}
    for e, comp, level, req in SCORES_2024:
        row = got[(E[e], comp)]
        assert row["year"] == 2024
        assert row["level"] == float(F(level))
        assert row["required_level"] == req
        assert row["gap"] == float(F(level) - req)
        assert row["meets"] == (F(level) >= req)


def test_employee_gaps_earlier_year_uses_that_position(cur) -> None:
    df = metrics.employee_gaps(cur, Filters(year=2023))
    got = by_key(df, "nip", "competency_id")
    # e2 was Pelaksana when assessed in 2023: PEL's standard 2, not FUN's 3
    assert got[(E[2], "M.1")]["required_level"] == 2
    assert got[(E[2], "M.1")]["gap"] == float(F("2.0") - 2)
    assert got[(E[2], "M.1")]["meets"]
    assert len(df) == 7  # e1 2, e2 2, e3 2, e6 1


def test_jpm_2024(cur) -> None:
    df = metrics.jpm(cur, Filters())
    got = {r["nip"]: (r["jpm"], r["category"]) for r in df.to_dict("records")}
    expected = {
        E[1]: (100 * (F("3.2") + F("3.0")) / (3 + 3), "Optimal"),
        E[2]: (100 * (F("2.7") + F("2.4") + F("2.2")) / (3 + 3 + 2), "Optimal"),  # 91.25
        E[4]: (100 * (F("2.7") + F("2.7")) / (3 + 3), "Optimal"),  # exactly 90
        E[5]: (100 * F("2.5") / 2, "Optimal"),  # M.2 has no standard: left out
        E[6]: (100 * (F("1.5") + F("1.6")) / (2 + 2), "Kurang Optimal"),  # 77.5
        E[7]: (100 * (F("1.6") + F("1.6")) / (2 + 2), "Cukup Optimal"),  # 80
    }
    assert expected[E[4]][0] == 90
    assert got == {nip: (float(v), cat) for nip, (v, cat) in expected.items()}


def test_jpm_2023_and_missing_year(cur) -> None:
    df = metrics.jpm(cur, Filters(year=2023))
    got = {r["nip"]: (r["jpm"], r["category"]) for r in df.to_dict("records")}
    assert got == {
        E[1]: (float(100 * (F("2.5") + F("3.0")) / (3 + 3)), "Optimal"),
        E[2]: (float(100 * (F("2.0") + F("2.1")) / (2 + 2)), "Optimal"),  # PEL's standards
        E[3]: (float(100 * (F("1.4") + F("1.6")) / (2 + 2)), "Kurang Optimal"),  # 75
        E[6]: (float(100 * F("1.2") / 2), "Kurang Optimal"),
    }


def test_jpm_over_selected_scores_only(cur) -> None:
    # job family follows each score's position: e2's M.2 (assessed @PEL, Umum) drops out
    df = metrics.jpm(cur, Filters(job_families=("Kesehatan",)))
    got = {r["nip"]: (r["jpm"], r["category"]) for r in df.to_dict("records")}
    assert got[E[2]] == (float(100 * (F("2.7") + F("2.4")) / (3 + 3)), "Cukup Optimal")  # 85
    assert set(got) == {E[1], E[2], E[4]}


@pytest.mark.parametrize("fn", [metrics.employee_gaps, metrics.jpm])
def test_person_level_needs_permission(cur, fn) -> None:
    with pytest.raises(NotPermitted):
        fn(cur, Filters(may_see_individuals=False))


@pytest.mark.parametrize("fn", [metrics.employee_gaps, metrics.jpm])
@pytest.mark.parametrize("f", [Filters(year=1999), Filters(agencies=("NOPE",))])
def test_no_data_gives_empty_frame_with_columns(cur, fn, f) -> None:
    df = fn(cur, f)
    assert df.empty and len(df.columns) >= 4


def test_empty_store(store: Store) -> None:
    with store.snapshot() as snap:
        assert metrics.jpm(snap.cur, Filters()).empty
        assert metrics.latest_year(snap.cur) is None
        assert metrics.years(snap.cur) == []


def test_years(cur) -> None:
    assert metrics.years(cur) == [2023, 2024]
    assert metrics.latest_year(cur) == 2024


def test_exactly_90_where_floats_say_less() -> None:
    """1.2 + 2.4 against 2 + 2 is exactly 90 %: Optimal. Summing floats gives
    89.99999999999999, which would wrongly read Cukup Optimal."""
    assert 100 * (1.2 + 2.4) / (2 + 2) < 90  # the trap
    b = Builder().agency("A").position("P").competency("M.1").competency("M.2")
    b.standard("P", "M.1", 2).standard("P", "M.2", 2).employee(nip(1), "A", "U", "P")
    b.assess(nip(1), "M.1", "2024-03-01", "1.2").assess(nip(1), "M.2", "2024-03-01", "2.4")
    store = store_of(b)
    try:
        cur = store.cursor()
        row = metrics.jpm(cur, Filters()).iloc[0]
        assert 100 * (F("1.2") + F("2.4")) / (2 + 2) == 90
        assert (row["jpm"], row["category"]) == (90.0, "Optimal")
        summary = metrics.jpm_summary(cur, Filters()).iloc[0]
        assert (summary["mean_jpm"], summary["pct_optimal"]) == (90.0, 100.0)
        assert metrics.trend(cur, Filters()).iloc[0]["mean_jpm"] == 90.0
    finally:
        store.close()
