"""Data: import files (validate → plan → commit), the template, history and coverage.

Importing and the store's history are for admins; other roles see the coverage of their scope.
"""

import streamlit as st

from ui import filterbar, importing, session, undo_panel, widgets
from ui.state import t

widgets.page_header("data_title", "data_intro")
snap = widgets.snapshot()
filters = filterbar.current()

# Tabs other than the import run only when open (widgets.sections): the store's contents and
# the coverage read millions of rows nationally. The import tab always runs, so an upload in
# progress keeps its file when a person looks at another tab and comes back; so do the
# people box of the coverage and the import chosen for a rollback.
KEPT = (importing.PEOPLE_BOX, undo_panel.choice_key(snap))
if session.may("import"):
    tab_import, tab_store, tab_coverage = widgets.sections(
        [t("data_tab_import"), t("data_tab_store"), t("data_tab_coverage")],
        key="data_bagian",
        keep=KEPT,
    )
    with tab_import:
        importing.upload_panel()
        importing.template_download()
    with tab_store:
        if tab_store.open:
            importing.store_contents(snap)
            undo_panel.render(snap)
    with tab_coverage:
        if tab_coverage.open:
            importing.coverage(snap, filters)
elif session.may_import():  # an open demo store: try the upload on synthetic data
    tab_import, tab_coverage = widgets.sections(
        [t("data_tab_import"), t("data_tab_coverage")], key="data_bagian", keep=KEPT
    )
    with tab_import:
        st.warning(t("demo_upload_note"), icon=":material/science:")
        importing.upload_panel()
        importing.template_download()
    with tab_coverage:
        if tab_coverage.open:
            importing.coverage(snap, filters)
else:
    st.caption(t("auth_admin_only"))
    importing.coverage(snap, filters)
