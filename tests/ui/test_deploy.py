"""The deployment of deploy/ end to end: Debian's nginx with the shipped site config (rendered
with loopback ports and a self-signed certificate made here), one owner and one reader process
behind it, and Chromium over HTTPS: sign in, every page of the sidebar on both processes, a
sign-in made through one process valid in the other, and an import through the owner shown by
the reader once it switched to the new snapshot.

Skipped when nginx is not installed here; CI (.ci/run) installs it, so it never skips there.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, serve, wait_ready

pytestmark = pytest.mark.browser
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
)
SITE = ROOT / "deploy" / "nginx" / "asn-dashboard.conf"
PASSWORD = "kata-sandi-uji"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
LOG_FORMAT = '$upstream_addr "$request" $status "$cookie_asn_session"'


def render_site(
    text: str, upstreams: list[int], https: int, http: int, cert: Path, key: Path
) -> str:
    """The shipped site with this test's ports and certificate, every other line as shipped.
    Each replaced directive must be found exactly where the deployment guide says, so a
    change to the file that this rendering no longer understands fails here."""
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+;.*$", text, flags=re.M)
    assert servers, "the upstream lists no process"
    first = text.index(servers[0])
    for line in servers:
        text = text.replace(line + "\n", "", 1)
    ours = "".join(f"    server 127.0.0.1:{port};\n" for port in upstreams)
    text = text[:first] + ours + text[first:]
    replacements = [
        (r"^(\s*)listen 443 ssl;", rf"\1listen 127.0.0.1:{https} ssl;"),
        (r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{http};"),
        (r"^(\s*)ssl_certificate\s+\S+;", rf"\1ssl_certificate {cert};"),
        (r"^(\s*)ssl_certificate_key\s+\S+;", rf"\1ssl_certificate_key {key};"),
    ]
    for pattern, repl in replacements:
        text, n = re.subn(pattern, repl, text, flags=re.M)
        assert n == 1, f"{pattern!r} found {n} times in {SITE.name}"
    return text


def main_config(folder: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site, minus what needs root (paths here)."""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the temp paths
    return f"""{user}daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} info;
events {{ worker_connections 512; }}
http {{
    log_format upstreams '{LOG_FORMAT}';
    access_log {folder / "access.log"} upstreams;
{temp}
    include {site};
}}
"""


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def nginx(folder: Path, upstreams: list[int]) -> Iterator[tuple[str, Path]]:
    """nginx in the foreground with the shipped site; yields (https base URL, access log)."""
    assert NGINX is not None
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    https, http = free_port(), free_port()
    site = folder / "asn-dashboard.conf"
    site.write_text(render_site(SITE.read_text(), upstreams, https, http, cert, key))
    conf = folder / "nginx.conf"
    conf.write_text(main_config(folder, site))
    test = subprocess.run(
        [NGINX, "-t", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen(
        [NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not _port_open(https):
            assert proc.poll() is None, (folder / "error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not listen"
            time.sleep(0.1)
        yield f"https://127.0.0.1:{https}", folder / "access.log"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Site:
    db: Path
    base: str  # through nginx
    owner: str  # the owner process, directly
    reader: str  # the reader process, directly
    ports: dict[int, str]  # upstream port -> "owner" / "reader"
    access_log: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light; .ci/run does)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from analytics.access import users as auth
    from analytics.demo.build import build_demo
    from analytics.store.db import Store

    folder = tmp_path_factory.mktemp("deploy")
    db = folder / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=300, seed=5, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    auth.add_user(folder / "users.toml", "root", "admin", PASSWORD, hasher=FAST)
    owner_port, reader_port = free_port(), free_port()
    with ExitStack() as stack:
        owner = stack.enter_context(
            serve(db, owner_port, entry=("-m", "ui.serve", "--owner"), timeout=120)
        )
        reader = stack.enter_context(
            serve(db, reader_port, entry=("-m", "ui.serve", "--reader"), timeout=120)
        )
        base, access_log = stack.enter_context(nginx(folder / "nginx", [owner_port, reader_port]))
        yield Site(
            db, base, owner, reader, {owner_port: "owner", reader_port: "reader"}, access_log
        )


def _token(ctx: Any) -> str | None:
    found = [c["value"] for c in ctx.cookies() if c["name"] == "asn_session"]
    return found[0] if found else None


def _stream_process(site: Site, token: str, timeout: float = 30.0) -> str:
    """Which process the tab of the browser holding `token` went to (nginx's log: the tab's
    first requests, /_stcore/health and host-config, go where its websocket goes, whose own
    line is written only when it closes)."""
    pattern = re.compile(
        r'^127\.0\.0\.1:(\d+) "GET \S*/_stcore/(?:health|host-config) \S+" 200 "([^"]*)"$'
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in site.access_log.read_text().splitlines():
            m = pattern.match(line)
            if m and m[2] == token:
                return site.ports[int(m[1])]
        time.sleep(0.2)
    raise AssertionError("no websocket with this cookie in nginx's access log")


def _sign_in(page: Any, url: str) -> str:
    page.goto(url)
    page.get_by_label("Nama pengguna").fill("root")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    deadline = time.monotonic() + 60
    while (token := _token(page.context)) is None:
        assert time.monotonic() < deadline, "no session cookie after signing in"
        time.sleep(0.1)
    page.locator("[data-testid='stSidebar']", has_text="Masuk sebagai root").wait_for(
        timeout=60_000
    )
    return token


def _every_page(page: Any, errors: list[str]) -> list[str]:
    """Click through the sidebar; each page renders its title and no exception."""
    seen = []
    wait_ready(page)
    # Streamlit shows the first ten pages until asked for the rest (its "view more" button can
    # come a moment after the links): until the last page, Metode, is listed
    more = page.locator("[data-testid='stSidebarNavViewButton']")
    last = page.locator("[data-testid='stSidebarNav'] a", has_text="Metode")
    deadline = time.monotonic() + 60
    while not last.count() and time.monotonic() < deadline:
        if more.count():
            more.first.click()
            with contextlib.suppress(Exception):  # one click, then time for the list to grow
                last.wait_for(timeout=5_000)
        time.sleep(0.2)
    links = page.locator("[data-testid='stSidebarNav'] a")
    count = links.count()
    assert count >= 10, f"the sidebar lists {count} pages"
    for i in range(count):
        link = page.locator("[data-testid='stSidebarNav'] a").nth(i)
        href = link.get_attribute("href") or ""
        link.click()
        page.wait_for_url(re.compile(re.escape(href.rstrip("/")) + r"/?(\?.*)?$"))
        wait_ready(page)
        exceptions = page.locator("[data-testid='stException']").all_inner_texts()
        assert not exceptions, f"{href}: {exceptions}"
        assert page.locator("[data-testid='stMain'] h1").count() >= 1, href
        seen.append(href)
    assert not errors, errors
    return seen


def test_pages_through_nginx_on_the_owner_and_a_reader(site: Site) -> None:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import PAGES

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            served: dict[str, list[str]] = {}
            for _ in range(16):  # each sign-in's cookie picks a process; until both served
                ctx = b.new_context(
                    ignore_https_errors=True, viewport={"width": 1440, "height": 1600}
                )
                ctx.set_default_timeout(60_000)
                page = ctx.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                token = _sign_in(page, f"{site.base}/kesenjangan")
                # back on the shared link's page, signed in, over HTTPS with a Secure cookie
                page.wait_for_url(f"{site.base}/kesenjangan")
                (cookie,) = [c for c in ctx.cookies() if c["name"] == "asn_session"]
                assert cookie["secure"] and cookie["httpOnly"]
                process = _stream_process(site, token)
                if process not in served:
                    served[process] = _every_page(page, errors)
                ctx.close()
                if len(served) == 2:
                    break
            assert set(served) == {"owner", "reader"}, f"only {set(served)} served a signed-in tab"
            for process, hrefs in served.items():
                paths = {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs}
                assert {p for p in PAGES if p} <= paths, f"{process}: {sorted(paths)}"
        finally:
            b.close()


def test_a_sign_in_through_one_process_is_valid_in_the_other(site: Site) -> None:
    """Signed in on the reader (its session row written by the owner), the cookie admits the
    browser on the owner, and the other way round, before any snapshot needs to arrive."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for first, second in ((site.reader, site.owner), (site.owner, site.reader)):
                ctx = b.new_context(viewport={"width": 1440, "height": 1600})
                ctx.set_default_timeout(60_000)
                page = ctx.new_page()
                token = _sign_in(page, f"{first}/")
                other = b.new_context(viewport={"width": 1440, "height": 1600})
                other.add_cookies([{"name": "asn_session", "value": token, "url": second}])
                tab = other.new_page()
                tab.goto(f"{second}/tren")
                tab.locator("[data-testid='stSidebar']", has_text="Masuk sebagai root").wait_for(
                    timeout=60_000
                )
                # signing out in the first ends the session in the second at its next click
                page.locator("[data-testid='stSidebar'] button", has_text="Keluar").click()
                page.get_by_label("Kata sandi").wait_for(timeout=60_000)
                tab.locator("[data-testid='stSidebarNav'] a", has_text="Ringkasan").click()
                tab.get_by_label("Kata sandi").wait_for(timeout=60_000)
                ctx.close()
                other.close()
        finally:
            b.close()


def _version(page: Any) -> int:
    wait_ready(page)
    return int(page.locator("[data-version]").first.get_attribute("data-version"))


def test_an_import_through_the_owner_shows_in_the_reader_after_the_switch(
    site: Site, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    from analytics.store import snapshots

    folder = tmp_path / "agencies"
    folder.mkdir()
    (folder / "agencies.csv").write_text(
        "agency_id,agency_name,instansi\n9.99.01,Dinas Uji Penyebaran,Pemerintah Provinsi Jambi\n"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = b.new_context(viewport={"width": 1440, "height": 1600})
            ctx.set_default_timeout(60_000)
            page = ctx.new_page()
            _sign_in(page, f"{site.reader}/")
            before = _version(page)
            done = subprocess.run(
                [sys.executable, "-m", "analytics", "import", "--lang", "en", str(folder)],
                cwd=ROOT,
                env={**os.environ, "ASN_DB": str(site.db), "PYTHONPATH": str(ROOT)},
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stdout + done.stderr
            new = int(re.search(r"Import #(\d+) stored", done.stdout)[1])  # type: ignore[index]
            assert new > before
            # the owner publishes it; the reader's next rerun switches to it
            deadline = time.monotonic() + 30
            while (m := snapshots.read_manifest(snapshots.directory(site.db))) is None or (
                m.data_version < new
            ):
                assert time.monotonic() < deadline, "the import was not published"
                time.sleep(0.1)
            page.locator("[data-testid='stSidebarNav'] a", has_text="Data").click()
            page.wait_for_url(re.compile(r"/data"))
            assert _version(page) == new
        finally:
            b.close()


def test_an_upload_on_the_readers_data_page_is_stored_by_the_owner(
    site: Site, tmp_path: Path
) -> None:
    """The Data page of a reader: the file is checked on the reader's snapshot, stored by the
    owner, and the page after saving already shows the new data version."""
    from playwright.sync_api import sync_playwright

    upload = tmp_path / "agencies.csv"
    upload.write_text(
        "agency_id,agency_name,instansi\n9.99.03,Dinas Uji Unggahan,Pemerintah Provinsi Jambi\n"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = b.new_context(viewport={"width": 1440, "height": 1600})
            ctx.set_default_timeout(60_000)
            page = ctx.new_page()
            _sign_in(page, f"{site.reader}/data")
            before = _version(page)
            page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(upload))
            page.get_by_text("Berkas lolos pemeriksaan.").wait_for(timeout=60_000)
            wait_ready(page)
            page.get_by_role("button", name="Simpan impor").click()
            page.get_by_text(re.compile(r"Impor #\d+ tersimpan\.")).wait_for(timeout=60_000)
            done = page.get_by_text(re.compile(r"Impor #\d+ tersimpan\.")).inner_text()
            new = int(re.search(r"#(\d+)", done)[1])  # type: ignore[index]
            assert new > before
            assert _version(page) == new
            assert page.locator("[data-testid='stException']").count() == 0
        finally:
            b.close()
