"""Data: import files (validate → plan → commit), the template, history and coverage.

Importing and the store's history are for admins; other roles see the coverage of their scope.
"""

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import filterbar, importing, session, undo_panel, widgets
from ui.state import t

widgets.page_header("data_title", "data_intro")
snap = widgets.snapshot()
filters = filterbar.current()

tab_coverage: DeltaGenerator
if session.may("import"):
    tab_import, tab_store, tab_coverage = st.tabs(
        [t("data_tab_import"), t("data_tab_store"), t("data_tab_coverage")]
    )
    with tab_import:
        importing.upload_panel()
        importing.template_download()
    with tab_store:
        importing.store_contents(snap)
        undo_panel.render(snap)
elif session.may_import():  # an open demo store: try the upload on synthetic data
    tab_import, tab_coverage = st.tabs([t("data_tab_import"), t("data_tab_coverage")])
    with tab_import:
        st.warning(t("demo_upload_note"), icon=":material/science:")
        importing.upload_panel()
        importing.template_download()
else:
    st.caption(t("auth_admin_only"))
    tab_coverage = st.container()
with tab_coverage:
    importing.coverage(snap, filters)
