"""Sessions that outlive a tab (analytics/access/sessions.py, ui/session_cookie.py).

In the store: a session admits its user until it ends, expires or the user's role, scope or
password changes. In Chromium: sign in once, then a reload, a second tab and a shared link stay
signed in; signing out, removing the user or changing their scope ends it at the next click; a
forged, expired or signed-out token is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from analytics.access import sessions
from analytics.access import users as auth
from analytics.store.db import Store

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "kata-sandi-uji"


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = Store(tmp_path / "s.duckdb")
    yield s
    s.close()


SITI = auth.User("siti", "perencana", ("15.01",), (), auth.hash_password(PASSWORD, FAST))


def resume(store: Store, token: str, users: dict[str, auth.User]) -> auth.User | None:
    with store.snapshot() as snap:
        found = sessions.resume(snap.cur, token, users)
    return found.user if found else None


def test_a_session_admits_its_user_until_it_ends(store: Store) -> None:
    token, sid = sessions.begin(store, SITI)
    assert sid == sessions.token_id(token) and token not in sid
    assert resume(store, token, {"siti": SITI}) == SITI
    sessions.end(store, sid)
    assert resume(store, token, {"siti": SITI}) is None  # replayed after sign-out


@pytest.mark.parametrize(
    "change",
    [
        dict(role="admin", agencies=()),
        dict(agencies=("15.02",)),
        dict(instansi=("Dinas X",)),
        dict(password_hash=auth.hash_password("lain-sekali", FAST)),
    ],
)
def test_a_change_of_role_scope_or_password_ends_the_session(
    store: Store, change: dict[str, Any]
) -> None:
    token, _ = sessions.begin(store, SITI)
    assert resume(store, token, {"siti": dataclasses.replace(SITI, **change)}) is None


def test_forged_expired_removed_and_sso_only_are_refused(store: Store) -> None:
    token, _ = sessions.begin(store, SITI)
    assert resume(store, token[:-1] + ("A" if token[-1] != "A" else "B"), {"siti": SITI}) is None
    assert resume(store, "", {"siti": SITI}) is None
    assert resume(store, "x" * 5000, {"siti": SITI}) is None
    assert resume(store, token, {}) is None  # removed
    expired, _ = sessions.begin(store, SITI, hours=-0.01)
    assert resume(store, expired, {"siti": SITI}) is None
    assert resume(store, token, {"siti": dataclasses.replace(SITI, password_hash="")}) is None


def test_end_user_ends_every_session_of_theirs_only(store: Store) -> None:
    budi = dataclasses.replace(SITI, name="budi")
    users = {"siti": SITI, "budi": budi}
    t1, _ = sessions.begin(store, SITI)
    t2, _ = sessions.begin(store, SITI)
    t3, _ = sessions.begin(store, budi)
    assert sessions.end_user(store, "siti") == 2
    assert [resume(store, t, users) for t in (t1, t2, t3)] == [None, None, budi]


def test_a_ticket_is_redeemed_once() -> None:
    ticket = sessions.ticket_for("tok")
    assert sessions.redeem(ticket) == "tok"
    assert sessions.redeem(ticket) is None
    assert sessions.redeem("made-up") is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("/kesenjangan?lang=EN", "/kesenjangan?lang=EN"),
        ("/", "/"),
        (None, "/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_the_cookie_route_only_sends_back_to_this_site(value: str | None, expected: str) -> None:
    from ui import session_cookie

    assert session_cookie.safe_next(value) == expected


@pytest.mark.parametrize(
    "raw, hours", [("", 10.0), ("8", 8.0), ("0.5", 0.5), ("-1", 10.0), ("x", 10.0)]
)
def test_session_hours_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, raw: str, hours: float
) -> None:
    monkeypatch.setenv("ASN_SESSION_HOURS", raw)
    assert sessions.session_hours() == hours


# --- Chromium ----------------------------------------------------------------------------------


def _site(folder: Path) -> tuple[Path, str, str]:
    from analytics.demo.build import build_demo

    db = folder / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=300, seed=3, force=False, out=io.StringIO(), err=io.StringIO())
    with store.snapshot() as snap:
        (a1,), (a2,) = snap.cur.execute(
            "select agency_id from agencies order by agency_id limit 2"
        ).fetchall()
    store.close()
    path = folder / "users.toml"
    auth.add_user(path, "siti", "perencana", PASSWORD, (a1,), hasher=FAST)
    auth.add_user(path, "root", "admin", PASSWORD, hasher=FAST)
    return db, a1, a2


def sign_in(page: Any, url: str, name: str) -> None:
    """Sign in, and wait for the cookie round trip too: the page shows the user first, then
    the browser visits the cookie route, which sets a new session cookie."""
    import time

    def tokens() -> set[str]:
        return {c["value"] for c in page.context.cookies() if c["name"] == sessions.COOKIE}

    before = tokens()
    page.goto(url)
    page.get_by_label("Nama pengguna").fill(name)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    signed_in(page, name)
    deadline = time.monotonic() + 30
    while not tokens() - before:
        assert time.monotonic() < deadline, "no new session cookie after signing in"
        time.sleep(0.1)


def signed_in(page: Any, name: str) -> None:
    page.locator("[data-testid='stSidebar']", has_text=f"Masuk sebagai {name}").wait_for(
        timeout=60_000
    )


def login_page(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_label("Kata sandi").wait_for(timeout=60_000)
    # the run that draws the login form may still show the last run's sidebar, greyed out,
    # for a moment (Streamlit's stale elements): wait for it to go rather than read it once
    expect(page.locator("body")).not_to_contain_text("Masuk sebagai", timeout=30_000)


@pytest.mark.browser
def test_a_browser_stays_signed_in_and_is_signed_out_everywhere(tmp_path: Path) -> None:
    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    db, _, other_agency = _site(tmp_path)
    users_file = tmp_path / "users.toml"
    with serve(db, timeout=90) as base, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = b.new_context(viewport={"width": 1440, "height": 1600})
        ctx.set_default_timeout(60_000)
        page = ctx.new_page()

        # 1. sign in on a shared link's page: back on that page, with an HttpOnly cookie
        sign_in(page, f"{base}/kesenjangan", "siti")
        page.wait_for_url(f"{base}/kesenjangan")
        (cookie,) = [c for c in ctx.cookies() if c["name"] == sessions.COOKIE]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
        assert 9.9 * 3600 < cookie["expires"] - dt.datetime.now().timestamp() <= 10 * 3600

        # 2. a reload, a second tab, another shared link: still siti, no password asked
        page.reload()
        signed_in(page, "siti")
        tab = ctx.new_page()
        tab.goto(f"{base}/tren")
        signed_in(tab, "siti")

        # 3. a forged token, in a browser of its own, is refused
        forger = b.new_context()
        forger.add_cookies([{**cookie, "value": sessions.secrets.token_urlsafe(32)}])
        fpage = forger.new_page()
        fpage.goto(f"{base}/tren")
        login_page(fpage)

        # 4. siti's scope changes (by the CLI's code, on users.toml): her next click is refused
        auth.change_user(users_file, "siti", "perencana", (other_agency,), ())
        page.locator("[data-testid='stSidebarNav'] a", has_text="Ringkasan").click()
        login_page(page)
        # the tab's old cookie replayed elsewhere: refused too
        thief = b.new_context()
        thief.add_cookies([cookie])
        tpage = thief.new_page()
        tpage.goto(f"{base}/")
        login_page(tpage)

        # 5. signing in again, then out: every tab ends at its next click, the cookie is gone,
        # and the signed-out token replayed in another browser is refused
        sign_in(page, f"{base}/", "siti")
        (cookie2,) = [c for c in ctx.cookies() if c["name"] == sessions.COOKIE]
        tab.reload()
        signed_in(tab, "siti")
        page.locator("[data-testid='stSidebar'] button", has_text="Keluar").click()
        login_page(page)
        # (the login page comes after the cookie route's answer, which cleared the cookie)
        assert not [c for c in ctx.cookies() if c["name"] == sessions.COOKIE]
        tab.locator("[data-testid='stSidebarNav'] a", has_text="Tren").click()
        login_page(tab)
        replay = b.new_context()
        replay.add_cookies([cookie2])
        rpage = replay.new_page()
        rpage.goto(f"{base}/")
        login_page(rpage)

        # 6. signed in again; the user removed: the next click is refused
        sign_in(page, f"{base}/", "siti")
        auth.remove_user(users_file, "siti")
        page.locator("[data-testid='stSidebarNav'] a", has_text="Tren").click()
        login_page(page)
        b.close()


@pytest.mark.parametrize(
    "agency, unit",
    [("15.07", "Bidang A"), ("15|07", "Bidang|B"), ("a%b", "x"), ("", "|"), ("Dinas ä", "u")],
)
def test_a_unit_option_keeps_any_agency_id_intact(agency: str, unit: str) -> None:
    from ui.filterbar import unit_option, unit_pair

    assert unit_pair(unit_option(agency, unit)) == (agency, unit)
    if "|" not in agency and "%" not in agency and agency.isascii() and " " not in agency:
        assert unit_option(agency, unit) == f"{agency}|{unit}"  # old shared links still read
