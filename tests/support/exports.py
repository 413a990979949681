"""Run `python -m analytics export` in-process against a test store."""

from __future__ import annotations

import io

from analytics.cli import main as cli
from analytics.store.db import Store


def run(store: Store, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `export ARGV` on `store` (as its owner)."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["export", *argv], out, err, store=store)
    return code, out.getvalue(), err.getvalue()


def csv_lines(store: Store, *argv: str) -> list[str]:
    code, out, err = run(store, *argv)
    assert code == 0, err
    return out.splitlines()
