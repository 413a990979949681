"""Undo: the import history, and rolling back an accepted import (the "Trust" issue).

Every accepted import journals, in undo_journal, the keys of the rows it added and the stored rows
it replaced (analytics.importer.commit). Rolling back import X, in one Store.write() transaction:
- deletes the rows X added and restores, from the journal, the rows X replaced;
- refreshes the derived rows of the employees the journal's keys reach (derived.refresh with
  temp tables chg_emp / chg_training / chg_standard, as an import does);
- logs the rollback itself (kind 'rollback': the data version advances, every cache sees it) and
  marks X status 'rolled_back', rolled_back_by = that log row;
- writes its audit_log row (who, what it took back) in the same transaction.

A later, not rolled-back import *builds on* X when it added or replaced a row with a key X added
or replaced, or when a row it wrote refers to a dimension row (agency, position, ...) X added;
and, transitively, on whatever built on X. Those must go first: without `yes` the rollback only
names them (RollbackNeedsConfirmation); with `yes` they are rolled back too, newest first, in the
same transaction and under the same rollback log row. The demo build (and anything imported
before it: the demo replaced that data) and rollbacks themselves cannot be rolled back.
Identifiers in SQL come from the fixed table specs (importer.rules), never from user text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

import duckdb

from analytics.importer.plan import key_columns, store_columns
from analytics.importer.rules import TABLES
from analytics.store import audit, derived
from analytics.store.db import Store, first_row

LANGS = ("id", "en")

_TEXT: dict[str, tuple[str, str]] = {
    "unknown_id": (
        "Impor #{id} tidak ada dalam riwayat impor. Lihat daftarnya dengan "
        "`python -m analytics history`.",
        "Import #{id} is not in the import history. See the list with "
        "`python -m analytics history`.",
    ),
    "already": (
        "Impor #{id} sudah dibatalkan (oleh #{by}); tidak ada yang perlu dibatalkan lagi.",
        "Import #{id} has already been rolled back (by #{by}); there is nothing left to undo.",
    ),
    "demo": (
        "Data demo (#{id}) tidak dapat dibatalkan. Untuk menggantinya, bangun ulang dengan "
        "`python -m analytics demo --force` atau pulihkan cadangan (`restore`).",
        "The demo build (#{id}) cannot be rolled back. To replace it, build again with "
        "`python -m analytics demo --force` or restore a backup (`restore`).",
    ),
    "before_demo": (
        "Impor #{id} terjadi sebelum data demo #{demo} menggantikan seluruh data, jadi tidak "
        "dapat dibatalkan.",
        "Import #{id} came before the demo build #{demo} replaced all data, so it cannot be "
        "rolled back.",
    ),
    "is_rollback": (
        "#{id} adalah pembatalan, bukan impor; pembatalan tidak dapat dibatalkan. Impor ulang "
        "file aslinya bila datanya diperlukan lagi.",
        "#{id} is a rollback, not an import; a rollback cannot be rolled back. Import the "
        "original files again if the data is needed.",
    ),
    "confirm": (
        "Impor berikutnya dibangun di atas impor #{id} (mengubah baris yang sama atau "
        "merujuk data yang ditambahkannya): {later}. Membatalkan #{id} juga membatalkan "
        "impor tersebut, yang terbaru lebih dulu. Tidak ada yang diubah; jalankan lagi dengan "
        "--yes untuk melanjutkan.",
        "Later imports build on import #{id} (they changed the same rows or refer to data it "
        "added): {later}. Rolling back #{id} also rolls those back, newest first. Nothing was "
        "changed; run again with --yes to go ahead.",
    ),
    "done": (
        "Dibatalkan: {ids} (dicatat sebagai #{log}).",
        "Rolled back: {ids} (logged as #{log}).",
    ),
    "done_table": (
        "  {table}: {removed} baris dihapus, {restored} baris dipulihkan",
        "  {table}: {removed} rows removed, {restored} rows restored",
    ),
    "history_empty": ("Riwayat impor masih kosong.", "The import history is empty."),
    "history_header": (
        "#     waktu                jenis     pengguna    file / perubahan / status",
        "#     when                 kind      user        files / changes / status",
    ),
    "status_committed": ("tersimpan", "committed"),
    "status_rolled_back": ("dibatalkan oleh #{by}", "rolled back by #{by}"),
    "rolls_back": ("membatalkan {ids}", "rolls back {ids}"),
    "no_changes": ("tanpa perubahan", "no changes"),
    "changes": ("+{added} baru, ~{changed} diubah", "+{added} added, ~{changed} changed"),
    "undone": (
        "-{removed} dihapus, ~{restored} dipulihkan",
        "-{removed} removed, ~{restored} restored",
    ),
}


def text(code: str, lang: str = "id", **params: Any) -> str:
    """A message in Indonesian (default) or English."""
    return _TEXT[code][LANGS.index(lang) if lang in LANGS else 0].format(**params)


class UndoRefused(Exception):
    """This id cannot be rolled back (unknown, already rolled back, demo, a rollback)."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self) -> Any:  # pickled whole: a reader process gets it from the owner
        return (_undo_refused, (self.code, self.params))

    def message(self, lang: str = "id") -> str:
        return text(self.code, lang, **self.params)


