"""The meeting deck (.pptx, 16:9): one finding per slide, legible from the back of the room.

Slides: title (scope, filters in words, data as of), headline figures with JPM categories
(native doughnut), the gap heatmap (a colour-filled native table), the trend (native line
chart), training impact (the forest plot as an image: PowerPoint has no interval chart), and
the top training needs (native table). Charts and tables are native where PowerPoint can draw
them, so they stay editable; colours are charts.theme's. Each slide's headline is the finding
analytics.views.findings writes from the numbers; a footer carries the filters, the data version and
the page number. Text is Arial (on every Windows and Office install; Liberation Sans elsewhere
has the same metrics), at 13 pt or more except footers and legends.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_DATA_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from analytics.core.numfmt import integer, num, pct, signed
from analytics.metrics.talent import box_of as tm_box
from analytics.report import figures
from analytics.report.content import CATEGORIES, CATEGORY_COLUMNS, ReportContent
from analytics.report.images import ChartRenderer
from analytics.report.layout import (
    competency_legend,
    is_missing,
    lines_needed,
    matrix_pivot,
    moves_sentence,
    needs_rows,
    risk_rows,
    row_height_pt,
    rupiah_short,
    service_rows,
    talent_cells,
    talent_figures,
)
from analytics.report.texts import t
from analytics.views import service as service_view
from charts import report as chart_style
from charts import theme
from charts.talent import BOX_COLORS

FONT = "Arial"
W, H = 13.333, 7.5  # inches, 16:9
MARGIN = 0.5
CONTENT_W = W - 2 * MARGIN
BODY_TOP, BODY_BOTTOM = 1.78, 6.82
FOOTER_Y = 7.0
HEADLINE_SIZES = (26, 24, 22, 20)  # the largest that fits two lines
TABLE_PT = 14
CELL_PAD_W, CELL_PAD_H = 10.0, 7.0  # pt: 5 left + 5 right, 3.5 top + 3.5 bottom
MAX_MATRIX_ROWS = 12
MAX_NEEDS_ROWS = 6
FOREST_PX = (1230, 400)  # CSS px of the image, placed 12.33 in wide: ~100 px per inch
TILE_FILL = "#f3f6fa"
WHITE = "#ffffff"


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box."""

    text: str
    size: float
    bold: bool = False
    color: str = theme.INK
    space_after: float = 0.0  # pt


def _box(
    slide: Slide,
    x: float,
    y: float,
    w: float,
    h: float,
    lines: list[Line],
    *,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        para.space_after = Pt(line.space_after)
        run = para.add_run()
        run.text = line.text
        _font(run.font, line.size, line.bold, line.color)


def _text(
    slide: Slide, x: float, y: float, w: float, h: float, text: str, size: float, **kw: Any
) -> None:
    align = kw.pop("align", PP_ALIGN.LEFT)
    anchor = kw.pop("anchor", MSO_ANCHOR.TOP)
    _box(slide, x, y, w, h, [Line(text, size, **kw)], align=align, anchor=anchor)


def _font(font: Any, size: float, bold: bool = False, color: str | None = None) -> None:
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    if color is not None:
        font.color.rgb = _rgb(color)


def _rect(slide: Slide, x: float, y: float, w: float, h: float, fill: str) -> None:
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(fill)
    shape.line.fill.background()
    _unstyled(shape)


def _unstyled(shape: Any) -> None:
    """Drop the theme style python-pptx gives new shapes (an outline and a drop shadow that
    some viewers draw even when told not to): the shape keeps only what is set here."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def headline_size(text: str) -> int:
    """The largest headline size at which the finding fits two lines across the slide."""
    for size in HEADLINE_SIZES:
        if lines_needed(text, CONTENT_W * 72, size) <= 2:
            return size
    return HEADLINE_SIZES[-1]


def _header(slide: Slide, kicker: str, headline: str) -> None:
    """Section name above the finding; the finding is the slide's title."""
    _rect(slide, 0, 0, W, 0.12, theme.ACCENT)
    _text(slide, MARGIN, 0.3, CONTENT_W, 0.3, kicker.upper(), 13, bold=True, color=theme.ACCENT)
    _text(slide, MARGIN, 0.62, CONTENT_W, 1.1, headline, headline_size(headline), bold=True)


def _footer(slide: Slide, c: ReportContent, page: int, pages: int) -> None:
    line = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT,
        Inches(MARGIN),
        Inches(FOOTER_Y - 0.07),
        Inches(W - MARGIN),
        Inches(FOOTER_Y - 0.07),
    )
    line.line.color.rgb = _rgb(theme.GRID)
    line.line.width = Pt(0.75)
    _unstyled(line)
    text = one_line(
        f"{c.filter_summary or t('no_filters', c.lang)}  ·  {c.data_as_of}",
        (CONTENT_W - 1.2) * 72,
        11,
    )
    _text(slide, MARGIN, FOOTER_Y, CONTENT_W - 1.2, 0.35, text, 11, color=theme.MUTED)
    _text(
        slide,
        W - MARGIN - 1.1,
        FOOTER_Y,
        1.1,
        0.35,
        f"{page} / {pages}",
        11,
        color=theme.MUTED,
        align=PP_ALIGN.RIGHT,
    )


