"""Benchmark: about 20 dashboard sessions browse while command-line imports change the data;
or, with --capacity, how many concurrent sessions the dashboard holds with page p95 <= 3 s.

    python scripts/bench_load.py [--sessions 20] [--browser-pages 3] [--imports 3]
                                 [--employees 12000] [--before 20] [--gap 20] [--after 20]
                                 [--readers 0]
    python scripts/bench_load.py --capacity [--levels 10,20,40,60,80] [--seconds 60]
                                 [--think 5,15] [--bound 3] [--db PATH | --employees N]

Capacity (tests/support/capacity.py): at each level N sessions open links, load pages and
pause like readers (--think seconds between pages) for --seconds; a level holds when no page
failed and the p95 page time is within --bound. Prints each level and the most sessions held.

Builds a demo store in a temporary directory (or copies --db), serves it on a free loopback port
and drives it (tests/support/load.py): websocket sessions and real Chromium pages visit pages
with filters while `python -m analytics import` runs through the dashboard. Prints sessions,
duration, page loads, errors (exceptions, pages without exactly one data version, KPIs that are
not the shown version's, one view rendered two ways), each import's wall time, and how long a
rerun took before, during and after the imports (the readers' wait). Exits 1 on any error.
With `--readers N` the store is served by an owner and N reader processes (ui.serve --owner /
--reader) and the sessions are dealt out over them in turn, as the sticky proxy spreads browsers.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run by path: the repository root makes tests.support importable
from tests.support.load import Plan, problems, report, run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--browser-pages", type=int, default=3)
    ap.add_argument("--imports", type=int, default=3)
    ap.add_argument("--employees", type=int, default=12000)
    ap.add_argument("--before", type=float, default=20.0)
    ap.add_argument("--gap", type=float, default=20.0)
    ap.add_argument("--after", type=float, default=20.0)
    ap.add_argument("--readers", type=int, default=0, help="reader processes beside the owner")
    ap.add_argument("--db", type=Path, help="a store to copy instead of building a demo")
    ap.add_argument("--capacity", action="store_true", help="find the sessions held instead")
    ap.add_argument("--levels", default="10,20,40,60,80")
    ap.add_argument("--seconds", type=float, default=60.0, help="measured per level")
    ap.add_argument("--think", default="5,15", help="seconds between a session's pages")
    ap.add_argument("--bound", type=float, default=3.0, help="page p95 that a level must keep")
    args = ap.parse_args()
    if args.capacity:
        capacity(args)
        return
    plan = Plan(
        sessions=args.sessions,
        browser_pages=args.browser_pages,
        imports=args.imports,
        before=args.before,
        gap=args.gap,
        after=args.after,
        employees=args.employees,
        readers=args.readers,
    )
    with tempfile.TemporaryDirectory(prefix="asn-load-") as tmp:
        db = None
        if args.db:
            db = Path(tmp) / "asn.duckdb"
            shutil.copyfile(args.db, db)
            wal = Path(f"{args.db}.wal")  # rows an export left in the log (Store.close)
            if wal.exists():
                shutil.copyfile(wal, Path(f"{db}.wal"))
        load = run(Path(tmp), plan, db)
        print(report(load))
        if problems(load):  # the dashboard's own log, before the directory goes
            for log in Path(tmp).glob("*.serve-*.log"):
                print(f"--- {log.name} (last lines)")
                print("\n".join(log.read_text(errors="replace").splitlines()[-40:]))
    sys.exit(1 if problems(load) else 0)


def capacity(args: argparse.Namespace) -> None:
    import duckdb

    from tests.support import capacity as cap
    from tests.support.browser import serve
    from tests.support.load import build_store

    with tempfile.TemporaryDirectory(prefix="asn-capacity-") as tmp:
        db = Path(tmp) / "asn.duckdb"
        if args.db:
            shutil.copyfile(args.db, db)
            wal = Path(f"{args.db}.wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{db}.wal"))
        else:
            build_store(db, args.employees, 7)
        conn = duckdb.connect(str(db), read_only=True)
        try:
            agencies = [r[0] for r in conn.execute(
                "select a.agency_name from employees e join agencies a using (agency_key) "
                "group by all order by count(*) desc limit 4").fetchall()]  # fmt: skip
            year = conn.execute("select max(year(assessed_on)) from assessments").fetchall()[0][0]
            employees = conn.execute("select count(*) from employees").fetchall()[0][0]
        finally:
            conn.close()
        lo, hi = (float(x) for x in args.think.split(","))
        ramp = cap.Ramp(
            levels=tuple(int(x) for x in args.levels.split(",")),
            seconds=args.seconds,
            think=(lo, hi),
            bound=args.bound,
            links=cap.default_links(agencies, year),
        )
        processes = (
            f"an owner and {args.readers} reader process(es), sessions dealt out in turn"
            if args.readers
            else "one dashboard process"
        )
        print(
            f"store: {employees:,} employees; {processes}; "
            f"{ramp.seconds:g} s per level, {lo:g}-{hi:g} s between a session's pages"
        )
        with contextlib.ExitStack() as stack:
            owner = ("-m", "ui.serve", "--owner") if args.readers else ("-m", "ui.serve")
            bases = [stack.enter_context(serve(db, timeout=600, entry=owner))]
            bases += [
                stack.enter_context(serve(db, timeout=600, entry=("-m", "ui.serve", "--reader")))
                for _ in range(args.readers)
            ]
            levels = cap.run(bases, ramp)
        print(f"sessions held with page p95 <= {ramp.bound:g} s: {cap.held(levels, ramp.bound)}")
        for lv in levels:
            for e in lv.errors[:5]:
                print(f"  error at {lv.sessions} sessions: {e}")


if __name__ == "__main__":
    main()
