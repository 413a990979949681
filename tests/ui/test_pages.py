"""Every page headless (AppTest): renders in both languages, shows the analytics' figures for
the same filters, follows a filter change, and restores filters from the URL."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.core.numfmt import integer, num, pct, signed
from analytics.metrics import extras
from analytics.store import info as overview
from tests.support.apptest import open_section

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/overview.py",
    "pages/gaps.py",
    "pages/trends.py",
    "pages/impact.py",
    "pages/service.py",
    "pages/needs.py",
    "pages/talent.py",
    "pages/succession.py",
    "pages/profile.py",
    "pages/data.py",
    "pages/method.py",
]
PLANNER = Filters(small_groups="mark", may_see_individuals=True)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One small demo store for the module; the app's cached Store is opened on it."""
    from analytics.demo.build import build_demo
    from analytics.store.db import Store
    from ui import state

    db = tmp_path_factory.mktemp("pages") / "asn.duckdb"
    store = Store(db)
    import io

    build_demo(store, employees=1500, seed=7, force=False, out=io.StringIO(), err=io.StringIO())
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


def app(page: str | None = None, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def snapshot_cur():
    from ui.state import get_store

    return get_store().snapshot()


def figures(at: AppTest) -> list[go.Figure]:
    return [pio.from_json(c.proto.spec) for c in at.get("plotly_chart")]


def arr(value: object) -> np.ndarray:
    """A trace array as Plotly serialised it (a list, or a typed array {dtype, bdata, shape})."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = tuple(int(n) for n in str(value.get("shape", len(flat))).split(","))
        return flat.reshape(shape)
    return np.asarray(value)


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(demo_db: Path, page: str, lang: str) -> None:
    at = app(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.segmented_control(key="lang").value == lang
    assert at.title, "every page has a title"
    if page not in ("pages/method.py", "pages/profile.py", "pages/data.py"):
        assert at.get("plotly_chart"), f"{page} shows charts"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_every_year(demo_db: Path, page: str) -> None:
    """Each year of the demo has its own gaps: e.g. 2023's IKM rows without respondents and
    talent years without a box (formatters once raised on their missing values)."""
    with snapshot_cur() as snap:
        years = metrics.years(snap.cur)
    assert len(years) >= 3
    for year in years:
        at = app(page, tahun=str(year))
        assert not at.exception, (year, [e.value for e in at.exception])
        assert at.selectbox(key="tahun").value == year


def test_overview_shows_the_kpis_of_the_analytics(demo_db: Path) -> None:
    at = app()
    shown = {m.label: m.value for m in at.metric}
    with snapshot_cur() as snap:
        year = metrics.latest_year(snap.cur)
        k = views.kpis(snap.cur, PLANNER.with_(year=year))
    assert shown["Pegawai diases"] == integer(k.employees, "id")
    assert shown["Rata-rata JPM"] == num(k.mean_jpm, "id", 1)
    assert shown["Nilai memenuhi standar"] == pct(k.pct_meeting, "id")
    assert shown["Rata-rata kekurangan level"] == num(k.mean_shortfall, "id", 2)
    assert shown["Pegawai ≥ 20 JP"] == pct(k.pct_20jp, "id")
    assert shown["Δ level, pegawai yang sama"] == signed(k.same_people_change, "id", 2)


def test_a_filter_change_changes_the_figures(demo_db: Path) -> None:
    at = app()
    before = {m.label: m.value for m in at.metric}
    with snapshot_cur() as snap:
        ch = metrics.choices(snap.cur)
        agency = ch.agencies.iloc[0]
        k = views.kpis(snap.cur, PLANNER.with_(year=2024, agencies=(agency["agency_id"],)))
    at.selectbox(key="tahun").select(2024).run()
    at.multiselect(key="opd").select(agency["agency_id"]).run()
    after = {m.label: m.value for m in at.metric}
    assert after != before
    assert after["Pegawai diases"] == integer(k.employees, "id")
    assert after["Rata-rata JPM"] == num(k.mean_jpm, "id", 1)


def test_a_drawn_page_has_its_figures_of_the_other_years_ready(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once Kesenjangan has drawn, its figures are computed for the previous year in the
    background: switching the sidebar's year to it then computes nothing (the gap matrix would
    fail here) and shows that year's figures."""
    from ui import queries

    monkeypatch.setattr(queries, "_prefetched", type(queries._prefetched)())
    monkeypatch.setattr(queries, "PREFETCH_DELAY", 0.0)
    monkeypatch.setattr(queries, "PREFETCH_YEARS", 1)
    queries._years_pool.submit(lambda: None).result(timeout=120)  # nothing else waiting
    queries._run.clear()  # nothing cached by the tests before
    at = app("pages/gaps.py")
    queries._years_pool.submit(lambda: None).result(timeout=120)  # the prefetch is done
    name = next(n for n in queries._FUNCTIONS if n.endswith("views.matrix.gap_matrix"))
    real = queries._FUNCTIONS[name]

    def computed(*args: object, **kwargs: object) -> None:
        pytest.fail("the gap matrix of the other year was computed on the switch")

    monkeypatch.setitem(queries._FUNCTIONS, name, computed)
    shown = at.selectbox(key="tahun").value
    with snapshot_cur() as snap:
        other = max(y for y in metrics.years(snap.cur) if y != shown)
        expected = real(snap.cur, PLANNER.with_(year=other))
        names = overview.names(snap.cur)["agency"]
    at.selectbox(key="tahun").select(other).run()
    assert not at.exception
    assert_heatmap_is(
        next(f for f in figures(at) if f.data[0].type == "heatmap").data[0], expected, names
    )


def test_query_parameters_restore_the_filters(demo_db: Path) -> None:
    with snapshot_cur() as snap:
        ch = metrics.choices(snap.cur)
        agency = ch.agencies.iloc[1]
        family = ch.job_families[0]
        k = views.kpis(
            snap.cur,
            PLANNER.with_(year=2024, agencies=(agency["agency_id"],), job_families=(family,)),
        )
    at = app(tahun="2024", opd=agency["agency_name"], rumpun=family)
    assert at.selectbox(key="tahun").value == 2024
    assert at.multiselect(key="opd").value == [agency["agency_id"]]
    assert at.multiselect(key="rumpun").value == [family]
    shown = {m.label: m.value for m in at.metric}
    assert shown["Pegawai diases"] == integer(k.employees, "id")


def gaps_heatmap() -> tuple[AppTest, Any]:
    """The Gaps page run as a planner, and its heatmap trace."""
    at = app("pages/gaps.py")
    return at, next(f for f in figures(at) if f.data[0].type == "heatmap").data[0]


def planner_gap_matrix() -> tuple[pd.DataFrame, dict[str, str]]:
    """The planner's gap matrix of the latest year, and the agency names by id."""
    with snapshot_cur() as snap:
        year = metrics.latest_year(snap.cur)
        m = views.gap_matrix(snap.cur, PLANNER.with_(year=year))
        return m, overview.names(snap.cur)["agency"]


def test_gaps_heatmap_equals_the_gap_matrix(demo_db: Path) -> None:
    _, heat = gaps_heatmap()
    m, names = planner_gap_matrix()
    assert_heatmap_is(heat, m, names)


def assert_heatmap_is(heat: Any, m: pd.DataFrame, names: dict[str, str]) -> None:
    """Every cell of the chart is the matrix's pct_below for that agency and competency."""
    lookup = {
        (names[a], c): v
        for a, c, v in zip(m["agency_id"], m["competency_id"], m["pct_below"], strict=True)
    }
    comp_names = overview_names_competency()
    checked = 0
    for i, agency in enumerate(heat.y):
        for j, comp_label in enumerate(heat.x):
            z = arr(heat.z)[i][j]
            if np.isnan(z):
                continue
            cid = comp_names[comp_label.replace("<br>", " ")]
            assert z == pytest.approx(lookup[(agency, cid)], abs=1e-9)
            checked += 1
    assert checked > 20


def overview_names_competency() -> dict[str, str]:
    with snapshot_cur() as snap:
        return {v: k for k, v in overview.names(snap.cur)["competency"].items()}


def test_trend_chart_equals_the_trend_metric(demo_db: Path) -> None:
    at = app("pages/trends.py")
    line = figures(at)[0].data[0]
    with snapshot_cur() as snap:
        tr = metrics.trend(snap.cur, PLANNER)
    assert [int(x) for x in arr(line.x)] == list(tr["year"])
    assert list(arr(line.y)) == pytest.approx(list(tr["mean_jpm"]))


def test_impact_forest_equals_training_impact(demo_db: Path) -> None:
    at = app("pages/impact.py")
    forest = figures(at)[0].data[0]
    with snapshot_cur() as snap:
        imp = metrics.training_impact(snap.cur, PLANNER, by="competency")
    estimable = imp.dropna(subset=["effect"])
    assert sorted(arr(forest.x)) == pytest.approx(sorted(estimable["effect"]))


def test_impact_sections_open_one_at_a_time(demo_db: Path) -> None:
    """Each section of Dampak draws alone, with the analytics' figures."""
    at = app("pages/impact.py")
    assert len(figures(at)) == 1  # the forest by competency; the others are closed
    with snapshot_cur() as snap:
        by_prog = metrics.training_impact(snap.cur, PLANNER.without_year(), by="program")
        dose = extras.dose_response(snap.cur, PLANNER.without_year())
        cost = extras.cost_per_level(snap.cur, PLANNER.without_year())
    open_section(at, "dampak_bagian", "impact_by_programme")
    shown = figures(at)
    assert len(shown) == 1
    assert sorted(arr(shown[0].data[0].x)) == pytest.approx(
        sorted(by_prog.dropna(subset=["effect"])["effect"])
    )
    open_section(at, "dampak_bagian", "impact_cost_title")
    assert not figures(at) and len(at.dataframe[0].value) == len(cost)
    open_section(at, "dampak_bagian", "impact_dose_title")
    assert len(figures(at)) == (0 if dose.empty else 1)
    open_section(at, "dampak_bagian", "impact_jp_title")
    assert len(figures(at)) == 1 and not at.exception


def test_needs_table_lists_the_training_needs(demo_db: Path) -> None:
    at = app("pages/needs.py")
    table = at.dataframe[0].value
    with snapshot_cur() as snap:
        year = metrics.latest_year(snap.cur)
        needs = metrics.training_needs(snap.cur, PLANNER.with_(year=year))
    assert len(table) == len(needs)
    assert list(table.iloc[:, 3]) == [integer(v, "id") for v in needs["employees_below"]]


def test_profile_lists_people_but_never_puts_them_in_the_url(demo_db: Path) -> None:
    at = app("pages/profile.py")
    people = at.dataframe[0].value
    assert len(people) > 0
    nip = people.iloc[0]["NIP"]
    at.text_input(key="profil_q").input(nip).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 1
    assert all(nip not in str(v) for v in at.query_params.values())


def test_english_switch_translates_the_frame(demo_db: Path) -> None:
    at = app(lang="EN")
    labels = [m.label for m in at.metric]
    assert "Employees assessed" in labels
    assert at.title[0].value == "Overview"


@pytest.mark.parametrize("page", PAGES)
def test_a_combination_without_data_gives_a_friendly_empty_state(demo_db: Path, page: str) -> None:
    with snapshot_cur() as snap:
        row = snap.cur.execute(
            """
            select a.agency_name, p.job_family
            from agencies a cross join (select distinct job_family from positions) p
            where not exists (
                select 1 from employees e join positions q using (position_key)
                where e.agency_key = a.agency_key and q.job_family = p.job_family)
            order by 1, 2 limit 1
            """
        ).fetchone()
    assert row is not None
    at = app(page, opd=row[0], rumpun=row[1])
    assert not at.exception, [e.value for e in at.exception]
    if page in (
        "pages/overview.py",
        "pages/gaps.py",
        "pages/trends.py",
        "pages/impact.py",
        "pages/needs.py",
    ):
        assert any("Tidak ada data" in i.value for i in at.info), f"{page} explains the empty view"


def test_presentation_mode_steps_through_every_screen_without_people(demo_db: Path) -> None:
    at = app(presentasi="true")
    assert not at.exception, [e.value for e in at.exception]
    from ui.presentation import SCREENS

    seen = []
    for _ in range(len(SCREENS)):
        html = " ".join(h.proto.body for h in at.get("html"))
        seen.append(html)
        assert not re.search(r"\b\d{18}\b", html), "no NIP on a presentation screen"
        at.button[1].click().run()  # next
        assert not at.exception, [e.value for e in at.exception]
    assert len(set(seen)) == len(SCREENS), "every screen differs"
    # the profile page refuses individuals in presentation mode
    at.switch_page("pages/profile.py").run()
    at.button[2].click().run()  # exit presentation
    assert not at.exception


def test_presentation_mode_hides_individuals_on_pages(demo_db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.session_state["presentasi"] = True
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    # the page did not run (presentation screens replace pages), and no people table exists
    assert not at.dataframe


def test_long_unit_lists_wait_for_an_agency(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a national store offers thousands of units: the list waits until agencies narrow it
    # (shown here with a small limit on the demo store; agencies wait for an instansi alike)
    from ui import filterbar

    with snapshot_cur() as snap:
        ch = metrics.choices(snap.cur)
    per_agency = ch.units["agency_id"].value_counts()
    agency = per_agency.idxmin()
    limit = max(len(ch.agencies), int(per_agency.min()))
    assert limit < len(ch.units)  # the demo is big enough to show it
    monkeypatch.setattr(filterbar, "MAX_OPTIONS", limit)
    at = app()
    assert not at.multiselect(key="opd").disabled  # one instansi: every agency is offered
    assert at.multiselect(key="unit").disabled and not at.multiselect(key="unit").options
    at.multiselect(key="opd").select(agency).run()
    unit = at.multiselect(key="unit")
    assert not unit.disabled and len(unit.options) == int(per_agency[agency])
    assert not at.exception


def test_rank_waits_for_an_agency_on_a_large_store(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a rank reads every person's rows: on a store with more agencies than one list holds it
    # is offered once an agency narrows the view; gender and employment type are in the
    # roll-ups, so they are offered at once
    from ui import filterbar

    with snapshot_cur() as snap:
        agency = metrics.choices(snap.cur).agencies["agency_id"].iloc[0]
    monkeypatch.setattr(filterbar, "MAX_OPTIONS", 3)
    at = app()
    assert at.multiselect(key="gol").disabled
    assert not any(at.multiselect(key=k).disabled for k in ("status", "jk"))
    at.multiselect(key="opd").select(agency).run()
    assert not any(at.multiselect(key=k).disabled for k in ("status", "jk", "gol"))
    monkeypatch.setattr(filterbar, "MAX_OPTIONS", 400)
    assert not app().multiselect(key="gol").disabled  # the demo's 38 agencies: offered at once


def test_agency_charts_show_those_most_in_need_when_there_are_too_many(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # nationally 15,053 agencies: a chart shows the MAX_CHART_GROUPS most in need, and says so
    from ui import widgets

    monkeypatch.setattr(widgets, "MAX_CHART_GROUPS", 3)
    at, heat = gaps_heatmap()
    m, names = planner_gap_matrix()
    means = m.groupby("agency_id")["pct_below"].mean().sort_values(ascending=False)
    assert sorted(heat.y) == sorted(names[a] for a in means.index[:3])
    total = m["agency_id"].nunique()
    assert any(f"3 dari {total} OPD" in c.value for c in at.caption)
    monkeypatch.setattr(widgets, "MAX_CHART_GROUPS", 400)
    at, heat = gaps_heatmap()
    assert len(heat.y) == total and not any(
        "dari" in c.value and "OPD:" in c.value for c in at.caption
    )


def test_needs_wait_for_an_agency_when_the_store_has_too_many(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # needs are listed per unit: over a national store the page asks for an instansi or agency
    from ui import filterbar

    monkeypatch.setattr(filterbar, "MAX_OPTIONS", 3)
    at = app("pages/needs.py")
    assert any("terlalu banyak" in i.value for i in at.info)
    assert not at.dataframe and not at.get("plotly_chart")
    with snapshot_cur() as snap:
        agency = metrics.choices(snap.cur).agencies["agency_id"].iloc[0]
    at.multiselect(key="opd").select(agency).run()
    assert not any("terlalu banyak" in i.value for i in at.info)
    assert at.get("plotly_chart")


def test_the_coverage_table_is_the_view_formatted(demo_db: Path) -> None:
    from analytics.views import coverage

    at = app("pages/data.py")
    assert not at.exception
    # the coverage tab runs only once opened (the demo store opens on the import tab)
    assert not [d for d in at.dataframe if "% diases" in d.value.columns]
    open_section(at, "data_bagian", "data_tab_coverage")
    (table,) = [d.value for d in at.dataframe if "% diases" in d.value.columns]
    with snapshot_cur() as snap:
        cov = coverage.assessment_coverage(snap.cur, PLANNER)
        people = coverage.not_assessed(snap.cur, PLANNER, limit=200)
    assert list(table.iloc[:, 0]) == list(cov["agency_name"])
    assert list(table.iloc[:, 1]) == [integer(v, "id") for v in cov["employees"]]
    assert list(table.iloc[:, 3]) == [integer(v, "id") for v in cov["not_assessed"]]
    assert list(table.iloc[:, 4]) == [pct(v, "id") for v in cov["pct_assessed"]]
    # the people not assessed are listed once their box is opened
    assert not [d for d in at.dataframe if "NIP" in d.value.columns]
    at.session_state["cov_people_open"] = True
    at.run()
    (listed,) = [d.value for d in at.dataframe if "NIP" in d.value.columns]
    assert len(people) > 0 and list(listed["NIP"]) == list(people["nip"])
    # and stay listed after a look at another tab
    open_section(at, "data_bagian", "data_tab_import")
    assert not [d for d in at.dataframe if "NIP" in d.value.columns]
    open_section(at, "data_bagian", "data_tab_coverage")
    (listed,) = [d.value for d in at.dataframe if "NIP" in d.value.columns]
    assert list(listed["NIP"]) == list(people["nip"])
