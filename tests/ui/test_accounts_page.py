"""The Pengguna page (AppTest): admins manage users and every change takes effect at once and is
audited; planners and leaders never reach the page or its actions. A restart keeps a lockout."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.access import lockout
from analytics.access import users as auth
from analytics.store import audit
from analytics.store.db import Store
from tests.ui.test_roles import app, nav_pages, quick_failures, world  # noqa: F401
from ui import state


def users_file() -> Path:
    return auth.users_path()


def audit_actions(action: str) -> list[dict]:
    with state.get_store().snapshot() as snap:
        df, _ = audit.listing(snap.cur, action=action, limit=100)
    return list(df["detail"])


def test_only_admins_get_the_page(world) -> None:  # noqa: F811
    for name in ("kepala", "budi", "siti"):
        at = app(name)
        assert "users.py" not in nav_pages(at), name
    assert "users.py" in nav_pages(app("root"))


def test_an_admin_adds_changes_resets_and_removes_a_user(world) -> None:  # noqa: F811
    at = app("root", "pages/users.py")
    assert at.title[0].value == "Pengguna"
    at.text_input(key="asn_user_add_name").input("dewi")
    at.selectbox(key="asn_ua_role").select_index(auth.ROLES.index("pimpinan"))
    at.button(key="FormSubmitter:asn_user_add-Tambah").click().run()
    assert not at.exception, [e.value for e in at.exception]
    dewi = (auth.load_users(users_file()) or {})["dewi"]
    assert dewi.role == "pimpinan" and dewi.must_change
    (code,) = [c.value for c in at.code]
    assert auth.verify_password(dewi.password_hash, code)
    assert audit_actions("user_add")[-1]["user"] == "dewi"

    # change dewi to a planner of one agency: applies to the file at once
    at.selectbox(key="asn_user_pick").set_value("dewi").run()
    form = "FormSubmitter:asn_user_edit_dewi-Simpan peran dan cakupan"
    at.selectbox(key="asn_ue_role_dewi").select_index(auth.ROLES.index("perencana"))
    at.multiselect(key="asn_ue_agencies_dewi").select(world.agency_a)
    at.button(key=form).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    dewi = (auth.load_users(users_file()) or {})["dewi"]
    assert dewi.role == "perencana" and dewi.agencies == (world.agency_a,)
    assert audit_actions("user_change")[0]["user"] == "dewi"

    at.button(key="asn_reset_dewi").click().run()
    assert audit_actions("user_password_reset")[0]["user"] == "dewi"
    at.checkbox(key="asn_rm_ok_dewi").check().run()
    at.button(key="asn_rm").click().run()
    assert "dewi" not in (auth.load_users(users_file()) or {})
    assert audit_actions("user_remove")[0]["user"] == "dewi"


def test_a_planner_cannot_run_the_panel_even_if_it_is_reached(world) -> None:  # noqa: F811
    # the page is not in a planner's navigation; its panel refuses too if it were ever run
    at = app("budi")

    with pytest.raises(ValueError):
        at.switch_page("pages/users.py")


def test_a_restart_keeps_a_lockout(tmp_path: Path) -> None:
    db = tmp_path / "l.duckdb"
    store = Store(db)
    users = {"ani": auth.User("ani", "admin", password_hash=auth.hash_password("benar-sekali"))}
    for _ in range(lockout.NAME_FAILURES):
        result = auth.authenticate(
            users, "ani", "tebakan", lockout.StoreThrottle(store), delay=0, address="10.0.0.9"
        )
    assert result.new_locks == ("name:ani",) and result.locked_seconds > 0
    store.close()
    store = Store(db)  # a restart
    again = auth.authenticate(
        users, "ani", "benar-sekali", lockout.StoreThrottle(store), delay=0, address="10.0.0.8"
    )
    assert again.user is None and again.locked_seconds > 0
    # another name from the first address is not locked (that needs 20 failures)
    assert lockout.StoreThrottle(store).locked_for("addr:10.0.0.9") == 0
    store.close()


def test_an_open_demo_store_lets_the_visitor_try_the_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from analytics.demo.build import build_demo
    from tests.ui.test_roles import ROOT

    db = tmp_path / "demo.duckdb"
    store = Store(db)
    build_demo(store, employees=200, seed=4, force=False, out=io.StringIO(), err=io.StringIO())
    store.close()
    monkeypatch.setenv("ASN_DB", str(db))
    monkeypatch.setenv("ASN_USERS", str(tmp_path / "none.toml"))
    state.get_store.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("DEMO" in w.value for w in at.warning)
    assert at.get("file_uploader")
    state.get_store.clear()
