"""Who is using the dashboard: the login form, the signed-in box, and what the role may open.

`gate(snap)` runs first in every rerun of the frame (dashboard.py). It admits the user that
`current_user` finds, or draws the login page (or a refusal) and stops the run, so no page,
filter or download is ever computed for nobody. Rules:
- a users file exists (analytics.access.users.users_path): login required, even on a demo store;
- no users file and a demo store: open, as the built-in "demo" planner (DEMO banner);
- no users file and a real store: closed, with the command the administrator must run.

The signed-in user is published as `st.session_state["asn_user"]` = {"name", "role",
"agencies", "instansi"} (the audit log reads it); the proof of a login is kept apart (LOGIN_KEY,
set only by a verified password), and the user is re-read from the users file on every rerun,
so a removed user is signed out and a changed role or scope applies at once.

Two ways in:
- our own form (user name and password, argon2 hashes in users.toml);
- OpenID Connect through `st.login`, offered when the secrets Streamlit reads have an [auth]
  section (analytics/access/oidc.py). Streamlit keeps the provider's identity in a signed cookie
  (`st.user`); on every rerun `current_user` maps it to a user of users.toml
  (analytics.access.oidc.match), so the users file, not the provider, decides who comes in and what
  they see. An identity the file does not know is refused, with a way to sign out of it.
A password login in the session comes first; sign-out ends both (st.logout for the provider).
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from analytics.access import oidc, sessions
from analytics.access import users as auth
from analytics.cli import calls
from analytics.store import info as overview
from analytics.store import owner
from analytics.store.db import Snapshot
from ui import browser, queries, session_cookie, state
from ui.session import USER_KEY, signed_in
from ui.state import t
from ui.widgets import md

PENDING_KEY = "_asn_pending_redirect"  # the cookie route's URL, sent by the next run
LOGIN_KEY = "_asn_login"  # the name whose password was verified in this session
METHOD_KEY = "_asn_method"  # how the published user signed in: "password" or "oidc"
SSO_IDENTITY_KEY = "_asn_sso_identity"  # the provider's name for the signed-in user
SSO_REFUSED_KEY = "_asn_sso_refused"  # (reason, identity) of an identity that may not come in
SESSION_KEY = "_asn_session"  # the id of this browser's session (analytics.access.sessions)
KEEP_ON_LOGOUT = ("lang",)

log = logging.getLogger(__name__)


def users_file() -> Path:
    return auth.users_path()


def _forget() -> None:
    for key in (USER_KEY, LOGIN_KEY, METHOD_KEY, SSO_IDENTITY_KEY, SESSION_KEY):
        st.session_state.pop(key, None)


def _publish(user: auth.User, method: str = "password") -> None:
    value = user.session()
    if st.session_state.get(USER_KEY) != value:
        st.session_state[USER_KEY] = value
    if st.session_state.get(METHOD_KEY) != method:
        st.session_state[METHOD_KEY] = method


# --- the identity provider -------------------------------------------------------------------


def sso() -> tuple[oidc.Settings | None, str | None]:
    """(settings, problem): the identity provider's settings when the secrets configure one,
    or the problem with them (logged; the page then says SSO is misconfigured)."""
    try:
        if not st.secrets.load_if_toml_exists():
            return None, None
        return oidc.settings(st.secrets.to_dict()), None
    except oidc.OidcConfigError as e:
        if _first_time(("config", str(e))):  # once per process, not per rerun
            log.warning("SSO is not offered: %s", e)
        return None, str(e)


def sso_claims() -> dict[str, Any] | None:
    """The provider's claims about this browser (st.user) when it is signed in there."""
    info = dict(st.user.to_dict())
    return info if info.get("is_logged_in") is True else None


_noted: OrderedDict[tuple[str, ...], None] = OrderedDict()
_noted_lock = threading.Lock()


def _first_time(key: tuple[str, ...]) -> bool:
    """Whether this process sees `key` for the first time (bounded memory)."""
    with _noted_lock:
        if key in _noted:
            return False
        _noted[key] = None
        while len(_noted) > 10_000:
            _noted.popitem(last=False)
        return True


