"""Wall time of the aggregate CLI exports, as a user runs them (`python -m analytics export`).

    python scripts/bench_exports.py --db PATH [--repeat 3]

Each export whose output does not grow with the workforce runs `--repeat` times in a fresh
process (interpreter start, store open, query, CSV written); the median is printed with the
rows. Compare two stores (10,000 and 5.6 million employees) by running it on each. The store
must not be held by a dashboard (the export would be forwarded to it and timed there).
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
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ)
    print(f"store {args.db}; median of {args.repeat} runs, each a fresh process")
    print(f"{'export':<34}{'median s':>10}{'rows':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.csv"
        for metric, by in EXPORTS:
            cmd = [sys.executable, "-m", "analytics", "export", metric, "--db", str(args.db),
                   "--out", str(out)] + (["--by", by] if by else [])  # fmt: skip
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run(cmd, check=True, env=env, capture_output=True)
                times.append(time.perf_counter() - start)
            rows = len(out.read_text(encoding="utf-8").splitlines()) - 1
            name = metric + (f" --by {by}" if by else "")
            print(f"{name:<34}{statistics.median(times):>10.2f}{rows:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
