"""Signing in through an OpenID Connect identity provider (st.login).

- analytics.access.oidc: the settings from secrets.toml, and the identity -> users.toml mapping (email,
  case-insensitive; a pinned subject; unknown, unverified and stale identities refused);
- users.toml's `email` / `oidc_subject` fields and `user add --email --sso-only`;
- the login page and the session with a seeded st.user (AppTest);
- end to end in Chromium against the stub provider (tests/support/oidc_stub.py) on 127.0.0.1: "Sign in
  with SSO", the provider's redirect back, the planner's scope on the page, sign-out through the
  provider, and an identity users.toml does not know, refused.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from analytics.access import oidc
from analytics.access import users as auth

ROOT = Path(__file__).resolve().parents[2]
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "kata-sandi-uji"
BUDI_EMAIL = "budi.perencana@bkd.example"
SITI_SUB = "sub-siti-7"

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "dasbor",
    "client_secret": "rahasia-klien",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


# --- settings --------------------------------------------------------------------------------


def test_no_auth_section_means_no_sso() -> None:
    assert oidc.settings({}) is None
    assert oidc.settings({"asn_login": {"password_form": False}}) is None


def test_a_complete_auth_section_turns_sso_on_with_the_defaults() -> None:
    s = oidc.settings({"auth": AUTH})
    assert s == oidc.Settings(None, True, "email", oidc.DEFAULT_MAX_AGE_HOURS)
    s = oidc.settings(
        {
            "auth": AUTH,
            "asn_login": {"password_form": False, "email_claim": "upn", "max_age_hours": 0},
        }
    )
    assert s == oidc.Settings(None, False, "upn", 0.0)


def test_a_named_provider_section() -> None:
    named = {
        "redirect_uri": AUTH["redirect_uri"],
        "cookie_secret": AUTH["cookie_secret"],
        "keycloak": {k: AUTH[k] for k in oidc.PROVIDER_KEYS},
    }
    s = oidc.settings({"auth": named, "asn_login": {"provider": "keycloak"}})
    assert s is not None and s.provider == "keycloak"
    with pytest.raises(oidc.OidcConfigError, match="client_id"):
        oidc.settings({"auth": named})  # the default provider has no keys
    with pytest.raises(oidc.OidcConfigError, match="missing"):
        oidc.settings({"auth": named, "asn_login": {"provider": "okta"}})


@pytest.mark.parametrize(
    "secrets, problem",
    [
        ({"auth": {k: v for k, v in AUTH.items() if k != "cookie_secret"}}, "cookie_secret"),
        ({"auth": {k: v for k, v in AUTH.items() if k != "client_secret"}}, "client_secret"),
        ({"auth": {**AUTH, "server_metadata_url": " "}}, "server_metadata_url"),
        ({"auth": {**AUTH, "redirect_uri": "http://127.0.0.1:8501/"}}, "oauth2callback"),
        ({"auth": "yes"}, "table"),
        ({"auth": AUTH, "asn_login": {"password_form": "no"}}, "password_form"),
        ({"auth": AUTH, "asn_login": {"email_claim": "e mail"}}, "email_claim"),
        ({"auth": AUTH, "asn_login": {"max_age_hours": -1}}, "max_age_hours"),
        ({"auth": AUTH, "asn_login": {"provider": "my_idp"}}, "provider"),
    ],
)
def test_an_incomplete_configuration_is_an_error(secrets: dict[str, Any], problem: str) -> None:
    with pytest.raises(oidc.OidcConfigError, match=problem):
        oidc.settings(secrets)


# --- who an identity is ----------------------------------------------------------------------

NOW = 1_800_000_000.0


def people() -> dict[str, auth.User]:
    return {
        "budi": auth.User("budi", "perencana", ("15.07",), (), email=BUDI_EMAIL),
        "siti": auth.User(
            "siti", "perencana", ("15.08",), (), email="siti@bkd.example", oidc_subject=SITI_SUB
        ),
        "root": auth.User("root", "admin", password_hash="$argon2id$x"),
    }


def claims(**c: Any) -> dict[str, Any]:
    return {"iss": "https://idp", "sub": "u-1", "iat": NOW - 60, **c}


@pytest.mark.parametrize(
    "given, user, reason",
    [
        (claims(email=BUDI_EMAIL), "budi", "ok"),
        (claims(email="Budi.Perencana@BKD.Example "), "budi", "ok"),  # case and spaces
        (claims(email=BUDI_EMAIL, email_verified=True), "budi", "ok"),
        (claims(email=BUDI_EMAIL, email_verified=False), None, "unverified"),
        (claims(email=BUDI_EMAIL, email_verified="false"), None, "unverified"),
        (claims(email="orang.lain@bkd.example"), None, "unknown"),
        (claims(email="root@bkd.example"), None, "unknown"),  # no email, no SSO
        # a user pinned to a subject: by that subject only, never by the email alone
        (claims(sub=SITI_SUB, email="anything@else.example"), "siti", "ok"),
        (claims(sub="someone-else", email="siti@bkd.example"), None, "unknown"),
        (claims(sub=SITI_SUB.upper()), None, "unknown"),  # subjects are exact
        (claims(), None, "unknown"),  # a subject nobody has
        ({"iat": NOW}, None, "no_identity"),
        # too old a provider login (default 12 h), or none dated
        (claims(email=BUDI_EMAIL, iat=NOW - 13 * 3600), None, "stale"),
        ({"sub": "u-1", "email": BUDI_EMAIL}, None, "stale"),
        (claims(email=BUDI_EMAIL, iat=True), None, "stale"),
    ],
)
def test_an_identity_maps_to_a_user_or_is_refused(
    given: dict[str, Any], user: str | None, reason: str
) -> None:
    m = oidc.match(people(), given, now=NOW)
    assert (m.user.name if m.user else None, m.reason) == (user, reason)


def test_the_identity_named_is_the_email_else_the_subject() -> None:
    assert oidc.match(people(), claims(email="X@Y.example"), now=NOW).identity == "x@y.example"
    assert oidc.match(people(), claims(sub="abc"), now=NOW).identity == "abc"


def test_a_configured_claim_and_no_age_limit() -> None:
    old = {"sub": "u-9", "upn": "BUDI.PERENCANA@bkd.example", "email": "x@y.example"}
    m = oidc.match(people(), old, email_claim="upn", max_age_hours=0, now=NOW)
    assert m.user is not None and m.user.name == "budi"
    assert oidc.match(people(), old, max_age_hours=0, now=NOW).reason == "unknown"


# --- users.toml and the command line ---------------------------------------------------------


def test_users_file_keeps_email_and_subject(tmp_path: Path) -> None:
    path = tmp_path / "users.toml"
    auth.add_user(path, "budi", "perencana", None, ("15.07",), email=" Budi.Perencana@BKD.example")
    auth.add_user(path, "siti", "perencana", PASSWORD, ("15.08",), hasher=FAST,
                  email="siti@bkd.example", oidc_subject=SITI_SUB)  # fmt: skip
    auth.add_user(path, "root", "admin", PASSWORD, hasher=FAST)
    users = auth.load_users(path)
    assert users is not None
    assert users["budi"].email == BUDI_EMAIL and users["budi"].password_hash == ""
    assert users["siti"].oidc_subject == SITI_SUB and users["siti"].password_hash
    written = tomllib.loads(path.read_text(encoding="utf-8"))["users"]
    assert users["root"].email == ""
    assert set(written["root"]) == {"role", "agencies", "instansi", "password"}
    assert "password" not in written["budi"]
    # an SSO-only user never signs in with a password, whatever is typed (and costs the same)
    throttle = auth.Throttle()
    assert auth.authenticate(users, "budi", "", throttle, delay=0).user is None
    dummy = "no such user: dummy password"  # the dummy hash's password
    assert auth.authenticate(users, "budi", dummy, throttle, delay=0).user is None
    assert auth.authenticate(users, "siti", PASSWORD, throttle, delay=0).user is not None
    # an email or a subject names one user only
    with pytest.raises(ValueError, match="email_taken"):
        auth.add_user(path, "lain", "admin", None, email="SITI@bkd.example")
    with pytest.raises(ValueError, match="subject_taken"):
        auth.add_user(path, "lain", "admin", None, oidc_subject=SITI_SUB)
    with pytest.raises(ValueError, match="sso_needs_identity"):
        auth.add_user(path, "lain", "admin", None)
    with pytest.raises(ValueError, match="bad_email"):
        auth.add_user(path, "lain", "admin", None, email="not-an-email")
    # replacing a user may keep its own email
    auth.add_user(path, "budi", "perencana", None, ("15.09",), email=BUDI_EMAIL)
    users = auth.load_users(path)
    assert users is not None and users["budi"].agencies == ("15.09",)


@pytest.mark.parametrize(
    "text",
    [
        '[users.a]\nrole = "admin"\nemail = "a@b.example"\noidc_subject = 5',
        '[users.a]\nrole = "admin"\nemail = "no at sign"',
        '[users.a]\nrole = "admin"\nemail = ""',  # no password and no identity
        '[users.a]\nrole = "admin"\nemail = "a@b.example"\n'
        '[users.b]\nrole = "admin"\nemail = "A@B.example"',
        '[users.a]\nrole = "admin"\noidc_subject = "s"\n[users.b]\nrole = "admin"\noidc_subject = "s"',
    ],
)
def test_a_bad_identity_in_the_users_file_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "users.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(auth.UsersFileError):
        auth.load_users(path)


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "analytics", "user", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def test_user_add_email_and_sso_only(tmp_path: Path) -> None:
    env = {"ASN_USERS": str(tmp_path / "users.toml")}
    r = cli("add", "budi", "--role", "perencana", "--agency", "15.07",
            "--email", "Budi.Perencana@BKD.example", "--sso-only", env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert BUDI_EMAIL in r.stdout
    r = cli("add", "siti", "--role", "admin", "--email", BUDI_EMAIL, "--sso-only", "--lang", "en",
            env=env)  # fmt: skip
    assert r.returncode == 2 and "another user" in r.stderr
    r = cli("add", "siti", "--role", "admin", "--sso-only", env=env)
    assert r.returncode == 2 and "--email" in r.stderr
    r = cli("add", "siti", "--role", "admin", "--email", "x", "--sso-only", env=env)
    assert r.returncode == 2 and "Email tidak sah: x" in r.stderr
    r = cli("add", "root", "--role", "admin", "--password-stdin", stdin="sandi-admin\n", env=env)
    assert r.returncode == 0, r.stderr
    r = cli("list", env=env)
    assert r.stdout.splitlines() == [f"budi\tperencana\t15.07\t{BUDI_EMAIL}", "root\tadmin\tsemua"]
    users = auth.load_users(tmp_path / "users.toml")
    assert users is not None and users["budi"].password_hash == ""


# --- the dashboard with a seeded st.user (AppTest) --------------------------------------------


class Site:
    def __init__(self, db: Path, agency: str, agency_name: str) -> None:
        self.db, self.agency, self.agency_name = db, agency, agency_name


def demo_site(folder: Path, seed: int = 5) -> Site:
    """A small demo store with users.toml beside it: budi (planner of one agency, SSO only,
    by email), siti (planner pinned to a subject, with a password too) and root (password)."""
    from analytics.demo.build import build_demo
    from analytics.store.db import Store

    db = folder / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=300, seed=seed, force=False, out=io.StringIO(), err=io.StringIO())
    with store.snapshot() as snap:
        agency, name = snap.cur.execute(
            "select agency_id, agency_name from agencies order by agency_id limit 1 offset 6"
        ).fetchall()[0]
    store.close()
    path = folder / "users.toml"
    auth.add_user(path, "budi", "perencana", None, (agency,), email=BUDI_EMAIL)
    auth.add_user(path, "siti", "perencana", PASSWORD, (agency,), hasher=FAST,
                  email="siti@bkd.example", oidc_subject=SITI_SUB)  # fmt: skip
    auth.add_user(path, "root", "admin", PASSWORD, hasher=FAST)
    return Site(db, agency, name)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from ui import state

    s = demo_site(tmp_path_factory.mktemp("oidc"))
    saved = {k: os.environ.get(k) for k in ("ASN_DB", "ASN_USERS")}
    os.environ["ASN_DB"] = str(s.db)
    os.environ.pop("ASN_USERS", None)
    state.get_store.clear()
    st.cache_data.clear()  # cached per data version, and other tests' stores share numbers
    yield s
    state.get_store.clear()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


_iat = iter(range(10**6))


def app(
    user: dict[str, Any] | None = None, secrets: dict[str, Any] | None = None, **login: Any
) -> AppTest:
    """The dashboard with SSO configured (`secrets`, default AUTH) and st.user seeded as a
    provider login (`user`'s claims; None: not signed in there)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.secrets.update(secrets if secrets is not None else {"auth": AUTH, "asn_login": login})
    if user is None:
        at.user = {"is_logged_in": False}
    else:
        # a fresh issued-at per call: each is another provider login (audited once each)
        iat = time.time() - 60 - next(_iat) / 1000
        at.user = {"is_logged_in": True, "iss": "https://idp", "sub": "u-1", "iat": iat, **user}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sidebar_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.sidebar.markdown) + "\n".join(
        c.value for c in at.sidebar.caption
    )


