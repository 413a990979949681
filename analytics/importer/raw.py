"""A table as read from a file, before any rule: text cells and spreadsheet row numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.importer.issues import Where
from analytics.importer.rules import Table
from analytics.importer.sources import Source


@dataclass
class RawTable:
    table: Table
    where: Where
    source: Source
    header: list[str]  # trimmed header cells, in file order
    cells: list[pd.Series]  # one per header cell: trimmed text, "" when blank
    rows: np.ndarray  # spreadsheet row number of each data row
    decimal: str  # 'dot' (`,` CSV), 'comma' (`;` CSV) or 'either' (workbook text cells)
    numeric: list[np.ndarray | None] = field(default_factory=list)  # workbook number cells

    @property
    def n_rows(self) -> int:
        return len(self.rows)


def drop_empty_rows(raw: RawTable) -> RawTable:
    """Rows whose every cell is blank (`;;;;`) are not data."""
    if not raw.cells or raw.n_rows == 0:
        return raw
    empty = np.logical_and.reduce([(c == "").to_numpy(dtype=bool) for c in raw.cells])
    if empty.any():
        keep = ~empty
        raw.cells = [c[keep].reset_index(drop=True) for c in raw.cells]
        raw.rows = raw.rows[keep]
        raw.numeric = [None if n is None else n[keep] for n in raw.numeric]
    return raw
