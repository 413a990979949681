"""The training-impact estimator: OLS of Δ ~ 1 + treated + level(d0) from summed statistics.

People sent to training start lower and regress upward anyway, so the effect of training is
the coefficient of `treated` adjusted for the starting level, not a difference of mean gains.
The fit needs only, per arm (treated, control), n, Σx, Σy, Σx², Σxy, Σy² with x = level(d0)
and y = Δ in tenths: exact integers that add up across any split of the pairs (agencies,
units, years), so a filtered estimate never has to scan people. The normal equations are solved
in exact integers, so rank deficiency is detected exactly (determinant zero), not by a
floating-point tolerance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

MIN_ARM = 10  # fewer treated or control pairs: no estimate (docs/metrics.md#training-impact)


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


@cache
def _t975(dof: int) -> float:
    """t(0.975, dof): the same few degrees of freedom come back on every request. scipy is
    imported here, on the first interval (not at every CLI command and dashboard start), and
    only scipy.special: stdtrit is what scipy.stats.t.ppf computes, without importing all of
    scipy.stats (0.66 s instead of 1.1 s, the first interval's wait on a cold page)."""
    from scipy.special import stdtrit

    return float(stdtrit(dof, 0.975))


def t975(dof: int) -> float:
    """t(0.975, dof), the 95% two-sided quantile (cached)."""
    return _t975(dof)


def estimate(treated: Arm, control: Arm, scale: int = 10, min_arm: int = MIN_ARM) -> Estimate:
    """Effect of treatment and its 95% interval, or empty ones when the arms are too small
    (< min_arm pairs) or [1, treated, x] is rank-deficient. `scale`: x and y units per level.

    The normal equations A b = v (A = X'X, v = X'y, integers) are solved by the adjugate C:
    b = C v / det(A), all in integers, so the effect is an exact fraction and det(A) = 0 is
    rank deficiency, exactly. RSS = Σy² - v'b, so RSS x det = Σy² det - v'C v (an integer).
    """
    none = Estimate(treated.n, control.n, None, None, None, None)
    if treated.n < min_arm or control.n < min_arm:
        return none
    t, total = treated, treated + control
    n, n1, sx, sx1, sxx = total.n, t.n, total.sx, t.sx, total.sxx
    # A = [[n, n1, sx], [n1, n1, sx1], [sx, sx1, sxx]] is symmetric, so is its adjugate C
    c00 = n1 * sxx - sx1 * sx1
    c01 = -(n1 * sxx - sx1 * sx)
    c02 = n1 * sx1 - n1 * sx
    c11 = n * sxx - sx * sx
    c12 = -(n * sx1 - n1 * sx)
    c22 = n * n1 - n1 * n1
    det = n * c00 + n1 * c01 + sx * c02
    if det == 0:
        return none
    v0, v1, v2 = total.sy, t.sy, total.sxy
    b_num = c01 * v0 + c11 * v1 + c12 * v2  # effect = b_num / det (in y units)
    vcv = (
        v0 * (c00 * v0 + c01 * v1 + c02 * v2)
        + v1 * (c01 * v0 + c11 * v1 + c12 * v2)
        + v2 * (c02 * v0 + c12 * v1 + c22 * v2)
    )
    rss_det = total.syy * det - vcv  # RSS x det, >= 0
    dof = n - 3
    var_effect = (rss_det * c11) / (det * det * dof)  # int / int: correctly rounded
    se = math.sqrt(max(var_effect, 0.0)) / scale
    effect = Fraction(b_num, det * scale)
    half = _t975(dof) * se
    e = float(effect)
    return Estimate(t.n, control.n, effect, se, e - half, e + half)
