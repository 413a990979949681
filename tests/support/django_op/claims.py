"""The standard claims the test provider gives for a user (OIDC_USERINFO)."""

from __future__ import annotations

from typing import Any


def userinfo(claims: dict[str, Any], user: Any) -> dict[str, Any]:
    claims["name"] = user.get_full_name() or user.username
    claims["preferred_username"] = user.username
    claims["email"] = user.email
    claims["email_verified"] = True  # the provider vouches for its users' addresses
    return claims
