"""service-link and service-effect (data contract, section 4) on small panels whose every
figure is worked out by hand below."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction as F

import pandas as pd
import pytest

from analytics.core.filters import Filters
from analytics.metrics.service import grade, service_effect, service_link
from tests.support.fixtures import Builder, nip, store_of, world

T975 = {2: 4.302652729749464, 3: 3.182446305284263}  # t(0.975, dof) from the t table


def panel(
    levels: dict[str, Sequence[str | None]],
    ikm: dict[str, Sequence[float | None]],
    years: Sequence[int] = (2022, 2023, 2024),
    unsur: dict[str, Sequence[tuple[float | None, ...] | None]] | None = None,
) -> Builder:
    """One Pelaksana per agency, assessed in M.1 (required level 4) once a year, so the
    agency's mean JPM that year is 25 x the level; an IKM row where ikm is not None."""
    b = Builder().position("P", "Pelaksana").competency("M.1").standard("P", "M.1", 4)
    for i, agency in enumerate(levels, start=1):
        b.agency(agency).employee(nip(i), agency, "Layanan", "P")
        for year, level in zip(years, levels[agency], strict=True):
            if level is not None:
                b.assess(nip(i), "M.1", f"{year}-06-01", level)
        for j, (year, value) in enumerate(zip(years, ikm[agency], strict=True)):
            if value is not None:
                u = (unsur or {}).get(agency)
                b.outcome(agency, year, value, unsur=None if u is None else u[j])
    return b


def effect_rows(b: Builder, filters: Filters | None = None) -> pd.DataFrame:
    store = store_of(b)
    try:
        with store.snapshot() as snap:
            return service_effect(snap.cur, filters or Filters())
    finally:
        store.close()


def link_rows(b: Builder, filters: Filters | None = None) -> pd.DataFrame:
    store = store_of(b)
    try:
        with store.snapshot() as snap:
            return service_link(snap.cur, filters or Filters())
    finally:
        store.close()


def row(df: pd.DataFrame, outcome: str, predictor: str) -> dict:
    hit = df[(df["outcome"] == outcome) & (df["predictor"] == predictor)]
    assert len(hit) == 1
    return hit.iloc[0].to_dict()


def is_empty(r: dict) -> bool:
    return all(pd.isna(r[c]) for c in ("effect", "ci_low", "ci_high"))


# 3 agencies x 3 years. JPM = 25 x level:
#        2022 2023 2024        IKM  2022  2023  2024
#   A     50   60   80              78.0  80.5  84.0
#   B     75   75   90              85.0  84.0  88.5
#   C     70   90   90              80.0  86.0  85.5
LEVELS = {"A": ["2.0", "2.4", "3.2"], "B": ["3.0", "3.0", "3.6"], "C": ["2.8", "3.6", "3.6"]}
IKM = {"A": [78.0, 80.5, 84.0], "B": [85.0, 84.0, 88.5], "C": [80.0, 86.0, 85.5]}


def test_fixed_effects_fit_worked_by_hand() -> None:
    """In a balanced panel the agency and year effects are removed by double demeaning:
    z~ = z - agency mean - year mean + grand mean. By hand:
      x: agency means A 190/3, B 80, C 250/3; year means 65, 75, 260/3; grand 680/9
         x~ A (-25/9, -25/9, 50/9)  B (50/9, -40/9, -10/9)  C (-25/9, 65/9, -40/9)
      y: agency means A 242.5/3, B 257.5/3, C 251.5/3; year means 81, 250.5/3, 258/3;
         grand 751.5/9
         y~ A (-1/3, -1/3, 2/3)  B (5/3, -11/6, 1/6)  C (-4/3, 13/6, -5/6)
    β = Σ x~y~ / Σ x~² ; residual = y~ - β x~ ; k = 3 agencies + 3 years - 1 + 1 = 6, so the
    residual degrees of freedom are 9 - 6 = 3 and SE² = RSS / 3 / Σ x~²."""
    xt = [F(-25, 9), F(-25, 9), F(50, 9), F(50, 9), F(-40, 9), F(-10, 9),
          F(-25, 9), F(65, 9), F(-40, 9)]  # fmt: skip
    yt = [F(-1, 3), F(-1, 3), F(2, 3), F(5, 3), F(-11, 6), F(1, 6),
          F(-4, 3), F(13, 6), F(-5, 6)]  # fmt: skip
    sxx = sum(v * v for v in xt)
    sxy = sum(a * b for a, b in zip(xt, yt, strict=True))
    assert (sxx, sxy) == (F(1600, 9), F(275, 6))
    beta = sxy / sxx
    assert beta == F(33, 128)  # IKM points per JPM point
    rss = sum((b - beta * a) ** 2 for a, b in zip(xt, yt, strict=True))
    assert rss == F(559, 256)
    se = math.sqrt(rss / 3 / sxx)

    got = row(effect_rows(panel(LEVELS, IKM)), "ikm", "mean_jpm")
    assert (got["agencies"], got["observations"]) == (3, 9)
    assert got["effect"] == pytest.approx(33 / 128, rel=1e-12)
    assert got["ci_low"] == pytest.approx(33 / 128 - T975[3] * se, rel=1e-12)
    assert got["ci_high"] == pytest.approx(33 / 128 + T975[3] * se, rel=1e-12)


