"""The cache warmer (ui.queries.warm / start_warmer): after the data version changes, the
queries people asked for recently are computed for the new version, so the first visitor
after an import reads them from the cache."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from analytics import views
from analytics.core.filters import Filters
from analytics.store.db import Snapshot, Store
from tests.support.fixtures import E, store_of, world
from ui import queries


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = store_of(world())
    try:
        yield s
    finally:
        s.close()


def _new_version(store: Store) -> None:
    """A committed write, as an import makes (a new import_log row)."""
    with store.write() as cur:
        cur.execute(
            "insert into import_log (import_id, imported_at, kind, files, counts) "
            "select coalesce(max(import_id), 0) + 1, now(), 'import', '[]', '{}' from import_log"
        )


def _counting(monkeypatch: pytest.MonkeyPatch, fn: str) -> list[Filters]:
    """Count the computations of the analytics function `fn`; the queries other tests asked in
    this process are forgotten (the warmer would replay them too)."""
    monkeypatch.setattr(queries, "_recent", type(queries._recent)())
    calls: list[Filters] = []
    name = next(n for n in queries._FUNCTIONS if n.endswith(fn))
    real = queries._FUNCTIONS[name]

    def counted(cur, filters, **options):
        calls.append(filters)
        return real(cur, filters, **options)

    monkeypatch.setitem(queries._FUNCTIONS, name, counted)
    return calls


def test_warm_computes_recent_queries_for_the_new_version(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch, ".kpis")
    asked = Filters(year=2024, small_groups="hide")
    with store.snapshot() as snap:
        before = queries.kpis(snap, asked)
        first = snap.version
    assert len(calls) == 1
    _new_version(store)
    assert queries.warm(store) >= 1
    assert len(calls) == 2 and calls[-1].data_version == first + 1  # computed for the new one
    with store.snapshot() as snap:
        assert snap.version == first + 1
        assert queries.kpis(snap, asked) == before  # the same figures, from the cache:
    assert len(calls) == 2  # no third computation


def test_the_warmer_thread_notices_a_new_version(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch, ".gap_summary")
    with store.snapshot() as snap:
        queries.gap_summary(snap, Filters(year=2025), by="agency")
    warmer = queries.start_warmer(store, interval=0.05)
    try:
        _new_version(store)
        deadline = time.monotonic() + 30
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        warmer.stop()
    assert not warmer.thread.is_alive()
    assert len(calls) == 2, "the warmer did not recompute the query"
    with store.snapshot() as snap:
        queries.gap_summary(snap, Filters(year=2025), by="agency")
    assert len(calls) == 2


def test_recent_keeps_the_newest_distinct_queries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "_recent", type(queries._recent)())
    monkeypatch.setattr(queries, "RECENT", 3)
    for year in (2021, 2022, 2023, 2022, 2024):
        queries._remember(("x", Filters(year=year), ()))
    assert [f.year for _, f, _ in queries.recent()] == [2024, 2022, 2023]


def test_queries_with_list_options_are_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "_recent", type(queries._recent)())
    queries._remember(("x", Filters(), (("posts", [1, 2]),)))
    queries._remember(("x", Filters(), (("posts", [1, 2]),)))
    assert queries.recent() == [("x", Filters(), (("posts", [1, 2]),))]


def test_presentation_prefetch_gathers_the_next_screens_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """prefetch_report gathers the asked sections in the background; the screens then read them
    from the cache, and asking again queues nothing."""
    monkeypatch.setattr(queries, "_prefetched", type(queries._prefetched)())
    monkeypatch.setattr(queries, "PREFETCH_DELAY", 0.0)
    gathered: list[tuple[str, ...]] = []
    real = queries.gather

    def counted(cur, filters, lang, sections):
        gathered.append(tuple(sections))
        return real(cur, filters, lang, sections=sections)

    monkeypatch.setattr(queries, "gather", counted)
    f = Filters(year=2025, small_groups="hide")
    with store.snapshot() as snap:
        assert queries.prefetch_report(store, snap, f, "id", ["trend", "needs"]) == 2
        queries._prefetch_pool.submit(lambda: None).result(timeout=120)  # the queue is done
        assert gathered == [("trend",), ("needs",)]
        assert queries.prefetch_report(store, snap, f, "id", ["needs"]) == 0
        needs = queries.report_content(snap, f, "id", sections=("needs",))
    assert gathered == [("trend",), ("needs",)]  # the screen read the prefetched section
    assert needs.headlines["needs"]


def test_the_service_fit_reads_the_cached_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """queries.service_effect is service_effect's rows, fitted on the link the page read
    already (one link computation, not two), and the warmer refits it for a new version."""
    from analytics.metrics import service
    from analytics.metrics.service import service_effect
    from tests.analytics.metrics.test_service import panel

    b = panel(
        {"A": ["1", "2", "3"], "B": ["2", "2", "4"], "C": ["3", "1", "2"]},
        {"A": [70.0, 75.0, 83.0], "B": [80.0, 79.0, 90.0], "C": [60.0, 55.0, 58.0]},
    )
    store = store_of(b)
    try:
        with store.snapshot() as snap:
            expected = service_effect(snap.cur, Filters())
        calls = _counting(monkeypatch, ".service_link")

        def again(*args: object, **kwargs: object) -> None:
            pytest.fail("the fit computed the link again")

        monkeypatch.setattr(service, "service_link", again)  # what service_effect calls
        asked = Filters(year=2024)  # the fit ignores the year, as the page's filters carry one
        with store.snapshot() as snap:
            link = queries.service_link(snap, asked.without_year())
            effect = queries.service_effect(snap, asked)
            first = snap.version
        assert len(calls) == 1 and calls[0].year is None
        pd.testing.assert_frame_equal(effect, expected)
        assert not effect.empty and set(link["agency_id"]) == {"A", "B", "C"}
        fits: list[int] = []
        real_fit = service.fit_effects

        def counted_fit(link: pd.DataFrame) -> pd.DataFrame:
            fits.append(len(link))
            return real_fit(link)

        monkeypatch.setattr(service, "fit_effects", counted_fit)
        _new_version(store)
        queries.warm(store)
        assert len(calls) == 2 and calls[-1].data_version == first + 1
        assert len(fits) == 1, "the warmer fitted the new version"
        with store.snapshot() as snap:
            pd.testing.assert_frame_equal(queries.service_effect(snap, asked), expected)
        assert len(calls) == 2 and len(fits) == 1  # read from the cache, link and fit
        assert len([q for q in queries.recent() if q[0] == "service_effect"]) == 1
    finally:
        store.close()


# -- The recent queries kept across a restart (queries.recent_file, save_recent, load_recent)

KEPT = [
    ("analytics.views.headline.kpis", Filters(year=2024, small_groups="hide"), ()),
    (
        "analytics.metrics.summaries.gap_summary",
        Filters(agencies=("DINKES",), units=(("DINKES", "Sekretariat"), ("", "Mutasi"))),
        (("by", "agency"),),
    ),
    (
        "analytics.views.matrix.gap_matrix",
        Filters(scope_instansi=("Pemerintah Provinsi Jambi",), may_see_individuals=False),
        (("groups", ("manajerial", "sosial kultural")), ("rows", "agency")),
    ),
    ("analytics.views.talent.posts_at_risk", Filters(), (("as_of", date(2026, 12, 7)),)),
    ("analytics.views.talent.grid", Filters(), (("posts", [1, 2]),)),
    ("service_effect", Filters(genders=("P",)), ()),
    ("choices", Filters(scope_agencies=()), ()),
]


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "_recent", type(queries._recent)())


def test_kept_queries_come_back_the_same(tmp_path: Path, monkeypatch) -> None:
    """Saved and loaded, every query is the same value with the same repr (the cache key), in
    the same order: tuples stay tuples, a list a list, a date a date."""
    _fresh(monkeypatch)
    monkeypatch.setattr(queries, "KEPT_OPTIONS", queries.KEPT_OPTIONS | {"posts"})
    for q in reversed(KEPT):
        queries._remember(q)
    assert queries.recent() == KEPT
    path = tmp_path / "asn.duckdb.recent.json"
    assert queries.save_recent(path) == len(KEPT)
    _fresh(monkeypatch)
    assert queries.load_recent(path) == len(KEPT)
    assert queries.recent() == KEPT
    assert [repr(q) for q in queries.recent()] == [repr(q) for q in KEPT]


def test_a_query_about_a_person_is_never_kept(tmp_path: Path, monkeypatch) -> None:
    """Only the options KEPT_OPTIONS lists are written: a person's NIP is not, nor an option
    nobody listed yet (a name typed into a search, say)."""
    _fresh(monkeypatch)
    nip = "198001012005011001"
    queries._remember(("analytics.views.talent.person_boxes", Filters(), (("nip", nip),)))
    queries._remember(("analytics.views.talent.gaps", Filters(), (("nips", [nip]),)))
    queries._remember(("analytics.views.people.people", Filters(), (("search", "Siti"),)))
    queries._remember(KEPT[0])
    path = tmp_path / "recent.json"
    assert queries.save_recent(path) == 1
    text = path.read_text(encoding="utf-8")
    assert nip not in text and "Siti" not in text
    # nor read back, should a file hold one
    path.write_text(
        json.dumps({"recent": [{"name": KEPT[0][0], "filters": {}, "options": [["nip", nip]]}]}),
        encoding="utf-8",
    )
    assert queries.load_recent(path) == 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"recent": {"a": 1}}',
        '{"recent": [{"name": "os.system", "filters": {}, "options": []}]}',
        '{"recent": [{"name": "choices", "filters": {"colour": ["red"]}, "options": []}]}',
        '{"recent": [{"name": "choices", "filters": {}}]}',
        '{"recent": [{"name": "choices", "filters": {}, "options": [["as_of", {"x": 1}]]}]}',
        '{"recent": ' + "[" * 100_000 + "]" * 100_000 + "}",  # nested past Python's recursion
    ],
)
def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path, monkeypatch, text: str) -> None:
    _fresh(monkeypatch)
    path = tmp_path / "recent.json"
    path.write_text(text, encoding="utf-8")
    assert queries.load_recent(path) == 0
    assert queries.recent() == []


def test_processes_of_one_store_share_the_file(tmp_path: Path, monkeypatch) -> None:
    """An owner and a reader both write the file: each its own queries first, then the
    others' it found there (RECENT at most); a missing file is no error."""
    path = tmp_path / "recent.json"
    _fresh(monkeypatch)
    assert queries.load_recent(path) == 0
    queries._remember(KEPT[0])
    queries._remember(KEPT[1])
    queries.save_recent(path)  # the owner: [1, 0]
    _fresh(monkeypatch)
    queries._remember(KEPT[2])
    queries._remember(KEPT[1])
    queries.save_recent(path)  # a reader: [1, 2], then the owner's 0
    _fresh(monkeypatch)
    queries.load_recent(path)
    assert queries.recent() == [KEPT[1], KEPT[2], KEPT[0]]
    monkeypatch.setattr(queries, "RECENT", 2)
    queries.save_recent(path)
    _fresh(monkeypatch)
    assert queries.load_recent(path) == 2
    assert queries.recent() == [KEPT[1], KEPT[2]]


