"""Presentation mode: one finding per screen, large type, no controls, no people.

The screens show the meeting deck's content (analytics.report.gather: the same figures, small
groups hidden, findings written from the numbers), drawn with the page chart builders, so the
room sees what the deck and the pages say.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from analytics.report import ReportContent
from analytics.report import figures as report_figures
from charts import gaps
from charts.report import for_report
from ui import filterbar, queries, state, widgets
from ui.state import t

KEY = "presentasi"
SLIDE = "slide"


def on() -> bool:
    return bool(st.session_state.get(KEY, False))


def _exit() -> None:
    st.session_state[KEY] = False
    st.session_state[SLIDE] = 0


def _move(step: int, count: int) -> None:
    st.session_state[SLIDE] = (st.session_state.get(SLIDE, 0) + step) % count


def _kpis(c: ReportContent) -> go.Figure | None:
    cols = st.columns(3)
    for i, tile in enumerate(c.kpi_tiles[:6]):
        with cols[i % 3]:
            st.metric(tile.label, tile.value, help=tile.note or None, border=True)
    return report_figures.categories(c, font_size=18)


def _gaps(c: ReportContent) -> go.Figure | None:
    if c.matrix.empty:
        return None
    fig = gaps.heatmap(
        c.matrix,
        row="agency_id",
        col="competency_id",
        value="pct_below",
        lang=c.lang,
        title="",
        row_labels=c.names["agency"],
        col_labels=c.names["competency"],
        value_label=t("m_pct_below"),
        zmax=100,
    )
    return for_report(fig, font_size=15)


def _impact(c: ReportContent) -> go.Figure | None:
    return report_figures.forest(c, font_size=17)


def _needs(c: ReportContent) -> go.Figure | None:
    top = c.needs.head(10).copy()
    if top.empty:
        return None
    top["label"] = [
        f"{c.names['competency'].get(k, k)} · {c.names['agency'].get(a, a)} › {u}"
        for a, u, k in zip(top["agency_id"], top["unit"], top["competency_id"], strict=True)
    ]
    fig = gaps.bars(
        top,
        category="label",
        value="priority",
        lang=c.lang,
        title="",
        value_label=t("needs_priority"),
        text_format="%{x:.1f}",
    )
    return for_report(fig, font_size=15)


SCREENS: tuple[tuple[str, str, Callable[[ReportContent], go.Figure | None]], ...] = (
    ("kpis", "nav_overview", _kpis),
    ("gaps", "nav_gaps", _gaps),
    ("trend", "nav_trends", lambda c: report_figures.trend(c, font_size=18)),
    ("impact", "nav_impact", _impact),
    ("needs", "nav_needs", _needs),
)


def render() -> None:
    """Draw the current screen; the sidebar and toolbar are hidden by CSS."""
    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stHeader'],"
        "[data-testid='stSidebarCollapsedControl'],.asn-demo{display:none!important}"
        "[data-testid='stMainBlockContainer']{padding-top:1.5rem;max-width:1500px}"
        ".asn-present h2{font-size:2.3rem;line-height:1.25;margin:.2rem 0 .8rem 0}"
        ".asn-present .kicker{color:#0b5394;font-weight:700;font-size:1.1rem;"
        "text-transform:uppercase;letter-spacing:.05em}"
        ".asn-present .foot{color:#6b7280;font-size:1rem}"
        "[data-testid='stMetricValue']{font-size:2.6rem}</style>"
    )
    snap = state.snapshot()
    c = queries.report_content(snap, filterbar.current(), state.lang())
    index = st.session_state.get(SLIDE, 0) % len(SCREENS)
    key, kicker, draw = SCREENS[index]
    st.html(
        "<div class='asn-present'>"
        f"<div class='kicker'>{t(kicker)} · {index + 1}/{len(SCREENS)}</div>"
        f"<h2>{widgets.escape(c.headlines.get(key, ''))}</h2></div>"
    )
    fig = draw(c)
    if fig is not None:
        height = {"kpis": 420, "gaps": max(620, 24 * len(c.matrix_rows) + 180)}.get(key, 620)
        fig.update_layout(height=height)
        st.plotly_chart(
            fig,
            width="stretch",
            key=f"present_{key}",
            config={"displaylogo": False, "displayModeBar": False},
        )
    st.html(
        f"<div class='asn-present'><div class='foot'>{widgets.escape(c.filter_summary)} · "
        f"{widgets.escape(c.data_as_of)}</div></div>"
    )
    left, mid, right, _ = st.columns([1, 1, 1, 3])
    with left:
        st.button(
            t("present_prev"),
            icon=":material/arrow_back:",
            on_click=_move,
            args=(-1, len(SCREENS)),
            width="stretch",
        )
    with mid:
        st.button(
            t("present_next"),
            icon=":material/arrow_forward:",
            on_click=_move,
            args=(1, len(SCREENS)),
            width="stretch",
            type="primary",
        )
    with right:
        st.button(t("present_exit"), icon=":material/close:", on_click=_exit, width="stretch")
