"""Derived rows (score, person_year, jp_year, pair, pair_programme, talent) against the
definitions of docs/metrics.md, on the hand-made worlds of tests/support; and the incremental
refresh."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import duckdb
import pytest

from analytics.demo import build as demo
from analytics.store import derived, ready, rollup
from analytics.store.db import Store
from tests.support.fixtures import Builder, E, nip, rows, store_of, world
from tests.support.talent_world import T, talent_world

D = Decimal


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


SCORE_SQL = """
    select s.assessed_on, s.level, p.position_id, a.agency_id, s.unit, s.required_level
    from score s
    join employees e using (emp_key) join competencies c using (competency_key)
    join positions p on p.position_key = s.position_key
    join agencies a on a.agency_key = s.agency_key
    where e.nip = $nip and c.competency_id = $comp and s.year = $year
"""


@pytest.mark.parametrize(
    "e, comp, year, expected",
    [
        # re-assessed within 2024: the later assessment is the score
        (1, "M.1", 2024, (date(2024, 9, 1), D("3.2"), "ADM", "DINKES", "Sekretariat", 3)),
        (1, "M.1", 2023, (date(2023, 3, 1), D("2.5"), "ADM", "DINKES", "Sekretariat", 3)),
        # assessed in an earlier position: that position's standard; agency/unit current
        (2, "M.1", 2023, (date(2023, 4, 1), D("2.0"), "PEL", "DINKES", "Pelayanan", 2)),
        (2, "M.1", 2024, (date(2024, 8, 1), D("2.7"), "FUN", "DINKES", "Pelayanan", 3)),
        # the later assessment has no standard: it is the score anyway (no standard)
        (5, "M.2", 2024, (date(2024, 10, 1), D("2.2"), "FUN", "KRC", "Sekretariat", None)),
    ],
)
def test_score_rows(cur, e, comp, year, expected) -> None:
    assert rows(cur, SCORE_SQL, {"nip": E[e], "comp": comp, "year": year}) == [expected]


PREV_SQL = """
    select s.prev_year, s.prev_level, p.position_id, s.prev_required
    from score s
    join employees e using (emp_key) join competencies c using (competency_key)
    left join positions p on p.position_key = s.prev_position
    where e.nip = $nip and c.competency_id = $comp and s.year = $year