def one_line(text: str, width_pt: float, size: float) -> str:
    """`text` shortened with an ellipsis in the middle, keeping its end (the data version),
    so that it fits one line."""
    if lines_needed(text, width_pt, size) <= 1:
        return text
    head, _, tail = text.rpartition("  ·  ")
    while head and lines_needed(f"{head} …  ·  {tail}", width_pt, size) > 1:
        head = head[:-1].rstrip()
    return f"{head} …  ·  {tail}"


def _note(slide: Slide, y: float, text: str, size: float = 13, h: float = 0.4) -> None:
    _text(slide, MARGIN, y, CONTENT_W, h, text, size, color=theme.MUTED)


def _title_slide(slide: Slide, c: ReportContent) -> None:
    _rect(slide, 0, 0, 0.35, H, theme.ACCENT)
    x, w = 1.0, W - 1.0 - MARGIN
    _text(slide, x, 1.0, w, 1.0, t("title", c.lang), 44, bold=True)
    sub = t("subtitle", c.lang) + (f" · {c.year}" if c.year is not None else "")
    _text(slide, x, 1.95, w, 0.6, sub, 24, color=theme.ACCENT)
    filters = [Line(s, 20, space_after=6) for s in (c.filter_lines or (t("no_filters", c.lang),))]
    _box(slide, x, 2.9, w, 2.3, filters)
    _box(
        slide,
        x,
        5.2,
        w,
        1.5,
        [
            Line(c.scope, 16, color=theme.MUTED, space_after=4),
            Line(c.data_as_of, 16, color=theme.MUTED, space_after=4),
            Line(t("small_rule", c.lang, n=c.filters.min_group), 14, color=theme.MUTED),
        ],
    )


