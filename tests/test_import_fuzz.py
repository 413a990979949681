"""Fuzzing the importer (issue 7, part 6): broken CSV files and workbooks never crash it.

Property, for every generated import: `commit` returns (no exception of any kind), a rejection
lists its problems in Indonesian and in English, and a rejected import leaves every table of the
store (data, derived, log, journal, meta) exactly as it was. Valid files whose text fields look
like SQL, HTML, script or spreadsheet formulas are accepted and read back byte-identical.

Bounded and stable for CI: a fixed number of examples, derandomised, no example database.
`ASN_FUZZ_EXAMPLES=500` runs a longer hunt locally.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from analytics.importer import ImportResult, Source, commit, validate
from analytics.importer.cli import cli_import
from analytics.store import Store
from tests.import_support import BASE, folder_sources, load_base, state, workbook

pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")

EXAMPLES = int(os.environ.get("ASN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    # Shrinking a failure re-runs imports for minutes; the failing example is printed anyway.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)

BASE_TEXT = {p.stem: p.read_text(encoding="utf-8") for p in sorted(BASE.glob("*.csv"))}


# ---------------------------------------------------------------------------------------------
# The harness: one store holding the base data, rebuilt only when an import was accepted.
# ---------------------------------------------------------------------------------------------


class Harness:
    def __init__(self) -> None:
        self.store = self._fresh()

    @staticmethod
    def _fresh() -> Store:
        store = Store(":memory:")
        load_base(store)
        return store

    def close(self) -> None:
        self.store.close()

    def run(self, sources: list[Source]) -> ImportResult:
        """Validate (the upload page's first step) and commit; check the property."""
        before = state(self.store)
        with self.store.snapshot() as snap:
            plan = validate(snap.cur, sources, lang="en")
        result = commit(self.store, sources, lang="id", username="fuzz")
        assert plan.ok == result.ok
        for issue in (*result.problems, *result.warnings):
            assert issue.message("id").strip() and issue.message("en").strip()
        if result.ok:
            self.store.close()
            self.store = self._fresh()
            return result
        assert result.problems and result.problem_count >= len(result.problems)
        ids = [p.reason("id") for p in result.problems]
        ens = [p.reason("en") for p in result.problems]
        assert ids != ens, "the two languages give the same text"
        assert state(self.store) == before, "a rejected import changed the store"
        return result


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    h = Harness()
    try:
        yield h
    finally:
        h.close()


# ---------------------------------------------------------------------------------------------
# Broken CSV files: mutations of the base files, random bytes, encodings.
# ---------------------------------------------------------------------------------------------

NASTY_CELLS = [
    "",
    " ",
    '"',
    '""',
    "'",
    "\\",
    ";",
    ",",
    "1e400",
    "-1e400",
    "1e-400",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "99999999999999999999999999",
    "-0",
    "0",
    "3.25",
    "3,5",
    "1.500.000",
    "1,500,000",
    "0x10",
    "٣.٥",  # Arabic-Indic digits: \d matches them
    "３",  # fullwidth digit
    "²",
    "٣",
    "١٩٦٧١١١٠١٩٩٢٠٣١٠٠١",  # a NIP in Arabic-Indic digits
    "１９６７１１１０１９９２０３１００１",  # a NIP in fullwidth digits
    "19671110199203100A",
    "1.96711E+17",
    "196711101992031001.0",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "9999-12-31",
    "2024-1-1",
    "31/12/99999",
    "٢٠٢٤-٠١-٠١",
    "2024-01-01T10:00",
    "45000",
    "45000.5",
    "ya",
    "maybe",
    "x" * 140_000,  # above the csv module's field size limit
    "\u202eRTL",
    "😀",
    "a\nb",
    "a\r\nb",
    "\x00",
    "\x1a",
    "\ufeff",
    "'); drop table employees; --",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
]


def _insert(text: str, at: float, what: str) -> str:
    i = int(len(text) * at)
    return text[:i] + what + text[i:]


@st.composite
def mutated_csv(draw: st.DrawFn) -> Source:
    table = draw(st.sampled_from(sorted(BASE_TEXT)))
    rows = list(csv.reader(io.StringIO(BASE_TEXT[table])))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(
                ["cell", "cell", "cell", "header", "dup_header", "drop_header", "drop_cell",
                 "extra_cell", "dup_row", "drop_rows", "only_header"]
            )
        )  # fmt: skip
        r = draw(st.integers(0, len(rows) - 1)) if rows else 0
        if not rows:
            break
        c = draw(st.integers(0, max(0, len(rows[r]) - 1)))
        if op == "cell" and rows[r]:
            rows[r][c] = draw(st.sampled_from(NASTY_CELLS) | st.text(max_size=20))
        elif op == "header" and rows[0]:
            rows[0][c] = draw(st.sampled_from(["", "NIP", " nip ", "name", "x"]) | st.text())
        elif op == "dup_header" and rows[0]:
            rows[0].append(rows[0][c])
        elif op == "drop_header" and rows[0]:
            del rows[0][c]
        elif op == "drop_cell" and rows[r]:
            del rows[r][c]
        elif op == "extra_cell":
            rows[r].append(draw(st.sampled_from(NASTY_CELLS)))
        elif op == "dup_row":
            rows.append(list(rows[r]))
        elif op == "drop_rows":
            rows = rows[: draw(st.integers(0, len(rows)))]
        elif op == "only_header":
            rows = rows[:1]
    delim = draw(st.sampled_from([",", ",", ";", "\t", "|", " "]))
    buf = io.StringIO()
    quoting = draw(st.sampled_from(["minimal", "all", "none"]))
    writer = {
        "minimal": csv.writer(buf, delimiter=delim, escapechar="\\"),
        "all": csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_ALL, escapechar="\\"),
        "none": csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_NONE, escapechar="\\"),
    }[quoting]
    for row in rows:
        writer.writerow(row)
    text = buf.getvalue()
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.floats(0, 1))
        op = draw(st.sampled_from(["truncate", "quote", "nul", "newline", "bytes"]))
        if op == "truncate":
            text = text[: int(len(text) * at)]
        elif op == "quote":
            text = _insert(text, at, '"')
        elif op == "nul":
            text = _insert(text, at, "\x00")
        elif op == "newline":
            text = _insert(text, at, draw(st.sampled_from(["\n", "\r", "\r\n", "\n\n"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "mixed"]))
    if encoding == "mixed":
        data = text.encode("utf-8", "surrogatepass") + "é;ü".encode("cp1252")
    else:
        data = text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.floats(0, 1))
        i = int(len(data) * at)
        data = data[:i] + draw(st.binary(max_size=8)) + data[i:]
    name = draw(st.sampled_from([f"{table}.csv", f"{table.upper()}.CSV", f" {table}.csv"]))
    return Source(name, data)


