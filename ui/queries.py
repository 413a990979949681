"""Cached queries at the UI boundary: every figure a page shows comes through one named,
typed function here, e.g. `queries.kpis(snap, filters) -> views.Kpis`.

Each is an analytics function wrapped by `cached`: the same arguments after the cursor, the
same return type, read from the rerun's snapshot and cached per data version. The cache key is
the function, its Filters (which carry the data version read in this rerun's snapshot), its
options and the store's path (two stores both have a version 1: one process serves one store,
but tests open several); the snapshot cursor is passed as `_cur`, outside the key. A new import
changes the version, so no page ever mixes cached old figures with new ones.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.metrics import extras, service
from analytics.metrics.choices import Choices
from analytics.report import SECTIONS, ReportContent, gather
from analytics.store import info
from analytics.store.db import Snapshot, Store
from analytics.store.snapshots import Replica
from analytics.views import coverage
from analytics.views import talent as talent_views
from analytics.views.people import Profile

# Answers are keyed by data version, so they never go stale: the time to live only frees memory
# nobody asked for in a day (an hour made the first visitor of a morning wait for every figure).
# What the answers may hold is bounded by size instead: the pickled answers of the figures' cache
# (nationally a by-agency answer is 15,053 rows; a few hundred of them fit) and of the decks.
TTL = 24 * 3600
MAX_ENTRIES = 2048
MAX_SIZE = "384MB"

P = ParamSpec("P")
T = TypeVar("T")
# A cached query as remembered and prefetched: function name, filters, options (by name).
Query = tuple[str, Filters, tuple[tuple[str, Any], ...]]


def version_key(snap: Snapshot) -> str:
    """The store and data version a cached answer belongs to."""
    return f"{snap.store}#{snap.version}"


@st.cache_data(
    ttl=TTL, max_entries=MAX_ENTRIES, max_size=MAX_SIZE, show_spinner=False,
    hash_funcs={Filters: repr},
)  # fmt: skip
def _run(
    name: str, filters: Filters, options: tuple[tuple[str, Any], ...], store: str, _cur: Any
) -> Any:
    return _FUNCTIONS[name](_cur, filters, **dict(options))


_FUNCTIONS: dict[str, Callable[..., Any]] = {}


def _answer(snap: Snapshot, query: Query) -> Any:
    """The cached answer to `query` for the data version `snap` reads (computed if absent):
    what a page, the year prefetch and the warmer all read and fill."""
    name, filters, options = query
    return _run(name, filters.with_(data_version=snap.version), options, snap.store, snap.cur)


def cached(
    fn: Callable[Concatenate[duckdb.DuckDBPyConnection, Filters, P], T],
) -> Callable[Concatenate[Snapshot, Filters, P], T]:
    """`fn(cur, filters, **options)` as a cached query `(snap, filters, **options)` with the
    same types. One Streamlit cache holds every query; the function's own name is part of
    each key."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    _FUNCTIONS[name] = fn

    def query(snap: Snapshot, filters: Filters, *args: P.args, **options: P.kwargs) -> T:
        if args:
            raise TypeError(f"{name}: pass options by name (they are part of the cache key)")
        opts = tuple(sorted(options.items()))
        asked = (name, filters.with_(data_version=None), opts)
        _remember(asked)
        _note_asked(asked)
        return _answer(snap, asked)

    query.__name__ = query.__qualname__ = fn.__name__
    query.__doc__ = fn.__doc__
    return query


# ---------------------------------------------------------------------------------------------
# One function per figure (analytics/metrics: the contract's metrics; analytics/views: what pages
# combine from them).

