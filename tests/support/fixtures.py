"""A small builder of hand-written stores: rows by text id straight into the raw tables.

It does not go through the importer (tested on its own): keys are assigned here in insertion
order and `derived.refresh` is called inside one write, as the importer does. Levels and JP are
given as text ("3.5") so they are exact decimals from the start.

    b = Builder()
    b.agency("A1").position("P1").competency("M.1").standard("P1", "M.1", 3)
    b.employee(nip(1), "A1", "Umum", "P1").assess(nip(1), "M.1", "2023-03-01", "2.5")
    b.build(store)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pandas as pd
from hypothesis import strategies as st

from analytics.store import derived
from analytics.store.db import Store


def nip(n: int, gender: int = 1) -> str:
    """A valid 18-digit NIP for n >= 1: serials 001..999, then the next birth year."""
    year, serial = divmod(n - 1, 999)
    return f"{1980 + year}0101200501{gender}{serial + 1:03d}"


def d(text: str | date) -> date:
    return text if isinstance(text, date) else date.fromisoformat(text)


@dataclass
class Builder:
    agencies: list[tuple[Any, ...]] = field(default_factory=list)
    positions: list[tuple[Any, ...]] = field(default_factory=list)
    competencies: list[tuple[Any, ...]] = field(default_factory=list)
    standards: list[tuple[Any, ...]] = field(default_factory=list)
    employees: list[tuple[Any, ...]] = field(default_factory=list)
    assessments: list[tuple[Any, ...]] = field(default_factory=list)
    trainings: list[tuple[Any, ...]] = field(default_factory=list)
    participations: list[tuple[Any, ...]] = field(default_factory=list)
    service_outcomes: list[tuple[Any, ...]] = field(default_factory=list)
    performance: list[tuple[Any, ...]] = field(default_factory=list)
    potential: list[tuple[Any, ...]] = field(default_factory=list)

    def agency(
        self,
        agency_id: str,
        name: str | None = None,
        instansi: str | None = "Pemerintah Provinsi Jambi",
    ) -> Builder:
        self.agencies.append((agency_id, name or f"Dinas {agency_id}", instansi))
        return self

    def position(
        self,
        position_id: str,
        job_type: str = "Pelaksana",
        job_family: str = "Umum",
        name: str | None = None,
    ) -> Builder:
        self.positions.append((position_id, name or f"Jabatan {position_id}", job_type, job_family))
        return self

    def competency(self, competency_id: str, group: str = "manajerial") -> Builder:
        self.competencies.append((competency_id, f"Kompetensi {competency_id}", group))
        return self

    def standard(self, position_id: str, competency_id: str, required_level: int) -> Builder:
        self.standards.append((position_id, competency_id, required_level))
        return self

    def employee(
        self,
        nip_: str,
        agency_id: str,
        unit: str,
        position_id: str,
        *,
        gender: str | None = None,
        employment_type: str | None = None,
        rank: str | None = None,
        birth_date: str | date | None = None,
    ) -> Builder:
        self.employees.append(
            (
                nip_,
                f"Pegawai {nip_[-3:]}",
                agency_id,
                unit,
                position_id,
                gender,
                employment_type,
                rank,
                None if birth_date is None else d(birth_date),
            )
        )
        return self

    def assess(
        self,
        nip_: str,
        competency_id: str,
        on: str | date,
        level: str,
        position_id: str | None = None,
    ) -> Builder:
        self.assessments.append((nip_, competency_id, d(on), str(level), position_id))
        return self

    def training(
        self,
        training_id: str,
        title: str,
        competency_id: str | None,
        hours_jp: str,
        end: str | date,
        *,
        start: str | date | None = None,
        cost_idr: float | None = None,
    ) -> Builder:
        self.trainings.append(
            (training_id, title, competency_id, str(hours_jp), d(start or end), d(end), cost_idr)
        )
        return self

    def attend(self, training_id: str, nip_: str, completed: bool = True) -> Builder:
        self.participations.append((training_id, nip_, completed))
        return self

    def outcome(
        self,
        agency_id: str,
        year: int,
        ikm: float,
        respondents: int | None = None,
        unsur: tuple[float | None, ...] | None = None,
    ) -> Builder:
        """A service_outcomes row; `unsur` = (u1, ..., u9) when given."""
        u = tuple(unsur) if unsur is not None else (None,) * 9
        assert len(u) == 9
        self.service_outcomes.append((agency_id, year, ikm, respondents, *u))
        return self

    def rate(self, nip_: str, year: int, rating: str) -> Builder:
        """A performance rating (predikat kinerja) of the year."""
        self.performance.append((nip_, year, rating))
        return self

    def potential_result(
        self, nip_: str, year: int, potential: str, method: str | None = None
    ) -> Builder:
        """A potential.csv row: rendah, menengah or tinggi."""
        self.potential.append((nip_, year, potential, method))
        return self

    def build(self, store: Store) -> None:
        """Insert every row (keys 1, 2, ... in insertion order) and refresh derived tables."""
        with store.write() as cur:
            insert_rows(cur, self)
            derived.refresh(cur)


def _frame(rows: list[tuple[Any, ...]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame.insert(0, "ord", range(len(rows)))  # keys follow insertion order
    return frame


def insert_rows(cur: duckdb.DuckDBPyConnection, b: Builder) -> None:
    """Insert the builder's rows into empty raw tables, resolving text ids to keys."""
    frames = {
        "agencies_in": _frame(b.agencies, ["agency_id", "agency_name", "instansi"]),
        "positions_in": _frame(
            b.positions, ["position_id", "position_name", "job_type", "job_family"]
        ),
        "competencies_in": _frame(
            b.competencies, ["competency_id", "competency_name", "competency_group"]
        ),
        "standards_in": _frame(b.standards, ["position_id", "competency_id", "required_level"]),
        "employees_in": _frame(
            b.employees,
            [
                "nip",
                "name",
                "agency_id",
                "unit",
                "position_id",
                "gender",
                "employment_type",
                "rank",
                "birth_date",
            ],
        ),
        "assessments_in": _frame(
            b.assessments, ["nip", "competency_id", "assessed_on", "level", "position_id"]
        ),
        "trainings_in": _frame(
            b.trainings,
            [
                "training_id",
                "title",
                "competency_id",
                "hours_jp",
                "start_date",
                "end_date",
                "cost_idr",
            ],
        ),
        "participations_in": _frame(b.participations, ["training_id", "nip", "completed"]),
        "performance_in": _frame(b.performance, ["nip", "year", "rating"]),
        "potential_in": _frame(b.potential, ["nip", "year", "potential", "method"]),
    }
    for name, frame in frames.items():
        cur.register(name, frame)
    cur.execute("""
        insert into agencies
        select row_number() over (order by ord), agency_id, agency_name, instansi
        from agencies_in
    """)
    cur.execute("""
        insert into positions
        select row_number() over (order by ord), position_id, position_name, job_type, job_family
        from positions_in
    """)
    cur.execute("""
        insert into competencies
        select row_number() over (order by ord), competency_id, competency_name, competency_group
        from competencies_in
    """)
    cur.execute("""
        insert into standards
        select p.position_key, c.competency_key, s.required_level::tinyint
        from standards_in s
        join positions p using (position_id) join competencies c using (competency_id)
    """)
    cur.execute("""
        insert into employees
        select row_number() over (order by ord), e.nip, e.name, a.agency_key, e.unit,
               p.position_key, e.gender, e.birth_date::date, e.employment_type, e.rank
        from employees_in e
        join agencies a using (agency_id) join positions p using (position_id)
    """)
    cur.execute("""
        insert into assessments
        select e.emp_key, c.competency_key, i.assessed_on::date, i.level::decimal(2, 1),
               p.position_key, null
        from assessments_in i
        join employees e using (nip) join competencies c using (competency_id)
        left join positions p on p.position_id = i.position_id
    """)
    cur.execute("""
        insert into trainings
        select row_number() over (order by ord), i.training_id, i.title, c.competency_key,
               i.hours_jp::decimal(9, 2), i.start_date::date, i.end_date::date, null,
               i.cost_idr::double, null
        from trainings_in i
        left join competencies c on c.competency_id = i.competency_id
    """)
    cur.execute("""
        insert into participations
        select t.training_key, e.emp_key, i.completed::boolean
        from participations_in i join trainings t using (training_id) join employees e using (nip)
    """)
    unsur = [f"u{i}" for i in range(1, 10)]
    outcomes_in = pd.DataFrame(
        b.service_outcomes, columns=["agency_id", "year", "ikm", "respondents", *unsur]
    ).astype({c: "float64" for c in ["ikm", *unsur]})
    cur.register("service_outcomes_in", outcomes_in)
    cur.execute(f"""
        insert into service_outcomes (agency_key, year, ikm, respondents, {", ".join(unsur)})
        select a.agency_key, i.year::smallint, i.ikm, i.respondents::integer,
               {", ".join(f"i.{u}" for u in unsur)}
        from service_outcomes_in i join agencies a using (agency_id)
    """)
    cur.unregister("service_outcomes_in")
    cur.execute("""
        insert into performance
        select e.emp_key, i.year::smallint, i.rating
        from performance_in i join employees e using (nip)
    """)
    cur.execute("""
        insert into potential
        select e.emp_key, i.year::smallint, i.potential, i.method::varchar
        from potential_in i join employees e using (nip)
    """)
    for name in frames:
        cur.unregister(name)
    counts = {
        "agencies": len(b.agencies),
        "positions": len(b.positions),
        "competencies": len(b.competencies),
        "standards": len(b.standards),
        "employees": len(b.employees),
        "assessments": len(b.assessments),
        "trainings": len(b.trainings),
        "participations": len(b.participations),
        "service_outcomes": len(b.service_outcomes),
        "performance": len(b.performance),
        "potential": len(b.potential),
    }
    for table, n in counts.items():  # a misspelt id would silently drop a row
        got = cur.execute(f"select count(*) from {table}").fetchone()
        assert got is not None and got[0] == n, (table, got, n)


