"""Building blocks shared by pages: header with active filters, KPI tiles, charts, tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.core.numfmt import integer
from analytics.store.db import Snapshot
from charts import theme
from ui import filterbar, session, state
from ui.fmt import Column
from ui.state import t


def snapshot() -> Snapshot:
    return state.snapshot()


def page_header(title_key: str, intro_key: str | None = None) -> None:
    state.require_frame()
    st.title(t(title_key))
    if intro_key:
        st.caption(t(intro_key))
    filters = filterbar.current()
    parts = filterbar.describe(filters)
    chips = " · ".join(parts) if parts else t("f_none_active")
    st.markdown(
        f"<div class='asn-active'><span><b>{t('f_active')}:</b> {escape(chips)}</span>"
        f"<span class='asn-version' data-version='{filters.data_version or 0}'>"
        f"{t('data_version', v=filters.data_version or 0)}</span></div>",
        unsafe_allow_html=True,
    )


def escape(text: str) -> str:
    """Data text for st.html and HTML in st.markdown: shown as typed, never as markup. A line
    break becomes a space: a blank line would end the HTML block and let markdown back in."""
    return (
        " ".join(text.splitlines())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


_MD_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def md(text: str) -> str:
    """Data text (a name, a unit, a title) for st.header, st.caption, st.info, st.markdown...:
    shown as typed. Every ASCII punctuation mark is backslash-escaped, which CommonMark and
    Streamlit's additions ($math$, :red[colour], :emoji:) all read as the literal mark; a line
    break becomes a space."""
    return "".join("\\" + c if c in _MD_PUNCTUATION else c for c in " ".join(text.splitlines()))


def empty_state(key: str = "empty_state") -> None:
    st.info(t(key), icon=":material/search_off:")


def kpi(
    label: str,
    value: str,
    delta: str | None = None,
    help: str | None = None,
    delta_color: str = "normal",
) -> None:
    st.metric(label, value, delta=delta, help=help, delta_color=delta_color, border=True)  # type: ignore[arg-type]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "grafik"


def sections(
    labels: Sequence[str], key: str, default: str | None = None, keep: Sequence[str] = ()
) -> Sequence[Any]:
    """Tabs that run only the open one: `with tab:` then `if tab.open:`. A plain st.tabs runs
    every tab's code and the browser draws every tab's charts, hidden; a chart costs the
    browser 50-150 ms after each page click (scripts/bench_pages.py), so what nobody opened is
    neither computed nor drawn. Opening another tab reruns the page (cached: the time of a
    click). `default` opens another tab first, e.g. when a link carries that tab's choices.

    A widget in a closed tab is not drawn, and Streamlit forgets the state of a widget a run
    did not draw: `keep` lists the keys of those whose state should outlive a look at another
    tab (a box left open, a choice made). Each is written back to the session state, as
    Streamlit's docs advise, so it is a value the widget reads when drawn again."""
    for name in keep:
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]
    return st.tabs(list(labels), key=key, on_change="rerun", default=default)


def chart(fig: go.Figure, key: str, height: int | None = None, half: bool = False) -> None:
    """A Plotly chart with the PNG download in its toolbar (camera icon). `half`: the chart
    sits in one of two columns, so its title is wrapped narrower."""
    title = (fig.layout.title.text or key).replace("<br>", " ")
    if half and fig.layout.title.text:
        wrapped = theme.wrap(title, 55)
        fig.update_layout(title_text=wrapped, margin=dict(t=70 + 24 * wrapped.count("<br>")))
    if height:
        fig.update_layout(height=height)
    st.plotly_chart(
        fig,
        key=key,
        width="stretch",
        config={
            "displaylogo": False,
            "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": _slug(title)},
        },
    )


def table(
    df: pd.DataFrame,
    columns: Mapping[str, tuple[str, Callable[[Any], str | None] | Column | None]],
    key: str,
    height: int | None = None,
) -> None:
    """Show selected columns with translated headers; formatters turn numbers into text in the
    user's language (the browser's locale is not the user's language): a function per value,
    or a fmt.Column for the whole column at once (for long tables)."""
    shown = pd.DataFrame(index=df.index)
    for col, (label, fmt) in columns.items():
        if col not in df.columns:
            continue
        if isinstance(fmt, Column):
            shown[label] = pd.Series(fmt(df[col]), index=df.index, dtype=object)
        else:
            shown[label] = df[col].map(fmt) if fmt else df[col]
    st.dataframe(shown, hide_index=True, width="stretch", height=height or "auto", key=key)


# Agencies one chart shows: a province's 38 all at once; over a national store (15,053) the
# ones most in need, with a note saying so (a chart of 15,000 bars is neither readable nor fast).
MAX_CHART_GROUPS = 40


def top_groups(df: pd.DataFrame, key: str, rank: pd.Series, criterion_key: str) -> pd.DataFrame:
    """The rows of the MAX_CHART_GROUPS groups (values of column `key`) ranked first by
    `rank` (indexed by group, first = most in need), with a caption naming the criterion when
    groups were left out; all rows when they fit."""
    total = df[key].nunique()
    if total <= MAX_CHART_GROUPS:
        return df
    chosen = set(rank.index[:MAX_CHART_GROUPS])
    total_text = integer(total, state.lang())
    st.caption(
        t("chart_top_groups", n=MAX_CHART_GROUPS, total=total_text, criterion=t(criterion_key))
    )
    return df[df[key].isin(chosen)]


def small_group_note(df: pd.DataFrame) -> None:
    filters = filterbar.current()
    if filters.small_groups == "mark" and "small_group" in df.columns and df["small_group"].any():
        st.caption(t("small_group_note", n=filters.min_group))
    if filters.small_groups == "hide" and "hidden" in df.columns and df["hidden"].any():
        st.caption(t("small_group_hidden", n=filters.min_group))


def presentation() -> bool:
    return session.presentation_mode()
