"""`python -m analytics demo`: a seeded, realistic Jambi-like store, from 12,000 civil servants
of the provincial government up to the national civil service (5.6 million).

Python plans the small things (governments, agencies, units, positions, programmes: modules
demo_plan, demo_org, demo_govs, demo_catalogue, demo_names); DuckDB draws the people and
every fact in SQL (analytics/demo/sql/*.sql). Every draw is a hash of (seed, row ids, column
name) and every key follows a fixed order, so one seed gives one store on any thread count.
Everything is written in one `Store.write()` transaction, with the derived tables and an
import_log row, so readers see the whole demo store or none of it.
"""

from __future__ import annotations

import getpass
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import duckdb
import pandas as pd

from analytics.demo import names
from analytics.demo.catalogue import (
    COMPETENCY_SHIFT,
    COMPLETION,
    FAMILIES,
    PROGRAMMES,
    competencies,
    position_traits,
)
from analytics.demo.plan import Plan, build_plan, fixed_draw
from analytics.store import derived
from analytics.store.db import Store
from analytics.store.info import RAW_TABLES  # the tables the contract imports, once

MIN_EMPLOYEES = 100
MAX_EMPLOYEES = 10_000_000
# Temp objects the build creates on the owner's connection; dropped at the end.
TEMP_TABLES = (
    "demo_seed",
    "demo_units",
    "demo_slots",
    "demo_mixes",
    "demo_positions",
    "demo_pos_cand",
    "demo_comp_prog",
    "demo_progs",
    "demo_general",
    "demo_pos_comp",
    "demo_picks",
    "demo_events",
)
TEMP_MACROS = ("draw", "draw_k", "tri", "tri_k", "noise", "level_of", "shape", "cutoff")


SQL_DIR = Path(__file__).parent / "sql"


def build_demo(
    store: Store,
    *,
    employees: int = 12000,
    seed: int = 42,
    force: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    timings: dict[str, float] | None = None,
) -> int:
    """Build the demo store; exit code 0, or 1 when the store holds data and not `force`.
    `timings` receives the seconds of each phase (raw, derived, commit)."""
    if not MIN_EMPLOYEES <= employees <= MAX_EMPLOYEES:
        print(f"--employees must be between {MIN_EMPLOYEES:,} and {MAX_EMPLOYEES:,}.", file=err)
        return 2
    if not -(2**63) <= seed < 2**63:
        print("--seed must fit in 64 bits.", file=err)
        return 2
    with store.write() as cur:
        if _has_data(cur):
            if not force:
                print(
                    f"The store {store.path} already holds data. Use --force to replace all "
                    "of it with the demo store (or choose another --db).",
                    file=err,
                )
                return 1
            _clear(cur)
        print(
            f"Building the demo store in {store.path} (seed {seed}, {employees:,} employees):",
            file=out,
            flush=True,
        )
        started = time.perf_counter()
        counts = build_raw(
            cur, employees, seed, progress=lambda line: print(line, file=out, flush=True)
        )
        raw_done = time.perf_counter()
        derived.refresh(cur, progress=lambda line: print(line, file=out, flush=True))
        derived_done = time.perf_counter()
        print(f"  {'derived refresh':<18}{derived_done - raw_done:>8.1f} s", file=out)
        _log(cur, counts)
    committed = time.perf_counter()
    if timings is not None:
        timings |= {
            "raw": raw_done - started,
            "derived": derived_done - raw_done,
            "commit": committed - derived_done,
        }
    print("Rows:", file=out)
    for table, n in counts.items():
        print(f"  {table:<18}{n:>14,}", file=out)
    print(
        f"Raw tables: {raw_done - started:.1f} s; derived refresh: "
        f"{derived_done - raw_done:.1f} s; commit: {committed - derived_done:.1f} s; "
        f"total {committed - started:.1f} s.",
        file=out,
    )
    return 0


