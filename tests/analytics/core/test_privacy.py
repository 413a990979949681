"""The small-group rule (mark / hide with complementary suppression) and role scope."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from analytics import metrics
from analytics.core.filters import Filters
from analytics.core.privacy import NotPermitted, apply_small_groups, check_individuals
from analytics.metrics import extras
from tests.support.fixtures import Builder, random_world, store_of, world


def frame(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    """(year, group, employees) rows with one figure, mean = employees / 10."""
    df = pd.DataFrame(rows, columns=["year", "group", "employees"])
    df["mean"] = df["employees"] / 10
    return df


def hidden_groups(df: pd.DataFrame, f: Filters, siblings=("year",)) -> list[tuple[int, str]]:
    out = apply_small_groups(df, f, count="employees", figures=["mean"], siblings=siblings)
    hidden = out[out["hidden"]]
    assert hidden["employees"].isna().all() and hidden["mean"].isna().all()
    visible = out[~out["hidden"]]
    assert visible["employees"].notna().all()
    return list(hidden[["year", "group"]].itertuples(index=False, name=None))


HIDE = Filters(small_groups="hide")


@pytest.mark.parametrize(
    "rows, expected",
    [
        # nothing small: nothing hidden
        ([(2024, "a", 5), (2024, "b", 9)], []),
        # one small among siblings: the next smallest is hidden too (else total - rest = it)
        ([(2024, "a", 3), (2024, "b", 9), (2024, "c", 6)], [(2024, "a"), (2024, "c")]),
        # two small: only their sum is recoverable, nothing more to hide
        ([(2024, "a", 3), (2024, "b", 4), (2024, "c", 6)], [(2024, "a"), (2024, "b")]),
        # siblings are per year: each year's single small group takes its next smallest
        ([(2023, "a", 2), (2023, "b", 8), (2023, "c", 7), (2024, "a", 6), (2024, "b", 6)],
         [(2023, "a"), (2023, "c")]),
        # ties for the next smallest: the first in row order
        ([(2024, "a", 1), (2024, "b", 7), (2024, "c", 7)], [(2024, "a"), (2024, "b")]),
        # a lone small group has no sibling to hide
        ([(2024, "a", 4)], [(2024, "a")]),
        ([(2024, "a", 5)], []),  # 5 is not small (fewer than 5 is)
    ],
)  # fmt: skip
def test_hide_with_complementary_suppression(rows, expected) -> None:
    assert hidden_groups(frame(rows), HIDE) == expected


def test_mark_adds_a_column_and_keeps_figures() -> None:
    df = frame([(2024, "a", 4), (2024, "b", 5)])
    out = apply_small_groups(df, Filters(small_groups="mark"), count="employees", figures=["mean"])
    assert list(out["small_group"]) == [True, False]
    assert list(out["mean"]) == list(df["mean"])


def test_show_changes_nothing_and_min_group_is_a_setting() -> None:
    df = frame([(2024, "a", 1), (2024, "b", 2)])
    assert apply_small_groups(df, Filters(), count="employees", figures=["mean"]) is df
    f = Filters(small_groups="hide", min_group=2)
    assert hidden_groups(df, f) == [(2024, "a"), (2024, "b")]


def test_individuals_need_permission() -> None:
    check_individuals(Filters())
    with pytest.raises(NotPermitted):
        check_individuals(Filters(may_see_individuals=False))


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(world())
    try:
        yield store.cursor()
    finally:
        store.close()


def test_metric_hides_units_per_agency(cur) -> None:
    # jp-compliance by unit, employees: DINKES Sekretariat 1, DINKES Pelayanan 1,
    # KRC Sekretariat 2, BKD Mutasi 3; with min_group 2 both DINKES units are small and are
    # siblings (units of one agency): they hide each other, the rest stays.
    f = Filters(small_groups="hide", min_group=2, year=2024)
    df = metrics.jp_compliance(cur, f, by="unit")
    hidden = set(df[df["hidden"]][["agency_id", "unit"]].itertuples(index=False, name=None))
    assert hidden == {("DINKES", "Sekretariat"), ("DINKES", "Pelayanan")}
    assert df[df["hidden"]]["mean_jp"].isna().all()


def test_metric_complementary_hide(cur) -> None:
    # jp-compliance by job family (current positions): Kesehatan 3 (e1, e2, e4), Umum 4;
    # min_group 4: Kesehatan alone is small, so Umum is hidden too.
    df = metrics.jp_compliance(cur, Filters(small_groups="hide", min_group=4), by="job_family")
    assert df["hidden"].all()
    df = metrics.jp_compliance(cur, Filters(small_groups="mark", min_group=4), by="job_family")
    marks = dict(zip(df["job_family"], df["small_group"], strict=False))
    assert marks == {"Kesehatan": True, "Umum": False}


@pytest.mark.parametrize(
    "call",
    [
        lambda c, f: metrics.gap_summary(c, f, "agency"),
        lambda c, f: metrics.jpm_summary(c, f, "unit"),
        lambda c, f: metrics.trend(c, f, "competency"),
        lambda c, f: metrics.training_impact(c, f, "program"),
        lambda c, f: metrics.training_needs(c, f),
        lambda c, f: extras.dose_response(c, f),
    ],
)
def test_every_grouped_metric_marks(cur, call) -> None:
    df = call(cur, Filters(small_groups="mark"))
    count = "employees" if "employees" in df.columns else "employees_below"
    assert len(df) and list(df["small_group"]) == list(df[count] < 5)
    assert df["small_group"].any()  # the world is small


@pytest.mark.parametrize("rule, column", [("mark", "small_group"), ("hide", "hidden")])
@pytest.mark.parametrize(
    "call",
    [
        lambda c, f: metrics.gap_summary(c, f),
        lambda c, f: metrics.jpm_summary(c, f),
        lambda c, f: metrics.trend(c, f),
        lambda c, f: metrics.training_impact(c, f),
        lambda c, f: metrics.jp_compliance(c, f),
        lambda c, f: metrics.training_needs(c, f),
        lambda c, f: extras.same_people_change(c, f),
        lambda c, f: extras.dose_response(c, f),
        lambda c, f: extras.cost_per_level(c, f),
    ],
)
def test_empty_results_keep_the_rule_column(cur, call, rule, column) -> None:
    df = call(cur, Filters(agencies=("NOPE",), small_groups=rule))
    assert df.empty and column in df.columns


# --- scope -----------------------------------------------------------------------------------

SCOPED_CALLS = [
    ("employee_gaps", lambda c, f: metrics.employee_gaps(c, f)),
    ("jpm", lambda c, f: metrics.jpm(c, f)),
    *[(f"gap_summary/{by}", lambda c, f, by=by: metrics.gap_summary(c, f, by))
      for by in ("competency", "agency", "unit", "job_family", "job_type", "position")],
    *[(f"jpm_summary/{by}", lambda c, f, by=by: metrics.jpm_summary(c, f, by))
      for by in ("agency", "unit", "job_family", "job_type")],
    *[(f"trend/{by}", lambda c, f, by=by: metrics.trend(c, f, by))
      for by in ("none", "agency", "job_family", "competency")],
    *[(f"jp_compliance/{by}", lambda c, f, by=by: metrics.jp_compliance(c, f, by))
      for by in ("none", "agency", "unit", "job_family")],
    *[(f"training_impact/{by}", lambda c, f, by=by: metrics.training_impact(c, f, by))
      for by in ("competency", "program")],
    ("training_needs", lambda c, f: metrics.training_needs(c, f)),
    ("same_people", lambda c, f: extras.same_people_change(c, f)),
    ("dose_response", lambda c, f: extras.dose_response(c, f)),
    ("cost_per_level", lambda c, f: extras.cost_per_level(c, f)),
    ("needs_cost", lambda c, f: extras.needs_cost(c, f)),
]  # fmt: skip


def canonical(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in one order (person-level results come in no particular order)."""
    return df.sort_values(list(df.columns), ignore_index=True)