"""


@pytest.mark.parametrize(
    "e, comp, year, expected",
    [
        # re-assessed within 2024: the previous score is 2023's, never 2024's first assessment
        (1, "M.1", 2024, (2023, D("2.5"), "ADM", 3)),
        # the previous score sat in an earlier position: its position and standard
        (2, "M.1", 2024, (2023, D("2.0"), "PEL", 2)),
        # the first score year has no previous, re-assessed within it or not
        (1, "M.1", 2023, (None, None, None, None)),
        (5, "M.2", 2024, (None, None, None, None)),
    ],
)
def test_score_previous_year(cur, e, comp, year, expected) -> None:
    assert rows(cur, PREV_SQL, {"nip": E[e], "comp": comp, "year": year}) == [expected]


def test_score_previous_year_when_years_are_reassessed() -> None:
    """Each year's score is its latest assessment, and its previous score is the latest of the
    last earlier year with one, across a missing year and when both years were re-assessed.
    (This pins the definition; the one wrong row a national build once stored in this case
    came from a fault of that run that did not reproduce, so no test can catch it again.)"""
    b = Builder().agency("A").position("ADM").position("PEL").competency("M.1")
    b.standard("ADM", "M.1", 3).standard("PEL", "M.1", 2)
    b.employee(nip(1), "A", "Umum", "ADM")
    for on, level, pos in [
        ("2021-03-01", "1.5", "PEL"), ("2021-10-01", "1.8", None),   # 2022: none
        ("2023-02-01", "2.3", None), ("2023-07-01", "1.9", None), ("2023-11-01", "2.0", "PEL"),
        ("2024-04-01", "2.1", None), ("2024-06-01", "2.6", None),
    ]:  # fmt: skip
        b.assess(nip(1), "M.1", on, level, pos)
    store = store_of(b)
    try:
        got = rows(
            store.cursor(),
            """select s.year, s.assessed_on, s.level, p.position_id, s.prev_year,
                      s.prev_level, pp.position_id, s.prev_required
               from score s join positions p on p.position_key = s.position_key
               left join positions pp on pp.position_key = s.prev_position order by s.year""",
        )
    finally:
        store.close()
    assert got == [
        (2021, date(2021, 10, 1), D("1.8"), "ADM", None, None, None, None),
        # 2021's latest had no position of its own: the current one, as for its score
        (2023, date(2023, 11, 1), D("2.0"), "PEL", 2021, D("1.8"), "ADM", 3),
        (2024, date(2024, 6, 1), D("2.6"), "ADM", 2023, D("2.0"), "PEL", 2),
    ]


def test_score_count_and_missing_year(cur) -> None:
    # per employee: e1 4, e2 5, e3 2, e4 2, e5 2, e6 3, e7 2 (one per competency and year)
    assert rows(cur, "select count(*) from score") == [(4 + 5 + 2 + 2 + 2 + 3 + 2,)]
    e3_years = rows(
        cur,
        "select distinct year from score join employees using (emp_key) where nip = $n",
        {"n": E[3]},
    )
    assert e3_years == [(2023,)]


@pytest.mark.parametrize(
    "e, year, n_scores, sum_level, sum_required",
    [
        (1, 2024, 2, D("3.2") + D("3.0"), 3 + 3),
        (2, 2024, 3, D("2.7") + D("2.4") + D("2.2"), 3 + 3 + 2),  # two positions in one year
        (5, 2024, 1, D("2.5"), 2),  # M.2's score has no standard: left out
    ],
)
def test_person_year(cur, e, year, n_scores, sum_level, sum_required) -> None:
    got = rows(
        cur,
        """select n_scores, sum_level, sum_required from person_year
           join employees using (emp_key) where nip = $n and year = $y""",
        {"n": E[e], "y": year},
    )
    assert got == [(n_scores, sum_level, sum_required)]


def test_jp_year(cur) -> None:
    got = rows(
        cur,
        """select e.nip, j.year, j.jp from jp_year j join employees e using (emp_key)
           order by 1, 2""",
    )
    assert got == sorted(
        [
            (E[2], 2023, D("8")),  # T3 general training counts
            (E[3], 2023, D("8")),  # T3; T6 2021 not completed: no JP
            (E[1], 2024, D("24")),
            (E[2], 2024, D("12.75")),
            (E[4], 2022, D("2")),
            (E[7], 2024, D("20")),
            (E[6], 2023, D("6")),  # T8 (develops M.1; counts for JP too)
            # e5: T2 not completed: no JP
        ]
    )


PAIR_SQL = """
    select e.nip, c.competency_id, pr.d0, pr.d1, pr.level0, pr.level1, p.position_id,
           pr.treated, pr.dose_jp
    from pair pr join employees e using (emp_key) join competencies c using (competency_key)
    join positions p on p.position_key = pr.position_key
    order by 1, 2, 3
