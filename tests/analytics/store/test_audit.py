"""The audit log: schema 2 migration, what the command line records, imports and rollbacks
audited in their own transaction, restores keep the log, and the listing's filters."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from analytics.cli.main import run
from analytics.core.filters import Filters
from analytics.importer import commit
from analytics.importer.commit import ImportResult
from analytics.store import audit, derived
from analytics.store.backup import restore
from analytics.store.db import SCHEMA_VERSION, Store
from analytics.store.sqlfiles import read_sql
from tests.support.imports import NIP3, base_store, base_store_file, sources, state
from tests.support.owner import OWNER_SCRIPT, _start

__all__ = ["base_store", "base_store_file"]  # fixtures

ME = audit.cli_actor()
CHANGE = {"assessments": f"nip,competency_id,assessed_on,level\n{NIP3},T.1,2025-03-03,3.1\n"}


def cli(store: Store, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, store=store)
    return code, out.getvalue(), err.getvalue()


def rows(store: Store, after: int = 1) -> list[tuple[str, str, dict]]:
    """(actor, action, detail) of the audit rows after id `after`, oldest first (row 1 of the
    base store is its own import, by nobody in particular)."""
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select actor, action, detail from audit_log where id > $a order by id", {"a": after}
        ).fetchall()
    return [(a, b, json.loads(d)) for a, b, d in got]


def count(store: Store, sql: str) -> int:
    with store.snapshot() as snap:
        return int(snap.cur.execute(sql).fetchall()[0][0])


# ---------------------------------------------------------------------------------------------
# Schema


def _v1_copy(src: Path, dest: Path) -> None:
    """A store as schema 1 wrote it (schema.sql, no audit log), holding src's rows."""
    conn = duckdb.connect(str(dest))
    try:
        conn.execute(read_sql("schema.sql"))
        derived.create_tables(conn)
        conn.execute("insert or replace into meta values ('schema_version', '1')")
        conn.execute(f"attach '{src}' as src (read_only)")
        # schema 1's own tables, with their schema-1 columns (later schemas add some)
        columns: dict[str, list[str]] = {}
        for table, column in conn.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_catalog = current_database() and table_schema = 'main' "
            "and table_name <> 'meta' order by ordinal_position"
        ).fetchall():
            columns.setdefault(table, []).append(column)
        for table, cols in columns.items():
            listed = ", ".join(cols)
            conn.execute(f"insert into main.{table} ({listed}) select {listed} from src.{table}")
        conn.execute("detach src")
    finally:
        conn.close()


def test_a_schema_1_store_is_migrated_in_place_keeping_every_row(
    base_store_file: Path, tmp_path: Path
) -> None:
    v1 = tmp_path / "v1.duckdb"
    _v1_copy(base_store_file, v1)
    conn = duckdb.connect(str(v1), read_only=True)
    v1_columns: dict[str, list[str]] = {}
    for table, column in conn.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'main' order by ordinal_position"
    ).fetchall():
        v1_columns.setdefault(table, []).append(column)

    def rows_of(c: duckdb.DuckDBPyConnection, table: str) -> list:
        listed = ", ".join(v1_columns[table])
        return sorted(c.execute(f"select {listed} from {table}").fetchall(), key=repr)

    before = {t: rows_of(conn, t) for t in v1_columns}
    conn.close()
    assert "audit_log" not in before and before["employees"] and before["import_log"]
    assert before["service_outcomes"]

    store = Store(v1)
    try:
        after = state(store)
        # schema 2 adds the audit log, schema 3 the potential table (and columns kept empty),
        # schema 4 the sign-in sessions and lockouts
        assert set(after) == set(before) | {"audit_log", "potential", "sessions", "login_throttle"}
        with store.snapshot() as snap:
            for table, was in before.items():
                if table != "meta":
                    assert rows_of(snap.cur, table) == was, table
        meta = dict(after["meta"])
        assert meta["schema_version"] == str(SCHEMA_VERSION) == "4"
        assert after["audit_log"] == []
        # the migrated store audits its first import
        assert commit(store, sources(**CHANGE), username="ani").ok
        assert [(a, b) for a, b, _ in rows(store, after=0)] == [("ani", "import")]
    finally:
        store.close()


