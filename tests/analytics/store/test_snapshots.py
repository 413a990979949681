"""Snapshot files for reader processes (analytics.store.snapshots): published atomically, named
by the manifest, switched to only when a read transaction starts, deleted once nobody holds them."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from analytics.store import snapshots
from analytics.store.db import Store
from analytics.store.snapshots import MANIFEST, Publisher, ReadOnlyStore, Replica
from tests.support.fixtures import Builder, nip


def _world(store: Store) -> None:
    b = Builder()
    b.agency("A1").position("P1").competency("M.1").standard("P1", "M.1", 3)
    b.employee(nip(1), "A1", "Umum", "P1").assess(nip(1), "M.1", "2024-03-01", "2.5")
    b.build(store)


def _new_version(store: Store) -> int:
    """A write that makes a new data version (as an import does: a row in import_log)."""
    with store.write() as cur:
        row = cur.execute("select coalesce(max(import_id), 0) + 1 from import_log").fetchall()
        version = int(row[0][0])
        cur.execute(
            "insert into import_log (import_id, imported_at, kind, username, files, counts) "
            "values ($v, $at, 'import', 'test', '[]', '{}')",
            {"v": version, "at": dt.datetime.now()},
        )
    return version


def _employees(snap: snapshots.Snapshot) -> int:
    return int(snap.cur.execute("select count(*) from employees").fetchall()[0][0])


def _add_employee(store: Store, n: int) -> None:
    with store.write() as cur:
        cur.execute(
            "insert into employees (emp_key, nip, name, agency_key, unit, position_key, gender, "
            "employment_type) select max(emp_key) + 1, $nip, 'X', 1, 'Umum', 1, 'L', 'PNS' "
            "from employees",
            {"nip": nip(n)},
        )


def test_publish_writes_a_file_then_the_manifest_that_names_it(store: Store) -> None:
    _world(store)
    version = _new_version(store)
    pub = Publisher(store)
    manifest = pub.publish()
    folder = snapshots.directory(store.path)
    assert manifest.seq == 1 and manifest.data_version == version
    assert json.loads((folder / MANIFEST).read_text()) == {
        "seq": 1,
        "file": "s00000001.duckdb",
        "data_version": version,
        "published_at": manifest.published_at,
        "store": str(store.path.resolve()),
    }
    # a complete store, readable by another connection while the owner holds the original
    conn = duckdb.connect(str(folder / manifest.file), read_only=True)
    try:
        assert conn.execute("select count(*) from employees").fetchall() == [(1,)]
        assert conn.execute("select max(import_id) from import_log").fetchall() == [(version,)]
    finally:
        conn.close()
    # no temporary file left behind, and no write-ahead log beside the snapshot
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "s00000001.duckdb"]


def test_the_copy_holds_writes_still_in_the_write_ahead_log(store: Store) -> None:
    _world(store)
    store.conn.execute("pragma disable_checkpoint_on_shutdown")
    _add_employee(store, 2)  # committed, in the log (a small write is not checkpointed)
    manifest = Publisher(store).publish()
    conn = duckdb.connect(str(snapshots.directory(store.path) / manifest.file), read_only=True)
    try:
        assert conn.execute("select count(*) from employees").fetchall() == [(2,)]
    finally:
        conn.close()


def test_a_crash_between_copy_and_rename_leaves_the_old_manifest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _world(store)
    pub = Publisher(store)
    first = pub.publish()

    def crash(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(snapshots.os, "replace", crash)
    with pytest.raises(OSError):
        pub.publish()
    monkeypatch.undo()
    folder = snapshots.directory(store.path)
    assert snapshots.read_manifest(folder) == first
    assert not list(folder.glob(".*.tmp"))  # the half-made copy is gone
    # readers still open the first one
    replica = Replica(store.path)
    with replica.snapshot() as snap:
        assert _employees(snap) == 1
    replica.close()


def test_replica_switches_only_when_a_snapshot_starts(store: Store) -> None:
    _world(store)
    pub = Publisher(store)
    pub.publish()
    replica = Replica(store.path)
    with replica.snapshot() as snap:
        assert snap.store == str(store.path)  # the store's name, not the snapshot file's
        first_version = snap.version
        _add_employee(store, 2)
        version = _new_version(store)
        pub.publish()
        # the open read keeps its file, to its end
        assert _employees(snap) == 1 and snap.version == first_version
        # a read started meanwhile (a fragment or another session's rerun) switches
        with replica.snapshot() as other:
            assert _employees(other) == 2 and other.version == version
        assert _employees(snap) == 1
    with replica.snapshot() as snap:
        assert _employees(snap) == 2 and snap.version == version
    assert replica.switches == 2
    replica.close()


def test_replica_closes_a_retired_file_when_its_last_read_ends(store: Store) -> None:
    _world(store)
    pub = Publisher(store)
    pub.publish()
    replica = Replica(store.path)
    with replica.snapshot() as snap:
        old = replica._current
        assert old is not None
        pub.publish()
        with replica.snapshot():
            pass
        assert old.retired and replica._current is not old
        old.conn.execute("select 1").fetchall()  # still open: a read uses it
        assert _employees(snap) == 1
    with pytest.raises(duckdb.ConnectionException):
        old.conn.execute("select 1")
    replica.close()


def test_replica_refuses_writes_and_waits_for_a_first_snapshot(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    start = time.monotonic()
    with pytest.raises(snapshots.NoSnapshot):
        Replica(db, wait_seconds=0.3)
    assert time.monotonic() - start >= 0.3
    store = Store(db)
    try:
        Publisher(store).publish()
        replica = Replica(db)
        with pytest.raises(ReadOnlyStore):
            replica.write()
        replica.close()
    finally:
        store.close()


HOLD = """
import sys, duckdb
conn = duckdb.connect(sys.argv[1], read_only=True)
print("ready", flush=True)
sys.stdin.read()
"""


def test_cleanup_keeps_the_newest_and_files_another_process_holds(store: Store) -> None:
    _world(store)
    pub = Publisher(store, keep=2)
    folder = snapshots.directory(store.path)
    pub.publish()
    held = folder / snapshots.file_name(1)
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(held)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
        for _ in range(3):
            pub.publish()
        # s1 is held by the reader; s2 is neither held nor among the newest two
        assert sorted(p.name for p in folder.glob("s*.duckdb")) == [
            "s00000001.duckdb",
            "s00000003.duckdb",
            "s00000004.duckdb",
        ]
    finally:
        reader.communicate("", timeout=30)
    assert pub.cleanup() == [held]
    assert sorted(p.name for p in folder.glob("s*.duckdb")) == [
        "s00000003.duckdb",
        "s00000004.duckdb",
    ]


def test_cleanup_removes_temporary_files_of_dead_publishers(store: Store) -> None:
    _world(store)
    pub = Publisher(store)
    folder = snapshots.directory(store.path)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    stray = folder / f".s00000009.duckdb.{dead.stdout.strip()}.tmp"
    stray.write_bytes(b"half a copy")
    mine = folder / f".s00000010.duckdb.{os.getpid()}.tmp"
    mine.write_bytes(b"being written")
    pub.cleanup()
    assert not stray.exists() and mine.exists()


def test_numbering_goes_on_after_a_restart(store: Store) -> None:
    _world(store)
    Publisher(store).publish()
    Publisher(store).publish()
    again = Publisher(store)
    assert again.publish().seq == 3


def test_data_changes_publish_at_once_other_writes_at_most_every_interval(store: Store) -> None:
    _world(store)
    pub = Publisher(store, minor_seconds=3600, poll_seconds=0.1)
    pub.start()
    try:
        folder = snapshots.directory(store.path)
        first = snapshots.read_manifest(folder)
        assert first is not None and first.seq == 1
        _add_employee(store, 2)  # no new data version (as a sign-in or an audit row)
        time.sleep(0.6)
        assert snapshots.read_manifest(folder) == first
        version = _new_version(store)
        deadline = time.monotonic() + 10
        while (m := snapshots.read_manifest(folder)) == first and time.monotonic() < deadline:
            time.sleep(0.02)
        assert m is not None and m.seq == 2 and m.data_version == version
    finally:
        pub.stop()


def test_minor_writes_are_published_once_the_interval_passed(store: Store) -> None:
    _world(store)
    pub = Publisher(store, minor_seconds=0.5, poll_seconds=0.1)
    pub.start()
    try:
        folder = snapshots.directory(store.path)
        _add_employee(store, 2)
        # the interval grows with the last copy's duration (20x): on a loaded machine, more
        deadline = time.monotonic() + pub.minor_interval() + 10
        while (m := snapshots.read_manifest(folder)) is not None and m.seq < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        replica = Replica(store.path)
        with replica.snapshot() as snap:
            assert _employees(snap) == 2
        replica.close()
    finally:
        pub.stop()


def test_wait_for_a_version(store: Store) -> None:
    _world(store)
    pub = Publisher(store)
    pub.publish()
    replica = Replica(store.path)
    version = _new_version(store)
    assert not replica.wait_for(version, timeout=0.2)
    pub.publish()
    assert replica.wait_for(version, timeout=1)
    replica.close()


def test_a_snapshot_of_an_older_layout_is_not_served(store: Store) -> None:
    """An owner upgraded to new code publishes once it has migrated; until then a reader of
    the new code waits rather than serve tables it does not know."""
    _world(store)
    pub = Publisher(store)
    pub.publish()
    with store.write() as cur:
        cur.execute("update meta set value = 'old' where key = 'derived_version'")
    pub.publish()
    with pytest.raises(snapshots.NoSnapshot):
        Replica(store.path, wait_seconds=0.2)
    with store.write() as cur:
        cur.execute(
            "update meta set value = $v where key = 'derived_version'",
            {"v": str(snapshots.derived.DERIVED_VERSION)},
        )
    pub.publish()
    replica = Replica(store.path)
    with replica.snapshot() as snap:
        assert _employees(snap) == 1
    replica.close()


def test_cleanup_removes_the_spill_space_of_readers_that_are_gone(store: Store) -> None:
    _world(store)
    pub = Publisher(store)
    folder = snapshots.directory(store.path)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    gone = folder / f"tmp-{dead.stdout.strip()}"
    alive = folder / f"tmp-{os.getpid()}"
    gone.mkdir()
    alive.mkdir()
    pub.cleanup()
    assert not gone.exists() and alive.exists()
