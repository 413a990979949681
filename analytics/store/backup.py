"""Back up the whole store to one file, and restore it.

The backup is a DuckDB file holding a copy of every table of the store (raw, derived, import_log,
undo_journal, meta), written from one read transaction: it is exactly one committed version, and
it works while the dashboard serves (the command is forwarded to the owner, whose readers go on).
It is written beside its destination and renamed into place, so a failed backup leaves no half
file under the name asked for.

Restore replaces every table's rows with the backup's in one Store.write() transaction, so the
store holds the backup or stays as it was. The audit log is the exception: it outlives a restore
(the restore is itself audited), and the backup's audit rows the store lacks are added to it. A
backup of schema 1 (before the audit log) restores into schema 2 the same way. It needs the store to itself: while a dashboard owns
the store it is refused (stop the dashboard, restore, start it again), because a running
dashboard's caches and open pages belong to the history the restore throws away.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Any, TextIO

import duckdb

from analytics.store import audit, derived, rollup
from analytics.store.db import SCHEMA_VERSION, Store, data_version, first_row

LANGS = ("id", "en")
KEPT = ("audit_log",)  # tables a restore keeps (merging the backup's rows in)
# Sign-in state: a restore keeps the current rows and never brings back the backup's (an ended
# session or a lifted lock must not return with old data).
ACCESS_STATE = ("sessions", "login_throttle")
RESTORABLE_SCHEMAS = ("1", "2", "3", str(SCHEMA_VERSION))  # older ones lack tables added since
# Tables added by a later schema: a backup from before restores with them empty.
ADDED_IN = {"audit_log": 2, "potential": 3, "sessions": 4, "login_throttle": 4}

_TEXT: dict[str, tuple[str, str]] = {
    "backup_done": (
        "Cadangan ditulis: {path} (versi data {version}, {tables} tabel).",
        "Backup written: {path} (data version {version}, {tables} tables).",
    ),
    "backup_failed": (
        "Cadangan gagal ditulis ke {path}: {detail}",
        "The backup could not be written to {path}: {detail}",
    ),
    "restore_done": (
        "Dipulihkan dari {path}: versi data {version}, {tables} tabel.",
        "Restored from {path}: data version {version}, {tables} tables.",
    ),
    "not_found": ("File cadangan tidak ditemukan: {path}", "Backup file not found: {path}"),
    "not_backup": (
        "{path} bukan file cadangan penyimpanan ini ({detail}).",
        "{path} is not a backup of this store ({detail}).",
    ),
    "schema": (
        "Cadangan {path} memakai versi skema {found}, program ini versi {want}; tidak dipulihkan.",
        "The backup {path} has schema version {found}, this program {want}; not restored.",
    ),
    "confirm": (
        "Penyimpanan {db} sudah berisi data (versi data {version}); pemulihan menggantinya "
        "seluruhnya. Tidak ada yang diubah; jalankan lagi dengan --yes untuk melanjutkan.",
        "The store {db} already holds data (data version {version}); restoring replaces all of "
        "it. Nothing was changed; run again with --yes to go ahead.",
    ),
    "busy": (
        "Penyimpanan {db} sedang dipakai oleh dasbor atau proses lain. Pemulihan mengganti "
        "seluruh isi penyimpanan, jadi hentikan dasbor dulu, pulihkan, lalu jalankan lagi.",
        "The store {db} is in use by the dashboard or another process. A restore replaces the "
        "whole store, so stop the dashboard first, restore, then start it again.",
    ),
}


def text(code: str, lang: str = "id", **params: Any) -> str:
    return _TEXT[code][LANGS.index(lang) if lang in LANGS else 0].format(**params)


class BackupError(Exception):
    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self) -> Any:  # pickled whole: a reader process gets it from the owner
        return (_backup_error, (self.code, self.params))

    def message(self, lang: str = "id") -> str:
        return text(self.code, lang, **self.params)


def _backup_error(code: str, params: dict[str, Any]) -> BackupError:
    return BackupError(code, **params)


def _tables(cur: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    rows = cur.execute(
        """
        select table_name from information_schema.tables
        where table_catalog = $c and table_schema = 'main' and table_type = 'BASE TABLE'
        order by table_name
        """,
        {"c": catalog},
    ).fetchall()
    return [str(r[0]) for r in rows]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _attach(cur: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> str:
    alias = "asn_backup_" + uuid.uuid4().hex[:12]
    mode = " (read_only)" if read_only else ""
    literal = "'" + str(path).replace("'", "''") + "'"
    cur.execute(f"attach {literal} as {alias}{mode}")
    return alias


def backup(store: Store, out: Path) -> tuple[int, int]:
    """Write every table of one committed version to the DuckDB file `out`.

    Returns (data version, tables)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    cur = store.cursor()
    alias = None
    try:
        cur.execute("begin transaction")
        version = data_version(cur)  # first read: fixes the snapshot
        alias = _attach(cur, tmp, read_only=False)
        tables = _tables(cur, store_catalog(cur))
        for table in tables:
            q = _quote(table)
            cur.execute(f"create table {alias}.{q} as select * from main.{q}")
        cur.execute("commit")
        cur.execute(f"detach {alias}")
        alias = None
        os.replace(tmp, out)
        return version, len(tables)
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            cur.execute("rollback")
        raise
    finally:
        if alias is not None:
            with contextlib.suppress(duckdb.Error):
                cur.execute(f"detach {alias}")
        cur.close()
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)


def store_catalog(cur: duckdb.DuckDBPyConnection) -> str:
    row = first_row(cur.execute("select current_database()"))
    assert row is not None
    return str(row[0])


