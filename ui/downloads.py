"""Download buttons for a table: Excel workbook and CSV for Excel (formula-safe).

The file is made when the button is pressed, and each download is audited (ui.auditing) with
the table's name, the format, the rows, the filters and the data version."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from analytics.report import sheets
from ui import auditing, filterbar, state
from ui.state import t


def labelled(
    df: pd.DataFrame, columns: Mapping[str, tuple[str, Callable[[Any], str | None] | None]]
) -> pd.DataFrame:
    """The table as people read it: translated headers, ids turned into names; numbers stay
    numbers (the spreadsheet formats them)."""
    out = pd.DataFrame(index=df.index)
    for col, (label, fmt) in columns.items():
        if col not in df.columns:
            continue
        numeric = pd.api.types.is_numeric_dtype(df[col]) and not pd.api.types.is_bool_dtype(df[col])
        out[label] = df[col] if (numeric or fmt is None) else df[col].map(fmt)
    return out


def buttons(
    df: pd.DataFrame,
    columns: Mapping[str, tuple[str, Callable[[Any], str | None] | None]],
    file_stem: str,
    sheet: str,
) -> None:
    table = labelled(df, columns)
    lang = state.lang()
    filters = filterbar.current()

    def audited(fmt: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
        return auditing.download(
            make, "export", filters, table=file_stem, format=fmt, rows=len(table)
        )

    left, right, _ = st.columns([1, 1, 3])
    with left:
        st.download_button(
            t("download_xlsx"),
            audited("xlsx", lambda: sheets.xlsx({sheet: table})),
            file_name=f"{file_stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/table_view:",
            key=f"dl_xlsx_{file_stem}",
            on_click="ignore",
        )
    with right:
        st.download_button(
            t("download_csv"),
            audited("csv", lambda: sheets.csv_for_excel(table, lang)),
            file_name=f"{file_stem}.csv",
            mime="text/csv",
            icon=":material/download:",
            key=f"dl_csv_{file_stem}",
            on_click="ignore",
        )
