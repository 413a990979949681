"""validate(cur, sources, lang) -> ImportPlan: every problem of an import, and what it would do.

Per table: parsing, header and key checks (tables.py). Across tables and the store:
- every id a row names exists in the store or in the same import;
- trainings with one title (one programme) all name the same competency, or all none, counted
  over the store and the import together (an imported row replaces the stored one).
When nothing is wrong, the plan (plan.py) counts what would be added and changed.

`prepared()` is the same work, leaving the import views and plan temp tables on the cursor for
`commit`, which must validate again inside its own write transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.importer import plan
from analytics.importer.issues import Issue, Issues
from analytics.importer.plan import TableCount
from analytics.importer.read import read_sources
from analytics.importer.rules import DIMENSIONS, TABLES
from analytics.importer.sources import Source
from analytics.importer.tables import ParsedTable, parse_table


@dataclass
class FileInfo:
    name: str
    sha256: str
    rows: int

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "sha256": self.sha256, "rows": self.rows}


@dataclass
class ImportPlan:
    """The outcome of validation: problems (reject) or counts of what would change."""

    lang: str
    problems: list[Issue] = field(default_factory=list)  # the first ones of each rule, sorted
    problem_count: int = 0  # all of them
    warnings: list[Issue] = field(default_factory=list)
    warning_count: int = 0
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # parsed, by table name
    present: dict[str, tuple[str, ...]] = field(default_factory=dict)  # columns each file had
    counts: dict[str, TableCount] = field(default_factory=dict)
    files: list[FileInfo] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def problem_messages(self, limit: int | None = None) -> list[str]:
        return [p.message(self.lang) for p in self.problems[:limit]]

    def warning_messages(self, limit: int | None = None) -> list[str]:
        return [w.message(self.lang) for w in self.warnings[:limit]]


def validate(cur: duckdb.DuckDBPyConnection, sources: list[Source], lang: str = "id") -> ImportPlan:
    """Check an import against the store `cur` sees; writes nothing."""
    with prepared(cur, sources, lang) as (result, _):
        return result


@contextmanager
def prepared(
    cur: duckdb.DuckDBPyConnection,
    sources: list[Source],
    lang: str = "id",
    for_commit: bool = False,
) -> Iterator[tuple[ImportPlan, dict[str, ParsedTable]]]:
    """Validate and plan; while inside, the views imp_<table> and temp tables of the plan exist
    on `cur` (when the plan is ok). They are removed on leaving."""
    problems, warnings = Issues(), Issues()
    tables: dict[str, ParsedTable] = {}
    rows_per_source: dict[int, int] = {}
    for raw in read_sources(sources, problems, warnings):
        parsed = parse_table(raw, problems, warnings)
        earlier = tables.get(parsed.name)
        if earlier is not None:
            problems.add(
                "table_twice",
                raw.where,
                table=parsed.name,
                other=earlier.where.sheet or earlier.where.file,
            )
            continue
        tables[parsed.name] = parsed
        rows_per_source[id(raw.source)] = rows_per_source.get(id(raw.source), 0) + parsed.n_rows
    if not tables and problems.total == 0:
        problems.add("nothing_to_import", tables=", ".join(TABLES))
    result = ImportPlan(lang)
    result.files = [FileInfo(s.name, s.sha256, rows_per_source.get(id(s), 0)) for s in sources]
    result.tables = {n: t.frame for n, t in tables.items()}
    result.present = {n: t.present for n, t in tables.items()}
    registered = []
    # A caller's cursor may hold an unfinished result (a fetchone), and DuckDB then refuses to
    # register a frame: finish it with a statement whose result is fully read.
    cur.execute("select 1").fetchall()
    try:
        for name, parsed in tables.items():
            cur.register(f"imp_{name}", parsed.frame)
            registered.append(f"imp_{name}")
        _check_references(cur, tables, problems)
        _check_programmes(cur, tables, problems)
        if problems.total == 0:
            result.counts = plan.build(cur, tables, keep_old=for_commit)
        result.problems, result.problem_count = problems.sorted(), problems.total
        result.warnings, result.warning_count = warnings.sorted(), warnings.total
        yield result, tables
    finally:
        for name in plan.temp_tables(tables):
            cur.execute(f"drop table if exists {name}")
        for view in registered:
            with suppress(duckdb.Error):
                cur.unregister(view)


def _check_references(
    cur: duckdb.DuckDBPyConnection, tables: dict[str, ParsedTable], problems: Issues
) -> None:
    """Every id column names a row of the store or of this import."""
    for name, parsed in tables.items():
        for order, col in enumerate(parsed.table.columns):
            if col.ref is None or col.name not in parsed.present:
                continue
            dim = DIMENSIONS[col.ref]
            in_import = ""
            target = tables.get(col.ref)
            if target is not None and dim.id in target.present:
                in_import = f"and not exists (select 1 from imp_{col.ref} m where m.{dim.id} = i.{col.name})"
            found = cur.execute(
                f"""
                select i._row, i.{col.name} from imp_{name} i
                where i.{col.name} is not null
                  and not exists (select 1 from {col.ref} d where d.{dim.id} = i.{col.name})
                  {in_import}
                order by i._row
                """
            ).fetchnumpy()
            problems.add_cells(
                "unknown_ref",
                parsed.where,
                col.name,
                found["_row"],
                found[col.name],
                col_order=order,
                params={"table": col.ref},
            )


def _check_programmes(
    cur: duckdb.DuckDBPyConnection, tables: dict[str, ParsedTable], problems: Issues
) -> None:
    """Events with one title are one programme: one competency (or none) for all of them."""
    parsed = tables.get("trainings")
    if parsed is None or not {"training_id", "title"} <= set(parsed.present):
        return
    if "competency_id" in parsed.present:
        imported = "select i._row, i.training_id, i.title, i.competency_id from imp_trainings i"
    else:  # absent column: each replaced event keeps its stored competency
        imported = """
            select i._row, i.training_id, i.title, c.competency_id
            from imp_trainings i
            left join trainings t on t.training_id = i.training_id
            left join competencies c on c.competency_key = t.competency_key
        """
    rows = cur.execute(
        f"""
        with imported as ({imported}),
        effective as (
            select t.title, c.competency_id
            from trainings t left join competencies c using (competency_key)
            where not exists (select 1 from imp_trainings i where i.training_id = t.training_id)
            union all
            select title, competency_id from imported where title is not null
        ),
        mixed as (
            select title, list(distinct coalesce(competency_id, '')) as competencies
            from effective
            group by title
            having count(distinct coalesce(competency_id, '')) > 1
        )
        select i._row, coalesce(i.competency_id, ''), i.title, m.competencies
        from imported i join mixed m using (title)
        order by i._row
        """
    ).fetchall()
    if not rows:
        return
    order = parsed.table.columns.index(parsed.table.column("competency_id"))
    problems.add_cells(
        "programme_inconsistent",
        parsed.where,
        "competency_id",
        pd.Series([r[0] for r in rows]).to_numpy(),
        pd.Series([r[1] for r in rows]).to_numpy(),
        col_order=order,
        params=[{"title": r[2], "competencies": sorted(r[3])} for r in rows],
    )


__all__ = ["FileInfo", "ImportPlan", "TABLES", "TableCount", "prepared", "validate"]
