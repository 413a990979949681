"""Users and roles (analytics.access.users): hashing, the users file, logins with lockout, the Filters a
role gets, and `python -m analytics user add|remove|list` end to end."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from argon2 import PasswordHasher

from analytics.access import users as auth
from analytics.core.filters import Filters
from tests.support.fixtures import E, rows, store_of, world

ROOT = Path(__file__).resolve().parents[3]
# Cheap parameters for the users these tests make (verify reads them from the hash); the CLI
# test below uses the real defaults.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PROV, KERINCI = "Pemerintah Provinsi Jambi", "Pemerintah Kabupaten Kerinci"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_hash_is_argon2id_and_verifies_only_its_password() -> None:
    h = auth.hash_password("rahasia-123", FAST)
    assert h.startswith("$argon2id$") and "rahasia-123" not in h
    assert auth.verify_password(h, "rahasia-123")
    assert not auth.verify_password(h, "rahasia-124")
    assert not auth.verify_password(h, "")
    assert not auth.verify_password("not a hash", "rahasia-123")
    assert auth.hash_password("rahasia-123", FAST) != h, "salted: the same password hashes anew"


def test_the_users_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "users.toml"
    assert auth.load_users(path) is None
    auth.add_user(
        path, "Budi", "perencana", "sandi-budi-1", agencies=("BKD", "DINKES"), hasher=FAST
    )
    auth.add_user(path, "kepala", "pimpinan", "sandi-kepala", hasher=FAST)
    auth.add_user(path, "siti", "perencana", "sandi-siti-1", instansi=(KERINCI,), hasher=FAST)
    auth.add_user(path, "root", "admin", "sandi-admin-1", hasher=FAST)
    users = auth.load_users(path)
    assert users is not None and sorted(users) == ["budi", "kepala", "root", "siti"]
    assert users["budi"].agencies == ("BKD", "DINKES") and users["budi"].role == "perencana"
    assert users["siti"].instansi == (KERINCI,) and users["siti"].agencies == ()
    assert users["kepala"].role == "pimpinan"
    text = path.read_text(encoding="utf-8")
    for pw in ("sandi-budi-1", "sandi-kepala", "sandi-siti-1", "sandi-admin-1"):
        assert pw not in text, "no plaintext password in the file"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600, "owner-only"
    assert "password" not in repr(users["budi"]) and "$argon2" not in repr(users["budi"])
    assert set(users["budi"].session()) == {"name", "role", "agencies", "instansi"}

    # replacing a user keeps one entry, with the new password and scope
    _, replaced = auth.add_user(
        path, "budi", "perencana", "sandi-baru-1", agencies=("BKD",), hasher=FAST
    )
    users = auth.load_users(path)
    assert replaced and users is not None and users["budi"].agencies == ("BKD",)
    assert auth.verify_password(users["budi"].password_hash, "sandi-baru-1")
    assert auth.remove_user(path, "BUDI")
    assert not auth.remove_user(path, "budi")
    users = auth.load_users(path)
    assert users is not None and "budi" not in users and len(users) == 3


@pytest.mark.parametrize(
    "name, role, agencies, instansi, problem",
    [
        ("a b", "admin", (), (), "bad_name"),
        ("x" * 65, "admin", (), (), "bad_name"),
        ("ok", "raja", (), (), "bad_role"),
        ("ok", "perencana", (), (), "planner_needs_scope"),
        ("ok", "pimpinan", ("BKD",), (), "scope_only_planner"),
        ("ok", "admin", (), (PROV,), "scope_only_planner"),
        ("ok", "perencana", ("BKD",), (), None),
        ("ok", "perencana", (), (PROV,), None),
    ],
)
def test_which_users_can_be_made(
    name: str, role: str, agencies: tuple, instansi: tuple, problem: str | None
) -> None:
    assert auth.check_new_user(name, role, agencies, instansi) == problem


def test_a_short_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="short_password"):
        auth.add_user(tmp_path / "u.toml", "a", "admin", "1234567", hasher=FAST)


@pytest.mark.parametrize(
    "text",
    [
        'users = "x"',
        '[users.a]\nrole = "raja"\npassword = "$argon2id$x"',
        '[users.a]\nrole = "admin"\npassword = "plaintext"',
        '[users.a]\nrole = "admin"',
        '[users.a]\nrole = "perencana"\nagencies = "BKD"\npassword = "$argon2id$x"',
        "[users.a\n",
    ],
)
def test_a_bad_users_file_is_an_error_not_an_open_door(tmp_path: Path, text: str) -> None:
    path = tmp_path / "users.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(auth.UsersFileError):
        auth.load_users(path)


@pytest.fixture
def users() -> dict[str, auth.User]:
    h = auth.hash_password("benar-sekali", FAST)
    return {"budi": auth.User("budi", "perencana", ("BKD",), (), h)}


def test_login_success_and_failure(users: dict[str, auth.User]) -> None:
    throttle = auth.Throttle(clock=Clock())
    ok = auth.authenticate(users, " Budi ", "benar-sekali", throttle, delay=0)
    assert ok.user is not None and ok.user.name == "budi"
    wrong = auth.authenticate(users, "budi", "salah-sekali", throttle, delay=0)
    unknown = auth.authenticate(users, "tidakada", "benar-sekali", throttle, delay=0)
    assert wrong == unknown == auth.LoginResult(None, 0.0), "the same answer for both"


def test_repeated_failures_lock_the_name(users: dict[str, auth.User]) -> None:
    clock = Clock()
    throttle = auth.Throttle(max_failures=5, window=900, lock_seconds=300, clock=clock)
    for _ in range(4):
        assert auth.authenticate(users, "budi", "tebakan", throttle, delay=0).locked_seconds == 0
    fifth = auth.authenticate(users, "budi", "tebakan", throttle, delay=0)
    assert fifth.user is None and fifth.locked_seconds == 300
    # while locked even the right password is refused, unchecked
    clock.now += 100
    locked = auth.authenticate(users, "budi", "benar-sekali", throttle, delay=0)
    assert locked.user is None and locked.locked_seconds == pytest.approx(200)
    # another name is not affected
    assert throttle.locked_for("siti") == 0
    clock.now += 201
    assert auth.authenticate(users, "budi", "benar-sekali", throttle, delay=0).user is not None


def test_failures_spread_over_time_do_not_lock(users: dict[str, auth.User]) -> None:
    clock = Clock()
    throttle = auth.Throttle(max_failures=3, window=60, lock_seconds=300, clock=clock)
    for _ in range(6):
        auth.authenticate(users, "budi", "tebakan", throttle, delay=0)
        clock.now += 31
    assert throttle.locked_for("budi") == 0


def test_a_failed_login_waits(users: dict[str, auth.User]) -> None:
    import time

    start = time.monotonic()
    auth.authenticate(users, "budi", "tebakan", auth.Throttle(), delay=0.2)
    assert time.monotonic() - start >= 0.2


# --- what each role sees -------------------------------------------------------------------


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def selected(cur: duckdb.DuckDBPyConnection, f: Filters) -> set[int]:
    sql, params = f.rows("t")
    got = rows(
        cur,
        f"select distinct e.nip from employees t join employees e using (emp_key) where {sql}",
        params,
    )
    by_nip = {v: k for k, v in E.items()}
    return {by_nip[r[0]] for r in got}


@pytest.mark.parametrize(
    "user, seen, individuals, small_groups",
    [
        (auth.User("k", "pimpinan"), {1, 2, 3, 4, 5, 6, 7}, False, "hide"),
        (auth.User("a", "admin"), {1, 2, 3, 4, 5, 6, 7}, True, "mark"),
        (auth.User("p", "perencana", ("BKD",)), {3, 6, 7}, True, "mark"),
        (auth.User("p", "perencana", (), (KERINCI,)), {4, 5}, True, "mark"),
        # agencies and instansi each admit an agency
        (auth.User("p", "perencana", ("DINKES",), (KERINCI,)), {1, 2, 4, 5}, True, "mark"),
        # a planner with no scope sees nothing, never everything
        (auth.User("p", "perencana", (), ()), set(), True, "mark"),
        (auth.User("p", "perencana", ("NOPE",)), set(), True, "mark"),
        (auth.DEMO_USER, {1, 2, 3, 4, 5, 6, 7}, True, "mark"),
    ],
)
def test_a_role_becomes_the_filters_fields(
    cur: duckdb.DuckDBPyConnection,
    user: auth.User,
    seen: set[int],
    individuals: bool,
    small_groups: str,
) -> None:
    f = auth.user_filters(user)
    assert selected(cur, f) == seen
    assert f.may_see_individuals is individuals and f.small_groups == small_groups


@pytest.mark.parametrize(
    "selection",
    [
        Filters(agencies=("DINKES",)),
        Filters(agencies=("DINKES", "BKD")),
        Filters(instansi=(PROV,)),
        Filters(units=(("", "Sekretariat"),)),
        Filters(units=(("DINKES", "Sekretariat"),)),
    ],
)
def test_no_selection_widens_a_scope(cur: duckdb.DuckDBPyConnection, selection: Filters) -> None:
    """What a URL or the filter bar selects is ANDed with the scope."""
    for user in (
        auth.User("p", "perencana", ("BKD",)),
        auth.User("p", "perencana", (), (KERINCI,)),
        auth.User("p", "perencana", ("BKD",), (KERINCI,)),
    ):
        scope = auth.user_filters(user)
        chosen = selection.with_(**auth.viewer_fields(user))
        assert selected(cur, chosen) <= selected(cur, scope)
        assert selected(cur, chosen) == selected(cur, selection) & selected(cur, scope)


def test_permissions_by_role() -> None:
    admin, planner, leader = (
        auth.User("a", "admin"),
        auth.User("p", "perencana", ("BKD",)),
        auth.User("k", "pimpinan"),
    )
    assert all(auth.allows(admin, p) for p in ("individuals", "import", "users", "audit"))
    assert auth.allows(planner, "individuals") and not auth.allows(planner, "import")
    assert not any(auth.allows(leader, p) for p in ("individuals", "import", "audit"))
    assert not auth.allows(auth.DEMO_USER, "import")


# --- the command line ------------------------------------------------------------------------


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "analytics", "user", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def test_user_commands_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    env = {"ASN_USERS": ""}
    r = cli("add", "Budi", "--role", "perencana", "--agency", "BKD", "--agency", "DINKES",
            "--db", str(db), "--password-stdin", stdin="sandi budi 1\n", env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "budi" in r.stdout and "BKD, DINKES" in r.stdout
    r = cli("add", "kepala", "--role", "pimpinan", "--db", str(db), "--password-stdin",
            stdin="sandi kepala\n", env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    users = auth.load_users(tmp_path / "users.toml")
    assert users is not None and set(users) == {"budi", "kepala"}
    assert auth.verify_password(users["budi"].password_hash, "sandi budi 1")
    assert not db.exists(), "managing users never opens the store"

    r = cli("list", "--db", str(db), env=env)
    assert r.returncode == 0
    assert r.stdout.splitlines() == ["budi\tperencana\tBKD, DINKES", "kepala\tpimpinan\tsemua"]
    assert "$argon2" not in r.stdout + r.stderr and "sandi" not in r.stdout

    r = cli("remove", "budi", "--db", str(db), env=env)
    assert r.returncode == 0 and "budi" in r.stdout
    r = cli("remove", "budi", "--db", str(db), "--lang", "en", env=env)
    assert r.returncode == 1 and "No user budi" in r.stderr
    r = cli("list", "--db", str(db), env=env)
    assert r.stdout.splitlines() == ["kepala\tpimpinan\tsemua"]


def test_user_commands_follow_asn_users(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "akun.toml"
    r = cli("add", "root", "--role", "admin", "--password-stdin", stdin="sandi-admin\n",
            env={"ASN_USERS": str(path)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert auth.load_users(path) is not None


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("add", "p", "--role", "perencana"), "sandi-panjang\n", "--agency"),
        (("add", "k", "--role", "pimpinan", "--agency", "BKD"), "sandi-panjang\n", "perencana"),
        (("add", "a", "--role", "admin"), "pendek\n", "8"),
        (("add", "a", "--role", "admin"), "", "stdin"),
        (("add", "a b", "--role", "admin"), "sandi-panjang\n", "Nama pengguna"),
    ],
)
def test_user_add_refuses_bad_input(
    tmp_path: Path, args: tuple[str, ...], stdin: str, message: str
) -> None:
    r = cli(*args, "--password-stdin", "--db", str(tmp_path / "asn.duckdb"), stdin=stdin,
            env={"ASN_USERS": ""})  # fmt: skip
    assert r.returncode == 2
    assert message in r.stderr
    assert not (tmp_path / "users.toml").exists()


def test_user_add_prompts_twice_without_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --password-stdin the password is asked twice (getpass: never echoed)."""
    import io

    from analytics.cli.main import run

    answers = iter(["sandi-rahasia", "sandi-rahasia", "sandi-rahasia", "lain-lagi"])
    monkeypatch.setattr(auth.getpass, "getpass", lambda prompt="": next(answers))
    monkeypatch.delenv("ASN_USERS", raising=False)
    monkeypatch.setattr(auth, "HASHER", FAST)
    db = tmp_path / "asn.duckdb"
    out, err = io.StringIO(), io.StringIO()
    assert run(["user", "add", "root", "--role", "admin", "--db", str(db)], out, err) == 0
    assert run(["user", "add", "lain", "--role", "admin", "--db", str(db)], out, err) == 2
    assert "tidak sama" in err.getvalue()
    users = auth.load_users(tmp_path / "users.toml")
    assert users is not None and set(users) == {"root"}
