"""Chart images on the server: PNG or SVG from plotly figures, many per browser start.

kaleido 1.x renders in a headless Chromium. Starting the browser takes seconds and a chart
a fraction of one, so `render_images` renders a whole deck in one browser, on a few tabs in
parallel. The browser is Debian's Chromium (``BROWSER_PATH``, else ``chromium`` on PATH, else
/usr/bin/chromium) – never a downloaded one – and the page it renders in loads plotly.js from
the plotly package and no MathJax, so nothing is fetched from the network.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

import plotly.graph_objects as go

from goals import config

__all__ = ["ImageExportError", "browser_path", "render_image", "render_images"]

#: At most this many charts render at the same time (one browser tab each); never more than
#: the machine has CPUs, since more tabs than CPUs only slows each tab down.
MAX_TABS = 4
DEBIAN_CHROMIUM = "/usr/bin/chromium"


class ImageExportError(RuntimeError):
    """A chart could not be rendered as an image; the message is one sentence."""


def browser_path() -> str:
    """The Chromium to render with; ImageExportError when there is none."""
    candidates = [
        config.settings().browser_path,
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        DEBIAN_CHROMIUM,
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ImageExportError(
        "Chart images need Chromium, which was not found: install Debian's 'chromium' package "
        "or set BROWSER_PATH to the browser."
    )


def _tabs(n_figures: int) -> int:
    return max(1, min(n_figures, MAX_TABS, os.cpu_count() or 1))


def _kaleido(tabs: int, path: str) -> Any:
    """One browser; tests replace this to count browser starts."""
    import kaleido

    return kaleido.Kaleido(n=tabs, path=path, mathjax=False, timeout=120)


async def _render_all(
    figures: Sequence[go.Figure], opts: list[dict[str, Any]], tabs: int, path: str
) -> list[bytes]:
    async with _kaleido(tabs, path) as browser:
        # every figure is queued at once; kaleido hands each to the next free tab
        return list(
            await asyncio.gather(
                *(browser.calc_fig(fig, opts=o) for fig, o in zip(figures, opts, strict=True))
            )
        )


def _run(coroutine: Coroutine[Any, Any, list[bytes]]) -> list[bytes]:
    """Run the coroutine to the end, also when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    # inside a running loop (e.g. a notebook): run in a thread with its own loop
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="render-images") as pool:
        return pool.submit(asyncio.run, coroutine).result()


def render_images(
    figures: Sequence[go.Figure],
    *,
    fmt: Literal["png", "svg"] = "png",
    width: int | None = 1600,
    height: int | None = 900,
    scale: float = 1,
) -> list[bytes]:
    """Every figure as PNG or SVG bytes, in order, with one browser start.

    `width`/`height` are in CSS pixels (None: the figure's own size); `scale` multiplies
    them for a sharper PNG.
    """
    if fmt not in ("png", "svg"):
        raise ValueError(f"format must be 'png' or 'svg', not {fmt!r}")
    if not figures:
        return []
    path = browser_path()
    opts = []
    for fig in figures:
        o: dict[str, Any] = {"format": fmt, "scale": scale}
        o["width"] = width or fig.layout.width or 1600
        o["height"] = height or fig.layout.height or 900
        opts.append(o)
    from choreographer.errors import ChromeNotFoundError

    try:
        images = _run(_render_all(figures, opts, _tabs(len(figures)), path))
    except ChromeNotFoundError as error:
        raise ImageExportError(
            f"Chart images need Chromium, which could not be started from {path}."
        ) from error
    except ImageExportError:
        raise
    except Exception as error:
        raise ImageExportError(
            f"A chart could not be rendered as {fmt.upper()}: {error}"
        ) from error
    return [image if isinstance(image, bytes) else str(image).encode() for image in images]


def render_image(
    fig: go.Figure,
    *,
    fmt: Literal["png", "svg"] = "png",
    width: int | None = 1600,
    height: int | None = 900,
    scale: float = 1,
) -> bytes:
    """One figure as PNG or SVG bytes (render a deck with `render_images`, not in a loop)."""
    return render_images([fig], fmt=fmt, width=width, height=height, scale=scale)[0]
