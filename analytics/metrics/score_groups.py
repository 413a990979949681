"""The one filtered base of the score summaries (gap-summary, jpm-summary, trend).

sql/score_groups.sql sums the selected scores per employee and group, then per group (the
employees' JPMs in binary fixed point: `fixed_means`), or per group and JPM denominator on the
exact path (`jpm_means`); `summed` is both steps and the choice between the two. Which
per-employee rows it starts from is chosen here for speed, never changing a figure:
- the roll-ups (score_cell for by competency, person_cell otherwise, person_agency for by
  agency without a job family or type) when the filters and grouping need no unit or rank
  (analytics/metrics/route.py);
- person_year (one row per employee and year) when the grouping never splits an employee's
  year (none, agency, unit) and the filters select all of an employee's scores or none
  (Filters.splits_employee_scores is False);
- the scores themselves for by competency (one score per employee, competency and year);
- otherwise the scores summed per employee and group.
"""

from __future__ import annotations

import math

import duckdb
import numpy as np
import pandas as pd

from analytics.core.filters import Filters
from analytics.metrics import common, route
from analytics.metrics.groups import LOOKUPS, Grouping


def source(g: Grouping, filters: Filters, per_employee: bool = False) -> str:
    """Which per-person SQL the grouping and filters allow (see the module docstring);
    `per_employee` when the caller needs one row per employee (never a roll-up)."""
    if not per_employee and g.by != "unit" and route.cells_allowed(filters):
        return "cell_score" if g.by == "competency" else "cell_person"
    if g.by in ("none", "agency", "unit") and not filters.splits_employee_scores:
        return "per_person_year"
    if g.by == "competency":
        return "per_score"
    return "per_person_group"


def _categories(wanted: bool) -> str:
    if not wanted:
        return "0 as n_optimal, 0 as n_cukup, 0 as n_kurang"
    # cat: each employee's JPM category, decided by the per-person SQL in exact integers
    # (sum of a case: ~15 % quicker than FILTER over a national agency layer)
    return (
        "sum(case when cat = 2 then w else 0 end)::bigint as n_optimal, "
        "sum(case when cat = 1 then w else 0 end)::bigint as n_cukup, "
        "sum(case when cat = 0 then w else 0 end)::bigint as n_kurang"
    )


def parts(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    g: Grouping,
    year: int | None,
    categories: bool = False,
    exact: bool = False,
) -> pd.DataFrame:
    """Rows per year and group (columns: see sql/score_groups.sql); the JPM category counts
    only when `categories` (else 0). `exact`: per year, group and denominator instead, for
    jpm_means (the fixed-point sums left out). The key columns agency_id, position_id and
    competency_id hold the integer keys: `label` the summed figures."""
    year_s, yp = common.year_clause("s", year)
    name = source(g, filters)
    where_s, wp = filters.rows("s")
    if name == "cell_person":  # its per-person part: employees with scores in two positions
        if route.any_multi_position(cur):
            where_s, wp = filters.rows("s", "f", employees_within=route.MULTI_POSITION)
        else:
            where_s = "false"  # no such employee: the per-person part is planned away
    extra: dict[str, str] = {}
    if name == "cell_score":
        where_s, wp = filters.cells("s")
        extra = {"score_cell": route.tables(filters, g.by == "agency", "score_cell")["score_cell"]}
    elif name == "cell_person":
        # the cells carry gender and employment type; the per-person part reads employees
        person_cell, over_positions = route.cell_source(filters, "person_cell", g.by == "agency")
        extra = {
            "inner_keys": g.inner_keys,
            "where_c": filters.cells("s")[0],
            "person_cell": person_cell,
            "cell_join": "" if over_positions else route.POSITION_JOIN,
        }
    per_person = common.render(
        name, inner_select=g.inner_select, year_s=year_s, where_s=where_s, **extra
    )
    return common.query(
        cur,
        "score_groups",
        {**yp, **wp},
        per_person=per_person,
        inner_keys=g.inner_keys,
        labels=g.keys_as_names,
        label_joins="",
        categories=_categories(categories),
        by_den=", den" if exact else "",
        **fixed_point(BITS),
    )