def _kpi_slide(slide: Slide, c: ReportContent) -> None:
    _header(slide, t("sec_kpis", c.lang), c.headlines["kpis"])
    if c.kpis.employees is None:
        return
    tile_w, tile_h, gap = 2.55, 2.4, 0.18
    for i, kpi in enumerate(c.kpi_tiles):
        x = MARGIN + (i % 3) * (tile_w + gap)
        y = BODY_TOP + 0.05 + (i // 3) * (tile_h + gap)
        _rect(slide, x, y, tile_w, tile_h, TILE_FILL)
        _text(slide, x + 0.2, y + 0.18, tile_w - 0.4, 0.75, kpi.label, 15, color=theme.MUTED)
        _text(slide, x + 0.2, y + 0.95, tile_w - 0.4, 0.8, kpi.value, 36, bold=True)
        if kpi.note:
            _text(slide, x + 0.2, y + 1.8, tile_w - 0.4, 0.5, kpi.note, 13, color=theme.MUTED)
    left = MARGIN + 3 * (tile_w + gap) + 0.1
    _categories_chart(slide, c, x=left, y=BODY_TOP - 0.1, w=W - MARGIN - left, h=5.1)


def _add_chart(
    slide: Slide, kind: Any, box: tuple[float, float, float, float], data: CategoryChartData
) -> Any:
    """A native chart in the box (inches): x, y, width, height."""
    x, y, w, h = (Inches(v) for v in box)
    # python-pptx's annotation names the deprecated ChartData subclass; CategoryChartData is
    # what it documents and accepts
    frame = slide.shapes.add_chart(kind, x, y, w, h, data)  # type: ignore[arg-type]
    return frame.chart  # type: ignore[attr-defined]


def _categories_chart(
    slide: Slide, c: ReportContent, x: float, y: float, w: float, h: float
) -> None:
    """JPM categories as a native doughnut; the shares are written into the category names
    (as numfmt writes them, whatever PowerPoint's locale) and slices use the theme's colours."""
    if any(is_missing(c.categories.get(col)) for col in CATEGORY_COLUMNS):
        return
    data = CategoryChartData()
    data.categories = [
        f"{t(f'cat_{cat}', c.lang)}: {pct(c.categories[col], c.lang)}"
        for cat, col in zip(CATEGORIES, CATEGORY_COLUMNS, strict=True)
    ]
    data.add_series(
        t("k_categories", c.lang), [float(c.categories[col] or 0) for col in CATEGORY_COLUMNS]
    )
    chart = _add_chart(slide, XL_CHART_TYPE.DOUGHNUT, (x, y, w, h), data)
    chart.font.name = FONT
    chart.has_title = True
    chart.chart_title.text_frame.text = t("k_categories", c.lang)
    _font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, 16, True, theme.INK)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    _font(chart.legend.font, 14, False, theme.INK)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_value = False
    labels.show_percentage = True
    labels.number_format = "0%"  # whole percents read the same in every locale
    labels.number_format_is_linked = False
    _font(labels.font, 16, True, WHITE)
    for point, cat in zip(plot.series[0].points, CATEGORIES, strict=True):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(theme.CATEGORY_COLORS[cat])


def _cell(
    cell: Any,
    text: str,
    size: float,
    *,
    fill: str,
    color: str = theme.INK,
    bold: bool = False,
    align: PP_ALIGN = PP_ALIGN.LEFT,
) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Pt(CELL_PAD_W / 2)
    cell.margin_top = cell.margin_bottom = Pt(CELL_PAD_H / 2)
    frame = cell.text_frame
    frame.word_wrap = True
    para = frame.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = text
    _font(run.font, size, bold, color)


def _table(slide: Slide, top: float, widths: list[float], heights: list[float]) -> Any:
    shape = slide.shapes.add_table(
        len(heights),
        len(widths),
        Inches(MARGIN),
        Inches(top),
        Inches(sum(widths)),
        Pt(sum(heights)),
    )
    table = shape.table
    table.first_row = False  # our own header fill, no built-in banding
    table.horz_banding = False
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for i, h in enumerate(heights):
        table.rows[i].height = Emu(int(Pt(h)))
    return table


def _fill(
    table: Any,
    heads: list[str],
    rows: list[list[str]],
    head_pt: float,
    size: float,
    numeric: set[int],
    bold: int,
) -> None:
    """A table's blue header row and banded body rows; `numeric` columns right-aligned, the
    `bold` column in bold."""
    for j, head in enumerate(heads):
        align = PP_ALIGN.RIGHT if j in numeric else PP_ALIGN.LEFT
        _cell(
            table.cell(0, j), head, head_pt, fill=theme.ACCENT, color=WHITE, bold=True, align=align
        )
    for i, cells in enumerate(rows, start=1):
        fill = WHITE if i % 2 else TILE_FILL
        for j, s in enumerate(cells):
            align = PP_ALIGN.RIGHT if j in numeric else PP_ALIGN.LEFT
            _cell(table.cell(i, j), s, size, fill=fill, bold=j == bold, align=align)


def _fit_rows(
    rows: list[list[str]], widths: list[float], size: float, room_pt: float, limit: int
) -> list[float]:
    """Heights of the leading rows that fit in `room_pt` (at most `limit`)."""
    heights: list[float] = []
    for cells in rows[:limit]:
        h = row_height_pt(
            [(s, w * 72) for s, w in zip(cells, widths, strict=True)], size, CELL_PAD_W, CELL_PAD_H
        )
        if sum(heights) + h > room_pt:
            break
        heights.append(h)
    return heights


