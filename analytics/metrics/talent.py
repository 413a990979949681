"""Talent: the 9-box, movement between talent years, and readiness for a target position
(data contract version 2, section 4).

Definitions, in short (the contract has them whole):
- performance level from that year's rating (Sangat Baik: di atas, Baik: sesuai, the rest:
  di bawah ekspektasi);
- potential level in year Y from the window [Y - 2, Y]: the potential.csv row of the latest year
  in it, else the category of the whole-year JPM (over every score with a standard, whatever the
  filters) of the latest year in it that gives one (Optimal: tinggi, Cukup Optimal: menengah,
  Kurang Optimal: rendah);
- box from the Permenpan RB 3/2020 table (BOXES); boxes 7-9 are the succession group;
- talent year: filters.year, else the latest year with any rating; population: the employees
  matching the filters by their current agency, unit and position who are rated that year.

Levels are coded 0-2 (low to high) in SQL; the labels below are the contract's strings.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import grouping
from analytics.metrics.summaries import key_dtypes
from analytics.store import ready

PERFORMANCE = ("di bawah ekspektasi", "sesuai ekspektasi", "di atas ekspektasi")
POTENTIAL = ("rendah", "menengah", "tinggi")
RATING_PERFORMANCE = {
    "Sangat Baik": 2,
    "Baik": 1,
    "Butuh Perbaikan": 0,
    "Kurang": 0,
    "Sangat Kurang": 0,
}
# BOXES[performance][potential], both coded 0-2 (Permenpan RB 3/2020 numbering); the same table
# is written in the derived talent rows' statement (analytics/store/sql/derived_refresh.sql;
# tests tie the two).
BOXES = ((1, 3, 6), (2, 5, 8), (4, 7, 9))
SUCCESSION_BOXES = (7, 8, 9)
SOURCE_CSV, SOURCE_JPM = "potential.csv", "jpm"
WINDOW = 3  # a source serves in its year and the two after: [Y - 2, Y]

# Readiness for filling a position (convention): Memenuhi Syarat >= 80, Masih >= 68.
MS, MMS, KMS = "Memenuhi Syarat", "Masih Memenuhi Syarat", "Kurang Memenuhi Syarat"
MS_MIN, MMS_MIN = 80, 68

# Retirement age (batas usia pensiun, PP 11/2017 art. 239) by job type: 60 for JPT and
# functional Ahli Madya, 65 for Ahli Utama, 58 for administration posts and the rest.
BUP_DEFAULT = 58
BUP_NEAR_YEARS = 2  # a holder within two years of BUP makes a post "about to fall vacant"


def bup_of(job_type: str) -> int:
    """Retirement age of a job type (domain.md: BUP by job type)."""
    if job_type.startswith("JPT"):
        return 60
    if job_type == "Fungsional Ahli Madya":
        return 60
    if job_type == "Fungsional Ahli Utama":
        return 65
    return BUP_DEFAULT


TALENT_COLUMNS = {
    "nip": "str",
    "year": "int64",
    "rating": "str",
    "performance": "str",
    "potential": "str",
    "potential_source": "str",
    "potential_year": "Int64",
    "box": "Int64",
}
BOX_COLUMNS = tuple(f"box_{i}" for i in range(1, 10))
SUMMARY_FIGURES = {
    "employees": "int64",
    "mapped": "int64",
    **dict.fromkeys(BOX_COLUMNS, "int64"),
    "succession": "int64",
    "pct_succession": "float64",
}
MOVES_COLUMNS = {
    "from_year": "int64",
    "year": "int64",
    "from_box": "int64",
    "to_box": "int64",
    "employees": "int64",
}
SUCCESSION_COLUMNS = {
    "year": "int64",
    "nip": "str",
    "position_id": "str",
    "box": "int64",
    "jpm_target": "float64",
    "readiness": "str",
    "below": "int64",
    "missing": "int64",
}


class NotATarget(ValueError):
    """The target position is unknown or has no standard (the export exits 2)."""


def box_of(performance: int, potential: int) -> int:
    return BOXES[performance][potential]


# box -> (performance, potential), both 0-2: a box is one level of each
BOX_LEVELS = {BOXES[perf][pot]: (perf, pot) for perf in range(3) for pot in range(3)}


def move_steps(from_box: int, to_box: int) -> tuple[int, int]:
    """(steps, direction) of a move: grid steps (performance steps + potential steps; box
    numbers are not distances) and the change of performance + potential (> 0 rose)."""
    (p0, q0), (p1, q1) = BOX_LEVELS[from_box], BOX_LEVELS[to_box]
    return abs(p1 - p0) + abs(q1 - q0), (p1 - p0) + (q1 - q0)


def readiness_of(level_t: int, den: int, missing: int) -> str | None:
    """Readiness category of the exact jpm_target = 100 x level_t / den (tenths), only when
    nothing is missing."""
    if missing or not den:
        return None
    if 100 * level_t >= MS_MIN * den:
        return MS
    if 100 * level_t >= MMS_MIN * den:
        return MMS
    return KMS


# ---------------------------------------------------------------------------------------------
# Talent years


def talent_years(cur: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> list[int]:
    """Every year with a performance rating in the whole store (within the asking user's scope
    when `filters` has one), ascending. Read from the talent roll-ups (a talent row per rating)
    unless route.person_level() asks for the per-person rows."""
    scope = (filters or Filters()).scope_only()
    if route.cells_allowed(scope):
        cond, params = scope.cells("s", "vis")
        table = route.tables(scope, False, "talent_cell")["talent_cell"]
        sql = f"select distinct s.year from {table} s where {cond} order by 1"  # fixed name
    else:
        cond, params = scope.employees("s", "vis")
        sql = (
            "select distinct t.year from talent t "
            f"join employees s on s.emp_key = t.emp_key where {cond} order by 1"
        )
    return [int(r[0]) for r in cur.execute(sql, params).fetchall()]


def talent_year(cur: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """filters.year, else the latest year with any rating (None: no rating at all)."""
    if filters.year is not None:
        return int(filters.year)
    years = talent_years(cur, filters)
    return years[-1] if years else None


def previous_year(cur: duckdb.DuckDBPyConnection, filters: Filters, year: int) -> int | None:
    """The latest year before `year` with any rating in the whole store (None: none)."""
    earlier = [y for y in talent_years(cur, filters) if y < year]
    return earlier[-1] if earlier else None


# ---------------------------------------------------------------------------------------------
# The per-person rows every talent figure is made of


def population(filters: Filters) -> tuple[str, dict[str, Any]]:
    """A condition over talent rows `t` choosing the filters' employees, with its params:
    "true" when they choose everyone (no join to the employees table: nationally that join
    alone costs more than the rest of a move count)."""
    where_s, params = filters.employees("s", "f")
    if where_s == "true":
        return "true", params
    # the agencies again over the talent rows' own agency_key (the employee's current one):
    # rows are stored in agency order, so a scan for some agencies skips the rest
    agencies = Filters(
        agencies=filters.agencies,
        instansi=filters.instansi,
        scope_agencies=filters.scope_agencies,
        scope_instansi=filters.scope_instansi,
    )
    own, own_params = agencies.cells("t", "fa")
    conds = [] if own == "true" else [own]
    unit_agencies = tuple(sorted({a for a, _ in filters.units}))
    if filters.units and all(unit_agencies):  # every unit named with its agency
        by_unit, unit_params = Filters(agencies=unit_agencies).cells("t", "fu")
        conds.append(by_unit)
        own_params |= unit_params
    conds.append(f"t.emp_key in (select s.emp_key from employees s where {where_s})")
    return " and ".join(conds), {**params, **own_params}


def talent_sql(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The SQL of the population's talent rows (sql/talent_people.sql: the derived talent rows
    of the employees the filters select) and its filter params; the caller binds
    $talent_years."""
    cond, params = population(filters)
    return common.render("talent_people", population=cond), params


