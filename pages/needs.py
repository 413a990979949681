"""Kebutuhan Pelatihan: ranked unit × competency needs, recommended programme, cost; Excel."""

import streamlit as st

from analytics.views import findings
from charts import gaps as charts
from ui import downloads, filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("needs_title", "needs_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)

# Needs are listed per unit: over a national store (15,053 agencies, 195,552 units) the list
# would hold millions of rows. Such a selection is narrowed first, as the unit filter is.
ch = queries.choices(snap, f.scope_only())
selected = ch.agencies
if f.agencies:
    selected = selected[selected["agency_id"].isin(f.agencies)]
elif f.instansi:
    selected = selected[selected["instansi"].isin(f.instansi)]
if not f.units and len(selected) > filterbar.MAX_OPTIONS:
    st.info(t("needs_narrow", n=fmt.integer(len(selected), lang)), icon=":material/filter_alt:")
    st.stop()

needs = queries.needs_cost(snap, f)
if needs.empty:
    widgets.empty_state()
    st.stop()

totals = queries.needs_totals(needs)
k1, k2, k3 = st.columns(3)
with k1:
    widgets.kpi(t("needs_total_people"), fmt.integer(totals.employees_below, lang))
with k2:
    widgets.kpi(t("needs_total_cost"), fmt.rupiah(totals.estimated_cost_idr, lang))
with k3:
    widgets.kpi(t("needs_without_rec"), fmt.integer(totals.without_recommendation, lang))

top = needs.head(15).copy()
top["label"] = [
    f"{nm['competency'].get(c, c)} · {nm['agency'].get(a, a)} › {u}"
    for a, u, c in zip(top["agency_id"], top["unit"], top["competency_id"], strict=True)
]
widgets.chart(
    charts.bars(
        top,
        category="label",
        value="priority",
        lang=lang,
        title=findings.needs(needs, nm, lang) or t("needs_top_chart"),
        value_label=t("needs_priority"),
        text_format="%{x:.1f}",
        hover_extra={"employees_below": t("col_employees_below")},
    ),
    "needs_top",
)

st.subheader(t("needs_table"))
columns = {
    "agency_id": (t("f_agency"), lambda a: nm["agency"].get(a, a)),
    "unit": (t("col_unit"), None),
    "competency_id": (t("col_competency"), lambda c: f"{c} {nm['competency'].get(c, '')}"),
    "employees_below": (t("col_employees_below"), lambda v: fmt.integer(v, lang)),
    "mean_shortfall": (t("col_mean_shortfall"), lambda v: fmt.num(v, lang, 2)),
    "priority": (t("col_priority"), lambda v: fmt.num(v, lang, 1)),
    "recommended_training": (
        t("col_recommended"),
        lambda v: v if isinstance(v, str) else t("no_recommendation"),
    ),
    "cost_per_participant": (t("col_cost_pp"), lambda v: fmt.rupiah(v, lang)),
    "estimated_cost_idr": (t("col_est_cost"), lambda v: fmt.rupiah(v, lang)),
}
widgets.table(needs, columns, key="tbl_needs", height=480)
downloads.buttons(needs, columns, "kebutuhan-pelatihan", sheet=t("needs_title"))
