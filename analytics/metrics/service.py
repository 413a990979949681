"""Public service beside competency: service-link and service-effect (data contract, 4).

An agency's competency in a year is not derived again here: it is exactly jpm-summary and
gap-summary by agency, with the same filters and that year, so the page, the export and the
summaries can never disagree. Only agency-level filters (agency, instansi, the viewer's scope)
choose which agencies' IKM rows appear; the others choose whose competency counts (e.g.
`--job-type Pelaksana`: the scores made in front-line positions).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from analytics.core.filters import Filters
from analytics.metrics import common
from analytics.metrics.panel import fixed_effects
from analytics.metrics.trend import trend

# IKM grades (Permenpan RB 14/2017), decided on the stored, unrounded value.
GRADES = (("A", 88.31), ("B", 76.61), ("C", 65.00))
GRADE_BELOW = "D"
UNSUR = tuple(f"u{i}" for i in range(1, 10))
OUTCOMES = ("ikm", *UNSUR)
PREDICTORS = ("mean_jpm", "mean_jpm_prev")

LINK_COLUMNS = {
    "agency_id": "str",
    "year": "int64",
    "ikm": "float64",
    "grade": "str",
    "respondents": "Int64",
    "employees": "int64",
    "mean_jpm": "float64",
    "pct_meeting": "float64",
    "mean_jpm_prev": "float64",
    **{u: "float64" for u in UNSUR},
}
EFFECT_COLUMNS = {
    "outcome": "str",
    "predictor": "str",
    "agencies": "int64",
    "observations": "int64",
    "effect": "float64",
    "ci_low": "float64",
    "ci_high": "float64",
}


def grade(ikm: float) -> str:
    """The IKM grade of a stored value: A >= 88.31, B >= 76.61, C >= 65.00, D below."""
    for letter, floor in GRADES:
        if ikm >= floor:
            return letter
    return GRADE_BELOW


def _agency_only(filters: Filters) -> Filters:
    """The filters that choose agencies: the selection's agencies and instansi, the scope."""
    return Filters(
        agencies=filters.agencies,
        instansi=filters.instansi,
        scope_agencies=filters.scope_agencies,
        scope_instansi=filters.scope_instansi,
    )


