"""Names that look like code are just text wherever they are shown (issue 7, part 6).

A small demo store gets, through the importer, an agency, a unit, a position, a competency, a
training programme and a person whose names are HTML, script, markdown, Streamlit markup,
spreadsheet formulas and SQL. Then:
- every page (AppTest): markdown elements carry them backslash-escaped (shown as typed), HTML
  elements carry them as entities, no raw tag of theirs reaches either, tables hold them
  literally, and Plotly figures (labels, legends, titles, hover text) carry them as entities,
  which Plotly shows as the characters typed;
- the pages' Excel and CSV downloads keep formula-looking text inert;
- the meeting materials: the PDF (read back with pdftotext; reportlab's Paragraph reads markup)
  and the deck show the literal text, the report workbook keeps it inert.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.importer import Source, commit
from analytics.store.db import Store
from charts.theme import plain
from ui.widgets import escape, md

ROOT = Path(__file__).resolve().parents[2]

AGENCY = "<script>alert('opd')</script> Dinas **Tebal** & $x$"
UNIT = "+cmd|' /C calc'!A0 # Bagian <i>Umum</i>"
POSITION = '=HYPERLINK("http://evil.example","klik") Analis <b>SDM</b>'
COMPETENCY = "<img src=x onerror=alert(1)> Integritas _miring_ :red[merah]"
TITLE = "@SUM(1+1) Pelatihan <u>Integritas</u> %{x} {0}"
PERSON = "Robert'); DROP TABLE employees;-- <b>Budi</b> [klik](javascript:alert(1))"
HOSTILE = {
    "agency": AGENCY,
    "unit": UNIT,
    "position": POSITION,
    "competency": COMPETENCY,
    "title": TITLE,
    "person": PERSON,
}
# The tags of the names above (the app's own HTML has <b> and <br> of its own).
TAGS = ("<script>", "<img src", "<i>Umum", "<b>SDM", "<u>Integritas", "<b>Budi")
MARKUP = ("**Tebal**", "_miring_", ":red[merah]", "$x$", "[klik](")


class World:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.agency = self.unit = self.nip = self.position = self.title_ids = ""


def _csv(rows: list[list[object]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The demo store with hostile names imported over real rows; the app opens it."""
    from ui import state

    db = tmp_path_factory.mktemp("hostile") / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=1500, seed=7, force=False, out=io.StringIO(), err=io.StringIO())
    w = World(db)
    cur = store.cursor()
    q = lambda sql, **p: cur.execute(sql, p).fetchall()  # noqa: E731
    (w.agency, w.unit), *_ = q(
        "select a.agency_id, e.unit from employees e join agencies a using (agency_key) "
        "group by all order by count(*) desc, 1, 2 limit 1"
    )
    people = q(
        "select e.nip, e.name, p.position_id from employees e join agencies a using (agency_key) "
        "join positions p using (position_key) where a.agency_id = $a and e.unit = $u "
        "order by (select count(*) from assessments s where s.emp_key = e.emp_key) desc, e.nip",
        a=w.agency,
        u=w.unit,
    )
    w.nip, _, w.position = people[0]
    (position,) = q(
        "select position_id, job_type, job_family from positions where position_id = $p",
        p=w.position,
    )
    (title,) = q(
        "select title from trainings where competency_key is not null "
        "group by title order by count(*) desc, title limit 1"
    )
    events = q(
        "select training_id, hours_jp::varchar, start_date::varchar, end_date::varchar "
        "from trainings where title = $t",
        t=title[0],
    )
    cur.close()
    files = {
        "agencies": [["agency_id", "agency_name"], [w.agency, AGENCY]],
        "positions": [["position_id", "position_name", "job_type", "job_family"],
                      [position[0], POSITION, position[1], position[2]]],
        "competencies": [["competency_id", "competency_name", "competency_group"],
                         ["M.1", COMPETENCY, "manajerial"]],
        "employees": [["nip", "name", "agency_id", "unit", "position_id"]]
        + [[nip, PERSON if nip == w.nip else name, w.agency, UNIT, pos]
           for nip, name, pos in people],
        "trainings": [["training_id", "title", "hours_jp", "start_date", "end_date"]]
        + [[tid, TITLE, jp, start, end] for tid, jp, start, end in events],
    }  # fmt: skip
    result = commit(store, [Source(f"{n}.csv", _csv(rows)) for n, rows in files.items()])
    assert result.ok, [p.message("en") for p in result.problems]
    w.unit = UNIT
    store.close()
    old = os.environ.get("ASN_DB")
    os.environ["ASN_DB"] = str(db)
    state.get_store.clear()
    yield w
    state.get_store.clear()
    if old is None:
        os.environ.pop("ASN_DB", None)
    else:
        os.environ["ASN_DB"] = old


