"""Numbers set by environment variables (ASN_SESSION_HOURS, ASN_AUDIT_YEARS, ...)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

N = TypeVar("N", int, float)


def env_number(name: str, default: N, valid: Callable[[N], bool], kind: type[N]) -> N:
    """The variable `name` read as `kind` when set and `valid`, else `default` (a typo or an
    out-of-range value falls back, it never stops the dashboard)."""
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        return default
    return value if valid(value) else default
