"""The PDF report (A4 landscape): the deck's sections with fuller tables, for reading and
printing. Every page carries the filters and the data version in its header and "page i of n"
in its footer; text uses the bundled DejaVu Sans (fonts/LICENSE), which renders Indonesian and
the symbols used here (≥ → − ›) on any machine. Charts are PNG images rendered by kaleido.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from analytics.core.numfmt import integer, num, pct, rupiah, signed
from analytics.metrics.talent import box_of
from analytics.report import figures
from analytics.report.content import ReportContent
from analytics.report.images import ChartRenderer
from analytics.report.layout import (
    competency_legend,
    is_missing,
    matrix_pivot,
    moves_grid,
    moves_sentence,
    needs_rows,
    risk_rows,
    service_rows,
    talent_cells,
    talent_figures,
)
from analytics.report.texts import t
from analytics.views import service as service_view
from charts import report as chart_style
from charts import theme
from charts.talent import BOX_COLORS

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 24 * mm, 18 * mm
BODY_W = PAGE[0] - 2 * MARGIN_X
MAX_NEEDS_ROWS = 11
MAX_PROGRAMMES = 7
# Image sizes in CSS px; placed at BODY_W they get ~4 px per mm, so 16 px text prints ~11 pt.
TREND_PX, FOREST_PX, DONUT_PX = (1060, 380), (1060, 330), (480, 480)


@cache
def _fonts() -> None:
    """Register the bundled fonts once per process."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    color: str = theme.INK,
    leading: float | None = None,
    align: int = 0,
    space_after: float = 0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=leading or size * 1.25,
        textColor=colors.HexColor(color),
        alignment=align,
        spaceAfter=space_after,
    )


S_TITLE = _style("title", 26, bold=True, space_after=4)
S_SUB = _style("sub", 15, color=theme.ACCENT, space_after=10)
S_KICKER = _style("kicker", 10, bold=True, color=theme.ACCENT, space_after=2)
S_HEAD = _style("head", 15, bold=True, space_after=6, leading=19)
S_BODY = _style("body", 11, space_after=3)
S_NOTE = _style("note", 9, color=theme.MUTED, space_after=3)
S_CELL = _style("cell", 9, leading=11)
S_CELL_R = _style("cell_r", 9, leading=11, align=TA_RIGHT)
S_CELL_HEAD = _style("cell_head", 8.5, bold=True, color="#ffffff", leading=10.5)
S_CELL_HEAD_R = _style("cell_head_r", 8.5, bold=True, color="#ffffff", leading=10.5, align=TA_RIGHT)
S_KPI_LABEL = _style("kpi_label", 10, color=theme.MUTED)
S_KPI_VALUE = _style("kpi_value", 24, bold=True, leading=30)
S_KPI_NOTE = _style("kpi_note", 8.5, color=theme.MUTED)


# Every table cell sets a font, even around a Paragraph: the bundled one, so that no page
# refers to a font the PDF does not embed.
BASE_TABLE_STYLE: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), FONT, 9)]


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _section(c: ReportContent, key: str) -> list[Flowable]:
    """Section name and the finding, kept with what follows."""
    return [_p(t(f"sec_{key}", c.lang).upper(), S_KICKER), _p(c.headlines[key], S_HEAD)]


def _image(png: bytes | None, px: tuple[int, int], width: float) -> Flowable:
    if png is None:
        return Spacer(1, 1)
    return Image(io.BytesIO(png), width=width, height=width * px[1] / px[0])


def _table(
    rows: list[list[Any]],
    widths: list[float],
    numeric: set[int],
    extra: list[tuple[Any, ...]] | None = None,
) -> Table:
    """A table with a blue header row repeated on every page and light banding."""
    style: list[tuple[Any, ...]] = [
        *BASE_TABLE_STYLE,
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor(theme.GRID)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for j in numeric:
        style.append(("ALIGN", (j, 0), (j, -1), "RIGHT"))
    table = Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style + (extra or [])))
    return table


