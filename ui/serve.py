"""Start the dashboard: `python -m ui.serve [--owner | --reader] [streamlit options]`.

Streamlit's legacy `pages/` mode is switched off before the server starts (ui/multipage.py says
why). Three ways to run (README, "Deployment"):

- `python -m ui.serve` (what `make run` does): one process; it owns the store before the first
  visitor comes, and other processes' commands reach it (analytics.store.owner).
- `--owner`: the same, and it publishes a read-only snapshot of the store after writes
  (analytics.store.snapshots) for reader processes beside it.
- `--reader`: serves the owner's newest snapshot and sends every write to the owner; several
  readers and the owner go behind one proxy (deploy/nginx). `ASN_SERVE_ROLE=owner|reader` is
  the same as the flag.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from streamlit.web import cli

from ui.multipage import switch_off_legacy_pages

if TYPE_CHECKING:
    from analytics.store.db import Store
    from analytics.store.snapshots import Replica

ENTRYPOINT = Path(__file__).resolve().parent.parent / "dashboard.py"


# The dashboard process's DuckDB memory limit (buffer cache and query memory; beyond it DuckDB
# evicts or spills to <store>.tmp). The dashboard reads roll-ups and one agency's rows at a
# time, so a small limit keeps the whole process under 2 GB even on a national store; imports
# and the command line keep the larger default (analytics.store.db). ASN_MEMORY_LIMIT overrides.
SERVE_MEMORY_LIMIT = "700MB"

# glibc gives each thread that allocates its own malloc arena (up to 8 per core), and freed
# memory in them is seldom returned: with a thread per session, Python's heap grew to hundreds of
# MB that no answer held. Two arenas, set before any thread starts (ASN_MALLOC_ARENAS overrides;
# 0 leaves glibc's default).
MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int) -> bool:
    """mallopt(M_ARENA_MAX, arenas) on glibc; False where there is no such call."""
    if arenas <= 0:
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(-8, arenas))  # M_ARENA_MAX
    except (OSError, AttributeError):
        return False


# The packages the pages run, imported before the first visitor so their objects can be frozen.
_PAGE_PACKAGES = ("ui", "charts", "analytics.core", "analytics.store", "analytics.access",
                  "analytics.importer", "analytics.metrics", "analytics.views", "analytics.report")  # fmt: skip


def freeze_startup_heap() -> int:
    """Import what the pages use, then move every object alive into the garbage collector's
    permanent generation (gc.freeze); returns how many.

    Streamlit runs a full collection after every script run (runner.postScriptGC), and a full
    collection walks every tracked object: the ~160,000 of pandas, Plotly's validators, DuckDB
    and our modules cost about 70 ms of CPU per page view, under load a fifth of a second with
    the interpreter lock held, in which no session is served. Frozen, they are not walked, and
    the collection after a run sees only what the runs made (a few ms). Module-level objects live
    as long as the process, so freezing them keeps nothing alive that would have been freed."""
    import gc
    import importlib
    import logging
    import pkgutil

    import plotly.graph_objects as go

    # st.cache_data checks its options at decoration and, before the server's runtime exists,
    # warns that it would fall back to a memory cache; the cache is chosen at call time, when
    # the runtime exists, so the warning (one per cached function) is noise here.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    for name in _PAGE_PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if info.name not in ("ui.serve",) and not info.name.endswith("__main__"):
                importlib.import_module(info.name)
    # Plotly creates a trace type's validators on first use: create the ones the charts draw
    go.Figure([go.Bar(), go.Heatmap(), go.Pie(), go.Scatter(), go.Scatterpolar()]).to_json()
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.NOTSET)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


ROLES = ("single", "owner", "reader")


def role(argv: list[str]) -> tuple[str, list[str]]:
    """The process's role (`--owner`, `--reader`, else ASN_SERVE_ROLE, else single) and the
    arguments left for Streamlit."""
    flags = [a for a in argv if a in ("--owner", "--reader")]
    if len(set(flags)) > 1:
        raise SystemExit("ui.serve: --owner or --reader, not both")
    chosen = flags[0][2:] if flags else os.environ.get("ASN_SERVE_ROLE", "") or "single"
    if chosen not in ROLES:
        raise SystemExit(f"ui.serve: ASN_SERVE_ROLE must be one of {', '.join(ROLES)}")
    return chosen, [a for a in argv if a not in ("--owner", "--reader")]


def main() -> None:
    limit_malloc_arenas(int(os.environ.get("ASN_MALLOC_ARENAS", MALLOC_ARENAS)))
    os.environ.setdefault("ASN_MEMORY_LIMIT", SERVE_MEMORY_LIMIT)
    chosen, rest = role(sys.argv[1:])
    switch_off_legacy_pages()
    sys.path.insert(0, str(ENTRYPOINT.parent))
    from ui import queries, session_cookie, state  # deferred: after the switch (Streamlit too)

    # The routes that set and clear the session cookie (a script cannot set one).
    session_cookie.mount()

    store: Store | Replica
    if chosen == "reader":
        # the newest snapshot the owner published (waiting for the owner's first one)
        store = state.read_snapshots()
    else:
        # Own the store from the start: commands from other processes reach us at once.
        store = state.own_store(publish=chosen == "owner")
    freeze_startup_heap()
    # After each import the answers asked for recently are computed again in the background
    # (a reader: once the owner's snapshot of it arrives); so are those asked before the start.
    queries.start_warmer(store, keep=queries.recent_file(store))
    # No source watching while serving: after every script run Streamlit's watcher walks the path
    # of every loaded module (pandas, plotly, duckdb...) on the server's event loop, 0.5-2 s in
    # which no session receives anything; under 20 sessions that, not the store, was what readers
    # waited for (scripts/bench_load.py). An option given on the command line still wins.
    watch = ["--server.fileWatcherType", "none"]
    sys.argv = ["streamlit", "run", str(ENTRYPOINT), *watch, *rest]
    cli.main()


if __name__ == "__main__":
    main()
