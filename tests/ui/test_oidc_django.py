"""SSO against a real, maintained OpenID provider: django-oidc-provider (PyPI), started by the
test in a tiny Django project (tests/support/django_op), beside the stub of test_oidc.py.

In Chromium: "Masuk dengan SSO", the provider's own login page and consent screen, back on the
dashboard as the users.toml user the provider's email maps to (with its role and scope); a
reload and a second tab stay signed in (Streamlit's identity cookie: SSO sessions keep
Streamlit's cookie rules, not the password sessions of test_sessions.py); sign-out ends the
provider's session too (its end-session endpoint with the ID token as hint: the provider's
session cookie is gone); an identity users.toml does not know is refused with the page's message.

Both servers run on 127.0.0.1 over plain http (different ports). That is what a loopback test
can do without certificates: the provider names its issuer from the request
(http://127.0.0.1:PORT/openid) and Authlib's client inside Streamlit accepts http metadata,
token and JWKS URLs, as for the stub (Authlib's https checks belong to its server-side code,
which the client never runs). The provider's cookies are renamed (op_session, op_csrftoken) because browsers share cookies
between ports of one host.

Two things this provider needs, both set here as a deployment would:
- `client_kwargs = { prompt = "login" }` in [auth]. Streamlit asks every provider for
  `prompt=select_account` unless told otherwise; django-oidc-provider 0.9.0 answers that by
  signing the user out and sending them to its login page with the same request, again after
  every login (an endless loop). `prompt = "login"` (Streamlit's documented alternative) makes
  it ask for the password at each dashboard sign-in instead.
- the standard claims in the ID token (OIDC_IDTOKEN_INCLUDE_CLAIMS, tests/support/django_op/
  settings.py): st.user is the ID token's claims and Streamlit never calls /userinfo, so a
  provider that keeps the email out of the ID token can only be matched by `oidc_subject`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_oidc import BUDI_EMAIL, demo_site, secrets_toml, sidebar

# what this provider needs in [auth] beside the stub's keys (see above)
PROMPT = 'client_kwargs = { prompt = "login" }\n'

CLIENT_ID = "dasbor-kompetensi"
CLIENT_SECRET = "rahasia-klien-django"
BUDI_PASSWORD = "sandi-penyedia-budi"
GUEST_EMAIL = "tamu@luar.example"
GUEST_PASSWORD = "sandi-penyedia-tamu"


def provider_sign_in(page: Any, op: Any, username: str, password: str) -> None:
    """On the provider: its login page, then its consent screen (first time per user)."""
    page.wait_for_url(f"{op.login_url}**", timeout=60_000)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Authorize").click()  # the consent screen


def signed_in_as_budi(page: Any) -> str:
    page.locator("[data-testid='stSidebar']", has_text="Masuk sebagai budi").wait_for(
        timeout=60_000
    )
    return sidebar(page)


def eventually(what: str, ok: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait until `ok()` (what the servers saw lags what the browser shows)."""
    deadline = time.monotonic() + timeout
    while not ok():
        assert time.monotonic() < deadline, f"not in {timeout:.0f} s: {what}"
        time.sleep(0.2)


def end_sessions(op: Any) -> int:
    """How many times the browser came to the provider's end-session endpoint."""
    return int(op.log().count('"GET /openid/end-session?'))


def cookie_names(ctx: Any) -> set[str]:
    return {c["name"] for c in ctx.cookies()}


