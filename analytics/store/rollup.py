"""Roll-ups: the derived rows summed per agency, kept in step with them.

The *_cell tables of sql/derived.sql hold per agency what the score summaries, the JPM
summaries, the training-impact regression and the talent grid sum over people, so a view of the
whole country reads cells instead of millions of rows. They are rebuilt in the same transaction
as the derived rows (analytics.store.derived.refresh): everything after a full refresh, or only
the agencies an import touched (where the affected employees' rows were before it, and where
they are after it). score_agency and person_agency (the agency layer) are the cells of the same
agencies summed over positions, rebuilt after them. The *_nat tables (the national layer) are
the cells summed over agencies, rebuilt whole from the cells each time. Which queries may read
them is decided in analytics/metrics/route.py; all paths give the same figures
(tests/analytics/store/test_rollup.py).
"""

from __future__ import annotations

import re
from functools import cache

import duckdb

from analytics.store import ready
from analytics.store.sqlfiles import read_sql

# The roll-ups summed by the statements of sql/rollup.sql, in order.
SQL_ROLLUPS = (
    "year_cell",
    "score_cell",
    "person_cell",
    "pair_cell",
    "change_cell",
    "programme_cell",
    "dose_cell",
    "people_pairs",
    "people_control",
    "people_title",
    "people_dose",
    "talent_cell",
    "move_cell",
    "emp_cell",
    "jp_cell",
    "unit_cell",
    "rank_cell",
    # the agency layer: score_cell and person_cell summed over positions (after them)
    "score_agency",
    "person_agency",
    # the national layer: the cells above summed over agencies (after them, in this order)
    "year_nat",
    "score_nat",
    "person_nat",
    "pair_nat",
    "change_nat",
    "programme_nat",
    "dose_nat",
    "emp_nat",
    "jp_nat",
    "talent_nat",
    "move_nat",
)
# Every roll-up: those, then the readiness histograms of the whole store (analytics/store/
# ready.py: rebuilt whole, or moved by an import's employees; never per agency).
ROLLUP_TABLES = (*SQL_ROLLUPS, ready.TABLE)
# The agency layer: summed from the cells (not from derived rows), after them.
AGENCY_LAYER = ("score_agency", "person_agency")
# Rebuilt whole on every refresh: emp_cell, jp_cell, unit_cell and rank_cell because an
# employee's former agency is not recorded (cheap, ~1 s nationally); the national layer from
# the cells (~2 s nationally).
WHOLE = ("emp_cell", "jp_cell", "unit_cell", "rank_cell", "year_nat", "score_nat", "person_nat",
         "pair_nat", "change_nat", "programme_nat", "dose_nat", "emp_nat", "jp_nat",
         "talent_nat", "move_nat")  # fmt: skip


@cache
def _statements() -> dict[str, str]:
    text = read_sql("rollup.sql")
    parts = re.split(r"^-- name: (\w+)\n", text, flags=re.M)
    statements = dict(zip(parts[1::2], parts[2::2], strict=True))
    assert tuple(statements) == SQL_ROLLUPS, tuple(statements)
    return statements


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Every cell, from all derived rows."""
    for table, sql in _statements().items():  # fixed names
        cur.execute(f"delete from {table}")
        cur.execute(sql.replace("{sel}", "true"))
    ready.rebuild(cur)


def add_slice(cur: duckdb.DuckDBPyConnection, lo: int, hi: int) -> None:
    """A full build's step (analytics.store.derived.refresh): the cells of the agencies whose
    employees are exactly those with emp_key in lo..hi, summed from their derived rows, which
    were just written (so they are read while cached, and the joins to employees read one
    slice of them instead of the country). Only for a slice holding whole agencies and no
    other employee: each cell sums one agency's rows, so the cells equal a full `rebuild`'s."""
    rows = f"s.emp_key between {int(lo)} and {int(hi)}"  # integers, never user text
    agencies = (
        "s.agency_key in (select distinct agency_key from employees "
        f"where emp_key between {int(lo)} and {int(hi)})"
    )
    for table, sql in _statements().items():  # fixed names
        if table not in WHOLE:
            cur.execute(sql.replace("{sel}", agencies if table in AGENCY_LAYER else rows))


def add_whole(cur: duckdb.DuckDBPyConnection) -> None:
    """After every slice's add_slice: the roll-ups rebuilt whole (WHOLE), into empty tables."""
    for table, sql in _statements().items():  # fixed names
        if table in WHOLE:
            cur.execute(sql)
    ready.rebuild(cur)


def add_tables(cur: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> None:
    """Fill the roll-ups `tables` (new, empty: analytics.store.derived's upgrade) from every
    derived row, in ROLLUP_TABLES order."""
    for table, sql in _statements().items():  # fixed names
        if table in tables:
            cur.execute(f"delete from {table}")
            cur.execute(sql.replace("{sel}", "true"))
    if ready.TABLE in tables:
        ready.rebuild(cur)


def note_agencies(cur: duckdb.DuckDBPyConnection, affected: str) -> None:
    """Before the derived rows of the employees in temp table `affected` are replaced: the
    agencies their current rows are counted in (temp table rollup_agency)."""
    cur.execute("create or replace temp table rollup_agency (agency_key integer)")
    for source in ("score", "person_year", "pair", "talent"):  # fixed names
        cur.execute(
            f"insert into rollup_agency select distinct agency_key from {source} "
            f"where emp_key in (select emp_key from {affected})"
        )
    ready.note(cur, affected)


def refresh(cur: duckdb.DuckDBPyConnection, affected: str) -> None:
    """After the derived rows of the employees in `affected` were replaced: rebuild the cells
    of the agencies noted before (note_agencies) and of the agencies they belong to now."""
    cur.execute(
        "insert into rollup_agency select distinct agency_key from employees "
        f"where emp_key in (select emp_key from {affected})"
    )
    sel = "s.agency_key in (select agency_key from rollup_agency)"
    for table, sql in _statements().items():  # fixed names
        if table in WHOLE:
            cur.execute(f"delete from {table}")
            cur.execute(sql)
        else:
            cur.execute(f"delete from {table} s where {sel}")
            cur.execute(sql.replace("{sel}", sel))
    cur.execute("drop table rollup_agency")
    ready.refresh(cur, affected)
