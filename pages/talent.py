"""Talenta: the 9-box of the filtered population, a box's people, movement since the previous
talent year, and the calibration aid."""

import pandas as pd
import streamlit as st

from analytics.metrics.talent import WINDOW
from analytics.views import talent as talent_views
from charts import talent as charts
from ui import filterbar, fmt, queries, state, widgets
from ui.state import t

widgets.page_header("talent_title", "talent_intro")
snap, f, lang = widgets.snapshot(), filterbar.current(), state.lang()
g = queries.talent_grid(snap, f)
if g.year is None or g.rated == 0:
    st.info(t("talent_no_rating"), icon=":material/search_off:")
    st.stop()

with st.expander(t("talent_local"), icon=":material/tune:"):
    st.caption(t("talent_local_help"))
    c1, c2, c3 = st.columns(3)
    with c1:
        hi = st.number_input(
            t("talent_local_tinggi"),
            min_value=0.1,
            max_value=999.9,
            value=talent_views.CONTRACT_TINGGI_T / 10,
            step=0.1,
            format="%.1f",
            key="talent_local_tinggi",
        )
    with c2:
        mid = st.number_input(
            t("talent_local_menengah"),
            min_value=0.1,
            max_value=999.9,
            value=talent_views.CONTRACT_MENENGAH_T / 10,
            step=0.1,
            format="%.1f",
            key="talent_local_menengah",
        )
    with c3:
        window = st.select_slider(
            t("talent_local_window"),
            options=list(talent_views.LOCAL_WINDOWS),
            value=WINDOW,
            key="talent_local_window",
        )
year = g.year  # an int here (st.stop above)
contract_grid = g  # the calibration compares with the contract's population
hi_t, mid_t = round(hi * 10), round(mid * 10)  # tenths: the view decides exactly
if not 0 < mid_t <= hi_t:
    st.error(t("talent_local_bad"))
elif (hi_t, mid_t, window) != (
    talent_views.CONTRACT_TINGGI_T,
    talent_views.CONTRACT_MENENGAH_T,
    WINDOW,
):
    g = queries.talent_grid_local(snap, f, tinggi_t=hi_t, menengah_t=mid_t, window=int(window))
    st.warning(
        t("talent_local_banner", hi=fmt.num(hi_t / 10, lang, 1), mid=fmt.num(mid_t / 10, lang, 1),
          w=window),
        icon=":material/rule:",
    )  # fmt: skip

st.subheader(t("talent_year", year=g.year))
top = g.boxes[g.boxes["box"] >= 7]
# a hidden box among 7-9 (the small-group rule) leaves the succession group's size unsaid
succession = None if top["hidden"].any() else int(top["employees"].sum())
k1, k2, k3, k4 = st.columns(4)
with k1:
    widgets.kpi(t("k_rated"), fmt.integer(g.rated, lang))
with k2:
    widgets.kpi(t("k_mapped"), fmt.integer(g.mapped, lang))
with k3:
    widgets.kpi(t("k_unmapped"), fmt.integer(g.unmapped, lang))
with k4:
    share = (
        fmt.pct(100 * succession / g.mapped, lang) if g.mapped and succession is not None else "–"
    )
    widgets.kpi(t("k_succession"), f"{fmt.integer(succession, lang)} ({share})")
if g.unmapped:
    st.caption(
        t(
            "talent_unmapped_reason",
            n=fmt.integer(g.unmapped, lang),
            lo=year - WINDOW + 1,
            hi=year,
        )  # fmt: skip
    )

left, right = st.columns([1, 1])
with left:
    widgets.chart(
        charts.nine_box(
            g.boxes,
            lang=lang,
            title=t("talent_grid_title", year=g.year),
            performance_labels=[t(f"perf_{i}") for i in range(3)],
            potential_labels=[t(f"pot_{i}") for i in range(3)],
            axis_performance=t("axis_performance"),
            axis_potential=t("axis_potential"),
            box_label=t("box_n", n="{n}"),
            hidden_label=f"< {f.min_group}",
        ),
        "talent_grid",
    )
with right:
    recs = g.boxes.sort_values("box", ascending=False)
    head = f"| {t('col_box')} | {t('col_employees')} | % | {t('col_recommendation')} |"
    lines = [head, "|---:|---:|---:|---|"]
    for r in recs.itertuples():
        share = "–" if r.share != r.share else fmt.num(r.share, lang, 1)
        lines.append(
            f"| **{r.box}** | {f'< {f.min_group}' if r.hidden else fmt.integer(r.employees, lang)} "
            f"| {share} | {t(f'rec_{r.box}')} |"
        )
    st.markdown("\n".join(lines))


