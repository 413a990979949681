"""Re-imports replace by key, keep absent columns, clear blanked ones; keys, journal, log and
derived rows follow."""

from __future__ import annotations

import json

import pytest

from analytics.importer import commit, validate
from analytics.store import derived
from analytics.store.db import Store
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

__all__ = ["base_store", "base_store_file"]  # fixtures

EMP = "nip,name,agency_id,unit,position_id\n"


def rows(store: Store, sql: str) -> list[tuple]:
    with store.snapshot() as snap:
        return snap.cur.execute(sql).fetchall()


def test_reimporting_identical_files_changes_nothing_but_is_logged(base_store: Store) -> None:
    before = state(base_store, data_only=True)
    result = commit(base_store, folder_sources(BASE), username="ani")
    assert result.ok and result.import_id == 2
    assert all((c.added, c.changed) == (0, 0) for c in result.counts.values())
    assert state(base_store, data_only=True) == before
    log = rows(
        base_store, "select kind, username, files, counts from import_log where import_id = 2"
    )
    kind, user, files, counts = log[0]
    assert (kind, user) == ("import", "ani")
    assert {f["name"]: f["rows"] for f in json.loads(files)}["assessments.csv"] == 6
    assert all(len(f["sha256"]) == 64 for f in json.loads(files))
    assert json.loads(counts)["employees"] == {"added": 0, "changed": 0}
    assert rows(base_store, "select count(*) from undo_journal where import_id = 2") == [(0,)]


def test_absent_column_keeps_its_stored_value(base_store: Store) -> None:
    text = EMP + f"{NIP1},Budi Santoso,1.03.01,Bidang Sumber Daya Kesehatan,JAB-01\n"
    result = commit(base_store, sources(employees=text))
    assert (result.counts["employees"].added, result.counts["employees"].changed) == (0, 1)
    got = rows(
        base_store,
        f"select unit, gender, birth_date::varchar, employment_type, rank "
        f"from employees where nip = '{NIP1}'",
    )
    assert got == [("Bidang Sumber Daya Kesehatan", "L", "1967-11-10", "PNS", "III/d")]


def test_blank_cell_clears_an_optional_value(base_store: Store) -> None:
    text = (
        "nip,name,agency_id,unit,position_id,rank,gender\n"
        f"{NIP1},Budi Santoso,1.03.01,Bidang Pelayanan Kesehatan,JAB-01,,L\n"
        f"{NIP2},Andréa Siregar,4.01.02,Bidang Mutasi,JAB-02,III/c,P\n"
    )
    result = commit(base_store, sources(employees=text))
    assert (result.counts["employees"].added, result.counts["employees"].changed) == (0, 1)
    assert rows(base_store, f"select rank, gender from employees where nip = '{NIP1}'") == [
        (None, "L")
    ]


def test_fact_row_with_an_existing_key_is_replaced_not_duplicated(base_store: Store) -> None:
    # The same key as the base's 2024-03-01 assessment, written in another date format.
    text = f"nip,competency_id,assessed_on,level\n{NIP1},M.1,01/03/2024,4\n"
    result = commit(base_store, sources(assessments=text))
    assert (result.counts["assessments"].added, result.counts["assessments"].changed) == (0, 1)
    assert rows(
        base_store,
        "select count(*), sum(level)::varchar from assessments a join employees e using (emp_key)"
        f" where nip = '{NIP1}' and assessed_on = date '2024-03-01' and competency_key = 1",
    ) == [(1, "4.0")]
    # position_id was absent: the stored JAB-01 stays.
    assert rows(
        base_store,
        "select p.position_id from assessments a join positions p using (position_key)"
        " where a.assessed_on = date '2024-03-01' and a.level = 4",
    ) == [("JAB-01",)]
    assert rows(base_store, "select count(*) from assessments") == [(6,)]
    assert rows(base_store, f"select level::varchar from score s join employees e using (emp_key)"
                f" where nip = '{NIP1}' and year = 2024 and competency_key = 1") == [("4.0",)]  # fmt: skip


def test_new_rows_get_keys_after_the_largest_in_text_id_order(base_store: Store) -> None:
    text = "agency_id,agency_name\nZ.9,Dinas Z\nB.2,Dinas B\nM.5,Dinas M\n"
    assert commit(base_store, sources(agencies=text)).ok
    got = rows(base_store, "select agency_id, agency_key from agencies order by agency_key")
    assert got == [("1.03.01", 1), ("4.01.02", 2), ("B.2", 3), ("M.5", 4), ("Z.9", 5)]


def test_undo_journal_holds_added_keys_and_replaced_old_rows(base_store: Store) -> None:
    text = (
        EMP + f"{NIP1},Budi Santoso,1.03.01,Bidang Baru,JAB-01\n"
        "199505052020122004,Dewi Lestari,4.01.02,Bidang Mutasi,JAB-02\n"
    )
    result = commit(base_store, sources(employees=text))
    journal = rows(
        base_store,
        f"select op, row_data from undo_journal where import_id = {result.import_id} order by op",
    )
    assert [op for op, _ in journal] == ["added", "replaced"]
    added, replaced = (json.loads(r) for _, r in journal)
    assert added == {"emp_key": 4, "nip": "199505052020122004"}
    assert replaced["nip"] == NIP1 and replaced["unit"] == "Bidang Pelayanan Kesehatan"
    assert replaced["rank"] == "III/d" and replaced["birth_date"] == "1967-11-10"


def test_fact_journal_keys_are_the_contract_key(base_store: Store) -> None:
    text = f"nip,competency_id,assessed_on,level\n{NIP3},SK.1,2025-01-10,2\n"
    result = commit(base_store, sources(assessments=text))
    journal = rows(
        base_store, f"select row_data from undo_journal where import_id = {result.import_id}"
    )
    assert json.loads(journal[0][0]) == {
        "emp_key": 3, "competency_key": 2, "assessed_on": "2025-01-10"
    }  # fmt: skip


CHANGES = {
    "standard": {"standards": "position_id,competency_id,required_level\nJAB-01,M.1,4\n"},
    "employee-moves-position": {
        "employees": EMP + f"{NIP3},Rahmat Hidayat,4.01.02,Bidang Mutasi,JAB-02\n"
    },
    "training-dates": {
        "trainings": "training_id,title,competency_id,hours_jp,start_date,end_date\n"
        "PLT-01,Pelatihan Integritas ASN,M.1,30,2023-06-05,2024-02-01\n"
    },
    # A new participant of PLT-01 changes the other participants' share of its cost.
    "participation-added": {"participations": f"training_id,nip,completed\nPLT-01,{NIP3},ya\n"},
    "assessment-added": {
        "assessments": f"nip,competency_id,assessed_on,level\n{NIP2},M.1,2025-04-15,3.6\n"
    },
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_incremental_derived_refresh_equals_a_full_rebuild(base_store: Store, change: str) -> None:
    result = commit(base_store, sources(**CHANGES[change]))
    assert result.ok, [p.message() for p in result.problems]
    assert sum(c.added + c.changed for c in result.counts.values()) == 1
    incremental = state(base_store, data_only=True)
    with base_store.write() as cur:
        derived.refresh(cur)
    assert state(base_store, data_only=True) == incremental


def test_commit_plans_again_inside_its_transaction(base_store: Store) -> None:
    """A plan shown to the user can be outdated by another import; commit re-validates."""
    new_agency = "agency_id,agency_name\n9.01,Dinas Baru\n"
    employee = EMP + "199505052020122004,Dewi Lestari,9.01,Bidang Umum,JAB-01\n"
    with base_store.snapshot() as snap:
        assert not validate(snap.cur, sources(employees=employee)).ok  # 9.01 unknown yet
        assert validate(snap.cur, sources(agencies=new_agency)).counts["agencies"].added == 1
    assert commit(base_store, sources(agencies=new_agency)).ok  # meanwhile, someone else
    again = commit(base_store, sources(agencies=new_agency, employees=employee))
    assert again.ok
    assert again.counts["agencies"].added == 0 and again.counts["employees"].added == 1


def test_dry_run_validation_counts_without_writing(base_store: Store) -> None:
    before = state(base_store)
    text = EMP + f"{NIP1},Budi S.,1.03.01,Bidang Pelayanan Kesehatan,JAB-01\n"
    with base_store.snapshot() as snap:
        plan = validate(snap.cur, sources(employees=text))
    assert plan.ok and plan.counts["employees"].changed == 1
    assert plan.present["employees"] == ("nip", "name", "agency_id", "unit", "position_id")
    assert list(plan.tables["employees"]["nip"]) == [NIP1]
    assert state(base_store) == before
