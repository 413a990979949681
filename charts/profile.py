"""One person's charts: level against standard (radar) and JPM by year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.core.numfmt import num
from charts import theme


def radar(
    scores: pd.DataFrame, *, lang: str, title: str, level_label: str, required_label: str
) -> go.Figure:
    """Competencies around the circle: the standard as a grey outline, the person's level
    filled; where the level falls inside the outline the person is below standard."""
    d = scores[scores["required_level"].notna()].sort_values("competency_id")
    theta = [theme.plain(c) for c in d["competency_id"]]
    closed = theta + theta[:1]
    req = list(d["required_level"]) + list(d["required_level"])[:1]
    lvl = list(d["level"]) + list(d["level"])[:1]
    names = [theme.plain(n) for n in d["competency_name"]]
    names += names[:1]
    fig = go.Figure()
    fig.add_scatterpolar(
        r=req,
        theta=closed,
        name=required_label,
        mode="lines",
        line=dict(color=theme.MUTED, width=2, dash="dash"),
        customdata=names,
        hovertemplate=f"%{{customdata}}<br>{required_label}: %{{r}}<extra></extra>",
    )
    fig.add_scatterpolar(
        r=lvl,
        theta=closed,
        name=level_label,
        mode="lines+markers",
        fill="toself",
        line=dict(color=theme.ACCENT, width=3),
        fillcolor="rgba(11,83,148,0.18)",
        marker=dict(
            size=8,
            color=[theme.BELOW if a < b else theme.ABOVE for a, b in zip(lvl, req, strict=True)],
        ),
        customdata=names,
        hovertemplate=f"%{{customdata}}<br>{level_label}: %{{r}}<extra></extra>",
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=460,
        polar=dict(
            radialaxis=dict(range=[0, 5], tickvals=[1, 2, 3, 4, 5], gridcolor=theme.GRID),
            angularaxis=dict(gridcolor=theme.GRID),
        ),
    )
    return fig


def jpm_history(jpm: pd.DataFrame, *, lang: str, title: str) -> go.Figure:
    """JPM by year with the 78 and 90 category lines."""
    fig = go.Figure(
        go.Scatter(
            x=jpm["year"],
            y=jpm["jpm"],
            mode="lines+markers+text",
            text=[num(v, lang, 1) for v in jpm["jpm"]],
            textposition="top center",
            line=dict(color=theme.ACCENT, width=3),
            marker=dict(size=9),
            hovertemplate="%{x}: %{y:.1f}<extra></extra>",
        )
    )
    for level, cat in ((90, "Optimal"), (78, "Cukup Optimal")):
        fig.add_hline(
            y=level,
            line=dict(color=theme.CATEGORY_COLORS[cat], dash="dot", width=1),
            annotation_text=f"{level}",
            annotation_position="right",
        )
    theme.apply(fig, lang, title)
    years = list(jpm["year"])
    top = max([100.0, *[float(v) + 10 for v in jpm["jpm"]]])
    fig.update_layout(
        height=320,
        yaxis=dict(range=[0, top], title="JPM"),
        xaxis=dict(tickmode="array", tickvals=years, ticktext=[str(y) for y in years]),
    )
    return fig
