"""Failed sign-ins counted in the store, per user name and per client address.

A restart of the dashboard keeps a lock (the issue: a counter in memory was forgotten by a
restart). The rules are those of analytics.access.users.Throttle: after `max_failures` failures
within `window` seconds a key is locked for `lock_seconds`, and attempts are refused unchecked
meanwhile. Keys are "name:<user name>" (5 failures) and "addr:<client address>" (20: an office
behind one address must not be locked out by one person's typing; a password sprayer is).

`failed` returns whether the key has just become locked, so the caller audits each lock once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from analytics.store.db import Store, first_row

NAME_FAILURES = 5
ADDRESS_FAILURES = 20
WINDOW = 900.0
LOCK_SECONDS = 300.0


def name_key(name: str) -> str:
    return "name:" + name[:64]


def address_key(address: str) -> str:
    return "addr:" + address[:64]


@dataclass
class StoreThrottle:
    """The Throttle interface (locked_for, failed, succeeded) on the store's login_throttle."""

    store: Store
    window: float = WINDOW
    lock_seconds: float = LOCK_SECONDS
    clock: Callable[[], float] = time.time

    def limit(self, key: str) -> int:
        return ADDRESS_FAILURES if key.startswith("addr:") else NAME_FAILURES

    def locked_for(self, key: str) -> float:
        cur = self.store.cursor()
        try:
            row = first_row(
                cur.execute("select locked_until from login_throttle where key = $k", {"k": key})
            )
        finally:
            cur.close()
        return max(0.0, float(row[0]) - self.clock()) if row else 0.0

    def failed(self, key: str) -> bool:
        """Count a failure; True when it locks the key."""
        now = self.clock()
        with self.store.write() as cur:
            row = first_row(
                cur.execute(
                    "select failures, window_start, locked_until from login_throttle "
                    "where key = $k",
                    {"k": key},
                )
            )
            failures, start, until = (0, now, 0.0) if row is None else row
            if now - float(start) >= self.window:
                failures, start = 0, now
            failures += 1
            locks = failures >= self.limit(key)
            if locks:
                failures, until = 0, now + self.lock_seconds
            cur.execute(
                "insert or replace into login_throttle values ($k, $f, $s, $u)",
                {"k": key, "f": failures, "s": float(start), "u": float(until)},
            )
            # rows of keys neither locked nor failing lately: dropped (a name-spraying attack
            # must not grow the table without end)
            cur.execute(
                "delete from login_throttle where locked_until < $now and window_start < $old",
                {"now": now, "old": now - self.window},
            )
        return locks

    def succeeded(self, key: str) -> None:
        with self.store.write() as cur:
            cur.execute("delete from login_throttle where key = $k", {"k": key})

    def lift(self, key: str) -> None:
        """An administrator lifts a lock (the same as a success)."""
        self.succeeded(key)
