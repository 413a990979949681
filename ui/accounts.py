"""Accounts without a shell: the Pengguna page's panel (admins) and the own-password form.

Every change goes through analytics.access.users (the same code as `python -m analytics user`)
and is audited; a user's sessions end at their next click when their role, scope or password
changes (analytics.access.sessions, by the stamp), and at once when they are removed or their
password is reset (sessions.end_user). Each action checks the admin right again when it runs, so
the page's widgets are not the only guard.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd
import streamlit as st

from analytics.access import sessions
from analytics.access import users as auth
from analytics.store import audit, owner
from analytics.store.db import Snapshot
from ui import auth as login
from ui import browser, queries, session, state
from ui.state import t

log = logging.getLogger(__name__)
OTP_KEY = "_asn_one_time"  # (name, password) shown once after an add or a reset


def _audit(action: str, **detail: Any) -> None:
    user = session.signed_in()
    state.record(user.name if user else "?", action, **detail)


def _end_sessions(name: str) -> None:
    """End `name`'s sessions in the store (through the owner in a reader process). Should the
    owner not answer, they end all the same at their next click: a changed password or a
    removed user no longer matches them (analytics.access.sessions.valid)."""
    try:
        state.on_owner(sessions.end_user, name)
    except owner.OwnerUnavailable:
        log.warning("sessions of %s not ended now: the store's owner does not answer", name)


def _problem(e: ValueError) -> None:
    key = f"users_problem_{e}"
    st.error(t(key) if key in _known() else str(e), icon=":material/error:")


def _known() -> set[str]:
    from ui.i18n import TEXT

    return set(TEXT)


# --- everyone: the own password ----------------------------------------------------------------


def password_form(user: auth.User, key: str) -> None:
    """Current password, new one twice. The current one is checked like a sign-in (throttled
    per name and address: a borrowed session cannot guess it)."""
    with st.form(key, clear_on_submit=True):
        current = st.text_input(t("account_current"), type="password", key=f"{key}_cur")
        new = st.text_input(t("account_new"), type="password", key=f"{key}_new")
        again = st.text_input(t("account_repeat"), type="password", key=f"{key}_again")
        submitted = st.form_submit_button(t("account_submit"), type="primary")
    if not submitted:
        return
    users = auth.load_users(auth.users_path()) or {}
    throttle = state.throttle()
    try:
        checked = auth.authenticate(
            users, user.name, current, throttle, address=browser.client_address()
        )
    except owner.OwnerUnavailable:
        st.error(t("owner_unavailable"), icon=":material/sync_problem:")
        return
    if checked.user is None:
        st.error(t("account_wrong"), icon=":material/lock:")
        return
    if new != again:
        st.error(t("account_mismatch"))
        return
    if new == current:
        st.error(t("account_same"))
        return
    try:
        changed = auth.set_password(auth.users_path(), user.name, new, must_change=False)
    except ValueError as e:
        _problem(e)
        return
    _end_sessions(user.name)
    _audit("password_change")
    st.toast(t("account_saved"), icon=":material/check:")
    login.start_session(changed)  # this tab goes on, with a new cookie


def frame(user: auth.User, url_paths: tuple[str, ...]) -> None:
    """After the gate: a one-time password must be replaced before any page opens; everyone
    with a password may change it from the sidebar."""
    if not user.password_hash:  # the demo viewer, or a user of the identity provider only
        return
    if user.must_change and st.session_state.get(login.METHOD_KEY) == "password":
        title = t("account_must_change_title")

        def page() -> None:
            st.title(title)
            st.info(t("account_must_change"), icon=":material/key:")
            password_form(user, "asn_forced_password")

        st.navigation(
            [st.Page(page, title=title, url_path="sandi", default=True)]
            + [st.Page(page, title=title, url_path=p) for p in url_paths],
            position="hidden",
        ).run()
        st.stop()
    with st.sidebar, st.popover(t("account_password"), icon=":material/key:", width="stretch"):
        password_form(user, "asn_own_password")


# --- admins: the Pengguna page ----------------------------------------------------------------


def _scope_words(user: auth.User, names: dict[str, str]) -> str:
    if user.role != "perencana":
        return t("auth_scope_all")
    return ", ".join([names.get(a, a) for a in user.agencies or ()] + list(user.instansi or ()))


def _split(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(",") if x.strip())


def _show_one_time() -> None:
    shown = st.session_state.pop(OTP_KEY, None)
    if shown:
        name, password = shown
        st.success(t("users_one_time", name=login._md(name)), icon=":material/key:")
        st.code(password, language=None)


def admin_panel(snap: Snapshot) -> None:
    if not session.may("users"):
        st.error(t("auth_admin_only"), icon=":material/lock:")
        return
    path = auth.users_path()
    try:
        users = auth.load_users(path) or {}
    except auth.UsersFileError:
        st.error(t("users_bad_file"), icon=":material/error:")
        return
    me = session.signed_in()
    agency_names = queries.names(snap)["agency"]
    _show_one_time()
    last = audit.last_logins(snap.cur)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("users_col_name"): u.name,
                    t("users_col_role"): t(f"role_{u.role}"),
                    t("users_col_scope"): _scope_words(u, agency_names),
                    t("users_col_sso"): auth.describe_identity(u),
                    t("users_col_last"): last.get(u.name),
                    t("users_col_must_change"): u.must_change,
                }
                for u in sorted(users.values(), key=lambda u: u.name)
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    roles = list(auth.ROLES)
    with st.expander(t("users_add"), icon=":material/person_add:"):
        with st.form("asn_user_add", clear_on_submit=True):
            name = st.text_input(t("users_name"), key="asn_user_add_name")
            role = st.selectbox(
                t("users_role"), roles, format_func=lambda r: t(f"role_{r}"), key="asn_ua_role"
            )
            agencies = st.multiselect(
                t("users_agencies"),
                sorted(agency_names),
                format_func=lambda a: agency_names.get(a, a),
                key="asn_ua_agencies",
            )
            instansi = st.text_input(t("users_instansi"), key="asn_ua_instansi")
            added = st.form_submit_button(t("users_add_submit"), type="primary")
        if added:
            _add(path, users, name, role, tuple(agencies), _split(instansi))
    st.subheader(t("users_edit"))
    others = sorted(n for n in users if me is None or n != me.name)
    if not others:
        st.caption(t("users_not_self"))
        return
    pick = st.selectbox(t("users_pick"), others, key="asn_user_pick")
    user = users[pick]
    with st.form(f"asn_user_edit_{pick}"):
        role = st.selectbox(
            t("users_role"),
            roles,
            index=roles.index(user.role),
            format_func=lambda r: t(f"role_{r}"),
            key=f"asn_ue_role_{pick}",
        )
        agencies = st.multiselect(
            t("users_agencies"),
            sorted(set(agency_names) | set(user.agencies or ())),
            default=list(user.agencies or ()),
            format_func=lambda a: agency_names.get(a, a),
            key=f"asn_ue_agencies_{pick}",
        )
        instansi = st.text_input(
            t("users_instansi"), value=", ".join(user.instansi or ()), key=f"asn_ue_ins_{pick}"
        )
        saved = st.form_submit_button(t("users_save"), type="primary")
    if saved:
        _change(path, pick, role, tuple(agencies), _split(instansi))
    left, right = st.columns(2)
    with left:
        if st.button(t("users_reset"), icon=":material/lock_reset:", key=f"asn_reset_{pick}"):
            _reset(path, pick)
    with right:
        sure = st.checkbox(t("users_remove_confirm", name=pick), key=f"asn_rm_ok_{pick}")
        if st.button(
            t("users_remove"), icon=":material/person_remove:", disabled=not sure, key="asn_rm"
        ):
            _remove(path, pick)
    st.caption(t("users_not_self"))


def _guard(name: str) -> bool:
    """Whether the signed-in admin may act on `name` now (never on themself here)."""
    me = session.signed_in()
    return session.may("users") and me is not None and me.name != auth.normalise_name(name)


def _add(
    path: Any,
    users: dict[str, auth.User],
    name: str,
    role: str,
    agencies: tuple[str, ...],
    instansi: tuple[str, ...],
) -> None:
    name = auth.normalise_name(name)
    if not _guard(name):
        return
    if name in users:
        st.error(t("users_exists", name=login._md(name)))
        return
    if role != "perencana":
        agencies, instansi = (), ()
    password = auth.one_time_password()
    try:
        auth.add_user(path, name, role, password, agencies, instansi, must_change=True)
    except ValueError as e:
        _problem(e)
        return
    _audit("user_add", user=name, role=role, agencies=agencies, instansi=instansi)
    st.session_state[OTP_KEY] = (name, password)
    st.rerun()


def _change(
    path: Any, name: str, role: str, agencies: tuple[str, ...], instansi: tuple[str, ...]
) -> None:
    if not _guard(name):
        return
    if role != "perencana":
        agencies, instansi = (), ()
    try:
        auth.change_user(path, name, role, agencies, instansi)
    except ValueError as e:
        _problem(e)
        return
    _audit("user_change", user=name, role=role, agencies=agencies, instansi=instansi)
    st.toast(t("users_saved", name=name), icon=":material/check:")


def _reset(path: Any, name: str) -> None:
    if not _guard(name):
        return
    password = auth.one_time_password()
    try:
        auth.set_password(path, name, password, must_change=True)
    except ValueError as e:
        _problem(e)
        return
    _end_sessions(name)
    _audit("user_password_reset", user=name)
    st.session_state[OTP_KEY] = (name, password)
    st.rerun()


def _remove(path: Any, name: str) -> None:
    if not _guard(name):
        return
    if auth.remove_user(path, name):
        _end_sessions(name)
        _audit("user_remove", user=name)
        st.session_state.pop("asn_user_pick", None)
        st.toast(t("users_removed", name=name), icon=":material/check:")
        st.rerun()