# no shrinking: each example builds two stores, and shrinking a failure would take minutes
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(
    world_n=random_world(outsiders=3),
    scope=st.sets(st.sampled_from(["A1", "A2", "A3"]), min_size=1).map(lambda s: tuple(sorted(s))),
    year=st.sampled_from([None, 2023, 2024]),
)
def test_scope_never_includes_an_agency_outside_it(world_n, scope, year) -> None:
    """Every figure a user scoped to some agencies sees is the same with or without the
    employees (and their events) of an agency outside the scope: nothing of theirs leaks in,
    neither into a group's figure nor into a total."""
    b, n = world_n
    inside = Builder(**{k: list(v) for k, v in vars(b).items()})
    out_nips = {e[0] for e in b.employees if e[2] == "OUT"}
    inside.employees = [e for e in b.employees if e[2] != "OUT"]
    inside.assessments = [a for a in b.assessments if a[0] not in out_nips]
    inside.participations = [p for p in b.participations if p[1] not in out_nips]
    inside.trainings = [t for t in b.trainings if not t[0].startswith("X")]
    f = Filters(scope_agencies=scope, year=year)
    with_out, without = store_of(b), store_of(inside)
    try:
        for name, call in SCOPED_CALLS:
            got = canonical(call(with_out.cursor(), f))
            expected = canonical(call(without.cursor(), f))
            pd.testing.assert_frame_equal(got, expected, obj=name)
            if "agency_id" in got.columns:
                assert set(got["agency_id"].dropna()) <= set(scope), name
    finally:
        with_out.close()
        without.close()


def _next_smallest_by_loop(df: pd.DataFrame, min_group: int) -> list[bool]:
    """The rule as the module docstring states it, group by group (the reference)."""
    hidden = [n < min_group for n in df["employees"]]
    for year in dict.fromkeys(df["year"]):
        idx = [i for i, y in enumerate(df["year"]) if y == year]
        if sum(hidden[i] for i in idx) == 1:
            visible = [i for i in idx if not hidden[i]]
            if visible:
                hidden[min(visible, key=lambda i: (df["employees"].iloc[i], i))] = True
    return hidden


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(2020, 2023), st.integers(0, 12)), min_size=1, max_size=30))
def test_hide_equals_the_group_by_group_rule(rows: list[tuple[int, int]]) -> None:
    df = frame([(y, f"g{i}", n) for i, (y, n) in enumerate(rows)])
    out = apply_small_groups(df, HIDE, count="employees", figures=["mean"], siblings=["year"])
    assert list(out["hidden"]) == _next_smallest_by_loop(df, HIDE.min_group)
