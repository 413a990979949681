"""Rolling back imports: rows added go, rows replaced come back, derived rows follow, later
imports built on a rolled-back one are named first and taken back with --yes."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.cli.main import run
from analytics.importer import commit
from analytics.importer.undo import RollbackNeedsConfirmation, UndoRefused, plan, rollback
from analytics.store import derived
from analytics.store.db import Store, data_version
from tests.support.imports import (
    BASE,
    NIP1,
    NIP2,
    NIP3,
    base_store,
    base_store_file,
    folder_sources,
    sources,
    state,
)
from tests.support.owner import OWNER_SCRIPT, _start

__all__ = ["base_store", "base_store_file"]  # fixtures

NIP4 = "199505052020122004"
NIP5 = "199606062021012005"
EMP = "nip,name,agency_id,unit,position_id\n"

# A: new agency, position, standard, employee; replaces base rows in several tables.
A = {
    "agencies": "agency_id,agency_name\n9.01,Dinas Baru\n",
    "positions": "position_id,position_name,job_type,job_family\n"
    "JAB-03,Analis Kebijakan,Fungsional Ahli Muda,Kebijakan\n",
    "standards": "position_id,competency_id,required_level\nJAB-03,M.1,3\nJAB-02,SK.1,3\n",
    "employees": EMP + f"{NIP1},Budi Santoso,1.03.01,Bidang Baru,JAB-01\n"
    f"{NIP4},Dewi Lestari,9.01,Bidang Umum,JAB-03\n",
    "assessments": "nip,competency_id,assessed_on,level\n"
    f"{NIP1},M.1,2024-03-01,4\n{NIP4},M.1,2024-05-01,2.7\n",
    "trainings": "training_id,title,competency_id,hours_jp,start_date,end_date\n"
    "PLT-01,Pelatihan Integritas ASN,M.1,30,2023-06-05,2024-02-01\n",
    "participations": f"training_id,nip,completed\nPLT-01,{NIP4},ya\nPLT-01,{NIP2},ya\n",
}
# B: replaces some of A's rows (NIP4, NIP1's 2024 M.1 score) and adds others.
B = {
    "employees": EMP + f"{NIP4},Dewi Lestari,9.01,Bidang Perencanaan,JAB-03\n",
    "assessments": "nip,competency_id,assessed_on,level\n"
    f"{NIP1},M.1,2024-03-01,4.5\n{NIP2},SK.1,2025-02-01,1.5\n",
    "performance": f"nip,year,rating\n{NIP4},2025,Baik\n",
    "standards": "position_id,competency_id,required_level\nJAB-01,M.1,4\n",
}
# C: independent of A and B.
C = {"assessments": f"nip,competency_id,assessed_on,level\n{NIP3},T.1,2025-03-03,3.1\n"}


def _import(store: Store, files: dict[str, str]) -> int:
    result = commit(store, sources(**files), username="ani")
    assert result.ok, [p.message() for p in result.problems]
    assert result.import_id is not None
    return result.import_id


def rows(store: Store, sql: str) -> list[tuple]:
    with store.snapshot() as snap:
        return snap.cur.execute(sql).fetchall()


def data(store: Store) -> dict[str, list[tuple]]:
    """Raw and derived tables plus meta: what a rollback must bring back exactly."""
    out = state(store, data_only=True)
    out["meta"] = rows(store, "select * from meta order by all")
    return out


def log(store: Store) -> list[tuple]:
    return rows(store, "select import_id, kind, status, rolled_back_by from import_log order by 1")


def cli(store: Store, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, store=store)
    return code, out.getvalue(), err.getvalue()


def test_rolling_back_b_restores_the_state_before_b(base_store: Store) -> None:
    _import(base_store, A)
    before_b = data(base_store)
    b = _import(base_store, B)
    assert data(base_store) != before_b
    result = rollback(base_store, b)
    assert result.rolled_back == [b]
    assert data(base_store) == before_b
    assert log(base_store)[-2:] == [
        (b, "import", "rolled_back", b + 1),
        (b + 1, "rollback", "committed", None),
    ]
    assert data_version_of(base_store) == b + 1  # every cache sees the change
    # The incremental derived refresh equals a full rebuild.
    with base_store.write() as cur:
        derived.refresh(cur)
    assert data(base_store) == before_b


def data_version_of(store: Store) -> int:
    with store.snapshot() as snap:
        return data_version(snap.cur)


def test_rolling_back_a_when_b_built_on_it_asks_first(base_store: Store) -> None:
    a = _import(base_store, A)
    b = _import(base_store, B)
    everything = state(base_store)
    with pytest.raises(RollbackNeedsConfirmation) as info:
        rollback(base_store, a)
    assert info.value.later == [b]
    assert state(base_store) == everything  # nothing changed, not even the log
    code, out, err = cli(base_store, "rollback", str(a))
    assert code == 3 and f"#{b}" in err and "--yes" in err
    assert state(base_store) == everything


def test_yes_rolls_back_the_later_ones_too_newest_first(base_store: Store) -> None:
    before_a = data(base_store)
    a = _import(base_store, A)
    b = _import(base_store, B)
    code, out, err = cli(base_store, "rollback", str(a), "--yes", "--lang", "en")
    assert code == 0, err
    assert f"Rolled back: #{b}, #{a}" in out
    assert data(base_store) == before_a
    new = b + 1
    assert log(base_store)[-3:] == [
        (a, "import", "rolled_back", new),
        (b, "import", "rolled_back", new),
        (new, "rollback", "committed", None),
    ]
    files = json.loads(
        rows(base_store, f"select files from import_log where import_id = {new}")[0][0]
    )
    assert [f["rollback_of"] for f in files] == [b, a]


def test_an_independent_later_import_stays(base_store: Store) -> None:
    a = _import(base_store, A)
    c = _import(base_store, C)
    with base_store.snapshot() as snap:
        assert plan(snap.cur, a) == [a]
    rollback(base_store, a)
    assert rows(
        base_store, "select count(*) from assessments where assessed_on = date '2025-03-03'"
    ) == [(1,)]
    assert log(base_store)[c - 1][2] == "committed"
    assert rows(base_store, "select count(*) from agencies where agency_id = '9.01'") == [(0,)]


def test_referring_to_a_row_the_import_added_builds_on_it(base_store: Store) -> None:
    a = _import(base_store, {"agencies": "agency_id,agency_name\n9.01,Dinas Baru\n"})
    d = _import(base_store, {"employees": EMP + f"{NIP5},Sari,9.01,Bidang Umum,JAB-01\n"})
    with base_store.snapshot() as snap:
        assert plan(snap.cur, a) == [d, a]


def test_identical_reimport_then_rollback(base_store: Store) -> None:
    before = data(base_store)
    again = commit(base_store, folder_sources(BASE)).import_id
    assert again is not None
    result = rollback(base_store, again)
    assert result.rolled_back == [again] and result.counts == {}
    assert data(base_store) == before
    assert log(base_store)[-2][2] == "rolled_back"


def test_refusals_unknown_already_rolled_back_rollback_and_demo(base_store: Store) -> None:
    b = _import(base_store, C)
    rollback(base_store, b)
    everything = state(base_store)
    for target, code_ in ((99, "unknown_id"), (b, "already"), (b + 1, "is_rollback")):
        with pytest.raises(UndoRefused) as info:
            rollback(base_store, target)
        assert info.value.code == code_
    assert state(base_store) == everything
    code, _, err = cli(base_store, "rollback", str(b))
    assert code == 2 and f"sudah dibatalkan (oleh #{b + 1})" in err
    code, _, err = cli(base_store, "rollback", str(b), "--lang", "en")
    assert code == 2 and f"already been rolled back (by #{b + 1})" in err
    code, _, err = cli(base_store, "rollback", "99")
    assert code == 2 and "tidak ada dalam riwayat" in err
    code, _, err = cli(base_store, "rollback", "99", "--lang", "en")
    assert code == 2 and "not in the import history" in err


def test_demo_build_cannot_be_rolled_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "asn.duckdb")
    try:
        with store.write() as cur:
            cur.execute(
                "insert into import_log (import_id, imported_at, kind, files, counts) "
                "values (1, $at, 'demo', '[]', '{}')",
                {"at": dt.datetime.now()},
            )
        code, _, err = cli(store, "rollback", "1")
        assert code == 2 and "Data demo (#1) tidak dapat dibatalkan" in err
        code, _, err = cli(store, "rollback", "1", "--lang", "en")
        assert code == 2 and "demo build (#1) cannot be rolled back" in err
        assert log(store) == [(1, "demo", "committed", None)]
    finally:
        store.close()


def test_import_before_a_demo_build_cannot_be_rolled_back(base_store: Store) -> None:
    with base_store.write() as cur:
        cur.execute(
            "insert into import_log (import_id, imported_at, kind, files, counts) "
            "values (2, $at, 'demo', '[]', '{}')",
            {"at": dt.datetime.now()},
        )
    with pytest.raises(UndoRefused) as info:
        rollback(base_store, 1)
    assert info.value.code == "before_demo"


def test_history_lists_newest_first_with_status(base_store: Store) -> None:
    a = _import(base_store, A)
    rollback(base_store, a)
    code, out, _ = cli(base_store, "history", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith(f"#{a + 1}") and f"rolls back #{a}" in lines[1]
    assert lines[2].startswith(f"#{a}") and f"rolled back by #{a + 1}" in lines[2]
    assert "employees +1 added, ~1 changed" in lines[2]
    assert lines[3].startswith("#1") and "committed" in lines[3]
    code, out, _ = cli(base_store, "history")
    assert f"dibatalkan oleh #{a + 1}" in out and "tersimpan" in out


def test_history_and_rollback_are_forwarded_to_the_serving_owner(
    base_store_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "asn.duckdb"
    db.write_bytes(base_store_file.read_bytes())
    store = Store(db)
    before = data(store)
    c = _import(store, C)
    store.close()
    proc = _start(OWNER_SCRIPT, db)

    def cli_proc(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "analytics", *argv, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    try:
        result = cli_proc("rollback", str(c), "--lang", "en")
        assert result.returncode == 0, result.stderr
        assert f"Rolled back: #{c}" in result.stdout
        result = cli_proc("history")
        assert result.returncode == 0, result.stderr
        assert f"dibatalkan oleh #{c + 1}" in result.stdout
    finally:
        proc.communicate("", timeout=30)
    store = Store(db)
    try:
        assert data(store) == before
    finally:
        store.close()
