"""The audit log page and the Data page's undo panel, headless (AppTest) on a demo store with a
users file: rollbacks through the UI with and without later imports built on them (confirmation
required), every table and the Overview figures back to before the import, downloads audited
when fetched, and neither panel for anyone but an admin."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from argon2 import PasswordHasher
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from analytics.access import users as auth
from analytics.importer import commit
from analytics.store.db import Store
from tests.support.apptest import open_section
from tests.support.imports import sources, state
from ui.i18n import text

ROOT = Path(__file__).resolve().parents[2]
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ADMIN, PLANNER = "root", "budi"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analytics.demo.build import build_demo

    path = tmp_path_factory.mktemp("demo") / "asn.duckdb"
    store = Store(path)
    try:
        code = build_demo(store, employees=400, seed=11, out=io.StringIO(), err=io.StringIO())
        assert code == 0
    finally:
        store.close()
    return path


@pytest.fixture
def site(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A copy of the demo store the app opens, with an admin and a planner; yields the app's
    own Store (one process holds one connection)."""
    from analytics.store import owner
    from ui import state as ui_state

    db = tmp_path / "asn.duckdb"
    shutil.copyfile(demo_file, db)
    users = tmp_path / "users.toml"
    auth.add_user(users, ADMIN, "admin", "sandi-admin-1", hasher=FAST)
    store = Store(db)
    try:
        agency = store.conn.execute("select min(agency_id) from agencies").fetchall()[0][0]
    finally:
        store.close()
    auth.add_user(users, PLANNER, "perencana", "sandi-budi-1", agencies=(agency,), hasher=FAST)
    monkeypatch.setenv("ASN_DB", str(db))
    monkeypatch.setenv("ASN_USERS", str(users))
    ui_state.get_store.clear()
    # figures are cached by data version, which other tests' stores share: start clean
    st.cache_data.clear()
    app_store = ui_state.get_store()
    yield app_store
    owner.stop(app_store)
    app_store.close()
    ui_state.get_store.clear()


def app(user: str, page: str | None = None) -> AppTest:
    from ui.auth import LOGIN_KEY

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state[LOGIN_KEY] = user
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(page).run()
        if page == "pages/data.py":  # the rollback panel sits in the store's tab
            open_section(at, "data_bagian", "data_tab_store")
        assert not at.exception, [e.value for e in at.exception]
    return at


