"""Two-way fixed effects on a small panel: outcome = agency effect + year effect + β × x.

The service-effect estimator of the data contract (section 4). With a few dozen agency-years
the design is tiny, so it is solved directly in floating point; what the contract fixes is how
rank is judged: by singular values with numpy's default tolerance (np.linalg.matrix_rank).

β is computed through the within (Frisch–Waugh–Lovell) route: x and y are each residualised on
the indicator columns D, and β = x̃'ỹ / x̃'x̃. That is the same coefficient the full least
squares fit gives, and its classical variance is σ² / x̃'x̃ with σ² = RSS / (n − k).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.metrics.ols import t975


@dataclass(frozen=True)
class Fit:
    agencies: int  # agencies used (after dropping those with a single observation)
    observations: int  # agency-years used
    effect: float | None  # β; None when not estimable
    ci_low: float | None  # β ± t(0.975, n − k) × SE
    ci_high: float | None
    se: float | None = None
    dof: int | None = None  # n − k


def drop_singletons(units: Sequence[object] | pd.Series | np.ndarray) -> np.ndarray:
    """Which observations to keep (a bool per observation): those of units with at least two
    observations. Hashed in one pass (a country's link has 45,159 agency-years)."""
    values = units if isinstance(units, pd.Series) else np.asarray(units)
    if not isinstance(values, pd.Series) and values.dtype.kind not in "iu":
        values = values.astype(object)  # integer codes are hashed as integers
    codes, _ = pd.factorize(values)
    return np.bincount(codes)[codes] >= 2


def _codes(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Each value's level (0 ... levels - 1, in order of first appearance: the order of the
    indicator columns changes no rank and no residual) and how many levels."""
    codes, levels = pd.factorize(values)
    return codes, len(levels)


def _indicators(values: np.ndarray) -> np.ndarray:
    codes, levels = _codes(values)
    d = np.zeros((len(values), levels))
    d[np.arange(len(values)), codes] = 1.0
    return d


# The dense route builds the indicator matrix D (n rows, one column per agency and per year): a
# province's few dozen agency-years. Nationally (15,053 agencies × years) D would hold about a
# billion cells, so the agency indicators are absorbed instead (below).
DENSE_CELLS = 4_000_000

_Within = Callable[[np.ndarray], np.ndarray]


def _dense(units: np.ndarray, years: np.ndarray, xv: np.ndarray) -> tuple[int, int, _Within]:
    """rank(D), rank([D x]) and the residualiser on D, from D itself (the contract's rule)."""
    d = np.hstack([_indicators(units), _indicators(years)])
    rank_d = int(np.linalg.matrix_rank(d))
    k = int(np.linalg.matrix_rank(np.hstack([d, xv[:, None]])))

    def within(v: np.ndarray) -> np.ndarray:
        coef, *_ = np.linalg.lstsq(d, v, rcond=None)
        return np.asarray(v - d @ coef)

    return rank_d, k, within


def _absorbed(units: np.ndarray, years: np.ndarray, xv: np.ndarray) -> tuple[int, int, _Within]:
    """The same three with the agency indicators absorbed (Frisch–Waugh–Lovell): residualising
    on [A Y] is demeaning within agency (M_A), then residualising on M_A·Y, the year indicators
    demeaned within agency (n × years: small). rank(D) = agencies + rank(M_A·Y), because the
    agency columns are independent and M_A removes exactly their span; likewise for [D x]."""
    group, agencies = _codes(units)
    sizes = np.bincount(group).astype(np.float64)

    def demean(v: np.ndarray) -> np.ndarray:
        if v.ndim == 1:
            return np.asarray(v - (np.bincount(group, weights=v) / sizes)[group])
        return np.column_stack([demean(v[:, j]) for j in range(v.shape[1])])

    my = demean(_indicators(years))
    rank_y = int(np.linalg.matrix_rank(my))
    rank_d = agencies + rank_y
    k = agencies + int(np.linalg.matrix_rank(np.column_stack([my, demean(xv)])))

    def within(v: np.ndarray) -> np.ndarray:
        mv = demean(v)
        coef, *_ = np.linalg.lstsq(my, mv, rcond=None)
        return np.asarray(mv - my @ coef)

    return rank_d, k, within


def fixed_effects(
    units: Sequence[object], years: Sequence[int], x: Sequence[float], y: Sequence[float]
) -> Fit:
    """The fit on complete observations (no missing x or y). Units with one observation are
    dropped first; the effect is empty when x lies in the span of the indicators (rank of
    [D x] does not exceed rank of D) or when n − k < 2."""
    units_a = units.to_numpy() if isinstance(units, pd.Series) else np.asarray(units)
    if units_a.dtype.kind not in "iu":  # hashed as Python objects unless integer codes
        units_a = units_a.astype(object)
    keep = drop_singletons(units_a)
    units_k = units_a[keep]
    years_k = np.asarray(years, dtype=np.int64)[keep]
    xv = np.asarray(x, dtype=np.float64)[keep]
    yv = np.asarray(y, dtype=np.float64)[keep]
    n, agencies = len(units_k), _codes(units_k)[1]
    empty = Fit(agencies, n, None, None, None)
    if n == 0:
        return empty
    route = _dense if n * (agencies + _codes(years_k)[1] + 1) <= DENSE_CELLS else _absorbed
    rank_d, k, within = route(units_k, years_k, xv)
    if k <= rank_d:
        return empty
    dof = n - k
    if dof < 2:
        return Fit(agencies, n, None, None, None, dof=dof)

    xt, yt = within(xv), within(yv)
    sxx = float(xt @ xt)
    beta = float(xt @ yt) / sxx
    resid = yt - beta * xt
    sigma2 = float(resid @ resid) / dof
    se = math.sqrt(sigma2 / sxx)
    half = t975(dof) * se
    return Fit(agencies, n, beta, beta - half, beta + half, se=se, dof=dof)
