"""`python -m analytics bench`: the warm time of every metric on a store, with varied filters.

Each metric runs once per filter variant to warm up (DuckDB's caches, Python imports), then
`--repeat` times cycling through the variants; the median and 95th percentile of those calls
are printed next to the aim (50 ms). An empty store is first filled with the demo store
(analytics.demo.build_demo, `--employees`, default 12,000).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import TextIO

import duckdb
import pandas as pd

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import extras
from analytics.store import Store

AIM_MS = 50.0
DEFAULT_EMPLOYEES = 12_000

Metric = Callable[[duckdb.DuckDBPyConnection, Filters], pd.DataFrame]

METRICS: dict[str, Metric] = {
    "employee-gaps": metrics.employee_gaps,
    "jpm": metrics.jpm,
    "gap-summary": metrics.gap_summary,
    "gap-summary/unit": lambda c, f: metrics.gap_summary(c, f, "unit"),
    "jpm-summary": metrics.jpm_summary,
    "jpm-summary/job_family": lambda c, f: metrics.jpm_summary(c, f, "job_family"),
    "trend": metrics.trend,
    "trend/competency": lambda c, f: metrics.trend(c, f, "competency"),
    "training-impact": metrics.training_impact,
    "training-impact/program": lambda c, f: metrics.training_impact(c, f, "program"),
    "jp-compliance": metrics.jp_compliance,
    "jp-compliance/unit": lambda c, f: metrics.jp_compliance(c, f, "unit"),
    "training-needs": metrics.training_needs,
    "same-people-change": extras.same_people_change,
    "dose-response": extras.dose_response,
    "cost-per-level": extras.cost_per_level,
    "needs-cost": extras.needs_cost,
}


def filter_variants(cur: duckdb.DuckDBPyConnection) -> list[Filters]:
    """Filters a dashboard user would set: none, agencies, a unit name, a job family (which
    splits people's scores), a year, and a scoped user with small groups hidden."""
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
    if units:
        variants.append(Filters(units=(("", units[len(units) // 2][1]),)))
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
    return variants


def time_metric(
    cur: duckdb.DuckDBPyConnection, fn: Metric, variants: list[Filters], repeat: int
) -> tuple[list[float], list[float], int]:
    """Warm wall and CPU times in ms of `repeat` calls cycling through the variants, and the
    row count of the unfiltered call. CPU time (all of this process's threads) tells what a
    call costs when other processes share the machine and stretch the wall time."""
    rows = len(fn(cur, variants[0]))
    for f in variants:  # warm up
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


def _employees(store: Store) -> int:
    with store.snapshot() as snap:
        row = snap.cur.execute("select count(*) from employees").fetchone()
    return int(row[0]) if row else 0


def cli_bench(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print every metric's warm median / p95 in ms; exit 0 (1 if the store stays empty)."""
    repeat = max(1, int(getattr(args, "repeat", 20) or 20))
    if _employees(store) == 0:
        try:
            from analytics.demo import build_demo
        except ImportError:
            print("The store is empty and there is no demo builder to fill it.", file=err)
            return 1
        n = getattr(args, "employees", None) or DEFAULT_EMPLOYEES
        print(f"empty store: building the demo store ({n:,} employees) first", file=out)
        code = build_demo(store, employees=n, seed=42, out=out, err=err)
        if code != 0:
            return code
    with store.snapshot() as snap:
        cur = snap.cur
        variants = filter_variants(cur)
        n = cur.execute("select count(*) from employees").fetchone()
        print(
            f"store {store.path}: {n[0] if n else 0:,} employees; {len(variants)} filter "
            f"variants; {repeat} warm calls per metric; aim {AIM_MS:.0f} ms",
            file=out,
        )
        print(f"{'metric':<26}{'median ms':>10}{'p95 ms':>10}{'cpu ms':>8}{'rows':>8}", file=out)
        slow = 0
        for name, fn in METRICS.items():
            wall, cpu, rows = time_metric(cur, fn, variants, repeat)
            med, top = statistics.median(wall), p95(wall)
            flag = "" if med <= AIM_MS else "  over the aim"
            slow += med > AIM_MS
            print(
                f"{name:<26}{med:>10.1f}{top:>10.1f}{statistics.median(cpu):>8.1f}{rows:>8}{flag}",
                file=out,
            )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{len(METRICS) - slow} of {len(METRICS)} metrics within the aim (median wall time); "
        f"load average {load:.1f} on {os.cpu_count()} CPUs",
        file=out,
    )
    return 0
