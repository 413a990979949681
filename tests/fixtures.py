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

from analytics import derived
from analytics.store import Store


def nip(n: int, birth: str = "19800101", gender: int = 1) -> str:
    """An 18-digit NIP whose serial is n (1..999)."""
    return f"{birth}200501{gender}{n:03d}"


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
               p.position_key, e.gender, null, e.employment_type, e.rank
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
    }
    for table, n in counts.items():  # a misspelt id would silently drop a row
        got = cur.execute(f"select count(*) from {table}").fetchone()
        assert got is not None and got[0] == n, (table, got, n)
