"""`python -m analytics report` and `bench-report`: meeting materials from the command line.

`report` takes the export's filters (validated the same way: an unknown value exits 2 with a
message), reads one snapshot, and writes a deck, a PDF or a workbook. It runs in the store's
owner when the dashboard serves (analytics.cli.main forwards it), so a monthly cron job works
whether or not the dashboard is up. Small groups are always hidden in reports.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import TextIO

from analytics.cli.bench import DEFAULT_EMPLOYEES
from analytics.cli.bench import employees as _employees
from analytics.cli.export import ExportError, check_values, filters_from_args
from analytics.demo.build import build_demo
from analytics.report import FORMATS, needs_images, render
from analytics.report.content import gather
from analytics.report.images import ChartRenderer, RenderError
from analytics.store import audit
from analytics.store.db import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DECK_AIM_S = 15.0


def chosen_format(args: argparse.Namespace) -> str:
    """--format, else the --out file's suffix (.pptx, .pdf, .xlsx), else pptx."""
    if getattr(args, "format", None):
        return str(args.format)
    suffix = Path(args.out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "pptx"


def _write(target: Path, data: bytes) -> None:
    """Write all or nothing: a cron job never leaves a half-written deck behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_report(
    store: Store, args: argparse.Namespace, fmt: str, read: dict[str, int] | None = None
) -> bytes:
    """The report's bytes for the command's filters; raises ExportError for a bad value.
    `read`, when given, receives the data version the report was read from."""
    renderer: ChartRenderer | None = None
    try:
        with store.snapshot() as snap:
            if read is not None:
                read["data_version"] = snap.version
            check_values(snap.cur, args)
            if needs_images(fmt):
                # Chromium starts in the background while the figures are gathered
                renderer = ChartRenderer()
            content = gather(snap.cur, filters_from_args(args), args.lang)
        return render(content, fmt, renderer)
    finally:
        if renderer is not None:
            renderer.close()


def cli_report(
    store: Store,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    actor: str | None = None,
) -> int:
    """Run `report`; exit 0, 2 for a user error (message on `err`), 1 when no browser or the
    file cannot be written. A written report is audited (who, format, filters, data version)."""
    fmt = chosen_format(args)
    read: dict[str, int] = {}
    try:
        data = make_report(store, args, fmt, read)
    except ExportError as e:
        print(str(e), file=err)
        return EXIT_USAGE
    except RenderError as e:
        print(str(e), file=err)
        return EXIT_FAILED
    try:
        _write(args.out, data)
    except OSError as e:
        print(f"Tidak dapat menulis {args.out}: {e} (cannot write the file)", file=err)
        return EXIT_FAILED
    print(f"report written: {args.out} ({fmt}, {len(data):,} bytes)", file=out)
    audit.record(
        store,
        actor or audit.cli_actor(),
        "report",
        format=fmt,
        lang=args.lang,
        file=str(args.out),
        filters=audit.filters_detail(filters_from_args(args)),
        data_version=read.get("data_version"),
    )
    return EXIT_OK


def cli_bench_report(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Time each format as `report` builds it (browser start included), on the demo store
    when the store is empty; the deck's aim is DECK_AIM_S."""

    if _employees(store) == 0:
        n = getattr(args, "employees", None) or DEFAULT_EMPLOYEES
        print(f"empty store: building the demo store ({n:,} employees) first", file=out)
        code = build_demo(store, employees=n, seed=42, out=out, err=err)
        if code != 0:
            return code
    print(f"store {store.path}: {_employees(store):,} employees, no filters, lang id", file=out)
    bench_args = argparse.Namespace(
        year=None, agency=[], unit=[], job_family=[], job_type=[], lang="id"
    )
    with store.snapshot() as snap:
        started = time.perf_counter()
        gather(snap.cur, filters_from_args(bench_args), "id")
        print(f"{'gather figures':<16}{time.perf_counter() - started:>8.2f} s", file=out)
    for fmt in FORMATS:
        started = time.perf_counter()
        try:
            data = make_report(store, bench_args, fmt)
        except RenderError as e:
            print(str(e), file=err)
            return EXIT_FAILED
        took = time.perf_counter() - started
        aim = (
            f"  (aim {DECK_AIM_S:.0f} s{'' if took <= DECK_AIM_S else ': over'})"
            if fmt == "pptx"
            else ""
        )
        print(f"{fmt:<16}{took:>8.2f} s  {len(data):>10,} bytes{aim}", file=out)
    return EXIT_OK