def audit_rows(action: str) -> list[tuple[str, dict[str, Any]]]:
    from ui import state

    with state.get_store().snapshot() as snap:
        got = snap.cur.execute(
            "select actor, detail from audit_log where action = $a order by id", {"a": action}
        ).fetchall()
    return [(a, json.loads(d) if isinstance(d, str) else d) for a, d in got]


def test_the_login_page_offers_sso_beside_the_form(site: Site) -> None:
    at = app()
    assert at.title[0].value == "Masuk" and not at.metric
    assert at.button(key="asn_sso").label == "Masuk dengan SSO"
    assert at.text_input(key="login_password"), "the password form too"


def test_sso_only_hides_the_form(site: Site) -> None:
    at = app(password_form=False)
    assert at.button(key="asn_sso").label == "Masuk dengan SSO"
    assert not at.text_input


def test_without_an_auth_section_the_page_is_the_form_alone(site: Site) -> None:
    at = app(secrets={"other": {"x": "y"}})
    assert not [b for b in at.button if b.key == "asn_sso"]
    assert at.text_input(key="login_password")


def test_an_incomplete_auth_section_says_so_and_keeps_the_form(site: Site) -> None:
    at = app(secrets={"auth": {"redirect_uri": AUTH["redirect_uri"]}})
    assert any("secrets.toml" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "asn_sso"]
    assert at.text_input(key="login_password")


