"""Sign-in sessions that outlive a browser tab: a working day in every tab of one browser.

After a password sign-in the dashboard begins a session: a random token (32 bytes) that the
browser keeps in an HttpOnly cookie, and a row in the store's `sessions` table keyed by the
token's SHA-256 (the store never holds a usable token). On every rerun the dashboard looks the
token up (`resume`) and admits its user only when the row
- exists (a forged token matches nothing),
- has not ended (signing out ends it; so does an administrator removing the user),
- has not expired (ASN_SESSION_HOURS, default 10: a working day),
- and still carries the user's current stamp (a digest of role, scope and password hash), so
  changing any of these, here or with `python -m analytics user`, ends the user's sessions at
  their next click without anybody having to remember to.

The cookie is set by a small HTTP route (ui/session_cookie.py), since a Streamlit script cannot
set response headers. The script hands the token over through a one-time ticket that lives a
minute in this process's memory, so the token itself never appears in a URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb

from analytics.access.users import User
from analytics.core.settings import env_number
from analytics.store.db import Store, first_row

COOKIE = "asn_session"
DEFAULT_HOURS = 10.0
TICKET_SECONDS = 60.0
TOKEN_BYTES = 32


def session_hours() -> float:
    """ASN_SESSION_HOURS (a positive number), else DEFAULT_HOURS."""
    return env_number("ASN_SESSION_HOURS", DEFAULT_HOURS, lambda h: 0 < h <= 24 * 31, float)


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def stamp(user: User) -> str:
    """What a session depends on: role, scope and password hash (digested, never stored)."""
    parts = [
        user.role,
        "|".join(user.agencies or ()),
        "|".join(user.instansi or ()),
        user.password_hash,
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def begin(store: Store, user: User, hours: float | None = None) -> tuple[str, str]:
    """Start a session for `user`; returns (token for the browser, session id)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    sid = token_id(token)
    now = _now()
    expires = now + dt.timedelta(hours=hours if hours is not None else session_hours())
    with store.write() as cur:
        cur.execute(
            "insert into sessions (id, user_name, stamp, created_at, expires_at) "
            "values ($id, $name, $stamp, $at, $until)",
            {"id": sid, "name": user.name, "stamp": stamp(user), "at": now, "until": expires},
        )
        # expired rows are of no use to anybody: dropped as new ones come
        cur.execute("delete from sessions where expires_at < $at - interval 7 day", {"at": now})
    return token, sid


def valid(cur: duckdb.DuckDBPyConnection, sid: str, user: User) -> bool:
    """Whether the session `sid` still admits `user` (see the module's rules)."""
    row = first_row(
        cur.execute(
            "select user_name, stamp, expires_at, ended_at from sessions where id = $id",
            {"id": sid},
        )
    )
    if row is None:
        return False
    name, their_stamp, expires, ended = row
    if ended is not None or expires <= _now():
        return False
    return bool(name == user.name and secrets.compare_digest(their_stamp, stamp(user)))


@dataclass(frozen=True)
class Resumed:
    user: User
    session_id: str


def resume(cur: duckdb.DuckDBPyConnection, token: str, users: Mapping[str, User]) -> Resumed | None:
    """The user a browser's token admits now, or None (unknown, ended, expired, stale)."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    sid = token_id(token)
    row = first_row(cur.execute("select user_name from sessions where id = $id", {"id": sid}))
    if row is None:
        return None
    user = users.get(str(row[0]))
    if user is None or not user.password_hash or not valid(cur, sid, user):
        return None
    return Resumed(user, sid)


def end(store: Store, sid: str) -> None:
    """Sign out one session."""
    with store.write() as cur:
        cur.execute(
            "update sessions set ended_at = $at where id = $id and ended_at is null",
            {"at": _now(), "id": sid},
        )


def end_user(store: Store, name: str) -> int:
    """End every open session of `name` (removed, reset or signed out everywhere)."""
    with store.write() as cur:
        params = {"at": _now(), "name": name}
        open_rows = "user_name = $name and ended_at is null"
        row = first_row(
            cur.execute(f"select count(*) from sessions where {open_rows}", {"name": name})
        )
        cur.execute(f"update sessions set ended_at = $at where {open_rows}", params)
    return int(row[0]) if row else 0


# --- the hand-over of a token to the cookie route --------------------------------------------

_tickets: dict[str, tuple[str, float]] = {}
_tickets_lock = threading.Lock()


def ticket_for(token: str) -> str:
    """A one-time ticket that the cookie route exchanges for `token` within TICKET_SECONDS."""
    ticket = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _tickets_lock:
        for k in [k for k, (_, until) in _tickets.items() if until < now]:
            del _tickets[k]
        _tickets[ticket] = (token, now + TICKET_SECONDS)
    return ticket


def redeem(ticket: str) -> str | None:
    """The token of a ticket, once; None for an unknown, used or late ticket."""
    with _tickets_lock:
        entry = _tickets.pop(ticket, None)
    if entry is None or entry[1] < time.monotonic():
        return None
    return entry[0]