kpis = cached(views.kpis)
gap_matrix = cached(views.gap_matrix)
unit_summary = cached(views.unit_summary)
employee_gaps = cached(metrics.employee_gaps)
jpm = cached(metrics.jpm)
gap_summary = cached(metrics.gap_summary)
jpm_summary = cached(metrics.jpm_summary)
trend = cached(metrics.trend)
training_impact = cached(metrics.training_impact)
jp_compliance = cached(metrics.jp_compliance)
training_needs = cached(metrics.training_needs)
same_people_change = cached(extras.same_people_change)
dose_response = cached(extras.dose_response)
cost_per_level = cached(extras.cost_per_level)
needs_cost = cached(extras.needs_cost)
assessment_coverage = cached(coverage.assessment_coverage)
missing_standards = cached(coverage.missing_standards)
not_assessed = cached(coverage.not_assessed)
needs_totals = views.needs_totals  # a sum over the cached needs table (not a query)
service_link = cached(service.service_link)
talent_grid = cached(talent_views.grid)
talent_grid_local = cached(talent_views.grid_by_cutoffs)
talent_box_people = cached(talent_views.box_people)
talent_moves = cached(talent_views.moves)
talent_movers = cached(talent_views.movers)
talent_calibration = cached(talent_views.calibration)
posts_at_risk = cached(talent_views.posts_at_risk)
succession_candidates = cached(talent_views.candidates)
succession_gaps = cached(talent_views.gaps)
person_boxes = cached(talent_views.person_boxes)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False, hash_funcs={Filters: repr})
def _service_effect(filters: Filters, store: str, _cur: Any) -> pd.DataFrame:
    snap = Snapshot(_cur, filters.data_version or 0, store)
    link = service_link(snap, filters.with_(data_version=None))
    return service.fit_effects(link)


def service_effect(snap: Snapshot, filters: Filters) -> pd.DataFrame:
    """service.service_effect (every year: the fit compares years), fitted on the cached
    service_link rows instead of computing them a second time (nationally 0.9 s of 1.3)."""
    filters = filters.without_year()
    _remember(("service_effect", filters.with_(data_version=None), ()))
    return _service_effect(filters.with_(data_version=snap.version), snap.store, snap.cur)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False, hash_funcs={Filters: repr})
def _choices(filters: Filters, version: str, _cur: Any) -> Choices:
    return metrics.choices(_cur, filters)


