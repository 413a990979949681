"""Meeting materials: a 16:9 deck (.pptx), a PDF report and an Excel workbook of one filtered
view, from the same analytics functions the dashboard pages call.

    with store.snapshot() as snap:
        deck = build_report(snap.cur, filters, "pptx", "id")

`build_report` gathers a ReportContent once (content.gather: one read snapshot, small groups
always hidden) and renders it (deck, pdf, workbook). To make several formats of one view, gather
once and call `render` per format; pass a ChartRenderer to share one browser between them.
No module here imports streamlit (tests/test_architecture.py).
"""

from __future__ import annotations

from typing import Literal

import duckdb

from analytics.core.filters import Filters
from analytics.report.content import SECTIONS, ReportContent, gather, report_filters
from analytics.report.images import ChartRenderer, RenderError

Format = Literal["pptx", "pdf", "xlsx"]
FORMATS: tuple[Format, ...] = ("pptx", "pdf", "xlsx")
MEDIA_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "ChartRenderer",
    "RenderError",
    "SECTIONS",
    "ReportContent",
    "build_report",
    "gather",
    "render",
    "report_filters",
]


def needs_images(fmt: str) -> bool:
    """Whether a format draws images (and so needs a browser)."""
    return fmt in ("pptx", "pdf")


def render(content: ReportContent, fmt: str, renderer: ChartRenderer | None = None) -> bytes:
    """The report as bytes of `fmt`. Without a renderer, one is started for this call (and
    closed after it) when the format draws images."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; one of {', '.join(FORMATS)}")
    if content.sections != SECTIONS:  # a partial gather (presentation mode) is not a report
        raise ValueError(f"a report needs every section; gathered only {content.sections}")
    # Deferred imports, for start-up time only: each renderer loads its own library
    # (openpyxl, python-pptx, reportlab) when that format is asked for.
    if fmt == "xlsx":
        from analytics.report.workbook import render_workbook

        return render_workbook(content)
    if renderer is None:
        with ChartRenderer() as own:
            return render(content, fmt, own)
    if fmt == "pptx":
        from analytics.report.deck import render_deck

        return render_deck(content, renderer)
    from analytics.report.pdf import render_pdf

    return render_pdf(content, renderer)


def build_report(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    fmt: str,
    lang: str = "id",
    *,
    renderer: ChartRenderer | None = None,
) -> bytes:
    """The report of the view `filters` in `fmt` ('pptx' | 'pdf' | 'xlsx') and `lang`
    ('id' | 'en'), read from the snapshot cursor `cur`. Groups under five employees are always
    hidden, whatever filters.small_groups says."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; one of {', '.join(FORMATS)}")
    if renderer is None and needs_images(fmt):
        # started before gathering, so Chromium loads while the figures are computed
        with ChartRenderer() as own:
            return render(gather(cur, filters, lang), fmt, own)
    return render(gather(cur, filters, lang), fmt, renderer)
