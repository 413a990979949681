"""Dashboard views on a small demo store: the KPI set follows the small-group rule as a whole,
the gap matrix agrees with gap_summary, people and profiles respect scope and roles."""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator

import duckdb
import pandas as pd
import pytest

from analytics import metrics, views
from analytics.core.filters import Filters
from analytics.core.privacy import NotPermitted
from analytics.demo.build import build_demo
from analytics.store import info as overview
from analytics.store.db import Store
from analytics.views import findings


@pytest.fixture(scope="module")
def cur(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    store = Store(tmp_path_factory.mktemp("views") / "asn.duckdb")
    build_demo(store, employees=800, seed=3, force=False, out=io.StringIO(), err=io.StringIO())
    with store.snapshot() as snap:
        yield snap.cur
    store.close()


def small_unit(cur: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    row = cur.execute(
        """
        select a.agency_id, s.unit from score s join agencies a using (agency_key)
        where s.year = (select max(year) from score) and s.required_level is not null
        group by all having count(distinct s.emp_key) between 1 and 4 order by 1, 2 limit 1
        """
    ).fetchone()
    assert row is not None, "the demo has a unit of fewer than 5 assessed employees"
    return row[0], row[1]


@pytest.mark.parametrize("rule", ["show", "mark", "hide"])
def test_kpis_of_a_small_population(cur: duckdb.DuckDBPyConnection, rule: str) -> None:
    agency, unit = small_unit(cur)
    k = views.kpis(cur, Filters(units=((agency, unit),), small_groups=rule))
    assert k.small_group is True
    if rule == "hide":
        shown = {
            key: v
            for key, v in k.as_dict().items()
            if key not in ("year", "small_group", "same_people_small")
        }
        assert all(v is None for v in shown.values()), shown
    else:
        assert 1 <= k.employees <= 4
        assert k.pct_optimal is not None


def test_kpis_match_the_metrics(cur: duckdb.DuckDBPyConnection) -> None:
    f = Filters(year=metrics.latest_year(cur))
    k = views.kpis(cur, f)
    tr = metrics.trend(cur, f).iloc[0]
    assert k.employees == tr["employees"]
    assert k.mean_jpm == tr["mean_jpm"]
    by_agency = metrics.jpm_summary(cur, f, by="agency")
    # category shares over all employees = the employee-weighted mean of agency shares
    total = by_agency["employees"].sum()
    optimal = (by_agency["pct_optimal"] * by_agency["employees"]).sum() / total
    assert k.pct_optimal == pytest.approx(optimal)
    assert k.pct_optimal + k.pct_cukup_optimal + k.pct_kurang_optimal == pytest.approx(100)


def test_gap_matrix_sums_to_gap_summary(cur: duckdb.DuckDBPyConnection) -> None:
    f = Filters(year=metrics.latest_year(cur))
    m = views.gap_matrix(cur, f, rows="agency")
    g = metrics.gap_summary(cur, f, by="competency").set_index("competency_id")
    for cid, part in m.groupby("competency_id"):
        # pct_below weighted by scores (employees, one score each per competency) = overall
        below = (part["pct_below"] * part["employees"]).sum() / part["employees"].sum()
        assert below == pytest.approx(100 - g.at[cid, "pct_meeting"])


def test_people_and_profile_need_individuals_and_respect_scope(
    cur: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(NotPermitted):
        views.people(cur, Filters(may_see_individuals=False))
    agencies = list(metrics.choices(cur).agencies["agency_id"])
    page, total = views.people(cur, Filters(scope_agencies=(agencies[0],)), limit=500)
    assert total == len(page) or total > 500
    names = overview.names(cur)["agency"]
    assert set(page["agency_name"]) <= {names[agencies[0]]}
    outsider = views.people(cur, Filters(agencies=(agencies[1],)), limit=1)[0]["nip"].iloc[0]
    assert views.profile(cur, Filters(scope_agencies=(agencies[0],)), outsider) is None
    assert views.profile(cur, Filters(), outsider) is not None


def test_core_competencies_of_an_empty_table() -> None:
    empty = pd.DataFrame({"competency_id": pd.Series(dtype="str")})
    assert findings.core_competencies(empty, {"competency_group": {}}).empty


def _people_reference(cur: duckdb.DuckDBPyConnection, f: Filters, search: str) -> pd.DataFrame:
    """Every selected employee in list order, the plain way: all employees joined to their
    year's sums, filtered in pandas, sorted by JPM (ascending, empty last), name, NIP."""
    year = cur.execute("select max(year) from score").fetchall()[0][0]
    df = cur.execute(
        """
        select e.nip, e.name, a.agency_id, e.gender, e.rank,
               case when y.sum_required > 0
                    then (100 * (y.sum_level * 10)::bigint)::double
                         / (y.sum_required::bigint * 10) end as jpm
        from employees e join agencies a using (agency_key)
        left join person_year y on y.emp_key = e.emp_key and y.year = $y
        """,
        {"y": year},
    ).df()
    keep = pd.Series(True, index=df.index)
    if f.genders:
        keep &= df["gender"].isin(f.genders)
    if f.agencies:
        keep &= df["agency_id"].isin(f.agencies)
    if f.ranks:
        keep &= df["rank"].isin(f.ranks)
    if search:
        keep &= df["name"].str.lower().str.contains(search.lower(), regex=False) | df[
            "nip"
        ].str.startswith(search)
    df = df[keep].sort_values(["jpm", "name", "nip"], na_position="last", kind="stable")
    return df.reset_index(drop=True)


def test_people_pages_equal_the_plain_order_through_the_lowest_jpm_candidates(
    cur, monkeypatch
) -> None:
    """The list's pages (taken from the lowest JPMs of the year when they fill the page, else
    from every employee) are the plain order's, with few candidates (ties at the bound cut)
    and with many, filtered, searched and paged past the assessed employees. The candidates
    are tried whatever the selection's share (worth_trying), so narrow ones fall back."""
    people_view = importlib.import_module("analytics.views.people")  # views.people: the function

    agency = cur.execute(
        "select a.agency_id from employees join agencies a using (agency_key) "
        "group by all order by count(*) desc limit 1"
    ).fetchall()[0][0]
    rank = cur.execute("select rank from employees where rank is not null limit 1").fetchall()
    cases = [
        (Filters(), ""),
        (Filters(genders=("P",)), ""),
        (Filters(agencies=(agency,)), ""),
        (Filters(ranks=(rank[0][0],)), ""),
        (Filters(), "a"),
    ]
    fast: list[bool] = []
    page_of = people_view._page

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        fast.append(kwargs.get("candidates") is not None)
        return page_of(*args, **kwargs)

    monkeypatch.setattr(people_view, "_page", spy)
    monkeypatch.setattr(people_view, "worth_trying", lambda total, everyone, want: True)
    for m in (lambda want: want + 3, people_view.candidates, lambda want: 10 * want):
        monkeypatch.setattr(people_view, "candidates", m)
        for f, search in cases:
            ref = _people_reference(cur, f, search)
            for limit, offset in ((10, 0), (7, 21), (50, len(ref) - 20)):
                page, total = views.people(cur, f, search, limit=limit, offset=max(offset, 0))
                assert total == len(ref)
                want = ref.iloc[max(offset, 0) : max(offset, 0) + limit]
                assert list(page["nip"]) == list(want["nip"]), (f, search, limit, offset)
                assert page["jpm"].tolist() == pytest.approx(want["jpm"].tolist(), nan_ok=True)
    assert any(fast) and not all(fast)  # both ways were taken


def test_people_pages_with_ties_at_the_candidates_bound(tmp_path, monkeypatch) -> None:
    """A quarter of the workforce shares the lowest JPM: the candidates cut those ties
    arbitrarily, so the page is not taken from them (it would miss names that sort first)."""
    people_view = importlib.import_module("analytics.views.people")
    store = Store(tmp_path / "ties.duckdb")
    try:
        build_demo(store, employees=300, seed=5, force=False, out=io.StringIO(), err=io.StringIO())
        with store.write() as w:
            w.execute(
                "update person_year set sum_level = sum_required / 5 "
                "where year = (select max(year) from person_year) and emp_key % 4 = 0"
            )
        monkeypatch.setattr(people_view, "worth_trying", lambda total, everyone, want: True)
        with store.snapshot() as snap:
            tied = snap.cur.execute(
                "select count(*) from person_year where year = (select max(year) from "
                "person_year) and sum_level * 5 = sum_required and sum_required > 0"
            ).fetchall()[0][0]
            assert tied > 30
            # few candidates: the ties are cut at the bound (the page falls back); many: the
            # ties lie below it and straddle the page's last row (all of them are looked up)
            for m in (lambda want: want + 3, lambda want: 4 * tied):
                monkeypatch.setattr(people_view, "candidates", m)
                for f in (Filters(), Filters(genders=("P",))):
                    ref = _people_reference(snap.cur, f, "")
                    for limit, offset in ((10, 0), (5, 12)):
                        page, _ = views.people(snap.cur, f, limit=limit, offset=offset)
                        assert list(page["nip"]) == list(ref["nip"][offset : offset + limit])
    finally:
        store.close()


def test_people_candidates_are_tried_for_a_broad_selection_only() -> None:
    people_view = importlib.import_module("analytics.views.people")
    assert people_view.candidates(50) == 2000
    assert people_view.worth_trying(5_600_000, 5_600_000, 50)
    assert people_view.worth_trying(280_000, 5_600_000, 50)  # 5 %: 100 expected among 2,000
    assert not people_view.worth_trying(270_000, 5_600_000, 50)
    assert not people_view.worth_trying(43_000, 5_600_000, 50)  # one agency
    assert not people_view.worth_trying(10_000, 10_000, 50)  # a small store joins everyone
    assert not people_view.worth_trying(5_600_000, 5_600_000, 2_500_000)  # page 100,000
