"""`python -m analytics export`: columns, formatting, sorting, validation, header-only output."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.cli.export import format_floats, format_value, sort_rows
from analytics.store.db import Store
from tests.support.exports import csv_lines, run
from tests.support.fixtures import E, store_of, world


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = store_of(world())
    try:
        yield s
    finally:
        s.close()


@pytest.mark.parametrize(
    "value, text",
    [
        (3, "3"),
        (np.int64(7), "7"),
        (3.0, "3"),  # integer-valued numbers without a decimal point
        (-0.0, "0"),
        (1e16, "10000000000000000"),
        (2.5, "2.5"),
        (0.1 + 0.2, "0.30000000000000004"),  # unrounded: the shortest text of that double
        (float(F(620, 6)), "103.33333333333333"),
        (1e-05, "1e-05"),
        (Decimal("2.50"), "2.5"),
        (True, "true"),
        (np.bool_(False), "false"),
        (math.nan, None),
        (None, None),
        (pd.NA, None),
        ("Cukup Optimal", "Cukup Optimal"),
    ],
)
def test_format_value(value, text) -> None:
    got = format_value(value)
    assert got == text
    if isinstance(value, float) and text is not None:
        assert float(got) == value  # reads back as the same double


def test_column_formatting_equals_format_value() -> None:
    """The numpy column formatter writes exactly what format_value writes, value by value:
    whole numbers (also beyond int64 and -0.0), the shortest repr in both notations, None and
    NaN; a column holding anything but floats is left to format_value."""
    rng = np.random.default_rng(5)
    spread = rng.standard_normal(20_000) * 10.0 ** rng.integers(-12, 25, 20_000)
    awkward = [3.0, -0.0, 1e16, 2.0**63, -(2.0**70), 2.5, 0.1 + 0.2, float(F(620, 6)), 1e-05,
               1.5e-07, 5e-324, 1.7976931348623157e308, math.nan, None, 1e15 + 0.5]  # fmt: skip
    values = [*awkward, *spread.tolist(), *np.round(spread, 1).tolist()]
    assert format_floats(values) == [format_value(v) for v in values]
    assert format_floats([np.float64(2.5), None]) == ["2.5", None]
    assert format_floats([1.5, 2]) is None and format_floats([1.5, "x"]) is None
    with pytest.raises(ValueError, match="infinite"):
        format_floats([1.0, math.inf])


def test_strings_sort_by_code_point() -> None:
    rows = [["a", 1], ["É", 2], ["Z", 3], ["B", 4], ["b", 5]]
    got = sort_rows("gap-summary", rows, ["job_family", "employees"], ["job_family"])
    assert [r[0] for r in got] == ["B", "Z", "a", "b", "É"]


def test_jpm_csv(store) -> None:
    def jpm(*scores: tuple[str, int]) -> str:
        return repr(float(100 * sum(F(v) for v, _ in scores) / sum(r for _, r in scores)))

    assert csv_lines(store, "jpm") == [
        "nip,year,jpm,category",
        f"{E[1]},2024,{jpm(('3.2', 3), ('3.0', 3))},Optimal",  # 103.33333333333333
        f"{E[2]},2024,91.25,Optimal",  # 100 x (2.7 + 2.4 + 2.2) / (3 + 3 + 2)
        f"{E[4]},2024,90,Optimal",  # 100 x (2.7 + 2.7) / 6: exactly 90, no decimal point
        f"{E[5]},2024,125,Optimal",
        f"{E[6]},2024,77.5,Kurang Optimal",
        f"{E[7]},2024,80,Cukup Optimal",
    ]


def test_employee_gaps_csv(store) -> None:
    lines = csv_lines(store, "employee-gaps", "--agency", "DINKES")
    assert lines == [
        "nip,year,competency_id,level,required_level,gap,meets",
        f"{E[1]},2024,M.1,3.2,3,0.2,true",
        f"{E[1]},2024,M.2,3,3,0,true",  # level 3.0 and gap 0 are integers
        f"{E[2]},2024,M.1,2.7,3,-0.3,false",
        f"{E[2]},2024,M.2,2.2,2,0.2,true",
        f"{E[2]},2024,SK.1,2.4,3,-0.6,false",
    ]


def test_gap_summary_unit_shared_name_and_sort(store) -> None:
    lines = csv_lines(store, "gap-summary", "--by", "unit", "--unit", "Sekretariat")
    # Sekretariat in DINKES (e1: 3.2/3, 3.0/3) and in KRC (e4: 2.7/3, 2.7/3; e5: 2.5/2)
    krc_level = repr(float((F("2.7") + F("2.7") + F("2.5")) / 3))
    krc_req = repr(float(F(3 + 3 + 2, 3)))
    krc_gap = repr(float((F("2.7") + F("2.7") + F("2.5") - 8) / 3))
    krc_short = repr(float((F("0.3") + F("0.3")) / 3))
    krc_pct = repr(float(F(100, 3)))
    assert lines == [
        "agency_id,unit,employees,mean_level,mean_required,mean_gap,mean_shortfall,pct_meeting",
        "DINKES,Sekretariat,1,3.1,3,0.1,0,100",
        f"KRC,Sekretariat,2,{krc_level},{krc_req},{krc_gap},{krc_short},{krc_pct}",
    ]
    narrowed = csv_lines(store, "gap-summary", "--by", "unit", "--unit", "Sekretariat",
                         "--agency", "KRC")  # fmt: skip
    assert narrowed == [lines[0], lines[2]]


def test_trend_json(store) -> None:
    code, out, err = run(store, "trend", "--format", "json", "--agency", "KRC")
    assert code == 0, err
    assert json.loads(out) == [
        {
            "year": 2024,
            "employees": 2,
            "mean_level": float((F("2.7") + F("2.7") + F("2.5")) / 3),
            "mean_gap": float((F("2.7") + F("2.7") + F("2.5") - 8) / 3),
            "mean_shortfall": float((F("0.3") + F("0.3")) / 3),
            "pct_meeting": float(F(100, 3)),
            "mean_jpm": 107.5,  # (90 + 125) / 2
        }
    ]
    assert '"employees": 2,' in out and '"mean_jpm": 107.5' in out  # integers stay integers


def test_training_impact_empty_values(store) -> None:
    assert csv_lines(store, "training-impact") == [
        "competency_id,n_treated,n_control,effect,ci_low,ci_high",
        "M.1,3,1,,,",  # fewer than 10 per arm: empty effect and interval
        "M.2,0,3,,,",
    ]
    code, out, _ = run(store, "training-impact", "--by", "program", "--format", "json")
    assert code == 0
    first = json.loads(out)[0]
    assert first == {"title": "Coaching Integritas", "n_treated": 1, "n_control": 1,
                     "effect": None, "ci_low": None, "ci_high": None}  # fmt: skip


def test_training_needs_order(store) -> None:
    lines = csv_lines(store, "training-needs")
    assert lines == [
        "agency_id,unit,competency_id,employees_below,mean_shortfall,priority,recommended_training",
        "BKD,Mutasi,M.1,2,0.45,0.9,",  # (0.5 + 0.4) / 2; priority 0.9
        "BKD,Mutasi,M.2,2,0.4,0.8,",
        "DINKES,Pelayanan,SK.1,1,0.6,0.6,",
        "DINKES,Pelayanan,M.1,1,0.3,0.3,",  # ties at 0.3: agency_id, unit, competency_id
        "KRC,Sekretariat,M.1,1,0.3,0.3,",
        "KRC,Sekretariat,M.2,1,0.3,0.3,",
    ]


def test_jp_compliance_years(store) -> None:
    lines = csv_lines(store, "jp-compliance")
    # 2022 (a completed training, no assessment), 2023, 2024; 7 employees each year
    assert lines == [
        "year,employees,mean_jp,pct_20jp",
        f"2022,7,{float(F(2, 7))!r},0",
        f"2023,7,{float(F(8 + 8 + 6, 7))!r},0",
        f"2024,7,{float((24 + F('12.75') + 20) / 7)!r},{float(F(200, 7))!r}",
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["jpm", "--year", "2030"],  # a year without data
        ["employee-gaps", "--agency", "KRC", "--year", "2023"],  # known, selects nothing
        ["gap-summary", "--unit", "Mutasi", "--agency", "DINKES"],
        ["training-impact", "--year", "2023"],
        ["jp-compliance", "--year", "2021"],
    ],
)
def test_header_only(store, argv) -> None:
    lines = csv_lines(store, *argv)
    assert len(lines) == 1 and "," in lines[0]
    code, out, _ = run(store, *argv, "--format", "json")
    assert code == 0 and out.strip() == "[]"


@pytest.mark.parametrize(
    "argv, mentions",
    [
        (["jpm", "--agency", "dinkes"], "--agency"),  # case-sensitive
        (["jpm", "--agency", "DINKES", "--agency", "NOPE"], "NOPE"),
        (["trend", "--unit", "Sekretariat "], "--unit"),  # exact: no trimming
        (["trend", "--job-family", "kesehatan"], "--job-family"),
        (["trend", "--job-type", "Ahli"], "--job-type"),
        (["trend", "--by", "unit"], "--by"),
        (["jpm-summary", "--by", "competency"], "--by"),
        (["gap-summary", "--by", "none"], "--by"),
        (["jpm", "--by", "agency"], "--by"),
        (["training-needs", "--by", "competency"], "--by"),
    ],
)
def test_usage_errors_exit_2(store, argv, mentions) -> None:
    code, out, err = run(store, *argv)
    assert code == 2
    assert out == "" and mentions in err


def test_out_file_is_utf8_without_bom(store, tmp_path: Path) -> None:
    target = tmp_path / "gaps.csv"
    code, out, _ = run(store, "gap-summary", "--by", "agency", "--out", str(target))
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    assert data.decode("utf-8").splitlines()[0].startswith("agency_id,employees,")


def test_csv_rows_are_written_as_csv_writer_writes_them() -> None:
    """write_csv joins whole columns; its text equals csv.writer's for the same values:
    commas, quotes, line breaks, empty strings, None, NaN, unicode, one column or several."""
    import csv

    from analytics.cli.export import write_csv

    rng = np.random.default_rng(11)
    pieces = ["a", "É", ",", '"', "\n", "\r", " ", "", "Dinas", "x,y", 'say "hi"']
    words = ["".join(rng.choice(pieces, size=int(rng.integers(0, 4)))) for _ in range(400)]
    rows = [
        [w, int(rng.integers(-5, 10**6)), float(rng.standard_normal()) if i % 7 else None,
         None if i % 5 == 0 else w.upper(), math.nan if i % 11 == 0 else i / 3]
        for i, w in enumerate(words)
    ]  # fmt: skip
    columns = ["name", "n", "x", "label", "y"]
    for cols, data in ((columns, rows), (["name"], [[r[0]] for r in rows]), (columns, [])):
        got = io.StringIO()
        write_csv(got, cols, data)
        want = io.StringIO()
        w = csv.writer(want, delimiter=",", lineterminator="\n")
        w.writerow(cols)
        w.writerows([["" if (t := format_value(v)) is None else t for v in r] for r in data])
        assert got.getvalue() == want.getvalue()
