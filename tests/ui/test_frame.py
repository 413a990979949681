"""A page URL opened first on a fresh server gets dashboard.py's frame (ui/multipage.py): the
sidebar's navigation and filters, the language switch and the page's own heading, whichever way
the server was started. Fails if a Streamlit upgrade brings the legacy `pages/` mode back."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import browser, serve, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from analytics.demo.build import build_demo
    from analytics.store.db import Store

    db = tmp_path_factory.mktemp("frame") / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=600, seed=5, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    yield db


@pytest.mark.parametrize(
    "entry",
    [("-m", "ui.serve"), ("-m", "streamlit", "run", "dashboard.py")],
    ids=["ui.serve", "streamlit-run"],
)
def test_a_page_url_opened_first_gets_the_frame(demo_db: Path, entry: tuple[str, ...]) -> None:
    with serve(demo_db, entry=entry) as base, browser() as page:
        # The very first session of this server, straight to a page's URL. /data is the URL
        # the legacy mode would give pages/data.py (its file name) run alone.
        page.goto(f"{base}/data")
        wait_ready(page)
        assert page.locator("[data-testid='stMain'] h1").first.inner_text() == "Data"
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        for title in ("Ringkasan", "Kesenjangan", "Kebutuhan Pelatihan", "Metode"):
            assert title in nav, nav
        # the frame's filter bar and its active-filter line above the page
        assert page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").count()
        assert "Tahun" in page.locator(".asn-active").inner_text()
        assert not page.locator("[data-testid='stException']").count()