def unescape(markdown: str) -> str:
    """Markdown source as shown: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_a_known_identity_signs_in_with_its_role_and_scope(site: Site) -> None:
    before = len(audit_rows("login_ok"))
    at = app({"email": "Budi.Perencana@BKD.example", "name": "Budi"})
    assert at.session_state["asn_user"] == {
        "name": "budi",
        "role": "perencana",
        "agencies": [site.agency],
        "instansi": [],
    }
    assert at.metric, "the overview"
    assert at.multiselect(key="opd").options == [site.agency_name]
    text = unescape(sidebar_text(at))  # data text is markdown-escaped (ui.widgets.md)
    assert "budi" in text and "Perencana SDM" in text and BUDI_EMAIL in text
    at.run()  # another rerun is not another login
    rows = audit_rows("login_ok")
    assert len(rows) == before + 1
    assert rows[-1] == ("budi", {"method": "oidc", "identity": BUDI_EMAIL})


def test_a_pinned_subject_signs_in(site: Site) -> None:
    at = app({"sub": SITI_SUB, "email": "siti.baru@bkd.example"})
    assert at.session_state["asn_user"]["name"] == "siti"


def test_an_unknown_identity_is_refused_with_a_way_out(site: Site) -> None:
    before = len(audit_rows("login_failed"))
    at = app({"email": "orang.lain@bkd.example"})
    assert not at.metric and "asn_user" not in at.session_state
    assert any(
        "orang.lain@bkd.example" in unescape(e.value) and "tidak terdaftar" in e.value
        for e in at.error
    )
    assert not at.text_input, "sign out of the provider first"
    rows = audit_rows("login_failed")
    assert len(rows) == before + 1
    assert rows[-1] == ("orang.lain@bkd.example", {"method": "oidc", "reason": "unknown"})
    at.button(key="asn_sso_logout").click().run()
    assert not at.exception
    assert at.user.get("is_logged_in") is False, "st.logout cleared the provider's identity"
    assert at.button(key="asn_sso") and at.text_input(key="login_password")


def test_an_unverified_email_is_refused(site: Site) -> None:
    at = app({"email": BUDI_EMAIL, "email_verified": False})
    assert not at.metric
    assert any("belum terverifikasi" in e.value for e in at.error)


def test_a_stale_provider_login_asks_to_sign_in_again(site: Site) -> None:
    at = app({"email": BUDI_EMAIL, "iat": time.time() - 2 * 3600}, max_age_hours=1)
    assert not at.metric
    assert any("terlalu lama" in i.value for i in at.info)
    assert at.button(key="asn_sso")


def test_a_removed_user_loses_the_sso_session(site: Site) -> None:
    path = site.db.parent / "users.toml"
    saved = path.read_bytes()
    at = app({"email": BUDI_EMAIL})
    assert at.metric
    try:
        assert auth.remove_user(path, "budi")
        at.run()
        assert not at.metric and "asn_user" not in at.session_state
        assert any("tidak terdaftar" in e.value for e in at.error)
    finally:
        path.write_bytes(saved)
        os.chmod(path, 0o600)


def test_sign_out_ends_the_provider_session_too(site: Site) -> None:
    before = len(audit_rows("logout"))
    at = app({"email": BUDI_EMAIL})
    at.button(key="asn_logout").click().run()
    assert not at.exception
    assert at.user.get("is_logged_in") is False
    assert at.title[0].value == "Masuk" and not at.metric
    rows = audit_rows("logout")
    assert rows[before:] == [("budi", {"method": "oidc"})]


def test_a_password_login_still_works_beside_sso(site: Site) -> None:
    at = app()
    at.text_input(key="login_name").input("root")
    at.text_input(key="login_password").input(PASSWORD)
    at.button(key="FormSubmitter:asn_login-Masuk").click().run()
    assert not at.exception
    assert at.session_state["asn_user"]["role"] == "admin"
    assert "SSO" not in sidebar_text(at)


# --- end to end: Chromium, the dashboard and the stub provider --------------------------------


def secrets_toml(base: str, idp: Any, **ours: Any) -> str:
    """secrets.toml for a dashboard at `base` signing in through `idp` (JSON strings are TOML
    strings)."""
    lines = [
        "[auth]",
        f"redirect_uri = {json.dumps(base + '/oauth2callback')}",
        f"cookie_secret = {json.dumps('c' * 40)}",
        f"client_id = {json.dumps(idp.client_id)}",
        f"client_secret = {json.dumps(idp.client_secret)}",
        f"server_metadata_url = {json.dumps(idp.metadata_url)}",
        "",
        "[asn_login]",
        *(f"{k} = {json.dumps(v)}" for k, v in ours.items()),
    ]
    return "\n".join(lines) + "\n"


def sidebar(page: Any) -> str:
    return str(page.locator("[data-testid='stSidebar']").inner_text())


def agency_options(page: Any) -> list[str]:
    """The options the filter bar's agency list offers (opened as a click would)."""
    box = page.locator("[data-testid='stMultiSelect']", has_text="Perangkat daerah (OPD)")
    box.get_by_role("button", name="Open").click()
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for(timeout=15_000)
    got = [str(t).strip() for t in options.all_inner_texts()]
    page.keyboard.press("Escape")
    return got