class RollbackNeedsConfirmation(Exception):
    """Later imports build on the target; nothing was changed."""

    def __init__(self, import_id: int, later: list[int]):
        super().__init__("confirmation needed")
        self.import_id = import_id
        self.later = later

    def __reduce__(self) -> Any:
        return (RollbackNeedsConfirmation, (self.import_id, self.later))

    def message(self, lang: str = "id") -> str:
        later = ", ".join(f"#{i}" for i in self.later)
        return text("confirm", lang, id=self.import_id, later=later)


def _undo_refused(code: str, params: dict[str, Any]) -> UndoRefused:
    return UndoRefused(code, **params)


@dataclass(frozen=True)
class Preview:
    """What a rollback of `import_id` would take back, before anything is done."""

    import_id: int
    ids: tuple[int, ...]  # every import it takes back, newest first (the target last)
    # one row per import × table: import_id, table_name, added, replaced (journal rows)
    counts: tuple[tuple[int, str, int, int], ...]

    @property
    def later(self) -> tuple[int, ...]:
        """The later imports built on the target (they go too, and need confirming)."""
        return self.ids[:-1]


@dataclass
class RollbackResult:
    log_id: int
    rolled_back: list[int]  # newest first
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # table: removed, restored


# ---------------------------------------------------------------------------------------------
# Planning: which imports a rollback of X takes back.


def _keys_sql(table: str) -> str:
    """The row key of a journal row of `table` as a list of text (same for 'added'/'replaced')."""
    parts = ", ".join(f"json_extract_string(row_data, '$.{k}')" for k in key_columns(TABLES[table]))
    return f"list_value({parts})"


def _log_row(cur: duckdb.DuckDBPyConnection, import_id: int) -> tuple | None:
    return first_row(
        cur.execute(
            "select kind, status, rolled_back_by from import_log where import_id = $id",
            {"id": import_id},
        )
    )


def _check_target(cur: duckdb.DuckDBPyConnection, import_id: int) -> None:
    row = _log_row(cur, import_id)
    if row is None:
        raise UndoRefused("unknown_id", id=import_id)
    kind, status, by = row
    if status == "rolled_back":
        raise UndoRefused("already", id=import_id, by=by)
    if kind == "demo":
        raise UndoRefused("demo", id=import_id)
    if kind == "rollback":
        raise UndoRefused("is_rollback", id=import_id)
    demo = first_row(
        cur.execute(
            "select max(import_id) from import_log where kind = 'demo' and import_id > $id",
            {"id": import_id},
        )
    )
    if demo is not None and demo[0] is not None:
        raise UndoRefused("before_demo", id=import_id, demo=int(demo[0]))


