"""The training-impact estimator: OLS of Δ ~ 1 + treated + level(d0) from summed statistics.

People sent to training start lower and regress upward anyway, so the effect of training is
the coefficient of `treated` adjusted for the starting level, not a difference of mean gains.
The fit needs only, per arm (treated, control), n, Σx, Σy, Σx², Σxy, Σy² with x = level(d0)
and y = Δ in tenths: exact integers that add up across any split of the pairs (agencies,
units, years), so a filtered estimate never has to scan people. The normal equations are solved
in exact fractions, so rank deficiency is detected exactly (determinant zero), not by a
floating-point tolerance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from scipy import stats

MIN_ARM = 10  # fewer treated or control pairs: no estimate (data contract)


@dataclass(frozen=True)
class Arm:
    """Sufficient statistics of one arm's pairs (x = level(d0), y = Δ, both in tenths)."""

    n: int = 0
    sx: int = 0
    sy: int = 0
    sxx: int = 0
    sxy: int = 0
    syy: int = 0

    def __add__(self, other: Arm) -> Arm:
        return Arm(
            self.n + other.n,
            self.sx + other.sx,
            self.sy + other.sy,
            self.sxx + other.sxx,
            self.sxy + other.sxy,
            self.syy + other.syy,
        )


@dataclass(frozen=True)
class Estimate:
    n_treated: int
    n_control: int
    effect: Fraction | None  # exact coefficient of treated, in levels (None: not estimable)
    se: float | None  # its classical standard error
    ci_low: float | None  # effect ± t(0.975, n - 3) x se
    ci_high: float | None

    @property
    def effect_float(self) -> float:
        return math.nan if self.effect is None else float(self.effect)


def _det3(m: list[list[Fraction]]) -> Fraction:
    return (
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    )


def _inverse3(m: list[list[Fraction]], det: Fraction) -> list[list[Fraction]]:
    """Inverse of a 3 x 3 matrix by its adjugate (exact)."""

    def minor(i: int, j: int) -> Fraction:
        rows = [r for k, r in enumerate(m) if k != i]
        a, b = [[v for k, v in enumerate(r) if k != j] for r in rows]
        return a[0] * b[1] - a[1] * b[0]

    cof = [[(-1) ** (i + j) * minor(i, j) for j in range(3)] for i in range(3)]
    return [[cof[j][i] / det for j in range(3)] for i in range(3)]


def estimate(treated: Arm, control: Arm, scale: int = 10, min_arm: int = MIN_ARM) -> Estimate:
    """Effect of treatment and its 95% interval, or empty ones when the arms are too small
    (< min_arm pairs) or [1, treated, x] is rank-deficient. `scale`: x and y units per level."""
    none = Estimate(treated.n, control.n, None, None, None, None)
    if treated.n < min_arm or control.n < min_arm:
        return none
    t, c = treated, control
    total = t + c
    F = Fraction
    xtx = [
        [F(total.n), F(t.n), F(total.sx)],
        [F(t.n), F(t.n), F(t.sx)],
        [F(total.sx), F(t.sx), F(total.sxx)],
    ]
    xty = [F(total.sy), F(t.sy), F(total.sxy)]
    det = _det3(xtx)
    if det == 0:
        return none
    inv = _inverse3(xtx, det)
    beta = [sum((inv[i][j] * xty[j] for j in range(3)), F(0)) for i in range(3)]
    rss = total.syy - sum((beta[i] * xty[i] for i in range(3)), F(0))
    dof = total.n - 3
    var_effect = rss / dof * inv[1][1]
    se = math.sqrt(max(float(var_effect), 0.0)) / scale
    effect = beta[1] / scale
    half = float(stats.t.ppf(0.975, dof)) * se
    e = float(effect)
    return Estimate(t.n, c.n, effect, se, e - half, e + half)
