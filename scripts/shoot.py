"""Screenshots of dashboard pages in headless Chromium (for looking at what we build).

python scripts/shoot.py http://localhost:8501 out/shots "" kesenjangan "tren?tahun=2024"
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: tests.support
from tests.support.browser import browser, wait_ready  # noqa: E402


def main() -> None:
    base, out, *paths = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    with browser() as page:
        for path in paths:
            page.goto(f"{base}/{path}")
            seconds = wait_ready(page)
            name = "".join(c if c.isalnum() else "_" for c in path) or "root"
            page.screenshot(path=f"{out}/{name}.png")
            print(f"{out}/{name}.png  ready in {seconds:.2f} s")


if __name__ == "__main__":
    main()
