"""Kesenjangan: heatmap group × competency, gaps by job group, JPM categories, drill-down."""

import streamlit as st

from analytics.views import ranking
from charts import gaps as charts
from ui import filterbar, fmt, people_list, queries, state, widgets
from ui.state import t

widgets.page_header("gaps_title", "gaps_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)

ROWS = {"agency": "agency_id", "job_family": "job_family", "job_type": "job_type"}
VALUES = {"pct_below": "m_pct_below", "mean_shortfall": "m_mean_shortfall"}
GROUPS = {"inti": ("manajerial", "sosial kultural"), "teknis": ("teknis",)}
left, mid, right = st.columns(3)
with left:
    rows = (
        st.segmented_control(
            t("gaps_heatmap_rows"),
            list(ROWS),
            format_func=lambda r: t(f"short_{r}"),
            key="kes_baris",
            default="agency",
            bind="query-params",
        )
        or "agency"
    )
with mid:
    value = (
        st.segmented_control(
            t("gaps_heatmap_value"),
            list(VALUES),
            format_func=lambda v: t(f"short_{v}"),
            key="kes_warna",
            default="pct_below",
            bind="query-params",
        )
        or "pct_below"
    )
with right:
    group = (
        st.segmented_control(
            t("gaps_competency_group"),
            list(GROUPS),
            format_func=lambda g: t(f"cg_{g}"),
            key="kes_kelompok",
            default="inti",
            bind="query-params",
        )
        or "inti"
    )

matrix = queries.gap_matrix(snap, f, rows=rows, groups=GROUPS[group])
if matrix.empty:
    widgets.empty_state()
    st.stop()
shown = matrix
if rows == "agency":  # nationally 15,053 agencies: the ones most below standard
    worst = ranking.rank_groups(matrix, "agency_id", value, descending=True)
    shown = widgets.top_groups(matrix, "agency_id", worst, "top_most_below")
widgets.chart(
    charts.heatmap(
        shown,
        row=ROWS[rows],
        col="competency_id",
        value=value,
        lang=lang,
        title=t("gaps_heatmap_title", rows=t(f"by_{rows}"), value=t(VALUES[value]).lower()),
        row_labels=nm["agency"] if rows == "agency" else None,
        value_label=t(VALUES[value]),
        col_labels=nm["competency"] if group == "inti" else None,
        hover_extra="employees",
        marked="small_group" if "small_group" in matrix else None,
        zmax=100 if value == "pct_below" else None,
        decimals=0 if value == "pct_below" else 2,
    ),
    "gaps_heatmap",
)
widgets.small_group_note(matrix)

dist = queries.jpm_summary(snap, f, by="agency")
most_kurang = ranking.rank_groups(dist, "agency_id", "pct_kurang_optimal", descending=True)


def drill_section() -> None:
    """An agency's units, then a unit's people (planners and admins)."""
    st.caption(t("gaps_drill_help"))
    # the agencies of the JPM chart (all of a province; nationally the 40 most in need: a list
    # of 15,053 took the browser ~2 s on every visit; others are reached through the filters)
    shown = set(most_kurang.index[: widgets.MAX_CHART_GROUPS])
    agencies = [a for a in dist["agency_id"] if a in shown]
    agency = st.selectbox(
        t("gaps_drill_agency"),
        agencies,
        index=None,
        placeholder=t("f_choose"),
        format_func=lambda a: nm["agency"].get(a, a),
        key="kes_opd",
        bind="query-params",
    )
    if not agency:
        return
    drill = f.with_(agencies=(agency,), units=tuple(u for u in f.units if u[0] == agency))
    units = queries.unit_summary(snap, drill)
    widgets.table(
        units,
        {
            "unit": (t("col_unit"), None),
            "employees": (t("col_employees"), lambda v: fmt.integer(v, lang)),
            "mean_jpm": (t("col_mean_jpm"), lambda v: fmt.num(v, lang, 1)),
            "pct_kurang_optimal": ("% Kurang Optimal", lambda v: fmt.pct(v, lang)),
            "mean_gap": (t("col_mean_gap"), lambda v: fmt.signed(v, lang, 2)),
            "mean_shortfall": (t("col_mean_shortfall"), lambda v: fmt.num(v, lang, 2)),
            "pct_meeting": (t("col_pct_meeting"), lambda v: fmt.pct(v, lang)),
            "small_group": ("⚠", lambda v: "⚠" if v else ""),
        },
        key="tbl_units",
    )
    unit = st.selectbox(
        t("gaps_drill_unit"),
        list(units["unit"]),
        index=None,
        placeholder=t("f_choose"),
        key="kes_unit",
        bind="query-params",
    )
    if unit and f.may_see_individuals:
        people_list.show(snap, f.with_(agencies=(agency,), units=((agency, unit),)), key="drill")
    elif unit:
        st.info(t("gaps_people_hidden"))


# Below the heatmap, one section at a time (widgets.sections); a link carrying an agency of the
# drill-down (kes_opd in the address) opens that section.
SECTIONS = (t("gaps_jpm_dist"), t("gaps_by_group"), t("gaps_drill"))
tab_jpm, tab_groups, tab_drill = widgets.sections(
    SECTIONS, key="kes_bagian", default=SECTIONS[2] if st.query_params.get("kes_opd") else None
)
with tab_jpm:
    if tab_jpm.open:
        shown_dist = widgets.top_groups(dist, "agency_id", most_kurang, "top_most_kurang")
        widgets.chart(
            charts.category_shares(
                shown_dist,
                group="agency_id",
                lang=lang,
                title=t("by_agency"),
                labels=nm["agency"],
                share_label=t("share"),
                category_labels={
                    c: t(f"cat_{c}") for c in ("Optimal", "Cukup Optimal", "Kurang Optimal")
                },
            ),
            "gaps_jpm",
        )
        widgets.small_group_note(dist)
with tab_groups:
    if tab_groups.open:
        left, right = st.columns(2)
        for col, by in ((left, "job_family"), (right, "job_type")):
            with col:
                g = queries.gap_summary(snap, f, by=by)
                widgets.chart(
                    charts.bars(
                        g,
                        category=by,
                        value="mean_shortfall",
                        lang=lang,
                        title=t(f"by_{by}"),
                        value_label=t("m_mean_shortfall"),
                        text_format="%{x:.2f}",
                        hover_extra={"employees": t("col_employees")},
                        marked="small_group" if "small_group" in g else None,
                    ),
                    f"gaps_{by}",
                    half=True,
                )
with tab_drill:
    if tab_drill.open:
        drill_section()
