"""One raw table → typed columns, with every problem found within that table alone.

Header matching (case-insensitive, trimmed; unknown columns ignored with a warning, missing
required ones are problems), cell parsing, blank required cells, rules across the columns of a
row (a training ends on or after its start) and duplicate keys inside the file. Checks that need
other tables or the store (references, programmes) are in `validate`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.importer.issues import Issues, Where
from analytics.importer.parse import parse_cells
from analytics.importer.read import RawTable
from analytics.importer.rules import UNSUR, Table
from analytics.importer.sources import Source


@dataclass
class ParsedTable:
    table: Table
    where: Where
    source: Source
    frame: pd.DataFrame  # the documented columns the file has, typed, plus _row
    present: tuple[str, ...]  # those columns, in docs/import-formats.md#tables order

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def n_rows(self) -> int:
        return len(self.frame)


def parse_table(raw: RawTable, problems: Issues, warnings: Issues) -> ParsedTable:
    spec, where = raw.table, raw.where
    known = {c.name for c in spec.columns}
    order = {c.name: i for i, c in enumerate(spec.columns)}
    found: dict[str, int] = {}
    for j, header in enumerate(raw.header):
        name = header.strip().lower()
        if not name:
            # Excel leaves trailing blank columns behind; only a nameless column with data
            # deserves a word.
            if (raw.cells[j] != "").any():
                warnings.add("unnamed_column", where, n=j + 1)
        elif name not in known:
            warnings.add("unknown_column", where, column=header)
        elif name in found:
            problems.add("duplicate_column", where, column=header, col_order=order[name])
        else:
            found[name] = j
    for c in spec.columns:
        if c.required and c.name not in found:
            problems.add("missing_column", where, column=c.name, col_order=order[c.name])
    if raw.n_rows == 0:
        warnings.add("no_data_rows", where)

    columns: dict[str, object] = {"_row": raw.rows}
    for c in spec.columns:
        if c.name not in found:
            continue
        j = found[c.name]
        text = raw.cells[j]
        numeric = raw.numeric[j] if j < len(raw.numeric) else None
        # A NIP's structure is checked where it defines an employee, not where it names one.
        parsed = parse_cells(
            c.kind, text, raw.decimal, numeric, nip_structure=c.kind == "nip" and c.ref is None
        )
        for mask, code, params in parsed.errors:
            problems.add_cells(
                code,
                where,
                c.name,
                raw.rows[mask],
                text[mask].to_numpy(),
                col_order=order[c.name],
                params=params,
            )
        for mask, code, params in parsed.warnings:
            warnings.add_cells(
                code,
                where,
                c.name,
                raw.rows[mask],
                text[mask].to_numpy(),
                col_order=order[c.name],
                params=params,
            )
        if c.required:
            blank = (text == "").to_numpy(dtype=bool)
            problems.add_cells(
                "required_blank",
                where,
                c.name,
                raw.rows[blank],
                text[blank].to_numpy(),
                col_order=order[c.name],
            )
        columns[c.name] = parsed.values.reset_index(drop=True)
    frame = pd.DataFrame(columns)
    present = tuple(c.name for c in spec.columns if c.name in found)
    table = ParsedTable(spec, where, raw.source, frame, present)
    _check_dates(table, raw, problems)
    _check_unsur(table, raw, warnings)
    _check_duplicate_keys(table, problems)
    return table


# 25 x the mean of the nine unsur may differ from the IKM by rounding: NRRs are often printed
# with two decimals (docs/import-formats.md#service_outcomes).
UNSUR_SLACK = 0.15
# "more than 0.15" is judged on the decimal values: 25 x mean(3.3 x 9) against 82.65 differs by
# exactly 0.15, which binary doubles make 0.15000000000000568
_FLOAT_NOISE = 1e-9


def _check_unsur(table: ParsedTable, raw: RawTable, warnings: Issues) -> None:
    """When all nine unsur are given, their 25 x mean gives the IKM within the slack; a row
    that does not is kept, with a warning."""
    df = table.frame
    unsur = [f"u{i}" for i in UNSUR]
    if table.name != "service_outcomes" or not {"ikm", *unsur} <= set(df.columns):
        return
    scores = df[unsur].astype("float64")
    expected = 25 * scores.mean(axis=1)
    ikm = df["ikm"].astype("float64")
    off = (
        scores.notna().all(axis=1)
        & ikm.notna()
        & ((expected - ikm).abs() > UNSUR_SLACK + _FLOAT_NOISE)
    )
    bad = off.to_numpy(dtype=bool)
    if not bad.any():
        return
    names = [h.strip().lower() for h in raw.header]
    warnings.add_cells(
        "ikm_unsur_mismatch",
        table.where,
        "ikm",
        df["_row"].to_numpy()[bad],
        raw.cells[names.index("ikm")].to_numpy()[bad],
        col_order=table.table.columns.index(table.table.column("ikm")),
        params=[
            {"ikm": f"{i:g}", "expected": f"{e:.2f}"}
            for i, e in zip(ikm[bad], expected[bad], strict=True)
        ],
    )


def _check_dates(table: ParsedTable, raw: RawTable, problems: Issues) -> None:
    """A training ends on or after the day it starts."""
    df = table.frame
    if table.name != "trainings" or not {"start_date", "end_date"} <= set(df.columns):
        return
    bad = (df["end_date"] < df["start_date"]).fillna(False).to_numpy(dtype=bool)
    if not bad.any():
        return
    names = [h.strip().lower() for h in raw.header]
    end_text = raw.cells[names.index("end_date")].to_numpy()[bad]
    start_text = raw.cells[names.index("start_date")].to_numpy()[bad]
    problems.add_cells(
        "end_before_start",
        table.where,
        "end_date",
        df["_row"].to_numpy()[bad],
        end_text,
        col_order=table.table.columns.index(table.table.column("end_date")),
        params=[{"start": s} for s in start_text],
    )


def _key_text(values: tuple[object, ...]) -> str:
    parts = []
    for v in values:
        if isinstance(v, pd.Timestamp):
            parts.append(v.date().isoformat())
        else:
            parts.append(str(v))
    return " / ".join(parts)


def _check_duplicate_keys(table: ParsedTable, problems: Issues) -> None:
    """Two rows with the same key in one import: every row after the first is reported."""
    keys = list(table.table.key)
    df = table.frame
    if not set(keys) <= set(df.columns) or df.empty:
        return
    complete = df[keys].notna().all(axis=1).to_numpy()
    sub = df.loc[complete, [*keys, "_row"]]
    dup = sub.duplicated(keys, keep="first").to_numpy()
    if not dup.any():
        return
    first = sub.groupby(keys, sort=False)["_row"].transform("min").to_numpy()
    rows = sub["_row"].to_numpy()[dup]
    texts = [_key_text(t) for t in sub.loc[dup, keys].itertuples(index=False, name=None)]
    problems.add_cells(
        "duplicate_key",
        table.where,
        ", ".join(keys),
        rows,
        np.array(texts, dtype=object),
        params=[{"key": t, "first": int(f)} for t, f in zip(texts, first[dup], strict=True)],
    )
