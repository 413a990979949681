"""What a report says, gathered once from one snapshot and rendered to every format.

`gather` calls the same analytics functions the pages call, with the same filters, and keeps
only aggregated tables (never a NIP or a name of a person). It forces the small-group rule to
'hide' whatever the caller passed: a deck or a PDF leaves the room, so groups of fewer than
five employees are emptied (with complementary suppression, analytics.core.privacy) and rows that
were hidden are dropped from the lists. The deck, the PDF and the workbook all render this one
value, so they cannot disagree with each other or with the dashboard.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from analytics import metrics, views
from analytics.core.filters import MIN_GROUP, Filters
from analytics.core.numfmt import integer, num, pct, signed
from analytics.metrics import common, extras
from analytics.metrics import service as service_metrics
from analytics.metrics import talent as metrics_talent
from analytics.report.texts import date_words, day_words, t
from analytics.store import info as overview
from analytics.store.db import data_version
from analytics.views import findings
from analytics.views import service as service_view
from analytics.views import talent as talent_view

CATEGORIES = ("Optimal", "Cukup Optimal", "Kurang Optimal")
CATEGORY_COLUMNS = ("pct_optimal", "pct_cukup_optimal", "pct_kurang_optimal")
MAX_LISTED = 3  # filter values named in a footer before "+n more"
MAX_RISK_POSTS = 8  # posts at risk whose candidates are counted (the most risks first)


def report_filters(filters: Filters) -> Filters:
    """The caller's filters with the report's privacy rule: small groups always hidden, and
    never a smaller threshold than the project's (a report is shown to a room)."""
    return filters.with_(small_groups="hide", min_group=max(filters.min_group, MIN_GROUP))


@dataclass(frozen=True)
class Kpi:
    """One headline figure: its label, its text as the language writes it, an optional note."""

    key: str
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, eq=False)
class ReportContent:
    """Everything a report shows, already decided: texts in the report's language, figures
    as the analytics functions return them (hidden rows removed), one headline per section."""

    lang: str
    filters: Filters  # as applied: small_groups='hide'
    year: int | None  # the year of the year-bound figures (filters.year or the latest)
    data_version: int
    data_as_of: str
    scope: str
    filter_lines: tuple[str, ...]  # "OPD: Dinas Kesehatan", one per active filter
    filter_summary: str  # one line for footers and headers
    names: Mapping[str, Mapping[str, str]]
    kpis: views.Kpis
    kpi_tiles: tuple[Kpi, ...]
    categories: Mapping[str, float | None]  # pct_optimal, pct_cukup_optimal, pct_kurang_optimal
    gaps_by_competency: pd.DataFrame  # gap_summary(by=competency), every group
    matrix: pd.DataFrame  # gap_matrix(rows=agency), core competencies, visible rows
    matrix_rows: tuple[str, ...]  # agency ids, widest gaps first
    matrix_columns: tuple[str, ...]  # competency ids in code order
    trend: pd.DataFrame  # trend(by=None) over every year, visible rows
    same_people: pd.DataFrame  # same_people_change(by=none) for the year
    impact: pd.DataFrame  # training_impact(by=competency), pairs of every year
    impact_core: pd.DataFrame  # its managerial and socio-cultural rows (the chart)
    programmes: pd.DataFrame  # training_impact(by=program)
    jp: pd.DataFrame  # jp_compliance(by=None) for the year
    jp_by_agency: pd.DataFrame
    needs: pd.DataFrame  # needs_cost, visible rows, priority order: the first NEEDS_KEPT
    needs_rows: int  # every visible row (a country has about two million)
    needs_hidden: int  # rows dropped by the small-group rule
    needs_totals: views.NeedsTotals
    # Layanan publik: service_link for every year (the fit's data), its rows of service_year
    # (the report's year when it has IKM rows, else the latest that has), and the estimates
    # per 10 JPM points (analytics.views.service.effects)
    service_link: pd.DataFrame
    service_year: int | None
    service: pd.DataFrame
    service_effects: pd.DataFrame
    service_sentences: tuple[str, ...]  # IKM, then U6, same-year JPM
    # Talenta (analytics.views.talent): the talent year's 9-box (small boxes hidden), the
    # moves since the previous talent year (small cells hidden; the four counts None when
    # 1 to min_group - 1), talent-summary by none and by agency with small boxes hidden per
    # row; all empty when the talent population itself is a small group (talent_hidden)
    talent: talent_view.Grid
    talent_hidden: bool
    talent_moves: talent_view.Moves
    talent_move_counts: Mapping[str, int | None]  # rose, fell, stayed, big, pairs
    talent_summary: pd.DataFrame
    talent_by_agency: pd.DataFrame
    # Suksesi: posts at risk as of succession_as_of (counts only), how many have each risk,
    # and for the MAX_RISK_POSTS first posts their candidates' counts by readiness
    # (ms, mms, kms, incomplete: `Memenuhi Syarat`, `Masih ...`, `Kurang ...`, not decided
    # because a competency is missing)
    succession_as_of: date
    posts_at_risk: pd.DataFrame
    risk_counts: Mapping[str, int]  # posts, vacant, retiring, few_ready
    risk_top: pd.DataFrame
    headlines: Mapping[str, str] = field(default_factory=dict)
    sections: tuple[str, ...] = ()  # the SECTIONS gathered (gather's `sections`)

    @property
    def hidden_population(self) -> bool:
        """The whole selection is a small group: its figures are hidden."""
        return self.kpis.small_group


