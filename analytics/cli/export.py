"""`python -m analytics export METRIC`: one metric as CSV or JSON, exactly as
docs/command-line.md#output-format prints it.

The export runs as the store's owner: no role scope, no small-group suppression. It reads one
snapshot for the whole command, validates every filter value against its table first (unknown
value: message, exit 2), and formats every value in one place (`format_value`).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

import duckdb
import numpy as np
import pandas as pd

from analytics import metrics
from analytics.core.filters import Filters
from analytics.metrics.groups import ALLOWED_BY, KEYS
from analytics.metrics.service import service_effect, service_link
from analytics.metrics.talent import NotATarget, talent
from analytics.store import audit
from analytics.store.db import Store

EXIT_OK, EXIT_USAGE = 0, 2


@dataclass(frozen=True)
class Spec:
    """How one metric is exported: its function, whether it takes --by, its figure columns."""

    fn: Callable[..., pd.DataFrame]
    leading: tuple[str, ...]  # identifier columns printed before the key columns
    figures: tuple[str, ...]
    by_metric: str | None = None  # the ALLOWED_BY entry, when --by is accepted
    position: bool = False  # takes --position (required), the target position


SPECS: dict[str, Spec] = {
    "employee-gaps": Spec(
        metrics.employee_gaps,
        ("nip", "year", "competency_id"),
        ("level", "required_level", "gap", "meets"),
    ),
    "jpm": Spec(metrics.jpm, ("nip", "year"), ("jpm", "category")),
    "gap-summary": Spec(
        metrics.gap_summary,
        (),
        ("employees", "mean_level", "mean_required", "mean_gap", "mean_shortfall", "pct_meeting"),
        "gap_summary",
    ),
    "jpm-summary": Spec(
        metrics.jpm_summary,
        (),
        ("employees", "mean_jpm", "pct_optimal", "pct_cukup_optimal", "pct_kurang_optimal"),
        "jpm_summary",
    ),
    "trend": Spec(
        metrics.trend,
        ("year",),
        ("employees", "mean_level", "mean_gap", "mean_shortfall", "pct_meeting", "mean_jpm"),
        "trend",
    ),
    "training-impact": Spec(
        metrics.training_impact,
        (),
        ("n_treated", "n_control", "effect", "ci_low", "ci_high"),
        "training_impact",
    ),
    "jp-compliance": Spec(
        metrics.jp_compliance, ("year",), ("employees", "mean_jp", "pct_20jp"), "jp_compliance"
    ),
    "training-needs": Spec(
        metrics.training_needs,
        ("agency_id", "unit", "competency_id"),
        ("employees_below", "mean_shortfall", "priority", "recommended_training"),
    ),
    # contract v2, section 4
    "service-link": Spec(
        service_link,
        ("agency_id", "year"),
        ("ikm", "grade", "respondents", "employees", "mean_jpm", "pct_meeting", "mean_jpm_prev"),
    ),
    # printed in the contract's order (outcome, then predictor), not sorted
    "service-effect": Spec(
        service_effect,
        (),
        ("outcome", "predictor", "agencies", "observations", "effect", "ci_low", "ci_high"),
    ),
    "talent": Spec(
        talent,
        ("nip", "year"),
        ("rating", "performance", "potential", "potential_source", "potential_year", "box"),
    ),
    "talent-summary": Spec(
        metrics.talent_summary,
        ("year",),
        (
            "employees",
            "mapped",
            *(f"box_{i}" for i in range(1, 10)),
            "succession",
            "pct_succession",
        ),
        "talent_summary",
    ),  # fmt: skip
    "talent-moves": Spec(
        metrics.talent_moves, ("from_year", "year", "from_box", "to_box"), ("employees",)
    ),
    # sorted by the metric (box, missing, jpm_target, nip), not by leading columns
    "succession": Spec(
        metrics.succession,
        (),
        ("year", "nip", "position_id", "box", "jpm_target", "readiness", "below", "missing"),
        position=True,
    ),
}

# Exports that compare years and take no --year (contract, section 4).
NO_YEAR = frozenset({"service-effect"})

# Key columns of training-impact's groupings (the others come from groups.KEYS).
_IMPACT_KEYS = {"competency": ("competency_id",), "program": ("title",)}

# Filter option -> (Filters field, table and column whose values it must name).
_VALUE_CHECKS = (
    ("agency", "agency_id", "agencies"),
    ("unit", "unit", "employees"),
    ("job_family", "job_family", "positions"),
    ("job_type", "job_type", "positions"),
)


class ExportError(Exception):
    """A user error: printed, exit 2."""


def key_columns(metric: str, by: str | None) -> tuple[str, ...]:
    """The identifier columns printed for `metric` grouped `by`, in order."""
    spec = SPECS[metric]
    if spec.by_metric is None:
        if by is not None:
            raise ExportError(f"{metric} tidak menerima --by (takes no --by).")
        return spec.leading
    allowed = ALLOWED_BY[spec.by_metric]
    chosen = allowed[0] if by is None else by
    if chosen not in allowed:
        raise ExportError(
            f"--by {by} tidak berlaku untuk {metric}; pilihan: {', '.join(allowed)} "
            f"(--by must be one of these)."
        )
    keys = _IMPACT_KEYS[chosen] if metric == "training-impact" else KEYS[chosen]
    return (*spec.leading, *keys)


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))  # repeated values: OR, once


def filters_from_args(args: argparse.Namespace) -> Filters:
    """Filters of the export: AND across options, OR within one; a unit in every agency
    (Filters.units with agency ''), narrowed by --agency when given."""
    return Filters(
        year=getattr(args, "year", None),
        agencies=_distinct(getattr(args, "agency", None) or ()),
        units=tuple(("", u) for u in _distinct(getattr(args, "unit", None) or ())),
        job_families=_distinct(getattr(args, "job_family", None) or ()),
        job_types=_distinct(getattr(args, "job_type", None) or ()),
    )


def check_values(cur: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> None:
    """Every filter value must name a row of its table (exact, case-sensitive)."""
    for option, column, table in _VALUE_CHECKS:  # fixed identifiers
        wanted = _distinct(getattr(args, option, None) or ())
        if not wanted:
            continue
        rows = cur.execute(
            f"select distinct {column} from {table} where list_contains($v, {column})",
            {"v": list(wanted)},
        ).fetchall()
        known = {r[0] for r in rows}
        unknown = [v for v in wanted if v not in known]
        if unknown:
            flag = "--" + option.replace("_", "-")
            listed = ", ".join(repr(v) for v in unknown)
            raise ExportError(
                f"Nilai {flag} tidak dikenal: {listed}. (Unknown {flag} value: no row of "
                f"{table} has it; values are exact and case-sensitive.)"
            )


def format_value(value: Any) -> str | None:
    """Text of one value: None for empty; true/false; integers (and integer-valued numbers)
    without a decimal point; other numbers as Python's repr, the shortest text that reads back
    as the same double."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        if math.isnan(f):
            return None
        if math.isinf(f):
            raise ValueError("an infinite figure is a bug")
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


