"""A searchable, paged list of people (SQL-paged: never all people in memory)."""

from __future__ import annotations

import streamlit as st

from analytics import views
from analytics.core.filters import Filters
from analytics.store.db import Snapshot
from ui import fmt, state
from ui.state import t

PAGE = 25


def show(snap: Snapshot, filters: Filters, key: str, search: bool = True) -> str | None:
    """Draw the list; returns the NIP of the row the user selected (or None). NIPs and names
    are never put in the URL."""
    lang = state.lang()
    text = st.text_input(t("profile_search"), key=f"{key}_q") if search else ""
    page_no = st.session_state.get(f"{key}_page", 1)
    df, total = views.people(snap.cur, filters, text, limit=PAGE, offset=(page_no - 1) * PAGE)
    st.caption(t("profile_found", n=fmt.integer(total, lang)))
    if df.empty:
        return None
    shown = df.assign(
        jpm=df["jpm"].map(lambda v: fmt.num(v, lang, 1)),
        category=df["category"].map(lambda c: c if isinstance(c, str) else "–"),
    ).rename(
        columns={
            "nip": "NIP",
            "name": t("col_name"),
            "agency_name": t("f_agency"),
            "unit": t("col_unit"),
            "position_name": t("col_position"),
            "job_type": t("col_job_type"),
            "jpm": t("col_jpm"),
            "category": t("col_category"),
            "below": t("col_below"),
        }
    )
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        key=f"{key}_table",
        on_select="rerun",
        selection_mode="single-row",
    )
    pages = max(1, -(-total // PAGE))
    if pages > 1:
        st.number_input(
            t("profile_page"), min_value=1, max_value=pages, step=1, key=f"{key}_page", width=160
        )
    rows = event.selection.rows if event is not None else []
    return str(df.iloc[rows[0]]["nip"]) if rows else None
