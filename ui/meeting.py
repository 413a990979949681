"""The sidebar's meeting tools: presentation mode and the download of the deck, PDF or Excel.

Reports are generated only when the button is pressed, on a thread of their own with their own
read snapshot (Streamlit's deferred download), so nobody's page freezes meanwhile. Each one is
audited (who, format, filters, the data version it was read from).
"""

from __future__ import annotations

import streamlit as st

from analytics.core.filters import Filters
from analytics.report import MEDIA_TYPES, build_report
from analytics.store import audit
from ui import auditing, state
from ui.presentation import KEY
from ui.state import t

FORMATS = {"pptx": "PowerPoint (.pptx)", "pdf": "PDF", "xlsx": "Excel (.xlsx)"}


def presentation_toggle() -> None:
    st.toggle(t("present_mode"), key=KEY, bind="query-params", help=t("present_help"))


def downloads(filters: Filters) -> None:
    lang = state.lang()
    with st.expander(t("meeting_materials"), icon=":material/slideshow:"):
        fmt = st.radio(
            t("meeting_format"),
            list(FORMATS),
            format_func=FORMATS.get,
            key="bahan_format",
            horizontal=False,
            label_visibility="collapsed",
        )
        store = state.get_store()
        who = auditing.actor()

        def make() -> bytes:
            with store.snapshot() as snap:
                data = build_report(snap.cur, filters, fmt, lang)
                version = snap.version
            state.record(
                who,
                "report",
                format=fmt,
                lang=lang,
                filters=audit.filters_detail(filters),
                data_version=version,
            )
            return data

        stem = "bahan-rapat-kompetensi-asn" if lang == "id" else "asn-competency-briefing"
        st.download_button(
            t("meeting_download"),
            data=make,
            file_name=f"{stem}.{fmt}",
            mime=MEDIA_TYPES[fmt],
            icon=":material/download:",
            width="stretch",
            on_click="ignore",
            key="bahan_unduh",
        )
        st.caption(t("meeting_help"))
