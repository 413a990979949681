"""Roles through the dashboard (AppTest): every role on every page, and no path that shows more
than the role may see: totals, charts, tables, downloads, the meeting report, presentation
screens and URL parameters. Also the login itself: failure, success, logout, and a real store
that never opens without users.

The store is the 1500-employee demo with a users file beside it (so a login is required) and
two agencies moved to a second instansi, so that an instansi planner has a real scope.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly.io as pio
import pytest
import streamlit as st
from argon2 import PasswordHasher
from google.protobuf import text_format
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

from analytics import metrics, views
from analytics.access import users as auth
from analytics.core.filters import Filters
from analytics.core.numfmt import integer, num, pct
from analytics.report import gather
from tests.support.apptest import open_section

ROOT = Path(__file__).resolve().parents[2]
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")
FRACTION = re.compile(r"\.\d+")
# Streamlit names each element "$$ID-<md5 hex>-<key>"; a hash can hold 18 digits in a row.
ELEMENT_ID = re.compile(r"\$\$ID-[0-9a-f]{32}")
KERINCI = "Pemerintah Kabupaten Kerinci"
AGENCY_A = "Dinas Pekerjaan Umum dan Penataan Ruang"
KERINCI_AGENCIES = ("Dinas Lingkungan Hidup", "Dinas Perhubungan")
PAGES = [
    "pages/overview.py",
    "pages/gaps.py",
    "pages/trends.py",
    "pages/impact.py",
    "pages/needs.py",
    "pages/talent.py",
    "pages/succession.py",
    "pages/profile.py",
    "pages/data.py",
    "pages/method.py",
]
PASSWORD = "kata-sandi-uji"
LOGIN_KEY = "_asn_login"
MEETING_FILES = ("bahan-rapat", "asn-competency-briefing")
BACKUP_FILES = ("cadangan",)  # the undo panel's whole-store backup (admins only)


class World:
    """The store's facts the tests check against."""

    def __init__(self, db: Path, agency_a: str, kerinci_ids: tuple[str, ...]) -> None:
        self.db = db
        self.agency_a = agency_a
        self.kerinci_ids = kerinci_ids
        self.names: dict[str, str] = {}
        self.vocabulary: list[str] = []  # texts anyone may see: titles, competencies...
        self.texts_of: dict[str, list[str]] = {}  # agency_id -> its units and positions
        self.nips: list[str] = []
        self.year = 0

    def has_nip(self, text: str) -> bool:
        """Whether `text` holds a NIP: any of the store's, or any 18-digit number (decimal
        fractions, e.g. of a chart's floats, and Streamlit's element ids are dropped first)."""
        return bool(self.nip_in(text))

    def nip_in(self, text: str) -> str:
        """The first NIP `text` holds, with its surroundings ("" when none)."""
        for n in self.nips:
            if n in text:
                i = text.index(n)
                return text[max(0, i - 80) : i + 40]
        plain = FRACTION.sub("", ELEMENT_ID.sub("$$ID", text))
        m = NIP.search(plain)
        return "" if m is None else plain[max(0, m.start() - 80) : m.end() + 40]

    def foreign_names(self, allowed_ids: set[str]) -> list[str]:
        """Names of agencies outside `allowed_ids` that no legitimate text contains (a unit or
        position of an allowed agency, e.g. "Kepala Dinas Sosial" of that Dinas, or a training
        title that contains another agency's name is not a leak)."""
        allowed_text = [self.names[a] for a in allowed_ids] + self.vocabulary
        allowed_text += [t for a in allowed_ids for t in self.texts_of.get(a, [])]
        return [
            name
            for a, name in self.names.items()
            if a not in allowed_ids and not any(name in v for v in allowed_text)
        ]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from analytics.demo.build import build_demo
    from analytics.store.db import Store
    from ui import state

    folder = tmp_path_factory.mktemp("roles")
    db = folder / "asn.duckdb"
    store = Store(db)
    build_demo(store, employees=1500, seed=7, force=False, out=io.StringIO(), err=io.StringIO())
    with store.write() as cur:
        cur.execute(
            "update agencies set instansi = $k where list_contains($n, agency_name)",
            {"k": KERINCI, "n": list(KERINCI_AGENCIES)},
        )
    with store.snapshot() as snap:
        cur = snap.cur
        names = dict(cur.execute("select agency_id, agency_name from agencies").fetchall())
        ids = {v: k for k, v in names.items()}
        w = World(db, ids[AGENCY_A], tuple(ids[n] for n in KERINCI_AGENCIES))
        w.names = names
        w.year = int(metrics.latest_year(cur))
        vocab = cur.execute(
            """select title from trainings union select coalesce(provider, '') from trainings
               union select competency_name from competencies union select instansi from agencies"""
        ).fetchall()
        w.vocabulary = [str(r[0]) for r in vocab]
        for agency_id, text in cur.execute(
            """select a.agency_id, e.unit from employees e join agencies a using (agency_key)
               union
               select a.agency_id, p.position_name from score s
               join agencies a using (agency_key) join positions p using (position_key)
               union
               select a.agency_id, p.position_name from employees e
               join agencies a using (agency_key) join positions p using (position_key)"""
        ).fetchall():
            w.texts_of.setdefault(agency_id, []).append(str(text))
        w.nips = [r[0] for r in cur.execute("select nip from employees").fetchall()]
    store.close()

    users = {
        "kepala": auth.User("kepala", "pimpinan"),
        "budi": auth.User("budi", "perencana", (w.agency_a,), ()),
        "siti": auth.User("siti", "perencana", (), (KERINCI,)),
        "root": auth.User("root", "admin"),
    }
    path = folder / "users.toml"
    h = auth.hash_password(PASSWORD, FAST)
    auth.save_users(path, {n: auth.User(u.name, u.role, u.agencies, u.instansi, h) for n, u in users.items()})  # fmt: skip

    saved = {k: os.environ.get(k) for k in ("ASN_DB", "ASN_USERS")}
    os.environ["ASN_DB"] = str(db)
    os.environ.pop("ASN_USERS", None)  # users.toml beside the store
    state.get_store.clear()
    st.cache_data.clear()  # cached per data version, and both stores have version 1
    yield w
    state.get_store.clear()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(autouse=True)
