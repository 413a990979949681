"""Start the dashboard: `python -m ui.serve [streamlit options]` (what `make run` does).

Streamlit treats a folder named `pages/` beside the entrypoint as its legacy multipage mode
until a script calls st.navigation, so the first visitor of a page URL would get that page
without the frame (filters, language, snapshot). Our router is dashboard.py's st.navigation,
so the legacy mode is switched off before the server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

ENTRYPOINT = Path(__file__).resolve().parent.parent / "dashboard.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ENTRYPOINT), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
