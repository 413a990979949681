"""Number formatting for the UI: the same functions the reports use (analytics.core.numfmt)."""

from dataclasses import dataclass

import pandas as pd

from analytics.core.numfmt import integer, num, nums, pct, rupiah, signed

__all__ = ["Column", "integer", "num", "pct", "rupiah", "signed"]


@dataclass(frozen=True)
class Column:
    """A formatter of a whole column at once for widgets.table: the texts of `num` (of `pct`
    with suffix "%"), in one pass (numfmt.nums) instead of a call per value."""

    lang: str
    decimals: int = 1
    suffix: str = ""

    def __call__(self, values: pd.Series) -> list[str]:
        return nums(values, self.lang, self.decimals, self.suffix)
