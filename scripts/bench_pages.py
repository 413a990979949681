"""Benchmark: each page's time to ready in the system Chromium (a command that prints figures).

    python scripts/bench_pages.py [--db PATH] [--repeat 3] [--quiet 3] [--timeout 60]
                                  [--pages layanan,data] [--no-presentation] [--kept]

Serves the dashboard on loopback for the store (default: data/asn.duckdb, built with `demo` if
absent), then per page: the time from opening its URL in a fresh tab (the first load of the
app shell included), and from a click in the sidebar navigation (what a user does between pages)
until Streamlit finished and the page stopped changing (its last change, once nothing changed
for `--quiet` seconds and no spinner shows: a page can compute a lower section for a second or
more without a visible sign). Prints median and max per page, and the first, cold load of each
page (the dashboard's caches empty, as after an import), and the time after a filter change (the
year in the sidebar set to the previous year and back): the first change of each page reads
that year's figures as the server prefetched them once the page had drawn (ui/queries.py,
`prefetch_years`), or, with `--no-prefetch`, computes them (what any other new selection
costs); the later changes read them.
Before all that, right after the server started: presentation mode's first screen, and each
next one (PageDown), cold. A page not ready within `--timeout` seconds is printed as "> T"
(the benchmark then waits for it to finish, up to ten times as long, before it goes on).

The dashboard keeps the questions asked beside the store (`<store>.recent.json`) and answers them
when it starts. By default the benchmark sets that file aside while it runs (and puts it back
after, without the benchmark's own questions), so "cold" is a first start with nothing kept.
With `--kept` it leaves the file, waits until the server has warmed the kept questions (and
prints how long that took), then measures: "cold" is then the first visit after a restart.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run by path: the repository root makes tests.support importable
import streamlit.runtime.caching.cache_data_api  # noqa: E402  its logger, then quieted:

logging.getLogger(streamlit.runtime.caching.cache_data_api.__name__).setLevel(logging.ERROR)
from tests.support.browser import PAGES as ALL_PAGES  # noqa: E402
from tests.support.browser import browser, serve, wait_ready  # noqa: E402
from ui.presentation import SCREENS  # noqa: E402

TITLES = {
    "": "Ringkasan",
    "kesenjangan": "Kesenjangan",
    "tren": "Tren",
    "dampak": "Dampak Pelatihan",
    "layanan": "Layanan Publik",
    "kebutuhan": "Kebutuhan Pelatihan",
    "talenta": "Talenta",
    "suksesi": "Suksesi",
    "profil": "Profil Pegawai",
    "data": "Data",
    "metode": "Metode",
}


def server_peak_mb(port: int) -> float | None:
    """Peak resident memory of the dashboard process serving `port` (Linux /proc)."""
    wanted = f"--server.port\x00{port}\x00".encode()
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and wanted in (proc / "cmdline").read_bytes():
                for line in (proc / "status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            continue
    return None


YEAR_BOX = "[data-testid='stSidebar'] [data-testid='stSelectbox']"


def year_options(page, base: str) -> list[str]:
    """The years the sidebar's Tahun box offers (opened and closed again)."""
    page.goto(base)
    wait_ready(page, quiet=1.0)
    box = page.locator(YEAR_BOX).filter(has_text="Tahun").first
    box.click()
    options = [o.inner_text().strip() for o in page.locator("[role='option']").all()]
    page.keyboard.press("Escape")
    return options


TIMEOUT = 60.0  # seconds; --timeout


def ready(page, t0: float, quiet: float) -> float:
    """Seconds from t0 until the page is ready, or inf when it is not within TIMEOUT (then
    waits on, up to ten times as long, so the next measurement does not start behind it)."""
    try:
        return time.monotonic() - t0 + wait_ready(page, timeout=TIMEOUT, quiet=quiet)
    except TimeoutError:
        with contextlib.suppress(TimeoutError):
            wait_ready(page, timeout=10 * TIMEOUT, quiet=quiet)
        return float("inf")


def secs(x: float, width: int) -> str:
    """x seconds right-aligned in `width` (with " s"), "> T s" when not ready in time."""
    text = f"{x:.2f} s" if x != float("inf") else f"> {TIMEOUT:.0f} s"
    return f"{text:>{width}}"