def test_a_new_store_is_created_at_the_current_schema(tmp_path: Path) -> None:
    store = Store(tmp_path / "asn.duckdb")
    try:
        assert count(store, "select count(*) from audit_log") == 0
        assert count(store, "select count(*) from potential") == 0
        assert state(store)["meta"][-1] == ("schema_version", str(SCHEMA_VERSION))
    finally:
        store.close()


# ---------------------------------------------------------------------------------------------
# What the command line records


def test_export_records_who_the_filters_the_data_version_and_rows(base_store: Store) -> None:
    code, out, err = cli(
        base_store, "export", "gap-summary", "--year", "2024", "--agency", "1.03.01"
    )
    assert code == 0, err
    [(actor, action, detail)] = rows(base_store)
    assert (actor, action) == (ME, "export")
    assert detail["metric"] == "gap-summary" and detail["format"] == "csv"
    assert detail["filters"] == {"year": 2024, "agencies": ["1.03.01"]}
    assert detail["data_version"] == 1  # the base import
    assert detail["rows"] == len(out.strip().splitlines()) - 1  # the header line
    assert detail["file"] == "stdout"


def test_an_export_run_as_a_command_keeps_its_audit_row_without_a_checkpoint(
    base_store_file: Path, tmp_path: Path
) -> None:
    """A command that writes only its audit row closes the store without folding the
    write-ahead log into the file (a national store's checkpoint costs more than the export);
    the row is durable all the same: the next opening reads it. An import still checkpoints."""
    db = tmp_path / "s.duckdb"
    db.write_bytes(base_store_file.read_bytes())
    wal = Path(str(db) + ".wal")
    out, err = io.StringIO(), io.StringIO()
    assert run(["export", "gap-summary", "--db", str(db)], out, err) == 0, err.getvalue()
    assert wal.exists() and wal.stat().st_size > 0
    store = Store(db)
    try:
        assert [(a, b) for a, b, _ in rows(store)] == [(ME, "export")]
    finally:
        store.close()
    assert not wal.exists()  # a plain close checkpoints
    source = tmp_path / "assessments.csv"
    source.write_text(CHANGE["assessments"], encoding="utf-8")
    assert run(["import", str(source), "--db", str(db)], out, err) == 0, err.getvalue()
    assert not wal.exists()
    # roll-ups of an older layout are renewed when the store opens: that export checkpoints
    store = Store(db)
    try:
        with store.write() as cur:
            cur.execute("update meta set value = '1' where key = 'rollup_version'")
    finally:
        store.close()
    assert run(["export", "gap-summary", "--db", str(db)], out, err) == 0, err.getvalue()
    assert not wal.exists()


def test_a_refused_export_is_not_recorded(base_store: Store) -> None:
    code, _, _ = cli(base_store, "export", "gap-summary", "--agency", "9.99")
    assert code == 2
    assert rows(base_store) == []