def test_rows_in_the_contract_order_and_only_outcomes_present() -> None:
    df = effect_rows(panel(LEVELS, IKM))
    assert list(df.columns) == ["outcome", "predictor", "agencies", "observations", "effect",
                                "ci_low", "ci_high"]  # fmt: skip
    # no unsur anywhere: ikm only, same year then previous year
    assert list(zip(df["outcome"], df["predictor"], strict=True)) == [
        ("ikm", "mean_jpm"),
        ("ikm", "mean_jpm_prev"),
    ]


def test_previous_year_with_one_degree_of_freedom_is_empty() -> None:
    """mean_jpm_prev exists for 2023 and 2024 only: n = 6, k = 3 + 2 - 1 + 1 = 5, n - k = 1."""
    got = row(effect_rows(panel(LEVELS, IKM)), "ikm", "mean_jpm_prev")
    assert (got["agencies"], got["observations"]) == (3, 6)
    assert is_empty(got)


def test_two_years_is_first_differences_and_two_degrees_of_freedom_suffice() -> None:
    """4 agencies x 2 years: n = 8, k = 4 + 2 - 1 + 1 = 6, n - k = 2 (the smallest allowed).
    With two years the fit is the regression of Δy on Δx with an intercept:
      Δx = 10, 0, 20, 10 (mean 10; d = 0, -10, 10, 0; Σd² = 200)
      Δy = 1.0, -0.5, 3.0, 0.5 (mean 1; e = 0, -1.5, 2, -0.5; Σde = 35)
      β = 35/200 = 0.175; r = e - βd = 0, 0.25, 0.25, -0.5; Σr² = 0.375
      SE² = Σr² / (n_pairs - 2) / Σd² = 0.375 / 2 / 200."""
    levels = {"A": ["2.0", "2.4"], "B": ["3.0", "3.0"], "C": ["2.8", "3.6"], "D": ["3.2", "3.6"]}
    ikm = {"A": [80.0, 81.0], "B": [85.0, 84.5], "C": [78.0, 81.0], "D": [90.0, 90.5]}
    got = row(effect_rows(panel(levels, ikm, years=(2023, 2024))), "ikm", "mean_jpm")
    se = math.sqrt(0.375 / 2 / 200)
    assert (got["agencies"], got["observations"]) == (4, 8)
    assert got["effect"] == pytest.approx(0.175, rel=1e-12)
    assert got["ci_low"] == pytest.approx(0.175 - T975[2] * se, rel=1e-12)
    assert got["ci_high"] == pytest.approx(0.175 + T975[2] * se, rel=1e-12)


def test_predictor_in_the_span_of_the_indicators_is_empty() -> None:
    """JPM = agency part + year part (A 50, B 75, C 60; + 0, 5, 10): the fixed effects
    absorb it entirely, so no β can be told apart."""
    levels = {"A": ["2.0", "2.2", "2.4"], "B": ["3.0", "3.2", "3.4"], "C": ["2.4", "2.6", "2.8"]}
    got = row(effect_rows(panel(levels, IKM)), "ikm", "mean_jpm")
    assert (got["agencies"], got["observations"]) == (3, 9)
    assert is_empty(got)


