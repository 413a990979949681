"""Gap charts: the agency × competency heatmap, bars by group, JPM category shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analytics.core.numfmt import num
from charts import theme


def heatmap(
    df: pd.DataFrame,
    *,
    row: str,
    col: str,
    value: str,
    lang: str,
    title: str,
    row_labels: Mapping[str, str] | None = None,
    col_labels: Mapping[str, str] | None = None,
    value_label: str,
    hover_extra: str | None = None,
    marked: str | None = None,
    zmax: float | None = None,
    decimals: int = 0,
) -> go.Figure:
    """Rows × columns coloured by `value` (e.g. % of scores below standard); the value is
    written in each cell so the chart reads without colour. Rows sorted by their mean."""
    row_labels = row_labels or {}
    col_labels = col_labels or {}
    pivot = df.pivot_table(index=row, columns=col, values=value, aggfunc="first")
    pivot = pivot.loc[pivot.mean(axis=1).sort_values(ascending=True).index]
    cols = sorted(pivot.columns, key=_competency_order)
    pivot = pivot[cols]
    text = pivot.map(lambda v: "" if pd.isna(v) else num(v, lang, decimals))
    if marked and marked in df.columns:
        flags = df.pivot_table(index=row, columns=col, values=marked, aggfunc="first")
        flags = flags.reindex(index=pivot.index, columns=cols)
        text = text.where(~flags.fillna(False).astype(bool), text + "⚠")
    y = [theme.plain(row_labels.get(r, r)) for r in pivot.index]
    # one or two words a line: a column is ~60 px wide beside long agency names, and wider
    # lines ran into their neighbours' ("Orientasi padaPelayanan")
    x = [_wrap(theme.plain(col_labels.get(c, c)), 9) if c in col_labels else theme.plain(c)
         for c in cols]  # fmt: skip
    extra = ""
    if hover_extra and hover_extra in df.columns:
        n = df.pivot_table(index=row, columns=col, values=hover_extra, aggfunc="first")
        n = n.reindex(index=pivot.index, columns=cols)
        customdata = n.to_numpy()
        extra = "<br>n = %{customdata:,.0f}"
    else:
        customdata = None
    fig = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(),
            x=x,
            y=y,
            text=text.to_numpy(),
            texttemplate="%{text}",
            textfont=dict(size=12),
            customdata=customdata,
            colorscale=[[0, "#f7fbff"], [0.5, "#fdae6b"], [1, "#a63603"]],
            zmin=0,
            zmax=zmax,
            colorbar=dict(title=dict(text=value_label, side="right"), thickness=14),
            hovertemplate="%{y}<br>%{x}<br>"
            + value_label
            + ": %{z:.2f}"
            + extra
            + "<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=max(240, 34 * len(y) + 180),
        xaxis=dict(side="top", tickangle=0, showgrid=False, tickfont=dict(size=11)),
        # every row labelled: Plotly would otherwise skip labels of a dense axis
        yaxis=dict(showgrid=False, tickmode="array", tickvals=y, ticktext=y),
        margin=dict(t=120),
    )
    return fig


def _wrap(text: str, width: int) -> str:
    """Break a long label over lines at spaces (Plotly does not wrap tick labels)."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _competency_order(cid: object) -> tuple[int, int, str]:
    s = str(cid)
    group = {"M": 0, "SK": 1, "T": 2}.get(s.split(".")[0], 3)
    try:
        num = int(s.split(".")[1])
    except (IndexError, ValueError):
        num = 0
    return group, num, s