def fixed_point(bits: int) -> dict[str, str]:
    """sql/score_groups.sql's fixed-point fragments for blocks of `bits` bits: the block's
    width, the first den too wide for the int64 shifts, and the block's mask."""
    return {
        "bits": str(bits),
        "wide": str(1 << (_INT64_BITS - bits)),
        "mask": str((1 << bits) - 1),
    }


def summed(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    g: Grouping,
    year: int | None,
    keys: list[str],
    categories: bool = False,
    with_jpm: bool = True,
) -> pd.DataFrame:
    """`figures` per group of `keys` of the `parts` rows (empty when there are none). The JPM
    means come from the fixed-point sums (a national trend by agency: 45,159 rows instead of
    627,477 per denominator); when they cannot decide a group (see `fixed_means`), or a
    denominator is too wide for them, from the exact path's rows per denominator."""
    p = parts(cur, filters, g, year, categories)
    if p.empty:
        return p
    # the SQL's rows are one per year and group: one per group of keys that hold them all
    unique = set(g.sql_names) <= set(keys) and ("year" in keys or year is not None)
    try:
        return figures(p, keys, with_jpm, unique)
    except Undecided:
        return figures(parts(cur, filters, g, year, categories, exact=True), keys, with_jpm)


# The fixed point of the JPM sums: an employee's JPM 100 x level / den is summed as its integer
# part and two blocks of BITS binary digits of its fraction, the second floored: 2 x BITS bits
# (100) after the point, so a group's sum is below the exact sum by less than one unit of 2^-100
# per row it floored, far below a double's precision. All in int64 in DuckDB: (rest << BITS)
# needs den < 2^(63 - BITS) (8,192: an employee's required levels summed, in tenths; a wider
# den is left out of the sums and counted in jwide, and `summed` takes the exact path).
BITS = 50


class Undecided(Exception):
    """The fixed-point sums cannot decide a group's mean JPM (fixed_means)."""


def label(cur: duckdb.DuckDBPyConnection, df: pd.DataFrame, g: Grouping) -> pd.DataFrame:
    """`figures` of `parts` with the integer keys (agency_key in agency_id, ...) replaced by
    their labels, as text columns of the dtype DuckDB gives. parts leaves them unlabelled: a
    national answer by agency has ~200,000 rows per year before it is summed to 15,053, and
    turning each row's label into text took a third of its time."""
    out = df.copy()
    for name in g.names:
        if name not in LOOKUPS:
            continue
        table, key, text = LOOKUPS[name]  # fixed names
        codes, keys = pd.factorize(out[name])  # each key looked up once
        if (codes < 0).any():
            raise ValueError(f"{name}: a group without a key")
        if len(keys) > _FEW_KEYS:  # most of the table: read it whole (a list of 15,053 keys
            # bound as a parameter took 14 ms, the whole agencies table 4)
            names = dict(cur.execute(f"select {key}, {text} from {table}").fetchall())
        else:
            names = dict(
                cur.execute(
                    f"select {key}, {text} from {table} where {key} in (select unnest($keys))",
                    {"keys": [int(k) for k in keys]},
                ).fetchall()
            )
        labels = np.array([names[int(k)] for k in keys], dtype=object)
        out[name] = pd.Series(labels[codes], index=out.index, dtype="str")
    return out


_FEW_KEYS = 1_000


_SUMS = (
    "n", "scores", "level_t", "required_t", "shortfall_t", "meeting", "n_optimal", "n_cukup",
    "n_kurang",
)  # fmt: skip


