"""Users, roles and what each role may see.

Users live in a TOML file (default `users.toml` beside the store file; the environment variable
ASN_USERS names another), one table per user, with an argon2id password hash made by
argon2-cffi, never the password:

    [users."budi"]
    role = "perencana"
    agencies = ["15.07"]
    instansi = []
    password = "$argon2id$v=19$m=65536,t=3,p=4$..."
    email = "budi@jambiprov.go.id"      # optional: signs in through the identity provider
    oidc_subject = "..."                # optional: the provider's `sub`, when the email may change

A user signs in with the password, or through an OpenID Connect identity provider
(analytics/access/oidc.py) when `email` or `oidc_subject` names them; a user with no password signs
in through the provider only.

Roles:
- `pimpinan` (leaders): every aggregate, never an individual; small groups hidden.
- `perencana` (HR planners): aggregates and individuals within their agencies and/or instansi
  (either one admits an agency); small groups marked.
- `admin`: everything, imports, users, audit; small groups marked.

`viewer_fields(user)` turns a user into the Filters fields that carry scope and privacy; every
metric applies them (Filters.where, privacy.check_individuals), so a role cannot see more
through any page, total, download or report than the analytics give it.

Logins: `authenticate` verifies in constant time (argon2's verify; an unknown name is verified
against a dummy hash, so both take as long) and a Throttle locks a name for a while after
repeated failures. The dashboard counts failures in the store, per name and per client address
(analytics.access.lockout), so a restart keeps a lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import getpass
import json
import os
import re
import secrets
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from analytics.core.filters import Filters
from analytics.store.db import default_db_path

ROLES = ("pimpinan", "perencana", "admin")
USERS_FILE = "users.toml"
NAME_RE = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
EMAIL_RE = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")
SUBJECT_MAX = 255
MIN_PASSWORD = 8

# argon2id with argon2-cffi's defaults (RFC 9106's second recommendation: 64 MiB, 3 passes).
HASHER = PasswordHasher()


class UsersFileError(ValueError):
    """The users file cannot be read as users (bad TOML, unknown role, missing hash...)."""


@dataclass(frozen=True)
class User:
    """A user as the dashboard knows them. `agencies`/`instansi` are a planner's scope; None
    on both means unrestricted (only the built-in demo user of an open demo store). `email`
    (lower case) and `oidc_subject` name the user at the identity provider ("" when unset);
    an empty `password_hash` means no password login."""

    name: str
    role: str
    agencies: tuple[str, ...] | None = ()
    instansi: tuple[str, ...] | None = ()
    password_hash: str = field(default="", repr=False, compare=False)
    email: str = ""
    oidc_subject: str = ""
    must_change: bool = False  # a one-time password, to be replaced at the next sign-in

    def session(self) -> dict[str, Any]:
        """The session value the UI keeps (`st.session_state["asn_user"]`): no hash."""
        return {
            "name": self.name,
            "role": self.role,
            "agencies": None if self.agencies is None else list(self.agencies),
            "instansi": None if self.instansi is None else list(self.instansi),
        }

    @property
    def unrestricted(self) -> bool:
        return self.agencies is None and self.instansi is None


# An open demo store's viewer: a planner over the whole store, no admin rights.
DEMO_USER = User(name="demo", role="perencana", agencies=None, instansi=None)


def viewer_fields(user: User) -> dict[str, Any]:
    """The Filters fields of who is asking: scope_agencies, scope_instansi,
    may_see_individuals, small_groups. A planner with no agency and no instansi sees nothing."""
    if user.role == "admin":
        return dict(
            scope_agencies=None, scope_instansi=None, may_see_individuals=True, small_groups="mark"
        )
    if user.role == "pimpinan":
        return dict(
            scope_agencies=None, scope_instansi=None, may_see_individuals=False, small_groups="hide"
        )
    if user.role != "perencana":
        raise ValueError(f"unknown role {user.role!r}")
    if user.unrestricted:
        scope_agencies, scope_instansi = None, None
    else:
        agencies, instansi = tuple(user.agencies or ()), tuple(user.instansi or ())
        scope_instansi = instansi or None
        # an empty agency scope with no instansi means nothing at all, never everything
        scope_agencies = agencies if (agencies or not instansi) else None
    return dict(
        scope_agencies=scope_agencies,
        scope_instansi=scope_instansi,
        may_see_individuals=True,
        small_groups="mark",
    )


def user_filters(user: User) -> Filters:
    return Filters(**viewer_fields(user))


# Permissions beyond what Filters carries (pages and actions of the UI).
PERMISSIONS: Mapping[str, frozenset[str]] = {
    "admin": frozenset({"individuals", "import", "users", "audit", "store"}),
    "perencana": frozenset({"individuals"}),
    "pimpinan": frozenset(),
}


def allows(user: User, permission: str) -> bool:
    return permission in PERMISSIONS.get(user.role, frozenset())


# --- the users file --------------------------------------------------------------------------


def users_path(db: Path | None = None) -> Path:
    """ASN_USERS, else users.toml beside the store file."""
    env = os.environ.get("ASN_USERS")
    if env:
        return Path(env)
    return Path(db or default_db_path()).parent / USERS_FILE


def normalise_name(name: str) -> str:
    return name.strip().lower()


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively (providers and people vary the case)."""
    return email.strip().casefold()


