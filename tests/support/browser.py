"""Shared by the browser tests and scripts: serve the dashboard, drive the system Chromium.

Playwright drives Debian's Chromium (/usr/bin/chromium); it never downloads a browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ASN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "",
    "kesenjangan",
    "tren",
    "dampak",
    "layanan",
    "kebutuhan",
    "talenta",
    "suksesi",
    "profil",
    "data",
    "metode",
]

READY_JS = """() => {
  const running = document.querySelector('[data-testid="stStatusWidget"]');
  const stale = document.querySelectorAll('[data-stale="true"]').length;
  const skeleton = document.querySelectorAll('[data-testid="stSkeleton"]').length;
  // a page computing a slow answer shows a spinner (after half a second): not ready
  const spinner = document.querySelectorAll('[data-testid="stSpinner"]').length;
  const heading = document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] .asn-present h2');
  return [!running && !stale && !skeleton && !spinner && !!heading,
          document.querySelectorAll('[data-testid="stElementContainer"]').length,
          document.querySelectorAll('.js-plotly-plot .main-svg').length];
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(
    db: Path,
    port: int | None = None,
    timeout: float = 90.0,
    entry: tuple[str, ...] = ("-m", "ui.serve"),
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run `python -m ui.serve` (or `entry`) on loopback for the store `db`; yields the base
    URL."""
    port = port or free_port()
    env = {**os.environ, **(env or {}), "ASN_DB": str(db), "PYTHONPATH": str(ROOT)}
    log = open(Path(str(db) + f".serve-{port}.log"), "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            *entry,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dashboard did not start; see {log.name}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def wait_ready(page, timeout: float = 60.0, quiet: float = 0.6) -> float:
    """Wait until Streamlit finished the run and the page stopped changing for `quiet`
    seconds; returns seconds from the call until the page first looked final (its last
    change). A page computing a lower section for longer than `quiet` without a visible sign
    is taken as ready too early: the page benchmark waits longer."""
    start = time.monotonic()
    last, stable_since = None, None
    while time.monotonic() - start < timeout:
        ok, n, plots = page.evaluate(READY_JS)
        now = time.monotonic()
        if ok and (n, plots) == last:
            if stable_since is not None and now - stable_since > quiet:
                return stable_since - start
        else:
            stable_since = now
        last = (n, plots) if ok else None
        time.sleep(0.05)
    raise TimeoutError("page not ready")


@contextmanager
def browser(width: int = 1440, height: int = 2200) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b.new_page(viewport={"width": width, "height": height})
        finally:
            b.close()
