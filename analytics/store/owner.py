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

Reader processes (analytics.store.snapshots: dashboards serving read-only snapshots) send their
writes here too, as calls: `call(db, name, *args, **kwargs)` runs `calls[name](store, *args,
**kwargs)` in the owner (sign-in sessions, lockouts, audit rows, imports, rollbacks, backups;
the table is analytics.cli.calls.CALLS, handed in like the runner) and returns its result or
raises its exception. Arguments and results travel pickled: the owner unpickles only requests
whose peer is its own OS user, and the caller only replies from a socket file and a peer of its
own user (both could write the store file anyway).
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import io
import json
import os
import pickle
import socket
import socketserver
import struct
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from analytics.store.audit import cli_actor
from analytics.store.db import Store

# What the owner runs for a caller: the command line's own runner (analytics.cli.main.run),
# handed in by whoever starts serving, so that this layer never imports the command line.
Runner = Callable[..., int]
# The writes the owner runs for reader processes: name -> f(store, *args, **kwargs).
Calls = Mapping[str, Callable[..., Any]]


class OwnerUnavailable(RuntimeError):
    """No owner answers for this store (not started, restarting, or gone)."""


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


def _peer_uid(sock: socket.socket) -> int | None:
    try:
        creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (AttributeError, OSError):
        return None
    return int(struct.unpack("3i", creds)[1])


def _pack(value: Any) -> str:
    return base64.b64encode(pickle.dumps(value)).decode("ascii")


def _unpack(text: str) -> Any:
    return pickle.loads(base64.b64decode(text))  # noqa: S301 (a peer of our own user)


def call(db: Path, name: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> Any:
    """Run `name` in the owner of `db` (see the module's docstring); raises OwnerUnavailable
    when no owner answers, else returns what the call returned or raises what it raised.
    `timeout` bounds the wait for the answer (None: as long as the call takes, e.g. an
    import)."""
    path = socket_path(db)
    try:
        if path.stat().st_uid != os.getuid():
            raise OwnerUnavailable(f"{path} belongs to another user")
    except FileNotFoundError:
        raise OwnerUnavailable(f"no owner serves {db}") from None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError as e:
        sock.close()
        raise OwnerUnavailable(f"the owner of {db} does not answer: {e}") from e
    with sock:
        peer = _peer_uid(sock)
        if peer is not None and peer != os.getuid():
            raise OwnerUnavailable(f"{path} is served by another user")
        request = {"call": name, "args": _pack((args, kwargs))}
        try:
            sock.sendall(json.dumps(request).encode() + b"\n")
            sock.shutdown(socket.SHUT_WR)
            raw = _recv_all(sock)
        except OSError as e:  # a timeout, or the owner went away mid-call
            raise OwnerUnavailable(f"the owner of {db} did not answer: {e}") from e
    if not raw:
        raise OwnerUnavailable(f"the owner of {db} closed the connection")
    reply = json.loads(raw.decode())
    if "raise" in reply:
        raise _unpack(reply["raise"])
    return _unpack(reply["result"])


def _picklable(error: BaseException) -> BaseException:
    """`error` if it survives a round trip through pickle, else a RuntimeError saying it."""
    try:
        pickle.loads(pickle.dumps(error))  # noqa: S301
        return error
    except Exception:
        return RuntimeError(f"in the store owner: {type(error).__name__}: {error}")


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        request = json.loads(self.rfile.readline().decode())
        if "call" in request:
            self._call(request)
            return
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

    def _call(self, request: dict[str, Any]) -> None:
        reply: dict[str, str]
        if _peer_uid(self.request) not in (None, os.getuid()):
            error: BaseException = PermissionError("calls are taken from the owner's user only")
            reply = {"raise": _pack(error)}
        elif (fn := self.server.calls.get(str(request["call"]))) is None:
            reply = {"raise": _pack(LookupError(f"no such call: {request['call']}"))}
        else:
            try:
                args, kwargs = _unpack(request["args"])
                reply = {"result": _pack(fn(self.server.store, *args, **kwargs))}
            except Exception as e:  # the caller's to handle (e.g. a rollback refused)
                reply = {"raise": _pack(_picklable(e))}
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

    def __init__(self, path: Path, store: Store, runner: Runner, calls: Calls):
        self.store = store
        self.runner = runner
        self.calls = calls
        super().__init__(str(path), _Handler)


_servers: dict[Path, _Server] = {}
_lock = threading.Lock()


def serve(store: Store, runner: Runner, calls: Calls | None = None) -> Path:
    """Start answering commands for `store` in a background thread (idempotent); each command
    is run by `runner(argv, out, err, store=, cwd=, actor=)`, each call by `calls[name]`."""
    path = socket_path(store.path)
    with _lock:
        if path in _servers:
            return path
        if path.exists():
            path.unlink()  # we hold the store's lock, so no live owner can be behind it
        old_umask = os.umask(0o077)
        try:
            server = _Server(path, store, runner, calls or {})
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
