"""The template: every sheet and column of docs/import-formats.md, ids as Text, and it imports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from analytics.importer import Source, commit, load_sources
from analytics.importer.rules import TABLES
from analytics.importer.template import write_template
from analytics.store.db import Store


@pytest.fixture(params=["id", "en"])
def template(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / f"template-{request.param}.xlsx"
    write_template(path, lang=request.param)
    return request.param, path


def test_every_table_is_a_sheet_with_the_contract_columns(template: tuple[str, Path]) -> None:
    _, path = template
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(TABLES)
    for name, spec in TABLES.items():
        ws = book[name]
        assert [c.value for c in ws[1]] == [c.name for c in spec.columns]
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 2  # the header and one example row


def test_id_columns_are_text_and_nips_are_text_cells(template: tuple[str, Path]) -> None:
    _, path = template
    book = openpyxl.load_workbook(path)
    for name, spec in TABLES.items():
        ws = book[name]
        for j, col in enumerate(spec.columns, start=1):
            letter = openpyxl.utils.get_column_letter(j)
            if col.kind in ("id", "nip"):
                assert ws.column_dimensions[letter].number_format == "@", (name, col.name)
                assert ws.cell(row=2, column=j).number_format == "@"
            if col.kind == "nip":
                value = ws.cell(row=2, column=j).value
                assert isinstance(value, str) and len(value) == 18
            assert ws.column_dimensions[letter].width >= 10


@pytest.mark.parametrize(
    ("lang", "required", "nip_words"),
    [("id", "Wajib diisi.", "format Teks"), ("en", "Required.", "formatted as Text")],
)
def test_header_comments_explain_each_column(
    tmp_path: Path, lang: str, required: str, nip_words: str
) -> None:
    path = tmp_path / "t.xlsx"
    write_template(path, lang=lang)
    book = openpyxl.load_workbook(path)
    for name, spec in TABLES.items():
        for j, col in enumerate(spec.columns, start=1):
            comment = book[name].cell(row=1, column=j).comment
            assert comment is not None and len(comment.text) > 10, (name, col.name)
            assert (required in comment.text) == col.required, (name, col.name)
    assert nip_words in book["employees"]["A1"].comment.text


def test_template_imports_cleanly(template: tuple[str, Path], store: Store) -> None:
    _, path = template
    found, warnings = load_sources([path])
    result = commit(store, found)
    assert result.ok, [p.message() for p in result.problems]
    assert not warnings and not result.warnings, [w.message() for w in result.warnings]
    assert {n: (c.added, c.changed) for n, c in result.counts.items()} == {
        n: (1, 0) for n in TABLES
    }


def test_filled_template_imports(tmp_path: Path, store: Store) -> None:
    """What an HR officer does: keep the example, add a colleague, save, import."""
    path = tmp_path / "t.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    book["employees"].append(
        ["198503152010012002", "Siti Aminah", "1.03.01", "Sekretariat", "JAB-0101", "P", None,
         "PNS", "III/c"]
    )  # fmt: skip
    book.save(path)
    result = commit(store, [Source(path.name, path.read_bytes())])
    assert result.ok, [p.message() for p in result.problems]
    assert result.counts["employees"].added == 2
