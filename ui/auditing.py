"""The dashboard's side of the audit log: who is acting, and downloads that record themselves.

A download's bytes are made only when the button is pressed (Streamlit's deferred download, on a
thread of its own, no rerun), and that is also when it is recorded: the audit row says a file
was actually fetched, not merely offered, and no page waits on the store's writer meanwhile.
The actor is read in the script thread (session state is not reachable from the download's
thread): the signed-in user's name (`st.session_state["asn_user"]`, set by ui.auth), else
"demo" (an open demo store).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

from analytics.core.filters import Filters
from analytics.store import audit
from ui import state

USER_KEY = "asn_user"  # published by ui.auth
log = logging.getLogger(__name__)


def actor() -> str:
    user = st.session_state.get(USER_KEY)
    if isinstance(user, dict) and user.get("name"):
        return str(user["name"])
    return "demo"


def download(
    make: Callable[[], bytes], action: str, filters: Filters | None = None, **detail: Any
) -> Callable[[], bytes]:
    """`make`, wrapped so that each fetch is recorded as `action` with `detail`, the filters'
    fields and their data version. Call it in the script thread; pass the result as the
    download button's `data`."""
    who = actor()
    if filters is not None:
        detail = {
            **detail,
            "filters": audit.filters_detail(filters),
            "data_version": filters.data_version,
        }

    def fetch() -> bytes:
        data = make()
        state.record(who, action, **detail)
        return data

    return fetch


RETENTION_ACTOR = "system:retention"
_trimmed_on: dict[str, dt.date] = {}
_trim_lock = threading.Lock()


def trim_daily() -> None:
    """Trim the audit log to its retention (analytics.store.audit.trim) once a day per store,
    the first rerun of the day doing it (a few milliseconds: one indexed delete)."""
    store = state.get_store()
    today = dt.date.today()
    with _trim_lock:
        if _trimmed_on.get(str(store.path)) == today:
            return
        _trimmed_on[str(store.path)] = today
    try:
        state.on_owner(audit.trim, RETENTION_ACTOR)
    except Exception:
        log.exception("audit: the daily trim failed")