def _gaps_slide(slide: Slide, c: ReportContent) -> None:
    _header(slide, t("sec_gaps", c.lang), c.headlines["gaps"])
    pivot = matrix_pivot(c)
    if pivot.empty:
        return
    names = c.names["agency"]
    cols = [str(x) for x in pivot.columns]
    label_w, size = 4.6, 13
    widths = [label_w] + [(CONTENT_W - label_w) / len(cols)] * len(cols)
    legend = competency_legend(c, cols)
    legend_h = lines_needed(legend, CONTENT_W * 72, 12) * 12 * 1.2 / 72 + 0.05
    top = BODY_TOP + 0.38
    head_h = TABLE_PT * 1.2 + CELL_PAD_H
    room = (BODY_BOTTOM - legend_h - 0.1 - top) * 72 - head_h
    # value cells are TABLE_PT: a one-line row is as tall as they are
    labels = [[names.get(str(a), str(a))] + ["00"] * len(cols) for a in pivot.index]
    heights = _fit_rows(labels, widths, TABLE_PT, room, MAX_MATRIX_ROWS)
    rows = pivot.iloc[: len(heights)]
    note = t("gaps_note", c.lang)
    if len(rows) < len(pivot):
        note += " " + t("gaps_top", c.lang, k=len(rows), n=len(pivot))
    _note(slide, BODY_TOP - 0.02, note)
    table = _table(slide, top, widths, [head_h, *heights])
    _cell(
        table.cell(0, 0),
        t("col_agency", c.lang),
        TABLE_PT,
        fill=theme.ACCENT,
        color=WHITE,
        bold=True,
    )
    for j, cid in enumerate(cols, start=1):
        _cell(
            table.cell(0, j),
            cid,
            TABLE_PT,
            fill=theme.ACCENT,
            color=WHITE,
            bold=True,
            align=PP_ALIGN.CENTER,
        )
    for i, (agency_id, values) in enumerate(rows.iterrows(), start=1):
        _cell(table.cell(i, 0), names.get(str(agency_id), str(agency_id)), size, fill=WHITE)
        for j, cid in enumerate(cols, start=1):
            v = values[cid]
            fill = chart_style.heat_color(None if is_missing(v) else float(v))
            _cell(
                table.cell(i, j),
                "–" if is_missing(v) else num(v, c.lang, 0),
                TABLE_PT,
                fill=fill,
                color=chart_style.text_color_on(fill),
                align=PP_ALIGN.CENTER,
                bold=True,
            )
    table_bottom = top + (head_h + sum(heights)) / 72
    _note(slide, table_bottom + 0.1, legend, 12, legend_h)


def _trend_slide(slide: Slide, c: ReportContent) -> None:
    _header(slide, t("sec_trend", c.lang), c.headlines["trend"])
    d = c.trend.sort_values("year")
    if d.empty:
        return
    chart_w = 7.7
    data = CategoryChartData()
    data.categories = [str(int(y)) for y in d["year"]]
    data.add_series(t("trend_measure", c.lang), [float(v) for v in d["pct_meeting"]])
    chart = _add_chart(
        slide, XL_CHART_TYPE.LINE_MARKERS, (MARGIN, BODY_TOP, chart_w, BODY_BOTTOM - BODY_TOP), data
    )
    chart.font.name = FONT
    chart.font.size = Pt(14)
    chart.has_title = False
    chart.has_legend = False
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = 0, 100
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(theme.GRID)
    axis.format.line.fill.background()
    axis.has_title = True
    axis.axis_title.text_frame.text = t("trend_measure", c.lang)
    _font(axis.axis_title.text_frame.paragraphs[0].runs[0].font, 14, False, theme.MUTED)
    _font(axis.tick_labels.font, 14, False, theme.MUTED)
    _font(chart.category_axis.tick_labels.font, 16, True, theme.INK)
    series = chart.plots[0].series[0]
    series.smooth = False
    series.format.line.color.rgb = _rgb(theme.ACCENT)
    series.format.line.width = Pt(3.5)
    series.marker.size = 11
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = _rgb(theme.ACCENT)
    series.marker.format.line.color.rgb = _rgb(theme.ACCENT)
    # each label written as numfmt writes it ("43,6%"): a number format would follow the
    # viewer's locale instead of the report's language
    for point, value in zip(series.points, d["pct_meeting"], strict=True):
        label = point.data_label
        label.position = XL_DATA_LABEL_POSITION.ABOVE
        label.text_frame.text = pct(value, c.lang)
        _font(label.text_frame.paragraphs[0].runs[0].font, 18, True, theme.INK)
    x = MARGIN + chart_w + 0.4
    w = W - MARGIN - x
    lines: list[Line] = []
    for row in d.itertuples(index=False):
        lines.append(Line(str(int(row.year)), 18, bold=True, space_after=0))
        lines.append(
            Line(
                f"{pct(row.pct_meeting, c.lang)} · "
                + t("trend_jpm", c.lang, v=num(row.mean_jpm, c.lang, 1)),
                16,
                space_after=0,
            )
        )
        lines.append(
            Line(
                t("trend_people", c.lang, n=integer(row.employees, c.lang)),
                14,
                color=theme.MUTED,
                space_after=10,
            )
        )
    same = _same_people_sentence(c)
    if same:
        lines.append(Line(same, 15, color=theme.ACCENT))
    _box(slide, x, BODY_TOP + 0.1, w, BODY_BOTTOM - BODY_TOP - 0.1, lines)


