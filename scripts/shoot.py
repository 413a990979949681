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


READY_JS = """() => {
  const running = document.querySelector('[data-testid="stStatusWidget"]');
  const stale = document.querySelectorAll('[data-stale="true"]').length;
  const skeleton = document.querySelectorAll('[data-testid="stSkeleton"]').length;
  const heading = document.querySelector('[data-testid="stMain"] h1');
  return [!running && !stale && !skeleton && !!heading,
          document.querySelectorAll('[data-testid="stElementContainer"]').length,
          document.querySelectorAll('.js-plotly-plot .main-svg').length];
}"""


def wait_ready(page, timeout: float = 30.0) -> float:
    """Until Streamlit has finished the script run and the page stopped changing; returns
    the seconds it took."""
    start = time.monotonic()
    last, stable_since = None, None
    while time.monotonic() - start < timeout:
        ok, n, plots = page.evaluate(READY_JS)
        now = time.monotonic()
        if ok and (n, plots) == last:
            if stable_since and now - stable_since > 0.6:
                return stable_since - start
        else:
            stable_since = now
        last = (n, plots) if ok else None
        time.sleep(0.1)
    raise TimeoutError("page not ready")


def main() -> None:
    base, out, *paths = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": int(sys.argv[4]) if False else 2200})
        for path in paths:
            page.goto(f"{base}/{path}")
            wait_ready(page)
            name = path.replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") or "root"
            page.screenshot(path=f"{out}/{name}.png", full_page=True)
            print(f"{out}/{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
