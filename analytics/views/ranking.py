"""Which groups a chart shows first when it cannot show them all (ui/widgets.top_groups).

Over a national store a chart by agency would hold 15,053 agencies; it shows those ranked
first here: by the mean of a figure over each group's rows (one row per agency, or per agency
and competency in the gap matrix), ties broken by the group's key so the choice is stable.
"""

from __future__ import annotations

import pandas as pd


def rank_groups(
    df: pd.DataFrame, key: str, value: str, *, descending: bool, latest_year: bool = False
) -> pd.Series:
    """The groups (values of column `key`) ordered by the mean of `value` over their rows,
    highest first when `descending`; groups without a value (hidden small groups) last.
    `latest_year`: only the rows of the latest year (column `year`) count."""
    d = df
    if latest_year and not d.empty:
        d = d[d["year"] == d["year"].max()]
    means = d.groupby(key, dropna=False)[value].mean().rename("v").reset_index()
    means = means.sort_values(
        ["v", key], ascending=[not descending, True], na_position="last", kind="stable"
    )
    return means.set_index(key)["v"]
