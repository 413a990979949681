"""Chart helpers for the meeting materials (deck and PDF): the dashboard's figures restyled
for a projector or a printed page, and the heatmap's colour scale for colour-filled tables.

The figures themselves come from the page builders (charts.gaps, charts.trends, charts.impact),
so a slide shows what the page shows; only size, fonts and margins change here. The slide or
page states the finding as text, so the figure's own title is removed.
"""

from __future__ import annotations

import plotly.graph_objects as go

from charts import theme

# The colour scale of charts.gaps.heatmap (% below standard, 0 → 100): a table cell in the
# deck or the PDF gets the colour the heatmap gives the same value.
HEAT_SCALE: tuple[tuple[float, str], ...] = ((0.0, "#f7fbff"), (0.5, "#fdae6b"), (1.0, "#a63603"))
HIDDEN_FILL = "#e5e7eb"


def for_report(fig: go.Figure, *, font_size: int = 20, legend: bool | None = None) -> go.Figure:
    """The figure without its title, with fonts large enough for a projector or a page
    (sizes are CSS pixels of the rendered image; the caller picks the image size)."""
    fig = go.Figure(fig)  # a copy: the caller's figure is not changed
    fig.update_layout(
        title_text=None,
        font=dict(size=font_size),
        margin=dict(t=20, b=20, l=10, r=30),
    )
    fig.update_xaxes(title_font=dict(size=font_size), tickfont=dict(size=font_size))
    fig.update_yaxes(title_font=dict(size=font_size), tickfont=dict(size=font_size))
    fig.update_traces(textfont_size=font_size, selector=dict(type="scatter"))
    fig.update_traces(textfont_size=font_size, selector=dict(type="pie"))
    if legend is not None:
        fig.update_layout(showlegend=legend)
    return fig


def _rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def heat_color(value: float | None, zmax: float = 100.0) -> str:
    """The heatmap's colour for `value` (linear between the scale's stops, as Plotly
    interpolates), or the hidden-cell grey for a missing value."""
    if value is None or value != value:  # NaN
        return HIDDEN_FILL
    x = min(max(float(value) / zmax, 0.0), 1.0) if zmax else 0.0
    for (x0, c0), (x1, c1) in zip(HEAT_SCALE, HEAT_SCALE[1:], strict=False):
        if x <= x1:
            w = 0.0 if x1 == x0 else (x - x0) / (x1 - x0)
            a, b = _rgb(c0), _rgb(c1)
            mixed = tuple(round(p + (q - p) * w) for p, q in zip(a, b, strict=True))
            return "#{:02x}{:02x}{:02x}".format(*mixed)
    return HEAT_SCALE[-1][1]


def text_color_on(fill: str) -> str:
    """Dark ink on light fills, white on dark ones (relative luminance, WCAG)."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(fill))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # contrast against white vs against the ink: pick the larger
    return "#ffffff" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.066) else theme.INK
