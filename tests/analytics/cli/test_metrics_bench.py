"""`python -m analytics bench` runs every metric and prints its warm times."""

from __future__ import annotations

import argparse
import io

import pytest

from analytics.cli import bench
from analytics.core.filters import Filters
from analytics.store.db import Store
from tests.support.fixtures import world

TABLES = ("employees", "assessments", "standards", "score", "person_year", "score_cell",
          "person_cell", "pair_cell")  # fmt: skip


def test_bench_prints_every_metric(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    world().build(store)
    variants = bench.filter_variants
    # two of the variants keep the test quick; every variant is a valid Filters
    monkeypatch.setattr(bench, "filter_variants", lambda cur: variants(cur)[:2])
    assert all(isinstance(f, Filters) for f in variants(store.cursor()))
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(repeat=2, employees=None, refresh=True, no_pandas=False)
    before = {t: store.cursor().execute(f"select * from {t}").fetchall() for t in TABLES}
    code = bench.cli_bench(store, args, out=out, err=err)
    assert code == 0, err.getvalue()
    text = out.getvalue()
    for name in bench.METRICS:
        assert f"\n{name} " in text
    assert "metrics within the aim" in text
    # every naive way agrees with the fast path, side by side
    naive = text.split("the naive ways")[1].split("incremental refresh")[0]
    assert naive.count("  yes") == 10 and "  NO" not in naive
    assert "one agency's yearly assessments" in text and "worst case" in text
    assert "process peak memory" in text
    # the refresh benchmark's imports are rolled back: the store holds what it held
    after = {t: store.cursor().execute(f"select * from {t}").fetchall() for t in TABLES}
    assert {t: sorted(v, key=repr) for t, v in after.items()} == {
        t: sorted(v, key=repr) for t, v in before.items()
    }


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


def test_bench_only_times_the_named_views(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    world().build(store)
    variants = bench.filter_variants
    monkeypatch.setattr(bench, "filter_variants", lambda cur: variants(cur)[:1])
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(repeat=1, employees=None, no_naive=True, only="talent")
    assert bench.cli_bench(store, args, out=out, err=err) == 0, err.getvalue()
    timed = [n for n in bench.METRICS if f"\n{n} " in out.getvalue()]
    assert timed and all("talent" in n for n in timed)
    assert {n for n in bench.METRICS if "talent" in n} == set(timed)


def test_bench_rebuild_builds_the_same_rows_last_with_the_bulk_allocator(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    world().build(store)
    monkeypatch.setattr(bench, "filter_variants", lambda cur: [])
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(
        repeat=1, employees=None, no_views=True, no_naive=True, rebuild=True, refresh=True
    )
    before = {t: store.cursor().execute(f"select * from {t}").fetchall() for t in TABLES}
    setting = "select current_setting('block_allocator_memory')"
    assert store.cursor().execute(setting).fetchone() == ("0 bytes",)
    assert bench.cli_bench(store, args, out=out, err=err) == 0, err.getvalue()
    text = out.getvalue()
    # the import's refresh is timed as the dashboard runs it, the full rebuild after it
    assert text.index("incremental refresh") < text.index("full rebuild of the derived rows")
    assert "derived rows" in text.split("full rebuild")[1] and "rebuilt in" in text
    assert store.cursor().execute(setting).fetchone() != ("0 bytes",)
    after = {t: store.cursor().execute(f"select * from {t}").fetchall() for t in TABLES}
    assert {t: sorted(v, key=repr) for t, v in after.items()} == {
        t: sorted(v, key=repr) for t, v in before.items()
    }
