"""The roll-ups (analytics/store/rollup.py) give exactly the figures of the per-person rows: every
metric that may read them, with every grouping, on the hand-written world (an employee whose
year's scores sit in two positions included), on random worlds (hypothesis) and on a small demo
store, unfiltered and filtered, with each small-group rule. Plus: which path a query takes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.demo import build as demo
from analytics.metrics import extras, route, score_groups
from analytics.metrics import talent as tm
from analytics.metrics.groups import grouping
from analytics.store.db import Store
from tests.support.fixtures import random_world, rows, store_of, world

ALL_GROUPS = ("manajerial", "sosial kultural", "teknis")
Metric = Callable[[duckdb.DuckDBPyConnection, Filters], pd.DataFrame]


def _metrics() -> dict[str, Metric]:
    out: dict[str, Metric] = {}
    for by in ("competency", "agency", "job_family", "job_type", "position", "unit"):
        out[f"gap_summary/{by}"] = lambda c, f, by=by: metrics.gap_summary(c, f, by)
    for by in ("agency", "job_family", "job_type", "unit"):
        out[f"jpm_summary/{by}"] = lambda c, f, by=by: metrics.jpm_summary(c, f, by)
    for by in ("none", "agency", "job_family", "competency"):
        out[f"trend/{by}"] = lambda c, f, by=by: metrics.trend(c, f, by)
    out["training_impact"] = metrics.training_impact
    out["training_impact/program"] = lambda c, f: metrics.training_impact(c, f, "program")
    out["dose_response"] = extras.dose_response
    out["dose_response/M.1"] = lambda c, f: extras.dose_response(c, f, "M.1")
    out["cost_per_level"] = extras.cost_per_level
    out["jpm"] = metrics.jpm
    for rows_ in ("agency", "unit", "job_family", "job_type"):
        out[f"gap_matrix/{rows_}"] = lambda c, f, r=rows_: views.gap_matrix(c, f, r, ALL_GROUPS)
    out["kpis"] = lambda c, f: pd.DataFrame([views.kpis(c, f)])
    for by in ("competency", "none", "agency", "job_family"):
        out[f"same_people/{by}"] = lambda c, f, by=by: extras.same_people_change(c, f, by)
    for by in ("none", "agency", "job_family", "unit"):
        out[f"jp_compliance/{by}"] = lambda c, f, by=by: metrics.jp_compliance(c, f, by)
    for by in ("none", "agency", "job_type", "job_family"):
        out[f"talent_summary/{by}"] = lambda c, f, by=by: metrics.talent_summary(c, f, by)
    out["talent_years"] = lambda c, f: pd.DataFrame({"year": tm.talent_years(c, f)})
    return out


METRICS = _metrics()


def both_paths(cur: duckdb.DuckDBPyConnection, metric: Metric, f: Filters) -> None:
    fast = metric(cur, f)
    with route.person_level():
        slow = metric(cur, f)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)


WORLD_FILTERS = [
    Filters(),
    Filters(year=2023),
    Filters(agencies=("DINKES",)),
    Filters(agencies=("DINKES", "KRC"), year=2024),
    Filters(instansi=("Pemerintah Provinsi Jambi",)),
    Filters(job_families=("Kesehatan",)),  # e2's 2024 scores: FUN (Kesehatan) and PEL (Umum)
    Filters(job_types=("Pelaksana",), year=2024),
    Filters(agencies=("DINKES",), job_families=("Umum",)),
    Filters(scope_agencies=("BKD",), small_groups="hide"),
    Filters(scope_instansi=("Pemerintah Kabupaten Kerinci",), small_groups="mark"),
    Filters(small_groups="mark"),
    # cells split by gender and employment type (some employees have neither recorded)
    Filters(genders=("P",), year=2024),
    Filters(employment_types=("PNS",)),
    Filters(genders=("L",), job_families=("Umum",), small_groups="mark"),
    Filters(employment_types=("PPPK",), scope_agencies=("DINKES", "BKD"), small_groups="hide"),
    # the small-group rule: distinct employees summed from the people_* roll-ups (per year or
    # every year), or per person when a job family splits an employee's pairs
    Filters(year=2024, small_groups="mark"),
    Filters(genders=("P",), small_groups="hide"),
    Filters(employment_types=("PNS",), agencies=("DINKES", "BKD"), small_groups="mark"),
    Filters(job_families=("Umum",), small_groups="mark"),
    # read the per-person rows either way (no cell holds them), compared all the same
    Filters(units=(("", "Sekretariat"),)),
    Filters(ranks=("III/a", "III/b")),
]


@pytest.fixture(scope="module")
def world_cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


@pytest.mark.parametrize("name", list(METRICS))
@pytest.mark.parametrize("f", WORLD_FILTERS, ids=repr)
def test_world_same_figures_both_paths(world_cur, name: str, f: Filters) -> None:
    both_paths(world_cur, METRICS[name], f)


def test_the_world_has_a_year_in_two_positions(world_cur) -> None:
    # e2's 2024 scores sit in FUN and PEL: person_cell leaves that person-year out and
    # sql/cell_person.sql sums it per person
    split = rows(world_cur, "select count(*) from person_year where position_key is null")
    assert split == [(1,)]
    assert rows(world_cur, "select sum(n) from person_cell") == [
        (rows(world_cur, "select count(*) from person_year")[0][0] - 1,)
    ]


SETTINGS = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
RANDOM_FILTERS = [
    Filters(),
    Filters(agencies=("A1", "A3")),
    Filters(job_families=("Kesehatan",)),
    Filters(job_types=("Pelaksana",), year=2024),
    Filters(instansi=("Pemerintah Kabupaten Kerinci",), small_groups="mark"),
    Filters(genders=("P",), job_types=("Pelaksana",)),
    Filters(employment_types=("PNS",), agencies=("A1", "A2")),
    Filters(small_groups="mark"),
    Filters(year=2024, genders=("L",), small_groups="mark"),
]


@SETTINGS
@given(random_world())
def test_random_worlds_same_figures_both_paths(world_n) -> None:
    b, _ = world_n
    store = store_of(b)
    try:
        cur = store.cursor()
        for f in RANDOM_FILTERS:
            for metric in METRICS.values():
                both_paths(cur, metric, f)
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_cur(tmp_path_factory) -> Iterator[duckdb.DuckDBPyConnection]:
    store = Store(tmp_path_factory.mktemp("rollup") / "demo.duckdb")
    try:
        with open("/dev/null", "w") as sink:
            assert demo.build_demo(store, employees=1500, out=sink) == 0
        yield store.cursor()
    finally:
        store.close()


def test_demo_same_figures_both_paths(demo_cur) -> None:
    c = metrics.choices(demo_cur)
    agencies = list(c.agencies["agency_id"])
    variants = [
        Filters(),
        Filters(agencies=tuple(agencies[:2])),
        Filters(job_families=tuple(c.job_families[:2]), small_groups="mark"),
        Filters(year=metrics.years(demo_cur)[0], job_types=(c.job_types[0],)),
        Filters(scope_agencies=(agencies[-1],), small_groups="hide"),
        Filters(genders=(c.genders[0],), job_families=(c.job_families[0],)),
        Filters(employment_types=("PPPK",), agencies=tuple(agencies[:3]), small_groups="mark"),
    ]
    for f in variants:
        for metric in METRICS.values():
            both_paths(demo_cur, metric, f)


def test_route_reads_cells_only_for_whole_cells() -> None:
    g = grouping("gap_summary", "competency")
    assert score_groups.source(g, Filters(agencies=("A",))) == "cell_score"
    assert score_groups.source(grouping("jpm_summary", "job_family"), Filters()) == "cell_person"
    # gender and employment type are columns of the cells
    assert score_groups.source(g, Filters(genders=("P",))) == "cell_score"
    assert score_groups.source(g, Filters(employment_types=("PNS",))) == "cell_score"
    # a unit, a rank or a per-employee answer: the per-person rows
    assert score_groups.source(g, Filters(units=(("A", "U"),))) == "per_score"
    assert score_groups.source(g, Filters(ranks=("III/a",))) == "per_score"
    assert score_groups.source(grouping("jpm_summary", "unit"), Filters()) == "per_person_year"
    none = grouping("trend", "none")
    assert score_groups.source(none, Filters(), per_employee=True) == "per_person_year"
    with route.person_level():
        assert score_groups.source(g, Filters()) == "per_score"


def test_jp_cell_counts_the_contract_threshold() -> None:
    # jp_cell bakes the 20 JP threshold in (sql/rollup.sql); it must be the metric's
    from analytics.metrics.jp import JP_RIGHT
    from analytics.store.sqlfiles import read_sql

    assert JP_RIGHT == 20 and "j.jp >= 20)" in read_sql("rollup.sql")


def test_dose_cell_bins_are_the_metrics_bins() -> None:
    # dose_cell bakes the JP bins in (sql/rollup.sql); they must be the metric's
    from analytics.store.sqlfiles import read_sql

    text = read_sql("rollup.sql")
    assert extras.DOSE_BINS == (0, 8, 20, 40)
    assert all(f"s.dose_jp <= {b} then {i}" in text for i, b in enumerate((8, 20, 40), 1))


def test_route_reads_the_national_layer_when_no_agency_is_named() -> None:
    nat, cell = "score_nat", "score_cell"
    assert route.tables(Filters())["score_cell"] == nat
    assert route.tables(Filters(job_families=("Umum",), genders=("P",)))["score_cell"] == nat
    assert route.tables(Filters(), True)["score_cell"] == cell  # grouped by agency
    assert route.tables(Filters(agencies=("A",)))["score_cell"] == cell
    assert route.tables(Filters(instansi=("I",)))["score_cell"] == cell
    assert route.tables(Filters(scope_agencies=()))["score_cell"] == cell  # a scope, even empty
    assert route.tables(Filters(), False, "jp_cell") == {"jp_cell": "jp_nat"}
    with route.person_level():
        assert route.tables(Filters())["score_cell"] == cell


def test_answers_by_agency_read_the_agency_layer(world_cur, monkeypatch) -> None:
    """Grouped by agency without a job family or type, the score summaries read person_agency
    and the gap matrix score_agency (the cells summed over positions); with a job family the
    cells, grouped otherwise the national layer."""
    from analytics.metrics import common

    read: list[str] = []
    query = common.query

    def spy(cur, name, params, **fragments):  # type: ignore[no-untyped-def]
        read.append(common.render(name, **fragments))
        return query(cur, name, params, **fragments)

    monkeypatch.setattr(common, "query", spy)

    def tables(call: Callable[[], object]) -> set[str]:
        read.clear()
        call()
        text = " ".join(read)
        names = ("person_agency", "score_agency", "person_cell", "score_cell", "score_nat")
        return {t for t in names if f"from {t} s" in text}

    cur = world_cur
    assert route.across_positions(Filters(genders=("P",)))
    assert not route.across_positions(Filters(job_types=("JF",)))
    assert not route.across_positions(Filters(units=(("A", "U"),)))
    assert tables(lambda: metrics.gap_summary(cur, Filters(), "agency")) == {"person_agency"}
    assert tables(lambda: metrics.jpm_summary(cur, Filters(), "agency")) == {"person_agency"}
    assert tables(lambda: metrics.trend(cur, Filters(), "agency")) == {"person_agency"}
    assert tables(lambda: views.gap_matrix(cur, Filters(), "agency")) == {"score_agency"}
    jf = Filters(job_families=("Umum",))
    assert tables(lambda: metrics.gap_summary(cur, jf, "agency")) == {"person_cell"}
    assert tables(lambda: views.gap_matrix(cur, jf, "agency")) == {"score_cell"}
    assert tables(lambda: views.gap_matrix(cur, Filters(), "job_family")) == {"score_nat"}
