"""Talent (data contract v2, section 4) on the hand-checked talent world
(tests/support/talent_world.py: the table there gives every box, source and readiness)."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from fractions import Fraction as F

import duckdb
import pandas as pd
import pytest

from analytics import metrics
from analytics.core.filters import Filters
from analytics.core.privacy import NotPermitted
from analytics.metrics import route
from analytics.metrics import talent as tm
from analytics.store.sqlfiles import read_sql
from tests.support.fixtures import Builder, nip, store_of
from tests.support.talent_world import T, talent_world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(talent_world())
    try:
        yield store.cursor()
    finally:
        store.close()


def by_nip(df) -> dict[str, dict]:
    return {r["nip"]: r for r in df.to_dict("records")}


def empty(v) -> bool:
    return v is None or bool(pd.isna(v))


# (rating, performance, potential, source, source year, box) per employee in 2025, worked out
# in talent_world's table.
SANGAT, BAIK = "Sangat Baik", "Baik"
ATAS, SESUAI, BAWAH = "di atas ekspektasi", "sesuai ekspektasi", "di bawah ekspektasi"
CSV, JPM = "potential.csv", "jpm"
EXPECTED_2025 = {
    1: (SANGAT, ATAS, "tinggi", CSV, 2025, 9),
    2: (SANGAT, ATAS, "menengah", CSV, 2024, 7),
    3: (SANGAT, ATAS, "rendah", JPM, 2025, 4),  # 3.8 / 5 = 76 < 78
    4: (BAIK, SESUAI, "tinggi", JPM, 2025, 8),  # 4.5 / 5 = 90 exactly: Optimal
    5: (BAIK, SESUAI, "menengah", JPM, 2025, 5),  # 3.9 / 5 = 78 exactly: Cukup Optimal
    6: (BAIK, SESUAI, "rendah", CSV, 2023, 2),  # Y - 2 is in the window
    7: ("Butuh Perbaikan", BAWAH, "tinggi", CSV, 2025, 6),
    8: ("Kurang", BAWAH, "menengah", JPM, 2024, 3),  # 4.4 / 5 = 88
    9: ("Sangat Kurang", BAWAH, "rendah", JPM, 2023, 1),  # the 2022 test is out; 60
    10: (BAIK, SESUAI, None, None, None, None),  # only a 2022 test: no potential
    11: (SANGAT, ATAS, "menengah", CSV, 2023, 7),  # the test beats the later JPM (120)
    12: (BAIK, SESUAI, "menengah", JPM, 2024, 5),  # 2025 scores have no standard; 2024: 80
    14: (SANGAT, ATAS, "tinggi", CSV, 2025, 9),
    15: (BAIK, SESUAI, "tinggi", JPM, 2025, 8),  # scores at STAF: 5.0 / 5 = 100
    16: (SANGAT, ATAS, "tinggi", CSV, 2025, 9),
    17: (SANGAT, ATAS, "tinggi", CSV, 2024, 9),
}


def test_talent_rows_every_box_rating_and_source(cur) -> None:
    got = by_nip(tm.talent(cur, Filters()))
    assert set(got) == {T[i] for i in EXPECTED_2025}  # 13 has no 2025 rating
    for i, (rating, perf, pot, source, pyear, box) in EXPECTED_2025.items():
        r = got[T[i]]
        assert r["year"] == 2025
        assert (r["rating"], r["performance"]) == (rating, perf), i
        if pot is None:
            assert all(empty(r[c]) for c in ("potential", "potential_source", "potential_year",
                                             "box")), i  # fmt: skip
        else:
            assert (r["potential"], r["potential_source"], r["potential_year"], r["box"]) == (
                pot, source, pyear, box,
            ), i  # fmt: skip
    # every box 1..9 and every rating occurs
    assert {r["box"] for r in got.values() if not empty(r["box"])} == set(range(1, 10))
    assert {r["rating"] for r in got.values()} == set(tm.RATING_PERFORMANCE)


def test_box_table_in_sql_equals_python(cur) -> None:
    """The Permenpan RB 3/2020 numbering the derived talent rows are written with is
    tm.BOXES: every (perf, pot, box) the store holds, and every cell of the SQL's table."""
    assert tm.BOXES == ((1, 3, 6), (2, 5, 8), (4, 7, 9))
    stored = cur.execute(
        "select distinct perf, pot, box from talent where box is not null"
    ).fetchall()
    assert len(stored) == 9
    for perf, pot, box in stored:
        assert box == tm.box_of(perf, pot)
    statement = read_sql("derived_refresh.sql").split("-- name: talent")[1]
    found = re.search(r"(\[\[[\d, \[\]]+\]\])\[f\.perf \+ 1\]\[f\.pot \+ 1\] as box", statement)
    assert found, "the box table of the talent statement"
    for perf in range(3):
        for pot in range(3):
            got = cur.execute(
                f"select {found.group(1)}[$a + 1][$b + 1]", {"a": perf, "b": pot}
            ).fetchone()
            assert got is not None and got[0] == tm.box_of(perf, pot)
    assert tm.box_of(2, 2) == 9 and tm.box_of(0, 0) == 1 and tm.box_of(2, 0) == 4