"""


def test_pairs(cur) -> None:
    dt = date.fromisoformat
    expected = [
        # T1 ends 2024-02-01 = d1: treated
        (E[1], "M.1", dt("2023-03-01"), dt("2024-02-01"), D("2.5"), D("2.8"), "ADM", True, 24),
        # T1 ends on d0 of the re-assessment pair: not treated
        (E[1], "M.1", dt("2024-02-01"), dt("2024-09-01"), D("2.8"), D("3.2"), "ADM", False, 0),
        (E[1], "M.2", dt("2023-03-01"), dt("2024-09-01"), D("3.0"), D("3.0"), "ADM", False, 0),
        # d1's position (FUN), not d0's (PEL)
        (
            E[2],
            "M.1",
            dt("2023-04-01"),
            dt("2024-08-01"),
            D("2.0"),
            D("2.7"),
            "FUN",
            True,
            D("12.75"),
        ),  # fmt: skip
        (E[2], "M.2", dt("2023-04-01"), dt("2024-01-15"), D("2.1"), D("2.2"), "PEL", False, 0),
        # T2 not completed: control; the pair counts although d1 has no standard
        (E[5], "M.2", dt("2024-03-01"), dt("2024-10-01"), D("1.5"), D("2.2"), "FUN", False, 0),
        (E[6], "M.1", dt("2023-05-01"), dt("2024-04-01"), D("1.2"), D("1.5"), "PEL", True, 6),
    ]
    assert rows(cur, PAIR_SQL) == sorted(expected)


def test_pair_programmes(cur) -> None:
    got = rows(
        cur,
        """select e.nip, pp.d1, pp.title from pair_programme pp join employees e using (emp_key)
           order by 1, 2""",
    )
    assert got == sorted(
        [
            (E[1], date(2024, 2, 1), "Kepemimpinan Dasar"),
            (E[2], date(2024, 8, 1), "Kepemimpinan Dasar"),
            (E[6], date(2024, 4, 1), "Coaching Integritas"),
        ]
    )


# --- incremental refresh ---------------------------------------------------------------------

# (change SQL run on the raw tables, chg_emp nips, chg_training ids, chg_standard positions,
#  the employees expected to be affected)
CHANGES = {
    "new assessment": (
        """insert into assessments select emp_key, 1, date '2024-11-01', 2.0, null, null
           from employees where nip = '{e7}'""",
        [7], [], [], {7},
    ),
    "employee moved (position, agency, unit)": (
        """update employees set position_key = 1, agency_key = 1, unit = 'Umum'
           where nip = '{e5}'""",
        [5], [], [], {5},
    ),
    "gender and employment type changed (cells split by them)": (
        """update employees set gender = 'P', employment_type = 'PPPK' where nip = '{e5}'""",
        [5], [], [], {5},
    ),
    "training end date moved": (
        "update trainings set end_date = date '2024-03-01' where training_id = 'T1'",
        [], ["T1"], [], {1},
    ),
    "participation added": (
        """insert into participations select 4, emp_key, true from employees
           where nip = '{e1}'""",
        [1], [], [], {1},
    ),
    "participant from another agency joins an event (every participant's cost share)": (
        # T4 (key 4): e2's (DINKES) treated M.1 pair's share halves: programme_cell changes
        """insert into participations select 4, emp_key, true from employees
           where nip = '{e5}'""",
        [5], ["T4"], [], {2, 5},
    ),
    "completion flipped": (
        """update participations set completed = true
           where emp_key = (select emp_key from employees where nip = '{e5}')""",
        [5], [], [], {5},
    ),
    "standard changed": (
        "update standards set required_level = 4 where position_key = 1 and competency_key = 2",
        [], [], ["ADM"], {1, 4},
    ),
    "standard added": (
        "insert into standards values (3, 2, 3)",  # FUN x M.2
        [], [], ["FUN"], {2, 5},
    ),
    "training competency changed": (
        "update trainings set competency_key = 2 where training_id = 'T8'",
        [], ["T8"], [], {6},
    ),
}  # fmt: skip


def derived_rows(cur: duckdb.DuckDBPyConnection) -> dict[str, list]:
    tables = (*derived.DERIVED_TABLES, *rollup.ROLLUP_TABLES)
    return {t: sorted(rows(cur, f"select * from {t}"), key=repr) for t in tables}


def mark_changes(
    cur: duckdb.DuckDBPyConnection, nips: list[str], trainings: list[str], positions: list[str]
) -> None:
    """The temp tables an import leaves for the refresh: the changed employees, trainings and
    standards' positions (chg_*), and the employees they affect (affected_emp)."""
    cur.execute(
        "create temp table chg_emp as select emp_key from employees where list_contains($n, nip)",
        {"n": nips or ["-"]},
    )
    cur.execute(
        "create temp table chg_training as select training_key from trainings "
        "where list_contains($t, training_id)",
        {"t": trainings or ["-"]},
    )
    cur.execute(
        "create temp table chg_standard as select position_key from positions "
        "where list_contains($p, position_id)",
        {"p": positions or ["-"]},
    )
    cur.execute(f"create temp table affected_emp as {derived.affected_employees_sql()}")


@pytest.mark.parametrize("change", list(CHANGES))
def test_incremental_refresh_equals_full(change: str) -> None:
    sql, emps, trainings, positions, expected_affected = CHANGES[change]
    store: Store = store_of(world())
    try:
        before = derived_rows(store.cursor())
        with store.write() as cur:
            cur.execute(sql.format(e1=E[1], e5=E[5], e7=E[7]))
            mark_changes(cur, [E[e] for e in emps], trainings, positions)
            affected = {
                r[0]
                for r in rows(
                    cur,
                    "select nip from employees where emp_key in (select emp_key from affected_emp)",
                )
            }
            derived.refresh(cur, "affected_emp")
            incremental = derived_rows(cur)
            derived.refresh(cur)
            full = derived_rows(cur)
            for t in ("chg_emp", "chg_training", "chg_standard", "affected_emp"):
                cur.execute(f"drop table {t}")
        assert affected == {E[e] for e in expected_affected}
        assert incremental == full
        assert full != before  # the change mattered
    finally:
        store.close()


def test_refresh_rejects_other_table_names() -> None:
    with pytest.raises(ValueError):
        derived.refresh(None, "employees; drop table score")  # type: ignore[arg-type]


