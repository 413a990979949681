"""Cached wrappers at the UI boundary: every figure a page shows comes through here.

The cache key is the metric, its Filters (which carry the data version read in this rerun's
snapshot), its options and the store's path (two stores both have a version 1: one process
serves one store, but tests open several); the snapshot cursor is passed as `_cur`, outside
the key. A new import
changes the version, so no page ever mixes cached old figures with new ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.metrics import extras
from analytics.metrics.choices import Choices
from analytics.metrics.service import service_effect, service_link
from analytics.report import gather
from analytics.store import info as overview
from analytics.store.db import Snapshot
from analytics.views import coverage

TTL = 3600
MAX_ENTRIES = 2048

REGISTRY: dict[str, Callable[..., Any]] = {
    "employee_gaps": metrics.employee_gaps,
    "jpm": metrics.jpm,
    "gap_summary": metrics.gap_summary,
    "jpm_summary": metrics.jpm_summary,
    "trend": metrics.trend,
    "training_impact": metrics.training_impact,
    "jp_compliance": metrics.jp_compliance,
    "training_needs": metrics.training_needs,
    "same_people_change": extras.same_people_change,
    "dose_response": extras.dose_response,
    "cost_per_level": extras.cost_per_level,
    "needs_cost": extras.needs_cost,
    "assessment_coverage": coverage.assessment_coverage,
    "missing_standards": coverage.missing_standards,
    "not_assessed": coverage.not_assessed,
    "kpis": views.kpis,
    "gap_matrix": views.gap_matrix,
    "unit_summary": views.unit_summary,
    "service_link": service_link,
    "service_effect": service_effect,
}


def version_key(snap: Snapshot) -> str:
    """The store and data version a cached answer belongs to."""
    return f"{snap.store}#{snap.version}"


def register(name: str, fn: Callable[..., Any]) -> None:
    REGISTRY[name] = fn


@st.cache_data(ttl=TTL, max_entries=MAX_ENTRIES, show_spinner=False, hash_funcs={Filters: repr})
def _cached(
    name: str, filters: Filters, options: tuple[tuple[str, Any], ...], store: str, _cur: Any
) -> Any:
    return REGISTRY[name](_cur, filters, **dict(options))


def get(snap: Snapshot, name: str, filters: Filters, **options: Any) -> Any:
    """metric `name` for `filters` read from the rerun's snapshot (cached per data version)."""
    keyed = filters.with_(data_version=snap.version)
    return _cached(name, keyed, tuple(sorted(options.items())), snap.store, snap.cur)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False, hash_funcs={Filters: repr})
def _choices(filters: Filters, version: str, _cur: Any) -> Choices:
    return metrics.choices(_cur, filters)


def choices(snap: Snapshot, filters: Filters) -> Choices:
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
    return overview.names(_cur)


def names(snap: Snapshot) -> dict[str, dict[str, str]]:
    """Display names by id (agency, competency, position) for this data version."""
    return _names(version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _is_demo(version: str, _cur: Any) -> bool:
    return overview.is_demo(_cur)


def is_demo(snap: Snapshot) -> bool:
    return _is_demo(version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False, hash_funcs={Filters: repr})
def _profile(filters: Filters, nip: str, version: str, _cur: Any) -> Any:
    return views.profile(_cur, filters, nip)


def profile(snap: Snapshot, filters: Filters, nip: str) -> Any:
    """One person's profile (None when unknown or outside the viewer's scope)."""
    return _profile(filters, nip, version_key(snap), snap.cur)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False, hash_funcs={Filters: repr})
def _report_content(filters: Filters, lang: str, version: str, _cur: Any) -> Any:
    return gather(_cur, filters, lang)


def report_content(snap: Snapshot, filters: Filters, lang: str) -> Any:
    """The meeting deck's content for this view (presentation mode draws it)."""
    return _report_content(filters, lang, version_key(snap), snap.cur)
