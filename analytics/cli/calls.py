"""The writes a reader process asks the owner to run (analytics.store.owner.call).

A reader process serves pages from a read-only snapshot (analytics.store.snapshots), so every
write the dashboard makes goes to the process that owns the store: sign-in sessions and their
end, failed sign-ins and locks, audit rows, imports from the Data page, rollbacks, backups and
the audit log's daily trim. Each entry is `f(store, *args, **kwargs)`, named by the function it
runs (`call_name`), so the dashboard calls the same function whether it owns the store or not
(ui.state.on_owner).

Two reads are here too, because a reader's snapshot may be a publication behind: whether a
session admits its user, and whether a sign-in name or address is locked. They must be the
owner's answer now (a sign-in done through another process must be valid at once, a sign-out
must end the session everywhere at the next click).

The users file (users.toml) is not the store: readers run on the same machine as the same user
and write it themselves, under its own lock (analytics.access.users).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from analytics.access import lockout, sessions
from analytics.access.users import User
from analytics.importer import commit
from analytics.importer.sources import Source
from analytics.importer.undo import rollback
from analytics.store import audit, backup
from analytics.store.db import Store


def session_resume(store: Store, token: str, users: Mapping[str, User]) -> sessions.Resumed | None:
    with store.snapshot() as snap:
        return sessions.resume(snap.cur, token, users)


def session_valid(store: Store, sid: str, user: User) -> bool:
    with store.snapshot() as snap:
        return sessions.valid(snap.cur, sid, user)


def throttle_locked_for(store: Store, key: str) -> float:
    return lockout.StoreThrottle(store).locked_for(key)


def throttle_failed(store: Store, key: str) -> bool:
    return lockout.StoreThrottle(store).failed(key)


def throttle_succeeded(store: Store, key: str) -> None:
    lockout.StoreThrottle(store).succeeded(key)


def import_files(
    store: Store, files: list[tuple[str, str]], lang: str, username: str | None
) -> Any:
    """An import of files the reader wrote to disk (name shown, path): no upload of up to
    200 MB travels through the socket."""
    sources = [Source(name=name, data=Path(path).read_bytes()) for name, path in files]
    return commit(store, sources, lang=lang, username=username)


def call_name(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


CALLS: dict[str, Callable[..., Any]] = {
    call_name(fn): fn
    for fn in (
        sessions.begin,
        sessions.end,
        sessions.end_user,
        session_resume,
        session_valid,
        throttle_locked_for,
        throttle_failed,
        throttle_succeeded,
        audit.record,
        audit.trim,
        import_files,
        rollback,
        backup.backup,
    )
}
