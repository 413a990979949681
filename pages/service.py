"""Layanan Publik: service quality (IKM) beside competency, and what their link can claim."""

import pandas as pd
import streamlit as st

from analytics.core.numfmt import integer
from analytics.views import service as sv
from charts import service as charts
from charts.service import MAX_LABELS
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("service_title", "service_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
nm = queries.names(snap)
link = queries.service_link(snap, f.without_year())
if link.empty:
    widgets.empty_state("service_empty")
    st.stop()
effect = queries.service_effect(snap, f.without_year())
outcomes = {o: t(f"service_outcome_{o}") for o in sv.ROLES}

st.subheader(t("service_link_title"))
for outcome in ("ikm", "u6"):
    text = sv.sentence(effect, link, outcome, "mean_jpm", outcomes[outcome], lang)
    if text:
        st.info(text, icon=":material/insights:")
st.caption(sv.caveat(lang))
rows = sv.effects(effect)
widgets.chart(
    charts.effects(
        rows,
        lang=lang,
        title=t("service_effect_title"),
        outcome_labels=outcomes,
        predictor_labels={p: t(f"service_pred_{p}") for p in ("mean_jpm", "mean_jpm_prev")},
        x_label=t("service_effect_x"),
    ),
    "service_effects",
)
st.caption(t("service_effect_help"))
st.caption(t("service_jpm_note"))
with st.expander(t("service_more")):
    for outcome in sv.ROLES:
        for predictor in ("mean_jpm", "mean_jpm_prev"):
            if outcome in ("ikm", "u6") and predictor == "mean_jpm":
                continue  # shown above
            label = outcomes[outcome]
            if predictor == "mean_jpm_prev":
                label = f"{label} ({t('service_prev_label')})"
            text = sv.sentence(effect, link, outcome, predictor, label, lang)
            if text:
                st.markdown("- " + widgets.md(text))

year = sv.year_shown(link, f.year)
shown = link[link["year"] == year]
earlier = sorted({int(y) for y in link["year"] if y < (year or 0)}, reverse=True)


def labels_note(points: pd.DataFrame, x: str, y: str, find_key: str) -> None:
    """Say how a scatter of `points` (axes x, y) shows its agencies: as a density with some
    named (then `find_key` says where to find the others), or with some agencies' codes
    written (too many, or too close to each other, for all)."""
    if charts.is_density(points):
        lead = t("service_density_note", total=integer(len(points), lang), n=MAX_LABELS)
        st.caption(f"{lead} {t(find_key)}")
    elif not charts.labelled(points, x, y).all():
        st.caption(t("service_labels_note", n=MAX_LABELS))


def year_section() -> None:
    """The year's IKM and competency per agency: a table, then IKM against mean JPM."""
    widgets.table(
        shown.assign(agency_name=shown["agency_id"].map(nm["agency"])),
        {
            "agency_name": (t("service_col_agency"), None),
            # fmt.Column: a country's 15,053 rows formatted a column at a time
            "ikm": (t("service_col_ikm"), fmt.Column(lang, 2)),
            "grade": (t("service_col_grade"), None),
            "respondents": (
                t("service_col_respondents"),
                lambda v: "" if pd.isna(v) else integer(v, lang) + (" ⚠" if v < 100 else ""),
            ),
            "employees": (t("service_col_assessed"), fmt.Column(lang, 0)),
            "mean_jpm": (t("k_mean_jpm"), fmt.Column(lang, 1)),
            "pct_meeting": (t("m_pct_meeting"), fmt.Column(lang, 1, "%")),
            "mean_jpm_prev": (t("service_col_mean_jpm_prev"), fmt.Column(lang, 1)),
        },
        key="tbl_service_year",
    )
    st.caption(t("service_respondents_note"))
    st.caption(t("service_grade_help"))
    points = shown.dropna(subset=["mean_jpm"])
    widgets.chart(
        charts.scatter(
            points,
            x="mean_jpm",
            y="ikm",
            lang=lang,
            title=t("service_scatter_title", year=year),
            x_label=t("k_mean_jpm"),
            y_label=t("service_col_ikm"),
            labels=nm["agency"],
            n_label=t("service_n"),
            count_label=t("service_density_count"),
        ),
        "service_scatter",
    )
    labels_note(points, "mean_jpm", "ikm", "service_density_table")


def change_section() -> None:
    """Change in IKM against change in mean JPM between an earlier year and this one."""
    if not earlier:
        st.caption(t("service_no_change"))
        return
    y0 = st.selectbox(t("service_from_year"), earlier, key="layanan_dari")
    change = sv.changes(link, int(y0), int(year or 0))
    if change.empty:
        st.caption(t("service_no_change"))
        return
    widgets.chart(
        charts.scatter(
            change,
            x="d_jpm",
            y="d_ikm",
            lang=lang,
            title=t("service_change_title", y0=y0, y1=year),
            x_label=t("service_d_jpm"),
            y_label=t("service_d_ikm"),
            labels=nm["agency"],
            n_label=t("service_n"),
            n="employees_1",
            zero_lines=True,
            count_label=t("service_density_count"),
        ),
        "service_change",
    )
    labels_note(change, "d_jpm", "d_ikm", "service_density_hover")


def by_year_section() -> None:
    """Each agency's IKM per year."""
    wide = sv.by_year(link)
    year_cols = [c for c in wide.columns if c != "agency_id"]
    widgets.table(
        wide.assign(agency_name=wide["agency_id"].map(nm["agency"])),
        {
            "agency_name": (t("service_col_agency"), None),
            **{
                c: (
                    str(c),
                    lambda v: (
                        "" if not isinstance(v, tuple) else f"{fmt.num(v[0], lang, 2)} ({v[1]})"
                    ),
                )
                for c in year_cols
            },
        },
        key="tbl_service_by_year",
    )


def unsur_section() -> None:
    """One agency's nine service elements (unsur) over the years."""
    agencies = sorted(link["agency_id"].unique(), key=lambda a: nm["agency"].get(a, a))
    chosen = st.selectbox(
        t("service_unsur_agency"),
        agencies,
        format_func=lambda a: nm["agency"].get(a, a),
        key="layanan_unsur",
    )
    profile = link[link["agency_id"] == chosen]
    if not profile[[f"u{i}" for i in range(1, 10)]].notna().any().any():
        st.caption(t("service_unsur_none"))
        return
    widgets.chart(
        charts.unsur_profile(
            profile,
            lang=lang,
            title=t("service_unsur_chart", agency=nm["agency"].get(chosen, chosen)),
            unsur_labels={f"u{i}": t(f"unsur_u{i}") for i in range(1, 10)},
            y_label=t("service_unsur_y"),
        ),
        "service_unsur",
    )


# One section at a time (widgets.sections): what nobody opened is not drawn.
SECTIONS = {
    year_section: t("service_year_title", year=year),
    change_section: t("service_change_tab"),
    by_year_section: t("service_by_year_title"),
    unsur_section: t("service_unsur_title"),
}
tabs = widgets.sections(list(SECTIONS.values()), key="layanan_bagian")
for tab, section in zip(tabs, SECTIONS, strict=True):
    with tab:
        if tab.open:
            section()
