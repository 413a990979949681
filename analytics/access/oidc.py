"""Signing in through an OpenID Connect identity provider (Streamlit's `st.login`): when the
deployment turns it on, and which user of users.toml a provider's identity is.

Streamlit does the protocol (Authlib: authorization code with PKCE when offered, state, nonce,
the ID token's signature, issuer, audience and expiry) and keeps the identity in a signed cookie
(`st.user`: the ID token's claims). This module only reads settings and claims, so it needs no
Streamlit and is tested on plain dicts.

Settings live in the secrets file Streamlit reads (`.streamlit/secrets.toml`):

    [auth]                      # Streamlit's own: turns st.login on
    redirect_uri = "https://dasbor.example/oauth2callback"
    cookie_secret = "..."       # a long random text
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://idp.example/.well-known/openid-configuration"

    [asn_login]                 # ours, optional
    password_form = true        # false: the provider only, no password form
    email_claim = "email"       # the claim matched against users' `email`
    max_age_hours = 12          # a provider login older than this must sign in again; 0: none
    provider = ""               # a named [auth.NAME] section instead of [auth]'s own keys

Who an identity is (`match`): a user with `oidc_subject` is recognised by the `sub` claim only
(exact); any other user by `email_claim` (case-insensitive), unless the provider says that email
is not verified (`email_verified = false`). Anyone else is refused: the provider vouches for who
someone is, users.toml decides whether they may come in and what they see.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analytics.access.users import User, normalise_email

PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
CALLBACK = "/oauth2callback"  # the only path Streamlit answers the provider on
PROVIDER_RE = re.compile(r"[A-Za-z0-9-]{1,64}")  # Streamlit refuses "_" in provider names
CLAIM_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
DEFAULT_MAX_AGE_HOURS = 12.0


class OidcConfigError(ValueError):
    """The secrets configure an identity provider, but not completely or not validly."""


@dataclass(frozen=True)
class Settings:
    """How the dashboard signs people in through the provider. `provider` None: the default
    provider (the keys directly in [auth])."""

    provider: str | None = None
    password_form: bool = True
    email_claim: str = "email"
    max_age_hours: float = DEFAULT_MAX_AGE_HOURS


def settings(secrets: Mapping[str, Any]) -> Settings | None:
    """The settings when the secrets have an [auth] section; None without one (password form
    only). Raises OidcConfigError when [auth] or [asn_login] is incomplete or invalid."""
    auth = secrets.get("auth")
    if auth is None:
        return None
    if not isinstance(auth, Mapping):
        raise OidcConfigError("[auth] must be a table")
    ours = secrets.get("asn_login") or {}
    if not isinstance(ours, Mapping):
        raise OidcConfigError("[asn_login] must be a table")

    provider = ours.get("provider") or None
    if provider is not None and not (isinstance(provider, str) and PROVIDER_RE.fullmatch(provider)):
        raise OidcConfigError("asn_login.provider: letters, digits and '-' only")
    section = auth.get(provider) if provider else auth
    if not isinstance(section, Mapping):
        raise OidcConfigError(f"[auth.{provider}] is missing")
    missing = [k for k in ("redirect_uri", "cookie_secret") if not _text(auth.get(k))]
    missing += [k for k in PROVIDER_KEYS if not _text(section.get(k))]
    if missing:
        raise OidcConfigError(f"[auth] lacks {', '.join(missing)}")
    if not str(auth["redirect_uri"]).endswith(CALLBACK):
        raise OidcConfigError(f"auth.redirect_uri must end with {CALLBACK}")

    password_form = ours.get("password_form", True)
    claim = ours.get("email_claim", "email")
    max_age = ours.get("max_age_hours", DEFAULT_MAX_AGE_HOURS)
    if not isinstance(password_form, bool):
        raise OidcConfigError("asn_login.password_form must be true or false")
    if not (isinstance(claim, str) and CLAIM_RE.fullmatch(claim)):
        raise OidcConfigError("asn_login.email_claim must name a claim")
    if isinstance(max_age, bool) or not isinstance(max_age, int | float) or max_age < 0:
        raise OidcConfigError("asn_login.max_age_hours must be a number of hours (0: no limit)")
    return Settings(provider, password_form, claim, float(max_age))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


@dataclass(frozen=True)
class Match:
    """Who an identity is. `user` None: refused, for `reason` (unknown, unverified,
    no_identity, stale). `identity`: what the provider calls them (the email, else the
    subject), for the refusal message and the audit log."""

    user: User | None
    reason: str
    identity: str


def identity_of(claims: Mapping[str, Any], email_claim: str = "email") -> str:
    """The email the provider gives (normalised), else its subject; "" when neither."""
    email = claims.get(email_claim)
    if isinstance(email, str) and email.strip():
        return normalise_email(email)
    sub = claims.get("sub")
    return sub.strip() if isinstance(sub, str) else ""


def login_time(claims: Mapping[str, Any]) -> float | None:
    """When the provider issued the identity (`iat`, seconds since the epoch)."""
    iat = claims.get("iat")
    if isinstance(iat, bool) or not isinstance(iat, int | float):
        return None
    return float(iat)


def match(
    users: Mapping[str, User],
    claims: Mapping[str, Any],
    email_claim: str = "email",
    max_age_hours: float = DEFAULT_MAX_AGE_HOURS,
    now: float | None = None,
) -> Match:
    """The user of users.toml this identity is, or why it is refused."""
    identity = identity_of(claims, email_claim)
    if max_age_hours > 0:
        issued = login_time(claims)
        now = time.time() if now is None else now
        if issued is None or now - issued > max_age_hours * 3600:
            return Match(None, "stale", identity)
    sub = claims.get("sub")
    if isinstance(sub, str) and sub:
        for user in users.values():
            if user.oidc_subject and user.oidc_subject == sub:
                return Match(user, "ok", identity)
    email = claims.get(email_claim)
    if not (isinstance(email, str) and email.strip()):
        return Match(None, "unknown" if identity else "no_identity", identity)
    wanted = normalise_email(email)
    for user in users.values():
        # a user pinned to a subject is never taken over through an email
        if user.email and not user.oidc_subject and normalise_email(user.email) == wanted:
            if _says_false(claims.get("email_verified")):
                return Match(None, "unverified", identity)
            return Match(user, "ok", identity)
    return Match(None, "unknown", identity)


def _says_false(value: Any) -> bool:
    """Whether a claim says false (some providers send "false" as text)."""
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")
