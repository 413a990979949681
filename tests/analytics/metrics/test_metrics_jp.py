"""jp-compliance on the world of fixtures.py: years, zero-JP employees, exactly 20 JP."""

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


def fig(jps: list[str]) -> dict[str, float | int]:
    """One (year, group): the JP of each employee of the group ("0" without training)."""
    n = len(jps)
    return {
        "employees": n,
        "mean_jp": float(sum(F(j) for j in jps) / n),
        "pct_20jp": float(F(100 * sum(1 for j in jps if F(j) >= 20), n)),
    }


def records(df, keys):
    return {tuple(r[k] for k in keys): {c: r[c] for c in df.columns if c not in keys}
            for r in df.to_dict("records")}  # fmt: skip


# JP per employee and year (fixtures.py): 2022 e4 2 (T5); 2023 e2 8, e3 8 (T3), e6 6 (T8);
# 2024 e1 24 (T1), e2 12.75 (T4), e7 20 (T7, exactly 20). e5's T2 and e3's T6 (2021) were not
# completed: no JP, and 2021 is not a year (no assessment, no completed training ended).
JP = {
    2022: {4: "2"},
    2023: {2: "8", 3: "8", 6: "6"},
    2024: {1: "24", 2: "12.75", 7: "20"},
}


def group(year: int, *emps: int) -> dict[str, float | int]:
    return fig([JP[year].get(e, "0") for e in emps])


ALL = (1, 2, 3, 4, 5, 6, 7)


@pytest.mark.parametrize(
    "by, keys, expected",
    [
        ("none", ["year"], {(y,): group(y, *ALL) for y in (2022, 2023, 2024)}),
        ("agency", ["year", "agency_id"], {
            (y, a): group(y, *emps)
            for y in (2022, 2023, 2024)
            for a, emps in {"DINKES": (1, 2), "BKD": (3, 6, 7), "KRC": (4, 5)}.items()
        }),
        ("unit", ["year", "agency_id", "unit"], {
            (y, a, u): group(y, *emps)
            for y in (2022, 2023, 2024)
            for (a, u), emps in {("DINKES", "Sekretariat"): (1,), ("DINKES", "Pelayanan"): (2,),
                                 ("KRC", "Sekretariat"): (4, 5), ("BKD", "Mutasi"): (3, 6, 7),
                                 }.items()
        }),
        # the employee's current position: e2 is FUN (Kesehatan) today
        ("job_family", ["year", "job_family"], {
            (y, fam): group(y, *emps)
            for y in (2022, 2023, 2024)
            for fam, emps in {"Kesehatan": (1, 2, 4), "Umum": (3, 5, 6, 7)}.items()
        }),
    ],
)  # fmt: skip
def test_jp_compliance(cur, by, keys, expected) -> None:
    df = metrics.jp_compliance(cur, Filters(), by=by)
    assert list(df.columns) == [*keys, "employees", "mean_jp", "pct_20jp"]
    assert records(df, keys) == expected
    assert list(df[keys].itertuples(index=False, name=None)) == sorted(expected)


def test_exactly_20_jp_counts(cur) -> None:
    row = metrics.jp_compliance(cur, Filters(year=2024, agencies=("BKD",))).iloc[0]
    assert row["pct_20jp"] == float(F(100 * 1, 3))  # e7's 20 JP meet the right


@pytest.mark.parametrize(
    "f, expected",
    [
        (Filters(year=2023, job_families=("Umum",)), {(2023,): group(2023, 3, 5, 6, 7)}),
        (Filters(units=(("", "Sekretariat"),), year=2022), {(2022,): group(2022, 1, 4, 5)}),
        (Filters(year=2021), {}),  # T6 was not completed
        (Filters(year=2019), {}),
        (Filters(agencies=("NOPE",)), {}),
    ],
)
def test_jp_compliance_filtered(cur, f, expected) -> None:
    assert records(metrics.jp_compliance(cur, f), ["year"]) == expected