def plan(cur: duckdb.DuckDBPyConnection, import_id: int) -> list[int]:
    """The imports a rollback of `import_id` takes back, newest first (the target last).

    Raises UndoRefused when the target cannot be rolled back."""
    _check_target(cur, import_id)
    later = [
        int(r[0])
        for r in cur.execute(
            """
            select import_id from import_log
            where import_id > $id and kind = 'import' and status = 'committed'
            order by import_id
            """,
            {"id": import_id},
        ).fetchall()
    ]
    chosen = [import_id]
    if not later:
        return chosen
    try:
        cur.execute(
            "create or replace temp table undo_keys "
            "(import_id integer, table_name varchar, op varchar, k varchar[])"
        )
        for table in TABLES:  # fixed names
            cur.execute(
                f"""
                insert into undo_keys
                select import_id, table_name, op, {_keys_sql(table)} from undo_journal
                where table_name = $t and import_id in (select unnest($ids::integer[]))
                """,
                {"t": table, "ids": [import_id, *later]},
            )
        for candidate in later:  # dependencies only point back in time: one pass suffices
            if _builds_on(cur, candidate, chosen):
                chosen.append(candidate)
    finally:
        cur.execute("drop table if exists undo_keys")
    return sorted(chosen, reverse=True)


def preview(cur: duckdb.DuckDBPyConnection, import_id: int) -> Preview:
    """What rolling back `import_id` takes back: the imports (plan) and, per import and table,
    how many rows it added (they go) and replaced (their old values come back).

    Raises UndoRefused when the target cannot be rolled back."""
    ids = plan(cur, import_id)
    rows = cur.execute(
        """
        select import_id, table_name,
               count(*) filter (where op = 'added') as added,
               count(*) filter (where op = 'replaced') as replaced
        from undo_journal where import_id in (select unnest($ids::integer[]))
        group by all order by import_id desc, table_name
        """,
        {"ids": ids},
    ).fetchall()
    return Preview(
        import_id,
        tuple(ids),
        tuple((int(i), str(t), int(a), int(r)) for i, t, a, r in rows),
    )


def _builds_on(cur: duckdb.DuckDBPyConnection, candidate: int, chosen: list[int]) -> bool:
    params = {"c": candidate, "s": chosen}
    same_key = first_row(
        cur.execute(
            """
            select exists (
                select 1 from undo_keys a join undo_keys b using (table_name, k)
                where a.import_id = $c and b.import_id in (select unnest($s::integer[]))
            )
            """,
            params,
        )
    )
    if same_key and same_key[0]:
        return True
    # Rows the candidate wrote that now refer to a dimension row the chosen imports added
    # (asked only of the tables the candidate wrote and the dimensions the chosen ones added:
    # the join reads the store table).
    present = cur.execute(
        """
        select distinct table_name, op, import_id = $c as mine from undo_keys
        where import_id = $c or import_id in (select unnest($s::integer[]))
        """,
        params,
    ).fetchall()
    written = {t for t, _, mine in present if mine}
    added_dims = {t for t, op, mine in present if not mine and op == "added"}
    for table, spec in TABLES.items():
        refs = [c for c in spec.columns if c.ref in added_dims]
        if not refs or table not in written:
            continue
        keys = key_columns(spec)
        on = " and ".join(f"y.k[{i + 1}] = cast(s.{k} as varchar)" for i, k in enumerate(keys))
        refers = " or ".join(
            f"cast(s.{c.db_name()} as varchar) in (select d.k[1] from undo_keys d "
            f"where d.table_name = '{c.ref}' and d.op = 'added' "
            f"and d.import_id in (select unnest($s::integer[])))"
            for c in refs
        )
        hit = first_row(
            cur.execute(
                f"""
                select exists (
                    select 1 from undo_keys y join {table} s on {on}
                    where y.import_id = $c and y.table_name = '{table}' and ({refers})
                )
                """,
                params,
            )
        )
        if hit and hit[0]:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Applying.


def _struct(cur: duckdb.DuckDBPyConnection, table: str, only: list[str] | None = None) -> str:
    cols = [(c, t) for c, t in store_columns(cur, table) if only is None or c in only]
    return json.dumps({c: t for c, t in cols})


