"""The capacity driver (tests/support/capacity.py) against a served dashboard: sessions load
pages over Streamlit's protocol and a level's figures come from what they measured. A bound of
minutes: this checks the driver and that pages load under concurrent sessions, not speed
(`scripts/bench_load.py --capacity` measures that)."""

from __future__ import annotations

import io
from pathlib import Path

from analytics.demo.build import build_demo
from analytics.store.db import Store
from tests.support import capacity as cap
from tests.support.browser import PAGES, serve


def test_a_small_ramp_loads_every_kind_of_page(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=600, seed=3, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    ramp = cap.Ramp(levels=(4,), seconds=8.0, think=(0.2, 0.6), bound=300.0,
                    links=("", "lang=EN", "tahun=2024"))  # fmt: skip
    lines: list[str] = []
    with serve(db, timeout=180) as base:
        levels = cap.run([base], ramp, progress=lines.append)
    (level,) = levels
    assert not level.errors, level.errors[:3]
    assert len(level.times) >= 8 and all(0 < x < 300 for x in level.times)
    assert level.holds(ramp.bound) and cap.held(levels, ramp.bound) == 4
    assert not cap.Level(5, [1.0, 9.0], []).holds(3.0)  # a p95 beyond the bound fails a level
    assert "4 sessions" in lines[0] and "holds" in lines[0]
    assert len(PAGES) > 5
