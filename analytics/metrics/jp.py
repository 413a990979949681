"""jp-compliance: who got their 20 JP of competency development a year (docs/metrics.md#jp)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.core import privacy
from analytics.core.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import grouping
from analytics.metrics.summaries import key_dtypes, siblings_of

JP_RIGHT = 20  # JP a year every civil servant has the right to (PP 11/2017)
JP_FIGURES = {"employees": "int64", "mean_jp": "float64", "pct_20jp": "float64"}


def jp_compliance(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """Grain: one row per year and group with at least one employee. Years: every year in which
    an assessment was made or a completed training ended (whole store), unless filters.year
    keeps one. Population of every year: every employee matching the filters today (current
    agency, unit and position; the store keeps no history). by = none (default), agency, unit,
    job_family (the employee's current position's).

    Columns: year, key column(s) if any, employees, mean_jp (mean JP per employee, 0 for those
    without completed training ending that year), pct_20jp (% of employees with JP >= 20,
    exact). Sorted by year, then keys.
    """
    g = grouping("jp_compliance", by)
    columns = {"year": "int64", **key_dtypes(g), **JP_FIGURES}
    year = common.resolve_year(cur, filters, "jp_compliance")
    year_y, yp = common.year_clause("y", year)
    where_s, wp = filters.rows("s")
    visible_s, vp = filters.scope_only().rows("s", "vis")
    inner = g.inner_keys.split(", ")
    fragments = {
        "inner_select": g.inner_select,
        "join_keys": " and ".join(f"jp.{k} = g.{k}" for k in inner),
        "labels": g.labels,
        "label_joins": g.label_joins,
        "order": ", ".join(["year", *g.sql_names]),
        "year_y": year_y,
        "where_s": where_s,
        "visible_s": visible_s,
    }
    if g.by != "unit" and route.cells_allowed(filters):
        fragments["where_s"], wp = filters.cells("s")
        fragments |= route.tables(filters, g.by == "agency", "emp_cell", "jp_cell", "year_cell")
        df = common.query(cur, "jp_compliance_cells", {**yp, **wp, **vp}, **fragments)
    else:
        fragments |= {
            "inner_keys": g.inner_keys,
            "pop_keys": ", ".join(f"pop.{k}" for k in inner),
            "visible_s": visible_s,
            # which years exist depends on the scope alone
            **route.tables(filters.scope_only(), False, "year_cell", "jp_cell"),
        }
        df = common.query(
            cur, "jp_compliance", {**yp, **wp, **vp, "jp_right": JP_RIGHT}, **fragments
        )
    if df.empty:
        df = common.empty(columns)
    else:
        n = df["employees"]
        df["mean_jp"] = df["jp_h"] / (100 * n)
        df["pct_20jp"] = (100 * df["n_20jp"]) / n
        df = common.conform(df, columns)  # sorted in SQL
    return privacy.apply_small_groups(
        df, filters, count="employees", figures=list(JP_FIGURES), siblings=siblings_of(g, ["year"])
    )
