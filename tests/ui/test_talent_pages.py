"""Talenta and Suksesi headless (AppTest): the figures on screen are the exports' for the same
filters; a leader gets counts, never a name or a NIP."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from analytics.cli import main as cli
from analytics.core.filters import Filters
from analytics.core.numfmt import integer
from analytics.views import talent as vt
from tests.support.apptest import open_section

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from analytics.demo.build import build_demo
    from analytics.store.db import Store
    from ui import state

    db = tmp_path_factory.mktemp("talent") / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=1500, seed=7, out=io.StringIO(), err=io.StringIO())
    store.close()
    old = os.environ.get("ASN_DB")
    os.environ["ASN_DB"] = str(db)
    state.get_store.clear()
    yield db
    state.get_store.clear()
    if old is None:
        os.environ.pop("ASN_DB", None)
    else:
        os.environ["ASN_DB"] = old


def app(page: str, **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    for k, v in state.items():
        at.session_state[k] = v
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_with(at: AppTest, column: str):
    """The first table on screen with that column header (None: none)."""
    return next((d.value for d in at.dataframe if column in d.value.columns), None)


def export(*argv: str) -> list[list[str]]:
    """The export as the owner runs it (CSV rows without the header)."""
    from ui.state import get_store

    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["export", *argv], out, err, store=get_store()) == 0, err.getvalue()
    return [line.split(",") for line in out.getvalue().splitlines()[1:]]


def test_talent_page_shows_the_exports_figures(demo_db: Path) -> None:
    at = app("pages/talent.py")
    shown = {m.label: m.value for m in at.metric}
    (summary,) = export("talent-summary")
    header = ["year", "employees", "mapped", *(f"box_{b}" for b in range(1, 10)), "succession"]
    row = dict(zip(header, summary, strict=False))
    assert shown["Pegawai berpredikat"] == integer(int(row["employees"]), "id")
    assert shown["Terpetakan"] == integer(int(row["mapped"]), "id")
    assert shown["Belum terpetakan"] == integer(int(row["employees"]) - int(row["mapped"]), "id")
    assert shown["Kelompok suksesi (kotak 7–9)"].startswith(integer(int(row["succession"]), "id"))
    # the 9-box: every box's number and count as the export gives them
    grid = next(pio.from_json(c.proto.spec) for c in at.get("plotly_chart"))
    texts = {}
    for a in grid.layout.annotations:
        m = re.match(r".*<b>(\d)</b></span><br><b>([\d.]+)</b>", a.text)
        assert m, a.text
        texts[int(m.group(1))] = m.group(2)
    assert texts == {b: integer(int(row[f"box_{b}"]), "id") for b in range(1, 10)}
    # KemenPANRB / SIMATA layout: potensial on x, kinerja on y; box 9 top right, 1 bottom left
    pos = {
        int(re.search(r"<b>(\d)</b>", a.text).group(1)): (a.x, a.y)  # type: ignore[union-attr]
        for a in grid.layout.annotations
    }
    assert pos[9] == (2.5, 2.5) and pos[1] == (0.5, 0.5) and pos[4] == (0.5, 2.5)
    assert pos[6] == (2.5, 0.5)


def test_talent_moves_on_screen_equal_the_export(demo_db: Path) -> None:
    at = app("pages/talent.py")
    assert len(at.get("plotly_chart")) == 1, "the 9-box only: the closed sections are not drawn"
    open_section(at, "talent_bagian", "talent_moves_tab")
    moves = export("talent-moves")
    heat = [pio.from_json(c.proto.spec) for c in at.get("plotly_chart")][1].data[0]
    z = heat.z
    for _from_year, _year, from_box, to_box, n in moves:
        assert z[int(from_box) - 1][int(to_box) - 1] == int(n)
    assert sum(v for r in z for v in r if v is not None) == sum(int(r[4]) for r in moves)
    from ui.state import get_store

    with get_store().snapshot() as snap:
        m = vt.moves(snap.cur, Filters())
    shown = {x.label: x.value for x in at.metric}
    assert shown["Naik"] == integer(m.rose, "id") and shown["Turun"] == integer(m.fell, "id")


def test_box_people_page_by_page(demo_db: Path) -> None:
    at = app("pages/talent.py")
    at.selectbox(key="talent_box").select(8).run()
    table = table_with(at, "Sumber potensial")
    box8 = [r for r in export("talent") if r[-1] == "8"]
    assert len(table) == min(50, len(box8))
    assert set(table["NIP"]) <= {r[0] for r in box8}


def test_succession_candidates_equal_the_export(demo_db: Path) -> None:
    at = app("pages/succession.py", succ_as_of=date(2025, 12, 31))
    post = at.selectbox(key="succ_post").value
    assert post
    rows = export("succession", "--position", post)
    shown = {m.label: m.value for m in at.metric}
    for category in ("Memenuhi Syarat", "Masih Memenuhi Syarat", "Kurang Memenuhi Syarat"):
        assert shown[category] == integer(sum(r[5] == category for r in rows), "id")
    table = table_with(at, "Kesiapan")
    assert list(table["NIP"]) == [r[1] for r in rows][:200]  # the export's order
    # the demo's post has thousands of candidates: the caption says the table holds 200 of them
    assert len(rows) > 200
    note = [c.value for c in at.caption if "200" in c.value]
    assert note and integer(len(rows), "id") in note[0] and post in note[0]


def test_a_leader_sees_counts_only(demo_db: Path) -> None:
    from ui import filterbar

    leader = Filters(may_see_individuals=False, small_groups="hide")
    original = filterbar.current
    try:
        filterbar.current = lambda: leader.with_(data_version=original().data_version)  # type: ignore[assignment]
        for page in ("pages/talent.py", "pages/succession.py"):
            at = app(page, succ_as_of=date(2025, 12, 31))
            assert table_with(at, "NIP") is None and table_with(at, "Nama") is None
            assert any("jumlah saja" in c.value for c in at.caption)
    finally:
        filterbar.current = original  # type: ignore[assignment]


@pytest.mark.parametrize("mapped", [True, False])
def test_profile_shows_the_persons_box_by_year(demo_db: Path, mapped: bool) -> None:
    """mapped=False: an assessed person's rating of a year without a potential (no score in its
    window), shown without a box."""
    from tests.ui.test_pages import snapshot_cur

    with snapshot_cur() as snap:  # the first such talent row (nip, year, box) of the demo
        nip, year, box = snap.cur.execute(
            "select e.nip, t.year, t.box from talent t join employees e on e.emp_key = t.emp_key "
            "where (t.box is not null) = $mapped "
            "and exists (select 1 from score s where s.emp_key = t.emp_key) "
            "order by e.nip, t.year limit 1",
            {"mapped": mapped},
        ).fetchone()
    row = [nip, str(year), "" if box is None else str(box)]  # as the export writes them
    at = app("pages/profile.py")
    at.text_input(key="profil_q").input(row[0]).run()
    at.session_state["profil_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    boxes = table_with(at, "Kotak")
    assert boxes is not None
    latest = boxes[boxes["Tahun"] == int(row[1])].iloc[0]
    assert latest["Kotak"] == (row[-1] or "–")


def test_local_convention_is_marked_and_matches_the_view(demo_db: Path) -> None:
    """The expander "Konvensi lokal": the default is the contract's grid with no banner;
    other cut-offs and a window re-map the 9-box (the view's figures) under a banner."""
    from analytics.core.filters import Filters
    from ui.state import get_store

    at = app("pages/talent.py")
    assert not [w for w in at.warning if "Konvensi lokal" in w.value]
    at.number_input(key="talent_local_tinggi").set_value(100.0)
    at.number_input(key="talent_local_menengah").set_value(85.5)
    at.select_slider(key="talent_local_window").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    banner = [w.value for w in at.warning if "Konvensi lokal" in w.value]
    assert banner and "100,0" in banner[0] and "85,5" in banner[0] and "2 tahun" in banner[0]
    with get_store().snapshot() as snap:
        g = vt.grid_local(snap.cur, Filters(), vt.LocalMapping(1000, 855, 2))
        contract = vt.grid(snap.cur, Filters())
    assert {int(b): n for b, n in zip(g.boxes["box"], g.boxes["employees"], strict=True)} != {
        int(b): n for b, n in zip(contract.boxes["box"], contract.boxes["employees"], strict=True)
    }
    shown = {m.label: m.value for m in at.metric}
    assert shown["Terpetakan"] == integer(g.mapped, "id")
    grid = next(pio.from_json(c.proto.spec) for c in at.get("plotly_chart"))
    texts = {}
    for a in grid.layout.annotations:
        m = re.match(r".*<b>(\d)</b></span><br><b>([\d.]+)</b>", a.text)
        if m:
            texts[int(m.group(1))] = m.group(2)
    expected = {
        int(r.box): integer(int(r.employees), "id") for r in g.boxes.itertuples() if not r.hidden
    }
    assert texts == expected


def test_each_talent_section_opens_alone(demo_db: Path) -> None:
    """Each lazy section draws its own content and nothing of the others."""
    at = app("pages/talent.py")
    open_section(at, "talent_bagian", "talent_calibration")
    assert not at.exception
    assert at.segmented_control(key="talent_calib_by")
    assert "Naik" not in {m.label for m in at.metric}, "the movement section stays closed"
    assert not [s for s in at.selectbox if s.key == "talent_box"], "so does a box's people"
