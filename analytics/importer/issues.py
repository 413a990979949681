"""Problems and warnings of an import, kept language-neutral until they are shown.

An Issue names a message code plus where it happened (file, sheet, spreadsheet row, column) and
the offending value; `messages` turns it into Indonesian or English text. Checks are vectorised,
so one rule can hit every row of a 400k-row file: a collector keeps the details of the first
CAP issues of each rule and column but counts them all, so "how many in all" stays exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from analytics.importer import messages

CAP_PER_RULE = 10_000


@dataclass(frozen=True)
class Where:
    """A table being read: the file it came from, the sheet (workbooks) and its place in the
    import (problems are listed in that order)."""

    file: str
    sheet: str = ""
    order: int = 0


@dataclass(frozen=True)
class Issue:
    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None  # as a spreadsheet shows it: header = row 1
    column: str = ""
    value: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    sort_key: tuple[int, int, int] = field(default=(0, 0, 0), compare=False, repr=False)

    def reason(self, lang: str = "id") -> str:
        return messages.reason(self, lang)

    def message(self, lang: str = "id") -> str:
        """One line: where, which value, and why (what the CLI and the upload page show)."""
        return messages.render(self, lang)


class Issues:
    """A collector of issues of one kind (problems or warnings)."""

    def __init__(self, cap: int = CAP_PER_RULE) -> None:
        self.cap = cap
        self.items: list[Issue] = []
        self.total = 0
        self._per_rule: Counter[tuple[str, str, str, str]] = Counter()

    def __len__(self) -> int:
        return self.total

    def add(
        self,
        code: str,
        where: Where | None = None,
        *,
        row: int | None = None,
        column: str = "",
        value: str | None = None,
        col_order: int = 0,
        **params: Any,
    ) -> None:
        self.total += 1
        w = where or Where("")
        rule = (code, w.file, w.sheet, column)
        self._per_rule[rule] += 1
        if self._per_rule[rule] > self.cap:
            return
        self.items.append(
            Issue(
                code,
                w.file,
                w.sheet,
                row,
                column,
                value,
                params,
                (w.order, -1 if row is None else row, col_order),
            )
        )

    def add_cells(
        self,
        code: str,
        where: Where,
        column: str,
        rows: np.ndarray,
        values: np.ndarray,
        *,
        col_order: int = 0,
        params: Mapping[str, Any]
        | Callable[[str], Mapping[str, Any]]
        | Sequence[Mapping[str, Any]]
        | None = None,
    ) -> None:
        """One issue per cell (rows and values are the spreadsheet rows and cell texts).

        params: the same for every cell, computed from the value, or one per cell."""
        n = len(rows)
        if n == 0:
            return
        rule = (code, where.file, where.sheet, column)
        keep = max(0, min(n, self.cap - self._per_rule[rule]))
        self.total += n
        self._per_rule[rule] += n
        for k, (row, value) in enumerate(
            zip(rows[:keep].tolist(), values[:keep].tolist(), strict=True)
        ):
            if callable(params):
                p = params(value)
            elif isinstance(params, Sequence):
                p = params[k]
            else:
                p = params or {}
            self.items.append(
                Issue(
                    code,
                    where.file,
                    where.sheet,
                    int(row),
                    column,
                    value,
                    p,
                    (where.order, int(row), col_order),
                )
            )

    def extend(self, other: Issues) -> None:
        self.items.extend(other.items)
        self.total += other.total
        self._per_rule.update(other._per_rule)

    def sorted(self) -> list[Issue]:
        """The kept issues in reading order: file, row, column."""
        return sorted(self.items, key=lambda i: i.sort_key)


class ImportRejected(Exception):
    """Raised where no plan can be made at all (e.g. a path that does not exist)."""

    def __init__(self, problems: list[Issue]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
