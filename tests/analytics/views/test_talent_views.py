"""The Talenta page's views on the talent world (tests/support/talent_world.py), worked by hand."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from fractions import Fraction as F
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.core.filters import Filters
from analytics.core.privacy import NotPermitted
from analytics.demo.build import build_demo
from analytics.metrics import common, route
from analytics.metrics import talent as tm
from analytics.store.db import Store
from analytics.views import talent as vt
from tests.support.fixtures import Builder, nip, store_of
from tests.support.talent_world import T, talent_world

LEADER = Filters(may_see_individuals=False)


@pytest.fixture(scope="module")
def cur() -> Iterator[duckdb.DuckDBPyConnection]:
    store = store_of(talent_world())
    try:
        yield store.cursor()
    finally:
        store.close()


def test_grid(cur) -> None:
    g = vt.grid(cur, LEADER)  # counts: every role
    assert (g.year, g.rated, g.mapped, g.unmapped) == (2025, 16, 15, 1)
    counts = dict(zip(g.boxes["box"], g.boxes["employees"], strict=True))
    assert counts == {1: 1, 2: 1, 3: 1, 4: 1, 5: 2, 6: 1, 7: 2, 8: 2, 9: 4}
    shares = dict(zip(g.boxes["box"], g.boxes["share"], strict=True))
    assert shares[9] == float(F(400, 15)) and shares[1] == float(F(100, 15))
    b9 = g.boxes[g.boxes["box"] == 9].iloc[0]
    assert (b9["performance"], b9["potential"]) == (2, 2)


def test_box_people_paged(cur) -> None:
    page, total = vt.box_people(cur, Filters(), 9, limit=2, offset=1)
    assert total == 4  # e1, e14, e16, e17; names "Pegawai 001" ... sort as the NIPs
    assert list(page["nip"]) == [T[14], T[16]]
    with pytest.raises(NotPermitted):
        vt.box_people(cur, LEADER, 9)


@pytest.mark.parametrize(
    "f, box, total",
    [
        (Filters(), 9, 4),  # e1, e14, e16, e17
        (Filters(agencies=("A2",)), 9, 1),  # e14
        (Filters(agencies=("A1",), small_groups="hide"), 8, 1),  # e4 (e15 is in A2)
        (Filters(units=(("A1", "Umum"),)), 5, 2),  # e5, e12 (everyone works in Umum): rows
        (Filters(units=(("A2", "Keuangan"),)), 9, 0),  # a unit nobody works in
    ],
)
def test_box_people_total_is_the_grid_count(cur, f, box, total) -> None:
    """The total beside a box's page comes from the talent roll-ups (the rows' count when a
    unit or rank is chosen) and equals the count of the people themselves."""
    got = vt.box_people(cur, f, box, limit=200)
    with route.person_level():
        slow = vt.box_people(cur, f, box, limit=200)
    assert got[1] == slow[1] == len(got[0]) == total


def test_moves(cur) -> None:
    """2024 -> 2025: e1 8 -> 9 (performance +1: rose), e2 7 -> 7, e8 3 -> 3 (stayed),
    e5 4 -> 5 (performance -1, potential +1: two steps, neither up nor down),
    e9 8 -> 1 (performance -1, potential -2: three steps, fell)."""
    m = vt.moves(cur, LEADER)
    assert (m.from_year, m.year) == (2024, 2025)
    assert (m.rose, m.fell, m.stayed, m.big) == (1, 1, 2, 2)
    assert int(m.table["employees"].sum()) == 5
    who = vt.movers(cur, Filters())
    assert list(who["nip"]) == [T[9], T[5], T[1]]  # steps 3, 2, 1
    assert list(who["steps"]) == [3, 2, 1] and list(who["big"]) == [True, True, False]
    assert list(who["direction"]) == [-3, 0, 1]
    with pytest.raises(NotPermitted):
        vt.movers(cur, LEADER)


def test_calibration(cur, monkeypatch) -> None:
    """Population shares (of 15 mapped): boxes 1-4 and 6 1/15, 5 and 7 and 8 2/15, 9 4/15.
    Fungsional Ahli Muda: box 8 and 9 half each: TVD = 50 x (9/15 + 11/30 + 7/30) = 60.
    Pelaksana (12 mapped): TVD = 50 x 18/60 = 15. Administrator: 1 rated, left out."""
    assert vt.calibration(cur, Filters(), "job_type").empty  # nobody reaches 30 rated
    monkeypatch.setattr(vt, "CALIBRATION_MIN", 2)
    df = vt.calibration(cur, Filters(), "job_type")
    assert list(df["job_type"]) == ["Fungsional Ahli Muda", "Pelaksana"]
    assert df["tvd"].tolist() == pytest.approx([60, 15], abs=1e-9)
    assert df["marked"].tolist() == [True, True]
    assert df.iloc[0]["share_9"] == 50


def test_candidates_and_gaps(cur) -> None:
    c = vt.candidates(cur, Filters(), "KABID")
    assert list(c.rows["nip"]) == [T[1], T[17], T[14], T[15], T[4], T[2], T[11]]
    assert c.by_readiness == {vt.tm.MS: 1, vt.tm.MMS: 1, vt.tm.KMS: 1, "": 4}
    assert c.total == 7
    # the three complete candidates, closest to ready first (box plays no part here)
    assert list(c.best["readiness"]) == [vt.tm.MS, vt.tm.MMS, vt.tm.KMS]
    assert (c.best["missing"] == 0).all()
    leader = vt.candidates(cur, LEADER, "KABID")
    assert leader.rows.empty and leader.best.empty
    assert leader.by_readiness == c.by_readiness and leader.total == 7
    g = vt.gaps(cur, Filters(), "KABID", [T[4]])
    got = {r["competency_id"]: (r["level"], r["required_level"], r["status"])
           for r in g.to_dict("records")}  # fmt: skip
    assert got["M.1"] == (2.5, 4, "below") and got["M.2"] == (2.0, 3, "below")
    assert got["SK.1"][1:] == (3, "missing")
    assert g["programme"].isna().all()  # no training data in this world: nothing proven
    with pytest.raises(NotPermitted):
        vt.gaps(cur, LEADER, "KABID", [T[4]])


def readiness_counts(rows: pd.DataFrame) -> dict[str, int]:
    """A succession list's rows counted by readiness ("" for those missing a level)."""
    out = {tm.MS: 0, tm.MMS: 0, tm.KMS: 0, "": 0}
    for r in rows["readiness"]:
        out[r if isinstance(r, str) else ""] += 1
    return out


