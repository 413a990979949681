"""Who is viewing: the Filters fields that carry scope and the small-group rule.

They come from the signed-in user's role (analytics.access.users.viewer_fields, the user that ui.auth.gate
admitted to this rerun): leaders see every aggregate and no individual, with small groups
hidden; planners their agencies and/or instansi, small groups marked; admins everything.
Presentation mode (meetings) hides small groups and individuals on top of that, whoever asks.
Nobody signed in sees nothing.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from analytics.access import users as roles
from analytics.core.filters import Filters

USER_KEY = "asn_user"  # the user ui.auth.gate admitted (a dict; read by the audit log)

NOBODY = Filters(
    scope_agencies=(), scope_instansi=None, may_see_individuals=False, small_groups="hide"
)


def presentation_mode() -> bool:
    return bool(st.session_state.get("presentasi", False))


def viewer_filters() -> Filters:
    user = signed_in()
    base = NOBODY if user is None else roles.user_filters(user)
    if presentation_mode():
        return base.with_(small_groups="hide", may_see_individuals=False)
    return base


def signed_in() -> roles.User | None:
    """The user `gate` admitted (from the session; None before any login)."""
    value = st.session_state.get(USER_KEY)
    if not isinstance(value, dict) or value.get("role") not in roles.ROLES:
        return None

    def scope(v: Any) -> tuple[str, ...] | None:
        return None if v is None else tuple(str(x) for x in v)

    return roles.User(
        name=str(value.get("name")),
        role=str(value["role"]),
        agencies=scope(value.get("agencies")),
        instansi=scope(value.get("instansi")),
    )


def may(permission: str) -> bool:
    """Whether the signed-in user's role allows `permission` (individuals, import, users,
    audit, store)."""
    user = signed_in()
    return user is not None and roles.allows(user, permission)


def open_demo() -> bool:
    """The built-in viewer of an open demo store (no users file; ui.auth admits it only on a
    store of synthetic data): a planner over everything, never a real user (their scopes are
    tuples)."""
    user = signed_in()
    return user is not None and user.name == "demo" and user.unrestricted


def may_import() -> bool:
    """Admins import; so does a newcomer trying the open demo store (synthetic data)."""
    return may("import") or open_demo()
