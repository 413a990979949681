"""Spreadsheet downloads cannot run formulas: text that starts like a formula stays text."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from analytics.report.sheets import csv_for_excel, neutralise, xlsx

DANGEROUS = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Dinas Kesehatan", "3,5", 12, -2.5, None, "a=b"])
def test_other_values_are_unchanged(value: object) -> None:
    assert neutralise(value) == value


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"Unit": DANGEROUS, "Pegawai": range(len(DANGEROUS)), "Selisih": [-0.5] * len(DANGEROUS)}
    )


def test_csv_for_excel_writes_formula_text_as_text_and_numbers_as_numbers() -> None:
    data = csv_for_excel(frame(), "id")
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Unit", "Pegawai", "Selisih"]
    for row, text in zip(rows[1:], DANGEROUS, strict=True):
        assert row[0] == "'" + text
        assert row[2] == "-0,5"  # a number in the Indonesian locale, not neutralised


def test_csv_for_excel_in_english_uses_commas_and_points() -> None:
    rows = list(csv.reader(io.StringIO(csv_for_excel(frame(), "en").decode("utf-8-sig"))))
    assert rows[1][2] == "-0.5"


def test_workbook_cells_are_text_never_formulas() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx({"Kebutuhan": frame()})))
    ws = book["Kebutuhan"]
    assert ws.freeze_panes == "A2"
    for i, text in enumerate(DANGEROUS, start=2):
        cell = ws.cell(row=i, column=1)
        assert cell.data_type == "s", (text, cell.data_type)
        assert cell.value == text
        assert ws.cell(row=i, column=3).value == -0.5
