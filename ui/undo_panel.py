"""The Data page's undo panel (admins): the import history, a rollback per accepted import, and
the backup download.

Choosing an accepted import shows what rolling it back takes away (rows removed and rows restored, per import
and table, from analytics.importer.undo.preview). When later imports build on it, they are named and a
checkbox must confirm them before the button works; the rollback is then asked to take back
exactly the imports shown (`expected`), so an import landing meanwhile is never taken back
unseen. After a rollback the data version changes and the page reruns on the new state.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics.importer import undo
from analytics.store import backup, owner
from analytics.store import info as overview
from analytics.store.db import Snapshot
from ui import auditing, fmt, session, state
from ui.state import t

HISTORY = 200  # newest imports listed
DONE_KEY, ERROR_KEY = "undo_done", "undo_error"  # the outcome, shown by the next rerun


def choice_key(snap: Snapshot) -> str:
    """The key of the import chosen for a rollback: a new data version starts with nothing
    chosen."""
    return f"undo_choice_{snap.version}"


def render(snap: Snapshot) -> None:
    if not session.may("store"):  # admins only, whatever page calls this
        return
    lang = state.lang()
    error = st.session_state.pop(ERROR_KEY, None)
    if error is not None:
        st.error(error, icon=":material/block:")
    done = st.session_state.pop(DONE_KEY, None)
    if done is not None:
        ids, log_id = done
        st.success(
            t("undo_done", ids=", ".join(f"#{i}" for i in ids), log=log_id),
            icon=":material/undo:",
        )
    st.subheader(t("undo_title"))
    st.caption(t("undo_help"))
    hist = overview.import_history(snap.cur, limit=HISTORY)
    if hist.empty:
        st.caption(t("data_no_history"))
    else:
        st.dataframe(_history_frame(hist, lang), hide_index=True, width="stretch")
        accepted = hist[(hist["kind"] == "import") & (hist["status"] == "committed")]
        labels = {
            int(r.import_id): f"#{r.import_id} · {r.imported_at:%Y-%m-%d %H:%M} · {r.files or '–'}"
            for r in accepted.itertuples()
        }
        chosen = st.selectbox(
            t("undo_choose"),
            [None, *labels],
            format_func=lambda i: labels[i] if i is not None else "–",
            key=choice_key(snap),
        )
        if chosen is None:
            st.caption(t("undo_pick"))
        else:
            _action(snap, int(chosen), lang)
    backup_download()


def _history_frame(hist: pd.DataFrame, lang: str) -> pd.DataFrame:
    def status(row: pd.Series) -> str:
        if row["status"] == "rolled_back":
            return t("undo_status_rolled_back", by=int(row["rolled_back_by"]))
        return t("undo_status_committed")

    def count(row: pd.Series, col: str) -> str:
        return "–" if row["kind"] == "rollback" else fmt.integer(row[col], lang)

    return pd.DataFrame(
        {
            t("col_import_id"): [f"#{v}" for v in hist["import_id"]],
            t("col_imported_at"): [f"{v:%Y-%m-%d %H:%M}" for v in hist["imported_at"]],
            t("col_kind"): [t(f"undo_kind_{k}") for k in hist["kind"]],
            t("col_user"): [v or "–" for v in hist["username"]],
            t("col_files"): [v or "–" for v in hist["files"]],
            t("col_added"): [count(r, "added") for _, r in hist.iterrows()],
            t("col_changed"): [count(r, "changed") for _, r in hist.iterrows()],
            t("undo_col_status"): [status(r) for _, r in hist.iterrows()],
        }
    )


def _action(snap: Snapshot, import_id: int, lang: str) -> None:
    try:
        preview = undo.preview(snap.cur, import_id)
    except undo.UndoRefused as e:
        st.info(e.message(lang), icon=":material/info:")
        return
    st.markdown(f"**{t('undo_takes_back', id=import_id)}**")
    if preview.counts:
        st.dataframe(
            pd.DataFrame(
                {
                    t("undo_col_import"): [f"#{i}" for i, *_ in preview.counts],
                    t("col_table"): [table for _, table, _, _ in preview.counts],
                    t("undo_col_removed"): [fmt.integer(a, lang) for *_, a, _ in preview.counts],
                    t("undo_col_restored"): [fmt.integer(r, lang) for *_, r in preview.counts],
                }
            ),
            hide_index=True,
        )
    else:
        st.caption(t("undo_nothing"))
    confirmed = True
    confirm_key = f"undo_confirm_{import_id}_{snap.version}"
    if preview.later:
        later = ", ".join(f"#{i}" for i in preview.later)
        st.warning(t("undo_later", id=import_id, later=later), icon=":material/warning:")
        confirmed = st.checkbox(t("undo_confirm", later=later), key=confirm_key)
    st.button(
        t("undo_button", id=import_id),
        type="primary",
        icon=":material/undo:",
        disabled=not confirmed,
        key=f"undo_go_{import_id}_{snap.version}",
        # a callback: it runs before the next rerun reads its snapshot, which then shows the
        # new data version
        on_click=_roll_back,
        args=(preview, confirm_key, lang),
    )


def _roll_back(preview: undo.Preview, confirm_key: str, lang: str) -> None:
    if preview.later and not st.session_state.get(confirm_key):
        return  # never without the confirmation, whatever the button's state
    user = session.signed_in()
    try:
        result = state.on_owner(
            undo.rollback,
            preview.import_id,
            yes=bool(preview.later),
            username=user.name if user else None,
            actor=auditing.actor(),
            expected=preview.ids,
        )
    except undo.RollbackNeedsConfirmation:
        st.session_state[ERROR_KEY] = t("undo_changed_meanwhile")
    except undo.UndoRefused as e:
        st.session_state[ERROR_KEY] = e.message(lang)
    except owner.OwnerUnavailable:
        st.session_state[ERROR_KEY] = t("owner_unavailable")
    else:
        state.wait_published(result.log_id)  # a reader's next rerun shows it
        st.session_state[DONE_KEY] = (result.rolled_back, result.log_id)


def backup_download() -> None:
    """One DuckDB file of the whole store (analytics.store.backup), made and audited on click."""
    st.subheader(t("backup_title"))
    st.caption(t("backup_help"))
    who = auditing.actor()
    name = f"cadangan-asn-{dt.date.today():%Y-%m-%d}.duckdb"

    def make() -> bytes:
        # made by the owner from its store (a reader's snapshot may be a publication behind)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            version, tables = state.on_owner(backup.backup, path)
            data = path.read_bytes()
        state.record(who, "backup", file=name, via="download", data_version=version, tables=tables)
        return data

    st.download_button(
        t("backup_download"),
        data=make,
        file_name=name,
        mime="application/octet-stream",
        icon=":material/backup:",
        on_click="ignore",
        key="undo_backup",
    )
