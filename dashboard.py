"""Entrypoint: the router and the frame shared by every page (language, filters, banner).

Pages hold layout only; every number comes from analytics/ through the cached wrappers in ui/.
"""

from __future__ import annotations

import streamlit as st

from ui import filterbar, state
from ui.i18n import LANGS

st.set_page_config(
    page_title="Dasbor Kompetensi ASN",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="expanded",
)

with st.sidebar:
    st.segmented_control(
        "🌐",
        options=list(LANGS),
        format_func=str.upper,
        key="lang",
        default="id",
        bind="query-params",
        label_visibility="collapsed",
    )

t = state.t

with state.rerun_snapshot() as snap:
    pages = {
        t("section_about"): [
            st.Page("pages/data.py", title=t("nav_data"), icon="🗂️", url_path="data", default=True),
        ],
    }
    page = st.navigation(pages, position="sidebar")
    filterbar.render(snap)
    page.run()
