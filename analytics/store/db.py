"""The DuckDB store: opening, schema migrations, reads on a snapshot, and the single writer.

Process model (see README, "Who writes, who reads"): DuckDB lets one process open a file
read-write, or many read-only. The process that owns the store (the dashboard while it serves, or
else the command line) holds the only connection; inside it every reader works on its own cursor
in its own transaction (a snapshot), and every write goes through `Store.write()`, which
serialises writers and commits data plus derived tables in one transaction. Other processes reach
the owner through `analytics.store.owner` instead of opening the file.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analytics.store import derived
from analytics.store.sqlfiles import read_sql

SCHEMA_VERSION = 4
DEFAULT_DB = Path("data/asn.duckdb")


class StoreBusy(RuntimeError):
    """The store file is held by another process that does not answer as its owner."""


def default_db_path() -> Path:
    return Path(os.environ.get("ASN_DB") or DEFAULT_DB)


# Migrations from version N-1 to N; index 0 creates version 1 from nothing. Version 2 adds the
# audit log, version 4 the sign-in sessions and lockouts (older stores are migrated in place
# when opened read-write).
MIGRATIONS: list[str] = ["schema.sql", "schema_v2.sql", "schema_v3.sql", "schema_v4.sql"]


def _tune(conn: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Threads, memory and spill directory chosen for a 2-core, 24 GB machine."""
    threads = os.environ.get("ASN_THREADS") or str(os.cpu_count() or 2)
    conn.execute(f"set threads = {int(threads)}")
    mem = os.environ.get("ASN_MEMORY_LIMIT") or "8GB"  # set but empty (`Environment=X=`): default
    conn.execute("set memory_limit = $m", {"m": mem})
    if str(path) != ":memory:":
        tmp = Path(str(path) + ".tmp")
        conn.execute("set temp_directory = $t", {"t": str(tmp)})
    conn.execute("set preserve_insertion_order = false")


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before."""
    has_meta = first_row(
        conn.execute("select count(*) from information_schema.tables where table_name = 'meta'")
    )
    found = 0
    if has_meta and has_meta[0]:
        row = first_row(conn.execute("select value from meta where key = 'schema_version'"))
        found = int(row[0]) if row else 0
    if found > SCHEMA_VERSION:
        raise RuntimeError(
            f"store schema version {found} is newer than this program ({SCHEMA_VERSION})"
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("begin transaction")
        try:
            conn.execute(read_sql(MIGRATIONS[version - 1]))
            if found == 0:
                # a new store: empty derived tables of the current layout. An existing store's
                # derived tables are renewed by Store._renew_derived when their layout is old
                # (creating them here would stamp old tables with the current layout).
                derived.create_tables(conn)
            conn.execute(
                "insert or replace into meta values ('schema_version', $v)", {"v": str(version)}
            )
            conn.execute("commit")
        except Exception:
            conn.execute("rollback")
            raise
    return found


@dataclass(frozen=True)
class Snapshot:
    """A read transaction: every query on `cur` sees one committed state, `version`, of the
    store at `store` (its path: data versions of two stores are both 1, 2, ...)."""

    cur: duckdb.DuckDBPyConnection
    version: int
    store: str = ""


class Store:
    """The owner's connection to one store file, shared by all threads of the process."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise StoreBusy(str(e)) from e
            raise
        _tune(self.conn, self.path)
        self._write_lock = threading.Lock()
        # called after each committed write, outside the lock (analytics.store.snapshots
        # publishes the new state for reader processes)
        self._after_commit: list[Callable[[], None]] = []
        # True when opening wrote more than a command's audit row (a migration or a renewal):
        # close() then checkpoints whatever it is asked
        self.upgraded = False
        if not read_only:
            self.upgraded = migrate(self.conn) < SCHEMA_VERSION
            self._renew_derived()

    def _renew_derived(self) -> None:
        """Derived tables of an older layout are rebuilt from the raw rows when the store is
        opened, so readers never query a layout the code no longer knows."""
        cur = self.conn.cursor()
        try:
            if derived.is_current(cur):
                return
        finally:
            cur.close()
        self.upgraded = True
        with self.write() as cur:
            derived.renew(cur)

    def for_bulk_build(self) -> None:
        """Tune this store's DuckDB for a process that builds or rebuilds every derived row and
        then exits (`demo`, `bench --rebuild`): its block allocator keeps up to half the memory
        limit instead of handing buffers back to the system and faulting them in again (a
        national rebuild: 99 -> 65 s of system time, 344 -> 318 s). That memory is never given
        back while the store is open, so the dashboard never calls this."""
        self.conn.execute("set block_allocator_memory = '50%'")

    def close(self, checkpoint: bool = True) -> None:
        """Close the connection. `checkpoint=False` after a command that wrote no more than
        its audit row: DuckDB would otherwise fold the write-ahead log into the file on close,
        which rewrites the file's block metadata (0.3 s on a national store, more than the
        export itself). The committed rows stay in the log, durable, and are replayed when the
        store is next opened; DuckDB folds the log in by itself once it outgrows its
        checkpoint threshold. A store migrated or renewed when it was opened is checkpointed
        all the same (such writes are not left to be replayed at every opening)."""
        if (
            not checkpoint
            and not self.upgraded
            and not self.read_only
            and str(self.path) != ":memory:"
        ):
            self.conn.execute("pragma disable_checkpoint_on_shutdown")
        self.conn.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor (DuckDB connections are not thread-safe: one per thread/query)."""
        return self.conn.cursor()

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One read transaction; all queries of a page rerun go through it."""
        with read_transaction(self.conn, self.path) as snap:
            yield snap

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The one place that owns write transactions: serialised, all-or-nothing."""
        if self.read_only:
            raise RuntimeError("store opened read-only")
        with self._write_lock:
            cur = self.conn.cursor()
            cur.execute("begin transaction")
            try:
                yield cur
                cur.execute("commit")
            except BaseException:
                cur.execute("rollback")
                raise
            finally:
                cur.close()
        for listener in list(self._after_commit):
            listener()

    def on_commit(self, listener: Callable[[], None]) -> None:
        """Call `listener()` after every committed write (in the writer's thread, after the
        write lock is released: it must return quickly)."""
        self._after_commit.append(listener)

    def copy_file(self, dest: Path) -> int:
        """A consistent copy of the store file at `dest`; returns the data version copied.

        Made under the write lock, so no commit lands meanwhile: the write-ahead log is first
        folded into the file (CHECKPOINT, which DuckDB runs beside open read transactions:
        readers keep their snapshots), then the file is copied. Should a log remain all the
        same, it is copied too and folded into the copy, which is then one self-contained
        file. About 30 ms for the 25 MB demo store (a checkpoint of a few ms and the copy)."""
        if str(self.path) == ":memory:":
            raise RuntimeError("an in-memory store has no file to copy")
        wal = Path(f"{self.path}.wal")
        dest_wal = Path(f"{dest}.wal")
        with self._write_lock:
            cur = self.conn.cursor()
            try:
                cur.execute("checkpoint")
                version = data_version(cur)
            finally:
                cur.close()
            _clone(self.path, dest)
            leftover = wal.exists() and wal.stat().st_size > 0
            if leftover:
                shutil.copyfile(wal, dest_wal)
        if leftover:  # the copy is ours alone: fold its log in
            duckdb.connect(str(dest)).close()
            dest_wal.unlink(missing_ok=True)
        return version


FICLONE = 0x40049409  # linux/fs.h: share the blocks of another file (copy-on-write)


def _clone(src: Path, dest: Path) -> None:
    """Copy `src` to `dest`: a copy-on-write clone where the file system has them (XFS, btrfs:
    instant, whatever the size), else a plain copy (ext4)."""
    with open(src, "rb") as s, open(dest, "wb") as d:
        try:
            fcntl.ioctl(d.fileno(), FICLONE, s.fileno())
            return
        except OSError:
            pass
    shutil.copyfile(src, dest)


@contextmanager
def read_transaction(conn: duckdb.DuckDBPyConnection, store: Path) -> Iterator[Snapshot]:
    """A read transaction on a new cursor of `conn`, as the Snapshot of the store at `store`
    (the owner's file, or a reader's snapshot of it), rolled back and closed after."""
    cur = conn.cursor()
    try:
        cur.execute("begin transaction")
        yield Snapshot(cur, data_version(cur), str(store))
    finally:
        try:
            cur.execute("rollback")
        finally:
            cur.close()


def first_row(result: duckdb.DuckDBPyConnection) -> tuple | None:
    """The first row of an executed statement, reading the result to its end: in DuckDB 2 a
    cursor with an unfinished result refuses some later calls (e.g. register)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def data_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The id of the newest committed write this cursor sees (0 for an empty store)."""
    row = first_row(cur.execute("select coalesce(max(import_id), 0) from import_log"))
    return int(row[0]) if row else 0