def test_posts_at_risk_in_the_talent_world(cur) -> None:
    """KABID (Administrator) is held by e16 (no birth date: unknown age); one Memenuhi Syarat
    candidate (e1): fewer than two."""
    risk = vt.posts_at_risk(cur, LEADER, date(2025, 12, 31))
    assert list(risk["position_id"]) == ["KABID"]
    r = risk.iloc[0]
    assert (r["holders"], r["near_bup"], r["unknown_age"], r["ready"]) == (1, 0, 1, 1)
    assert (bool(r["vacant"]), bool(r["retiring"]), bool(r["few_ready"])) == (False, False, True)


@pytest.mark.parametrize(
    "born, near",
    [
        ("1968-03-01", True),  # BUP 58 on 2026-03-01
        ("1969-12-31", True),  # 58 on 2027-12-31: exactly two years after the date
        ("1970-01-01", False),  # 58 on 2028-01-01
    ],
)
def test_posts_at_risk_retirement_edge(born, near) -> None:
    b = Builder().agency("A").competency("M.1")
    b.position("KABID", "Administrator").standard("KABID", "M.1", 3)
    b.position("JPT", "JPT Pratama").standard("JPT", "M.1", 4)  # held by nobody: vacant
    b.employee(nip(1), "A", "U", "KABID", birth_date=born)
    store = store_of(b)
    try:
        risk = vt.posts_at_risk(store.cursor(), Filters(), date(2025, 12, 31))
        narrowed = vt.posts_at_risk(store.cursor(), Filters(agencies=("A",)), date(2025, 12, 31))
    finally:
        store.close()
    rows = {r["position_id"]: r for r in risk.to_dict("records")}
    assert rows["JPT"]["vacant"] and rows["JPT"]["risks"] == 2  # vacant, nobody ready
    assert bool(rows["KABID"]["retiring"]) is near and rows["KABID"]["near_bup"] == int(near)
    assert "JPT" not in set(narrowed["position_id"])  # a vacant post belongs to no agency