def test_talent_year_defaults_to_latest_rating_year(cur) -> None:
    """Ratings 2023-2025; e3's 2026 assessment does not make 2026 the talent year."""
    assert tm.talent_years(cur) == [2023, 2024, 2025]
    assert tm.talent_year(cur, Filters()) == 2025
    assert metrics.latest_year(cur) == 2026


def test_talent_2024_window_moves_with_the_year(cur) -> None:
    """In 2024 e9's 2022 test is in the window ([2022, 2024]): tinggi; e1's 2025 test is not
    yet there: their 2024 JPM 3.2 / 3 = 106.7 gives tinggi; e4 has no source."""
    got = by_nip(tm.talent(cur, Filters(year=2024)))
    assert set(got) == {T[i] for i in (1, 2, 4, 5, 8, 9, 13)}
    assert (got[T[9]]["potential"], got[T[9]]["potential_year"], got[T[9]]["box"]) == (
        "tinggi", 2022, 8)  # fmt: skip
    assert (got[T[1]]["potential_source"], got[T[1]]["potential_year"], got[T[1]]["box"]) == (
        JPM, 2024, 8)  # fmt: skip
    assert empty(got[T[4]]["box"])
    assert got[T[5]]["box"] == 4  # Sangat Baik x 2023 JPM 40 (rendah)


def test_filters_choose_population_never_potential(cur) -> None:
    """e15 works as Fungsional Ahli Muda but was assessed at STAF (Pelaksana): the job-type
    filter reads the current position, and the JPM behind potential counts every score."""
    fungsional = by_nip(tm.talent(cur, Filters(job_types=("Fungsional Ahli Muda",))))
    assert set(fungsional) == {T[14], T[15]}
    assert (fungsional[T[15]]["potential"], fungsional[T[15]]["box"]) == ("tinggi", 8)
    pelaksana = by_nip(tm.talent(cur, Filters(job_types=("Pelaksana",))))
    assert T[15] not in pelaksana and T[16] not in pelaksana
    assert len(pelaksana) == 13
    assert set(by_nip(tm.talent(cur, Filters(agencies=("A2",))))) == {T[14], T[15]}


def test_talent_needs_individuals(cur) -> None:
    with pytest.raises(NotPermitted):
        tm.talent(cur, Filters(may_see_individuals=False))
    with pytest.raises(NotPermitted):
        metrics.succession(cur, Filters(may_see_individuals=False), "KABID")


def boxes(*counts: int) -> dict[str, int]:
    return {f"box_{i}": n for i, n in enumerate(counts, start=1)}


