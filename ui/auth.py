"""Who is using the dashboard: the login form, the signed-in box, and what the role may open.

`gate(snap)` runs first in every rerun of the frame (dashboard.py). It admits the user that
`current_user` finds, or draws the login page (or a refusal) and stops the run, so no page,
filter or download is ever computed for nobody. Rules:
- a users file exists (analytics.auth.users_path): login required, even on a demo store;
- no users file and a demo store: open, as the built-in "demo" planner (DEMO banner);
- no users file and a real store: closed, with the command the administrator must run.

The signed-in user is published as `st.session_state["asn_user"]` = {"name", "role",
"agencies", "instansi"} (the audit log reads it); the proof of a login is kept apart (LOGIN_KEY,
set only by a verified password), and the user is re-read from the users file on every rerun,
so a removed user is signed out and a changed role or scope applies at once.

Extension point: another identity source (OpenID Connect through st.login) belongs in
`current_user` (who is signed in) and `login_form` (how to sign in).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from analytics import audit, auth, overview
from analytics.store import Snapshot
from ui import data, state
from ui.state import t

USER_KEY = "asn_user"  # the published user (a dict; read by the audit log)
LOGIN_KEY = "_asn_login"  # the name whose password was verified in this session
KEEP_ON_LOGOUT = ("lang",)


def users_file() -> Path:
    return auth.users_path()


def _forget() -> None:
    st.session_state.pop(USER_KEY, None)
    st.session_state.pop(LOGIN_KEY, None)


def _publish(user: auth.User) -> None:
    value = user.session()
    if st.session_state.get(USER_KEY) != value:
        st.session_state[USER_KEY] = value


def current_user(snap: Snapshot) -> auth.User | None:
    """The user of this session, checked against the users file now; the demo user on an open
    demo store; None when nobody is signed in (or the users file is unreadable)."""
    try:
        users = auth.load_users(users_file())
    except auth.UsersFileError:
        _forget()
        return None
    if users is None:
        # read, not cached: whether the store may run open is decided on its own rows
        if overview.is_demo(snap.cur):
            _publish(auth.DEMO_USER)
            return auth.DEMO_USER
        _forget()
        return None
    name = st.session_state.get(LOGIN_KEY)
    user = users.get(name) if isinstance(name, str) else None
    if user is None:
        _forget()
        return None
    _publish(user)
    return user


def signed_in() -> auth.User | None:
    """The user `gate` admitted (from the session; None before any login)."""
    value = st.session_state.get(USER_KEY)
    if not isinstance(value, dict) or value.get("role") not in auth.ROLES:
        return None

    def scope(v: Any) -> tuple[str, ...] | None:
        return None if v is None else tuple(str(x) for x in v)

    return auth.User(
        name=str(value.get("name")),
        role=str(value["role"]),
        agencies=scope(value.get("agencies")),
        instansi=scope(value.get("instansi")),
    )


def may(permission: str) -> bool:
    """Whether the signed-in user's role allows `permission` (individuals, import, users,
    audit, store)."""
    user = signed_in()
    return user is not None and auth.allows(user, permission)


def _login(name: str, password: str) -> None:
    try:
        users = auth.load_users(users_file()) or {}
    except auth.UsersFileError:
        users = {}
    result = auth.authenticate(users, name, password)
    if result.user is None:
        reason = "locked" if result.locked_seconds else "password"
        _audit(auth.normalise_name(name), "login_failed", reason=reason)
        st.session_state["_asn_login_error"] = (
            ("login_locked", max(1, math.ceil(result.locked_seconds / 60)))
            if result.locked_seconds
            else ("login_failed", 0)
        )
        return
    # a new login starts a clean session: nothing chosen by someone before stays
    _clear_session()
    st.session_state[LOGIN_KEY] = result.user.name
    _publish(result.user)
    _audit(result.user.name, "login_ok")


def _audit(actor: str, action: str, **detail: Any) -> None:
    """The audit log's row (analytics.audit.record never raises into the page)."""
    audit.record(state.get_store(), actor[:64], action, **detail)


def login_form() -> None:
    """Our own small form: user name and password, in the user's language."""
    st.title(t("login_title"))
    st.caption(t("login_intro"))
    error = st.session_state.pop("_asn_login_error", None)
    if error:
        key, minutes = error
        st.error(t(key, minutes=minutes), icon=":material/lock:")
    with st.form("asn_login", clear_on_submit=True, width=420):
        name = st.text_input(t("login_name"), key="login_name", autocomplete="username")
        password = st.text_input(
            t("login_password"),
            type="password",
            key="login_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(t("login_submit"), type="primary")
    if submitted and name and password:
        _login(name, password)
        st.rerun()


def _refusal(key: str) -> None:
    st.title(t("app_title"))
    st.error(t(key), icon=":material/lock:")


def _clear_session() -> None:
    for key in list(st.session_state.keys()):
        if key not in KEEP_ON_LOGOUT:
            del st.session_state[key]


def logout() -> None:
    user = signed_in()
    if user is not None:
        _audit(user.name, "logout")
    _clear_session()


def _md(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#" else c for c in text)


def sidebar_box(snap: Snapshot, user: auth.User) -> None:
    """Who is signed in, the role and scope, and the sign-out button."""
    with st.sidebar:
        st.markdown(
            t("auth_signed_in", name=_md(user.name), role=t(f"role_{user.role}")),
        )
        if user.role == "perencana":
            if user.unrestricted:
                scope = t("auth_scope_all")
            else:
                names = data.names(snap)["agency"]
                scope = ", ".join(
                    [names.get(a, a) for a in user.agencies or ()] + list(user.instansi or ())
                )
            st.caption(t("auth_scope", scope=_md(scope or "–")))
        if not is_open_demo(user):
            st.button(
                t("auth_logout"),
                on_click=logout,
                icon=":material/logout:",
                key="asn_logout",
                width="stretch",
            )


def gate(snap: Snapshot, url_paths: Sequence[str] = ()) -> auth.User:
    """The user admitted to this rerun; otherwise the login page (or the refusal) is drawn
    and the run stops. `url_paths`: the app's page paths, each answered by the login page
    too, so a shared link opens (no "page not found") and leads to its page after login."""
    user = current_user(snap)
    if user is not None:
        sidebar_box(snap, user)
        return user
    try:
        users = auth.load_users(users_file())
        problem = "login_no_users" if users is None else None
    except auth.UsersFileError:
        problem = "login_bad_file"

    def page() -> None:
        if problem:
            _refusal(problem)
        else:
            login_form()

    title, icon = t("login_title"), ":material/lock:"
    st.navigation(
        [st.Page(page, title=title, icon=icon, url_path="masuk", default=True)]
        + [st.Page(page, title=title, icon=icon, url_path=p) for p in url_paths if p != "masuk"],
        position="hidden",
    ).run()
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def is_open_demo(user: auth.User) -> bool:
    """The built-in viewer of a demo store without users (nobody signed in)."""
    return user is auth.DEMO_USER
