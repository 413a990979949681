"""`export service-link` and `export service-effect` (data contract, section 4): columns,
text of every value, sorting, and the misuses that exit 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from fractions import Fraction as F

import pytest

from analytics.store.db import Store
from tests.support.exports import run
from tests.support.fixtures import store_of, world


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    b = world()
    # added out of order: the export sorts by agency_id, then year
    b.outcome("KRC", 2024, 65.0).outcome("DINKES", 2024, 88.31)
    b.outcome("DINKES", 2023, 80.0, 120, (3.2,) * 9).outcome("BKD", 2024, 76.6, 50)
    s = store_of(b)
    try:
        yield s
    finally:
        s.close()


def test_service_link_csv(store: Store) -> None:
    """Figures from fixtures.world by hand (tests/analytics/metrics/test_service.py):
    BKD 2024 JPMs 77.5 and 80 (2023: 75 and 60); DINKES 2023 55/6 x 10 and 102.5, 2024
    620/6 and 730/8; KRC 2024 90 and 125; % meeting 0, 75, 60, 100 x 1/3."""
    code, out, err = run(store, "service-link")
    assert code == 0, err
    # jpm-summary's mean_jpm is the correctly rounded double of the exact mean
    d23 = float((F(550, 6) + F(1025, 10)) / 2)
    d24 = float((F(620, 6) + F(730, 8)) / 2)
    assert out.splitlines() == [
        "agency_id,year,ikm,grade,respondents,employees,mean_jpm,pct_meeting,mean_jpm_prev",
        "BKD,2024,76.6,C,50,2,78.75,0,67.5",
        f"DINKES,2023,80,B,120,2,{d23!r},75,",
        f"DINKES,2024,88.31,A,,2,{d24!r},60,{d23!r}",
        f"KRC,2024,65,C,,2,107.5,{100 / 3!r},",
    ]


def test_service_link_json_year_and_job_type(store: Store) -> None:
    code, out, err = run(
        store, "service-link", "--year", "2024", "--job-type", "Pelaksana", "--format", "json"
    )
    assert code == 0, err
    got = json.loads(out)
    assert [(r["agency_id"], r["year"]) for r in got] == [("BKD", 2024), ("DINKES", 2024),
                                                          ("KRC", 2024)]  # fmt: skip
    dinkes = got[1]
    # e2's M.2 at PEL: 2.2 / 2 = 110; previous year e2 at PEL (2.0 + 2.1) / 4 = 102.5
    assert dinkes == {"agency_id": "DINKES", "year": 2024, "ikm": 88.31, "grade": "A",
                      "respondents": None, "employees": 1, "mean_jpm": 110,
                      "pct_meeting": 100, "mean_jpm_prev": 102.5}  # fmt: skip
    assert '"respondents": null' in out and '"employees": 1,' in out


def test_service_effect_rows_and_order(store: Store) -> None:
    code, out, err = run(store, "service-effect")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "outcome,predictor,agencies,observations,effect,ci_low,ci_high"
    # DINKES alone has two IKM years; BKD and KRC one each: dropped. n = 2, k = 2: empty
    assert lines[1:3] == ["ikm,mean_jpm,1,2,,,", "ikm,mean_jpm_prev,0,0,,,"]
    outcomes = [line.split(",")[0] for line in lines[1:]]
    assert outcomes == [o for o in ["ikm", *(f"u{i}" for i in range(1, 10))] for _ in range(2)]
    # the unsur are given for DINKES 2023 only: one observation, dropped
    assert lines[-1] == "u9,mean_jpm_prev,0,0,,,"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("service-effect", "--year", "2024"), "--year"),
        (("service-effect", "--by", "agency"), "--by"),
        (("service-link", "--by", "agency"), "--by"),
        (("service-link", "--agency", "NOPE"), "--agency"),
    ],
)
def test_misuse_exits_2(store: Store, argv: tuple[str, ...], words: str) -> None:
    code, out, err = run(store, *argv)
    assert code == 2 and out == "" and words in err


def test_header_only_without_ikm_rows() -> None:
    s = store_of(world())
    try:
        assert run(s, "service-link")[1] == (
            "agency_id,year,ikm,grade,respondents,employees,mean_jpm,pct_meeting,mean_jpm_prev\n"
        )
        assert run(s, "service-effect")[1] == (
            "outcome,predictor,agencies,observations,effect,ci_low,ci_high\n"
        )
        assert run(s, "service-effect", "--format", "json")[1] == "[]\n"
    finally:
        s.close()
