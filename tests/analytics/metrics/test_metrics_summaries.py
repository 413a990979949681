"""gap-summary and jpm-summary on the world of fixtures.py (2024, the latest year).

Each group's scores are listed by hand from the fixture's table; the expected figures are the
exact arithmetic on them (fractions), compared with the returned doubles for equality.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction as F

import duckdb
import pytest

from analytics import metrics
from analytics.core.filters import Filters
from tests.support.fixtures import store_of, world


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def gap_figures(employees: int, scores: list[tuple[str, int]]) -> dict[str, float | int]:
    """The summary of hand-listed (level, required) scores: means over scores, each once."""
    n = len(scores)
    levels = sum(F(level) for level, _ in scores)
    required = sum(F(req) for _, req in scores)
    shortfall = sum(max(req - F(level), F(0)) for level, req in scores)
    meeting = sum(1 for level, req in scores if F(level) >= req)
    return {
        "employees": employees,
        "mean_level": float(levels / n),
        "mean_required": float(required / n),
        "mean_gap": float((levels - required) / n),
        "mean_shortfall": float(shortfall / n),
        "pct_meeting": float(F(100 * meeting, n)),
    }


def records(df, keys: list[str]) -> dict:
    return {tuple(r[k] for k in keys): {c: r[c] for c in df.columns if c not in keys}
            for r in df.to_dict("records")}  # fmt: skip


# the 2024 scores with a standard, by employee (fixtures.py)
S = {
    1: [("3.2", 3), ("3.0", 3)],  # ADM: M.1, M.2
    2: [("2.7", 3), ("2.4", 3)],  # FUN: M.1, SK.1
    "2@PEL": [("2.2", 2)],  # e2's M.2, assessed as Pelaksana
    4: [("2.7", 3), ("2.7", 3)],  # ADM
    5: [("2.5", 2)],  # PEL: M.1 (M.2 has no standard)
    6: [("1.5", 2), ("1.6", 2)],  # PEL
    7: [("1.6", 2), ("1.6", 2)],  # PEL
}


@pytest.mark.parametrize(
    "by, keys, expected",
    [
        ("competency", ["competency_id"], {
            ("M.1",): gap_figures(6, [("3.2", 3), ("2.7", 3), ("2.7", 3), ("2.5", 2),
                                      ("1.5", 2), ("1.6", 2)]),
            ("M.2",): gap_figures(5, [("3.0", 3), ("2.2", 2), ("2.7", 3), ("1.6", 2),
                                      ("1.6", 2)]),
            ("SK.1",): gap_figures(1, [("2.4", 3)]),
        }),
        ("agency", ["agency_id"], {
            ("DINKES",): gap_figures(2, S[1] + S[2] + S["2@PEL"]),
            ("KRC",): gap_figures(2, S[4] + S[5]),
            ("BKD",): gap_figures(2, S[6] + S[7]),  # e3 has no 2024 scores
        }),
        ("unit", ["agency_id", "unit"], {
            ("DINKES", "Sekretariat"): gap_figures(1, S[1]),
            ("DINKES", "Pelayanan"): gap_figures(1, S[2] + S["2@PEL"]),
            ("KRC", "Sekretariat"): gap_figures(2, S[4] + S[5]),
            ("BKD", "Mutasi"): gap_figures(2, S[6] + S[7]),
        }),
        ("job_family", ["job_family"], {
            ("Kesehatan",): gap_figures(3, S[1] + S[2] + S[4]),
            ("Umum",): gap_figures(4, S["2@PEL"] + S[5] + S[6] + S[7]),
        }),
        ("job_type", ["job_type"], {
            ("Administrator",): gap_figures(2, S[1] + S[4]),
            ("Fungsional Ahli Muda",): gap_figures(1, S[2]),
            ("Pelaksana",): gap_figures(4, S["2@PEL"] + S[5] + S[6] + S[7]),
        }),
        ("position", ["position_id"], {
            ("ADM",): gap_figures(2, S[1] + S[4]),
            ("FUN",): gap_figures(1, S[2]),
            ("PEL",): gap_figures(4, S["2@PEL"] + S[5] + S[6] + S[7]),
        }),
    ],
)  # fmt: skip
def test_gap_summary(cur, by, keys, expected) -> None:
    df = metrics.gap_summary(cur, Filters(), by=by)
    assert list(df.columns) == [*keys, "employees", "mean_level", "mean_required", "mean_gap",
                                "mean_shortfall", "pct_meeting"]  # fmt: skip
    assert records(df, keys) == expected
    assert list(df[keys].itertuples(index=False, name=None)) == sorted(expected)


def test_gap_summary_default_by_is_competency(cur) -> None:
    assert list(metrics.gap_summary(cur, Filters()).columns)[0] == "competency_id"


@pytest.mark.parametrize(
    "f, by, keys, expected",
    [
        # AND across filters, OR within one: ADM scores of DINKES or KRC
        (Filters(agencies=("DINKES", "KRC"), job_types=("Administrator",)), "competency",
         ["competency_id"], {
            ("M.1",): gap_figures(2, [("3.2", 3), ("2.7", 3)]),
            ("M.2",): gap_figures(2, [("3.0", 3), ("2.7", 3)]),
        }),
        # a unit name shared by two agencies: both, each its own row
        (Filters(units=(("", "Sekretariat"),)), "unit", ["agency_id", "unit"], {
            ("DINKES", "Sekretariat"): gap_figures(1, S[1]),
            ("KRC", "Sekretariat"): gap_figures(2, S[4] + S[5]),
        }),
        (Filters(year=2023), "agency", ["agency_id"], {
            ("DINKES",): gap_figures(2, [("2.5", 3), ("3.0", 3), ("2.0", 2), ("2.1", 2)]),
            ("BKD",): gap_figures(2, [("1.4", 2), ("1.6", 2), ("1.2", 2)]),
        }),
    ],
)  # fmt: skip
def test_gap_summary_filtered(cur, f, by, keys, expected) -> None:
    assert records(metrics.gap_summary(cur, f, by=by), keys) == expected


def jpm_figures(jpms: list[F]) -> dict[str, float | int]:
    """Summary over the group's employees of their (hand-computed) JPMs for the group."""
    n = len(jpms)

    def pct(pred) -> float:
        return float(F(100 * sum(1 for j in jpms if pred(j)), n))

    return {
        "employees": n,
        "mean_jpm": float(sum(jpms) / n),
        "pct_optimal": pct(lambda j: j >= 90),
        "pct_cukup_optimal": pct(lambda j: 78 <= j < 90),
        "pct_kurang_optimal": pct(lambda j: j < 78),
    }