def kpis(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def data(store: Store) -> dict[str, list[tuple]]:
    """Raw and derived tables plus meta: what a rollback must bring back exactly."""
    out = state(store, data_only=True)
    with store.snapshot() as snap:
        out["meta"] = snap.cur.execute("select * from meta order by all").fetchall()
    return out


def audit_rows(store: Store) -> list[tuple[str, str, dict]]:
    with store.snapshot() as snap:
        rows = snap.cur.execute(
            "select actor, action, detail from audit_log order by id"
        ).fetchall()
    return [(a, b, json.loads(d)) for a, b, d in rows]


def latest_scores(store: Store, n: int, skip: int = 0) -> list[tuple[str, str, str]]:
    """(nip, competency_id, assessed_on) of n scores of the latest year, in a fixed order."""
    with store.snapshot() as snap:
        rows = snap.cur.execute(
            """
            select e.nip, c.competency_id, cast(a.assessed_on as varchar)
            from assessments a join employees e using (emp_key)
            join competencies c using (competency_key)
            where year(a.assessed_on) = (select max(year(assessed_on)) from assessments)
              -- so that every import below (levels 1, 4 and 5) changes the row
              and a.level between 1.1 and 3.9
            order by 1, 2, 3 limit $n offset $skip
            """,
            {"n": n, "skip": skip},
        ).fetchall()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def scores_csv(keys: list[tuple[str, str, str]], level: str) -> dict[str, str]:
    body = "".join(f"{nip},{comp},{day},{level}\n" for nip, comp, day in keys)
    return {"assessments": "nip,competency_id,assessed_on,level\n" + body}


def do_import(store: Store, files: dict[str, str]) -> int:
    result = commit(store, sources(**files), username="ani")
    assert result.ok, [p.message() for p in result.problems]
    assert result.import_id is not None
    return result.import_id


def version(store: Store) -> int:
    with store.snapshot() as snap:
        return snap.version


def choose(at: AppTest, store: Store, import_id: int) -> None:
    at.selectbox(key=f"undo_choice_{version(store)}").set_value(import_id).run()
    assert not at.exception, [e.value for e in at.exception]


def preview(at: AppTest) -> Any:
    """The table of what a rollback takes back."""
    return next(d.value for d in at.dataframe if "Baris dihapus" in d.value.columns)


def undo_button(at: AppTest, store: Store, import_id: int) -> Any:
    return at.button(key=f"undo_go_{import_id}_{version(store)}")


# ---------------------------------------------------------------------------------------------
# Undo on the Data page


def test_rolling_back_an_import_in_the_ui_brings_every_table_and_the_overview_back(
    site: Store,
) -> None:
    before, overview_before = data(site), kpis(app(ADMIN))
    a = do_import(site, scores_csv(latest_scores(site, 60), "5"))
    assert kpis(app(ADMIN)) != overview_before, "the import changes the headline figures"

    at = app(ADMIN, "pages/data.py")
    choose(at, site, a)
    shown = preview(at)  # what it takes back, per import and table
    assert shown.iloc[0].tolist() == [f"#{a}", "assessments", "0", "60"]
    # a look at the coverage tab keeps the choice
    open_section(at, "data_bagian", "data_tab_coverage")
    open_section(at, "data_bagian", "data_tab_store")
    assert at.selectbox(key=f"undo_choice_{version(site)}").value == a
    assert preview(at).equals(shown)
    assert not at.checkbox, "no later import builds on it: nothing to confirm"
    undo_button(at, site, a).click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert data(site) == before
    assert version(site) == a + 1
    assert any(f"#{a + 1}" in s.value for s in at.success), "the page shows the new state"
    assert kpis(app(ADMIN)) == overview_before
    actor, action, detail = audit_rows(site)[-1]
    assert (actor, action) == (ADMIN, "rollback")
    assert detail["rolled_back"] == [a] and detail["data_version"] == a + 1
    with site.snapshot() as snap:
        user = snap.cur.execute(
            "select username from import_log where import_id = $i", {"i": a + 1}
        ).fetchall()
    assert user == [(ADMIN,)]


def test_later_imports_built_on_it_are_named_and_must_be_confirmed(
    site: Store, demo_file: Path, tmp_path: Path
) -> None:
    keys = latest_scores(site, 40)
    independent = scores_csv(latest_scores(site, 10, skip=200), "1")
    # What must remain: the demo with only the independent import.
    other_db = tmp_path / "only-c.duckdb"
    shutil.copyfile(demo_file, other_db)
    other = Store(other_db)
    try:
        do_import(other, independent)
        expected = data(other)
    finally:
        other.close()

    a = do_import(site, scores_csv(keys, "5"))
    b = do_import(site, scores_csv(keys[:5], "4"))  # replaces rows A wrote: builds on A
    c = do_import(site, independent)

    at = app(ADMIN, "pages/data.py")
    choose(at, site, a)
    assert any(f"#{b}" in w.value and f"#{c}" not in w.value for w in at.warning)
    shown = preview(at)
    assert shown[shown.columns[0]].tolist() == [f"#{b}", f"#{a}"]
    go = undo_button(at, site, a)
    assert go.disabled, "the button waits for the confirmation"
    with pytest.raises(AppTestError):
        go.click()
    assert version(site) == c

    at.checkbox(key=f"undo_confirm_{a}_{c}").check().run()
    assert not undo_button(at, site, a).disabled
    undo_button(at, site, a).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert data(site) == expected, "A and B are gone, C stays"
    actor, action, detail = audit_rows(site)[-1]
    assert (actor, action, detail["rolled_back"]) == (ADMIN, "rollback", [b, a])


def test_an_import_landing_after_the_preview_is_not_taken_back_unseen(site: Store) -> None:
    keys = latest_scores(site, 20)
    a = do_import(site, scores_csv(keys, "5"))
    at = app(ADMIN, "pages/data.py")
    choose(at, site, a)
    button_key = f"undo_go_{a}_{a}"
    do_import(site, scores_csv(keys[:3], "2"))  # builds on A, after the admin looked
    before = data(site)
    at.button(key=button_key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert data(site) == before
    assert [e.value for e in at.error] == [text("undo_changed_meanwhile", "id")]


def test_only_committed_imports_are_offered(site: Store) -> None:
    at = app(ADMIN, "pages/data.py")
    options = at.selectbox(key=f"undo_choice_{version(site)}").options
    assert options == ["–"], "the demo build is not offered"
    a = do_import(site, scores_csv(latest_scores(site, 5), "5"))
    at = app(ADMIN, "pages/data.py")
    choose(at, site, a)
    undo_button(at, site, a).click().run()
    at = app(ADMIN, "pages/data.py")
    options = at.selectbox(key=f"undo_choice_{version(site)}").options
    assert options == ["–"], "a rolled-back import is not offered again"


def test_only_admins_get_the_undo_panel_and_the_audit_page(site: Store) -> None:
    at = app(PLANNER, "pages/data.py")
    assert not at.get("selectbox") or all(
        not (s.key or "").startswith("undo_") for s in at.selectbox
    )
    assert not [b for b in at.get("download_button") if b.key == "undo_backup"]
    from ui import audit_view, undo_panel

    assert callable(audit_view.render) and callable(undo_panel.render)
    pages = app(PLANNER)
    with pytest.raises(Exception):  # noqa: B017 - the page is not in a planner's navigation
        pages.switch_page("pages/audit.py").run()


# ---------------------------------------------------------------------------------------------
# Downloads are audited when fetched


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], Any]]:
    """The deferred download callables the app registered, by file name (AppTest has no
    browser to press the button: the test calls them as the button's request would)."""
    made: dict[str, Callable[[], Any]] = {}
    original = MediaFileManager.add_deferred

    def capture(self: MediaFileManager, fn: Callable[[], Any], *args: Any, **kw: Any) -> str:
        name = kw.get("file_name") or (args[2] if len(args) > 2 else "")
        made[str(name)] = fn
        return original(self, fn, *args, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return made


def test_a_table_download_is_recorded_with_filters_and_data_version(
    site: Store, fetched: dict[str, Callable[[], Any]]
) -> None:
    at = app(PLANNER, "pages/needs.py")
    assert "kebutuhan-pelatihan.xlsx" in fetched
    assert audit_rows(site) == [], "offering a file is not fetching it"
    blob = fetched["kebutuhan-pelatihan.xlsx"]()
    assert blob[:2] == b"PK"
    [(actor, action, detail)] = audit_rows(site)
    assert (actor, action) == (PLANNER, "export")
    assert detail["table"] == "kebutuhan-pelatihan" and detail["format"] == "xlsx"
    assert detail["data_version"] == version(site) and detail["rows"] > 0
    year = at.selectbox(key="tahun").value
    assert detail["filters"]["year"] == year
    assert detail["filters"]["scope_agencies"], "the planner's scope is part of the record"


def test_a_meeting_workbook_download_is_recorded(
    site: Store, fetched: dict[str, Callable[[], Any]]
) -> None:
    at = app(ADMIN)
    at.radio(key="bahan_format").set_value("xlsx").run()
    name = next(n for n in fetched if n.endswith(".xlsx") and "rapat" in n)
    assert fetched[name]()[:2] == b"PK"
    [(actor, action, detail)] = audit_rows(site)
    assert (actor, action, detail["format"]) == (ADMIN, "report", "xlsx")
    assert detail["data_version"] == version(site) and "year" in detail["filters"]


def test_the_backup_download_is_one_duckdb_file_and_recorded(
    site: Store, fetched: dict[str, Callable[[], Any]], tmp_path: Path
) -> None:
    app(ADMIN, "pages/data.py")
    name = next(n for n in fetched if n.endswith(".duckdb"))
    blob = fetched[name]()
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(blob)
    restored = Store(copy)
    try:
        assert state(restored, data_only=True) == state(site, data_only=True)
    finally:
        restored.close()
    [(actor, action, detail)] = audit_rows(site)
    assert (actor, action, detail["data_version"]) == (ADMIN, "backup", version(site))


# ---------------------------------------------------------------------------------------------
# The audit log page


def test_the_audit_page_lists_filters_and_downloads_the_log(
    site: Store, fetched: dict[str, Callable[[], Any]]
) -> None:
    from analytics.store import audit

    a = do_import(site, scores_csv(latest_scores(site, 3), "5"))
    audit.record(site, PLANNER, "login_failed", reason="password")
    audit.record(site, PLANNER, "export", table="x", filters={"year": 2024}, data_version=a)
    at = app(ADMIN, "pages/audit.py")
    table = at.dataframe[0].value
    assert table.columns.tolist() == ["Waktu", "Pengguna", "Tindakan", "Rincian"]
    assert table["Tindakan"].tolist() == ["Unduh data", "Gagal masuk", "Impor"]
    assert table["Pengguna"].tolist() == [PLANNER, PLANNER, "ani"]
    assert "Tahun: 2024" in table["Rincian"][0] and f"versi data {a}" in table["Rincian"][0]
    assert "assessments.csv (3 baris)" in table["Rincian"][2]

    at.selectbox(key="audit_action").set_value("import").run()
    assert at.dataframe[0].value["Tindakan"].tolist() == ["Impor"]
    at.selectbox(key="audit_action").set_value(None).run()
    at.selectbox(key="audit_actor").set_value(PLANNER).run()
    assert len(at.dataframe[0].value) == 2

    csv = fetched["log-audit.csv"]().decode("utf-8-sig")
    assert csv.count("\n") == 3 and "login_failed" not in csv.splitlines()[0]
    actor, action, detail = audit_rows(site)[-1]
    assert (actor, action, detail["table"]) == (ADMIN, "export", "audit_log")
    assert detail["selection"] == {"actor": PLANNER}


def test_the_audit_page_in_english(site: Store) -> None:
    from analytics.store import audit

    audit.record(site, ADMIN, "login_ok")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    from ui.auth import LOGIN_KEY

    at.session_state[LOGIN_KEY] = ADMIN
    at.query_params["lang"] = "EN"
    at.run()
    at.switch_page("pages/audit.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Audit log"
    assert at.dataframe[0].value["Action"].tolist() == ["Signed in"]


def test_logins_failures_and_logouts_are_recorded(
    site: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle())
    monkeypatch.setattr(auth, "FAILURE_DELAY", 0.0)

    def login(at: AppTest, name: str, password: str) -> None:
        at.text_input(key="login_name").input(name)
        at.text_input(key="login_password").input(password)
        at.button[0].click().run()
        assert not at.exception, [e.value for e in at.exception]

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    login(at, "Root", "salah-sekali")
    login(at, "Root", "sandi-admin-1")
    at.button(key="asn_logout").click().run()
    got = audit_rows(site)
    assert got == [
        ("root", "login_failed", {"reason": "password"}),
        (ADMIN, "login_ok", {}),
        (ADMIN, "logout", {}),
    ]
    assert "sandi" not in json.dumps(got), "never a password"


def test_the_store_tab_counts_each_year_of_the_data_version_shown(site: Store) -> None:
    """The admin's years table (a distinct count over every assessment, cached per data
    version) is the store's own count, before and after an import that adds assessments."""
    from analytics.core.numfmt import integer
    from analytics.store import info

    def shown() -> list[list[str]]:
        at = app(ADMIN, "pages/data.py")
        header = text("col_assessments", "id")
        table = next(d.value for d in at.dataframe if header in d.value.columns)
        return table.astype(str).values.tolist()

    def counted() -> list[list[str]]:
        with site.snapshot() as snap:
            years = info.assessment_years(snap.cur)
        return [
            [str(r.year), integer(r.employees, "id"), integer(r.assessments, "id")]
            for r in years.itertuples()
        ]

    before = counted()
    assert shown() == before and len(before) >= 2
    keys = latest_scores(site, 40)
    next_year = [(nip, comp, f"{int(day[:4]) + 1}-01-15") for nip, comp, day in keys]
    do_import(site, scores_csv(next_year, "4"))
    after = counted()
    assert after != before, "the import adds a year's assessments"
    assert shown() == after
