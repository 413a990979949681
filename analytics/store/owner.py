"""The store's owner process answers other processes' commands over a local Unix socket.

DuckDB lets a single process open the store read-write and then no other process may open it.
The process that serves the dashboard therefore owns the store and runs `serve(store)`; a
command line started meanwhile (`import`, `export`, `info`) finds the socket, sends its argv and
working directory, and the owner runs the command on its own connection in a thread, with its
own cursor, and sends back the output and exit code. Readers in the owner keep their snapshots
while an import commits, so they see the old or the new data, never a mix.

The socket lives in the temp directory under a name derived from the store's absolute path, is
readable by the owner's user only, and is removed when the owner exits. The audit log names the
caller from the socket's peer credentials (the kernel's word, not the caller's).
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import os
import socket
import socketserver
import struct
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from analytics.store.audit import cli_actor
from analytics.store.db import Store

# What the owner runs for a caller: the command line's own runner (analytics.cli.main.run),
# handed in by whoever starts serving, so that this layer never imports the command line.
Runner = Callable[..., int]


def socket_path(db: Path) -> Path:
    digest = hashlib.sha1(str(Path(db).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"asn-owner-{digest}.sock"


def _recv_all(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def forward(db: Path, argv: list[str], cwd: Path, out: TextIO, err: TextIO) -> int | None:
    """Run argv in the owner of `db` if one serves; None when there is no owner."""
    path = socket_path(db)
    if not path.exists():
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except (ConnectionRefusedError, FileNotFoundError):
        sock.close()
        return None  # a stale socket of an owner that died
    with sock:
        sock.sendall(json.dumps({"argv": argv, "cwd": str(cwd)}).encode() + b"\n")
        sock.shutdown(socket.SHUT_WR)
        reply = json.loads(_recv_all(sock).decode())
    out.write(reply["stdout"])
    err.write(reply["stderr"])
    return int(reply["code"])


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        request = json.loads(self.rfile.readline().decode())
        out, err = io.StringIO(), io.StringIO()
        try:
            code = self.server.runner(
                request["argv"],
                out,
                err,
                store=self.server.store,
                cwd=Path(request["cwd"]),
                actor=_peer_actor(self.request),
            )
        except Exception as e:  # a bug: report it to the caller, keep serving others
            err.write(f"internal error in the store owner: {type(e).__name__}: {e}\n")
            code = 1
        reply = {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}
        self.wfile.write(json.dumps(reply).encode())


def _peer_actor(sock: socket.socket) -> str:
    """The caller's actor: "cli:" + the OS user of the process at the other end of the socket
    (SO_PEERCRED, Linux); the owner's own user where the kernel cannot say (the socket is
    owner-only anyway)."""
    try:
        creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        _, uid, _ = struct.unpack("3i", creds)
        import pwd

        return cli_actor(pwd.getpwuid(uid).pw_name)
    except (AttributeError, OSError, KeyError):
        return cli_actor()


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, store: Store, runner: Runner):
        self.store = store
        self.runner = runner
        super().__init__(str(path), _Handler)


_servers: dict[Path, _Server] = {}
_lock = threading.Lock()


def serve(store: Store, runner: Runner) -> Path:
    """Start answering commands for `store` in a background thread (idempotent); each command
    is run by `runner(argv, out, err, store=, cwd=, actor=)`."""
    path = socket_path(store.path)
    with _lock:
        if path in _servers:
            return path
        if path.exists():
            path.unlink()  # we hold the store's lock, so no live owner can be behind it
        old_umask = os.umask(0o077)
        try:
            server = _Server(path, store, runner)
        finally:
            os.umask(old_umask)
        thread = threading.Thread(target=server.serve_forever, name="asn-owner", daemon=True)
        thread.start()
        _servers[path] = server
        atexit.register(stop, store)
    return path


def stop(store: Store) -> None:
    path = socket_path(store.path)
    with _lock:
        server = _servers.pop(path, None)
    if server is not None:
        server.shutdown()
        server.server_close()
        path.unlink(missing_ok=True)
