"""Start the dashboard: `python -m ui.serve [streamlit options]` (what `make run` does).

Streamlit treats a folder named `pages/` beside the entrypoint as its legacy multipage mode
until a script calls st.navigation, so the first visitor of a page URL would get that page
without the frame (filters, language, snapshot). Our router is dashboard.py's st.navigation,
so the legacy mode is switched off before the server starts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

ENTRYPOINT = Path(__file__).resolve().parent.parent / "dashboard.py"


# The dashboard process's DuckDB memory limit (buffer cache and query memory; beyond it DuckDB
# evicts or spills to <store>.tmp). The dashboard reads roll-ups and one agency's rows at a
# time, so a small limit keeps the whole process under 2 GB even on a national store; imports
# and the command line keep the larger default (analytics.store). ASN_MEMORY_LIMIT overrides.
SERVE_MEMORY_LIMIT = "1200MB"


def main() -> None:
    os.environ.setdefault("ASN_MEMORY_LIMIT", SERVE_MEMORY_LIMIT)
    PagesManager.uses_pages_directory = False
    sys.path.insert(0, str(ENTRYPOINT.parent))
    from ui import state

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
