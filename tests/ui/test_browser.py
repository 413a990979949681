"""The served dashboard in a real browser (Debian's Chromium via Playwright), and the process
model end to end: a command-line import succeeds while the dashboard serves."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import PAGES, ROOT, browser, serve, wait_ready

pytestmark = pytest.mark.browser
SHOTS = ROOT / "out" / "screenshots"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from analytics.demo.build import build_demo
    from analytics.store.db import Store

    db = tmp_path_factory.mktemp("browser") / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=2000, seed=11, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    with serve(db) as base:
        yield base, db


def test_every_page_opens_without_errors(served: tuple[str, Path]) -> None:
    base, _ = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with browser() as page:
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path in PAGES:
            page.goto(f"{base}/{path}")
            wait_ready(page)
            exceptions = page.locator("[data-testid='stException']").all_inner_texts()
            assert not exceptions, f"/{path}: {exceptions}"
            assert page.locator("[data-testid='stMain'] h1").count() >= 1
            if path in ("", "kesenjangan", "tren", "dampak", "kebutuhan"):
                # Plotly draws after the script run ends: on a loaded machine, a moment later
                page.locator(".js-plotly-plot").first.wait_for(state="attached", timeout=30_000)
                assert page.locator(".js-plotly-plot").count() >= 1, f"/{path} draws charts"
            page.screenshot(path=str(SHOTS / f"{path or 'ringkasan'}.png"))
    assert not errors, errors


def test_english_and_a_shared_link(served: tuple[str, Path]) -> None:
    base, _ = served
    with browser() as page:
        page.goto(f"{base}/tren?lang=EN&tahun=2024")
        wait_ready(page)
        assert page.locator("h1").first.inner_text() == "Trends"
        assert "Year: 2024" in page.locator(".asn-active").inner_text()


def test_a_command_line_import_succeeds_while_the_dashboard_serves(
    served: tuple[str, Path], tmp_path: Path
) -> None:
    base, db = served
    with browser() as page:
        page.goto(f"{base}/data")
        wait_ready(page)
        before = page.locator(".asn-version").inner_text()
        # The dashboard holds the store; the import reaches it through the owner's socket.
        csv = tmp_path / "service_outcomes.csv"
        csv.write_text("agency_id,year,ikm\n15.01,2026,81.25\n", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "analytics", "import", "--db", str(db), str(csv)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1" in result.stdout
        page.reload()
        wait_ready(page)
        after = page.locator(".asn-version").inner_text()
    assert before != after
    assert after.endswith("#2")


def sign_in(page, name: str, password: str) -> None:
    """Our login form; the session (one browser tab) stays signed in until it reloads."""
    page.get_by_label("Nama pengguna").fill(name)
    page.locator("input[type=password]").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.locator("[data-testid='stSidebarNav']").wait_for(timeout=60_000)
    wait_ready(page)


def nav(page, title: str) -> None:
    """Go to a page the way a user does (a reload would start a new session)."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    wait_ready(page)


def test_first_upload_on_the_data_page(tmp_path: Path) -> None:
    """A fresh installation: its admin signs in, uploads the CSV files, sees the plan, saves,
    and the data is live."""
    from argon2 import PasswordHasher

    from analytics.access import users as auth

    fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    auth.add_user(tmp_path / "users.toml", "admin", "admin", "sandi-admin", hasher=fast)
    files = sorted(str(p) for p in (ROOT / "tests" / "data" / "import" / "base").glob("*.csv"))
    with serve(tmp_path / "asn.duckdb") as base, browser(height=1600) as page:
        page.goto(f"{base}/data")
        page.locator("input[type=password]").wait_for(timeout=60_000)
        assert page.locator("[data-testid='stSidebarNav']").count() == 0, "nothing before login"
        sign_in(page, "admin", "sandi-admin")  # a link to a page opens it after the login
        assert page.locator("h1").first.inner_text() == "Data"
        assert page.locator(".asn-version").inner_text().endswith("#0")
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
        page.get_by_text("Berkas lolos pemeriksaan.").wait_for(timeout=60_000)
        wait_ready(page)
        assert page.locator("[data-testid='stException']").count() == 0
        page.get_by_role("button", name="Simpan impor").click()
        page.get_by_text("Impor #1 tersimpan.").wait_for(timeout=60_000)
        wait_ready(page)
        assert page.locator(".asn-version").inner_text().endswith("#1")
        nav(page, "Ringkasan")
        assert page.locator("[data-testid='stMetric']").count() >= 6
        assert page.locator("[data-testid='stException']").count() == 0


def test_a_person_chosen_on_the_profile_page(served: tuple[str, Path]) -> None:
    base, _ = served
    with browser(height=2400) as page:
        page.goto(f"{base}/profil")
        wait_ready(page)
        box = page.locator("[data-testid='stDataFrame']").first.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 12, box["y"] + 52)  # the first row's selection box
        page.locator("[data-testid='stMain'] h2").first.wait_for(timeout=60_000)
        wait_ready(page)
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.locator(".js-plotly-plot").count() >= 2  # radar and JPM history
        assert not re.search(r"\d{18}", page.url), "no NIP in the URL"
        page.screenshot(path=str(SHOTS / "profil-pegawai.png"))