def test_person_boxes(cur) -> None:
    got = vt.person_boxes(cur, Filters(), T[9])
    assert got[["year", "box"]].values.tolist() == [[2024, 8], [2025, 1]]
    e3 = vt.person_boxes(cur, Filters(), T[3])  # rated 2023 without a source; 2025: box 4
    assert e3["year"].tolist() == [2023, 2025] and e3["box"].isna().tolist() == [True, False]


def test_small_boxes_are_hidden_for_a_leader_with_a_complementary_cell() -> None:
    """Boxes of 1-4 people lose their counts under 'hide'; when that leaves one box hidden,
    the next smallest goes too (the total would give it away); 'mark' and 'show' keep all."""
    import pandas as pd

    from analytics.core.filters import Filters
    from analytics.views.talent import hide_small

    boxes = pd.DataFrame(
        {"box": [1, 2, 5, 8], "employees": [3, 12, 40, 7], "share": [5.0, 19.4, 64.5, 11.3]}
    )
    out = hide_small(boxes, Filters(small_groups="hide"))
    # box 1 (3 people) is small; alone it would follow from the total, so box 8 (7) goes too
    assert list(out["hidden"]) == [True, False, False, True]
    assert out["employees"].isna().tolist() == [True, False, False, True]
    assert out["share"].isna().tolist() == [True, False, False, True]
    two = hide_small(boxes.assign(employees=[3, 2, 40, 7]), Filters(small_groups="hide"))
    assert list(two["hidden"]) == [True, True, False, False]  # two small: no extra cell
    for rule in ("mark", "show"):
        kept = hide_small(boxes, Filters(small_groups=rule))  # type: ignore[arg-type]
        assert not kept["hidden"].any() and list(kept["employees"]) == [3, 12, 40, 7]


def _counts(g: vt.Grid) -> dict[int, int]:
    return {int(b): int(n) for b, n in zip(g.boxes["box"], g.boxes["employees"], strict=True) if n}


def test_local_mapping_defaults_to_the_contract(cur) -> None:
    assert vt.LocalMapping().is_contract
    mine = vt.grid_local(cur, LEADER, vt.LocalMapping(900, 780, 3))
    theirs = vt.grid(cur, LEADER)
    assert (mine.year, mine.rated, mine.mapped) == (theirs.year, theirs.rated, theirs.mapped)
    assert _counts(mine) == _counts(theirs)


def test_local_mapping_other_cut_offs_and_window(cur) -> None:
    """tinggi >= 78.0, menengah >= 76.0, a two-year window [2024, 2025] for the JPM proxy.
    Re-mapped by hand (the proxy's people only; potential.csv stays): e3 JPM 76 exactly ->
    menengah, Sangat Baik -> 7; e4 90 -> tinggi, Baik -> 8; e5 78 exactly -> tinggi -> 8;
    e8 JPM 2024 88 -> tinggi, Kurang -> 6; e9 JPM 2023 out of the window (and its 2022 test
    out of potential.csv's) -> no source; e12 JPM 2024 80 -> tinggi -> 8; e15 100 -> 8.
    Unchanged: e1 9, e2 7, e6 2, e7 6, e11 7, e14 9, e16 9, e17 9; e10 no source.
    Boxes: 2: e6; 6: e7, e8; 7: e2, e3, e11; 8: e4, e5, e12, e15; 9: e1, e14, e16, e17."""
    g = vt.grid_local(cur, Filters(small_groups="show"), vt.LocalMapping(780, 760, 2))
    assert (g.year, g.rated, g.mapped, g.unmapped) == (2025, 16, 14, 2)
    assert _counts(g) == {2: 1, 6: 2, 7: 3, 8: 4, 9: 4}
    shares = dict(zip(g.boxes["box"], g.boxes["share"], strict=True))
    assert shares[8] == float(F(400, 14))


