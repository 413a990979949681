"""commit(store, sources, lang, username) -> ImportResult: one import, one write transaction.

Inside Store.write(): validate and plan again (another import may have committed since the user
looked at the plan), then for each table, in one set-based statement each:
- journal: 'added' rows by key, 'replaced' rows with their old values as JSON (undo_journal),
  so that a rollback can restore exactly what was there;
- write: tables with a primary key are updated in place and appended to; the big fact tables
  (no key in the store) get delete-then-insert of the changed rows, joined on the table's key;
- log: one import_log row with the files (name, sha256, rows) and per-table counts, and one
  audit_log row (who, the files, the counts), so no import exists without its audit row;
- refresh the derived tables for the employees the change touches (all of them when the store
  was empty).
A rejected import raises inside the transaction, so nothing of it is stored.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import duckdb

from analytics.importer.issues import Issue
from analytics.importer.plan import TableCount, key_columns, store_columns
from analytics.importer.rules import TABLES
from analytics.importer.sources import Source
from analytics.importer.tables import ParsedTable
from analytics.importer.validate import FileInfo, ImportPlan, prepared
from analytics.store import audit, derived
from analytics.store.db import Store


@dataclass
class ImportResult:
    """What an import did: its id and counts, or the problems that rejected it."""

    ok: bool
    lang: str
    import_id: int | None = None
    counts: dict[str, TableCount] = field(default_factory=dict)
    files: list[FileInfo] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    problem_count: int = 0
    warnings: list[Issue] = field(default_factory=list)
    warning_count: int = 0

    @classmethod
    def from_plan(cls, plan: ImportPlan, import_id: int | None = None) -> ImportResult:
        return cls(
            ok=plan.ok and import_id is not None,
            lang=plan.lang,
            import_id=import_id,
            counts=plan.counts,
            files=plan.files,
            problems=plan.problems,
            problem_count=plan.problem_count,
            warnings=plan.warnings,
            warning_count=plan.warning_count,
        )


class _Rejected(Exception):
    """Leaves Store.write() by rollback, carrying the plan that was rejected."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import rejected")
        self.plan = plan


def commit(
    store: Store,
    sources: list[Source],
    lang: str = "id",
    username: str | None = None,
    *,
    actor: str | None = None,
) -> ImportResult:
    """Validate and store an import in one transaction; on any problem store nothing.

    `actor` is who the audit log names (default: `username`)."""
    try:
        with store.write() as cur, prepared(cur, sources, lang, for_commit=True) as (plan, tables):
            if not plan.ok:
                raise _Rejected(plan)
            import_id = _write(cur, plan, tables, username)
            audit.write(
                cur,
                actor or username or "?",
                "import",
                {
                    "import_id": import_id,
                    "data_version": import_id,
                    "files": [{"name": f.name, "rows": f.rows} for f in plan.files],
                    "counts": {n: c.as_dict() for n, c in plan.counts.items()},
                },
            )
            return ImportResult.from_plan(plan, import_id)
    except _Rejected as r:
        return ImportResult.from_plan(r.plan)


def _write(
    cur: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    tables: dict[str, ParsedTable],
    username: str | None,
) -> int:
    # fetchall, not fetchone: DuckDB refuses other work on a cursor with an unfinished result.
    import_id = int(
        cur.execute("select coalesce(max(import_id), 0) + 1 from import_log").fetchall()[0][0]
    )
    was_empty = bool(cur.execute("select count(*) = 0 from employees").fetchall()[0][0])
    for name in TABLES:
        if name in tables and (plan.counts[name].added or plan.counts[name].changed):
            _journal(cur, import_id, name)
            _apply(cur, name)
    cur.execute(
        """
        insert into import_log (import_id, imported_at, kind, username, files, counts)
        values ($id, $at, 'import', $user, $files, $counts)
        """,
        {
            "id": import_id,
            "at": dt.datetime.now(),
            "user": username,
            "files": json.dumps([f.as_dict() for f in plan.files], ensure_ascii=False),
            "counts": json.dumps({n: c.as_dict() for n, c in plan.counts.items()}),
        },
    )
    _refresh_derived(cur, tables, was_empty)
    return import_id


