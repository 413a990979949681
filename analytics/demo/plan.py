"""The demo store's skeleton for a given workforce size: governments, agencies, units with
their headcounts, positions and staff-mix lookup tables (small; Python is fine here).

The skeleton does not depend on the seed: an organisation chart is a fact, not a draw. The
facts (who, what levels, which trainings) are drawn in SQL from the seed (analytics.demo.build).
Sizes are allocated with the largest-remainder rule so that every count adds up exactly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from analytics.demo import govs
from analytics.demo.catalogue import JOB_TYPES, STAFF_MIXES, parse_mix
from analytics.demo.names import COMMON_PLACES, JAMBI_PLACES
from analytics.demo.org import (
    KASUBBAG_UMUM,
    AgencySpec,
    extra_agency,
    ministry_agencies,
    province_agencies,
    regency_agencies,
    vertical_agency,
)

PROVINCE_ONLY_UP_TO = 20_000  # below this, the demo is the provincial government alone
ADMIN_SHARE = 0.1  # administrative staff in every non-administrative unit
MIX_SLOTS = 1000  # resolution of the staff-mix lookup (a draw in [0, 1) picks a slot)


def fixed_draw(*parts: object) -> float:
    """A reproducible number in [0, 1) from its parts (for the seed-independent skeleton)."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0**64


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights`, exactly (largest remainder, ties by order)."""
    wsum = sum(weights)
    if total <= 0 or wsum <= 0:
        return [0] * len(weights)
    raw = [total * w / wsum for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


@dataclass
class Government:
    instansi: str
    code: str
    suffix: str  # appended to its agencies' names ("" for the Province of Jambi)
    nominal: int
    places: list[tuple[str, str]]  # (full name, short name) where its satellite units are
    agencies: list[tuple[AgencySpec, list[tuple[str, str]]]] = field(default_factory=list)


def _regency_places(entry: str) -> list[tuple[str, str]]:
    short = govs.short_place(entry)
    if short in JAMBI_PLACES:
        names = list(JAMBI_PLACES[short])
    else:
        k = (
            5 + int(fixed_draw(entry, "kec") * 5)
            if entry.startswith("Kota")
            else 8 + int(fixed_draw(entry, "kec") * 9)
        )
        names = sorted(COMMON_PLACES, key=lambda p: fixed_draw(entry, p))[:k]
    return [(n, n) for n in names]


def all_governments() -> list[Government]:
    """Every government the demo knows, in the order they join as the workforce grows."""
    out: list[Government] = []
    for pcode in govs.PROVINCE_ORDER:
        pname, psize, entries = govs.PROVINCES[pcode]
        places = [(govs.place_name(e), govs.short_place(e)) for e in entries]
        jambi = pcode == "15"
        out.append(
            Government(
                f"Pemerintah Provinsi {pname}",
                pcode,
                "" if jambi else f"Provinsi {pname}",
                psize,
                places,
            )
        )
        if pcode in govs.NOT_AUTONOMOUS:
            continue
        n_kab = n_kota = 0
        for i, entry in enumerate(entries):
            if entry.startswith("Kota"):
                n_kota += 1
                code = f"{pcode}{70 + n_kota}"
            else:
                n_kab += 1
                code = f"{pcode}{n_kab:02d}"
            size = 3500 + 5000 * fixed_draw(entry, pcode, "size")
            size *= (1.6 if pcode in govs.JAVA_BALI else 1.0) * (1.4 if i == 0 else 1.0)
            full = govs.place_name(entry)
            out.append(
                Government(f"Pemerintah {full}", code, full, int(size), _regency_places(entry))
            )
    for m in govs.MINISTRIES:
        out.append(Government(m[1], m[0], "", m[2], []))
    return out


def choose_governments(employees: int) -> list[tuple[Government, int]]:
    """The governments a store of this size covers, each with its exact headcount."""
    every = all_governments()
    if employees <= PROVINCE_ONLY_UP_TO:
        return [(every[0], employees)]
    chosen: list[Government] = []
    total = 0
    for g in every:
        if total >= employees:
            break
        chosen.append(g)
        total += g.nominal
    if total > employees and len(chosen) > 1:
        last = chosen[-1]
        remainder = last.nominal - (total - employees)
        if remainder < last.nominal / 2:  # too small a government: spread over the others
            chosen.pop()
    sizes = allocate(employees, [g.nominal for g in chosen])
    return list(zip(chosen, sizes, strict=True))


def _agencies_of(g: Government) -> list[tuple[AgencySpec, list[tuple[str, str]]]]:
    if g.code.startswith("K"):
        m = next(m for m in govs.MINISTRIES if m[0] == g.code)
        _, name, _, mix, eselon1, vertical, extras = m
        central = 1.0 - (vertical[4] if vertical else 0.0) - sum(w for _, _, w in extras)
        out: list[tuple[AgencySpec, list[tuple[str, str]]]] = [
            (a, []) for a in ministry_agencies(name, mix, eselon1, max(central, 0.04))
        ]
        if vertical:
            pattern, head, code, family, share, offices = vertical
            for pcode in govs.PROVINCE_ORDER:
                pname, _, entries = govs.PROVINCES[pcode]
                places = [(govs.place_name(e), govs.short_place(e)) for e in entries]
                # Offices scale with the number of regencies listed for the province.
                weight = share * len(entries) / sum(len(p[2]) for p in govs.PROVINCES.values())
                out.append(
                    (vertical_agency(pattern, pname, head, code, family, weight, offices), places)
                )
        out += [(extra_agency(n, x, w), []) for n, x, w in extras]
        return out
    if len(g.code) == 2:
        return [(a, g.places) for a in province_agencies(g.code == "15")]
    return [(a, g.places) for a in regency_agencies(tuple(p for p, _ in g.places))]


class Positions:
    """Position registry: one key per title, staff-mix jobs first so their keys are stable."""

    def __init__(self) -> None:
        self.rows: dict[str, list[object]] = {}  # title -> [key, code, family, below title]
        for mix in STAFF_MIXES.values():
            for job in parse_mix(mix):
                self.add(job.name, job.job_code, job.family, job.below)

    def add(self, title: str, code: str, family: str, below: str | None = None) -> int:
        row = self.rows.get(title)
        if row is None:
            row = [len(self.rows) + 1, code, family, below]
            self.rows[title] = row
        elif row[1] != code:
            raise ValueError(f"position {title!r} has job codes {row[1]} and {code}")
        return int(row[0])  # type: ignore[call-overload]

    def frame(self) -> pd.DataFrame:
        recs = []
        for title, (key, code, family, below) in self.rows.items():
            job_type = JOB_TYPES[str(code)][0]
            prefix = "F" if job_type.startswith("Fungsional") else "P" if code == "L" else "S"
            below_key = self.rows[str(below)][0] if below in self.rows else None
            recs.append((key, f"{prefix}{key:05d}", title, job_type, family, code, below_key))
        return pd.DataFrame(
            recs,
            columns=[
                "position_key",
                "position_id",
                "position_name",
                "job_type",
                "job_family",
                "job_code",
                "below_key",
            ],
        )


def _structural_below(code: str) -> str | None:
    """Where the holder of a structural post was before (for assessments in an earlier job)."""
    return {"A": KASUBBAG_UMUM[0], "W": "Penata Layanan Operasional"}.get(code)


@dataclass
class Plan:
    agencies: pd.DataFrame  # agency_key, agency_id, agency_name, instansi
    units: pd.DataFrame  # unit_key, agency_key, unit, mix_id, n, emp_start
    slots: pd.DataFrame  # unit_key, i, position_key: the unit's first employees' posts
    positions: pd.DataFrame
    mixes: pd.DataFrame  # mix_id, slot, position_key


def _sat_units(
    a: AgencySpec, places: list[tuple[str, str]], n_agency: int
) -> list[tuple[str, str, int, tuple[str, str] | None]]:
    """(unit name, mix, headcount, head) of an agency's satellite units."""
    out = []
    for s in a.sats:
        if not places:
            continue
        staff = round(s.share * n_agency)
        count = len(places) if s.per_unit == 0 else round(staff / s.per_unit)
        if count <= 0 or staff <= 0:
            continue
        names = []
        for i in range(count):
            full, short = places[i % len(places)]
            number = i // len(places) + 1
            name = s.pattern.format(n=number, place=full, short=short)
            if "{n}" not in s.pattern and number > 1:
                name += f" {_roman(number)}"
            names.append(name)
        sizes = allocate(staff, [0.6 + 0.8 * fixed_draw(a.name, nm) for nm in names])
        out += [(nm, s.mix, k, s.head) for nm, k in zip(names, sizes, strict=True)]
    return out


def _roman(n: int) -> str:
    return (
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1] if n <= 10 else str(n)
    )


def build_plan(employees: int) -> Plan:
    """Governments, agencies, units and headcounts for a store of `employees` people."""
    positions = Positions()
    mix_ids = {name: i for i, name in enumerate(STAFF_MIXES)}
    agencies: list[tuple[int, str, str, str]] = []
    units: list[tuple[int, int, str, int, int, int]] = []
    slots: list[tuple[int, int, int]] = []
    start = 0
    for g, size in choose_governments(employees):
        specs = _agencies_of(g)
        for k, ((a, places), n_a) in enumerate(
            zip(specs, allocate(size, [a.weight for a, _ in specs]), strict=True), start=1
        ):
            if k > 99:
                raise ValueError(f"{g.instansi}: more than 99 agencies")
            agency_key = len(agencies) + 1
            name = f"{a.name} {g.suffix}" if g.suffix else a.name
            agencies.append((agency_key, f"{g.code}.{k:02d}", name, g.instansi))
            sats = _sat_units(a, places, n_a)
            fixed = allocate(n_a - sum(s[2] for s in sats), [u.weight for u in a.units])
            rows = [(u.name, u.mix, n, u.slots) for u, n in zip(a.units, fixed, strict=True)]
            rows += [
                (nm, mix, n, ((head[0], head[1], a.family),) if head else ())
                for nm, mix, n, head in sats
            ]
            seen: set[str] = set()
            for unit, mix, n, unit_slots in rows:
                if unit in seen:
                    raise ValueError(f"unit {unit!r} twice in {name}")
                seen.add(unit)
                if n == 0:
                    continue
                unit_key = len(units) + 1
                units.append((unit_key, agency_key, unit, mix_ids[mix], n, start))
                for i, (title, code, family) in enumerate(unit_slots[:n]):
                    key = positions.add(title, code, family, _structural_below(code))
                    slots.append((unit_key, i, key))
                start += n
    if start != employees:
        raise AssertionError(f"planned {start} employees, asked for {employees}")
    units_df = pd.DataFrame(
        units, columns=["unit_key", "agency_key", "unit", "mix_id", "n", "emp_start"]
    )
    slots_df = pd.DataFrame(slots, columns=["unit_key", "i", "position_key"])
    mixes = _mix_frame(positions, mix_ids)
    mixes = mixes[mixes.mix_id.isin(set(units_df.mix_id))]
    return _renumber(
        Plan(
            pd.DataFrame(agencies, columns=["agency_key", "agency_id", "agency_name", "instansi"]),
            units_df,
            slots_df,
            positions.frame(),
            mixes,
        )
    )


def _renumber(plan: Plan) -> Plan:
    """Keep the positions someone can hold (or held before a promotion), keys 1..n in order.

    The catalogue knows jobs of every government; a provincial store should not list prison
    guards and lecturers nobody holds.
    """
    pos = plan.positions
    used = set(plan.slots.position_key) | set(plan.mixes.position_key)
    below = pos.set_index("position_key").below_key
    frontier = used
    while frontier:
        frontier = {int(below[k]) for k in frontier if pd.notna(below[k])} - used
        used |= frontier
    pos = pos[pos.position_key.isin(used)].sort_values("position_key").reset_index(drop=True)
    new_key = {int(old): i + 1 for i, old in enumerate(pos.position_key)}
    pos = pos.assign(
        position_key=pos.position_key.map(new_key),
        below_key=pos.below_key.map(lambda k: new_key.get(int(k)) if pd.notna(k) else None),
    )
    pos["position_id"] = [
        pid[0] + f"{k:05d}" for pid, k in zip(pos.position_id, pos.position_key, strict=True)
    ]
    return Plan(
        plan.agencies,
        plan.units,
        plan.slots.assign(position_key=plan.slots.position_key.map(new_key)),
        pos,
        plan.mixes.assign(position_key=plan.mixes.position_key.map(new_key)),
    )


def _mix_frame(positions: Positions, mix_ids: dict[str, int]) -> pd.DataFrame:
    """MIX_SLOTS rows per mix: a uniform draw times MIX_SLOTS picks the job."""
    admin = parse_mix(STAFF_MIXES["administrasi"])
    recs = []
    for name, mix_id in mix_ids.items():
        jobs = [(j.name, j.weight) for j in parse_mix(STAFF_MIXES[name])]
        if name != "administrasi":
            total = sum(w for _, w in jobs)
            admin_total = sum(j.weight for j in admin)
            jobs = [(n, w * (1 - ADMIN_SHARE) / total) for n, w in jobs]
            jobs += [(j.name, j.weight * ADMIN_SHARE / admin_total) for j in admin]
        counts = allocate(MIX_SLOTS, [w for _, w in jobs])
        slot = 0
        for (job, _), c in zip(jobs, counts, strict=True):
            key = positions.rows[job][0]
            for _ in range(c):
                recs.append((mix_id, slot, key))
                slot += 1
    return pd.DataFrame(recs, columns=["mix_id", "slot", "position_key"])
