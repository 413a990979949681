"""The JPM category is written once in SQL (the jpm_cat macro of schema_v3.sql) and its
thresholds once in Python (OPTIMAL_MIN, CUKUP_MIN): the two agree, exactly at the edges, and no
SQL file carries its own copy of the thresholds."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from analytics.metrics.common import CUKUP_MIN, OPTIMAL_MIN
from analytics.store.db import Store

ROOT = Path(__file__).resolve().parents[3]


def python_cat(level_tenths: int, required_tenths: int) -> int:
    jpm = 100 * Fraction(level_tenths, required_tenths)
    return 2 if jpm >= OPTIMAL_MIN else 1 if jpm >= CUKUP_MIN else 0


@pytest.mark.parametrize(
    ("level_tenths", "required_tenths"),
    [
        (27, 30),  # 90 exactly: Optimal
        (269, 300),  # 89.67: Cukup Optimal
        (39, 50),  # 78 exactly: Cukup Optimal
        (389, 500),  # 77.8: Kurang Optimal
        (117, 150),  # 78 exactly over a sum of 15 levels
        (10, 40),
        (50, 10),  # far above standard: not capped
        (0, 10),
    ],
)
def test_the_macro_and_the_constants_agree(store: Store, level_tenths: int, required_tenths: int):
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select jpm_cat($l, $r)", {"l": level_tenths, "r": required_tenths}
        ).fetchall()[0][0]
    assert got == python_cat(level_tenths, required_tenths)


def test_every_pair_of_small_sums_agrees(store: Store):
    pairs = [(lv, rq) for rq in range(10, 160, 10) for lv in range(0, 260)]
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select l, r, jpm_cat(l, r) from (select unnest($l) as l, unnest($r) as r)",
            {"l": [p[0] for p in pairs], "r": [p[1] for p in pairs]},
        ).fetchall()
    assert all(cat == python_cat(lv, rq) for lv, rq, cat in got)


def test_no_sql_file_repeats_the_thresholds():
    threshold = re.compile(rf">=\s*({OPTIMAL_MIN}|{CUKUP_MIN})\s*\*")
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "analytics").rglob("*.sql")
        if p.name != "schema_v3.sql" and threshold.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"use jpm_cat() instead of the thresholds: {offenders}"