def _match(keys: list[str], a: str, b: str) -> str:
    return " and ".join(f"{a}.{k} = {b}.{k}" for k in keys)


def _journal(cur: duckdb.DuckDBPyConnection, import_id: int, name: str) -> None:
    """Keys of the rows to add, and the stored rows about to be replaced (read by the plan)."""
    spec = TABLES[name]
    keys = key_columns(spec)
    ident = list(keys)
    if spec.dimension is not None:  # the text id too: a person can read the journal
        ident.append(spec.dimension.id)
    struct = ", ".join(f"'{k}': p.{k}" for k in ident)
    cur.execute(
        f"""
        insert into undo_journal
        select $id, $table, 'added', to_json({{{struct}}})
        from plan_{name} p where p._status = 'added'
        """,
        {"id": import_id, "table": name},
    )
    cur.execute(
        f"""
        insert into undo_journal
        select $id, $table, 'replaced', _old from plan_{name} where _status = 'changed'
        """,
        {"id": import_id, "table": name},
    )


def _apply(cur: duckdb.DuckDBPyConnection, name: str) -> None:
    spec = TABLES[name]
    keys = key_columns(spec)
    columns = [c for c, _ in store_columns(cur, name)]
    listed = ", ".join(columns)
    if spec.has_pk:
        # In place: the key (and the text id, which is unique) never change, so no index moves.
        fixed = set(keys) | ({spec.dimension.id} if spec.dimension else set())
        sets = ", ".join(f"{c} = p.{c}" for c in columns if c not in fixed)
        cur.execute(
            f"""
            update {name} set {sets}
            from plan_{name} p
            where p._status = 'changed' and {_match(keys, name, "p")}
            """
        )
        cur.execute(
            f"insert into {name} ({listed}) select {listed} from plan_{name} where _status = 'added'"
        )
    else:
        cur.execute(
            f"""
            delete from {name} s using plan_{name} p
            where p._status = 'changed' and {_match(keys, "s", "p")}
            """
        )
        cur.execute(
            f"insert into {name} ({listed}) select {listed} from plan_{name} where _status <> 'same'"
        )


def _refresh_derived(
    cur: duckdb.DuckDBPyConnection, tables: dict[str, ParsedTable], was_empty: bool
) -> None:
    """Rebuild derived rows of whoever the import touched (derived.affected_employees_sql)."""

    def changed(table: str, column: str) -> list[str]:
        if table not in tables:
            return []
        return [f"select {column} from plan_{table} where _status <> 'same'"]

    none = "select null::integer as {col} where false"
    sources = {
        "chg_emp": (
            "emp_key",
            [
                *changed("employees", "emp_key"),
                *changed("assessments", "emp_key"),
                *changed("participations", "emp_key"),
                *changed("performance", "emp_key"),
                *changed("potential", "emp_key"),
            ],
        ),
        # A participation added to an event changes every participant's share of its cost.
        "chg_training": (
            "training_key",
            [
                *changed("trainings", "training_key"),
                *changed("participations", "training_key"),
            ],
        ),
        "chg_standard": ("position_key", changed("standards", "position_key")),
    }
    anything = False
    try:
        for temp, (col, selects) in sources.items():
            anything |= bool(selects)
            body = " union ".join(selects) if selects else none.format(col=col)
            cur.execute(f"create or replace temp table {temp} as {body}")
        if was_empty:
            derived.refresh(cur)
            return
        changes = cur.execute(
            "select (select count(*) from chg_emp) + (select count(*) from chg_training)"
            " + (select count(*) from chg_standard)"
        ).fetchall()[0][0]
        if not anything or changes == 0:
            return  # nothing an employee's derived rows depend on has changed
        cur.execute(
            f"create or replace temp table affected_emp as {derived.affected_employees_sql()}"
        )
        derived.refresh(cur, "affected_emp")
    finally:
        for temp in ("affected_emp", *sources):
            cur.execute(f"drop table if exists {temp}")
