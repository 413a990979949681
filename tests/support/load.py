"""The load driver: about 20 dashboard sessions browse while command-line imports change the data.

Shared by the load test (tests/ui/test_load.py, small) and the benchmark (scripts/bench_load.py).
It drives the served dashboard from outside, as its users do, and never imports `analytics`:
the demo store is built, its figures exported and the imports run through `python -m analytics`
(forwarded to the dashboard, which owns the store); duckdb reads the store file only before the
dashboard opens it, to write the import files.

Sessions:
- light sessions speak Streamlit's own protocol (protobuf BackMsg/ForwardMsg on the websocket
  `/_stcore/stream`, the messages the browser sends): each opens a link with some filters, visits
  a few pages in that session (a rerun each), closes, opens another link;
- one of them is a probe: it reruns the Metode page (frame, filter bar, snapshot, no figures)
  back to back, so the time a rerun waits on the store shows without the pages' own work;
- a few real pages in Debian's Chromium (Playwright, one browser, a context each) open links and
  click through the sidebar; their page errors and console errors count as errors.

Checks on every page load: no exception element, exactly one data-version marker (the page
header's `data-version`), and one data version on the whole page: the Ringkasan KPIs equal the
figures exported for the version the page shows, and every load of the same page, filters and
version renders the same content (a page mixing two versions would differ from the others).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import hashlib
import json
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PAGES, READY_JS, ROOT, serve

PY = sys.executable
VERSION_RE = re.compile(r"data-version='(\d+)'")
# Ringkasan's first four tiles, in order: assessed, mean JPM, % meeting, mean shortfall
KPI_FIELDS = ("employees", "mean_jpm", "pct_meeting", "mean_shortfall")
KPI_DECIMALS = (0, 1, 1, 2)
BROWSER_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const q = (sel) => main ? [...main.querySelectorAll(sel)] : [];
  return {
    versions: q('[data-version]').map(e => e.dataset.version),
    exceptions: q('[data-testid="stException"]').map(e => e.innerText.slice(0, 300)),
    metrics: q('[data-testid="stMetricValue"]').map(e => e.innerText),
    path: location.pathname.replace(/^\\//, ''),
    query: location.search.replace(/^\\?/, ''),
  };
}"""


