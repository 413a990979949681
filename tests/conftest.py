"""Shared fixtures: every test gets its own real DuckDB store in a temp directory."""

from __future__ import annotations

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
