"""Which agencies a chart shows first when it cannot show them all (analytics/views/ranking.py)."""

from __future__ import annotations

import math

import pandas as pd

from analytics.views.ranking import rank_groups


def test_groups_ranked_by_their_mean_ties_by_key_missing_last() -> None:
    df = pd.DataFrame(
        {
            "agency_id": ["B", "B", "A", "A", "C", "D"],
            "pct_below": [80.0, 60.0, 90.0, 50.0, math.nan, 70.0],
        }
    )
    # means: A 70, B 70, D 70, C none
    assert list(rank_groups(df, "agency_id", "pct_below", descending=True).index) == [
        "A", "B", "D", "C",
    ]  # fmt: skip
    df.loc[0, "pct_below"] = 81.0  # B 70.5
    assert list(rank_groups(df, "agency_id", "pct_below", descending=True).index)[:2] == ["B", "A"]
    assert list(rank_groups(df, "agency_id", "pct_below", descending=False).index)[:3] == [
        "A", "D", "B",
    ]  # fmt: skip


def test_latest_year_only() -> None:
    df = pd.DataFrame(
        {"year": [2024, 2024, 2025, 2025], "agency_id": ["A", "B", "A", "B"],
         "employees": [100, 5, 10, 50]}
    )  # fmt: skip
    assert list(rank_groups(df, "agency_id", "employees", descending=True).index) == ["A", "B"]
    assert list(
        rank_groups(df, "agency_id", "employees", descending=True, latest_year=True).index
    ) == ["B", "A"]
