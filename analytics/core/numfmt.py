"""Numbers formatted for a language (id: 1.234,5; en: 1,234.5), not the browser's locale.

Indonesian writes 1.234,5 (dot groups thousands, comma marks decimals); English 1,234.5.
Plotly gets the same through layout.separators (see charts.theme.separators).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd


def _is_missing(x: Any) -> bool:
    # pd.NA: a figure emptied by the small-group rule in a nullable column
    if x is None or x is pd.NA:
        return True
    try:
        return bool(math.isnan(x))
    except TypeError:
        return False


def num(x: Any, lang: str, decimals: int = 1) -> str:
    """1234.56 -> '1.234,6' (id) or '1,234.6' (en); missing -> '–'."""
    if _is_missing(x):
        return "–"
    text = f"{float(x):,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


def nums(values: Iterable[Any], lang: str, decimals: int = 1, suffix: str = "") -> list[str]:
    """`num` of each value, + `suffix` when not missing (pct: suffix "%"), the same texts in one
    pass: a national table of 15,053 agencies by five figures took ~0.15 s value by value."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    # errors="raise": text that is not a number fails, as num's float(x) does
    floats = pd.to_numeric(series, errors="raise").to_numpy(dtype="float64", na_value=np.nan)
    spec = f",.{decimals}f"
    texts = [format(v, spec) + suffix if v == v else "–" for v in floats.tolist()]
    if lang == "id":
        return [t.translate(_ID_SEPARATORS) for t in texts]
    return texts


def integer(x: Any, lang: str) -> str:
    return num(x, lang, 0)


def pct(x: Any, lang: str, decimals: int = 1) -> str:
    """A percentage 0–100 -> '41,2%'."""
    if _is_missing(x):
        return "–"
    return f"{num(x, lang, decimals)}%"


def signed(x: Any, lang: str, decimals: int = 2) -> str:
    """A change or gap with an explicit sign: '+0,12' / '−0,30'."""
    if _is_missing(x):
        return "–"
    body = num(abs(float(x)), lang, decimals)
    if round(float(x), decimals) == 0:
        return body
    return ("+" if x > 0 else "−") + body


def rupiah(x: Any, lang: str) -> str:
    if _is_missing(x):
        return "–"
    return f"Rp {num(x, lang, 0)}"