def test_local_mapping_decides_in_tenths(cur) -> None:
    """menengah >= 76.1: e3's JPM of exactly 76 is now rendah (Sangat Baik -> box 4); at
    76.0 it was menengah (box 7). A window of one year: e8 and e12 (JPM 2024) lose their
    source."""
    show = Filters(small_groups="show")
    g = vt.grid_local(cur, show, vt.LocalMapping(780, 761, 1))
    counts = _counts(g)
    assert counts[4] == 1 and counts[7] == 2  # e3 left box 7 for box 4: e2, e11 stay
    assert (g.mapped, g.unmapped) == (12, 4)  # e8, e9, e10, e12 without a source
    assert counts == {2: 1, 4: 1, 6: 1, 7: 2, 8: 3, 9: 4}


def test_local_mapping_checks_its_values() -> None:
    with pytest.raises(ValueError):
        vt.LocalMapping(900, 780, 4)
    with pytest.raises(ValueError):
        vt.LocalMapping(700, 780, 3)
    assert vt.jpm_potential(78, 100, vt.LocalMapping()) == 1  # 7.8 / 10.0 = JPM 78 exactly
    assert vt.jpm_potential(77, 100, vt.LocalMapping()) == 0
    assert vt.jpm_potential(90, 100, vt.LocalMapping()) == 2


def test_summary_hidden_hides_small_boxes_per_row(cur) -> None:
    """Every box of the talent world holds 1-4 people: under 'hide' no box count survives,
    and succession goes with boxes 7-9; the rated and mapped counts (16, 15) stay."""
    df = vt.summary_hidden(cur, Filters(small_groups="hide"))
    row = df.iloc[0]
    assert (int(row["employees"]), int(row["mapped"])) == (16, 15)
    assert all(pd.isna(row[f"box_{b}"]) for b in range(1, 10))
    assert pd.isna(row["succession"]) and pd.isna(row["pct_succession"])
    shown = vt.summary_hidden(cur, Filters(small_groups="show"))
    assert int(shown.iloc[0]["box_9"]) == 4 and int(shown.iloc[0]["succession"]) == 8


@pytest.mark.parametrize(
    "chunk, how",
    [(tm.CANDIDATE_CHUNK, "stored"), (7, "stored"), (7, "per person"), (7, "some agencies")],
)
def test_posts_at_risk_ready_counts_agree_with_each_posts_succession_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, how: str
) -> None:
    """posts_at_risk and readiness_by_post count candidates by readiness for all posts at once,
    grouping posts by their standard's competency set (ready_hist.sql, graded by
    talent_ready_counts.sql); the succession export reads them one post at a time. On a demo
    store, where posts share sets with other required levels and candidates hold posts of the
    same set, every post's counts are its export's rows by readiness (and its candidates view's
    counts): from the whole store's stored histograms (ready_post), from the per-person rows,
    and for some agencies' population; also when the candidates are read a few at a time (chunk
    7), as a country's millions are."""
    monkeypatch.setattr(tm, "CANDIDATE_CHUNK", chunk)
    store = Store(tmp_path / "asn.duckdb")
    build_demo(store, employees=900, seed=11, force=False, out=io.StringIO(), err=io.StringIO())
    try:
        with store.snapshot() as snap, ExitStack() as stack:
            read: list[str] = []  # the histograms each readiness count read
            real_query = common.query

            def query(c, name, params, **fragments):  # type: ignore[no-untyped-def]
                if name == "talent_ready_counts":
                    read.append(fragments["hist"])
                return real_query(c, name, params, **fragments)

            monkeypatch.setattr(common, "query", query)
            leader, owner = LEADER, Filters(may_see_individuals=True)
            if how == "per person":
                stack.enter_context(route.person_level())
            elif how == "some agencies":  # every agency but the largest (its schools')
                agencies = [
                    a
                    for (a,) in snap.cur.execute(
                        "select a.agency_id from employees e join agencies a using (agency_key) "
                        "group by all order by count(*) desc offset 1"
                    ).fetchall()
                ]
                leader, owner = (x.with_(agencies=tuple(agencies)) for x in (leader, owner))
            risk = vt.posts_at_risk(snap.cur, leader, date(2025, 12, 31))
            assert len(risk) > 10
            keys = dict(
                snap.cur.execute("select position_id, position_key from positions").fetchall()
            )
            counts = vt.readiness_by_post(snap.cur, leader, [keys[p] for p in risk["position_id"]])
            by_key = counts.set_index("position_key")
            assert read and all(("from ready_post" in h) == (how == "stored") for h in read)
            for r in risk.itertuples():
                rows = tm.succession(snap.cur, owner, r.position_id)
                assert r.ready == int((rows["readiness"] == tm.MS).sum()), r.position_id
                got = by_key.loc[keys[r.position_id]]
                expected = readiness_counts(rows)
                assert (got["ms"], got["mms"], got["kms"], got["incomplete"]) == (
                    expected[tm.MS], expected[tm.MMS], expected[tm.KMS], expected[""],
                ), r.position_id  # fmt: skip
                assert got["candidates"] == len(rows)
                assert vt.candidates(snap.cur, leader, r.position_id).by_readiness == expected
            assert risk["ready"].sum() > 0  # the comparison covers posts with ready candidates
            assert counts["mms"].sum() > 0 and counts["kms"].sum() > 0
            assert counts["incomplete"].sum() > 0
    finally:
        store.close()


