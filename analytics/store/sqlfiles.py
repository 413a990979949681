"""The store's SQL files (schema migrations, derived rows, roll-ups), read by name.

A leaf module: the store, the derived rows and the roll-ups all read their SQL here, so none of
them has to import another only for this.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"


@cache
def read_sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")
