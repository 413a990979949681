"""`python -m ui.serve`, timed for the load driver: every script run (rerun), store snapshot and
write transaction of the dashboard process is logged to $ASN_LOAD_LOG, one JSON line each.

A line holds the thread's name and three readings of the system-wide monotonic clock (the
driver's `time.monotonic()` reads the same clock): asked for, got, released. For a snapshot,
"got - asked" is how long the reader waited for the store (cursor, read transaction, version),
"released - got" the rerun's work on it; for a write, "got - asked" is the wait for the writer
lock and "released - got" the transaction up to its commit. Only for measuring: the dashboard
proper is `python -m ui.serve`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402

from analytics.store.db import Store  # noqa: E402
from analytics.store.snapshots import Replica  # noqa: E402

_lock = threading.Lock()
_log = open(os.environ["ASN_LOAD_LOG"], "a", buffering=1, encoding="utf-8")  # noqa: SIM115


def _timed(kind: str, original: Callable[[Store], AbstractContextManager]) -> Callable:
    @contextmanager
    def timed(self: Store) -> Iterator[object]:
        asked = time.monotonic()
        with original(self) as value:
            got = time.monotonic()
            try:
                yield value
            finally:
                line = {
                    "kind": kind,
                    "thread": threading.current_thread().name,
                    "asked": asked,
                    "got": got,
                    "released": time.monotonic(),
                }
                with _lock:
                    _log.write(json.dumps(line) + "\n")

    return timed


def _timed_run(original: Callable) -> Callable:
    def run(self: object, rerun_data: object) -> None:
        start = time.monotonic()
        try:
            original(self, rerun_data)
        finally:
            line = {
                "kind": "rerun",
                "thread": threading.current_thread().name,
                "asked": start,
                "got": start,
                "released": time.monotonic(),
            }
            with _lock:
                _log.write(json.dumps(line) + "\n")

    return run


Store.snapshot = _timed("snapshot", Store.snapshot)  # type: ignore[method-assign]
Replica.snapshot = _timed("snapshot", Replica.snapshot)  # type: ignore[method-assign,arg-type]
Store.write = _timed("write", Store.write)  # type: ignore[method-assign]
ScriptRunner._run_script = _timed_run(ScriptRunner._run_script)  # type: ignore[method-assign]

if __name__ == "__main__":
    from ui import serve

    serve.main()
