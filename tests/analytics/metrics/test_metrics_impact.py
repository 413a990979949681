"""training-impact: pair counts on the world, the OLS estimator by hand and against numpy,
rank deficiency, programme arms, and a simulation with selection on low scores."""

from __future__ import annotations

import random
from collections.abc import Iterator
from fractions import Fraction as F

import duckdb
import numpy as np
import pytest
from scipy import stats

from analytics import metrics
from analytics.core.filters import Filters
from analytics.metrics.ols import Arm, estimate
from tests.support.fixtures import one_pair_each, store_of, world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def counts(df, key: str) -> dict[str, tuple[int, int]]:
    return {r[key]: (r["n_treated"], r["n_control"]) for r in df.to_dict("records")}


# The world's pairs (test_derived.test_pairs): M.1 e1 (T1 ends on d1: treated), e1 (T1 ends on
# d0: control), e2 (T4: treated), e6 (T8 Coaching: treated); M.2 e1, e2, e5 (T2 not
# completed) all control; SK.1 has a single assessment: no pair, no row.
@pytest.mark.parametrize(
    "f, expected",
    [
        (Filters(), {"M.1": (3, 1), "M.2": (0, 3)}),
        (Filters(year=2024), {"M.1": (3, 1), "M.2": (0, 3)}),  # every d1 is in 2024
        (Filters(year=2023), {}),
        # the pair's position is d1's: PEL for e2's M.2 and e6's M.1
        (Filters(job_families=("Umum",)), {"M.1": (1, 0), "M.2": (0, 1)}),
        (Filters(agencies=("KRC",)), {"M.2": (0, 1)}),
    ],
)
def test_pair_counts_by_competency(cur, f, expected) -> None:
    df = metrics.training_impact(cur, f)
    assert list(df.columns)[:6] == [
        "competency_id", "n_treated", "n_control", "effect", "ci_low", "ci_high",
    ]  # fmt: skip
    assert counts(df, "competency_id") == expected
    assert df["effect"].isna().all()  # fewer than 10 per arm everywhere


def test_pair_counts_by_programme(cur) -> None:
    df = metrics.training_impact(cur, Filters(), by="program")
    assert counts(df, "title") == {
        # e6's pair (treated only by Coaching) is in neither arm of Kepemimpinan Dasar
        "Kepemimpinan Dasar": (2, 1),
        "Coaching Integritas": (1, 1),
        "Pelayanan Prima": (0, 3),  # not completed: no treated pair
        # titles without a competency (Orientasi ASN, ...) get no row
    }
    assert list(df["title"]) == sorted(df["title"])
    assert df["employees"].isna().all()  # counted only when the small-group rule applies
    # distinct employees over both arms (for the small-group rule): e1 is treated (T1) in one
    # pair and control in the next, so Kepemimpinan Dasar has e1 and e2; Coaching e6 and e1
    marked = metrics.training_impact(cur, Filters(small_groups="mark"), by="program")
    people = dict(zip(marked["title"], marked["employees"], strict=True))
    assert people == {"Kepemimpinan Dasar": 2, "Coaching Integritas": 2, "Pelayanan Prima": 3}
    marked = metrics.training_impact(cur, Filters(small_groups="mark"))
    # M.1: e1, e2, e6; M.2: e1, e2, e5
    assert dict(zip(marked["competency_id"], marked["employees"], strict=True)) == {
        "M.1": 3, "M.2": 3,
    }  # fmt: skip


def arms(pairs: list[tuple[str, str, bool]]) -> tuple[Arm, Arm]:
    """Sufficient statistics in tenths of (level0, level1, treated) pairs."""
    out = {True: Arm(), False: Arm()}
    for l0, l1, t in pairs:
        x, y = int(F(l0) * 10), int((F(l1) - F(l0)) * 10)
        out[t] = out[t] + Arm(1, x, y, x * x, x * y, y * y)
    return out[True], out[False]


def numpy_fit(pairs: list[tuple[str, str, bool]]) -> tuple[float, float, float]:
    """An independent OLS: effect and 95% interval from numpy's least squares."""
    x = np.array([float(l0) for l0, _, _ in pairs])
    y = np.array([float(F(l1) - F(l0)) for l0, l1, _ in pairs])
    t = np.array([1.0 if tr else 0.0 for _, _, tr in pairs])
    X = np.column_stack([np.ones_like(x), t, x])
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    n = len(y)
    sigma2 = resid @ resid / (n - 3)
    se = np.sqrt(sigma2 * np.linalg.inv(X.T @ X)[1, 1])
    half = stats.t.ppf(0.975, n - 3) * se
    return beta[1], beta[1] - half, beta[1] + half


# Balanced: both arms have five pairs starting at 2.0 and five at 3.0, so the adjusted effect
# is the difference of mean gains: treated (5 x 0.8 + 5 x 0.4) / 10 = 0.6, control
# (5 x 0.2 + 5 x 0.0) / 10 = 0.1, effect 0.5.
BALANCED = (
    [("2.0", "2.8", True)] * 5 + [("3.0", "3.4", True)] * 5
    + [("2.0", "2.2", False)] * 5 + [("3.0", "3.0", False)] * 5
)  # fmt: skip


