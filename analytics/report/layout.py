"""Shared measures of the meeting materials: what fits, in how many lines, in what colour.

python-pptx and reportlab place text in fixed boxes; a table whose text wraps more than planned
runs into the footer. These estimates (generous, in average character widths) decide how many
rows a slide or page shows, so that nothing is cut or cramped.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analytics.core.numfmt import integer, num, pct, rupiah, signed
from analytics.report.content import ReportContent, succession_size
from analytics.report.texts import t

# Average glyph width as a share of the font size (Calibri / DejaVu Sans are ~0.5-0.55 em).
AVG_CHAR_EM = 0.55
LINE_SPACING = 1.2


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """How many lines `text` wraps to in a box `width_pt` wide (word wrap, estimated)."""
    per_line = max(1, int(width_pt / (size_pt * AVG_CHAR_EM)))
    total = 0
    for paragraph in str(text).split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            w = len(word)
            if line and line + 1 + w > per_line:
                count += 1 + (w - 1) // per_line
                line = w % per_line or per_line
            elif not line and w > per_line:
                count += (w - 1) // per_line
                line = w % per_line or per_line
            else:
                line = line + (1 if line else 0) + w
        total += count
    return max(1, total)


def row_height_pt(
    texts: list[tuple[str, float]], size_pt: float, pad_w_pt: float, pad_h_pt: float
) -> float:
    """Height of a table row: the tallest of its cells (text, cell width in pt), with the
    cells' horizontal and vertical padding."""
    most = max((lines_needed(s, w - pad_w_pt, size_pt) for s, w in texts), default=1)
    return most * size_pt * LINE_SPACING + pad_h_pt


def matrix_pivot(c: ReportContent) -> pd.DataFrame:
    """% below standard, agencies (widest gaps first) × competencies (code order)."""
    if c.matrix.empty:
        return pd.DataFrame()
    pivot = c.matrix.pivot_table(
        index="agency_id", columns="competency_id", values="pct_below", aggfunc="first"
    )
    return pivot.reindex(index=list(c.matrix_rows), columns=list(c.matrix_columns))


def needs_rows(c: ReportContent, limit: int) -> pd.DataFrame:
    """The first `limit` visible training needs, with display texts."""
    d = c.needs.head(limit).copy()
    agency = c.names["agency"]
    comp = c.names["competency"]
    d["competency_text"] = [f"{cid} {comp.get(cid, '')}".strip() for cid in d["competency_id"]]
    d["where_text"] = [
        f"{agency.get(a, a)} › {u}" for a, u in zip(d["agency_id"], d["unit"], strict=True)
    ]
    return d


def is_missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def rupiah_short(x: object, lang: str) -> str:
    """Rupiah in words of millions or billions for a slide ('Rp 320,5 juta'); full figures
    are in the PDF and the workbook."""
    if is_missing(x):
        return "–"
    v = float(x)  # type: ignore[arg-type]
    if abs(v) >= 1e9:
        return f"Rp {num(v / 1e9, lang, 1)} {'billion' if lang == 'en' else 'miliar'}"
    if abs(v) >= 1e6:
        return f"Rp {num(v / 1e6, lang, 1)} {'million' if lang == 'en' else 'juta'}"
    return rupiah(v, lang)


def competency_legend(c: ReportContent, ids: list[str]) -> str:
    """'M.1 Integritas · M.2 Kerja Sama · …' for a table headed by codes."""
    return " · ".join(f"{cid} {c.names['competency'].get(cid, '')}".strip() for cid in ids)


def service_rows(c: ReportContent) -> list[list[str]]:
    """The estimates a slide and the PDF show: one row per outcome, same-year JPM."""
    rows = []
    same = c.service_effects[c.service_effects["predictor"] == "mean_jpm"]
    for r in same.itertuples(index=False):
        estimated = not is_missing(r.effect)
        rows.append(
            [
                t(f"sv_{r.outcome}", c.lang),
                signed(r.effect_10, c.lang, 2) if estimated else "–",
                f"{signed(r.ci_low_10, c.lang, 2)} … {signed(r.ci_high_10, c.lang, 2)}"
                if estimated
                else "–",
                f"{integer(r.agencies, c.lang)} / {integer(r.observations, c.lang)}",
                t(f"sv_{r.verdict}", c.lang),
            ]
        )
    return rows


