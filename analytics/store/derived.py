"""Rebuild the derived tables (score, person_year, nostd_year, jp_year, pair, pair_programme,
talent, ready_level, ready_sum).

Called only inside a write transaction (Store.write), after the raw tables changed, so readers
see raw and derived rows of one version together. `refresh(cur)` rebuilds everything;
`refresh(cur, affected="affected_emp")` only the rows of the employees listed in that temp
table (one column emp_key), which is what an import of one agency needs at national scale.
Every derived row depends only on its own employee's raw rows (plus shared dimension rows, whose
changes `affected_employees_sql` maps to employees), so both give the same rows.
The statements live in sql/derived_refresh.sql; their meaning is documented in sql/derived.sql.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import cache

import duckdb

from analytics.store import rollup
from analytics.store.sqlfiles import read_sql

DERIVED_TABLES = (
    "score", "person_year", "nostd_year", "jp_year", "pair", "pair_programme", "talent",
    "ready_level", "ready_sum",
)  # fmt: skip
# The layout of the derived tables (sql/derived.sql). A store whose derived tables are older is
# rebuilt by its next refresh: they hold nothing that cannot be derived again.
DERIVED_VERSION = "7"
# The layout of the roll-ups alone (analytics/store/rollup.py): when only they are older, they are
# summed again from the derived rows (minutes at national scale, not the derived rows' half hour).
ROLLUP_VERSION = "10"
# Layouts upgraded in place rather than rebuilt: (derived, roll-up) version -> the derived
# tables and roll-ups added or changed since, (re)built alone over every employee (a national
# store gains its talent rows in under a minute instead of a quarter of an hour's full rebuild).
# (score and pair cannot be listed: they read SEQ_TABLE, so only a full refresh rebuilds them.)
_READY = ("ready_level", "ready_sum")
_NOSTD = ("nostd_year",)
_TALENT = (
    ("talent", *_READY, *_NOSTD),
    ("talent_cell", "move_cell", "talent_nat", "move_nat", "ready_post"),
)
ADDED_SINCE = {
    ("3", "7"): _TALENT,
    ("4", "8"): _TALENT,
    ("5", "9"): ((*_READY, *_NOSTD), ("ready_post",)),
    # the readiness histograms (analytics/store/ready.py) and the coverage's nostd_year
    ("6", "9"): (_NOSTD, ("ready_post",)),
    ("6", "10"): (_NOSTD, ()),
}
# The only temp table name refresh accepts (never user text).
AFFECTED_TABLES = ("affected_emp",)
# The temp table of each assessment's neighbours that score and pair read (the first statement
# of derived_refresh.sql; dropped after pair).
SEQ_TABLE = "assessment_seq"
_SEQ_READERS = ("score", "pair")
# Table aliases the refresh statements select employees by ({sel_<alias>}).
_ALIASES = ("a", "e", "s", "p", "pr", "pf", "t", "r", "py")


def create_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(read_sql("derived.sql"))
    conn.execute(
        "insert or replace into meta values ('derived_version', $v), ('rollup_version', $r)",
        {"v": DERIVED_VERSION, "r": ROLLUP_VERSION},
    )


def _versions(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(
        cur.execute(
            "select key, value from meta where key in ('derived_version', 'rollup_version')"
        ).fetchall()
    )


def is_current(cur: duckdb.DuckDBPyConnection) -> bool:
    """True when the store's derived rows and roll-ups have the layout this code reads."""
    return _versions(cur) == {"derived_version": DERIVED_VERSION, "rollup_version": ROLLUP_VERSION}


def renew(cur: duckdb.DuckDBPyConnection, progress: Callable[[str], None] | None = None) -> None:
    """Bring older derived tables or roll-ups to the current layout (inside a write)."""
    _add_new_tables(cur)
    versions = _versions(cur)
    if versions.get("derived_version") != DERIVED_VERSION:
        refresh(cur, progress=progress)  # renews everything
    elif versions.get("rollup_version") != ROLLUP_VERSION:
        _renew_if_old(cur)


def _added_since(cur: duckdb.DuckDBPyConnection) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The store's ADDED_SINCE entry (derived tables, roll-ups), or None."""
    versions = _versions(cur)
    return ADDED_SINCE.get(
        (versions.get("derived_version", ""), versions.get("rollup_version", ""))
    )


