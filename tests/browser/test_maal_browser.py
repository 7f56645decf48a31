"""The Mål page in a real browser on a freshly started server."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_goal_page_renders_every_criterion_without_an_exception(demo_server, page):
    page.goto(f"{demo_server.url}/maal")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_text("Færre rygere blandt borgere med kort uddannelse").first.is_visible()
    assert main.get_by_text("Samlet vurdering af målet i hver klynge").is_visible()
    page.wait_for_selector(".js-plotly-plot")
    assert main.locator(".js-plotly-plot").count() == 7  # 3 criteria × 2 and the inequality view
    screenshot(page, "maal")
    # the first criterion as a director sees it on a shared screen
    main.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(page, "maal-kriterium")
    assert not page.errors


def test_choosing_a_goal_and_a_cluster_updates_the_url(demo_server, page):
    page.goto(f"{demo_server.url}/maal")
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("combobox").nth(0).click()
    page.get_by_role("option", name="Diabetes/overvægt · Færre borgere med svær overvægt").click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('goal=DIA-2')")
    assert query(page)["goal"] == ["DIA-2"]
    main.get_by_role("combobox").nth(1).click()
    page.get_by_role("option", name="Vestklyngen").click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('cluster=VEST')")
    assert query(page)["cluster"] == ["VEST"]
    assert_no_exception(page, demo_server)
    assert main.get_by_text("Svær overvægt, BMI ≥ 30 · Vestklyngen").count() >= 1  # inequality
    screenshot(page, "maal-klynge")
    main.locator(".js-plotly-plot").last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(page, "maal-ulighed")
    assert not page.errors


def test_deep_link_restores_goal_cluster_and_language(demo_server, page):
    page.goto(f"{demo_server.url}/maal?goal=DIA-2&cluster=VEST&lang=en")
    wait_for_app(page)
    assert_no_exception(page, demo_server)
    main = page.locator("[data-testid='stMain']")
    assert main.get_by_role("heading", name="Fewer citizens with obesity").first.is_visible()
    combos = main.get_by_role("combobox")
    assert (
        "Fewer citizens with obesity" in combos.nth(0).input_value()
        or main.get_by_text("Diabetes/obesity · Fewer citizens with obesity").first.is_visible()
    )
    assert main.get_by_text("West cluster", exact=True).count() >= 1
    assert main.get_by_text("Why this status?").count() == 2
    screenshot(page, "maal-deeplink-en")
    assert not page.errors


def test_at_400_px_the_charts_fit_or_scroll_in_a_named_region(demo_server, browser):
    """On a phone the criterion chart keeps its plot's width (legend and target label under
    it); the gap before and after, drawn for a projector, scrolls sideways in a region the
    keyboard reaches, instead of being cut off."""
    context = browser.new_context(viewport={"width": 400, "height": 900}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/maal?goal=KOL-1&cluster=MIDT")
        wait_for_app(page)
        assert_no_exception(page, demo_server)
        page.wait_for_function(
            "() => document.querySelector('[class*=\"st-key-wide-chart\"]')"
            "?.getAttribute('tabindex') === '0'",
            timeout=30_000,
        )
        box = page.locator("[class*='st-key-wide-chart']").first
        assert box.evaluate("b => b.scrollWidth > b.clientWidth + 100")
        assert box.get_attribute("role") == "region"
        assert box.get_attribute("aria-label") == "Grafen – rul sidelæns for at se det hele"
        plot = page.locator("[class*='st-key-criterion-'] .js-plotly-plot").first
        assert plot.bounding_box()["width"] <= 400
        legend = plot.locator(".legend").bounding_box()
        area = plot.locator(".nsewdrag").first.bounding_box()
        assert legend["y"] >= area["y"] + area["height"]  # the legend under the plot
        assert area["width"] >= 0.6 * plot.bounding_box()["width"]  # the plot keeps its width
        screenshot(page, "maal-400")
    finally:
        context.close()
