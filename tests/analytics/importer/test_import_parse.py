"""Cell rules as tables: what each parser accepts, what it stores, and what it rejects."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics.importer.parse import (
    parse_bool,
    parse_date,
    parse_enum,
    parse_hours,
    parse_level,
    parse_money,
    parse_nip,
    parse_number,
)


def one(parsed, index: int = 0) -> tuple[object, str | None]:  # type: ignore[no-untyped-def]
    """(value, error code) of the cell at index."""
    codes = [code for mask, code, _ in parsed.errors if mask[index]]
    assert len(codes) <= 1, codes  # one reason per cell
    value = parsed.values.iloc[index]
    return (None if pd.isna(value) else value), (codes[0] if codes else None)


def col(*cells: str) -> pd.Series:
    return pd.Series(list(cells), dtype="str")


@pytest.mark.parametrize(
    ("mode", "text", "value"),
    [
        ("dot", "3.5", 3.5),
        ("dot", "1500000", 1500000.0),
        ("dot", "-2", -2.0),
        ("dot", "1,500,000", None),  # no grouping in a `,` file
        ("dot", "3,5", None),
        ("comma", "3,5", 3.5),
        ("comma", "1.500.000", 1500000.0),
        ("comma", "1.500.000,75", 1500000.75),
        ("comma", "1.500", 1500.0),  # `.` only groups thousands
        ("comma", "3.5", None),
        ("comma", "1.50.000", None),
        ("either", "3.5", 3.5),
        ("either", "3,5", 3.5),
        ("dot", "abc", None),
        ("dot", "1e3", None),
    ],
)
def test_number_formats(mode: str, text: str, value: float | None) -> None:
    x, blank, bad = parse_number(col(text), mode)
    if value is None:
        assert bad[0] and math.isnan(x[0])
    else:
        assert not bad[0] and x[0] == value
    assert not blank[0]


@pytest.mark.parametrize(
    ("text", "mode", "stored", "error"),
    [
        ("3.5", "dot", 3.5, None),
        ("3.50", "dot", 3.5, None),
        ("3.2999999", "either", 3.3, None),  # an Excel binary value within 1e-6
        ("3.25", "dot", None, "level_decimals"),
        ("3.2999", "dot", None, "level_decimals"),
        ("1", "dot", 1.0, None),
        ("5", "dot", 5.0, None),
        ("0.9", "dot", None, "level_range"),
        ("5.1", "dot", None, "level_range"),
        ("3,5", "comma", 3.5, None),
        ("tiga", "dot", None, "number_format"),
        ("", "dot", None, None),
    ],
)
def test_levels(text: str, mode: str, stored: float | None, error: str | None) -> None:
    assert one(parse_level(col(text), mode)) == (stored, error)


@pytest.mark.parametrize(
    ("text", "stored", "error"),
    [
        ("24", 24.0, None),
        ("24.5", 24.5, None),
        ("0.75", 0.75, None),
        ("1.255", None, "hours_decimals"),
        ("0", None, "hours_not_positive"),
        ("-1", None, "hours_not_positive"),
        ("10000000", None, "hours_too_large"),
    ],
)
def test_hours(text: str, stored: float | None, error: str | None) -> None:
    assert one(parse_hours(col(text), "dot")) == (stored, error)


@pytest.mark.parametrize(
    ("text", "error"), [("0", None), ("1.500.000", None), ("-1", "cost_negative")]
)
def test_money(text: str, error: str | None) -> None:
    assert one(parse_money(col(text), "comma"))[1] == error


@pytest.mark.parametrize(
    ("text", "stored", "error"),
    [
        ("2024-03-15", "2024-03-15", None),
        ("2024-3-5", "2024-03-05", None),
        ("15/03/2024", "2024-03-15", None),
        ("5/3/2024", "2024-03-05", None),
        ("15-03-2024", "2024-03-15", None),
        ("2024-03-15 00:00:00", "2024-03-15", None),  # a date cell written out with its time
        ("29/02/2024", "2024-02-29", None),
        ("29/02/2023", None, "date_impossible"),
        ("31/02/2024", None, "date_impossible"),
        ("2024-13-01", None, "date_impossible"),
        ("03/15/2024", None, "date_impossible"),  # month/day order is not guessed
        ("2024/03/15", None, "date_format"),
        ("15.03.2024", None, "date_format"),
        ("15/03-2024", None, "date_format"),
        ("kemarin", None, "date_format"),
        ("15/03/1850", None, "date_range"),
    ],
)
def test_dates(text: str, stored: str | None, error: str | None) -> None:
    value, code = one(parse_date(col(text)))
    assert (None if value is None else value.date().isoformat(), code) == (stored, error)


@pytest.mark.parametrize(
    ("text", "stored"),
    [("true", True), ("FALSE", False), ("Ya", True), ("tidak", False), ("y", True),
     ("N", False), ("1", True), ("0", False), ("benar", True), ("SALAH", False), ("Benar", True), ("betul", None), ("", None)],
)  # fmt: skip
def test_booleans(text: str, stored: bool | None) -> None:
    value, code = one(parse_bool(col(text)))
    assert value == stored
    assert code == ("bool_value" if stored is None and text else None)


@pytest.mark.parametrize(
    ("kind", "text", "stored"),
    [
        ("competency_group", "Manajerial", "manajerial"),
        ("competency_group", "managerial", "manajerial"),
        ("competency_group", "Sosial  Kultural", "sosial kultural"),
        ("competency_group", "socio-cultural", "sosial kultural"),
        ("competency_group", "TECHNICAL", "teknis"),
        ("gender", "l", "L"),
        ("gender", "M", "L"),
        ("gender", "F", "P"),
        ("employment_type", "pppk", "PPPK"),
        ("rating", "butuh perbaikan", "Butuh Perbaikan"),
        ("rating", "SANGAT KURANG", "Sangat Kurang"),
        ("rating", "Cukup", None),
    ],
)
def test_enumerations(kind: str, text: str, stored: str | None) -> None:
    value, code = one(parse_enum(col(text), kind))
    assert value == stored
    assert code == (None if stored else "enum_value")


@pytest.mark.parametrize(
    ("text", "numeric_cell", "error"),
    [
        ("196711101992031001", False, None),
        ("196711101992031001", True, "nip_excel_number"),
        ("196711101992031001.0", False, "nip_excel_number"),
        ("1.96711E+17", False, "nip_excel_enotation"),
        ("1,96711E+17", False, "nip_excel_enotation"),  # Indonesian Excel
        ("1.96711101992031E17", False, "nip_excel_enotation"),
        ("19671110199203100", False, "nip_length"),
        ("1967111019920310011", False, "nip_length"),
        ("196711101992031000", False, "nip_serial_000"),
        ("19671110 199203 1 001", False, "nip_not_digits"),
        ("NIP196711101992031", False, "nip_not_digits"),
    ],
)
def test_nip(text: str, numeric_cell: bool, error: str | None) -> None:
    parsed = parse_nip(col(text), np.array([numeric_cell]))
    assert one(parsed) == ((text if error is None else None), error)


def test_nip_structure_checks_are_warnings() -> None:
    parsed = parse_nip(col("196713401992033001", "196711101992031001"), None)
    assert not parsed.errors
    codes = {code: list(np.flatnonzero(mask)) for mask, code, _ in parsed.warnings}
    assert codes == {"nip_birth_date": [0], "nip_gender_digit": [0]}


def test_parsing_400k_cells_stays_fast() -> None:
    """The budget for an import of the demo's size (~350k assessments): a few seconds."""
    import time

    n = 400_000
    dates = pd.Series(["2024-03-15", "15/03/2024"] * (n // 2), dtype="str")
    levels = pd.Series(["3.5", "2"] * (n // 2), dtype="str")
    nips = pd.Series(["196711101992031001"] * n, dtype="str")
    start = time.perf_counter()
    parse_date(dates)
    parse_level(levels, "dot")
    parse_nip(nips, None)
    assert time.perf_counter() - start < 5