def _rows(df: pd.DataFrame, columns: Sequence[str]) -> list[list[Any]]:
    """The frame's rows as lists, read column by column (Series.tolist: Python values, pd.NA
    for a missing value of a nullable column)."""
    return [list(r) for r in zip(*(df[c].tolist() for c in columns), strict=True)]


def sort_rows(
    metric: str, rows: list[list[Any]], columns: Sequence[str], keys: Sequence[str]
) -> list[list[Any]]:
    """Ascending by the identifier columns in printed order (strings by code point);
    training-needs by priority, highest first, then agency_id, unit, competency_id."""
    idx = [columns.index(k) for k in keys]
    if metric == "training-needs":
        p = columns.index("priority")
        return sorted(rows, key=lambda r: (-r[p], *(r[i] for i in idx)))
    if not idx:
        return list(rows)
    return sorted(rows, key=itemgetter(*idx))  # one index: the bare value, same order


_INT_SAFE = 2.0**63


def format_floats(values: Sequence[Any]) -> list[str | None] | None:
    """format_value over a whole column (a national by-agency export formats ~100,000 values):
    whole numbers and missing values found in numpy, the rest by repr; None when a value is
    neither a float nor None (tests/analytics/cli/test_export.py checks that both give the same text)."""
    if not all(v is None or type(v) in (float, np.float64) for v in values):
        return None
    arr = np.array([math.nan if v is None else v for v in values], dtype=np.float64)
    if np.isinf(arr).any():
        raise ValueError("an infinite figure is a bug")
    missing = np.isnan(arr)
    integral = ~missing & (arr == np.trunc(arr))
    small = integral & (np.abs(arr) < _INT_SAFE)
    out = np.full(len(arr), "", dtype=object)
    out[small] = arr[small].astype(np.int64).astype(str)
    out[integral & ~small] = [str(int(v)) for v in arr[integral & ~small].tolist()]
    fraction = ~missing & ~integral
    out[fraction] = [repr(v) for v in arr[fraction].tolist()]  # faster than numpy's astype
    out[missing] = None
    return out.tolist()


# What makes csv.writer quote a field here: the delimiter, the quote, the line terminator's
# character (not "\r": tests/analytics/cli/test_export.py compares the two writers on such fields).
_CSV_SPECIAL = (",", '"', "\n")