@pytest.mark.browser
def test_sso_in_a_real_browser_through_the_stub_provider(tmp_path: Path) -> None:
    from analytics import metrics, views
    from analytics.core.filters import Filters
    from analytics.core.numfmt import integer
    from analytics.store.db import Store
    from tests.support.browser import CHROMIUM, browser, free_port, serve, wait_ready
    from tests.support.oidc_stub import OidcStub

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    s = demo_site(tmp_path, seed=9)
    with Store(s.db).snapshot() as snap:
        year = int(metrics.latest_year(snap.cur))
        own = views.kpis(snap.cur, Filters(agencies=(s.agency,), year=year)).employees
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    secrets_file = tmp_path / "secrets.toml"
    with OidcStub("dasbor", "rahasia-klien", [base + "/oauth2callback"]) as idp:
        secrets_file.write_text(secrets_toml(base, idp), encoding="utf-8")
        idp.user = {"sub": "u-budi", "email": "Budi.Perencana@BKD.example", "name": "Budi"}
        env = {"STREAMLIT_SECRETS_FILES": str(secrets_file)}
        with serve(s.db, port=port, env=env, timeout=60) as url, browser() as page:
            assert url == base
            page.set_default_timeout(60_000)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))

            # 1. the login page (in English) offers SSO; the provider signs budi in
            page.goto(f"{base}/?lang=EN")
            page.get_by_role("button", name="Sign in with SSO").click()
            page.wait_for_url(f"{base}/", timeout=60_000)
            page.locator("[data-testid='stSidebar']", has_text="budi").wait_for(timeout=60_000)
            wait_ready(page)
            assert [e for e in idp.events if e in ("authorize", "token", "jwks")] == [
                "authorize",
                "token",
                "jwks",
            ]
            asked = idp.authorized[-1]
            assert asked["state"] and asked["nonce"] and asked["code_challenge_method"] == "S256"
            assert set(asked["scope"].split()) == {"openid", "email", "profile"}
            text = sidebar(page)
            assert "Masuk sebagai budi · Perencana SDM" in text, text
            assert f"Lewat SSO: {BUDI_EMAIL}" in text
            # 2. the planner's scope: one agency offered, its own totals
            assert agency_options(page) == [s.agency_name]
            metric = page.locator("[data-testid='stMetric']", has_text="Pegawai diases")
            assert metric.locator("[data-testid='stMetricValue']").inner_text() == integer(
                own, "id"
            )

            # 3. sign-out goes through the provider's end-session endpoint, back to the login
            page.locator("[data-testid='stSidebar'] button", has_text="Keluar").click()
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)
            assert "logout" in idp.events
            assert not page.locator("[data-testid='stMetric']").count()

            # 4. an identity users.toml does not know is refused, and may sign out of it
            idp.user = {"sub": "u-x", "email": "orang.lain@bkd.example"}
            page.get_by_role("button", name="Masuk dengan SSO").click()
            refusal = page.locator("[data-testid='stAlert']", has_text="tidak terdaftar")
            refusal.wait_for(timeout=60_000)
            assert "orang.lain@bkd.example" in refusal.inner_text()
            assert not page.locator("[data-testid='stMetric']").count()
            assert "Masuk sebagai" not in sidebar(page)
            page.get_by_role("button", name="Keluar dari SSO").click()
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)

            # 5. a forged ID token (bad signature) signs nobody in
            idp.user, idp.tamper = {"sub": "u-budi", "email": BUDI_EMAIL}, "signature"
            tokens = idp.events.count("token")
            page.get_by_role("button", name="Masuk dengan SSO").click()
            deadline = time.monotonic() + 60
            while idp.events.count("token") == tokens and time.monotonic() < deadline:
                time.sleep(0.2)  # the browser goes to the provider and back to the callback
            assert idp.events.count("token") > tokens, "the token was asked for"
            page.wait_for_load_state("load")
            page.get_by_role("button", name="Masuk dengan SSO").wait_for(timeout=60_000)
            wait_ready(page)
            assert "Masuk sebagai" not in sidebar(page)
            assert not page.locator("[data-testid='stMetric']").count()
            assert not errors, errors
    log = Path(f"{s.db}.serve-{port}.log").read_text(encoding="utf-8")
    assert "OAuth token exchange failed" in log, "Streamlit refused the forged token"
    with Store(s.db).snapshot() as snap:
        rows = snap.cur.execute(
            "select actor, action, detail from audit_log where action like 'log%' order by id"
        ).fetchall()
    got = [(a, act, json.loads(d) if isinstance(d, str) else d) for a, act, d in rows]
    assert got == [
        ("budi", "login_ok", {"method": "oidc", "identity": BUDI_EMAIL}),
        ("budi", "logout", {"method": "oidc"}),
        ("orang.lain@bkd.example", "login_failed", {"method": "oidc", "reason": "unknown"}),
    ]