def bars(
    df: pd.DataFrame,
    *,
    category: str,
    value: str,
    lang: str,
    title: str,
    value_label: str,
    labels: Mapping[str, str] | None = None,
    colors: Sequence[str] | None = None,
    text_format: str = "%{x:.1f}",
    hover_extra: Mapping[str, str] | None = None,
    marked: str | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top, values written at the bar end."""
    labels = labels or {}
    d = df.sort_values(value, ascending=True)
    y = [
        theme.plain(labels.get(v, v)) + (" ⚠" if marked and bool(m) else "")
        for v, m in zip(
            d[category], d[marked] if marked and marked in d else [False] * len(d), strict=True
        )
    ]
    custom = None
    hover = f"%{{y}}<br>{value_label}: %{{x:.2f}}"
    if hover_extra:
        cols = [c for c in hover_extra if c in d.columns]
        custom = d[cols].to_numpy()
        hover += "".join(
            f"<br>{hover_extra[c]}: %{{customdata[{i}]:,.0f}}" for i, c in enumerate(cols)
        )
    fig = go.Figure(
        go.Bar(
            x=d[value],
            y=y,
            orientation="h",
            marker_color=list(colors) if colors is not None else theme.ACCENT,
            texttemplate=text_format,
            textposition="outside",
            cliponaxis=False,
            customdata=custom,
            hovertemplate=hover + "<extra></extra>",
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=max(300, 30 * len(d) + 140),
        xaxis_title=value_label,
        yaxis=dict(showgrid=False),
        margin=dict(r=60),
    )
    return fig


def category_shares(
    df: pd.DataFrame,
    *,
    group: str,
    lang: str,
    title: str,
    labels: Mapping[str, str] | None = None,
    category_labels: Mapping[str, str] | None = None,
    share_label: str,
) -> go.Figure:
    """100 % stacked bars of JPM categories per group (pct_optimal, pct_cukup_optimal,
    pct_kurang_optimal), worst share on top, each segment of at least MIN_LABELLED % labelled
    with its % (a narrower one's share shows on hover)."""
    labels = labels or {}
    category_labels = category_labels or {}
    d = df.sort_values("pct_kurang_optimal", ascending=True)
    y = [theme.plain(labels.get(v, v)) for v in d[group]]
    fig = go.Figure()
    for cat, col in zip(
        theme.CATEGORY_ORDER,
        ("pct_optimal", "pct_cukup_optimal", "pct_kurang_optimal"),
        strict=True,
    ):
        name = category_labels.get(cat, cat)
        fig.add_bar(
            x=d[col],
            y=y,
            name=name,
            orientation="h",
            marker_color=theme.CATEGORY_COLORS[cat],
            text=[
                f"{num(v, lang, 0)}%" if pd.notna(v) and v >= MIN_LABELLED else "" for v in d[col]
            ],
            texttemplate="%{text}",
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"%{{y}}<br>{name}: %{{x:.1f}}%<extra></extra>",
        )
    theme.apply(fig, lang, title)
    fig.update_layout(
        barmode="stack",
        height=max(220, 30 * len(d) + 160),
        xaxis=dict(range=[0, 100], title=share_label, ticksuffix="%"),
        yaxis=dict(showgrid=False),
    )
    return fig


# The narrowest segment category_shares labels, in %: a label ("100%") fits a segment this wide
# at the chart's usual widths. Narrower segments are left blank instead of hidden by Plotly's
# uniformtext, which measured every label of every bar first (about 0.1 s of a Kesenjangan click
# at Jambi size: 0.63 -> 0.52 s, nine clicks each).
MIN_LABELLED = 7.0


def category_donut(
    shares: Mapping[str, Sequence[float | None]],
    *,
    lang: str,
    title: str,
    category_labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """Shares of employees per JPM category (pct_optimal, pct_cukup_optimal,
    pct_kurang_optimal of one group) as a donut, each slice labelled with name and %."""
    category_labels = category_labels or {}
    cols = ("pct_optimal", "pct_cukup_optimal", "pct_kurang_optimal")
    values = [float(shares[c][0] or 0) for c in cols]
    names = [category_labels.get(cat, cat) for cat in theme.CATEGORY_ORDER]
    fig = go.Figure(
        go.Pie(
            labels=names,
            values=values,
            hole=0.55,
            sort=False,
            direction="clockwise",
            marker=dict(
                colors=[theme.CATEGORY_COLORS[c] for c in theme.CATEGORY_ORDER],
                line=dict(color="white", width=2),
            ),
            texttemplate="%{percent:.0%}",
            textfont=dict(size=15, color="white"),
            hovertemplate="%{label}: %{value:.1f}%<extra></extra>",
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(height=380, legend=dict(orientation="v", x=1, y=0.5, yanchor="middle"))
    return fig
