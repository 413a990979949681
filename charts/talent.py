"""Talent charts: the 9-box as KemenPANRB and BKN's SIMATA draw it (kinerja on the vertical
axis, potensial on the horizontal one, the official box numbers in each box), the box-to-box
movement table, the calibration bars and the candidates' radar. Pure builders: data in,
figure out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from charts import theme

# Box colours by what the box means, one shade per box: the succession group (7-9) in the
# darkest blues, the middle (4-6) light blue, the boxes needing performance action (1-3)
# orange, box 1 the strongest.
BOX_COLORS = {
    9: "#08306b", 8: "#2171b5", 7: "#4292c6",
    6: "#9ecae1", 5: "#c6dbef", 4: "#deebf7",
    3: "#fdae6b", 2: "#fdd0a2", 1: "#e6550d",
}  # fmt: skip
_DARK = {9, 8, 7, 1}


def nine_box(
    boxes: pd.DataFrame,
    *,
    lang: str,
    title: str,
    performance_labels: Sequence[str],
    potential_labels: Sequence[str],
    axis_performance: str,
    axis_potential: str,
    box_label: str = "Kotak {n}",
    hidden_label: str = "< 5",
) -> go.Figure:
    """boxes: box, performance (0-2), potential (0-2), employees, share (%). One square per
    box at (potential, performance), with its number, count and share."""
    fig = go.Figure()
    sep = theme.separators(lang)
    for r in boxes.itertuples():
        x0, y0 = int(r.potential), int(r.performance)
        box = int(r.box)
        fig.add_shape(
            type="rect",
            x0=x0,
            x1=x0 + 1,
            y0=y0,
            y1=y0 + 1,
            fillcolor=BOX_COLORS[box],
            line=dict(color="white", width=4),
            layer="below",
        )
        ink = "white" if box in _DARK else theme.INK
        share = "–" if pd.isna(r.share) else _pct(float(r.share), sep)
        # a hidden count (the small-group rule) reads "< n": few, not how few
        count = (
            hidden_label if pd.isna(r.employees) else f"{int(r.employees):,}".replace(",", sep[1])
        )
        fig.add_annotation(
            x=x0 + 0.5,
            y=y0 + 0.5,
            text=(f"<span style='font-size:26px'><b>{box}</b></span><br><b>{count}</b> ({share})"),
            showarrow=False,
            font=dict(color=ink, size=15),
        )
    # invisible points carry the hover text and keep the axes' ranges
    fig.add_trace(
        go.Scatter(
            x=[int(p) + 0.5 for p in boxes["potential"]],
            y=[int(p) + 0.5 for p in boxes["performance"]],
            mode="markers",
            marker=dict(size=60, opacity=0),
            customdata=boxes[["box", "employees"]].fillna(-1).to_numpy(),
            hovertemplate=(
                box_label.replace("{n}", "%{customdata[0]}") + ": %{customdata[1]:,}<extra></extra>"
            ),
            showlegend=False,
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=520,
        xaxis=dict(
            range=[0, 3],
            tickvals=[0.5, 1.5, 2.5],
            ticktext=[theme.plain(t) for t in potential_labels],
            title=axis_potential,
            showgrid=False,
            zeroline=False,
            fixedrange=True,
        ),
        yaxis=dict(
            range=[0, 3],
            tickvals=[0.5, 1.5, 2.5],
            ticktext=[theme.plain(t) for t in performance_labels],
            title=axis_performance,
            showgrid=False,
            zeroline=False,
            fixedrange=True,
        ),
        margin=dict(l=10, r=10, b=50),
    )
    return fig


def _pct(value: float, sep: str) -> str:
    return f"{value:.1f}".replace(".", sep[0]) + "%"


def moves_matrix(
    table: pd.DataFrame,
    *,
    lang: str,
    title: str,
    from_label: str,
    to_label: str,
    hidden_label: str = "< 5",
) -> go.Figure:
    """table: from_box, to_box, employees. A 9 x 9 grid of counts (empty cells blank)."""
    z: list[list[int | None]] = [[None] * 9 for _ in range(9)]
    hidden: set[tuple[int, int]] = set()
    for r in table.itertuples():
        if pd.isna(r.employees):  # the small-group rule: few, not how few
            hidden.add((int(r.from_box) - 1, int(r.to_box) - 1))
            continue
        z[int(r.from_box) - 1][int(r.to_box) - 1] = int(r.employees)
    text = [
        [
            hidden_label if (i, j) in hidden else "" if v is None
            else f"{v:,}".replace(",", theme.separators(lang)[1])
            for j, v in enumerate(row)
        ]
        for i, row in enumerate(z)
    ]  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(b) for b in range(1, 10)],
            y=[str(b) for b in range(1, 10)],
            text=text,
            texttemplate="%{text}",
            colorscale=[[0, "#eef4fb"], [1, theme.ACCENT]],
            showscale=False,
            hovertemplate=f"{from_label} %{{y}} → {to_label} %{{x}}: %{{z}}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=460,
        xaxis=dict(title=to_label, side="bottom", showgrid=False, type="category"),
        yaxis=dict(title=from_label, showgrid=False, type="category"),
    )
    return fig


def calibration_bars(
    df: pd.DataFrame,
    population: Mapping[int, float],
    *,
    key: str,
    labels: Mapping[str, str],
    lang: str,
    title: str,
    population_label: str,
    box_label: str,
    value_label: str,
) -> go.Figure:
    """df: key, share_1 .. share_9, marked; stacked shares per group, the population first.
    Marked groups carry a ⚠."""
    names = [population_label] + [
        theme.plain(labels.get(v, v)) + (" ⚠" if m else "")
        for v, m in zip(df[key], df["marked"], strict=True)
    ]
    fig = go.Figure()
    for b in range(1, 10):
        values = [population.get(b, 0.0)] + list(df[f"share_{b}"])
        fig.add_trace(
            go.Bar(
                y=names,
                x=values,
                name=box_label.replace("{n}", str(b)),
                orientation="h",
                marker_color=BOX_COLORS[b],
                hovertemplate=f"%{{y}} · {box_label.replace('{n}', str(b))}: %{{x:.1f}}%"
                "<extra></extra>",
            )
        )
    theme.apply(fig, lang, title)
    fig.update_layout(
        barmode="stack",
        height=max(320, 28 * len(names) + 160),
        xaxis=dict(title=value_label, range=[0, 100]),
        yaxis=dict(autorange="reversed", showgrid=False),
        legend=dict(traceorder="normal"),
    )
    return fig


def readiness_radar(
    levels: pd.DataFrame,
    *,
    lang: str,
    title: str,
    standard_label: str,
) -> go.Figure:
    """levels: who (a label), competency_id, level (NaN when missing), required_level.
    The post's standard as a dashed line, each candidate's levels as a trace."""
    comps = sorted(levels["competency_id"].unique())
    std = levels.drop_duplicates("competency_id").set_index("competency_id")["required_level"]
    fig = go.Figure()
    closed = [*comps, comps[0]] if comps else []
    fig.add_trace(
        go.Scatterpolar(
            r=[float(std[c]) for c in closed],
            theta=closed,
            name=standard_label,
            line=dict(color=theme.INK, dash="dash"),
        )
    )
    for who, grp in levels.groupby("who", sort=False):
        by = grp.set_index("competency_id")["level"]
        fig.add_trace(
            go.Scatterpolar(
                r=[float(by.get(c, 0) if pd.notna(by.get(c)) else 0) for c in closed],
                theta=closed,
                name=theme.plain(who),
                fill="toself",
                opacity=0.55,
            )
        )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=560,
        polar=dict(radialaxis=dict(range=[0, 5], dtick=1)),
        legend=dict(orientation="h", yanchor="top", y=-0.08, xanchor="left", x=0),
        margin=dict(b=80),
    )
    return fig