def _undo_one(
    cur: duckdb.DuckDBPyConnection, import_id: int, counts: dict[str, dict[str, int]]
) -> None:
    """Take back one import that is the latest writer of every key it touched."""
    for table in reversed(TABLES):  # dependents before the rows they refer to
        spec = TABLES[table]
        keys = key_columns(spec)
        on = " and ".join(f"t.{k} = u.{k}" for k in keys)
        params = {"id": import_id, "t": table}
        c = counts.setdefault(table, {"removed": 0, "restored": 0})
        for op in ("added", "replaced"):
            struct = _struct(cur, table, keys if op == "added" else None)
            cur.execute(
                """
                create or replace temp table undo_rows as
                select unnest(json_transform(row_data, $struct))
                from undo_journal where import_id = $id and table_name = $t and op = $op
                """,
                {**params, "op": op, "struct": struct},
            )
            n = int(first_row(cur.execute("select count(*) from undo_rows"))[0])  # type: ignore[index]
            if n == 0:
                continue
            if op == "added":
                cur.execute(f"delete from {table} t using undo_rows u where {on}")
                c["removed"] += n
                continue
            columns = [col for col, _ in store_columns(cur, table)]
            if spec.has_pk:
                fixed = set(keys) | ({spec.dimension.id} if spec.dimension else set())
                sets = ", ".join(f"{col} = u.{col}" for col in columns if col not in fixed)
                cur.execute(f"update {table} t set {sets} from undo_rows u where {on}")
            else:
                listed = ", ".join(columns)
                cur.execute(f"delete from {table} t using undo_rows u where {on}")
                cur.execute(f"insert into {table} ({listed}) select {listed} from undo_rows")
            c["restored"] += n
    cur.execute("drop table if exists undo_rows")


_CHANGED = {
    "chg_emp": (
        "emp_key",
        ("employees", "assessments", "participations", "performance", "potential"),
    ),
    "chg_training": ("training_key", ("trainings", "participations")),
    "chg_standard": ("position_key", ("standards",)),
}


def _refresh_derived(cur: duckdb.DuckDBPyConnection, ids: list[int]) -> None:
    """Derived rows of every employee the journals' keys reach (as an import's refresh)."""
    try:
        for temp, (col, tables) in _CHANGED.items():
            cur.execute(
                f"""
                create or replace temp table {temp} as
                select distinct cast(json_extract_string(row_data, '$.{col}') as integer) as {col}
                from undo_journal
                where import_id in (select unnest($ids::integer[]))
                  and table_name in (select unnest($tables::varchar[]))
                """,
                {"ids": ids, "tables": list(tables)},
            )
        cur.execute(
            f"create or replace temp table affected_emp as {derived.affected_employees_sql()}"
        )
        derived.refresh(cur, "affected_emp")
    finally:
        for temp in ("affected_emp", *_CHANGED):
            cur.execute(f"drop table if exists {temp}")


def rollback(
    store: Store,
    import_id: int,
    *,
    yes: bool = False,
    username: str | None = None,
    actor: str | None = None,
    expected: list[int] | tuple[int, ...] | None = None,
) -> RollbackResult:
    """Roll back `import_id` (and, with `yes`, the later imports built on it) in one write.

    Raises UndoRefused, or RollbackNeedsConfirmation (nothing changed) when later imports build
    on it and `yes` is not given, or when `expected` (the ids a user was shown, newest first)
    differs from what the rollback would now take back (an import landed meanwhile).
    `actor` is who the audit log names (default: `username`)."""
    with store.write() as cur:
        ids = plan(cur, import_id)
        if (len(ids) > 1 and not yes) or (expected is not None and list(expected) != ids):
            raise RollbackNeedsConfirmation(import_id, ids[:-1])
        counts: dict[str, dict[str, int]] = {}
        for one in ids:  # newest first: each is then the latest writer of its keys
            _undo_one(cur, one, counts)
        _refresh_derived(cur, ids)
        counts = {t: c for t, c in counts.items() if c["removed"] or c["restored"]}
        log_id = int(
            first_row(cur.execute("select coalesce(max(import_id), 0) + 1 from import_log"))[0]  # type: ignore[index]
        )
        cur.execute(
            """
            insert into import_log (import_id, imported_at, kind, username, files, counts)
            values ($id, $at, 'rollback', $user, $files, $counts)
            """,
            {
                "id": log_id,
                "at": dt.datetime.now(),
                "user": username,
                "files": json.dumps([{"name": f"#{i}", "rollback_of": i} for i in ids]),
                "counts": json.dumps(counts),
            },
        )
        cur.execute(
            """
            update import_log set status = 'rolled_back', rolled_back_by = $log
            where import_id in (select unnest($ids::integer[]))
            """,
            {"log": log_id, "ids": ids},
        )
        audit.write(
            cur,
            actor or username or "?",
            "rollback",
            {"import_id": import_id, "rolled_back": ids, "data_version": log_id, "counts": counts},
        )
        return RollbackResult(log_id, ids, counts)


