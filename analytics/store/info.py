"""What the store holds: row counts per table, assessment years, and the import history.

Grain: `table_counts` one row per table; `assessment_years` one row per calendar year;
`import_history` one row per accepted write, newest first. Used by `python -m analytics info`
and the dashboard's Data page.
"""

from __future__ import annotations

import json
from typing import TextIO

import duckdb
import pandas as pd

from analytics.store.db import Store, first_row

RAW_TABLES = (
    "agencies",
    "positions",
    "competencies",
    "standards",
    "employees",
    "assessments",
    "trainings",
    "participations",
    "performance",
    "potential",
    "service_outcomes",
)


def table_counts(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: table, rows."""
    # Table names come from the fixed tuple above, never from user input.
    sql = " union all ".join(
        f"select '{t}' as table_name, {i} as ord, count(*) as n from {t}"
        for i, t in enumerate(RAW_TABLES)
    )
    df = cur.execute(f"select table_name, n from ({sql}) order by ord").df()
    return df.rename(columns={"table_name": "table", "n": "rows"})


def assessment_years(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: year, employees (distinct assessed), assessments."""
    return cur.execute(
        """
        select year(assessed_on)::integer as year, count(distinct emp_key) as employees,
               count(*) as assessments
        from assessments group by 1 order by 1
        """
    ).df()


def import_history(cur: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """Columns: import_id, imported_at, kind, username, files, added, changed, status,
    rolled_back_by."""
    rows = cur.execute(
        """
        select import_id, imported_at, kind, username, files, counts, status, rolled_back_by
        from import_log order by import_id desc limit $limit
        """,
        {"limit": limit},
    ).fetchall()
    records = []
    for import_id, at, kind, user, files, counts, status, by in rows:
        c = json.loads(counts or "{}")
        added = sum(int(v.get("added", 0)) for v in c.values() if isinstance(v, dict))
        changed = sum(int(v.get("changed", 0)) for v in c.values() if isinstance(v, dict))
        names = ", ".join(f.get("name", "") for f in json.loads(files or "[]"))
        records.append(
            {
                "import_id": import_id,
                "imported_at": at,
                "kind": kind,
                "username": user,
                "files": names,
                "added": added,
                "changed": changed,
                "status": status,
                "rolled_back_by": by,
            }
        )
    return pd.DataFrame(
        records,
        columns=[
            "import_id",
            "imported_at",
            "kind",
            "username",
            "files",
            "added",
            "changed",
            "status",
            "rolled_back_by",
        ],
    )


def print_info(store: Store, out: TextIO) -> int:
    with store.snapshot() as snap:
        print(f"store: {store.path}  (data version {snap.version})", file=out)
        for row in table_counts(snap.cur).itertuples(index=False):
            print(f"  {row.table:<18} {row.rows:>12,}", file=out)
        years = assessment_years(snap.cur)
        if len(years):
            print("assessment years:", file=out)
            for y in years.itertuples(index=False):
                print(
                    f"  {y.year}  {y.employees:>10,} employees  {y.assessments:>12,} assessments",
                    file=out,
                )
        hist = import_history(snap.cur, limit=10)
        if len(hist):
            print("latest imports:", file=out)
            for h in hist.itertuples(index=False):
                print(
                    f"  #{h.import_id} {h.imported_at:%Y-%m-%d %H:%M} {h.kind:<8} "
                    f"+{h.added} ~{h.changed} {h.status} {h.files}",
                    file=out,
                )
    return 0


def names(cur: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Display names by id: {"agency": {agency_id: name}, "competency": {id: name},
    "competency_group": {id: group}, "position": {position_id: name}}."""
    out: dict[str, dict[str, str]] = {}
    out["agency"] = dict(cur.execute("select agency_id, agency_name from agencies").fetchall())
    rows = cur.execute(
        "select competency_id, competency_name, competency_group from competencies"
    ).fetchall()
    out["competency"] = {r[0]: r[1] for r in rows}
    out["competency_group"] = {r[0]: r[2] for r in rows}
    out["position"] = dict(
        cur.execute("select position_id, position_name from positions").fetchall()
    )
    return out


def is_demo(cur: duckdb.DuckDBPyConnection) -> bool:
    """True when the store was built by `demo` (synthetic data: the UI shows a DEMO banner)."""
    row = first_row(cur.execute("select count(*) from import_log where kind = 'demo'"))
    return bool(row and row[0])