# ---------------------------------------------------------------------------------------------
# The hand-checked world most metric tests share. Every number a test expects is worked out by
# hand from this table, in the test.
#
# agencies    DINKES (Prov.), BKD (Prov.), KRC (Dinas Kesehatan Kab. Kerinci, Kab. Kerinci)
#             unit "Sekretariat" exists in DINKES and in KRC
# positions   ADM  Administrator, Kesehatan:       M.1 3, M.2 3
#             PEL  Pelaksana, Umum:                 M.1 2, M.2 2
#             FUN  Fungsional Ahli Muda, Kesehatan: M.1 3, SK.1 3   (no standard for M.2)
# employees   e1 DINKES/Sekretariat ADM  PNS L III/a
#             e2 DINKES/Pelayanan   FUN  PPPK P
#             e3 BKD/Mutasi         PEL  PNS L III/b   (assessed in 2023 only)
#             e4 KRC/Sekretariat    ADM  PNS P
#             e5 KRC/Sekretariat    PEL  PNS L
#             e6 BKD/Mutasi         PEL  PNS P
#             e7 BKD/Mutasi         PEL  PPPK L
# assessments (position given when it differs from the current one)
#   e1 M.1 2023-03-01 2.5 | 2024-02-01 2.8 | 2024-09-01 3.2  (re-assessed in 2024: 3.2 counts)
#   e1 M.2 2023-03-01 3.0 | 2024-09-01 3.0
#   e2 M.1 2023-04-01 2.0 @PEL | 2024-08-01 2.7
#   e2 M.2 2023-04-01 2.1 @PEL | 2024-01-15 2.2 @PEL
#   e2 SK.1 2024-08-01 2.4
#   e3 M.1 2023-05-01 1.4 | M.2 2023-05-01 1.6
#   e4 M.1 2024-04-01 2.7 | M.2 2024-04-01 2.7     (JPM exactly 90)
#   e5 M.1 2024-03-01 2.5
#   e5 M.2 2024-03-01 1.5 | 2024-10-01 2.2 @FUN     (the later one has no standard: no score)
#   e6 M.1 2023-05-01 1.2 | 2024-04-01 1.5 ; M.2 2024-04-01 1.6
#   e7 M.1 2024-04-01 1.6 | M.2 2024-04-01 1.6
# trainings (event, title, competency, JP, end) and who took it
#   T1 Kepemimpinan Dasar  M.1  24     2024-02-01  e1 completed  (= e1's M.1 d1, then d0)
#   T2 Pelayanan Prima     M.2  16     2024-05-01  e5 not completed
#   T3 Orientasi ASN       -     8     2023-11-01  e2, e3 completed
#   T4 Kepemimpinan Dasar  M.1  12.75  2024-06-30  e2 completed
#   T5 Seminar Integritas  -     2     2022-12-15  e4 completed  (a JP year without assessments)
#   T6 E-learning SIASN    -     4     2021-06-01  e3 not completed (not a JP year)
#   T7 Pelatihan Teknis    -    20     2024-12-31  e7 completed  (exactly 20 JP)
#   T8 Coaching Integritas M.1   6     2023-12-01  e6 completed
# costs: T1 4,000,000; T4 3,000,000 (e2 alone); T8 900,000; others none
# ---------------------------------------------------------------------------------------------

