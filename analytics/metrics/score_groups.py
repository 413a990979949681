"""The one filtered base of the score summaries (gap-summary, jpm-summary, trend).

sql/score_groups.sql sums the selected scores per employee and group, then per group and JPM
denominator; which per-employee rows it starts from is chosen here for speed, never changing
a figure:
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
from analytics.metrics import common
from analytics.metrics.groups import Grouping


def source(g: Grouping, filters: Filters) -> str:
    """Which per-person SQL the grouping and filters allow (see the module docstring)."""
    if g.by in ("none", "agency", "unit") and not filters.splits_employee_scores:
        return "per_person_year"
    if g.by == "competency":
        return "per_score"
    return "per_person_group"


def parts(
    cur: duckdb.DuckDBPyConnection, filters: Filters, g: Grouping, year: int | None
) -> pd.DataFrame:
    """Rows per year, group and denominator (columns: see sql/score_groups.sql)."""
    year_s, yp = common.year_clause("s", year)
    where_s, wp = common.where(filters, "s")
    per_person = common.render(
        source(g, filters), inner_select=g.inner_select, year_s=year_s, where_s=where_s
    )
    return common.query(
        cur,
        "score_groups",
        {**yp, **wp},
        per_person=per_person,
        inner_keys=g.inner_keys,
        labels=g.labels,
        label_joins=g.label_joins,
        optimal_min=str(common.OPTIMAL_MIN),
        cukup_min=str(common.CUKUP_MIN),
    )


def figures(p: pd.DataFrame, keys: list[str], with_jpm: bool = True) -> pd.DataFrame:
    """Per group of `keys`: employees, score means, pct_meeting and, `with_jpm`, mean_jpm and
    the category shares; each one division of exact integers (mean_jpm: an exact mean of
    fractions)."""
    codes = p.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    p = p.assign(required_t=p["den"] * p["n"], _code=codes)  # Σ required over the scores
    cols = ["n", "scores", "level_t", "required_t", "shortfall_t", "meeting"]
    if with_jpm:
        cols += ["n_optimal", "n_cukup", "n_kurang"]
    out = p.groupby("_code", sort=False)[cols].sum()
    out = p[[*keys, "_code"]].drop_duplicates("_code").set_index("_code").join(out)
    n, scores = out["n"], out["scores"]
    result: dict[str, Any] = {k: out[k] for k in keys}
    result |= {
        "employees": n.astype("int64"),
        "mean_level": out["level_t"] / (10 * scores),
        "mean_required": out["required_t"] / (10 * scores),
        "mean_gap": (out["level_t"] - out["required_t"]) / (10 * scores),
        "mean_shortfall": out["shortfall_t"] / (10 * scores),
        "pct_meeting": (100 * out["meeting"]) / scores,
    }
    if with_jpm:
        means = common.ratio_means(
            codes.tolist(), p["num"].tolist(), p["den"].tolist(), p["n"].tolist()
        )
        result |= {
            "mean_jpm": out.index.map(means).to_numpy(dtype="float64"),
            "pct_optimal": (100 * out["n_optimal"]) / n,
            "pct_cukup_optimal": (100 * out["n_cukup"]) / n,
            "pct_kurang_optimal": (100 * out["n_kurang"]) / n,
        }
    return pd.DataFrame(result).reset_index(drop=True)