def test_older_derived_layout_is_renewed_by_the_next_refresh() -> None:
    store: Store = store_of(world())
    try:
        expected = derived_rows(store.cursor())
        with store.write() as cur:  # a store built before person_year had its last columns
            cur.execute("update meta set value = '1' where key = 'derived_version'")
            cur.execute("drop table person_year")
            cur.execute(
                """create table person_year (emp_key integer, year smallint, agency_key integer,
                   unit varchar, n_scores integer, sum_level decimal(18, 1),
                   sum_required integer)"""
            )
            cur.execute("create temp table affected_emp as select 1 as emp_key")
            derived.refresh(cur, "affected_emp")  # renews the tables, then refreshes everyone
            cur.execute("drop table affected_emp")
        assert derived_rows(store.cursor()) == expected
        version = rows(store.cursor(), "select value from meta where key = 'derived_version'")
        assert version == [(derived.DERIVED_VERSION,)]
    finally:
        store.close()


def test_a_schema_migration_does_not_stamp_old_derived_tables_as_current(tmp_path) -> None:
    # a schema-1 store with derived tables of an older layout: opening it migrates the schema
    # and must then rebuild the derived tables (not leave the old ones marked current)
    path = tmp_path / "old.duckdb"
    store = Store(path)
    world().build(store)
    expected = derived_rows(store.cursor())
    with store.write() as cur:
        cur.execute("update meta set value = '1' where key = 'schema_version'")
        cur.execute("update meta set value = '2' where key = 'derived_version'")
        cur.execute("drop table person_year")
        cur.execute(
            """create table person_year (emp_key integer, year smallint, agency_key integer,
               unit varchar, n_scores integer, sum_level decimal(18, 1),
               sum_required integer, sum_shortfall decimal(18, 1), n_meeting integer)"""
        )
    store.close()
    store = Store(path)
    try:
        assert derived_rows(store.cursor()) == expected
    finally:
        store.close()


MARKER = (999999, 1999, 1.0)  # a jp_year row no refresh would write


def _reopened_with_marker(path, expected: dict[str, list]) -> None:
    """Open the store again: its derived rows and cells equal `expected` and are current, and
    the MARKER row put in jp_year before survives (the derived rows were not rebuilt)."""
    store = Store(path)
    try:
        found = derived_rows(store.cursor())
        assert (999999, 1999, 1) in [tuple(r) for r in found["jp_year"]]
        found["jp_year"] = [r for r in found["jp_year"] if r[0] != MARKER[0]]
        assert found == expected
        assert derived.is_current(store.cursor())
    finally:
        store.close()


def test_older_rollup_layout_is_summed_again_without_rebuilding_derived_rows(tmp_path) -> None:
    # a store whose derived rows are current but whose roll-ups predate the gender and
    # employment-type split: opening it rebuilds the roll-ups alone
    path = tmp_path / "cells.duckdb"
    store = Store(path)
    world().build(store)
    expected = derived_rows(store.cursor())
    with store.write() as cur:
        cur.execute("delete from meta where key = 'rollup_version'")
        cur.execute("drop table score_cell")
        cur.execute(
            """create table score_cell (year smallint, competency_key smallint,
               agency_key integer, position_key integer, den integer, cat tinyint, n bigint,
               level_t bigint, shortfall_t bigint, meeting bigint)"""
        )
        cur.execute("delete from person_cell")
        cur.execute("insert into jp_year values (?, ?, ?)", MARKER)
    store.close()
    _reopened_with_marker(path, expected)


# --- the full build, streamed slice by slice ------------------------------------------------


def _demo(tmp_path, employees: int = 1500) -> Store:
    store = Store(tmp_path / "demo.duckdb")
    with open(os.devnull, "w") as sink:
        assert demo.build_demo(store, employees=employees, out=sink) == 0
    return store


def _incremental_over_everyone(store: Store) -> dict[str, list]:
    """Every derived row and cell rebuilt by the import's path (affected = every employee),
    from empty tables; rolled back, so the store keeps its rows."""
    cur = store.cursor()
    cur.execute("begin transaction")
    try:
        for t in (*derived.DERIVED_TABLES, *rollup.ROLLUP_TABLES):
            cur.execute(f"delete from {t}")
        cur.execute("create temp table affected_emp as select emp_key from employees")
        derived.refresh(cur, "affected_emp")
        return derived_rows(cur)
    finally:
        cur.execute("rollback")
        cur.close()


