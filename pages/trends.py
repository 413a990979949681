"""Tren: is the civil service getting better? By year, split, and the same people over time."""

import streamlit as st

from analytics.views import findings, ranking
from charts import trends as charts
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("trends_title", "trends_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)

MEASURES = {
    "mean_jpm": (1, ""),
    "pct_meeting": (1, "%"),
    "mean_shortfall": (2, ""),
    "mean_level": (2, ""),
}
SPLITS = {
    "none": None,
    "agency": "agency_id",
    "job_family": "job_family",
    "competency": "competency_id",
}
LABELS = {"agency_id": nm["agency"], "competency_id": nm["competency"], "job_family": {}}

left, right = st.columns([3, 2])
with left:
    by = (
        st.segmented_control(
            t("split_by"),
            list(SPLITS),
            format_func=lambda b: t(f"by_{b}"),
            key="tren_by",
            default="none",
            bind="query-params",
        )
        or "none"
    )
with right:
    measure = st.selectbox(
        t("measure"),
        list(MEASURES),
        format_func=lambda m: t(f"m_{m}"),
        key="tren_ukuran",
        bind="query-params",
    )

all_years = f.without_year()
overall = queries.trend(snap, all_years)
if overall.empty:
    widgets.empty_state()
    st.stop()
decimals, suffix = MEASURES[measure]
split = queries.trend(snap, all_years, by=None if by == "none" else by)
title = findings.trend(overall, measure, t(f"m_{measure}"), lang, decimals, suffix) or t(
    f"m_{measure}"
)
key_col = SPLITS[by]
shown = split
if by == "agency" and not split.empty:  # nationally 15,053 lines: the largest agencies
    largest = ranking.rank_groups(
        split, "agency_id", "employees", descending=True, latest_year=True
    )
    shown = widgets.top_groups(split, "agency_id", largest, "top_largest")
fig = charts.lines(
    shown,
    value=measure,
    lang=lang,
    title=title,
    value_label=t(f"m_{measure}"),
    group=key_col,
    labels=LABELS.get(key_col or "", {}),
    color_by_competency=by == "competency",
    suffix=suffix,
)
widgets.chart(fig, "trend_lines")
widgets.small_group_note(split)

st.subheader(t("trends_same_title"))
st.caption(t("trends_same_help"))
same_all = queries.same_people_change(snap, f, by="none")
if same_all.empty:
    st.info(t("trends_no_pair"))
    st.stop()
row = same_all.iloc[0]
y0, y1 = int(row["year0"]), int(row["year1"])
pop = overall.set_index("year")
k1, k2, k3 = st.columns(3)
with k1:
    widgets.kpi(
        t("trends_same_change"),
        fmt.signed(row["mean_change"], lang, 2),
        help=t("trends_same_n", n=fmt.integer(row["employees"], lang), y0=y0, y1=y1),
    )
with k2:
    if y0 in pop.index and y1 in pop.index:
        widgets.kpi(
            t("trends_pop_change"),
            fmt.signed(pop.at[y1, "mean_level"] - pop.at[y0, "mean_level"], lang, 2),
        )
with k3:
    widgets.kpi(
        t("m_pct_meeting") + f" ({y0} → {y1})",
        f"{fmt.pct(row['pct_meeting0'], lang)} → {fmt.pct(row['pct_meeting1'], lang)}",
    )

same = findings.core_competencies(queries.same_people_change(snap, f, by="competency"), nm)
title = findings.same_people(same, nm["competency"], int(row["employees"]), lang) or ""
fig = charts.dumbbell(
    same.dropna(subset=["mean_change"]),
    group="competency_id",
    lang=lang,
    title=title,
    year0=y0,
    year1=y1,
    labels=nm["competency"],
    value_label=t("trends_level"),
)
widgets.chart(fig, "trend_same")
widgets.small_group_note(same)
with st.expander(t("show_table")):
    widgets.table(
        same,
        {
            "competency_id": (t("col_competency_code"), None),
            "employees": (t("col_employees"), lambda v: fmt.integer(v, lang)),
            "mean_level0": (f"{t('m_mean_level')} {y0}", lambda v: fmt.num(v, lang, 2)),
            "mean_level1": (f"{t('m_mean_level')} {y1}", lambda v: fmt.num(v, lang, 2)),
            "mean_change": (t("col_change"), lambda v: fmt.signed(v, lang, 2)),
            "pct_meeting0": (f"% ≥ std {y0}", lambda v: fmt.pct(v, lang)),
            "pct_meeting1": (f"% ≥ std {y1}", lambda v: fmt.pct(v, lang)),
        },
        key="tbl_same",
    )
