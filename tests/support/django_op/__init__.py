"""A real OpenID provider for tests: django-oidc-provider (from PyPI) in a tiny Django project,
run as a subprocess on 127.0.0.1.

    with DjangoOP(client_id, client_secret, redirect_uri, users=[OPUser(...)], folder=tmp) as op:
        op.metadata_url  # -> server_metadata_url for the dashboard's secrets.toml
        op.login_url     # -> Django's login page, where the provider's /authorize sends people

At start: a fresh sqlite database in `folder`, a new RSA signing key (creatersakey), the
dashboard registered as a confidential client (response type `code`, scopes openid email
profile, redirect_uri also its post-logout redirect URI) and the users; then
`manage.py runserver --noreload` on a free loopback port, ready once its discovery document
answers. The server is stopped, and its log kept in `folder`, on exit.

Plain http on loopback: the provider names its issuer from the request (http://127.0.0.1:PORT/
openid), and Authlib's client in Streamlit fetches discovery, token and JWKS over http as it
does for the stub (Authlib's https checks, `is_secure_transport`, sit in its server-side
metadata and registration code, which the client never runs; no AUTHLIB_INSECURE_TRANSPORT is
needed). A deployment uses https.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO

ROOT = Path(__file__).resolve().parents[3]


@dataclasses.dataclass(frozen=True)
class OPUser:
    username: str
    password: str
    email: str
    first_name: str = ""
    last_name: str = ""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DjangoOP:
    def __init__(
        self,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        users: list[OPUser],
        folder: Path,
        timeout: float = 60.0,
    ) -> None:
        self.client_id, self.client_secret = client_id, client_secret
        self.redirect_uri, self.users = redirect_uri, list(users)
        self.folder, self.timeout = Path(folder), timeout
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.issuer = f"{self.base}/openid"
        self.metadata_url = f"{self.issuer}/.well-known/openid-configuration"
        self.login_url = f"{self.base}/accounts/login/"
        self.log_path = self.folder / f"django-op-{self.port}.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "tests.support.django_op.settings",
            "OP_DIR": str(self.folder),
            "OP_SECRET_KEY": secrets.token_urlsafe(40),
        }

    def __enter__(self) -> DjangoOP:
        self.folder.mkdir(parents=True, exist_ok=True)
        env = self._env()
        spec = self.folder / "op-spec.json"
        spec.write_text(
            json.dumps(
                {
                    "client": {
                        "client_id": self.client_id,
                        "client_secret": self.client_secret,
                        "redirect_uri": self.redirect_uri,
                    },
                    "users": [dataclasses.asdict(u) for u in self.users],
                }
            ),
            encoding="utf-8",
        )
        done = subprocess.run(
            [sys.executable, "-m", "tests.support.django_op.prepare", str(spec)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode:
            raise RuntimeError(f"the test provider's setup failed:\n{done.stdout}{done.stderr}")
        log = open(self.log_path, "wb")  # noqa: SIM115
        self._log = log
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.django_op.manage",
                "runserver",
                "--noreload",
                "--skip-checks",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._wait()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                with urllib.request.urlopen(self.metadata_url, timeout=2) as r:
                    if r.status == 200 and json.load(r).get("issuer") == self.issuer:
                        return
            except OSError:
                pass
            assert self._proc is not None
            if self._proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the test provider did not start; see {self.log_path}")
            time.sleep(0.2)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")
