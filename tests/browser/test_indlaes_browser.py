"""Uploading status workbooks in a real browser: preview, errors with cells, confirm, rollback."""

import re

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
    screenshot(page, "upload-preview")
    confirm.click()
    main.get_by_text(re.compile("^Indlæst")).wait_for(timeout=60_000)
    wait_for_app(page)
    screenshot(page, "upload-applied")
    # the newest upload is chosen in the history; roll it back
    rollback = main.get_by_role("button", name=re.compile(r"Ja, rul nr\. \d+ tilbage"))
    rollback.wait_for()
    rollback.click()
    main.get_by_text(re.compile(r"rullet tilbage", re.IGNORECASE)).first.wait_for(timeout=60_000)
    assert_no_exception(page, demo_server)
    assert not page.errors
