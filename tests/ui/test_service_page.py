"""The Layanan Publik page headless (AppTest): the figures on screen are the exports'."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analytics.core.numfmt import integer, num
from analytics.metrics.service import service_effect, service_link
from analytics.views import service as sv
from tests.support.apptest import open_section
from tests.ui.test_pages import PLANNER, app, arr, demo_db, figures, snapshot_cur
from ui.i18n import text

__all__ = ["demo_db"]  # fixture

PAGE = "pages/service.py"


def exports(filters=PLANNER):
    with snapshot_cur() as snap:
        return service_link(snap.cur, filters), service_effect(snap.cur, filters)


@pytest.mark.parametrize("lang", ["ID", "EN"])
def test_the_sentences_are_written_from_the_export(demo_db: Path, lang: str) -> None:
    at = app(PAGE, lang=lang)
    assert not at.exception
    link, effect = exports()
    code = lang.lower()
    label = "IKM"
    expected = sv.sentence(effect, link, "ikm", "mean_jpm", label, code)
    assert expected is not None
    assert at.info[0].value == expected
    assert any(
        w in expected for w in ("associated", "cannot tell", "no estimate", "berasosiasi",
                                "belum bisa")
    )  # fmt: skip
    assert sv.caveat(code) in [c.value for c in at.caption]


def test_the_effect_chart_is_the_export_per_10_jpm_points(demo_db: Path) -> None:
    at = app(PAGE)
    chart = figures(at)[0]
    _, effect = exports()
    rows = sv.effects(effect)
    same = rows[(rows["predictor"] == "mean_jpm") & rows["effect"].notna()]
    # the IKM panel (its own axis: a 25-100 scale), then the unsur panel below it
    ikm, unsur = same[same["outcome"] == "ikm"], same[same["outcome"] != "ikm"]
    assert list(arr(chart.data[0].x)) == pytest.approx(list(ikm["effect"] * 10))
    assert list(arr(chart.data[2].x)) == pytest.approx(list(unsur["effect"] * 10))
    # u6, u7, u4, u9 from top to bottom under the IKM
    assert len(chart.layout.yaxis.categoryarray) == 1
    assert len(chart.layout.yaxis2.categoryarray) == len(rows["outcome"].unique()) - 1


@pytest.mark.parametrize("year", [None, 2023])  # the demo's 2023: some IKM rows without respondents
def test_the_year_table_shows_the_link_export(demo_db: Path, year: int | None) -> None:
    at = app(PAGE, **({"tahun": str(year)} if year else {}))
    assert not at.exception
    table = at.dataframe[0].value
    link, _ = exports()
    year = sv.year_shown(link, year or int(link["year"].max()))
    shown = link[link["year"] == year]
    if year == 2023:
        assert shown["respondents"].isna().any() and shown["respondents"].notna().any()
    assert len(table) == len(shown)
    assert list(table.iloc[:, 1]) == [num(v, "id", 2) for v in shown["ikm"]]
    assert list(table.iloc[:, 2]) == list(shown["grade"])
    # an IKM row without respondents shows an empty cell, the others their count (⚠ under 100)
    marked = ["" if pd.isna(v) else integer(v, "id") + (" ⚠" if v < 100 else "")
              for v in shown["respondents"]]  # fmt: skip
    assert list(table.iloc[:, 3]) == marked


def test_the_job_type_filter_chooses_whose_competency_counts(demo_db: Path) -> None:
    at = app(PAGE, jenis="Pelaksana")
    assert not at.exception
    table = at.dataframe[0].value
    link, _ = exports(PLANNER.with_(job_types=("Pelaksana",)))
    everyone, _ = exports()
    year = int(link["year"].max())
    shown = link[link["year"] == year]
    assert list(table.iloc[:, 5]) == [num(v, "id", 1) for v in shown["mean_jpm"]]
    assert list(shown["mean_jpm"]) != list(everyone[everyone["year"] == year]["mean_jpm"])


def test_each_section_draws_only_its_own_chart(demo_db: Path) -> None:
    """Lazy sections: the year (its scatter) is open first; the change between years, the
    table by year and the unsur profile draw when opened, each alone."""
    at = app(PAGE)
    keys = [c.key for c in at.get("plotly_chart")]
    assert keys[-1].endswith("service_scatter") and len(keys) == 2  # the effects and the year's
    link, _ = exports()
    year = int(link["year"].max())
    open_section(at, "layanan_bagian", "service_change_tab")
    assert not at.exception
    keys = [c.key for c in at.get("plotly_chart")]
    assert keys[-1].endswith("service_change") and len(keys) == 2
    y0 = at.selectbox(key="layanan_dari").value
    assert int(y0) < year
    at.session_state["layanan_bagian"] = text("service_by_year_title", "id")
    at.run()
    assert len(at.get("plotly_chart")) == 1 and len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == link["agency_id"].nunique()
    open_section(at, "layanan_bagian", "service_unsur_title")
    assert [c.key for c in at.get("plotly_chart")][-1].endswith("service_unsur")


def test_the_scatter_says_it_names_only_some_agencies(demo_db: Path) -> None:
    """The demo's 38 agencies are more than the scatter labels: a caption says so."""
    from charts.service import MAX_LABELS

    at = app(PAGE)
    note = text("service_labels_note", "id").format(n=MAX_LABELS)
    assert note in [c.value for c in at.caption]
