"""Rebuild the derived tables (score, person_year, jp_year, pair, pair_programme).

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
from functools import cache

import duckdb

from analytics.store import read_sql

DERIVED_TABLES = ("score", "person_year", "jp_year", "pair", "pair_programme")
# The layout of the derived tables (sql/derived.sql). A store whose derived tables are older is
# rebuilt by its next refresh: they hold nothing that cannot be derived again.
DERIVED_VERSION = "2"
# The only temp table name refresh accepts (never user text).
AFFECTED_TABLES = ("affected_emp",)
# Table aliases the refresh statements select employees by ({sel_<alias>}).
_ALIASES = ("a", "s", "p", "pr")


def create_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(read_sql("derived.sql"))
    conn.execute(
        "insert or replace into meta values ('derived_version', $v)", {"v": DERIVED_VERSION}
    )


def _renew_if_old(cur: duckdb.DuckDBPyConnection) -> bool:
    """Recreate derived tables of an older layout; True when they were (then empty)."""
    row = cur.execute("select value from meta where key = 'derived_version'").fetchone()
    if row is not None and row[0] == DERIVED_VERSION:
        return False
    for table in DERIVED_TABLES:  # fixed names
        cur.execute(f"drop table if exists {table}")
    create_tables(cur)
    return True


def affected_employees_sql() -> str:
    """Who needs a refresh after an import, given temp tables of the changed keys.

    Expects temp tables chg_emp(emp_key), chg_training(training_key),
    chg_standard(position_key) to exist (empty when nothing of that kind changed).
    An employee is affected when their own rows changed (chg_emp: employee, assessments,
    participations), when a training they took changed (hours, dates, title, competency), or
    when a standard of a position their scores use changed.
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
    """The named statements of derived_refresh.sql, in file order."""
    text = read_sql("derived_refresh.sql")
    parts = re.split(r"^-- name: (\w+)\n", text, flags=re.M)
    statements = dict(zip(parts[1::2], parts[2::2], strict=True))
    assert tuple(statements) == DERIVED_TABLES, tuple(statements)
    return statements


def refresh(cur: duckdb.DuckDBPyConnection, affected: str | None = None) -> None:
    """Rebuild derived rows for all employees, or for those in temp table `affected`."""
    if affected is not None and affected not in AFFECTED_TABLES:
        raise ValueError("affected must name the fixed temp table")  # never user text
    if _renew_if_old(cur):
        affected = None  # new, empty tables: everyone needs rows

    def sel(alias: str) -> str:
        if affected is None:
            return "true"
        return f"{alias}.emp_key in (select emp_key from {affected})"

    for table in DERIVED_TABLES:  # fixed names
        if affected is None:
            cur.execute(f"delete from {table}")
        else:
            cur.execute(f"delete from {table} t where {sel('t')}")
    fragments = {f"{{sel_{a}}}": sel(a) for a in _ALIASES}
    for sql in _statements().values():
        for placeholder, text in fragments.items():
            sql = sql.replace(placeholder, text)
        cur.execute(sql)