def build_raw(
    cur: duckdb.DuckDBPyConnection,
    employees: int,
    seed: int,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Fill the (empty) raw tables; returns rows per table. Runs inside the caller's
    transaction; leaves no temp objects behind. `progress` gets one line per step done
    (a national build runs for minutes)."""
    clock = time.perf_counter()

    def done(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        if progress:
            progress(f"  {step:<18}{now - clock:>8.1f} s")
        clock = now

    _load_dimensions(cur, build_plan(employees), seed)
    for step in ("macros", "standards"):
        _run(cur, step)
    done("dimensions")
    _run(
        cur,
        "employees",
        {
            "male": list(names.MALE_FIRST),
            "female": list(names.FEMALE_FIRST),
            "second_m": list(names.SECOND_MALE),
            "second_f": list(names.SECOND_FEMALE),
            "family": list(names.FAMILY),
        },
    )
    done("employees")
    _run(cur, "chain")
    for step in ("assessments", "picks", "trainings", "participations", "outcomes"):
        _run(cur, step)
        done("performance, IKM" if step == "outcomes" else step)
    counts = {t: _count(cur, t) for t in RAW_TABLES}
    # On failure the caller's rollback removes these too (temp objects are transactional).
    cur.execute("drop view demo_chain")
    for t in TEMP_TABLES:
        cur.execute(f"drop table {t}")
    for m in TEMP_MACROS:
        cur.execute(f"drop macro {m}")
    return counts


def _run(
    cur: duckdb.DuckDBPyConnection, step: str, params: dict[str, object] | None = None
) -> None:
    """Run analytics/demo/sql/<step>.sql statement by statement (DuckDB binds parameters of a
    single statement only); `params` go to the statements that use them."""
    for statement in re.split(
        r";\s*$", (SQL_DIR / f"{step}.sql").read_text(encoding="utf-8"), flags=re.MULTILINE
    ):
        if statement.strip():
            cur.execute(statement, params if params and "$" in statement else None)


def _count(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    row = cur.execute(f"select count(*) from {table}").fetchone()  # table: fixed name
    return int(row[0]) if row else 0


def _has_data(cur: duckdb.DuckDBPyConnection) -> bool:
    return any(
        cur.execute(f"select exists (select 1 from {t})").fetchone()[0]  # type: ignore[index]
        for t in RAW_TABLES
    )


def _clear(cur: duckdb.DuckDBPyConnection) -> None:
    """--force: every data row goes; import_log stays, so data versions keep increasing."""
    for t in (*RAW_TABLES, *derived.DERIVED_TABLES, "undo_journal"):
        cur.execute(f"delete from {t}")


def _log(cur: duckdb.DuckDBPyConnection, counts: dict[str, int]) -> None:
    try:
        user: str | None = getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        user = None
    cur.execute(
        """
        insert into import_log (import_id, imported_at, kind, username, files, counts)
        select coalesce(max(import_id), 0) + 1, current_timestamp, 'demo', $user, '[]', $counts
        from import_log
        """,
        {
            "user": user,
            "counts": json.dumps({t: {"added": n, "changed": 0} for t, n in counts.items()}),
        },
    )


def _load(cur: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """Materialise a small planning frame as a temp table."""
    cur.register("demo_frame", frame)
    try:
        cur.execute(f"create or replace temp table {name} as select * from demo_frame")
    finally:
        cur.unregister("demo_frame")


def _load_dimensions(cur: duckdb.DuckDBPyConnection, plan: Plan, seed: int) -> None:
    """The dimension tables straight from the plan, plus the temp lookups the SQL needs."""
    cur.execute(
        "create or replace temp table demo_seed as select $seed::bigint as seed", {"seed": seed}
    )
    _load(cur, "demo_units", plan.units)
    _load(cur, "demo_slots", plan.slots)
    _load(cur, "demo_mixes", plan.mixes)
    cur.register("demo_frame", plan.agencies)
    cur.execute(
        "insert into agencies select agency_key, agency_id, agency_name, instansi from demo_frame"
    )
    cur.unregister("demo_frame")

    positions = plan.positions.assign(below_key=plan.positions.below_key.astype("Int64"))
    _load(cur, "demo_positions", positions.merge(position_traits(positions), on="position_key"))
    cur.execute(
        "insert into positions select position_key, position_id, position_name, "
        "job_type, job_family from demo_positions"
    )

    # The dictionary as far as this store's jobs use it (a provincial store has no
    # court or prison jobs, so no competency of theirs); ids stay the catalogue's.
    families = set(positions.job_family)
    used = set(COMPETENCY_SHIFT) | {c for f in families for c in FAMILIES[f][0]}
    comps = [c for c in competencies() if c[0] in used]
    comp_key = {cid: k for k, (cid, _, _) in enumerate(comps, start=1)}
    cur.executemany(
        "insert into competencies values (?, ?, ?, ?)",
        [(k, *c) for k, c in enumerate(comps, start=1)],
    )
    _load(cur, "demo_pos_cand", _position_competencies(positions, comp_key))
    progs, comp_prog, general = _programme_frames(comp_key)
    _load(cur, "demo_progs", progs)
    _load(cur, "demo_comp_prog", comp_prog)
    _load(cur, "demo_general", general)


def _position_competencies(positions: pd.DataFrame, comp_key: dict[str, int]) -> pd.DataFrame:
    """(position, competency) pairs a holder is assessed in, with the shift of their level:
    job family plus competency (decisions and change weakest, integrity strongest)."""
    rows = []
    for p in positions.itertuples():
        techs, family_shift = FAMILIES[p.job_family]
        for cid, shift in COMPETENCY_SHIFT.items():
            rows.append((p.position_key, comp_key[cid], False, family_shift + shift))
        for cid in techs:
            shift = 0.05 - 0.25 * fixed_draw("technical", cid)
            rows.append((p.position_key, comp_key[cid], True, family_shift + shift))
    return pd.DataFrame(rows, columns=["position_key", "competency_key", "technical", "shift"])


def _programme_frames(comp_key: dict[str, int]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The programmes (those developing a competency of this store, and the general ones); per
    competency its (at most two) developing programmes with their effects; the general
    programmes with who may join them."""
    kept = [p for p in PROGRAMMES if p.competency is None or p.competency in comp_key]
    progs = pd.DataFrame([vars(p) for p in kept])
    progs.insert(0, "prog", range(1, len(kept) + 1))
    progs["competency_key"] = progs.competency.map(comp_key).astype("Int64")
    progs["completion"] = progs["mode"].map(COMPLETION)
    progs["providers"] = progs.providers.map(list)
    rows = []
    for key, grp in progs[progs.competency_key.notna()].groupby("competency_key", sort=True):
        if len(grp) > 2:
            raise ValueError(f"competency {key}: at most two developing programmes")
        a, b = grp.iloc[0], grp.iloc[-1]
        rate = float(grp.reach.sum())
        rows.append(
            (
                int(key),
                rate,
                int(a.prog),
                float(a.effect),
                float(a.completion),
                float(a.reach) / rate,
                int(b.prog),
                float(b.effect),
                float(b.completion),
            )
        )
    comp_prog = pd.DataFrame(
        rows, columns=["competency_key", "rate", "p1", "e1", "q1", "w1", "p2", "e2", "q2"]
    )
    general = progs[progs.competency_key.isna()][["prog", "reach", "completion", "eligible"]]
    return progs, comp_prog, general
