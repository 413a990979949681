"""`python -m analytics bench` runs every metric and prints its warm times."""

from __future__ import annotations

import argparse
import io

import pytest
from fixtures import world

from analytics import bench
from analytics.store import Store


def test_bench_prints_every_metric(store: Store) -> None:
    world().build(store)
    out, err = io.StringIO(), io.StringIO()
    code = bench.cli_bench(store, argparse.Namespace(repeat=3, employees=None), out=out, err=err)
    assert code == 0, err.getvalue()
    text = out.getvalue()
    for name in bench.METRICS:
        assert f"\n{name} " in text
    assert "metrics within the aim" in text


@pytest.mark.slow
def test_bench_fills_an_empty_store_with_the_demo(store: Store) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = bench.cli_bench(store, argparse.Namespace(repeat=1, employees=100), out=out, err=err)
    assert code == 0, err.getvalue()
    assert "building the demo store (100 employees)" in out.getvalue()
    assert "100 employees" in out.getvalue()
