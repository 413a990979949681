"""Cell text → typed values, one vectorised parser per column kind.

Each parser takes a column of trimmed cell texts ("" = blank) and returns the typed values
(missing where blank or wrong) plus masks of the cells that break a rule, each with a message
code. Blank cells are never an error here: whether a column may be blank is the caller's rule.
Numbers that must be exact (levels, JP) come out rounded to their decimals (3.2999999 → 3.3), so
the store's DECIMAL cast gives exactly the decimal the cell meant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.importer.rules import BOOLEANS, ENUM_VALUES

# docs/import-formats.md#levels-and-jp, "within 1e-6": the slack for a number Excel stored as binary.
TOLERANCE = 1e-6 + 1e-12
MIN_YEAR, MAX_YEAR = 1900, 2100

Params = Mapping[str, Any] | Callable[[str], Mapping[str, Any]] | None


@dataclass
class Parsed:
    values: pd.Series
    errors: list[tuple[np.ndarray, str, Params]] = field(default_factory=list)
    warnings: list[tuple[np.ndarray, str, Params]] = field(default_factory=list)

    def error(self, mask: pd.Series | np.ndarray, code: str, params: Params = None) -> None:
        m = np.asarray(mask, dtype=bool)
        if m.any():
            self.errors.append((m, code, params))

    def warn(self, mask: pd.Series | np.ndarray, code: str, params: Params = None) -> None:
        m = np.asarray(mask, dtype=bool)
        if m.any():
            self.warnings.append((m, code, params))


def _mask(series: pd.Series) -> np.ndarray:
    """A boolean numpy mask from a (possibly NA-holding) boolean Series."""
    return series.fillna(False).to_numpy(dtype=bool)


def _match(s: pd.Series, pattern: str) -> np.ndarray:
    return _mask(s.str.fullmatch(pattern))


def parse_text(s: pd.Series) -> Parsed:
    return Parsed(s.where(s != ""))


# Digits are written [0-9], never \d: that also matches other scripts' digits (Arabic-Indic ٣,
# fullwidth ３), which Arrow's number cast cannot read and a NIP or date must not hold (and a
# regex flag instead of the class would cost pandas' fast Arrow matching).
# docs/import-formats.md#delimiters-and-decimals: in a `;` file the decimal mark is `,`, `.` may only
# group thousands; in a `,` file the decimal mark is `.`. Workbook text cells take either mark.
NUMBER_PATTERNS = {
    "dot": r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)",
    "comma": r"[+-]?(?:(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?|,[0-9]+)",
    "either": r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)",
}


def parse_number(s: pd.Series, mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values as float64 with NaN, blank mask, badly written mask)."""
    blank = (s == "").to_numpy(dtype=bool)
    ok = _match(s, NUMBER_PATTERNS[mode])
    text = s.where(ok, "")
    if mode == "comma":
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    elif mode == "either":
        text = text.str.replace(",", ".", regex=False)
    return _to_float(text.where(ok)), blank, ~blank & ~ok


def _to_float(text: pd.Series) -> np.ndarray:
    """Checked number texts (missing elsewhere) → float64 with NaN; Arrow's cast is ~25x
    faster than pd.to_numeric on 300k cells."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.cast(pa.array(text.array), pa.float64()).to_numpy(zero_copy_only=False)


def _numeric(s: pd.Series, mode: str) -> tuple[np.ndarray, np.ndarray, Parsed]:
    x, _, bad = parse_number(s, mode)
    out = Parsed(pd.Series(x))
    out.error(bad, "number_format", {"mode": mode})
    return x, ~np.isnan(x), out


def _whole(x: np.ndarray, scale: int) -> tuple[np.ndarray, np.ndarray]:
    """x × scale rounded to an integer, and where x had more decimals than 1/scale allows."""
    with np.errstate(invalid="ignore"):
        n = np.round(x * scale)
        extra = np.abs(x - n / scale) > TOLERANCE
    return n, extra


def _rounded(n: np.ndarray, ok: np.ndarray, scale: int) -> pd.Series:
    """Whole units of 1/scale back to numbers, e.g. 33 tenths → 3.3: the double nearest to
    the decimal, which the store's DECIMAL cast turns back into exactly that decimal."""
    return pd.Series(np.where(ok, n / scale, np.nan))