def _closest_first(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.sort_values(
        ["missing", "jpm_target", "nip"], ascending=[True, False, True], na_position="last",
        kind="mergesort",
    )  # fmt: skip


@pytest.mark.parametrize("limit", range(1, 9))
def test_succession_heads_are_the_heads_of_the_whole_list(cur, limit: int) -> None:
    """succession_heads chooses the first rows from stored sums by (box, missing) group; every
    cut of KABID's seven candidates (three complete, four missing a level, in several boxes)
    equals the head of the whole list, in the list's order and in the closest-first order."""
    owner = Filters(may_see_individuals=True)
    whole = tm.succession(cur, owner, "KABID")
    head, best = tm.succession_heads(cur, owner, "KABID", limit, limit)
    pd.testing.assert_frame_equal(head, whole.head(limit).reset_index(drop=True))
    expected = _closest_first(whole).head(limit).reset_index(drop=True)
    pd.testing.assert_frame_equal(best, expected)


def test_succession_heads_on_a_demo_store(tmp_path: Path) -> None:
    """On a demo store (posts with one or two technical competencies, candidates with levels
    outside a post's standard, incomplete ones), the head of every post's list and its closest
    candidates equal the whole export's, for everyone, one agency and one job family."""
    store = Store(tmp_path / "asn.duckdb")
    build_demo(store, employees=900, seed=5, force=False, out=io.StringIO(), err=io.StringIO())
    try:
        with store.snapshot() as snap:
            c = snap.cur
            agency = c.execute("select min(agency_id) from agencies").fetchone()[0]
            family = c.execute("select min(job_family) from positions").fetchone()[0]
            posts = [p for (p,) in c.execute(
                "select distinct p.position_id from positions p join standards s "
                "using (position_key) order by 1"
            ).fetchall()]  # fmt: skip
            seen = 0
            for filters in (
                Filters(may_see_individuals=True),
                Filters(may_see_individuals=True, agencies=(agency,)),
                Filters(may_see_individuals=True, job_families=(family,)),
            ):
                for post in posts[::3]:
                    whole = tm.succession(c, filters, post)
                    for limit, best in ((1, 3), (10, 1), (40, 12)):
                        head, closest = tm.succession_heads(c, filters, post, limit, best)
                        pd.testing.assert_frame_equal(
                            head, whole.head(limit).reset_index(drop=True)
                        )
                        pd.testing.assert_frame_equal(
                            closest, _closest_first(whole).head(best).reset_index(drop=True)
                        )
                    seen += len(whole)
            assert seen > 1000
    finally:
        store.close()


def _hide_one_table(n: list[float], min_group: int) -> list[bool]:
    """The rule for one table, cell by cell (the reference)."""
    small = [0 < x < min_group for x in n]
    if sum(small) == 1:
        rest = [(x, i) for i, x in enumerate(n) if x > 0 and not small[i]]
        if rest:
            small[min(rest)[1]] = True
    return small


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), min_size=9, max_size=9), min_size=1, max_size=8))
def test_small_cells_decides_every_row_as_one_table(rows: list[list[int]]) -> None:
    got = vt.small_cells(np.array(rows, dtype="float64"), 5)
    assert got.tolist() == [_hide_one_table([float(x) for x in r], 5) for r in rows]