def _cells(values: list[str], numeric: set[int], head: bool = False) -> list[Paragraph]:
    out = []
    for j, v in enumerate(values):
        if head:
            style = S_CELL_HEAD_R if j in numeric else S_CELL_HEAD
        else:
            style = S_CELL_R if j in numeric else S_CELL
        out.append(_p(v, style))
    return out


def _cover_and_kpis(c: ReportContent, donut: bytes | None) -> list[Flowable]:
    story: list[Flowable] = [
        _p(t("title", c.lang), S_TITLE),
        _p(t("subtitle", c.lang) + (f" · {c.year}" if c.year is not None else ""), S_SUB),
    ]
    for line in c.filter_lines or (t("no_filters", c.lang),):
        story.append(_p(line, S_BODY))
    story += [
        _p(c.scope, S_NOTE),
        _p(c.data_as_of, S_NOTE),
        _p(t("small_rule", c.lang, n=c.filters.min_group), S_NOTE),
        Spacer(1, 6 * mm),
        *_section(c, "kpis"),
    ]
    if c.kpis.employees is None:
        return story
    tiles = []
    for kpi in c.kpi_tiles:
        parts = [_p(kpi.label, S_KPI_LABEL), _p(kpi.value, S_KPI_VALUE)]
        if kpi.note:
            parts.append(_p(kpi.note, S_KPI_NOTE))
        tiles.append(parts)
    tile_w = 60 * mm
    grid = Table(
        [tiles[:3], tiles[3:]],
        colWidths=[tile_w] * 3,
        rowHeights=[28 * mm, 28 * mm],
        style=TableStyle(
            [
                *BASE_TABLE_STYLE,
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6fa")),
                ("LINEAFTER", (0, 0), (-2, -1), 4, colors.white),
                ("LINEBELOW", (0, 0), (-1, 0), 4, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    donut_w = 68 * mm
    side = [
        _p(t("k_categories", c.lang), _style("dh", 10, bold=True)),
        _image(donut, DONUT_PX, donut_w),
    ]
    story.append(
        Table(
            [[grid, side]],
            colWidths=[3 * tile_w + 8 * mm, donut_w + 4 * mm],
            style=TableStyle(
                [
                    *BASE_TABLE_STYLE,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    )
    return story


def _gaps(c: ReportContent) -> list[Flowable]:
    story = [*_section(c, "gaps"), _p(t("gaps_note", c.lang), S_NOTE)]
    pivot = matrix_pivot(c)
    if pivot.empty:
        return story
    cols = [str(x) for x in pivot.columns]
    agency = c.names["agency"]
    label_w = 95 * mm
    cell_w = (BODY_W - label_w) / len(cols)
    head_style = _style("mh", 9, bold=True, color="#ffffff", align=1)
    rows: list[list[Any]] = [
        [_p(t("col_agency", c.lang), S_CELL_HEAD)] + [_p(cid, head_style) for cid in cols]
    ]
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("FONT", (1, 1), (-1, -1), FONT_BOLD, 9),
        ("LINEAFTER", (0, 1), (-1, -1), 1.5, colors.white),
        ("LINEBELOW", (0, 1), (-1, -1), 1.5, colors.white),
        ("TOPPADDING", (0, 1), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
    ]
    for i, (agency_id, values) in enumerate(pivot.iterrows(), start=1):
        row: list[Any] = [_p(agency.get(str(agency_id), str(agency_id)), S_CELL)]
        for j, cid in enumerate(cols, start=1):
            v = values[cid]
            fill = chart_style.heat_color(None if is_missing(v) else float(v))
            row.append("–" if is_missing(v) else num(v, c.lang, 0))
            extra += [
                ("BACKGROUND", (j, i), (j, i), colors.HexColor(fill)),
                ("TEXTCOLOR", (j, i), (j, i), colors.HexColor(chart_style.text_color_on(fill))),
            ]
        rows.append(row)
    story += [
        _table(rows, [label_w] + [cell_w] * len(cols), set(), extra),
        Spacer(1, 2 * mm),
        _p(competency_legend(c, cols), S_NOTE),
    ]
    return story


def _trend(c: ReportContent, image: bytes | None) -> list[Flowable]:
    story = [*_section(c, "trend"), _image(image, TREND_PX, BODY_W * 0.8)]
    if c.trend.empty:
        return story
    numeric = {0, 1, 2, 3, 4}
    heads = [
        t("c_year", c.lang),
        t("c_employees", c.lang),
        t("c_pct_meeting", c.lang),
        t("c_mean_jpm", c.lang),
        t("c_mean_shortfall", c.lang),
    ]
    rows = [_cells(heads, numeric, head=True)]
    for r in c.trend.sort_values("year").itertuples(index=False):
        rows.append(
            _cells(
                [
                    str(int(r.year)),
                    integer(r.employees, c.lang),
                    pct(r.pct_meeting, c.lang),
                    num(r.mean_jpm, c.lang, 1),
                    num(r.mean_shortfall, c.lang, 2),
                ],
                numeric,
            )
        )
    story += [Spacer(1, 3 * mm), _table(rows, [30 * mm] * 5, numeric)]
    if not c.same_people.empty and not is_missing(c.same_people.iloc[0]["mean_change"]):
        row = c.same_people.iloc[0]
        story += [
            Spacer(1, 3 * mm),
            _p(
                t(
                    "trend_same",
                    c.lang,
                    n=integer(row["employees"], c.lang),
                    y0=int(row["year0"]),
                    y1=int(row["year1"]),
                    d=signed(row["mean_change"], c.lang, 2),
                    a=pct(row["pct_meeting0"], c.lang),
                    b=pct(row["pct_meeting1"], c.lang),
                ),
                S_BODY,
            ),
        ]
    return story


def _impact(c: ReportContent, image: bytes | None) -> list[Flowable]:
    story = [
        *_section(c, "impact"),
        _image(image, FOREST_PX, BODY_W * 0.8),
        _p(t("impact_note", c.lang), S_NOTE),
    ]
    core = c.impact_core
    missing = core[core["effect"].isna()] if not core.empty else core
    if len(missing):
        listed = "; ".join(
            f"{c.names['competency'].get(r.competency_id, r.competency_id)} "
            f"(n = {int(r.n_treated)}/{int(r.n_control)})"
            for r in missing.itertuples(index=False)
        )
        story.append(_p(t("impact_not_estimable", c.lang, n=len(missing), list=listed), S_NOTE))
    proven = (
        c.programmes[c.programmes["ci_low"] > 0]
        .sort_values(["effect", "title"], ascending=[False, True])
        .head(MAX_PROGRAMMES)
    )
    if proven.empty:
        return story
    numeric = {2, 3, 4}
    heads = [
        t("col_programme", c.lang),
        t("col_competency", c.lang),
        t("col_effect", c.lang),
        t("col_ci", c.lang),
        t("col_pairs", c.lang),
    ]
    rows = [_cells(heads, numeric, head=True)]
    for r in proven.itertuples(index=False):
        rows.append(
            _cells(
                [
                    r.title,
                    f"{r.competency_id} {c.names['competency'].get(r.competency_id, '')}",
                    signed(r.effect, c.lang, 2),
                    f"{num(r.ci_low, c.lang, 2)} … {num(r.ci_high, c.lang, 2)}",
                    f"{integer(r.n_treated, c.lang)}/{integer(r.n_control, c.lang)}",
                ],
                numeric,
            )
        )
    story += [
        Spacer(1, 3 * mm),
        _p(t("impact_programmes", c.lang), _style("ph", 11, bold=True, space_after=3)),
        _table(rows, [95 * mm, 75 * mm, 25 * mm, 40 * mm, BODY_W - 235 * mm], numeric),
    ]
    return story


def _needs(c: ReportContent) -> list[Flowable]:
    story = _section(c, "needs")
    if c.needs.empty:
        return story
    numeric = {2, 3, 5}
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
    rows = [_cells(heads, numeric, head=True)]
    for r in needs_rows(c, MAX_NEEDS_ROWS).itertuples(index=False):
        rec = (
            r.recommended_training
            if isinstance(r.recommended_training, str)
            else t("no_recommendation", c.lang)
        )
        rows.append(
            _cells(
                [
                    r.competency_text,
                    r.where_text,
                    integer(r.employees_below, c.lang),
                    num(r.priority, c.lang, 1),
                    rec,
                    rupiah(r.estimated_cost_idr, c.lang),
                ],
                numeric,
            )
        )
    widths = [58 * mm, 82 * mm, 24 * mm, 20 * mm, 52 * mm]
    widths.append(BODY_W - sum(widths))
    note = (
        t(
            "needs_total",
            c.lang,
            n=integer(c.needs_totals.employees_below, c.lang),
            k=integer(c.needs_rows, c.lang),
            cost=rupiah(c.needs_totals.estimated_cost_idr, c.lang),
        )
        + " "
        + t("needs_note", c.lang)
    )
    if c.needs_hidden:
        note += " " + t(
            "needs_hidden", c.lang, n=integer(c.needs_hidden, c.lang), m=c.filters.min_group
        )
    return [*story, _table(rows, widths, numeric), Spacer(1, 2 * mm), _p(note, S_NOTE)]


def _service(c: ReportContent) -> list[Flowable]:
    """Layanan publik: the estimates, what they can claim, and the year's IKM per agency."""
    story = _section(c, "service")
    rows = service_rows(c)
    if not rows:
        return story
    numeric = {1, 2, 3}
    heads = [
        t(k, c.lang)
        for k in ("sv_col_outcome", "sv_col_effect", "sv_col_ci", "sv_col_n", "sv_col_verdict")
    ]
    widths = [62 * mm, 34 * mm, 46 * mm, 40 * mm]
    widths.append(BODY_W - sum(widths))
    story += [
        _table(
            [_cells(heads, numeric, head=True), *(_cells(r, numeric) for r in rows)],
            widths,
            numeric,
        ),
        Spacer(1, 2 * mm),
        *(_p(s, S_NOTE) for s in c.service_sentences[1:]),
        _p(service_view.caveat(c.lang) + " " + t("sv_note", c.lang), S_NOTE),
    ]
    if c.service.empty or c.service_year is None:
        return story
    numeric = {1, 3, 4, 5, 6}
    heads = [
        t(k, c.lang)
        for k in (
            "c_agency",
            "sv_col_ikm",
            "sv_col_grade",
            "sv_col_respondents",
            "sv_col_assessed",
            "sv_col_jpm",
            "sv_col_meeting",
        )
    ]
    table = [_cells(heads, numeric, head=True)]
    for r in c.service.itertuples(index=False):
        few = not is_missing(r.respondents) and r.respondents < 100
        table.append(
            _cells(
                [
                    c.names["agency"].get(r.agency_id, r.agency_id),
                    num(r.ikm, c.lang, 2),
                    r.grade,
                    ""
                    if is_missing(r.respondents)
                    else integer(r.respondents, c.lang) + (" ⚠" if few else ""),
                    integer(r.employees, c.lang),
                    num(r.mean_jpm, c.lang, 1),
                    pct(r.pct_meeting, c.lang),
                ],
                numeric,
            )
        )
    widths = [BODY_W - 6 * 26 * mm, *([26 * mm] * 6)]
    return [
        *story,
        Spacer(1, 4 * mm),
        _p(t("sv_year", c.lang, year=c.service_year), S_HEAD),
        _table(table, widths, numeric),
        Spacer(1, 2 * mm),
        _p(t("sv_respondents_note", c.lang), S_NOTE),
    ]


DARK_BOXES = {9, 8, 7, 1}


def _talent(c: ReportContent) -> list[Flowable]:
    """Talenta: the 9-box (kinerja vertical, potensial horizontal, the official numbers), the
    year's figures, and the box-to-box table since the previous talent year."""
    story = _section(c, "talent")
    if c.talent_hidden or c.talent.mapped == 0:
        return story
    cells = talent_cells(c)
    head = _style("gh", 9, bold=True, align=1)
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LINEAFTER", (0, 0), (-1, -1), 2, colors.white),
        ("LINEBELOW", (0, 0), (-1, -1), 2, colors.white),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f3f6fa")),
        ("BACKGROUND", (0, 3), (-1, 3), colors.HexColor("#f3f6fa")),
    ]
    for i, perf in enumerate((2, 1, 0)):
        row: list[Any] = [_p(t(f"tl_perf_{perf}", c.lang), head)]
        for pot in range(3):
            box = box_of(perf, pot)
            ink = "#ffffff" if box in DARK_BOXES else theme.INK
            count, share = cells[box]
            row.append(
                [
                    _p(str(box), _style(f"b{box}", 16, bold=True, color=ink, align=1)),
                    _p(f"{count} · {share}", _style(f"v{box}", 10, color=ink, align=1)),
                ]
            )
            extra.append(
                ("BACKGROUND", (pot + 1, i), (pot + 1, i), colors.HexColor(BOX_COLORS[box]))
            )
        rows.append(row)
    rows.append(
        [_p(f"{t('tl_performance', c.lang)} ↑ · {t('tl_potential', c.lang)} →", S_NOTE)]
        + [_p(t(f"tl_pot_{pot}", c.lang), head) for pot in range(3)]
    )
    grid = Table(
        rows,
        colWidths=[32 * mm, 38 * mm, 38 * mm, 38 * mm],
        rowHeights=[15 * mm, 15 * mm, 15 * mm, 8 * mm],
        style=TableStyle([*BASE_TABLE_STYLE, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *extra]),
    )
    side: list[Flowable] = [_p(t("tl_year", c.lang, year=c.talent.year), S_BODY)]
    for label, value in talent_figures(c):
        side += [_p(label, S_KPI_LABEL), _p(value, _style("tv", 15, bold=True, leading=19))]
    story.append(
        Table(
            [[grid, side]],
            colWidths=[150 * mm, BODY_W - 150 * mm],
            style=TableStyle(
                [
                    *BASE_TABLE_STYLE,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )  # fmt: skip
    )
    note = t("tl_grid_note", c.lang, n=c.filters.min_group)
    if c.talent.unmapped and c.talent.year is not None:
        note += " " + t("tl_unmapped_note", c.lang, lo=c.talent.year - 2, hi=c.talent.year)
    story += [Spacer(1, 2 * mm), _p(note, S_NOTE), Spacer(1, 1 * mm)]
    m = c.talent_moves
    if m.from_year is None:
        return [*story, _p(t("tl_no_moves", c.lang), S_BODY)]
    story += [
        _p(t("tl_moves", c.lang, y0=m.from_year), _style("mh2", 11, bold=True, space_after=3)),
        _p(moves_sentence(c), S_BODY),
    ]
    if not c.talent_move_counts["pairs"]:
        return story
    grid_rows = moves_grid(c)
    numeric = set(range(1, 10))
    heads = [f"{m.from_year} ↓ · {m.year} →"] + [str(b) for b in range(1, 10)]
    table = [_cells(heads, numeric, head=True)]
    for box, values in zip(range(9, 0, -1), grid_rows, strict=True):
        table.append(_cells([str(box), *values], numeric))
    story += [
        _table(
            table,
            [40 * mm] + [18 * mm] * 9,
            numeric,
            [("TOPPADDING", (0, 1), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2)],
        ),
        Spacer(1, 2 * mm),
        _p(t("tl_moves_note", c.lang, y0=m.from_year, y1=m.year), S_NOTE),
    ]
    return story


def _succession(c: ReportContent) -> list[Flowable]:
    """Suksesi: the posts at risk with their candidates by readiness (counts only)."""
    story = _section(c, "succession")
    rows = risk_rows(c)
    if not rows:
        return story
    numeric = {3, 4, 5, 6}
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
    widths = [90 * mm, 35 * mm, 50 * mm, 24 * mm, 24 * mm, 24 * mm]
    widths.append(BODY_W - sum(widths))
    note = t("sc_note", c.lang) + " " + t("sc_top", c.lang, k=len(rows), n=c.risk_counts["posts"])
    return [
        *story,
        _table(
            [_cells(heads, numeric, head=True), *(_cells(r, numeric) for r in rows)],
            widths,
            numeric,
        ),
        Spacer(1, 2 * mm),
        _p(note, S_NOTE),
    ]


def _page_furniture(c: ReportContent) -> Callable[[canvas.Canvas, int, int], None]:
    """Header (report, filters, data version) and footer (small-group rule, page i of n)."""
    filters = c.filter_summary or t("no_filters", c.lang)
    title = f"{t('title', c.lang)} · {t('subtitle', c.lang)}"

    def draw(cv: canvas.Canvas, page: int, pages: int) -> None:
        w, h = PAGE
        cv.saveState()
        cv.setFillColor(colors.HexColor(theme.ACCENT))
        cv.rect(0, h - 4 * mm, w, 4 * mm, stroke=0, fill=1)
        cv.setFillColor(colors.HexColor(theme.INK))
        cv.setFont(FONT_BOLD, 9)
        cv.drawString(MARGIN_X, h - 11 * mm, title)
        cv.setFont(FONT, 9)
        cv.drawRightString(w - MARGIN_X, h - 11 * mm, c.data_as_of)
        cv.setFillColor(colors.HexColor(theme.MUTED))
        cv.drawString(MARGIN_X, h - 16 * mm, _fit(filters, FONT, 9, w - 2 * MARGIN_X))
        cv.setStrokeColor(colors.HexColor(theme.GRID))
        cv.line(MARGIN_X, h - 18.5 * mm, w - MARGIN_X, h - 18.5 * mm)
        cv.line(MARGIN_X, 13 * mm, w - MARGIN_X, 13 * mm)
        cv.setFont(FONT, 8.5)
        cv.drawString(MARGIN_X, 9 * mm, t("small_rule", c.lang, n=c.filters.min_group))
        cv.setFont(FONT_BOLD, 9)
        cv.setFillColor(colors.HexColor(theme.INK))
        cv.drawRightString(w - MARGIN_X, 9 * mm, t("page", c.lang, i=page, n=pages))
        cv.restoreState()

    return draw


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text cut with an ellipsis to fit one line (filter lists are already shortened)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + " …", font, size) > width:
        text = text[:-1]
    return text + " …"


def _numbered_canvas(draw: Callable[[canvas.Canvas, int, int], None]) -> type[canvas.Canvas]:
    """A canvas that holds pages back until the end, so every page can say "of n"."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(c: ReportContent, renderer: ChartRenderer) -> bytes:
    """The PDF report as bytes; `renderer` draws the charts (one browser for all three)."""
    _fonts()
    wanted = [
        ("donut", figures.categories(c, font_size=20), DONUT_PX),
        ("trend", figures.trend(c, font_size=17), TREND_PX),
        ("forest", figures.forest(c, font_size=17), FOREST_PX),
    ]
    present = [(name, fig, px) for name, fig, px in wanted if fig is not None]
    pngs = renderer.pngs([(fig, *px) for _, fig, px in present]) if present else []
    images: dict[str, bytes] = {name: png for (name, _, _), png in zip(present, pngs, strict=True)}

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{t('title', c.lang)}: {t('subtitle', c.lang)}",
        author="Dasbor Kompetensi ASN",
        lang="id-ID" if c.lang == "id" else "en-GB",
        # reportlab would start every page in Helvetica, a font the PDF does not embed
        initialFontName=FONT,
    )
    story: list[Flowable] = [
        *_cover_and_kpis(c, images.get("donut")),
        PageBreak(),
        *_gaps(c),
        PageBreak(),
        *_trend(c, images.get("trend")),
        # the method notes sit on the trend page, which has room to spare
        KeepTogether(
            [
                Spacer(1, 8 * mm),
                _p(t("sec_notes", c.lang), _style("nh", 9, bold=True)),
                _p(t("notes", c.lang), S_NOTE),
            ]
        ),
        PageBreak(),
        *_impact(c, images.get("forest")),
        PageBreak(),
        *_needs(c),
        PageBreak(),
        *_service(c),
        PageBreak(),
        *_talent(c),
        PageBreak(),
        *_succession(c),
    ]
    doc.build(story, canvasmaker=_numbered_canvas(_page_furniture(c)))
    return buf.getvalue()