@pytest.mark.browser
def test_sso_in_a_real_browser_through_django_oidc_provider(tmp_path: Path) -> None:
    pytest.importorskip("oidc_provider", reason="django-oidc-provider (requirements-dev.txt)")
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, free_port, serve, wait_ready
    from tests.support.django_op import DjangoOP, OPUser

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    s = demo_site(tmp_path, seed=11)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    people = [
        # another case than users.toml's: emails match case-insensitively
        OPUser("budi", BUDI_PASSWORD, "Budi.Perencana@BKD.example", "Budi", "Santoso"),
        OPUser("tamu", GUEST_PASSWORD, GUEST_EMAIL, "Tamu"),
    ]
    secrets_file = tmp_path / "secrets.toml"
    with DjangoOP(
        CLIENT_ID, CLIENT_SECRET, base + "/oauth2callback", people, tmp_path / "op"
    ) as op:
        text = secrets_toml(base, op).replace("\n\n[asn_login]", f"\n{PROMPT}\n[asn_login]")
        assert PROMPT in text
        secrets_file.write_text(text, encoding="utf-8")
        env = {"STREAMLIT_SECRETS_FILES": str(secrets_file)}
        with serve(s.db, port=port, env=env, timeout=60) as url, sync_playwright() as p:
            assert url == base
            # a context of its own: its tabs share cookies, as a person's browser does
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = chromium.new_context(viewport={"width": 1440, "height": 1600})
            ctx.set_default_timeout(60_000)
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))

            # 1. the dashboard's login page sends budi to the provider, and he comes back
            page.goto(base)
            page.get_by_role("button", name="Masuk dengan SSO").click()
            provider_sign_in(page, op, "budi", BUDI_PASSWORD)
            page.wait_for_url(f"{base}/", timeout=60_000)
            signed_in_as_budi(page)
            wait_ready(page)
            # read once the run has finished, as test_oidc does: the sidebar's lines arrive one
            # by one, and "Lewat SSO" can follow "Masuk sebagai" (a CI run read it in between)
            text = sidebar(page)
            assert "Masuk sebagai budi · Perencana SDM" in text, text
            assert f"Lewat SSO: {BUDI_EMAIL}" in text
            assert page.locator("[data-testid='stMetric']").count(), "the overview"
            assert {"_streamlit_user", "op_session"} <= cookie_names(ctx)

            # 2. a reload, and a second tab on another page: still budi, nobody asked
            page.reload()
            signed_in_as_budi(page)
            tab = ctx.new_page()
            tab.goto(f"{base}/kesenjangan")
            assert "Masuk sebagai budi · Perencana SDM" in signed_in_as_budi(tab)
            assert tab.url == f"{base}/kesenjangan"
            tab.close()

            # 3. sign-out: the dashboard, then the provider's end-session, back to the login
            # (st.logout redraws the login page at once, before the browser has been through
            # the provider and back: wait for that trip, which ends with a load of base/)
            with page.expect_navigation(url=f"{base}/", timeout=60_000):
                page.locator("[data-testid='stSidebar'] button", has_text="Keluar").click()
            eventually("the provider's end-session", lambda: end_sessions(op) == 1)
            eventually(
                "both sessions' cookies gone",
                lambda: not {"_streamlit_user", "op_session"} & cookie_names(ctx),
            )
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)
            wait_ready(page)
            assert "Masuk sebagai" not in page.locator("body").inner_text()
            assert not page.locator("[data-testid='stMetric']").count()
            page.reload()  # and it stays signed out
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)
            assert "Masuk sebagai" not in page.locator("body").inner_text()

            # 4. someone users.toml does not know signs in at the provider and is refused here
            page.get_by_role("button", name="Masuk dengan SSO").click()
            provider_sign_in(page, op, "tamu", GUEST_PASSWORD)
            refusal = page.locator("[data-testid='stAlert']", has_text="tidak terdaftar")
            refusal.wait_for(timeout=60_000)
            assert GUEST_EMAIL in refusal.inner_text()
            assert not page.locator("[data-testid='stMetric']").count()
            assert "Masuk sebagai" not in sidebar(page)
            with page.expect_navigation(url=f"{base}/", timeout=60_000):
                page.get_by_role("button", name="Keluar dari SSO").click()
            eventually("the second end-session", lambda: end_sessions(op) == 2)
            eventually("the cookies gone", lambda: "_streamlit_user" not in cookie_names(ctx))
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)
            assert not errors, errors
            chromium.close()
        log = op.log()
    # both sign-outs were accepted with the ID token as hint and the registered post-logout URI
    # (else the provider shows its own "end session?" prompt)
    assert "end-session-prompt" not in log, log
    assert log.count('"POST /openid/token') == 2, log
    from analytics.store.db import Store

    with Store(s.db).snapshot() as snap:
        rows = snap.cur.execute(
            "select actor, action, detail from audit_log where action like 'log%' order by id"
        ).fetchall()
    got = [(a, act, json.loads(d) if isinstance(d, str) else d) for a, act, d in rows]
    assert got == [
        ("budi", "login_ok", {"method": "oidc", "identity": BUDI_EMAIL}),
        ("budi", "logout", {"method": "oidc"}),
        (GUEST_EMAIL, "login_failed", {"method": "oidc", "reason": "unknown"}),
    ]
