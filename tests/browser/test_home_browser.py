"""The front page in a real browser on a freshly started server."""

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app


def test_front_page_renders_clusters_and_tracks(demo_server, page):
    page.goto(demo_server.url)
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    for cluster in ("Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen"):
        assert main.get_by_text(cluster, exact=True).count() >= 1
    assert page.get_by_role("tab", name="KOL/rygning").is_visible()
    assert main.get_by_text("Eksempeldata", exact=False).first.is_visible()
    screenshot(page, "home")
    assert not page.errors
