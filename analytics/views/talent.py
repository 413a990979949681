"""Talenta: what the talent page shows, built on the contract's talent metrics
(analytics/metrics/talent.py), so the grid, the moves and the candidates equal the exports.

- grid: the 9-box counts and shares of the filtered population, and who is rated but unmapped;
- box_people: the people of one box, paged in SQL (planners and admins only);
- moves: the box-to-box table since the previous talent year, who rose or fell, and the people
  who moved two or more grid steps (performance steps + potential steps; box numbers are not
  distances);
- calibration: each agency's or job type's box distribution beside the whole population's,
  with the total variation distance, for groups of at least CALIBRATION_MIN rated people;
- posts_at_risk: posts with no holder, a holder within two years of retirement age (as of a
  date), or fewer than two `Memenuhi Syarat` candidates;
- candidates: a post's succession rows with their gaps and, per gap, the programme the impact
  analysis found to work.
Leaders get counts only: every function naming people checks Filters.may_see_individuals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analytics.core.filters import Filters
from analytics.core.privacy import check_individuals
from analytics.metrics import common, route
from analytics.metrics import talent as tm
from analytics.metrics.needs import recommendations
from analytics.store import ready

CALIBRATION_MIN = 30  # rated people a group needs before its distribution is compared
CALIBRATION_MARKED = 3  # the groups that differ most are marked
BIG_MOVE = 2  # grid steps that flag a mover
MAX_PAGE = 200
# Posts a succession plan looks after (domain.md: structural posts, one level up)
TARGET_JOB_TYPES = ("JPT Utama", "JPT Madya", "JPT Pratama", "Administrator", "Pengawas")
BOXES = tuple(range(1, 10))


@dataclass(frozen=True)
class Grid:
    year: int | None
    rated: int  # the population: rated in the talent year
    mapped: int  # with a box
    # box, performance (0-2), potential (0-2), employees, share (% mapped), hidden: under the
    # small-group rule 'hide' a box of 1 to min_group - 1 people shows no count (`hide_small`)
    boxes: pd.DataFrame

    @property
    def unmapped(self) -> int:
        """Rated but without a potential source in the window [Y - 2, Y]."""
        return self.rated - self.mapped


def _box_frame(counts: dict[int, int], mapped: int) -> pd.DataFrame:
    rows = []
    for perf in range(3):
        for pot in range(3):
            box = tm.box_of(perf, pot)
            n = counts.get(box, 0)
            rows.append((box, perf, pot, n, 100 * n / mapped if mapped else float("nan")))
    df = pd.DataFrame(rows, columns=["box", "performance", "potential", "employees", "share"])
    df["hidden"] = False
    return df.sort_values("box").reset_index(drop=True)


def small_cells(counts: np.ndarray, min_group: int) -> np.ndarray:
    """The 'hide' rule on rows of counts of people (each row a table: a 9-box, a moves table),
    all rows at once: a cell of 1 to min_group - 1 people is hidden, and in a row where that
    leaves one cell hidden, the next smallest non-empty cell goes too (its count would follow
    from the total; ties: the first). Returns the boolean mask of hidden cells (NaN counts:
    never hidden)."""
    n = np.asarray(counts, dtype="float64")
    if n.ndim == 1:
        return small_cells(n[None, :], min_group)[0]
    small = (n > 0) & (n < min_group)
    rest = np.where((n > 0) & ~small, n, np.inf)
    lone = (small.sum(axis=1) == 1) & np.isfinite(rest.min(axis=1, initial=np.inf))
    rows = np.flatnonzero(lone)
    small[rows, rest[rows].argmin(axis=1)] = True
    return small


def hide_small(counts: pd.DataFrame, filters: Filters, column: str = "employees") -> pd.DataFrame:
    """The small-group rule (small_cells) on a table of counts of people (9-box cells,
    box-to-box moves): under 'hide', hidden cells lose their count, and other figures of a
    hidden cell (share) are emptied with it; `hidden` marks the cells."""
    out = counts.copy()
    out["hidden"] = False
    if filters.small_groups != "hide" or out.empty:
        return out
    small = small_cells(out[column].to_numpy(dtype="float64"), filters.min_group)
    out["hidden"] = small
    out[column] = out[column].astype("float64").where(~small)
    if "share" in out.columns:
        out["share"] = out["share"].where(~small)
    return out


def grid(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Grid:
    """The talent year's 9-box of the filtered population (talent-summary --by none)."""
    summary = tm.talent_summary(cur, filters.with_(small_groups="show"))
    if summary.empty:
        return Grid(tm.talent_year(cur, filters), 0, 0, _box_frame({}, 0))
    row = summary.iloc[0]
    counts = {b: int(row[f"box_{b}"]) for b in BOXES}
    mapped = int(row["mapped"])
    boxes = hide_small(_box_frame(counts, mapped), filters)
    return Grid(int(row["year"]), int(row["employees"]), mapped, boxes)


