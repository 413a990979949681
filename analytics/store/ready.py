"""ready_post: the whole store's readiness histograms, per talent year and post.

For every post with a standard and every talent year, how many succession candidates (boxes 7-9,
not holding the post) it has, and how many of them have each Σ level over its competencies
(sql/ready_hist.sql). Grading them against the post's Σ required is the readiness rule
(metrics/sql/talent_ready_counts.sql), which reads these rows when the whole store is asked
(posts at risk, a post's candidate counts): nationally that is 2.2-2.4 s of work a year,
otherwise done on the first look at Suksesi and again on each year a person picks.

A roll-up kept in the same transaction as the derived rows (analytics.store.rollup calls it):
- a full refresh, or standards that changed (they change every candidate's sum), rebuild it;
- an import's refresh only moves counts: before the derived rows of the affected employees
  are replaced, their rows as they stand are taken off (`note`); after, their new rows are
  added (`refresh`). The counts add up over candidates, so both ways give the same rows
  (tests/analytics/store/test_derived.py compares them after every kind of change).
"""

from __future__ import annotations

import duckdb

from analytics.store.sqlfiles import read_sql

TABLE = "ready_post"
_DELTA = "ready_delta"  # temp table: the affected employees' rows, old ones negated
_SIGNATURE = "ready_post_standards"  # meta key: the standards the histograms were summed for
_STANDARDS = """
    select coalesce(md5(string_agg(concat_ws(',', position_key, competency_key, required_level),
                                   ';' order by position_key, competency_key)), '')
    from standards
"""


def of_candidates(population: str) -> str:
    """The condition over ready_level `r` keeping the rows of the candidates (CTE `cand`) that
    `population` keeps. For everyone it is "true": ready_level holds only the candidates' rows,
    and skipping the semi-join of a year's 30 million levels nationally saves a third of a
    query (sql/ready_hist.sql, metrics/sql/talent_ready_top.sql)."""
    return "true" if population == "true" else "r.emp_key in (select emp_key from cand)"


def hist_sql(population: str) -> str:
    """sql/ready_hist.sql over the candidates `population` keeps (a condition over ready_sum
    `t`, built by the caller from fixed fragments, never user text; "true" for everyone);
    binds $posts, $year."""
    sql = read_sql("ready_hist.sql")
    return sql.replace("{population}", population).replace("{of_cand}", of_candidates(population))


def _posts(cur: duckdb.DuckDBPyConnection) -> list[int]:
    return [k for (k,) in cur.execute("select distinct position_key from standards").fetchall()]


def _standards(cur: duckdb.DuckDBPyConnection) -> str:
    row = cur.execute(_STANDARDS).fetchone()
    return str(row[0]) if row else ""


def _summed_for_these_standards(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the stored histograms were summed for the standards as they are now."""
    row = cur.execute("select value from meta where key = $k", {"k": _SIGNATURE}).fetchone()
    return row is not None and row[0] == _standards(cur)


def _insert(
    cur: duckdb.DuckDBPyConnection, table: str, population: str, years: list[int], sign: int
) -> None:
    """Insert `population`'s histogram rows of `years` into `table`, n times `sign`."""
    posts, sql = _posts(cur), hist_sql(population)
    for year in years:
        cur.execute(
            f"insert into {table} select $year, h.position_key, h.total_t, $sign * h.n "
            f"from ({sql}) h where h.n <> 0",  # fixed names and fragments
            {"year": year, "posts": posts, "sign": sign},
        )


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Every talent year's histograms of every post with a standard, from all derived rows."""
    cur.execute(f"delete from {TABLE}")
    years = [y for (y,) in cur.execute("select distinct year from ready_sum order by 1").fetchall()]
    _insert(cur, TABLE, "true", years, 1)
    cur.execute(
        "insert or replace into meta values ($k, $v)", {"k": _SIGNATURE, "v": _standards(cur)}
    )


def _affected_years(cur: duckdb.DuckDBPyConnection, affected: str) -> list[int]:
    return [
        y
        for (y,) in cur.execute(
            f"select distinct year from ready_sum where emp_key in (select emp_key from {affected})"
        ).fetchall()
    ]


def note(cur: duckdb.DuckDBPyConnection, affected: str) -> None:
    """Before the derived rows of the employees in temp table `affected` are replaced: their
    histogram rows as they stand, negated (temp table ready_delta). Nothing when the standards
    changed since the histograms were summed: `refresh` rebuilds them then."""
    cur.execute(f"drop table if exists {_DELTA}")
    if not _summed_for_these_standards(cur):
        return
    cur.execute(
        f"create temp table {_DELTA} (year smallint, position_key integer, total_t integer, "
        "n bigint)"
    )
    population = f"t.emp_key in (select emp_key from {affected})"  # a fixed temp table name
    _insert(cur, _DELTA, population, _affected_years(cur, affected), -1)


def refresh(cur: duckdb.DuckDBPyConnection, affected: str) -> None:
    """After the derived rows of the employees in `affected` were replaced: add their new
    histogram rows, net of the old (`note`), to the stored ones; or rebuild them all when the
    standards changed."""
    if not _summed_for_these_standards(cur):  # as `note` found it: nothing was noted
        rebuild(cur)
        return
    population = f"t.emp_key in (select emp_key from {affected})"
    _insert(cur, _DELTA, population, _affected_years(cur, affected), 1)
    changed = f"(select distinct year from {_DELTA})"
    cur.execute(
        f"""
        create temp table ready_merged as
        select year, position_key, total_t, sum(n)::bigint as n
        from (
            select * from {TABLE} where year in {changed}
            union all
            select * from {_DELTA}
        )
        group by year, position_key, total_t
        having sum(n) <> 0
        """
    )
    cur.execute(f"delete from {TABLE} where year in {changed}")
    cur.execute(f"insert into {TABLE} select * from ready_merged order by all")
    cur.execute("drop table ready_merged")
    cur.execute(f"drop table {_DELTA}")
