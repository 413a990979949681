"""Dampak Pelatihan: does training close gaps? Effects with intervals, dose, cost, 20 JP."""

import streamlit as st

from analytics.views import findings, ranking
from charts import impact as charts
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("impact_title", "impact_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)
st.info(t("impact_why"), icon=":material/info:")

only_year = st.toggle(t("impact_only_year", year=f.year), key="dampak_tahun", bind="query-params")
pairs_f = f if only_year else f.without_year()

by_comp = queries.training_impact(snap, pairs_f, by="competency")
if by_comp.empty:
    widgets.empty_state()
    st.stop()


def effects(by: str) -> None:
    """Each competency's or programme's effect with its interval (a forest plot)."""
    rows = by_comp if by == "competency" else queries.training_impact(snap, pairs_f, by="program")
    key = "competency_id" if by == "competency" else "title"
    labels = nm["competency"] if by == "competency" else {}
    widgets.chart(
        charts.forest(
            rows,
            key=key,
            lang=lang,
            title=findings.impact(rows, key, labels, lang) or "",
            labels=labels or None,
            effect_label=t("impact_effect"),
            no_estimate=t("impact_no_estimate"),
        ),
        "impact_competency" if by == "competency" else "impact_programme",
    )
    st.caption(t("impact_counts_note"))
    missing = charts.not_estimable(rows, key, labels or None)
    if missing:
        listed = "; ".join(widgets.md(m) for m in missing)
        st.caption(t("impact_not_estimable", n=len(missing)) + " " + listed)


def cost() -> None:
    """What one level gained cost, per programme and competency."""
    st.caption(t("impact_cost_help"))
    rows = queries.cost_per_level(snap, pairs_f)
    widgets.table(
        rows.sort_values(["cost_per_level", "effect"], ascending=[True, False], na_position="last"),
        {
            "title": (t("col_programme"), None),
            "competency_id": (t("col_competency_code"), None),
            "n_treated": (t("col_n_treated"), lambda v: fmt.integer(v, lang)),
            "n_control": (t("col_n_control"), lambda v: fmt.integer(v, lang)),
            "effect": (t("col_effect"), lambda v: fmt.signed(v, lang, 2)),
            "spent_idr": (t("col_spent"), lambda v: fmt.rupiah(v, lang)),
            "cost_per_level": (t("col_cost_per_level"), lambda v: fmt.rupiah(v, lang)),
            "note": (t("col_note"), lambda v: t(f"note_{v}") if v else ""),
        },
        key="tbl_cost",
    )
    widgets.small_group_note(rows)


def dose() -> None:
    """Gain by JP taken (dose-response)."""
    rows = queries.dose_response(snap, pairs_f)
    if not rows.empty:
        widgets.chart(
            charts.dose(
                rows,
                lang=lang,
                title=t("impact_dose_title"),
                x_label=t("impact_dose_x"),
                y_label=t("impact_dose_y"),
            ),
            "impact_dose",
        )
    st.caption(t("impact_dose_help"))


def compliance() -> None:
    """The share of employees with 20 JP in the year, per agency."""
    jp_all = queries.jp_compliance(snap, f)
    jp_ag = queries.jp_compliance(snap, f, by="agency")
    title = findings.compliance(jp_all, jp_ag, nm["agency"], int(f.year or 0), lang) or ""
    fewest = ranking.rank_groups(jp_ag, "agency_id", "pct_20jp", descending=False)
    widgets.chart(
        charts.compliance(
            widgets.top_groups(jp_ag, "agency_id", fewest, "top_least_20jp"),
            group="agency_id",
            lang=lang,
            title=title,
            labels=nm["agency"],
            value_label=t("impact_pct_20jp"),
        ),
        "impact_jp",
    )
    widgets.small_group_note(jp_ag)


# One section at a time (widgets.sections): what nobody opened is neither computed nor drawn.
SECTIONS = {
    "impact_by_competency": lambda: effects("competency"),
    "impact_by_programme": lambda: effects("program"),
    "impact_cost_title": cost,
    "impact_dose_title": dose,
    "impact_jp_title": compliance,
}
tabs = widgets.sections([t(k) for k in SECTIONS], key="dampak_bagian")
for tab, section in zip(tabs, SECTIONS.values(), strict=True):
    with tab:
        if tab.open:
            section()
