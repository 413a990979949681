"""People: a searchable, paged list and one person's development profile.

Person-level: both need filters.may_see_individuals, and a person outside the viewer's scope
(Filters.scope_*) is never found. NIPs and names appear only here.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics import common
from analytics.metrics.needs import recommendations
from analytics.privacy import check_individuals
from analytics.store import first_row

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
    where_e, params = filters.where("e")
    text = search.strip()
    params |= {"year": year, "q": f"%{text.lower()}%", "nip": f"{text}%", "has_q": bool(text)}
    o, k = common.OPTIMAL_MIN, common.CUKUP_MIN
    base = f"""
        from employees e
        join agencies a on a.agency_key = e.agency_key
        join positions p on p.position_key = e.position_key
        left join (
            -- the whole year's sums (person_year: one row per employee, no scan of scores)
            select emp_key, (sum_level * 10)::bigint as lt, sum_required::bigint * 10 as rt,
                   n_scores - n_meeting as below
            from person_year where year = $year
        ) s on s.emp_key = e.emp_key
        where {where_e}
          and (not $has_q or lower(e.name) like $q or e.nip like $nip)
    """
    total_row = first_row(cur.execute(f"select count(*) {base}", params))
    total = int(total_row[0]) if total_row else 0
    df = cur.execute(
        f"""
        select e.nip, e.name, a.agency_name, e.unit, p.position_name, p.job_type,
               case when s.rt > 0 then (100 * s.lt)::double / s.rt end as jpm,
               case when s.rt is null then null
                    when 100 * s.lt >= {o} * s.rt then 'Optimal'
                    when 100 * s.lt >= {k} * s.rt then 'Cukup Optimal'
                    else 'Kurang Optimal' end as category,
               coalesce(s.below, 0) as below
        {base}
        order by jpm asc nulls last, e.name, e.nip
        limit $limit offset $offset
        """,
        {**params, "limit": limit, "offset": offset},
    ).df()
    return df, total


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
    where_e, params = scope.where("e")
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
