"""The meeting deck, opened with python-pptx: every slide says what the analytics functions say
for the same filters (formatted as numfmt formats them), names the filters, hides small groups
and never shows a person. One demo store and one Chromium for the module."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.util import Inches

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.core.numfmt import integer, num, pct, signed
from analytics.demo.build import build_demo
from analytics.metrics import extras
from analytics.report import ChartRenderer, RenderError, build_report, gather, render
from analytics.report.images import chromium_path
from analytics.store import info as overview
from analytics.store.db import Store
from analytics.views import findings
from analytics.views import talent as talent_views
from charts import gaps as gap_charts
from charts import report as chart_style

NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("deck") / "asn.duckdb")
    code = build_demo(s, employees=1500, seed=11, force=False, out=io.StringIO(), err=io.StringIO())
    assert code == 0
    yield s
    s.close()


@pytest.fixture(scope="module")
def renderer() -> Iterator[ChartRenderer]:
    try:
        chromium_path()
    except RenderError as e:
        pytest.skip(str(e))
    with ChartRenderer() as r:
        yield r


@pytest.fixture(scope="module")
def agency(demo: Store) -> str:
    """The agency with the most employees (its figures are never small groups)."""
    with demo.snapshot() as snap:
        row = snap.cur.execute(
            "select a.agency_id from employees e join agencies a using (agency_key) "
            "group by a.agency_id order by count(*) desc, a.agency_id limit 1"
        ).fetchone()
    assert row is not None
    return str(row[0])


def deck_of(demo: Store, renderer: ChartRenderer, filters: Filters, lang: str = "id") -> bytes:
    with demo.snapshot() as snap:
        return build_report(snap.cur, filters, "pptx", lang, renderer=renderer)


@pytest.fixture(scope="module")
def deck(demo: Store, renderer: ChartRenderer, agency: str) -> bytes:
    # "show" on purpose: a report hides small groups whatever the caller asks
    return deck_of(demo, renderer, Filters(agencies=(agency,), small_groups="show"))


def shape_texts(shape) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text a shape shows: text boxes, table cells, chart categories and labels."""
    out: list[str] = []
    if shape.has_text_frame:
        out.append(shape.text_frame.text)
    if getattr(shape, "has_table", False) and shape.has_table:
        out += [cell.text for row in shape.table.rows for cell in row.cells]
    if getattr(shape, "has_chart", False) and shape.has_chart:
        plot = shape.chart.plots[0]
        out += [str(c) for c in plot.categories]
        for point in plot.series[0].points:
            label = point.data_label
            if label.has_text_frame:
                out.append(label.text_frame.text)
    return out


def slide_text(slide) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(t for shape in slide.shapes for t in shape_texts(shape))


def slides(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Presentation(io.BytesIO(data)).slides)


def hidden_filters(agency: str) -> Filters:
    return Filters(agencies=(agency,), small_groups="hide")


def test_sixteen_by_nine_with_nine_slides(deck: bytes) -> None:
    prs = Presentation(io.BytesIO(deck))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(prs.slides) == 9


def test_title_slide_names_the_filters_and_the_data_version(
    demo: Store, deck: bytes, agency: str
) -> None:
    with demo.snapshot() as snap:
        name = overview.names(snap.cur)["agency"][agency]
        year = metrics.latest_year(snap.cur)
        version = snap.version
    title = slide_text(slides(deck)[0])
    assert f"OPD: {name}" in title
    assert f"Tahun: {year}" in title
    assert f"impor #{version}," in title
    assert f"OPD: {agency}" not in title  # names, not ids


def test_every_slide_has_a_footer_with_filters_version_and_page(
    demo: Store, deck: bytes, agency: str
) -> None:
    with demo.snapshot() as snap:
        name = overview.names(snap.cur)["agency"][agency]
    pages = slides(deck)
    for i, slide in enumerate(pages, start=1):
        text = slide_text(slide)
        assert f"{i} / {len(pages)}" in text
        assert name in text and "#1" in text