def box_people(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    box: int,
    limit: int = 50,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """The people of one box in the talent year, paged in SQL; (page, total). Columns: nip,
    name, agency_name, unit, position_name, rating, potential_source, potential_year. Sorted
    by name, then nip. Needs filters.may_see_individuals."""
    check_individuals(filters)
    year = tm.talent_year(cur, filters)
    if year is None or box not in BOXES:
        return pd.DataFrame(), 0
    talent_q, params = tm.talent_sql(filters)
    params |= {"talent_years": [year], "box": int(box)}
    base = f"with t as ({talent_q}) "
    if route.cells_allowed(filters):  # the box's count from the talent roll-ups
        summary = tm.talent_summary(cur, filters.with_(small_groups="show"))
        total = int(summary[f"box_{int(box)}"].iloc[0]) if not summary.empty else 0
    else:
        found = cur.execute(base + "select count(*) from t where t.box = $box", params).fetchone()
        total = int(found[0]) if found else 0
    limit = max(1, min(int(limit), MAX_PAGE))
    page = cur.execute(
        base
        + """select e.nip, e.name, a.agency_name, e.unit, p.position_name, t.rating,
                    t.potential_source, t.potential_year
             from t
             join employees e on e.emp_key = t.emp_key
             join agencies a on a.agency_key = e.agency_key
             join positions p on p.position_key = e.position_key
             where t.box = $box
             order by e.name, e.nip
             limit $limit offset $offset""",
        {**params, "limit": limit, "offset": max(0, int(offset))},
    ).df()
    return page, total


@dataclass(frozen=True)
class Moves:
    from_year: int | None
    year: int | None
    table: pd.DataFrame  # from_box, to_box, employees (the talent-moves export)
    rose: int  # higher performance + potential than before
    fell: int
    stayed: int  # same box
    big: int  # moved BIG_MOVE or more grid steps


def moves(cur: duckdb.DuckDBPyConnection, filters: Filters) -> Moves:
    """Movement since the previous talent year: counts only (safe for every role). Rose, fell
    and big follow from the box-to-box counts (a box is one performance and potential level)."""
    from_year, year, counts = tm.move_counts(cur, filters)
    table = hide_small(tm.talent_moves(cur, filters.with_(small_groups="show")), filters)
    if counts.empty:
        return Moves(from_year, year, table, 0, 0, 0, 0)
    rose = fell = stayed = big = 0
    for a, b, n in zip(counts["from_box"], counts["to_box"], counts["employees"], strict=True):
        steps, direction = tm.move_steps(int(a), int(b))
        rose += int(n) if direction > 0 else 0
        fell += int(n) if direction < 0 else 0
        stayed += int(n) if a == b else 0
        big += int(n) if steps >= BIG_MOVE else 0
    return Moves(from_year, year, table, rose=rose, fell=fell, stayed=stayed, big=big)


def movers(cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int = MAX_PAGE) -> pd.DataFrame:
    """Who rose or fell since the previous talent year, biggest moves first (the first `limit`).
    Columns: nip, name, agency_name, from_box, to_box, steps, direction (+ rose, - fell), big
    (steps >= BIG_MOVE). Needs filters.may_see_individuals."""
    check_individuals(filters)
    _, _, out = tm.move_people(cur, filters, limit)
    out["big"] = out["steps"] >= BIG_MOVE
    cols = ["nip", "name", "agency_name", "from_box", "to_box", "steps", "direction", "big"]
    return out[cols].reset_index(drop=True)


def calibration(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str = "agency"
) -> pd.DataFrame:
    """Each group's box distribution (by agency or job_type) beside the whole filtered
    population's. One row per group with at least CALIBRATION_MIN rated people and a box:
    key, employees, mapped, share_1 .. share_9 (% of mapped), tvd (total variation distance
    to the population, 0-100: half the sum of absolute share differences), marked (among the
    CALIBRATION_MARKED largest tvd). Sorted by tvd, largest first."""
    if by not in ("agency", "job_type"):
        raise ValueError("calibration groups by agency or job_type")
    plain = filters.with_(small_groups="show")
    groups = tm.talent_summary(cur, plain, by)
    whole = tm.talent_summary(cur, plain)
    key = "agency_id" if by == "agency" else "job_type"
    columns = [key, "employees", "mapped", *(f"share_{b}" for b in BOXES), "tvd", "marked"]
    if groups.empty or whole.empty or int(whole["mapped"].iloc[0]) == 0:
        return pd.DataFrame(columns=columns)
    total = whole.iloc[0]
    overall = {b: total[f"box_{b}"] / total["mapped"] for b in BOXES}
    kept = groups[(groups["employees"] >= CALIBRATION_MIN) & (groups["mapped"] > 0)].copy()
    if kept.empty:
        return pd.DataFrame(columns=columns)
    for b in BOXES:
        kept[f"share_{b}"] = 100 * kept[f"box_{b}"] / kept["mapped"]
    kept["tvd"] = 50 * sum((kept[f"box_{b}"] / kept["mapped"] - overall[b]).abs() for b in BOXES)
    kept = kept.sort_values(["tvd", key], ascending=[False, True]).reset_index(drop=True)
    kept["marked"] = kept.index < CALIBRATION_MARKED
    return kept[columns]


def population_shares(cur: duckdb.DuckDBPyConnection, filters: Filters) -> dict[int, float]:
    """The whole filtered population's box shares (% of mapped), for the calibration chart."""
    g = grid(cur, filters)
    return {int(r.box): float(r.share) for r in g.boxes.itertuples()}


def posts_at_risk(cur: duckdb.DuckDBPyConnection, filters: Filters, as_of: date) -> pd.DataFrame:
    """Structural posts (TARGET_JOB_TYPES) with a standard, held by someone of the filtered
    employees (or held by nobody, when no agency, unit or scope narrows the view), with their
    risks. Columns: position_id, position_name, job_type, holders, near_bup (holders within
    BUP_NEAR_YEARS of retirement age on `as_of`), unknown_age (holders without a birth
    date), bup, ready (`Memenuhi Syarat` candidates in the talent year), mms, kms, incomplete (the
    other candidates by readiness), vacant,
    retiring, few_ready (ready < 2), risks (how many of the three). Only posts with at least
    one risk; sorted by risks, then ready, then position_id. Counts only: safe for leaders."""
    where_e, params = filters.employees("e")
    narrowed = bool(filters.agencies or filters.instansi or filters.units or filters.is_scoped)
    types = [t for t in TARGET_JOB_TYPES if not filters.job_types or t in filters.job_types]
    posts = cur.execute(
        f"""
        with bup as (
            select unnest($types) as job_type, unnest($bups) as bup
        ),
        held as (
            select e.position_key, count(*) as holders,
                   count(*) filter (where e.birth_date is null) as unknown_age,
                   -- retirement (birth date + BUP years) within two years of the date
                   count(*) filter (where e.birth_date + to_years(b.bup)
                                          <= $as_of + to_years($near)) as near_bup
            from employees e
            join positions p on p.position_key = e.position_key
            join bup b on b.job_type = p.job_type
            where {where_e}
            group by e.position_key
        )
        select p.position_key, p.position_id, p.position_name, p.job_type,
               coalesce(h.holders, 0) as holders, coalesce(h.unknown_age, 0) as unknown_age,
               coalesce(h.near_bup, 0) as near_bup, b.bup,
               exists (select 1 from employees x where x.position_key = p.position_key)
                   as held_anywhere
        from positions p
        join bup b on b.job_type = p.job_type
        left join held h on h.position_key = p.position_key
        where (len($families) = 0 or list_contains($families, p.job_family))
          and exists (select 1 from standards s where s.position_key = p.position_key)
        """,
        {
            **params,
            "types": types,
            "bups": [tm.bup_of(t) for t in types],
            "families": list(filters.job_families),
            "as_of": as_of,
            "near": tm.BUP_NEAR_YEARS,
        },
    ).df()
    posts = posts[(posts["holders"] > 0) | (~posts["held_anywhere"] & (not narrowed))]
    columns = ["position_id", "position_name", "job_type", "holders", "near_bup",
               "unknown_age", "bup", "ready", "mms", "kms", "incomplete", "vacant", "retiring",
               "few_ready", "risks"]  # fmt: skip
    if posts.empty:
        return pd.DataFrame(columns=columns)
    posts = posts.copy()
    counts = readiness_by_post(cur, filters, posts["position_key"].astype(int).tolist())
    by_key = counts.set_index("position_key")
    for col, name in (
        ("ms", "ready"),
        ("mms", "mms"),
        ("kms", "kms"),
        ("incomplete", "incomplete"),
    ):
        posts[name] = posts["position_key"].map(by_key[col]).fillna(0).astype(int)
    posts["vacant"] = posts["holders"] == 0
    posts["retiring"] = posts["near_bup"] > 0
    posts["few_ready"] = posts["ready"] < 2
    posts["risks"] = posts[["vacant", "retiring", "few_ready"]].sum(axis=1).astype(int)
    posts = posts[posts["risks"] > 0]
    posts = posts.sort_values(["risks", "ready", "position_id"], ascending=[False, True, True])
    return posts[columns].reset_index(drop=True)


def readiness_by_post(
    cur: duckdb.DuckDBPyConnection, filters: Filters, position_keys: list[int]
) -> pd.DataFrame:
    """For each post in `position_keys` with a standard, its candidates (boxes 7-9 of the
    talent year's population, not holding it) counted by readiness, in one pass for all the
    posts (sql/talent_ready_counts.sql over the population's histograms, or the whole store's
    stored ones), equal to each post's `candidates(...).by_readiness`.
    Columns: position_key, candidates, ms, mms, kms, incomplete (missing a level). Counts
    only: safe for leaders."""
    columns = ["position_key", "candidates", "ms", "mms", "kms", "incomplete"]
    year = tm.talent_year(cur, filters)
    if year is None or not position_keys:
        return pd.DataFrame(columns=columns)
    cond, params = tm.population(filters)
    if route.whole_store(filters, cond):  # the stored histograms (analytics/store/ready.py)
        hist = f"select position_key, total_t, n from {ready.TABLE} where year = $year"
    else:
        hist = ready.hist_sql(cond)
    df = common.query(
        cur,
        "talent_ready_counts",
        {
            **params,
            "posts": [int(k) for k in position_keys],
            "year": year,
            "ms_min": tm.MS_MIN,
            "mms_min": tm.MMS_MIN,
        },
        hist=hist,
    )
    df["incomplete"] = df["candidates"] - df["ms"] - df["mms"] - df["kms"]
    return df[columns].astype("int64")


@dataclass(frozen=True)
class Candidates:
    position_id: str
    year: int | None
    rows: pd.DataFrame  # the succession export's first rows (+ name, agency_name when allowed)
    by_readiness: dict[str, int]  # counts: Memenuhi Syarat, Masih ..., Kurang ..., "" (missing)
    best: pd.DataFrame  # the candidates closest to ready (fewest missing, highest jpm_target)
    total: int  # every candidate, shown or not


CANDIDATE_ROWS = 200  # the rows a post's candidates table shows
BEST_CANDIDATES = 3  # the candidates the radar compares with the post's standard


def candidates(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    position_id: str,
    limit: int = CANDIDATE_ROWS,
) -> Candidates:
    """A post's candidates (boxes 7-9 of the population, not holding it): their counts by
    readiness (readiness_by_post), the first `limit` rows of the succession export and the
    BEST_CANDIDATES closest to ready. Only those rows are computed: a country has three million
    candidates for a post. Leaders (no individuals) get the counts and no rows."""
    target = tm.target_position(cur, position_id)
    year = tm.talent_year(cur, filters)
    counts = readiness_by_post(cur, filters, [target])
    if counts.empty:
        by_readiness, total = {tm.MS: 0, tm.MMS: 0, tm.KMS: 0, "": 0}, 0
    else:
        c = counts.iloc[0]
        by_readiness = {tm.MS: int(c["ms"]), tm.MMS: int(c["mms"]), tm.KMS: int(c["kms"]),
                        "": int(c["incomplete"])}  # fmt: skip
        total = int(c["candidates"])
    empty = common.empty(tm.SUCCESSION_COLUMNS)
    if not filters.may_see_individuals:
        return Candidates(position_id, year, empty, by_readiness, empty, total)
    head, closest = tm.succession_heads(cur, filters, position_id, limit, BEST_CANDIDATES)
    rows, best = _named(cur, head, closest)
    return Candidates(position_id, year, rows, by_readiness, best, total)


def _named(cur: duckdb.DuckDBPyConnection, *lists: pd.DataFrame) -> list[pd.DataFrame]:
    """Succession rows with each person's name and agency name, for several lists in one
    lookup (nationally each lookup scans 5.6 million NIPs: 0.15 s)."""
    nips = sorted({n for rows in lists for n in rows["nip"]})
    if not nips:
        return list(lists)
    names = cur.execute(
        "select e.nip, e.name, a.agency_name from employees e join agencies a "
        "on a.agency_key = e.agency_key where list_contains($n, e.nip)",
        {"n": nips},
    ).df()
    return [rows if rows.empty else rows.merge(names, on="nip", how="left") for rows in lists]


def gaps(
    cur: duckdb.DuckDBPyConnection, filters: Filters, position_id: str, nips: list[str]
) -> pd.DataFrame:
    """For each of `nips` and each competency of the post's standard: level (latest score in
    [Y - 2, Y], empty when missing), required_level, gap, status (`below`, `missing`, `meets`)
    and the programme the impact analysis found to work for that competency (training-needs'
    recommended_training rule). Columns: nip, competency_id, competency_name, level,
    required_level, gap, status, programme. Needs filters.may_see_individuals."""
    check_individuals(filters)
    target = tm.target_position(cur, position_id)
    year = tm.talent_year(cur, filters)
    if year is None or not nips:
        return pd.DataFrame()
    df = cur.execute(
        """
        with cand as (
            select e.emp_key, e.nip from employees e where list_contains($nips, e.nip)
        ),
        latest as (
            -- the latest score in [Y - 2, Y], kept for the succession group (derived rows)
            select r.emp_key, r.competency_key, r.level_t / 10 as level
            from ready_level r join cand c on c.emp_key = r.emp_key
            where r.year = $year
        )
        select c.nip, k.competency_id, k.competency_name, l.level::double as level,
               st.required_level::integer as required_level
        from cand c
        cross join standards st
        join competencies k on k.competency_key = st.competency_key
        left join latest l on l.emp_key = c.emp_key and l.competency_key = st.competency_key
        where st.position_key = $target
        order by c.nip, k.competency_id
        """,
        {"nips": list(nips), "year": year, "target": target},
    ).df()
    df["gap"] = df["level"] - df["required_level"]
    df["status"] = [
        "missing" if pd.isna(lv) else ("below" if lv < rq else "meets")
        for lv, rq in zip(df["level"], df["required_level"], strict=True)
    ]
    rec = recommendations(cur, filters.scope_only())
    df["programme"] = [
        rec.get(c) if s != "meets" else None
        for c, s in zip(df["competency_id"], df["status"], strict=True)
    ]
    return df


def person_boxes(cur: duckdb.DuckDBPyConnection, filters: Filters, nip: str) -> pd.DataFrame:
    """One person's box in each talent year (Profil Pegawai). Columns: year, rating,
    performance, potential, potential_source, potential_year, box. Only the viewer's scope
    applies. Needs filters.may_see_individuals."""
    check_individuals(filters)
    scope_sql, params = filters.scope_only().employees("s", "vis")
    row = cur.execute("select emp_key from employees where nip = $n", {"n": nip}).fetchone()
    if row is None:
        return pd.DataFrame()
    years = tm.talent_years(cur, filters.scope_only())
    if not years:
        return pd.DataFrame()
    # the person alone (their potential reads their own rows whatever the filters)
    sql = common.render(
        "talent_people",
        population=f"t.emp_key in (select s.emp_key from employees s "
        f"where s.emp_key = $emp and {scope_sql})",
    )
    rows = cur.execute(sql, {**params, "emp": int(row[0]), "talent_years": years}).df()
    rows = rows.sort_values("year")
    rows = rows.assign(
        performance=rows["perf"].map(dict(enumerate(tm.PERFORMANCE))),
        potential=rows["pot"].map(dict(enumerate(tm.POTENTIAL))),
    )
    return rows[["year", "rating", "performance", "potential", "potential_source",
                 "potential_year", "box"]].reset_index(drop=True)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# A local convention for the display (the exports always use the contract's mapping)

CONTRACT_TINGGI_T, CONTRACT_MENENGAH_T = 10 * 90, 10 * 78  # JPM cut-offs in tenths
LOCAL_WINDOWS = (1, 2, 3)


@dataclass(frozen=True)
class LocalMapping:
    """Other JPM cut-offs (in tenths: 900 = JPM 90.0) and another window (years, counting the
    talent year) for the JPM proxy of potential. potential.csv keeps the contract's window."""

    tinggi_t: int = CONTRACT_TINGGI_T
    menengah_t: int = CONTRACT_MENENGAH_T
    window: int = tm.WINDOW

    def __post_init__(self) -> None:
        if self.window not in LOCAL_WINDOWS:
            raise ValueError(f"the JPM window is 1 to 3 years, not {self.window}")
        if not 0 < self.menengah_t <= self.tinggi_t:
            raise ValueError("the cut-offs need 0 < menengah <= tinggi")

    @property
    def is_contract(self) -> bool:
        return self == LocalMapping()


def jpm_potential(level_t: int, required_t: int, mapping: LocalMapping) -> int:
    """Potential (0 rendah, 1 menengah, 2 tinggi) of a JPM = 100 x level_t / required_t under
    `mapping`, decided on integers: JPM >= c / 10  <=>  1000 x level_t >= c x required_t."""
    if 1000 * level_t >= mapping.tinggi_t * required_t:
        return 2
    if 1000 * level_t >= mapping.menengah_t * required_t:
        return 1
    return 0


def grid_local(cur: duckdb.DuckDBPyConnection, filters: Filters, mapping: LocalMapping) -> Grid:
    """The 9-box under a local mapping of potential (display only; `grid` is the contract's),
    with the same small-group rule. The talent year's population as the contract maps it,
    except that the JPM proxy follows `mapping`: the whole-year JPM of the latest year in
    [Y - window + 1, Y] that gives one, cut at mapping's thresholds (`jpm_potential`). A
    potential.csv source keeps beating the proxy (its own window stays [Y - 2, Y]).

    SQL counts the people per (performance, potential.csv level, proxy JPM's Σ level and Σ
    required); the mapping decides each such group here, so the rule is written once and a
    national population comes back as a few thousand groups, not millions of rows."""
    if mapping.is_contract:
        return grid(cur, filters)
    year = tm.talent_year(cur, filters)
    if year is None:
        return Grid(None, 0, 0, _box_frame({}, 0))
    talent_q, params = tm.talent_sql(filters)
    groups = cur.execute(
        f"""
        with t as ({talent_q}),
        proxy as (
            select py.emp_key, arg_max((py.sum_level * 10)::bigint, py.year) as level_t,
                   arg_max(py.sum_required * 10, py.year)::bigint as required_t
            from person_year py
            join t on t.emp_key = py.emp_key
            where t.potential_source is distinct from $csv and py.year between $lo and $hi
            group by py.emp_key
        )
        select t.perf, case when t.potential_source = $csv then t.pot end as csv_pot,
               p.level_t, p.required_t, count(*) as n
        from t
        left join proxy p on p.emp_key = t.emp_key
        group by all
        """,
        {
            **params,
            "talent_years": [year],
            "csv": tm.SOURCE_CSV,
            "lo": year - mapping.window + 1,
            "hi": year,
        },
    ).fetchall()
    counts: dict[int, int] = {}
    rated = 0
    for perf, csv_pot, level_t, required_t, n in groups:
        rated += int(n)
        if csv_pot is not None:
            box = tm.box_of(int(perf), int(csv_pot))
        elif required_t:
            box = tm.box_of(int(perf), jpm_potential(int(level_t), int(required_t), mapping))
        else:
            continue  # no source in either window
        counts[box] = counts.get(box, 0) + int(n)
    mapped = sum(counts.values())
    return Grid(year, rated, mapped, hide_small(_box_frame(counts, mapped), filters))


def summary_hidden(
    cur: duckdb.DuckDBPyConnection, filters: Filters, by: str | None = None
) -> pd.DataFrame:
    """talent-summary with the 9-box's small-group rule inside each row as well: under 'hide',
    a group of fewer than min_group rated people is emptied (the export's rule), and in every
    other group a box of 1 to min_group - 1 people loses its count (with a complementary box,
    `hide_small`); succession and pct_succession go when one of boxes 7-9 is hidden. For a
    report's sheets; the figures otherwise equal the export's."""
    df = tm.talent_summary(cur, filters, by)
    if filters.small_groups != "hide" or df.empty:
        return df
    df = df.copy()
    box_cols = [f"box_{b}" for b in BOXES]
    for c in [*box_cols, "succession", "mapped", "employees"]:
        df[c] = df[c].astype("float64")
    # every group's 9-box at once (15,053 agencies nationally)
    counts = df[box_cols].to_numpy(dtype="float64")
    small = small_cells(counts, filters.min_group)
    df[box_cols] = np.where(small, np.nan, counts)
    top = small[:, [BOXES.index(b) for b in tm.SUCCESSION_BOXES]].any(axis=1)
    df.loc[top, ["succession", "pct_succession"]] = float("nan")
    return df


def grid_by_cutoffs(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    tinggi_t: int = CONTRACT_TINGGI_T,
    menengah_t: int = CONTRACT_MENENGAH_T,
    window: int = tm.WINDOW,
) -> Grid:
    """grid_local with the mapping's values as plain options (a cached page query's key)."""
    return grid_local(cur, filters, LocalMapping(tinggi_t, menengah_t, window))