def choose_year(page, year: str, quiet: float) -> float:
    """Set the sidebar's year, as a user does; seconds until the page is ready again."""
    t0 = time.monotonic()
    page.locator(YEAR_BOX).filter(has_text="Tahun").first.click()
    page.locator("[role='option']").filter(has_text=year).first.click()
    return ready(page, t0, quiet)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "asn.duckdb")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quiet", type=float, default=3.0, help="seconds without change = ready")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds: 'not ready' after")
    ap.add_argument(
        "--pages", help="comma-separated paths to time (e.g. layanan,data; '' is Ringkasan)"
    )
    ap.add_argument("--no-presentation", action="store_true", help="skip presentation mode")
    ap.add_argument(
        "--no-prefetch",
        action="store_true",
        help="the server prefetches no other year (ASN_PREFETCH_YEARS=0): a new year cold",
    )
    ap.add_argument(
        "--kept",
        action="store_true",
        help="leave the kept questions (<store>.recent.json): cold = the first visit after a restart",
    )
    args = ap.parse_args()
    globals()["TIMEOUT"] = args.timeout
    pages = (
        ALL_PAGES if args.pages is None else [p for p in ALL_PAGES if p in args.pages.split(",")]
    )
    if not args.db.exists():
        subprocess.run(
            [sys.executable, "-m", "analytics", "demo", "--db", str(args.db)], check=True, cwd=ROOT
        )
    fresh: dict[str, list[float]] = {p: [] for p in pages}
    click: dict[str, list[float]] = {p: [] for p in pages}
    cold: dict[str, float] = {}
    change_new: dict[str, float] = {}
    change_again: dict[str, list[float]] = {p: [] for p in pages}
    quiet = args.quiet
    kept = Path(f"{args.db}.recent.json")
    aside = kept.with_name(kept.name + ".bench-aside")
    if aside.exists():  # an interrupted run's: the file as it was before that run
        aside.replace(kept)
    if kept.exists() and not args.kept:
        kept.replace(aside)
    try:
        run(args, pages, fresh, click, cold, change_new, change_again, quiet)
    finally:
        if not args.kept:  # the store's folder as it was: the benchmark's questions not kept
            kept.unlink(missing_ok=True)
            if aside.exists():
                aside.replace(kept)


def wait_warmed(log: Path, timeout: float = 300.0) -> float | None:
    """Seconds the server reported for warming the kept questions, once it has (None, said so:
    nothing in the file could be warmed, or not within `timeout`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        found = re.search(r"warmed (\d+) answers kept from before the start in ([\d.]+) s", text)
        if found:
            print(f"kept questions warmed at start: {found[1]} answers in {found[2]} s")
            return float(found[2])
        time.sleep(0.5)
    print(f"kept questions: no warm reported within {timeout:.0f} s")
    return None


def run(args, pages, fresh, click, cold, change_new, change_again, quiet) -> None:  # noqa: ANN001
    env = {"ASN_PREFETCH_YEARS": "0"} if args.no_prefetch else {}
    with serve(args.db, env=env) as base, browser() as page:
        if args.kept and Path(f"{args.db}.recent.json").exists():
            wait_warmed(Path(f"{args.db}.serve-{base.rsplit(':', 1)[1]}.log"))
        # presentation mode first, switched on right after the server started (caches empty):
        # the first screen, then each next one as a clicker moves on (PageDown)
        present: list[float] = []
        for i in range(0 if args.no_presentation else len(SCREENS)):
            t0 = time.monotonic()
            if i == 0:
                page.goto(f"{base}/?presentasi=true")
            else:
                page.keyboard.press("PageDown")
                time.sleep(0.3)  # the rerun starts (wait_ready would see the old screen)
            present.append(ready(page, t0, quiet))
        page.goto(base)
        ready(page, time.monotonic(), quiet)  # the app shell and the filter choices
        for path in pages:  # then each page once: its caches fill, as a running dashboard's
            t0 = time.monotonic()
            page.goto(f"{base}/{path}")
            cold[path] = ready(page, t0, quiet)
        for _ in range(args.repeat):
            for path in pages:
                t0 = time.monotonic()
                page.goto(f"{base}/{path}")
                fresh[path].append(ready(page, t0, quiet))
            for path in pages:
                link = page.locator("[data-testid='stSidebarNav'] a", has_text=TITLES[path]).first
                t0 = time.monotonic()
                link.click()
                click[path].append(ready(page, t0, quiet))
        years = sorted(
            (o for o in year_options(page, base) if o.isdigit()), reverse=True
        )  # fmt: skip
        if len(years) >= 2:
            for path in pages:
                page.goto(f"{base}/{path}")
                ready(page, time.monotonic(), quiet)
                for i, year in enumerate([years[1], years[0]] * args.repeat):
                    seconds = choose_year(page, year, quiet)
                    if i == 0:
                        change_new[path] = seconds
                    else:
                        change_again[path].append(seconds)
        peak = server_peak_mb(int(base.rsplit(":", 1)[1]))
    print(f"ready = the last change, once nothing changed for {quiet:g} s")
    print(
        "filter: new = " + ("computed (--no-prefetch)" if args.no_prefetch else "prefetched year")
    )
    print(
        f"{'page':<22}{'first (cold)':>14}{'fresh tab median':>18}{'max':>8}"
        f"{'nav click median':>19}{'max':>8}{'filter: new':>13}{'again median':>14}"
    )
    for path in pages:
        f, c, a = fresh[path], click[path], change_again[path]
        new = secs(change_new[path], 13) if path in change_new else f"{'-':>13}"
        again = secs(statistics.median(a), 14) if a else f"{'-':>14}"
        print(
            f"/{path:<21}{secs(cold[path], 14)}{secs(statistics.median(f), 18)}{secs(max(f), 9)}"
            f"{secs(statistics.median(c), 19)}{secs(max(c), 9)}{new}{again}"
        )
    if present:
        print(
            "presentation mode, cold (just after the server started): first screen "
            f"{secs(present[0], 0)}; next screens (PageDown, each cold) "
            + ", ".join(secs(x, 0) for x in present[1:])
        )
    if peak is not None:
        print(f"dashboard process peak memory (VmHWM): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