def count_text(v: object, lang: str, min_group: int) -> str:
    """A count of people as a slide writes it: '< 5' when the small-group rule hid it."""
    return f"< {min_group}" if is_missing(v) else integer(v, lang)


def talent_cells(c: ReportContent) -> dict[int, tuple[str, str]]:
    """Box -> (count, share) texts of the report's 9-box; a hidden box reads '< n', '–'."""
    out = {}
    for r in c.talent.boxes.itertuples(index=False):
        hidden = bool(r.hidden) or is_missing(r.employees)
        out[int(r.box)] = (
            count_text(None if hidden else r.employees, c.lang, c.filters.min_group),
            "–" if hidden or is_missing(r.share) else pct(r.share, c.lang),
        )
    return out


def talent_figures(c: ReportContent) -> list[tuple[str, str]]:
    """(label, value) of the talent year: rated, mapped, not mapped, the succession group."""
    g = c.talent
    size = succession_size(g)
    succ = "–"
    if size is not None and g.mapped:
        succ = f"{integer(size, c.lang)} ({pct(100 * size / g.mapped, c.lang)})"
    return [
        (t("tl_rated", c.lang), integer(g.rated, c.lang)),
        (t("tl_mapped", c.lang), integer(g.mapped, c.lang)),
        (t("tl_unmapped", c.lang), integer(g.unmapped, c.lang)),
        (t("tl_succession", c.lang), succ),
    ]


def moves_sentence(c: ReportContent) -> str:
    """What moved since the previous talent year, counts under the small-group rule."""
    m, k = c.talent_moves, c.talent_move_counts
    if m.from_year is None or not k["pairs"]:
        return t("tl_no_moves", c.lang)
    n = c.filters.min_group
    return t(
        "tl_moves_sentence",
        c.lang,
        n=integer(k["pairs"], c.lang),
        y0=m.from_year,
        y1=m.year,
        **{key: count_text(k[key], c.lang, n) for key in ("rose", "fell", "stayed", "big")},
    )


def moves_grid(c: ReportContent) -> list[list[str]]:
    """The box-to-box table as a 9 x 9 grid of texts (rows: from box 9 to 1; columns: to box
    1 to 9): counts, '< n' for a hidden cell, '' for nobody."""
    cells: dict[tuple[int, int], str] = {}
    for r in c.talent_moves.table.itertuples(index=False):
        hidden = bool(getattr(r, "hidden", False)) or is_missing(r.employees)
        cells[(int(r.from_box), int(r.to_box))] = count_text(
            None if hidden else r.employees, c.lang, c.filters.min_group
        )
    return [[cells.get((a, b), "") for b in range(1, 10)] for a in range(9, 0, -1)]


def risk_reasons(row: Any, lang: str) -> str:
    """'kosong · < 2 siap' for a post at risk."""
    parts = [
        t(f"sc_{k}", lang) for k in ("vacant", "retiring", "few_ready") if bool(getattr(row, k))
    ]
    return " · ".join(parts)


def risk_rows(c: ReportContent) -> list[list[str]]:
    """The posts at risk a slide and the PDF list: post, job type, reasons, candidates by
    readiness (counts only)."""
    rows = []
    for r in c.risk_top.itertuples(index=False):
        rows.append(
            [
                f"{r.position_name} ({r.position_id})",
                str(r.job_type),
                risk_reasons(r, c.lang),
                integer(r.ms, c.lang),
                integer(r.mms, c.lang),
                integer(r.kms, c.lang),
                integer(r.incomplete, c.lang),
            ]
        )
    return rows
