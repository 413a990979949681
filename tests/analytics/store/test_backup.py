"""Backup writes one committed version of every table to one file; restore brings it back."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from analytics.cli.main import run
from analytics.importer import commit
from analytics.store import derived
from analytics.store.backup import backup, restore
from analytics.store.db import Store
from tests.support.imports import NIP1, NIP3, base_store, base_store_file, sources, state
from tests.support.owner import OWNER_SCRIPT, _start

__all__ = ["base_store", "base_store_file"]  # fixtures

EMP = "nip,name,agency_id,unit,position_id\n"
CHANGE = {
    "employees": EMP + f"{NIP1},Budi Santoso,1.03.01,Bidang Baru,JAB-01\n",
    "assessments": f"nip,competency_id,assessed_on,level\n{NIP3},T.1,2025-03-03,3.1\n",
}


def but_audit(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Every table but the audit log, which outlives a restore (tests/analytics/store/test_audit.py)."""
    return {name: rows for name, rows in tables.items() if name != "audit_log"}


def cli(store: Store | None, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, store=store)
    return code, out.getvalue(), err.getvalue()


def test_backup_change_restore_gives_every_table_of_the_backup_moment(
    base_store: Store, tmp_path: Path
) -> None:
    at_backup = state(base_store)
    out = tmp_path / "b" / "asn-backup.duckdb"
    code, text, err = cli(base_store, "backup", "--out", str(out), "--lang", "en")
    assert code == 0, err
    assert "Backup written" in text and out.is_file()
    assert commit(base_store, sources(**CHANGE)).ok
    assert state(base_store) != at_backup
    # Without --yes a store that holds data is not replaced.
    code, _, err = cli(base_store, "restore", str(out))
    assert code == 3 and "--yes" in err
    assert state(base_store) != at_backup
    code, text, err = cli(base_store, "restore", str(out), "--yes")
    assert code == 0, err
    assert "Dipulihkan" in text
    assert but_audit(state(base_store)) == but_audit(at_backup)


def test_restore_into_an_empty_store_and_reopen(base_store: Store, tmp_path: Path) -> None:
    at_backup = state(base_store)
    out = tmp_path / "asn-backup.duckdb"
    backup(base_store, out)
    empty_path = tmp_path / "other.duckdb"
    empty = Store(empty_path)
    try:
        restore(empty, out)  # an empty store needs no --yes
    finally:
        empty.close()
    again = Store(empty_path)
    try:
        assert but_audit(state(again)) == but_audit(at_backup)
    finally:
        again.close()


def test_restore_a_backup_from_before_later_roll_ups(base_store: Store, tmp_path: Path) -> None:
    # a backup written before programme_cell and the national layer existed (older roll-up
    # layout): it restores, and the roll-ups are summed again from the derived rows
    at_backup = state(base_store)
    out = tmp_path / "old-backup.duckdb"
    backup(base_store, out)
    old = duckdb.connect(str(out))
    try:
        for table in ("programme_cell", "dose_cell", "score_nat", "person_nat"):
            old.execute(f"drop table {table}")
        old.execute("delete from meta where key = 'rollup_version'")
    finally:
        old.close()
    empty_path = tmp_path / "restored.duckdb"
    target = Store(empty_path)
    try:
        restore(target, out)
        assert but_audit(state(target)) == but_audit(at_backup)
        assert derived.is_current(target.cursor())
    finally:
        target.close()


def test_restore_refuses_a_file_that_is_no_backup(base_store: Store, tmp_path: Path) -> None:
    before = state(base_store)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    code, _, err = cli(base_store, "restore", str(junk), "--yes", "--lang", "en")
    assert code == 2 and "is not a backup" in err
    code, _, err = cli(base_store, "restore", str(tmp_path / "missing.duckdb"), "--yes")
    assert code == 2 and "tidak ditemukan" in err
    assert state(base_store) == before


def test_backup_works_while_an_owner_serves_and_restore_is_refused(
    base_store_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "asn.duckdb"
    db.write_bytes(base_store_file.read_bytes())
    store = Store(db)
    at_backup = state(store)
    store.close()
    out = tmp_path / "served-backup.duckdb"
    proc = _start(OWNER_SCRIPT, db)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "analytics", "backup", "--out", str(out), "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "Cadangan ditulis" in result.stdout
        result = subprocess.run(
            [sys.executable, "-m", "analytics", "restore", str(out), "--db", str(db), "--yes"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 3
        assert "hentikan dasbor" in result.stderr and "Traceback" not in result.stderr
    finally:
        proc.communicate("", timeout=30)
    copy = Store(out)
    try:
        assert state(copy) == at_backup
    finally:
        copy.close()


def test_restore_a_backup_from_before_tables_added_in_place(
    base_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a backup of layout derived 6 / roll-ups 9, before nostd_year and ready_post: it keeps
    # its derived rows and gains those two alone (a full rebuild takes half an hour nationally)
    at_backup = state(base_store)
    out = tmp_path / "old-backup.duckdb"
    backup(base_store, out)
    old = duckdb.connect(str(out))
    try:
        for table in ("nostd_year", "ready_post"):
            old.execute(f"drop table {table}")
        old.execute("update meta set value = '6' where key = 'derived_version'")
        old.execute("update meta set value = '9' where key = 'rollup_version'")
    finally:
        old.close()
    target = Store(tmp_path / "restored.duckdb")
    full = []
    monkeypatch.setattr(derived, "_rebuild", lambda *a: full.append(1))
    try:
        restore(target, out)
        assert not full, "no full rebuild"
        assert but_audit(state(target)) == but_audit(at_backup)
        assert derived.is_current(target.cursor())
    finally:
        target.close()
