"""Fuzzing the importer (issue 7, part 6): broken CSV files and workbooks never crash it.

Property, for every generated import, through the two steps the upload page takes (`validate`
on a snapshot, then `commit`) and through the command line: no exception of any kind escapes; a
rejection lists its problems, each readable in Indonesian and in English; and a rejected import
leaves every table of the store (raw, derived, import log, undo journal, meta) exactly as it
was. Valid files whose text fields look like SQL, HTML, script, markdown or spreadsheet formulas
are accepted and read back from the store byte-identical.

Bounded and stable for CI: a fixed number of examples per test, derandomised, no example
database, no shrinking (the failing example is printed as generated). For a longer hunt:
`ASN_FUZZ_EXAMPLES=1000 ASN_FUZZ_RANDOM=1 pytest tests/analytics/importer/test_import_fuzz.py`.

The generated imports run against one store that keeps what was accepted (rebuilding it per
example would cost a second each); each property compares the store with itself just before.
The crashes found so far are plain regression tests at the end, each on a fresh store.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable, Iterator

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

import analytics.importer.workbook as wb
from analytics.cli.importing import cli_import
from analytics.importer import ImportResult, Source, commit, validate
from analytics.store.db import Store
from tests.support.imports import (
    BASE,
    base_store,
    base_store_file,
    load_base,
    state,
    workbook,
    workbook_from_csv,
)

__all__ = ["base_store", "base_store_file"]  # fixtures

# A pyarrow callback that fails is only "unraisable": make it fail the test.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")

EXAMPLES = int(os.environ.get("ASN_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("ASN_FUZZ_RANDOM"),
    database=None,
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
# The harness
# ---------------------------------------------------------------------------------------------


class Harness:
    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, sources: list[Source]) -> ImportResult:
        """Validate (the upload page's first step), then commit; check the properties."""
        before = state(self.store)
        with self.store.snapshot() as snap:
            plan = validate(snap.cur, sources, lang="en")
        result = commit(self.store, sources, lang="id", username="fuzz")
        assert plan.ok == result.ok
        for issue in (*result.problems, *result.warnings):
            assert issue.message("id").strip() and issue.message("en").strip()
        if result.ok:
            return result
        assert result.problems and result.problem_count >= len(result.problems)
        ids = [p.message("id") for p in result.problems]
        assert ids != [p.message("en") for p in result.problems], "one language for both"
        assert state(self.store) == before, "a rejected import changed the store"
        return result


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    """One store for every generated import of the module (accepted imports stay in it)."""
    store = Store(":memory:")
    load_base(store)
    try:
        yield Harness(store)
    finally:
        store.close()


@pytest.fixture
def fresh(base_store: Store) -> Harness:
    """A store holding exactly the base data, for the regression tests."""
    return Harness(base_store)


# ---------------------------------------------------------------------------------------------
# Broken CSV files: mutations of the base files (cells, headers, rows, delimiters, quotes,
# truncation, NULs, encodings), random bytes, empty and header-only files.
# ---------------------------------------------------------------------------------------------

NUMBERS = ["1e400", "-1e400", "1e-400", "9" * 400, "nan", "inf", "-inf", "-0", "0", "-1",
           "99999999999999999999999999", "3.25", "3,5", "3.5", "1.500.000", "1,500,000",
           "1.5.0", "0x10", "٣.٥", "３", "²", "½", "5.01", "0.99", "+3", "3.", ".5", "1 000"]  # fmt: skip
DATES = ["2024-02-30", "2024-13-01", "0000-00-00", "9999-12-31", "1899-12-31", "2024-1-1",
         "31/12/99999", "٢٠٢٤-٠١-٠١", "2024-01-01T10:00", "2024-01-01 00:00:00", "45000",
         "45000.5", "15-03-2024", "03/15/2024", "2024/03/15", "today"]  # fmt: skip
NIPS = ["19671110199203100A", "1.96711E+17", "196711101992031001.0", "196711101992031000",
        "19671110199203100", "1967111019920310011", "١٩٦٧١١١٠١٩٩٢٠٣١٠٠١",
        "１９６７１１１０１９９２０３１００１", "196711101992031001 ", " 196711101992031001",
        "1967 1110 1992 031001", "-196711101992031001"]  # fmt: skip
HOSTILE = [
    "'); drop table employees; --",
    "Robert'); DROP TABLE students;--",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</div><h1>besar</h1>",
    '=HYPERLINK("http://evil.example","klik")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "**tebal** _miring_ [tautan](javascript:alert(1))",
    "# judul",
    "$x^2$ :red[merah] {nama} %s {{x}}",
    "a\\b",
    '"kutip"',
    "😀 \u202eRTL \u200b",
]
OTHER = ["", " ", '"', '""', "'", ";", ",", "ya", "maybe", "x" * 140_000, "a\nb", "a\r\nb",
         "\x00", "\x1a", "\ufeff"]  # fmt: skip
NASTY = st.sampled_from(NUMBERS + DATES + NIPS + HOSTILE + OTHER) | st.text(max_size=20)


def _insert(text: str, at: float, what: str) -> str:
    i = int(len(text) * at)
    return text[:i] + what + text[i:]


@st.composite
def mutated_csv(draw: st.DrawFn) -> Source:
    table = draw(st.sampled_from(sorted(BASE_TEXT)))
    rows = list(csv.reader(io.StringIO(BASE_TEXT[table])))
    ops = ["cell"] * 6 + ["header", "dup_header", "drop_header", "drop_cell", "extra_cell",
                          "dup_row", "drop_rows", "only_header"]  # fmt: skip
    for _ in range(draw(st.integers(1, 4))):
        if not rows:
            break
        op = draw(st.sampled_from(ops))
        if op in ("header", "dup_header", "drop_header"):
            r = 0
        elif op == "cell":  # a data row: a cell of a known column, a value of the wrong kind
            r = draw(st.integers(1, len(rows) - 1)) if len(rows) > 1 else 0
        else:
            r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, max(0, len(rows[r]) - 1)))
        if op == "cell" and rows[r]:
            rows[r][c] = draw(NASTY)
        elif op == "header" and rows[0]:
            rows[0][c] = draw(
                st.sampled_from(["", "NIP", " nip ", "Name", "x", "x" * 140_000]) | st.text()
            )
        elif op == "dup_header" and rows[0]:
            rows[0].append(rows[0][c])
        elif op == "drop_header" and rows[0]:
            del rows[0][c]
        elif op == "drop_cell" and rows[r]:
            del rows[r][c]
        elif op == "extra_cell":
            rows[r].append(draw(NASTY))
        elif op == "dup_row":
            rows.append(list(rows[r]))
        elif op == "drop_rows":
            rows = rows[: draw(st.integers(0, len(rows)))]
        elif op == "only_header":
            rows = rows[:1]
    delim = draw(st.sampled_from([",", ",", ";", ";", "\t", "|", " "]))
    buf = io.StringIO()
    writer = draw(st.sampled_from(["minimal", "all", "none"]))
    out = {
        "minimal": csv.writer(buf, delimiter=delim, escapechar="\\"),
        "all": csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_ALL, escapechar="\\"),
        "none": csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_NONE, escapechar="\\"),
    }[writer]
    for row in rows:
        out.writerow(row)
    text = buf.getvalue()
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.floats(0, 1))
        op = draw(st.sampled_from(["truncate", "quote", "nul", "newline"]))
        if op == "truncate":
            text = text[: int(len(text) * at)]
        elif op == "quote":
            text = _insert(text, at, '"')
        elif op == "nul":
            text = _insert(text, at, "\x00")
        else:
            text = _insert(text, at, draw(st.sampled_from(["\n", "\r", "\r\n", "\n\n"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "mixed"]))
    if encoding == "mixed":  # a UTF-8 file with a Windows-1252 line pasted in
        data = text.encode("utf-8", "surrogatepass") + "é;ü;Ø".encode("cp1252")
    else:
        data = text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")
    if draw(st.booleans()):
        i = int(len(data) * draw(st.floats(0, 1)))
        data = data[:i] + draw(st.binary(max_size=8)) + data[i:]
    name = draw(st.sampled_from([f"{table}.csv", f"{table.upper()}.CSV", f" {table}.csv"]))
    return Source(name, data)


@given(st.lists(mutated_csv(), min_size=1, max_size=3))
@FUZZ
def test_broken_csv_never_crashes_and_a_rejection_changes_nothing(
    harness: Harness, files: list[Source]
) -> None:
    harness.run(files)


@given(
    st.sampled_from(
        [
            "employees.csv",
            "agencies.csv",
            "x.csv",
            "data.xlsx",
            "data.xls",
            "book.xlsm",
            "a.txt",
            "",
            "employees",
        ]
    ),  # fmt: skip
    st.binary(max_size=2000),
)
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
        b"nip\tname\tagency_id\tunit\tposition_id\n1\t2\t3\t4\t5\n",
        b'"',
        b'"nip,name',
        b"nip,name\x00,agency_id",
        b",,,,\n,,,,\n",
        b"\xff\xfe" + "nip,name".encode("utf-16-le"),
        b"%PDF-1.4",
        b"PK\x03\x04",
    ],
)
def test_empty_and_degenerate_csv(harness: Harness, data: bytes) -> None:
    """Rejected, or (a header and no rows) accepted as an import of nothing, with a warning."""
    result = harness.run([Source("employees.csv", data)])
    if result.ok:
        assert [w.code for w in result.warnings] == ["no_data_rows"]
        assert all(not c.added and not c.changed for c in result.counts.values())


