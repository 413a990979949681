"""Which rows a query reads: the roll-ups (analytics/store/rollup.py) or the per-person rows.

The roll-ups are summed per agency, position, gender and employment type (score_cell,
person_cell, pair_cell, ...), so they answer every selection made of years, instansi, agencies
(and the viewer's scope), job families, job types, genders and employment types, grouped by
agency, job family, job type, position or competency. A unit or a rank is not in a cell: such
filters (and groupings by unit) read the per-person rows, which the store keeps ordered by
agency so one agency's rows are read without a scan of the country. Both paths give the same
figures (tests/analytics/store/test_rollup.py). Filters.cells is the filters' WHERE clause over a cell.

The agency layer (score_agency, person_agency: the cells summed over positions) answers the
score summaries and the gap matrix grouped by agency when no job family or type is chosen
(`cell_source`).

The national layer (*_nat: the cells summed over agencies, a few hundred thousand rows in all
at national scale against tens of millions of cells) answers a selection that names no
agency, instansi or scope and is not grouped by agency: `tables` says which to read.

The readiness histograms (ready_post) are the whole store's: they answer only a selection of
every employee (`whole_store`).

`person_level()` turns the roll-ups off for a block: the tests compare both paths, and the
benchmark times the naive path beside the fast one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import duckdb

from analytics.core.filters import Filters

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
    """True when the filters select whole cells (no unit, no rank)."""
    if not _use_cells.get():
        return False
    return not (filters.units or filters.ranks)


def across_positions(filters: Filters) -> bool:
    """True when cells may be summed across positions: cells allowed and no job family or
    type (those select positions, and an employee's scores or pairs may sit in several). Then
    the people_* roll-ups give training impact's distinct employees (they do not add up across
    positions), and the agency layer (the cells summed over positions) answers by agency."""
    return cells_allowed(filters) and not filters.splits_employee_scores


def whole_store(filters: Filters, population: str) -> bool:
    """True when a talent query may read a roll-up of the whole store (ready_post, the
    readiness histograms): roll-ups allowed and the population (metrics/talent.population)
    every employee."""
    return cells_allowed(filters) and population == "true"


def keyed(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Filters:
    """The filters with their agency keys looked up (Filters.agency_keys), for a query that
    joins the selected per-person rows with another large table: DuckDB then estimates the
    selection from the keys and hashes the smaller side (a unit's pairs joined with the
    country's programmes or participations took 0.3-1 s, hashing the wrong side). Unchanged
    when the filters read cells (`cells_allowed`), the selection reaches every agency or the
    keys are already looked up."""
    selected = filters.agencies_selected()
    if cells_allowed(filters) or filters.agency_keys is not None or selected is None:
        return filters
    where, params = selected
    rows = cur.execute(
        f"select agency_key from agencies where {where} order by agency_key", params
    ).fetchall()
    return filters.with_(agency_keys=tuple(int(k) for (k,) in rows))


def people_year(year: int | None) -> dict[str, int]:
    """The people_* bucket of a year of d1 (0: every year), as the query parameter."""
    return {"people_year": 0 if year is None else int(year)}


# The employees whose scores of a year sit in several positions (person_year.position_key is
# null): the only ones a cell query of the score summaries sums per person
# (sql/cell_person.sql, sql/same_people.sql); a few among millions.
MULTI_POSITION = "select emp_key from person_year where position_key is null"


def any_multi_position(cur: duckdb.DuckDBPyConnection) -> bool:
    """True when some employee's scores of a year sit in several positions (under a
    millisecond: the column's null statistics). When none does, a cell query skips its
    per-person part, whose employee filters would otherwise be planned over everyone."""
    row = cur.execute(
        "select exists (select 1 from person_year where position_key is null)"
    ).fetchall()
    return bool(row[0][0])


# The roll-up tables a cell query reads, by role (its SQL's placeholders).
CELL_TABLES = (
    "year_cell", "score_cell", "person_cell", "pair_cell", "change_cell", "programme_cell",
    "dose_cell", "emp_cell", "jp_cell",
)  # fmt: skip


def national(filters: Filters) -> bool:
    """True when the filters allow cells and name no agency, instansi or scope."""
    return cells_allowed(filters) and not (
        filters.agencies or filters.instansi or filters.is_scoped
    )


# The agency layer's table for a cell role, and the join a cell query makes to its positions
# (the agency layer has none: it is summed over them).
AGENCY_LAYER = {"score_cell": "score_agency", "person_cell": "person_agency"}
POSITION_JOIN = "join positions p on p.position_key = s.position_key"


def cell_source(filters: Filters, role: str, by_agency: bool) -> tuple[str, bool]:
    """The table a cell query of `role` (score_cell, person_cell) reads, and whether it is the
    agency layer: for an answer grouped by agency when `across_positions(filters)`, else
    `tables`."""
    if by_agency and across_positions(filters):
        return AGENCY_LAYER[role], True
    return tables(filters, by_agency, role)[role], False


def tables(filters: Filters, by_agency: bool = False, *roles: str) -> dict[str, str]:
    """The table to read for each role in `roles` (all roles when none): the national layer
    when `national(filters)` and the answer is not grouped by agency, else the cells."""
    nat = national(filters) and not by_agency
    return {r: r.replace("_cell", "_nat") if nat else r for r in roles or CELL_TABLES}
