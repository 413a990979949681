"""The fixed allow-list of groupings (`by=`) and the SQL they put into a query.

A query's base relation is aliased `s` (scores, pairs or employees: columns emp_key, agency_key,
unit, position_key, competency_key) and joins agencies `a`, positions `p` and competencies `c`.
Only these expressions ever become identifiers in SQL; `by` values that are not listed raise.
"""

from __future__ import annotations

from dataclasses import dataclass

# Output column -> SQL expression over the aliases above.
_EXPR = {
    "agency_id": "a.agency_id",
    "unit": "s.unit",
    "job_family": "p.job_family",
    "job_type": "p.job_type",
    "position_id": "p.position_id",
    "competency_id": "c.competency_id",
}

# by value -> key columns, in printed order (docs/command-line.md#export-metrics); "none": none.
KEYS: dict[str, tuple[str, ...]] = {
    "none": (),
    "agency": ("agency_id",),
    "unit": ("agency_id", "unit"),
    "job_family": ("job_family",),
    "job_type": ("job_type",),
    "position": ("position_id",),
    "competency": ("competency_id",),
}

# Which groupings each metric accepts, default first (docs/command-line.md#export-metrics).
ALLOWED_BY: dict[str, tuple[str, ...]] = {
    "gap_summary": ("competency", "agency", "unit", "job_family", "job_type", "position"),
    "jpm_summary": ("agency", "unit", "job_family", "job_type"),
    "trend": ("none", "agency", "job_family", "competency"),
    "training_impact": ("competency", "program"),
    "jp_compliance": ("none", "agency", "unit", "job_family"),
    "talent_summary": ("none", "agency", "job_type", "job_family"),
    # dashboard only
    "same_people": ("competency", "none", "agency", "job_family"),
}

NONE_COL = "none_"  # the constant key a "none" grouping groups by (dropped from results)

# For queries that group on integer keys first and look the labels up afterwards (cheaper):
# output column -> (expression over the base `s` / positions `p`, its inner column name, the
# label over the grouped relation `g`, the join that provides the label).
_INNER = {
    "agency_id": ("s.agency_key", "k_agency", "a.agency_id",
                  "join agencies a on a.agency_key = g.k_agency"),
    "unit": ("s.unit", "unit", "g.unit", ""),
    "job_family": ("p.job_family", "job_family", "g.job_family", ""),
    "job_type": ("p.job_type", "job_type", "g.job_type", ""),
    "position_id": ("s.position_key", "k_position", "lp.position_id",
                    "join positions lp on lp.position_key = g.k_position"),
    "competency_id": ("s.competency_key", "k_competency", "c.competency_id",
                      "join competencies c on c.competency_key = g.k_competency"),
}  # fmt: skip


class UnknownGrouping(ValueError):
    """`by` is not one of the metric's groupings."""


@dataclass(frozen=True)
class Grouping:
    by: str
    names: tuple[str, ...]  # output key columns

    @property
    def select(self) -> str:
        """Key expressions with their names, for a select list."""
        if not self.names:
            return f"0::tinyint as {NONE_COL}"
        return ", ".join(f"{_EXPR[n]} as {n}" for n in self.names)

    @property
    def columns(self) -> str:
        """Key column names in a later CTE (for group by / using)."""
        return ", ".join(self.names) if self.names else NONE_COL

    @property
    def sql_names(self) -> tuple[str, ...]:
        return self.names or (NONE_COL,)

    @property
    def inner_select(self) -> str:
        """Integer keys (and plain text keys) to group on, with their inner names."""
        if not self.names:
            return f"0::tinyint as {NONE_COL}"
        return ", ".join(f"{_INNER[n][0]} as {_INNER[n][1]}" for n in self.names)

    @property
    def inner_keys(self) -> str:
        return ", ".join(_INNER[n][1] for n in self.names) if self.names else NONE_COL

    @property
    def labels(self) -> str:
        """The output key columns over the grouped relation `g`."""
        if not self.names:
            return f"g.{NONE_COL} as {NONE_COL}"
        return ", ".join(f"{_INNER[n][2]} as {n}" for n in self.names)

    @property
    def label_joins(self) -> str:
        return "\n".join(j for n in self.names if (j := _INNER[n][3]))

    @property
    def keys_as_names(self) -> str:
        """The inner keys under the output names, unlabelled (agency_id holding agency_key):
        for a result that `LOOKUPS` labels after it is summed (fewer rows to label)."""
        if not self.names:
            return f"g.{NONE_COL} as {NONE_COL}"
        return ", ".join(f"g.{_INNER[n][1]} as {n}" for n in self.names)


# Output columns whose inner key is an integer: (table, key column, label column) to look the
# labels up in (fixed names).
LOOKUPS = {
    "agency_id": ("agencies", "agency_key", "agency_id"),
    "position_id": ("positions", "position_key", "position_id"),
    "competency_id": ("competencies", "competency_key", "competency_id"),
}


def chosen_by(metric: str, by: str | None) -> str:
    """`by`, or the metric's default when None; raises UnknownGrouping when not allowed."""
    allowed = ALLOWED_BY[metric]
    chosen = allowed[0] if by is None else by
    if chosen not in allowed:
        raise UnknownGrouping(f"by must be one of {', '.join(allowed)}; got {by!r}")
    return chosen


def grouping(metric: str, by: str | None) -> Grouping:
    chosen = chosen_by(metric, by)
    return Grouping(chosen, KEYS[chosen])