# ---------------------------------------------------------------------------------------------
# Broken workbooks: wrong sheets, odd and merged cells, formulas, numbers where text belongs,
# dates as serial numbers, and damaged files (truncated, bytes flipped, a part replaced).
# ---------------------------------------------------------------------------------------------

CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(NUMBERS + DATES + NIPS + HOSTILE + OTHER[:-5]),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(20_000, 60_000),  # a date as Excel's serial number
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 1, 1)),
    st.times(),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=10)),
    st.sampled_from(["=1/0", "=SUM(A1:A3)", "=NOW()", '=HYPERLINK("http://x","y")', "#N/A"]),
)


def _save(book: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _typed(value: str) -> object:
    """A base cell as a careless workbook holds it: digits become numbers (NIPs, ids too)."""
    try:
        return int(value) if value.isascii() and value.isdigit() else float(value)
    except ValueError:
        return value


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
        rows: list[list[object]] = [[]]
        if table in BASE_TEXT and draw(st.booleans()):
            typed = draw(st.booleans())
            rows = [[_typed(v) if typed and i else v for v in r]
                    for i, r in enumerate(csv.reader(io.StringIO(BASE_TEXT[table])))]  # fmt: skip
        width = max(len(r) for r in rows) or 3
        for _ in range(draw(st.integers(0, 6))):
            r = draw(st.integers(0, len(rows)))
            c = draw(st.integers(0, width + 1))
            if r == len(rows):
                rows.append([])
            rows[r].extend([None] * (c + 1 - len(rows[r])))
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
        if draw(st.booleans()):  # a formatted cell far away, as whole-row formatting leaves
            ws.cell(draw(st.integers(1, 5000)), draw(st.integers(1, 300))).font = Font(bold=True)
    return _save(book)


@given(broken_workbook())
@FUZZ
def test_broken_workbook_never_crashes_and_a_rejection_changes_nothing(
    harness: Harness, data: bytes
) -> None:
    harness.run([Source("data.xlsx", data)])


VALID_BOOK = workbook_from_csv(BASE)


@given(
    st.integers(0, 100_000), st.sampled_from(["truncate", "flip", "part"]), st.binary(max_size=64)
)
@FUZZ
def test_damaged_xlsx_never_crashes(harness: Harness, at: int, how: str, junk: bytes) -> None:
    data = VALID_BOOK
    if how == "truncate":
        data = data[: at % len(data)]
    elif how == "flip":
        i = at % len(data)
        data = data[:i] + junk + data[i + len(junk) :]
    else:  # a sound zip with one part replaced by junk or cut short
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.namelist()
        part = parts[at % len(parts)]
        data = _rewrite(data, part, lambda old: junk or old[: len(old) // 2])
    harness.run([Source("data.xlsx", data)])


# ---------------------------------------------------------------------------------------------
# The command line: files from disk, every problem printed in the language asked for.
# ---------------------------------------------------------------------------------------------


@given(mutated_csv(), st.sampled_from(["id", "en"]))
@settings(FUZZ, max_examples=max(8, EXAMPLES // 4))
def test_cli_prints_problems_never_a_traceback(
    harness: Harness, tmp_path_factory: pytest.TempPathFactory, src: Source, lang: str
) -> None:
    path = tmp_path_factory.mktemp("cli") / (src.name.strip() or "x.csv")
    path.write_bytes(src.data)
    out, err = io.StringIO(), io.StringIO()
    before = state(harness.store)
    code = cli_import(harness.store, [path], lang=lang, out=out, err=err)
    assert code in (0, 1)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    if code == 1:
        assert ("REJECTED" if lang == "en" else "DITOLAK") in err.getvalue()
        assert state(harness.store) == before
    else:
        assert ("stored" if lang == "en" else "tersimpan") in out.getvalue()


# ---------------------------------------------------------------------------------------------
# Valid files whose text looks like code: accepted, and stored as the very same text.
# ---------------------------------------------------------------------------------------------

HOSTILE_NIP = "199505052020122004"  # not in the base data
# Fixed across examples: one programme title may name one competency only.
HOSTILE_COMPETENCY = "K.<b>'1"
PRINTABLE = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(lambda t: t == t.strip())
TEXTS = st.sampled_from([*HOSTILE, "baris\nbaru"]) | PRINTABLE


def hostile_tables(v: list[str]) -> dict[str, list[list[str]]]:
    """Every text field of docs/import-formats.md filled from v (ids too), one row per table."""
    agency, position, training = f"A{v[0]}", f"P{v[1]}", f"T{v[2]}"
    return {
        "agencies": [["agency_id", "agency_name", "instansi"], [agency, v[3], v[4]]],
        "positions": [["position_id", "position_name", "job_type", "job_family"],
                      [position, v[5], v[6], v[7]]],
        "competencies": [["competency_id", "competency_name", "competency_group"],
                         [HOSTILE_COMPETENCY, v[8], "teknis"]],
        "standards": [["position_id", "competency_id", "required_level"],
                      [position, HOSTILE_COMPETENCY, "3"]],
        "employees": [["nip", "name", "agency_id", "unit", "position_id", "rank"],
                      [HOSTILE_NIP, v[9], agency, v[10], position, v[11]]],
        "assessments": [["nip", "competency_id", "assessed_on", "level", "method"],
                        [HOSTILE_NIP, HOSTILE_COMPETENCY, "2024-05-02", "2", v[12]]],
        "trainings": [["training_id", "title", "competency_id", "hours_jp", "start_date",
                       "end_date", "provider", "mode"],
                      [training, v[13], HOSTILE_COMPETENCY, "8", "2024-06-01", "2024-06-02",
                       v[14], v[15]]],
        "participations": [["training_id", "nip", "completed"], [training, HOSTILE_NIP, "ya"]],
    }  # fmt: skip


STORED = [  # (table, id column, id, [(column, index in v)])
    ("agencies", "agency_id", lambda v: f"A{v[0]}", [("agency_name", 3), ("instansi", 4)]),
    ("positions", "position_id", lambda v: f"P{v[1]}",
     [("position_name", 5), ("job_type", 6), ("job_family", 7)]),
    ("competencies", "competency_id", lambda v: HOSTILE_COMPETENCY, [("competency_name", 8)]),
    ("employees", "nip", lambda v: HOSTILE_NIP, [("name", 9), ("unit", 10), ("rank", 11)]),
    ("trainings", "training_id", lambda v: f"T{v[2]}", [("title", 13), ("provider", 14),
                                                       ("mode", 15)]),
]  # fmt: skip


def as_sources(tables: dict[str, list[list[str]]], form: str) -> list[Source]:
    if form == "xlsx":
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in tables.items():
            ws = book.create_sheet(name)
            for row in rows:
                ws.append(row)
            for row_cells in ws.iter_rows():
                for cell in row_cells:
                    cell.data_type = "s"  # "=1+1" typed into a Text-formatted cell stays text
        return [Source("data.xlsx", _save(book))]
    out = []
    for name, rows in tables.items():
        buf = io.StringIO()
        csv.writer(buf, delimiter=";" if form == "semicolon" else ",").writerows(rows)
        out.append(Source(f"{name}.csv", buf.getvalue().encode("utf-8")))
    return out


@given(st.lists(TEXTS, min_size=16, max_size=16), st.sampled_from(["comma", "semicolon", "xlsx"]))
@settings(FUZZ, max_examples=max(8, EXAMPLES // 4))
def test_text_that_looks_like_code_is_stored_as_the_same_text(
    harness: Harness, v: list[str], form: str
) -> None:
    result = harness.run(as_sources(hostile_tables(v), form))
    assert result.ok, [p.message("en") for p in result.problems]
    cur = harness.store.cursor()
    try:
        for table, id_col, ident, columns in STORED:
            names = ", ".join(c for c, _ in columns)
            got = cur.execute(
                f"select {names} from {table} where {id_col} = $id", {"id": ident(v)}
            ).fetchall()
            assert got == [tuple(v[i] for _, i in columns)], table
        method = cur.execute(
            "select a.method from assessments a join employees e using (emp_key) "
            "where e.nip = $nip and a.assessed_on = '2024-05-02'",
            {"nip": HOSTILE_NIP},
        ).fetchall()
        assert method == [(v[12],)]
    finally:
        cur.close()


# ---------------------------------------------------------------------------------------------
# Crashes and faults the fuzzer found, kept as plain regression tests on a fresh store.
# ---------------------------------------------------------------------------------------------


def _rewrite(book: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one zip part replaced by change(old bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            out.writestr(name, change(data) if name == part else data)
    return buf.getvalue()


def test_windows_1252_file_is_never_handed_to_arrow_as_utf8(fresh: Harness) -> None:
    """A Windows-1252 file has as many characters as bytes, which once passed for plain ASCII:
    Arrow got its raw bytes as UTF-8 and its row callback failed to decode a ragged row."""
    data = "nip,name,agency_id,unit,position_id\n196711101992031001,Budi é,1.03.01,U,JAB-01,x\n"
    result = fresh.run([Source("employees.csv", data.encode("cp1252"))])
    assert [(p.code, p.row) for p in result.problems] == [("too_many_cells", 2)]
    assert [w.code for w in result.warnings] == ["decoded_cp1252"]


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
    fresh: Harness, table: str, text: str, column: str, code: str
) -> None:
    result = fresh.run([Source(f"{table}.csv", text.encode())])
    assert [(p.row, p.column, p.code) for p in result.problems] == [(2, column, code)]


AGENCY_ROWS: list[list[object]] = [["agency_id", "agency_name"], ["9.01", "Dinas Baru"]]


def test_a_sheet_damaged_inside_a_sound_zip_is_a_problem_not_a_crash(fresh: Harness) -> None:
    """Once an uncaught ParseError: read-only openpyxl parses a sheet's XML only while the rows
    are read, after load_workbook has succeeded."""
    book = _rewrite(workbook({"agencies": AGENCY_ROWS}), "xl/worksheets/sheet1.xml",
                    lambda xml: xml[: len(xml) // 2])  # fmt: skip
    result = fresh.run([Source("data.xlsx", book)])
    assert [(p.code, p.sheet) for p in result.problems] == [("workbook_unreadable", "agencies")]
    assert "ParseError" in result.problems[0].message("en")


def test_a_claimed_dimension_is_not_read_cell_by_cell(
    fresh: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once minutes for a 5 kB file: openpyxl padded every row to the <dimension> the sheet
    claims (A1:XFD1048576) and the reader visited each padded cell."""
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
    result = fresh.run([Source("claimed.xlsx", book)])
    assert result.ok, [p.message("en") for p in result.problems]
    assert visited <= 10


def test_formatted_cells_far_right_and_far_down_cost_nothing(
    fresh: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A formatted empty cell at XFD1 widened the header to 16,384 columns (30 s for one data
    row); one far below added a million empty rows. Trailing blank header cells are not
    columns, blank rows are skipped as read, and data right of the header is still reported."""
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
    result = fresh.run([Source("far.xlsx", _save(book))])
    assert result.ok, [p.message("en") for p in result.problems]
    assert visited <= 16_384 + 10  # the header row once, then the cells that exist
    assert [(w.code, w.params) for w in result.warnings] == [("unnamed_column", {"n": 4})]


def test_a_cost_too_long_to_be_a_number_is_rejected(fresh: Harness) -> None:
    """Once stored as infinity: 400 digits pass the number pattern and read as inf."""
    text = "training_id,title,hours_jp,start_date,end_date,cost_idr\n"
    text += "X,T,1,2024-01-01,2024-01-02," + "9" * 400 + "\n"
    result = fresh.run([Source("trainings.csv", text.encode())])
    assert [(p.row, p.column, p.code) for p in result.problems] == [
        (2, "cost_idr", "cost_too_large")
    ]


def test_a_header_cell_over_the_csv_field_limit_is_a_problem(fresh: Harness) -> None:
    """Once an uncaught csv.Error: the fast path read the header with the csv module outside
    its error handling."""
    text = "agency_id,agency_name," + "x" * 140_000 + "\n9.1,A,b\n"
    result = fresh.run([Source("agencies.csv", text.encode())])
    assert [(p.code, p.row) for p in result.problems] == [("csv_broken", 1)]
