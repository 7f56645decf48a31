"""Klynge in a real browser: choosing a cluster updates the URL, a deep link restores the view;
a large cluster draws its goals first and a goal's charts when its details are opened."""

import re

import pytest

from goals import store
from tests.browser.conftest import (
    assert_no_exception,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)


def test_cluster_page_loads_and_is_screenshotted(demo_server, page):
    page.goto(f"{demo_server.url}/klynge?cluster=VEST")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="Vestklyngen").is_visible()
    assert main.get_by_text("Styregruppen vurderer", exact=False).first.is_visible()
    assert page.locator(".js-plotly-plot").count() >= 2
    # The module's server is fresh, so this deep link ran pages/klynge.py outside app.py's
    # navigation: the sidebar still offers the real navigation, never the raw file names.
    sidebar = page.locator("[data-testid='stSidebar']")
    for label in ("Overblik", "Klynge", "Mål", "Indikatorer", "Indlæs statusark"):
        assert sidebar.get_by_role("link", name=label).first.is_visible(), label
    assert not sidebar.get_by_text("indlaes", exact=True).is_visible()
    screenshot(page, "klynge")
    sidebar.get_by_role("link", name="Mål").first.click()
    page.wait_for_url(re.compile(r"/maal"))
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    sidebar.get_by_role("link", name="Overblik").first.click()
    wait_for_app(page)
    assert page.locator("[data-testid='stMain']").get_by_text("succeskriterier").first.is_visible()
    assert not page.errors


def test_choosing_a_cluster_updates_the_url(demo_server, page):
    page.goto(f"{demo_server.url}/klynge")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("combobox", name="Klynge").click()
    page.get_by_role("option", name="Randersklyngen").click()
    page.wait_for_url(re.compile(r"cluster=RANDERS"))
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    assert main.get_by_role("heading", name="Randersklyngen").is_visible()
    assert not page.errors


def test_a_deep_link_restores_the_view(demo_server, page):
    page.goto(f"{demo_server.url}/klynge?cluster=VEST&track=DIA&lang=en")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="West cluster").is_visible()
    assert main.get_by_role("heading", name="Diabetes/obesity").is_visible()
    assert main.get_by_role("heading", name="COPD/smoking").count() == 0
    assert main.get_by_role("combobox", name="Cluster").input_value() == "West cluster"
    assert main.get_by_role("combobox", name="Track").input_value() == "Diabetes/obesity"
    assert "cluster=VEST" in page.url and "track=DIA" in page.url and "lang=en" in page.url
    screenshot(page, "klynge-vest-dia-en")
    assert not page.errors


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    """A freshly started server on the benchmark store (60 criteria: more than drawn at once)."""
    from benchmarks.store_gen import build_benchmark_store

    tmp = tmp_path_factory.mktemp("large")
    url = f"sqlite:///{tmp / 'bench.db'}"
    build_benchmark_store(url, scale=1)
    store.dispose_engines()
    server = start_server(url, tmp)
    yield server
    stop_server(server)


def test_a_large_cluster_draws_its_goals_first_and_a_goals_charts_when_opened(large_server, page):
    page.goto(f"{large_server.url}/klynge?cluster=AARHUS&lang=en")
    wait_for_app(page)
    assert_no_exception(page, large_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="Aarhus cluster").is_visible()
    assert main.get_by_text("show when you open them", exact=False).is_visible()
    assert main.locator(".cl-goal-title").count() == 12  # every goal with its verdicts
    assert page.locator(".js-plotly-plot").count() == 0  # and no chart drawn yet
    details = main.get_by_text("5 success criteria with charts, figures and initiatives")
    assert details.count() == 12
    details.first.click()
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert_no_exception(page, large_server)
    assert page.locator(".js-plotly-plot").count() >= 4  # the opened goal's charts only
    assert page.locator("svg.goals-sparkline").count() >= 4
    assert main.get_by_role("link", name="The goal in every cluster").is_visible()
    screenshot(page, "klynge-large-opened-en")
    assert not page.errors
