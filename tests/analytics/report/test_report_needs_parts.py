"""The report reads the needs list in parts of agencies (extras.needs_cost_parts), so a
country's two million rows never sit in memory at once. Cut into parts of three agencies, a
demo's list must give the report exactly what the whole list gives: the same first rows in the
same order, the same counts and totals, under each small-group rule."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pandas as pd
import pytest

from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.metrics import extras
from analytics.report import content, gather
from analytics.store.db import Store
from analytics.views import needs_totals


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("needs") / "asn.duckdb")
    code = build_demo(s, employees=1500, seed=13, force=False, out=io.StringIO(), err=io.StringIO())
    assert code == 0
    yield s
    s.close()


def visible(df: pd.DataFrame) -> pd.DataFrame:
    if "hidden" in df.columns:
        df = df[~df["hidden"]]
    return df.reset_index(drop=True)


@pytest.mark.parametrize("rule", ["hide", "mark", "show"])
def test_parts_are_the_whole_list(demo: Store, monkeypatch: pytest.MonkeyPatch, rule: str) -> None:
    f = Filters(small_groups=rule)
    monkeypatch.setattr(extras, "NEEDS_PART_AGENCIES", 3)
    with demo.snapshot() as snap:
        whole = extras.needs_cost(snap.cur, f)
        parts = list(extras.needs_cost_parts(snap.cur, f))
    assert len(parts) > 5 and all(not p.empty for p in parts)
    if rule == "hide":  # the rule decided within parts hides what it hides in the whole
        assert whole["hidden"].any()
    joined = pd.concat(parts, ignore_index=True)
    joined = joined.sort_values(
        ["priority", "agency_id", "unit", "competency_id"],
        ascending=[False, True, True, True],
        na_position="last",
    )
    if rule == "hide":  # hidden rows have no priority: compare them by their ids
        joined = pd.concat([joined[~joined["hidden"]], joined[joined["hidden"]]])
        whole = pd.concat([whole[~whole["hidden"]], whole[whole["hidden"]]])
        key = ["agency_id", "unit", "competency_id"]
        hidden_whole = whole[whole["hidden"]].sort_values(key)
        hidden_joined = joined[joined["hidden"]].sort_values(key)
        pd.testing.assert_frame_equal(
            hidden_joined.reset_index(drop=True), hidden_whole.reset_index(drop=True)
        )
        joined, whole = joined[~joined["hidden"]], whole[~whole["hidden"]]
    pd.testing.assert_frame_equal(joined.reset_index(drop=True), whole.reset_index(drop=True))


SELECTIONS = {
    "everyone": Filters(),
    "agencies across parts": Filters(agencies=("15.02", "15.05", "15.11", "15.13")),
    "instansi": Filters(instansi=("Pemerintah Provinsi Jambi",)),
    "a viewer's scope": Filters(scope_agencies=("15.01", "15.06", "15.07", "15.13")),
    "a job type": Filters(job_types=("Pelaksana",)),
}


@pytest.mark.parametrize("name", list(SELECTIONS))
def test_the_report_reads_the_same_needs_in_parts(
    demo: Store, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Whatever the selection (the report hides small groups, whatever rule the viewer set)."""
    f = SELECTIONS[name]
    monkeypatch.setattr(content, "NEEDS_KEPT", 60)
    with demo.snapshot() as snap:
        whole = extras.needs_cost(snap.cur, content.report_filters(f))
        monkeypatch.setattr(extras, "NEEDS_PART_AGENCIES", 3)
        c = gather(snap.cur, f, "id", sections=("needs",))
    shown = visible(whole)
    assert len(shown) > 10 and whole["hidden"].any()
    pd.testing.assert_frame_equal(c.needs, shown.head(60))
    assert c.needs_rows == len(shown)
    assert c.needs_hidden == len(whole) - len(shown)
    expected = needs_totals(shown)
    got = c.needs_totals
    assert (got.employees_below, got.without_recommendation, got.rows) == (
        expected.employees_below,
        expected.without_recommendation,
        expected.rows,
    )
    # a sum of part sums: the same money up to the float rounding of a different order
    assert got.estimated_cost_idr == pytest.approx(expected.estimated_cost_idr, rel=1e-12)


def test_a_part_without_recommendations_keeps_the_columns_text(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part whose competencies have no recommended programme still has a text column, so the
    merged rows have the whole list's dtypes."""
    from analytics.metrics import needs

    with demo.snapshot() as snap:
        part = needs.needs_part(snap.cur, Filters(), {}, None)
    assert part["recommended_training"].isna().all()
    assert part["recommended_training"].dtype == "str"
