"""Real-browser tests: a freshly started Streamlit server and Debian's Chromium via Playwright.

Skipped where /usr/bin/chromium is missing (CI installs it). Screenshots go to
test-artifacts/screenshots/, which CI keeps.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("GOALS_TEST_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url: str, process: subprocess.Popen, log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def start_server(database_url: str, tmp: Path, *, poll: float = 0.3) -> Server:
    """Start `streamlit run app.py` on a free port and wait until it is healthy (asking every
    `poll` seconds)."""
    port = _free_port()
    log = tmp / f"streamlit-{port}.log"
    env = {**os.environ, "GOALS_DATABASE_URL": database_url}
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(poll)
    process.terminate()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo_server(demo_template, tmp_path_factory) -> Iterator[Server]:
    """A freshly started server on a copy of the demo store."""
    tmp = tmp_path_factory.mktemp("server")
    copy = tmp / "demo.db"
    shutil.copy(demo_template["sqlite"], copy)
    server = start_server(f"sqlite:///{copy}", tmp)
    yield server
    stop_server(server)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no sleeping)."""
    page.wait_for_selector(
        "[data-test-script-state='notRunning']", state="attached", timeout=timeout
    )
    page.wait_for_selector("[data-testid='stMain']", timeout=timeout)
    # one more settle: the script may rerun after query parameters change
    page.wait_for_timeout(300)
    page.wait_for_selector(
        "[data-test-script-state='notRunning']", state="attached", timeout=timeout
    )


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_no_exception(page, server: Server | None = None) -> None:
    boxes = page.locator("[data-testid='stException']")
    if boxes.count():
        detail = boxes.first.inner_text()
        log = server.output()[-3000:] if server else ""
        raise AssertionError(f"exception box on the page: {detail}\n--- server log ---\n{log}")