def test_kpi_slide_carries_the_kpis(demo: Store, deck: bytes, agency: str) -> None:
    with demo.snapshot() as snap:
        k = views.kpis(snap.cur, hidden_filters(agency))
    assert k.employees and k.employees >= 5
    text = slide_text(slides(deck)[1])
    expected = [
        integer(k.employees, "id"),
        num(k.mean_jpm, "id", 1),
        pct(k.pct_meeting, "id"),
        num(k.mean_shortfall, "id", 2),
        pct(k.pct_20jp, "id"),
        signed(k.same_people_change, "id", 2),
        pct(k.pct_optimal, "id"),
        pct(k.pct_cukup_optimal, "id"),
        pct(k.pct_kurang_optimal, "id"),
    ]
    for value in expected:
        assert value in text, value
    assert findings.jpm_level(k.mean_jpm, k.pct_kurang_optimal, "id") in text


def test_heatmap_table_is_the_gap_matrix(demo: Store, deck: bytes, agency: str) -> None:
    with demo.snapshot() as snap:
        m = views.gap_matrix(snap.cur, hidden_filters(agency), rows="agency")
        nm = overview.names(snap.cur)
        by_comp = metrics.gap_summary(snap.cur, hidden_filters(agency), by="competency")
    table = next(s.table for s in slides(deck)[2].shapes if s.has_table)
    header = [c.text for c in table.rows[0].cells][1:]
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == nm["agency"][agency]
    cells = dict(zip(header, row[1:], strict=True))
    for r in m.itertuples(index=False):
        assert cells[r.competency_id] == num(r.pct_below, "id", 0)
    # coloured as the dashboard's heatmap colours the same value
    first = m.set_index("competency_id").loc[header[0], "pct_below"]
    fill = table.cell(1, 1).fill.fore_color.rgb
    assert f"#{fill}".lower() == chart_style.heat_color(first)
    headline = findings.widest_gap(findings.core_competencies(by_comp, nm), m, nm, "id")
    assert headline and headline in slide_text(slides(deck)[2])


def test_trend_chart_is_native_with_the_trend_values(demo: Store, deck: bytes, agency: str) -> None:
    with demo.snapshot() as snap:
        tr = metrics.trend(snap.cur, hidden_filters(agency).without_year())
    chart = next(s.chart for s in slides(deck)[3].shapes if s.has_chart)
    values = list(chart.plots[0].series[0].values)
    assert values == pytest.approx(list(tr["pct_meeting"]))
    labels = [p.data_label.text_frame.text for p in chart.plots[0].series[0].points]
    assert labels == [pct(v, "id") for v in tr["pct_meeting"]]
    assert list(chart.plots[0].categories) == [str(y) for y in tr["year"]]
    color = chart.plots[0].series[0].format.line.color.rgb
    assert f"#{color}".lower() == "#0b5394"  # charts.theme.ACCENT


def test_impact_slide_has_the_forest_image_and_its_finding(
    demo: Store, deck: bytes, agency: str
) -> None:
    with demo.snapshot() as snap:
        imp = metrics.training_impact(snap.cur, hidden_filters(agency).without_year())
        nm = overview.names(snap.cur)
    slide = slides(deck)[4]
    pictures = [s for s in slide.shapes if s.shape_type == 13]  # PICTURE
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    core = findings.core_competencies(imp, nm)
    assert (
        findings.impact(core, "competency_id", nm["competency"], "id") or "Tidak ada data"
    ) in slide_text(slide)


def test_needs_slide_lists_the_top_needs(demo: Store, deck: bytes, agency: str) -> None:
    with demo.snapshot() as snap:
        needs = extras.needs_cost(snap.cur, hidden_filters(agency))
        nm = overview.names(snap.cur)
    visible = needs[~needs["hidden"]]
    table = next(s.table for s in slides(deck)[5].shapes if s.has_table)
    first = [c.text for c in table.rows[1].cells]
    top = visible.iloc[0]
    assert first[0] == f"{top['competency_id']} {nm['competency'][top['competency_id']]}"
    assert first[1] == f"{nm['agency'][top['agency_id']]} › {top['unit']}"
    assert first[2] == integer(top["employees_below"], "id")
    assert first[3] == num(top["priority"], "id", 1)
    assert findings.needs(visible, nm, "id") in slide_text(slides(deck)[5])


