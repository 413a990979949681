"""Who is viewing: the Filters fields that carry scope and the small-group rule.

Until roles exist (the trust issue), the dashboard runs as an HR planner who may see every agency
and individual records, with small groups marked; presentation mode hides small groups and
individuals (meetings).
"""

from __future__ import annotations

import streamlit as st

from analytics.filters import Filters


def presentation_mode() -> bool:
    return bool(st.session_state.get("presentasi", False))


def viewer_filters() -> Filters:
    if presentation_mode():
        return Filters(small_groups="hide", may_see_individuals=False)
    return Filters(small_groups="mark", may_see_individuals=True)
