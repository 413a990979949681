"""The one Filters value every metric takes: what to select, who is asking, which data version.

Filters is frozen and made of tuples, so it is hashable and serves as the cache key. It builds
its own WHERE clause with `$named` parameters; values are always bound, never formatted into SQL.
The clause applies to any relation that has the columns emp_key, agency_key, unit and
position_key (scores, assessment pairs, employees): which position it uses is the caller's
choice (a score's position; a pair's d1 position; an employee's current position).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

SmallGroupRule = Literal["show", "mark", "hide"]
MIN_GROUP = 5  # groups of fewer distinct employees are marked or hidden

# The filters in words (Filters.describe): (Indonesian, English). The one place a selection is
# put into words, for the page header, the audit log, the PDF and the deck alike.
WORDS: dict[str, tuple[str, str]] = {
    "year": ("Tahun", "Year"),
    "instansi": ("Instansi", "Government"),
    "agency": ("OPD", "Agency"),
    "unit": ("Unit", "Unit"),
    "job_family": ("Rumpun jabatan", "Job family"),
    "job_type": ("Jenis jabatan", "Job type"),
    "employment_type": ("Status", "Employment type"),
    "gender": ("Jenis kelamin", "Gender"),
    "rank": ("Golongan", "Rank"),
    "gender_L": ("Laki-laki", "Male"),
    "gender_P": ("Perempuan", "Female"),
    "all_agencies": ("semua OPD", "every agency"),
    "more": ("+{n} lainnya", "+{n} more"),
}
UNIT_SEP = " › "


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    instansi: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # agency_id
    # (agency_id, unit); an empty agency_id matches the unit name in every agency.
    units: tuple[tuple[str, str], ...] = ()
    job_families: tuple[str, ...] = ()
    job_types: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    ranks: tuple[str, ...] = ()
    # Who is asking. None = unrestricted (the store's owner, e.g. `export`). When both are
    # set, an agency is in scope if it is listed or belongs to a listed instansi.
    scope_agencies: tuple[str, ...] | None = None
    scope_instansi: tuple[str, ...] | None = None
    may_see_individuals: bool = True
    small_groups: SmallGroupRule = "show"
    min_group: int = MIN_GROUP
    # The import the answer is read from (part of the cache key; set by the UI per rerun).
    data_version: int | None = None
    # The agency keys the agency, instansi, scope and unit selections come to, when a metric
    # has looked them up (analytics/metrics/route.py, `keyed`); None: not looked up. They
    # restrict nothing the conditions above do not, but DuckDB estimates a list of keys and
    # not a subquery (a semi-join is taken for a fifth of the table, so a join of a few
    # selected pairs with 14 M participations hashed the participations: 1 s for nothing).
    agency_keys: tuple[int, ...] | None = None

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def without_year(self) -> Filters:
        return replace(self, year=None)

    def scope_only(self) -> Filters:
        """Only who is asking: the store as this user may see it (for the years on offer and
        the default year, which docs/command-line.md#year-defaults takes from the whole store)."""
        return Filters(scope_agencies=self.scope_agencies, scope_instansi=self.scope_instansi)

    def describe(
        self, names: Mapping[str, Mapping[str, str]], lang: str, limit: int | None = None
    ) -> list[str]:
        """The active selection in words, agencies by name (names["agency"]), one line per
        filter: ["Tahun: 2025", "OPD: Dinas Kesehatan"]. A unit named without an agency says
        that it is every agency's unit of that name, unless agencies are chosen. `limit`
        shortens long lists ("+3 more") for footers."""
        i = 1 if lang == "en" else 0
        agency = names.get("agency", {})

        def listed(values: list[str]) -> str:
            if limit is None or len(values) <= limit:
                return ", ".join(values)
            more = WORDS["more"][i].format(n=len(values) - limit)
            return ", ".join(values[:limit]) + " " + more

        anywhere = "" if self.agencies else f" ({WORDS['all_agencies'][i]})"
        lines = [f"{WORDS['year'][i]}: {self.year}"] if self.year is not None else []
        for key, values in (
            ("instansi", list(self.instansi)),
            ("agency", [agency.get(a, a) for a in self.agencies]),
            (
                "unit",
                [
                    f"{agency.get(a, a)}{UNIT_SEP}{u}" if a else f"{u}{anywhere}"
                    for a, u in self.units
                ],
            ),
            ("job_family", list(self.job_families)),
            ("job_type", list(self.job_types)),
            ("employment_type", list(self.employment_types)),
            ("gender", [WORDS[f"gender_{g}"][i] if g in ("L", "P") else g for g in self.genders]),
            ("rank", list(self.ranks)),
        ):
            if values:
                lines.append(f"{WORDS[key][i]}: {listed(values)}")
        return lines

    @property
    def is_scoped(self) -> bool:
        return self.scope_agencies is not None or self.scope_instansi is not None

    # -- The selection as SQL: one method per kind of relation. Each returns (sql, params) for
    # relation alias `t` (no year condition; "true" when nothing is selected, so it can always
    # follow WHERE/AND). Job family and type apply to its column `position` (a fixed column
    # name, never user text); values are bound as $prefix_* parameters.

    def rows(
        self,
        t: str = "",
        prefix: str = "f",
        position: str = "position_key",
        employees_within: str | None = None,
    ) -> tuple[str, dict[str, Any]]:
        """Rows that carry emp_key, agency_key, unit and a position (scores, assessment pairs,
        per-person rows). Gender, employment type and rank look the employee up.

        `employees_within`: a subquery of the emp_keys the relation can hold at most (fixed
        SQL, never user text), when they are few: those conditions then look up these
        employees only, not the whole workforce (a national store's 5.6 M employees made a
        hash table of millions for a handful of rows)."""
        return self._clause(t, prefix, position, employees_within=employees_within)

    def cells(
        self, t: str = "", prefix: str = "f", position: str = "position_key"
    ) -> tuple[str, dict[str, Any]]:
        """A roll-up cell: it carries the employees' gender and employment type as columns
        and has no emp_key; a rank cannot be selected there (analytics/metrics/route.py never
        sends one)."""
        return self._clause(t, prefix, position, attrs=True)

    def employees(self, t: str = "", prefix: str = "f") -> tuple[str, dict[str, Any]]:
        """The employees table itself: gender, employment type and rank are its own columns,
        job family and type follow the current position."""
        return self._clause(t, prefix, "position_key", is_employees=True)

    def agencies_selected(self, prefix: str = "a") -> tuple[str, dict[str, Any]] | None:
        """The agencies the selection can reach, as a condition over the agencies table
        (agency_id, instansi): the agency, instansi and scope selections, and the agencies
        of units named with one. None when they leave every agency (a unit named without an
        agency is in any of them)."""
        params: dict[str, Any] = {}

        def p(name: str, value: Any) -> str:
            params[f"{prefix}_{name}"] = value
            return f"${prefix}_{name}"

        conds = self._agency_conditions(p)
        if self.units and all(a for a, _ in self.units):
            conds.append(f"list_contains({p('ua', sorted({a for a, _ in self.units}))}, agency_id)")
        return (" and ".join(conds), params) if conds else None

    def _agency_conditions(self, p: Callable[[str, Any], str]) -> list[str]:
        """The agency, instansi and scope selections as conditions over the agencies table;
        `p` binds a value and returns its parameter."""
        conds: list[str] = []
        if self.agencies:
            conds.append(f"list_contains({p('ag', list(self.agencies))}, agency_id)")
        if self.instansi:
            conds.append(f"list_contains({p('ins', list(self.instansi))}, instansi)")
        # Scope: a user's agencies and instansi each admit an agency (either suffices); the
        # scope is ANDed with every selection, so no filter value can widen it.
        scope_conds: list[str] = []
        if self.scope_agencies is not None:
            scope_conds.append(
                f"list_contains({p('sag', list(self.scope_agencies))}::varchar[], agency_id)"
            )
        if self.scope_instansi is not None:
            scope_conds.append(
                f"list_contains({p('sins', list(self.scope_instansi))}::varchar[], instansi)"
            )
        if scope_conds:
            conds.append("(" + " or ".join(scope_conds) + ")")
        return conds

    def _clause(
        self,
        t: str,
        prefix: str,
        position: str,
        attrs: bool = False,
        employees_within: str | None = None,
        is_employees: bool = False,
    ) -> tuple[str, dict[str, Any]]:
        col = (lambda c: f"{t}.{c}") if t else (lambda c: c)
        parts: list[str] = []
        params: dict[str, Any] = {}

        def p(name: str, value: Any) -> str:
            key = f"{prefix}_{name}"
            params[key] = value
            return f"${key}"

        agency_conds = self._agency_conditions(p)
        if self.agency_keys is not None:
            parts.append(
                f"list_contains({p('ak', list(self.agency_keys))}::integer[], {col('agency_key')})"
            )
        if agency_conds:
            parts.append(
                f"{col('agency_key')} in (select agency_key from agencies where "
                + " and ".join(agency_conds)
                + ")"
            )
        if self.units:
            any_agency = sorted({u for a, u in self.units if not a})
            pairs = sorted({(a, u) for a, u in self.units if a})
            ors: list[str] = []
            if any_agency:
                ors.append(f"list_contains({p('un', any_agency)}, {col('unit')})")
            if pairs:
                ors.append(
                    f"({col('agency_key')}, {col('unit')}) in (select a.agency_key, u.unit "
                    f"from agencies a join (select unnest({p('upa', [a for a, _ in pairs])}) "
                    f"as agency_id, unnest({p('upu', [u for _, u in pairs])}) as unit) u "
                    "using (agency_id))"
                )
            parts.append("(" + " or ".join(ors) + ")")
        pos_conds: list[str] = []
        if self.job_families:
            pos_conds.append(f"list_contains({p('jf', list(self.job_families))}, job_family)")
        if self.job_types:
            pos_conds.append(f"list_contains({p('jt', list(self.job_types))}, job_type)")
        if pos_conds:
            parts.append(
                f"{col(position)} in (select position_key from positions where "
                + " and ".join(pos_conds)
                + ")"
            )
        if attrs:
            if self.ranks:
                raise ValueError("a roll-up has no rank: rank filters read per-person rows")
            if self.employment_types:
                parts.append(
                    f"list_contains({p('et', list(self.employment_types))}, "
                    f"{col('employment_type')})"
                )
            if self.genders:
                parts.append(f"list_contains({p('g', list(self.genders))}, {col('gender')})")
            return (" and ".join(parts) if parts else "true"), params
        emp_conds: list[str] = []
        # the employee's own columns: the relation's when it is the employees table
        own = col if is_employees else (lambda c: c)
        if self.employment_types:
            emp_conds.append(
                f"list_contains({p('et', list(self.employment_types))}, {own('employment_type')})"
            )
        if self.genders:
            emp_conds.append(f"list_contains({p('g', list(self.genders))}, {own('gender')})")
        if self.ranks:
            emp_conds.append(f"list_contains({p('rk', list(self.ranks))}, {own('rank')})")
        if is_employees:
            parts += emp_conds
            return (" and ".join(parts) if parts else "true"), params
        if emp_conds and employees_within is not None:
            emp_conds.append(f"emp_key in ({employees_within})")
        if emp_conds:
            parts.append(
                f"{col('emp_key')} in (select emp_key from employees where "
                + " and ".join(emp_conds)
                + ")"
            )
        return (" and ".join(parts) if parts else "true"), params

    @property
    def splits_employee_scores(self) -> bool:
        """True when the filter can select some of one employee's scores in a year and not
        others (job family/type follow each score's position), so per-person totals must be
        recomputed from the selected scores instead of read from person_year."""
        return bool(self.job_families or self.job_types)
