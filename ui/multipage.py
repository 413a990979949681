"""Streamlit's legacy `pages/` mode, switched off: the one place this is done, and why.

The agreed layout keeps page bodies in a folder named `pages/` beside the entrypoint. Streamlit
(1.6x) treats such a folder as its legacy multipage app until some script calls st.navigation:
the very first session of a fresh server that opens a page URL (a shared link, a bookmark) would
run that page alone, without dashboard.py's frame (sign-in, language, filters, the rerun's
snapshot). Our router is dashboard.py's st.navigation, so the legacy mode is switched off:

- `python -m ui.serve` (what `make run` does) switches it off before the server starts;
- a server started otherwise (`streamlit run dashboard.py`) is caught by `ui.state.require_frame`:
  a page that runs without the frame switches it off and reruns, and the frame runs first.

`PagesManager.uses_pages_directory` is Streamlit's own (private) switch. tests/ui/test_frame.py
opens a page URL first on a fresh server, both ways, and fails if an upgrade breaks this.
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager


def switch_off_legacy_pages() -> None:
    PagesManager.uses_pages_directory = False