def choices(snap: Snapshot, filters: Filters) -> Choices:
    """The filter bar's choices (agencies, units, job families, ...) within the viewer's scope."""
    _remember(("choices", filters, ()))
    return _choices(filters, version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _years(version: str, _cur: Any) -> list[int]:
    return list(metrics.years(_cur))


def years(snap: Snapshot) -> list[int]:
    return _years(version_key(snap), snap.cur)


def frame(value: Any) -> pd.DataFrame:
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame(value)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _names(version: str, _cur: Any) -> dict[str, dict[str, str]]:
    return info.names(_cur)


def names(snap: Snapshot) -> dict[str, dict[str, str]]:
    """Display names by id (agency, competency, position) for this data version."""
    return _names(version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _assessment_years(version: str, _cur: Any) -> pd.DataFrame:
    return info.assessment_years(_cur)


def assessment_years(snap: Snapshot) -> pd.DataFrame:
    """Assessed employees and assessments per calendar year (the Data page's store tab): a
    count of distinct people over every assessment, 3.5-6 s nationally, so once per version."""
    return _assessment_years(version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _is_demo(version: str, _cur: Any) -> bool:
    return info.is_demo(_cur)


def is_demo(snap: Snapshot) -> bool:
    return _is_demo(version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False, hash_funcs={Filters: repr})
def _profile(filters: Filters, nip: str, version: str, _cur: Any) -> Profile | None:
    return views.profile(_cur, filters, nip)


def profile(snap: Snapshot, filters: Filters, nip: str) -> Profile | None:
    """One person's profile (None when unknown or outside the viewer's scope)."""
    return _profile(filters, nip, version_key(snap), snap.cur)


@st.cache_data(
    ttl=TTL, max_entries=64, max_size="96MB", show_spinner=False, hash_funcs={Filters: repr}
)
def _report_content(
    filters: Filters, lang: str, version: str, sections: tuple[str, ...], _cur: Any
) -> ReportContent:
    return gather(_cur, filters, lang, sections=sections)


def report_content(
    snap: Snapshot, filters: Filters, lang: str, sections: tuple[str, ...] = SECTIONS
) -> ReportContent:
    """The meeting deck's content for this view, or only `sections` of it: presentation mode
    gathers the screen it shows, so the first screen does not wait for the whole deck."""
    return _report_content(filters, lang, version_key(snap), tuple(sections), snap.cur)


# Presentation mode gathers one screen's section at a time: the first shows at once. While the
# room looks at it, one background thread gathers the screens after it, in their order, so the
# presenter's next click reads them from the cache (nationally the needs and talent sections take
# seconds cold). One thread for all sessions: one gather at a time (each query of it uses
# DuckDB's threads, as a page's does).
_prefetch_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asn-prefetch")
# what was queued, and when (_clock): (version, filters, lang, section) of a screen,
# (version, query) of a year
_prefetched: OrderedDict[str, float] = OrderedDict()
_prefetch_lock = threading.Lock()
_PREFETCH_MEMORY = 512
_log_prefetch = logging.getLogger("asn.prefetch")
# Seconds after which a key queued before may be queued again: its answer may have left the
# cache since (MAX_ENTRIES answers are shared by every session). Queued again while still
# cached, it costs a snapshot and cache reads.
PREFETCH_AGAIN = 600.0
_clock = time.monotonic  # when a key was queued (tests set their own)


def _claim(key: str) -> bool:
    """Whether `key` is to be queued now (not queued within PREFETCH_AGAIN seconds); marks it
    queued. The caller holds _prefetch_lock."""
    now = _clock()
    queued = _prefetched.get(key)
    if queued is not None and now - queued < PREFETCH_AGAIN:
        return False
    _prefetched[key] = now
    _prefetched.move_to_end(key)
    while len(_prefetched) > _PREFETCH_MEMORY:
        _prefetched.popitem(last=False)
    return True


# Seconds the prefetch waits before it starts: the screen just drawn is still being sent to the
# browser, and a gather started at once competed with it (the first screen took 0.5 s longer).
PREFETCH_DELAY = 1.5


def prefetch_report(
    store: Store | Replica, snap: Snapshot, filters: Filters, lang: str, sections: list[str]
) -> int:
    """Gather `sections` of the deck (one at a time, as report_content(sections=(s,)) does)
    in the background for the data version `snap` read; returns how many were queued (a
    section queued for this version, filters and language within PREFETCH_AGAIN seconds is
    not)."""
    version = version_key(snap)
    with _prefetch_lock:
        wanted = [s for s in sections if _claim(repr((version, filters, lang, s)))]
    if wanted:
        _prefetch_pool.submit(_gather_sections, store, snap.version, filters, lang, wanted)
    return len(wanted)


def _gather_sections(
    store: Store | Replica, data_version: int, filters: Filters, lang: str, sections: list[str]
) -> None:
    time.sleep(PREFETCH_DELAY)
    try:
        with store.snapshot() as snap:
            if snap.version != data_version:  # an import came in between: nothing to prefetch
                return
            version = version_key(snap)
            for section in sections:
                _report_content(filters, lang, version, (section,), snap.cur)
    except Exception:  # a background nicety: the screen gathers its own section when asked
        _log_prefetch.debug("prefetching failed", exc_info=True)


# The other years. The year is the selection people change most (the sidebar's Tahun; in a
# meeting, "and the year before?"), and a new year computes every figure of the page again:
# nationally 1.1-1.9 s on the talent, succession and gaps pages. So once a page has drawn, the
# cached queries it asked with a year are computed on the prefetch thread for the other years
# the sidebar offers, nearest first and the earlier of two as near (the page opens on the
# latest year: the one before is the likely next), and switching years reads the cache. One
# year by default: each costs the page's compute time again, once per query, filters and data
# version (a query queued is not queued again within PREFETCH_AGAIN seconds). Its own thread, so a
# presentation's next screens never wait behind it; no new batch while PREFETCH_BACKLOG wait or
# run, which bounds the work queued, not the CPU a running batch takes (its queries use
# DuckDB's threads, as a page's do): on a server short of CPU, ASN_PREFETCH_YEARS=0.
PREFETCH_YEARS = int(os.environ.get("ASN_PREFETCH_YEARS", "1"))  # other years; 0 switches off
PREFETCH_BACKLOG = 2  # batches waiting or running beyond which no year is prefetched
_years_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asn-prefetch-years")
_pending = 0  # batches submitted to _years_pool and not finished (under _prefetch_lock)
_rerun = threading.local()  # the queries the running page asked (`asking`)


def _note_asked(query: Query) -> None:
    asked = getattr(_rerun, "asked", None)
    if asked is not None and query[1].year is not None:
        asked.append(query)


@contextmanager
def asking(store: Store | Replica, snap: Snapshot) -> Iterator[None]:
    """Around a page's run (dashboard.py): the cached queries it asks with a year are
    prefetched for the other years when it has drawn, or stopped drawing (`st.stop()`):
    `prefetch_years`. Not when a rerun cut it short (the user already changed something) or
    it failed. The prefetch never fails the page."""
    _rerun.asked = []
    drawn = False
    try:
        yield
        drawn = True
    except StopException:
        drawn = True
        raise
    finally:
        asked, _rerun.asked = _rerun.asked, None
        if drawn:
            try:
                prefetch_years(store, snap, asked)
            except Exception:  # a background nicety: the page has drawn
                _log_prefetch.debug("queueing the other years failed", exc_info=True)


def prefetch_years(store: Store | Replica, snap: Snapshot, asked: list[Query]) -> int:
    """Compute `asked` (queries with a year) for up to PREFETCH_YEARS other years of the
    sidebar in the background, the nearest year first (the earlier on a tie); returns how many
    were queued (none queued for this data version within PREFETCH_AGAIN seconds, none while
    PREFETCH_BACKLOG batches wait or run)."""
    global _pending
    if PREFETCH_YEARS <= 0 or not asked:
        return 0
    offered = years(snap)
    version = version_key(snap)
    wanted: list[tuple[int, Query]] = []
    with _prefetch_lock:
        if _pending >= PREFETCH_BACKLOG:
            return 0
        for name, filters, options in asked:
            year = filters.year
            assert year is not None  # _note_asked keeps only these
            others = sorted((y for y in offered if y != year), key=lambda y: (abs(y - year), y))
            for rank, other in enumerate(others[:PREFETCH_YEARS]):
                query = (name, filters.with_(year=other), options)
                if _claim(repr((version, *query))):
                    wanted.append((rank, query))
        if not wanted:
            return 0
        _pending += 1
    wanted.sort(key=lambda w: w[0])  # stable: every query of the nearest year first
    try:
        _years_pool.submit(_compute_years, store, snap.version, [q for _, q in wanted])
    except BaseException:  # e.g. the interpreter shutting down: nothing will run
        with _prefetch_lock:
            _pending -= 1
        raise
    return len(wanted)


def _compute_years(store: Store | Replica, data_version: int, wanted: list[Query]) -> None:
    global _pending
    try:
        time.sleep(PREFETCH_DELAY)
        with store.snapshot() as snap:
            if snap.version != data_version:  # an import came in between: nothing to prefetch
                return
            for query in wanted:
                try:
                    _answer(snap, query)
                except Exception:  # a background nicety: the page computes it when asked
                    _log_prefetch.debug("%s failed", query[0], exc_info=True)
    except Exception:
        _log_prefetch.debug("prefetching years failed", exc_info=True)
    finally:
        with _prefetch_lock:
            _pending -= 1


# ---------------------------------------------------------------------------------------------
# Warming: after an import commits, the answers people asked for most recently are computed
# again for the new data version in the background, so the first visitor after the import finds
# them cached instead of waiting for them (seconds on a national store).

RECENT = 400  # the most recent distinct queries (a query = function, filters, options)
WARM_SECONDS = 120.0  # at most this long per new version: the warmer never competes for long
# keyed by the query's repr (options may hold lists), in order of last use
_recent: OrderedDict[str, Query] = OrderedDict()
_recent_lock = threading.Lock()
_log = logging.getLogger("asn.warm")


_changes = 0  # how many times _remember ran: the list is saved when it moved since last time


def _remember(query: Query) -> None:
    global _changes
    key = repr(query)
    with _recent_lock:
        _recent[key] = query
        _recent.move_to_end(key)
        while len(_recent) > RECENT:
            _recent.popitem(last=False)
        _changes += 1


def recent() -> list[Query]:
    """The remembered queries, most recent first."""
    with _recent_lock:
        return list(reversed(_recent.values()))


# The recent queries outlive the process: they are written beside the store (`recent_file`)
# and warmed when a process starts, so the first visitors after a restart (an upgrade, a crash,
# a reader added) find their answers cached too. Only selections and the options listed in
# KEPT_OPTIONS are written: a query with any other option (a person's nip or nips, or an option
# added later and not yet listed here) is not kept, so the file holds what was asked, never about
# whom.
KEPT_OPTIONS = frozenset({
    "by", "rows", "groups", "limit", "offset", "box", "as_of", "position_id", "tinggi_t",
    "menengah_t", "window",
})  # fmt: skip
SAVE_SECONDS = 60.0  # the warmer writes the list this often, when it changed
_save_lock = threading.Lock()  # the warmer, stop() and atexit may save at once


def recent_file(store: Store | Replica) -> Path:
    """Where the recent queries of a store's processes are kept (an owner and its readers share
    it: each writes its own first, then the file's others)."""
    return Path(f"{store.path}.recent.json")


def _plain(value: Any) -> Any:
    """A query's value as JSON: a tuple a JSON array, a list {"list": [...]}, a date
    {"date": "YYYY-MM-DD"} (so `_unplain` gives back the same types, and the same cache key)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return {"list": [_plain(v) for v in value]}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"not kept: {type(value).__name__}")


def _unplain(value: Any) -> Any:
    """The inverse of _plain."""
    if isinstance(value, list):
        return tuple(_unplain(v) for v in value)
    if isinstance(value, dict) and "list" in value:
        return [_unplain(v) for v in value["list"]]
    if isinstance(value, dict):
        return date.fromisoformat(value["date"])
    return value


def _encode(query: Query) -> dict[str, Any] | None:
    name, filters, options = query
    if any(k not in KEPT_OPTIONS for k, _ in options):
        return None
    try:
        return {
            "name": name,
            "filters": {
                f.name: _plain(getattr(filters, f.name))
                for f in dataclasses.fields(filters)
                if getattr(filters, f.name) != f.default
            },
            "options": [[k, _plain(v)] for k, v in options],
        }
    except TypeError:  # an option JSON cannot hold: not kept
        return None


def _decode(entry: Any) -> Query | None:
    try:
        name = entry["name"]
        if name not in _FUNCTIONS and name not in ("choices", "service_effect"):
            return None
        filters = Filters(**{k: _unplain(v) for k, v in entry["filters"].items()})
        options = tuple((str(k), _unplain(v)) for k, v in entry["options"])
    except Exception:  # another version's or a damaged entry: not warmed
        return None
    if any(k not in KEPT_OPTIONS for k, _ in options):
        return None
    return name, filters.with_(data_version=None, agency_keys=None), options


def save_recent(path: Path) -> int:
    """Write the recent queries to `path` (atomically), this process's first, then those the
    file held from the store's other processes, RECENT at most; returns how many."""
    distinct: dict[str, Query] = {}
    for q in [*recent(), *_read_recent(path)]:  # keyed as _remember keys them
        distinct.setdefault(repr(q), q)
    entries = [e for q in distinct.values() if (e := _encode(q)) is not None][:RECENT]
    with _save_lock:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"recent": entries}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    return len(entries)


def _read_recent(path: Path) -> list[Query]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["recent"]
    except Exception:  # none yet, or unreadable (even nested past recursion): start afresh
        return []
    if not isinstance(entries, list):
        return []
    return [q for e in entries if (q := _decode(e)) is not None]


def load_recent(path: Path) -> int:
    """Remember the queries of `path` (most recent first in the file) behind those this process
    was asked already; returns how many were read."""
    queries = _read_recent(path)
    with _recent_lock:
        own = list(_recent.items())
        _recent.clear()
        for q in reversed(queries[:RECENT]):
            _recent[repr(q)] = q
        for key, q in own:
            _recent.pop(key, None)
            _recent[key] = q
        while len(_recent) > RECENT:
            _recent.popitem(last=False)
    return len(queries)


def warm(
    store: Store | Replica, seconds: float = WARM_SECONDS, stopping: threading.Event | None = None
) -> int:
    """Compute the recent queries for the store's newest data version into the shared cache
    (most recent first, for at most `seconds`); returns how many were computed or found."""
    deadline = time.monotonic() + seconds
    done = 0
    with store.snapshot() as snap:
        version = version_key(snap)
        _names(version, snap.cur), _years(version, snap.cur), _is_demo(version, snap.cur)
        _assessment_years(version, snap.cur)
        for name, filters, options in recent():
            if time.monotonic() > deadline or (stopping is not None and stopping.is_set()):
                break
            try:
                if name == "choices":
                    _choices(filters, version, snap.cur)
                elif name == "service_effect":
                    keyed = filters.with_(data_version=snap.version)
                    _service_effect(keyed, snap.store, snap.cur)
                elif name in _FUNCTIONS:
                    _answer(snap, (name, filters, options))
                done += 1
            except Exception:  # a query that no longer applies (e.g. a year gone): skip it
                _log.debug("warming %s failed", name, exc_info=True)
    return done


class Warmer:
    """The background thread of `start_warmer`; `stop()` ends it (before the store closes) and
    keeps the recent queries."""

    def __init__(
        self,
        thread: threading.Thread,
        stopping: threading.Event,
        save: Callable[[], None] = lambda: None,
    ):
        self.thread, self._stopping, self._save = thread, stopping, save

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        self.thread.join(timeout)
        self._save()


def start_warmer(store: Store | Replica, interval: float = 1.0, keep: Path | None = None) -> Warmer:
    """Watch the store's data version (a cheap read each `interval` seconds) and warm the cache
    whenever it changes: after imports from the Data page, from the command line (forwarded to
    this process), undo and restore alike. With `keep` (a `recent_file`), the queries it holds
    are warmed first, and the recent queries are written to it every SAVE_SECONDS when they
    changed."""

    def newest() -> int:  # a reader's snapshot() switches to the owner's newest snapshot
        with store.snapshot() as snap:
            return snap.version

    seen = newest()  # the version at the start, read before the thread runs
    stopping = threading.Event()
    kept = load_recent(keep) if keep is not None else 0
    saved, last_save = _changes, time.monotonic()

    def save() -> None:
        nonlocal saved, last_save
        last_save = time.monotonic()
        if keep is None or _changes == saved:
            return
        saved = _changes
        try:
            save_recent(keep)
        except Exception:  # e.g. a read-only folder: the queries are not kept, nothing else is
            _log.warning("could not keep the recent queries in %s", keep, exc_info=True)

    def warm_and_say(why: str) -> None:
        t0 = time.monotonic()
        try:
            n = warm(store, stopping=stopping)
            print(
                f"asn: warmed {n} answers {why} in {time.monotonic() - t0:.1f} s",
                file=sys.stderr,
                flush=True,
            )
        except Exception:  # never let the warmer take the dashboard down
            _log.exception("cache warmer")

    def loop() -> None:
        nonlocal seen
        if kept:
            warm_and_say("kept from before the start")
        while not stopping.wait(interval):
            if time.monotonic() - last_save >= SAVE_SECONDS:
                save()
            try:
                now = newest()
            except duckdb.ConnectionException:  # the store was closed: nothing left to warm
                return
            if now != seen:
                seen = now
                warm_and_say(f"for data version {now}")

    thread = threading.Thread(target=loop, name="asn-cache-warmer", daemon=True)
    thread.start()
    if keep is not None:
        atexit.register(save)  # a server stopped (systemctl stop, Ctrl+C) keeps its last minute
    return Warmer(thread, stopping, save)
