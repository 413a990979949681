"""The Data page's panels: upload (validate → plan → commit), template, contents, coverage.

The upload uses the same importer API as the command line: nothing is written until the user
has seen the problems (none) and the plan, and presses the button; commit validates again in the
write transaction, because another import may have landed meanwhile.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics import importer
from analytics.cli import calls
from analytics.core.filters import Filters
from analytics.importer.template import write_template
from analytics.metrics.common import NoYear
from analytics.store import info as overview
from analytics.store import owner
from analytics.store.db import Snapshot
from ui import fmt, queries, session, state, widgets
from ui.state import t

# The key of the coverage's box of people not assessed (kept open across the Data page's tabs).
PEOPLE_BOX = "cov_people_open"


def upload_limit_mb() -> int:
    """The largest file the page takes: ours (ASN_MAX_UPLOAD_MB, default 200) or Streamlit's
    server.maxUploadSize, whichever is lower (the server refuses more than its own anyway)."""
    server = st.get_option("server.maxUploadSize")
    ours = importer.upload_limit_mb()
    return min(ours, int(server)) if server else ours


def _sources(files: list) -> list[importer.Source]:
    return [importer.Source(name=f.name, data=f.getvalue()) for f in files]


def _commit(sources: list[importer.Source], lang: str, username: str) -> importer.ImportResult:
    """Store the import: here when this process owns the store, else in the owner, from
    files written for it (a reader process), waiting until a snapshot holds it."""
    if not state.is_reader():
        return importer.commit(state.writable(), sources, lang=lang, username=username)
    with tempfile.TemporaryDirectory(prefix="asn-import-") as tmp:
        files = []
        for i, source in enumerate(sources):
            path = Path(tmp) / f"{i}-upload"
            path.write_bytes(source.data)
            files.append((source.name, str(path)))
        result: importer.ImportResult = state.on_owner(calls.import_files, files, lang, username)
    if result.ok and result.import_id is not None:
        state.wait_published(result.import_id)
    return result


def _digest(sources: list[importer.Source]) -> str:
    h = hashlib.sha256()
    for s in sources:
        h.update(s.name.encode())
        h.update(hashlib.sha256(s.data).digest())
    return h.hexdigest()


def _issues_frame(issues: list[importer.Issue], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("imp_col_file"): i.file + (f" [{i.sheet}]" if i.sheet else ""),
                t("imp_col_row"): "" if i.row is None else str(i.row),
                t("imp_col_column"): i.column,
                t("imp_col_value"): "" if i.value is None else str(i.value),
                t("imp_col_reason"): i.reason(lang),
            }
            for i in issues
        ]
    )


def _counts_frame(counts: dict, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("col_table"): name,
                t("col_added"): fmt.integer(c.added, lang),
                t("col_changed"): fmt.integer(c.changed, lang),
            }
            for name, c in counts.items()
        ]
    )


def upload_panel() -> None:
    if not session.may_import():  # admins, or the open demo (pages/data.py offers it to them)
        return
    lang = state.lang()
    st.subheader(t("imp_title"))
    limit = upload_limit_mb()
    st.caption(t("imp_help") + " " + t("imp_limit", mb=limit))
    files = st.file_uploader(
        t("imp_uploader"),
        type=["csv", "xlsx"],
        accept_multiple_files=True,
        key=f"upload_{st.session_state.get('upload_round', 0)}",
        max_upload_size=limit,
    )
    if not files:
        return
    # The browser refuses a larger file already (in English); this check holds for any client,
    # says it in the user's language, and comes before a byte of the file is read.
    too_large = importer.oversized([(f.name, f.size) for f in files], limit)
    if too_large:
        st.session_state.pop("import_plan", None)
        st.error(t("imp_too_large", n=len(too_large), mb=limit), icon=":material/block:")
        st.dataframe(_issues_frame(too_large, lang), hide_index=True, width="stretch")
        return
    sources = _sources(files)
    digest = _digest(sources) + lang
    plan = st.session_state.get("import_plan")
    if plan is None or st.session_state.get("import_digest") != digest:
        with st.spinner(t("imp_checking")):
            store = state.get_store()
            with store.snapshot() as snap:
                plan = importer.validate(snap.cur, sources, lang=lang)
        st.session_state["import_plan"] = plan
        st.session_state["import_digest"] = digest
    if plan.warnings:
        with st.expander(t("imp_warnings", n=plan.warning_count)):
            st.dataframe(_issues_frame(plan.warnings, lang), hide_index=True, width="stretch")
    if not plan.ok:
        st.error(t("imp_rejected", n=plan.problem_count), icon=":material/block:")
        st.dataframe(_issues_frame(plan.problems, lang), hide_index=True, width="stretch")
        if plan.problem_count > len(plan.problems):
            st.caption(t("imp_more", shown=len(plan.problems), n=plan.problem_count))
        return
    st.success(t("imp_valid"), icon=":material/check_circle:")
    st.markdown(f"**{t('imp_plan')}**")
    st.dataframe(_counts_frame(plan.counts, lang), hide_index=True)
    if st.button(t("imp_commit"), type="primary", icon=":material/save:"):
        with st.spinner(t("imp_saving")):
            user = session.signed_in()
            try:
                result = _commit(sources, lang, user.name if user else "?")
            except owner.OwnerUnavailable:
                st.error(t("owner_unavailable"), icon=":material/sync_problem:")
                return
        st.session_state.pop("import_plan", None)
        if result.ok:
            st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
            st.session_state["import_done"] = result.import_id
            st.rerun()
        else:
            st.error(t("imp_rejected", n=result.problem_count), icon=":material/block:")
            st.dataframe(_issues_frame(result.problems, lang), hide_index=True, width="stretch")


def template_download() -> None:
    done = st.session_state.pop("import_done", None)
    if done is not None:
        st.toast(t("imp_done", id=done), icon=":material/check_circle:")
    st.subheader(t("tpl_title"))
    st.caption(t("tpl_help"))
    lang = state.lang()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "templat.xlsx"
        write_template(path, lang=lang)
        data = path.read_bytes()
    st.download_button(
        t("tpl_download"),
        data=io.BytesIO(data),
        file_name="templat-impor-kompetensi-asn.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )


def store_contents(snap: Snapshot) -> None:
    lang = state.lang()
    left, right = st.columns(2)
    with left:
        st.subheader(t("data_tables"))
        counts = overview.table_counts(snap.cur)
        widgets.table(
            counts,
            {
                "table": (t("col_table"), None),
                "rows": (t("col_rows"), lambda v: fmt.integer(v, lang)),
            },
            key="tbl_counts",
        )
    with right:
        st.subheader(t("data_years"))
        years = queries.assessment_years(snap)
        widgets.table(
            years,
            {
                "year": (t("col_year"), str),
                "employees": (t("col_employees"), lambda v: fmt.integer(v, lang)),
                "assessments": (t("col_assessments"), lambda v: fmt.integer(v, lang)),
            },
            key="tbl_years",
        )
    # the import history, with its rollbacks, is ui.undo_panel's


def coverage(snap: Snapshot, filters: Filters) -> None:
    lang = state.lang()
    try:
        with st.spinner(t("cov_computing")):  # seconds the first time nationally
            cov = queries.frame(queries.assessment_coverage(snap, filters))
    except NoYear:
        widgets.empty_state("empty_store")
        return
    st.subheader(t("cov_assessed"))
    if cov.empty:
        widgets.empty_state()
        return
    widgets.table(
        cov,
        {
            "agency_name": (t("f_agency"), None),
            # a column at a time: a country has 15,053 agencies
            "employees": (t("col_employees"), fmt.Column(lang, 0)),
            "assessed": (t("cov_col_assessed"), fmt.Column(lang, 0)),
            "not_assessed": (t("cov_col_not_assessed"), fmt.Column(lang, 0)),
            "pct_assessed": (t("cov_col_pct"), fmt.Column(lang, 1, "%")),
        },
        key="tbl_coverage",
    )
    # the people are listed only when the box is opened: nationally 0.7-1 s, for a question
    # few ask on each visit
    people_box = (
        st.expander(t("cov_people"), key=PEOPLE_BOX, on_change="rerun")
        if filters.may_see_individuals
        else None
    )
    if people_box is not None and people_box.open:
        with people_box:
            people = queries.frame(queries.not_assessed(snap, filters, limit=200))
            widgets.table(
                people,
                {
                    "nip": ("NIP", None),
                    "name": (t("col_name"), None),
                    "agency_name": (t("f_agency"), None),
                    "unit": (t("f_unit"), None),
                    "position_name": (t("col_position"), None),
                },
                key="tbl_not_assessed",
            )
            st.caption(t("cov_people_limit", n=200))
    st.subheader(t("cov_standards"))
    missing = queries.frame(queries.missing_standards(snap, filters))
    if missing.empty:
        st.caption(t("cov_standards_none"))
    else:
        st.caption(t("cov_standards_help"))
        widgets.table(
            missing,
            {
                "position_name": (t("col_position"), None),
                "competency_id": (t("col_competency_code"), None),
                "competency_name": (t("col_competency"), None),
                "scores": (t("cov_col_scores"), lambda v: fmt.integer(v, lang)),
            },
            key="tbl_missing_std",
        )