def test_talent_slide_is_the_grid(demo: Store, deck: bytes, agency: str) -> None:
    """The 9-box table: kinerja down the rows (di atas first), potensial across, the official
    box numbers, each box's count and share as the talent view gives them under 'hide' (a box
    of 1-4 people reads '< 5' and shows no count)."""
    with demo.snapshot() as snap:
        g = talent_views.grid(snap.cur, hidden_filters(agency))
        plain = talent_views.grid(snap.cur, Filters(agencies=(agency,), small_groups="show"))
    slide = slides(deck)[7]
    table = next(s.table for s in slide.shapes if s.has_table)
    assert "Kotak 9 talenta" in slide_text(slide)
    raw = dict(zip(plain.boxes["box"], plain.boxes["employees"], strict=True))
    hidden_seen = 0
    for i, perf in enumerate((2, 1, 0)):
        for pot in range(3):
            row = g.boxes[(g.boxes["performance"] == perf) & (g.boxes["potential"] == pot)].iloc[0]
            text = table.cell(i, pot + 1).text
            assert text.split("\n")[0] == str(int(row["box"]))
            if row["hidden"]:
                hidden_seen += 1
                assert "< 5" in text and f"\n{integer(raw[row['box']], 'id')} " not in text
            else:
                assert f"{integer(row['employees'], 'id')} · {pct(row['share'], 'id')}" in text
    assert table.cell(0, 3).text.startswith("9") and table.cell(2, 1).text.startswith("1")
    assert table.cell(0, 1).text.startswith("4") and table.cell(2, 3).text.startswith("6")
    size = int(g.boxes.loc[g.boxes["box"] >= 7, "employees"].sum())
    if not g.boxes.loc[g.boxes["box"] >= 7, "hidden"].any():
        assert integer(size, "id") in slide_text(slide)
    assert integer(g.rated, "id") in slide_text(slide)
    assert hidden_seen == int(g.boxes["hidden"].sum())


def test_talent_slide_says_how_people_moved(demo: Store, deck: bytes, agency: str) -> None:
    with demo.snapshot() as snap:
        m = talent_views.moves(snap.cur, hidden_filters(agency))
    text = slide_text(slides(deck)[7])
    assert m.from_year is not None and f"Perpindahan sejak {m.from_year}" in text
    for n in (m.rose, m.fell, m.stayed, m.big):
        assert (f"{integer(n, 'id')} " if n >= 5 or n == 0 else "< 5") in text


def test_succession_slide_counts_the_posts_at_risk(demo: Store, deck: bytes, agency: str) -> None:
    leader = hidden_filters(agency).with_(may_see_individuals=False)
    today = date.today()
    with demo.snapshot() as snap:
        risk = talent_views.posts_at_risk(snap.cur, leader, today)
        first = talent_views.candidates(snap.cur, leader, str(risk.at[0, "position_id"]))
    slide = slides(deck)[8]
    text = slide_text(slide)
    assert f"{integer(len(risk), 'id')} jabatan berisiko" in text
    table = next(s.table for s in slide.shapes if s.has_table)
    assert str(risk.at[0, "position_id"]) in table.cell(1, 0).text
    counts = first.by_readiness
    assert [table.cell(1, j).text for j in range(3, 7)] == [
        integer(counts[k], "id")
        for k in ("Memenuhi Syarat", "Masih Memenuhi Syarat", "Kurang Memenuhi Syarat", "")
    ]


def test_no_person_level_data(demo: Store, deck: bytes) -> None:
    text = "\n".join(slide_text(s) for s in slides(deck))
    assert not NIP.search(text)  # no 18-digit number on any slide
    with demo.snapshot() as snap:
        people = snap.cur.execute("select nip, name from employees").fetchall()
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        xml = "".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )
    assert not [p for p, _ in people if p in xml]  # nor any NIP of the store, anywhere
    assert not [n for _, n in people if n in text]  # nor a person's name