def parse_level(s: pd.Series, mode: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    tenths, extra = _whole(x, 10)
    decimals = num & extra
    out.error(decimals, "level_decimals")
    bad_range = num & ~extra & ((tenths < 10) | (tenths > 50))
    out.error(bad_range, "level_range")
    out.values = _rounded(tenths, num & ~decimals & ~bad_range, 10)
    return out


def parse_hours(s: pd.Series, mode: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    hundredths, extra = _whole(x, 100)
    decimals = num & extra
    out.error(decimals, "hours_decimals")
    not_positive = num & ~extra & (hundredths <= 0)
    out.error(not_positive, "hours_not_positive")
    too_large = num & ~extra & (hundredths > 999_999_999)  # DECIMAL(9, 2)
    out.error(too_large, "hours_too_large")
    out.values = _rounded(hundredths, num & ~decimals & ~not_positive & ~too_large, 100)
    return out


def _integer(s: pd.Series, mode: str, low: int, high: int, code: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    n, extra = _whole(x, 1)
    bad = num & (extra | (n < low) | (n > high))
    out.error(bad, code)
    out.values = pd.Series(pd.array(np.where(num & ~bad, n, 0).astype("int64"), dtype="Int64"))
    out.values[~(num & ~bad)] = pd.NA
    return out


def parse_required_level(s: pd.Series, mode: str) -> Parsed:
    return _integer(s, mode, 1, 5, "required_level_value")


def parse_year(s: pd.Series, mode: str) -> Parsed:
    return _integer(s, mode, MIN_YEAR, MAX_YEAR, "year_value")


def parse_money(s: pd.Series, mode: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    negative = num & (x < 0)
    out.error(negative, "cost_negative")
    # Hundreds of digits read as infinity: no sum or JSON export can carry it.
    too_large = num & ~negative & ~np.isfinite(x)
    out.error(too_large, "cost_too_large")
    out.values = pd.Series(np.where(num & ~negative & ~too_large, x, np.nan))
    return out


def parse_ikm(s: pd.Series, mode: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    bad = num & ((x < 25) | (x > 100))
    out.error(bad, "ikm_range")
    out.values = pd.Series(np.where(num & ~bad, x, np.nan))
    return out


def parse_respondents(s: pd.Series, mode: str) -> Parsed:
    return _integer(s, mode, 1, 2**31 - 1, "respondents_value")


def parse_unsur(s: pd.Series, mode: str) -> Parsed:
    x, num, out = _numeric(s, mode)
    bad = num & ((x < 1) | (x > 4))
    out.error(bad, "unsur_range")
    out.values = pd.Series(np.where(num & ~bad, x, np.nan))
    return out


def parse_bool(s: pd.Series) -> Parsed:
    mapped = s.str.lower().map(BOOLEANS)
    out = Parsed(pd.Series(pd.array(mapped.tolist(), dtype="boolean")))
    out.error((s != "").to_numpy(dtype=bool) & mapped.isna().to_numpy(), "bool_value")
    return out


def parse_enum(s: pd.Series, kind: str) -> Parsed:
    """Enumerated values, matched case-insensitively with spaces collapsed, stored canonical."""
    accepted, shown = ENUM_VALUES[kind]
    key = s.str.lower().str.replace(r"\s+", " ", regex=True)
    if kind == "competency_group":  # "socio-cultural", "sosial-kultural"
        key = key.str.replace("-", " ", regex=False)
    mapped = key.map(accepted)
    out = Parsed(pd.Series(mapped.tolist(), dtype="str"))
    out.error(
        (s != "").to_numpy(dtype=bool) & mapped.isna().to_numpy(), "enum_value", {"allowed": shown}
    )
    return out


_DATE_FORMS = (  # (pattern, group index of year, month, day); most common first
    (r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?", 0, 1, 2),
    (r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", 2, 1, 0),
    (r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", 2, 1, 0),
)


def parse_date(s: pd.Series) -> Parsed:
    """YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (workbook date cells already read as YYYY-MM-DD)."""
    n = len(s)
    ymd = np.full((3, n), np.nan)
    matched = np.zeros(n, dtype=bool)
    # Fast path by slicing for the fixed-width forms, regex extraction only for the rest.
    for mask, (y0, m0, d0) in (
        (_match(s, r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), (0, 5, 8)),
        (_match(s, r"[0-9]{2}/[0-9]{2}/[0-9]{4}"), (6, 3, 0)),
    ):
        sub = s[mask]
        for k, start, width in ((0, y0, 4), (1, m0, 2), (2, d0, 2)):
            ymd[k, mask] = sub.str.slice(start, start + width).astype("int64").to_numpy()
        matched |= mask
    rest = ~matched & (s != "").to_numpy(dtype=bool)
    for pattern, yi, mi, di in _DATE_FORMS:
        if not rest.any():
            break
        parts = s[rest].str.extract("^" + pattern + "$")
        hit = parts[yi].notna().to_numpy()
        idx = np.flatnonzero(rest)[hit]
        for k, gi in ((0, yi), (1, mi), (2, di)):
            ymd[k, idx] = parts[gi][hit].astype("int64").to_numpy()
        matched[idx] = True
        rest[idx] = False
    out = Parsed(pd.Series(pd.NaT, index=range(n), dtype="datetime64[s]"))
    out.error(rest, "date_format")
    in_range = matched & (ymd[0] >= MIN_YEAR) & (ymd[0] <= MAX_YEAR)
    out.error(matched & ~in_range, "date_range")
    parts = pd.DataFrame(
        {
            "year": np.where(in_range, ymd[0], np.nan),
            "month": np.where(in_range, ymd[1], np.nan),
            "day": np.where(in_range, ymd[2], np.nan),
        }
    )
    dates = pd.to_datetime(parts, errors="coerce")
    out.error(in_range & dates.isna().to_numpy(), "date_impossible")
    out.values = dates
    return out


def _digits(value: str) -> Mapping[str, Any]:
    return {"n": len(value)}


def parse_nip(s: pd.Series, numeric: np.ndarray | None, structure: bool = True) -> Parsed:
    """18 digits as text; the ways Excel damages a NIP are errors that say so.

    structure: also warn about an implausible birth date or gender digit. Only where the NIP
    defines an employee (employees.csv): elsewhere it names one, and one warning is enough."""
    filled = (s != "").to_numpy(dtype=bool)
    number_cell = filled & (numeric if numeric is not None else False)
    # "196711101992031001.0": a number cell written out by a tool as a float.
    number_cell |= filled & _match(s, r"[0-9]+[.,]0+")
    e_notation = filled & ~number_cell & _match(s, r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")
    digits = filled & ~number_cell & _match(s, r"[0-9]+")
    lengths = s.str.len().to_numpy()
    wrong_length = digits & (lengths != 18)
    serial_000 = digits & ~wrong_length & _mask(s.str.endswith("000"))
    not_digits = filled & ~number_cell & ~e_notation & ~digits
    out = Parsed(s.where(digits & ~wrong_length & ~serial_000))
    out.error(number_cell, "nip_excel_number")
    out.error(e_notation, "nip_excel_enotation")
    out.error(wrong_length, "nip_length", _digits)
    out.error(serial_000, "nip_serial_000")
    out.error(not_digits, "nip_not_digits")
    good = digits & ~wrong_length & ~serial_000
    if structure and good.any():
        # Structure (warnings only): birth date YYYYMMDD, then gender digit 1/2 at place 15.
        digits8 = s.where(good, "19000101").str.slice(0, 8).astype("int64").to_numpy()
        parts = pd.DataFrame(
            {"year": digits8 // 10000, "month": digits8 // 100 % 100, "day": digits8 % 100}
        )
        born = pd.to_datetime(parts, errors="coerce")
        out.warn(good & born.isna().to_numpy(), "nip_birth_date")
        out.warn(good & ~_mask(s.str.slice(14, 15).isin(["1", "2"])), "nip_gender_digit")
    return out


def parse_cells(
    kind: str,
    s: pd.Series,
    decimal: str,
    numeric: np.ndarray | None,
    *,
    nip_structure: bool = False,
) -> Parsed:
    """Dispatch on the column kind (analytics.importer.rules.KINDS)."""
    if kind == "text":
        return parse_text(s)
    if kind == "id":
        out = parse_text(s)
        if numeric is not None:  # a workbook number cell: 007 has become 7
            out.warn(numeric & (s != "").to_numpy(dtype=bool), "id_excel_number")
        return out
    if kind == "nip":
        return parse_nip(s, numeric, nip_structure)
    if kind == "date":
        return parse_date(s)
    if kind == "bool":
        return parse_bool(s)
    if kind in ENUM_VALUES:
        return parse_enum(s, kind)
    numeric_parsers = {
        "level": parse_level,
        "required_level": parse_required_level,
        "hours": parse_hours,
        "money": parse_money,
        "ikm": parse_ikm,
        "respondents": parse_respondents,
        "unsur": parse_unsur,
        "year": parse_year,
    }
    return numeric_parsers[kind](s, decimal)