def outcomes(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per selected agency and year with an IKM row (filters.year keeps one).
    Columns: agency_id, year, ikm, respondents, u1 ... u9 (empty where not given)."""
    where_o, params = _agency_only(filters).rows("o", "so")
    year_o, yparams = common.year_clause("o", filters.year, "so")
    return common.query(
        cur, "service_outcomes", {**params, **yparams}, year_o=year_o, where_o=where_o
    )


def _competency(cur: duckdb.DuckDBPyConnection, filters: Filters, years: list[int]) -> pd.DataFrame:
    """employees, mean_jpm, pct_meeting per agency_id and year of `years`: jpm-summary and
    gap-summary by agency of each year, as they are (a hidden small group stays empty).

    Read in one pass from trend by agency over every year: its employees, mean_jpm and
    pct_meeting are those summaries' figures by definition (docs/metrics.md#summaries), and its
    small-group rule compares the agencies of one year, as each year's summary does
    (tests/analytics/metrics/test_service.py checks both ways agree). One query instead of two
    per year: a national answer per agency and year costs ~0.2 s. (Two years or fewer, as
    when the link shows one year: each year alone, not every year.)"""
    if 0 < len(years) <= 2:
        t = pd.concat([trend(cur, filters.with_(year=y), "agency") for y in years])
    else:
        t = trend(cur, filters.without_year(), "agency")
    t = t[t["year"].isin(years)]
    return t[["agency_id", "year", "employees", "mean_jpm", "pct_meeting"]]


def service_link(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: one row per agency-year with an IKM row, of the agencies the agency-level
    filters select; every year unless filters.year keeps one.

    Columns: agency_id, year, ikm, grade (A-D), respondents, employees (0 when the agency has
    no selected score that year), mean_jpm, pct_meeting (jpm-summary / gap-summary by agency,
    same filters, that year; empty with employees 0), mean_jpm_prev (mean_jpm in year - 1
    exactly, whatever filters.year keeps), then u1 ... u9 (the unsur's NRR, beyond the
    contract's columns, for the unsur profile). Sorted by agency_id, then year.
    """
    o = outcomes(cur, filters)
    if o.empty:
        return common.empty(LINK_COLUMNS)
    years = sorted({int(y) for y in o["year"]} | {int(y) - 1 for y in o["year"]})
    comp = _competency(cur, filters, years).reset_index(drop=True)
    prev = comp[["agency_id", "year", "mean_jpm"]].rename(columns={"mean_jpm": "mean_jpm_prev"})
    prev = prev.assign(year=prev["year"] + 1)
    df = o.assign(year=o["year"].astype("int64"))
    df = df.merge(comp.astype({"year": "int64"}), on=["agency_id", "year"], how="left")
    df = df.merge(prev.astype({"year": "int64"}), on=["agency_id", "year"], how="left")
    # no selected score that year: employees 0 (a small group the viewer's rule hid keeps
    # its emptied count)
    keys = ["agency_id", "year"]
    present = pd.MultiIndex.from_frame(df[keys]).isin(pd.MultiIndex.from_frame(comp[keys]))
    df["employees"] = df["employees"].astype("Int64").mask(~present, 0)
    df["grade"] = [grade(float(v)) for v in df["ikm"]]
    df["respondents"] = df["respondents"].astype("Int64")
    if not df["employees"].isna().any():
        df["employees"] = df["employees"].astype("int64")
    columns = dict(LINK_COLUMNS)
    if df["employees"].dtype != "int64":
        columns["employees"] = "Int64"  # the viewer's rule hid a small group's count
    df = df.sort_values(["agency_id", "year"], kind="stable")
    return common.conform(df, columns)


def observations(link: pd.DataFrame, outcome: str, predictor: str) -> pd.DataFrame:
    """The agency-years of service_link that have both the outcome and the predictor (the
    fit then drops agencies left with a single one: panel.drop_singletons)."""
    return link[observed(link, outcome, predictor)]


def observed(link: pd.DataFrame, outcome: str, predictor: str) -> np.ndarray:
    """Which agency-years `observations` keeps, as a bool per row of link."""
    return np.asarray(link[outcome].notna() & link[predictor].notna())


def service_effect(cur: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Grain: per outcome (ikm, then each of u1 ... u9 that at least one agency-year with an
    IKM row has), a row for predictor mean_jpm, then one for mean_jpm_prev; no row when there
    is no IKM row. Every year (filters.year is ignored: the fit compares years).

    The fit: outcome = agency effect + year effect + β × predictor, ordinary least squares over
    the agency-years having both (one observation each, unweighted), agencies with a single
    observation dropped (analytics.metrics.panel). Columns: outcome, predictor, agencies,
    observations (what the fit used), effect (β: outcome points per JPM point), ci_low,
    ci_high (95%: β ± t(0.975, n − k) × classical SE); empty when not estimable.
    """
    return fit_effects(service_link(cur, filters.without_year()))


def fit_effects(link: pd.DataFrame) -> pd.DataFrame:
    """service_effect's rows from service_link's rows for every year (a caller that holds them
    already, the report and the page, fits them without computing the link again)."""
    if link.empty:
        return common.empty(EFFECT_COLUMNS)
    rows = []
    # numbered once: the fits hash integers, not 45,159 agency ids twenty times (nationally)
    agencies = pd.factorize(link["agency_id"])[0]
    years = link["year"].to_numpy("int64")
    for outcome in OUTCOMES:
        if outcome != "ikm" and not link[outcome].notna().any():
            continue
        y = link[outcome].to_numpy("float64", na_value=np.nan)
        for predictor in PREDICTORS:
            x = link[predictor].to_numpy("float64", na_value=np.nan)
            both = observed(link, outcome, predictor)
            fit = fixed_effects(agencies[both], years[both], x[both], y[both])
            rows.append(
                {
                    "outcome": outcome,
                    "predictor": predictor,
                    "agencies": fit.agencies,
                    "observations": fit.observations,
                    "effect": np.nan if fit.effect is None else fit.effect,
                    "ci_low": np.nan if fit.ci_low is None else fit.ci_low,
                    "ci_high": np.nan if fit.ci_high is None else fit.ci_high,
                }
            )
    return common.conform(pd.DataFrame(rows), EFFECT_COLUMNS)
