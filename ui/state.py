"""Process- and rerun-level state of the dashboard: the store, the rerun's snapshot, language.

A dashboard process either owns the store (one DuckDB connection, `st.cache_resource`; it
answers other processes' commands through analytics.store.owner, and with `publish` it also
publishes read-only snapshots for reader processes), or is a reader (`read_snapshots`): it
serves the newest snapshot the owner published (analytics.store.snapshots) and sends every write
to the owner (`on_owner`). Each rerun opens one read snapshot; every query of that rerun reads
it, so an import committing meanwhile never leaves a page half old, half new, and a reader
switches to a newer snapshot file only when a rerun starts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from analytics.access.lockout import LOCK_SECONDS, StoreThrottle
from analytics.cli import calls
from analytics.cli.main import run
from analytics.store import audit, owner
from analytics.store.db import Snapshot, Store, StoreBusy, default_db_path
from analytics.store.snapshots import Publisher, Replica
from ui.i18n import text
from ui.multipage import switch_off_legacy_pages

_local = threading.local()


_owned: Store | None = None
_replica: Replica | None = None
_publisher: Publisher | None = None
log = logging.getLogger(__name__)
T = TypeVar("T")


def own_store(wait_seconds: float = 120.0, publish: bool = False) -> Store:
    """Open the store and answer other processes' commands (called by ui.serve at startup,
    so that the dashboard owns the store before the first visitor). Waits while another
    process (e.g. a command-line import run before the dashboard started) still holds it.
    `publish`: also publish snapshots for reader processes (`python -m ui.serve --owner`)."""
    global _owned, _publisher
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            _owned = Store(default_db_path())
            break
        except StoreBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    owner.serve(_owned, run, calls.CALLS)
    if publish:
        _publisher = Publisher(_owned)
        _publisher.start()
    return _owned


def read_snapshots(wait_seconds: float = 120.0) -> Replica:
    """Serve the owner's snapshots of the store (`python -m ui.serve --reader`), waiting for
    the first one while the owner starts."""
    global _replica
    _replica = Replica(default_db_path(), wait_seconds=wait_seconds)
    return _replica


def is_reader() -> bool:
    return _replica is not None


def get_store() -> Store | Replica:
    """The store this process owns (ui.serve opened it), the snapshots it reads (a reader),
    else the one ASN_DB names."""
    if _owned is not None:
        return _owned
    if _replica is not None:
        return _replica
    return _store_at(str(default_db_path()))


def writable() -> Store:
    """The store this process writes to; only an owner has one (a reader: `on_owner`)."""
    store = get_store()
    if isinstance(store, Replica):
        raise RuntimeError("a reader process writes through on_owner")
    return store


def on_owner(fn: Callable[..., T], *args: Any, timeout: float | None = None, **kwargs: Any) -> T:
    """`fn(store, *args, **kwargs)` where the store can be written: here when this process owns
    it, else in the owner process (analytics.cli.calls lists what it runs; raises
    owner.OwnerUnavailable when no owner answers)."""
    store = get_store()
    if isinstance(store, Replica):
        result: T = owner.call(store.path, calls.call_name(fn), *args, timeout=timeout, **kwargs)
        return result
    return fn(store, *args, **kwargs)


def record(actor: str, action: str, **detail: Any) -> int | None:
    """An audit row (analytics.store.audit.record); never raises into the page, in a reader
    either (an owner that does not answer is logged)."""
    try:
        return on_owner(audit.record, actor, action, **detail)
    except owner.OwnerUnavailable:
        log.exception("audit: could not record %s by %s", action, actor)
        return None


def wait_published(version: int, timeout: float = 30.0) -> None:
    """After a write through the owner that made data version `version`: wait until a snapshot
    holds it, so that the next rerun of this reader shows it (an owner has it at once)."""
    if _replica is not None and not _replica.wait_for(version, timeout):
        log.warning("snapshots: version %s not published within %.0f s", version, timeout)


class OwnerThrottle:
    """The store's sign-in throttle (analytics.access.lockout.StoreThrottle) asked of the
    owner: a lock set through one process holds in all of them at once. A read is given 10 s;
    a write waits for the owner's writer as long as it would in the owner (an import may hold
    it), as every write through `on_owner` does."""

    lock_seconds = LOCK_SECONDS

    def locked_for(self, key: str) -> float:
        return on_owner(calls.throttle_locked_for, key, timeout=10)

    def failed(self, key: str) -> bool:
        return on_owner(calls.throttle_failed, key)

    def succeeded(self, key: str) -> None:
        on_owner(calls.throttle_succeeded, key)


def throttle() -> StoreThrottle | OwnerThrottle:
    return OwnerThrottle() if is_reader() else StoreThrottle(writable())


@st.cache_resource(show_spinner=False)
def _store_at(path: str) -> Store:
    """One Store per path (a served dashboard has one; tests switch ASN_DB between stores)."""
    store = Store(path)
    owner.serve(store, run, calls.CALLS)
    return store


get_store.clear = _store_at.clear  # type: ignore[attr-defined]


@contextmanager
def rerun_snapshot() -> Iterator[Snapshot]:
    """Open the rerun's snapshot; nested calls (fragments) reuse the open one."""
    current = getattr(_local, "snap", None)
    if current is not None:
        yield current
        return
    with get_store().snapshot() as snap:
        _local.snap = snap
        try:
            yield snap
        finally:
            _local.snap = None


def require_frame() -> None:
    """Pages run inside dashboard.py's frame: a page that runs alone (Streamlit's legacy
    `pages/` mode, ui/multipage.py) switches that mode off and reruns, so the frame runs first."""
    if getattr(_local, "snap", None) is not None:
        return
    switch_off_legacy_pages()
    st.rerun()


def snapshot() -> Snapshot:
    snap = getattr(_local, "snap", None)
    if snap is None:
        raise RuntimeError("no snapshot open: call inside ui.state.rerun_snapshot()")
    return snap


@st.cache_resource(show_spinner=False)
def stylesheet() -> str:
    css = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")
    return f"<style>{css}</style>"


def lang() -> str:
    value = str(st.session_state.get("lang") or "ID").lower()
    return value if value in ("id", "en") else "id"


def t(key: str, **values: Any) -> str:
    return text(key, lang(), **values)