@pytest.mark.parametrize(
    "by, expected",
    [
        # 16 rated, e10 unmapped; boxes from EXPECTED_2025; succession 2 + 2 + 4 = 8 of 15
        ("none", {(): (16, 15, boxes(1, 1, 1, 1, 2, 1, 2, 2, 4), 8, F(800, 15))}),
        ("agency", {
            ("A1",): (14, 13, boxes(1, 1, 1, 1, 2, 1, 2, 1, 3), 6, F(600, 13)),
            ("A2",): (2, 2, boxes(0, 0, 0, 0, 0, 0, 0, 1, 1), 2, F(100)),
        }),
        ("job_type", {
            ("Administrator",): (1, 1, boxes(0, 0, 0, 0, 0, 0, 0, 0, 1), 1, F(100)),
            ("Fungsional Ahli Muda",): (2, 2, boxes(0, 0, 0, 0, 0, 0, 0, 1, 1), 2, F(100)),
            ("Pelaksana",): (13, 12, boxes(1, 1, 1, 1, 2, 1, 2, 1, 2), 5, F(500, 12)),
        }),
        ("job_family", {
            ("Kesehatan",): (2, 2, boxes(0, 0, 0, 0, 0, 0, 0, 1, 1), 2, F(100)),
            ("Umum",): (14, 13, boxes(1, 1, 1, 1, 2, 1, 2, 1, 3), 6, F(600, 13)),
        }),
    ],
)  # fmt: skip
def test_talent_summary(cur, by, expected) -> None:
    df = metrics.talent_summary(cur, Filters(), by)
    keys = list(df.columns[1 : len(df.columns) - 13])
    got = {tuple(r[k] for k in keys): r for r in df.to_dict("records")}
    assert list(got) == list(expected)  # sorted by key
    for key, (employees, mapped, box_counts, succ, pct) in expected.items():
        r = got[key]
        assert r["year"] == 2025
        assert (r["employees"], r["mapped"], r["succession"]) == (employees, mapped, succ)
        assert {k: r[k] for k in box_counts} == box_counts
        assert r["pct_succession"] == float(pct)


@pytest.mark.parametrize(
    "f",
    [
        Filters(),
        Filters(year=2024),
        Filters(agencies=("A2",)),
        Filters(job_types=("Pelaksana",)),
        Filters(job_families=("Kesehatan",), small_groups="mark"),
        Filters(scope_agencies=("A1",), small_groups="hide"),
        Filters(year=2023, agencies=("A1",)),
    ],
    ids=repr,
)
def test_talent_summary_cells_equal_the_talent_rows(cur, f) -> None:
    """The talent cells (and their national layer) give the per-person rows' figures."""
    for by in ("none", "agency", "job_type", "job_family"):
        fast = metrics.talent_summary(cur, f, by)
        with route.person_level():
            slow = metrics.talent_summary(cur, f, by)
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    years = tm.talent_years(cur, f)
    with route.person_level():
        assert tm.talent_years(cur, f) == years


def test_talent_years_follow_the_scope_on_both_paths(cur) -> None:
    """A2's people (t14, t15) are rated in 2025 only; a selection never changes the years."""
    for person_level in (False, True):
        with route.person_level() if person_level else contextlib.nullcontext():
            assert tm.talent_years(cur, Filters(scope_agencies=("A2",))) == [2025]
            assert tm.talent_years(cur, Filters(agencies=("A2",))) == [2023, 2024, 2025]
            assert tm.talent_years(cur) == [2023, 2024, 2025]


def test_talent_summary_mapped_zero_and_no_rating(cur) -> None:
    """2023: e3 alone, rated without a source: mapped 0, pct_succession empty. 2030: no row."""
    df = metrics.talent_summary(cur, Filters(year=2023))
    assert df[["year", "employees", "mapped", "succession"]].values.tolist() == [[2023, 1, 0, 0]]
    assert math.isnan(df["pct_succession"].iloc[0])
    assert metrics.talent_summary(cur, Filters(year=2030)).empty