def _audit_sso(match: oidc.Match, claims: dict[str, Any]) -> None:
    """One audit row per provider login (its ID token: issuer, subject, issued-at), not per
    rerun or browser tab: the cookie outlives sessions, a login is the provider's."""
    if match.reason == "stale":
        return
    key = tuple(str(claims.get(c, "")) for c in ("iss", "sub", "iat")) + (match.reason,)
    if st.session_state.get("_asn_sso_noted") == key or not _first_time(key):
        return
    st.session_state["_asn_sso_noted"] = key
    if match.user is not None:
        _audit(match.user.name, "login_ok", method="oidc", identity=match.identity)
    else:
        actor = match.identity or "oidc:?"
        _audit(actor, "login_failed", method="oidc", reason=match.reason)


def _sso_user(users: dict[str, auth.User]) -> auth.User | None:
    """The user the provider's identity maps to (None: no identity, or refused: the reason
    is kept for the login page)."""
    settings, _ = sso()
    claims = sso_claims() if settings else None
    if settings is None or claims is None:
        st.session_state.pop(SSO_REFUSED_KEY, None)
        return None
    match = oidc.match(users, claims, settings.email_claim, settings.max_age_hours)
    _audit_sso(match, claims)
    if match.user is None:
        st.session_state[SSO_REFUSED_KEY] = (match.reason, match.identity)
        return None
    st.session_state.pop(SSO_REFUSED_KEY, None)
    if st.session_state.get(SSO_IDENTITY_KEY) != match.identity:
        st.session_state[SSO_IDENTITY_KEY] = match.identity
    return match.user


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
    if isinstance(name, str):  # a password verified in this tab, or its session resumed
        user = users.get(name)
        sid = st.session_state.get(SESSION_KEY)
        # the session ends for every tab at once: signed out elsewhere, or the user removed,
        # or their role, scope or password changed since (sessions.valid)
        if user is None or (isinstance(sid, str) and not _session_valid(snap, sid, user)):
            _forget()
            return None
        _publish(user)
        return user
    resumed = _resume(snap, users)
    if resumed is not None:
        st.session_state[LOGIN_KEY] = resumed.user.name
        st.session_state[SESSION_KEY] = resumed.session_id
        _publish(resumed.user)
        return resumed.user
    user = _sso_user(users)
    if user is None:
        _forget()
        return None
    _publish(user, "oidc")
    return user


def _resume(snap: Snapshot, users: dict[str, auth.User]) -> sessions.Resumed | None:
    """The user this browser's session cookie admits (a reload, a new tab, a shared link)."""
    token = st.context.cookies.get(sessions.COOKIE)
    if not isinstance(token, str) or not token:
        return None
    if state.is_reader():
        # the owner's answer: a session begun (or ended) through another process a moment ago
        # may not be in this process's snapshot yet
        try:
            return state.on_owner(calls.session_resume, token, users, timeout=5)
        except owner.OwnerUnavailable:
            log.warning("sessions: the owner does not answer; checked on the snapshot")
    return sessions.resume(snap.cur, token, users)


def _session_valid(snap: Snapshot, sid: str, user: auth.User) -> bool:
    """Whether the session still admits `user`: asked of the owner in a reader process (the
    snapshot may be a publication behind a sign-out), else read in the rerun's snapshot."""
    if state.is_reader():
        try:
            return state.on_owner(calls.session_valid, sid, user, timeout=5)
        except owner.OwnerUnavailable:
            log.warning("sessions: the owner does not answer; checked on the snapshot")
    return sessions.valid(snap.cur, sid, user)


def start_session(user: auth.User, now: bool = True) -> None:
    """Begin a browser session for `user`: a row in the store, and the browser sent through
    the cookie route (a reload of the page it is on). A store that cannot write keeps the
    sign-in to this tab.

    `now=False` when the caller reruns right after: a new run clears the messages still queued
    for the browser, so the redirect would be lost; it is kept in the session instead and sent
    by the next run's `gate` (`_send_pending`)."""
    try:
        token, sid = state.on_owner(sessions.begin, user)
    except Exception:
        log.exception("sessions: could not begin a session for %s", user.name)
        return
    st.session_state[SESSION_KEY] = sid
    url = session_cookie.set_url(sessions.ticket_for(token), browser.here())
    if now:
        browser.go_to(url)
    else:
        st.session_state[PENDING_KEY] = url