# Counts finished script runs: Streamlit's root element carries the run state
# (data-test-script-state: initial, running, notRunning, ...), as its own end-to-end tests read it.
COUNT_RUNS_JS = """
window.__asnRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'notRunning'
        && r.oldValue !== 'notRunning') window.__asnRuns += 1;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
STATE_JS = """() => ({url: location.href, runs: window.__asnRuns,
  app: Object.fromEntries([...(document.querySelector('[data-testid="stApp"]')?.attributes || [])]
    .filter(a => a.name.startsWith('data-test')).map(a => [a.name, a.value])),
  status: document.querySelector('[data-testid="stStatusWidget"]')?.innerText,
  h1: document.querySelector('[data-testid="stMain"] h1')?.innerText,
  stale: document.querySelectorAll('[data-stale="true"]').length,
  skeleton: document.querySelectorAll('[data-testid="stSkeleton"]').length})"""
RUNS_JS = """() => [window.__asnRuns || 0,
  document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state')]"""
OTHER_PAGES_JS = """() => [...document.querySelectorAll('[data-testid="stSidebarNav"] a')]
  .map((a, i) => [new URL(a.href).pathname, i])
  .filter(([path]) => path.replace(/\\/$/, '') !== location.pathname.replace(/\\/$/, ''))
  .map(([, i]) => i)"""


@dataclass(frozen=True)
class Plan:
    sessions: int = 20  # all of them: light ones, the probe and the browser pages
    browser_pages: int = 3
    imports: int = 3
    before: float = 20.0  # seconds of browsing before the first import
    gap: float = 20.0  # between one import's end and the next one's start
    after: float = 20.0  # after the last import
    employees: int = 12000
    seed: int = 7
    think: tuple[float, float] = (1.0, 4.0)  # a user's pause between two page loads
    # reader processes beside the owner (ui.serve --owner / --reader); the sessions are dealt
    # out over all the processes in turn, as a sticky proxy spreads browsers
    readers: int = 0


@dataclass
class Visit:
    """One page load: a rerun of a light session or a page of the browser."""

    client: str  # "ws", "probe" or "browser"
    page: str
    state: str  # the link's filters, canonical query string
    start: float
    end: float
    versions: list[int] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    fingerprint: str = ""
    errors: list[str] = field(default_factory=list)
    base: str = ""  # the process that served it (its base URL)


@dataclass
class ImportRun:
    path: Path
    start: float
    end: float
    returncode: int
    version: int | None
    output: str


@dataclass
class Load:
    plan: Plan
    t0: float
    t_end: float
    first_version: int
    visits: list[Visit]
    imports: list[ImportRun]
    expected: dict[int, dict[str, tuple[float, ...]]]
    anchors: dict[str, str]  # canonical state -> what it selects, for messages
    errors: list[str]  # of sessions, the browser, the imports, outside any one visit
    server: list[dict] = field(default_factory=list)  # the dashboard's snapshots and writes
    notes: list[str] = field(default_factory=list)  # odd but not wrong, e.g. a click repeated


def canonical(query: str) -> str:
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


# --- the store and the import files ------------------------------------------------------


def build_store(db: Path, employees: int, seed: int) -> None:
    run = subprocess.run(
        [PY, "-m", "analytics", "demo", "--db", str(db), "--employees", str(employees)]
        + ["--seed", str(seed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if run.returncode != 0:
        raise RuntimeError(f"demo failed: {run.stdout}{run.stderr}")


@dataclass(frozen=True)
class Facts:
    version: int
    year: int
    previous_year: int
    agency_id: str
    agency_name: str
    job_family: str


def write_imports(db: Path, out: Path, count: int, seed: int) -> tuple[Facts, list[Path]]:
    """`count` assessment files that each change the figures of the latest year: they assess
    people not yet assessed that year (against their position's standards) and raise the levels
    of a share of that year's scores. Read before the dashboard owns the store."""
    import duckdb

    rng = random.Random(seed)
    conn = duckdb.connect(str(db), read_only=True)
    try:
        version = conn.execute("select coalesce(max(import_id), 0) from import_log").fetchall()
        years = conn.execute(
            "select distinct year(assessed_on) y from assessments order by y desc"
        ).fetchall()
        year, previous = int(years[0][0]), int(years[1][0])
        agency = conn.execute(
            "select a.agency_id, a.agency_name, count(*) n from employees e "
            "join agencies a using (agency_key) group by all order by n desc, agency_id limit 1"
        ).fetchall()[0]
        family = conn.execute(
            "select p.job_family, count(*) n from employees e join positions p using "
            "(position_key) group by all order by n desc, job_family limit 1"
        ).fetchall()[0][0]
        new = conn.execute(
            "select e.nip, c.competency_id from employees e "
            "join standards s on s.position_key = e.position_key "
            "join competencies c on c.competency_key = s.competency_key "
            "where not exists (select 1 from assessments a where a.emp_key = e.emp_key "
            "  and year(a.assessed_on) = $y) order by e.nip, c.competency_id",
            {"y": year},
        ).fetchall()
        scored = conn.execute(
            "select e.nip, c.competency_id, a.assessed_on, a.level::varchar, a.method "
            "from assessments a join employees e using (emp_key) "
            "join competencies c using (competency_key) "
            "where year(a.assessed_on) = $y order by 1, 2, 3",
            {"y": year},
        ).fetchall()
    finally:
        conn.close()
    facts = Facts(int(version[0][0]), year, previous, agency[0], agency[1], family)
    people = sorted({nip for nip, _ in new})
    batch = {nip: i % count for i, nip in enumerate(people)}
    files = []
    for k in range(count):
        rows = [
            (nip, comp, f"{year}-11-{k + 10:02d}", f"{rng.randint(15, 45) / 10:.1f}", "CAT")
            for nip, comp in new
            if batch[nip] == k
        ]
        for nip, comp, day, level, method in scored:
            if int(nip[-4:]) % count == k:  # a share of the year's people, different per file
                raised = min(Decimal(level) + Decimal("0.5"), Decimal("5.0"))
                rows.append((nip, comp, day.isoformat(), str(raised), method or ""))
        folder = out / f"import-{k + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "assessments.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["nip", "competency_id", "assessed_on", "level", "method"])
            w.writerows(rows)
        files.append(path)
    return facts, files


def anchor_states(facts: Facts) -> dict[str, tuple[int, str | None]]:
    """Ringkasan links whose KPIs are checked: canonical query -> (year, agency_id or None)."""
    ag, prev = facts.agency_name, str(facts.previous_year)
    return {
        canonical(""): (facts.year, None),
        canonical(urlencode({"tahun": prev})): (facts.previous_year, None),
        canonical(urlencode({"opd": ag})): (facts.year, facts.agency_id),
        canonical(urlencode({"opd": ag, "tahun": prev})): (facts.previous_year, facts.agency_id),
    }


def session_states(facts: Facts) -> list[str]:
    extra = [urlencode({"rumpun": facts.job_family}), "lang=EN", urlencode({"jenis": "Pelaksana"})]
    return list(anchor_states(facts)) + [canonical(q) for q in extra]


async def _cli(db: Path, *args: str, timeout: float = 600) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        PY,
        "-m",
        "analytics",
        *args,
        "--db",
        str(db),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return -1, f"timed out after {timeout:.0f} s"
    return int(proc.returncode or 0), out.decode(errors="replace")


async def expected_figures(db: Path, facts: Facts) -> dict[str, tuple[float, ...]]:
    """The anchor links' KPIs as `export trend` prints them (forwarded to the owner, so they
    are read from the version the store holds at that moment: the driver is the only writer)."""
    (rc1, overall), (rc2, by_agency) = await asyncio.gather(
        _cli(db, "export", "trend", "--format", "json"),
        _cli(db, "export", "trend", "--by", "agency", "--format", "json"),
    )
    if rc1 or rc2:
        raise RuntimeError(f"export failed: {overall}{by_agency}")
    rows = json.loads(overall) + json.loads(by_agency)
    out = {}
    for state, (year, agency) in anchor_states(facts).items():
        match = [r for r in rows if r["year"] == year and r.get("agency_id") == agency]
        if len(match) == 1:
            out[state] = tuple(float(match[0][k]) for k in KPI_FIELDS)
    return out


# --- sessions ------------------------------------------------------------------------------


def _element_content(e) -> str | None:
    """What a page shows in one element, for the fingerprint (widgets are left out)."""
    kind = e.WhichOneof("type")
    if kind in ("markdown", "html", "heading", "text", "alert"):
        return f"{kind}:{getattr(e, kind).body}"
    if kind == "metric":
        return f"metric:{e.metric.label}|{e.metric.body}|{e.metric.delta}"
    if kind == "plotly_chart":
        spec = json.loads(e.plotly_chart.spec)
        title = spec.get("layout", {}).get("title")
        return "plotly:" + json.dumps([spec.get("data"), title], sort_keys=True)
    if kind in ("dataframe", "table"):
        return f"{kind}:{getattr(e, kind).arrow_data.data.hex()}"
    if kind == "exception":
        return f"exception:{e.exception.type}: {e.exception.message}"
    return None


class WsSession:
    """One Streamlit session over the websocket, as a browser tab holds it."""

    def __init__(self, base: str, query: str):
        self.base, self.query = base, query
        self.ws = None

    async def __aenter__(self) -> WsSession:
        import websockets

        url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await websockets.connect(
            url, subprotocols=["streamlit"], origin=self.base, max_size=None, open_timeout=60
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def visit(self, page: str, client: str = "ws", timeout: float = 180) -> Visit:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_name = page
        v = Visit(client, page, self.query, time.monotonic(), 0.0, base=self.base)
        elements: dict[tuple[int, ...], str] = {}
        await self.ws.send(msg.SerializeToString())
        deadline = v.start + timeout
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(deadline - time.monotonic(), 0.1))
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                content = _element_content(fwd.delta.new_element)
                if content is not None:
                    elements[tuple(fwd.metadata.delta_path)] = content
            elif kind == "page_not_found":
                v.errors.append(f"page not found: {page!r}")
            elif kind == "session_event" and fwd.session_event.HasField(
                "script_compilation_exception"
            ):
                v.errors.append("script compilation error")
            elif kind == "script_finished":
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    v.errors.append(f"script finished with status {fwd.script_finished}")
                break
        v.end = time.monotonic()
        ordered = [elements[p] for p in sorted(elements)]
        for content in ordered:
            if content.startswith("exception:"):
                v.errors.append(content[:300])
            v.versions += [int(x) for x in VERSION_RE.findall(content)]
            if content.startswith("metric:"):
                v.metrics.append(content.split("|")[1])
        v.fingerprint = hashlib.sha1("\x00".join(ordered).encode()).hexdigest()
        return v


async def _ws_user(
    base: str,
    states: list[str],
    first: str,
    rng: random.Random,
    plan: Plan,
    stop: asyncio.Event,
    out: Load,
) -> None:
    """Opens links (the first one `first`) on Ringkasan, then visits a few pages in that session."""
    pages = ["", ""] + PAGES  # Ringkasan (the checked KPIs) twice as often
    await asyncio.sleep(rng.uniform(0, plan.think[1]))  # people do not all arrive at once
    query = first
    while not stop.is_set():
        try:
            async with WsSession(base, query) as s:
                for i in range(rng.randint(2, 6)):
                    out.visits.append(await s.visit(rng.choice(pages) if i else ""))
                    await asyncio.sleep(rng.uniform(*plan.think))
                    if stop.is_set():
                        break
        except Exception as e:  # a dropped connection or a hung rerun is an error of the run
            out.errors.append(f"ws session {query!r}: {type(e).__name__}: {e}")
            await asyncio.sleep(1)
        query = rng.choice(states)


async def _probe(base: str, stop: asyncio.Event, out: Load) -> None:
    try:
        async with WsSession(base, "") as s:
            while not stop.is_set():
                out.visits.append(await s.visit("metode", client="probe"))
                await asyncio.sleep(0.25)
    except Exception as e:
        out.errors.append(f"probe session: {type(e).__name__}: {e}")


async def _wait_ready(page, runs_before: int, timeout: float = 180) -> None:
    """Until a script run after `runs_before` has finished and the page stopped changing. The
    status widget alone is not enough under load: a page that has drawn its title and waits
    for the server looks finished to READY_JS."""
    start = time.monotonic()
    last, stable_since = None, None
    while time.monotonic() - start < timeout:
        runs, state = await page.evaluate(RUNS_JS)
        if runs <= runs_before or state != "notRunning":
            last, stable_since = None, None
            await asyncio.sleep(0.1)
            continue
        ok, n, plots = await page.evaluate(READY_JS)
        now = time.monotonic()
        if ok and (n, plots) == last:
            if stable_since is not None and now - stable_since > 0.6:
                return
        else:
            stable_since = now
        last = (n, plots) if ok else None
        await asyncio.sleep(0.1)
    seen = await page.evaluate(STATE_JS)
    raise TimeoutError(f"page not ready after {timeout:.0f} s ({runs_before} runs before): {seen}")


def _console(msg, out: Load) -> None:
    """Console errors count, except Streamlit's frontend looking for its server under the page's
    own path first (`/kesenjangan/_stcore/health`, then `/_stcore/health`): a 404 by design."""
    if msg.type != "error":
        return
    url = (msg.location or {}).get("url", "")
    if "404" in msg.text and re.search(r"/[^/]+/_stcore/(health|host-config)$", url):
        return
    out.errors.append(f"browser console: {msg.text[:300]} ({url})")


async def _click(link, page, out: Load, attempts: int = 3) -> int:
    """Click a sidebar link until a script run starts; returns the runs counted before it.
    Under heavy load Chromium now and then drops a click (the URL stays, no run starts): a
    person clicks again, and so does this, noting it."""
    for _ in range(attempts):
        runs, _ = await page.evaluate(RUNS_JS)
        await link.click()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            now, state = await page.evaluate(RUNS_JS)
            if now > runs or state != "notRunning":
                return runs
            await asyncio.sleep(0.1)
        out.notes.append("a sidebar click started no run within 15 s: clicked again")
    return runs


async def _browser_page(browser, base: str, out: Load):
    """A Chromium page in its own context, the dashboard opened once (the app's code loaded and
    compiled, as in a browser that has visited before)."""
    ctx = await browser.new_context(viewport={"width": 1440, "height": 1800})
    page = await ctx.new_page()
    page.on("pageerror", lambda e: out.errors.append(f"browser page error: {e}"))
    page.on("console", lambda m: _console(m, out))
    await ctx.add_init_script(COUNT_RUNS_JS)
    await page.goto(base)
    await _wait_ready(page, 0)
    return page


async def _browser_user(
    page, base: str, states: list[str], rng: random.Random, plan: Plan, stop, out: Load
) -> None:
    async def read(start: float, runs_before: int) -> Visit:
        await _wait_ready(page, runs_before)
        seen = await page.evaluate(BROWSER_JS)
        v = Visit("browser", seen["path"], canonical(seen["query"]), start, time.monotonic())
        v.base = base
        v.versions = [int(x) for x in seen["versions"]]
        v.metrics = seen["metrics"]
        v.errors = [f"exception: {x}" for x in seen["exceptions"]]
        return v

    try:
        while not stop.is_set():
            path, query = rng.choice(PAGES), rng.choice(states)
            start = time.monotonic()
            await page.goto(f"{base}/{path}" + (f"?{query}" if query else ""))
            out.visits.append(await read(start, 0))  # a new document counts from 0
            for _ in range(rng.randint(1, 3)):  # then through the sidebar, as people do
                await asyncio.sleep(rng.uniform(*plan.think))
                if stop.is_set():
                    break
                link = page.locator("[data-testid='stSidebarNav'] a").nth(
                    rng.choice(await page.evaluate(OTHER_PAGES_JS))  # another page
                )
                start = time.monotonic()
                out.visits.append(await read(start, await _click(link, page, out)))
    except Exception as e:
        out.errors.append(f"browser page: {type(e).__name__}: {str(e)[:1500]}")
    finally:
        await page.context.close()


async def _imports(db: Path, files: list[Path], facts: Facts, plan: Plan, stop, out: Load) -> None:
    try:
        await asyncio.sleep(plan.before)
        for i, path in enumerate(files):
            if i:
                await asyncio.sleep(plan.gap)
            start = time.monotonic()
            rc, text = await _cli(db, "import", "--lang", "en", str(path))
            m = re.search(r"Import #(\d+) stored", text)
            run = ImportRun(path, start, time.monotonic(), rc, int(m[1]) if m else None, text)
            out.imports.append(run)
            if rc != 0 or run.version is None:
                out.errors.append(f"import {path.parent.name} exit {rc}: {text[-800:]}")
                break
            # Still quiet: no other writer, so this export reads exactly that version.
            out.expected[run.version] = await expected_figures(db, facts)
        await asyncio.sleep(plan.after)
    finally:
        stop.set()


async def _drive(bases: list[str], db: Path, files: list[Path], facts: Facts, plan: Plan) -> Load:
    """Drive the processes at `bases` (the owner first): session i goes to bases[i % n]."""
    from playwright.async_api import async_playwright

    out = Load(plan, time.monotonic(), 0.0, facts.version, [], [], {}, {}, [])

    async def warm_up(base: str) -> None:  # modules loaded and the default view cached, as in
        async with WsSession(base, "") as s:  # a dashboard that has served a while
            for page in PAGES:
                out.errors += [f"warm-up /{page}: {e}" for e in (await s.visit(page)).errors]

    def base_of(i: int) -> str:
        return bases[i % len(bases)]

    out.anchors = {
        s: f"year {y}, agency {a or 'all'}" for s, (y, a) in anchor_states(facts).items()
    }
    states = session_states(facts)
    stop = asyncio.Event()
    rng = random.Random(plan.seed)
    light = plan.sessions - plan.browser_pages - 1
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            expected, *pages = await asyncio.gather(
                expected_figures(db, facts),
                *(_browser_page(browser, base_of(i), out) for i in range(plan.browser_pages)),
            )
            await asyncio.gather(*(warm_up(base) for base in bases))
            out.expected[facts.version] = expected
            out.t0 = time.monotonic()
            tasks = [  # the first links cover every checked Ringkasan view
                _ws_user(
                    base_of(plan.browser_pages + 1 + i),
                    states,
                    states[i % len(states)],
                    random.Random(rng.random()),
                    plan,
                    stop,
                    out,
                )
                for i in range(light)
            ]
            tasks.append(_probe(bases[-1], stop, out))  # a reader's when there are readers
            tasks += [
                _browser_user(
                    page, base_of(i), states, random.Random(rng.random()), plan, stop, out
                )
                for i, page in enumerate(pages)
            ]
            tasks.append(_imports(db, files, facts, plan, stop, out))
            await asyncio.gather(*tasks)
            out.t_end = time.monotonic()
        finally:
            with contextlib.suppress(Exception):
                await browser.close()
    return out


def run(workdir: Path, plan: Plan, db: Path | None = None) -> Load:
    """Build a demo store in `workdir` (unless `db` names one), serve it on free loopback
    ports (one process, or an owner and `plan.readers` readers), and run the plan."""
    workdir.mkdir(parents=True, exist_ok=True)
    if db is None:
        db = workdir / "asn.duckdb"
        build_store(db, plan.employees, plan.seed)
    facts, files = write_imports(db, workdir, plan.imports, plan.seed)
    log = workdir / "server-timings.jsonl"
    log.unlink(missing_ok=True)
    script = str(ROOT / "tests" / "support" / "load_serve.py")
    env = {"ASN_LOAD_LOG": str(log)}
    with contextlib.ExitStack() as stack:
        owner = (script, "--owner") if plan.readers else (script,)
        bases = [stack.enter_context(serve(db, timeout=180, entry=owner, env=env))]
        bases += [
            stack.enter_context(serve(db, timeout=180, entry=(script, "--reader"), env=env))
            for _ in range(plan.readers)
        ]
        load = asyncio.run(_drive(bases, db, files, facts, plan))
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    load.server = [json.loads(line) for line in lines]
    return load


# --- checks and figures ----------------------------------------------------------------------


def _number(text: str) -> float | None:
    """A KPI as the Indonesian UI prints it: `1.793`, `102,1`, `47,5%`, `+0,11`."""
    t = text.strip().replace("\u00a0", "").rstrip("%").replace(".", "").replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def problems(load: Load) -> list[str]:
    """Everything that broke the rules: errors, pages without exactly one version marker or with
    a version that never existed, KPIs of another version, one view rendered two ways."""
    out = list(load.errors)
    versions = set(load.expected)
    groups: dict[tuple[str, str, int], set[str]] = {}
    for v in load.visits:
        where = f"{v.client} /{v.page}?{v.state} at {v.start - load.t0:.1f} s"
        out += [f"{where}: {e}" for e in v.errors]
        if len(v.versions) != 1:
            out.append(f"{where}: {len(v.versions)} data-version markers {v.versions}")
            continue
        version = v.versions[0]
        if version not in versions:
            out.append(f"{where}: data version {version} was never committed")
            continue
        if v.client == "ws":
            groups.setdefault((v.page, v.state, version), set()).add(v.fingerprint)
        want = load.expected[version].get(v.state)
        if v.page in ("", "ringkasan") and want is not None and not v.errors:
            shown = [_number(m) for m in v.metrics[: len(KPI_DECIMALS)]]
            for shown_v, want_v, dec, name in zip(
                shown, want, KPI_DECIMALS, KPI_FIELDS, strict=False
            ):
                if shown_v is None or abs(shown_v - want_v) > 0.5 * 10**-dec + 1e-9:
                    out.append(
                        f"{where}: {name} shows {shown_v}, version {version} has {want_v:.4f}"
                    )
    for (page, state, version), prints in sorted(groups.items()):
        if len(prints) > 1:
            out.append(f"/{page}?{state} at version {version} rendered {len(prints)} ways")
    return out


def checked(load: Load) -> dict[str, int]:
    """How much the checks covered."""
    anchors = [
        v
        for v in load.visits
        if v.page in ("", "ringkasan")
        and len(v.versions) == 1
        and load.expected.get(v.versions[0], {}).get(v.state) is not None
    ]
    groups = {
        (v.page, v.state, v.versions[0])
        for v in load.visits
        if v.client == "ws" and len(v.versions) == 1
    }
    distinct = sum(
        len({w[s] for w in load.expected.values() if s in w}) == len(load.expected)
        for s in load.anchors
    )
    return {
        "kpi_checks": len(anchors),
        "groups": len(groups),
        "versions_seen": len({v.versions[0] for v in load.visits if len(v.versions) == 1}),
        "anchors_distinguishing_versions": distinct,
    }


def _stats(xs: list[float]) -> str:
    if not xs:
        return "n=0"
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return (
        f"n={len(xs):<4} median {statistics.median(xs):7.3f} s  p95 {p95:7.3f} s  "
        f"max {xs[-1]:7.3f} s"
    )


def phase(load: Load, v: Visit) -> str:
    """before the first import, during one (the rerun overlaps it), or after."""
    return _phase(load, v.start, v.end)


def _phase(load: Load, start: float, end: float) -> str:
    if not load.imports or end <= load.imports[0].start:
        return "before"
    if any(start < r.end and end > r.start for r in load.imports):
        return "during"
    return "after"


def report(load: Load) -> str:
    plan, found = load.plan, problems(load)
    cover = checked(load)
    by = {c: [v for v in load.visits if v.client == c] for c in ("ws", "probe", "browser")}
    lines = [
        f"sessions      {plan.sessions} ({plan.sessions - plan.browser_pages - 1} websocket, "
        f"1 probe, {plan.browser_pages} Chromium pages)",
        f"processes     {1 + plan.readers} "
        + (
            f"(the owner and {plan.readers} readers, sessions dealt out in turn)"
            if plan.readers
            else "(one)"
        ),
        f"duration      {load.t_end - load.t0:.1f} s",
        f"page loads    {len(load.visits)} (websocket {len(by['ws'])}, probe {len(by['probe'])}, "
        f"Chromium {len(by['browser'])})",
        f"data versions {cover['versions_seen']} seen: "
        + ", ".join(
            f"#{ver} {sum(1 for v in load.visits if v.versions == [ver])}"
            for ver in sorted(load.expected)
        ),
        f"checks        {cover['kpi_checks']} Ringkasan loads' KPIs against the export of the "
        f"version shown; {cover['groups']} (page, filters, version) groups rendered alike",
        f"errors        {len(found)}",
    ]
    lines += [f"  {p}" for p in found[:20]]
    lines += [f"note          {n} ({load.notes.count(n)}x)" for n in sorted(set(load.notes))]
    for r in load.imports:
        lines.append(
            f"import        #{r.version} {r.path.parent.name}: {r.end - r.start:.1f} s wall "
            f"(exit {r.returncode}), at {r.start - load.t0:.1f} s"
        )

    def server(kind: str) -> list[dict]:
        return [
            x
            for x in load.server
            if x["kind"] == kind
            and x["thread"].startswith("ScriptRunner")
            and load.t0 <= x["asked"] <= load.t_end
        ]

    rows: list[tuple[str, list[tuple[float, float, float]]]] = [
        (
            "websocket rerun, request to script finished",
            [(v.start, v.end, v.end - v.start) for v in by["ws"]],
        ),
        (
            "probe rerun (Metode: frame and snapshot only)",
            [(v.start, v.end, v.end - v.start) for v in by["probe"]],
        ),
        (
            "dashboard: script run",
            [(x["asked"], x["released"], x["released"] - x["asked"]) for x in server("rerun")],
        ),
        (
            "dashboard: wait for the snapshot",
            [(x["asked"], x["released"], x["got"] - x["asked"]) for x in server("snapshot")],
        ),
        (
            "Chromium: link or sidebar click to page ready",
            [(v.start, v.end, v.end - v.start) for v in by["browser"]],
        ),
    ]
    lines.append("reader wait, before / during (overlapping an import) / after the imports:")
    for title, spans in rows:
        lines.append(f"  {title}")
        for ph in ("before", "during", "after"):
            xs = [d for a, b, d in spans if _phase(load, a, b) == ph]
            lines.append(f"    {ph:<8}{_stats(xs)}")
    for x in load.server:
        if x["kind"] == "write" and load.t0 <= x["asked"] <= load.t_end:
            lines.append(
                f"  write transaction at {x['got'] - load.t0:.1f} s: waited "
                f"{x['got'] - x['asked']:.3f} s for the lock, held {x['released'] - x['got']:.2f} s"
            )
    return "\n".join(lines)
