"""Uploading status workbooks in a real browser: preview, errors with cells, confirm, rollback."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_app
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def open_upload_page(page, server):
    page.goto(f"{server.url}/indlaes")
    wait_for_app(page)
    assert_no_exception(page, server)


def choose_file(page, path):
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.get_by_text("3. Tjek og bekræft").wait_for(timeout=60_000)
    wait_for_app(page)


def test_bad_workbook_shows_every_error_with_its_cell(demo_server, page):
    open_upload_page(page, demo_server)
    choose_file(page, FIXTURES / "workbooks" / "unknown_names.xlsx")
    main = page.locator("[data-testid='stMain']")
    main.get_by_text(re.compile(r"\d+ fejl skal rettes")).wait_for()
    assert main.get_by_role("button", name="Bekræft og indlæs").count() == 0
    assert main.get_by_text("Hent din fil med fejlene markeret").count() == 1
    screenshot(page, "upload-errors")
    assert_no_exception(page, demo_server)


def test_good_workbook_preview_confirm_and_roll_back(demo_server, page):
    open_upload_page(page, demo_server)
    choose_file(page, FIXTURES / "statusark_voksne_2022.xlsx")
    main = page.locator("[data-testid='stMain']")
    confirm = main.get_by_role("button", name="Bekræft og indlæs")
    confirm.wait_for()
    # every changed field as before → now, in a table whose text wraps (no sideways scrolling)
    changes = main.locator(".mb-changes table")
    changes.wait_for()
    assert changes.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")
    screenshot(page, "upload-preview")
    confirm.click()
    main.get_by_text(re.compile("^Indlæst")).wait_for(timeout=60_000)
    wait_for_app(page)
    # after confirming, the page no longer says that nothing is saved yet
    assert main.get_by_text(re.compile("intet er gemt endnu")).count() == 0
    assert main.get_by_role("button", name="Bekræft og indlæs").count() == 0
    screenshot(page, "upload-applied")
    # rolling back takes two steps; the second names file, steering group and uploader
    ask = main.get_by_role("button", name=re.compile(r"Rul nr\. \d+ tilbage …"))
    ask.wait_for()
    number = re.search(r"\d+", ask.inner_text()).group(0)
    assert main.get_by_role("button", name=re.compile(r"Ja, rul nr\.")).count() == 0
    ask.click()
    rollback = main.get_by_role("button", name=f"Ja, rul nr. {number} tilbage")
    rollback.wait_for()
    box = main.get_by_text(f"Rul indlæsning nr. {number} tilbage?")
    assert box.count() == 1
    assert main.get_by_text("statusark_voksne_2022.xlsx").count() >= 1
    screenshot(page, "upload-rollback-confirm")
    assert main.get_by_text(re.compile("Styregruppe: Styregruppen for den voksne borger")).count()
    assert main.get_by_text(re.compile(r"værdier trækkes tilbage")).count() == 1
    screenshot(page, "upload-rollback-confirm")
    rollback.click()
    main.get_by_text(re.compile(r"er rullet tilbage", re.IGNORECASE)).first.wait_for(timeout=60_000)
    wait_for_app(page)
    # the history shows the new state at once, without a reload
    history = main.locator("[data-testid='stDataFrame']").last
    history.get_by_text("Rullet tilbage").first.wait_for(state="attached", timeout=30_000)
    assert_no_exception(page, demo_server)
    assert not page.errors


def _tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JavaScript `predicate(el)`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_the_upload_flow_works_with_the_keyboard_alone(demo_server, page):
    """Choose the file, check the preview and confirm without a mouse (WCAG 2.1.1)."""
    open_upload_page(page, demo_server)
    page.get_by_text("Vælg fil").wait_for()  # the field's texts are set in the page
    chooser = None
    for _ in range(3):  # a rerun of the page may take the focus away: tab to the field again
        page.locator("body").focus()
        _tab_to(page, "el.tagName === 'BUTTON' && el.innerText.includes('Vælg fil')")
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Enter")
            break
        except PlaywrightTimeout:
            wait_for_app(page)
            chooser = None
    assert chooser is not None, "Enter on 'Vælg fil' never opened the file chooser"
    chooser.value.set_files(str(FIXTURES / "statusark_voksne_2022.xlsx"))
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("button", name="Bekræft og indlæs").wait_for(timeout=60_000)
    wait_for_app(page)
    _tab_to(page, "el.tagName === 'BUTTON' && el.innerText.includes('Bekræft og indlæs')")
    page.keyboard.press("Enter")
    main.get_by_text(re.compile("^Indlæst")).wait_for(timeout=60_000)
    assert_no_exception(page, demo_server)
    assert not page.errors
