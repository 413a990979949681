"""Dashboard extras: same people over time, dose-response, cost per level, cost of needs,
and the filter bar's choices."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction as F

import duckdb
import pytest

from analytics import metrics
from analytics.core.filters import Filters
from analytics.metrics import extras
from tests.support.fixtures import Builder, nip, store_of, world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def records(df, keys):
    return {tuple(r[k] for k in keys): {c: r[c] for c in df.columns if c not in keys}
            for r in df.to_dict("records")}  # fmt: skip


def change(pairs: list[tuple[str, int, str, int]]) -> dict[str, float | int]:
    """(level0, required0, level1, required1) of the same employee and competency."""
    n = len(pairs)
    l0 = sum(F(a) for a, _, _, _ in pairs)
    l1 = sum(F(c) for _, _, c, _ in pairs)
    return {
        "employees": n,  # one pair per employee in each group below
        "scores": n,
        "mean_level0": float(l0 / n),
        "mean_level1": float(l1 / n),
        "mean_change": float((l1 - l0) / n),
        "pct_meeting0": float(F(100 * sum(F(a) >= r for a, r, _, _ in pairs), n)),
        "pct_meeting1": float(F(100 * sum(F(c) >= r for _, _, c, r in pairs), n)),
    }


def test_same_people_change(cur) -> None:
    df = extras.same_people_change(cur, Filters())  # 2024 against 2023
    # assessed in both years: e1 M.1, M.2; e2 M.1 (as PEL, then FUN), M.2; e6 M.1. e3 (2023
    # only) and everyone assessed only in 2024 are not the same people.
    assert records(df, ["competency_id"]) == {
        ("M.1",): {"year0": 2023, "year1": 2024,
                   **change([("2.5", 3, "3.2", 3), ("2.0", 2, "2.7", 3), ("1.2", 2, "1.5", 2)])},
        ("M.2",): {"year0": 2023, "year1": 2024,
                   **change([("3.0", 3, "3.0", 3), ("2.1", 2, "2.2", 2)])},
    }  # fmt: skip
    assert extras.same_people_change(cur, Filters(year=2023)).empty  # no year before 2023


def test_dose_response(cur) -> None:
    # employees are counted when the small-group rule applies (mark): else left empty
    assert extras.dose_response(cur, Filters())["employees"].isna().all()
    df = extras.dose_response(cur, Filters(small_groups="mark"))
    got = {r["bin"]: (r["pairs"], r["employees"], r["mean_level0"], r["mean_change"])
           for r in df.to_dict("records")}  # fmt: skip
    # doses in (d0, d1]: e1 M.1 24 (T1), e2 M.1 12.75 (T4), e6 M.1 6 (T8); the other four
    # pairs (e1 M.1 after T1, e1 M.2, e2 M.2, e5 M.2) have none.
    assert got == {
        "0 JP": (4, 3, float((F("2.8") + F("3.0") + F("2.1") + F("1.5")) / 4),
                 float((F("0.4") + F("0.0") + F("0.1") + F("0.7")) / 4)),
        "0-8 JP": (1, 1, 1.2, float(F("1.5") - F("1.2"))),
        "8-20 JP": (1, 1, 2.0, float(F("2.7") - F("2.0"))),
        "20-40 JP": (1, 1, 2.5, float(F("2.8") - F("2.5"))),
    }  # fmt: skip
    only_m2 = extras.dose_response(cur, Filters(), competency_id="M.2")
    assert list(only_m2["pairs"]) == [3]


def costed_store() -> Builder:
    """10 treated (balanced, effect 0.5) and 10 control pairs; one Alpha event costing
    5,200,000 with 13 participants: the 10 treated, 2 not assessed, 1 who did not complete."""
    b = Builder().agency("A").position("P").competency("M.1").standard("P", "M.1", 3)
    spec = [("2.0", "2.8"), ("3.0", "3.4")] * 5 + [("2.0", "2.2"), ("3.0", "3.0")] * 5
    b.training("T1", "Alpha", "M.1", "10", "2023-09-01", cost_idr=5_200_000)
    for i, (l0, l1) in enumerate(spec, start=1):
        b.employee(nip(i), "A", "U", "P")
        b.assess(nip(i), "M.1", "2023-03-01", l0).assess(nip(i), "M.1", "2024-03-01", l1)
        if i <= 10:
            b.attend("T1", nip(i))
    for i in (21, 22, 23):
        b.employee(nip(i), "A", "U", "P").attend("T1", nip(i), completed=(i != 23))
    return b


def test_cost_per_level() -> None:
    store = store_of(costed_store())
    try:
        df = extras.cost_per_level(store.cursor(), Filters())
    finally:
        store.close()
    row = df.set_index("title").loc["Alpha"]
    share = F(5_200_000, 13)  # every participant's share, completed or not
    spent = 10 * share
    gain = 10 * F(1, 2)  # n_treated x effect
    assert (row["n_treated"], row["n_control"]) == (10, 10)
    assert row["spent_idr"] == pytest.approx(float(spent), rel=1e-12)
    assert row["adjusted_gain"] == float(gain)
    assert row["cost_per_level"] == pytest.approx(float(spent / gain), rel=1e-12)


def test_cost_per_level_not_enough_data(cur) -> None:
    df = extras.cost_per_level(cur, Filters())
    notes = dict(zip(df["title"], df["note"], strict=True))
    assert notes["Kepemimpinan Dasar"] == extras.NOT_ENOUGH_DATA
    assert df["cost_per_level"].isna().all()
    spent = dict(zip(df["title"], df["spent_idr"], strict=True))
    assert spent["Kepemimpinan Dasar"] == 4_000_000 + 3_000_000  # T1 and T4, one person each


def test_needs_cost() -> None:
    store = store_of(costed_store())
    try:
        df = extras.needs_cost(store.cursor(), Filters())
    finally:
        store.close()
    row = df.iloc[0]
    # 2024 below standard 3: the five treated at 2.8 and the five controls at 2.2
    assert row["employees_below"] == 10
    assert row["recommended_training"] == "Alpha"
    assert row["cost_per_participant"] == pytest.approx(5_200_000 / 13, rel=1e-12)
    assert row["estimated_cost_idr"] == pytest.approx(10 * 5_200_000 / 13, rel=1e-12)


def test_choices(cur) -> None:
    c = metrics.choices(cur)
    assert list(c.agencies["agency_id"]) == ["BKD", "DINKES", "KRC"]
    assert list(c.units.itertuples(index=False, name=None)) == [
        ("BKD", "Mutasi"), ("DINKES", "Pelayanan"), ("DINKES", "Sekretariat"),
        ("KRC", "Sekretariat"),
    ]  # fmt: skip
    assert c.job_families == ["Kesehatan", "Umum"]
    assert c.job_types == ["Administrator", "Fungsional Ahli Muda", "Pelaksana"]
    assert c.employment_types == ["PNS", "PPPK"]
    assert c.genders == ["L", "P"]
    assert c.ranks == ["III/a", "III/b"]
    assert c.instansi == ["Pemerintah Kabupaten Kerinci", "Pemerintah Provinsi Jambi"]


def test_choices_within_scope(cur) -> None:
    c = metrics.choices(cur, Filters(scope_agencies=("BKD",), agencies=("DINKES",)))
    assert list(c.agencies["agency_id"]) == ["BKD"]  # the selection does not narrow choices
    assert list(c.units["unit"]) == ["Mutasi"]
    assert c.job_families == ["Umum"]
    assert c.ranks == ["III/b"]
