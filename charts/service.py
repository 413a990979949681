"""Layanan Publik charts: the fixed-effects estimates, agency scatters, an unsur profile."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import theme

PREDICTOR_COLORS = {"mean_jpm": theme.ACCENT, "mean_jpm_prev": "#e69f00"}


def effects(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    outcome_labels: Mapping[str, str],
    predictor_labels: Mapping[str, str],
    x_label: str,
) -> go.Figure:
    """Effect per 10 JPM points with its 95 % interval, one row per outcome (in the order given,
    top to bottom), a marker per predictor; rows without an estimate show no marker (the
    caller writes why). Columns: outcome, predictor, effect_10, ci_low_10, ci_high_10,
    agencies, observations.

    The IKM (a 25-100 scale) has a panel and an x-axis of its own above the unsur (1-4): on one
    axis its interval would squeeze theirs to dots. Traces: per panel, one per predictor
    (IKM panel first), so data[0] is the IKM's same-year estimate."""
    order = list(dict.fromkeys(df["outcome"]))
    y_of = {o: theme.plain(outcome_labels.get(o, o)) for o in order}
    panels = [p for p in (["ikm"], [o for o in order if o != "ikm"]) if set(p) & set(order)]
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[max(1, len(p)) for p in panels],
        vertical_spacing=0.18 if len(panels) > 1 else 0.0,
    )
    for row, outcomes in enumerate(panels, 1):
        for predictor, color in PREDICTOR_COLORS.items():
            d = df[
                (df["predictor"] == predictor)
                & df["effect_10"].notna()
                & df["outcome"].isin(outcomes)
            ]
            fig.add_scatter(
                x=d["effect_10"],
                y=[y_of[o] for o in d["outcome"]],
                mode="markers",
                name=theme.plain(predictor_labels.get(predictor, predictor)),
                legendgroup=predictor,
                orientation="h",
                offsetgroup=predictor,
                showlegend=row == 1,
                marker=dict(size=11, color=color, symbol="square"),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=d["ci_high_10"] - d["effect_10"],
                    arrayminus=d["effect_10"] - d["ci_low_10"],
                    thickness=2,
                    width=6,
                    color=color,
                ),
                customdata=d[["ci_low_10", "ci_high_10", "agencies", "observations"]].to_numpy(),
                hovertemplate=(
                    f"%{{y}}<br>{theme.plain(x_label)}: %{{x:+.2f}}<br>95%: "
                    "%{customdata[0]:+.2f} … %{customdata[1]:+.2f}<br>n = %{customdata[2]:,.0f}"
                    " / %{customdata[3]:,.0f}<extra></extra>"
                ),
                row=row,
                col=1,
            )
        fig.add_vline(x=0, line=dict(color=theme.MUTED, width=1, dash="dash"), row=row, col=1)
        fig.update_yaxes(
            showgrid=False,
            categoryorder="array",
            categoryarray=[y_of[o] for o in reversed(outcomes)],
            row=row,
            col=1,
        )
        fig.update_xaxes(title_text=x_label if row == len(panels) else None, row=row, col=1)
    theme.apply(fig, lang, title)
    fig.update_layout(height=max(360, 60 * len(order) + 210), scattermode="group")
    return fig


# Points a scatter names: beyond these the labels cover each other (a province's 38 agencies
# already did) and a country's 15,053 labels took the browser seconds to draw; the rest are
# named on hover and in the table beside the chart.
MAX_LABELS = 12
# Beyond this many agencies a scatter is drawn as a density: how many agencies fall in each
# cell of a DENSITY_BINS x DENSITY_BINS grid, with the MAX_LABELS farthest from the middle as
# named points. A country's 15,053 markers covered each other (the cloud hid where most
# agencies sit) and took the browser ~0.5 s to draw after every click (WebGL without a GPU).
DENSITY_POINTS = 1000
DENSITY_BINS = 40
DENSITY_COLORS = [[0.0, "#dbe7f3"], [1.0, theme.ACCENT]]


def is_density(df: pd.DataFrame) -> bool:
    """Whether `scatter` draws these rows as a density (more than DENSITY_POINTS agencies)."""
    return len(df) > DENSITY_POINTS


# The room a code takes above its point, as a share of the plot's x and y ranges (a code of up
# to 8 characters at 11 px over a full-width plot of ~900 x 330 px, with a margin): a farther
# point whose code would cover a chosen one's is left unnamed, so no code is written over
# another (a country's change chart had clusters of three codes at IKM change +-10).
LABEL_ROOM = (0.09, 0.07)


def labelled(df: pd.DataFrame, x: str, y: str, limit: int = MAX_LABELS) -> pd.Series:
    """Which rows a scatter names: at most `limit`, farthest from the middle first (distance
    from the medians, each axis in units of its interquartile range; ties by agency_id), the
    agencies a reader asks about first; a row whose code would cover a code already chosen
    (closer than LABEL_ROOM on both axes) is skipped."""
    if df.empty:
        return pd.Series(False, index=df.index)

    def scaled(col: str) -> pd.Series:
        v = df[col].astype("float64")
        spread = v.quantile(0.75) - v.quantile(0.25)
        return (v - v.median()) / (spread if spread > 0 else 1.0)

    def share(col: str) -> np.ndarray:  # the position as a share of the plotted range
        v = df[col].astype("float64")
        span = v.max() - v.min()
        return ((v - v.min()) / (span if span > 0 else 1.0)).to_numpy()

    far = (scaled(x) ** 2 + scaled(y) ** 2).rename("far")
    order = pd.concat([far, df["agency_id"].astype(str)], axis=1)
    order = order.sort_values(["far", "agency_id"], ascending=[False, True], na_position="last")
    px, py = share(x), share(y)
    chosen: list[int] = []  # positions in df
    for i in df.index.get_indexer(order.index):
        if len(chosen) == limit:
            break
        near = (np.abs(px[chosen] - px[i]) < LABEL_ROOM[0]) & (
            np.abs(py[chosen] - py[i]) < LABEL_ROOM[1]
        )
        if not near.any():
            chosen.append(int(i))
    named = np.zeros(len(df), dtype=bool)
    named[chosen] = True
    return pd.Series(named, index=df.index)