# whole-year 2024 JPMs
J = {
    1: 100 * (F("3.2") + F("3.0")) / 6,
    2: 100 * (F("2.7") + F("2.4") + F("2.2")) / 8,
    4: 100 * (F("2.7") + F("2.7")) / 6,  # exactly 90: Optimal
    5: 100 * F("2.5") / 2,
    6: 100 * (F("1.5") + F("1.6")) / 4,
    7: 100 * (F("1.6") + F("1.6")) / 4,
}


@pytest.mark.parametrize(
    "by, keys, expected",
    [
        ("agency", ["agency_id"], {
            ("DINKES",): jpm_figures([J[1], J[2]]),
            ("KRC",): jpm_figures([J[4], J[5]]),
            ("BKD",): jpm_figures([J[6], J[7]]),
        }),
        ("unit", ["agency_id", "unit"], {
            ("DINKES", "Pelayanan"): jpm_figures([J[2]]),
            ("DINKES", "Sekretariat"): jpm_figures([J[1]]),
            ("KRC", "Sekretariat"): jpm_figures([J[4], J[5]]),
            ("BKD", "Mutasi"): jpm_figures([J[6], J[7]]),
        }),
        # by job family: each employee's JPM over their scores in that family, so e2 counts
        # in Kesehatan (M.1, SK.1 as FUN: 85) and in Umum (M.2 as PEL: 110)
        ("job_family", ["job_family"], {
            ("Kesehatan",): jpm_figures([J[1], 100 * (F("2.7") + F("2.4")) / 6, J[4]]),
            ("Umum",): jpm_figures([100 * F("2.2") / 2, J[5], J[6], J[7]]),
        }),
        ("job_type", ["job_type"], {
            ("Administrator",): jpm_figures([J[1], J[4]]),
            ("Fungsional Ahli Muda",): jpm_figures([100 * (F("2.7") + F("2.4")) / 6]),
            ("Pelaksana",): jpm_figures([100 * F("2.2") / 2, J[5], J[6], J[7]]),
        }),
    ],
)  # fmt: skip
def test_jpm_summary(cur, by, keys, expected) -> None:
    df = metrics.jpm_summary(cur, Filters(), by=by)
    assert list(df.columns) == [*keys, "employees", "mean_jpm", "pct_optimal",
                                "pct_cukup_optimal", "pct_kurang_optimal"]  # fmt: skip
    assert records(df, keys) == expected


def test_jpm_summary_default_by_is_agency(cur) -> None:
    assert list(metrics.jpm_summary(cur, Filters()).columns)[0] == "agency_id"


def test_jpm_summary_with_job_family_filter_uses_selected_scores(cur) -> None:
    # by agency with a job-family filter: the whole-year JPM over the selected scores only
    df = metrics.jpm_summary(cur, Filters(job_families=("Umum",)), by="agency")
    assert records(df, ["agency_id"]) == {
        ("DINKES",): jpm_figures([100 * F("2.2") / 2]),
        ("KRC",): jpm_figures([J[5]]),
        ("BKD",): jpm_figures([J[6], J[7]]),
    }


@pytest.mark.parametrize("fn", [metrics.gap_summary, metrics.jpm_summary])
def test_unknown_by_is_refused(cur, fn) -> None:
    with pytest.raises(metrics.UnknownGrouping):
        fn(cur, Filters(), by="gender")
