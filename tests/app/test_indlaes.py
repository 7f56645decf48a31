"""The upload page under AppTest: template, history, access (file upload itself: browser test)."""

from goals import access, store
from goals.access import Actor
from goals.store.model import Role


def test_upload_page_in_demo_mode_shows_template_and_history(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page="pages/indlaes.py")
    assert not at.exception
    assert at.title[0].value == "Indlæs statusark"
    assert any("Demotilstand" in i.value for i in at.info)
    assert [s.value for s in at.subheader][:2] == ["1. Hent skabelonen", "2. Vælg den udfyldte fil"]
    history = at.dataframe[-1].value
    assert list(history["Fil"])[:2] == ["demo_klyngedata_2025.xlsx", "demo_statusark_buf_2024.xlsx"]
    assert set(history["Status"]) == {"Gældende"}


def test_upload_page_in_english(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page="pages/indlaes.py", lang="en")
    assert not at.exception
    assert at.title[0].value == "Upload a status workbook"


def test_anonymous_visitor_gets_a_login_form_not_the_page(run_app, sqlite_demo_url):
    engine = store.open_store(sqlite_demo_url)
    with store.write_session(engine) as session:
        access.add_user(
            session=session,
            actor=Actor("cli", Role.ADMIN),
            name="admin",
            role="admin",
            password="a long password 1",
        )
    store.dispose_engines()
    at = run_app(sqlite_demo_url, page="pages/indlaes.py")
    assert not at.exception
    assert not at.title  # no page content
    assert any("kræver, at du er logget ind" in w.value for w in at.warning)
    assert at.text_input  # the login form