# --- what a run sent to the browser -----------------------------------------------------------


def walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


class Shown:
    """A run's texts by how the browser reads them."""

    def __init__(self, at: AppTest) -> None:
        self.markdown: list[str] = []  # read as markdown (headers, captions, alerts, ...)
        self.html: list[str] = []  # read as HTML (st.html, markdown with unsafe_allow_html)
        self.tables: list[str] = []  # shown as plain text
        self.charts: list[str] = []  # every string of every Plotly figure
        self.other: list[str] = []  # widget labels and options, metric values (plain text)
        for node in walk(at._tree):
            kind = getattr(node, "type", "")
            proto: Any = getattr(node, "proto", None)
            if isinstance(node, Dataframe):
                self.tables.append(node.value.to_csv())
            elif kind == "plotly_chart":
                self.charts.extend(_strings(json.loads(proto.spec)))
            elif kind == "html":
                self.html.append(proto.body)
            elif proto is not None and hasattr(proto, "body") and isinstance(proto.body, str):
                allow = getattr(proto, "allow_html", False)
                (self.html if allow else self.markdown).append(proto.body)
            elif proto is not None:
                self.other.append(str(proto))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def page(name: str, lang: str = "ID") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"pages/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_safe(shown: Shown, where: str) -> None:
    """No raw tag or markup of the hostile names in what is read as markdown, HTML or by
    Plotly; wherever a name appears there, it is in the escaped form of that reader."""
    for body in shown.markdown:
        for bad in TAGS + MARKUP:
            assert bad not in body, f"{where}: raw {bad!r} in markdown: {body[:200]!r}"
    for body in shown.html:
        for bad in TAGS:
            assert bad not in body, f"{where}: raw {bad!r} in HTML: {body[:200]!r}"
    for text in shown.charts:
        for bad in TAGS:
            assert bad not in text, f"{where}: raw {bad!r} in a chart: {text[:200]!r}"


@pytest.mark.parametrize("name", ["overview", "gaps", "trends", "impact", "needs", "data"])
def test_pages_show_hostile_names_as_text(world: World, name: str) -> None:
    at = page(name)
    shown = Shown(at)
    assert_safe(shown, name)
    charts = "\n".join(shown.charts)
    if name == "gaps":  # heatmap rows (agencies) and columns (competencies), bars, hover
        assert plain(AGENCY) in charts
        # the column label is wrapped at spaces, a word or two a line: "<img" escaped
        assert plain("<img") + "<br>src=x" in charts
    if name == "needs":  # the needs table names the unit and the programme as typed
        tables = "\n".join(shown.tables)
        assert UNIT in tables or UNIT.replace('"', '""') in tables
        assert plain(UNIT).split()[0] in charts or UNIT in tables


