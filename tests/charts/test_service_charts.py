"""The IKM scatter (charts/service.scatter): which agencies it names, and how it draws many."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import service as charts


def frame(points: list[tuple[str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(a, x, y, 100) for a, x, y in points], columns=["agency_id", "jpm", "ikm", "employees"]
    )


def draw(df: pd.DataFrame) -> go.Figure:
    return charts.scatter(
        df, x="jpm", y="ikm", lang="id", title="t", x_label="JPM", y_label="IKM",
        labels={}, n_label="n",
    )  # fmt: skip


def test_few_agencies_are_all_named() -> None:
    fig = draw(frame([("A", 70, 80), ("B", 75, 85), ("C", 80, 82)]))
    markers, names = fig.data
    assert isinstance(markers, go.Scatter) and markers.mode == "markers"
    assert list(names.text) == ["A", "B", "C"] and names.mode == "text"


def room_between(df: pd.DataFrame, a: str, b: str) -> bool:
    """Whether the codes of agencies a and b, drawn above their points, do not cover each
    other: apart by LABEL_ROOM on at least one axis (shares of the plotted ranges)."""
    span = {c: df[c].max() - df[c].min() for c in ("jpm", "ikm")}
    pa, pb = (df.set_index("agency_id").loc[k] for k in (a, b))
    return any(
        abs(pa[c] - pb[c]) / span[c] >= room
        for c, room in zip(("jpm", "ikm"), charts.LABEL_ROOM, strict=True)
    )


def test_many_agencies_name_the_farthest_from_the_middle_with_room_for_their_codes() -> None:
    # 30 agencies on a small grid around (75, 80), two far out on each axis, one far on both
    points = [(f"M{i:02d}", 74 + i % 3, 79 + i % 4) for i in range(30)]
    far = [("X1", 95, 80), ("X2", 50, 81), ("Y1", 75, 99), ("Y2", 76, 60), ("XY", 99, 99)]
    df = frame(points + far)
    chosen = set(df[charts.labelled(df, "jpm", "ikm")]["agency_id"])
    assert {"X1", "X2", "Y1", "Y2", "XY"} <= chosen  # the outliers first
    # the grid's codes would cover each other: only those with room are written, and every
    # code left out would cover a chosen one
    assert 5 < len(chosen) < charts.MAX_LABELS
    assert all(room_between(df, a, b) for a in chosen for b in chosen if a < b)
    others = set(df["agency_id"]) - chosen
    assert all(any(not room_between(df, o, c) for c in chosen) for o in others)
    _, names = draw(df).data
    assert set(names.text) == chosen
    # the middle is chosen by distance, ties by agency_id: the same agencies every time
    assert chosen == set(df[charts.labelled(df.sample(frac=1, random_state=1), "jpm", "ikm")
                            .reindex(df.index)]["agency_id"])  # fmt: skip


def test_a_cluster_of_far_agencies_is_named_once() -> None:
    # a country's change chart: agencies pile up at the edges (IKM change +10); of three
    # within a code's room, the farthest (then the first agency_id) is named, the others are
    # still drawn with their hover
    points = [(f"M{i:02d}", 20 * (i % 5), 10 * (i // 5)) for i in range(25)]
    cluster = [("C3", 150, 100.5), ("C1", 150, 100), ("C2", 151, 100)]
    df = frame(points + cluster)
    chosen = set(df[charts.labelled(df, "jpm", "ikm")]["agency_id"])
    assert chosen & {"C1", "C2", "C3"} == {"C3"}
    assert len(chosen) == charts.MAX_LABELS  # the lattice's codes have room
    markers, names = draw(df).data
    assert len(markers.x) == len(df) and set(names.text) == chosen


def test_thousands_of_agencies_are_drawn_as_a_density_with_the_farthest_named() -> None:
    # 1,001 agencies on a 40 x 25 lattice of (jpm, ikm), one far out, one without a mean JPM
    points = [(f"A{i:05d}", 60 + (i % 40), 70 + (i % 25)) for i in range(charts.DENSITY_POINTS)]
    df = frame([*points, ("FAR", 99.5, 99.0), ("NONE", float("nan"), 80.0)])
    cells, markers, names = charts.scatter(
        df, x="jpm", y="ikm", lang="id", title="t", x_label="JPM", y_label="IKM",
        labels={"FAR": "Dinas Jauh"}, n_label="n", count_label="OPD",
    ).data  # fmt: skip
    assert isinstance(cells, go.Heatmap)
    z = np.array([[0 if c is None else c for c in row] for row in cells.z], dtype=float)
    # every agency with both values in one cell, none twice; empty cells blank, not 0
    assert z.sum() == charts.DENSITY_POINTS + 1 and z.shape == (charts.DENSITY_BINS,) * 2
    assert all(c is None or c > 0 for row in cells.z for c in row)
    # the far agency alone in the top-right cell (rows are IKM bins, bottom first)
    assert z[-1, -1] == 1 and cells.customdata[-1][-1][1] == 99.5
    # the named points are markers with the hover of a scatter, and only they are
    assert len(markers.x) == len(names.text) <= charts.MAX_LABELS
    assert "FAR" in names.text and "Dinas Jauh" in list(markers.text)
    assert "%{customdata:,.0f}" in markers.hovertemplate and "OPD" in cells.hovertemplate


def test_the_density_is_the_right_way_round() -> None:
    # 900 agencies at (0, 0), 101 at (10, 0), 1 at (0, 1): x (JPM) across, y (IKM) up
    df = frame([(f"A{i}", 0, 0) for i in range(900)] + [(f"B{i}", 10, 0) for i in range(101)]
               + [("C", 0, 1)])  # fmt: skip
    cells = draw(df).data[0]
    z = [[0 if c is None else c for c in row] for row in cells.z]
    assert z[0][0] == 900 and z[0][39] == 101 and z[39][0] == 1  # rows are y bins
    assert list(cells.customdata[0][39]) == [9.75, 10.0, 0.0, 0.025]  # x0, x1, y0, y1
    assert cells.x[0] == 0.125 and cells.y[39] == pytest.approx(0.9875)  # cell centres


def test_a_lattice_is_counted_cell_by_cell() -> None:
    # 1,600 agencies, one in each cell of a 40 x 40 grid: every cell holds exactly one
    df = frame([(f"G{i:04d}", i % 40, i // 40) for i in range(1600)])
    cells = draw(df).data[0]
    assert isinstance(cells, go.Heatmap) and {c for row in cells.z for c in row} == {1}


def test_the_hover_names_each_agency_and_its_employees() -> None:
    df = frame([("A", 70, 80), ("B&C", 75, 85)]).assign(employees=[12, None])
    fig = charts.scatter(
        df, x="jpm", y="ikm", lang="id", title="t", x_label="JPM", y_label="IKM",
        labels={"A": "Dinas <A>"}, n_label="n",
    )  # fmt: skip
    markers = fig.data[0]
    # names escaped for Plotly (a name is data, not markup); an unnamed agency shows its id
    assert list(markers.text) == ["Dinas &lt;A&gt;", "B&amp;C"]
    assert list(markers.customdata) == [12, 0]
    assert "%{text}" in markers.hovertemplate and "%{customdata:,.0f}" in markers.hovertemplate


def test_few_agencies_close_together_keep_their_points_and_lose_a_code() -> None:
    # below the density every agency keeps its marker and hover; of two whose codes would
    # cover each other, one is named (the page's caption then says codes are left out)
    df = frame([("A", 70, 80), ("B", 70.5, 80.2), ("C", 90, 60)])
    named = df[charts.labelled(df, "jpm", "ikm")]["agency_id"]
    assert sorted(named) in (["A", "C"], ["B", "C"])
    markers, names = draw(df).data
    assert len(markers.x) == 3 and sorted(names.text) == sorted(named)
