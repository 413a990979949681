"""charts.gaps: the JPM category shares label each segment wide enough to hold its %."""

from __future__ import annotations

import pandas as pd

from charts import gaps

SHARES = pd.DataFrame(
    {
        "agency_id": ["A", "B"],
        "pct_optimal": [62.5, 3.0],
        "pct_cukup_optimal": [31.0, 6.99],
        "pct_kurang_optimal": [6.5, 90.01],
    }
)


def _shares(lang: str = "id"):
    return gaps.category_shares(
        SHARES, group="agency_id", lang=lang, title="t", labels={"A": "Dinas A"}, share_label="%"
    )


def test_segments_narrower_than_the_minimum_are_not_labelled() -> None:
    fig = _shares()
    by_name = {t.name: dict(zip(t.y, t.text, strict=True)) for t in fig.data}
    # worst share on top: B (90 % Kurang Optimal) after A
    assert by_name["Optimal"] == {"Dinas A": "62%", "B": ""}  # 62.5 rounds half to even
    assert by_name["Cukup Optimal"] == {"Dinas A": "31%", "B": ""}  # 6.99 < 7
    assert by_name["Kurang Optimal"] == {"Dinas A": "", "B": "90%"}
    assert gaps.MIN_LABELLED == 7.0
    # no uniformtext: Plotly would measure every label of every bar to size them alike
    assert fig.layout.uniformtext.mode is None
    assert all(t.texttemplate == "%{text}" for t in fig.data)


def test_a_missing_share_is_blank() -> None:
    df = SHARES.assign(pct_optimal=[None, 3.0])
    fig = gaps.category_shares(df, group="agency_id", lang="en", title="t", share_label="%")
    optimal = next(t for t in fig.data if t.name == "Optimal")
    assert dict(zip(optimal.y, optimal.text, strict=True))["A"] == ""
