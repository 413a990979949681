"""Benchmark: about 20 dashboard sessions browse while command-line imports change the data.

    python scripts/bench_load.py [--sessions 20] [--browser-pages 3] [--imports 3]
                                 [--employees 12000] [--before 20] [--gap 20] [--after 20]
                                 [--readers 0]

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
    args = ap.parse_args()
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


if __name__ == "__main__":
    main()
