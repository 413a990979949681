"""`python -m analytics import`: print what was stored, or every problem, in the user's language.

Exit codes: 0 stored (or a dry run that would be accepted), 1 rejected (nothing stored).
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from analytics.importer.commit import commit
from analytics.importer.issues import ImportRejected, Issue
from analytics.importer.messages import text
from analytics.importer.plan import TableCount
from analytics.importer.sources import load_sources
from analytics.importer.validate import validate
from analytics.store.db import Store

SHOW_PROBLEMS = 200  # at least the first 200, and the total (docs/import-formats.md#problem-list)
SHOW_WARNINGS = 50


def _username() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container without passwd entry
        return None


def _print_problems(
    problems: list[Issue], total: int, headline: str, lang: str, err: TextIO
) -> None:
    print(text(headline, lang, n=total), file=err)
    shown = problems[:SHOW_PROBLEMS]
    for p in shown:
        print(f"- {p.message(lang)}", file=err)
    if total > len(shown):
        print(text("shown_of", lang, shown=len(shown), n=total), file=err)


def _print_warnings(warnings: list[Issue], total: int, lang: str, err: TextIO) -> None:
    if not total:
        return
    print(text("warnings_head", lang, n=total), file=err)
    for w in warnings[:SHOW_WARNINGS]:
        print(f"- {w.message(lang)}", file=err)
    if total > min(len(warnings), SHOW_WARNINGS):
        print(text("more_warnings", lang, n=total - min(len(warnings), SHOW_WARNINGS)), file=err)


def _print_counts(counts: dict[str, TableCount], lang: str, out: TextIO) -> None:
    width = max((len(n) for n in counts), default=0)
    for name, c in counts.items():
        line = text("table_line", lang, added=c.added, changed=c.changed)
        print(f"  {name.ljust(width)}  {line}", file=out)
    if not any(c.added or c.changed for c in counts.values()):
        print(text("nothing_changed", lang), file=out)


def cli_import(
    store: Store,
    paths: Sequence[str | Path],
    *,
    lang: str = "id",
    dry_run: bool = False,
    out: TextIO,
    err: TextIO,
    actor: str | None = None,
) -> int:
    try:
        sources, load_warnings = load_sources(paths)
    except ImportRejected as e:
        _print_problems(e.problems, len(e.problems), "rejected", lang, err)
        return 1
    if dry_run:
        with store.snapshot() as snap:
            plan = validate(snap.cur, sources, lang)
        ok, counts = plan.ok, plan.counts
        problems, problem_count = plan.problems, plan.problem_count
        warnings, warning_count = plan.warnings, plan.warning_count
    else:
        result = commit(store, sources, lang, username=_username(), actor=actor)
        ok, counts = result.ok, result.counts
        problems, problem_count = result.problems, result.problem_count
        warnings, warning_count = result.warnings, result.warning_count
    _print_warnings(load_warnings + warnings, len(load_warnings) + warning_count, lang, err)
    if not ok:
        headline = "dry_run_rejected" if dry_run else "rejected"
        _print_problems(problems, problem_count, headline, lang, err)
        return 1
    if dry_run:
        print(text("dry_run", lang), file=out)
    else:
        print(text("stored", lang, id=result.import_id), file=out)
    _print_counts(counts, lang, out)
    return 0