@pytest.mark.parametrize("slice_employees", [120, 400, derived.SLICE_EMPLOYEES])
def test_full_build_equals_the_incremental_path_on_a_demo_store(
    tmp_path, monkeypatch, slice_employees: int
) -> None:
    monkeypatch.setattr(derived, "SLICE_EMPLOYEES", slice_employees)
    store = _demo(tmp_path)  # built by the full build
    try:
        cur = store.cursor()
        slices, whole_agencies = derived._slices(cur)
        assert whole_agencies  # the demo numbers employees agency by agency: cells per slice
        if slice_employees < 1500:
            assert len(slices) > 3
        # every slice holds whole agencies: no agency has employees in two slices
        spread = rows(
            cur,
            "select agency_key from employees e join (select unnest($lo) as lo, "
            "unnest($hi) as hi) r on e.emp_key between r.lo and r.hi "
            "group by agency_key having count(distinct r.lo) > 1",
            {"lo": [a for a, _ in slices], "hi": [b for _, b in slices]},
        )
        assert spread == []
        full = derived_rows(cur)
        assert all(full[t] for t in ("score", "pair", "score_cell", "people_title", "emp_nat"))
        assert _incremental_over_everyone(store) == full
    finally:
        store.close()


def test_full_build_when_agencies_are_not_blocks_of_employees(tmp_path, monkeypatch) -> None:
    # an employee moved to another agency: agencies are no longer blocks of emp_keys, so the
    # full build sums the roll-ups after all the slices (still the same rows as incremental)
    monkeypatch.setattr(derived, "SLICE_EMPLOYEES", 400)
    store = _demo(tmp_path)
    try:
        with store.write() as cur:
            cur.execute(
                "update employees set agency_key = (select max(agency_key) from agencies) "
                "where emp_key = (select min(emp_key) from employees)"
            )
            assert not derived._slices(cur)[1]
            derived.refresh(cur)
        full = derived_rows(store.cursor())
        assert _incremental_over_everyone(store) == full
    finally:
        store.close()


# --- the talent rows (data contract v2, section 4) and their cells -----------------------------

# (change SQL on the talent world's raw tables, chg_emp people, chg_standard positions, the
#  person whose 2025 box is checked and that box, worked out from talent_world's table)
TALENT_CHANGES = {
    # t10 had only a 2022 test: a 2025 potential.csv tinggi maps Baik x tinggi to box 8
    "potential.csv row added": (
        "insert into potential select emp_key, 2025, 'tinggi', null from employees "
        "where nip = '{t10}'",
        [10], [], 10, 8,
    ),
    # t3: Sangat Baik -> Kurang (di bawah) with JPM rendah: box 1
    "rating changed": (
        "update performance set rating = 'Kurang' where year = 2025 and emp_key = "
        "(select emp_key from employees where nip = '{t3}')",
        [3], [], 3, 1,
    ),
    # t3's 2025 M.1 2.0 -> 3.0: JPM (3.0 + 1.8) / 5 = 96 -> tinggi; Sangat Baik: box 9
    "assessment moves the JPM proxy": (
        "update assessments set level = 3.0 where year(assessed_on) = 2025 and level = 2.0 "
        "and emp_key = (select emp_key from employees where nip = '{t3}')",
        [3], [], 3, 9,
    ),
    # STAF's M.1 standard 3 -> 2: t5's 2025 JPM (2.0 + 1.9) / 4 = 97.5 -> tinggi; Baik: box 8
    "standard changed": (
        "update standards set required_level = 2 where competency_key = "
        "(select competency_key from competencies where competency_id = 'M.1') and position_key "
        "= (select position_key from positions where position_id = 'STAF')",
        [], ["STAF"], 5, 8,
    ),
    # t1 moves to A2: the talent cells of both agencies change, t1's box (9) does not
    "employee moved to another agency": (
        "update employees set agency_key = (select agency_key from agencies "
        "where agency_id = 'A2') where nip = '{t1}'",
        [1], [], 1, 9,
    ),
}  # fmt: skip


READY_MOVES = {"potential.csv row added", "assessment moves the JPM proxy", "standard changed"}


