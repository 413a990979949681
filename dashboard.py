"""Entrypoint: the router and the frame shared by every page (language, filters, banner).

Pages hold layout only; every number comes from analytics/ through the cached wrappers in ui/.
"""

from __future__ import annotations

import streamlit as st

from ui import accounts, auditing, auth, filterbar, meeting, presentation, queries, session, state
from ui.i18n import LANGS

st.set_page_config(
    page_title="Dasbor Kompetensi ASN",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="expanded",
)

st.html(state.stylesheet())
with st.sidebar:
    brand = st.empty()  # filled below, once the language widget has read the URL
    st.segmented_control(
        "🌐",
        options=[code.upper() for code in LANGS],
        key="lang",
        default="ID",
        bind="query-params",
        label_visibility="collapsed",
    )
    meeting.presentation_toggle()
    brand.html(
        f"<div class='asn-brand'>{state.t('app_title')}<small>{state.t('app_subtitle')}</small></div>"
    )

t = state.t
# every page's url_path below: before login each opens the login form, then its page
URL_PATHS = (
    "kesenjangan",
    "tren",
    "dampak",
    "layanan",
    "kebutuhan",
    "talenta",
    "suksesi",
    "profil",
    "data",
    "audit",
    "pengguna",
    "metode",
)

with state.rerun_snapshot() as snap:
    # Nobody past this line unless signed in (or an open demo store): the login page stops here.
    user = auth.gate(snap, URL_PATHS)
    auditing.trim_daily()  # the audit log's retention (ASN_AUDIT_YEARS), once a day
    accounts.frame(user, URL_PATHS)  # a one-time password is replaced first; own password
    pages = {
        t("section_dashboards"): [
            st.Page(
                "pages/overview.py",
                title=t("nav_overview"),
                icon=":material/home:",
                url_path="ringkasan",
                default=True,
            ),
            st.Page(
                "pages/gaps.py",
                title=t("nav_gaps"),
                icon=":material/grid_on:",
                url_path="kesenjangan",
            ),
            st.Page(
                "pages/trends.py",
                title=t("nav_trends"),
                icon=":material/trending_up:",
                url_path="tren",
            ),
            st.Page(
                "pages/impact.py",
                title=t("nav_impact"),
                icon=":material/school:",
                url_path="dampak",
            ),
            st.Page(
                "pages/service.py",
                title=t("nav_service"),
                icon=":material/support_agent:",
                url_path="layanan",
            ),
        ],
        t("section_planning"): [
            st.Page(
                "pages/needs.py",
                title=t("nav_needs"),
                icon=":material/assignment:",
                url_path="kebutuhan",
            ),
            st.Page(
                "pages/talent.py",
                title=t("nav_talent"),
                icon=":material/grid_view:",
                url_path="talenta",
            ),
            st.Page(
                "pages/succession.py",
                title=t("nav_succession"),
                icon=":material/account_tree:",
                url_path="suksesi",
            ),
            # leaders never get a person: no Profile page at all
            *(
                [
                    st.Page(
                        "pages/profile.py",
                        title=t("nav_profile"),
                        icon=":material/person_search:",
                        url_path="profil",
                    )
                ]
                if session.may("individuals")
                else []
            ),
        ],
        t("section_about"): [
            st.Page(
                "pages/data.py", title=t("nav_data"), icon=":material/database:", url_path="data"
            ),
            *(
                [
                    st.Page(
                        "pages/audit.py",
                        title=t("nav_audit"),
                        icon=":material/policy:",
                        url_path="audit",
                    )
                ]
                if session.may("audit")
                else []
            ),
            *(
                [
                    st.Page(
                        "pages/users.py",
                        title=t("nav_users"),
                        icon=":material/group:",
                        url_path="pengguna",
                    )
                ]
                if session.may("users")
                else []
            ),
            st.Page(
                "pages/method.py",
                title=t("nav_method"),
                icon=":material/menu_book:",
                url_path="metode",
            ),
        ],
    }
    page = st.navigation(pages, position="sidebar")
    filters = filterbar.render(snap)
    with st.sidebar:
        meeting.downloads(filters)
    if presentation.on():
        presentation.render()
    else:
        if queries.is_demo(snap):
            banner = "demo_banner" if auth.is_open_demo(user) else "auth_demo_banner"
            st.html(f"<div class='asn-demo'>{t(banner)}</div>")
        with queries.asking(state.get_store(), snap):  # then its figures of the other years
            page.run()
