"""Which rows a query reads: the roll-ups (analytics/rollup.py) or the per-person rows.

The roll-ups are summed per agency and position (score_cell, person_cell, pair_cell), so they
answer every selection made of years, instansi, agencies (and the viewer's scope), job families
and job types, grouped by agency, job family, job type, position or competency. A unit, an
employment type, a gender or a rank is not in a cell: such filters (and groupings by unit) read
the per-person rows, which the store keeps ordered by agency so one agency's rows are read
without a scan of the country. Both paths give the same figures (tests/test_rollup.py).

`person_level()` turns the roll-ups off for a block: the tests compare both paths, and the
benchmark times the naive path beside the fast one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from analytics.filters import Filters

_use_cells: ContextVar[bool] = ContextVar("use_cells", default=True)


@contextmanager
def person_level() -> Iterator[None]:
    """Within the block, every metric reads the per-person rows."""
    token = _use_cells.set(False)
    try:
        yield
    finally:
        _use_cells.reset(token)


def cells_allowed(filters: Filters) -> bool:
    """True when the filters select whole cells (no unit, employment type, gender or rank)."""
    if not _use_cells.get():
        return False
    return not (filters.units or filters.employment_types or filters.genders or filters.ranks)
