"""The demo's IKM surveys: consistent with the contract's rules, and a planted link to
competency that the service-effect fit recovers on the demo's own seed, with placebos that
stay unlinked."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pandas as pd
import pytest

from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.metrics.service import service_effect
from analytics.store.db import Store

# What analytics/demo/sql/outcomes.sql plants, per JPM point of an agency's mean JPM within
# the agency: u6 + 0.02, u7 + 0.01, so IKM = 25 x mean of the nine + 25 / 9 x 0.03.
PLANTED = {"u6": 0.02, "u7": 0.01, "ikm": 25 / 9 * 0.03}
PLACEBOS = ("u4", "u9")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo as `python -m analytics demo` builds it: its default size and seed."""
    store = Store(tmp_path_factory.mktemp("demo_service") / "asn.duckdb")
    assert build_demo(store, out=io.StringIO(), err=io.StringIO()) == 0
    yield store
    store.close()


@pytest.fixture(scope="module")
def effects(demo: Store) -> pd.DataFrame:
    with demo.snapshot() as snap:
        return service_effect(snap.cur, Filters()).set_index(["outcome", "predictor"])


def test_surveys_follow_the_import_rules(demo: Store) -> None:
    df = demo.conn.execute("select * from service_outcomes").df()
    unsur = [f"u{i}" for i in range(1, 10)]
    full = df.dropna(subset=unsur)
    assert 0 < len(full) < len(df)  # some agencies printed only the IKM
    assert ((full[unsur] >= 1) & (full[unsur] <= 4)).all().all()
    assert ((25 * full[unsur].mean(axis=1) - full["ikm"]).abs() <= 0.15).all()
    given = df["respondents"].dropna()
    assert (given >= 1).all() and (given < 100).any() and (given >= 100).any()
    assert df["ikm"].between(25, 100).all() and 75 <= df["ikm"].median() <= 90


@pytest.mark.parametrize("outcome", sorted(PLANTED))
def test_the_planted_link_is_recovered_within_its_interval(
    effects: pd.DataFrame, outcome: str
) -> None:
    r = effects.loc[(outcome, "mean_jpm")]
    assert r["agencies"] >= 30
    assert r["ci_low"] <= PLANTED[outcome] <= r["ci_high"], r.to_dict()
    if outcome != "ikm":  # u6 and u7 are tight enough to read "associated" (t > 4)
        assert r["ci_low"] > 0


@pytest.mark.parametrize("outcome", PLACEBOS)
@pytest.mark.parametrize("predictor", ["mean_jpm", "mean_jpm_prev"])
def test_the_placebos_are_not_associated(
    effects: pd.DataFrame, outcome: str, predictor: str
) -> None:
    r = effects.loc[(outcome, predictor)]
    assert pd.notna(r["effect"])
    assert r["ci_low"] <= 0 <= r["ci_high"], r.to_dict()
