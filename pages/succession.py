"""Suksesi: posts at risk (vacant, holder near retirement age, fewer than two ready
candidates), and for a chosen post its candidates, their readiness and gaps, and the
programmes the impact analysis found to work. Leaders see the risk list and counts only."""

from datetime import date

import pandas as pd
import streamlit as st

from charts import talent as charts
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("succ_title", "succ_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()

as_of = st.date_input(t("succ_as_of"), value=date.today(), key="succ_as_of")
# nationally a first computation takes seconds (every candidate against every post): the
# spinner shows after half a second, so a cached answer shows none
with st.spinner(t("succ_computing")):
    risk = queries.posts_at_risk(snap, f, as_of=as_of)
k1, k2, k3, k4 = st.columns(4)
with k1:
    widgets.kpi(t("k_posts_risk"), fmt.integer(len(risk), lang))
with k2:
    widgets.kpi(t("k_vacant"), fmt.integer(int(risk["vacant"].sum()) if len(risk) else 0, lang))
with k3:
    n = int(risk["retiring"].sum()) if len(risk) else 0
    widgets.kpi(t("k_retiring"), fmt.integer(n, lang))
with k4:
    n = int(risk["few_ready"].sum()) if len(risk) else 0
    widgets.kpi(t("k_few_ready"), fmt.integer(n, lang))

st.subheader(t("succ_risk_title"))
if risk.empty:
    st.info(t("succ_no_risk"))
else:
    yes = lambda v: "●" if v else ""  # noqa: E731
    widgets.table(
        risk,
        {
            "position_id": ("ID", None),
            "position_name": (t("col_position"), None),
            "job_type": (t("f_job_type"), None),
            "holders": (t("col_holders"), lambda v: fmt.integer(v, lang)),
            "near_bup": (t("col_near_bup"), lambda v: fmt.integer(v, lang)),
            "unknown_age": (t("col_unknown_age"), lambda v: fmt.integer(v, lang)),
            "bup": (t("col_bup"), None),
            "ready": (t("col_ready"), lambda v: fmt.integer(v, lang)),
            "vacant": (t("k_vacant"), yes),
            "retiring": (t("k_retiring"), yes),
            "few_ready": (t("k_few_ready"), yes),
        },
        key="tbl_succ_risk",
        height=360,
    )

options = list(risk["position_id"]) if len(risk) else []
names = dict(zip(risk["position_id"], risk["position_name"], strict=True)) if len(risk) else {}
post = st.selectbox(
    t("succ_pick"),
    options=options,
    format_func=lambda p: f"{p} · {names.get(p, p)}",
    index=0 if options else None,
    key="succ_post",
)
if not post:
    st.stop()

c = queries.succession_candidates(snap, f, position_id=post)
st.subheader(t("succ_candidates", post=names.get(post, post)))
cols = st.columns(4)
for col, (label, key) in zip(
    cols,
    [
        ("Memenuhi Syarat", "Memenuhi Syarat"),
        ("Masih Memenuhi Syarat", "Masih Memenuhi Syarat"),
        ("Kurang Memenuhi Syarat", "Kurang Memenuhi Syarat"),
        (t("readiness_blank"), ""),
    ],
    strict=True,
):
    with col:
        widgets.kpi(label, fmt.integer(c.by_readiness.get(key, 0), lang))
if not f.may_see_individuals:
    st.caption(t("talent_counts_only"))
    st.stop()
if c.rows.empty:
    st.info(t("succ_none"))
    st.stop()

widgets.table(
    c.rows,
    {
        "name": (t("col_name"), None),
        "nip": (t("col_nip"), None),
        "agency_name": (t("col_agency"), None),
        "box": (t("col_box"), None),
        "jpm_target": (t("col_jpm_target"), lambda v: "–" if pd.isna(v) else fmt.num(v, lang, 1)),
        "readiness": (t("col_readiness"), lambda v: v if isinstance(v, str) else "–"),
        "below": (t("col_below"), lambda v: fmt.integer(v, lang)),
        "missing": (t("col_missing"), lambda v: fmt.integer(v, lang)),
    },
    key="tbl_succ_candidates",
    height=360,
)
if c.total > len(c.rows):
    shown, total = fmt.integer(len(c.rows), lang), fmt.integer(c.total, lang)
    st.caption(t("succ_rows_shown", shown=shown, total=total, post=post))

top = c.best
gaps = queries.succession_gaps(snap, f, position_id=post, nips=list(top["nip"]))
if not gaps.empty:
    who = dict(zip(top["nip"], top["name"], strict=True))
    levels = gaps.assign(who=gaps["nip"].map(who))
    widgets.chart(
        charts.readiness_radar(
            levels, lang=lang, title=t("succ_radar"), standard_label=t("succ_standard")
        ),
        "succ_radar",
    )
    st.markdown(f"**{t('succ_gaps')}**")
    shown = gaps[gaps["status"] != "meets"].assign(name=lambda d: d["nip"].map(who))
    widgets.table(
        shown,
        {
            "name": (t("col_name"), None),
            "competency_id": (t("col_competency"), None),
            "level": (t("col_level"), lambda v: "–" if pd.isna(v) else fmt.num(v, lang, 1)),
            "required_level": (t("col_required"), None),
            "status": (t("col_status"), lambda v: t(f"status_{v}")),
            "programme": (
                t("col_gap_programme"),
                lambda v: v if isinstance(v, str) else t("no_programme"),
            ),
        },
        key="tbl_succ_gaps",
        height=420,
    )
