"""The one shared filter bar: sidebar widgets bound to the URL query string, read into Filters.

A copied link opens the same view: every filter widget is bound to a query parameter (names,
never a NIP or a person's name). Choices come from the data, within the viewer's scope.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote, unquote

import streamlit as st

from analytics.core.filters import Filters
from analytics.store.db import Snapshot
from ui import fmt, queries, session
from ui.state import lang, t

_local = threading.local()

# widget key (= query parameter) per filter
K_YEAR, K_INS, K_AG, K_UNIT = "tahun", "instansi", "opd", "unit"
# The longest agency or unit list offered at once (see render).
MAX_OPTIONS = 400
K_JF, K_JT, K_ET, K_G, K_RK = "rumpun", "jenis", "status", "jk", "gol"
MULTI_KEYS = (K_INS, K_AG, K_UNIT, K_JF, K_JT, K_ET, K_G, K_RK)
UNIT_SEP = " › "


def _reset() -> None:
    for key in MULTI_KEYS:
        st.session_state[key] = []
    st.session_state.pop(K_YEAR, None)


def unit_option(agency: str, unit: str) -> str:
    """A unit's value in the list and the URL: the agency id percent-encoded (so it never holds
    the "|" that ends it; usual ids such as "15.07" read as before), "|", the unit as is."""
    return quote(agency, safe=".-_~") + "|" + unit


def unit_pair(option: str) -> tuple[str, str]:
    """(agency id, unit) of a unit_option."""
    agency, _, unit = option.partition("|")
    return unquote(agency), unit


def _prune(key: str, options: list[Any]) -> None:
    """Drop selections no longer offered (e.g. units of an agency just deselected)."""
    chosen = st.session_state.get(key)
    if chosen:
        kept = [c for c in chosen if c in options]
        if kept != chosen:
            st.session_state[key] = kept


def base_filters() -> Filters:
    """The viewer's scope and small-group rule (ui.session: from the signed-in user's role)."""
    return session.viewer_filters()


def render(snap: Snapshot) -> Filters:
    """Draw the bar in the sidebar and return the selected Filters (also kept for pages)."""
    base = base_filters()
    ch = queries.choices(snap, base)
    years = queries.years(snap)
    agency_names = dict(zip(ch.agencies["agency_id"], ch.agencies["agency_name"], strict=True))
    with st.sidebar:
        st.markdown(f"**{t('filters')}**")
        year = None
        if years:
            year = st.selectbox(
                t("f_year"), options=sorted(years, reverse=True), key=K_YEAR, bind="query-params"
            )
        instansi: list[str] = []
        if len(ch.instansi) > 1:
            _prune(K_INS, ch.instansi)
            instansi = st.multiselect(
                t("f_instansi"),
                ch.instansi,
                key=K_INS,
                bind="query-params",
                placeholder=t("f_all"),
            )
        agencies_df = ch.agencies
        if instansi:
            agencies_df = agencies_df[agencies_df["instansi"].isin(instansi)]
        agency_opts = list(agencies_df["agency_id"])
        # A national store has thousands of agencies and units: a list that long is unusable
        # (and re-sent to the browser on every rerun), so the next level is offered once the
        # one above narrows it (instansi -> agency -> unit). Typing in a list searches it.
        # (with one instansi there is nothing above to narrow by: every agency is offered)
        many_agencies = len(agency_opts) > MAX_OPTIONS and len(ch.instansi) > 1
        _prune(K_AG, [] if many_agencies else agency_opts)
        agencies = st.multiselect(
            t("f_agency"),
            [] if many_agencies else agency_opts,
            format_func=lambda a: agency_names.get(a, a),
            key=K_AG,
            bind="query-params",
            placeholder=t("f_all"),
            disabled=many_agencies,
            help=t("f_agency_many", n=fmt.integer(len(agency_opts), lang()))
            if many_agencies
            else None,
        )
        units_df = ch.units  # the units of the choices' agencies (one scope for both)
        if agencies or instansi:  # (nationally a test of 195,552 units against 15,053 ids)
            units_df = units_df[units_df["agency_id"].isin(agencies or agency_opts)]
        many_units = len(units_df) > MAX_OPTIONS
        unit_opts = (
            []
            if many_units
            else [
                unit_option(a, u)
                for a, u in zip(units_df["agency_id"], units_df["unit"], strict=True)
            ]
        )
        _prune(K_UNIT, unit_opts)
        unit_help: str | None
        if many_units:
            unit_help = t("f_unit_many", n=fmt.integer(len(units_df), lang()))
        else:
            unit_help = None if agencies else t("f_unit_hint")
        units = st.multiselect(
            t("f_unit"),
            unit_opts,
            format_func=lambda v: (
                agency_names.get(unit_pair(v)[0], "") + UNIT_SEP + unit_pair(v)[1]
            ),
            key=K_UNIT,
            bind="query-params",
            placeholder=t("f_all"),
            disabled=many_units,
            help=unit_help,
        )
        job_families = st.multiselect(
            t("f_job_family"),
            ch.job_families,
            key=K_JF,
            bind="query-params",
            placeholder=t("f_all"),
        )
        job_types = st.multiselect(
            t("f_job_type"), ch.job_types, key=K_JT, bind="query-params", placeholder=t("f_all")
        )
        # Gender and employment type are split out in the roll-ups; a rank is in none: over a
        # whole national store a rank filter reads every score (~10 s), over one agency a
        # fraction of a second. So with more agencies than one list holds, rank is offered
        # once an instansi or agency is chosen.
        rank_later = len(ch.agencies) > MAX_OPTIONS and not (instansi or agencies)
        with st.expander(
            t("f_more"), expanded=any(st.session_state.get(k) for k in (K_ET, K_G, K_RK))
        ):
            emp_types = st.multiselect(
                t("f_employment_type"),
                ch.employment_types,
                key=K_ET,
                bind="query-params",
                placeholder=t("f_all"),
            )
            genders = st.multiselect(
                t("f_gender"),
                ch.genders,
                format_func=lambda g: t(f"gender_{g}") if g in ("L", "P") else g,
                key=K_G,
                bind="query-params",
                placeholder=t("f_all"),
            )
            ranks = st.multiselect(
                t("f_rank"),
                ch.ranks,
                key=K_RK,
                bind="query-params",
                placeholder=t("f_all"),
                disabled=rank_later,
                help=t("f_person_many") if rank_later else None,
            )
        st.button(t("f_reset"), on_click=_reset, icon=":material/restart_alt:", width="stretch")

    filters = base.with_(
        year=year,
        instansi=tuple(instansi),
        agencies=tuple(agencies),
        units=tuple(unit_pair(v) for v in units),
        job_families=tuple(job_families),
        job_types=tuple(job_types),
        employment_types=tuple(emp_types),
        genders=tuple(genders),
        ranks=tuple(ranks),
        data_version=snap.version,
    )
    _local.filters = filters
    _local.agency_names = agency_names
    return filters


def current() -> Filters:
    """The Filters of this rerun (set by render() in the entrypoint)."""
    filters = getattr(_local, "filters", None)
    if filters is None:
        raise RuntimeError("filter bar not rendered in this rerun")
    return filters


def describe(filters: Filters) -> list[str]:
    """The active filters in words, for the page header (Filters.describe)."""
    return filters.describe({"agency": getattr(_local, "agency_names", {})}, lang())
