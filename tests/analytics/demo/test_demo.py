"""The demo store: deterministic per seed, plausible, and obeying docs/import-formats.md."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from analytics.cli import main as cli
from analytics.demo.build import RAW_TABLES, build_demo
from analytics.demo.catalogue import PROGRAMMES
from analytics.demo.plan import build_plan
from analytics.store.db import Store

N = 2000


def _build(path: Path, *, employees: int = N, seed: int = 7, threads: int | None = None) -> Store:
    store = Store(path)
    if threads is not None:
        store.conn.execute(f"set threads = {threads}")
    assert (
        build_demo(store, employees=employees, seed=seed, out=io.StringIO(), err=io.StringIO()) == 0
    )
    return store


def _checksums(store: Store) -> dict[str, tuple[int, int, int]]:
    """Per raw table: rows, sum and xor of row hashes (independent of physical row order)."""
    out = {}
    for t in RAW_TABLES:
        out[t] = store.conn.execute(
            f"select count(*), coalesce(sum(hash(r)::hugeint), 0), coalesce(bit_xor(hash(r)), 0) "
            f"from {t} r"
        ).fetchone()
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _build(tmp_path_factory.mktemp("demo") / "asn.duckdb")
    yield store
    store.close()


def one(store: Store, sql: str) -> object:
    row = store.conn.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_same_seed_gives_the_same_store_on_any_thread_count(tmp_path: Path) -> None:
    a = _build(tmp_path / "a.duckdb", threads=1)
    b = _build(tmp_path / "b.duckdb", threads=2)
    try:
        assert _checksums(a) == _checksums(b)
    finally:
        a.close()
        b.close()


def test_different_seeds_give_different_stores(tmp_path: Path, demo: Store) -> None:
    other = _build(tmp_path / "other.duckdb", seed=8)
    try:
        mine, theirs = _checksums(demo), _checksums(other)
        for t in ("employees", "assessments", "participations", "performance"):
            assert mine[t] != theirs[t], t
        # The organisation is a fact, not a draw: same agencies under every seed.
        assert mine["agencies"] == theirs["agencies"]
    finally:
        other.close()


def test_counts_are_plausible(demo: Store) -> None:
    counts = {t: one(demo, f"select count(*) from {t}") for t in RAW_TABLES}
    assert counts["employees"] == N
    assert counts["agencies"] == 38  # the provincial government's OPD
    assert counts["competencies"] >= 9 + 5
    assert counts["positions"] > 100
    assert N * 9 * 3 * 0.75 < counts["assessments"] < N * 12 * 3
    assert counts["trainings"] > 50
    assert N * 0.5 < counts["participations"] < N * 6
    assert counts["performance"] == 3 * N
    assert counts["service_outcomes"] == 3 * counts["agencies"]
    assert one(demo, "select count(distinct instansi) from agencies") == 1
    assert one(demo, "select min(instansi) from agencies") == "Pemerintah Provinsi Jambi"
    assert one(demo, "select count(*) from agencies where agency_name = 'RSUD Raden Mattaher'") == 1


def test_nips_are_structurally_valid_and_unique(demo: Store) -> None:
    rows = demo.conn.execute(
        "select nip, birth_date, gender, employment_type from employees"
    ).fetchall()
    assert len({r[0] for r in rows}) == len(rows)
    for nip, birth, gender, kind in rows:
        assert re.fullmatch(r"\d{18}", nip), nip
        assert nip[-3:] != "000"
        assert nip[:8] == birth.strftime("%Y%m%d")
        assert nip[14] == ("1" if gender == "L" else "2")
        if kind == "PNS":
            assert 1 <= int(nip[12:14]) <= 12  # appointment month
            assert int(nip[8:12]) >= birth.year + 18
        else:
            assert nip[12] == "2"  # PPPK: TMT year, code 2, period digit


def test_people_look_like_a_civil_service(demo: Store) -> None:
    pppk = one(demo, "select avg((employment_type = 'PPPK')::int) from employees")
    assert 0.12 < pppk < 0.3  # type: ignore[operator]
    assert one(demo, "select count(*) from employees where trim(name) = ''") == 0
    assert (
        one(
            demo,
            "select count(*) from employees e join positions p using (position_key) "
            "where p.job_type in ('JPT Madya', 'JPT Pratama', 'Administrator', "
            "'Pengawas') and e.employment_type <> 'PNS'",
        )
        == 0
    )
    ranks = demo.conn.execute("select employment_type, rank from employees").fetchall()
    for kind, rank in ranks:
        pattern = r"(I|II|III|IV)/[a-e]" if kind == "PNS" else r"[IVX]+"
        assert re.fullmatch(pattern, rank), (kind, rank)
    # Ranks follow the job: every Ahli Madya PNS is IV/a-IV/c, every Ahli Pertama III/a-b.
    assert (
        one(
            demo,
            "select count(*) from employees join positions using (position_key) "
            "where employment_type = 'PNS' and job_type = 'Fungsional Ahli Madya' "
            "and rank not in ('IV/a', 'IV/b', 'IV/c')",
        )
        == 0
    )
    families = one(demo, "select count(distinct job_family) from positions")
    assert families >= 15  # type: ignore[operator]
    job_types = {
        r[0]
        for r in demo.conn.execute(
            "select distinct job_type from positions join employees using (position_key)"
        ).fetchall()
    }
    assert {
        "JPT Pratama",
        "Administrator",
        "Pengawas",
        "Pelaksana",
        "Fungsional Ahli Muda",
        "Fungsional Terampil",
    } <= job_types


def test_references_are_valid_and_keys_unique(demo: Store) -> None:
    orphans = {
        "employees.agency": "select count(*) from employees where agency_key not in "
        "(select agency_key from agencies)",
        "employees.position": "select count(*) from employees where position_key not in "
        "(select position_key from positions)",
        "standards": "select count(*) from standards where position_key not in (select "
        "position_key from positions) or competency_key not in (select "
        "competency_key from competencies)",
        "assessments": "select count(*) from assessments where emp_key not in (select emp_key "
        "from employees) or competency_key not in (select competency_key from "
        "competencies) or (position_key is not null and position_key not in "
        "(select position_key from positions))",
        "trainings": "select count(*) from trainings where competency_key is not null and "
        "competency_key not in (select competency_key from competencies)",
        "participations": "select count(*) from participations where training_key not in "
        "(select training_key from trainings) or emp_key not in "
        "(select emp_key from employees)",
        "performance": "select count(*) from performance where emp_key not in "
        "(select emp_key from employees)",
        "service_outcomes": "select count(*) from service_outcomes where agency_key not in "
        "(select agency_key from agencies)",
    }
    for what, sql in orphans.items():
        assert one(demo, sql) == 0, what
    duplicates = {
        "assessments": "emp_key, competency_key, assessed_on",
        "participations": "training_key, emp_key",
        "performance": "emp_key, year",
        "service_outcomes": "agency_key, year",
        "standards": "position_key, competency_key",
    }
    for table, key in duplicates.items():
        assert (
            one(
                demo,
                f"select count(*) from (select {key} from {table} group by all "
                "having count(*) > 1)",
            )
            == 0
        ), table


def test_levels_and_trainings_obey_the_contract(demo: Store) -> None:
    assert (
        one(
            demo,
            "select count(*) from assessments where level < 1 or level > 5 "
            "or level * 10 <> floor(level * 10)",
        )
        == 0
    )
    assert one(demo, "select count(*) from standards where required_level not between 1 and 5") == 0
    assert (
        one(
            demo,
            "select count(*) from trainings where end_date < start_date or hours_jp <= 0 "
            "or cost_idr < 0",
        )
        == 0
    )
    # Events with the same title are one programme: one competency (or none) per title.
    assert (
        one(
            demo,
            "select count(*) from (select title from trainings group by title "
            "having count(distinct coalesce(competency_key, -1)) > 1)",
        )
        == 0
    )
    assert (
        one(demo, "select count(*) from trainings where hours_jp * 10 <> floor(hours_jp * 10)") > 0
    )
    assert one(demo, "select count(*) from trainings where competency_key is null") > 0
    assert one(demo, "select count(distinct mode) from trainings") >= 4
    completed = one(demo, "select avg(completed::int) from participations")
    assert 0.85 < completed < 0.95  # type: ignore[operator]
    assert one(demo, "select count(distinct title) from trainings") >= 20
    assert (
        one(
            demo,
            "select min(n) from (select title, count(*) n from trainings "
            "where competency_key is not null group by title)",
        )
        >= 1
    )
    several = one(
        demo,
        "select count(*) from (select title from trainings group by title having count(*) >= 3)",
    )
    assert several >= 10  # type: ignore[operator]


def test_assessments_have_the_awkward_cases(demo: Store) -> None:
    # Re-assessed within one year (two dates; the later counts).
    assert (
        one(
            demo,
            "select count(*) from (select emp_key, competency_key, year(assessed_on) "
            "from assessments group by all having count(*) > 1)",
        )
        > 0
    )
    # Assessed in an earlier position.
    assert (
        one(
            demo,
            "select count(*) from assessments a join employees e using (emp_key) "
            "where a.position_key is not null and a.position_key <> e.position_key",
        )
        > 0
    )
    # Scores without a standard.
    assert one(demo, "select count(*) from score where required_level is null") > 0
    # 10-20 % of employees not assessed in a given year.
    for year in (2023, 2024, 2025):
        assessed = one(
            demo,
            f"select count(distinct emp_key) from assessments where year(assessed_on) = {year}",
        )
        assert 0.8 * N <= assessed <= 0.9 * N, year  # type: ignore[operator]
    assert one(demo, "select count(distinct method) from assessments") == 2


def test_patterns_are_believable(demo: Store) -> None:
    gaps = dict(
        demo.conn.execute(
            "select competency_id, avg(level - required_level) from score "
            "join competencies using (competency_key) where required_level is not null "
            "and competency_group <> 'teknis' group by all"
        ).fetchall()
    )
    weakest = sorted(gaps, key=lambda c: gaps[c])[:2]
    assert set(weakest) == {"M.7", "M.8"}
    by_year = [
        r[0]
        for r in demo.conn.execute(
            "select avg(level) from score group by year order by year"
        ).fetchall()
    ]
    assert by_year[0] < by_year[1] < by_year[2] < by_year[0] + 0.4  # slow improvement
    ratings = dict(
        demo.conn.execute("select rating, count(*) from performance group by all").fetchall()
    )
    assert ratings["Baik"] > 0.6 * 3 * N
    assert len(ratings) == 5
    ikm = demo.conn.execute(
        "select min(ikm), max(ikm), median(ikm) from service_outcomes"
    ).fetchone()
    assert ikm is not None and ikm[0] >= 25 and ikm[1] <= 100 and 75 <= ikm[2] <= 90
    jp20 = one(
        demo,
        "select avg((coalesce(jp, 0) >= 20)::int) from employees "
        "left join jp_year j on j.emp_key = employees.emp_key and j.year = 2024",
    )
    assert 0.1 < jp20 < 0.5  # type: ignore[operator]


def test_regression_recovers_programme_effects_the_naive_difference_overstates(demo: Store) -> None:
    """Assessment pairs per programme (docs/metrics.md#programme-impact): OLS of the change
    on treated and the first level finds the true effects; the raw difference is inflated by
    regression to the mean, since low scorers are the ones sent to training."""
    truth = {p.title: p.effect for p in PROGRAMMES if p.competency}
    pairs = demo.conn.execute("""
        select t.title, pp.title is not null as treated, pr.level0::double, pr.level1::double
        from (select distinct title, competency_key from trainings
              where competency_key is not null) t
        join pair pr using (competency_key)
        left join pair_programme pp
          on pp.emp_key = pr.emp_key and pp.competency_key = pr.competency_key
         and pp.d1 = pr.d1 and pp.title = t.title
        where not pr.treated or pp.title is not null
    """).fetchall()
    ols_err, naive_err = [], []
    for title in truth:
        rows = np.array([(tr, l0, l1) for t, tr, l0, l1 in pairs if t == title], dtype=float)
        if len(rows) == 0 or rows[:, 0].sum() < 40:
            continue
        delta = rows[:, 2] - rows[:, 1]
        x = np.column_stack([np.ones(len(rows)), rows[:, 0], rows[:, 1]])
        effect = np.linalg.lstsq(x, delta, rcond=None)[0][1]
        naive = delta[rows[:, 0] == 1].mean() - delta[rows[:, 0] == 0].mean()
        assert abs(effect - truth[title]) < 0.2, title
        ols_err.append(effect - truth[title])
        naive_err.append(naive - truth[title])
    assert len(ols_err) >= 8
    assert abs(np.mean(ols_err)) < 0.06
    assert np.mean(naive_err) > np.mean(ols_err) + 0.04


def test_import_log_records_the_build(demo: Store) -> None:
    kind, files, counts = demo.conn.execute(
        "select kind, files, counts from import_log order by import_id desc limit 1"
    ).fetchone()
    assert (kind, files) == ("demo", "[]")
    assert json.loads(counts)["employees"] == {"added": N, "changed": 0}


def test_refuses_a_store_with_data_unless_forced(tmp_path: Path) -> None:
    db = str(tmp_path / "asn.duckdb")
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["demo", "--db", db, "--employees", "300", "--seed", "1"], out, err) == 0
    assert "employees" in out.getvalue() and "derived refresh" in out.getvalue()
    err = io.StringIO()
    assert cli.run(["demo", "--db", db, "--employees", "400"], io.StringIO(), err) == 1
    assert "--force" in err.getvalue()
    assert (
        cli.run(["demo", "--db", db, "--employees", "400", "--force"], io.StringIO(), io.StringIO())
        == 0
    )
    store = Store(db)
    try:
        assert one(store, "select count(*) from employees") == 400
        assert one(store, "select count(*) from import_log where kind = 'demo'") == 2
        assert one(store, "select count(*) from score where emp_key > 400") == 0
    finally:
        store.close()


def test_larger_workforces_add_regency_and_central_governments() -> None:
    small = build_plan(20_000)
    assert small.agencies.instansi.nunique() == 1
    regional = build_plan(60_000)
    instansi = set(regional.agencies.instansi)
    assert {"Pemerintah Provinsi Jambi", "Pemerintah Kabupaten Kerinci"} <= instansi
    assert regional.units.n.sum() == 60_000
    national = build_plan(5_600_000)
    assert national.units.n.sum() == 5_600_000
    assert national.agencies.instansi.nunique() >= 300
    assert any(i.startswith("Kementerian") for i in national.agencies.instansi)
    assert len(national.agencies) > 5_000 and len(national.units) > 10_000
    assert national.agencies.agency_id.is_unique
    assert not national.units.duplicated(["agency_key", "unit"]).any()


def test_regency_governments_build(tmp_path: Path) -> None:
    store = _build(tmp_path / "regional.duckdb", employees=21_000)
    try:
        assert one(store, "select count(distinct instansi) from agencies") > 1
        assert (
            one(
                store,
                "select count(*) from agencies where agency_name like "
                "'Kecamatan % Kabupaten Kerinci'",
            )
            > 5
        )
        assert one(store, "select count(*) from employees") == 21_000
    finally:
        store.close()


def test_talent_data_is_plausible(demo: Store) -> None:
    """Ratings every assessment year, potential tests for some people, a spread over the boxes
    with most people in 5, 7 and 8 and few in 1 and 9, JPM like real reports, and some post
    holders within two years of their retirement age."""
    from analytics.core.filters import Filters
    from analytics.metrics.talent import BUP_NEAR_YEARS, bup_of, talent_summary

    cur = demo.conn.cursor()
    rated = dict(cur.execute("select year, count(*) from performance group by 1").fetchall())
    assessed = {r[0] for r in cur.execute("select distinct year from score").fetchall()}
    assert set(rated) == assessed and all(n == N for n in rated.values())
    tested = one(demo, "select count(distinct emp_key) from potential")
    assert 0.03 * N < tested < 0.3 * N  # type: ignore[operator]
    s = talent_summary(cur, Filters()).iloc[0]
    share = {b: s[f"box_{b}"] / s["mapped"] for b in range(1, 10)}
    assert share[5] + share[7] + share[8] > 0.5
    assert share[1] < 0.05 and share[9] < 0.15
    mean_jpm, in_range = cur.execute(
        "select avg(j), avg((j between 70 and 100)::int) from (select 100 * sum_level / "
        "sum_required as j from person_year where year = 2025)"
    ).fetchone()  # type: ignore[misc]
    assert 85 <= mean_jpm <= 95 and in_range > 0.5
    holders = cur.execute(
        "select p.job_type, e.birth_date from employees e join positions p using (position_key) "
        "where p.job_type in ('Administrator', 'JPT Pratama', 'Pengawas')"
    ).fetchall()
    near = [
        jt for jt, born in holders
        if born is not None and 2025 - born.year >= bup_of(jt) - BUP_NEAR_YEARS
    ]  # fmt: skip
    assert 0 < len(near) < 0.5 * len(holders)
