"""Wall time of the aggregate CLI exports, as a user runs them (`python -m analytics export`).

    python scripts/bench_exports.py --db PATH [--against PATH] [--repeat 3]

Each export whose output does not grow with the workforce runs `--repeat` times in a fresh
process (interpreter start, store open, query, CSV written); the median is printed with the
rows. With `--against` (e.g. the 10,000-employee store) each run on --db alternates with a
run on that store, and the ratio of the medians is printed: both see the same machine load,
which on a shared 2-core machine moves single timings by ±0.2 s. The stores must not be held
by a dashboard (the export would be forwarded to it and timed there).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXPORTS = [
    ("gap-summary", "competency"),
    ("gap-summary", "agency"),
    ("gap-summary", "job_family"),
    ("gap-summary", "job_type"),
    ("jpm-summary", "agency"),
    ("jpm-summary", "job_family"),
    ("jpm-summary", "job_type"),
    ("trend", None),
    ("jp-compliance", None),
    ("jp-compliance", "agency"),
    ("training-impact", None),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--against", type=Path, help="a second store, timed alternately")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ)
    stores = [args.db] + ([args.against] if args.against else [])
    print(f"store {args.db}; median of {args.repeat} runs, each a fresh process")
    header = f"{'export':<34}{'median s':>10}{'rows':>10}"
    if args.against:
        print(f"against {args.against}, run alternately")
        header += f"{'against s':>11}{'rows':>10}{'ratio':>8}"
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.csv"
        for metric, by in EXPORTS:
            times: dict[Path, list[float]] = {db: [] for db in stores}
            rows: dict[Path, int] = {}
            for _ in range(args.repeat):
                for db in stores:
                    cmd = [sys.executable, "-m", "analytics", "export", metric, "--db", str(db),
                           "--out", str(out)] + (["--by", by] if by else [])  # fmt: skip
                    start = time.perf_counter()
                    subprocess.run(cmd, check=True, env=env, capture_output=True)
                    times[db].append(time.perf_counter() - start)
                    rows[db] = len(out.read_text(encoding="utf-8").splitlines()) - 1
            name = metric + (f" --by {by}" if by else "")
            medians = [statistics.median(times[db]) for db in stores]
            line = f"{name:<34}{medians[0]:>10.2f}{rows[args.db]:>10,}"
            if args.against:
                line += f"{medians[1]:>11.2f}{rows[args.against]:>10,}"
                line += f"{medians[0] / medians[1]:>8.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