def figures(
    p: pd.DataFrame, keys: list[str], with_jpm: bool = True, unique: bool = False
) -> pd.DataFrame:
    """Per group of `keys` (in order of first appearance): employees, score means,
    pct_meeting and, `with_jpm`, mean_jpm and the category shares. Sums are exact int64; each
    figure is one division of two exact integers below 2**53, so the float division is the
    correctly rounded quotient; mean_jpm is the correctly rounded exact mean of fractions:
    from the fixed-point sums (`fixed_means`, raising Undecided when they cannot tell), or on
    the exact path's rows per denominator (`jpm_means`). `unique`: p has one row per group
    already (`summed` knows), so nothing is grouped. Vectorised: a national store's agencies
    give ~45,000 rows (~630,000 on the exact path)."""
    exact = "den" in p.columns
    fixed = list(_FIXED) if with_jpm and not exact else []
    if unique and not exact:
        sums = p.reset_index(drop=True)
        out = sums[keys].copy()
    else:
        grouped = p.groupby(keys, sort=False, dropna=False)
        if fixed and int(grouped.size().max()) >= 1 << (_INT64_BITS - BITS):
            raise Undecided  # the blocks' sums could overflow int64: the exact path
        sums = grouped[[*_SUMS, *fixed]].sum()
        out = sums.index.to_frame(index=False)
        out.columns = keys
    n = sums["n"].to_numpy()
    scores = sums["scores"].to_numpy()
    level_t = sums["level_t"].to_numpy()
    required_t = sums["required_t"].to_numpy()
    out["employees"] = n
    out["mean_level"] = level_t / (10 * scores)
    out["mean_required"] = required_t / (10 * scores)
    out["mean_gap"] = (level_t - required_t) / (10 * scores)
    out["mean_shortfall"] = sums["shortfall_t"].to_numpy() / (10 * scores)
    out["pct_meeting"] = (100 * sums["meeting"].to_numpy()) / scores
    if with_jpm:
        if exact:
            codes = grouped.ngroup().to_numpy()
            out["mean_jpm"] = jpm_means(
                codes, p["level_t"].to_numpy(), p["den"].to_numpy(), p["n"].to_numpy(), len(out)
            )
        else:
            out["mean_jpm"] = fixed_means(sums, n)
        out["pct_optimal"] = (100 * sums["n_optimal"].to_numpy()) / n
        out["pct_cukup_optimal"] = (100 * sums["n_cukup"].to_numpy()) / n
        out["pct_kurang_optimal"] = (100 * sums["n_kurang"].to_numpy()) / n
    return out


_FIXED = ("jq", "jb", "jc", "jrest", "jwide")


def fixed_means(sums: pd.DataFrame, employees: np.ndarray, bits: int | None = None) -> list[float]:
    """Per group (a row of `sums`): the correctly rounded mean of its employees' JPMs from its
    fixed-point sums (jq, jb, jc in blocks of `bits` bits, BITS by default, jrest, jwide: see
    sql/score_groups.sql).

    A group's sum T (in units of 2^-2·bits) is exact when no row was floored (jrest = 0), else
    below the exact sum by less than jrest units, so the exact mean X lies in
    [T / (employees x 2^2·bits), (T + jrest) / (...)). Where the platform's long double has a
    64-bit significand, X is first computed in it for every group at once, and taken rounded to
    a double where it is provably away from the doubles' rounding midpoints (all but a few
    groups in a thousand); the others, and every group elsewhere, are divided in Python integers
    (int / int is correctly rounded; the power of two applied after is exact) and kept when both
    ends of the interval round alike. Otherwise, or with a row left out as too wide (jwide),
    Undecided."""
    bits = BITS if bits is None else bits
    if sums["jwide"].to_numpy().any():
        raise Undecided
    q, b, c, rest = (sums[col].to_numpy() for col in _FIXED[:4])
    means = np.empty(len(q), dtype=np.float64)
    todo = np.ones(len(q), dtype=bool)
    if _LONG_DOUBLE:
        ld = np.longdouble
        x = (
            q.astype(ld) + np.ldexp(b.astype(ld), -bits) + np.ldexp(c.astype(ld), -2 * bits)
        ) / employees.astype(ld)
        y = x.astype(np.float64)
        low = (np.nextafter(y, -np.inf).astype(ld) + y.astype(ld)) / 2
        high = (y.astype(ld) + np.nextafter(y, np.inf).astype(ld)) / 2
        # x is off by at most a few units of the long double's last place (three roundings
        # of positive terms and a division), and X above it by the floors (rest units)
        slack = 8 * np.finfo(ld).eps * x + np.ldexp(rest.astype(ld), -2 * bits)
        sure = (x - slack > low) & (x + slack < high)
        means[sure] = y[sure]
        todo = ~sure
    for i in np.flatnonzero(todo).tolist():
        total = (int(q[i]) << (2 * bits)) + (int(b[i]) << bits) + int(c[i])
        e = int(employees[i])
        mean = total / e
        if rest[i] and (total + int(rest[i])) / e != mean:
            raise Undecided
        means[i] = np.ldexp(mean, -2 * bits)  # a power of two: exact (far from subnormal)
    return means.tolist()