def _identity_problem(email: str, subject: str) -> str | None:
    """Why this email / subject cannot name a user (a message key), or None."""
    if email and not EMAIL_RE.fullmatch(email):
        return "bad_email"
    if subject and (len(subject) > SUBJECT_MAX or not subject.isprintable()):
        return "bad_subject"
    return None


def _taken(users: Mapping[str, User], name: str, email: str, subject: str) -> str | None:
    """Whether another user already has this email or subject (either must name one user)."""
    for other in users.values():
        if other.name == name:
            continue
        if email and other.email == email:
            return "email_taken"
        if subject and other.oidc_subject == subject:
            return "subject_taken"
    return None


def _strings(value: Any, what: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsersFileError(f"user {name!r}: {what} must be a list of texts")
    return tuple(value)


def parse_users(text: str) -> dict[str, User]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise UsersFileError(f"not valid TOML: {e}") from e
    table = doc.get("users", {})
    if not isinstance(table, dict):
        raise UsersFileError("[users] must be a table")
    users: dict[str, User] = {}
    for raw_name, entry in table.items():
        name = normalise_name(raw_name)
        if not NAME_RE.fullmatch(name) or name in users:
            raise UsersFileError(f"user {raw_name!r}: invalid or repeated name")
        if not isinstance(entry, dict):
            raise UsersFileError(f"user {name!r}: must be a table")
        role = entry.get("role")
        if role not in ROLES:
            raise UsersFileError(f"user {name!r}: role must be one of {', '.join(ROLES)}")
        email, subject = entry.get("email", ""), entry.get("oidc_subject", "")
        if not isinstance(email, str) or not isinstance(subject, str):
            raise UsersFileError(f"user {name!r}: email and oidc_subject must be texts")
        email, subject = normalise_email(email), subject.strip()
        if _identity_problem(email, subject):
            raise UsersFileError(f"user {name!r}: invalid email or oidc_subject")
        if _taken(users, name, email, subject):
            raise UsersFileError(f"user {name!r}: email or oidc_subject of another user")
        password = entry.get("password")
        # no password: a user who signs in through the identity provider only
        sso_only = password is None and (email or subject)
        if not sso_only and (not isinstance(password, str) or not password.startswith("$argon2")):
            raise UsersFileError(f"user {name!r}: password must be an argon2 hash")
        agencies = _strings(entry.get("agencies"), "agencies", name)
        instansi = _strings(entry.get("instansi"), "instansi", name)
        if role != "perencana":
            agencies, instansi = (), ()
        must_change = entry.get("must_change_password", False)
        if not isinstance(must_change, bool):
            raise UsersFileError(f"user {name!r}: must_change_password must be true or false")
        users[name] = User(
            name, role, agencies, instansi, password or "", email, subject, must_change
        )
    return users


@dataclass
class _Cached:
    key: tuple[int, int, int]
    users: dict[str, User]


_cache: dict[Path, _Cached] = {}
_cache_lock = threading.Lock()


def load_users(path: Path) -> dict[str, User] | None:
    """The users of `path`; None when the file does not exist. Re-read when the file changes
    (so `user add`/`remove` take effect without a restart). Raises UsersFileError."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    key = (st.st_mtime_ns, st.st_size, st.st_ino)
    with _cache_lock:
        hit = _cache.get(path)
        if hit is not None and hit.key == key:
            return dict(hit.users)
    users = parse_users(path.read_text(encoding="utf-8"))
    with _cache_lock:
        _cache[path] = _Cached(key, users)
    return dict(users)


def _toml_str(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes: \" \\ \n \t \uXXXX).
    return json.dumps(value, ensure_ascii=False)


def dump_users(users: Mapping[str, User]) -> str:
    lines = [
        "# Users of Dasbor Kompetensi ASN: managed by `python -m analytics user add|remove|list`.",
        "# Passwords are argon2id hashes; keep this file readable by the dashboard's user only.",
    ]
    for name in sorted(users):
        u = users[name]
        lines += [
            "",
            f"[users.{_toml_str(name)}]",
            f"role = {_toml_str(u.role)}",
            f"agencies = [{', '.join(_toml_str(a) for a in u.agencies or ())}]",
            f"instansi = [{', '.join(_toml_str(i) for i in u.instansi or ())}]",
        ]
        if u.email:
            lines.append(f"email = {_toml_str(u.email)}")
        if u.oidc_subject:
            lines.append(f"oidc_subject = {_toml_str(u.oidc_subject)}")
        if u.password_hash:
            lines.append(f"password = {_toml_str(u.password_hash)}")
        if u.must_change:
            lines.append("must_change_password = true")
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write of the users file between processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def save_users(path: Path, users: Mapping[str, User]) -> None:
    """Write atomically (a reader sees the old file or the new one), owner-only."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(dump_users(users))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def hash_password(password: str, hasher: PasswordHasher | None = None) -> str:
    return (hasher or HASHER).hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Constant-time check (argon2's own verify); a malformed hash never matches."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_new_user(
    name: str, role: str, agencies: tuple[str, ...], instansi: tuple[str, ...]
) -> str | None:
    """Why these settings cannot make a user (a message key), or None."""
    if not NAME_RE.fullmatch(name):
        return "bad_name"
    if role not in ROLES:
        return "bad_role"
    if role == "perencana" and not agencies and not instansi:
        return "planner_needs_scope"
    if role != "perencana" and (agencies or instansi):
        return "scope_only_planner"
    return None


def add_user(
    path: Path,
    name: str,
    role: str,
    password: str | None,
    agencies: tuple[str, ...] = (),
    instansi: tuple[str, ...] = (),
    hasher: PasswordHasher | None = None,
    email: str = "",
    oidc_subject: str = "",
    must_change: bool = False,
) -> tuple[User, bool]:
    """Add a user, or replace one of the same name (a new password, role, scope or identity).
    `password` None: the user signs in through the identity provider only (needs `email` or
    `oidc_subject`). Returns (user, replaced)."""
    name = normalise_name(name)
    email, oidc_subject = normalise_email(email), oidc_subject.strip()
    problem = check_new_user(name, role, agencies, instansi) or _identity_problem(
        email, oidc_subject
    )
    if problem:
        raise ValueError(problem)
    if password is None and not (email or oidc_subject):
        raise ValueError("sso_needs_identity")
    if password is not None and len(password) < MIN_PASSWORD:
        raise ValueError("short_password")
    hashed = "" if password is None else hash_password(password, hasher)
    user = User(name, role, agencies, instansi, hashed, email, oidc_subject, must_change)
    with _locked(path):
        users = load_users(path) or {}
        taken = _taken(users, name, email, oidc_subject)
        if taken:
            raise ValueError(taken)
        replaced = name in users
        users[name] = user
        save_users(path, users)
    return user, replaced


def one_time_password() -> str:
    """A password an administrator hands over (read aloud or typed: no look-alike letters);
    the user replaces it at the first sign-in. 14 characters of 31: about 69 bits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(14))


def change_user(
    path: Path, name: str, role: str, agencies: tuple[str, ...], instansi: tuple[str, ...]
) -> User:
    """A user's new role and scope (the password and identity stay). Raises ValueError (a
    message key, or "unknown")."""
    name = normalise_name(name)
    problem = check_new_user(name, role, agencies, instansi)
    if problem:
        raise ValueError(problem)
    with _locked(path):
        users = load_users(path) or {}
        if name not in users:
            raise ValueError("unknown")
        user = dataclasses.replace(users[name], role=role, agencies=agencies, instansi=instansi)
        users[name] = user
        save_users(path, users)
    return user


def set_password(
    path: Path,
    name: str,
    password: str,
    must_change: bool = False,
    hasher: PasswordHasher | None = None,
) -> User:
    """A new password for `name` (`must_change`: a one-time password from an administrator).
    Raises ValueError ("short_password", "unknown")."""
    name = normalise_name(name)
    if len(password) < MIN_PASSWORD:
        raise ValueError("short_password")
    hashed = hash_password(password, hasher)
    with _locked(path):
        users = load_users(path) or {}
        if name not in users:
            raise ValueError("unknown")
        user = dataclasses.replace(users[name], password_hash=hashed, must_change=must_change)
        users[name] = user
        save_users(path, users)
    return user


def remove_user(path: Path, name: str) -> bool:
    name = normalise_name(name)
    with _locked(path):
        users = load_users(path)
        if not users or name not in users:
            return False
        del users[name]
        save_users(path, users)
    return True


# --- logging in ------------------------------------------------------------------------------


class Throttle:
    """Failed logins per name: after `max_failures` within `window` seconds the name is locked
    for `lock_seconds` (attempts are refused unchecked meanwhile). In memory, per process."""

    def __init__(
        self,
        max_failures: int = 5,
        window: float = 900.0,
        lock_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures, self.window, self.lock_seconds = max_failures, window, lock_seconds
        self.clock = clock
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def locked_for(self, name: str) -> float:
        """Seconds the name stays locked (0 when it may try)."""
        with self._lock:
            return max(0.0, self._locked_until.get(name, 0.0) - self.clock())

    def failed(self, name: str) -> bool:
        """Count a failure; True when it locks the name."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._failures.get(name, []) if now - t < self.window]
            recent.append(now)
            locks = len(recent) >= self.max_failures
            if locks:
                self._locked_until[name] = now + self.lock_seconds
                recent = []
            self._failures[name] = recent
            if len(self._failures) > 10_000:  # bounded memory under a name-spraying attack
                self._failures = {
                    k: v for k, v in self._failures.items() if v and now - v[-1] < self.window
                }
                self._locked_until = {k: t for k, t in self._locked_until.items() if t > now}
        return locks

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)
            self._locked_until.pop(name, None)


