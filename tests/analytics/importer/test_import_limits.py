"""Oversized files are refused before they are read, with a message in the user's language: on
the Data page's upload (AppTest, as an admin) and on the command line. The limits are
configurable (ASN_MAX_UPLOAD_MB, ASN_MAX_IMPORT_MB); the tests lower them to 1 MB rather than
write hundreds of megabytes."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

import analytics.importer as importer
from analytics.access import users as auth
from analytics.cli.importing import cli_import
from analytics.importer import ImportRejected, load_sources, oversized
from analytics.importer.sources import CLI_LIMIT_MB, UPLOAD_LIMIT_MB, cli_limit_mb, upload_limit_mb
from analytics.store.db import Store
from tests.support.imports import base_store, base_store_file, state

__all__ = ["base_store", "base_store_file"]  # fixtures

ROOT = Path(__file__).resolve().parents[3]
MB = 1024 * 1024
AGENCIES_HEAD = b"agency_id,agency_name\n"


def agencies_file(size: int) -> bytes:
    """A valid agencies.csv of about `size` bytes (new agencies 9.000001, ...)."""
    rows, n = [AGENCIES_HEAD], 0
    total = len(AGENCIES_HEAD)
    while total < size:
        n += 1
        row = f"9.{n:06d},Dinas Uji Coba Nomor {n:06d}\n".encode()
        rows.append(row)
        total += len(row)
    return b"".join(rows)


# --- the limits and the check -----------------------------------------------------------------


def test_limits_default_and_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASN_MAX_UPLOAD_MB", raising=False)
    monkeypatch.delenv("ASN_MAX_IMPORT_MB", raising=False)
    assert (upload_limit_mb(), cli_limit_mb()) == (UPLOAD_LIMIT_MB, CLI_LIMIT_MB) == (200, 1024)
    monkeypatch.setenv("ASN_MAX_UPLOAD_MB", "50")
    monkeypatch.setenv("ASN_MAX_IMPORT_MB", "4096")
    assert (upload_limit_mb(), cli_limit_mb()) == (50, 4096)
    for bad in ("", "0", "-3", "lots"):  # a setting that is no positive number is ignored
        monkeypatch.setenv("ASN_MAX_UPLOAD_MB", bad)
        assert upload_limit_mb() == 200


def test_streamlit_config_allows_what_the_page_allows() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == UPLOAD_LIMIT_MB


@pytest.mark.parametrize(
    ("size", "refused"),
    [(0, False), (MB, False), (MB + 1, True), (3 * MB, True), (250 * MB, True)],
)
def test_the_check_takes_sizes_not_contents(size: int, refused: bool) -> None:
    problems = oversized([("assessments.csv", size)], limit_mb=1)
    assert bool(problems) == refused
    if refused:
        (p,) = problems
        assert (p.code, p.file) == ("file_too_large", "assessments.csv")
        assert p.params["limit"] == 1
        shown = p.params["size"]
        assert p.message("id").startswith(f"assessments.csv: File ini {shown} MB, melebihi batas")
        assert p.message("en").startswith(f"assessments.csv: This file is {shown} MB, over the")


# --- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cli_refuses_a_file_over_its_limit_without_reading_it(
    base_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    big = tmp_path / "agencies.csv"
    big.write_bytes(agencies_file(MB + 1000))
    monkeypatch.setenv("ASN_MAX_IMPORT_MB", "1")
    read: list[Path] = []
    real_read = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self)
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    before = state(base_store)
    out, err = io.StringIO(), io.StringIO()
    code = cli_import(base_store, [big], lang=lang, out=out, err=err)
    assert code == 1 and big not in read
    assert state(base_store) == before
    printed = err.getvalue()
    if lang == "id":
        assert "Impor DITOLAK" in printed and "melebihi batas 1 MB per file" in printed
        assert "ASN_MAX_IMPORT_MB" in printed
    else:
        assert "Import REJECTED" in printed and "over the limit of 1 MB per file" in printed


def test_cli_takes_a_file_under_its_limit_and_checks_folders_too(
    base_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASN_MAX_IMPORT_MB", "1")
    small = tmp_path / "ok" / "agencies.csv"
    small.parent.mkdir()
    small.write_bytes(agencies_file(MB - 1000))
    out, err = io.StringIO(), io.StringIO()
    assert cli_import(base_store, [small], out=out, err=err) == 0, err.getvalue()
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "agencies.csv").write_bytes(agencies_file(MB + 1000))
    with pytest.raises(ImportRejected) as e:
        load_sources([folder])
    assert [(p.code, Path(p.file).name) for p in e.value.problems] == [
        ("file_too_large_cli", "agencies.csv")
    ]


# --- the upload page --------------------------------------------------------------------------


@pytest.fixture
def admin_app(
    base_store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The dashboard on a copy of the base store, with an admin in the users file."""
    from ui import state as ui_state

    db = tmp_path / "asn.duckdb"
    shutil.copyfile(base_store_file, db)
    monkeypatch.setenv("ASN_DB", str(db))
    monkeypatch.delenv("ASN_USERS", raising=False)
    fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    auth.add_user(auth.users_path(db), "admin", "admin", "kata-sandi-uji", hasher=fast)
    ui_state.get_store.clear()
    yield db
    ui_state.get_store.clear()


def data_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.session_state["_asn_login"] = "admin"  # what a verified login leaves behind
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["ID", "EN"])
def test_upload_over_the_limit_is_refused_before_reading(
    admin_app: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("ASN_MAX_UPLOAD_MB", "1")
    validated: list[object] = []
    real_validate = importer.validate
    monkeypatch.setattr(
        importer, "validate", lambda *a, **k: validated.append(a) or real_validate(*a, **k)
    )
    at = data_page(lang)
    limit_note = "Paling besar 1 MB per file." if lang == "ID" else "At most 1 MB per file."
    assert any(limit_note in c.value for c in at.caption)
    assert at.file_uploader[0].proto.max_upload_size_mb == 1
    at.file_uploader[0].set_value(
        [
            ("agencies.csv", agencies_file(MB + 1000), "text/csv"),
            ("positions.csv", b"position_id,position_name,job_type,job_family\n", "text/csv"),
        ]
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    if lang == "ID":
        assert "Impor DITOLAK sebelum dibaca: 1 file melebihi batas 1 MB per file." in error.value
    else:
        assert "Import REJECTED before reading: 1 file(s) over the limit of 1 MB" in error.value
    problems = at.dataframe[0].value
    assert list(problems.iloc[:, 0]) == ["agencies.csv"]
    reason = problems.iloc[0, -1]
    assert ("melebihi batas unggah 1 MB" if lang == "ID" else "over the upload limit of 1 MB") in (
        reason
    )
    assert not validated, "an oversized upload was read"
    assert not [b for b in at.button if b.label in ("Simpan impor", "Save import")]


def test_upload_under_the_limit_goes_on_to_the_check(
    admin_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASN_MAX_UPLOAD_MB", "1")
    at = data_page("EN")
    at.file_uploader[0].set_value(("agencies.csv", agencies_file(MB - 1000), "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert [s.value for s in at.success] == ["The files passed the checks."]
    assert [b for b in at.button if b.label == "Save import"]
