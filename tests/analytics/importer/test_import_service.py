"""service_outcomes.csv, contract v2: respondents and the nine unsur (u1 ... u9), with the
warning when 25 x the mean of the nine does not give the IKM within 0.15."""

from __future__ import annotations

import pytest

from analytics.importer import commit
from analytics.store.db import Store
from tests.support.imports import base_store, base_store_file, sources, state

__all__ = ["base_store", "base_store_file"]  # fixtures

HEAD = "agency_id,year,ikm,respondents," + ",".join(f"u{i}" for i in range(1, 10)) + "\n"


def row(ikm: str, respondents: str = "120", unsur: list[str] | None = None) -> str:
    u = unsur if unsur is not None else ["3.3"] * 9
    return ",".join(["1.03.01", "2025", ikm, respondents, *u]) + "\n"


def stored(store: Store) -> tuple:
    with store.snapshot() as snap:
        got = snap.cur.execute(
            "select ikm, respondents, u1, u4, u6, u9 from service_outcomes o "
            "join agencies a using (agency_key) where agency_id = '1.03.01' and year = 2025"
        ).fetchone()
    assert got is not None
    return got


def test_v2_columns_are_stored(base_store: Store) -> None:
    # 25 x mean(3.3 x 8, 3.6) = 25 x 30/9 = 83.333...: 83.33 is within 0.15
    unsur = ["3.3", "3.3", "3.3", "3.3", "3.3", "3.6", "3.3", "3.3", "3.3"]
    result = commit(base_store, sources(service_outcomes=HEAD + row("83.33", "245", unsur)))
    assert result.ok, [p.message() for p in result.problems]
    assert not [w for w in result.warnings if w.code == "ikm_unsur_mismatch"]
    assert stored(base_store) == (83.33, 245, 3.3, 3.3, 3.6, 3.3)


def test_v2_columns_are_optional_and_a_blank_stays_empty(base_store: Store) -> None:
    text = "agency_id,year,ikm,respondents,u6\n1.03.01,2025,80,,3.1\n"
    result = commit(base_store, sources(service_outcomes=text))
    assert result.ok, [p.message() for p in result.problems]
    assert stored(base_store) == (80.0, None, None, None, 3.1, None)


@pytest.mark.parametrize(
    ("ikm", "warned"),
    [
        ("82.5", False),  # 25 x 3.3 = 82.5 exactly
        ("82.65", False),  # off by 0.15: the slack
        ("82.35", False),
        ("82.66", True),  # off by 0.16
        ("82.34", True),
        ("90", True),
    ],
)
def test_unsur_that_do_not_give_the_ikm_are_kept_with_a_warning(
    base_store: Store, ikm: str, warned: bool
) -> None:
    result = commit(base_store, sources(service_outcomes=HEAD + row(ikm)))
    assert result.ok
    hits = [w for w in result.warnings if w.code == "ikm_unsur_mismatch"]
    assert bool(hits) == warned
    if warned:
        w = hits[0]
        assert (w.file, w.row, w.column) == ("service_outcomes.csv", 2, "ikm")
        assert "82.50" in w.message("id") and "82.50" in w.message("en")
    assert stored(base_store)[0] == float(ikm)


def test_no_warning_unless_all_nine_are_given(base_store: Store) -> None:
    unsur = ["3.3"] * 8 + [""]
    result = commit(base_store, sources(service_outcomes=HEAD + row("60", unsur=unsur)))
    assert result.ok and not [w for w in result.warnings if w.code == "ikm_unsur_mismatch"]


@pytest.mark.parametrize(
    ("line", "column", "code"),
    [
        (row("82.5", respondents="0"), "respondents", "respondents_value"),
        (row("82.5", respondents="12.5"), "respondents", "respondents_value"),
        (row("82.5", unsur=["3.3"] * 5 + ["4.2"] + ["3.3"] * 3), "u6", "unsur_range"),
        (row("82.5", unsur=["0.9"] + ["3.3"] * 8), "u1", "unsur_range"),
    ],
)
def test_bad_v2_values_are_rejected(base_store: Store, line: str, column: str, code: str) -> None:
    before = state(base_store)
    result = commit(base_store, sources(service_outcomes=HEAD + line))
    assert not result.ok
    assert [(p.row, p.column, p.code) for p in result.problems] == [(2, column, code)]
    assert state(base_store) == before