THROTTLE = Throttle()
FAILURE_DELAY = 1.0  # seconds added to every failed attempt (slows guessing in one session)

_dummy_hash: str | None = None


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = HASHER.hash("no such user: dummy password")
    return _dummy_hash


class Throttles(Protocol):
    """What `authenticate` needs of a throttle: Throttle here, or the store's
    (analytics.access.lockout.StoreThrottle, which a restart does not forget)."""

    def locked_for(self, key: str) -> float: ...

    def failed(self, key: str) -> bool: ...

    def succeeded(self, key: str) -> None: ...


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    locked_seconds: float = 0.0
    new_locks: tuple[str, ...] = ()  # the throttle keys this attempt locked (to be audited)


def authenticate(
    users: Mapping[str, User],
    name: str,
    password: str,
    throttle: Throttles | None = None,
    delay: float | None = None,
    address: str | None = None,
) -> LoginResult:
    """Check a login. The same answer for an unknown name and a wrong password, after the same
    work; a locked name (or, given `address`, a locked client address) is refused unchecked.
    With an address the throttle's keys are "name:<name>" and "addr:<address>" (a typed name
    can then never stand for an address); without one, the bare name."""
    throttle = throttle or THROTTLE
    name = normalise_name(name)
    key = name[:64]  # the throttle's key: bounded, whatever is typed
    keys = [key] if address is None else ["name:" + key, "addr:" + address[:64]]
    locked = max(throttle.locked_for(k) for k in keys)
    if locked > 0:
        return LoginResult(None, locked)
    user = users.get(name)
    # a user without a password (identity provider only) costs the same work and never matches
    has_password = user is not None and bool(user.password_hash)
    ok = verify_password(user.password_hash if user and has_password else _dummy(), password)
    if ok and user is not None and has_password:
        throttle.succeeded(keys[0])  # the address keeps its count: one good account or not
        return LoginResult(user)
    new_locks = tuple(k for k in keys if throttle.failed(k))
    time.sleep(FAILURE_DELAY if delay is None else delay)
    return LoginResult(None, max(throttle.locked_for(k) for k in keys), new_locks)


