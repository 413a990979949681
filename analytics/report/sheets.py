"""Tables for spreadsheets: an Excel workbook and "CSV for Excel", safe against formula injection.

A text cell that starts with =, +, -, @, a tab or a carriage return would run as a formula when
a spreadsheet opens the file (a name like "=HYPERLINK(...)" in the data). Such text is written
as text: prefixed with an apostrophe in CSV, and stored as a string cell in the workbook.
Numbers stay numbers. The `export` (docs/command-line.md#export) stays raw: it is for machines.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would read as a formula, made inert; other values unchanged."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value


def xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """One sheet per table: bold shaded header, frozen header row, widths fitted."""
    book = Workbook()
    book.remove(book.active)
    for name, df in sheets.items():
        ws = book.create_sheet(_sheet_name(name))
        ws.append([str(c) for c in df.columns])
        for row in df.itertuples(index=False):
            values = [_cell(v) for v in row]
            ws.append(values)
        for j, col in enumerate(df.columns, start=1):
            head = ws.cell(row=1, column=j)
            head.font = Font(bold=True, color="FFFFFF")
            head.fill = PatternFill("solid", fgColor="0B5394")
            head.alignment = Alignment(wrap_text=True, vertical="center")
            width = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)])
            ws.column_dimensions[get_column_letter(j)].width = min(max(10, width + 2), 60)
        # Strings are always string cells: openpyxl would otherwise store "=..." as a formula.
        for row_cells in ws.iter_rows(min_row=2):
            for c in row_cells:
                if isinstance(c.value, str):
                    c.data_type = "s"
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _sheet_name(name: str) -> str:
    bad = "[]:*?/\\"
    clean = "".join("-" if ch in bad else ch for ch in name)
    return clean[:31] or "Sheet"


def csv_for_excel(df: pd.DataFrame, lang: str) -> bytes:
    """CSV as Excel opens it in the user's locale: Indonesian `;` with decimal comma, English
    `,` with decimal point; UTF-8 with BOM so Excel reads names correctly."""
    sep, dec = (";", ",") if lang == "id" else (",", ".")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in df.columns])
    for row in df.itertuples(index=False):
        out = []
        for v in row:
            v = _cell(v)
            if v is None:
                out.append("")
            elif isinstance(v, bool):
                out.append("true" if v else "false")
            elif isinstance(v, int | float):
                out.append(repr(v).replace(".", dec) if isinstance(v, float) else str(v))
            else:
                out.append(str(neutralise(str(v))))
        writer.writerow(out)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