def test_an_agency_with_a_single_observation_is_dropped() -> None:
    levels = {**LEVELS, "E": [None, None, "4.0"]}
    ikm = {**IKM, "E": [None, None, 99.0]}
    got = row(effect_rows(panel(levels, ikm)), "ikm", "mean_jpm")
    assert (got["agencies"], got["observations"]) == (3, 9)
    assert got["effect"] == pytest.approx(33 / 128, rel=1e-12)


def test_unsur_rows_left_out_where_missing_and_absent_unsur_give_no_row() -> None:
    """u1 ... u8 given for A and B in every year, none for C, u9 nowhere."""
    given = (3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, None)
    unsur = {"A": [given] * 3, "B": [given] * 3}
    df = effect_rows(panel(LEVELS, IKM, unsur=unsur))
    outcomes = [f"u{i}" for i in range(1, 9)]
    assert list(df["outcome"]) == [o for o in ["ikm", *outcomes] for _ in range(2)]
    assert list(df["predictor"]) == ["mean_jpm", "mean_jpm_prev"] * 9
    u6 = row(df, "u6", "mean_jpm")
    # A and B in three years: n = 6, k = 2 + 3 - 1 + 1 = 5, n - k = 1: empty
    assert (u6["agencies"], u6["observations"]) == (2, 6) and is_empty(u6)
    assert row(df, "ikm", "mean_jpm")["observations"] == 9


def test_no_ikm_row_gives_no_row() -> None:
    assert effect_rows(panel(LEVELS, {a: [None] * 3 for a in LEVELS})).empty
    # --agency restricts the IKM rows: an agency without one selects none
    b = panel(LEVELS, {**IKM, "C": [None] * 3})
    assert effect_rows(b, Filters(agencies=("C",))).empty
    assert link_rows(b, Filters(agencies=("C",))).empty


def test_noise_free_effect_within_agencies_is_recovered_exactly() -> None:
    """IKM = 60 + agency part + year part + 0.2 x JPM exactly: β = 0.2 and RSS = 0, so the
    interval has zero width."""
    agency_part, year_part = {"A": 0.0, "B": 3.0, "C": -2.0}, [0.0, 1.0, 2.0]
    ikm = {
        a: [60 + agency_part[a] + year_part[t] + 0.2 * 25 * float(lv[t]) for t in range(3)]
        for a, lv in LEVELS.items()
    }
    got = row(effect_rows(panel(LEVELS, ikm)), "ikm", "mean_jpm")
    assert got["effect"] == pytest.approx(0.2, abs=1e-9)
    assert got["ci_high"] - got["ci_low"] == pytest.approx(0.0, abs=1e-9)


# --- service-link -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ikm", "letter"),
    [(100.0, "A"), (88.31, "A"), (88.30999, "B"), (88.30, "B"), (76.61, "B"),
     (76.60999, "C"), (76.60, "C"), (65.00, "C"), (64.99999, "D"), (64.99, "D"), (25.0, "D")],
)  # fmt: skip
def test_grade_boundaries(ikm: float, letter: str) -> None:
    assert grade(ikm) == letter


def test_grades_in_the_link_on_the_stored_value() -> None:
    b = world()
    for agency, value in [("DINKES", 88.31), ("BKD", 76.60999), ("KRC", 64.99)]:
        b.outcome(agency, 2024, value)
    df = link_rows(b)
    assert dict(zip(df["agency_id"], df["grade"], strict=True)) == {
        "BKD": "C",
        "DINKES": "A",
        "KRC": "D",
    }


def world_with_ikm() -> Builder:
    b = world()
    b.outcome("DINKES", 2023, 80.0, 120, (3.2,) * 9).outcome("DINKES", 2024, 88.31)
    b.outcome("BKD", 2024, 76.6, 50).outcome("KRC", 2022, 70.0).outcome("KRC", 2024, 65.0)
    return b