def test_english_deck(demo: Store, renderer: ChartRenderer, agency: str) -> None:
    data = deck_of(demo, renderer, Filters(agencies=(agency,)), "en")
    with demo.snapshot() as snap:
        k = views.kpis(snap.cur, hidden_filters(agency))
    text = slide_text(slides(data)[1])
    assert "Employees assessed" in text
    assert num(k.mean_jpm, "en", 1) in text and integer(k.employees, "en") in text


def small_unit(demo: Store) -> tuple[str, str]:
    """A unit with 1-4 employees assessed in the latest year."""
    with demo.snapshot() as snap:
        row = snap.cur.execute(
            """
            select a.agency_id, s.unit from score s join agencies a using (agency_key)
            where s.year = (select max(year) from score) and s.required_level is not null
            group by all having count(distinct s.emp_key) between 1 and 4
            order by count(distinct s.emp_key) desc, 1, 2 limit 1
            """
        ).fetchone()
    assert row is not None, "the demo store has no small unit"
    return str(row[0]), str(row[1])


def test_a_small_unit_shows_no_figures(demo: Store, renderer: ChartRenderer) -> None:
    agency_id, unit = small_unit(demo)
    shown = Filters(units=((agency_id, unit),))
    data = deck_of(demo, renderer, shown.with_(small_groups="show"))
    with demo.snapshot() as snap:
        k = views.kpis(snap.cur, shown)  # unhidden: what must not leak
    text = "\n".join(slide_text(s) for s in slides(data))
    assert unit in text  # the filter is named...
    assert "disembunyikan" in slide_text(slides(data)[1])  # ...its figures are not
    for value in (
        num(k.mean_jpm, "id", 1),
        pct(k.pct_meeting, "id"),
        num(k.mean_shortfall, "id", 2),
    ):
        assert value not in text
    for slide in slides(data)[2:]:
        assert not any(s.has_table or s.has_chart for s in slide.shapes)
    assert not any(s.shape_type == 13 for s in slides(data)[4].shapes)


def test_render_agrees_with_build_report(demo: Store, renderer: ChartRenderer, agency: str) -> None:
    """gather once, render each format: the same content the dashboard's buttons use."""
    with demo.snapshot() as snap:
        content = gather(snap.cur, Filters(agencies=(agency,), small_groups="mark"), "id")
    assert content.filters.small_groups == "hide" and content.filters.min_group >= 5
    data = render(content, "pptx", renderer)
    assert [slide_text(s).split("\n")[:3] for s in slides(data)][1:] == [
        slide_text(s).split("\n")[:3]
        for s in slides(deck_of(demo, renderer, Filters(agencies=(agency,))))
    ][1:]
    with pytest.raises(ValueError):
        render(content, "docx", renderer)


def test_heat_scale_is_the_heatmaps() -> None:
    fig = gap_charts.heatmap(
        pd.DataFrame({"r": ["a"], "c": ["M.1"], "v": [10.0]}),
        row="r",
        col="c",
        value="v",
        lang="id",
        title="",
        value_label="%",
    )
    scale = [(float(x), str(c)) for x, c in fig.data[0].colorscale]
    assert scale == [(x, c) for x, c in chart_style.HEAT_SCALE]
    assert chart_style.heat_color(0) == "#f7fbff" and chart_style.heat_color(100) == "#a63603"
    assert chart_style.heat_color(None) == chart_style.HIDDEN_FILL
    assert chart_style.text_color_on("#a63603") == "#ffffff"
    assert chart_style.text_color_on("#f7fbff") != "#ffffff"


def test_renderer_png(renderer: ChartRenderer) -> None:
    png = renderer.png(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), 300, 200, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_empty_store_gives_every_format(tmp_path, renderer: ChartRenderer) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "empty.duckdb")
    try:
        with store.snapshot() as snap:
            content = gather(snap.cur, Filters(), "id")
        assert set(content.headlines.values()) == {"Tidak ada data untuk pilihan ini."}
        for fmt in ("pptx", "pdf", "xlsx"):
            assert len(render(content, fmt, renderer)) > 1000
    finally:
        store.close()