E = {i: nip(i) for i in range(1, 8)}


def world() -> Builder:
    b = Builder()
    b.agency("DINKES", "Dinas Kesehatan").agency("BKD", "Badan Kepegawaian Daerah")
    b.agency("KRC", "Dinas Kesehatan Kab. Kerinci", "Pemerintah Kabupaten Kerinci")
    b.position("ADM", "Administrator", "Kesehatan").position("PEL", "Pelaksana", "Umum")
    b.position("FUN", "Fungsional Ahli Muda", "Kesehatan")
    b.competency("M.1").competency("M.2").competency("SK.1", "sosial kultural")
    for pos, comp, level in [
        ("ADM", "M.1", 3), ("ADM", "M.2", 3), ("PEL", "M.1", 2), ("PEL", "M.2", 2),
        ("FUN", "M.1", 3), ("FUN", "SK.1", 3),
    ]:  # fmt: skip
        b.standard(pos, comp, level)
    b.employee(E[1], "DINKES", "Sekretariat", "ADM", gender="L", employment_type="PNS",
               rank="III/a")  # fmt: skip
    b.employee(E[2], "DINKES", "Pelayanan", "FUN", gender="P", employment_type="PPPK")
    b.employee(E[3], "BKD", "Mutasi", "PEL", gender="L", employment_type="PNS", rank="III/b")
    b.employee(E[4], "KRC", "Sekretariat", "ADM", gender="P", employment_type="PNS")
    b.employee(E[5], "KRC", "Sekretariat", "PEL", gender="L", employment_type="PNS")
    b.employee(E[6], "BKD", "Mutasi", "PEL", gender="P", employment_type="PNS")
    b.employee(E[7], "BKD", "Mutasi", "PEL", gender="L", employment_type="PPPK")
    for e, comp, on, level, pos in [
        (1, "M.1", "2023-03-01", "2.5", None), (1, "M.1", "2024-02-01", "2.8", None),
        (1, "M.1", "2024-09-01", "3.2", None),
        (1, "M.2", "2023-03-01", "3.0", None), (1, "M.2", "2024-09-01", "3.0", None),
        (2, "M.1", "2023-04-01", "2.0", "PEL"), (2, "M.1", "2024-08-01", "2.7", None),
        (2, "M.2", "2023-04-01", "2.1", "PEL"), (2, "M.2", "2024-01-15", "2.2", "PEL"),
        (2, "SK.1", "2024-08-01", "2.4", None),
        (3, "M.1", "2023-05-01", "1.4", None), (3, "M.2", "2023-05-01", "1.6", None),
        (4, "M.1", "2024-04-01", "2.7", None), (4, "M.2", "2024-04-01", "2.7", None),
        (5, "M.1", "2024-03-01", "2.5", None),
        (5, "M.2", "2024-03-01", "1.5", None), (5, "M.2", "2024-10-01", "2.2", "FUN"),
        (6, "M.1", "2023-05-01", "1.2", None), (6, "M.1", "2024-04-01", "1.5", None),
        (6, "M.2", "2024-04-01", "1.6", None),
        (7, "M.1", "2024-04-01", "1.6", None), (7, "M.2", "2024-04-01", "1.6", None),
    ]:  # fmt: skip
        b.assess(E[e], comp, on, level, pos)
    b.training("T1", "Kepemimpinan Dasar", "M.1", "24", "2024-02-01", cost_idr=4_000_000)
    b.training("T2", "Pelayanan Prima", "M.2", "16", "2024-05-01")
    b.training("T3", "Orientasi ASN", None, "8", "2023-11-01")
    b.training("T4", "Kepemimpinan Dasar", "M.1", "12.75", "2024-06-30", cost_idr=3_000_000)
    b.training("T5", "Seminar Integritas", None, "2", "2022-12-15")
    b.training("T6", "E-learning SIASN", None, "4", "2021-06-01")
    b.training("T7", "Pelatihan Teknis", None, "20", "2024-12-31")
    b.training("T8", "Coaching Integritas", "M.1", "6", "2023-12-01", cost_idr=900_000)
    b.attend("T1", E[1]).attend("T2", E[5], completed=False).attend("T3", E[2])
    b.attend("T3", E[3]).attend("T4", E[2]).attend("T5", E[4])
    b.attend("T6", E[3], completed=False).attend("T7", E[7]).attend("T8", E[6])
    return b


