"""Read-only snapshot files, so that several dashboard processes can serve one store.

DuckDB lets many processes open a file read-only only while no process holds it for writing,
and the owner (analytics.store.owner) holds the store for writing as long as it serves. So the
owner publishes copies and the other processes, readers, read those:

- **Publishing** (`Publisher`, in the owner): after committed writes the owner copies the store
  (`Store.copy_file`: a checkpoint and a file copy under the write lock, ~30 ms at demo size) to
  a temporary name in `<store>.snapshots/`, renames it to `s<seq>.duckdb` (a rename is atomic: a
  reader never sees half a file), then replaces `manifest.json`, which names the newest file,
  its sequence number and data version, the same way. A write that changes the data version
  (an import, a rollback) is published at once; other writes (sign-ins, audit rows) at most
  every `minor_seconds` (5 minutes), since readers ask the owner for what must be fresh
  (sessions, lockouts).
- **Reading** (`Replica`, in a reader): `snapshot()` first looks at the manifest (a `stat`; it
  is read only when it changed) and opens a newer file read-only; the read transaction then
  runs on that file, so a rerun sees one version from its start to its end, and switches only
  when its next rerun starts. A file is closed once it is no longer the newest and no snapshot
  of it is open.
- **Cleaning up** (`Publisher.cleanup`, in the owner): old files are deleted once no process
  holds them. DuckDB holds a shared lock (fcntl) on a file it opened read-only, so the owner
  deletes a file only when it can take that lock exclusively itself; the newest `keep` files
  always stay, so a reader that has just read the manifest finds its file.

Snapshots carry the store's own path (`Snapshot.store`) and data version, so answers cached per
data version are shared by the owner's and the readers' files and survive a switch to a newer
file with the same data version.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from analytics.core.settings import env_number
from analytics.store import derived
from analytics.store.db import (
    SCHEMA_VERSION,
    Snapshot,
    Store,
    _tune,
    data_version,
    first_row,
    read_transaction,
)

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FILE_RE = re.compile(r"^s(\d{8})\.duckdb$")
# Writes that leave the data version alone (sign-ins, audit rows) are published at most this
# often (seconds; ASN_SNAPSHOT_MINOR_SECONDS), and never more often than 20 times the last
# publication's duration (a large store's copy). Readers ask the owner for what must be fresh
# (sessions, locks); only the Log Audit and Pengguna pages of a reader show such rows late.
MINOR_SECONDS = 300.0


def env_minor_seconds() -> float:
    """ASN_SNAPSHOT_MINOR_SECONDS, else MINOR_SECONDS."""
    return env_number("ASN_SNAPSHOT_MINOR_SECONDS", MINOR_SECONDS, lambda s: s >= 0, float)


class NoSnapshot(RuntimeError):
    """No snapshot has been published for this store (the owner has not started)."""


class OldLayout(RuntimeError):
    """A snapshot of an older schema or derived layout than this code reads (the owner, newly
    upgraded, has not yet published one of the new layout)."""


class ReadOnlyStore(RuntimeError):
    """A write asked of a reader process (writes go to the owner)."""


def directory(db: Path) -> Path:
    """Where the snapshots of the store `db` are published."""
    return Path(f"{Path(db).resolve()}.snapshots")


def file_name(seq: int) -> str:
    return f"s{seq:08d}.duckdb"


@dataclass(frozen=True)
class Manifest:
    """The newest snapshot: its file (in the snapshot directory), sequence number, the data
    version it holds and when it was published (UTC, ISO)."""

    seq: int
    file: str
    data_version: int
    published_at: str
    store: str


def read_manifest(folder: Path) -> Manifest | None:
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(**raw)
    except (FileNotFoundError, ValueError, TypeError):
        return None


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def held(path: Path) -> bool:
    """Whether another process has `path` open through DuckDB (its shared lock). Only other
    processes' locks show: fcntl locks belong to a process."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


