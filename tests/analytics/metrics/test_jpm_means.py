"""The exact mean JPM per group is the correctly rounded mean of the employees' fractions,
whichever way it is made: score_groups.jpm_means on the rows per denominator (int64 limbs, or
Python integers when a limb would overflow), or the fixed-point sums of score_groups.sql
(fixed_means), which fall back to those rows when they cannot decide."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import duckdb
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.metrics import common, score_groups

ROW = st.tuples(
    st.integers(0, 5),  # group code
    st.integers(1, 2_000),  # den: Σ required tenths of the employee's competencies
    st.integers(1, 50),  # employees sharing it
    # their level tenths summed; beyond 2**61 no int64 limb fits (Python integers then)
    st.one_of(st.integers(0, 10_000), st.integers(0, 2**40), st.integers(2**61, 2**62)),
)


def exact(rows: list[tuple[int, int, int, int]], groups: int) -> list[float]:
    total = [Fraction(0)] * groups
    people = [0] * groups
    for g, den, n, level in rows:
        total[g] += Fraction(100 * level, den)
        people[g] += n
    return [float(t / e) for t, e in zip(total, people, strict=True)]


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(ROW, min_size=1, max_size=60))
def test_jpm_means_is_the_correctly_rounded_mean(rows: list[tuple[int, int, int, int]]) -> None:
    present = sorted({g for g, *_ in rows})
    renumber = {g: i for i, g in enumerate(present)}  # every code present, as ngroup gives
    rows = [(renumber[g], den, n, level) for g, den, n, level in rows]
    codes = np.array([r[0] for r in rows], dtype=np.int64)
    got = score_groups.jpm_means(
        codes,
        np.array([r[3] for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.int64),
        np.array([r[2] for r in rows], dtype=np.int64),
        len(present),
    )
    assert got == exact(rows, len(present))


def test_both_ways_of_summing_agree(monkeypatch) -> None:
    """Level sums near 2**62 leave no room for an int64 limb: the rows are then summed in
    Python integers, with the same result as the limbs give where they fit."""
    rng = np.random.default_rng(7)
    ways: list[str] = []
    real = score_groups._scaled_sums

    def noted(level, den_codes, scales, starts):
        ways.append("python" if int(np.abs(level).max()) >= 2**61 else "limbs")
        return real(level, den_codes, scales, starts)

    monkeypatch.setattr(score_groups, "_scaled_sums", noted)
    for big in (False, True):
        n = 500
        level = rng.integers(2**61, 2**62, n) if big else rng.integers(0, 5_000, n)
        dens = rng.integers(100, 460, n)
        codes = np.sort(rng.integers(0, 3, n))
        counts = rng.integers(1, 30, n)
        rows = list(
            zip(codes.tolist(), dens.tolist(), counts.tolist(), level.tolist(), strict=True)
        )
        got = score_groups.jpm_means(codes, level, dens, counts, 3)
        assert got == exact(rows, 3)
    assert ways == ["limbs", "python"]


# The fixed-point path: score_groups.sql sums each row's JPM in 2 x BITS binary digits
# (jq, jb, jc), and fixed_means divides once per group, or says it cannot tell.

PERSON = st.tuples(
    st.integers(0, 5),  # group
    st.integers(1, 9_000),  # den: from 8,192 too wide for the shifts at BITS = 50
    st.integers(1, 50),  # employees sharing it
    st.integers(0, 10**7),  # their level tenths summed
)


def fixed(rows: list[tuple[int, int, int, int]], bits: int) -> pd.DataFrame:
    """score_groups.sql over per_person rows (group k, den, w, level_t), fixed-point path."""
    con = duckdb.connect()
    con.execute("create table pp (k integer, den bigint, w bigint, level_t bigint)")
    con.executemany("insert into pp values (?, ?, ?, ?)", [(g, d, w, lv) for g, d, w, lv in rows])
    sql = common.render(
        "score_groups",
        per_person="select 2024 as year, k, den, 0 as cat, w, 1 as scores, level_t, "
        "0 as shortfall_t, 0 as meeting from pp",
        inner_keys="k",
        labels="g.k as k",
        label_joins="",
        categories="0 as n_optimal, 0 as n_cukup, 0 as n_kurang",
        by_den="",
        **score_groups.fixed_point(bits),
    )
    return con.execute(sql).df().sort_values("k", ignore_index=True)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(PERSON, min_size=1, max_size=40))
def test_the_fixed_point_sums_give_the_correctly_rounded_mean(
    rows: list[tuple[int, int, int, int]],
) -> None:
    """At BITS the mean is decided unless a den is too wide, and it is the exact mean correctly
    rounded; with three bits the sums often cannot tell, but what they decide is exact. Both
    with the long double's pass (where the platform has one) and in Python integers alone."""
    present = sorted({g for g, *_ in rows})
    want = exact([(present.index(g), d, w, lv) for g, d, w, lv in rows], len(present))
    long_double = score_groups._LONG_DOUBLE
    try:
        for bits, long in product((score_groups.BITS, 3), {long_double, False}):
            score_groups._LONG_DOUBLE = long  # the long double's pass, and Python's alone
            p = fixed(rows, bits)
            try:
                means = score_groups.fixed_means(p, p["n"].to_numpy(), bits=bits)
            except score_groups.Undecided:
                assert bits == 3 or max(d for _, d, _, _ in rows) >= 8_192
                continue
            assert means == want
    finally:
        score_groups._LONG_DOUBLE = long_double


def test_an_undecided_or_too_wide_sum_takes_the_exact_path(monkeypatch) -> None:
    """summed answers from the rows per denominator when the fixed point cannot decide a group
    (one bit per block: most groups) or a den is too wide for the shifts (60 bits: any den >= 8):
    the same figures as the fixed point's."""
    from analytics.core.filters import Filters
    from analytics.metrics.trend import trend
    from tests.support.fixtures import store_of, world

    store = store_of(world())
    try:
        with store.snapshot() as snap:
            want = trend(snap.cur, Filters(), "agency")
            exact_calls: list[bool] = []
            real = score_groups.parts

            def noted(*args, **kwargs):
                exact_calls.append(kwargs.get("exact", False))
                return real(*args, **kwargs)

            monkeypatch.setattr(score_groups, "parts", noted)
            for bits in (1, 60):
                monkeypatch.setattr(score_groups, "BITS", bits)
                exact_calls.clear()
                pd.testing.assert_frame_equal(trend(snap.cur, Filters(), "agency"), want)
                assert exact_calls == [False, True], bits
    finally:
        store.close()