def talent_rows(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    years: list[int],
    boxes: tuple[int, ...] | None = None,
) -> pd.DataFrame:
    """Grain: one row per employee of the population and year in `years` (only those in
    `boxes`, when given: chosen in SQL, so a national succession list never loads millions).
    Columns: emp_key, year, rating, perf, pot (0-2; pot null without potential),
    potential_source, potential_year, box (null without potential)."""
    sql, params = talent_sql(filters)
    params = {**params, "talent_years": years}
    if boxes is not None:
        sql = f"select * from ({sql}) where list_contains($boxes, box)"
        params["boxes"] = list(boxes)
    return cur.execute(sql, params).df()


def talent(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per employee of the talent year's population (export `talent`).

    Columns: nip, year, rating, performance, potential, potential_source (`potential.csv` or
    `jpm`), potential_year (the source's year), box; the last four empty without a potential
    level. In no particular order (the export sorts). Needs filters.may_see_individuals.
    """
    privacy.check_individuals(filters)
    year = talent_year(cur, filters)
    if year is None:
        return common.empty(TALENT_COLUMNS)
    df = talent_rows(cur, filters, [year])
    if df.empty:
        return common.empty(TALENT_COLUMNS)
    nips = cur.execute(
        "select emp_key, nip from employees where list_contains($k, emp_key)",
        {"k": df["emp_key"].tolist()},
    ).df()
    df = df.merge(nips, on="emp_key")
    df["performance"] = df["perf"].map(dict(enumerate(PERFORMANCE)))
    df["potential"] = df["pot"].map(dict(enumerate(POTENTIAL)))
    df["potential_year"] = df["potential_year"].astype("Int64")
    df["box"] = df["box"].astype("Int64")
    df["potential"] = df["potential"].astype(object).where(df["pot"].notna(), None)
    df["potential_source"] = df["potential_source"].astype(object).where(df["pot"].notna(), None)
    return common.conform(df, TALENT_COLUMNS)


def talent_summary(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """Grain: one row per group with at least one rated employee of the talent year's
    population; by = none (default), agency, job_type, job_family (current agency/position).

    Columns: year, key column(s) if any, employees (rated), mapped (with a box), box_1 ..
    box_9 (counts), succession (boxes 7-9), pct_succession (100 x succession / mapped; empty
    when mapped = 0). Sorted by year, then keys.
    """
    g = grouping("talent_summary", by)
    columns = {"year": "int64", **key_dtypes(g), **SUMMARY_FIGURES}
    year = talent_year(cur, filters)
    if year is None:
        return common.empty(columns)
    if route.cells_allowed(filters):
        where_s, params = filters.cells("s")
        df = common.query(
            cur,
            "talent_summary_cells",
            {**params, "talent_year": year},
            inner_select=g.inner_select,
            labels=g.labels,
            label_joins=g.label_joins,
            where_s=where_s,
            order=", ".join(["year", *g.sql_names]),
            **route.tables(filters, g.by == "agency", "talent_cell"),
        )
    else:
        talent_q, params = talent_sql(filters)
        df = common.query(
            cur,
            "talent_summary",
            {**params, "talent_years": [year]},
            talent=talent_q,
            select=g.select,
            columns=g.columns,
            order=", ".join(["year", *g.sql_names]),
        )
    if df.empty:
        return common.empty(columns)
    mapped = df["mapped"]
    df["pct_succession"] = (100 * df["succession"] / mapped.where(mapped > 0)).astype("float64")
    df = common.conform(df, columns)
    return privacy.apply_small_groups(
        df,
        filters,
        count="employees",
        figures=[c for c in SUMMARY_FIGURES if c != "employees"],
        siblings=["year"],
    )


def move_years(cur: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[int | None, int | None]:
    """(from_year, year): the talent year and the latest earlier year with any rating (None:
    no move to show)."""
    year = talent_year(cur, filters)
    if year is None:
        return None, None
    return previous_year(cur, filters, year), year


def _pairs_sql(filters: Filters, from_year: int, year: int) -> tuple[str, dict[str, Any]]:
    """sql/talent_pairs.sql over the population, with its params."""
    cond, params = population(filters)
    sql = common.render("talent_pairs", population=cond)
    return sql, {**params, "year": year, "from_year": from_year}


def move_counts(
    cur: duckdb.DuckDBPyConnection, filters: Filters
) -> tuple[int | None, int | None, pd.DataFrame]:
    """(from_year, year, counts): how many employees of the talent year's population went
    from each box to each box (only those with a box in both years). Columns: from_box,
    to_box, employees; sorted by from_box, then to_box. Read from the move roll-ups unless a
    unit or rank is chosen; never per person in pandas."""
    from_year, year = move_years(cur, filters)
    if from_year is None or year is None:
        return from_year, year, pd.DataFrame(columns=["from_box", "to_box", "employees"])
    if route.cells_allowed(filters):
        where_s, params = filters.cells("s")
        df = common.query(
            cur,
            "talent_move_cells",
            {**params, "year": year, "from_year": from_year},
            where_s=where_s,
            **route.tables(filters, False, "move_cell"),
        )
        return from_year, year, df
    sql, params = _pairs_sql(filters, from_year, year)
    df = cur.execute(
        f"select from_box, to_box, count(*) as employees from ({sql}) group by all order by all",
        params,
    ).df()
    return from_year, year, df


def move_people(
    cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int
) -> tuple[int | None, int | None, pd.DataFrame]:
    """(from_year, year, rows): the employees of the talent year's population who changed box,
    the biggest moves first (steps, then direction, name, nip), at most `limit`. Columns: nip,
    name, agency_name, from_box, to_box, from_perf, from_pot, perf, pot, steps (performance
    steps + potential steps), direction (> 0 rose, < 0 fell). Ranked and cut in SQL. Needs
    filters.may_see_individuals."""
    privacy.check_individuals(filters)
    columns = ["nip", "name", "agency_name", "from_box", "to_box", "from_perf", "from_pot",
               "perf", "pot", "steps", "direction"]  # fmt: skip
    limit = max(1, int(limit))
    from_year, year, counts = move_counts(cur, filters)
    if from_year is None or year is None or counts.empty:
        return from_year, year, pd.DataFrame(columns=columns)
    # The box pairs the first `limit` movers can come from, from the counts (the roll-ups):
    # whole (steps, direction) ranks, best first, until they hold `limit` people; names are
    # then sorted among those people only, not among every mover in the country.
    ranks: dict[tuple[int, int], list[int]] = {}
    sizes: dict[tuple[int, int], int] = {}
    for a, b, n in zip(counts["from_box"], counts["to_box"], counts["employees"], strict=True):
        steps, direction = move_steps(int(a), int(b))
        if steps > 0:
            ranks.setdefault((steps, direction), []).append(10 * int(a) + int(b))
            sizes[(steps, direction)] = sizes.get((steps, direction), 0) + int(n)
    wanted: list[int] = []
    held = 0
    for rank in sorted(ranks, reverse=True):
        if held >= limit:
            break
        wanted += ranks[rank]
        held += sizes[rank]
    sql, params = _pairs_sql(filters, from_year, year)
    df = cur.execute(
        f"""
        select e.nip, e.name, a.agency_name, m.from_box, m.to_box, m.from_perf, m.from_pot,
               m.perf, m.pot, m.steps, m.direction
        from ({sql}) m
        join employees e on e.emp_key = m.emp_key
        join agencies a on a.agency_key = e.agency_key
        where m.steps > 0 and list_contains($pairs, 10 * m.from_box + m.to_box)
        order by m.steps desc, m.direction desc, e.name, e.nip
        limit $limit
        """,
        {**params, "limit": limit, "pairs": wanted or [-1]},
    ).df()
    return from_year, year, df


def talent_moves(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per (from_box, to_box) pair with at least one employee of the talent
    year's population who has a box in both the talent year and from_year (the latest earlier
    year with any rating in the store; none: no row).

    Columns: from_year, year, from_box, to_box, employees. Sorted by from_box, then to_box.
    """
    from_year, year, df = move_counts(cur, filters)
    if from_year is None or df.empty:
        return common.empty(MOVES_COLUMNS)
    df.insert(0, "year", year)
    df.insert(0, "from_year", from_year)
    df = common.conform(df, MOVES_COLUMNS)
    return privacy.apply_small_groups(df, filters, count="employees", figures=[])


def target_position(cur: duckdb.DuckDBPyConnection, position_id: str) -> int:
    """The position_key of a target position; NotATarget when unknown or without a standard."""
    row = cur.execute(
        "select p.position_key, (select count(*) from standards s "
        "where s.position_key = p.position_key) from positions p where p.position_id = $p",
        {"p": position_id},
    ).fetchone()
    if row is None:
        raise NotATarget(
            f"Jabatan {position_id!r} tidak dikenal. (Unknown position: no row of positions "
            "has it; values are exact and case-sensitive.)"
        )
    if not row[1]:
        raise NotATarget(
            f"Jabatan {position_id!r} tidak mempunyai standar kompetensi. (The position has "
            "no standard: readiness cannot be measured.)"
        )
    return int(row[0])


# Candidates per readiness query: the query's memory grows with them (their latest level in each
# competency), and its rows per candidate do not depend on the others.
CANDIDATE_CHUNK = 200_000


def chunks(keys: list[int], size: int | None = None) -> list[list[int]]:
    """`keys` in consecutive pieces of at most `size` (CANDIDATE_CHUNK); one empty piece when
    there are none (a query still runs, returning its empty columns)."""
    n = size or CANDIDATE_CHUNK
    return [keys[i : i + n] for i in range(0, len(keys), n)] or [[]]


def readiness(
    cur: duckdb.DuckDBPyConnection, year: int, position_key: int, emp_keys: list[int]
) -> pd.DataFrame:
    """Readiness of each employee in `emp_keys` for the target position in talent year `year`.
    Columns: emp_key, jpm_target (float; NaN when no competency has a level), readiness (or
    None), below, missing, level_t, den (tenths). Read CANDIDATE_CHUNK candidates at a time:
    each employee's row depends on their own scores alone, and a country's millions of
    candidates at once outgrow the dashboard's memory limit."""
    parts = [
        common.query(
            cur,
            "talent_readiness",
            {"target": position_key, "year": year, "candidates": chunk},
        )
        for chunk in chunks(emp_keys)
    ]
    df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    if df.empty:
        return df.assign(jpm_target=pd.Series(dtype="float64"), readiness=None)
    has = df["den"].notna() & (df["den"] > 0)
    df["jpm_target"] = (100 * df["level_t"].where(has)) / df["den"].where(has)
    df["readiness"] = pd.Series(
        [
            readiness_of(int(lt), int(dn), int(m)) if ok else None
            for lt, dn, m, ok in zip(df["level_t"], df["den"], df["missing"], has, strict=True)
        ],
        index=df.index,
        dtype="str",  # also when every value is empty
    )
    df["below"] = df["below"].astype("int64")
    df["missing"] = df["missing"].astype("int64")
    return df


def succession(cur: duckdb.DuckDBPyConnection, filters: Filters, position_id: str) -> pd.DataFrame:
    """Grain: one row per employee of the talent year's population in box 7, 8 or 9 who does
    not currently hold `position_id` (export `succession`).

    Columns: year, nip, position_id (their current one), box, jpm_target (100 x Σ level / Σ
    the target's required level over the target's competencies they have a level for in
    [Y - 2, Y]; empty when none), readiness (`Memenuhi Syarat` >= 80, `Masih Memenuhi Syarat`
    >= 68, `Kurang Memenuhi Syarat`; only when missing = 0), below, missing. Sorted by box
    (highest first), missing, jpm_target (highest first, empty last), nip.
    Raises NotATarget for an unknown position or one without a standard.
    Needs filters.may_see_individuals.
    """
    privacy.check_individuals(filters)
    target = target_position(cur, position_id)
    year = talent_year(cur, filters)
    if year is None:
        return common.empty(SUCCESSION_COLUMNS)
    cond, params = population(filters)
    keys = cur.execute(
        f"select t.emp_key from ready_sum t where t.year = $year and {cond}",
        {**params, "year": year},
    ).fetchall()
    return _succession_rows(cur, year, target, [k for (k,) in keys])


def succession_heads(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    position_id: str,
    limit: int,
    best: int,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first `limit` rows of `succession`, and its `best` candidates closest to ready
    (fewest missing, then jpm_target highest first, then nip), with the export's columns and
    values, without computing the other candidates' rows: sql/talent_ready_top.sql chooses
    both from the candidates' stored sums in one pass (a country's three million candidates
    for one post)."""
    privacy.check_individuals(filters)
    target = target_position(cur, position_id)
    year = talent_year(cur, filters)
    if year is None:
        return common.empty(SUCCESSION_COLUMNS), common.empty(SUCCESSION_COLUMNS)
    cond, params = population(filters)
    chosen = common.query(
        cur,
        "talent_ready_top",
        {**params, "year": year, "target": target, "limit": int(limit), "best": int(best)},
        population=cond,
        of_cand=ready.of_candidates(cond),
    )
    rows = _succession_frame(cur, year, target, chosen["emp_key"].drop_duplicates().tolist())
    if rows.empty:
        return common.empty(SUCCESSION_COLUMNS), common.empty(SUCCESSION_COLUMNS)

    def listed(name: str) -> pd.DataFrame:
        keys = chosen.loc[chosen["list"] == name, "emp_key"]
        return rows[rows["emp_key"].isin(keys)]

    head = common.conform(listed("head"), SUCCESSION_COLUMNS).reset_index(drop=True)
    closest = common.conform(
        listed("best").sort_values(
            ["missing", "jpm_target", "nip"], ascending=[True, False, True],
            na_position="last", kind="mergesort",
        ),
        SUCCESSION_COLUMNS,
    )  # fmt: skip
    return head, closest.reset_index(drop=True)


def _succession_rows(
    cur: duckdb.DuckDBPyConnection, year: int, target: int, emp_keys: list[int]
) -> pd.DataFrame:
    """The succession rows (SUCCESSION_COLUMNS, in its order) of the candidates `emp_keys`
    (succession-group employees of talent year `year`) for the post `target`, leaving out who
    holds it."""
    df = _succession_frame(cur, year, target, emp_keys)
    return common.conform(df, SUCCESSION_COLUMNS)


def _succession_frame(
    cur: duckdb.DuckDBPyConnection, year: int, target: int, emp_keys: list[int]
) -> pd.DataFrame:
    """_succession_rows with each row's emp_key beside its columns (empty: no columns)."""
    people = cur.execute(
        "select t.emp_key, t.year::integer as year, t.box::integer as box, e.nip, "
        "p.position_id from ready_sum t "
        "join employees e on e.emp_key = t.emp_key "
        "join positions p on p.position_key = t.position_key "
        "where t.year = $year and t.position_key <> $target "
        "and t.emp_key in (select unnest($k::integer[]))",
        {"year": year, "target": target, "k": emp_keys},
    ).df()
    if people.empty:
        return people
    ready = readiness(cur, year, target, people["emp_key"].tolist())
    df = people.merge(ready, on="emp_key")
    df["box"] = df["box"].astype("int64")
    return sort_succession(df)


def sort_succession(df: pd.DataFrame) -> pd.DataFrame:
    """Box (highest first), missing (fewest first), jpm_target (highest first, empty last),
    nip."""
    return df.sort_values(
        ["box", "missing", "jpm_target", "nip"],
        ascending=[False, True, False, True],
        na_position="last",
        kind="mergesort",
    )
