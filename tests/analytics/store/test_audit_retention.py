"""Audit retention: rows older than N years go, by `audit-trim` or the dashboard's daily trim,
and the trim is itself recorded."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from analytics.cli.main import run
from analytics.store import audit
from analytics.store.db import Store

NOW = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)


def _rows(store: Store, ages_days: list[int]) -> None:
    with store.write() as cur:
        for i, age in enumerate(ages_days, start=1):
            cur.execute(
                "insert into audit_log values ($i, $at, 'ani', 'login_ok', '{}')",
                {"i": i, "at": NOW - dt.timedelta(days=age)},
            )


def test_trim_keeps_n_years_and_records_itself(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.duckdb")
    # 5 years before NOW is 2021-06-01: 1826 days back is older, 1825 (2021-06-02) is kept
    _rows(store, [1, 400, 1825, 1827, 3000])
    assert audit.trim(store, "cli:x", years=5, now=NOW) == 2
    with store.snapshot() as snap:
        df, total = audit.listing(snap.cur, limit=100)
    assert total == 4
    trim_row = df[df["action"] == "audit_trim"].iloc[0]
    assert trim_row["actor"] == "cli:x" and trim_row["detail"]["rows"] == 2
    assert audit.trim(store, "cli:x", years=5, now=NOW) == 0  # nothing left: not recorded
    with store.snapshot() as snap:
        assert audit.listing(snap.cur)[1] == 4
    store.close()


def test_the_command(tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    store = Store(db)
    _rows(store, [10, 4000])
    store.close()
    out, err = io.StringIO(), io.StringIO()
    assert run(["audit-trim", "--db", str(db), "--years", "3"], out, err) == 0
    assert "1 rows" in out.getvalue()
    assert run(["audit-trim", "--db", str(db), "--years", "0"], out, err) == 2
