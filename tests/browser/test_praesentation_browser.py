"""The Præsentation page in a real browser at 1920×1080: arrow keys move through the slides,
the counter and the URL follow, present mode hides the sidebar; screenshots are kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app


@pytest.fixture
def big_page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def _counter(page) -> str:
    return page.locator("[data-testid='deck-counter']").inner_text().strip()


_USED = """() => {
  const slide = document.querySelector('[class*="st-key-present-slide"]');
  const top = slide.getBoundingClientRect().top;
  let bottom = top;
  for (const e of slide.querySelectorAll('.deck-title, .deck-subtitle, .deck-body, .js-plotly-plot')) {
    const box = e.getBoundingClientRect();
    if (box.height > 0) bottom = Math.max(bottom, box.bottom);
  }
  return (bottom - top) / (slide.querySelector('.deck-footer').getBoundingClientRect().top - top);
}"""


def _wait_for_counter(page, text: str) -> None:
    page.wait_for_function(
        "text => document.querySelector(\"[data-testid='deck-counter']\")?.innerText.trim() === text",
        arg=text,
        timeout=60_000,
    )
    wait_for_app(page)


def test_arrow_keys_walk_through_the_slides(demo_server, big_page):
    page = big_page
    page.goto(f"{demo_server.url}/praesentation?track=KOL&mode=present")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='deck-counter']", timeout=60_000)
    assert_no_exception(page, demo_server)
    total = int(_counter(page).split("/")[1])
    assert _counter(page) == f"1 / {total}"
    # present mode: no sidebar, a big title
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    screenshot(page, "praesentation-1-title")

    seen = []
    for number in (2, 3, 4, 5, 6):
        page.locator("body").press("ArrowRight")
        _wait_for_counter(page, f"{number} / {total}")
        assert re.search(rf"[?&]slide={number}\b", page.url), page.url
        assert_no_exception(page, demo_server)
        title = page.locator(".deck-title").first
        assert title.is_visible()
        size = float(title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 40, f"slide title is {size}px"
        seen.append(title.inner_text())
        # the content fills the slide down to its footer (key messages and tables grow to it)
        page.wait_for_timeout(300)
        used = page.evaluate(_USED)
        assert used >= 0.85, f"slide {number} uses {used:.0%} of its height"
        screenshot(page, f"praesentation-{number}")
    assert seen[0] == "Hovedbudskaber" and len(set(seen)) >= 3, seen
    # slide 6 of the KOL track (after the key messages and the overviews) is a chart; it is
    # drawn by plotly in the slide frame
    assert page.locator("[class*='st-key-present-slide'] .js-plotly-plot").count() == 1
    frame = page.locator("[class*='st-key-present-slide']").bounding_box()
    assert frame["height"] <= 1080 and frame["width"] / frame["height"] == pytest.approx(
        16 / 9, rel=0.03
    )
    # the slide fills the projector: at least 90 % of 1920×1080, wholly on the screen
    assert frame["width"] * frame["height"] >= 0.9 * 1920 * 1080, frame
    assert frame["x"] >= 0 and frame["y"] >= 0
    assert frame["x"] + frame["width"] <= 1920 and frame["y"] + frame["height"] <= 1080
    # lines a projector shows
    widths = page.locator("[class*='st-key-present-slide'] .js-plotly-plot path.js-line")
    assert widths.count() and all(
        float(w.evaluate("e => parseFloat(getComputedStyle(e).strokeWidth)")) >= 4
        for w in widths.all()
    )
    # the controls float over the slide, hidden until the mouse moves
    controls = page.locator("[class*='st-key-present-controls']")
    page.wait_for_timeout(2800)
    assert float(controls.evaluate("e => getComputedStyle(e).opacity")) == 0
    page.mouse.move(900, 500)
    page.mouse.move(960, 540)
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector(\"[class*='st-key-present-controls']\"))"
        ".opacity === '1'",
        timeout=5_000,
    )

    page.locator("body").press("ArrowLeft")
    _wait_for_counter(page, f"5 / {total}")
    assert "slide=5" in page.url
    assert not page.errors, page.errors


def test_leaving_present_mode_shows_the_pickers(demo_server, big_page):
    page = big_page
    page.goto(f"{demo_server.url}/praesentation?cluster=AARHUS&slide=3")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='deck-counter']", timeout=60_000)
    assert _counter(page).startswith("3 / ")
    # the pickers and the download are drawn after the slide: wait for them, not only the counter
    expect(page.get_by_text("Overblik: Aarhusklyngen").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name=re.compile("PowerPoint"))).to_be_visible(timeout=30_000)
    screenshot(page, "praesentation-page-cluster")
    page.get_by_role("button", name=re.compile("Præsentationstilstand")).click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('mode=present')", timeout=30_000)
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    assert_no_exception(page, demo_server)


def test_presenting_works_with_the_keyboard_alone(demo_server, big_page):
    """Arrow keys move; Tab brings the hidden controls into view and Enter presses them."""
    page = big_page
    page.goto(f"{demo_server.url}/praesentation?track=KOL&mode=present")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='deck-counter']", timeout=60_000)
    total = int(_counter(page).split("/")[1])
    page.locator("body").press("ArrowRight")
    _wait_for_counter(page, f"2 / {total}")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement?.tagName === 'BUTTON'"
            " && document.activeElement.innerText.includes('Næste')"
        ):
            break
    else:
        raise AssertionError("Tab never reached the Næste button")
    page.wait_for_function(  # shown while a control has the focus (after a .25 s fade)
        "() => getComputedStyle(document.querySelector(\"[class*='st-key-present-controls']\"))"
        ".opacity === '1'",
        timeout=5_000,
    )
    page.keyboard.press("Enter")
    _wait_for_counter(page, f"3 / {total}")
    assert not page.errors, page.errors
