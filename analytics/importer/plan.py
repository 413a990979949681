"""What an import would change: surrogate keys for new rows, and per table what is added,
changed or the same, as temp tables the commit then writes from.

Everything runs as set-based SQL over the registered import frames (views `imp_<table>`), so
the store's fact tables (150 M national assessment rows) are only ever scanned by hash joins,
never looped over. Temp tables made here:

- `km_<dimension>(id, key)`: every text id the import names (its own rows and references) with
  its surrogate key; ids new to the store get max(key)+1.. in text-id order (deterministic).
- `plan_<table>`: the import's rows in the store's shape (surrogate keys, store types), a column
  absent from the file filled from the stored row, plus `_status` 'added' | 'changed' | 'same'
  (and, for commit, `_old`: the replaced stored row as JSON).

Identifiers come from the fixed table specs (rules.py) and the store's catalog; no user text
is ever formatted into SQL (values arrive through the registered frames).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from analytics.importer.rules import DIMENSIONS, TABLES, Table
from analytics.importer.tables import ParsedTable


@dataclass
class TableCount:
    added: int = 0
    changed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "changed": self.changed}


def store_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, type) of a store table, in table order."""
    rows = cur.execute(
        """
        select column_name, data_type from information_schema.columns
        where table_name = $t and table_schema = 'main' and table_catalog = current_database()
        order by ordinal_position
        """,
        {"t": table},
    ).fetchall()
    return [(str(n), str(t)) for n, t in rows]


def key_columns(spec: Table) -> list[str]:
    """The store columns that identify a row of this table."""
    dim = spec.dimension
    if dim is not None:
        return [dim.key]
    return [spec.column(c).db_name() for c in spec.key]


def temp_tables(tables: dict[str, ParsedTable]) -> list[str]:
    """Every temp table `build` may create, for cleaning up."""
    return [f"km_{d}" for d in DIMENSIONS] + [f"plan_{t}" for t in tables]


def _build_keymap(
    cur: duckdb.DuckDBPyConnection, dim_table: str, tables: dict[str, ParsedTable]
) -> bool:
    dim = DIMENSIONS[dim_table]
    wanted = []
    for name, parsed in tables.items():
        for col in parsed.table.columns:
            own_id = name == dim_table and col.name == dim.id
            if col.name in parsed.present and (own_id or col.ref == dim_table):
                wanted.append(
                    f"select {col.name} as id from imp_{name} where {col.name} is not null"
                )
    if not wanted:
        return False
    fresh = ""
    own = tables.get(dim_table)
    if own is not None and dim.id in own.present:
        fresh = f"""
            union all
            select id, (select coalesce(max({dim.key}), 0) from {dim_table})
                       + row_number() over (order by id) as key
            from (select distinct {dim.id} as id from imp_{dim_table} where {dim.id} is not null) n
            where not exists (select 1 from {dim_table} d where d.{dim.id} = n.id)
        """
    cur.execute(
        f"""
        create or replace temp table km_{dim_table} as
        with wanted as ({" union ".join(wanted)})
        select d.{dim.id} as id, d.{dim.key} as key
        from {dim_table} d
        where d.{dim.id} in (select id from wanted)
        {fresh}
        """
    )
    return True


def _plan_table(cur: duckdb.DuckDBPyConnection, parsed: ParsedTable, keep_old: bool) -> TableCount:
    spec, name = parsed.table, parsed.name
    dim = spec.dimension
    keys = key_columns(spec)
    by_db = {c.db_name(): c for c in spec.columns}
    joins: list[str] = []
    new_exprs: list[str] = []  # the import's values, in store shape
    final: list[str] = []  # the plan row: import values, or stored ones for absent columns
    compared: list[str] = []  # columns whose difference makes a row 'changed'
    for db_col, db_type in store_columns(cur, name):
        if dim is not None and db_col == dim.key:
            joins.append(f"join km_{name} k_own on k_own.id = i.{dim.id}")
            new_exprs.append(f"cast(k_own.key as {db_type}) as {db_col}")
        else:
            col = by_db[db_col]
            if col.name not in parsed.present:
                final.append(f"s.{db_col}")
                continue
            if col.ref:
                alias = f"k_{col.name}"
                joins.append(f"left join km_{col.ref} {alias} on {alias}.id = i.{col.name}")
                new_exprs.append(f"cast({alias}.key as {db_type}) as {db_col}")
            else:
                new_exprs.append(f"cast(i.{col.name} as {db_type}) as {db_col}")
        final.append(f"n.{db_col}")
        if db_col not in keys:
            compared.append(f"n.{db_col} is distinct from s.{db_col}")
    on = " and ".join(f"s.{k} = n.{k}" for k in keys)
    differs = " or ".join(compared) or "false"
    # For the undo journal, the stored row a change replaces, read in this same join: a second
    # pass over 150 M assessment rows would cost seconds.
    old = (
        f", case when s.{keys[0]} is not null and ({differs}) then to_json(s) end as _old"
        if keep_old
        else ""
    )
    cur.execute(
        f"""
        create or replace temp table plan_{name} as
        with n as (
            select {", ".join(new_exprs)}
            from imp_{name} i
            {" ".join(joins)}
        )
        select {", ".join(final)},
               case when s.{keys[0]} is null then 'added'
                    when {differs} then 'changed'
                    else 'same' end as _status
               {old}
        from n
        left join {name} s on {on}
        """
    )
    counts = dict(cur.execute(f"select _status, count(*) from plan_{name} group by all").fetchall())
    return TableCount(int(counts.get("added", 0)), int(counts.get("changed", 0)))


def build(
    cur: duckdb.DuckDBPyConnection, tables: dict[str, ParsedTable], keep_old: bool = False
) -> dict[str, TableCount]:
    """Create the key maps and the per-table plans; returns added/changed per imported table.

    keep_old: also keep, as JSON in column _old, the stored row each 'changed' row replaces
    (what commit journals)."""
    for dim_table in DIMENSIONS:
        _build_keymap(cur, dim_table, tables)
    return {name: _plan_table(cur, tables[name], keep_old) for name in TABLES if name in tables}
