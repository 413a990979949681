"""Every page on an empty store (a fresh installation before the first import, its admin
signed in): no exception, a friendly message, and the Data page ready for the first upload."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from analytics.access import users as auth

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/overview.py",
    "pages/gaps.py",
    "pages/trends.py",
    "pages/impact.py",
    "pages/needs.py",
    "pages/profile.py",
    "pages/data.py",
    "pages/method.py",
]


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from ui import state

    db = tmp_path_factory.mktemp("empty") / "asn.duckdb"
    # an empty store is not a demo: it opens only to a signed-in user (tests/ui/test_roles.py)
    fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    auth.add_user(db.parent / "users.toml", "admin", "admin", "sandi-admin", hasher=fast)
    old = os.environ.get("ASN_DB")
    os.environ["ASN_DB"] = str(db)
    state.get_store.clear()
    yield db
    state.get_store.clear()
    if old is None:
        os.environ.pop("ASN_DB", None)
    else:
        os.environ["ASN_DB"] = old


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_an_empty_store(empty_db: Path, page: str) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["_asn_login"] = "admin"  # what a verified login leaves behind
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page == "pages/data.py":
        assert at.get("file_uploader"), "the Data page offers the upload"
    elif page != "pages/method.py":
        assert at.info or at.caption, f"{page} says why it is empty"