# --- the command line ------------------------------------------------------------------------

TEXTS: dict[str, tuple[str, str]] = {
    "bad_name": (
        "Nama pengguna tidak sah: huruf kecil, angka, titik, @, - atau _, paling banyak 64.",
        "Invalid user name: lower-case letters, digits, dot, @, - or _, at most 64.",
    ),
    "bad_role": ("Peran harus salah satu dari: {roles}.", "The role must be one of: {roles}."),
    "planner_needs_scope": (
        "Perencana memerlukan paling sedikit satu --agency atau --instansi.",
        "A planner needs at least one --agency or --instansi.",
    ),
    "scope_only_planner": (
        "--agency dan --instansi hanya untuk peran perencana.",
        "--agency and --instansi apply to the perencana role only.",
    ),
    "short_password": (
        "Kata sandi terlalu pendek (paling sedikit {n} karakter).",
        "Password too short (at least {n} characters).",
    ),
    "mismatch": ("Kata sandi tidak sama.", "The passwords differ."),
    "no_password": ("Tidak ada kata sandi di stdin.", "No password on standard input."),
    "prompt": ("Kata sandi untuk {name}: ", "Password for {name}: "),
    "prompt_again": ("Ulangi kata sandi: ", "Repeat the password: "),
    "added": (
        "Pengguna {name} ({role}) ditambahkan di {path}.",
        "User {name} ({role}) added in {path}.",
    ),
    "replaced": (
        "Pengguna {name} ({role}) diperbarui di {path}.",
        "User {name} ({role}) updated in {path}.",
    ),
    "scope": ("Cakupan: {scope}", "Scope: {scope}"),
    "identity": ("Masuk lewat SSO sebagai: {identity}", "Signs in through SSO as: {identity}"),
    "bad_email": ("Email tidak sah: {email}", "Invalid email: {email}"),
    "bad_subject": (
        "--oidc-subject tidak sah (teks tercetak, paling banyak {max} karakter).",
        "Invalid --oidc-subject (printable text, at most {max} characters).",
    ),
    "email_taken": (
        "Email {email} sudah dipakai pengguna lain.",
        "Email {email} already belongs to another user.",
    ),
    "subject_taken": (
        "--oidc-subject itu sudah dipakai pengguna lain.",
        "That --oidc-subject already belongs to another user.",
    ),
    "sso_needs_identity": (
        "--sso-only memerlukan --email atau --oidc-subject.",
        "--sso-only needs --email or --oidc-subject.",
    ),
    "removed": ("Pengguna {name} dihapus.", "User {name} removed."),
    "unknown": ("Pengguna {name} tidak ada di {path}.", "No user {name} in {path}."),
    "none": (
        "Belum ada pengguna ({path}). Tambahkan: python -m analytics user add NAMA --role admin",
        "No users yet ({path}). Add one: python -m analytics user add NAME --role admin",
    ),
    "bad_file": (
        "Berkas pengguna {path} tidak sah: {error}",
        "Users file {path} is invalid: {error}",
    ),
    "all": ("semua", "all"),
}


