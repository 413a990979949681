"""Helpers for AppTest page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui.i18n import text


def open_section(at: AppTest, key: str, label_key: str, lang: str = "id") -> AppTest:
    """Open the tab `label_key` of the lazy tabs `key` (ui.widgets.sections) and rerun: what a
    click on the tab does (AppTest has no tab click; the tabs' state is the open label)."""
    at.session_state[key] = text(label_key, lang)
    return at.run()
