"""Overblik, the front page, in a real browser on a freshly started server."""

import re

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app

CLUSTERS = ("Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen")


def test_front_page_renders_the_grid_clusters_and_tracks(demo_server, page):
    page.goto(demo_server.url)
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    for cluster in CLUSTERS:
        assert main.get_by_text(cluster, exact=True).count() >= 1
    # The headline: the region's combined verdict and the count behind it, and the key
    # messages in words, led by the track that deteriorates in every cluster.
    assert main.get_by_text("40 af 55 succeskriterier er ikke i forværring").first.is_visible()
    assert main.get_by_text(
        "Angst/psykisk sårbarhed: forværring i 5 af 5 klynger", exact=False
    ).first.is_visible()
    assert page.get_by_role("tab", name="KOL/rygning").is_visible()
    assert main.get_by_text("Eksempeldata", exact=False).first.is_visible()
    screenshot(page, "overblik")
    assert not page.errors


def test_a_cell_leads_to_the_cluster_on_that_track(demo_server, page):
    page.goto(demo_server.url)
    wait_for_app(page)
    cell = page.locator("a[href*='klynge'][href*='cluster=VEST'][href*='track=DIA']")
    assert cell.count() == 1
    cell.click()
    page.wait_for_url(re.compile(r"/klynge\?.*cluster=VEST"))
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    assert "track=DIA" in page.url
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="Vestklyngen").is_visible()
    assert main.get_by_role("heading", name="Diabetes/overvægt").is_visible()
    assert main.get_by_role("heading", name="KOL/rygning").count() == 0
    assert not page.errors


def test_front_page_in_english_as_of_a_year(demo_server, page):
    page.goto(f"{demo_server.url}/?lang=en&as_of=2022")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_text("Data as of 2022").is_visible()
    counts = re.compile(r"\d+ of \d+ success criteria (are|have|show|cannot)")
    assert main.get_by_text(counts).first.is_visible()
    assert page.get_by_role("tab", name="COPD/smoking").is_visible()
    screenshot(page, "overblik-en-2022")
    assert not page.errors


def test_at_400_px_every_card_names_its_track(demo_server, browser):
    """On a phone the grid becomes cards: each names its track (the column head is gone)."""
    context = browser.new_context(viewport={"width": 400, "height": 900}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(demo_server.url)
        wait_for_app(page)
        assert_no_exception(page, demo_server)
        cells = page.locator(".ov-cell")
        assert cells.count() >= len(CLUSTERS) * 4
        names = [
            cells.nth(i).locator(".ov-cell-track").inner_text().strip()
            for i in range(cells.count())
        ]
        assert all(names), names
        assert {"Social ulighed", "KOL/rygning", "Alle spor"} <= set(names)
        for i in range(cells.count()):
            assert cells.nth(i).locator(".ov-cell-track").is_visible()
        screenshot(page, "overblik-400")
    finally:
        context.close()