def store_of(b: Builder) -> Store:
    """An in-memory store holding the builder's rows (the caller closes it)."""
    store = Store(":memory:")
    b.build(store)
    return store


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None) -> list:
    return cur.execute(sql, params or {}).fetchall()


def one_pair_each(spec: list[tuple[str, str, str | None]]) -> Builder:
    """An employee per (level0, level1, title of a completed M.1 training in (d0, d1] or
    None); d0 = 2023-03-01, d1 = 2024-03-01."""
    b = Builder().agency("A").position("P").competency("M.1").standard("P", "M.1", 3)
    for i, (l0, l1, title) in enumerate(spec, start=1):
        b.employee(nip(i), "A", "U", "P")
        b.assess(nip(i), "M.1", "2023-03-01", l0).assess(nip(i), "M.1", "2024-03-01", l1)
        if title is not None:
            b.training(f"T{i}", title, "M.1", "10", "2023-09-01").attend(f"T{i}", nip(i))
    return b


# ---------------------------------------------------------------------------------------------
# Random small worlds for property tests (hypothesis). Names are shared on purpose: two unit
# names in every agency, titles tied to one competency each ("Umum" develops none).
# ---------------------------------------------------------------------------------------------

AGENCIES = {"A1": "Pemerintah Provinsi Jambi", "A2": "Pemerintah Provinsi Jambi",
            "A3": "Pemerintah Kabupaten Kerinci"}  # fmt: skip