def _same_people_sentence(c: ReportContent) -> str | None:
    if c.same_people.empty or is_missing(c.same_people.iloc[0]["mean_change"]):
        return None
    row = c.same_people.iloc[0]
    return t(
        "trend_same",
        c.lang,
        n=integer(row["employees"], c.lang),
        y0=int(row["year0"]),
        y1=int(row["year1"]),
        d=signed(row["mean_change"], c.lang, 2),
        a=pct(row["pct_meeting0"], c.lang),
        b=pct(row["pct_meeting1"], c.lang),
    )


def _impact_slide(slide: Slide, c: ReportContent, image: bytes | None) -> None:
    _header(slide, t("sec_impact", c.lang), c.headlines["impact"])
    if image is None:
        return
    h = CONTENT_W * FOREST_PX[1] / FOREST_PX[0]
    slide.shapes.add_picture(
        io.BytesIO(image), Inches(MARGIN), Inches(BODY_TOP), Inches(CONTENT_W), Inches(h)
    )
    note = t("impact_note", c.lang) + " " + t("impact_more", c.lang)
    _note(slide, BODY_TOP + h + 0.1, note, 13, BODY_BOTTOM - BODY_TOP - h - 0.1)


def _needs_slide(slide: Slide, c: ReportContent) -> None:
    _header(slide, t("sec_needs", c.lang), c.headlines["needs"])
    if c.needs.empty:
        return
    widths = [2.55, 3.45, 1.2, 1.2, 2.5, 1.43]  # inches, 12.33 in all
    heads = [
        t(k, c.lang)
        for k in (
            "col_competency",
            "col_where",
            "col_below",
            "col_priority",
            "col_recommended",
            "col_cost",
        )
    ]
    rows = []
    for r in needs_rows(c, MAX_NEEDS_ROWS).itertuples(index=False):
        rec = (
            r.recommended_training
            if isinstance(r.recommended_training, str)
            else t("no_recommendation", c.lang)
        )
        rows.append(
            [
                r.competency_text,
                r.where_text,
                integer(r.employees_below, c.lang),
                num(r.priority, c.lang, 1),
                rec,
                rupiah_short(r.estimated_cost_idr, c.lang),
            ]
        )
    head_pt = 13
    head_h = row_height_pt(
        [(h, w * 72) for h, w in zip(heads, widths, strict=True)], head_pt, CELL_PAD_W, CELL_PAD_H
    )
    top = BODY_TOP
    total = (
        t(
            "needs_total",
            c.lang,
            n=integer(c.needs_totals.employees_below, c.lang),
            k=integer(c.needs_rows, c.lang),
            cost=rupiah_short(c.needs_totals.estimated_cost_idr, c.lang),
        )
        + " "
        + t("needs_note", c.lang)
    )
    total_h = lines_needed(total, CONTENT_W * 72, 13) * 13 * 1.2 / 72
    room = (BODY_BOTTOM - total_h - 0.15 - top) * 72 - head_h
    heights = _fit_rows(rows, widths, TABLE_PT, room, MAX_NEEDS_ROWS)
    rows = rows[: len(heights)]
    table = _table(slide, top, widths, [head_h, *heights])
    numeric = {2, 3, 5}
    _fill(table, heads, rows, head_pt, TABLE_PT, numeric, bold=3)
    _note(slide, top + (head_h + sum(heights)) / 72 + 0.12, total, 13, total_h + 0.1)


