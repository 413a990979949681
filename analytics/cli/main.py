"""`python -m analytics COMMAND`: the command line of docs/command-line.md, plus tools.

Every command runs against one Store. When another process owns the store (the dashboard while it
serves), the command is forwarded to that owner over its local socket (analytics.store.owner) and runs
there, on the owner's connection, so imports and exports work while people browse.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from analytics.store.db import Store, StoreBusy, default_db_path

METRICS = (
    "employee-gaps",
    "jpm",
    "gap-summary",
    "jpm-summary",
    "trend",
    "training-impact",
    "jp-compliance",
    "training-needs",
    "talent",
    "talent-summary",
    "talent-moves",
    "succession",
    "service-link",
    "service-effect",
)


class UsageError(Exception):
    """A user error on the command line: message printed, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db", type=Path, default=None, help="store file (default: $ASN_DB or data/asn.duckdb)"
        )

    p = sub.add_parser("demo", help="build a seeded, realistic Jambi-like demo store")
    db_arg(p)
    p.add_argument("--employees", type=int, default=12000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--force", action="store_true", help="replace an existing store's data")

    p = sub.add_parser("import", help="validate and import CSV files, folders or a workbook")
    db_arg(p)
    p.add_argument("--lang", choices=("id", "en"), default="id")
    p.add_argument("--dry-run", action="store_true", help="print the plan, write nothing")
    p.add_argument("paths", nargs="+", type=Path)

    p = sub.add_parser("export", help="export one metric as CSV or JSON")
    db_arg(p)
    p.add_argument("metric", choices=METRICS)
    p.add_argument("--year", type=int)
    p.add_argument("--agency", action="append", default=[])
    p.add_argument("--unit", action="append", default=[])
    p.add_argument("--job-family", action="append", default=[])
    p.add_argument("--job-type", action="append", default=[])
    p.add_argument("--by")
    p.add_argument("--position", help="target position_id (succession only)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", type=Path)

    p = sub.add_parser("template", help="write the empty import workbook HR staff fill in")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--lang", choices=("id", "en"), default="id")

    p = sub.add_parser("bench", help="print timings of every view, metric and refresh")
    db_arg(p)
    p.add_argument("--employees", type=int, default=None)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--refresh", action="store_true", help="also time imports (rolled back)")
    p.add_argument(
        "--rebuild", action="store_true", help="also time a full rebuild of the derived rows"
    )
    p.add_argument("--no-naive", action="store_true", help="skip the naive comparisons")
    p.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    p.add_argument("--no-views", action="store_true", help="skip the views and metrics")
    p.add_argument(
        "--only",
        metavar="TEXT",
        help="time only the views and metrics whose name contains TEXT (e.g. talent)",
    )

    p = sub.add_parser("info", help="print what the store holds")
    db_arg(p)

    p = sub.add_parser("report", help="meeting materials of a filtered view: deck, PDF or workbook")
    db_arg(p)
    p.add_argument(
        "--format",
        choices=("pptx", "pdf", "xlsx"),
        default=None,
        help="default: from the --out suffix, else pptx",
    )
    p.add_argument("--year", type=int)
    p.add_argument("--agency", action="append", default=[])
    p.add_argument("--unit", action="append", default=[])
    p.add_argument("--job-family", action="append", default=[])
    p.add_argument("--job-type", action="append", default=[])
    p.add_argument("--lang", choices=("id", "en"), default="id")
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("bench-report", help="print how long each report format takes")
    db_arg(p)
    p.add_argument("--employees", type=int, default=None)

    p = sub.add_parser("history", help="the import log, newest first")
    db_arg(p)
    p.add_argument("--lang", choices=("id", "en"), default="id")

    p = sub.add_parser("rollback", help="undo an accepted import")
    db_arg(p)
    p.add_argument("import_id", type=int)
    p.add_argument("--yes", action="store_true", help="also roll back later imports built on it")
    p.add_argument("--lang", choices=("id", "en"), default="id")

    p = sub.add_parser("backup", help="back up the whole store to one file")
    db_arg(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--lang", choices=("id", "en"), default="id")

    p = sub.add_parser("user", help="manage the dashboard's users: add, remove, list")
    acts = p.add_subparsers(dest="action", required=True)

    def user_action(name: str, help: str) -> argparse.ArgumentParser:
        a = acts.add_parser(name, help=help)
        db_arg(a)  # the users file is users.toml beside the store, unless ASN_USERS names one
        a.add_argument("--lang", choices=("id", "en"), default="id")
        return a

    a = user_action("add", "add a user, or replace one of the same name")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=("pimpinan", "perencana", "admin"))
    a.add_argument("--agency", action="append", default=[], help="agency_id (perencana)")
    a.add_argument("--instansi", action="append", default=[], help="instansi name (perencana)")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.add_argument("--email", help="the user's email at the identity provider (SSO sign-in)")
    a.add_argument("--oidc-subject", help="the identity provider's `sub` for the user")
    a.add_argument(
        "--sso-only", action="store_true", help="no password: sign in through the provider only"
    )
    a = user_action("remove", "remove a user")
    a.add_argument("name")
    user_action("list", "list users, roles and scopes (never a hash)")

    p = sub.add_parser("audit-trim", help="delete audit rows older than the retention (years)")
    db_arg(p)
    p.add_argument("--years", type=int, default=None, help="keep this many years (default 5)")

    p = sub.add_parser("restore", help="replace the store's contents with a backup")
    db_arg(p)
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help="replace a store that holds data")
    p.add_argument("--lang", choices=("id", "en"), default="id")
    return parser