def quick_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle())
    monkeypatch.setattr(auth, "FAILURE_DELAY", 0.05)


class Files:
    """Every file a run offered for download: static bytes, and the deferred generators."""

    def __init__(self) -> None:
        self.static: list[tuple[str | None, bytes]] = []
        self.deferred: list[tuple[str | None, Any]] = []

    def made(self, prefix: str, skip: tuple[str, ...] = ()) -> list[tuple[str, bytes | str]]:
        """(file name, content) of every download whose name starts with `prefix` and not
        with one of `skip`; deferred ones are generated here, as a click would."""

        def wanted(n: str | None) -> bool:
            return n is not None and n.startswith(prefix) and not n.startswith(skip)

        out = [(str(n), d) for n, d in self.static if wanted(n)]
        out += [(str(n), make()) for n, make in self.deferred if wanted(n)]
        return out


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    got = Files()
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def spy_add(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if is_for_static_download:
            got.static.append((file_name, bytes(data) if not isinstance(data, str) else data))
        return add(self, data, mimetype, coordinates, file_name, is_for_static_download)

    def spy_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        got.deferred.append((file_name, data_callable))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", spy_add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_deferred)
    return got


def app(user: str | None, page: str | None = None, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params.update(params)
    if user:
        at.session_state[LOGIN_KEY] = user  # what a verified login leaves behind
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def rendered(at: AppTest) -> str:
    """Everything the run sent to the browser, as text: element messages (labels, values,
    options, markdown, HTML), table contents and chart specs."""
    parts: list[str] = []
    for node in walk(at._tree):
        if isinstance(node, Dataframe):
            parts.append(node.value.to_csv())
            continue
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if getattr(node, "type", "") == "plotly_chart":
            parts.append(json.dumps(pio.from_json(proto.spec).to_plotly_json(), default=str))
            parts.append(proto.spec)
        parts.append(text_format.MessageToString(proto, as_utf8=True))
    return "\n".join(parts)


def file_text(name: str | None, data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    if name and name.endswith(".xlsx"):
        wb = load_workbook(io.BytesIO(data))
        return "\n".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
        )
    return data.decode("utf-8-sig", errors="replace")


def nav_pages(at: AppTest) -> set[str]:
    """File names of the pages the run's st.navigation offered."""
    return {Path(str(info.get("script_path", ""))).name for info in at._registered_pages.values()}


def assert_no_foreign(text: str, foreign: list[str], where: str) -> None:
    leaked = [n for n in foreign if n in text]
    assert not leaked, f"{where} shows agencies outside the scope: {leaked}"


# --- every role on every page ----------------------------------------------------------------

ROLES = ["kepala", "budi", "siti", "root"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("user", ROLES)
def test_every_role_on_every_page(world: World, files: Files, user: str, page: str) -> None:
    at = app(user)
    if user == "kepala" and page == "pages/profile.py":
        with pytest.raises(ValueError):
            at.switch_page(page)  # not a page of the leader's navigation at all
        return
    files.static.clear()
    files.deferred.clear()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page ran"
    text = rendered(at)
    if page == "pages/data.py":  # what runs only when opened: each tab, the people not assessed
        if user == "root":
            text += "\n" + rendered(open_section(at, "data_bagian", "data_tab_store"))
            open_section(at, "data_bagian", "data_tab_coverage")
        if user != "kepala":
            at.session_state["cov_people_open"] = True
            at.run()
            assert [d for d in at.dataframe if "NIP" in d.value.columns], "the list was opened"
        assert not at.exception, [e.value for e in at.exception]
        text += "\n" + rendered(at)
    allowed = {
        "kepala": set(world.names),
        "root": set(world.names),
        "budi": {world.agency_a},
        "siti": set(world.kerinci_ids),
    }[user]
    # and every file the page offers, made as a click would (the meeting materials, which
    # draw charts in Chromium, are checked in test_a_planners_downloads_and_meeting_report_...;
    # an admin's whole-store backup is the admin's)
    for name, data in files.made("", skip=MEETING_FILES + BACKUP_FILES):
        text += "\n" + file_text(name, data)
    assert_no_foreign(text, world.foreign_names(allowed), f"{user} on {page}")
    if user == "kepala":
        assert not world.has_nip(text), f"a NIP on {page} for a leader: {world.nip_in(text)!r}"
    uploads = at.get("file_uploader")
    assert bool(uploads) == (user == "root" and page == "pages/data.py"), "only admins import"


def test_the_navigation_follows_the_role(world: World) -> None:
    profile = "profile.py"
    assert profile not in nav_pages(app("kepala"))
    for user in ("budi", "siti", "root"):
        assert profile in nav_pages(app(user))


# --- a planner of one agency -----------------------------------------------------------------


def kpis_shown(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_a_planners_totals_are_their_agencys(world: World) -> None:
    at = app("budi")
    shown = kpis_shown(at)
    from ui.state import get_store

    with get_store().snapshot() as snap:
        own = views.kpis(snap.cur, Filters(agencies=(world.agency_a,), year=world.year))
        everyone = views.kpis(snap.cur, Filters(year=world.year))
    assert shown["Pegawai diases"] == integer(own.employees, "id")
    assert shown["Rata-rata JPM"] == num(own.mean_jpm, "id", 1)
    assert shown["Nilai memenuhi standar"] == pct(own.pct_meeting, "id")
    assert shown["Pegawai ≥ 20 JP"] == pct(own.pct_20jp, "id")
    assert shown["Pegawai diases"] != integer(everyone.employees, "id")
    # the filter bar offers only the planner's agency
    assert at.multiselect(key="opd").options == [AGENCY_A]


def test_a_url_naming_another_agency_does_not_widen_the_scope(world: World) -> None:
    other_id = next(a for a in sorted(world.names) if a != world.agency_a)
    other = world.names[other_id]
    plain = kpis_shown(app("budi"))
    for params in (
        {"opd": other},
        {"opd": other_id},
        {"opd": [other, AGENCY_A]},
        {"unit": f"{other_id}|Sekretariat"},
        {"kes_opd": other_id},
        {"instansi": KERINCI},
    ):
        at = app("budi", **params)
        assert kpis_shown(at) == plain, params
        assert other not in rendered(at)
        at.switch_page("pages/gaps.py").run()
        assert not at.exception
        assert_no_foreign(rendered(at), world.foreign_names({world.agency_a}), str(params))


def test_a_planners_drill_down_and_people_stay_in_scope(world: World) -> None:
    at = app("budi", "pages/gaps.py")
    open_section(at, "kes_bagian", "gaps_drill")
    at.selectbox(key="kes_opd").select(world.agency_a).run()
    unit = at.selectbox(key="kes_unit").options[0]
    at.selectbox(key="kes_unit").select(unit).run()
    assert not at.exception
    people = at.dataframe[-1].value
    assert len(people) > 0 and set(people["Perangkat daerah (OPD)"]) == {AGENCY_A}
    at.switch_page("pages/profile.py").run()
    listed = at.dataframe[0].value
    assert set(listed["Perangkat daerah (OPD)"]) == {AGENCY_A}
    # a NIP from elsewhere is never found
    from ui.state import get_store

    with get_store().snapshot() as snap:
        outsider = snap.cur.execute(
            """select nip from employees e join agencies a using (agency_key)
               where a.agency_id <> $a limit 1""",
            {"a": world.agency_a},
        ).fetchone()[0]
    at.text_input(key="profil_q").input(outsider).run()
    assert not at.exception
    assert outsider not in rendered(at)


def test_a_planners_downloads_and_meeting_report_are_scoped(
    world: World, files: Files, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = world.foreign_names({world.agency_a})
    at = app("budi", "pages/needs.py")
    needs_files = files.made("kebutuhan")
    assert {Path(n).suffix for n, _ in needs_files} == {".xlsx", ".csv"}
    for name, data in needs_files:
        assert_no_foreign(file_text(name, data), foreign, name)

    # the meeting materials: every format gets the planner's scope ...
    import ui.meeting

    asked: list[Filters] = []
    real = ui.meeting.build_report

    def spy(cur, filters, fmt, lang="id", **kw):
        asked.append(filters)
        return real(cur, filters, fmt, lang, **kw) if fmt == "xlsx" else b""

    monkeypatch.setattr(ui.meeting, "build_report", spy)
    for fmt in ("pptx", "pdf", "xlsx"):
        files.deferred.clear()
        at.radio(key="bahan_format").set_value(fmt).run()
        (name, make), *_ = [(n, m) for n, m in files.deferred if n and n.endswith(fmt)]
        data = make()
        assert asked[-1].scope_agencies == (world.agency_a,)
        if fmt == "xlsx":
            text = file_text(name, data)
            assert_no_foreign(text, foreign, name)
            assert not world.has_nip(text)
    # ... and the report's figures are the agency's own
    from ui.state import get_store

    with get_store().snapshot() as snap:
        via_ui = gather(snap.cur, asked[-1], "id")
        own = gather(snap.cur, Filters(agencies=(world.agency_a,)), "id")
    assert via_ui.kpis == own.kpis
    assert set(via_ui.matrix["agency_id"]) <= {world.agency_a}
    assert set(via_ui.needs["agency_id"]) <= {world.agency_a}
    assert via_ui.jp_by_agency["agency_id"].tolist() in ([], [world.agency_a])


def test_presentation_screens_are_scoped(world: World) -> None:
    at = app("budi", presentasi="true")
    foreign = world.foreign_names({world.agency_a})
    for _ in range(5):
        text = rendered(at)
        assert_no_foreign(text, foreign, "a presentation screen")
        assert not world.has_nip(text), f"a NIP on a presentation screen: {world.nip_in(text)!r}"
        at.button[1].click().run()  # next
        assert not at.exception


def test_an_instansi_planner_sees_that_instansi_only(world: World) -> None:
    at = app("siti")
    assert sorted(at.multiselect(key="opd").options) == sorted(KERINCI_AGENCIES)
    from ui.state import get_store

    with get_store().snapshot() as snap:
        own = views.kpis(snap.cur, Filters(instansi=(KERINCI,), year=world.year))
    assert kpis_shown(at)["Pegawai diases"] == integer(own.employees, "id")


# --- a leader --------------------------------------------------------------------------------


def test_a_leader_never_sees_a_person(world: World, files: Files) -> None:
    at = app("kepala", "pages/gaps.py")
    open_section(at, "kes_bagian", "gaps_drill")
    at.selectbox(key="kes_opd").select(world.agency_a).run()
    units = at.selectbox(key="kes_unit").options
    at.selectbox(key="kes_unit").select(units[0]).run()
    assert not at.exception
    assert any("tidak tersedia untuk peran" in i.value for i in at.info), "stops at units"
    assert len(at.dataframe) == 1, "the units table, no people list"
    text = rendered(at)
    assert not world.has_nip(text)
    at.switch_page("pages/data.py").run()
    assert not world.has_nip(rendered(at)), "no list of people not assessed"
    at.switch_page("pages/needs.py").run()
    downloads = files.made("kebutuhan")
    assert downloads
    for name, data in downloads:
        assert not world.has_nip(file_text(name, data)), name
    # a leader's figures: every agency, small groups hidden
    from ui.state import get_store

    at.switch_page("pages/overview.py").run()
    with get_store().snapshot() as snap:
        k = views.kpis(snap.cur, Filters(year=world.year, small_groups="hide"))
    assert kpis_shown(at)["Pegawai diases"] == integer(k.employees, "id")


def test_a_leaders_filters_hide_small_groups(world: World) -> None:
    from ui import session

    leader = auth.user_filters(auth.User("k", "pimpinan"))
    assert leader.small_groups == "hide" and not leader.may_see_individuals
    assert session.NOBODY.scope_agencies == () and not session.NOBODY.may_see_individuals


# --- logging in and out ----------------------------------------------------------------------


def login(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at


def test_login_is_required_when_users_exist_even_on_a_demo_store(world: World) -> None:
    at = app(None)
    assert at.title[0].value == "Masuk"
    assert not at.metric and not at.get("plotly_chart")
    assert at.text_input(key="login_password").proto.type == 1  # PASSWORD


def test_login_failure_success_and_logout(world: World) -> None:
    at = app(None)
    login(at, "budi", "salah-sekali")
    assert not at.exception
    assert any("salah" in e.value for e in at.error)
    assert not at.metric
    assert "asn_user" not in at.session_state
    login(at, "Budi", PASSWORD)
    assert not at.exception
    assert at.session_state["asn_user"] == {
        "name": "budi",
        "role": "perencana",
        "agencies": [world.agency_a],
        "instansi": [],
    }
    assert kpis_shown(at), "the overview after signing in"
    sidebar = rendered(at)
    assert "budi" in sidebar and "Perencana SDM" in sidebar
    assert PASSWORD not in sidebar
    at.button(key="asn_logout").click().run()
    assert not at.exception
    assert at.title[0].value == "Masuk" and not at.metric
    assert "asn_user" not in at.session_state


def test_repeated_failures_lock_the_login(world: World) -> None:
    at = app(None)
    for _ in range(5):
        login(at, "root", "tebakan-salah")
    login(at, "root", PASSWORD)
    assert any("Terlalu banyak" in e.value for e in at.error)
    assert not at.metric


def test_a_forged_session_is_not_a_login(world: World) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.session_state["asn_user"] = {"name": "root", "role": "admin", "agencies": None}
    at.run()
    assert at.title[0].value == "Masuk" and not at.metric
    # the role comes from the users file, not from the session
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.session_state[LOGIN_KEY] = "kepala"
    at.session_state["asn_user"] = {"name": "kepala", "role": "admin"}
    at.run()
    assert at.session_state["asn_user"]["role"] == "pimpinan"
    assert "profile.py" not in nav_pages(at)


def test_a_removed_user_is_signed_out(world: World, tmp_path: Path) -> None:
    path = world.db.parent / "users.toml"
    saved = path.read_bytes()
    at = app("siti")
    assert at.metric
    try:
        assert auth.remove_user(path, "siti")
        at.run()
        assert at.title[0].value == "Masuk" and not at.metric
    finally:
        path.write_bytes(saved)
        os.chmod(path, 0o600)


@pytest.fixture
def real_store(tmp_path: Path) -> Iterator[Path]:
    """A store with imported (not demo) data, served by the app."""
    from analytics.cli.main import run
    from ui import state

    db = tmp_path / "asn.duckdb"
    base = ROOT / "tests" / "data" / "import" / "base"
    out, err = io.StringIO(), io.StringIO()
    assert run(["import", "--db", str(db), str(base)], out, err) == 0, err.getvalue()
    saved = {k: os.environ.get(k) for k in ("ASN_DB", "ASN_USERS")}
    os.environ["ASN_DB"] = str(db)
    os.environ.pop("ASN_USERS", None)
    state.get_store.clear()
    st.cache_data.clear()  # cached per data version, and both stores have version 1
    yield db
    state.get_store.clear()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def test_a_real_store_without_users_refuses(real_store: Path) -> None:
    at = app(None)
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe
    assert any("python -m analytics user add" in e.value for e in at.error)
    assert not at.text_input, "no login form: nobody could sign in"
    # even a forged login finds nobody
    at = app("root")
    assert not at.metric


def test_a_real_store_with_users_opens_after_login(real_store: Path) -> None:
    auth.add_user(real_store.parent / "users.toml", "root", "admin", PASSWORD, hasher=FAST)
    at = app(None)
    assert at.title[0].value == "Masuk"
    login(at, "root", PASSWORD)
    assert not at.exception
    assert at.metric
    at.switch_page("pages/data.py").run()
    assert at.get("file_uploader"), "an admin imports"


def test_a_bad_users_file_keeps_the_dashboard_closed(real_store: Path) -> None:
    (real_store.parent / "users.toml").write_text('[users.root]\nrole = "admin"\npassword = "x"')
    at = app("root")
    assert not at.metric and not at.text_input
    assert at.error


def test_the_leak_check_would_see_a_leak(world: World) -> None:
    """The same text check finds other agencies' names where they belong (an admin's gaps
    page), so its silence for a planner means something."""
    at = app("root", "pages/gaps.py")
    text = rendered(at)
    foreign = world.foreign_names({world.agency_a})
    assert len(foreign) >= 30
    assert sum(name in text for name in foreign) >= 30
    assert AGENCY_A in rendered(app("budi", "pages/gaps.py"))
