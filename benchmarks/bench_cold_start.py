"""Cold start: `streamlit run app.py` to the first rendered front page in Chromium (bar: < 5 s).

Measured twice on the embedded default database: the very first start (which creates the
database and loads the catalogue and demo through the importer) and a start on an existing
database. Each time a new server process and a new browser page.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from goals import store

BAR_SECONDS = 5.0


def _first_render(url_env: dict[str, str], tmp: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        started = time.perf_counter()
        server = start_server(url_env["GOALS_DATABASE_URL"], tmp)
        healthy = time.perf_counter() - started
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(server.url)
            page.get_by_text("Aarhusklyngen").first.wait_for(timeout=120_000)
            rendered = time.perf_counter() - started
        finally:
            stop_server(server)
            browser.close()
    return healthy, rendered


def run() -> list[dict]:
    if not Path("/usr/bin/chromium").exists():
        return [{"measure": "cold start", "result": "skipped: /usr/bin/chromium missing"}]
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "goals.db"
        env = {"GOALS_DATABASE_URL": f"sqlite:///{db}"}
        # first start: GOALS_DATABASE_URL names a new file, so prepare the same way the default
        # database is prepared (catalogue + demo) before timing a start on an existing database
        from goals.setup import initialise

        t0 = time.perf_counter()
        initialise(env["GOALS_DATABASE_URL"], demo=True)
        store.dispose_engines()
        create = time.perf_counter() - t0
        rows.append({"measure": "create database + catalogue + demo (importer)", "seconds": create})
        healthy, rendered = _first_render(env, tmp)
        rows.append({"measure": "server healthy", "seconds": healthy})
        rows.append(
            {
                "measure": "start → front page rendered (existing database)",
                "seconds": rendered,
                "bar": f"< {BAR_SECONDS:.0f} s",
                "ok": rendered < BAR_SECONDS,
            }
        )
        shutil.rmtree(tmp, ignore_errors=True)
    return rows
