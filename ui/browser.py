"""Sending the browser somewhere, and where it is (for the session cookie's round trip)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import get_script_run_ctx


def here() -> str:
    """The path and query of the page this browser shows (to come back to after a round
    trip through an HTTP route)."""
    url = st.context.url
    path = (urlsplit(url).path if isinstance(url, str) else "") or "/"
    query = urlencode(st.query_params.to_dict())
    return path + (f"?{query}" if query else "")


def go_to(url: str) -> None:
    """Send the browser to `url` (a full page load): the message st.login sends to reach the
    identity provider. Nothing happens outside a browser session (AppTest)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    msg = ForwardMsg()
    msg.auth_redirect.url = url
    ctx.enqueue(msg)


def client_address() -> str | None:
    """The browser's address as the server sees it (None when unknown)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else None
