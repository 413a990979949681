"""Data: import files (validate → plan → commit), the template, history and coverage."""

import streamlit as st

from ui import filterbar, importing, widgets
from ui.state import t

widgets.page_header("data_title", "data_intro")
snap = widgets.snapshot()
filters = filterbar.current()

tab_import, tab_store, tab_coverage = st.tabs(
    [t("data_tab_import"), t("data_tab_store"), t("data_tab_coverage")]
)
with tab_import:
    importing.upload_panel()
    importing.template_download()
with tab_store:
    importing.store_contents(snap)
with tab_coverage:
    importing.coverage(snap, filters)