@given(st.lists(mutated_csv(), min_size=1, max_size=3))
@FUZZ
def test_broken_csv_never_crashes_and_changes_nothing(
    harness: Harness, files: list[Source]
) -> None:
    harness.run(files)


ANY_NAME = st.sampled_from(
    ["employees.csv", "agencies.csv", "x.csv", "data.xlsx", "data.xls", "book.xlsm", "a.txt", ""]
)


@given(ANY_NAME, st.binary(max_size=2000))
@FUZZ
def test_random_bytes_never_crash(harness: Harness, name: str, data: bytes) -> None:
    harness.run([Source(name, data)])


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n",
        b"\r\n\r\n",
        b" ",
        b"\xef\xbb\xbf",
        b"nip,name,agency_id,unit,position_id\n",
        b"nip;name;agency_id;unit;position_id\r\n;;;;\r\n",
        b'"',
        b'"nip,name',
        b"nip,name\x00,agency_id",
        b",,,,\n,,,,\n",
        b"\xff\xfe" + "nip,name".encode("utf-16-le"),
        b"%PDF-1.4",
    ],
)
def test_empty_and_degenerate_csv(harness: Harness, data: bytes) -> None:
    """Rejected, or (a header and no rows) accepted as an import of nothing, with a warning."""
    result = harness.run([Source("employees.csv", data)])
    if result.ok:
        assert [w.code for w in result.warnings] == ["no_data_rows"]
        assert all(not c.added and not c.changed for c in result.counts.values())


# ---------------------------------------------------------------------------------------------
# Crashes and faults the fuzzer found, kept as plain regression tests.
# ---------------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_windows_1252_file_is_never_handed_to_arrow_as_utf8(harness: Harness) -> None:
    """A Windows-1252 file has as many characters as bytes, which once passed for plain ASCII:
    Arrow got its raw bytes as UTF-8 and its row callback failed to decode a ragged row."""
    data = "nip,name,agency_id,unit,position_id\n196711101992031001,Budi é,1.03.01,U,JAB-01,x\n"
    result = harness.run([Source("employees.csv", data.encode("cp1252"))])
    assert [(p.code, p.row) for p in result.problems] == [("too_many_cells", 2)]
    assert [w.code for w in result.warnings] == ["decoded_cp1252"]


# ---------------------------------------------------------------------------------------------
# Broken workbooks.
# ---------------------------------------------------------------------------------------------

CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(NASTY_CELLS),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 1, 1)),
    st.times(),
    st.sampled_from(["=1/0", "=SUM(A1:A3)", "=NOW()", '=HYPERLINK("http://x","y")', "#N/A"]),
)


def _save(book: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@st.composite
def broken_workbook(draw: st.DrawFn) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    names = draw(
        st.lists(
            st.sampled_from([*BASE_TEXT, "Employees", " agencies ", "Sheet1", "data", "x" * 31]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for name in names:
        ws = book.create_sheet(name.strip() or "x")
        table = name.strip().lower()
        if table in BASE_TEXT and draw(st.booleans()):
            rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(BASE_TEXT[table]))]
        else:
            rows = [[]]
        width = max(len(r) for r in rows) or 3
        for _ in range(draw(st.integers(0, 6))):
            r = draw(st.integers(0, len(rows)))
            c = draw(st.integers(0, width + 1))
            if r == len(rows):
                rows.append([])
            while len(rows[r]) <= c:
                rows[r].append(None)
            value = draw(CELL_VALUES)
            if isinstance(value, str):  # what Excel cannot hold, openpyxl refuses to write
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            rows[r][c] = value
        for row in rows:
            ws.append(row)
        if draw(st.booleans()):
            r0, c0 = draw(st.integers(1, 4)), draw(st.integers(1, 4))
            ws.merge_cells(
                start_row=r0,
                start_column=c0,
                end_row=r0 + draw(st.integers(0, 2)),
                end_column=c0 + draw(st.integers(1, 2)),
            )
    return _save(book)


@given(broken_workbook())
@FUZZ
def test_broken_workbook_never_crashes_and_changes_nothing(harness: Harness, data: bytes) -> None:
    harness.run([Source("data.xlsx", data)])


def _valid_workbook() -> bytes:
    from tests.import_support import workbook_from_csv

    return workbook_from_csv(BASE)


@given(
    st.integers(0, 100_000), st.sampled_from(["truncate", "flip", "zip"]), st.binary(max_size=64)
)
@FUZZ
def test_damaged_xlsx_never_crashes(harness: Harness, at: int, how: str, junk: bytes) -> None:
    data = _valid_workbook()
    if how == "truncate":
        data = data[: at % len(data)]
    elif how == "flip":
        i = at % len(data)
        data = data[:i] + junk + data[i + len(junk) :]
    else:  # a zip that is no workbook, or a workbook with one part replaced by junk
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
            parts = src.namelist()
            broken = parts[at % len(parts)]
            for part in parts:
                out.writestr(part, junk if part == broken else src.read(part))
        data = buf.getvalue()
    harness.run([Source("data.xlsx", data)])


# ---------------------------------------------------------------------------------------------
# The command line: the same files from disk, problems printed in both languages.
# ---------------------------------------------------------------------------------------------


@given(mutated_csv(), st.sampled_from(["id", "en"]))
@settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
def test_cli_prints_problems_never_a_traceback(
    harness: Harness, tmp_path_factory: pytest.TempPathFactory, src: Source, lang: str
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / (src.name.strip() or "x.csv")
    path.write_bytes(src.data)
    out, err = io.StringIO(), io.StringIO()
    before = state(harness.store)
    code = cli_import(harness.store, [path], lang=lang, out=out, err=err)
    assert code in (0, 1)
    if code == 1:
        assert "Traceback" not in err.getvalue()
        headline = "rejected" if lang == "en" else "ditolak"
        assert headline in err.getvalue().lower(), err.getvalue()[:300]
        assert state(harness.store) == before
    else:
        harness.store.close()
        harness.store = Harness._fresh()


def _unused() -> tuple[object, ...]:  # keep imports used while the file grows
    return (folder_sources, workbook, Path)


ASM_HEAD = "nip,competency_id,assessed_on,level\n"


@pytest.mark.parametrize(
    ("table", "text", "column", "code"),
    [
        # Once an uncaught ArrowInvalid: \d matched the digits, Arrow's cast did not.
        ("assessments", ASM_HEAD + "196711101992031001,M.1,2024-03-01,٣.٥\n", "level", "number_format"),
        ("performance", "nip,year,rating\n196711101992031001,٢٠٢٤,Baik\n", "year", "number_format"),
        ("trainings", "training_id,title,hours_jp,start_date,end_date\nX,T,３,2024-01-01,2024-01-02\n",
         "hours_jp", "number_format"),
        # Once accepted: a date in Arabic-Indic digits, and a NIP no other file could match.
        ("assessments", ASM_HEAD + "196711101992031001,M.1,٢٠٢٤-٠١-٠١,3\n", "assessed_on", "date_format"),
        ("assessments", ASM_HEAD + "196711101992031001,M.1,01/01/٢٠٢٤,3\n", "assessed_on", "date_format"),
        ("employees", "nip,name,agency_id,unit,position_id\n"
         "١٩٦٧١١١٠١٩٩٢٠٣١٠٠٢,X,1.03.01,U,JAB-01\n", "nip", "nip_not_digits"),
    ],
)  # fmt: skip
def test_digits_of_other_scripts_are_rejected_not_crashed_on(
    harness: Harness, table: str, text: str, column: str, code: str
) -> None:
    result = harness.run([Source(f"{table}.csv", text.encode())])
    assert [(p.row, p.column, p.code) for p in result.problems] == [(2, column, code)]


def _rewrite(book: bytes, part: str, change: object) -> bytes:
    """The workbook with one zip part replaced by change(old bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            out.writestr(name, change(data) if name == part else data)  # type: ignore[operator]
    return buf.getvalue()


AGENCY_ROWS: list[list[object]] = [["agency_id", "agency_name"], ["9.01", "Dinas Baru"]]


def test_a_sheet_damaged_inside_a_sound_zip_is_a_problem_not_a_crash(harness: Harness) -> None:
    """Once an uncaught ParseError: read-only openpyxl parses a sheet's XML only while the rows
    are read, after load_workbook has succeeded."""
    book = _rewrite(workbook({"agencies": AGENCY_ROWS}), "xl/worksheets/sheet1.xml",
                    lambda xml: xml[: len(xml) // 2])  # fmt: skip
    result = harness.run([Source("data.xlsx", book)])
    assert [(p.code, p.sheet) for p in result.problems] == [("workbook_unreadable", "agencies")]
    assert "ParseError" in result.problems[0].message("en")


def test_a_claimed_dimension_is_not_read_cell_by_cell(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once minutes for a 5 kB file: openpyxl padded every row to the <dimension> the sheet
    claims (A1:XFD1048576) and the reader visited each padded cell."""
    import analytics.importer.workbook as wb

    book = _rewrite(
        workbook({"agencies": AGENCY_ROWS}),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'),
    )
    assert book != workbook({"agencies": AGENCY_ROWS})
    visited = 0
    cell_text = wb._cell_text

    def counting(v: object) -> tuple[str, bool]:
        nonlocal visited
        visited += 1
        return cell_text(v)

    monkeypatch.setattr(wb, "_cell_text", counting)
    result = harness.run([Source("claimed.xlsx", book)])
    assert result.ok, [p.message("en") for p in result.problems]
    assert visited <= 10


def test_formatted_cells_far_right_and_far_down_cost_nothing(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A formatted empty cell at XFD1 widened the header to 16,384 columns (30 s for one data
    row); one far below added a million empty rows. Trailing blank header cells are not
    columns, blank rows are skipped as read, and data right of the header is still reported."""
    from openpyxl.styles import Font

    import analytics.importer.workbook as wb

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "agencies"
    for row in AGENCY_ROWS:
        ws.append(row)
    ws.cell(1, 16384).font = Font(bold=True)
    ws.cell(200_000, 3).font = Font(bold=True)
    ws.cell(2, 4, "a value without a header")
    visited = 0
    cell_text = wb._cell_text

    def counting(v: object) -> tuple[str, bool]:
        nonlocal visited
        visited += 1
        return cell_text(v)

    monkeypatch.setattr(wb, "_cell_text", counting)
    result = harness.run([Source("far.xlsx", _save(book))])
    assert result.ok, [p.message("en") for p in result.problems]
    assert visited <= 16_384 + 10  # the header row once, then the cells that exist
    assert [(w.code, w.params) for w in result.warnings] == [("unnamed_column", {"n": 4})]


def test_a_cost_too_long_to_be_a_number_is_rejected(harness: Harness) -> None:
    """Once stored as infinity: 400 digits pass the number pattern and read as inf."""
    text = "training_id,title,hours_jp,start_date,end_date,cost_idr\n"
    text += "X,T,1,2024-01-01,2024-01-02," + "9" * 400 + "\n"
    result = harness.run([Source("trainings.csv", text.encode())])
    assert [(p.row, p.column, p.code) for p in result.problems] == [
        (2, "cost_idr", "cost_too_large")
    ]


def test_a_header_cell_over_the_csv_field_limit_is_a_problem(harness: Harness) -> None:
    """Once an uncaught csv.Error: the fast path read the header with the csv module outside
    its error handling."""
    text = "agency_id,agency_name," + "x" * 140_000 + "\n9.1,A,b\n"
    result = harness.run([Source("agencies.csv", text.encode())])
    assert [(p.code, p.row) for p in result.problems] == [("csv_broken", 1)]
