"""trend on the world of fixtures.py: every assessment year, scores and JPMs listed by hand."""

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


def fig(scores: list[tuple[str, int]], jpms: list[F]) -> dict[str, float | int]:
    """Trend figures: means over the hand-listed scores, mean_jpm over the employees' JPMs."""
    n = len(scores)
    levels = sum(F(level) for level, _ in scores)
    required = sum(F(req) for _, req in scores)
    return {
        "employees": len(jpms),
        "mean_level": float(levels / n),
        "mean_gap": float((levels - required) / n),
        "mean_shortfall": float(sum(max(r - F(v), F(0)) for v, r in scores) / n),
        "pct_meeting": float(F(100 * sum(1 for v, r in scores if F(v) >= r), n)),
        "mean_jpm": float(sum(jpms) / len(jpms)),
    }


def jpm(*scores: tuple[str, int]) -> F:
    return 100 * sum(F(v) for v, _ in scores) / sum(r for _, r in scores)


# scores with a standard, per year and employee (fixtures.py)
Y23 = {
    1: [("2.5", 3), ("3.0", 3)],  # ADM
    2: [("2.0", 2), ("2.1", 2)],  # assessed as PEL
    3: [("1.4", 2), ("1.6", 2)],
    6: [("1.2", 2)],
}
Y24 = {
    1: [("3.2", 3), ("3.0", 3)],
    2: [("2.7", 3), ("2.4", 3), ("2.2", 2)],  # M.1, SK.1 as FUN; M.2 as PEL
    4: [("2.7", 3), ("2.7", 3)],
    5: [("2.5", 2)],
    6: [("1.5", 2), ("1.6", 2)],
    7: [("1.6", 2), ("1.6", 2)],
}


def whole(year: dict, *emps: int) -> dict[str, float | int]:
    """Figures of these employees' whole-year scores and JPMs."""
    return fig([s for e in emps for s in year[e]], [jpm(*year[e]) for e in emps])


def records(df, keys):
    return {tuple(r[k] for k in keys): {c: r[c] for c in df.columns if c not in keys}
            for r in df.to_dict("records")}  # fmt: skip


def test_trend_none(cur) -> None:
    df = metrics.trend(cur, Filters())
    assert list(df.columns) == ["year", "employees", "mean_level", "mean_gap",
                                "mean_shortfall", "pct_meeting", "mean_jpm"]  # fmt: skip
    assert records(df, ["year"]) == {
        (2023,): whole(Y23, 1, 2, 3, 6),
        (2024,): whole(Y24, 1, 2, 4, 5, 6, 7),
    }


def test_trend_by_agency(cur) -> None:
    df = metrics.trend(cur, Filters(), by="agency")
    assert records(df, ["year", "agency_id"]) == {
        (2023, "BKD"): whole(Y23, 3, 6),
        (2023, "DINKES"): whole(Y23, 1, 2),
        (2024, "BKD"): whole(Y24, 6, 7),
        (2024, "DINKES"): whole(Y24, 1, 2),
        (2024, "KRC"): whole(Y24, 4, 5),
    }
    assert list(df[["year", "agency_id"]].itertuples(index=False, name=None)) == [
        (2023, "BKD"), (2023, "DINKES"), (2024, "BKD"), (2024, "DINKES"), (2024, "KRC"),
    ]  # fmt: skip


def test_trend_by_job_family_uses_family_jpm(cur) -> None:
    df = metrics.trend(cur, Filters(), by="job_family")
    e2_kes = [("2.7", 3), ("2.4", 3)]
    e2_umum = [("2.2", 2)]
    assert records(df, ["year", "job_family"]) == {
        (2023, "Kesehatan"): whole(Y23, 1),
        (2023, "Umum"): whole(Y23, 2, 3, 6),  # e2 was Pelaksana in 2023
        (2024, "Kesehatan"): fig(
            Y24[1] + e2_kes + Y24[4], [jpm(*Y24[1]), jpm(*e2_kes), jpm(*Y24[4])]
        ),
        (2024, "Umum"): fig(
            e2_umum + Y24[5] + Y24[6] + Y24[7],
            [jpm(*e2_umum), jpm(*Y24[5]), jpm(*Y24[6]), jpm(*Y24[7])],
        ),
    }


def test_trend_by_competency_uses_score_jpm(cur) -> None:
    df = metrics.trend(cur, Filters(), by="competency")

    def per_score(*scores):  # one score per employee: JPM = 100 x level / required
        return fig(list(scores), [jpm(s) for s in scores])

    assert records(df, ["year", "competency_id"]) == {
        (2023, "M.1"): per_score(("2.5", 3), ("2.0", 2), ("1.4", 2), ("1.2", 2)),
        (2023, "M.2"): per_score(("3.0", 3), ("2.1", 2), ("1.6", 2)),
        (2024, "M.1"): per_score(("3.2", 3), ("2.7", 3), ("2.7", 3), ("2.5", 2), ("1.5", 2),
                                 ("1.6", 2)),
        (2024, "M.2"): per_score(("3.0", 3), ("2.2", 2), ("2.7", 3), ("1.6", 2), ("1.6", 2)),
        (2024, "SK.1"): per_score(("2.4", 3)),
    }  # fmt: skip


def test_trend_year_keeps_one_year_and_filters_combine(cur) -> None:
    df = metrics.trend(cur, Filters(year=2023, agencies=("BKD", "KRC")))
    assert records(df, ["year"]) == {(2023,): whole(Y23, 3, 6)}  # KRC: nothing in 2023
    assert metrics.trend(cur, Filters(year=2022)).empty  # no assessment in 2022


def test_trend_unknown_by(cur) -> None:
    with pytest.raises(metrics.UnknownGrouping):
        metrics.trend(cur, Filters(), by="unit")
