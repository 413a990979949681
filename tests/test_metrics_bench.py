"""`python -m analytics bench` runs every metric and prints its warm times."""

from __future__ import annotations

import argparse
import io

import pytest
from fixtures import world

from analytics import bench
from analytics.filters import Filters
from analytics.store import Store


def test_bench_prints_every_metric(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    world().build(store)
    variants = bench.filter_variants
    # two of the variants keep the test quick; every variant is a valid Filters
    monkeypatch.setattr(bench, "filter_variants", lambda cur: variants(cur)[:2])
    assert all(isinstance(f, Filters) for f in variants(store.cursor()))
    out, err = io.StringIO(), io.StringIO()
    code = bench.cli_bench(store, argparse.Namespace(repeat=2, employees=None), out=out, err=err)
    assert code == 0, err.getvalue()
    text = out.getvalue()
    for name in bench.METRICS:
        assert f"\n{name} " in text
    assert "metrics within the aim" in text


@pytest.mark.slow
def test_bench_fills_an_empty_store_with_the_demo(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "METRICS", {"jpm": bench.METRICS["jpm"]})
    out, err = io.StringIO(), io.StringIO()
    code = bench.cli_bench(store, argparse.Namespace(repeat=1, employees=100), out=out, err=err)
    assert code == 0, err.getvalue()
    assert "building the demo store (100 employees)" in out.getvalue()
    assert ": 100 employees" in out.getvalue()