def test_load_keeps_what_this_process_was_asked_first(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "recent.json"
    _fresh(monkeypatch)
    queries._remember(KEPT[0])
    queries._remember(KEPT[1])
    queries.save_recent(path)
    _fresh(monkeypatch)
    queries._remember(KEPT[2])
    queries.load_recent(path)
    assert queries.recent() == [KEPT[2], KEPT[1], KEPT[0]]


def test_the_warmer_warms_kept_queries_at_start_and_keeps_new_ones(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restarted process computes the kept queries before anyone asks (the first visitor
    reads them from the cache), and writes what its visitors ask to the file."""
    path = tmp_path / "asn.duckdb.recent.json"
    calls = _counting(monkeypatch, ".kpis")
    asked = Filters(year=2024, small_groups="hide")
    st.cache_data.clear()  # (another test may have asked the same of the same fixture)
    with store.snapshot() as snap:
        queries.kpis(snap, asked)
    assert len(calls) == 1
    queries.save_recent(path)
    st.cache_data.clear()  # a restart: nothing cached, nothing remembered
    _fresh(monkeypatch)
    monkeypatch.setattr(queries, "SAVE_SECONDS", 0.0)
    warmer = queries.start_warmer(store, interval=0.05, keep=path)
    try:
        deadline = time.monotonic() + 30
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(calls) == 2, "the kept query was not warmed at start"
        with store.snapshot() as snap:
            queries.kpis(snap, asked)  # the first visitor
            queries.gap_summary(snap, Filters(year=2025), by="agency")  # a new question
        assert len(calls) == 2  # read from the cache
        deadline = time.monotonic() + 30
        while "gap_summary" not in path.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the new question was not kept"
            time.sleep(0.05)
    finally:
        warmer.stop()
    _fresh(monkeypatch)
    queries.load_recent(path)
    assert [name for name, _, _ in queries.recent()] == [
        "analytics.metrics.summaries.gap_summary",
        "analytics.views.headline.kpis",
    ]


def test_a_warmed_query_with_options_is_the_pages_cache_entry(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Options of every kind (a tuple, a date) replayed from the file fill the very entry a
    page's own call then reads: one computation each, at start."""
    path = tmp_path / "recent.json"
    matrix = _counting(monkeypatch, ".gap_matrix")
    risk_name = next(n for n in queries._FUNCTIONS if n.endswith(".posts_at_risk"))
    risk_real = queries._FUNCTIONS[risk_name]
    risk: list[Filters] = []

    def risk_counted(cur, filters, **options):
        risk.append(filters)
        return risk_real(cur, filters, **options)

    monkeypatch.setitem(queries._FUNCTIONS, risk_name, risk_counted)
    f = Filters(year=2024)
    groups = ("manajerial", "sosial kultural")
    st.cache_data.clear()
    with store.snapshot() as snap:
        queries.gap_matrix(snap, f, rows="agency", groups=groups)
        queries.posts_at_risk(snap, f, as_of=date(2026, 12, 7))
    queries.save_recent(path)
    assert len(matrix) == 1 and len(risk) == 1
    st.cache_data.clear()  # a restart
    _fresh(monkeypatch)
    queries.load_recent(path)
    assert queries.warm(store) == 2
    assert len(matrix) == 2 and len(risk) == 2  # computed by the warm
    with store.snapshot() as snap:
        queries.gap_matrix(snap, f, rows="agency", groups=groups)
        queries.posts_at_risk(snap, f, as_of=date(2026, 12, 7))
    assert len(matrix) == 2 and len(risk) == 2  # the pages' calls read the warmed entries


@pytest.fixture
def years_store() -> Iterator[Store]:
    """world() assessed in 2021 and 2022 too: four years, 2021-2024."""
    b = world()
    b.assess(E[3], "M.1", "2021-05-01", "1.2").assess(E[3], "M.1", "2022-05-01", "1.3")
    s = store_of(b)
    try:
        yield s
    finally:
        s.close()


def _prefetch_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "_prefetched", type(queries._prefetched)())
    monkeypatch.setattr(queries, "PREFETCH_DELAY", 0.0)
    monkeypatch.setattr(queries, "PREFETCH_YEARS", 2)
    queries._run.clear()  # in-memory stores share a path: another test's answers are not ours
    queries._years.clear()


def _drained() -> None:
    queries._years_pool.submit(lambda: None).result(timeout=120)  # the queue is done


def test_a_pages_queries_are_prefetched_for_the_nearest_other_years_once(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked with 2023, kpis is computed for 2022 and 2024 (the nearest two: PREFETCH_YEARS),
    the earlier year first on a tie, never for 2021; asking again queues nothing, and the
    page's switch to 2024 reads the cache."""
    _prefetch_fresh(monkeypatch)
    calls = _counting(monkeypatch, ".kpis")
    name = next(n for n in queries._FUNCTIONS if n.endswith(".kpis"))
    f = Filters(year=2023, small_groups="hide")
    with years_store.snapshot() as snap:
        assert queries.years(snap) == [2021, 2022, 2023, 2024]
        assert queries.prefetch_years(years_store, snap, [(name, f, ())]) == 2
        _drained()
        assert [c.year for c in calls] == [2022, 2024]
        assert queries.prefetch_years(years_store, snap, [(name, f, ())]) == 0
        kpis = queries.kpis(snap, f.with_(year=2024))
        assert [c.year for c in calls] == [2022, 2024]  # read from the cache
        assert kpis == views.kpis(snap.cur, f.with_(year=2024))


def test_a_year_is_queued_again_once_its_answer_may_have_left_the_cache(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within PREFETCH_AGAIN seconds a query is not queued twice; after that it is, so an answer
    the shared cache let go (MAX_ENTRIES of every session) is computed again in the
    background, not on the user's switch."""
    _prefetch_fresh(monkeypatch)
    calls = _counting(monkeypatch, ".kpis")
    name = next(n for n in queries._FUNCTIONS if n.endswith(".kpis"))
    f = Filters(year=2023, small_groups="hide")
    clock = [1000.0]
    monkeypatch.setattr(queries, "_clock", lambda: clock[0])
    with years_store.snapshot() as snap:
        assert queries.prefetch_years(years_store, snap, [(name, f, ())]) == 2
        _drained()
        queries._run.clear()  # the cache let the answers go
        clock[0] += queries.PREFETCH_AGAIN - 1
        assert queries.prefetch_years(years_store, snap, [(name, f, ())]) == 0
        clock[0] += 2
        assert queries.prefetch_years(years_store, snap, [(name, f, ())]) == 2
        _drained()
        assert [c.year for c in calls] == [2022, 2024, 2022, 2024]
        queries.kpis(snap, f.with_(year=2022))
        assert len(calls) == 4  # read from the cache


def test_nothing_is_prefetched_while_the_thread_is_busy_or_when_switched_off(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _prefetch_fresh(monkeypatch)
    calls = _counting(monkeypatch, ".kpis")
    name = next(n for n in queries._FUNCTIONS if n.endswith(".kpis"))
    asked = [(name, Filters(year=2023), ())]
    with years_store.snapshot() as snap:
        monkeypatch.setattr(queries, "_pending", queries.PREFETCH_BACKLOG)
        assert queries.prefetch_years(years_store, snap, asked) == 0
        monkeypatch.setattr(queries, "_pending", 0)
        monkeypatch.setattr(queries, "PREFETCH_YEARS", 0)
        assert queries.prefetch_years(years_store, snap, asked) == 0
        monkeypatch.setattr(queries, "PREFETCH_YEARS", 1)
        assert queries.prefetch_years(years_store, snap, asked) == 1  # not remembered as queued
        _drained()
    assert [c.year for c in calls] == [2022]
    assert queries._pending == 0


def _one_year_ahead(monkeypatch: pytest.MonkeyPatch) -> list[Filters]:
    """The prefetch on for one other year; the kpis computations counted."""
    _prefetch_fresh(monkeypatch)
    monkeypatch.setattr(queries, "PREFETCH_YEARS", 1)
    return _counting(monkeypatch, ".kpis")


def _cut_short(store: Store, snap: Snapshot, error: BaseException, calls: list[Filters]) -> None:
    """A page asking kpis of 2024 then raising `error`: nothing is prefetched."""
    with pytest.raises(type(error)), queries.asking(store, snap):
        queries.kpis(snap, Filters(year=2024))
        raise error
    _drained()
    assert [c.year for c in calls] == [2024] and not queries._prefetched


def test_asking_prefetches_what_a_page_asked_with_a_year_unless_it_was_cut_short(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Around a page's run: the queries with a year are prefetched when it has drawn (st.stop
    included), those without a year never; nothing when a rerun cut it short."""
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

    calls = _one_year_ahead(monkeypatch)
    with years_store.snapshot() as snap:
        _cut_short(years_store, snap, RerunException(None), calls)
        with queries.asking(years_store, snap):
            queries.kpis(snap, Filters(year=2023))
            queries.kpis(snap, Filters())  # every year: nothing to prefetch
        _drained()
        assert [c.year for c in calls] == [2024, 2023, None, 2022]
        hidden = Filters(year=2024, small_groups="hide")
        with pytest.raises(StopException), queries.asking(years_store, snap):
            queries.kpis(snap, hidden)
            raise StopException()
        _drained()
    asked = [Filters(year=y) for y in (2024, 2023, None, 2022)] + [hidden, hidden.with_(year=2023)]
    assert [c.with_(data_version=None) for c in calls] == asked


def test_a_failed_page_prefetches_nothing_and_the_prefetch_never_fails_a_page(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _one_year_ahead(monkeypatch)
    with years_store.snapshot() as snap:
        _cut_short(years_store, snap, ValueError("the page failed"), calls)

        def broken(*args: object) -> int:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")

        monkeypatch.setattr(queries, "prefetch_years", broken)
        with queries.asking(years_store, snap):  # drawn: the failure stays in the log
            queries.kpis(snap, Filters(year=2023))
    assert getattr(queries._rerun, "asked", None) is None  # outside a page nothing is noted


def test_a_batch_that_cannot_be_queued_is_not_counted_as_waiting(
    years_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A submit refused (the interpreter shutting down) leaves no batch counted: the prefetch
    is not switched off for the rest of the process."""
    _prefetch_fresh(monkeypatch)

    class Closed:
        def submit(self, *args: object) -> None:
            raise RuntimeError("cannot schedule new futures after shutdown")

    monkeypatch.setattr(queries, "_years_pool", Closed())
    name = next(n for n in queries._FUNCTIONS if n.endswith(".kpis"))
    with years_store.snapshot() as snap:
        for _ in range(queries.PREFETCH_BACKLOG + 1):
            with pytest.raises(RuntimeError):
                queries.prefetch_years(years_store, snap, [(name, Filters(year=2023), ())])
            queries._prefetched.clear()
    assert queries._pending == 0
