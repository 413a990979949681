"""Properties over random small worlds (hypothesis, bounded): JPM categories follow the exact
thresholds, each score counts once, and narrowing a filter never adds employees.

The scores are also derived here by a plain-Python model of docs/metrics.md#score (latest
assessment per employee, competency and year; its own or the current position's standard), so
the store's derived rows and metrics are checked against an independent implementation.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from fractions import Fraction as F

import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from analytics import metrics
from analytics.core.filters import Filters
from analytics.metrics.common import category_of
from tests.support.fixtures import Builder, random_world, store_of

# no shrinking: every example builds a store, and shrinking a failure would take minutes
SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


def model_scores(b: Builder) -> dict[tuple[str, str, int], tuple[F, int | None, str]]:
    """(nip, competency, year) -> (level, required level or None, agency) (docs/metrics.md#score)."""
    current = {e[0]: e for e in b.employees}  # nip -> (nip, name, agency, unit, position, ...)
    standard = {(p, c): r for p, c, r in b.standards}
    latest: dict[tuple[str, str, int], tuple[date, str, str | None]] = {}
    for nip_, comp, on, level, pos in b.assessments:
        key = (nip_, comp, on.year)
        if key not in latest or on > latest[key][0]:
            latest[key] = (on, level, pos)
    out = {}
    for (nip_, comp, year), (_, level, pos) in latest.items():
        position = pos or current[nip_][4]
        out[(nip_, comp, year)] = (F(level), standard.get((position, comp)), current[nip_][2])
    return out


def category(jpm: F) -> str:
    return "Optimal" if jpm >= 90 else "Cukup Optimal" if jpm >= 78 else "Kurang Optimal"


@given(num=st.integers(0, 10**6), den=st.integers(1, 10**4))
def test_category_of_follows_exact_thresholds(num: int, den: int) -> None:
    assert category_of(num, den) == category(F(num, den))


@given(levels=st.lists(st.tuples(st.integers(10, 50), st.integers(1, 5)), min_size=1, max_size=9))
def test_category_boundaries_in_tenths(levels: list[tuple[int, int]]) -> None:
    num = 100 * sum(t for t, _ in levels)
    den = 10 * sum(r for _, r in levels)
    assert category_of(num, den) == category(F(num, den))


@SETTINGS
@given(random_world())
def test_jpm_and_gaps_match_the_model(world_n: tuple[Builder, int]) -> None:
    b, _ = world_n
    scores = model_scores(b)
    store = store_of(b)
    try:
        cur = store.cursor()
        for year in (2023, 2024):
            f = Filters(year=year)
            expected = {
                (n, c): (lvl, req) for (n, c, y), (lvl, req, _) in scores.items()
                if y == year and req is not None
            }  # fmt: skip
            gaps = metrics.employee_gaps(cur, f)
            # each score once, and only scores with a standard
            assert len(gaps) == len(expected)
            for r in gaps.to_dict("records"):
                lvl, req = expected[(r["nip"], r["competency_id"])]
                assert (r["level"], r["required_level"]) == (float(lvl), req)
                assert r["gap"] == float(lvl - req) and r["meets"] == (lvl >= req)
            per_person: dict[str, list[F]] = defaultdict(lambda: [F(0), F(0)])
            for (n, _), (lvl, req) in expected.items():
                per_person[n][0] += lvl
                per_person[n][1] += req
            jpm = metrics.jpm(cur, f)
            assert len(jpm) == len(per_person)
            for r in jpm.to_dict("records"):
                total, required = per_person[r["nip"]]
                value = 100 * total / required
                assert r["jpm"] == float(value)
                assert r["category"] == category(value)
            # each score counts once in the summaries too
            by_comp = metrics.gap_summary(cur, f, by="competency")
            assert int(by_comp["employees"].sum()) == len(expected)
            by_agency = metrics.jpm_summary(cur, f, by="agency")
            assert int(by_agency["employees"].sum()) == len(per_person)
    finally:
        store.close()


def narrowing() -> st.SearchStrategy[tuple[Filters, Filters]]:
    """A filter F and a narrower G (F AND one more condition)."""
    base = st.builds(
        Filters,
        agencies=st.sets(st.sampled_from(["A1", "A2", "A3"]), max_size=2).map(tuple),
        units=st.sets(
            st.tuples(st.sampled_from(["", "A1", "A3"]), st.sampled_from(["U1", "U2"])),
            max_size=2,
        ).map(tuple),
        job_families=st.sets(st.sampled_from(["Kesehatan", "Umum"]), max_size=1).map(tuple),
    )
    extra = st.sampled_from(
        [
            {"genders": ("P",)},
            {"job_types": ("Pelaksana",)},
            {"instansi": ("Pemerintah Provinsi Jambi",)},
            {"units": (("", "U1"),)},
        ]
    )

    def narrow(f: Filters, more: dict) -> tuple[Filters, Filters]:
        if "units" in more and f.units:
            # AND of two unit conditions: keep F's units that are also U1
            kept = tuple(u for u in f.units if u[1] == "U1")
            return f, f.with_(units=kept or (("", "none"),))
        return f, f.with_(**more)

    return st.builds(narrow, base, extra)


GROUPED = [
    (fn, by)
    for fn, bys in [
        (metrics.gap_summary, ["competency", "agency", "unit", "job_family", "position"]),
        (metrics.jpm_summary, ["agency", "unit", "job_family", "job_type"]),
        (metrics.trend, ["none", "agency", "job_family", "competency"]),
        (metrics.jp_compliance, ["none", "agency", "unit", "job_family"]),
    ]
    for by in bys
]


def keyed(df: pd.DataFrame, count: str) -> dict[tuple, int]:
    keys = [c for c in df.columns if df[c].dtype == object or str(df[c].dtype) == "str"
            or c == "year"]  # fmt: skip
    return {tuple(r[k] for k in keys): int(r[count]) for r in df.to_dict("records")}


@SETTINGS
@given(random_world(), narrowing(), st.lists(st.sampled_from(GROUPED), min_size=3, max_size=3))
def test_narrowing_a_filter_never_adds_employees(world_n, filters, grouped) -> None:
    b, _ = world_n
    f, g = filters
    store = store_of(b)
    try:
        cur = store.cursor()
        for fn, by in grouped:  # a few groupings per example keep the test fast
            wide, narrow = keyed(fn(cur, f, by), "employees"), keyed(fn(cur, g, by), "employees")
            for key, n in narrow.items():
                assert key in wide and n <= wide[key], (fn.__name__, by, key)
        for fn in (metrics.employee_gaps, metrics.jpm):
            assert set(fn(cur, g)["nip"]) <= set(fn(cur, f)["nip"])
        wide = keyed(metrics.training_needs(cur, f), "employees_below")
        for key, n in keyed(metrics.training_needs(cur, g), "employees_below").items():
            assert key in wide and n <= wide[key]
        for by in ("competency", "program"):
            w = metrics.training_impact(cur, f, by).set_index(
                "competency_id" if by == "competency" else "title"
            )
            for key, r in metrics.training_impact(cur, g, by).set_index(w.index.name).iterrows():
                assert r["n_treated"] <= w.loc[key, "n_treated"]
                assert r["n_control"] <= w.loc[key, "n_control"]
    finally:
        store.close()