def box_people() -> None:
    """A box's people, a page at a time (planners and admins)."""
    c1, c2 = st.columns([1, 3])
    with c1:
        box = st.selectbox(t("talent_pick_box"), options=list(range(9, 0, -1)), key="talent_box")
    page_size = 50
    _, total = queries.talent_box_people(snap, f, box=int(box), limit=1, offset=0)
    pages = max(1, -(-total // page_size))
    with c2:
        page = st.number_input(
            t("talent_page"), min_value=1, max_value=pages, value=1, key="talent_box_page"
        )
    people, total = queries.talent_box_people(
        snap, f, box=int(box), limit=page_size, offset=(int(page) - 1) * page_size
    )
    st.caption(
        t("talent_page_of", shown=fmt.integer(len(people), lang), total=fmt.integer(total, lang))
    )
    widgets.table(
        people,
        {
            "nip": (t("col_nip"), None),
            "name": (t("col_name"), None),
            "agency_name": (t("col_agency"), None),
            "unit": (t("col_unit"), None),
            "position_name": (t("col_position"), None),
            "rating": (t("col_rating"), None),
            "potential_source": (t("col_source"), None),
            "potential_year": (t("col_source_year"), lambda v: "" if pd.isna(v) else str(int(v))),
        },
        key="tbl_talent_people",
    )


def movement() -> None:
    """Moves between boxes since the previous talent year."""
    m = queries.talent_moves(snap, f)
    if m.from_year is None or m.table.empty:
        st.info(t("talent_no_moves"))
    else:
        st.markdown(f"**{t('talent_moves_title', from_year=m.from_year)}**")
        k1, k2, k3, k4 = st.columns(4)
        with k1:
            widgets.kpi(t("k_rose"), fmt.integer(m.rose, lang))
        with k2:
            widgets.kpi(t("k_fell"), fmt.integer(m.fell, lang))
        with k3:
            widgets.kpi(t("k_stayed"), fmt.integer(m.stayed, lang))
        with k4:
            widgets.kpi(t("k_big"), fmt.integer(m.big, lang), help=t("talent_moves_help"))
        widgets.chart(
            charts.moves_matrix(
                m.table,
                lang=lang,
                title=t("talent_moves_chart", from_year=m.from_year, year=m.year),
                from_label=t("axis_from_box", year=m.from_year),
                to_label=t("axis_from_box", year=m.year),
                hidden_label=f"< {f.min_group}",
            ),
            "talent_moves",
        )
        st.markdown(f"**{t('talent_movers')}**")
        if not f.may_see_individuals:
            st.caption(t("talent_counts_only"))
        else:
            who = queries.talent_movers(snap, f)
            widgets.table(
                who,
                {
                    "name": (t("col_name"), None),
                    "nip": (t("col_nip"), None),
                    "agency_name": (t("col_agency"), None),
                    "from_box": (t("col_from_box"), None),
                    "to_box": (t("col_to_box"), None),
                    "steps": (t("col_steps"), None),
                    "big": (t("col_flag"), lambda v: t("flag_big") if v else ""),
                },
                key="tbl_talent_movers",
                height=360,
            )


def calibration() -> None:
    """Each agency's or job type's boxes beside the population's."""
    n_min = talent_views.CALIBRATION_MIN
    st.caption(t("talent_calibration_help", n=n_min))
    by = (
        st.segmented_control(
            t("calib_by"),
            options=["agency", "job_type"],
            format_func=lambda v: t(f"by_{v}"),
            default="agency",
            key="talent_calib_by",
        )
        or "agency"
    )
    calib = queries.talent_calibration(snap, f, by=by)
    if calib.empty:
        st.info(t("talent_calibration_none", n=n_min))
    else:
        key = "agency_id" if by == "agency" else "job_type"
        nm = queries.names(snap)
        labels = nm["agency"] if by == "agency" else {}
        shown = calib.head(widgets.MAX_CHART_GROUPS)
        widgets.chart(
            charts.calibration_bars(
                shown,
                {int(r.box): float(r.share) for r in contract_grid.boxes.itertuples()},
                key=key,
                labels=labels,
                lang=lang,
                title=t("talent_calibration_chart"),
                population_label=t("talent_population"),
                box_label=t("box_n", n="{n}"),
                value_label=t("col_share"),
            ),
            "talent_calibration",
        )
        widgets.table(
            calib,
            {
                key: (
                    t("col_agency") if by == "agency" else t("f_job_type"),
                    (lambda v: labels.get(v, v)) if labels else None,
                ),
                "employees": (t("k_rated"), lambda v: fmt.integer(v, lang)),
                "tvd": (t("col_tvd"), lambda v: fmt.num(v, lang, 1)),
                "marked": (t("col_flag"), lambda v: "⚠" if v else ""),
            },  # fmt: skip
            key="tbl_talent_calibration",
        )


# Below the grid one section at a time (widgets.sections): what nobody opened is not drawn.
# Leaders see counts only, so they have no section of people.
SECTIONS = {"moves": t("talent_moves_tab"), "calibration": t("talent_calibration")}
if f.may_see_individuals:
    SECTIONS = {"people": t("talent_box_people"), **SECTIONS}
for tab, section in zip(
    widgets.sections(list(SECTIONS.values()), key="talent_bagian"), SECTIONS, strict=True
):
    with tab:
        if tab.open:
            {"people": box_people, "moves": movement, "calibration": calibration}[section]()
