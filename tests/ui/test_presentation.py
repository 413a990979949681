"""Presentation mode as a presenter uses it, in Chromium: a clicker (PageDown / PageUp) and the
arrow keys move between the screens, and every screen fits a 1280 x 720 projector and a
1920 x 1080 screen with its controls in view."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import pytest

from tests.support.browser import ROOT, browser, serve, wait_ready
from ui.presentation import SCREENS

pytestmark = pytest.mark.browser
SHOTS = ROOT / "out" / "screenshots"
SLACK_PX = 40  # a three-line headline may push the footer line a little below the fold


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from analytics.demo.build import build_demo
    from analytics.store.db import Store

    db = tmp_path_factory.mktemp("present") / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=1500, seed=9, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    with serve(db) as url:
        yield url


def kicker(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".asn-present .kicker").first.inner_text()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_keys_move_and_every_screen_fits(base: str, width: int, height: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browser(width, height) as page:
        page.goto(f"{base}/?presentasi=true")
        wait_ready(page)
        seen = []
        for i in range(len(SCREENS)):
            seen.append(kicker(page))
            assert seen[-1].endswith(f"{i + 1}/{len(SCREENS)}"), seen
            page.screenshot(path=str(SHOTS / f"present-{width}-{i + 1}.png"))
            nxt = page.get_by_role("button", name="Berikutnya").bounding_box()
            assert nxt is not None and nxt["y"] + nxt["height"] < height, "controls in view"
            tall = page.evaluate(
                "() => document.querySelector('[data-testid=stMain]').scrollHeight"
            )
            assert tall <= height + SLACK_PX, f"screen {i + 1} needs scrolling at {width}"
            page.keyboard.press("PageDown" if i % 2 == 0 else "ArrowRight")
            time.sleep(0.3)
            wait_ready(page)
        assert kicker(page).endswith(f"1/{len(SCREENS)}"), "the last screen wraps to the first"
        page.keyboard.press("PageUp")
        time.sleep(0.3)
        wait_ready(page)
        assert kicker(page).endswith(f"{len(SCREENS)}/{len(SCREENS)}")
        page.keyboard.press("ArrowLeft")
        time.sleep(0.3)
        wait_ready(page)
        assert kicker(page).endswith(f"{len(SCREENS) - 1}/{len(SCREENS)}")
