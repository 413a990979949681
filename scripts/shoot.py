"""Screenshots of dashboard pages in headless Chromium (for looking at what we build).

    python scripts/shoot.py http://localhost:8599 out/ data ringkasan?tahun=2024 ...
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def wait_ready(page, timeout: float = 30.0) -> None:
    """Until Streamlit has finished running the script and charts are drawn."""
    deadline = time.monotonic() + timeout
    page.wait_for_selector("[data-testid='stMain'] [data-testid='stHeading'], [data-testid='stException']", timeout=timeout * 1000)
    while time.monotonic() < deadline:
        running = page.locator("[data-testid='stStatusWidget']").count()
        skeleton = page.locator("[data-testid='stSkeleton'], [data-testid='stAppSkeleton']").count() if False else 0
        if not running and not skeleton:
            break
        time.sleep(0.2)
    time.sleep(0.8)


def main() -> None:
    base, out, *paths = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        for path in paths:
            page.goto(f"{base}/{path}")
            wait_ready(page)
            name = path.replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") or "root"
            page.screenshot(path=f"{out}/{name}.png", full_page=True)
            print(f"{out}/{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