def test_talent_moves(cur) -> None:
    """2024 -> 2025, people with a box in both years: e1 8 -> 9, e2 7 -> 7, e5 4 -> 5,
    e8 3 -> 3, e9 8 -> 1 (their 2022 test left the window). e4 (no 2024 source) and e13
    (no 2025 rating) are not counted."""
    df = metrics.talent_moves(cur, Filters())
    assert df.values.tolist() == [
        [2024, 2025, 3, 3, 1],
        [2024, 2025, 4, 5, 1],
        [2024, 2025, 7, 7, 1],
        [2024, 2025, 8, 1, 1],
        [2024, 2025, 8, 9, 1],
    ]
    # 2024 from 2023: e3 alone was rated in 2023, without a box: nothing; 2023: no earlier year
    assert metrics.talent_moves(cur, Filters(year=2024)).empty
    assert metrics.talent_moves(cur, Filters(year=2023)).empty
    # the population's filters apply: A2's people have no 2024 rating
    assert metrics.talent_moves(cur, Filters(agencies=("A2",))).empty


@pytest.mark.parametrize(
    "f",
    [
        Filters(),
        Filters(agencies=("A1",)),
        Filters(job_types=("Pelaksana",)),
        Filters(scope_agencies=("A1",), small_groups="hide"),
        Filters(year=2024),
    ],
    ids=repr,
)
def test_move_counts_cells_equal_the_talent_rows(cur, f) -> None:
    fast = metrics.talent_moves(cur, f)
    with route.person_level():
        slow = metrics.talent_moves(cur, f)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)


def test_move_people_have_levels(cur) -> None:
    from_year, year, people = tm.move_people(cur, Filters(), limit=50)
    assert (from_year, year) == (2024, 2025)
    e5 = people[people["from_box"] == 4].iloc[0]
    # Sangat Baik x rendah -> Baik x menengah: one performance step down, one potential up
    assert (e5["from_perf"], e5["from_pot"], e5["perf"], e5["pot"]) == (2, 0, 1, 1)
    assert (e5["steps"], e5["direction"]) == (2, 0)


def test_succession(cur) -> None:
    df = metrics.succession(cur, Filters(), "KABID")
    assert list(df.columns) == ["year", "nip", "position_id", "box", "jpm_target",
                                "readiness", "below", "missing"]  # fmt: skip
    rows = [
        [r["nip"], r["position_id"], r["box"], r["jpm_target"], r["readiness"], r["below"],
         r["missing"]]
        for r in df.to_dict("records")
    ]  # fmt: skip
    nan = "empty"
    norm = [[nan if empty(v) else v for v in r] for r in rows]
    # box (highest first), missing (fewest), jpm_target (highest, empty last), nip
    assert norm == [
        [T[1], "STAF", 9, float(F(800, 10)), "Memenuhi Syarat", 3, 0],  # 80 exactly
        [T[17], "STAF", 9, float(F(670, 10)), "Kurang Memenuhi Syarat", 3, 0],  # 67
        [T[14], "ANL", 9, nan, nan, 0, 3],  # no level at all
        [T[15], "ANL", 8, float(F(500, 7)), nan, 2, 1],  # SK.1 missing: no category
        [T[4], "STAF", 8, float(F(450, 7)), nan, 2, 1],
        [T[2], "STAF", 7, float(F(680, 10)), "Masih Memenuhi Syarat", 3, 0],  # 68 exactly
        [T[11], "STAF", 7, float(F(600, 7)), nan, 1, 1],
    ]
    assert T[16] not in set(df["nip"])  # holds KABID
    assert (df["year"] == 2025).all()


