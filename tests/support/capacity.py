"""Capacity: how many concurrent sessions dashboard processes hold with page p95 within a bound.

Used by `scripts/bench_load.py --capacity` (a benchmark, never a timed test) and, small, by
tests/ui/test_capacity.py. Sessions speak Streamlit's own protocol (tests/support/load.py's
WsSession: the messages a browser tab sends); each opens a link with some filters, visits pages
with a reader's pause between them, and after a few pages opens another link, as people do.
A page time is from the rerun request until the script finished and every element arrived (the
server's part of a click; the browser's drawing comes on top, see scripts/bench_pages.py).

The ramp starts N sessions at each level for a while and measures the pages they load; a level
holds when no page failed and the p95 page time stays within the bound. With several base URLs
(several dashboard processes) sessions are spread over them, as a proxy with sticky sessions
would.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from tests.support.browser import PAGES
from tests.support.load import WsSession


@dataclass(frozen=True)
class Ramp:
    levels: tuple[int, ...] = (10, 20, 40, 60, 80)
    seconds: float = 60.0  # measured at each level, after the sessions arrived
    think: tuple[float, float] = (5.0, 15.0)  # a reader's pause between two pages
    bound: float = 3.0  # page p95, seconds
    links: tuple[str, ...] = ("",)  # query strings sessions open (filters)
    seed: int = 7


@dataclass
class Level:
    sessions: int
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def p95(self) -> float:
        if len(self.times) < 2:
            return max(self.times, default=0.0)
        return statistics.quantiles(self.times, n=20)[-1]

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else 0.0

    @property
    def pages_per_second(self) -> float:
        return len(self.times) / self.seconds if self.seconds else 0.0

    def holds(self, bound: float) -> bool:
        return not self.errors and bool(self.times) and self.p95 <= bound


def default_links(agencies: list[str], year: int | None = None) -> tuple[str, ...]:
    """Links people open: the whole province, a previous year, a few agencies, English."""
    links = ["", "lang=EN"]
    if year is not None:
        links.append(urlencode({"tahun": str(year - 1)}))
    links += [urlencode({"opd": a}) for a in agencies[:4]]
    return tuple(links)


async def _session(
    base: str, ramp: Ramp, rng: random.Random, level: Level, measuring: asyncio.Event,
    stop: asyncio.Event,
) -> None:  # fmt: skip
    await asyncio.sleep(rng.uniform(0, ramp.think[1]))  # people do not all arrive at once
    while not stop.is_set():
        query = rng.choice(ramp.links)
        try:
            async with WsSession(base, query) as s:
                for i in range(rng.randint(3, 8)):
                    page = rng.choice(PAGES) if i else ""
                    v = await s.visit(page)
                    if measuring.is_set() and not stop.is_set():
                        level.times.append(v.end - v.start)
                        level.errors += [f"/{page}?{query}: {e}" for e in v.errors]
                    await asyncio.sleep(rng.uniform(*ramp.think))
                    if stop.is_set():
                        break
        except Exception as e:  # a dropped connection or a hung page counts against the level
            if measuring.is_set() and not stop.is_set():
                level.errors.append(f"session {query!r}: {type(e).__name__}: {e}")
            await asyncio.sleep(1)


async def _level(bases: list[str], ramp: Ramp, n: int) -> Level:
    level = Level(n)
    measuring, stop = asyncio.Event(), asyncio.Event()
    rng = random.Random(ramp.seed * 1000 + n)
    tasks = [
        asyncio.create_task(
            _session(bases[i % len(bases)], ramp, random.Random(rng.random()), level,
                     measuring, stop)
        )
        for i in range(n)
    ]  # fmt: skip
    await asyncio.sleep(ramp.think[1])  # everyone arrived and loaded a first page
    measuring.set()
    t0 = time.monotonic()
    await asyncio.sleep(ramp.seconds)
    level.seconds = time.monotonic() - t0
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return level


async def _warm(bases: list[str], links: tuple[str, ...], progress=print) -> None:
    """Every page of every link once per process: the caches a dashboard that served a while
    has (the first load after a start or an import is measured by bench_pages' cold column).
    A page still computing after the visit's timeout is said and left to finish behind."""
    for base in bases:
        for query in links:
            for page in PAGES:
                try:
                    async with WsSession(base, query) as s:
                        await s.visit(page)
                except TimeoutError:
                    progress(f"warming: /{page}?{query} was not ready within its timeout")


def run(bases: list[str], ramp: Ramp, progress=print) -> list[Level]:
    """Measure each level in turn; stop after the first level that does not hold."""

    async def main() -> list[Level]:
        await _warm(bases, ramp.links, progress)
        out = []
        for n in ramp.levels:
            level = await _level(bases, ramp, n)
            out.append(level)
            progress(line(level, ramp.bound))
            if not level.holds(ramp.bound):
                break
        return out

    return asyncio.run(main())


def line(level: Level, bound: float) -> str:
    verdict = "holds" if level.holds(bound) else "does not hold"
    return (
        f"{level.sessions:>5} sessions  {len(level.times):>5} pages  "
        f"{level.pages_per_second:>5.1f} pages/s  median {level.median:5.2f} s  "
        f"p95 {level.p95:5.2f} s  errors {len(level.errors):>3}  {verdict}"
    )


def held(levels: list[Level], bound: float) -> int:
    """The most sessions of a level that held (0 when none did)."""
    return max((lv.sessions for lv in levels if lv.holds(bound)), default=0)
