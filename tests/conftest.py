"""Shared fixtures: every test gets its own real DuckDB store in a temp directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics.store.db import Store

# Pages prefetch their figures of another year in the background once drawn (ui/queries.py):
# in tests that is work nobody reads, competing with the next test. The tests of the prefetch
# switch it on for themselves.
os.environ.setdefault("ASN_PREFETCH_YEARS", "0")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "asn.duckdb")
    try:
        yield s
    finally:
        s.close()
