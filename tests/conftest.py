"""Shared fixtures: every test gets its own real DuckDB store in a temp directory."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "asn.duckdb")
    try:
        yield s
    finally:
        s.close()


# browser_support lives beside the tests and is imported by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))
