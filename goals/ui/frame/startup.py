"""Server start: get the store and the front page ready before the first visitor arrives.

`streamlit run app.py` serves app.py's ``st.App``, whose lifespan calls `lifespan` here once per
server process. It starts `warm_up` in a background thread and returns at once, so the server
answers immediately while the modules the pages need are imported, the schema is checked or
upgraded (and, on a new embedded default database, the catalogue and demo are loaded), and the
front page's catalogue and status report are computed into the same Streamlit caches the pages
read (goals.ui.frame.context). A visitor who arrives meanwhile waits for that work instead of
doing it twice: Python's import lock and the caches' per-key locks see to that.

A failure here is only logged: the page that needs the store runs the same code again and shows
the error to the visitor, as it would without the warm-up.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import webbrowser
from collections.abc import AsyncIterator
from typing import Any

import streamlit as st

_log = logging.getLogger(__name__)


def warm_up() -> None:
    """Import the pages' modules and compute what the front page (Overblik) shows first."""
    # imported here: at module level they would delay the server's start instead
    from goals import i18n, runtime
    from goals.ui import catalogue_view, overview_view, status_view  # noqa: F401
    from goals.ui.frame import context, layout  # noqa: F401

    # Streamlit's emoji table (the page and navigation icons are emoji): built on first use
    with contextlib.suppress(ImportError):
        import streamlit.emojis  # noqa: F401

    runtime.tune_collector()  # before the front page's report is built
    lang = i18n.DEFAULT_LANGUAGE
    context.engine()
    context.catalogue()
    context.shows_demo_data()
    if overview_view.model(None, lang).has_values:
        context.status_report(None, lang)
        overview_view.freshness()


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception as exc:  # noqa: BLE001 - a page repeats the work and shows the error
        _log.warning("Preparing the front page at start failed, pages will retry: %s", exc)


def _open_browser() -> None:
    """What `streamlit run` does for a script without st.App: open the app on a laptop."""
    if st.get_option("server.headless"):
        return
    path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    url = f"http://localhost:{st.get_option('server.port')}/{path}"
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


@contextlib.asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """st.App lifespan: start the warm-up, then serve at once."""
    threading.Thread(target=_warm_up_logged, name="goals-warm-up", daemon=True).start()
    _open_browser()
    yield
