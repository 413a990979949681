"""The audit log: who did what, when, and with which filters (the "Trust" issue, part 3).

Two ways in:
- `write(cur, actor, action, detail)` inside a write transaction the caller owns. Imports and
  rollbacks (and restores) use it, so their audit row commits or rolls back with the change
  itself: an import without its audit row cannot exist, and a rejected import leaves neither.
- `record(store, actor, action, **detail)` for everything else (logins, exports, reports,
  backups): its own short write through Store.write(). It never raises: a failure to audit a
  download is logged loudly on the server but does not break the user's page.

A rejected import is not audited: it changed nothing (the importer's promise is that a rejected
import leaves the store exactly as it was, which the fuzz tests check table by table).

`detail` is a JSON object: file names, import id, row counts, the Filters fields (never a NIP or
a name: filters hold none) and the data version an export or report was read from. Actors are a
dashboard user's name, "demo" on an open demo store, or "cli:<OS user>" on the command line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import logging
from collections.abc import Mapping
from typing import Any

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.core.settings import env_number
from analytics.store.db import Store, first_row

log = logging.getLogger(__name__)

ACTIONS = (
    "login_ok",
    "login_failed",
    "logout",
    "import",
    "rollback",
    "backup",
    "restore",
    "export",
    "report",
    "lockout",
    "password_change",
    "user_add",
    "user_change",
    "user_password_reset",
    "user_remove",
    "audit_trim",
)
PAGE = 50


def cli_actor(user: str | None = None) -> str:
    """The actor of a command-line command: "cli:" + the OS user name."""
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # a container without a passwd entry
            user = "?"
    return f"cli:{user}"


def filters_detail(filters: Filters) -> dict[str, Any]:
    """The Filters fields that differ from the defaults, as JSON-ready values (tuples become
    lists). The data version is left out: it is recorded on its own, as `data_version`."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(filters):
        if f.name == "data_version":
            continue
        value = getattr(filters, f.name)
        default = f.default if f.default is not dataclasses.MISSING else None
        if value == default:
            continue
        out[f.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Filters):
        return filters_detail(value)
    return value


def detail_json(detail: Mapping[str, Any]) -> str:
    return json.dumps(_plain(detail), ensure_ascii=False, sort_keys=True, default=str)


def write(
    cur: duckdb.DuckDBPyConnection, actor: str, action: str, detail: Mapping[str, Any]
) -> int:
    """Append one row inside the caller's write transaction; returns its id. Raises on failure
    (the caller's transaction then rolls back with it)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    row = first_row(cur.execute("select coalesce(max(id), 0) + 1 from audit_log"))
    new_id = int(row[0]) if row else 1
    cur.execute(
        "insert into audit_log (id, logged_at, actor, action, detail) "
        "values ($id, $at, $actor, $action, $detail)",
        {
            "id": new_id,
            "at": dt.datetime.now(dt.UTC),
            "actor": actor or "?",
            "action": action,
            "detail": detail_json(detail),
        },
    )
    return new_id


def record(store: Store, actor: str, action: str, **detail: Any) -> int | None:
    """Append one row in a write of its own; returns its id, or None when it could not be
    written (logged, never raised: auditing a download must not break the page)."""
    try:
        with store.write() as cur:
            return write(cur, actor, action, detail)
    except Exception:
        log.exception("audit: could not record %s by %s", action, actor)
        return None


# ---------------------------------------------------------------------------------------------
# Reading.


def _where(
    actor: str | None, action: str | None, since: dt.date | None, until: dt.date | None
) -> tuple[str, dict[str, Any]]:
    parts: list[str] = ["true"]
    params: dict[str, Any] = {}
    if actor:
        parts.append("actor = $actor")
        params["actor"] = actor
    if action:
        parts.append("action = $action")
        params["action"] = action
    if since is not None:  # whole days in the server's time zone
        parts.append("logged_at >= $since::timestamptz")
        params["since"] = since
    if until is not None:
        parts.append("logged_at < ($until::date + 1)::timestamptz")
        params["until"] = until
    return " and ".join(parts), params


def listing(
    cur: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """One page of the log, newest first, and how many rows match in all.

    Grain: one audited action. Columns: id, logged_at (in the server's time zone), actor,
    action, detail (the JSON object, parsed)."""
    where, params = _where(actor, action, since, until)
    total_row = first_row(cur.execute(f"select count(*) from audit_log where {where}", params))
    total = int(total_row[0]) if total_row else 0
    rows = cur.execute(
        f"""
        select id, logged_at, actor, action, detail from audit_log
        where {where}
        order by logged_at desc, id desc
        limit $limit offset $offset
        """,
        {**params, "limit": int(limit), "offset": int(offset)},
    ).fetchall()
    df = pd.DataFrame(
        [(i, at, who, what, json.loads(d or "{}")) for i, at, who, what, d in rows],
        columns=["id", "logged_at", "actor", "action", "detail"],
    )
    return df, total


def actors(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """Every actor in the log, for the filter's choices."""
    rows = cur.execute("select distinct actor from audit_log order by 1").fetchall()
    return [str(r[0]) for r in rows]


def all_rows(cur: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """Every matching row, newest first (for the CSV download of a filtered view)."""
    df, _ = listing(cur, **filters, limit=1_000_000_000, offset=0)
    return df


# ---------------------------------------------------------------------------------------------
# Retention.

DEFAULT_KEEP_YEARS = 5


def keep_years() -> int:
    """ASN_AUDIT_YEARS (a whole number of years, at least 1), else DEFAULT_KEEP_YEARS."""
    return env_number("ASN_AUDIT_YEARS", DEFAULT_KEEP_YEARS, lambda y: 1 <= y <= 100, int)


def trim(store: Store, actor: str, years: int | None = None, now: dt.datetime | None = None) -> int:
    """Delete the rows older than `years` (default keep_years()) and record the trim itself,
    in one transaction; returns how many rows went. A trim that finds nothing is not recorded
    (the dashboard tries once a day)."""
    years = keep_years() if years is None else years
    now = now or dt.datetime.now(dt.UTC)
    cutoff = (
        now.replace(year=now.year - years)
        if not (now.month == 2 and now.day == 29)
        else (now.replace(year=now.year - years, day=28))
    )
    with store.write() as cur:
        row = first_row(
            cur.execute("select count(*) from audit_log where logged_at < $c", {"c": cutoff})
        )
        gone = int(row[0]) if row else 0
        if gone:
            cur.execute("delete from audit_log where logged_at < $c", {"c": cutoff})
            write(cur, actor, "audit_trim", {"rows": gone, "years": years, "before": cutoff})
    return gone


def last_logins(cur: duckdb.DuckDBPyConnection) -> dict[str, dt.datetime]:
    """Each actor's latest successful sign-in (within the log's retention)."""
    rows = cur.execute(
        "select actor, max(logged_at) from audit_log where action = 'login_ok' group by actor"
    ).fetchall()
    return {str(a): at for a, at in rows}
