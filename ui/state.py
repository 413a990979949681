"""Process- and rerun-level state of the dashboard: the store, the rerun's snapshot, language.

The dashboard process owns the store (one DuckDB connection, `st.cache_resource`) and answers
other processes' commands through analytics.store.owner. Each rerun opens one read snapshot; every
query of that rerun reads it, so an import committing meanwhile never leaves a page half old,
half new.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from analytics.cli.main import run
from analytics.store import owner
from analytics.store.db import Snapshot, Store, StoreBusy, default_db_path
from ui.i18n import text
from ui.multipage import switch_off_legacy_pages

_local = threading.local()


_owned: Store | None = None


def own_store(wait_seconds: float = 120.0) -> Store:
    """Open the store and answer other processes' commands (called by ui.serve at startup,
    so that the dashboard owns the store before the first visitor). Waits while another
    process (e.g. a command-line import run before the dashboard started) still holds it."""
    global _owned
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            _owned = Store(default_db_path())
            break
        except StoreBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    owner.serve(_owned, run)
    return _owned


def get_store() -> Store:
    """The store this process owns (ui.serve opened it), else the one ASN_DB names."""
    if _owned is not None:
        return _owned
    return _store_at(str(default_db_path()))


@st.cache_resource(show_spinner=False)
def _store_at(path: str) -> Store:
    """One Store per path (a served dashboard has one; tests switch ASN_DB between stores)."""
    store = Store(path)
    owner.serve(store, run)
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
