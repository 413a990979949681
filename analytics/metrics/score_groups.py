"""The one filtered base of the score summaries (gap-summary, jpm-summary, trend).

sql/score_groups.sql sums the selected scores per employee and group, then per group and JPM
denominator; which per-employee rows it starts from is chosen here for speed, never changing
a figure:
- the roll-ups (score_cell for by competency, person_cell otherwise) when the filters and
  grouping need no unit or employee attribute (analytics/metrics/route.py);
- person_year (one row per employee and year) when the grouping never splits an employee's
  year (none, agency, unit) and the filters select all of an employee's scores or none
  (Filters.splits_employee_scores is False);
- the scores themselves for by competency (one score per employee, competency and year);
- otherwise the scores summed per employee and group.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import Grouping


def source(g: Grouping, filters: Filters, per_employee: bool = False) -> str:
    """Which per-person SQL the grouping and filters allow (see the module docstring);
    `per_employee` when the caller needs one row per employee (never a roll-up)."""
    if not per_employee and g.by != "unit" and route.cells_allowed(filters):
        return "cell_score" if g.by == "competency" else "cell_person"
    if g.by in ("none", "agency", "unit") and not filters.splits_employee_scores:
        return "per_person_year"
    if g.by == "competency":
        return "per_score"
    return "per_person_group"


def _categories(wanted: bool) -> str:
    if not wanted:
        return "0 as n_optimal, 0 as n_cukup, 0 as n_kurang"
    # cat: each employee's JPM category, decided by the per-person SQL in exact integers
    return (
        "coalesce(sum(w) filter (where cat = 2), 0) as n_optimal, "
        "coalesce(sum(w) filter (where cat = 1), 0) as n_cukup, "
        "coalesce(sum(w) filter (where cat = 0), 0) as n_kurang"
    )


def parts(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    g: Grouping,
    year: int | None,
    categories: bool = False,
) -> pd.DataFrame:
    """Rows per year, group and denominator (columns: see sql/score_groups.sql); the JPM
    category counts only when `categories` (else 0)."""
    year_s, yp = common.year_clause("s", year)
    where_s, wp = common.where(filters, "s")
    name = source(g, filters)
    extra = {"inner_keys": g.inner_keys} if name == "cell_person" else {}
    per_person = common.render(
        name, inner_select=g.inner_select, year_s=year_s, where_s=where_s, **extra
    )
    return common.query(
        cur,
        "score_groups",
        {**yp, **wp},
        per_person=per_person,
        inner_keys=g.inner_keys,
        labels=g.labels,
        label_joins=g.label_joins,
        categories=_categories(categories),
    )


_SUMS = ("n", "scores", "level_t", "shortfall_t", "meeting", "n_optimal", "n_cukup", "n_kurang")


def figures(p: pd.DataFrame, keys: list[str], with_jpm: bool = True) -> pd.DataFrame:
    """Per group of `keys`: employees, score means, pct_meeting and, `with_jpm`, mean_jpm and
    the category shares; each one division of exact integers in Python (int / int is
    correctly rounded), mean_jpm an exact mean of fractions. Plain lists: a few thousand
    rows at most, where pandas' per-call overhead would cost more than the arithmetic."""
    key_rows = list(zip(*(p[k].tolist() for k in keys), strict=True))
    sums = list(zip(*(p[c].tolist() for c in _SUMS), strict=True))
    dens = p["den"].tolist()
    nums = [100 * v for v in p["level_t"].tolist()]  # Σ of the employees' JPM numerators
    acc: dict[tuple[Any, ...], list[int]] = {}
    codes: list[int] = []
    order: dict[tuple[Any, ...], int] = {}
    for key, row, den in zip(key_rows, sums, dens, strict=True):
        a = acc.get(key)
        if a is None:
            a = acc[key] = [0] * (len(_SUMS) + 1)
            order[key] = len(order)
        for i, v in enumerate(row):
            a[i] += v
        a[-1] += den * row[0]  # Σ required over the scores: the den of each of n employees
        codes.append(order[key])
    means = common.ratio_means(codes, nums, dens, p["n"].tolist()) if with_jpm else {}
    records = []
    for key, (n, scores, level_t, shortfall_t, meeting, opt, cuk, kur, required_t) in acc.items():
        r: dict[str, Any] = dict(zip(keys, key, strict=True))
        r |= {
            "employees": n,
            "mean_level": level_t / (10 * scores),
            "mean_required": required_t / (10 * scores),
            "mean_gap": (level_t - required_t) / (10 * scores),
            "mean_shortfall": shortfall_t / (10 * scores),
            "pct_meeting": (100 * meeting) / scores,
        }
        if with_jpm:
            r |= {
                "mean_jpm": means[order[key]],
                "pct_optimal": (100 * opt) / n,
                "pct_cukup_optimal": (100 * cuk) / n,
                "pct_kurang_optimal": (100 * kur) / n,
            }
        records.append(r)
    return pd.DataFrame.from_records(records)