def added_in_place(cur: duckdb.DuckDBPyConnection) -> set[str]:
    """The derived tables and roll-ups the store's layout gains in place (ADDED_SINCE) on
    its next renewal; empty when its layout is current or must be rebuilt."""
    added = _added_since(cur)
    return set() if added is None else {*added[0], *added[1]}


def _add_new_tables(cur: duckdb.DuckDBPyConnection) -> None:
    """A store of a layout in ADDED_SINCE: (re)create and fill only the tables added or changed
    since (each derived row depends on its own employee alone, and those roll-ups on those
    rows), then mark the store current."""
    added = _added_since(cur)
    if added is None:
        return
    tables, cells = added
    for table in (*tables, *cells):  # fixed names; an older layout of them is dropped
        cur.execute(f"drop table if exists {table}")
    create_tables(cur)  # creates what is missing, marks the current versions
    slices, _ = _slices(cur)
    for table in tables:
        for lo, hi in slices:
            _run(cur, _between(lo, hi), (table,))
    rollup.add_tables(cur, cells)


def _renew_if_old(cur: duckdb.DuckDBPyConnection) -> bool:
    """Recreate derived tables of an older layout; True when they were (then empty). Roll-ups
    of an older layout over current derived rows are recreated and summed again here."""
    _add_new_tables(cur)
    versions = _versions(cur)
    if versions.get("derived_version") != DERIVED_VERSION:
        for table in (*DERIVED_TABLES, *rollup.ROLLUP_TABLES):  # fixed names
            cur.execute(f"drop table if exists {table}")
        create_tables(cur)
        return True
    if versions.get("rollup_version") != ROLLUP_VERSION:
        for table in rollup.ROLLUP_TABLES:  # fixed names
            cur.execute(f"drop table if exists {table}")
        create_tables(cur)
        rollup.rebuild(cur)
    return False


def affected_employees_sql() -> str:
    """Who needs a refresh after an import, given temp tables of the changed keys.

    Expects temp tables chg_emp(emp_key), chg_training(training_key),
    chg_standard(position_key) to exist (empty when nothing of that kind changed).
    An employee is affected when their own rows changed (chg_emp: employee, assessments,
    participations, performance, potential), when a training they took changed (hours, dates,
    title, competency), or when a standard of a position their scores use changed.
    """
    return """
        select emp_key from chg_emp
        union
        select emp_key from participations
        where training_key in (select training_key from chg_training)
        union
        select emp_key from score where position_key in (select position_key from chg_standard)
        union
        select emp_key from employees
        where position_key in (select position_key from chg_standard)
        union
        select a.emp_key from assessments a
        where a.position_key in (select position_key from chg_standard)
    """


@cache
def _statements() -> dict[str, str]:
    """The named statements of derived_refresh.sql, in file order: SEQ_TABLE, then one per
    derived table."""
    text = read_sql("derived_refresh.sql")
    parts = re.split(r"^-- name: (\w+)\n", text, flags=re.M)
    statements = dict(zip(parts[1::2], parts[2::2], strict=True))
    assert tuple(statements) == (SEQ_TABLE, *DERIVED_TABLES), tuple(statements)
    return statements


# A full refresh runs slice by slice of about this many employees: each statement's aggregation
# and window then fit in memory (a national store's 150 M assessments at once spilled ~10 GB).
SLICE_EMPLOYEES = 400_000


def _slices(cur: duckdb.DuckDBPyConnection) -> tuple[list[tuple[int, int]], bool]:
    """emp_key ranges covering every employee, and whether each range holds whole agencies
    and no other employee (then the roll-ups are summed slice by slice, see `refresh`).

    When every agency's employees have contiguous emp_keys (the demo, and any store whose
    employees were numbered agency by agency), the ranges are cut between agencies, about
    SLICE_EMPLOYEES each; otherwise they are plain SLICE_EMPLOYEES-wide ranges. Either way
    slices read contiguous stretches of the fact tables when emp_keys follow agencies."""
    blocks = cur.execute(
        "select min(emp_key), max(emp_key), count(*) from employees group by agency_key order by 1"
    ).fetchall()
    if not blocks:
        return [(0, 0)], False
    if all(hi - lo + 1 == n for lo, hi, n in blocks):  # each agency a block of keys
        slices: list[tuple[int, int]] = []
        start, size = blocks[0][0], 0
        for lo, _hi, n in blocks:
            if size and size + n > SLICE_EMPLOYEES:
                slices.append((start, lo - 1))
                start, size = lo, 0
            size += n
        slices.append((start, blocks[-1][1]))
        return slices, True
    lo, hi = min(b[0] for b in blocks), max(b[1] for b in blocks)
    ranges = [(a, min(a + SLICE_EMPLOYEES - 1, hi)) for a in range(lo, hi + 1, SLICE_EMPLOYEES)]
    return ranges, False


