"""The dashboard as a reader process (ui.serve --reader), headless (AppTest): it reads the
snapshots an owner process publishes and every write it makes reaches the owner: sign-in
sessions, failed sign-ins and locks, audit rows, a rollback from the Data page. The owner is a
real second process (tests/support/owner.py), so nothing here can write the store by mistake:
this process only ever opens snapshot files read-only."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from analytics.access import lockout, sessions
from analytics.access import users as auth
from analytics.cli import calls
from analytics.store import owner, snapshots
from analytics.store.db import Store
from tests.support.apptest import open_section
from tests.support.owner import PUBLISHING_OWNER_SCRIPT, _start

ROOT = Path(__file__).resolve().parents[2]
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "sandi-admin-1"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analytics.demo.build import build_demo

    path = tmp_path_factory.mktemp("demo") / "asn.duckdb"
    store = Store(path)
    try:
        assert build_demo(store, employees=300, seed=7, out=io.StringIO(), err=io.StringIO()) == 0
    finally:
        store.close()
    return path


@dataclass
class Reader:
    db: Path
    replica: snapshots.Replica
    owner: subprocess.Popen[str]


@pytest.fixture
def reader(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Reader]:
    from ui import state as ui_state

    db = tmp_path / "asn.duckdb"
    shutil.copyfile(demo_file, db)
    users = tmp_path / "users.toml"
    auth.add_user(users, "root", "admin", PASSWORD, hasher=FAST)
    monkeypatch.setenv("ASN_DB", str(db))
    monkeypatch.setenv("ASN_USERS", str(users))
    proc = _start(PUBLISHING_OWNER_SCRIPT, db)
    try:
        replica = snapshots.Replica(db, wait_seconds=30)
        monkeypatch.setattr(ui_state, "_replica", replica)
        st.cache_data.clear()
        yield Reader(db, replica, proc)
        replica.close()
    finally:
        if proc.poll() is None:
            proc.communicate("", timeout=60)


def ask(db: Path, fn: object, *args: object) -> object:
    return owner.call(db, calls.call_name(fn), *args, timeout=30)  # type: ignore[arg-type]


def login_form(at: AppTest, name: str, password: str) -> None:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()


def test_a_sign_in_on_a_reader_is_written_by_the_owner(reader: Reader) -> None:
    from ui.auth import LOGIN_KEY, SESSION_KEY

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    login_form(at, "root", PASSWORD)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[LOGIN_KEY] == "root"
    sid = at.session_state[SESSION_KEY]
    user = auth.load_users(Path(os.environ["ASN_USERS"]))["root"]  # type: ignore[index]
    # the owner holds the session (the snapshot may not yet) and admits it
    assert ask(reader.db, calls.session_valid, sid, user) is True
    # signing out on the reader ends it in the owner at once
    next(b for b in at.get("button") if b.key == "asn_logout").click().run()
    assert ask(reader.db, calls.session_valid, sid, user) is False


def test_failed_sign_ins_on_a_reader_lock_the_name_in_the_owner(
    reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.i18n import text

    monkeypatch.setattr(auth, "FAILURE_DELAY", 0.0)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    for _ in range(lockout.NAME_FAILURES):
        login_form(at, "root", "salah-sekali")
        assert not at.exception, [e.value for e in at.exception]
    # (AppTest has no client address: the throttle's key is then the bare name)
    locked = ask(reader.db, calls.throttle_locked_for, "root")
    assert isinstance(locked, float) and locked > 0
    # the right password is refused now, here and (the lock lives in the owner) everywhere
    login_form(at, "root", PASSWORD)
    assert [e.value for e in at.error] == [text("login_locked", "id", minutes=5)]


def _cli_import(db: Path, folder: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "import", "--lang", "en", str(folder)],
        cwd=ROOT,
        env={**os.environ, "ASN_DB": str(db), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return int(re.search(r"Import #(\d+) stored", done.stdout)[1])  # type: ignore[index]


def test_a_rollback_on_a_readers_data_page_is_made_by_the_owner(
    reader: Reader, tmp_path: Path
) -> None:
    from ui.auth import LOGIN_KEY

    folder = tmp_path / "imp"
    folder.mkdir()
    (folder / "agencies.csv").write_text(
        "agency_id,agency_name,instansi\n9.99.02,Dinas Uji Pembacaan,Pemerintah Provinsi Jambi\n"
    )
    new = _cli_import(reader.db, folder)
    assert reader.replica.wait_for(new, timeout=30)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state[LOGIN_KEY] = "root"
    at.run()
    at.switch_page("pages/data.py").run()
    open_section(at, "data_bagian", "data_tab_store")  # the rollback panel's tab
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key=f"undo_choice_{new}").set_value(new).run()
    at.button(key=f"undo_go_{new}_{new}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # the owner rolled it back (a new data version), and this rerun already reads a snapshot
    # that holds it: the reader waited for its publication
    assert reader.replica.manifest is not None and reader.replica.manifest.data_version == new + 1
    with reader.replica.snapshot() as snap:
        assert snap.version == new + 1
        status = snap.cur.execute(
            "select status from import_log where import_id = $i", {"i": new}
        ).fetchall()
        assert status == [("rolled_back",)]
        actor = snap.cur.execute("select actor from audit_log where action = 'rollback'").fetchall()
        assert actor == [("root",)]
    assert any(f"#{new}" in s.value for s in at.success)


def test_the_session_functions_reach_the_owner_and_nothing_else_runs(reader: Reader) -> None:
    user = auth.load_users(Path(os.environ["ASN_USERS"]))["root"]  # type: ignore[index]
    token, sid = ask(reader.db, sessions.begin, user)  # type: ignore[misc]
    assert ask(reader.db, calls.session_resume, token, {"root": user}) == sessions.Resumed(
        user, sid
    )
    with pytest.raises(LookupError):
        ask(reader.db, shutil.rmtree, str(reader.db.parent))
    assert reader.db.exists()
    # the owner keeps serving after a refused call
    assert ask(reader.db, calls.session_valid, sid, user) is True


def test_with_the_owner_gone_a_reader_still_serves_and_refuses_writes_in_words(
    reader: Reader,
) -> None:
    """The owner restarting: pages keep coming from the last snapshot, a sign-in says the
    server is restarting (no traceback), and nothing is written anywhere."""
    from ui.i18n import text

    reader.owner.communicate("", timeout=60)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    login_form(at, "root", PASSWORD)
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [text("owner_unavailable", "id")]
    with reader.replica.snapshot() as snap:
        assert snap.cur.execute("select count(*) from sessions").fetchall() == [(0,)]


@pytest.mark.parametrize(
    "argv, env, expected",
    [
        (["--server.port", "8501"], "", ("single", ["--server.port", "8501"])),
        (["--owner", "--server.port", "8501"], "", ("owner", ["--server.port", "8501"])),
        (["--server.port", "8502", "--reader"], "", ("reader", ["--server.port", "8502"])),
        ([], "reader", ("reader", [])),
        (["--owner"], "reader", ("owner", [])),  # the flag wins
    ],
)
def test_the_role_of_a_served_process(
    argv: list[str], env: str, expected: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.serve import role

    monkeypatch.setenv("ASN_SERVE_ROLE", env)
    assert role(argv) == expected


@pytest.mark.parametrize("argv, env", [(["--owner", "--reader"], ""), ([], "writer")])
def test_a_contradictory_role_stops_the_start(
    argv: list[str], env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.serve import role

    monkeypatch.setenv("ASN_SERVE_ROLE", env)
    with pytest.raises(SystemExit):
        role(argv)
