"""Who may see what: the small-group rule and the check for person-level results.

Small groups. A row of a grouped result that describes fewer than `filters.min_group` (5)
distinct employees could point at a person. With `filters.small_groups`:
- "show" (the owner's export): nothing changes.
- "mark": a boolean column `small_group` is added; figures stay.
- "hide": the row's figures (and its employee count) are set to empty, and a boolean column
  `hidden` says which rows were hidden. Complementary suppression: rows that add up to a total
  shown elsewhere are *siblings* (the rows sharing the same values of the `siblings` columns,
  e.g. the same year; units of one agency). When exactly one row among siblings is hidden, its
  figures could be recovered by subtracting the visible siblings from the total, so the next
  smallest sibling (fewest employees; ties: the first in row order) is hidden as well. With two
  or more hidden, subtraction gives only their combined figure, never one group's.
  The rule protects against subtraction within one breakdown; it does not try to combine
  different breakdowns of the same people (the dashboard never shows a total and all of its
  parts from two breakdowns side by side with hide on).

Scope (the agencies a user may see) is not here: it is part of Filters.where, which every
metric applies to every table it reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analytics.core.filters import Filters


class NotPermitted(PermissionError):
    """The user may not see person-level rows (Filters.may_see_individuals is False)."""


def check_individuals(filters: Filters) -> None:
    """Person-level results (employee-gaps, jpm) need `may_see_individuals`."""
    if not filters.may_see_individuals:
        raise NotPermitted("this view lists individual employees")


def apply_small_groups(
    df: pd.DataFrame,
    filters: Filters,
    *,
    count: str,
    figures: Sequence[str],
    siblings: Sequence[str] = (),
) -> pd.DataFrame:
    """Mark or hide rows whose `count` column (distinct employees) is below filters.min_group.

    `figures` are the columns emptied when hiding (the count column is emptied too);
    `siblings` the columns whose equal values make rows siblings (see the module docstring).
    """
    rule = filters.small_groups
    if rule == "show":
        return df
    out = df.copy()
    small = out[count].fillna(0).astype("int64") < filters.min_group
    if rule == "mark":
        out["small_group"] = small.astype(bool)
        return out
    if rule != "hide":
        raise ValueError(f"unknown small-group rule {rule!r}")
    hidden = small.copy()
    # complementary suppression, all groups at once (a national needs list has 2 M rows in
    # 195,552 units: a loop over groups was quadratic)
    if siblings:
        codes = out.groupby(list(siblings), sort=False, dropna=False).ngroup()
    else:
        codes = pd.Series(0, index=out.index)
    n_hidden = hidden.groupby(codes).transform("sum")
    eligible = ~hidden & (n_hidden == 1)
    if eligible.any():
        # in each such group the next smallest: fewest employees, then the first in row order
        pool = pd.DataFrame(
            {
                "code": codes[eligible],
                "n": out.loc[eligible, count].astype("int64"),
                "at": pd.RangeIndex(len(out))[eligible.to_numpy()],
            }
        )
        first = pool.sort_values(["code", "n", "at"]).drop_duplicates("code")
        hidden.loc[first.index] = True
    for col in (count, *figures):
        if col not in out.columns:
            continue
        # nullable dtypes, so an emptied count stays an integer column
        if pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("boolean")
        elif pd.api.types.is_integer_dtype(out[col]):
            out[col] = out[col].astype("Int64")
        out[col] = out[col].mask(hidden)
    out["hidden"] = hidden.astype(bool)
    return out