def _visible(df: pd.DataFrame) -> pd.DataFrame:
    if "hidden" in df.columns:
        df = df[~df["hidden"].astype(bool)]
    return df.reset_index(drop=True)


def describe_scope(filters: Filters, names: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """Whose data the viewer may see (the role's scope), in words."""
    parts: list[str] = []
    if filters.scope_instansi is not None:
        parts += list(filters.scope_instansi)
    if filters.scope_agencies is not None:
        parts += [names.get("agency", {}).get(a, a) for a in filters.scope_agencies]
    if not filters.is_scoped:
        return t("scope_all", lang)
    return t("scope_agencies", lang, names=", ".join(parts) or "–")


def data_as_of(cur: duckdb.DuckDBPyConnection, version: int, lang: str) -> str:
    """'Data per impor #3, 28 November 2026 06.12': which committed write the figures read."""
    row = cur.execute(
        "select import_id, imported_at from import_log where import_id = $v", {"v": version}
    ).fetchone()
    if row is None:
        return t("no_data_yet", lang)
    when = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(str(row[1]))
    return t("data_as_of", lang, n=int(row[0]), when=date_words(when, lang))


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def kpi_tiles(k: views.Kpis, lang: str) -> tuple[Kpi, ...]:
    """The six headline figures of the overview page, formatted as the page formats them."""
    note = ""
    if k.same_people is not None:
        note = t(
            "k_change_note", lang, n=integer(k.same_people, lang), y0=k.previous_year, y1=k.year
        )
    return (
        Kpi("employees", t("k_assessed", lang), integer(k.employees, lang)),
        Kpi("mean_jpm", t("k_mean_jpm", lang), num(k.mean_jpm, lang, 1)),
        Kpi("pct_meeting", t("k_meeting", lang), pct(k.pct_meeting, lang)),
        Kpi("mean_shortfall", t("k_shortfall", lang), num(k.mean_shortfall, lang, 2)),
        Kpi("pct_20jp", t("k_20jp", lang), pct(k.pct_20jp, lang)),
        Kpi(
            "same_people_change",
            t("k_change", lang),
            signed(k.same_people_change, lang, 2),
            note,
        ),
    )


def core_rows(df: pd.DataFrame, names: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """findings.core_competencies, safe on an empty table (indexing an empty frame with an
    empty object-typed mask would select no columns instead of no rows)."""
    if df.empty:
        return df.reset_index(drop=True)
    return findings.core_competencies(df, names).reset_index(drop=True)


def _matrix_order(matrix: pd.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rows: agencies with at least one visible cell, widest mean gap first (ties: id);
    columns: competency codes in code order (M.1 … M.8, SK.1)."""
    if matrix.empty:
        return (), ()
    visible = matrix.dropna(subset=["pct_below"])
    means = visible.groupby("agency_id")["pct_below"].mean()
    rows = sorted(means.index, key=lambda a: (-means[a], a))
    cols = sorted(matrix["competency_id"].unique(), key=competency_order)
    return tuple(rows), tuple(cols)


def competency_order(cid: str) -> tuple[int, int, str]:
    """M.1 … M.8, then SK.n, then T.n, each by number (not by text: T.10 after T.9)."""
    group, _, number = cid.partition(".")
    rank = {"M": 0, "SK": 1, "T": 2}.get(group, 3)
    return rank, int(number) if number.isdigit() else 0, cid


# The report's sections: a meeting deck, a PDF and a workbook render them all; presentation mode
# gathers only the screen it shows (a national store's whole report took minutes cold).
SECTIONS = ("kpis", "gaps", "trend", "impact", "needs", "service", "talent")


@dataclass(frozen=True)
class _Base:
    """What every section reads: the report's filters, the year, the names, the headline KPIs
    (whose small-group flag decides whether the population is hidden)."""

    f: Filters
    yf: Filters  # the year of the year-bound figures
    every_year: Filters
    year: int | None
    names: Mapping[str, Mapping[str, str]]
    k: views.Kpis
    lang: str
    as_of: date

    @property
    def empty(self) -> str:
        """The headline when the numbers say nothing: hidden, or no data."""
        if self.k.small_group:
            return t("hidden_population", self.lang, n=self.f.min_group)
        return t("no_data", self.lang)


def gather(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    lang: str,
    as_of: date | None = None,
    sections: tuple[str, ...] = SECTIONS,
) -> ReportContent:
    """Read every figure of the report from one read snapshot `cur` (the caller's
    Store.snapshot(): no lock is held beyond that read transaction). `as_of` dates the
    retirement risk of the succession table (default: today). `sections` (of SECTIONS) limits
    what is read: the others' fields are left empty and `ReportContent.sections` says which
    were read (the renderers of a whole report refuse a partial one)."""
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown report sections: {sorted(unknown)}")
    f = report_filters(filters)
    names = overview.names(cur)
    version = data_version(cur)
    try:
        year: int | None = common.resolve_year(cur, f, "gap_summary")
    except common.NoYear:
        year = None
    yf = f.with_(year=year)
    k = views.kpis(cur, yf)  # f hides small groups: the headline's rule
    base = _Base(f, yf, f.without_year(), year, names, k, lang, as_of or date.today())
    fields: dict[str, Any] = {}
    headlines: dict[str, str] = {}
    for name in SECTIONS:
        part, said = _PARTS[name](cur, base) if name in sections else (_blank(name, base), {})
        fields |= part
        headlines |= said
    return ReportContent(
        lang=lang,
        filters=f,
        year=year,
        data_version=version,
        data_as_of=data_as_of(cur, version, lang),
        scope=describe_scope(f, names, lang),
        filter_lines=tuple(yf.describe(names, lang)),
        filter_summary=" · ".join(yf.describe(names, lang, MAX_LISTED)),
        names=names,
        kpis=k,
        sections=tuple(s for s in SECTIONS if s in sections),
        **fields,
        headlines=headlines,
    )


_Part = tuple[dict[str, Any], dict[str, str]]  # a section's fields, and its headlines


def _kpis_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    k = b.k
    kpi = None
    if k.mean_jpm is not None and k.pct_kurang_optimal is not None:
        kpi = findings.jpm_level(k.mean_jpm, k.pct_kurang_optimal, b.lang)
    fields = {
        "kpi_tiles": kpi_tiles(k, b.lang),
        "categories": {c: getattr(k, c) for c in CATEGORY_COLUMNS},
    }
    return fields, {"kpis": kpi or b.empty}


def _gaps_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    by_comp = metrics.gap_summary(cur, b.yf, by="competency")
    matrix = _visible(views.gap_matrix(cur, b.yf, rows="agency"))
    rows, cols = _matrix_order(matrix)
    said = findings.widest_gap(core_rows(by_comp, b.names), matrix, b.names, b.lang)
    fields = {
        "gaps_by_competency": _visible(by_comp),
        "matrix": matrix,
        "matrix_rows": rows,
        "matrix_columns": cols,
    }
    return fields, {"gaps": said or b.empty}


def _trend_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    trend = _visible(metrics.trend(cur, b.every_year))
    same = _visible(extras.same_people_change(cur, b.yf, by="none"))
    said = findings.trend(trend, "pct_meeting", t("trend_measure", b.lang), b.lang, 1, "%")
    return {"trend": trend, "same_people": same}, {"trend": said or b.empty}


def _impact_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    impact = _visible(metrics.training_impact(cur, b.every_year, by="competency"))
    impact_core = core_rows(impact, b.names)
    fields = {
        "impact": impact,
        "impact_core": impact_core,
        "programmes": _visible(metrics.training_impact(cur, b.every_year, by="program")),
        "jp": _visible(metrics.jp_compliance(cur, b.yf)),
        "jp_by_agency": _visible(metrics.jp_compliance(cur, b.yf, by="agency")),
    }
    said = findings.impact(impact_core, "competency_id", b.names["competency"], b.lang)
    return fields, {"impact": said or b.empty}


# The needs rows a report keeps (the workbook's sheet; slides show the first few): within Excel's
# 1,048,576 rows and a cached deck's size. The totals and counts cover every row.
NEEDS_KEPT = 50_000


# needs_cost's order (training_needs: exact tenths first, which priority keeps, then the ids)
_NEEDS_ORDER = (["priority", "agency_id", "unit", "competency_id"], [False, True, True, True])


def _needs_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    """needs_cost's visible rows, read in parts of agencies (extras.needs_cost_parts: a country's
    2.2 M rows never sit in memory at once): the totals and counts of every part, and the first
    NEEDS_KEPT rows of them all in the list's order."""
    totals, hidden = views.NeedsTotals(0, 0.0, 0, 0), 0
    first: list[pd.DataFrame] = []
    for part in extras.needs_cost_parts(cur, b.yf):
        visible = _visible(part)
        totals += views.needs_totals(visible)  # its rows count the visible rows
        hidden += len(part) - len(visible)
        first.append(visible.head(NEEDS_KEPT))
    needs = _first_needs(first)
    fields = {
        "needs": needs,
        "needs_rows": totals.rows,
        "needs_hidden": hidden,
        "needs_totals": totals,
    }
    return fields, {"needs": findings.needs(needs, b.names, b.lang) or b.empty}


def _first_needs(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The first NEEDS_KEPT rows, in the list's order, of parts each in that order."""
    if len(parts) == 1:
        return parts[0].reset_index(drop=True)
    by, ascending = _NEEDS_ORDER
    merged = pd.concat(parts, ignore_index=True)
    return (
        merged.sort_values(by, ascending=ascending, kind="stable")
        .head(NEEDS_KEPT)
        .reset_index(drop=True)
    )


def _service_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    link = service_metrics.service_link(cur, b.every_year)
    effect = service_metrics.fit_effects(link)  # service_effect of the same filters
    if b.k.small_group:  # a hidden population: its competency is no report's business either
        link, effect = link.head(0), effect.head(0)
    year = service_view.year_shown(link, b.year)
    sentences = tuple(
        s
        for o in ("ikm", "u6")
        if (s := service_view.sentence(effect, link, o, "mean_jpm", t(f"sv_{o}", b.lang), b.lang))
    )
    fields = {
        "service_link": link,
        "service_year": year,
        "service": link[link["year"] == year].reset_index(drop=True),
        "service_effects": service_view.effects(effect),
        "service_sentences": sentences,
    }
    return fields, {"service": sentences[0] if sentences else b.empty}


def _talent_part(cur: duckdb.DuckDBPyConnection, b: _Base) -> _Part:
    talent = _talent(cur, b.f, b.lang, b.as_of)
    return talent, _talent_headlines(talent, b.f, b.lang)


_PARTS = {
    "kpis": _kpis_part,
    "gaps": _gaps_part,
    "trend": _trend_part,
    "impact": _impact_part,
    "needs": _needs_part,
    "service": _service_part,
    "talent": _talent_part,
}


def _blank(name: str, b: _Base) -> dict[str, Any]:
    """The fields of a section that was not gathered: empty, never figures."""
    none = pd.DataFrame()
    blank: dict[str, dict[str, Any]] = {
        "kpis": {"kpi_tiles": (), "categories": {}},
        "gaps": {"gaps_by_competency": none, "matrix": none, "matrix_rows": (),
                 "matrix_columns": ()},
        "trend": {"trend": none, "same_people": none},
        "impact": {"impact": none, "impact_core": none, "programmes": none, "jp": none,
                   "jp_by_agency": none},
        "needs": {"needs": none, "needs_rows": 0, "needs_hidden": 0,
                  "needs_totals": views.NeedsTotals(0, 0.0, 0, 0)},
        "service": {"service_link": none, "service_year": None, "service": none,
                    "service_effects": none, "service_sentences": ()},
        "talent": {"talent": talent_view.Grid(None, 0, 0, none), "talent_hidden": False,
                   "talent_moves": talent_view.Moves(None, None, none, 0, 0, 0, 0),
                   "talent_move_counts": {}, "talent_summary": none, "talent_by_agency": none,
                   "succession_as_of": b.as_of, "posts_at_risk": none, "risk_counts": {},
                   "risk_top": none},
    }  # fmt: skip
    return blank[name]


def _small(n: int, f: Filters) -> int | None:
    """A count of people under the small-group rule: None when 1 to min_group - 1."""
    return None if 0 < n < f.min_group else n


def _talent(cur: duckdb.DuckDBPyConnection, f: Filters, lang: str, as_of: date) -> dict[str, Any]:
    """The talent and succession fields of ReportContent (analytics.views.talent, under f's
    'hide' rule). Counts only: no view here returns a NIP or a name."""
    counts_only = f.with_(may_see_individuals=False)
    grid = talent_view.grid(cur, counts_only)
    moves = talent_view.moves(cur, counts_only)
    hidden = 0 < grid.rated < f.min_group
    risk = talent_view.posts_at_risk(cur, counts_only, as_of)
    pairs = int(metrics_talent.talent_moves(cur, f.with_(small_groups="show"))["employees"].sum())
    if hidden:
        grid = talent_view.Grid(grid.year, 0, 0, grid.boxes.head(0))
        moves = talent_view.Moves(moves.from_year, moves.year, moves.table.head(0), 0, 0, 0, 0)
        risk, pairs = risk.head(0), 0
    if 0 < pairs < f.min_group:  # too few movers to say how they moved
        moves = talent_view.Moves(moves.from_year, moves.year, moves.table.head(0), 0, 0, 0, 0)
        pairs = 0
    move_counts = {
        "rose": _small(moves.rose, f),
        "fell": _small(moves.fell, f),
        "stayed": _small(moves.stayed, f),
        "big": _small(moves.big, f),
        "pairs": pairs,
    }
    summary = talent_view.summary_hidden(cur, counts_only)
    by_agency = talent_view.summary_hidden(cur, counts_only, "agency")
    if hidden:
        summary, by_agency = summary.head(0), by_agency.head(0)
    by_agency = by_agency.dropna(subset=["employees"]).reset_index(drop=True)
    # the counts by readiness came with the risk list (one pass over the candidates)
    top = risk.head(MAX_RISK_POSTS).rename(columns={"ready": "ms"})
    risk_counts = {
        "posts": len(risk),
        "vacant": int(risk["vacant"].sum()) if len(risk) else 0,
        "retiring": int(risk["retiring"].sum()) if len(risk) else 0,
        "few_ready": int(risk["few_ready"].sum()) if len(risk) else 0,
    }
    return {
        "talent": grid,
        "talent_hidden": hidden,
        "talent_moves": moves,
        "talent_move_counts": move_counts,
        "talent_summary": summary,
        "talent_by_agency": by_agency,
        "succession_as_of": as_of,
        "posts_at_risk": risk.reset_index(drop=True),
        "risk_counts": risk_counts,
        "risk_top": top.reset_index(drop=True),
    }


def succession_size(grid: talent_view.Grid) -> int | None:
    """People in boxes 7-9; None when one of them is hidden (its count would follow)."""
    top = grid.boxes[grid.boxes["box"] >= 7]
    if top.empty or top["hidden"].any():
        return None
    return int(top["employees"].sum())


def _talent_headlines(talent: Mapping[str, Any], f: Filters, lang: str) -> dict[str, str]:
    """The talent slide's finding (the succession group's share and the biggest box) and the
    succession slide's (how many posts, for which reasons, as of when)."""
    grid: talent_view.Grid = talent["talent"]
    if talent["talent_hidden"]:
        tl = t("hidden_population", lang, n=f.min_group)
    elif grid.year is None:
        tl = t("no_data", lang)
    elif grid.mapped == 0:
        tl = t("tl_none", lang)
    else:
        shown = grid.boxes.dropna(subset=["employees"])
        big = shown.sort_values(["employees", "box"], ascending=[False, False]).iloc[0]
        size = succession_size(grid)
        biggest = t(
            "tl_biggest",
            lang,
            b=int(big["box"]),
            n=integer(big["employees"], lang),
            p=pct(big["share"], lang),
        )
        if size is None:
            tl = t("tl_headline_nosucc", lang, m=integer(grid.mapped, lang), big=biggest)
        else:
            tl = t(
                "tl_headline",
                lang,
                s=integer(size, lang),
                m=integer(grid.mapped, lang),
                p=pct(100 * size / grid.mapped, lang),
                big=biggest,
            )
    rc = talent["risk_counts"]
    day = day_words(talent["succession_as_of"], lang)
    if talent["talent_hidden"]:
        sc = t("hidden_population", lang, n=f.min_group)
    elif rc["posts"] == 0 and grid.year is None:
        sc = t("no_data", lang)
    elif rc["posts"] == 0:
        sc = t("sc_none", lang, date=day)
    else:
        sc = t(
            "sc_headline",
            lang,
            n=integer(rc["posts"], lang),
            v=integer(rc["vacant"], lang),
            r=integer(rc["retiring"], lang),
            f=integer(rc["few_ready"], lang),
            date=day,
        )
    return {"talent": tl, "succession": sc}