def text(key: str, lang: str, **values: Any) -> str:
    s = TEXTS[key][1 if lang == "en" else 0]
    return s.format(**values) if values else s


def describe_identity(user: User) -> str:
    """The identity-provider names of a user, for `user list` and `user add` ("" when none)."""
    return ", ".join(x for x in (user.email, user.oidc_subject and f"sub={user.oidc_subject}") if x)


def describe_scope(user: User, lang: str) -> str:
    if user.role != "perencana" or user.unrestricted:
        return text("all", lang)
    parts = [*(user.agencies or ()), *(user.instansi or ())]
    return ", ".join(parts) or "–"


def _read_password(name: str, from_stdin: bool, lang: str, stdin: TextIO) -> str:
    if from_stdin:
        line = stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise ValueError("no_password")
        return password
    first = getpass.getpass(text("prompt", lang, name=name))
    if first != getpass.getpass(text("prompt_again", lang)):
        raise ValueError("mismatch")
    return first


def cli_user(args: Any, path: Path, out: TextIO, err: TextIO, stdin: TextIO | None = None) -> int:
    """`python -m analytics user add|remove|list`: 0 done, 1 nothing to remove, 2 bad input."""
    lang = getattr(args, "lang", "id")
    try:
        if args.action == "list":
            users = load_users(path)
            if not users:
                print(text("none", lang, path=path), file=out)
                return 0
            for u in sorted(users.values(), key=lambda u: u.name):
                sso = describe_identity(u)
                line = f"{u.name}\t{u.role}\t{describe_scope(u, lang)}"
                print(line + (f"\t{sso}" if sso else ""), file=out)
            return 0
        if args.action == "remove":
            if remove_user(path, args.name):
                print(text("removed", lang, name=normalise_name(args.name)), file=out)
                return 0
            print(text("unknown", lang, name=normalise_name(args.name), path=path), file=err)
            return 1
        name = normalise_name(args.name)
        agencies, instansi = tuple(args.agency), tuple(args.instansi)
        email = normalise_email(getattr(args, "email", None) or "")
        subject = (getattr(args, "oidc_subject", None) or "").strip()
        sso_only = bool(getattr(args, "sso_only", False))
        problem = check_new_user(name, args.role, agencies, instansi) or _identity_problem(
            email, subject
        )
        if problem:
            raise ValueError(problem)
        if sso_only and not (email or subject):
            raise ValueError("sso_needs_identity")
        password = (
            None
            if sso_only
            else _read_password(name, args.password_stdin, lang, stdin or sys.stdin)
        )
        user, replaced = add_user(
            path, name, args.role, password, agencies, instansi, email=email, oidc_subject=subject
        )
    except UsersFileError as e:
        print(text("bad_file", lang, path=path, error=e), file=err)
        return 2
    except ValueError as e:
        key = str(e)
        if key not in TEXTS:
            raise
        values = dict(roles=", ".join(ROLES), n=MIN_PASSWORD, max=SUBJECT_MAX)
        values["email"] = normalise_email(getattr(args, "email", None) or "")
        print(text(key, lang, **values), file=err)
        return 2
    print(
        text("replaced" if replaced else "added", lang, name=user.name, role=user.role, path=path),
        file=out,
    )
    print(text("scope", lang, scope=describe_scope(user, lang)), file=out)
    if describe_identity(user):
        print(text("identity", lang, identity=describe_identity(user)), file=out)
    return 0
