"""The same data in each shape docs/import-formats.md accepts: the same store; sources, folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.importer import ImportRejected, Source, commit, load_sources
from analytics.store.db import Store
from tests.support.imports import (
    BASE,
    SEMICOLON,
    base_store,
    base_store_file,
    folder_sources,
    sources,
    state,
    workbook_from_csv,
)

__all__ = ["base_store", "base_store_file"]  # fixtures


def _cp1252(src: Source) -> Source:
    return Source(src.name, src.data.decode("utf-8").encode("cp1252"))


def _bom(src: Source) -> Source:
    return Source(src.name, b"\xef\xbb\xbf" + src.data)


VARIANTS = {
    "comma": lambda: folder_sources(BASE),
    # decimal commas, thousands dots (1.500.000), DD/MM/YYYY and DD-MM-YYYY, CRLF, odd case
    "semicolon": lambda: folder_sources(SEMICOLON),
    "windows-1252": lambda: [_cp1252(s) for s in folder_sources(BASE)],
    "semicolon-windows-1252": lambda: [_cp1252(s) for s in folder_sources(SEMICOLON)],
    "bom": lambda: [_bom(s) for s in folder_sources(BASE)],
    "xlsx-real-date-cells": lambda: [Source("data.xlsx", workbook_from_csv(BASE))],
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_format_gives_the_same_store(variant: str, store: Store, base_store: Store) -> None:
    result = commit(store, VARIANTS[variant]())
    assert result.ok, [p.message() for p in result.problems]
    assert state(store, data_only=True) == state(base_store, data_only=True)
    with store.snapshot() as snap, base_store.snapshot() as ref:
        journal = "select * from undo_journal order by all"
        assert snap.cur.execute(journal).fetchall() == ref.cur.execute(journal).fetchall()
        name = "select name from employees where nip = '198503152010012002'"
        assert snap.cur.execute(name).fetchall() == [("Andréa Siregar",)]
    cp1252 = [w for w in result.warnings if w.code == "decoded_cp1252"]
    if "1252" in variant:  # only the file with a non-ASCII letter is not UTF-8
        assert [w.file for w in cp1252] == ["employees.csv"]
    else:
        assert not cp1252


def test_row_numbers_count_records_as_a_spreadsheet_shows_them(store: Store) -> None:
    """A quoted cell spanning lines is one spreadsheet row; blank rows still count."""
    text = (
        "agency_id;agency_name;instansi\r\n"
        '9.01;"Dinas\r\nBaru";"Pemerintah; Provinsi Jambi"\r\n'
        ";;\r\n"
        "9.02;;Pemerintah Provinsi Jambi\r\n"
    )
    result = commit(store, sources(agencies=text))
    assert [(p.code, p.row, p.column) for p in result.problems] == [
        ("required_blank", 4, "agency_name")
    ]


def test_workbook_sheet_names_match_case_insensitively_and_others_are_ignored(
    store: Store,
) -> None:
    from tests.support.imports import workbook

    book = workbook(
        {
            "Catatan": [["isi bebas"]],
            " Agencies ": [["AGENCY_ID", "Agency_Name"], ["9.01", "Dinas Baru"]],
        }
    )
    result = commit(store, [Source("data.xlsx", book)])
    assert result.ok
    assert result.counts["agencies"].added == 1
    assert [(w.code, w.sheet) for w in result.warnings] == [("sheet_ignored", "Catatan")]


def test_folder_takes_table_files_and_ignores_others_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "Agencies.CSV").write_text("agency_id,agency_name\n9.01,Dinas Baru\n")
    (tmp_path / "catatan.txt").write_text("bukan data")
    (tmp_path / "pegawai.csv").write_text("nip\n")
    (tmp_path / "arsip").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    found, warnings = load_sources([tmp_path])
    assert [s.name for s in found] == ["Agencies.CSV"]
    assert sorted((Path(w.file).name, w.code) for w in warnings) == [
        ("arsip", "folder_subfolder_ignored"),
        ("catatan.txt", "folder_file_ignored"),
        ("pegawai.csv", "folder_file_ignored"),
    ]


def test_explicit_files_are_all_taken(tmp_path: Path) -> None:
    (tmp_path / "pegawai.csv").write_text("nip\n")
    found, warnings = load_sources([tmp_path / "pegawai.csv"])
    assert [s.name for s in found] == ["pegawai.csv"] and not warnings


def test_missing_path_is_rejected_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as e:
        load_sources([tmp_path / "tidak-ada.csv"])
    assert [p.code for p in e.value.problems] == ["path_missing"]
    assert "tidak ditemukan" in e.value.problems[0].message("id")
    assert "not found" in e.value.problems[0].message("en")


def test_uploaded_bytes_import_like_files(store: Store) -> None:
    """The upload page hands the same Source objects the command line reads."""
    uploaded = [Source(p.name, p.read_bytes()) for p in sorted(BASE.iterdir())]
    assert commit(store, uploaded, username="bkd.admin").ok
    with store.snapshot() as snap:
        assert snap.cur.execute("select username from import_log").fetchall() == [("bkd.admin",)]


def test_short_rows_are_padded_with_blank_cells(store: Store) -> None:
    """Some tools drop trailing empty cells; the row is read as if they were there."""
    text = (
        "agency_id,agency_name,instansi\n9.01,Dinas Baru\n9.02,Dinas Lain,Pemerintah Kota Jambi\n"
    )
    result = commit(store, sources(agencies=text))
    assert result.ok, [p.message() for p in result.problems]
    with store.snapshot() as snap:
        got = snap.cur.execute("select agency_id, instansi from agencies order by 1").fetchall()
    assert got == [("9.01", None), ("9.02", "Pemerintah Kota Jambi")]


def test_unclosed_quote_is_a_clear_problem(store: Store) -> None:
    text = 'agency_id,agency_name\n9.01,"Dinas Baru\n9.02,Dinas Lain\n'
    result = commit(store, sources(agencies=text))
    assert [p.code for p in result.problems] == ["csv_broken"]
    assert "tanda kutip" in result.problems[0].message("id")


@pytest.mark.parametrize(
    ("text", "delim"),
    [
        ('a,b,c\r\n1,"x, y",3\r\n"multi\nline","say ""hi""", z \r\n,,\r\n', ","),
        ("a;b\n1,5;1.500.000\n\n ;\n", ";"),
        ('a,b\n"",""\n"q",r\n', ","),
    ],
)
def test_fast_csv_reader_reads_what_the_exact_one_reads(text: str, delim: str) -> None:
    from analytics.importer.issues import Issues, Where
    from analytics.importer.read import _read_records, _read_records_fast

    fast = _read_records_fast(text.encode(), text, delim)
    exact = _read_records(text, delim, Where("t.csv"), Issues())
    assert fast is not None and exact is not None
    assert fast[0] == exact[0]
    assert [list(c) for c in fast[1]] == [list(c) for c in exact[1]]


def test_a_workbook_validated_then_committed_is_read_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upload page validates, then commits (which validates again): one slow read."""
    import analytics.importer.workbook as wb
    from analytics.importer import validate

    calls = []
    real = wb._read
    monkeypatch.setattr(wb, "_read", lambda *a: calls.append(1) or real(*a))
    uploaded = [Source("data.xlsx", workbook_from_csv(BASE))]
    with store.snapshot() as snap:
        assert validate(snap.cur, uploaded).ok
    again = [Source("data.xlsx", uploaded[0].data)]  # a new object with the same bytes
    result = commit(store, again)
    assert result.ok and result.files[0].rows == 29
    assert len(calls) == 1
