"""Presentation mode: one finding per screen, large type, no people.

The screens show the meeting deck's content (analytics.report.gather: the same figures, small
groups hidden, findings written from the numbers), drawn with the page chart builders, so the
room sees what the deck and the pages say.

A presenter drives it with a clicker or the keyboard: PageDown / PageUp (what a presentation
clicker sends) and the arrow keys move between screens, Esc leaves. The controls sit above the
chart, so they stay in view on a 1280 x 720 projector.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from analytics.report import ReportContent
from analytics.report import figures as report_figures
from charts import gaps
from charts import service as service_charts
from charts import talent as talent_charts
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
    """Six tiles beside the category donut (side by side: stacked, they overflow a projector)."""
    tiles, donut = st.columns([3, 2], vertical_alignment="center")
    with tiles:
        cols = st.columns(2)
        for i, tile in enumerate(c.kpi_tiles[:6]):
            with cols[i % 2]:
                st.metric(tile.label, tile.value, help=tile.note or None, border=True)
    fig = report_figures.categories(c, font_size=18)
    if fig is not None:
        with donut:
            _draw(fig, "kpis")
    return None


MAX_MATRIX_ROWS = 12  # agencies a projected heatmap can show legibly: the widest gaps first


def _gaps(c: ReportContent) -> go.Figure | None:
    if c.matrix.empty:
        return None
    shown = c.matrix[c.matrix["agency_id"].isin(c.matrix_rows[:MAX_MATRIX_ROWS])]
    fig = gaps.heatmap(
        shown,
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


def _service(c: ReportContent) -> go.Figure | None:
    if c.service_effects.empty or c.service_effects["effect"].isna().all():
        return None
    fig = service_charts.effects(
        c.service_effects,
        lang=c.lang,
        title="",
        outcome_labels={o: t(f"service_outcome_{o}") for o in c.service_effects["outcome"]},
        predictor_labels={p: t(f"service_pred_{p}") for p in ("mean_jpm", "mean_jpm_prev")},
        x_label=t("service_effect_x"),
    )
    return for_report(fig, font_size=15)


def _talent(c: ReportContent) -> go.Figure | None:
    """The talent year's 9-box as the Talenta page draws it (small boxes read '< n')."""
    if c.talent_hidden or c.talent.mapped == 0:
        return None
    fig = talent_charts.nine_box(
        c.talent.boxes,
        lang=c.lang,
        title="",
        performance_labels=[t(f"perf_{i}") for i in range(3)],
        potential_labels=[t(f"pot_{i}") for i in range(3)],
        axis_performance=t("axis_performance"),
        axis_potential=t("axis_potential"),
        box_label=t("box_n", n="{n}"),
        hidden_label=f"< {c.filters.min_group}",
    )
    return for_report(fig, font_size=15)


SCREENS: tuple[tuple[str, str, Callable[[ReportContent], go.Figure | None]], ...] = (
    ("kpis", "nav_overview", _kpis),
    ("gaps", "nav_gaps", _gaps),
    ("trend", "nav_trends", lambda c: report_figures.trend(c, font_size=18)),
    ("impact", "nav_impact", _impact),
    ("needs", "nav_needs", _needs),
    ("service", "nav_service", _service),
    ("talent", "nav_talent", _talent),
)
# A chart takes the height the screen leaves below the heading and the controls (CSS on its
# keyed container, `height="stretch"`), so a screen fits a 1280 x 720 projector and a
# 1920 x 1080 screen alike without scrolling.
CHART_CSS = (
    ".st-key-asn-present-chart{height:calc(100vh - 19rem);min-height:16rem}"
    ".st-key-asn-present-chart [data-testid='stPlotlyChart']{height:100%}"
)


def _draw(fig: go.Figure, key: str) -> None:
    fig.update_layout(height=None, autosize=True)
    with st.container(key="asn-present-chart"):
        st.plotly_chart(
            fig,
            width="stretch",
            height="stretch",
            key=f"present_{key}",
            config={"displaylogo": False, "displayModeBar": False, "responsive": True},
        )


def _controls() -> None:
    """Previous / next / exit, with the keys a presenter uses: PageUp / PageDown (a clicker),
    Esc; the arrow keys through two more buttons kept out of sight (a button has one key)."""
    count = len(SCREENS)
    left, mid, right, _ = st.columns([1.4, 1.4, 1.1, 2])
    with left:
        st.button(
            t("present_prev"),
            icon=":material/arrow_back:",
            on_click=_move,
            args=(-1, count),
            width="stretch",
            shortcut="PageUp",
        )
    with mid:
        st.button(
            t("present_next"),
            icon=":material/arrow_forward:",
            on_click=_move,
            args=(1, count),
            width="stretch",
            type="primary",
            shortcut="PageDown",
        )
    with right:
        st.button(
            t("present_exit"),
            icon=":material/close:",
            on_click=_exit,
            width="stretch",
            shortcut="Esc",
        )
    with st.container(key="asn-present-keys"):
        st.button("←", key="present_left", on_click=_move, args=(-1, count), shortcut="Left")
        st.button("→", key="present_right", on_click=_move, args=(1, count), shortcut="Right")


def render() -> None:
    """Draw the current screen; the sidebar and toolbar are hidden by CSS."""
    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stHeader'],"
        "[data-testid='stSidebarCollapsedControl'],.asn-demo{display:none!important}"
        "[data-testid='stMainBlockContainer']{padding-top:1rem;padding-bottom:0;max-width:1500px}"
        ".asn-present h2{font-size:1.8rem;line-height:1.2;margin:.1rem 0 .4rem 0}"
        ".asn-present .kicker{color:#0b5394;font-weight:700;font-size:1.1rem;"
        "text-transform:uppercase;letter-spacing:.05em}"
        ".asn-present .foot{color:#6b7280;font-size:1rem}"
        "[data-testid='stMetricValue']{font-size:2.6rem}"
        ".st-key-asn-present-keys{display:none}" + CHART_CSS + "</style>"
    )
    snap = state.snapshot()
    index = st.session_state.get(SLIDE, 0) % len(SCREENS)
    key, kicker, draw = SCREENS[index]
    # only this screen's section of the deck: the first screen shows without waiting for the
    # rest (minutes cold on a national store), each next one reads its own (cached after)
    c = queries.report_content(snap, filterbar.current(), state.lang(), sections=(key,))
    st.html(
        "<div class='asn-present'>"
        f"<div class='kicker'>{t(kicker)} · {index + 1}/{len(SCREENS)}</div>"
        f"<h2>{widgets.escape(c.headlines.get(key, ''))}</h2></div>"
    )
    _controls()
    fig = draw(c)
    if fig is not None:
        _draw(fig, key)
    st.html(
        f"<div class='asn-present'><div class='foot'>{widgets.escape(c.filter_summary)} · "
        f"{widgets.escape(c.data_as_of)}</div></div>"
    )
    # the screens after this one, gathered in the background while the room looks at it
    after = [SCREENS[(index + i) % len(SCREENS)][0] for i in range(1, len(SCREENS))]
    queries.prefetch_report(state.get_store(), snap, filterbar.current(), state.lang(), after)