class Publisher:
    """The owner's side: publish the store as snapshot files and delete the old ones."""

    def __init__(
        self,
        store: Store,
        *,
        keep: int = 2,
        minor_seconds: float | None = None,
        poll_seconds: float = 5.0,
    ):
        self.store = store
        self.folder = directory(store.path)
        self.keep = max(1, keep)
        self.minor_seconds = minor_seconds if minor_seconds is not None else env_minor_seconds()
        self.poll_seconds = poll_seconds
        self.last: Manifest | None = None
        self.last_seconds = 0.0  # how long the last publication took
        self._last_at = 0.0  # time.monotonic() of the last publication
        self._dirty = threading.Event()  # writes not yet published
        self._kick = threading.Event()  # wakes the thread
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one publication at a time
        self._thread: threading.Thread | None = None
        self.folder.mkdir(parents=True, exist_ok=True)
        found = read_manifest(self.folder)
        self._seq = max([found.seq if found else 0, *(s for s, _ in self._files())])

    def _files(self) -> list[tuple[int, Path]]:
        out = []
        for p in self.folder.iterdir():
            m = FILE_RE.match(p.name)
            if m:
                out.append((int(m[1]), p))
        return sorted(out)

    def publish(self) -> Manifest:
        """Copy the store to a new snapshot file and name it in the manifest."""
        with self._lock:
            start = time.perf_counter()
            seq = self._seq + 1
            final = self.folder / file_name(seq)
            tmp = self.folder / f".{final.name}.{os.getpid()}.tmp"
            try:
                version = self.store.copy_file(tmp)
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
                os.replace(tmp, final)
            finally:
                tmp.unlink(missing_ok=True)
            manifest = Manifest(
                seq=seq,
                file=final.name,
                data_version=version,
                published_at=dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                store=str(Path(self.store.path).resolve()),
            )
            _write_atomically(self.folder / MANIFEST, json.dumps(asdict(manifest)).encode())
            _fsync_dir(self.folder)
            self._seq, self.last = seq, manifest
            self.last_seconds = time.perf_counter() - start
            self._last_at = time.monotonic()
        self.cleanup()
        return manifest

    def cleanup(self) -> list[Path]:
        """Delete the snapshot files older than the newest `keep` that no process holds, and
        temporary files a crash left; returns what was deleted."""
        gone = []
        files = self._files()
        newest = {p for _, p in files[-self.keep :]}
        for _, p in files:
            if p in newest or held(p):
                continue
            p.unlink(missing_ok=True)
            gone.append(p)
        for p in self.folder.glob(".*.tmp"):
            pid = p.name.rsplit(".", 2)[-2]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                p.unlink(missing_ok=True)
                gone.append(p)
        for p in self.folder.glob("tmp-*"):  # the spill space of a reader that is gone
            pid = p.name[4:]
            if p.is_dir() and pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(p, ignore_errors=True)
                gone.append(p)
        return gone

    # --- publishing after writes, in a thread --------------------------------------------------

    def notify(self) -> None:
        """A write committed (Store.on_commit): publish it soon."""
        self._dirty.set()
        self._kick.set()

    def minor_interval(self) -> float:
        return max(self.minor_seconds, 20 * self.last_seconds)

    def due(self) -> bool:
        """Whether the pending writes should be published now: at once when the data version
        changed, else once `minor_interval()` has passed since the last publication."""
        if self.last is None:
            return True
        cur = self.store.cursor()
        try:
            version = data_version(cur)
        finally:
            cur.close()
        if version != self.last.data_version:
            return True
        return time.monotonic() - self._last_at >= self.minor_interval()

    def step(self) -> Manifest | None:
        """One round of the thread: publish when writes are pending and due, else clean up."""
        if self._dirty.is_set() and self.due():
            self._dirty.clear()
            return self.publish()
        self.cleanup()
        return None

    def start(self) -> None:
        """Publish now, then after writes (a daemon thread) until `stop()`."""
        if self._thread is not None:
            return
        self.publish()
        self.store.on_commit(self.notify)
        self._thread = threading.Thread(target=self._loop, name="asn-snapshots", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            # woken by a write, else every poll_seconds (cleanup, and pending minor writes)
            self._kick.wait(self.poll_seconds)
            self._kick.clear()
            if self._stop.is_set():
                break
            try:
                time.sleep(0.05)  # a burst of writes (a sign-in writes three rows): one copy
                self.step()
            except Exception:
                log.exception("snapshots: publishing failed; trying again later")
                self._stop.wait(self.poll_seconds)

    def stop(self) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Open:
    """One snapshot file opened read-only, with the number of snapshots reading it."""

    def __init__(self, manifest: Manifest, path: Path):
        self.manifest = manifest
        self.path = path
        self.conn = duckdb.connect(str(path), read_only=True)
        try:
            cur = self.conn.cursor()
            try:
                row = first_row(cur.execute("select value from meta where key = 'schema_version'"))
                current = row is not None and int(row[0]) == SCHEMA_VERSION
                current = current and derived.is_current(cur)
            finally:
                cur.close()
            if not current:
                raise OldLayout(f"{path.name} has an older layout than this program reads")
        except BaseException:
            self.conn.close()
            raise
        _tune(self.conn, path)
        # spill space of this process alone (readers share the snapshot file, not their temp)
        tmp = path.parent / f"tmp-{os.getpid()}"
        self.conn.execute("set temp_directory = $t", {"t": str(tmp)})
        self.users = 0
        self.retired = False

    def close(self) -> None:
        self.conn.close()


class Replica:
    """A reader process's store: the newest published snapshot, read-only.

    It offers what pages read (`snapshot()`, `path`); a write raises ReadOnlyStore: the reader
    sends writes to the owner (analytics.store.owner.call)."""

    read_only = True

    def __init__(self, db: Path, wait_seconds: float = 0.0):
        self.path = Path(db)
        self.folder = directory(self.path)
        self._lock = threading.Lock()
        self._current: _Open | None = None
        self._seen: tuple[int, int] | None = None  # the manifest's (mtime_ns, size) read last
        self.switches = 0
        deadline = time.monotonic() + wait_seconds
        while not self.refresh():
            if time.monotonic() >= deadline:
                raise NoSnapshot(
                    f"no snapshot of {self.path} in {self.folder}: is its owner running, "
                    "started with `python -m ui.serve --owner`?"
                )
            time.sleep(0.2)

    @property
    def manifest(self) -> Manifest | None:
        current = self._current
        return current.manifest if current else None

    def refresh(self) -> bool:
        """Open the newest snapshot if the manifest names a newer one than the current; returns
        whether a snapshot is open. Cheap when nothing changed (one stat)."""
        try:
            st = (self.folder / MANIFEST).stat()
        except FileNotFoundError:
            return self._current is not None
        key = (st.st_mtime_ns, st.st_size)
        with self._lock:
            if key == self._seen and self._current is not None:
                return True
            manifest = read_manifest(self.folder)
            if manifest is None:
                return self._current is not None
            current = self._current
            if current is not None and manifest.seq <= current.manifest.seq:
                self._seen = key
                return True
            try:
                opened = _Open(manifest, self.folder / manifest.file)
            except (duckdb.Error, FileNotFoundError, OldLayout) as e:
                # deleted meanwhile (a newer one is named by now), not readable, or of an
                # older layout (an upgraded owner still migrating): keep the current file and
                # look again at the next snapshot
                log.warning("snapshots: could not open %s: %s", manifest.file, e)
                return current is not None
            self._current, self._seen = opened, key
            self.switches += 1
            if current is not None:
                current.retired = True
                if current.users == 0:
                    current.close()
            return True

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One read transaction on the newest snapshot file (switched to here, at the start,
        never during the transaction)."""
        self.refresh()
        with self._lock:
            opened = self._current
            if opened is None:
                raise NoSnapshot(f"no snapshot of {self.path}")
            opened.users += 1
        try:
            with read_transaction(opened.conn, self.path) as snap:
                yield snap
        finally:
            with self._lock:
                opened.users -= 1
                if opened.retired and opened.users == 0:
                    opened.close()

    def wait_for(self, version: int, timeout: float = 30.0) -> bool:
        """Wait until the newest snapshot holds data version `version` or later (after a write
        this process asked the owner for); returns whether it does."""
        deadline = time.monotonic() + timeout
        while True:
            self.refresh()
            manifest = self.manifest
            if manifest is not None and manifest.data_version >= version:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        raise ReadOnlyStore("a reader process does not write: writes go to the owner")

    def close(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.retired = True
                if self._current.users == 0:
                    self._current.close()
                self._current = None
