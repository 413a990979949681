"""Profil Pegawai: find a person; level vs standard, history, trainings, development."""

import pandas as pd
import streamlit as st

from charts import profile as charts
from ui import filterbar, fmt, people_list, queries, state, widgets
from ui.state import t

widgets.page_header("profile_title", "profile_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
if not f.may_see_individuals:
    st.info(t("profile_not_allowed"), icon=":material/lock:")
    st.stop()

nip = people_list.show(snap, f, key="profil")
if not nip:
    st.stop()
p = queries.profile(snap, f, nip)
if p is None:
    widgets.empty_state()
    st.stop()

person = p.person
st.divider()
st.header(widgets.md(str(person["name"])))
st.caption(
    " · ".join(
        widgets.md(str(v))
        for v in (
            f"NIP {person['nip']}",
            person["position_name"],
            person["job_type"],
            person["unit"],
            person["agency_name"],
            person.get("rank") or "",
            person.get("employment_type") or "",
        )
        if v
    )
)
if p.scores.empty:
    st.info(t("profile_no_scores"))
    st.stop()

latest_year = int(p.scores["year"].max())
left, right = st.columns(2)
with left:
    latest = p.scores[p.scores["year"] == latest_year]
    widgets.chart(
        charts.radar(
            latest,
            lang=lang,
            title=t("profile_radar", year=latest_year),
            level_label=t("profile_level"),
            required_label=t("profile_required"),
        ),
        "profile_radar",
    )
with right:
    if not p.jpm.empty:
        widgets.chart(
            charts.jpm_history(p.jpm, lang=lang, title=t("profile_history")), "profile_jpm"
        )
boxes = queries.person_boxes(snap, f, nip=nip)
if not boxes.empty:
    st.subheader(t("profile_boxes"))
    widgets.table(
        boxes,
        {
            "year": (t("col_year"), None),
            "rating": (t("col_rating"), None),
            "performance": (t("col_performance"), None),
            "potential": (t("col_potential"), lambda v: v if isinstance(v, str) else "–"),
            "potential_source": (t("col_source"), lambda v: v if isinstance(v, str) else "–"),
            "box": (t("col_box"), lambda v: "–" if pd.isna(v) else str(int(v))),
        },
        key="tbl_profile_boxes",
    )
st.subheader(t("profile_development"))
if p.development.empty:
    st.success(t("profile_no_gap"))
else:
    widgets.table(
        p.development,
        {
            "competency_name": (t("col_competency"), None),
            "level": (t("col_level"), lambda v: fmt.num(v, lang, 1)),
            "required_level": (t("col_required"), lambda v: fmt.num(v, lang, 0)),
            "shortfall": (t("col_shortfall"), lambda v: fmt.num(v, lang, 1)),
            "recommended_training": (
                t("col_recommended"),
                lambda v: v if isinstance(v, str) else t("no_recommendation"),
            ),
        },
        key="tbl_dev",
    )

st.subheader(t("profile_scores"))
widgets.table(
    p.scores.sort_values(["year", "competency_id"], ascending=[False, True]),
    {
        "year": (t("col_year"), str),
        "competency_id": (t("col_competency_code"), None),
        "competency_name": (t("col_competency"), None),
        "level": (t("col_level"), lambda v: fmt.num(v, lang, 1)),
        "required_level": (
            t("col_required"),
            lambda v: t("profile_no_std") if pd.isna(v) else fmt.num(v, lang, 0),
        ),
        "gap": (
            t("col_mean_gap").split()[-1].capitalize(),
            lambda v: "" if pd.isna(v) else fmt.signed(v, lang, 1),
        ),
        "position_name": (t("col_position"), None),
    },
    key="tbl_scores",
    height=360,
)

st.subheader(t("profile_trainings"))
widgets.table(
    p.trainings,
    {
        "title": (t("col_programme"), None),
        "competency_id": (t("col_competency_code"), lambda v: v if isinstance(v, str) else "–"),
        "hours_jp": (t("col_hours"), lambda v: fmt.num(v, lang, 1)),
        "end_date": (t("col_end"), lambda v: f"{v:%d-%m-%Y}"),
        "provider": (t("col_provider"), lambda v: v if isinstance(v, str) else "–"),
        "completed": (t("col_completed"), lambda v: t("yes") if v else t("no")),
    },
    key="tbl_trainings",
)