POSITIONS = {"P1": ("Administrator", "Kesehatan"), "P2": ("Pelaksana", "Umum"),
             "P3": ("Pelaksana", "Kesehatan")}  # fmt: skip
COMPETENCIES = ("M.1", "M.2")
TITLES = {"Alpha": "M.1", "Beta": "M.2", "Umum": None}
DATES = ("2023-02-01", "2023-08-01", "2024-02-01", "2024-08-01", "2024-12-31")
LEVELS = st.integers(10, 50).map(lambda t: f"{t // 10}.{t % 10}")


@st.composite
def random_world(draw: st.DrawFn, outsiders: int = 0) -> tuple[Builder, int]:
    """A random world of a few employees in A1..A3; with `outsiders`, that many more in agency
    OUT, who take part only in their own events. Returns the builder and the employee count."""
    b = Builder()
    for a, inst in AGENCIES.items():
        b.agency(a, instansi=inst)
    if outsiders:
        b.agency("OUT", instansi="Pemerintah Kabupaten Tebo")
    for p, (jt, jf) in POSITIONS.items():
        b.position(p, jt, jf)
    for c in COMPETENCIES:
        b.competency(c)
    for p in POSITIONS:
        for c in COMPETENCIES:
            level = draw(st.one_of(st.none(), st.integers(1, 5)))
            if level is not None:
                b.standard(p, c, level)
    n = draw(st.integers(1, 9))
    people = [(i, draw(st.sampled_from(sorted(AGENCIES)))) for i in range(1, n + 1)]
    people += [(n + j, "OUT") for j in range(1, outsiders + 1)]
    events: dict[str, list[int]] = {}
    for i, agency in people:
        b.employee(nip(i), agency, draw(st.sampled_from(["U1", "U2"])),
                   draw(st.sampled_from(sorted(POSITIONS))),
                   gender=draw(st.sampled_from(["L", "P", None])),
                   employment_type=draw(st.sampled_from(["PNS", "PPPK", None])))  # fmt: skip
        for c in COMPETENCIES:
            for on in draw(st.sets(st.sampled_from(DATES), max_size=3)):
                pos = draw(st.one_of(st.none(), st.sampled_from(sorted(POSITIONS))))
                b.assess(nip(i), c, on, draw(LEVELS), pos)
        for _ in range(draw(st.integers(0, 2))):
            # outsiders' events are their own (ids X...), so they never share one with A1..A3
            prefix = "X" if agency == "OUT" else "T"
            tid = f"{prefix}{draw(st.integers(1, 4))}"
            events.setdefault(tid, [])
            if i not in events[tid]:
                events[tid].append(i)
    for tid in sorted(events):
        title = draw(st.sampled_from(sorted(TITLES)))
        # one competency per title (docs/import-formats.md#trainings): the title decides it
        b.training(tid + title, title, TITLES[title], draw(st.sampled_from(["2", "8.5", "20"])),
                   draw(st.sampled_from(DATES[:-1] + ("2024-03-15",))),
                   cost_idr=draw(st.sampled_from([None, 1_000_000.0])))  # fmt: skip
        for i in events[tid]:
            b.attend(tid + title, nip(i), completed=draw(st.booleans()))
    return b, n
