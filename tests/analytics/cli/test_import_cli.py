"""`python -m analytics import` as a user runs it: exit codes and what it prints, id and en."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analytics.store.db import Store
from tests.support.imports import BASE, NIP1, state

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "import", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def store_state(db: Path) -> dict[str, list[tuple]]:
    s = Store(db)
    try:
        return state(s)
    finally:
        s.close()


@pytest.mark.parametrize(
    ("lang", "stored", "line"),
    [("id", "Impor #1 tersimpan", "6 ditambah, 0 diubah"), ("en", "Import #1 stored", "6 added")],
)
def test_accepted_import_exits_0_and_says_what_it_stored(
    tmp_path: Path, lang: str, stored: str, line: str
) -> None:
    db = tmp_path / "asn.duckdb"
    done = run("--db", db, "--lang", lang, BASE)
    assert done.returncode == 0, done.stderr
    assert stored in done.stdout
    assert any(ln.split()[0] == "assessments" and line in ln for ln in done.stdout.splitlines())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", ["DITOLAK", "employees.csv, baris 3, kolom nip", "NIP harus 18 digit",
                "Tidak ada data yang disimpan"]),
        ("en", ["REJECTED", "employees.csv, row 3, column nip", "exactly 18 digits",
                "Nothing was stored"]),
    ],
)  # fmt: skip
def test_rejected_import_exits_1_prints_problems_and_keeps_the_store(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    db = tmp_path / "asn.duckdb"
    assert run("--db", db, BASE).returncode == 0
    before = store_state(db)
    bad = tmp_path / "employees.csv"
    bad.write_text(
        "nip,name,agency_id,unit,position_id\n"
        f"{NIP1},Budi Santoso,1.03.01,Bidang Baru,JAB-01\n"
        "19671110199203100,Budi Santoso,1.03.01,Bidang Baru,JAB-01\n"
    )
    done = run("--db", db, "--lang", lang, bad)
    assert done.returncode == 1
    for w in words:
        assert w in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert store_state(db) == before


def test_at_most_200_problems_are_printed_with_the_total(tmp_path: Path) -> None:
    bad = tmp_path / "service_outcomes.csv"
    bad.write_text("agency_id,year,ikm\n" + "".join(f"X{i},2024,7\n" for i in range(150)))
    done = run("--db", tmp_path / "asn.duckdb", bad)
    assert done.returncode == 1
    problems = [ln for ln in done.stderr.splitlines() if ln.startswith("- ")]
    assert len(problems) == 200
    assert "300 masalah ditemukan" in done.stderr
    assert "Ditampilkan 200 dari 300 masalah." in done.stderr


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "asn.duckdb"
    done = run("--db", db, "--dry-run", "--lang", "en", BASE)
    assert done.returncode == 0, done.stderr
    assert "Dry run" in done.stdout and "3 added" in done.stdout
    after = store_state(db)
    assert after["import_log"] == [] and after["employees"] == []


def test_missing_file_exits_1_without_traceback(tmp_path: Path) -> None:
    done = run("--db", tmp_path / "asn.duckdb", tmp_path / "tidak-ada.csv")
    assert done.returncode == 1
    assert "tidak ditemukan" in done.stderr and "Traceback" not in done.stderr


def test_warnings_are_printed_and_do_not_stop_the_import(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    (folder / "agencies.csv").write_text("agency_id,agency_name,kode_pos\n9.01,Dinas Baru,36122\n")
    (folder / "catatan.docx").write_bytes(b"PK\x03\x04")
    done = run("--db", tmp_path / "asn.duckdb", folder)
    assert done.returncode == 0, done.stderr
    assert "Peringatan (2)" in done.stderr
    assert "kolom kode_pos" in done.stderr and "catatan.docx" in done.stderr


OWNER_SCRIPT = """
import sys
from analytics.store.db import Store
from analytics.cli.main import run
from analytics.store import owner
store = Store(sys.argv[1])
with store.snapshot() as snap:   # a reader (a page being drawn) keeps its snapshot open
    owner.serve(store, run)
    print("ready", flush=True)
    sys.stdin.readline()
    before = snap.cur.execute("select count(*) from employees").fetchall()[0][0]
with store.snapshot() as snap:
    after = snap.cur.execute("select count(*) from employees").fetchall()[0][0]
print(before, after, flush=True)
"""


def test_import_works_while_another_process_owns_the_store(tmp_path: Path) -> None:
    """The dashboard holds the store: the command line's import runs in it, readers keep
    their snapshot, and the next snapshot sees the new data."""
    db = tmp_path / "asn.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", OWNER_SCRIPT, str(db)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        done = run("--db", db, BASE)
        assert done.returncode == 0, done.stderr
        assert "Impor #1 tersimpan" in done.stdout
        out, _ = proc.communicate("go\n", timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert out.split() == ["0", "3"]