def test_link_figures_by_hand() -> None:
    """JPM = 100 x Σ level / Σ required over the year's scores with a standard (fixtures.world):
    2023: DINKES e1 (2.5 + 3.0)/6 = 91.666.., e2 at PEL (2.0 + 2.1)/4 = 102.5;
          BKD e3 (1.4 + 1.6)/4 = 75, e6 1.2/2 = 60.
    2024: DINKES e1 (3.2 + 3.0)/6 = 103.33.., e2 M.1 2.7 and SK.1 2.4 at FUN (required 3
          each) and M.2 2.2 at PEL (required 2): 730/8 = 91.25; BKD e6 (1.5 + 1.6)/4 = 77.5,
          e7 (1.6 + 1.6)/4 = 80; KRC e4 (2.7 + 2.7)/6 = 90, e5 2.5/2 = 125 (its later M.2
          has no standard).
    % meeting: DINKES 2023: e1 M.1 2.5 < 3 no, M.2 yes, e2 2.0 and 2.1 against 2 yes: 3 of 4;
    2024: e1 both meet, e2 M.2 meets, M.1 and SK.1 do not: 3 of 5. BKD 2024: nothing meets."""
    df = link_rows(world_with_ikm()).set_index(["agency_id", "year"])
    assert list(df.index) == [("BKD", 2024), ("DINKES", 2023), ("DINKES", 2024),
                              ("KRC", 2022), ("KRC", 2024)]  # fmt: skip
    d23 = df.loc[("DINKES", 2023)]
    assert (d23["ikm"], d23["grade"], d23["respondents"], d23["employees"]) == (80.0, "B", 120, 2)
    assert d23["mean_jpm"] == pytest.approx(float((F(550, 6) + F(1025, 10)) / 2))
    assert d23["pct_meeting"] == 75.0
    assert pd.isna(d23["mean_jpm_prev"])  # no 2022 score
    d24 = df.loc[("DINKES", 2024)]
    assert d24["mean_jpm"] == pytest.approx(float((F(620, 6) + F(730, 8)) / 2))
    assert d24["pct_meeting"] == 60.0
    assert d24["mean_jpm_prev"] == pytest.approx(float((F(550, 6) + F(1025, 10)) / 2))
    assert pd.isna(d24["respondents"])
    bkd = df.loc[("BKD", 2024)]
    assert (bkd["employees"], bkd["mean_jpm"], bkd["mean_jpm_prev"]) == (2, 78.75, 67.5)
    assert (bkd["pct_meeting"], bkd["grade"]) == (0.0, "C")
    # no score in 2022: employees 0, figures empty; 2024's previous year 2023 has no KRC score
    k22, k24 = df.loc[("KRC", 2022)], df.loc[("KRC", 2024)]
    assert k22["employees"] == 0 and pd.isna(k22["mean_jpm"]) and pd.isna(k22["pct_meeting"])
    assert (k24["employees"], k24["mean_jpm"]) == (2, 107.5) and pd.isna(k24["mean_jpm_prev"])
    assert d23["u6"] == 3.2 and pd.isna(d24["u6"])


def test_the_link_equals_the_summaries_by_agency() -> None:
    from analytics.metrics import gap_summary, jpm_summary

    store = store_of(world_with_ikm())
    try:
        with store.snapshot() as snap:
            # the link reads trend by agency: each year's agencies under the small-group rule,
            # as each year's summaries have them (a hidden group stays empty in both)
            for f in (
                Filters(job_types=("Pelaksana",)),
                Filters(),
                Filters(small_groups="hide", min_group=3),  # every group of 2 hidden
                Filters(small_groups="mark", min_group=3),
                Filters(year=2024, small_groups="hide", min_group=3),
            ):
                link = service_link(snap.cur, f).set_index(["agency_id", "year"])
                checked = 0
                for year in (2023, 2024):
                    fy = f.with_(year=year)
                    j = jpm_summary(snap.cur, fy, "agency").set_index("agency_id")
                    g = gap_summary(snap.cur, fy, "agency").set_index("agency_id")
                    for agency in j.index:
                        if (agency, year) in link.index:
                            r = link.loc[(agency, year)]
                            for col, want in (
                                ("employees", j.at[agency, "employees"]),
                                ("mean_jpm", j.at[agency, "mean_jpm"]),
                                ("pct_meeting", g.at[agency, "pct_meeting"]),
                            ):
                                if pd.isna(want):
                                    assert pd.isna(r[col]), (f, agency, year, col)
                                else:
                                    assert r[col] == want, (f, agency, year, col)
                            checked += 1
                assert checked
    finally:
        store.close()