# Commands that need the store, and whether they may be forwarded to a serving owner.
FORWARDABLE = {
    "import",
    "export",
    "info",
    "report",
    "history",
    "rollback",
    "backup",
    "audit-trim",
}
# Commands that write at most their audit row: the store is closed without a checkpoint.
AUDIT_ONLY = {"export", "info", "report", "history", "backup"}


def _absolutise(args: argparse.Namespace, cwd: Path) -> None:
    """Paths are resolved against the caller's directory, so that an owner running elsewhere
    reads and writes the same files."""
    if getattr(args, "paths", None):
        args.paths = [(cwd / p).resolve() for p in args.paths]
    if getattr(args, "out", None):
        args.out = (cwd / args.out).resolve()
    if getattr(args, "file", None):
        args.file = (cwd / args.file).resolve()
    if getattr(args, "db", None):
        args.db = (cwd / args.db).resolve()


def run(
    argv: list[str],
    out: TextIO,
    err: TextIO,
    store: Store | None = None,
    cwd: Path | None = None,
    actor: str | None = None,
) -> int:
    """Run one command; `store`, `cwd` and `actor` (who the audit log names: by default
    "cli:" + this process's OS user) are given when running inside the owner process.

    Deferred imports, for start-up time only (import-linter sees them, so none dodges a layer
    or a cycle): each command imports what it runs, so `info`, `export` or a forwarded command
    does not load the importer, the demo catalogues, the bench or the report renderers
    (python-pptx, reportlab, kaleido), which take seconds to import on this machine."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse already printed its message
        return int(e.code or 0)
    _absolutise(args, cwd or Path.cwd())
    if args.command == "template":
        from analytics.importer.template import write_template

        write_template(args.out, lang=args.lang)
        print(f"template written: {args.out}", file=out)
        return 0

    db = args.db or (cwd or Path.cwd()) / default_db_path()
    if args.command == "bench" and args.db is None and args.employees:
        from analytics.cli.bench import default_path

        db = (cwd or Path.cwd()) / default_path(args.employees)
    if args.command == "user":  # a file beside the store, never the store: not forwarded
        from analytics.access.users import cli_user, users_path

        return cli_user(args, users_path(db), out, err)
    own = store is None
    if own:
        if args.command in FORWARDABLE:
            from analytics.store import owner

            forwarded = owner.forward(db, argv, Path.cwd(), out, err)
            if forwarded is not None:
                return forwarded
        try:
            store = Store(db)
        except StoreBusy:
            if args.command == "restore":
                from analytics.store.backup import text as backup_text

                print(backup_text("busy", args.lang, db=db), file=err)
                return 3
            print(
                f"The store {db} is in use by another process that does not accept commands. "
                "Try again when it has finished.",
                file=err,
            )
            return 3
    assert store is not None
    if actor is None:
        from analytics.store.audit import cli_actor

        actor = cli_actor()
    try:
        return dispatch(args, store, out, err, actor)
    except UsageError as e:
        print(str(e), file=err)
        return 2
    finally:
        if own:
            store.close(checkpoint=args.command not in AUDIT_ONLY)


def dispatch(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO, actor: str) -> int:
    if args.command == "demo":
        from analytics.demo.build import build_demo

        store.for_bulk_build()
        return build_demo(
            store, employees=args.employees, seed=args.seed, force=args.force, out=out, err=err
        )
    if args.command == "import":
        from analytics.cli.importing import cli_import

        return cli_import(
            store, args.paths, lang=args.lang, dry_run=args.dry_run, out=out, err=err, actor=actor
        )
    if args.command == "export":
        from analytics.cli.export import cli_export

        return cli_export(store, args, out=out, err=err, actor=actor)
    if args.command == "bench":
        from analytics.cli.bench import cli_bench

        return cli_bench(store, args, out=out, err=err)
    if args.command == "info":
        from analytics.store.info import print_info

        return print_info(store, out=out)
    if args.command == "report":
        from analytics.cli.report import cli_report

        return cli_report(store, args, out=out, err=err, actor=actor)
    if args.command == "bench-report":
        from analytics.cli.report import cli_bench_report

        return cli_bench_report(store, args, out=out, err=err)
    if args.command == "history":
        from analytics.importer.undo import cli_history

        return cli_history(store, args.lang, out=out)
    if args.command == "rollback":
        from analytics.importer.undo import cli_rollback

        return cli_rollback(
            store,
            args.import_id,
            yes=args.yes,
            lang=args.lang,
            out=out,
            err=err,
            username=actor.removeprefix("cli:"),
            actor=actor,
        )
    if args.command == "backup":
        from analytics.store.backup import cli_backup

        return cli_backup(store, args.out, lang=args.lang, out=out, err=err, actor=actor)
    if args.command == "audit-trim":
        from analytics.store import audit

        years = args.years if args.years is not None else audit.keep_years()
        if years < 1:
            print("--years: at least 1", file=err)
            return 2
        gone = audit.trim(store, actor, years)
        print(f"audit log: {gone} rows older than {years} years deleted", file=out)
        return 0
    if args.command == "restore":
        from analytics.store.backup import cli_restore

        return cli_restore(
            store, args.file, yes=args.yes, lang=args.lang, out=out, err=err, actor=actor
        )
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())
