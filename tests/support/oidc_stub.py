"""A stub OpenID Connect provider on 127.0.0.1, for tests of the dashboard's SSO sign-in.

It does the authorization-code flow as a real provider would, strictly enough for Authlib's
client inside Streamlit: discovery, /authorize (no login screen: it approves `user` at once and
redirects back with a one-time code and the caller's state), /token (client secret, redirect URI
and PKCE S256 checked; an RS256 ID token with iss, sub, aud, exp, iat, auth_time, nonce, at_hash,
email, email_verified, name), /jwks, /userinfo (bearer token) and /logout (RP-initiated logout).
The token is signed here with `cryptography` directly, not with the JOSE library that verifies
it, so a shared bug cannot hide.

    with OidcStub(client_id="dasbor", client_secret="s", redirect_uris=[...]) as idp:
        idp.user = {"sub": "u-1", "email": "budi@bkd.example"}
        idp.metadata_url  # -> server_metadata_url for secrets.toml
        idp.events        # -> ["authorize", "token", ...], what the dashboard asked for
        idp.authorized    # -> the query of every /authorize (state, nonce, PKCE challenge...)
        idp.tamper = "signature"  # or "nonce", "audience", "issuer": a token the client must refuse
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

CODE_SECONDS = 60
TOKEN_SECONDS = 300


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _uint(n: int) -> str:
    return b64url(n.to_bytes((n.bit_length() + 7) // 8, "big"))


class OidcStub:
    """The provider; a context manager that serves it on a free loopback port."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        redirect_uris: list[str],
        user: dict[str, Any] | None = None,
    ) -> None:
        self.client_id, self.client_secret = client_id, client_secret
        self.redirect_uris = list(redirect_uris)
        self.user: dict[str, Any] = dict(user or {})
        self.events: list[str] = []
        self.authorized: list[dict[str, str]] = []
        self.tamper: str | None = None
        self.kid = "stub-" + secrets.token_hex(4)
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._codes: dict[str, dict[str, Any]] = {}
        self._tokens: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.issuer = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- life ---------------------------------------------------------------------------------

    def __enter__(self) -> OidcStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    # --- the documents ------------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "name"],
        }

    def jwks(self) -> dict[str, Any]:
        public = self._key.public_key().public_numbers()
        jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid}
        return {"keys": [{**jwk, "n": _uint(public.n), "e": _uint(public.e)}]}

    def sign(self, claims: dict[str, Any]) -> str:
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        head = b64url(json.dumps(header, separators=(",", ":")).encode())
        body = b64url(json.dumps(claims, separators=(",", ":")).encode())
        signature = self._key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{head}.{body}.{b64url(signature)}"

    # --- the endpoints ------------------------------------------------------------------------

    def authorize(self, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.authorized.append(dict(q))
        redirect_uri = q.get("redirect_uri", "")
        if q.get("client_id") != self.client_id or redirect_uri not in self.redirect_uris:
            return 400, {}, b"unknown client or redirect_uri"  # never redirect to a stranger

        def back(**params: str) -> tuple[int, dict[str, str], bytes]:
            if q.get("state"):
                params["state"] = q["state"]
            sep = "&" if "?" in redirect_uri else "?"
            return 302, {"Location": redirect_uri + sep + urllib.parse.urlencode(params)}, b""

        if q.get("response_type") != "code" or "openid" not in q.get("scope", "").split():
            return back(error="invalid_request")
        if q.get("code_challenge") and q.get("code_challenge_method") != "S256":
            return back(error="invalid_request", error_description="S256 only")
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = {
                "redirect_uri": redirect_uri,
                "nonce": q.get("nonce"),
                "challenge": q.get("code_challenge"),
                "user": dict(self.user),
                "expires": time.time() + CODE_SECONDS,
                "scope": q.get("scope", ""),
            }
        return back(code=code)

    def _client_ok(self, headers: Any, form: dict[str, str]) -> bool:
        auth = headers.get("Authorization", "")
        if auth.startswith("Basic "):
            raw = base64.b64decode(auth[6:]).decode()
            cid, _, secret = raw.partition(":")
            cid, secret = urllib.parse.unquote_plus(cid), urllib.parse.unquote_plus(secret)
        else:
            cid, secret = form.get("client_id", ""), form.get("client_secret", "")
        return cid == self.client_id and hmac.compare_digest(secret, self.client_secret)

    def token(self, headers: Any, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if not self._client_ok(headers, form):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)  # one use only
        if grant is None or grant["expires"] < time.time():
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant", "error_description": "redirect_uri"}
        if grant["challenge"]:
            verifier = form.get("code_verifier", "")
            if b64url(hashlib.sha256(verifier.encode()).digest()) != grant["challenge"]:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        user, now = grant["user"], int(time.time())
        access = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[access] = user
        at_hash = b64url(hashlib.sha256(access.encode()).digest()[:16])
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "auth_time": now,
            "exp": now + TOKEN_SECONDS,
            "at_hash": at_hash,
            "email_verified": True,
            **user,
        }
        if grant["nonce"]:
            claims["nonce"] = grant["nonce"]
        if self.tamper == "nonce":
            claims["nonce"] = "not-the-clients"
        elif self.tamper == "audience":
            claims["aud"] = "another-client"
        elif self.tamper == "issuer":
            claims["iss"] = "http://127.0.0.1:1"
        id_token = self.sign(claims)
        if self.tamper == "signature":
            head, body, sig = id_token.split(".")
            id_token = f"{head}.{body}.{sig[:10]}{'A' if sig[10] != 'A' else 'B'}{sig[11:]}"
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": TOKEN_SECONDS,
            "id_token": id_token,
            "scope": grant["scope"],
        }

    def userinfo(self, headers: Any) -> tuple[int, dict[str, Any]]:
        auth = headers.get("Authorization", "")
        with self._lock:
            user = self._tokens.get(auth[7:]) if auth.startswith("Bearer ") else None
        return (200, dict(user)) if user is not None else (401, {"error": "invalid_token"})

    def logout(self, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        target = q.get("post_logout_redirect_uri", "")
        if target not in self.redirect_uris:
            return 200, {"Content-Type": "text/plain"}, b"signed out"
        if q.get("state"):
            target += "?" + urllib.parse.urlencode({"state": q["state"]})
        return 302, {"Location": target}, b""

    # --- HTTP ---------------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, doc: dict[str, Any]) -> None:
                body = json.dumps(doc).encode()
                self._send(status, {"Content-Type": "application/json"}, body)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                q = dict(urllib.parse.parse_qsl(url.query))
                stub.events.append(url.path.strip("/"))
                if url.path == "/.well-known/openid-configuration":
                    self._json(200, stub.metadata())
                elif url.path == "/jwks":
                    self._json(200, stub.jwks())
                elif url.path == "/authorize":
                    self._send(*stub.authorize(q))
                elif url.path == "/userinfo":
                    self._json(*stub.userinfo(self.headers))
                elif url.path == "/logout":
                    self._send(*stub.logout(q))
                else:
                    self._send(404, {}, b"not found")

            def do_POST(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                stub.events.append(url.path.strip("/"))
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if url.path == "/token":
                    self._json(*stub.token(self.headers, form))
                elif url.path == "/userinfo":
                    self._json(*stub.userinfo(self.headers))
                else:
                    self._send(404, {}, b"not found")

        return Handler
