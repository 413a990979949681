"""The process model: one owner process holds the store; other processes' commands reach it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from analytics.store import owner
from analytics.store.db import Store, StoreBusy
from tests.support.owner import HOLDER_SCRIPT, OWNER_SCRIPT, _start


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analytics", *args], capture_output=True, text=True, timeout=120
    )


def test_command_is_forwarded_to_the_serving_owner(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    proc = _start(OWNER_SCRIPT, db)
    try:
        assert owner.socket_path(db).exists()
        # The file is locked by the owner: opening it here must fail...
        with pytest.raises(StoreBusy):
            Store(db)
        # ...but the command line still works, through the owner.
        result = _cli("info", "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert "data version 0" in result.stdout
    finally:
        proc.communicate("", timeout=30)
    assert not owner.socket_path(db).exists()  # removed on exit


def test_relative_paths_resolve_in_the_callers_directory(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    proc = _start(OWNER_SCRIPT, db)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "analytics", "info", "--db", "asn.duckdb"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
            env={**__import__("os").environ, "PYTHONPATH": str(Path.cwd())},
        )
        assert result.returncode == 0, result.stderr
        assert str(db) in result.stdout
    finally:
        proc.communicate("", timeout=30)


def test_a_stale_socket_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    path = owner.socket_path(db)
    path.write_text("")  # not a socket: an owner that died and left a file behind
    try:
        result = _cli("info", "--db", str(db))
        assert result.returncode == 0, result.stderr
    finally:
        path.unlink(missing_ok=True)


def test_a_holder_that_does_not_serve_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    proc = _start(HOLDER_SCRIPT, db)
    try:
        started = time.monotonic()
        result = _cli("info", "--db", str(db))
        assert result.returncode == 3
        assert "in use by another process" in result.stderr
        assert "Traceback" not in result.stderr
        assert time.monotonic() - started < 60
    finally:
        proc.communicate("", timeout=30)


def test_derived_tables_of_an_older_layout_are_rebuilt_on_open(tmp_path: Path) -> None:
    from analytics.store import derived

    db = tmp_path / "asn.duckdb"
    store = Store(db)
    with store.write() as cur:
        cur.execute("insert into agencies values (1, 'A', 'Agency A', null)")
        cur.execute("insert into positions values (1, 'P', 'Pos', 'Pelaksana', 'Administrasi')")
        cur.execute("insert into competencies values (1, 'M.1', 'Integritas', 'manajerial')")
        cur.execute("insert into standards values (1, 1, 3)")
        cur.execute(
            "insert into employees values (1, '198501012010011001', 'X', 1, 'U', 1, "
            "null, null, null, null)"
        )
        cur.execute("insert into assessments values (1, 1, date '2024-03-01', 2.5, null, null)")
        derived.refresh(cur)
        # an older program wrote these derived rows and layout
        cur.execute("update meta set value = 'old' where key = 'derived_version'")
        cur.execute("delete from score")
    store.close()
    store = Store(db)
    with store.snapshot() as snap:
        assert snap.cur.execute("select count(*) from score").fetchone() == (1,)
        version = snap.cur.execute(
            "select value from meta where key = 'derived_version'"
        ).fetchone()
    assert version == (derived.DERIVED_VERSION,)
    store.close()


def test_calls_run_in_the_owner_and_bring_back_results_and_errors(tmp_path: Path) -> None:
    """What a reader process sends: the function's result, or its exception as raised."""
    from analytics.access import sessions
    from analytics.access.users import User
    from analytics.cli.calls import call_name, session_valid
    from analytics.importer.undo import UndoRefused, rollback, text
    from tests.support.owner import CALLS_OWNER_SCRIPT

    db = tmp_path / "asn.duckdb"
    with pytest.raises(owner.OwnerUnavailable):
        owner.call(db, call_name(sessions.begin))
    proc = _start(CALLS_OWNER_SCRIPT, db)
    try:
        user = User(name="budi", role="admin", password_hash="$argon2id$x")
        token, sid = owner.call(db, call_name(sessions.begin), user)
        assert sessions.token_id(token) == sid
        # the row is in the owner's store at once: checked there, it admits the user
        assert owner.call(db, call_name(session_valid), sid, user, timeout=5) is True
        owner.call(db, call_name(sessions.end), sid)
        assert owner.call(db, call_name(session_valid), sid, user, timeout=5) is False
        with pytest.raises(UndoRefused) as refused:
            owner.call(db, call_name(rollback), 99)
        # the exception arrives whole: its message can be put in the user's language
        assert refused.value.message("en") == text(refused.value.code, "en", **refused.value.params)
        with pytest.raises(LookupError):
            owner.call(db, "os.system", "true")  # only the listed functions run
    finally:
        proc.communicate("", timeout=30)
    with pytest.raises(owner.OwnerUnavailable):
        owner.call(db, call_name(sessions.begin), user)
