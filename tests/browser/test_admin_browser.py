"""The admin page in a real browser on a freshly started server.

A fresh Streamlit server runs any file in pages/ directly by URL until someone has loaded the
main page, so the very first request here is /admin itself: an anonymous visitor and a viewer
must see no admin content, an admin sees it all. Then the catalogue workbook round trip.
"""

from __future__ import annotations

import io
import shutil

import pytest
from openpyxl import load_workbook

from goals import access, store
from goals.access import Actor
from goals.catalogue import sheets as catalogue_sheets
from goals.store.model import Role
from tests.browser.conftest import (
    assert_no_exception,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)

ADMIN_PASSWORD = "sekretariatets kodeord 1"
VIEWER_PASSWORD = "direktørens kodeord 1"
ADMIN_TABS = ("Brugere", "Revisionsspor", "Katalog-regneark")


@pytest.fixture(scope="module")
def admin_server(demo_template, tmp_path_factory):
    """A fresh server on a demo store with an admin and a viewer (created before it starts)."""
    tmp = tmp_path_factory.mktemp("admin-server")
    copy = tmp / "store.db"
    shutil.copy(demo_template["sqlite"], copy)
    url = f"sqlite:///{copy}"
    engine = store.open_store(url)
    with store.write_session(engine) as session:
        system = Actor("cli:test", Role.ADMIN)
        access.add_user(
            session=session, actor=system, name="sekretariat", role="admin", password=ADMIN_PASSWORD
        )
        access.add_user(
            session=session, actor=system, name="direktør", role="viewer", password=VIEWER_PASSWORD
        )
    store.dispose_engines()
    server = start_server(url, tmp)
    server.database_url = url
    yield server
    stop_server(server)


def main(page):
    return page.locator("[data-testid='stMain']")


def admin_content_count(page) -> int:
    tabs = page.get_by_role("tab")
    return (
        sum(tabs.filter(has_text=name).count() for name in ADMIN_TABS)
        + main(page).get_by_text("Administration", exact=True).count()
    )


def log_in(page, name: str, password: str) -> None:
    form = main(page).locator("[data-testid='stForm']")
    form.get_by_label("Brugernavn").fill(name)
    form.get_by_label("Adgangskode").fill(password)
    form.get_by_role("button", name="Log ind").click()
    wait_for_app(page)


def test_admin_url_as_the_first_request_shows_no_admin_content(admin_server, page):
    # the very first request to the new server: the admin page's own URL, anonymously
    page.goto(f"{admin_server.url}/admin")
    wait_for_app(page)
    assert_no_exception(page, admin_server)
    main(page).get_by_text("Denne side kræver, at du er logget ind.").wait_for()
    assert admin_content_count(page) == 0
    assert main(page).get_by_label("Brugernavn").count() == 1  # a login prompt instead
    assert "sekretariat" not in main(page).inner_text()
    screenshot(page, "admin-anonymous")

    log_in(page, "direktør", VIEWER_PASSWORD)
    main(page).get_by_text("Kun administratorer (sekretariatet) har adgang").wait_for()
    assert admin_content_count(page) == 0
    screenshot(page, "admin-viewer")
    assert_no_exception(page, admin_server)
    assert not page.errors


def test_a_wrong_password_is_refused_and_audited(admin_server, page):
    page.goto(f"{admin_server.url}/admin")
    wait_for_app(page)
    log_in(page, "sekretariat", "forkert kodeord")
    main(page).get_by_text("Brugernavn eller adgangskode er forkert.").wait_for()
    assert admin_content_count(page) == 0
    engine = store.open_store(admin_server.database_url)
    with store.read_session(engine) as session:
        failed = [e for e in access.audit_events(session) if e.action == "login.failed"]
    store.dispose_engines()
    assert failed and failed[0].target == "sekretariat"


def test_admin_sees_the_admin_page(admin_server, page):
    page.goto(f"{admin_server.url}/admin")
    wait_for_app(page)
    log_in(page, "sekretariat", ADMIN_PASSWORD)
    for name in ADMIN_TABS:
        page.get_by_role("tab", name=name).wait_for()
    assert main(page).get_by_role("heading", name="Administration").count() == 1
    screenshot(page, "admin-goals")
    page.get_by_role("tab", name="Revisionsspor").click()
    wait_for_app(page)
    main(page).get_by_text("Mislykket login").first.wait_for(state="attached")  # grid cell
    screenshot(page, "admin-audit")
    page.get_by_role("tab", name="Brugere").click()
    wait_for_app(page)
    screenshot(page, "admin-users")
    assert_no_exception(page, admin_server)
    assert not page.errors


def test_catalogue_workbook_preview_and_apply(admin_server, page, tmp_path):
    engine = store.open_store(admin_server.database_url)
    book = load_workbook(io.BytesIO(catalogue_sheets.export_catalogue_workbook(engine=engine)))
    store.dispose_engines()
    ws = book["Succeskriterier"]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "KOL-1-C")
    ws.cell(row, headers.index("Målværdi") + 1).value = 11
    ws.cell(row, headers.index("Gyldig fra") + 1).value = "2026-01-01"
    path = tmp_path / "katalog.xlsx"
    book.save(path)

    page.goto(f"{admin_server.url}/admin")
    wait_for_app(page)
    log_in(page, "sekretariat", ADMIN_PASSWORD)
    page.get_by_role("tab", name="Katalog-regneark").click()
    wait_for_app(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    apply = main(page).get_by_role("button", name="Gem ændringerne")
    apply.wait_for(timeout=60_000)
    main(page).get_by_text("Forhåndsvisning: 0 nye og 1 ændrede rækker").wait_for()
    page.set_viewport_size({"width": 1600, "height": 1500})  # the whole preview on one shot
    wait_for_app(page)
    screenshot(page, "admin-catalogue-preview")
    apply.click()
    main(page).get_by_text("Kataloget er opdateret: 0 nye og 1 ændrede rækker").wait_for(
        timeout=60_000
    )
    wait_for_app(page)
    screenshot(page, "admin-catalogue-applied")
    assert_no_exception(page, admin_server)
    engine = store.open_store(admin_server.database_url)
    with store.read_session(engine) as session:
        from goals.catalogue import Catalogue

        info = next(c for c in Catalogue.load(session).criteria if c.code == "KOL-1-C")
    store.dispose_engines()
    assert [r.target_value for r in info.revisions] == [12.0, 11.0]