def _send_pending() -> None:
    """The cookie route's redirect left by the run before (start_session(now=False))."""
    url = st.session_state.pop(PENDING_KEY, None)
    if isinstance(url, str):
        browser.go_to(url)


def _login(name: str, password: str) -> None:
    """Check the password; on success publish the user and start a browser session (its
    redirect sent by the next run: the caller reruns)."""
    try:
        users = auth.load_users(users_file()) or {}
    except auth.UsersFileError:
        users = {}
    address = browser.client_address()
    throttle = state.throttle()
    try:
        result = auth.authenticate(users, name, password, throttle, address=address)
    except owner.OwnerUnavailable:
        # a reader process whose owner is restarting: the lock counts live there
        log.warning("sign-in refused: the store's owner does not answer")
        st.session_state["_asn_login_error"] = ("owner_unavailable", 0)
        return
    for key in result.new_locks:
        kind, _, value = key.partition(":")
        _audit(
            auth.normalise_name(name),
            "lockout",
            kind="address" if kind == "addr" else "name",
            key=value if kind in ("name", "addr") else key,
            minutes=round(throttle.lock_seconds / 60),
        )
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
    start_session(result.user, now=False)


def _audit(actor: str, action: str, **detail: Any) -> None:
    """The audit log's row (analytics.store.audit.record never raises into the page)."""
    state.record(actor[:64], action, **detail)


def _sso_logout() -> None:
    """Sign out of the provider's identity (its cookie, and the provider if it offers that)."""
    _clear_session()
    st.logout()


def login_form() -> None:
    """The login page: "Sign in with SSO" when a provider is configured, and our own small
    form (user name and password) unless the settings turn it off; in the user's language."""
    st.title(t("login_title"))
    settings, problem = sso()
    refused = st.session_state.get(SSO_REFUSED_KEY)
    if refused and refused[0] != "stale":
        reason, identity = refused
        st.error(t(f"login_sso_{reason}", identity=_md(identity or "–")), icon=":material/lock:")
        st.button(
            t("auth_sso_logout"),
            on_click=_sso_logout,
            icon=":material/logout:",
            key="asn_sso_logout",
        )
        return
    st.caption(t("login_intro"))
    if refused:
        st.info(t("login_sso_stale"), icon=":material/schedule:")
    error = st.session_state.pop("_asn_login_error", None)
    if error:
        key, minutes = error
        st.error(t(key, minutes=minutes), icon=":material/lock:")
    if problem:
        st.error(t("login_sso_bad_config"), icon=":material/error:")
    elif settings is not None:
        st.button(
            t("login_sso"),
            type="primary",
            on_click=st.login,
            args=(settings.provider,),
            icon=":material/key:",
            key="asn_sso",
        )
        if not settings.password_form:
            return
        st.caption(t("login_or_password"))
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
    by_sso = st.session_state.get(METHOD_KEY) == "oidc"
    sid = st.session_state.get(SESSION_KEY)
    if isinstance(sid, str):
        try:
            # every tab of this browser, at its next click
            state.on_owner(sessions.end, sid)
        except Exception:
            log.exception("sessions: could not end a session")
    if user is not None:
        _audit(user.name, "logout", **({"method": "oidc"} if by_sso else {}))
    _clear_session()
    if sso()[0] is not None and sso_claims() is not None:
        st.logout()  # the provider's cookie too, or the next rerun signs the same person in
    elif isinstance(sid, str):
        browser.go_to(session_cookie.clear_url(browser.here()))


def _md(text: str) -> str:
    """Data text (a user's name, an agency) shown as typed in markdown (ui.widgets.md)."""

    return md(text)


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
                names = queries.names(snap)["agency"]
                scope = ", ".join(
                    [names.get(a, a) for a in user.agencies or ()] + list(user.instansi or ())
                )
            st.caption(t("auth_scope", scope=_md(scope or "–")))
        identity = st.session_state.get(SSO_IDENTITY_KEY)
        if st.session_state.get(METHOD_KEY) == "oidc" and identity:
            st.caption(t("auth_via_sso", identity=_md(str(identity))))
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
    _send_pending()
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
