"""numfmt.nums (a column at once) writes exactly what num, integer and pct write value by value."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.core.numfmt import integer, num, nums, pct
from ui.fmt import Column

VALUES = [
    True, np.int64(-7), np.float32(0.5), np.uint64(2**63 + 1), 10**20, float("inf"), 0.0, -0.0, 0.05, 0.15, 2.675, 1.005, 12.25, -3.45, 999.95, 1234.5, 1234567.891, -98765.4321,
    78.0, 89.99999, 1e15, 7, 12_000, None, float("nan"), pd.NA,
]  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_nums_equals_num_value_by_value(lang: str, decimals: int) -> None:
    want = [num(v, lang, decimals) for v in VALUES]
    assert nums(VALUES, lang, decimals) == want
    # from the columns a table gets: floats with NaN, nullable integers with NA
    floats = pd.Series([np.nan if v is None or v is pd.NA else v for v in VALUES], dtype="float64")
    assert nums(floats, lang, decimals) == [num(v, lang, decimals) for v in floats]
    ints = pd.Series([3, None, 15053, -2, 1_000_000], dtype="Int64")
    assert nums(ints, lang, decimals) == [num(v, lang, decimals) for v in ints]


def test_column_formats_as_integer_and_pct() -> None:
    s = pd.Series([41.25, None, 100.0, 0.04], dtype="float64")
    assert Column("id", 1, "%")(s) == [pct(v, "id") for v in s] == ["41,2%", "–", "100,0%", "0,0%"]
    assert Column("en", 0)(pd.Series([1234.5, 15053.0])) == [integer(1234.5, "en"), "15,053"]
    assert Column("id", 0)(pd.Series([15053])) == ["15.053"]


def test_nums_refuses_text_as_num_does() -> None:
    with pytest.raises(ValueError):
        num("abc", "id")
    with pytest.raises(ValueError):
        nums(["1", "abc"], "id")
