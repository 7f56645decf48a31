"""Arbejdsplan and Økonomi in a real browser: choosing a cluster updates the URL and draws its
time lines with what is overdue in words; the secretariat enters a pool's year on Økonomi and
sees it in the table; the profile's slides download from Klyngeprofil."""

import re
import shutil

import pytest

from goals import store
from goals.plans import pools
from tests.browser.conftest import (
    assert_no_exception,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)


@pytest.fixture(scope="module")
def plan_server(demo_template, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plan-server")
    copy = tmp / "store.db"
    shutil.copy(demo_template["sqlite"], copy)
    server = start_server(f"sqlite:///{copy}", tmp)
    server.engine_url = f"sqlite:///{copy}"
    yield server
    stop_server(server)


def test_choosing_a_cluster_draws_its_work_plan(plan_server, page):
    page.goto(f"{plan_server.url}/arbejdsplan")
    wait_for_app(page)
    assert_no_exception(page, plan_server)
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("combobox", name="Klynge").click()
    page.get_by_role("option", name="Midtklyngen").click()
    page.wait_for_url(re.compile(r"cluster=MIDT"))
    wait_for_app(page)
    assert_no_exception(page, plan_server)
    assert main.get_by_role("heading", name=re.compile(r"^KOL-1 · ")).is_visible()
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".js-plotly-plot").count() >= 4  # a time line per goal
    # the overdue initiative is named in words on its time line, not by colour alone
    assert page.locator(".js-plotly-plot .annotation-text", has_text="Overskredet").count() >= 1
    screenshot(page, "arbejdsplan-midt")
    assert not page.errors


def test_the_secretariat_enters_a_pool_year(plan_server, page):
    page.goto(f"{plan_server.url}/oekonomi?by=track")
    wait_for_app(page)
    assert_no_exception(page, plan_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_text("Beredskabspuljen", exact=False).first.is_visible()
    main.get_by_text("Indtast bevilling og forbrug for et år").click()
    year = main.get_by_label("År")
    year.fill("2028")
    main.get_by_label("Bevilget (kr.)").fill("450.000")
    main.get_by_label("Forbrug (kr.)").fill("0")
    main.get_by_label("Forbrug (kr.)").blur()
    main.get_by_role("button", name="Gem").first.click()
    engine = store.get_engine(plan_server.engine_url)
    for _ in range(100):
        found = {y.year: y.granted for y in pools(engine=engine)[0].years}
        if 2028 in found:
            break
        page.wait_for_timeout(200)
    assert found.get(2028) == 450000.0, main.inner_text()
    main.get_by_text("Puljen er gemt.").wait_for()
    screenshot(page, "oekonomi-pulje")
    assert not page.errors


def test_the_profile_downloads_as_slides(plan_server, page):
    page.goto(f"{plan_server.url}/klyngeprofil?cluster=VEST")
    wait_for_app(page)
    assert_no_exception(page, plan_server)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent profilen som PowerPoint").click()
    assert download.value.suggested_filename == "klyngeprofil-vest.pptx"
    assert not page.errors
