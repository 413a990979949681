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

import os
import sys
from pathlib import Path

from streamlit.web import cli

from ui.multipage import switch_off_legacy_pages

ENTRYPOINT = Path(__file__).resolve().parent.parent / "dashboard.py"


# The dashboard process's DuckDB memory limit (buffer cache and query memory; beyond it DuckDB
# evicts or spills to <store>.tmp). The dashboard reads roll-ups and one agency's rows at a
# time, so a small limit keeps the whole process under 2 GB even on a national store; imports
# and the command line keep the larger default (analytics.store.db). ASN_MEMORY_LIMIT overrides.
SERVE_MEMORY_LIMIT = "1200MB"


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
    os.environ.setdefault("ASN_MEMORY_LIMIT", SERVE_MEMORY_LIMIT)
    chosen, rest = role(sys.argv[1:])
    switch_off_legacy_pages()
    sys.path.insert(0, str(ENTRYPOINT.parent))
    from ui import session_cookie, state  # deferred: after the switch, as Streamlit's own load

    # The routes that set and clear the session cookie (a script cannot set one).
    session_cookie.mount()

    if chosen == "reader":
        # the newest snapshot the owner published (waiting for the owner's first one)
        state.read_snapshots()
    else:
        # Own the store from the start: commands from other processes reach us at once.
        state.own_store(publish=chosen == "owner")
    # No source watching while serving: after every script run Streamlit's watcher walks the path
    # of every loaded module (pandas, plotly, duckdb...) on the server's event loop, 0.5-2 s in
    # which no session receives anything; under 20 sessions that, not the store, was what readers
    # waited for (scripts/bench_load.py). An option given on the command line still wins.
    watch = ["--server.fileWatcherType", "none"]
    sys.argv = ["streamlit", "run", str(ENTRYPOINT), *watch, *rest]
    cli.main()


if __name__ == "__main__":
    main()
