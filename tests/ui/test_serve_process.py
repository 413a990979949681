"""How ui.serve sets up the dashboard process: the malloc arenas."""

from __future__ import annotations

from ui import serve


def test_malloc_arenas_are_limited_on_glibc() -> None:
    assert serve.limit_malloc_arenas(serve.MALLOC_ARENAS)  # this is a glibc machine
    assert not serve.limit_malloc_arenas(0)  # 0: glibc's default stays