def _service_slide(slide: Slide, c: ReportContent) -> None:
    _header(slide, t("sec_service", c.lang), c.headlines["service"])
    rows = service_rows(c)
    if not rows:
        _note(slide, BODY_TOP, t("no_service", c.lang), 16)
        return
    heads = [
        t(k, c.lang)
        for k in ("sv_col_outcome", "sv_col_effect", "sv_col_ci", "sv_col_n", "sv_col_verdict")
    ]
    widths = [3.3, 2.0, 2.6, 2.3, CONTENT_W - 10.2]
    head_pt, size = 14, 15
    head_h = row_height_pt(
        [(h, w * 72) for h, w in zip(heads, widths, strict=True)], head_pt, CELL_PAD_W, CELL_PAD_H
    )
    heights = _fit_rows(rows, widths, size, 3.2 * 72, len(rows))
    table = _table(slide, BODY_TOP, widths, [head_h, *heights])
    numeric = {1, 2, 3}
    _fill(table, heads, rows[: len(heights)], head_pt, size, numeric, bold=4)
    y = BODY_TOP + (head_h + sum(heights)) / 72 + 0.15
    notes = [*c.service_sentences[1:], service_view.caveat(c.lang), t("sv_note", c.lang)]
    text = " ".join(notes)
    h = lines_needed(text, CONTENT_W * 72, 13) * 13 * 1.25 / 72 + 0.1
    _note(slide, y, text, 13, min(h, BODY_BOTTOM - y))


DARK_BOXES = {9, 8, 7, 1}  # white text on these fills (charts.talent draws them alike)


def _grid_cell(cell: Any, lines: list[Line], fill: str) -> None:
    """A 9-box cell: centred paragraphs on the box's colour."""
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Pt(CELL_PAD_W / 2)
    cell.margin_top = cell.margin_bottom = Pt(2)
    frame = cell.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        run.text = line.text
        _font(run.font, line.size, line.bold, line.color)


def _talent_slide(slide: Slide, c: ReportContent) -> None:
    """The 9-box as KemenPANRB draws it (kinerja vertical, potensial horizontal, the official
    numbers), a native table; beside it the year's figures and the moves since the last."""
    _header(slide, t("sec_talent", c.lang), c.headlines["talent"])
    if c.talent_hidden or c.talent.mapped == 0:
        return
    cells = talent_cells(c)
    label_w, box_w, box_h, foot_h = 1.75, 2.05, 1.15, 0.5
    widths = [label_w, box_w, box_w, box_w]
    top = BODY_TOP + 0.05
    table = _table(slide, top, widths, [box_h * 72] * 3 + [foot_h * 72])
    for i, perf in enumerate((2, 1, 0)):
        _cell(
            table.cell(i, 0),
            t(f"tl_perf_{perf}", c.lang),
            14,
            fill=TILE_FILL,
            bold=True,
            align=PP_ALIGN.RIGHT,
        )
        for pot in range(3):
            box = tm_box(perf, pot)
            count, share = cells[box]
            ink = WHITE if box in DARK_BOXES else theme.INK
            _grid_cell(
                table.cell(i, pot + 1),
                [
                    Line(str(box), 24, bold=True, color=ink),
                    Line(f"{count} · {share}", 16, color=ink),
                ],
                BOX_COLORS[box],
            )
    _cell(
        table.cell(3, 0),
        f"{t('tl_performance', c.lang)} ↑ · {t('tl_potential', c.lang)} →",
        12,
        fill=WHITE,
        color=theme.MUTED,
        align=PP_ALIGN.RIGHT,
    )
    for pot in range(3):
        _cell(
            table.cell(3, pot + 1),
            t(f"tl_pot_{pot}", c.lang),
            14,
            fill=TILE_FILL,
            bold=True,
            align=PP_ALIGN.CENTER,
        )
    x = MARGIN + sum(widths) + 0.35
    w = W - MARGIN - x
    lines: list[Line] = [
        Line(t("tl_year", c.lang, year=c.talent.year), 16, bold=True, space_after=6)
    ]
    for label, value in talent_figures(c):
        lines.append(Line(label, 13, color=theme.MUTED))
        lines.append(Line(value, 20, bold=True, space_after=4))
    if c.talent_moves.from_year is not None:
        lines.append(
            Line(t("tl_moves", c.lang, y0=c.talent_moves.from_year), 15, bold=True, space_after=2)
        )
    lines.append(Line(moves_sentence(c), 14, color=theme.ACCENT))
    _box(slide, x, BODY_TOP, w, BODY_BOTTOM - BODY_TOP, lines)
    table_bottom = top + (3 * box_h + foot_h)
    note = t("tl_grid_note", c.lang, n=c.filters.min_group)
    if c.talent.unmapped and c.talent.year is not None:
        note += " " + t("tl_unmapped_note", c.lang, lo=c.talent.year - 2, hi=c.talent.year)
    _text(
        slide, MARGIN, table_bottom + 0.08, sum(widths), BODY_BOTTOM - table_bottom, note, 11,
        color=theme.MUTED,
    )  # fmt: skip


