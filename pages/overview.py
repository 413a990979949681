"""Ringkasan: headline KPIs of the filtered population and three findings in plain words."""

import streamlit as st

from analytics.views import findings
from charts import gaps as charts
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("overview_title", "overview_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)

k = queries.kpis(snap, f)
if k.employees is None and not k.small_group:
    widgets.empty_state("empty_store" if k.year is None else "empty_state")
    st.stop()
if k.small_group:
    key = "hidden_population" if f.small_groups == "hide" else "small_population"
    st.warning(t(key, n=f.min_group), icon=":material/group_off:")
    if f.small_groups == "hide":
        st.stop()

c = st.columns(3) + st.columns(3)
with c[0]:
    widgets.kpi(t("k_assessed"), fmt.integer(k.employees, lang))
with c[1]:
    widgets.kpi(t("k_mean_jpm"), fmt.num(k.mean_jpm, lang, 1), help=t("k_jpm_help"))
with c[2]:
    widgets.kpi(t("k_meeting"), fmt.pct(k.pct_meeting, lang))
with c[3]:
    widgets.kpi(t("k_shortfall"), fmt.num(k.mean_shortfall, lang, 2))
with c[4]:
    widgets.kpi(t("k_20jp"), fmt.pct(k.pct_20jp, lang))
with c[5]:
    help_ = None
    if k.same_people:
        help_ = t("k_change_help", n=fmt.integer(k.same_people, lang), y0=k.previous_year, y=k.year)
        if k.same_people_small:
            help_ += " " + t("k_change_small", n=f.min_group)
    widgets.kpi(t("k_change"), fmt.signed(k.same_people_change, lang, 2), help=help_)

by_comp = findings.core_competencies(queries.gap_summary(snap, f, by="competency"), nm)
matrix = queries.gap_matrix(snap, f, rows="agency")
overall_trend = queries.trend(snap, f.without_year())
jp_all = queries.jp_compliance(snap, f)
jp_ag = queries.jp_compliance(snap, f, by="agency")
sentences = [
    findings.widest_gap(by_comp, matrix, nm, lang),
    findings.jpm_level(k.mean_jpm, k.pct_kurang_optimal, lang)
    if k.mean_jpm is not None and k.pct_kurang_optimal is not None
    else None,
    findings.trend(overall_trend, "pct_meeting", t("m_pct_meeting"), lang, 1, "%"),
    findings.compliance(jp_all, jp_ag, nm["agency"], int(k.year or 0), lang),
]
st.subheader(t("findings"))
for sentence in [s for s in sentences if s][:4]:
    st.html(f"<div class='asn-finding'>{widgets.escape(sentence)}</div>")

left, right = st.columns([3, 2])
with left:
    below = by_comp.assign(pct_below=100 - by_comp["pct_meeting"])
    widgets.chart(
        charts.bars(
            below,
            category="competency_id",
            value="pct_below",
            lang=lang,
            title=t("overview_by_competency_core"),
            value_label=t("m_pct_below"),
            labels={c: f"{nm['competency'].get(c, c)} ({c})" for c in below["competency_id"]},
            text_format="%{x:.0f}%",
            hover_extra={"employees": t("col_employees")},
            marked="small_group" if "small_group" in below else None,
        ),
        "overview_competency",
    )
with right:
    cats: dict[str, list] = {
        "group": [t("by_none")],
        "pct_optimal": [k.pct_optimal],
        "pct_cukup_optimal": [k.pct_cukup_optimal],
        "pct_kurang_optimal": [k.pct_kurang_optimal],
    }
    widgets.chart(
        charts.category_donut(
            cats,
            lang=lang,
            title=t("overview_categories"),
            category_labels={
                c: t(f"cat_{c}") for c in ("Optimal", "Cukup Optimal", "Kurang Optimal")
            },
        ),
        "overview_categories",
        half=True,
    )
