"""The tables of docs/import-formats.md#tables: columns, kinds, keys and references.

One place that says what each import file holds; reading, parsing, validation and the upsert
all take their column lists from here, so a column cannot be checked and then forgotten when
written. Identifiers built from these names are fixed text, never user input.
"""

from __future__ import annotations

from dataclasses import dataclass

# How a cell is parsed (analytics.importer.parse): each kind has one parser.
KINDS = (
    "text",  # trimmed text, blank = empty
    "id",  # a text identifier (agency_id, position_id, ...)
    "nip",  # 18 digits as text, guarded against Excel damage
    "date",
    "bool",
    "level",  # 1.0-5.0, at most one decimal
    "required_level",  # integer 1-5
    "hours",  # > 0, at most two decimals
    "money",  # >= 0
    "ikm",  # 25-100
    "respondents",  # integer >= 1 (v2)
    "unsur",  # 1-4, an IKM unsur's mean score (v2)
    "year",
    "competency_group",
    "gender",
    "employment_type",
    "rating",
    "potential",  # rendah, menengah, tinggi (v2)
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool
    ref: str | None = None  # the table whose id this column names

    def db_name(self) -> str:
        """The store column it fills: a reference becomes the referenced surrogate key."""
        return DIMENSIONS[self.ref].key if self.ref else self.name


@dataclass(frozen=True)
class Dimension:
    """A table whose rows are named by one text id and carry an integer surrogate key."""

    id: str
    key: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # docs/import-formats.md's key, in import column names
    # True when the store table has a primary key (rows are updated in place); the big fact
    # tables have none and are upserted by delete-then-insert.
    has_pk: bool = True

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def dimension(self) -> Dimension | None:
        return DIMENSIONS.get(self.name)


DIMENSIONS: dict[str, Dimension] = {
    "agencies": Dimension("agency_id", "agency_key"),
    "positions": Dimension("position_id", "position_key"),
    "competencies": Dimension("competency_id", "competency_key"),
    "employees": Dimension("nip", "emp_key"),
    "trainings": Dimension("training_id", "training_key"),
}


UNSUR = range(1, 10)  # the nine unsur of Permenpan RB 14/2017, columns u1 ... u9


def _c(name: str, kind: str, required: bool = True, ref: str | None = None) -> Column:
    return Column(name, kind, required, ref)


# In docs/import-formats.md#tables order, which is also a safe write order (referenced tables first).
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "agencies",
            (_c("agency_id", "id"), _c("agency_name", "text"), _c("instansi", "text", False)),
            ("agency_id",),
        ),
        Table(
            "positions",
            (
                _c("position_id", "id"),
                _c("position_name", "text"),
                _c("job_type", "text"),
                _c("job_family", "text"),
            ),
            ("position_id",),
        ),
        Table(
            "competencies",
            (
                _c("competency_id", "id"),
                _c("competency_name", "text"),
                _c("competency_group", "competency_group"),
            ),
            ("competency_id",),
        ),
        Table(
            "standards",
            (
                _c("position_id", "id", ref="positions"),
                _c("competency_id", "id", ref="competencies"),
                _c("required_level", "required_level"),
            ),
            ("position_id", "competency_id"),
        ),
        Table(
            "employees",
            (
                _c("nip", "nip"),
                _c("name", "text"),
                _c("agency_id", "id", ref="agencies"),
                _c("unit", "text"),
                _c("position_id", "id", ref="positions"),
                _c("gender", "gender", False),
                _c("birth_date", "date", False),
                _c("employment_type", "employment_type", False),
                _c("rank", "text", False),
            ),
            ("nip",),
        ),
        Table(
            "assessments",
            (
                _c("nip", "nip", ref="employees"),
                _c("competency_id", "id", ref="competencies"),
                _c("assessed_on", "date"),
                _c("level", "level"),
                _c("position_id", "id", False, ref="positions"),
                _c("method", "text", False),
            ),
            ("nip", "competency_id", "assessed_on"),
            has_pk=False,
        ),
        Table(
            "trainings",
            (
                _c("training_id", "id"),
                _c("title", "text"),
                _c("competency_id", "id", False, ref="competencies"),
                _c("hours_jp", "hours"),
                _c("start_date", "date"),
                _c("end_date", "date"),
                _c("provider", "text", False),
                _c("cost_idr", "money", False),
                _c("mode", "text", False),
            ),
            ("training_id",),
        ),
        Table(
            "participations",
            (
                _c("training_id", "id", ref="trainings"),
                _c("nip", "nip", ref="employees"),
                _c("completed", "bool"),
            ),
            ("training_id", "nip"),
            has_pk=False,
        ),
        Table(
            "performance",
            (_c("nip", "nip", ref="employees"), _c("year", "year"), _c("rating", "rating")),
            ("nip", "year"),
            has_pk=False,
        ),
        Table(
            "potential",
            (
                _c("nip", "nip", ref="employees"),
                _c("year", "year"),
                _c("potential", "potential"),
                _c("method", "text", False),
            ),
            ("nip", "year"),
            has_pk=False,
        ),
        Table(
            "service_outcomes",
            (
                _c("agency_id", "id", ref="agencies"),
                _c("year", "year"),
                _c("ikm", "ikm"),
                _c("respondents", "respondents", False),
                *(_c(f"u{i}", "unsur", False) for i in UNSUR),
            ),
            ("agency_id", "year"),
        ),
    )
}


def table_for_name(name: str) -> Table | None:
    """The table a file or sheet name stands for (case-insensitive, spaces trimmed)."""
    stem = name.strip().lower()
    if stem.endswith(".csv"):
        stem = stem[: -len(".csv")].strip()
    return TABLES.get(stem)


# Canonical values of the enumerated kinds, keyed by the normalised spelling accepted.
COMPETENCY_GROUPS = {
    "manajerial": "manajerial",
    "managerial": "manajerial",
    "sosial kultural": "sosial kultural",
    "socio cultural": "sosial kultural",
    "sociocultural": "sosial kultural",
    "teknis": "teknis",
    "technical": "teknis",
}
GENDERS = {
    "l": "L",
    "p": "P",
    "m": "L",
    "f": "P",
    "laki-laki": "L",
    "perempuan": "P",
    "male": "L",
    "female": "P",
}
EMPLOYMENT_TYPES = {"pns": "PNS", "pppk": "PPPK"}
RATINGS = {
    r.lower(): r for r in ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
}
BOOLEANS = {
    "true": True,
    "false": False,
    # what a spreadsheet in the Indonesian locale writes for TRUE/FALSE when it saves CSV (v2)
    "benar": True,
    "salah": False,
    "ya": True,
    "tidak": False,
    "y": True,
    "n": False,
    "1": True,
    "0": False,
    "yes": True,
    "no": False,
}
POTENTIALS = {
    "rendah": "rendah",
    "menengah": "menengah",
    "tinggi": "tinggi",
    "low": "rendah",
    "medium": "menengah",
    "high": "tinggi",
}
# What the enumerated kinds accept, as shown in messages.
ENUM_VALUES = {
    "competency_group": (COMPETENCY_GROUPS, "manajerial, sosial kultural, teknis"),
    "gender": (GENDERS, "L, P (M, F)"),
    "employment_type": (EMPLOYMENT_TYPES, "PNS, PPPK"),
    "rating": (RATINGS, "Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang"),
    "potential": (POTENTIALS, "rendah, menengah, tinggi (low, medium, high)"),
}
