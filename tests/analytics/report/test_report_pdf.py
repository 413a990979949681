"""The PDF report, read back with poppler (pdftotext, pdffonts, pdftoppm): every page carries the
filters, the data version and "page i of n"; the figures are the analytics functions'; the
bundled font is embedded; no person appears. One demo store and one Chromium for the module."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics import metrics
from analytics.core.filters import Filters
from analytics.core.numfmt import integer, num, pct, signed
from analytics.demo.build import build_demo
from analytics.metrics import extras
from analytics.report import ChartRenderer, RenderError, build_report
from analytics.report.images import chromium_path
from analytics.store import info as overview
from analytics.store.db import Store
from analytics.views import findings
from analytics.views import kpis as headline_kpis

NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("pdf") / "asn.duckdb")
    code = build_demo(s, employees=1500, seed=12, force=False, out=io.StringIO(), err=io.StringIO())
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
def agencies(demo: Store) -> tuple[str, str]:
    """The two largest agencies."""
    with demo.snapshot() as snap:
        rows = snap.cur.execute(
            "select a.agency_id from employees e join agencies a using (agency_key) "
            "group by a.agency_id order by count(*) desc, a.agency_id limit 2"
        ).fetchall()
    return str(rows[0][0]), str(rows[1][0])


@pytest.fixture(scope="module")
def filters(agencies: tuple[str, str]) -> Filters:
    return Filters(agencies=agencies, job_types=("Pelaksana", "Fungsional Ahli Pertama"))


@pytest.fixture(scope="module")
def pdf(
    demo: Store, renderer: ChartRenderer, filters: Filters, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    with demo.snapshot() as snap:
        data = build_report(snap.cur, filters, "pdf", "id", renderer=renderer)
    path = tmp_path_factory.mktemp("pdf-out") / "laporan.pdf"
    path.write_bytes(data)
    return path


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return [p for p in pages if p.strip()]


def flat(text: str) -> str:
    """pdftotext's layout spreads words with spaces and breaks lines: compare on single
    spaces."""
    return " ".join(text.split())


def test_every_page_carries_filters_version_and_page_number(
    demo: Store, pdf: Path, agencies: tuple[str, str]
) -> None:
    with demo.snapshot() as snap:
        names = overview.names(snap.cur)["agency"]
        year = metrics.latest_year(snap.cur)
        version = snap.version
    pages = page_texts(pdf)
    assert len(pages) >= 5
    for i, page in enumerate(pages, start=1):
        text = flat(page)
        assert f"Hal. {i} dari {len(pages)}" in text
        assert f"Tahun: {year}" in text
        assert all(names[a] in text for a in agencies), i
        assert "Jenis jabatan: Pelaksana, Fungsional Ahli Pertama" in text
        assert f"impor #{version}," in text


def test_cover_lists_every_filter_and_the_kpis(demo: Store, pdf: Path, filters: Filters) -> None:
    with demo.snapshot() as snap:
        k = headline_kpis(snap.cur, filters.with_(small_groups="hide"))
    cover = flat(page_texts(pdf)[0])
    for value in (
        integer(k.employees, "id"),
        num(k.mean_jpm, "id", 1),
        pct(k.pct_meeting, "id"),
        num(k.mean_shortfall, "id", 2),
        pct(k.pct_20jp, "id"),
        signed(k.same_people_change, "id", 2),
    ):
        assert value in cover, value
    assert flat(findings.jpm_level(k.mean_jpm, k.pct_kurang_optimal, "id")) in cover


def test_heatmap_and_needs_figures(demo: Store, pdf: Path, filters: Filters) -> None:
    hidden = filters.with_(small_groups="hide")
    with demo.snapshot() as snap:
        from analytics import views

        m = views.gap_matrix(snap.cur, hidden, rows="agency")
        needs = extras.needs_cost(snap.cur, hidden)
        tr = metrics.trend(snap.cur, hidden.without_year())
        names = overview.names(snap.cur)
    text = flat("\n".join(page_texts(pdf)))
    for agency_id, rows in m.groupby("agency_id"):
        ordered = rows.assign(
            order=rows["competency_id"].map(lambda c: (c[0] != "M", int(c.split(".")[1])))
        ).sort_values("order")
        cells = " ".join("–" if v != v else num(v, "id", 0) for v in ordered["pct_below"])
        assert f"{names['agency'][agency_id]} {cells}" in text
    top = needs[~needs["hidden"]].iloc[0]
    assert f"{integer(top['employees_below'], 'id')} {num(top['priority'], 'id', 1)}" in text
    for row in tr.itertuples(index=False):
        assert f"{row.year} {integer(row.employees, 'id')} {pct(row.pct_meeting, 'id')}" in text


def test_talent_and_succession_pages(demo: Store, pdf: Path, filters: Filters) -> None:
    """The 9-box counts (a hidden box reads '< 5'), the moves sentence and the posts at risk."""
    from datetime import date

    from analytics.views import talent as tv

    hide = filters.with_(small_groups="hide", may_see_individuals=False)
    with demo.snapshot() as snap:
        g = tv.grid(snap.cur, hide)
        risk = tv.posts_at_risk(snap.cur, hide, date.today())
    pages = page_texts(pdf)
    talent = next(p for p in pages if "TALENTA" in p)
    assert f"Kotak 9 talenta {g.year}" in talent
    tight = talent.replace(" ", "")  # pdftotext may close up the centred cells' spaces
    for r in g.boxes.itertuples():
        if r.hidden:
            assert "<5·–" in tight
        else:
            assert f"{integer(r.employees, 'id')}·{pct(r.share, 'id')}" in tight
    succ = flat(next(p for p in pages if "SUKSESI" in p))
    if len(risk):  # (here the job types filter keeps no structural post)
        assert f"{integer(len(risk), 'id')} jabatan berisiko" in succ
        assert str(risk.at[0, "position_id"]) in succ
    else:
        assert "Tidak ada jabatan berisiko" in succ


def test_bundled_font_is_embedded(pdf: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts not installed")
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert rows and all(" yes " in line for line in rows)  # embedded
    assert "Helvetica" not in fonts  # nothing falls back to a non-embedded base font


def test_no_person_level_data(demo: Store, pdf: Path) -> None:
    text = "\n".join(page_texts(pdf))
    assert not NIP.search(text)
    with demo.snapshot() as snap:
        people = snap.cur.execute("select name from employees").fetchall()
    flat_text = flat(text)
    assert not [n for (n,) in people if n in flat_text]


def test_pages_render(pdf: Path, tmp_path: Path) -> None:
    """Every page rasterises (the PNGs are what a reviewer looks at)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    assert len(list(tmp_path.glob("page-*.png"))) == len(page_texts(pdf))


def test_english_pdf(
    demo: Store, renderer: ChartRenderer, agencies: tuple[str, str], tmp_path: Path
) -> None:
    with demo.snapshot() as snap:
        data = build_report(
            snap.cur, Filters(agencies=agencies[:1]), "pdf", "en", renderer=renderer
        )
        k = headline_kpis(snap.cur, Filters(agencies=agencies[:1], small_groups="hide"))
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    pages = page_texts(path)
    assert f"Page 1 of {len(pages)}" in flat(pages[0])
    assert num(k.mean_jpm, "en", 1) in flat(pages[0])