def test_filtered_to_the_hostile_agency_and_unit(world: World) -> None:
    """The filter chips (HTML) and every chart of the gaps page, filtered to them."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params.update({"lang": "EN"})
    at.run()
    at.switch_page("pages/gaps.py")
    at.run()
    at.multiselect(key="opd").set_value([world.agency]).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = Shown(at)
    assert_safe(shown, "gaps filtered")
    assert any(escape(AGENCY) in body for body in shown.html), "the active filter chip"


def test_profile_shows_the_person_as_typed(world: World) -> None:
    at = page("profile")
    at.text_input(key="profil_q").input(world.nip).run()
    people = at.dataframe[0].value
    assert list(people["NIP"]) == [world.nip]
    assert PERSON in list(people.iloc[0])  # a table cell holds the name as typed
    at.session_state["profil_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = Shown(at)
    assert_safe(shown, "profile")
    assert [h.value for h in at.header] == [md(PERSON)]
    caption = next(c.value for c in at.caption if md(world.nip) in c.value)
    for text in (POSITION, UNIT, AGENCY):
        assert md(text) in caption
    assert plain(COMPETENCY) in "\n".join(shown.charts)  # the radar's hover text


def test_md_and_escape_keep_any_text_literal() -> None:
    """The escapers' own properties: md() leaves no unescaped ASCII punctuation (CommonMark
    shows a backslash-escaped mark as itself), escape() no markup character."""
    for text in [*HOSTILE.values(), "a\n\nb", "\\*", "1. x", "- y", "> z", "`c`", "~~s~~"]:
        out = md(text)
        i = 0
        literal = []
        while i < len(out):
            if out[i] == "\\":
                assert not out[i + 1].isalnum()
                literal.append(out[i + 1])
                i += 2
            else:
                assert not (out[i].isascii() and not out[i].isalnum() and out[i] != " ")
                literal.append(out[i])
                i += 1
        assert "".join(literal) == " ".join(text.splitlines())
        assert not set("<>\"'\n") & set(escape(text))


# --- downloads ----------------------------------------------------------------------------------


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Every file a run offered (name, bytes or a deferred maker)."""
    got: list[tuple[str, Any]] = []
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def spy_add(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if is_for_static_download:
            got.append((str(file_name), data))
        return add(self, data, mimetype, coordinates, file_name, is_for_static_download)

    def spy_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        got.append((str(file_name), data_callable))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", spy_add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_deferred)
    return got


INERT_START = ("=", "+", "-", "@")


def assert_inert_xlsx(data: bytes, expected: tuple[str, ...]) -> None:
    """Formula-looking text is in string cells, and no cell of the file is a formula."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in z.namelist():
            if part.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(part) and b"<f " not in z.read(part), part
    book = load_workbook(io.BytesIO(data))
    values = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    values.append(cell.value)
                    if cell.value.startswith(INERT_START):
                        assert cell.data_type == "s", (ws.title, cell.coordinate)
    for text in expected:
        assert any(text in v for v in values), text


def assert_inert_csv(data: bytes, expected: tuple[str, ...]) -> None:
    text = data.decode("utf-8-sig")
    delim = ";" if text.split("\r\n", 1)[0].count(";") else ","
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=delim) for c in row]
    for c in cells:
        assert not c.startswith(INERT_START), c
    for want in expected:
        assert any(c in (want, "'" + want) for c in cells), want


def test_needs_downloads_keep_formula_text_inert(
    world: World, downloads: list[tuple[str, Any]]
) -> None:
    at = page("needs")
    at.multiselect(key="opd").set_value([world.agency]).run()
    assert not at.exception, [e.value for e in at.exception]
    made = {n: (d() if callable(d) else d) for n, d in downloads}
    xlsx = [d for n, d in made.items() if n.endswith(".xlsx")]
    csvs = [d for n, d in made.items() if n.endswith(".csv")]
    assert xlsx and csvs, sorted(made)
    assert_inert_xlsx(xlsx[-1], (UNIT, AGENCY))
    assert_inert_csv(csvs[-1], (UNIT, AGENCY))


# --- meeting materials --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def renderer() -> Iterator[Any]:
    from analytics.report import ChartRenderer, RenderError
    from analytics.report.images import chromium_path

    try:
        chromium_path()
    except RenderError as e:
        pytest.skip(str(e))
    with ChartRenderer() as r:
        yield r


def _report(world: World, fmt: str, renderer: Any = None) -> bytes:
    from analytics.report import build_report
    from ui import state  # the app's cached store owns the file

    filters = Filters(agencies=(world.agency,), small_groups="hide")
    with state.get_store().snapshot() as snap:
        return build_report(snap.cur, filters, fmt, "id", renderer=renderer)


def test_report_workbook_keeps_formula_text_inert(world: World) -> None:
    assert_inert_xlsx(_report(world, "xlsx"), (AGENCY, UNIT))


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_and_deck_show_the_literal_text(
    world: World, renderer: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analytics.report import images

    figures: list[str] = []
    real = images.ChartRenderer.pngs

    def spy(self, jobs, *a, **k):
        for fig, _, _ in jobs:
            figures.extend(_strings(fig.to_plotly_json()))
        return real(self, jobs, *a, **k)

    monkeypatch.setattr(images.ChartRenderer, "pngs", spy)
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(_report(world, "pdf", renderer))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert flat.count(AGENCY) >= 5  # the filter line of every page
    assert UNIT in flat and COMPETENCY in flat  # the needs table, the gap table
    deck = Presentation(io.BytesIO(_report(world, "pptx", renderer)))
    shapes = [s for slide in deck.slides for s in slide.shapes]
    texts = [s.text_frame.text for s in shapes if s.has_text_frame]
    texts += [c.text for s in shapes if s.has_table for row in s.table.rows for c in row.cells]
    joined = "\n".join(texts)
    assert AGENCY in joined and UNIT in joined and COMPETENCY in joined
    assert any(plain(COMPETENCY) in s for s in figures)  # a label, as Plotly reads it
    for s in figures:
        for bad in TAGS:
            assert bad not in s, f"raw {bad!r} in a report chart: {s[:200]!r}"