def _csv_fields(texts: list[str | None]) -> list[str]:
    """One column's CSV fields as csv.writer (QUOTE_MINIMAL) writes them in a row of several:
    empty for None, quoted (quotes doubled) when holding a comma, a quote or a "\n"."""
    fields = ["" if t is None else t for t in texts]
    joined = "".join(fields)
    if not any(c in joined for c in _CSV_SPECIAL):
        return fields
    return [
        '"' + f.replace('"', '""') + '"' if any(c in f for c in _CSV_SPECIAL) else f for f in fields
    ]


def write_csv(out: TextIO, columns: Sequence[str], rows: list[list[Any]]) -> None:
    """The header and rows as csv.writer writes them (comma, "\n", minimal quoting), built a
    column at a time: a national by-agency export writes 45,159 rows."""
    w = csv.writer(out, delimiter=",", lineterminator="\n")
    w.writerow(columns)
    texts: list[list[str | None]] = []
    for i in range(len(columns)):
        values = [r[i] for r in rows]
        kinds = {type(v) for v in values}
        if kinds <= {str}:  # labels and identifiers, as they are
            texts.append(values)
        elif kinds <= {int}:
            texts.append([str(v) for v in values])
        else:
            floats = format_floats(values)
            texts.append(floats if floats is not None else [format_value(v) for v in values])
    if len(columns) < 2:  # a lone empty field is quoted by csv.writer: leave it the rules
        w.writerows(["" if t is None else t for t in row] for row in zip(*texts, strict=True))
        return
    fields = [_csv_fields(t) for t in texts]
    if rows:
        out.write("\n".join(map(",".join, zip(*fields, strict=True))) + "\n")


def write_json(out: TextIO, columns: Sequence[str], rows: list[list[Any]]) -> None:
    def value(v: Any) -> str:
        text = format_value(v)
        if text is None:
            return "null"
        if isinstance(v, bool | np.bool_ | int | np.integer | float | np.floating | Decimal):
            return text  # a JSON number or true/false, formatted as in CSV
        return json.dumps(text, ensure_ascii=False)

    objects = [
        "{"
        + ", ".join(f"{json.dumps(c)}: {value(v)}" for c, v in zip(columns, r, strict=True))
        + "}"
        for r in rows
    ]
    out.write("[" + ",\n ".join(objects) + "]\n")


def export(
    cur: duckdb.DuckDBPyConnection, metric: str, args: argparse.Namespace
) -> tuple[list[str], list[list[Any]]]:
    """Columns and sorted rows of one metric export, on one read snapshot `cur`."""
    spec = SPECS[metric]
    by = getattr(args, "by", None)
    keys = key_columns(metric, by)
    if metric in NO_YEAR and getattr(args, "year", None) is not None:
        raise ExportError(
            f"{metric} membandingkan tahun dan tidak menerima --year (compares years; "
            "takes no --year)."
        )
    check_values(cur, args)
    filters = filters_from_args(args)
    position = getattr(args, "position", None)
    if spec.position:
        if position is None:
            raise ExportError(
                f"{metric} memerlukan --position ID jabatan target. "
                "(--position, the target position_id, is required.)"
            )
        try:
            df = spec.fn(cur, filters, position)
        except NotATarget as e:
            raise ExportError(str(e)) from e
    elif position is not None:
        raise ExportError(f"{metric} tidak menerima --position (takes no --position).")
    elif spec.by_metric:
        df = spec.fn(cur, filters, by)
    else:
        df = spec.fn(cur, filters)
    columns = [*keys, *spec.figures]
    return columns, sort_rows(metric, _rows(df, columns), columns, keys)


def cli_export(
    store: Store,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    actor: str | None = None,
) -> int:
    """Run `export`; returns the exit code (2 for a user error, with its message on `err`).
    The export is audited (who, metric, filters, data version, rows) under `actor`."""
    metric = args.metric
    try:
        with store.snapshot() as snap:
            columns, rows = export(snap.cur, metric, args)
            version = snap.version
    except ExportError as e:
        print(str(e), file=err)
        return EXIT_USAGE
    fmt = getattr(args, "format", None) or "csv"
    writer = write_json if fmt == "json" else write_csv
    target: Path | None = getattr(args, "out", None)
    if target is None:
        writer(out, columns, rows)
    else:
        with open(target, "w", encoding="utf-8", newline="") as f:
            writer(f, columns, rows)
    audit.record(
        store,
        actor or audit.cli_actor(),
        "export",
        metric=metric,
        format=fmt,
        by=getattr(args, "by", None),
        file=str(target) if target is not None else "stdout",
        filters=audit.filters_detail(filters_from_args(args)),
        data_version=version,
        rows=len(rows),
        **({"position": args.position} if getattr(args, "position", None) else {}),
    )
    return EXIT_OK
