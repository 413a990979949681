"""Dashboard views on a small demo store: the KPI set follows the small-group rule as a whole,
the gap matrix agrees with gap_summary, people and profiles respect scope and roles."""

from __future__ import annotations

import io
from collections.abc import Iterator

import duckdb
import pandas as pd
import pytest

from analytics import findings, metrics, overview, views
from analytics.demo import build_demo
from analytics.filters import Filters
from analytics.privacy import NotPermitted
from analytics.store import Store


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
    assert k["small_group"] is True
    if rule == "hide":
        shown = {key: v for key, v in k.items() if key not in ("year", "small_group")}
        assert all(v is None for v in shown.values()), shown
    else:
        assert 1 <= k["employees"] <= 4
        assert k["pct_optimal"] is not None


def test_kpis_match_the_metrics(cur: duckdb.DuckDBPyConnection) -> None:
    f = Filters(year=metrics.latest_year(cur))
    k = views.kpis(cur, f)
    tr = metrics.trend(cur, f).iloc[0]
    assert k["employees"] == tr["employees"]
    assert k["mean_jpm"] == tr["mean_jpm"]
    by_agency = metrics.jpm_summary(cur, f, by="agency")
    # category shares over all employees = the employee-weighted mean of agency shares
    total = by_agency["employees"].sum()
    optimal = (by_agency["pct_optimal"] * by_agency["employees"]).sum() / total
    assert k["pct_optimal"] == pytest.approx(optimal)
    assert k["pct_optimal"] + k["pct_cukup_optimal"] + k["pct_kurang_optimal"] == pytest.approx(100)


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
