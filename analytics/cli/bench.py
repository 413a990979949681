"""`python -m analytics bench`: how fast every view and export answers, and at what cost.

For a store of a given size (`--employees N` builds or reuses data/bench-N.duckdb; `--db`
uses that store, filled with the demo when empty) it prints:
- the store: rows, size on disk, build and refresh times (recorded when it was built);
- every dashboard view and metric: p50 and p95 of warm calls cycling through filters a user
  would set, CPU time, rows, rows per second (for answers that grow with the workforce);
- the same answers computed the naive way, side by side in the same run: the per-person rows
  without roll-ups, a plain join over the raw scores, and pandas over the raw rows in memory,
  with the ratio to the fast path and whether the figures agree;
- with `--refresh`: an import of one agency's yearly assessments, and the worst case (the
  standard of the most populous position changes), each with the refresh of everything
  derived, then rolled back (the store ends as it began; the import log shows both);
- with `--rebuild`, last: a full rebuild of every derived row and roll-up from the raw rows,
  committed, with the seconds of the derived rows and of the roll-ups (with DuckDB's block
  allocator kept, `Store.for_bulk_build`, as `demo` builds);
- the process's peak memory.
Performance is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pandas as pd

from analytics import metrics, views
from analytics.cli.importing import cli_import
from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.importer.undo import rollback
from analytics.metrics import extras, route, service
from analytics.store import derived
from analytics.store.db import Store, first_row
from analytics.views import talent

AIM_MS = 50.0  # the demo-size aim of the first benchmark (kept for its summary line)
DEFAULT_EMPLOYEES = 12_000
NATIONAL = 1_000_000  # from this size on, the national aim applies
AIM_VIEW_MS = {"demo": 20.0, "national": 150.0}

Metric = Callable[[duckdb.DuckDBPyConnection, Filters], Any]

# Answers whose size does not grow with the workforce (their export must not either).
METRICS: dict[str, Metric] = {
    "kpis": views.kpis,
    "gap-matrix/agency": lambda c, f: views.gap_matrix(c, f, "agency"),
    "gap-matrix/job_family": lambda c, f: views.gap_matrix(c, f, "job_family"),
    "gap-summary": metrics.gap_summary,
    "gap-summary/agency": lambda c, f: metrics.gap_summary(c, f, "agency"),
    "gap-summary/job_family": lambda c, f: metrics.gap_summary(c, f, "job_family"),
    "gap-summary/job_type": lambda c, f: metrics.gap_summary(c, f, "job_type"),
    "jpm-summary": metrics.jpm_summary,
    "jpm-summary/job_family": lambda c, f: metrics.jpm_summary(c, f, "job_family"),
    "jpm-summary/job_type": lambda c, f: metrics.jpm_summary(c, f, "job_type"),
    "trend": metrics.trend,
    "trend/agency": lambda c, f: metrics.trend(c, f, "agency"),
    "trend/competency": lambda c, f: metrics.trend(c, f, "competency"),
    "trend/job_family": lambda c, f: metrics.trend(c, f, "job_family"),
    "training-impact": metrics.training_impact,
    "training-impact/program": lambda c, f: metrics.training_impact(c, f, "program"),
    "jp-compliance": metrics.jp_compliance,
    "jp-compliance/agency": lambda c, f: metrics.jp_compliance(c, f, "agency"),
    "same-people-change": extras.same_people_change,
    "dose-response": extras.dose_response,
    "cost-per-level": extras.cost_per_level,
    "filter-choices": lambda c, f: metrics.choices(c, f),
    # grow with the workforce: rows per second reported
    "employee-gaps": metrics.employee_gaps,
    "jpm": metrics.jpm,
    "gap-summary/unit": lambda c, f: metrics.gap_summary(c, f, "unit"),
    "gap-summary/position": lambda c, f: metrics.gap_summary(c, f, "position"),
    "jpm-summary/unit": lambda c, f: metrics.jpm_summary(c, f, "unit"),
    "jp-compliance/unit": lambda c, f: metrics.jp_compliance(c, f, "unit"),
    "unit-summary": views.unit_summary,
    "training-needs": metrics.training_needs,
    "needs-cost": extras.needs_cost,
    "people (page of 50)": lambda c, f: views.people(c, f, limit=50)[0],
    # the talent page (posts_at_risk is left out: being reworked) and the public-service page
    "talent-grid": talent.grid,
    "talent-grid (own cut-offs)": talent.grid_by_cutoffs,
    "talent-box-people (of 50)": lambda c, f: talent.box_people(c, f, box=9, limit=50)[0],
    "talent-moves": talent.moves,
    "talent-movers": talent.movers,
    "talent-calibration/agency": lambda c, f: talent.calibration(c, f, "agency"),
    "service-link": lambda c, f: service.service_link(c, f.without_year()),
    "service-effect": lambda c, f: service.service_effect(c, f.without_year()),
}
GROWING = {
    "employee-gaps", "jpm", "gap-summary/unit", "gap-summary/position", "jpm-summary/unit",
    "jp-compliance/unit", "unit-summary", "training-needs", "needs-cost",
    # every candidate of a post with their readiness (boxes 7-9 of the population: about a
    # quarter of it; the succession export's rows)
    "succession-candidates",
}  # fmt: skip


def filter_variants(cur: duckdb.DuckDBPyConnection) -> list[Filters]:
    """Filters a dashboard user would set: none, agencies, a unit name, a job family (which
    splits people's scores), a year, a gender, an employment type, a rank within an agency,
    and a scoped user with small groups hidden."""
    c = metrics.choices(cur)
    agencies = list(c.agencies["agency_id"])
    units = list(c.units.itertuples(index=False, name=None))
    years = metrics.years(cur)
    variants = [Filters()]
    if agencies:
        variants += [
            Filters(agencies=(agencies[0],)),
            Filters(agencies=tuple(agencies[:3])),
            Filters(scope_agencies=(agencies[-1],), small_groups="hide"),
        ]
        instansi = c.agencies["instansi"].dropna()
        if len(instansi):
            variants.append(Filters(instansi=(str(instansi.iloc[len(instansi) // 2]),)))
    if units:
        agency, unit = units[len(units) // 2]
        variants.append(Filters(units=((agency, unit),)))
    if c.job_families:
        variants.append(Filters(job_families=(c.job_families[0],)))
        if agencies:
            variants.append(
                Filters(agencies=(agencies[0],), job_families=tuple(c.job_families[:2]))
            )
    if c.job_types:
        variants.append(Filters(job_types=(c.job_types[-1],)))
    if len(years) > 1:
        variants.append(Filters(year=years[-2]))
    if c.genders:
        variants.append(Filters(genders=(c.genders[0],)))
    if c.employment_types:
        variants.append(Filters(employment_types=(c.employment_types[-1],)))
    if c.ranks and agencies:  # the filter bar offers a rank once an agency is chosen
        variants.append(Filters(agencies=(agencies[0],), ranks=(c.ranks[len(c.ranks) // 2],)))
    return variants


def _size(answer: Any) -> int:
    if isinstance(answer, pd.DataFrame):
        return len(answer)
    if isinstance(answer, dict):
        return 1
    return len(getattr(answer, "agencies", ())) or 1


def time_metric(
    cur: duckdb.DuckDBPyConnection, fn: Metric, variants: list[Filters], repeat: int
) -> tuple[list[float], list[float], int]:
    """Warm wall and CPU times in ms of `repeat` calls cycling through the variants, and the
    row count of the unfiltered call. CPU time (all of this process's threads) tells what a
    call costs when other processes share the machine and stretch the wall time."""
    rows = _size(fn(cur, variants[0]))
    for f in variants[1:]:  # warm up
        fn(cur, f)
    wall, cpu = [], []
    for i in range(repeat):
        f = variants[i % len(variants)]
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(cur, f)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu, rows


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _count(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    row = first_row(cur.execute(f"select count(*) from {table}"))  # fixed names only
    return int(row[0]) if row else 0


def employees(store: Store) -> int:
    with store.snapshot() as snap:
        return _count(snap.cur, "employees")


def _disk_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(str(path) + ".wal")) if p.exists())


def _build(store: Store, n: int, out: TextIO, err: TextIO) -> int:

    print(f"empty store: building the demo store ({n:,} employees) first", file=out)
    timings: dict[str, float] = {}
    code = build_demo(store, employees=n, seed=42, out=out, err=err, timings=timings)
    if code == 0:
        with store.write() as cur:
            cur.execute(
                "insert or replace into meta values ('bench_build', $v)",
                {"v": json.dumps(timings)},
            )
    return code


def _store_section(store: Store, cur: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    n = _count(cur, "employees")
    counts = {t: _count(cur, t) for t in ("assessments", "participations", "score", "pair")}
    cells = {t: _count(cur, t) for t in ("score_cell", "person_cell", "pair_cell")}
    print(
        f"store {store.path}: {n:,} employees, {counts['assessments']:,} assessments, "
        f"{counts['participations']:,} participations",
        file=out,
    )
    print(
        f"  derived rows: score {counts['score']:,}, pair {counts['pair']:,}; roll-up cells: "
        + ", ".join(f"{t} {v:,}" for t, v in cells.items()),
        file=out,
    )
    size = _disk_bytes(store.path) if str(store.path) != ":memory:" else 0
    print(f"  size on disk {size / 1e9:.2f} GB", file=out)
    row = first_row(cur.execute("select value from meta where key = 'bench_build'"))
    if row:
        t = json.loads(row[0])
        print(
            f"  built in {t.get('raw', float('nan')):.1f} s (raw tables) + "
            f"{t.get('derived', float('nan')):.1f} s (derived rows and roll-ups), "
            f"commit {t.get('commit', float('nan')):.1f} s (recorded at build)",
            file=out,
        )
    settings = cur.execute(
        "select name, value from duckdb_settings() "
        "where name in ('threads', 'memory_limit', 'temp_directory')"
    ).fetchall()
    print("  DuckDB: " + ", ".join(f"{k} {v}" for k, v in settings), file=out)
    return n


def _target_post(cur: duckdb.DuckDBPyConnection) -> str | None:
    """A post the succession page plans for: the structural position with a standard that
    most employees hold (None when the store has none)."""
    row = first_row(
        cur.execute(
            """
            select p.position_id from positions p join employees e using (position_key)
            where list_contains($types, p.job_type)
              and exists (select 1 from standards s where s.position_key = p.position_key)
            group by p.position_id order by count(*) desc, p.position_id limit 1
            """,
            {"types": list(talent.TARGET_JOB_TYPES)},
        )
    )
    return str(row[0]) if row else None


def all_metrics(cur: duckdb.DuckDBPyConnection) -> dict[str, Metric]:
    """METRICS, and the succession candidates of one post of the store."""
    post = _target_post(cur)
    if post is None:
        return dict(METRICS)
    return METRICS | {
        "succession-candidates": lambda c, f: talent.candidates(c, f, post),
    }


def _views_section(
    cur: duckdb.DuckDBPyConnection, repeat: int, aim: float, out: TextIO, only: str | None = None
) -> tuple[int, int]:
    variants = filter_variants(cur)
    print(
        f"\nviews and metrics: {repeat} warm calls each over {len(variants)} filter variants; "
        f"aim: p95 <= {aim:.0f} ms for answers that do not grow with the workforce",
        file=out,
    )
    print(
        f"{'view / metric':<26}{'p50 ms':>9}{'p95 ms':>9}{'cpu ms':>8}{'rows':>10}{'rows/s':>12}",
        file=out,
    )
    # answers that grow with the workforce are asked for a part of it on a national store
    # (nobody reads 50 million score rows on a screen): the variants that select agencies,
    # an instansi, a unit or a scope
    narrow = [f for f in variants if f.agencies or f.instansi or f.units or f.is_scoped]
    national = _count(cur, "employees") >= NATIONAL
    if national:
        print(
            f"(answers marked with rows/s: the {len(narrow)} variants selecting a part of the "
            "country)",
            file=out,
        )
    within = checked = 0
    for name, fn in all_metrics(cur).items():
        if only and only not in name:
            continue
        chosen = narrow if national and name in GROWING and narrow else variants
        wall, cpu, rows = time_metric(cur, fn, chosen, repeat)
        med, top = statistics.median(wall), p95(wall)
        growing = name in GROWING
        rate = f"{rows / (med / 1000):>12,.0f}" if growing and med > 0 else f"{'':>12}"
        flag = ""
        if not growing:
            checked += 1
            within += top <= aim
            flag = "" if top <= aim else "  over the aim"
        print(
            f"{name:<26}{med:>9.1f}{top:>9.1f}{statistics.median(cpu):>8.1f}{rows:>10,}{rate}"
            f"{flag}",
            file=out,
        )
    print(f"{within} of {checked} metrics within the aim (p95 wall time)", file=out)
    return within, checked


# --- the naive ways, side by side -----------------------------------------------------------

NAIVE_GAPS_SQL = """
    with latest as (
        select a.emp_key, a.competency_key, a.level, a.position_key,
               row_number() over (partition by a.emp_key, a.competency_key
                                  order by a.assessed_on desc) as rn
        from assessments a
        where year(a.assessed_on) = $year
    ),
    scored as (
        select l.competency_key, l.emp_key, l.level, st.required_level
        from latest l
        join employees e on e.emp_key = l.emp_key
        join standards st on st.position_key = coalesce(l.position_key, e.position_key)
                         and st.competency_key = l.competency_key
        where l.rn = 1
    )
    select c.competency_id, count(distinct s.emp_key) as employees,
           avg(s.level)::double as mean_level,
           100 * avg((s.level >= s.required_level)::integer)::double as pct_meeting
    from scored s join competencies c using (competency_key)
    group by c.competency_id order by 1
"""

NAIVE_JPM_SQL = """
    with latest as (
        select a.emp_key, a.competency_key, a.level, a.position_key,
               row_number() over (partition by a.emp_key, a.competency_key
                                  order by a.assessed_on desc) as rn
        from assessments a
        where year(a.assessed_on) = $year
    ),
    person as (
        select l.emp_key, any_value(e.agency_key) as agency_key,
               100 * sum(l.level) / sum(st.required_level) as jpm
        from latest l
        join employees e on e.emp_key = l.emp_key
        join standards st on st.position_key = coalesce(l.position_key, e.position_key)
                         and st.competency_key = l.competency_key
        where l.rn = 1
        group by l.emp_key
    )
    select ag.agency_id, count(*) as employees, avg(p.jpm)::double as mean_jpm,
           100 * avg((p.jpm >= 90)::integer)::double as pct_optimal
    from person p join agencies ag using (agency_key)
    group by ag.agency_id order by 1
"""


def _pandas_scores(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The year's scores built in pandas from the raw rows loaded into memory."""
    a = cur.execute(
        "select emp_key, competency_key, assessed_on, level::double as level, position_key "
        "from assessments where year(assessed_on) = $year",
        {"year": year},
    ).df()
    e = cur.execute(
        "select emp_key, agency_key, position_key as current_position from employees"
    ).df()
    st = cur.execute(
        "select position_key, competency_key, required_level::double as required_level "
        "from standards"
    ).df()
    a = a.sort_values("assessed_on").drop_duplicates(["emp_key", "competency_key"], keep="last")
    a = a.merge(e, on="emp_key")
    a["position_key"] = a["position_key"].fillna(a["current_position"]).astype("int64")
    return a.merge(st, on=["position_key", "competency_key"])


def _pandas_gaps(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    s = _pandas_scores(cur, year)
    s["meets"] = 100 * (s["level"] >= s["required_level"]).astype("float64")
    g = s.groupby("competency_key", as_index=False).agg(
        employees=("emp_key", "nunique"),
        mean_level=("level", "mean"),
        pct_meeting=("meets", "mean"),
    )
    ids = cur.execute("select competency_key, competency_id from competencies").df()
    return g.merge(ids, on="competency_key")


def _pandas_jpm(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    s = _pandas_scores(cur, year)
    p = s.groupby("emp_key").agg(
        agency_key=("agency_key", "first"), lv=("level", "sum"), rq=("required_level", "sum")
    )
    p["jpm"] = 100 * p["lv"] / p["rq"]
    g = p.groupby("agency_key", as_index=False).agg(
        employees=("jpm", "size"), mean_jpm=("jpm", "mean")
    )
    return g.merge(cur.execute("select agency_key, agency_id from agencies").df(), on="agency_key")


def _timed(fn: Callable[[], Any], times: int = 1) -> tuple[float, Any]:
    best, answer = float("inf"), None
    for _ in range(times):
        start = time.perf_counter()
        answer = fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, answer


def _per_person(fn: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """`fn` with the roll-ups turned off (the derived per-person rows)."""

    def run() -> pd.DataFrame:
        with route.person_level():
            return fn()

    return run


# (way, the answer as a frame, calls to take the best of); the first way is the fast one
Way = tuple[str, Callable[[], pd.DataFrame], int]


def _side_by_side(answer: str, key: str, columns: list[str], ways: list[Way], out: TextIO) -> None:
    """Time every way of one answer; each row says whether its figures (`columns`, rows
    sorted by `key`; NaN as 0) agree with the first way's to 1e-9."""
    ref: list[float] = []
    fast_ms = 0.0
    for i, (way, fn, times) in enumerate(ways):
        ms, df = _timed(fn, times)
        df = df.sort_values(key)
        values = [0.0 if v != v else float(v) for c in columns for v in df[c]]
        if i == 0:
            ref, fast_ms = values, ms
        same = len(values) == len(ref) and all(
            abs(x - y) <= 1e-9 * max(1, abs(x)) for x, y in zip(ref, values, strict=True)
        )
        flag = "yes" if same else "NO"
        print(f"{answer:<28}{way:<34}{ms:>10.1f}{ms / fast_ms:>9.1f}  {flag}", file=out)


def _naive_section(cur: duckdb.DuckDBPyConnection, pandas_too: bool, out: TextIO) -> None:
    years = metrics.years(cur)
    if not years:
        return
    year = years[-1]
    f = Filters(year=year)
    print(
        f"\nthe naive ways, same answers ({year}, no filter; best of 3 warm calls, pandas and "
        "the plain join once, loading included)",
        file=out,
    )
    print(f"{'answer':<28}{'way':<34}{'ms':>10}{'x fast':>9}  same figures", file=out)
    join = "plain join over raw scores (SQL)"

    def gaps() -> pd.DataFrame:
        return metrics.gap_summary(cur, f)

    ways: list[Way] = [
        ("roll-ups (score_nat)", gaps, 3),
        ("derived per-score rows", _per_person(gaps), 3),
        (join, lambda: cur.execute(NAIVE_GAPS_SQL, {"year": year}).df(), 1),
    ]
    if pandas_too:
        ways.append(("pandas in memory", lambda: _pandas_gaps(cur, year), 1))
    _side_by_side(
        "gap-summary by competency",
        "competency_id",
        ["mean_level", "pct_meeting", "employees"],
        ways,
        out,
    )

    def jpm() -> pd.DataFrame:
        return metrics.jpm_summary(cur, f)

    ways = [
        ("roll-ups (person_agency)", jpm, 3),
        ("derived person-year rows", _per_person(jpm), 3),
        (join, lambda: cur.execute(NAIVE_JPM_SQL, {"year": year}).df(), 1),
    ]
    if pandas_too:
        ways.append(("pandas in memory", lambda: _pandas_jpm(cur, year), 1))
    _side_by_side("jpm-summary by agency", "agency_id", ["mean_jpm", "employees"], ways, out)

    # training impact: the regression from summed statistics per cell and arm
    def impact() -> pd.DataFrame:
        return metrics.training_impact(cur, Filters())

    ways = [("roll-ups (pair_nat)", impact, 3), ("derived pair rows", _per_person(impact), 3)]
    _side_by_side("training-impact", "competency_id", ["effect", "n_treated"], ways, out)


# --- incremental refresh --------------------------------------------------------------------

AGENCY_YEAR_SQL = """
    copy (
        select e.nip, c.competency_id, a.assessed_on,
               case when a.level >= 5 then a.level - 0.1 else a.level + 0.1 end as level,
               p.position_id, a.method
        from assessments a
        join employees e on e.emp_key = a.emp_key
        join competencies c on c.competency_key = a.competency_key
        left join positions p on p.position_key = a.position_key
        where e.agency_key = $agency and year(a.assessed_on) = $year
    ) to '{path}' (header, delimiter ',')
"""


def _largest_agency(cur: duckdb.DuckDBPyConnection) -> tuple[int, str, int]:
    row = first_row(
        cur.execute(
            "select e.agency_key, any_value(a.agency_id), count(*) from employees e "
            "join agencies a using (agency_key) group by e.agency_key order by 3 desc limit 1"
        )
    )
    assert row is not None
    return int(row[0]), str(row[1]), int(row[2])


def _populous_standard(cur: duckdb.DuckDBPyConnection) -> tuple[str, str, int, int]:
    """(position_id, competency_id, new required level, employees holding the position) for a
    standard of the position most employees hold."""
    row = first_row(
        cur.execute(
            """
        with busiest as (
            select position_key, count(*) as n from employees
            group by position_key order by n desc limit 1
        )
        select p.position_id, c.competency_id, s.required_level, b.n
        from busiest b
        join standards s using (position_key)
        join positions p using (position_key)
        join competencies c using (competency_key)
        order by c.competency_id limit 1
        """
        )
    )
    assert row is not None
    level = int(row[2])
    return str(row[0]), str(row[1]), level - 1 if level > 1 else level + 1, int(row[3])


def _import_and_undo(store: Store, path: Path) -> tuple[float, float, int]:
    """Import `path` (validate, commit, refresh), then roll it back: seconds for each and the
    import id."""
    import io

    sink = io.StringIO()
    start = time.perf_counter()
    code = cli_import(store, [path], out=sink, err=sink, actor="bench")
    took = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"the benchmark's import was rejected:\n{sink.getvalue()}")
    with store.snapshot() as snap:
        row = first_row(snap.cur.execute("select max(import_id) from import_log"))
    import_id = int(row[0]) if row and row[0] is not None else 0
    start = time.perf_counter()
    rollback(store, import_id, yes=True, actor="bench")
    return took, time.perf_counter() - start, import_id


def _refresh_section(store: Store, out: TextIO) -> None:
    print("\nincremental refresh (each import is rolled back afterwards)", file=out)
    with store.snapshot() as snap:
        cur = snap.cur
        agency_key, agency_id, staff = _largest_agency(cur)
        year = metrics.years(cur)[-1]
        position_id, competency_id, required, holders = _populous_standard(cur)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "assessments.csv"
            cur.execute(
                AGENCY_YEAR_SQL.replace("{path}", str(path).replace("'", "''")),
                {"agency": agency_key, "year": year},
            )
            rows = len(path.read_text(encoding="utf-8").splitlines()) - 1
            std = Path(tmp) / "standards.csv"
            std.write_text(
                f"position_id,competency_id,required_level\n"
                f"{position_id},{competency_id},{required}\n",
                encoding="utf-8",
            )
            took, undo, _ = _import_and_undo(store, path)
            print(
                f"  one agency's yearly assessments ({agency_id}, {staff:,} employees, "
                f"{rows:,} rows of {year}, every level changed): import with refresh "
                f"{took:.1f} s; rollback {undo:.1f} s",
                file=out,
            )
            took, undo, _ = _import_and_undo(store, std)
            print(
                f"  worst case, the standard of the most populous position ({position_id} x "
                f"{competency_id}, {holders:,} current holders): import with refresh "
                f"{took:.1f} s; rollback {undo:.1f} s",
                file=out,
            )


def _rebuild_section(store: Store, out: TextIO) -> None:
    """Rebuild every derived row and roll-up from the raw rows, as a restore, a migration or
    the demo does (committed: the store ends with the rows this code builds)."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nfull rebuild of the derived rows and roll-ups (load average {load:.1f})", file=out)
    start = time.perf_counter()
    with store.write() as cur:
        derived.refresh(cur, progress=lambda line: print(line, file=out, flush=True))
        built = time.perf_counter()
    done = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"  rebuilt in {built - start:.1f} s, commit {done - built:.1f} s "
        f"(load average {load:.1f} at the end)",
        file=out,
    )


def default_path(employees: int) -> Path:
    """Where `bench --employees N` keeps its store (built once, reused)."""
    return Path("data") / f"bench-{employees}.duckdb"


def cli_bench(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the benchmark (module docstring); exit 0 (1 if the store stays empty)."""
    repeat = max(1, int(getattr(args, "repeat", 20) or 20))
    with store.snapshot() as snap:
        empty = _count(snap.cur, "employees") == 0
    if empty:
        code = _build(store, getattr(args, "employees", None) or DEFAULT_EMPLOYEES, out, err)
        if code != 0:
            return code
    with store.snapshot() as snap:
        cur = snap.cur
        n = _store_section(store, cur, out)
        aim = AIM_VIEW_MS["national" if n >= NATIONAL else "demo"]
        if not getattr(args, "no_views", False):
            _views_section(cur, repeat, aim, out, getattr(args, "only", None))
        if not getattr(args, "no_naive", False):
            _naive_section(cur, pandas_too=not getattr(args, "no_pandas", False), out=out)
    if getattr(args, "refresh", False):
        _refresh_section(store, out)
    if getattr(args, "rebuild", False):
        # last: the views and an import's refresh are measured as the dashboard runs them
        store.for_bulk_build()
        _rebuild_section(store, out)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\nprocess peak memory {peak_mb():,.0f} MB; load average {load:.1f} on "
        f"{os.cpu_count()} CPUs",
        file=out,
    )
    return 0
