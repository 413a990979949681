"""An owner process for tests: a store served to other processes' commands (analytics.store.owner),
or only held (locked), started as a child process that stays until its stdin closes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OWNER_SCRIPT = """
import sys, time
from analytics.store.db import Store
from analytics.cli.main import run
from analytics.store import owner
store = Store(sys.argv[1])
owner.serve(store, run)
print("ready", flush=True)
sys.stdin.read()   # serve until the test closes our stdin
"""

# An owner that also runs the dashboard's writes for reader processes (analytics.cli.calls).
CALLS_OWNER_SCRIPT = """
import sys
from analytics.store.db import Store
from analytics.cli.calls import CALLS
from analytics.cli.main import run
from analytics.store import owner
store = Store(sys.argv[1])
owner.serve(store, run, CALLS)
print("ready", flush=True)
sys.stdin.read()
"""

# `python -m ui.serve --owner` without the pages: serves calls and publishes snapshots.
PUBLISHING_OWNER_SCRIPT = """
import sys
from analytics.store.db import Store
from analytics.cli.calls import CALLS
from analytics.cli.main import run
from analytics.store import owner
from analytics.store.snapshots import Publisher
store = Store(sys.argv[1])
owner.serve(store, run, CALLS)
Publisher(store, poll_seconds=0.2).start()
print("ready", flush=True)
sys.stdin.read()
"""

HOLDER_SCRIPT = """
import sys
from analytics.store.db import Store
store = Store(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


def _start(script: str, db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc
