"""One test per rule of docs/import-formats.md: a file that breaks it is rejected with
file, spreadsheet row, column, value and reason, and the store is left exactly as it was."""

from __future__ import annotations

import pytest

from analytics.importer import commit, validate
from analytics.store.db import Store
from tests.support.imports import (
    NIP1,
    NIP2,
    base_store,
    base_store_file,
    sources,
    state,
    workbook,
)

__all__ = ["base_store", "base_store_file"]  # fixtures

NEW_NIP = "199505052020122004"  # not in the base data; a well-formed PNS NIP

EMP = "nip,name,agency_id,unit,position_id\n"
ASM = "nip,competency_id,assessed_on,level,position_id\n"
TRN = "training_id,title,competency_id,hours_jp,start_date,end_date,cost_idr\n"


def emp(nip: str = NEW_NIP, name: str = "Dewi Lestari", agency: str = "1.03.01",
        unit: str = "Bidang Mutasi", position: str = "JAB-01") -> str:  # fmt: skip
    return f"{nip},{name},{agency},{unit},{position}\n"


def asm(nip: str = NIP1, comp: str = "M.1", on: str = "2025-02-01", level: str = "3",
        position: str = "") -> str:  # fmt: skip
    return f"{nip},{comp},{on},{level},{position}\n"


def trn(tid: str = "PLT-09", title: str = "Pelatihan Integritas ASN", comp: str = "M.1",
        hours: str = "8", start: str = "2025-03-03", end: str = "2025-03-04",
        cost: str = "") -> str:  # fmt: skip
    return f"{tid},{title},{comp},{hours},{start},{end},{cost}\n"


# (files, (file, row, column, value, code, words of the Indonesian reason))
CASES = [
    # NIPs damaged by Excel.
    pytest.param(
        {
            "data.xlsx": workbook(
                {
                    "employees": [
                        EMP.strip().split(","),
                        [float(NEW_NIP), "Dewi", "1.03.01", "U", "JAB-01"],
                    ]
                }
            )
        },
        ("data.xlsx", 2, "nip", None, "nip_excel_number", "Format kolom NIP sebagai Teks"),
        id="nip-numeric-workbook-cell",
    ),  # fmt: skip
    pytest.param(
        {"employees": EMP + emp(nip="1.98501E+17")},
        ("employees.csv", 2, "nip", "1.98501E+17", "nip_excel_enotation", "notasi ilmiah"),
        id="nip-e-notation",
    ),
    pytest.param(
        {"employees": EMP + emp() + emp(nip="19950505202012200")},
        ("employees.csv", 3, "nip", "19950505202012200", "nip_length", "NIP harus 18 digit"),
        id="nip-wrong-length",
    ),
    pytest.param(
        {"employees": EMP + emp(nip="199505052020122000")},
        ("employees.csv", 2, "nip", "199505052020122000", "nip_serial_000", "000"),
        id="nip-serial-000",
    ),
    pytest.param(
        {"assessments": ASM + asm(nip="1.96711E+17")},
        ("assessments.csv", 2, "nip", "1.96711E+17", "nip_excel_enotation", "Teks"),
        id="nip-e-notation-in-assessments",
    ),
    pytest.param(
        {"employees": EMP + emp(nip="1995 0505 2020 12 2 004")},
        ("employees.csv", 2, "nip", "1995 0505 2020 12 2 004", "nip_not_digits", "18 angka"),
        id="nip-with-spaces",
    ),
    # Levels.
    pytest.param(
        {"assessments": ASM + asm(level="5.5")},
        ("assessments.csv", 2, "level", "5.5", "level_range", "antara 1,0 dan 5,0"),
        id="level-above-5",
    ),
    pytest.param(
        {"assessments": ASM + asm() + asm(comp="T.1", level="0.5")},
        ("assessments.csv", 3, "level", "0.5", "level_range", "antara 1,0 dan 5,0"),
        id="level-below-1",
    ),
    pytest.param(
        {"assessments": ASM + asm(level="tinggi")},
        ("assessments.csv", 2, "level", "tinggi", "number_format", "Bukan angka"),
        id="level-not-a-number",
    ),
    pytest.param(
        {"assessments": ASM + asm(level="3.25")},
        ("assessments.csv", 2, "level", "3.25", "level_decimals", "satu angka desimal"),
        id="level-two-decimals",
    ),
    pytest.param(
        {"assessments": ASM.replace(",", ";") + asm(level="3.5").replace(",", ";")},
        ("assessments.csv", 2, "level", "3.5", "number_format", "tanda desimal adalah koma"),
        id="level-dot-decimal-in-semicolon-file",
    ),
    pytest.param(
        {"standards": "position_id,competency_id,required_level\nJAB-01,SK.1,2.5\n"},
        ("standards.csv", 2, "required_level", "2.5", "required_level_value", "bilangan bulat"),
        id="required-level-not-integer",
    ),
    pytest.param(
        {"standards": "position_id,competency_id,required_level\nJAB-01,SK.1,6\n"},
        ("standards.csv", 2, "required_level", "6", "required_level_value", "1 sampai 5"),
        id="required-level-above-5",
    ),
    # References to rows that exist nowhere.
    pytest.param(
        {"assessments": ASM + asm(nip=NEW_NIP)},
        ("assessments.csv", 2, "nip", NEW_NIP, "unknown_ref", "Pegawai dengan NIP ini tidak ada"),
        id="unknown-employee",
    ),
    pytest.param(
        {"assessments": ASM + asm(comp="M.9")},
        ("assessments.csv", 2, "competency_id", "M.9", "unknown_ref", "Kompetensi"),
        id="unknown-competency",
    ),
    pytest.param(
        {"assessments": ASM + asm(position="JAB-99")},
        ("assessments.csv", 2, "position_id", "JAB-99", "unknown_ref", "Jabatan"),
        id="unknown-position-in-assessments",
    ),
    pytest.param(
        {"standards": "position_id,competency_id,required_level\nJAB-77,M.1,3\n"},
        ("standards.csv", 2, "position_id", "JAB-77", "unknown_ref", "positions.csv"),
        id="unknown-position-in-standards",
    ),
    pytest.param(
        {"employees": EMP + emp(agency="9.99.99")},
        ("employees.csv", 2, "agency_id", "9.99.99", "unknown_ref", "OPD"),
        id="unknown-agency",
    ),
    pytest.param(
        {"participations": f"training_id,nip,completed\nPLT-77,{NIP1},ya\n"},
        ("participations.csv", 2, "training_id", "PLT-77", "unknown_ref", "Pelatihan"),
        id="unknown-training",
    ),
    pytest.param(
        {"service_outcomes": "agency_id,year,ikm\n9.99.99,2024,80\n"},
        ("service_outcomes.csv", 2, "agency_id", "9.99.99", "unknown_ref", "OPD"),
        id="unknown-agency-in-service-outcomes",
    ),
    # Dates.
    pytest.param(
        {"assessments": ASM + asm(on="31/02/2024")},
        (
            "assessments.csv",
            2,
            "assessed_on",
            "31/02/2024",
            "date_impossible",
            "tidak ada di kalender",
        ),
        id="impossible-date",
    ),
    pytest.param(
        {"assessments": ASM + asm(on="2024/03/01")},
        ("assessments.csv", 2, "assessed_on", "2024/03/01", "date_format", "YYYY-MM-DD"),
        id="unknown-date-format",
    ),
    pytest.param(
        {"trainings": TRN + trn(start="2025-03-04", end="2025-03-03")},
        ("trainings.csv", 2, "end_date", "2025-03-03", "end_before_start", "lebih awal"),
        id="training-ends-before-it-starts",
    ),
    # Other numbers.
    pytest.param(
        {"trainings": TRN + trn(hours="0")},
        ("trainings.csv", 2, "hours_jp", "0", "hours_not_positive", "lebih dari 0"),
        id="hours-zero",
    ),
    pytest.param(
        {"trainings": TRN + trn(hours="-2")},
        ("trainings.csv", 2, "hours_jp", "-2", "hours_not_positive", "lebih dari 0"),
        id="hours-negative",
    ),
    pytest.param(
        {"trainings": TRN + trn(hours="1.255")},
        ("trainings.csv", 2, "hours_jp", "1.255", "hours_decimals", "dua angka desimal"),
        id="hours-three-decimals",
    ),
    pytest.param(
        {"trainings": TRN + trn(cost="-100")},
        ("trainings.csv", 2, "cost_idr", "-100", "cost_negative", "negatif"),
        id="cost-negative",
    ),
    pytest.param(
        {"service_outcomes": "agency_id,year,ikm\n1.03.01,2025,101\n"},
        ("service_outcomes.csv", 2, "ikm", "101", "ikm_range", "25 dan 100"),
        id="ikm-above-100",
    ),
    pytest.param(
        {"service_outcomes": "agency_id,year,ikm\n1.03.01,2025,20\n"},
        ("service_outcomes.csv", 2, "ikm", "20", "ikm_range", "25 dan 100"),
        id="ikm-below-25",
    ),
    pytest.param(
        {"performance": f"nip,year,rating\n{NIP1},24,Baik\n"},
        ("performance.csv", 2, "year", "24", "year_value", "Tahun"),
        id="year-two-digits",
    ),
    # Enumerations and booleans.
    pytest.param(
        {"performance": f"nip,year,rating\n{NIP1},2025,Luar Biasa\n"},
        ("performance.csv", 2, "rating", "Luar Biasa", "enum_value", "Sangat Baik"),
        id="rating-unknown",
    ),
    pytest.param(
        {"competencies": "competency_id,competency_name,competency_group\nT.9,X,inti\n"},
        ("competencies.csv", 2, "competency_group", "inti", "enum_value", "manajerial"),
        id="competency-group-unknown",
    ),
    pytest.param(
        {"employees": "nip,name,agency_id,unit,position_id,gender\n" + emp().strip() + ",X\n"},
        ("employees.csv", 2, "gender", "X", "enum_value", "L, P"),
        id="gender-unknown",
    ),
    pytest.param(
        {
            "employees": "nip,name,agency_id,unit,position_id,employment_type\n"
            + emp().strip()
            + ",Honorer\n"
        },
        ("employees.csv", 2, "employment_type", "Honorer", "enum_value", "PNS, PPPK"),
        id="employment-type-unknown",
    ),  # fmt: skip
    pytest.param(
        {"participations": f"training_id,nip,completed\nPLT-01,{NIP1},mungkin\n"},
        ("participations.csv", 2, "completed", "mungkin", "bool_value", "ya atau tidak"),
        id="boolean-unknown",
    ),
    # Keys.
    pytest.param(
        {"assessments": ASM + asm() + asm(on="01/02/2025", level="4")},
        (
            "assessments.csv",
            3,
            "nip, competency_id, assessed_on",
            None,
            "duplicate_key",
            "sama dengan kunci baris 2",
        ),
        id="duplicate-key-in-one-import",
    ),  # fmt: skip
    pytest.param(
        {"employees": EMP + emp() + emp(name="Dewi L.")},
        ("employees.csv", 3, "nip", NEW_NIP, "duplicate_key", "baris 2"),
        id="duplicate-employee",
    ),
    pytest.param(
        {"trainings": TRN + trn(comp="T.1")},
        (
            "trainings.csv",
            2,
            "competency_id",
            "T.1",
            "programme_inconsistent",
            "Pelatihan Integritas ASN",
        ),
        id="programme-with-two-competencies",
    ),  # fmt: skip
    # Shape of the files.
    pytest.param(
        {"employees": "nip,name,agency_id,position_id\n" + f"{NEW_NIP},Dewi,1.03.01,JAB-01\n"},
        ("employees.csv", None, "unit", None, "missing_column", "Kolom wajib tidak ada"),
        id="missing-required-column",
    ),
    pytest.param(
        {"employees": EMP + emp(name="")},
        ("employees.csv", 2, "name", None, "required_blank", "tidak boleh kosong"),
        id="blank-required-value",
    ),
    pytest.param(
        {"employees": ""},
        ("employees.csv", None, "", None, "empty_file", "File kosong"),
        id="empty-file",
    ),
    pytest.param(
        {"employees": "\n\n  \n"},
        ("employees.csv", None, "", None, "empty_file", "File kosong"),
        id="blank-lines-only",
    ),
    pytest.param(
        {"employees": bytes(range(256)) * 4},
        ("employees.csv", None, "", None, "not_a_table", "bukan tabel"),
        id="binary-garbage",
    ),
    pytest.param(
        {"trainings": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"},
        ("trainings.csv", None, "", None, "not_a_table", "PDF"),
        id="pdf-named-csv",
    ),
    pytest.param(
        {"employees": "nip\tname\tagency_id\n"},
        ("employees.csv", None, "", None, "bad_delimiter", "titik koma"),
        id="tab-separated",
    ),
    pytest.param(
        {"employees": EMP + emp().strip() + ",extra,cells\n"},
        ("employees.csv", 2, "", None, "too_many_cells", "tanda kutip"),
        id="more-cells-than-headers",
    ),
    pytest.param(
        {"employees": "nip,name,name,agency_id,unit,position_id\n"},
        ("employees.csv", None, "name", None, "duplicate_column", "lebih dari sekali"),
        id="duplicate-column",
    ),
    pytest.param(
        {"book.xlsx": workbook({"Sheet1": [["a", "b"], [1, 2]], "Catatan": [["x"]]})},
        ("book.xlsx", None, "", None, "workbook_no_tables", "tidak berisi lembar"),
        id="workbook-without-expected-sheets",
    ),
    pytest.param(
        {"book.xlsx": b"PK\x03\x04 not really a zip"},
        ("book.xlsx", None, "", None, "workbook_unreadable", "tidak dapat dibaca"),
        id="broken-workbook",
    ),
    pytest.param(
        {"pegawai.csv": EMP + emp()},
        ("pegawai.csv", None, "", None, "unknown_table", "tidak cocok dengan tabel"),
        id="explicit-csv-with-unknown-name",
    ),
    pytest.param(
        {"employees.csv": EMP + emp(), "Employees.CSV": EMP + emp(nip=NIP2)},
        ("Employees.CSV", None, "", None, "table_twice", "lebih dari sekali"),
        id="same-table-twice",
    ),
    pytest.param(
        {"employees.xls": b"\xd0\xcf\x11\xe0"},
        ("employees.xls", None, "", None, "old_xls", ".xlsx"),
        id="old-xls",
    ),
    pytest.param(
        {"employees.csv": "\ufeffnip,name\n".encode("utf-16")},
        ("employees.csv", None, "", None, "utf16", "UTF-16"),
        id="utf16-unicode-text",
    ),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_rule_violation_is_rejected_and_store_unchanged(
    base_store: Store, files: dict[str, str | bytes], expected: tuple
) -> None:
    store = base_store
    before = state(store)
    file, row, column, value, code, words = expected

    result = commit(store, sources(**files))

    assert not result.ok and result.import_id is None
    assert result.problem_count >= 1
    hits = [p for p in result.problems if p.code == code]
    assert hits, [p.message() for p in result.problems]
    p = hits[0]
    assert (p.file, p.row, p.column) == (file, row, column), p.message()
    if value is not None:
        assert p.value == value
    assert words in p.message("id"), p.message("id")
    # The location is part of the message the user reads.
    assert p.message("id").startswith(file)
    if row is not None:
        assert f"baris {row}" in p.message("id") and f"row {row}" in p.message("en")
    assert state(store) == before


def test_every_problem_is_reported_not_only_the_first(base_store: Store) -> None:
    store = base_store
    before = state(store)
    bad = ASM + "".join(asm(level="9", on=f"2025-01-{d:02d}") for d in range(1, 29))
    result = commit(store, sources(assessments=bad, employees=EMP + emp(nip="123")))
    assert result.problem_count == 29
    assert [p.row for p in result.problems if p.code == "level_range"] == list(range(2, 30))
    assert state(store) == before


def test_one_bad_row_rejects_every_file_of_the_import(base_store: Store) -> None:
    store = base_store
    before = state(store)
    good_agency = "agency_id,agency_name\n7.77.77,Dinas Baru\n"
    result = commit(store, sources(agencies=good_agency, assessments=ASM + asm(level="7")))
    assert not result.ok
    assert state(store) == before


def test_validate_reports_the_same_problems_and_writes_nothing(base_store: Store) -> None:
    store = base_store
    before = state(store)
    with store.snapshot() as snap:
        plan = validate(snap.cur, sources(assessments=ASM + asm(on="31/02/2024")))
    assert not plan.ok
    assert [p.code for p in plan.problems] == ["date_impossible"]
    assert state(store) == before


@pytest.mark.parametrize(
    ("level", "stored"),
    [("3.50", "3.5"), ("3", "3.0"), ("1", "1.0"), ("5.0", "5.0"), ("4.1", "4.1")],
)
def test_levels_accepted(base_store: Store, level: str, stored: str) -> None:
    store = base_store
    result = commit(store, sources(assessments=ASM + asm(level=level)))
    assert result.ok
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select level::varchar from assessments where assessed_on = date '2025-02-01'"
        ).fetchone()
    assert got == (stored,)


def test_excel_binary_level_is_read_as_its_one_decimal(base_store: Store) -> None:
    store = base_store
    header = ASM.strip().split(",")
    book = workbook({"assessments": [header, [NIP1, "M.1", "2025-02-01", 3.2999999, None]]})
    result = commit(store, sources(**{"scores.xlsx": book}))
    assert result.ok, [p.message() for p in result.problems]
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select level::varchar from assessments where assessed_on = date '2025-02-01'"
        ).fetchone()
    assert got == ("3.3",)


def test_nip_structure_is_only_a_warning(base_store: Store) -> None:
    store = base_store
    odd = "199513402020123004"  # month 13, gender digit 3: suspicious, not Excel damage
    result = commit(store, sources(employees=EMP + emp(nip=odd)))
    assert result.ok
    assert {w.code for w in result.warnings} == {"nip_birth_date", "nip_gender_digit"}
    assert all(w.row == 2 and w.column == "nip" for w in result.warnings)


def test_unknown_columns_and_empty_rows_are_ignored_with_a_warning(base_store: Store) -> None:
    store = base_store
    text = "nip,name,agency_id,unit,position_id,catatan\n,,,,,\n" + emp().strip() + ",x\n,,,,,\n"
    result = commit(store, sources(employees=text))
    assert result.ok
    assert result.counts["employees"].added == 1
    assert [(w.code, w.column) for w in result.warnings] == [("unknown_column", "catatan")]
    assert result.files[0].rows == 1


def test_references_to_rows_of_the_same_import_are_accepted(base_store: Store) -> None:
    store = base_store
    files = {
        "agencies": "agency_id,agency_name\n9.01.01,Dinas Baru\n",
        "employees": EMP + emp(agency="9.01.01"),
        "assessments": ASM + asm(nip=NEW_NIP),
    }
    result = commit(store, sources(**files))
    assert result.ok, [p.message() for p in result.problems]


def test_numeric_id_cell_in_a_workbook_is_a_warning(base_store: Store) -> None:
    book = workbook({"agencies": [["agency_id", "agency_name"], [7, "Dinas Tujuh"]]})
    result = commit(base_store, sources(**{"opd.xlsx": book}))
    assert result.ok
    assert [(w.code, w.row, w.column, w.value) for w in result.warnings] == [
        ("id_excel_number", 2, "agency_id", "7")
    ]


def test_an_import_without_any_table_is_rejected(base_store: Store) -> None:
    result = commit(base_store, [])
    assert not result.ok and [p.code for p in result.problems] == ["nothing_to_import"]
    assert "employees" in result.problems[0].message("id")
