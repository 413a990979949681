"""The Data page's coverage, worked out by hand on a small world: who was assessed in a year
(at least one score, with a standard or without), per agency, and who was not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from analytics.core.filters import Filters
from analytics.store.db import Store
from analytics.views import coverage
from tests.support.fixtures import Builder, nip, store_of

P = {i: nip(i, gender=2 if i % 2 == 0 else 1) for i in range(1, 8)}


def coverage_world() -> Builder:
    """DINKES: p1 (ADM, assessed twice in 2024), p2 (NOSTD: only scores without a standard
    in 2024), p3 (PEL: assessed in 2023 only), p4 (PEL: never). BKD: p5 (ADM: in 2024 one
    score with a standard, one without), p6 (now PEL, of family Umum; assessed in 2024 as ADM,
    of family Kesehatan), p7 (NOSTD: never)."""
    b = Builder()
    b.agency("DINKES", "Dinas Kesehatan").agency("BKD", "Badan Kepegawaian Daerah")
    b.position("ADM", "Administrator", "Kesehatan").position("PEL", "Pelaksana", "Umum")
    b.position("NOSTD", "Pelaksana", "Umum")
    b.competency("M.1").competency("M.2")
    b.standard("ADM", "M.1", 3).standard("PEL", "M.1", 2)  # M.2: no standard anywhere
    for i, agency, unit, position in [
        (1, "DINKES", "Sekretariat", "ADM"), (2, "DINKES", "Sekretariat", "NOSTD"),
        (3, "DINKES", "Pelayanan", "PEL"), (4, "DINKES", "Pelayanan", "PEL"),
        (5, "BKD", "Mutasi", "ADM"), (6, "BKD", "Mutasi", "PEL"), (7, "BKD", "Mutasi", "NOSTD"),
    ]:  # fmt: skip
        b.employee(P[i], agency, unit, position, gender="P" if i % 2 == 0 else "L")
    for i, comp, on, level, position in [
        (1, "M.1", "2024-02-01", "2.5", None), (1, "M.1", "2024-09-01", "3.0", None),
        (2, "M.1", "2024-03-01", "2.0", None), (2, "M.2", "2024-03-01", "2.0", None),
        (3, "M.1", "2023-05-01", "1.5", None),
        (5, "M.1", "2024-04-01", "3.0", None), (5, "M.2", "2024-04-01", "2.5", None),
        (6, "M.1", "2024-05-01", "2.5", "ADM"),
    ]:  # fmt: skip
        b.assess(P[i], comp, on, level, position)
    return b


@pytest.fixture(scope="module")
def cur() -> Iterator:
    store: Store = store_of(coverage_world())
    try:
        yield store.cursor()
    finally:
        store.close()


def counts(cur, f: Filters) -> dict[str, tuple[int, int, int, float]]:  # type: ignore[no-untyped-def]
    df = coverage.assessment_coverage(cur, f)
    return {
        r.agency_id: (r.employees, r.assessed, r.not_assessed, round(r.pct_assessed, 2))
        for r in df.itertuples()
    }


@pytest.mark.parametrize(
    "f, expected",
    [
        # p1 once for two assessments; p2 by scores without a standard; p5 once for a score
        # with and one without; p6 by a score in another position
        (Filters(year=2024), {"DINKES": (4, 2, 2, 50.0), "BKD": (3, 2, 1, 66.67)}),
        # a missing year: only p3 was assessed in 2023
        (Filters(year=2023), {"DINKES": (4, 1, 3, 25.0), "BKD": (3, 0, 3, 0.0)}),
        # the latest assessment year when none is chosen
        (Filters(), {"DINKES": (4, 2, 2, 50.0), "BKD": (3, 2, 1, 66.67)}),
        (Filters(year=2024, agencies=("BKD",)), {"BKD": (3, 2, 1, 66.67)}),
        (Filters(year=2024, units=(("DINKES", "Sekretariat"),)), {"DINKES": (2, 2, 0, 100.0)}),
        (Filters(year=2024, genders=("P",)), {"DINKES": (2, 1, 1, 50.0), "BKD": (1, 1, 0, 100.0)}),
        # a job family follows the current position: p6 (now PEL) is Umum, not Kesehatan
        (
            Filters(year=2024, job_families=("Umum",)),
            {"DINKES": (3, 1, 2, 33.33), "BKD": (2, 1, 1, 50.0)},
        ),
        (
            Filters(year=2024, job_families=("Kesehatan",)),
            {"DINKES": (1, 1, 0, 100.0), "BKD": (1, 1, 0, 100.0)},
        ),
    ],
)
def test_assessment_coverage_by_hand(cur, f: Filters, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts(cur, f) == expected


@pytest.mark.parametrize(
    "f, expected",
    [
        (Filters(year=2024), [4, 3, 7]),
        (Filters(year=2023), [7, 6, 5, 4, 2, 1]),
        (Filters(year=2024, job_families=("Umum",)), [4, 3, 7]),
        (Filters(year=2024, genders=("L",)), [3, 7]),
    ],
)
def test_not_assessed_by_hand(cur, f: Filters, expected: list[int]) -> None:  # type: ignore[no-untyped-def]
    got = coverage.not_assessed(cur, f)
    assert sorted(got["nip"]) == sorted(P[i] for i in expected)
    # ordered by agency name, unit, name
    keys = list(zip(got["agency_name"], got["unit"], got["name"], strict=True))
    assert keys == sorted(keys)


def test_the_employees_assessed_without_a_standard_are_stored_and_refreshed() -> None:
    """nostd_year holds p2 alone (p5 also has a score with a standard); a standard added for
    p2's post moves p2 to person_year, by an import's refresh as by a full one, and the
    coverage stays the same."""
    from analytics.store import derived
    from tests.analytics.store.test_derived import derived_rows, mark_changes

    store: Store = store_of(coverage_world())
    try:
        cur = store.cursor()
        nostd = "select e.nip, n.year from nostd_year n join employees e using (emp_key)"
        assert cur.execute(nostd).fetchall() == [(P[2], 2024)]
        before = counts(cur, Filters(year=2024))
        with store.write() as w:
            w.execute(
                "insert into standards select p.position_key, c.competency_key, 2 "
                "from positions p, competencies c "
                "where p.position_id = 'NOSTD' and c.competency_id = 'M.1'"
            )
            mark_changes(w, [], [], ["NOSTD"])
            derived.refresh(w, "affected_emp")
            incremental = derived_rows(w)
            derived.refresh(w)
            assert derived_rows(w) == incremental
            for t in ("chg_emp", "chg_training", "chg_standard", "affected_emp"):
                w.execute(f"drop table {t}")
        assert cur.execute(nostd).fetchall() == []
        assert counts(cur, Filters(year=2024)) == before
    finally:
        store.close()
