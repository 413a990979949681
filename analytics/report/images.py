"""PNG images of Plotly figures, rendered by kaleido in the system Chromium: one browser per
report (or per caller that keeps a ChartRenderer open), never a downloaded one.

Why not kaleido's global sync server (kaleido.start_sync_server)? It is one server per process
whose callers share a single result queue: two dashboard sessions exporting at the same moment
could receive each other's images. A ChartRenderer owns its own kaleido browser on a private
event-loop thread, so any thread may call `png` and gets its own result. The browser starts in
the background as soon as the renderer is created: a report gathers its figures meanwhile
(starting Chromium and loading plotly.js takes a few seconds on a 2-core machine).

The browser is the Debian package's (/usr/bin/chromium), or the one named by ASN_CHROMIUM (as
the browser tests use) or BROWSER_PATH (choreographer's own variable).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import Any

import plotly.graph_objects as go

DEFAULT_CHROMIUM = "/usr/bin/chromium"
RENDER_TIMEOUT_S = 90.0


class RenderError(RuntimeError):
    """No browser to render charts with, or a render failed."""


def chromium_path() -> str:
    """The browser kaleido drives: $ASN_CHROMIUM, else $BROWSER_PATH, else Debian's."""
    path = os.environ.get("ASN_CHROMIUM") or os.environ.get("BROWSER_PATH") or DEFAULT_CHROMIUM
    if not Path(path).is_file():
        raise RenderError(
            f"Chromium not found at {path}: install Debian's `chromium` package or set "
            "ASN_CHROMIUM to a Chromium executable (charts are never rendered by a downloaded "
            "browser)."
        )
    return path


class ChartRenderer:
    """One headless Chromium for many images. Use as a context manager, or call close()."""

    def __init__(self, browser: str | None = None) -> None:
        self._path = browser or chromium_path()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="report-charts", daemon=True
        )
        self._thread.start()
        # Open the browser now, in the background; png() waits for it.
        self._kaleido: Future[Any] = asyncio.run_coroutine_threadsafe(self._open(), self._loop)
        self._closed = False

    async def _open(self) -> Any:
        import kaleido  # imported here: only reports that draw images pay for it

        # mathjax=False: no CDN request (the server has no internet); plotly.js comes from
        # the installed plotly package.
        k = kaleido.Kaleido(path=self._path, mathjax=False, timeout=RENDER_TIMEOUT_S)
        await k.open()
        return k

    def _browser(self) -> Any:
        try:
            return self._kaleido.result(timeout=RENDER_TIMEOUT_S)
        except Exception as e:
            raise RenderError(f"could not start Chromium ({self._path}) for charts: {e}") from e

    def png(self, fig: go.Figure, width: int, height: int, scale: float = 2.0) -> bytes:
        """The figure as PNG bytes at width × height CSS pixels, `scale` times as many pixels."""
        return self.pngs([(fig, width, height)], scale)[0]

    def pngs(
        self, figures: Sequence[tuple[go.Figure, int, int]], scale: float = 2.0
    ) -> list[bytes]:
        """Several figures in one call, in order (the browser renders them one after another)."""
        if self._closed:
            raise RenderError("the chart renderer is closed")
        k = self._browser()

        async def render() -> list[bytes]:
            out = []
            for fig, width, height in figures:
                opts = {"format": "png", "width": width, "height": height, "scale": scale}
                out.append(await k.calc_fig(fig, opts=opts))
            return out

        future = asyncio.run_coroutine_threadsafe(render(), self._loop)
        try:
            return future.result(timeout=RENDER_TIMEOUT_S * max(1, len(figures)))
        except Exception as e:
            raise RenderError(f"chart rendering failed: {e}") from e

    def close(self) -> None:
        """Close the browser and stop the loop thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        try:
            k = self._kaleido.result(timeout=RENDER_TIMEOUT_S)
        except Exception:
            k = None  # never opened: nothing to close
        if k is not None:
            asyncio.run_coroutine_threadsafe(k.close(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
