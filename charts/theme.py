"""One look for every chart: template, fixed colours, number separators per language.

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies) for JPM
categories, which always carry text labels too; a fixed colour per competency so M.8 is the same
colour on every page, deck and PDF.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
ACCENT = "#0b5394"  # BKD blue
BELOW = "#d55e00"  # below standard
ABOVE = "#0072b2"  # meets / above standard
NEUTRAL = "#9ca3af"

# JPM mapping categories (Okabe–Ito: blue, yellow-orange, vermillion), best to worst.
CATEGORY_ORDER = ("Optimal", "Cukup Optimal", "Kurang Optimal")
CATEGORY_COLORS = {
    "Optimal": "#0072b2",
    "Cukup Optimal": "#e69f00",
    "Kurang Optimal": "#d55e00",
}

_COMPETENCY_PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#000000",
    "#8c564b",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
_FIXED = {f"M.{i}": _COMPETENCY_PALETTE[i - 1] for i in range(1, 9)} | {"SK.1": "#8c564b"}


def competency_color(competency_id: str) -> str:
    """The same colour for a competency everywhere; technical ones from a stable hash."""
    if competency_id in _FIXED:
        return _FIXED[competency_id]
    h = sum(ord(c) * (i + 1) for i, c in enumerate(competency_id))
    return _COMPETENCY_PALETTE[9 + h % 3]


def separators(lang: str) -> str:
    """Plotly's layout.separators: decimal mark then thousands separator."""
    return ",." if lang == "id" else ".,"


TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=15, color=INK),
        title=dict(font=dict(size=19, color=INK), x=0, xanchor="left", pad=dict(b=8)),
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=list(_COMPETENCY_PALETTE),
        xaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=GRID, automargin=True),
        yaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=GRID, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
        margin=dict(l=10, r=20, t=70, b=40),
        hoverlabel=dict(font=dict(family=FONT, size=14)),
    )
)
pio.templates["asn"] = TEMPLATE


def plain(text: object) -> str:
    """Data text (a name, a unit, a title) for a label, legend, title or hover text: Plotly reads
    tags (<b>, <br>, <a href>, <span style>) and entities in all of them, so `<`, `>` and `&`
    are written as entities, which it shows as the characters typed."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap(text: str, width: int = 95) -> str:
    """Break a long title over lines at spaces (Plotly does not wrap titles)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


def apply(fig: go.Figure, lang: str, title: str | None = None, width: int = 95) -> go.Figure:
    fig.update_layout(template="asn", separators=separators(lang))
    if title is not None:  # titles may quote the data (findings name agencies, competencies)
        wrapped = wrap(plain(title), width)
        extra = 24 * wrapped.count("<br>")
        fig.update_layout(title_text=wrapped, margin=dict(t=70 + extra))
    return fig
