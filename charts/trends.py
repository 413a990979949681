"""Trend charts: a figure by year (overall or one line per group) and same-people change."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analytics.core.numfmt import num
from charts import theme


def lines(
    df: pd.DataFrame,
    *,
    value: str,
    lang: str,
    title: str,
    value_label: str,
    group: str | None = None,
    labels: Mapping[str, str] | None = None,
    color_by_competency: bool = False,
    suffix: str = "",
    max_groups: int = 12,
) -> go.Figure:
    """One line per group across years (or one line overall), markers with the value."""
    labels = labels or {}
    fig = go.Figure()
    years = sorted(df["year"].unique())
    if group is None:
        d = df.sort_values("year")
        fig.add_scatter(
            x=d["year"],
            y=d[value],
            mode="lines+markers+text",
            text=[num(v, lang, 1) + suffix for v in d[value]],
            textposition="top center",
            line=dict(color=theme.ACCENT, width=3),
            marker=dict(size=9),
            name=value_label,
            hovertemplate=f"%{{x}}<br>{value_label}: %{{y:.2f}}{suffix}<extra></extra>",
        )
    else:
        latest = df[df["year"] == years[-1]].sort_values(value)
        order = list(latest[group]) + [g for g in df[group].unique() if g not in set(latest[group])]
        for g in order[:max_groups]:
            d = df[df[group] == g].sort_values("year")
            color = theme.competency_color(str(g)) if color_by_competency else None
            fig.add_scatter(
                x=d["year"],
                y=d[value],
                mode="lines+markers",
                name=theme.plain(labels.get(g, g)),
                line=dict(width=2, color=color),
                marker=dict(size=7),
                # the name by reference: a name inside the template could hold %{...}
                hovertemplate=f"%{{fullData.name}}<br>%{{x}}: %{{y:.2f}}{suffix}<extra></extra>",
            )
        fig.update_layout(legend=dict(orientation="v", y=1, x=1.02, yanchor="top", xanchor="left"))
    theme.apply(fig, lang, title)
    top = float(df[value].max()) if len(df) else 1.0
    y_range: list[float]
    if value.startswith("pct_"):
        y_range = [0.0, 100.0]
    elif value == "mean_level":
        y_range = [1.0, 5.0]
    elif value == "mean_jpm":
        y_range = [0.0, max(100.0, top * 1.1)]
    else:
        y_range = [0.0, top * 1.3 if top > 0 else 1.0]
    fig.update_layout(
        height=440,
        xaxis=dict(tickmode="array", tickvals=years, ticktext=[str(y) for y in years], title=None),
        yaxis=dict(title=value_label, range=y_range),
    )
    return fig


def dumbbell(
    df: pd.DataFrame,
    *,
    group: str,
    lang: str,
    title: str,
    year0: int,
    year1: int,
    labels: Mapping[str, str] | None = None,
    value_label: str,
) -> go.Figure:
    """The same people's mean level in two years, one row per group: grey dot (before) to
    coloured dot (after), green when improved, vermillion when slipped."""
    labels = labels or {}
    d = df.sort_values("mean_change")
    y = [theme.plain(labels.get(v, v)) for v in d[group]]
    fig = go.Figure()
    for yi, (a, b) in zip(y, zip(d["mean_level0"], d["mean_level1"], strict=True), strict=True):
        fig.add_scatter(
            x=[a, b],
            y=[yi, yi],
            mode="lines",
            showlegend=False,
            hoverinfo="skip",
            line=dict(color=theme.ABOVE if b >= a else theme.BELOW, width=5),
            opacity=0.45,
        )
    fig.add_scatter(
        x=d["mean_level0"],
        y=y,
        mode="markers",
        name=str(year0),
        marker=dict(size=12, color=theme.NEUTRAL),
        hovertemplate=f"%{{y}}<br>{year0}: %{{x:.2f}}<extra></extra>",
    )
    fig.add_scatter(
        x=d["mean_level1"],
        y=y,
        mode="markers",
        name=str(year1),
        marker=dict(size=12, color=theme.INK),
        customdata=d[["mean_change", "employees"]].to_numpy(),
        hovertemplate=(
            f"%{{y}}<br>{year1}: %{{x:.2f}}<br>Δ %{{customdata[0]:+.2f}}"
            "<br>n = %{customdata[1]:,.0f}<extra></extra>"
        ),
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=max(320, 32 * len(d) + 150), xaxis_title=value_label, yaxis=dict(showgrid=False)
    )
    return fig