def test_report_records_format_and_filters(base_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "rapat.xlsx"
    code, _, err = cli(base_store, "report", "--out", str(out), "--year", "2024")
    assert code == 0, err
    [(actor, action, detail)] = rows(base_store)
    assert (actor, action) == (ME, "report")
    assert detail["format"] == "xlsx" and detail["file"] == str(out)
    assert detail["filters"] == {"year": 2024} and detail["data_version"] == 1


def test_import_and_rollback_record_actor_ids_and_counts(base_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "assessments.csv").write_text(CHANGE["assessments"])
    code, _, err = cli(base_store, "import", str(folder))
    assert code == 0, err
    code, _, err = cli(base_store, "rollback", "2")
    assert code == 0, err
    (a1, imp, d1), (a2, rb, d2) = rows(base_store)
    assert (a1, imp, a2, rb) == (ME, "import", ME, "rollback")
    assert d1["import_id"] == d1["data_version"] == 2
    assert d1["files"] == [{"name": "assessments.csv", "rows": 1}]
    assert d1["counts"]["assessments"] == {"added": 1, "changed": 0}
    assert d2["import_id"] == 2 and d2["rolled_back"] == [2] and d2["data_version"] == 3
    assert d2["counts"]["assessments"] == {"removed": 1, "restored": 0}


def test_a_rejected_import_leaves_no_audit_row(base_store: Store) -> None:
    """Decision: a rejection changed nothing, so it is not audited (the store stays exactly as
    it was, audit log included)."""
    before = state(base_store)
    bad = {"assessments": f"nip,competency_id,assessed_on,level\n{NIP3},T.1,2025-03-03,9\n"}
    assert not commit(base_store, sources(**bad)).ok
    assert state(base_store) == before


def test_the_import_and_its_audit_row_commit_together(
    base_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state(base_store)

    def fail_after_audit(*args: object, **kwargs: object) -> ImportResult:
        raise RuntimeError("crash after the audit row, before commit")

    # A crash after the audit row was written takes the import with it...
    monkeypatch.setattr(ImportResult, "from_plan", fail_after_audit)
    with pytest.raises(RuntimeError):
        commit(base_store, sources(**CHANGE))
    assert state(base_store) == before
    monkeypatch.undo()

    # ...and an audit row that cannot be written stops the import: none is silently unaudited.
    def audit_fails(*args: object, **kwargs: object) -> int:
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(audit, "write", audit_fails)
    with pytest.raises(duckdb.IOException):
        commit(base_store, sources(**CHANGE))
    assert state(base_store) == before


def test_record_never_raises(base_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(base_store, "write", broken)
    assert audit.record(base_store, "ani", "export", table="x") is None
    monkeypatch.undo()
    assert audit.record(base_store, "ani", "export", table="x") == 2
    assert audit.record(base_store, "ani", "no such action") is None  # a bug: logged, not raised
    assert [(a, b) for a, b, _ in rows(base_store)] == [("ani", "export")]


def test_backup_and_restore_are_recorded_and_the_log_outlives_a_restore(
    base_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "cadangan.duckdb"
    assert commit(base_store, sources(**CHANGE), username="ani").ok  # audited: ani, import
    code, _, err = cli(base_store, "backup", "--out", str(out))
    assert code == 0, err
    assert audit.record(base_store, "budi", "export", table="after the backup") is not None
    code, _, err = cli(base_store, "restore", str(out), "--yes")
    assert code == 0, err
    got = rows(base_store)
    assert [(a, b) for a, b, _ in got] == [
        ("ani", "import"),
        (ME, "backup"),
        ("budi", "export"),  # recorded after the backup, still there after the restore
        (ME, "restore"),
    ]
    assert got[1][2]["file"] == str(out) and got[1][2]["data_version"] == 2
    assert got[3][2]["file"] == str(out) and got[3][2]["data_version"] == 2

    # Into a new, empty store the backup's audit rows come along (before the restore's own).
    fresh = Store(tmp_path / "fresh.duckdb")
    try:
        restore(fresh, out, actor="cli:ops")
        assert [(a, b) for a, b, _ in rows(fresh, after=0)] == [
            ("?", "import"),
            ("ani", "import"),
            ("cli:ops", "restore"),
        ]
    finally:
        fresh.close()


def test_a_schema_1_backup_restores_into_the_current_schema(
    base_store_file: Path, tmp_path: Path
) -> None:
    v1 = tmp_path / "v1-backup.duckdb"
    _v1_copy(base_store_file, v1)
    store = Store(tmp_path / "asn.duckdb")
    try:
        restore(store, v1, actor="cli:ops")
        assert count(store, "select count(*) from employees") > 0
        assert [(a, b) for a, b, _ in rows(store, after=0)] == [("cli:ops", "restore")]
        assert dict(state(store)["meta"])["schema_version"] == str(SCHEMA_VERSION)
        # the service outcomes keep their rows; columns schema 1 had not are empty
        assert count(store, "select count(*) from service_outcomes where ikm is not null") > 0
        assert count(store, "select count(*) from service_outcomes where u6 is not null") == 0
    finally:
        store.close()


def test_a_forwarded_command_names_the_calling_os_user(
    base_store_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "asn.duckdb"
    db.write_bytes(base_store_file.read_bytes())
    proc = _start(OWNER_SCRIPT, db)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "analytics", "export", "jpm-summary", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    finally:
        proc.communicate("", timeout=30)
    store = Store(db)
    try:
        assert [(a, b) for a, b, _ in rows(store)] == [(ME, "export")]
    finally:
        store.close()


# ---------------------------------------------------------------------------------------------
# Listing


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Store]:
    """Six rows on three days (server time zone), two actors, four actions."""
    store = Store(tmp_path / "asn.duckdb")
    entries = [
        ("2025-01-10 09:00", "ani", "login_ok"),
        ("2025-01-10 09:05", "ani", "export"),
        ("2025-01-11 10:00", "budi", "login_failed"),
        ("2025-01-11 10:01", "budi", "login_ok"),
        ("2025-01-12 08:00", "ani", "report"),
        ("2025-01-12 23:59", "budi", "export"),
    ]
    with store.write() as cur:
        for when, who, what in entries:
            new_id = audit.write(cur, who, what, {"n": when})
            cur.execute(
                "update audit_log set logged_at = $t::timestamp::timestamptz where id = $id",
                {"t": when, "id": new_id},
            )
    yield store
    store.close()


def listed(store: Store, **kw: object) -> tuple[list[str], int]:
    with store.snapshot() as snap:
        df, total = audit.listing(snap.cur, **kw)  # type: ignore[arg-type]
    return [d["n"] for d in df["detail"]], total


def test_listing_is_newest_first_and_paged(logged: Store) -> None:
    got, total = listed(logged, limit=4)
    assert total == 6
    assert got == ["2025-01-12 23:59", "2025-01-12 08:00", "2025-01-11 10:01", "2025-01-11 10:00"]
    got, total = listed(logged, limit=4, offset=4)
    assert got == ["2025-01-10 09:05", "2025-01-10 09:00"] and total == 6


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"actor": "ani"}, ["2025-01-12 08:00", "2025-01-10 09:05", "2025-01-10 09:00"]),
        ({"action": "export"}, ["2025-01-12 23:59", "2025-01-10 09:05"]),
        ({"actor": "budi", "action": "login_ok"}, ["2025-01-11 10:01"]),
        ({"since": dt.date(2025, 1, 11)}, ["2025-01-12 23:59", "2025-01-12 08:00",
                                           "2025-01-11 10:01", "2025-01-11 10:00"]),
        ({"until": dt.date(2025, 1, 10)}, ["2025-01-10 09:05", "2025-01-10 09:00"]),
        # a one-day range takes the whole day, up to 23:59
        ({"since": dt.date(2025, 1, 12), "until": dt.date(2025, 1, 12)},
         ["2025-01-12 23:59", "2025-01-12 08:00"]),
        ({"actor": "nobody"}, []),
    ],
)  # fmt: skip
def test_listing_filters(logged: Store, kw: dict, expected: list[str]) -> None:
    got, total = listed(logged, **kw)
    assert got == expected and total == len(expected)


def test_actors_and_filters_detail(logged: Store) -> None:
    with logged.snapshot() as snap:
        assert audit.actors(snap.cur) == ["ani", "budi"]
    f = Filters(year=2024, units=(("1.03.01", "Bidang Umum"),), small_groups="hide", data_version=7)
    assert audit.filters_detail(f) == {
        "year": 2024,
        "units": [["1.03.01", "Bidang Umum"]],
        "small_groups": "hide",
    }
