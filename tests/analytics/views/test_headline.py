"""The headline (analytics.views.headline): one small-group rule for every figure, worked out
by hand on a small store. A leader (small_groups='hide') never sees a figure resting on fewer
than five people, the same-people change included; a planner ('mark') sees it flagged."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import views
from analytics.core.filters import Filters
from analytics.store.db import Store
from tests.support.fixtures import Builder, nip, store_of


def six_assessed_three_twice() -> Builder:
    """Six employees assessed in 2024 in M.1 (standard 3); three of them also in 2023."""
    b = Builder().agency("A1").position("P1").competency("M.1").standard("P1", "M.1", 3)
    levels_2024 = ["3.0", "2.0", "4.0", "3.5", "2.5", "3.0"]
    levels_2023 = ["2.0", "2.0", "3.0"]  # employees 1..3
    for i, level in enumerate(levels_2024, 1):
        b.employee(nip(i), "A1", "Umum", "P1").assess(nip(i), "M.1", "2024-05-01", level)
    for i, level in enumerate(levels_2023, 1):
        b.assess(nip(i), "M.1", "2023-05-01", level)
    return b


@pytest.fixture(scope="module")
def store() -> Store:
    return store_of(six_assessed_three_twice())


def k_of(store: Store, **f: object) -> views.Kpis:
    with store.snapshot() as snap:
        return views.kpis(snap.cur, Filters(**f))  # type: ignore[arg-type]


def test_the_figures_worked_out_by_hand(store: Store) -> None:
    k = k_of(store, small_groups="show")
    assert (k.year, k.employees) == (2024, 6)
    # levels 3.0 2.0 4.0 3.5 2.5 3.0 against 3: mean 18/6 = 3.0, four meet (3.0, 4.0, 3.5, 3.0)
    assert k.mean_level == pytest.approx(3.0)
    assert k.pct_meeting == pytest.approx(100 * 4 / 6)
    # shortfalls 0 1 0 0 0.5 0 -> 1.5/6
    assert k.mean_shortfall == pytest.approx(0.25)
    # JPM 100, 66.7, 133.3, 116.7, 83.3, 100: mean 600/6 = 100; Optimal 4, Cukup 1 (83.3),
    # Kurang 1 (66.7)
    assert k.mean_jpm == pytest.approx(100.0)
    assert (k.pct_optimal, k.pct_cukup_optimal, k.pct_kurang_optimal) == pytest.approx(
        (100 * 4 / 6, 100 / 6, 100 / 6)
    )
    # same people: employees 1..3, 2023 -> 2024: +1.0, 0.0, +1.0 -> mean 2/3
    assert (k.same_people, k.previous_year) == (3, 2023)
    assert k.same_people_change == pytest.approx(2 / 3)
    assert k.same_people_small and not k.small_group


def test_a_leader_never_sees_the_change_of_three_people(store: Store) -> None:
    k = k_of(store, small_groups="hide")
    assert k.employees == 6 and k.mean_jpm == pytest.approx(100.0)  # six people: shown
    assert (k.same_people, k.same_people_change, k.previous_year) == (None, None, None)
    assert k.same_people_small


def test_a_planner_sees_it_flagged(store: Store) -> None:
    k = k_of(store, small_groups="mark")
    assert k.same_people_change == pytest.approx(2 / 3) and k.same_people_small


@pytest.mark.parametrize("rule", ["hide", "mark", "show"])
def test_a_population_of_four_hides_every_figure_for_a_leader(rule: str) -> None:
    b = Builder().agency("A1").position("P1").competency("M.1").standard("P1", "M.1", 3)
    for i in range(1, 5):
        b.employee(nip(i), "A1", "Umum", "P1").assess(nip(i), "M.1", "2024-05-01", "2.0")
        b.assess(nip(i), "M.1", "2023-05-01", "1.0")
    k = k_of(store_of(b), small_groups=rule)
    assert k.small_group
    figures = {key: v for key, v in k.as_dict().items() if key not in ("year", "small_group")}
    figures.pop("same_people_small")
    if rule == "hide":
        assert k.hidden and all(v is None for v in figures.values()), figures
    else:
        assert k.employees == 4 and k.same_people_change == pytest.approx(1.0)


def test_needs_totals_leave_hidden_rows_out() -> None:
    needs = pd.DataFrame(
        {
            "employees_below": [3, 2, None],
            "estimated_cost_idr": [1_000_000.0, None, None],
            "recommended_training": ["Kepemimpinan", None, None],
            "hidden": [False, False, True],
        }
    )
    totals = views.needs_totals(needs)
    assert totals == views.NeedsTotals(
        employees_below=5, estimated_cost_idr=1_000_000.0, without_recommendation=1, rows=2
    )