def _succession_slide(slide: Slide, c: ReportContent) -> None:
    """Posts at risk and their candidates by readiness: counts only."""
    _header(slide, t("sec_succession", c.lang), c.headlines["succession"])
    rows = risk_rows(c)
    if not rows:
        return
    heads = [
        t(k, c.lang)
        for k in (
            "sc_col_post",
            "sc_col_type",
            "sc_col_risks",
            "sc_col_ms",
            "sc_col_mms",
            "sc_col_kms",
            "sc_col_incomplete",
        )
    ]
    widths = [3.6, 1.6, 2.0, 1.28, 1.28, 1.28, CONTENT_W - 11.04]
    head_pt, size = 12, 13
    head_h = row_height_pt(
        [(h, w * 72) for h, w in zip(heads, widths, strict=True)], head_pt, CELL_PAD_W, CELL_PAD_H
    )
    note = t("sc_note", c.lang)
    note_lines = lines_needed(note + " " + t("sc_top", c.lang, k=99, n=99), CONTENT_W * 72, 12)
    note_h = note_lines * 12 * 1.25 / 72 + 0.1
    room = (BODY_BOTTOM - note_h - 0.15 - BODY_TOP) * 72 - head_h
    heights = _fit_rows(rows, widths, size, room, len(rows))
    table = _table(slide, BODY_TOP, widths, [head_h, *heights])
    numeric = {3, 4, 5, 6}
    _fill(table, heads, rows[: len(heights)], head_pt, size, numeric, bold=3)
    shown = len(heights)
    note += " " + t("sc_top", c.lang, k=shown, n=c.risk_counts["posts"])
    y = BODY_TOP + (head_h + sum(heights)) / 72 + 0.12
    _note(slide, y, note, 12, min(note_h, BODY_BOTTOM - y))


def render_deck(c: ReportContent, renderer: ChartRenderer | None) -> bytes:
    """The deck as .pptx bytes. `renderer` draws the forest plot (the one image); it may be
    None only when there is no estimate to draw."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(W), Inches(H)
    prs.core_properties.title = f"{t('title', c.lang)}: {t('subtitle', c.lang)}"
    prs.core_properties.author = "Dasbor Kompetensi ASN"
    forest = figures.forest(c, font_size=22)
    image = None
    if forest is not None:
        if renderer is None:
            raise ValueError("a ChartRenderer is needed to draw the forest plot")
        image = renderer.png(forest, *FOREST_PX)
    blank = prs.slide_layouts[6]
    builders: list[Callable[[Slide], None]] = [
        lambda s: _title_slide(s, c),
        lambda s: _kpi_slide(s, c),
        lambda s: _gaps_slide(s, c),
        lambda s: _trend_slide(s, c),
        lambda s: _impact_slide(s, c, image),
        lambda s: _needs_slide(s, c),
        lambda s: _service_slide(s, c),
        lambda s: _talent_slide(s, c),
        lambda s: _succession_slide(s, c),
    ]
    for page, build in enumerate(builders, start=1):
        slide = prs.slides.add_slide(blank)
        build(slide)
        _footer(slide, c, page, len(builders))
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