def refresh(
    cur: duckdb.DuckDBPyConnection,
    affected: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Rebuild derived rows for all employees, or for those in temp table `affected`; then
    the roll-ups (analytics.store.rollup) of the agencies those employees belong or belonged to.

    A full rebuild empties every derived table and roll-up (drop and create: deleting 300 M
    rows row by row took minutes) and streams slice by slice: each slice's derived rows, then,
    when slices hold whole agencies, the cells of those agencies from the rows just written;
    the roll-ups rebuilt whole come last. Every statement is one parallel query over its slice."""
    if affected is not None and affected not in AFFECTED_TABLES:
        raise ValueError("affected must name the fixed temp table")  # never user text
    if _renew_if_old(cur):
        affected = None  # new, empty tables: everyone needs rows
    clock = time.perf_counter()
    if affected is None:
        _rebuild(cur, progress)
        return
    rollup.note_agencies(cur, affected)  # where the affected rows sit before the refresh

    def sel(alias: str) -> str:
        return f"{alias}.emp_key in (select emp_key from {affected})"

    for table in DERIVED_TABLES:  # fixed names
        cur.execute(f"delete from {table} t where {sel('t')}")
    _run(cur, sel)
    rollup.refresh(cur, affected)
    if progress:
        progress(f"  {'roll-ups':<18}{time.perf_counter() - clock:>8.1f} s")


def _rebuild(cur: duckdb.DuckDBPyConnection, progress: Callable[[str], None] | None) -> None:
    """The full rebuild of `refresh` (its docstring)."""
    for table in (*DERIVED_TABLES, *rollup.ROLLUP_TABLES):  # fixed names
        cur.execute(f"drop table {table}")
    create_tables(cur)
    slices, whole_agencies = _slices(cur)
    spent = {"derived rows": 0.0, "roll-ups": 0.0}
    for lo, hi in slices:
        clock = time.perf_counter()
        _run(cur, _between(lo, hi))
        spent["derived rows"] += time.perf_counter() - clock
        if whole_agencies:
            clock = time.perf_counter()
            rollup.add_slice(cur, lo, hi)
            spent["roll-ups"] += time.perf_counter() - clock
    clock = time.perf_counter()
    if whole_agencies:
        rollup.add_whole(cur)
    else:
        rollup.rebuild(cur)
    spent["roll-ups"] += time.perf_counter() - clock
    if progress:
        for step, seconds in spent.items():
            progress(f"  {step:<18}{seconds:>8.1f} s")


def _between(lo: int, hi: int) -> Callable[[str], str]:
    """The slice lo..hi of employees over an alias (integers formatted, never user text)."""
    return lambda alias: f"{alias}.emp_key between {int(lo)} and {int(hi)}"


def _run(
    cur: duckdb.DuckDBPyConnection,
    sel: Callable[[str], str],
    tables: tuple[str, ...] = DERIVED_TABLES,
) -> None:
    """Insert the derived rows of the employees `sel(alias)` selects into `tables` (every
    derived table, in order; or tables that do not read SEQ_TABLE, alone)."""
    whole = tuple(tables) == DERIVED_TABLES
    readers = [t for t in tables if t in _SEQ_READERS]
    if readers and not whole:
        raise ValueError(f"{readers} read {SEQ_TABLE}: rebuild every derived table")
    fragments = {f"{{sel_{a}}}": sel(a) for a in _ALIASES}
    statements = _statements()
    for name in (SEQ_TABLE, *tables) if whole else tables:
        sql = statements[name]
        for placeholder, text in fragments.items():
            sql = sql.replace(placeholder, text)
        cur.execute(sql)
        if name == _SEQ_READERS[-1]:
            # dropped after its last reader: the later statements have its memory
            cur.execute(f"drop table {SEQ_TABLE}")  # a fixed name
