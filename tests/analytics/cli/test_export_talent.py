"""`export talent | talent-summary | talent-moves | succession` (data contract v2, section 4):
columns, text, sorting and the command-line misuses that exit 2, on the talent world
(tests/support/talent_world.py; the figures are worked out in tests/analytics/metrics/test_talent.py
and repeated here as text)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from analytics.store.db import Store
from tests.support.exports import run
from tests.support.fixtures import store_of
from tests.support.talent_world import T, talent_world


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = store_of(talent_world())
    try:
        yield s
    finally:
        s.close()


def lines(store: Store, *argv: str) -> list[str]:
    code, out, err = run(store, *argv)
    assert code == 0, err
    return out.splitlines()


def test_talent_csv(store) -> None:
    got = lines(store, "talent")
    assert got[0] == ("nip,year,rating,performance,potential,potential_source,potential_year,box")
    assert len(got) == 1 + 16  # sorted by nip (then year)
    assert got[1] == f"{T[1]},2025,Sangat Baik,di atas ekspektasi,tinggi,potential.csv,2025,9"
    assert got[9] == f"{T[9]},2025,Sangat Kurang,di bawah ekspektasi,rendah,jpm,2023,1"
    assert got[10] == f"{T[10]},2025,Baik,sesuai ekspektasi,,,,"  # no potential: empty fields
    assert [line.split(",")[0] for line in got[1:]] == sorted(line.split(",")[0]
                                                             for line in got[1:])  # fmt: skip


def test_talent_json_nulls_and_numbers(store) -> None:
    code, out, err = run(store, "talent", "--year", "2023", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == [
        {"nip": T[3], "year": 2023, "rating": "Baik", "performance": "sesuai ekspektasi",
         "potential": None, "potential_source": None, "potential_year": None, "box": None}
    ]  # fmt: skip
    code, out, _ = run(store, "talent", "--format", "json")
    first = json.loads(out)[0]
    assert first["box"] == 9 and first["potential_year"] == 2025  # numbers, not strings
    assert '"box": 9' in out


def test_talent_summary_csv(store) -> None:
    header = ("employees,mapped,box_1,box_2,box_3,box_4,box_5,box_6,box_7,box_8,box_9,"
              "succession,pct_succession")  # fmt: skip
    # 800 / 15 and 500 / 12 as the shortest text of their doubles
    assert lines(store, "talent-summary") == [
        "year," + header,
        f"2025,16,15,1,1,1,1,2,1,2,2,4,8,{800 / 15!r}",
    ]
    assert lines(store, "talent-summary", "--by", "job_type") == [
        "year,job_type," + header,
        "2025,Administrator,1,1,0,0,0,0,0,0,0,0,1,1,100",
        "2025,Fungsional Ahli Muda,2,2,0,0,0,0,0,0,0,1,1,2,100",
        f"2025,Pelaksana,13,12,1,1,1,1,2,1,2,1,2,5,{500 / 12!r}",
    ]
    # mapped 0: pct_succession empty
    assert lines(store, "talent-summary", "--year", "2023") == [
        "year," + header,
        "2023,1,0,0,0,0,0,0,0,0,0,0,0,",
    ]


def test_talent_moves_csv(store) -> None:
    assert lines(store, "talent-moves") == [
        "from_year,year,from_box,to_box,employees",
        "2024,2025,3,3,1",
        "2024,2025,4,5,1",
        "2024,2025,7,7,1",
        "2024,2025,8,1,1",
        "2024,2025,8,9,1",
    ]
    assert lines(store, "talent-moves", "--year", "2023") == [
        "from_year,year,from_box,to_box,employees"
    ]
    code, out, _ = run(store, "talent-moves", "--year", "2023", "--format", "json")
    assert (code, out) == (0, "[]\n")


def test_succession_csv(store) -> None:
    assert lines(store, "succession", "--position", "KABID") == [
        "year,nip,position_id,box,jpm_target,readiness,below,missing",
        f"2025,{T[1]},STAF,9,80,Memenuhi Syarat,3,0",
        f"2025,{T[17]},STAF,9,67,Kurang Memenuhi Syarat,3,0",
        f"2025,{T[14]},ANL,9,,,0,3",
        f"2025,{T[15]},ANL,8,{500 / 7!r},,2,1",
        f"2025,{T[4]},STAF,8,{450 / 7!r},,2,1",
        f"2025,{T[2]},STAF,7,68,Masih Memenuhi Syarat,3,0",
        f"2025,{T[11]},STAF,7,{600 / 7!r},,1,1",
    ]
    assert lines(store, "succession", "--position", "KABID", "--agency", "A2")[1:] == [
        f"2025,{T[14]},ANL,9,,,0,3",
        f"2025,{T[15]},ANL,8,{500 / 7!r},,2,1",
    ]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["succession"], "--position"),
        (["succession", "--position", "NOPE"], "tidak dikenal"),
        (["succession", "--position", "NOSTD"], "standar"),
        (["talent", "--position", "KABID"], "--position"),
        (["talent-summary", "--position", "KABID"], "--position"),
        (["jpm", "--position", "KABID"], "--position"),
        (["talent", "--by", "agency"], "--by"),
        (["talent-moves", "--by", "none"], "--by"),
        (["succession", "--position", "KABID", "--by", "agency"], "--by"),
        (["talent-summary", "--by", "unit"], "--by"),
        (["talent", "--agency", "ZZ"], "--agency"),
    ],
)
def test_misuse_exits_2(store, argv, message) -> None:
    code, out, err = run(store, *argv)
    assert code == 2 and out == ""
    assert message in err


def test_empty_store_header_only(store: Store) -> None:
    empty = Store(":memory:")
    try:
        for metric in ("talent", "talent-summary", "talent-moves"):
            code, out, err = run(empty, metric)
            assert code == 0, err
            assert out.count("\n") == 1
    finally:
        empty.close()
