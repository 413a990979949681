"""Cached talent queries for the Talenta and Suksesi pages (the ui/data.py pattern: the
Filters carry the data version; the snapshot cursor stays out of the key). Each is a named,
typed function, so a page asks for a figure by name."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.filters import Filters
from analytics.store.db import Snapshot
from analytics.views import talent as views
from ui.data import MAX_ENTRIES, TTL, version_key

CALIBRATION_MIN = views.CALIBRATION_MIN

_CACHE: dict[str, Any] = dict(
    ttl=TTL, max_entries=MAX_ENTRIES, show_spinner=False, hash_funcs={Filters: repr}
)


def _keyed(snap: Snapshot, filters: Filters) -> Filters:
    return filters.with_(data_version=snap.version)


@st.cache_data(**_CACHE)
def _grid(filters: Filters, store: str, _cur: Any) -> views.Grid:
    return views.grid(_cur, filters)


def grid(snap: Snapshot, filters: Filters) -> views.Grid:
    return _grid(_keyed(snap, filters), version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _box_people(
    filters: Filters, box: int, limit: int, offset: int, store: str, _cur: Any
) -> tuple[pd.DataFrame, int]:
    return views.box_people(_cur, filters, box, limit, offset)


def box_people(
    snap: Snapshot, filters: Filters, box: int, limit: int, offset: int
) -> tuple[pd.DataFrame, int]:
    return _box_people(_keyed(snap, filters), box, limit, offset, version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _moves(filters: Filters, store: str, _cur: Any) -> views.Moves:
    return views.moves(_cur, filters)


def moves(snap: Snapshot, filters: Filters) -> views.Moves:
    return _moves(_keyed(snap, filters), version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _movers(filters: Filters, store: str, _cur: Any) -> pd.DataFrame:
    return views.movers(_cur, filters)


def movers(snap: Snapshot, filters: Filters) -> pd.DataFrame:
    return _movers(_keyed(snap, filters), version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _calibration(filters: Filters, by: str, store: str, _cur: Any) -> pd.DataFrame:
    return views.calibration(_cur, filters, by)


def calibration(snap: Snapshot, filters: Filters, by: str) -> pd.DataFrame:
    return _calibration(_keyed(snap, filters), by, version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _posts_at_risk(filters: Filters, as_of: date, store: str, _cur: Any) -> pd.DataFrame:
    return views.posts_at_risk(_cur, filters, as_of)


def posts_at_risk(snap: Snapshot, filters: Filters, as_of: date) -> pd.DataFrame:
    return _posts_at_risk(_keyed(snap, filters), as_of, version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _candidates(filters: Filters, position_id: str, store: str, _cur: Any) -> views.Candidates:
    return views.candidates(_cur, filters, position_id)


def candidates(snap: Snapshot, filters: Filters, position_id: str) -> views.Candidates:
    return _candidates(_keyed(snap, filters), position_id, version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _gaps(
    filters: Filters, position_id: str, nips: tuple[str, ...], store: str, _cur: Any
) -> pd.DataFrame:
    return views.gaps(_cur, filters, position_id, list(nips))


def gaps(snap: Snapshot, filters: Filters, position_id: str, nips: list[str]) -> pd.DataFrame:
    return _gaps(_keyed(snap, filters), position_id, tuple(nips), version_key(snap), snap.cur)


@st.cache_data(**_CACHE)
def _person_boxes(filters: Filters, nip: str, store: str, _cur: Any) -> pd.DataFrame:
    return views.person_boxes(_cur, filters, nip)


def person_boxes(snap: Snapshot, filters: Filters, nip: str) -> pd.DataFrame:
    return _person_boxes(_keyed(snap, filters), nip, version_key(snap), snap.cur)


def best_candidates(rows: pd.DataFrame, n: int) -> pd.DataFrame:
    """The n candidates closest to ready: fewest missing competencies, then the highest
    jpm_target (the radar shows them against the post's standard)."""
    if rows.empty:
        return rows
    return rows.sort_values(
        ["missing", "jpm_target", "nip"], ascending=[True, False, True], na_position="last"
    ).head(n)
