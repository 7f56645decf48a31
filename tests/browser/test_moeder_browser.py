"""The Møder page in a real browser: a frozen meeting's first screen says what moved since the
previous one, the secretariat records a decision through the form (demo mode: everyone
administers), the summary downloads as a PDF, and Overblik opened "as at the meeting" says so."""

from __future__ import annotations

import shutil
import time

import pytest

from goals import store
from goals.access import Actor
from goals.meetings import actions, create_meeting, freeze_meeting
from goals.store.model import Role
from goals.workbook import import_workbook
from tests.browser.conftest import (
    assert_no_exception,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)
from tests.unit.conftest_workbook import workbook

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)


@pytest.fixture(scope="module")
def meeting_server(demo_template, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("meeting-server")
    copy = tmp / "store.db"
    shutil.copy(demo_template["sqlite"], copy)
    url = f"sqlite:///{copy}"
    engine = store.open_store(url)
    june = create_meeting(engine=engine, actor=ADMIN, title="Juni", held_on="2026-06-18").id
    freeze_meeting(engine=engine, actor=ADMIN, meeting_id=june)
    content = workbook([["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]])
    assert (
        import_workbook(engine=engine, content=content, filename="u.xlsx", user="x").status
        == "applied"
    )
    september = create_meeting(
        engine=engine, actor=ADMIN, title="September", held_on="2026-09-10"
    ).id
    freeze_meeting(engine=engine, actor=ADMIN, meeting_id=september)
    store.dispose_engines()
    server = start_server(url, tmp)
    server.engine_url = url
    server.meetings = (june, september)
    yield server
    stop_server(server)


def test_a_meeting_end_to_end(meeting_server, page):
    june, september = meeting_server.meetings
    page.goto(f"{meeting_server.url}/moeder?meeting={september}")
    wait_for_app(page)
    assert_no_exception(page, meeting_server)
    main = page.locator("[data-testid='stMain']")
    assert "Siden sidste møde" in main.inner_text()
    assert "rettet efter mødet: 1" in main.inner_text()
    screenshot(page, "moeder-september")

    # a decision through the form (before anything else reruns the page)
    page.get_by_text("Registrér en beslutning eller handling").click()
    text = page.get_by_label("Tekst").first
    text.wait_for(state="visible", timeout=30_000)
    text.fill("Indstillingen godkendes.")
    text.press("Tab")  # a text area hands its value over when it loses focus
    wait_for_app(page)
    page.get_by_role("button", name="Gem").first.click()
    engine = store.get_engine(meeting_server.engine_url)
    deadline = time.monotonic() + 60
    while not actions(engine=engine, meeting_id=september) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    recorded = [a.text for a in actions(engine=engine, meeting_id=september)]
    main_text = page.locator("[data-testid='stMain']").inner_text()
    assert recorded == ["Indstillingen godkendes."], main_text[:1500]
    wait_for_app(page)
    page.locator("[data-testid='stAlert']").filter(has_text="Registreret.").first.wait_for(
        timeout=30_000
    )
    assert_no_exception(page, meeting_server)

    # the summary as a PDF
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # Overblik as at the June meeting
    page.goto(f"{meeting_server.url}/overblik?meeting={june}")
    wait_for_app(page)
    assert_no_exception(page, meeting_server)
    assert "som vist på mødet «Juni»" in page.locator("[data-testid='stMain']").inner_text()
    screenshot(page, "overblik-juni")
    assert not page.errors, page.errors
