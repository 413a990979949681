"""Who is viewing: the Filters fields that carry scope and the small-group rule.

They come from the signed-in user's role (analytics.auth.viewer_fields, the user that ui.auth.gate
admitted to this rerun): leaders see every aggregate and no individual, with small groups
hidden; planners their agencies and/or instansi, small groups marked; admins everything.
Presentation mode (meetings) hides small groups and individuals on top of that, whoever asks.
Nobody signed in sees nothing.
"""

from __future__ import annotations

import streamlit as st

from analytics import auth as roles
from analytics.filters import Filters
from ui import auth

NOBODY = Filters(
    scope_agencies=(), scope_instansi=None, may_see_individuals=False, small_groups="hide"
)


def presentation_mode() -> bool:
    return bool(st.session_state.get("presentasi", False))


def viewer_filters() -> Filters:
    user = auth.signed_in()
    base = NOBODY if user is None else roles.user_filters(user)
    if presentation_mode():
        return base.with_(small_groups="hide", may_see_individuals=False)
    return base
