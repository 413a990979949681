"""The cache warmer (ui.queries.warm / start_warmer): after the data version changes, the
queries people asked for recently are computed for the new version, so the first visitor
after an import reads them from the cache."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from analytics.core.filters import Filters
from analytics.store.db import Store
from tests.support.fixtures import store_of, world
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