def test_the_job_type_filter_chooses_whose_competency_counts() -> None:
    """--job-type Pelaksana: the scores made in Pelaksana positions only.
    DINKES 2023: e2 at PEL (2.0 + 2.1)/4 = 102.5, both meet (100 %); e1 (Administrator) out.
    DINKES 2024: e2's M.2 2024-01-15 @PEL is its latest M.2: 2.2/2 = 110 and meets.
    KRC 2024: e5 2.5/2 = 125.  BKD is all Pelaksana: unchanged.
    Every agency with an IKM row stays: the filter does not choose agencies."""
    df = link_rows(world_with_ikm(), Filters(job_types=("Pelaksana",)))
    df = df.set_index(["agency_id", "year"])
    assert len(df) == 5
    assert (df.at[("DINKES", 2023), "employees"], df.at[("DINKES", 2023), "mean_jpm"]) == (1, 102.5)
    assert df.at[("DINKES", 2023), "pct_meeting"] == 100.0
    assert (df.at[("DINKES", 2024), "mean_jpm"], df.at[("DINKES", 2024), "mean_jpm_prev"]) == (
        110.0,
        102.5,
    )
    assert (df.at[("KRC", 2024), "employees"], df.at[("KRC", 2024), "mean_jpm"]) == (1, 125.0)
    assert df.at[("BKD", 2024), "mean_jpm"] == 78.75
    # a job type with no score in an agency: employees 0, its IKM row stays
    fun = link_rows(world_with_ikm(), Filters(job_types=("Fungsional Ahli Muda",)))
    fun = fun.set_index(["agency_id", "year"])
    assert len(fun) == 5 and fun.at[("KRC", 2024), "employees"] == 0
    assert pd.isna(fun.at[("KRC", 2024), "mean_jpm"])
    assert fun.at[("DINKES", 2024), "mean_jpm"] == 85.0


def test_only_agency_filters_choose_agencies_and_year_keeps_rows() -> None:
    b = world_with_ikm()
    assert list(link_rows(b, Filters(agencies=("KRC",)))["year"]) == [2022, 2024]
    units = link_rows(b, Filters(units=(("", "Mutasi"),))).set_index(["agency_id", "year"])
    assert len(units) == 5 and units.at[("DINKES", 2024), "employees"] == 0
    assert units.at[("BKD", 2024), "employees"] == 2
    y = link_rows(b, Filters(year=2024))
    assert list(y["agency_id"]) == ["BKD", "DINKES", "KRC"]
    # the previous year is read whatever the year filter keeps
    assert y.set_index("agency_id").at["BKD", "mean_jpm_prev"] == 67.5


def test_effect_ignores_the_year_filter() -> None:
    a = effect_rows(panel(LEVELS, IKM))
    b = effect_rows(panel(LEVELS, IKM), Filters(year=2023))
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("seed", range(12))
def test_the_absorbed_route_gives_the_dense_routes_fit(seed: int, monkeypatch) -> None:
    """Nationally the agency indicators are absorbed (panel._absorbed) instead of built (a
    billion cells); on panels small enough for both, with gaps, singletons, and x that no year
    or agency explains or that one does, both routes give the same fit."""
    import random

    from analytics.metrics import panel

    rng = random.Random(seed)
    units, years, x, y = [], [], [], []
    for a in range(rng.randint(3, 40)):
        for yr in range(2019, 2026):
            if rng.random() < 0.7:
                units.append(f"A{a:02d}")
                years.append(yr)
                x.append(
                    float(yr - 2019) if seed % 4 == 0 else rng.uniform(60, 120)
                )  # seed 0, 4, 8: x is a year effect, not estimable
                y.append(rng.uniform(70, 95))
    dense = panel.fixed_effects(units, years, x, y)
    monkeypatch.setattr(panel, "DENSE_CELLS", 0)
    absorbed = panel.fixed_effects(units, years, x, y)
    assert (absorbed.agencies, absorbed.observations, absorbed.dof) == (
        dense.agencies,
        dense.observations,
        dense.dof,
    )
    if dense.effect is None:
        assert absorbed.effect is None
    else:
        assert absorbed.effect == pytest.approx(dense.effect, rel=1e-9, abs=1e-12)
        assert absorbed.se == pytest.approx(dense.se, rel=1e-9)
        assert absorbed.ci_low == pytest.approx(dense.ci_low, rel=1e-9, abs=1e-12)
    if seed % 4 == 0:
        assert dense.effect is None
