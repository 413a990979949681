"""`python -m analytics report`: writes the file and exits 0; an unknown filter value exits 2
with the export's message and writes nothing; it is forwarded to the store's owner while the
dashboard serves, and readers and writers carry on meanwhile."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from analytics.cli.main import FORWARDABLE, run
from analytics.demo.build import build_demo
from analytics.report.images import RenderError, chromium_path
from analytics.store import owner
from analytics.store.db import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("cli") / "asn.duckdb")
    code = build_demo(s, employees=600, seed=14, force=False, out=io.StringIO(), err=io.StringIO())
    assert code == 0
    yield s
    s.close()


@pytest.fixture
def chromium() -> None:
    try:
        chromium_path()
    except RenderError as e:
        pytest.skip(str(e))


def agency_of(store: Store) -> str:
    with store.snapshot() as snap:
        row = snap.cur.execute("select min(agency_id) from agencies").fetchone()
    assert row is not None
    return str(row[0])


def cli(store: Store | None, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, store=store)
    return code, out.getvalue(), err.getvalue()


def test_report_is_forwardable() -> None:
    assert "report" in FORWARDABLE


def test_workbook_written(demo: Store, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "laporan.xlsx"
    code, out, err = cli(
        demo,
        "report",
        "--db",
        str(demo.path),
        "--format",
        "xlsx",
        "--agency",
        agency_of(demo),
        "--year",
        "2025",
        "--out",
        str(target),
    )
    assert code == 0, err
    assert "report written" in out and target.exists()
    assert load_workbook(target).sheetnames[0] == "Tentang"


@pytest.mark.browser
def test_deck_written_format_from_the_suffix(demo: Store, tmp_path: Path, chromium: None) -> None:
    target = tmp_path / "rapat.pptx"
    code, _, err = cli(
        demo,
        "report",
        "--db",
        str(demo.path),
        "--lang",
        "en",
        "--job-type",
        "Pelaksana",
        "--out",
        str(target),
    )
    assert code == 0, err
    slides = list(Presentation(str(target)).slides)
    assert len(slides) == 9
    assert any(
        "Job type: Pelaksana" in s.text_frame.text for s in slides[0].shapes if s.has_text_frame
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--agency", "99.99"),
        ("--unit", "Bagian Yang Tidak Ada"),
        ("--job-family", "Sihir"),
        ("--job-type", "pelaksana"),
    ],  # values are exact and case-sensitive
)
def test_unknown_filter_value_exits_2(demo: Store, tmp_path: Path, option: str, value: str) -> None:
    target = tmp_path / "x.pdf"
    code, out, err = cli(
        demo, "report", "--db", str(demo.path), option, value, "--out", str(target)
    )
    assert code == 2
    assert option in err and repr(value) in err
    assert not target.exists() and out == ""


def test_missing_out_is_a_usage_error(demo: Store) -> None:
    code, _, _ = cli(demo, "report", "--db", str(demo.path))
    assert code == 2


@pytest.mark.browser
def test_forwarded_to_the_serving_owner_while_others_read_and_write(
    tmp_path: Path, chromium: None
) -> None:
    """The dashboard owns the store; `report` from another command line runs there, on a
    snapshot, so an import committing meanwhile neither waits for it nor disturbs it."""
    store = Store(tmp_path / "owned.duckdb")
    assert build_demo(store, employees=300, seed=15, out=io.StringIO(), err=io.StringIO()) == 0
    owner.serve(store, run)
    try:
        target = tmp_path / "forwarded.pdf"
        result: dict[str, object] = {}

        def report() -> None:
            # store=None: like a separate `python -m analytics report`, it finds the socket
            result["run"] = cli(None, "report", "--db", str(store.path), "--out", str(target))

        thread = threading.Thread(target=report)
        thread.start()
        with store.write() as cur:  # a writer is not blocked by the report
            cur.execute("create table probe (x integer)")
        with store.snapshot() as snap:  # nor is a reader
            assert snap.cur.execute("select count(*) from employees").fetchone() == (300,)
        thread.join(timeout=180)
        code, out, err = result["run"]  # type: ignore[misc]
        assert code == 0, err
        assert target.read_bytes()[:5] == b"%PDF-"
    finally:
        owner.stop(store)
        store.close()