# ---------------------------------------------------------------------------------------------
# The command line.


def _summary(counts: Mapping[str, Any], kind: str, lang: str) -> str:
    parts = []
    for table, c in counts.items():
        if not isinstance(c, dict):
            continue
        if kind == "rollback":
            if c.get("removed") or c.get("restored"):
                parts.append(
                    f"{table} "
                    + text("undone", lang, **{k: c.get(k, 0) for k in ("removed", "restored")})
                )
        elif c.get("added") or c.get("changed"):
            parts.append(
                f"{table} "
                + text("changes", lang, added=c.get("added", 0), changed=c.get("changed", 0))
            )
    return "; ".join(parts) or text("no_changes", lang)


def history_lines(cur: duckdb.DuckDBPyConnection, lang: str = "id") -> list[str]:
    """The import log, newest first, one line per write."""
    rows = cur.execute(
        """
        select import_id, imported_at, kind, username, files, counts, status, rolled_back_by
        from import_log order by import_id desc
        """
    ).fetchall()
    if not rows:
        return [text("history_empty", lang)]
    lines = [text("history_header", lang)]
    for import_id, at, kind, user, files, counts, status, by in rows:
        entries = json.loads(files or "[]")
        if kind == "rollback":
            ids = ", ".join(f"#{f.get('rollback_of')}" for f in entries)
            names = text("rolls_back", lang, ids=ids)
        else:
            names = ", ".join(str(f.get("name", "")) for f in entries) or "-"
        when = at.strftime("%Y-%m-%d %H:%M:%S") if at else "-"
        if status == "rolled_back":
            state = text("status_rolled_back", lang, by=by)
        else:
            state = text("status_committed", lang)
        summary = _summary(json.loads(counts or "{}"), kind, lang)
        lines.append(
            f"#{import_id:<4} {when}  {kind:<9} {user or '-':<11} {names} | {summary} | {state}"
        )
    return lines


def cli_history(store: Store, lang: str, out: TextIO) -> int:
    with store.snapshot() as snap:
        lines = history_lines(snap.cur, lang)
    print("\n".join(lines), file=out)
    return 0


def cli_rollback(
    store: Store,
    import_id: int,
    *,
    yes: bool,
    lang: str,
    out: TextIO,
    err: TextIO,
    username: str | None = None,
    actor: str | None = None,
) -> int:
    """Exit 0 done; 2 refused (unknown, already rolled back, demo, rollback); 3 needs --yes."""
    try:
        result = rollback(store, import_id, yes=yes, username=username, actor=actor)
    except UndoRefused as e:
        print(e.message(lang), file=err)
        return 2
    except RollbackNeedsConfirmation as e:
        print(e.message(lang), file=err)
        return 3
    ids = ", ".join(f"#{i}" for i in result.rolled_back)
    print(text("done", lang, ids=ids, log=result.log_id), file=out)
    for table, c in result.counts.items():
        print(text("done_table", lang, table=table, **c), file=out)
    return 0