def test_succession_filters_and_year(cur) -> None:
    a2 = metrics.succession(cur, Filters(agencies=("A2",)), "KABID")
    assert list(a2["nip"]) == [T[14], T[15]]
    # 2024: boxes 7-9 are e1 (8), e2 (7), e9 (8), e13 (8); window [2022, 2024]: e1's M.1 is
    # 3.2 (2024) and SK.1 2.4 (2023), no M.2 yet: (3.2 + 2.4) / 7, missing 1
    y24 = by_nip(metrics.succession(cur, Filters(year=2024), "KABID"))
    assert set(y24) == {T[1], T[2], T[9], T[13]}
    assert y24[T[1]]["jpm_target"] == float(F(560, 7)) and y24[T[1]]["missing"] == 1
    assert y24[T[9]]["below"] == 2 and y24[T[9]]["jpm_target"] == float(F(300, 7))


def test_succession_target_errors(cur) -> None:
    with pytest.raises(tm.NotATarget, match="tidak dikenal"):
        metrics.succession(cur, Filters(), "NOPE")
    with pytest.raises(tm.NotATarget, match="standar"):
        metrics.succession(cur, Filters(), "NOSTD")


@pytest.mark.parametrize(
    "level_t, den, missing, expected",
    [
        (80, 100, 0, tm.MS),  # exactly 80
        (79, 100, 0, tm.MMS),
        (68, 100, 0, tm.MMS),  # exactly 68
        (67, 100, 0, tm.KMS),
        (100, 100, 1, None),  # a missing competency: no category
        (0, 0, 3, None),
    ],
)
def test_readiness_thresholds(level_t, den, missing, expected) -> None:
    assert tm.readiness_of(level_t, den, missing) == expected


def test_window_edge_and_ties_small_world() -> None:
    """A potential test exactly three years old is out; of two tests in the window the later
    one counts; any test in the window beats a later JPM."""
    b = Builder().agency("A").position("P").competency("M.1").standard("P", "M.1", 2)
    for i in (1, 2, 3):
        b.employee(nip(i), "A", "U", "P").rate(nip(i), 2025, "Baik")
    b.potential_result(nip(1), 2022, "tinggi")  # out
    b.potential_result(nip(2), 2023, "tinggi").potential_result(nip(2), 2024, "rendah")
    b.potential_result(nip(3), 2023, "rendah")
    b.assess(nip(3), "M.1", "2025-01-01", "2.0")  # JPM 100 in 2025: the 2023 test still wins
    store = store_of(b)
    try:
        got = by_nip(tm.talent(store.cursor(), Filters()))
    finally:
        store.close()
    assert empty(got[nip(1)]["box"])
    assert (got[nip(2)]["potential"], got[nip(2)]["potential_year"], got[nip(2)]["box"]) == (
        "rendah", 2024, 2)  # fmt: skip
    assert (got[nip(3)]["potential"], got[nip(3)]["potential_source"]) == ("rendah", CSV)


def test_move_people_rank_before_they_are_cut(cur) -> None:
    """Movers 2024 -> 2025: e9 8 -> 1 (3 steps down), e5 4 -> 5 (2 steps: performance down,
    potential up), e1 8 -> 9 (1 step up); e2 and e8 stayed. Every cut is the head of the whole
    ranking (the box pairs are chosen from the counts before names are sorted)."""
    _, _, everyone = tm.move_people(cur, Filters(), limit=1000)
    assert list(everyone["nip"]) == [T[9], T[5], T[1]]
    assert list(everyone["steps"]) == [3, 2, 1] and list(everyone["direction"]) == [-3, 0, 1]
    for limit in (1, 2, 3):
        _, _, cut = tm.move_people(cur, Filters(), limit=limit)
        pd.testing.assert_frame_equal(cut, everyone.head(limit))


def test_chunks_cover_every_key_once() -> None:
    assert tm.chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert tm.chunks([], 2) == [[]]
    assert tm.chunks(list(range(10)), 10) == [list(range(10))]
