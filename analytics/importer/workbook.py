"""Workbooks (.xlsx) → raw tables: one per sheet named like a table.

A number cell is remembered as such (a NIP held in one has lost digits), a date cell becomes
YYYY-MM-DD. openpyxl needs ~10 s per 100k rows, and the upload page validates a file before
committing it (and commit validates again), so the last few workbooks read are kept, keyed by
content: the second reading of the same bytes costs nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from analytics.importer.issues import Issues, Where
from analytics.importer.raw import RawTable, drop_empty_rows
from analytics.importer.rules import TABLES, Table, table_for_name
from analytics.importer.sources import Source

_CACHE_SIZE = 2
_cache: OrderedDict[tuple[str, int, str], tuple[list[RawTable], Issues, Issues]] = OrderedDict()
_cache_lock = threading.Lock()


def read_workbook(src: Source, index: int, problems: Issues, warnings: Issues) -> list[RawTable]:
    """The workbook's tables; `index` is its place in the import (orders the problems)."""
    key = (src.name, index, src.sha256)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
    if hit is None:
        p, w = Issues(), Issues()
        tables = _read(src, index, p, w)
        hit = (tables, p, w)
        with _cache_lock:
            _cache[key] = hit
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    tables, p, w = hit
    problems.extend(p)
    warnings.extend(w)
    # Raw tables are never changed after reading; only the Source object is the caller's own.
    return [replace(t, source=src) for t in tables]


def _cell_text(v: object) -> tuple[str, bool]:
    """A workbook cell as text, and whether Excel held it as a number."""
    if v is None:
        return "", False
    if isinstance(v, str):
        return v, False
    if isinstance(v, bool):  # before int: bool is an int
        return ("true" if v else "false"), False
    if isinstance(v, int):
        return str(v), True
    if isinstance(v, float):
        return (str(int(v)) if v.is_integer() else repr(v)), True
    if isinstance(v, dt.datetime):
        return v.date().isoformat(), False
    if isinstance(v, dt.date):
        return v.isoformat(), False
    return str(v), False


def _read(src: Source, index: int, problems: Issues, warnings: Issues) -> list[RawTable]:
    import openpyxl  # only workbooks need it

    where = Where(src.name, order=index * 1000)
    try:
        book = openpyxl.load_workbook(io.BytesIO(src.data), read_only=True, data_only=True)
    except Exception as e:  # any failure of the parser on a user's file is that file's fault
        problems.add("workbook_unreadable", where, detail=type(e).__name__)
        return []
    try:
        found: list[RawTable] = []
        for s, name in enumerate(book.sheetnames):
            sheet_where = Where(src.name, name, index * 1000 + s + 1)
            table = table_for_name(name)
            if table is None:
                warnings.add("sheet_ignored", sheet_where)
                continue
            try:
                raw = _read_sheet(book[name], table, src, sheet_where, problems, warnings)
            except _Damaged as e:
                problems.add("workbook_unreadable", sheet_where, detail=str(e))
                continue
            if raw is not None:
                found.append(raw)
        if not found and not any(table_for_name(n) for n in book.sheetnames):
            problems.add("workbook_no_tables", where, tables=", ".join(TABLES))
        return found
    finally:
        book.close()


class _Damaged(Exception):
    """A sheet's XML broke while being read (read-only mode parses a sheet only then)."""


def _values(ws: Any) -> Iterator[tuple[object, ...]]:
    """The sheet's rows of values; a parser failure becomes _Damaged (the file's fault), while
    an error in our own code stays an error."""
    try:
        # The <dimension> a file claims (A1:XFD1048576 takes a few bytes) would have openpyxl
        # pad every row to it and add empty rows up to it: read only the cells that exist.
        ws.reset_dimensions()
        rows = ws.iter_rows(values_only=True)
    except Exception as e:
        raise _Damaged(type(e).__name__) from e
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as e:
            raise _Damaged(type(e).__name__) from e
        yield row


def _read_sheet(
    ws: Any, table: Table, src: Source, where: Where, problems: Issues, warnings: Issues
) -> RawTable | None:
    values = _values(ws)
    first = next(values, None)
    header = [_cell_text(v)[0].strip() for v in (first or ())]
    while header and not header[-1]:  # formatted but empty cells right of the header
        header.pop()
    if not header:
        problems.add("empty_file", where)
        return None
    width = len(header)
    texts: list[list[str]] = [[] for _ in range(width)]
    numbers: list[list[bool]] = [[] for _ in range(width)]
    rows: list[int] = []
    beyond: int | None = None  # the first column right of the header holding a value
    for number, row in enumerate(values, start=2):
        if len(row) > width and beyond is None:
            extra = [k for k, v in enumerate(row[width:]) if v is not None]
            beyond = width + extra[0] if extra else None
        within = row[:width]
        if all(v is None for v in within):
            continue  # a blank row is no data (its number is kept by the others')
        rows.append(number)
        for j, v in enumerate(within):
            t, is_number = _cell_text(v)
            texts[j].append(t)
            numbers[j].append(is_number)
        for j in range(len(within), width):
            texts[j].append("")
            numbers[j].append(False)
    if beyond is not None:
        warnings.add("unnamed_column", where, n=beyond + 1)
    cells = [pd.Series(col, dtype="str").str.strip() for col in texts]
    numeric = [np.array(n, dtype=bool) if any(n) else None for n in numbers]
    numbers_of_rows = np.array(rows, dtype=np.int64)
    return drop_empty_rows(
        RawTable(table, where, src, header, cells, numbers_of_rows, "either", numeric)
    )
