"""Under load (issue 7, part 5), small: 8 sessions (websocket sessions, the Metode probe and two
Chromium pages) browse a served demo store while a command-line import, forwarded to the
dashboard, changes the figures. No errors; every page shows exactly one data version, its KPIs
are that version's, and every load of one view at one version renders alike. No timing is
asserted: `make bench-load` prints the 20-session figures and the readers' wait."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.load import Plan, checked, problems, report, run

pytestmark = pytest.mark.browser


def test_pages_show_one_data_version_while_an_import_commits(tmp_path: Path) -> None:
    plan = Plan(sessions=8, browser_pages=2, imports=1, before=6, after=6, employees=2000)
    load = run(tmp_path, plan)
    assert not problems(load), report(load)
    assert [r.returncode for r in load.imports] == [0]
    cover = checked(load)
    assert cover["versions_seen"] == 2, report(load)  # pages of both versions were checked
    assert cover["kpi_checks"] >= 4, report(load)  # every checked Ringkasan view at least once
    # the import changes the KPIs checked, so a page of one version cannot pass for the other
    assert cover["anchors_distinguishing_versions"] >= 2


def test_an_owner_and_a_reader_show_one_data_version_while_an_import_commits(
    tmp_path: Path,
) -> None:
    """The same rules with the sessions dealt out over an owner and a reader process: the
    reader shows the old version until the owner publishes the new one, never a mix, and its
    KPIs are those of the version it shows."""
    plan = Plan(
        sessions=6, browser_pages=1, imports=1, before=6, after=10, employees=2000, readers=1
    )
    load = run(tmp_path, plan)
    assert not problems(load), report(load)
    assert [r.returncode for r in load.imports] == [0]
    cover = checked(load)
    assert cover["versions_seen"] == 2, report(load)
    assert cover["kpi_checks"] >= 4, report(load)
    by_process: dict[str, set[int]] = {}
    for v in load.visits:
        by_process.setdefault(v.base, set()).update(v.versions)
    assert len(by_process) == 2, "both processes served pages"
    assert all(len(seen) == 2 for seen in by_process.values()), by_process