def restore(
    store: Store, path: Path, *, yes: bool = False, actor: str | None = None
) -> tuple[int, int]:
    """Replace every table's rows with the backup's, in one write transaction (the audit log
    keeps its rows and gains the backup's, plus the restore's own row, naming `actor`).

    Raises BackupError (nothing changed) for a missing or foreign file, another schema version,
    or, without `yes`, a store that already holds data. Returns (data version, tables)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("not_found", path=path)
    side = store.cursor()
    try:
        try:
            alias = _attach(side, path, read_only=True)
        except duckdb.Error as e:
            raise BackupError("not_backup", path=path, detail=str(e).splitlines()[0]) from e
        try:
            with store.write() as cur:
                version, tables = _replace(store, cur, alias, path, yes)
                audit.write(
                    cur,
                    actor or "?",
                    "restore",
                    {"file": str(path), "data_version": version, "tables": tables},
                )
                return version, tables
        finally:
            side.execute(f"detach {alias}")
    finally:
        side.close()


def _replace(
    store: Store, cur: duckdb.DuckDBPyConnection, alias: str, path: Path, yes: bool
) -> tuple[int, int]:
    theirs = set(_tables(cur, alias))
    ours = _tables(cur, store_catalog(cur))
    if "meta" not in theirs or "import_log" not in theirs:
        raise BackupError("not_backup", path=path, detail="meta/import_log")
    row = first_row(cur.execute(f"select value from {alias}.meta where key = 'schema_version'"))
    found = row[0] if row else "?"
    if found not in RESTORABLE_SCHEMAS:
        raise BackupError("schema", path=path, found=found, want=SCHEMA_VERSION)
    # Derived rows and roll-ups can be derived again: a backup from before a table existed
    # (e.g. a roll-up added later) restores, and they are renewed below.
    derivable = {*derived.DERIVED_TABLES, *rollup.ROLLUP_TABLES}
    newer = {name for name, since in ADDED_IN.items() if int(found) < since}
    missing = sorted(set(ours) - theirs - set(KEPT) - set(ACCESS_STATE) - derivable - newer)
    if missing:
        raise BackupError("not_backup", path=path, detail="no " + ", ".join(missing))
    version = data_version(cur)
    if version and not yes:
        raise BackupError("confirm", db=store.path, version=version)
    for table in ours:
        if table in KEPT or table in ACCESS_STATE:
            continue
        q = _quote(table)
        cur.execute(f"delete from main.{q}")
        if table in theirs:
            cur.execute(f"insert into main.{q} by name select * from {alias}.{q}")
    cur.execute(
        "insert or replace into meta values ('schema_version', $v)", {"v": str(SCHEMA_VERSION)}
    )
    # The backup's meta names its derived and roll-up layouts; a table it lacked is empty here.
    # Lacking only tables its layout gains in place (derived.ADDED_SINCE), it keeps its versions
    # and gains them alone below (seconds nationally); else what it lacked is derived again.
    lacking = {*derived.DERIVED_TABLES, *rollup.ROLLUP_TABLES} - theirs
    if lacking and not lacking <= derived.added_in_place(cur):
        if set(derived.DERIVED_TABLES) - theirs:
            cur.execute("delete from meta where key = 'derived_version'")
        else:
            cur.execute("delete from meta where key = 'rollup_version'")
    if not derived.is_current(cur):
        derived.renew(cur)  # older layouts: summed (or derived) again in this transaction
    if "audit_log" in theirs:
        _merge_audit(cur, alias)
    return data_version(cur), len(ours)


def _merge_audit(cur: duckdb.DuckDBPyConnection, alias: str) -> None:
    """Add the backup's audit rows the store lacks (same time, actor, action and detail), after
    the store's own rows, oldest first."""
    row = first_row(cur.execute("select coalesce(max(id), 0) from main.audit_log"))
    start = int(row[0]) if row else 0
    cur.execute(
        f"""
        insert into main.audit_log (id, logged_at, actor, action, detail)
        select $start + row_number() over (order by b.logged_at, b.id),
               b.logged_at, b.actor, b.action, b.detail
        from {alias}.audit_log b
        where not exists (
            select 1 from main.audit_log a
            where a.logged_at = b.logged_at and a.actor = b.actor
              and a.action = b.action and a.detail = b.detail
        )
        """,
        {"start": start},
    )


def cli_backup(
    store: Store,
    out_path: Path,
    *,
    lang: str,
    out: TextIO,
    err: TextIO,
    actor: str | None = None,
) -> int:
    try:
        version, tables = backup(store, out_path)
    except (duckdb.Error, OSError) as e:
        print(text("backup_failed", lang, path=out_path, detail=e), file=err)
        return 1
    audit.record(
        store,
        actor or audit.cli_actor(),
        "backup",
        file=str(out_path),
        data_version=version,
        tables=tables,
    )
    print(text("backup_done", lang, path=out_path, version=version, tables=tables), file=out)
    return 0


def cli_restore(
    store: Store,
    path: Path,
    *,
    yes: bool,
    lang: str,
    out: TextIO,
    err: TextIO,
    actor: str | None = None,
) -> int:
    """Exit 0 restored; 2 not a usable backup; 3 the store holds data and --yes was not given."""
    try:
        version, tables = restore(store, path, yes=yes, actor=actor or audit.cli_actor())
    except BackupError as e:
        print(e.message(lang), file=err)
        return 3 if e.code == "confirm" else 2
    print(text("restore_done", lang, path=path, version=version, tables=tables), file=out)
    return 0
