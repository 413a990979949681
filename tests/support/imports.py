"""Helpers shared by the importer tests: fixture files, workbooks built in code, store states."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from analytics.importer import Source, commit
from analytics.importer.rules import TABLES
from analytics.store.db import Store

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
BASE = DATA / "base"  # a small consistent dataset, `,` CSV
SEMICOLON = DATA / "semicolon"  # the same data as Excel writes it in Indonesia

NIP1 = "196711101992031001"  # in BASE: Budi Santoso, 1.03.01, JAB-01
NIP2 = "198503152010012002"
NIP3 = "199002202019031003"


def folder_sources(folder: Path) -> list[Source]:
    return [Source(p.name, p.read_bytes()) for p in sorted(folder.glob("*.csv"))]


def sources(**files: str | bytes) -> list[Source]:
    """Sources from keyword file names (`employees="..."` → employees.csv) or full names."""
    out = []
    for name, content in files.items():
        full = name if "." in name else f"{name}.csv"
        out.append(Source(full, content.encode() if isinstance(content, str) else content))
    return out


def load_base(store: Store) -> None:
    result = commit(store, folder_sources(BASE))
    assert result.ok, [p.message() for p in result.problems]


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx with the given sheets (first row = header), cells typed as given."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _typed(kind: str, text: str) -> object:
    """A `,` CSV cell as Excel would hold it: numbers as numbers, dates as date cells."""
    if text == "":
        return None
    if kind == "date":
        return dt.date.fromisoformat(text)
    if kind in ("level", "hours", "money", "ikm"):
        return float(text)
    if kind in ("year", "required_level"):
        return int(text)
    return text  # ids and NIPs stay text (the column formatted as Text)


def workbook_from_csv(folder: Path) -> bytes:
    sheets = {}
    for path in sorted(folder.glob("*.csv")):
        spec = TABLES[path.stem]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        kinds = [spec.column(h).kind for h in rows[0]]
        sheets[path.stem] = [rows[0]] + [
            [_typed(k, v) for k, v in zip(kinds, r, strict=True)] for r in rows[1:]
        ]
    return workbook(sheets)


def _tables(store: Store) -> list[str]:
    with store.snapshot() as snap:
        rows = snap.cur.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'main' and table_type = 'BASE TABLE' order by 1"
        ).fetchall()
    return [r[0] for r in rows]


def state(store: Store, *, data_only: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table (or only the data tables: raw and derived), sorted."""
    skip = {"import_log", "undo_journal", "meta", "audit_log"} if data_only else set()
    out = {}
    with store.snapshot() as snap:
        for table in _tables(store):
            if table in skip:
                continue
            rows = snap.cur.execute(f"select * from {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="session")
def base_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "asn.duckdb"
    s = Store(path)
    try:
        load_base(s)
    finally:
        s.close()
    return path


@pytest.fixture
def base_store(base_store_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A store holding the BASE dataset (imported once per session, copied per test)."""
    path = tmp_path / "asn.duckdb"
    shutil.copyfile(base_store_file, path)
    s = Store(path)
    try:
        yield s
    finally:
        s.close()