@pytest.mark.parametrize("change", list(TALENT_CHANGES))
def test_talent_rows_refresh_incrementally(change: str, monkeypatch) -> None:
    sql, people, positions, who, box = TALENT_CHANGES[change]
    store: Store = store_of(talent_world())
    rebuilt = []  # the readiness histograms are rebuilt only when a standard changed
    real_rebuild = ready.rebuild
    monkeypatch.setattr(ready, "rebuild", lambda cur: rebuilt.append(1) or real_rebuild(cur))
    try:
        before = derived_rows(store.cursor())
        for table in ("talent", "talent_cell", "talent_nat", "move_cell", "move_nat", "ready_post"):
            assert before[table], table
        with store.write() as cur:
            cur.execute(sql.format(t1=T[1], t3=T[3], t10=T[10]))
            mark_changes(cur, [T[t] for t in people], [], positions)
            derived.refresh(cur, "affected_emp")
            assert bool(rebuilt) == bool(positions)  # otherwise the import's rows moved them
            incremental = derived_rows(cur)
            got = rows(
                cur,
                "select t.box from talent t join employees e using (emp_key) "
                "where e.nip = $n and t.year = 2025",
                {"n": T[who]},
            )
            derived.refresh(cur)
            full = derived_rows(cur)
            for t in ("chg_emp", "chg_training", "chg_standard", "affected_emp"):
                cur.execute(f"drop table {t}")
        assert got == [(box,)]
        assert incremental == full
        assert full["talent_cell"] != before["talent_cell"]
        # the changes that make or move a succession candidate change the readiness histograms
        assert (full["ready_post"] != before["ready_post"]) == (change in READY_MOVES)
    finally:
        store.close()


@pytest.mark.parametrize("derived_version, rollup_version", list(derived.ADDED_SINCE))
def test_a_store_without_talent_rows_gains_them_alone(
    tmp_path, derived_version: str, rollup_version: str
) -> None:
    # a store of a layout before the talent rows (derived 3, roll-ups 7), before their
    # previous-year columns (4, 8) or before the succession group's levels (5, 9): opening it
    # (re)creates and fills the tables added since without rebuilding the other derived rows
    path = tmp_path / "talent.duckdb"
    store = Store(path)
    talent_world().build(store)
    expected = derived_rows(store.cursor())
    tables, cells = derived.ADDED_SINCE[(derived_version, rollup_version)]
    assert expected["ready_level"] and expected["ready_sum"]
    with store.write() as cur:
        for table in (*tables, *cells):
            cur.execute(f"drop table {table}")
        if derived_version == "4":  # the talent rows without prev_*
            cur.execute("create table talent (emp_key integer, year smallint, box tinyint)")
        cur.execute(
            "update meta set value = $v where key = 'derived_version'", {"v": derived_version}
        )
        cur.execute(
            "update meta set value = $v where key = 'rollup_version'", {"v": rollup_version}
        )
        cur.execute("insert into jp_year values (?, ?, ?)", MARKER)
    store.close()
    _reopened_with_marker(path, expected)


def test_a_bulk_build_keeps_half_the_memory_limit_in_the_block_allocator(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("ASN_MEMORY_LIMIT", "1GB")
    store = Store(tmp_path / "bulk.duckdb")
    setting = "select current_setting('block_allocator_memory')"
    try:
        assert store.conn.execute(setting).fetchone() == ("0 bytes",)  # the dashboard's
        store.for_bulk_build()
        assert store.conn.execute(setting).fetchone() == ("476.8 MiB",)  # 500,000,000 bytes
    finally:
        store.close()


def test_threads_and_memory_set_but_empty_take_their_defaults(tmp_path, monkeypatch) -> None:
    # a service file's `Environment=ASN_MEMORY_LIMIT=` stopped the store from opening
    monkeypatch.setenv("ASN_MEMORY_LIMIT", "")
    monkeypatch.setenv("ASN_THREADS", "")
    store = Store(tmp_path / "empty.duckdb")
    try:
        got = store.conn.execute(
            "select current_setting('memory_limit'), current_setting('threads')"
        ).fetchone()
        assert got == ("7.4 GiB", os.cpu_count() or 2)  # 8 GB
    finally:
        store.close()


def test_the_assessment_neighbours_live_only_inside_a_refresh() -> None:
    # score and pair read the temp table of each assessment's neighbours, written first and
    # dropped after pair; neither can be rebuilt without it
    store = store_of(world())
    table = "select count(*) from duckdb_tables() where table_name = $t"
    try:
        with store.write() as cur:
            derived.refresh(cur)
            assert rows(cur, table, {"t": derived.SEQ_TABLE}) == [(0,)]
            with pytest.raises(ValueError, match=derived.SEQ_TABLE):
                derived._run(cur, lambda alias: "true", ("score",))
    finally:
        store.close()