# Whether numpy's long double has a 64-bit significand (x86-64 Linux: yes; where it is a plain
# double, fixed_means divides every group in Python integers).
_LONG_DOUBLE = np.finfo(np.longdouble).nmant >= 63


def jpm_means(
    codes: np.ndarray, level_t: np.ndarray, dens: np.ndarray, counts: np.ndarray, groups: int
) -> list[float]:
    """Per group code 0..groups-1 (each present): the exact mean JPM of its employees, correctly
    rounded.

    Each row holds `count` employees sharing the JPM denominator `den` whose numerators
    (100 x level tenths) add up to 100 x level_t. Every row is brought to the common
    denominator L of all dens (Python integers: exact however large), summed per group, and
    divided once: int / int is correctly rounded in Python. The sums are made in int64 limbs
    (`_scaled_sums`), not per row in Python integers (a country's trend by agency has 627,477
    rows: 154 ms that way)."""
    den_codes, uniq = pd.factorize(dens)
    common_den = math.lcm(*(int(d) for d in uniq)) if len(uniq) else 1
    scales = [100 * (common_den // int(d)) for d in uniq]
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(groups))
    totals = _scaled_sums(
        level_t.astype(np.int64)[order], np.asarray(den_codes)[order], scales, starts
    )
    employees = np.zeros(groups, dtype=np.int64)
    np.add.at(employees, codes, counts.astype(np.int64))
    return [int(t) / (common_den * int(e)) for t, e in zip(totals, employees.tolist(), strict=True)]


_INT64_BITS = 63  # a sum of int64s stays exact below 2**63


def _scaled_sums(
    level: np.ndarray, den_codes: np.ndarray, scales: list[int], starts: np.ndarray
) -> list[int]:
    """Per group (rows starts[i]..starts[i+1]-1): Σ level x scales[den_code], exact.

    A scale has ~90 bits, so it is cut into limbs narrow enough that a group's sum of
    level x limb stays below 2**63: each limb's sums are int64 reductions, and the limbs are
    joined per group in Python integers (a few per group instead of one per row). When even a
    one-bit limb could overflow, the rows are summed in Python integers."""
    if not len(level):
        return []
    ends = np.append(starts[1:], len(level))
    widest = int((ends - starts).max())
    level_bits = int(np.abs(level).max()).bit_length()
    limb = _INT64_BITS - level_bits - widest.bit_length()
    if limb < 1:
        terms = level.astype(object) * np.array(scales, dtype=object)[den_codes]
        return list(np.add.reduceat(terms, starts))
    totals = np.zeros(len(starts), dtype=object)
    mask = (1 << limb) - 1
    for shift in range(0, max(s.bit_length() for s in scales), limb):
        part = np.array([(s >> shift) & mask for s in scales], dtype=np.int64)
        sums = np.add.reduceat(level * part[den_codes], starts)
        totals = totals + (sums.astype(object) << shift)
    return list(totals)
