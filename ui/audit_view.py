"""The audit log page (admins): filters (user, action, dates), a paged table newest first with
each entry's detail in words, and the CSV of every matching entry.

The words are made from the language and agency names passed in (never from session state), so
the CSV can be built on click, in the download's own thread, from a snapshot of its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.filters import Filters
from analytics.report import sheets
from analytics.store import audit
from analytics.store.db import Snapshot
from ui import auditing, fmt, queries, session, state
from ui.i18n import text
from ui.state import t

PAGE = audit.PAGE
K_ACTOR, K_ACTION, K_SINCE, K_UNTIL, K_PAGE = (
    "audit_actor",
    "audit_action",
    "audit_since",
    "audit_until",
    "audit_page",
)


def render(snap: Snapshot) -> None:
    if not session.may("audit"):  # admins only, whatever page calls this
        st.info(t("audit_admin_only"), icon=":material/lock:")
        return
    lang = state.lang()
    agencies = queries.names(snap)["agency"]
    chosen = _filters(snap)
    page_no = int(st.session_state.get(K_PAGE, 1))
    df, total = audit.listing(snap.cur, **chosen, limit=PAGE, offset=(page_no - 1) * PAGE)
    pages = max(1, -(-total // PAGE))
    if page_no > pages:  # the filters narrowed the list: back to its first page
        st.session_state[K_PAGE] = 1
        df, total = audit.listing(snap.cur, **chosen, limit=PAGE, offset=0)
    st.caption(t("audit_found", n=fmt.integer(total, lang)))
    if total == 0:
        st.info(t("audit_empty"), icon=":material/search_off:")
        return
    st.dataframe(readable(df, lang, agencies), hide_index=True, width="stretch", key="audit_table")
    if pages > 1:
        st.number_input(
            t("audit_page"), min_value=1, max_value=pages, step=1, key=K_PAGE, width=160
        )
    _download(chosen, lang, agencies)


def _filters(snap: Snapshot) -> dict[str, Any]:
    actors = audit.actors(snap.cur)
    c1, c2, c3, c4 = st.columns([2, 2, 1, 1])
    with c1:
        actor = st.selectbox(
            t("audit_f_actor"),
            [None, *actors],
            format_func=lambda a: a if a else t("audit_all"),
            key=K_ACTOR,
        )
    with c2:
        action = st.selectbox(
            t("audit_f_action"),
            [None, *audit.ACTIONS],
            format_func=lambda a: t(f"audit_a_{a}") if a else t("audit_all"),
            key=K_ACTION,
        )
    with c3:
        since = st.date_input(t("audit_f_since"), value=None, key=K_SINCE, format="YYYY-MM-DD")
    with c4:
        until = st.date_input(t("audit_f_until"), value=None, key=K_UNTIL, format="YYYY-MM-DD")
    return {
        "actor": actor,
        "action": action,
        "since": since if isinstance(since, dt.date) else None,
        "until": until if isinstance(until, dt.date) else None,
    }


def readable(df: pd.DataFrame, lang: str, agencies: dict[str, str]) -> pd.DataFrame:
    """The listing as people read it: server time, the action and the detail in words."""
    return pd.DataFrame(
        {
            text("audit_col_at", lang): [f"{v:%Y-%m-%d %H:%M:%S}" for v in df["logged_at"]],
            text("audit_col_actor", lang): list(df["actor"]),
            text("audit_col_action", lang): [
                text(f"audit_a_{a}", lang) if a in audit.ACTIONS else a for a in df["action"]
            ],
            text("audit_col_detail", lang): [
                describe(a, d, lang, agencies)
                for a, d in zip(df["action"], df["detail"], strict=True)
            ],
        }
    )


def describe(action: str, detail: dict[str, Any], lang: str, agencies: dict[str, str]) -> str:
    """One entry's detail in words; keys it does not know are listed as they are (key: value),
    so nothing recorded is hidden."""

    def tx(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    d = dict(detail)
    parts: list[str] = []
    if action in ("import", "rollback") and "import_id" in d:
        parts.append(tx("audit_d_import", id=d.pop("import_id")))
    if "rolled_back" in d:
        parts.append(
            tx("audit_d_rolled_back", ids=", ".join(f"#{i}" for i in d.pop("rolled_back")))
        )
    for key in ("metric", "table", "format"):
        if key in d:
            parts.append(str(d.pop(key)))
    if isinstance(d.get("files"), list):
        parts.append(
            ", ".join(
                f"{f.get('name')} ({tx('audit_d_rows', n=fmt.integer(f.get('rows', 0), lang))})"
                if isinstance(f, dict)
                else str(f)
                for f in d.pop("files")
            )
        )
    if "file" in d:
        parts.append(tx("audit_d_file", name=d.pop("file")))
    if isinstance(d.get("counts"), dict):
        parts.append(_counts(d.pop("counts"), lang))
    if isinstance(d.get("filters"), dict):
        parts.append(filters_words(d.pop("filters"), lang, agencies))
    if "rows" in d:
        parts.append(tx("audit_d_rows", n=fmt.integer(d.pop("rows"), lang)))
    if "tables" in d:
        parts.append(tx("audit_d_tables", n=d.pop("tables")))
    version = d.pop("data_version", None)
    if version is not None:
        parts.append(tx("audit_d_version", v=version))
    parts.extend(f"{k}: {v}" for k, v in sorted(d.items()) if v not in (None, "", [], {}))
    return " · ".join(parts)


def _counts(counts: dict[str, Any], lang: str) -> str:
    out = []
    for table, c in counts.items():
        if not isinstance(c, dict):
            continue
        if "removed" in c or "restored" in c:
            words = text(
                "audit_d_removed_restored",
                lang,
                removed=c.get("removed", 0),
                restored=c.get("restored", 0),
            )
        elif c.get("added") or c.get("changed"):
            words = text(
                "audit_d_added_changed", lang, added=c.get("added", 0), changed=c.get("changed", 0)
            )
        else:
            continue
        out.append(f"{table} {words}")
    return "; ".join(out) or "–"


def filters_words(fields: dict[str, Any], lang: str, agencies: dict[str, str]) -> str:
    """The recorded Filters fields in the filter bar's words (agencies by name)."""

    def tx(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    f = to_filters(fields)
    parts = f.describe({"agency": agencies}, lang)
    if f.scope_agencies is not None or f.scope_instansi is not None:
        scope = [agencies.get(a, a) for a in f.scope_agencies or ()] + list(f.scope_instansi or ())
        parts.append(tx("audit_d_scope", s=", ".join(scope) or "–"))
    if f.small_groups == "hide":
        parts.append(tx("audit_d_small_hidden"))
    if not f.may_see_individuals:
        parts.append(tx("audit_d_no_people"))
    return tx("audit_d_filters", f="; ".join(parts)) if parts else tx("audit_d_no_filters")


def to_filters(fields: dict[str, Any]) -> Filters:
    """The Filters an audit entry recorded (fields this version does not know are skipped)."""
    known = set(Filters.__dataclass_fields__)

    def tup(v: Any) -> Any:
        return tuple(tup(x) for x in v) if isinstance(v, list) else v

    return Filters(**{k: tup(v) for k, v in fields.items() if k in known})


def csv_bytes(cur: Any, chosen: dict[str, Any], lang: str, agencies: dict[str, str]) -> bytes:
    """Every entry matching `chosen`, newest first: the detail in words and as stored (JSON)."""
    rows = audit.all_rows(cur, **chosen)
    table = readable(rows, lang, agencies)
    table[text("audit_col_json", lang)] = [audit.detail_json(d) for d in rows["detail"]]
    return sheets.csv_for_excel(table, lang)


def _download(chosen: dict[str, Any], lang: str, agencies: dict[str, str]) -> None:
    store = state.get_store()

    def make() -> bytes:
        with store.snapshot() as snap:
            return csv_bytes(snap.cur, chosen, lang, agencies)

    shown = {k: (str(v) if isinstance(v, dt.date) else v) for k, v in chosen.items() if v}
    st.download_button(
        t("audit_download"),
        data=auditing.download(make, "export", table="audit_log", format="csv", selection=shown),
        file_name=f"{t('audit_file')}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="audit_csv",
    )
