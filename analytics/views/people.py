"""People: a searchable, paged list and one person's development profile.

Person-level: both need filters.may_see_individuals, and a person outside the viewer's scope
(Filters.scope_*) is never found. NIPs and names appear only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from analytics.core.filters import Filters
from analytics.core.privacy import check_individuals
from analytics.metrics import common
from analytics.metrics.needs import recommendations
from analytics.store.db import first_row

MAX_PAGE = 200


def people(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: str = "",
    limit: int = 50,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """Grain: one row per selected employee (current agency, unit and position), matching
    `search` in the name (case-insensitive) or the start of the NIP; paged in SQL.

    Columns: nip, name, agency_name, unit, position_name, job_type, jpm (whole-year JPM in the
    year over all their scores with a standard; empty when not assessed), category, below
    (scores below standard in the year). Returns (page, total matching). Sorted by JPM
    ascending (those furthest from standard first), then name.
    """
    check_individuals(filters)
    limit = max(1, min(int(limit), MAX_PAGE))
    try:
        year = common.resolve_year(cur, filters, "jpm")
    except common.NoYear:
        year = None
    # the relation is the employees table: gender, employment type and rank are its columns
    where_e, params = filters.employees("e")
    text = search.strip()
    params |= {"year": year, "q": f"%{text.lower()}%", "nip": f"{text}%", "has_q": bool(text)}
    # without a search the condition names no text column (a lookup by key then reads fewer)
    matching = f"{where_e} and (lower(e.name) like $q or e.nip like $nip)" if text else where_e
    # every employee has an agency and a position (the importer checks both references)
    total_row = first_row(_run(cur, f"select count(*) from employees e where {matching}", params))
    total = int(total_row[0]) if total_row else 0
    offset = max(0, int(offset))
    want = offset + limit
    everyone = first_row(cur.execute("select count(*) from employees"))
    if (
        year is not None
        and total >= want
        and worth_trying(total, everyone[0] if everyone else 0, want)
    ):
        page = _first_by_jpm(cur, matching, params, limit, offset, everyone=matching == "true")
        if page is not None:
            return page, total
    return _page(cur, matching, params, limit, offset), total


def _run(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> Any:
    """Execute with the parameters `sql` names (DuckDB refuses others)."""
    named = set(re.findall(r"\$(\w+)", sql))
    return cur.execute(sql, {k: v for k, v in params.items() if k in named})


# person_year's whole-year JPM, as the list shows and sorts it (a double: equal JPMs are equal)
_JPM = "case when s.rt > 0 then (100 * s.lt)::double / s.rt end"
_SUMS = """select emp_key, (sum_level * 10)::bigint as lt, sum_required::bigint * 10 as rt,
                  n_scores - n_meeting as below
           from person_year where year = $year"""


def _candidate(keys: list[int]) -> str:
    """Only the candidates of _first_by_jpm below the bound: a condition on employees e (by
    their keys written out, so DuckDB looks them up in the primary-key index: 20 ms against
    120 ms for a join with the list) and their sums s."""
    listed = ", ".join(str(int(k)) for k in keys)  # integers read from the store
    return f"e.emp_key in ({listed}) and s.emp_key is not null and {_JPM} < $bound"


def _page(
    cur: duckdb.DuckDBPyConnection,
    matching: str,
    params: dict[str, object],
    limit: int,
    offset: int,
    candidates: list[int] | None = None,
) -> pd.DataFrame:
    """The page of the employees `matching` in list order; with `candidates`, among those
    below the bound of `_first_by_jpm` (parameters cand and bound) only."""
    sums, within = _SUMS, "true"
    if candidates is not None:
        # the candidates' sums as _first_by_jpm read them (parameters cand, c_lt, c_rt,
        # c_below): no second pass over the year's person_year rows
        sums = (
            "select unnest($cand)::integer as emp_key, unnest($c_lt)::bigint as lt, "
            "unnest($c_rt)::bigint as rt, unnest($c_below)::integer as below"
        )
        within = _candidate(candidates)
    o, k = common.OPTIMAL_MIN, common.CUKUP_MIN
    return _run(
        cur,
        f"""
        with page as (
            select e.nip, e.name, e.agency_key, e.unit, e.position_key, {_JPM} as jpm,
                   s.lt, s.rt, coalesce(s.below, 0) as below
            from employees e
            left join ({sums}) s on s.emp_key = e.emp_key
            where {matching} and {within}
            order by jpm asc nulls last, e.name, e.nip
            limit $limit offset $offset
        )
        select g.nip, g.name, a.agency_name, g.unit, p.position_name, p.job_type, g.jpm,
               case when g.rt is null then null
                    when 100 * g.lt >= {o} * g.rt then 'Optimal'
                    when 100 * g.lt >= {k} * g.rt then 'Cukup Optimal'
                    else 'Kurang Optimal' end as category,
               g.below
        from page g
        join agencies a on a.agency_key = g.agency_key
        join positions p on p.position_key = g.position_key
        order by g.jpm asc nulls last, g.name, g.nip
        """,
        {**params, "limit": limit, "offset": offset},
    ).df()


# Below this many employees joining everyone to their year is quicker (12-18 ms for 10,000)
# than the candidates' three queries and their 2,000 keys (~110 ms).
LARGE_STORE = 200_000


# Deeper pages join everyone (a page typed far into the list would otherwise make millions
# of candidates: ~1 s of one query instead).
MAX_WANT = 500


def worth_trying(total: int, everyone: int, want: int) -> bool:
    """True on a large store, for one of the first pages, when the candidates likely hold it:
    the selection keeps a share of the workforce that puts twice `want` among them (else the
    page joins everyone)."""
    return (
        everyone >= LARGE_STORE
        and want <= MAX_WANT
        and total * candidates(want) >= 2 * want * everyone
    )


def candidates(want: int) -> int:
    """How many of the lowest JPMs to take as candidates for the first `want` rows: 2,000 for
    a first page of 50 (up to 2,048 keys DuckDB looks up in the primary-key index)."""
    return 4 * want + 1800


def _first_by_jpm(
    cur: duckdb.DuckDBPyConnection,
    matching: str,
    params: dict[str, object],
    limit: int,
    offset: int,
    everyone: bool = False,
) -> pd.DataFrame | None:
    """The page when it lies among the lowest JPMs of the year, found without joining every
    employee to their year (a national store: 5.6 M x 5.6 M rows, ~1 s): the m lowest JPMs of
    person_year are candidates; every employee whose JPM is below the m-th (T) is among them,
    so when at least offset + limit matching candidates lie below T, the page is theirs,
    exactly. None when not (a narrow selection or a search): the caller joins everyone.
    `everyone`: the selection keeps every employee (no candidate needs checking).

    Of the matching candidates below T only those up to the (offset + limit)-th lowest JPM
    are looked up in full (every later one has offset + limit rows before it): fetching the
    name, NIP and unit of 2,000 employees by key took ~100 ms, of ~60 a few."""
    want = offset + limit
    m = candidates(want)
    rows = cur.execute(
        f"""
        select s.emp_key, {_JPM} as jpm, s.lt, s.rt, s.below from ({_SUMS}) s
        where s.rt > 0 order by jpm limit $m
        """,
        {"year": params["year"], "m": m},
    ).fetchall()
    if not rows:
        return None
    # all of the year's JPMs fit: every matching employee with a JPM is a candidate (a bound
    # above them all); else those below the m-th lowest JPM
    bound = float("inf") if len(rows) < m else rows[-1][1]
    below = [r for r in rows if r[1] < bound]  # the same doubles the page compares
    if not everyone and below:
        listed = ", ".join(str(int(r[0])) for r in below)  # integers read from the store
        ok = {
            int(k)
            for (k,) in _run(
                cur, f"select e.emp_key from employees e where e.emp_key in ({listed}) "
                f"and {matching}", params
            ).fetchall()
        }  # fmt: skip
        below = [r for r in below if int(r[0]) in ok]
    if len(below) < want:
        return None
    cut = sorted(r[1] for r in below)[want - 1]
    chosen = [r for r in below if r[1] <= cut]
    keys = [int(r[0]) for r in chosen]
    sums = {
        "cand": keys,
        "c_lt": [int(r[2]) for r in chosen],
        "c_rt": [int(r[3]) for r in chosen],
        "c_below": [int(r[4]) for r in chosen],
        "bound": bound,
    }
    # the chosen candidates in list order: the page is their first offset + limit rows
    found = _page(cur, matching, params | sums, len(chosen), 0, candidates=keys)
    if len(found) < want:  # never: each chosen one matches and lies below the bound
        return None
    return found.iloc[offset:want].reset_index(drop=True)


@dataclass(frozen=True)
class Profile:
    person: dict[str, object]
    scores: pd.DataFrame  # year, competency_id, competency_name, competency_group, level,
    #                       required_level (NaN: no standard), gap, meets, assessed_on, position_name
    jpm: pd.DataFrame  # year, jpm, category
    trainings: (
        pd.DataFrame
    )  # title, competency_id, hours_jp, start_date, end_date, provider, completed
    development: pd.DataFrame  # competency_id, competency_name, level, required_level, shortfall,
    #                            recommended_training (latest year's scores below standard)


def profile(cur: duckdb.DuckDBPyConnection, filters: Filters, nip: str) -> Profile | None:
    """One person's record, or None when the NIP is unknown or outside the viewer's scope.
    Only the scope of `filters` applies (a person is looked up whatever the other filters)."""
    check_individuals(filters)
    scope = Filters(scope_agencies=filters.scope_agencies, scope_instansi=filters.scope_instansi)
    where_e, params = scope.rows("e")
    row = first_row(
        cur.execute(
            f"""
        select e.emp_key, e.nip, e.name, a.agency_name, a.instansi, e.unit, p.position_name,
               p.job_type, p.job_family, e.gender, e.birth_date, e.employment_type, e.rank
        from employees e
        join agencies a on a.agency_key = e.agency_key
        join positions p on p.position_key = e.position_key
        where e.nip = $nip and {where_e}
        """,
            {**params, "nip": nip},
        )
    )
    if row is None:
        return None
    keys = (
        "emp_key",
        "nip",
        "name",
        "agency_name",
        "instansi",
        "unit",
        "position_name",
        "job_type",
        "job_family",
        "gender",
        "birth_date",
        "employment_type",
        "rank",
    )
    person = dict(zip(keys, row, strict=True))
    emp = {"emp": person.pop("emp_key")}
    scores = cur.execute(
        """
        select s.year, c.competency_id, c.competency_name, c.competency_group,
               s.level::double as level, s.required_level::double as required_level,
               (s.level - s.required_level)::double as gap,
               s.level >= s.required_level as meets, s.assessed_on, p.position_name
        from score s
        join competencies c on c.competency_key = s.competency_key
        join positions p on p.position_key = s.position_key
        where s.emp_key = $emp
        order by s.year, c.competency_id
        """,
        emp,
    ).df()
    o, k = common.OPTIMAL_MIN, common.CUKUP_MIN
    jpm = cur.execute(
        f"""
        select year, (100 * (sum_level * 10)::bigint)::double / (sum_required * 10) as jpm,
               case when 100 * sum_level >= {o} * sum_required then 'Optimal'
                    when 100 * sum_level >= {k} * sum_required then 'Cukup Optimal'
                    else 'Kurang Optimal' end as category
        from person_year where emp_key = $emp order by year
        """,
        emp,
    ).df()
    trainings = cur.execute(
        """
        select t.title, c.competency_id, t.hours_jp::double as hours_jp, t.start_date,
               t.end_date, t.provider, p.completed
        from participations p
        join trainings t on t.training_key = p.training_key
        left join competencies c on c.competency_key = t.competency_key
        where p.emp_key = $emp
        order by t.end_date desc, t.title
        """,
        emp,
    ).df()
    development = _development(cur, filters, scores)
    return Profile(person, scores, jpm, trainings, development)


def _development(
    cur: duckdb.DuckDBPyConnection, filters: Filters, scores: pd.DataFrame
) -> pd.DataFrame:
    cols = [
        "competency_id",
        "competency_name",
        "level",
        "required_level",
        "shortfall",
        "recommended_training",
    ]
    if scores.empty:
        return pd.DataFrame(columns=cols)
    latest = scores[scores["year"] == scores["year"].max()]
    below = latest[latest["required_level"].notna() & (latest["level"] < latest["required_level"])]
    if below.empty:
        return pd.DataFrame(columns=cols)
    scope = Filters(scope_agencies=filters.scope_agencies, scope_instansi=filters.scope_instansi)
    rec = recommendations(cur, scope)
    out = below[["competency_id", "competency_name", "level", "required_level"]].copy()
    out["shortfall"] = (out["required_level"] * 10 - out["level"] * 10).round() / 10
    out["recommended_training"] = out["competency_id"].map(rec)
    return out.sort_values(["shortfall", "competency_id"], ascending=[False, True])[cols]
