"""score_groups.jpm_means, the exact mean JPM per group, is the correctly rounded mean of the
employees' fractions, whichever way its sums are made (int64 limbs, or Python integers when a
limb would overflow)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.metrics import score_groups

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