def test_estimator_by_hand() -> None:
    est = estimate(*arms(BALANCED))
    expected = (5 * F("0.8") + 5 * F("0.4")) / 10 - (5 * F("0.2") + 5 * F("0.0")) / 10
    assert est.effect == expected == F(1, 2)
    effect, lo, hi = numpy_fit(BALANCED)
    assert est.ci_low == pytest.approx(lo, rel=1e-9)
    assert est.ci_high == pytest.approx(hi, rel=1e-9)
    assert (est.n_treated, est.n_control) == (10, 10)


@pytest.mark.parametrize("seed", range(5))
def test_estimator_matches_numpy(seed: int) -> None:
    rng = random.Random(seed)
    pairs = []
    for _ in range(rng.randint(25, 60)):
        l0 = rng.randint(10, 45)
        l1 = min(50, max(10, l0 + rng.randint(-5, 8)))
        pairs.append((f"{l0 / 10:.1f}", f"{l1 / 10:.1f}", rng.random() < 0.4))
    t, c = arms(pairs)
    if t.n < 10 or c.n < 10:
        pytest.skip("arm too small for this seed")
    est = estimate(t, c)
    effect, lo, hi = numpy_fit(pairs)
    assert float(est.effect) == pytest.approx(effect, rel=1e-9, abs=1e-12)
    assert est.ci_low == pytest.approx(lo, rel=1e-9, abs=1e-12)
    assert est.ci_high == pytest.approx(hi, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(
    "pairs, why",
    [
        # every pair starts at 2.0: level(d0) is a copy of the intercept
        ([("2.0", "2.5", True)] * 10 + [("2.0", "2.1", False)] * 10, "constant level0"),
        # treated all start at 2.0, control all at 3.0: treated is a function of level0
        ([("2.0", "2.5", True)] * 10 + [("3.0", "3.1", False)] * 10, "treated ~ level0"),
        ([("2.0", "2.5", True)] * 9 + [("3.0", "3.1", False)] * 20, "9 treated"),
        ([("2.0", "2.5", True)] * 20 + [("3.0", "3.1", False)] * 9, "9 control"),
    ],
)
def test_no_estimate(pairs, why) -> None:
    est = estimate(*arms(pairs))
    assert est.effect is None and est.ci_low is None and est.ci_high is None, why


def test_ten_per_arm_is_enough() -> None:
    pairs = BALANCED[:5] + BALANCED[5:10] + BALANCED[10:20]
    assert estimate(*arms(pairs)).effect is not None


def test_programme_arms_exclude_pairs_treated_by_other_titles() -> None:
    spec = (
        [("2.0", "2.8", "Alpha"), ("3.0", "3.4", "Alpha")] * 5  # 10 treated by Alpha
        + [("2.0", "2.6", "Beta")] * 4  # treated only by Beta: out of Alpha's arms
        + [("2.0", "2.2", None), ("3.0", "3.0", None)] * 5  # 10 control
    )
    store = store_of(one_pair_each(spec))
    try:
        df = metrics.training_impact(store.cursor(), Filters(), by="program")
        got = {r["title"]: r for r in df.to_dict("records")}
        assert (got["Alpha"]["n_treated"], got["Alpha"]["n_control"]) == (10, 10)
        assert got["Alpha"]["effect"] == 0.5  # balanced: (0.8 + 0.4) / 2 - (0.2 + 0.0) / 2
        assert (got["Beta"]["n_treated"], got["Beta"]["n_control"]) == (4, 10)
        assert np.isnan(got["Beta"]["effect"])
        comp = metrics.training_impact(store.cursor(), Filters()).iloc[0]
        assert (comp["n_treated"], comp["n_control"]) == (14, 10)
    finally:
        store.close()


def test_simulation_recovers_planted_effect_despite_selection() -> None:
    """Ability θ ~ N(3, 0.5); each assessment = θ + noise (sd 0.4), so low first scores regress
    upward. Training goes mostly to those who scored low at d0 and adds 0.3. The adjusted
    estimate's interval holds 0.3; the unadjusted difference of mean gains is far above it."""
    rng = random.Random(0)
    planted = F(3, 10)
    spec = []
    for _ in range(1500):
        theta = rng.gauss(3.0, 0.5)
        l0 = min(5.0, max(1.0, round(theta + rng.gauss(0, 0.4), 1)))
        treated = rng.random() < (0.8 if l0 < 2.9 else 0.15)
        l1 = theta + rng.gauss(0, 0.4) + (float(planted) if treated else 0.0)
        l1 = min(5.0, max(1.0, round(l1, 1)))
        spec.append((f"{l0:.1f}", f"{l1:.1f}", "Latihan" if treated else None))
    store = store_of(one_pair_each(spec))
    try:
        row = metrics.training_impact(store.cursor(), Filters()).iloc[0]
    finally:
        store.close()
    gains = {True: [], False: []}
    for l0, l1, title in spec:
        gains[title is not None].append(float(l1) - float(l0))
    unadjusted = np.mean(gains[True]) - np.mean(gains[False])
    assert row["ci_low"] <= planted <= row["ci_high"]
    assert abs(row["effect"] - float(planted)) < 0.1
    assert unadjusted > row["ci_high"]  # selection on low scores inflates the naive figure


def test_t975_is_scipy_stats_t_quantile() -> None:
    """ols.t975 reads scipy.special.stdtrit (a lighter import): the same quantile as the
    textbook scipy.stats.t.ppf, for every degree of freedom an interval here can have."""
    from analytics.metrics.ols import t975

    for dof in [*range(1, 200), 1_000, 45_159, 3_000_000]:
        assert t975(dof) == float(stats.t.ppf(0.975, dof)), dof
