"""The sidebar's navigation in a real browser: the chosen language stays as chosen from page
to page, and the menu's section names pass WCAG AA contrast."""

import re

from tests.browser.conftest import assert_no_exception, wait_for_app


def test_english_sticks_across_the_sidebar(demo_server, page):
    page.goto(f"{demo_server.url}/?lang=en")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    sidebar = page.locator("[data-testid='stSidebar']")
    header = sidebar.get_by_text("Follow up", exact=True)
    assert header.is_visible()
    colour = header.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(74, 74, 72)"  # #4A4A48 on the sidebar: 7.9 : 1 (Streamlit's: 3.8 : 1)
    for label, path, heading in (
        ("Work plan", "arbejdsplan", "Work plan"),
        ("Cluster profile", "klyngeprofil", "Cluster profile"),
        ("Overview", "(overblik)?", None),  # the start page's address is /
    ):
        sidebar.get_by_role("link", name=label).first.click()
        page.wait_for_url(re.compile(rf"/{path}($|\?)"))
        wait_for_app(page)
        assert_no_exception(page, demo_server)
        if heading:
            main = page.locator("[data-testid='stMain']")
            assert main.get_by_role("heading", name=heading, exact=True).is_visible()
    danish = page.locator("[data-testid='stSidebar']").get_by_text("Følg op", exact=True)
    assert danish.count() == 0
    assert not page.errors
