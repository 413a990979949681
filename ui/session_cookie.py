"""The two HTTP routes that set and clear the session cookie (analytics/access/sessions.py).

A Streamlit script talks to the browser over a websocket and cannot set a response header, so
it cannot set an HttpOnly cookie. After a password sign-in the script sends the browser to
`/_asn/session?ticket=…&next=<the page>` (the redirect st.login uses too); this route trades
the one-time ticket for the token, sets the cookie and sends the browser back to its page.
Signing out sends it to `/_asn/signout?next=…`, which clears the cookie.

The cookie: HttpOnly (no script reads it), SameSite=Lax (sent when a shared link is opened from
a chat, never on another site's form post or fetch), Secure when the request came over HTTPS
(directly or through a proxy saying so), Path the server's base path, Max-Age the session's
hours. `next` must be a path of this site, so the route can never send anyone elsewhere.

ui/serve.py mounts the routes beside Streamlit's own (streamlit 1.67 builds its routes in
`create_streamlit_routes`; st.App(routes=…) is the public way once the dashboard is served as
an ASGI app).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from analytics.access import sessions

SET = "_asn/session"
CLEAR = "_asn/signout"


def base_path() -> str:
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def safe_next(value: str | None) -> str:
    """A path of this site to go back to; anything else (another site, a scheme) is "/"."""
    value = value or "/"
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return base_path() + "/"
    if any(ord(c) < 32 for c in value):
        return base_path() + "/"
    return value


def set_url(ticket: str, next_path: str) -> str:
    return f"{base_path()}/{SET}?" + urlencode({"ticket": ticket, "next": next_path})


def clear_url(next_path: str) -> str:
    return f"{base_path()}/{CLEAR}?" + urlencode({"next": next_path})


def _attributes(request: Request) -> dict[str, Any]:
    https = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
    return dict(path=base_path() or "/", httponly=True, samesite="lax", secure=https)


async def _set(request: Request) -> RedirectResponse:
    token = sessions.redeem(request.query_params.get("ticket", ""))
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    if token:
        max_age = int(sessions.session_hours() * 3600)
        response.set_cookie(sessions.COOKIE, token, max_age=max_age, **_attributes(request))
    return response


async def _clear(request: Request) -> RedirectResponse:
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(sessions.COOKIE, **_attributes(request))
    return response


def routes() -> list[Route]:
    base = base_path()
    return [
        Route(f"{base}/{SET}", _set, methods=["GET"]),
        Route(f"{base}/{CLEAR}", _clear, methods=["GET"]),
    ]


def mount() -> None:
    """Add the routes to the app Streamlit builds (called by ui/serve.py before it starts)."""
    from streamlit.web.server.starlette import starlette_app

    streamlit_routes = starlette_app.create_streamlit_routes
    if getattr(streamlit_routes, "_asn_mounted", False):
        return

    def with_session_routes(runtime: Any) -> list[Any]:
        return [*routes(), *streamlit_routes(runtime)]

    with_session_routes._asn_mounted = True  # type: ignore[attr-defined]
    starlette_app.create_streamlit_routes = with_session_routes