def scatter(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    lang: str,
    title: str,
    x_label: str,
    y_label: str,
    labels: Mapping[str, str],
    n_label: str,
    n: str = "employees",
    zero_lines: bool = False,
    count_label: str = "",
) -> go.Figure:
    """One point per agency (column agency_id), hover with the agency's name, both values and n
    (employees assessed); at most MAX_LABELS points farthest from the middle, each with room
    for its code, carry their agency code (`labelled`). Beyond DENSITY_POINTS agencies, a
    density instead (`density`: colour = how many agencies, `count_label`, fall in a cell)
    under the named points, which keep their marker and hover."""
    named = df[labelled(df, x, y)]
    many = is_density(df)
    markers = named if many else df  # the points drawn one by one, with their hover
    fig = go.Figure()
    if many:
        fig.add_trace(density(df, x, y, x_label=x_label, y_label=y_label, count_label=count_label))
    fig.add_trace(
        go.Scatter(
            x=markers[x],
            y=markers[y],
            mode="markers",
            marker=dict(
                size=8 if many else 10,
                color=theme.INK if many else theme.ACCENT,
                opacity=0.8,
                line=dict(color="white", width=1) if many else None,
            ),
            # Arrays, not a list of (name, n) pairs: Plotly validates a list element by element.
            text=np.array(
                [theme.plain(labels.get(a, a)) for a in markers["agency_id"]],
                dtype=object,
            ),
            customdata=markers[n].fillna(0).astype("int64").to_numpy(),
            hovertemplate=(
                f"%{{text}}<br>{theme.plain(x_label)}: %{{x:.1f}}<br>"
                f"{theme.plain(y_label)}: %{{y:.2f}}<br>{theme.plain(n_label)}: "
                "%{customdata:,.0f}<extra></extra>"
            ),
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=named[x],
            y=named[y],
            mode="text",
            text=[str(a) for a in named["agency_id"]],
            textposition="top center",
            textfont=dict(size=11, color=theme.MUTED),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if zero_lines:
        fig.add_vline(x=0, line=dict(color=theme.MUTED, width=1, dash="dash"))
        fig.add_hline(y=0, line=dict(color=theme.MUTED, width=1, dash="dash"))
    theme.apply(fig, lang, title)
    fig.update_layout(height=460, xaxis_title=x_label, yaxis_title=y_label)
    return fig


def density(
    df: pd.DataFrame, x: str, y: str, *, x_label: str, y_label: str, count_label: str
) -> go.Heatmap:
    """How many rows (agencies) fall in each cell of a DENSITY_BINS x DENSITY_BINS grid over
    the rows' range of x and y (rows missing either are left out); empty cells are blank. The
    hover gives the cell's ranges and its count."""
    v = df[[x, y]].astype("float64").dropna()
    counts, x_edges, y_edges = np.histogram2d(v[x], v[y], bins=DENSITY_BINS)
    z = counts.T.astype(object)  # rows: y bins
    z[z == 0] = None
    ranges = np.empty((len(y_edges) - 1, len(x_edges) - 1, 4))
    ranges[..., 0], ranges[..., 1] = x_edges[:-1], x_edges[1:]
    ranges[..., 2], ranges[..., 3] = y_edges[:-1, None], y_edges[1:, None]
    return go.Heatmap(
        x=(x_edges[:-1] + x_edges[1:]) / 2,
        y=(y_edges[:-1] + y_edges[1:]) / 2,
        z=z,
        customdata=ranges,
        colorscale=DENSITY_COLORS,
        colorbar=dict(title=dict(text=theme.plain(count_label)), thickness=12),
        hoverongaps=False,
        hovertemplate=(
            f"{theme.plain(x_label)}: %{{customdata[0]:.2f}} – %{{customdata[1]:.2f}}<br>"
            f"{theme.plain(y_label)}: %{{customdata[2]:.2f}} – %{{customdata[3]:.2f}}<br>"
            f"{theme.plain(count_label)}: %{{z:,.0f}}<extra></extra>"
        ),
    )


def unsur_profile(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unsur_labels: Mapping[str, str],
    y_label: str,
) -> go.Figure:
    """The nine unsur scores (NRR, 1-4) of one agency, a bar group per year (rows: year, u1 ...
    u9; a year without unsur is left out)."""
    unsur = [f"u{i}" for i in range(1, 10)]
    d = df.dropna(subset=unsur, how="all").sort_values("year")
    fig = go.Figure()
    palette = ("#9ecae1", "#4292c6", "#08519c", "#08306b")
    for i, (_, r) in enumerate(d.iterrows()):
        fig.add_bar(
            x=[theme.plain(unsur_labels.get(u, u)) for u in unsur],
            y=[r[u] for u in unsur],
            name=str(int(r["year"])),
            marker_color=palette[-len(d) + i] if len(d) <= len(palette) else None,
            hovertemplate="%{x}<br>%{y:.2f}<extra>" + str(int(r["year"])) + "</extra>",
        )
    theme.apply(fig, lang, title)
    fig.update_layout(
        height=420, barmode="group", yaxis=dict(range=[1, 4], title=y_label), xaxis_tickangle=-30
    )
    return fig
