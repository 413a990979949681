"""Start the dashboard: `python -m ui.serve [streamlit options]` (what `make run` does).

Streamlit's legacy `pages/` mode is switched off before the server starts (ui/multipage.py says
why), and the process owns the store before the first visitor comes.
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


def main() -> None:
    os.environ.setdefault("ASN_MEMORY_LIMIT", SERVE_MEMORY_LIMIT)
    switch_off_legacy_pages()
    sys.path.insert(0, str(ENTRYPOINT.parent))
    from ui import session_cookie, state  # deferred: after the switch, as Streamlit's own load

    # The routes that set and clear the session cookie (a script cannot set one).
    session_cookie.mount()

    # Own the store from the start: commands from other processes reach us at once.
    state.own_store()
    # No source watching while serving: after every script run Streamlit's watcher walks the path
    # of every loaded module (pandas, plotly, duckdb...) on the server's event loop, 0.5-2 s in
    # which no session receives anything; under 20 sessions that, not the store, was what readers
    # waited for (scripts/bench_load.py). An option given on the command line still wins.
    watch = ["--server.fileWatcherType", "none"]
    sys.argv = ["streamlit", "run", str(ENTRYPOINT), *watch, *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
