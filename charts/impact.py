"""Training-impact charts: the forest plot, dose–response, cost per level gained, 20 JP."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from charts import theme


def forest(
    df: pd.DataFrame,
    *,
    key: str,
    lang: str,
    title: str,
    labels: Mapping[str, str] | None = None,
    effect_label: str,
    no_estimate: str,
) -> go.Figure:
    """Effect with its 95 % interval per row that has an estimate, largest on top. Rows without
    one are listed by the caller (see `not_estimable`), so the reader sees what the data cannot
    tell without a chart full of empty rows."""
    labels = labels or {}
    d = df[df["effect"].notna()].sort_values("effect")
    y = [
        f"{theme.plain(labels.get(v, v))}  (n={int(t)}/{int(c)})"
        for v, t, c in zip(d[key], d["n_treated"], d["n_control"], strict=True)
    ]
    est = d["effect"].notna().to_numpy()
    colors = [
        theme.ABOVE if lo > 0 else (theme.BELOW if hi < 0 else theme.NEUTRAL)
        for lo, hi in zip(d["ci_low"].fillna(0), d["ci_high"].fillna(0), strict=True)
    ]
    fig = go.Figure()
    fig.add_scatter(
        x=d["effect"][est],
        y=[yy for yy, e in zip(y, est, strict=True) if e],
        mode="markers",
        marker=dict(
            size=11, color=[c for c, e in zip(colors, est, strict=True) if e], symbol="square"
        ),
        error_x=dict(
            type="data",
            symmetric=False,
            array=(d["ci_high"] - d["effect"])[est],
            arrayminus=(d["effect"] - d["ci_low"])[est],
            thickness=2,
            width=6,
            color=theme.INK,
        ),
        customdata=d.loc[est, ["ci_low", "ci_high", "n_treated", "n_control"]].to_numpy(),
        hovertemplate=(
            f"%{{y}}<br>{effect_label}: %{{x:+.2f}}<br>95%: %{{customdata[0]:+.2f}} … "
            "%{customdata[1]:+.2f}<extra></extra>"
        ),
        showlegend=False,
    )
    fig.add_vline(x=0, line=dict(color=theme.MUTED, width=1, dash="dash"))
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=max(320, 34 * len(d) + 150),
        xaxis_title=effect_label,
        yaxis=dict(showgrid=False, categoryorder="array", categoryarray=y),
    )
    return fig


def not_estimable(df: pd.DataFrame, key: str, labels: Mapping[str, str] | None = None) -> list[str]:
    """'name (n = treated/control)' for the rows without an estimate (rows hidden as small
    groups are not listed: their counts are hidden too)."""
    labels = labels or {}
    d = df[df["effect"].isna()]
    if "hidden" in d.columns:
        d = d[~d["hidden"].astype(bool)]
    return [
        f"{labels.get(v, str(v))} (n = {int(t)}/{int(c)})"
        for v, t, c in zip(d[key], d["n_treated"], d["n_control"], strict=True)
    ]


def dose(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    x_label: str,
    y_label: str,
) -> go.Figure:
    """Mean change in level by JP received in the window, bars with the pair count."""
    fig = go.Figure(
        go.Bar(
            x=df["bin"].astype(str),
            y=df["mean_change"],
            marker_color=[theme.ABOVE if v >= 0 else theme.BELOW for v in df["mean_change"]],
            customdata=df[["pairs"]].to_numpy(),
            texttemplate="%{y:+.2f}<br>n=%{customdata[0]:,.0f}",
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{x}} JP<br>{y_label}: %{{y:+.3f}}<br>n = %{{customdata[0]:,.0f}}<extra></extra>",
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(height=400, xaxis_title=x_label, yaxis_title=y_label)
    return fig


def compliance(
    df: pd.DataFrame,
    *,
    group: str,
    lang: str,
    title: str,
    labels: Mapping[str, str] | None = None,
    value_label: str,
) -> go.Figure:
    """% of employees with at least 20 JP, one bar per group, with the 100 % target line."""
    labels = labels or {}
    d = df.sort_values("pct_20jp")
    y = [theme.plain(labels.get(v, v)) for v in d[group]]
    fig = go.Figure(
        go.Bar(
            x=d["pct_20jp"],
            y=y,
            orientation="h",
            marker_color=theme.ACCENT,
            customdata=d[["employees", "mean_jp"]].to_numpy(),
            texttemplate="%{x:.0f}%",
            textposition="outside",
            cliponaxis=False,
            hovertemplate=(
                f"%{{y}}<br>{value_label}: %{{x:.1f}}%<br>n = %{{customdata[0]:,.0f}}"
                "<br>JP: %{customdata[1]:.1f}<extra></extra>"
            ),
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=max(300, 26 * len(d) + 140),
        xaxis=dict(range=[0, 105], ticksuffix="%", title=value_label),
        yaxis=dict(showgrid=False),
    )
    return fig
