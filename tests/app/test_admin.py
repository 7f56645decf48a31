"""The administration page under AppTest: access, catalogue forms, users, audit trail."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from streamlit.testing.v1 import AppTest

from goals import access, store
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.catalogue import sheets as catalogue_sheets
from goals.store.model import Role

PAGE = "pages/admin.py"
PASSWORD = "a long password 1"
TABS = [
    "Mål og succeskriterier",
    "Indikatorer",
    "Områder og aliaser",
    "Styregrupper",
    "Brugere",
    "Katalog-regneark",
    "Møder",
    "Revisionsspor",
]


@pytest.fixture
def users_url(sqlite_demo_url) -> str:
    engine = store.open_store(sqlite_demo_url)
    with store.write_session(engine) as session:
        for name, role, groups in (
            ("sekretariat", "admin", ()),
            ("anna", "contributor", ("VOKSNE",)),
            ("dorte", "viewer", ()),
        ):
            access.add_user(
                session=session,
                actor=Actor("cli:test", Role.ADMIN),
                name=name,
                role=role,
                steering_groups=groups,
                password=PASSWORD,
            )
    store.dispose_engines()
    return sqlite_demo_url


def logged_in(run_app, url: str, name: str | None, **query: str) -> AppTest:
    """The admin page for a logged-in user (the session the login form would create)."""
    if name is None:
        return run_app(url, page=PAGE, **query)
    at = run_app(url, **query)  # the app's first page, then the login, then the admin page
    at.session_state["goals_login"] = {"name": name, "at": time.time()}
    at.switch_page(PAGE)
    return at.run()


def snapshot(url: str) -> Catalogue:
    with store.read_session(store.open_store(url)) as session:
        return Catalogue.load(session)


def events(url: str) -> list:
    with store.read_session(store.open_store(url)) as session:
        return access.audit_events(session)


def no_admin_content(at: AppTest) -> None:
    assert not at.exception
    assert not at.tabs
    assert not at.title
    assert not at.dataframe


def test_anonymous_visitor_gets_a_login_form(run_app, users_url):
    at = logged_in(run_app, users_url, None)
    no_admin_content(at)
    assert any("kræver, at du er logget ind" in w.value for w in at.warning)
    assert [i.label for i in at.text_input][:2] == ["Brugernavn", "Adgangskode"]


@pytest.mark.parametrize("name", ["dorte", "anna"])
def test_viewers_and_contributors_are_refused(run_app, users_url, name):
    at = logged_in(run_app, users_url, name)
    no_admin_content(at)
    assert [e.value for e in at.error] == [
        "Kun administratorer (sekretariatet) har adgang til denne side."
    ]


def test_admin_sees_every_tab(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    assert not at.exception
    assert at.title[0].value == "Administration"
    assert [tab.label for tab in at.tabs] == TABS
    goals = at.dataframe[0].value
    assert list(goals["Kode"]) == ["KOL-1", "KOL-2", "DIA-1", "DIA-2", "PSY-1", "PSY-2"]
    users = next(d.value for d in at.dataframe if "Rolle" in d.value.columns)
    assert set(users["Brugernavn"]) == {"sekretariat", "anna", "dorte"}


def test_admin_page_in_english(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat", lang="en")
    assert not at.exception
    assert [tab.label for tab in at.tabs] == [
        "Goals and success criteria",
        "Indicators",
        "Areas and aliases",
        "Steering groups",
        "Users",
        "Catalogue workbook",
        "Meetings",
        "Audit trail",
    ]


def test_demo_mode_opens_the_page_with_a_notice(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    assert not at.exception
    assert [tab.label for tab in at.tabs] == TABS
    assert any("Demotilstand" in i.value for i in at.info)


def test_edit_a_goal_through_the_form(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    at.text_input(key="admin-goal-form-KOL-1-title").set_value("Færre rygere")
    at.selectbox(key="admin-goal-form-KOL-1-national").select_index(0)  # none
    at.text_area(key="admin-goal-form-KOL-1-description_en").set_value("Fewer smokers.")
    at.button(key="admin-goal-form-KOL-1-save").click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["KOL-1 er gemt."]
    goal = snapshot(users_url).goal("KOL-1")
    assert goal.title == "Færre rygere" and goal.national_goal_id is None
    assert goal.description_en == "Fewer smokers."
    event = events(users_url)[0]
    assert (event.actor, event.action, event.target) == (
        "sekretariat",
        "catalogue.goal.edit",
        "KOL-1",
    )
    assert at.dataframe[0].value["Titel"][0] == "Færre rygere"  # the cache was refreshed


def test_a_form_error_is_one_sentence_and_nothing_changes(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    at.text_input(key="admin-goal-form-KOL-1-title").set_value("   ")
    at.button(key="admin-goal-form-KOL-1-save").click()
    at.run()
    assert [e.value for e in at.error] == ["Titel skal udfyldes."]
    assert snapshot(users_url).goal("KOL-1").title.startswith("Færre rygere blandt")


def test_revise_a_criterion_and_see_its_history(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    history = next(d.value for d in at.dataframe if "Revision" in d.value.columns)
    assert list(history["Revision"]) == [2, 1]  # KOL-1-A, newest first
    key = "admin-revision-KOL-1-A"
    at.text_input(key=f"{key}-target_value").set_value("-25")
    at.date_input(key=f"{key}-from").set_value(dt.date(2025, 1, 1))
    at.text_input(key=f"{key}-note").set_value("Skærpet igen.")
    at.text_input(key=f"{key}-note_en").set_value("Tightened again.")
    at.button(key=f"{key}-save").click()
    at.run()
    assert not at.exception
    assert "ny revision af KOL-1-A" in at.success[0].value
    newest = next(c for c in snapshot(users_url).criteria if c.code == "KOL-1-A").revisions[-1]
    assert (newest.note, newest.note_en) == ("Skærpet igen.", "Tightened again.")
    history = next(d.value for d in at.dataframe if "Revision" in d.value.columns)
    assert list(history["Revision"]) == [3, 2, 1]
    assert list(history["Målværdi"])[:2] == [-25.0, -20.0]
    assert history["Oprettet af"].iloc[0] == "sekretariat"


def test_unchanged_revision_says_so(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    at.button(key="admin-revision-KOL-1-A-save").click()
    at.run()
    assert any("Intet er ændret" in i.value for i in at.info)
    info = next(c for c in snapshot(users_url).criteria if c.code == "KOL-1-A")
    assert len(info.revisions) == 2


def test_add_reset_and_remove_a_user(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    at.text_input(key="admin-user-name").set_value("bo")
    at.multiselect(key="admin-user-groups").set_value(["BUF"])
    at.text_input(key="admin-user-pw").set_value("another long password")
    at.button(key="admin-user-add-go").click()
    at.run()
    assert [s.value for s in at.success] == ["Brugeren bo er oprettet."]
    assert access.authenticate(
        engine=store.open_store(users_url), name="bo", password="another long password"
    ).actor.steering_group_ids

    at.selectbox(key="admin-user-reset-name").set_value("bo")
    at.text_input(key="admin-user-reset-pw").set_value("short")
    at.button(key="admin-user-reset-go").click()
    at.run()
    assert "mindst 10 tegn" in at.error[0].value

    at.selectbox(key="admin-user-remove-name").set_value("bo")
    at.button(key="admin-user-remove-go").click()
    at.run()
    assert any("bekræfte" in w.value for w in at.warning)  # not without the tick
    at.checkbox(key="admin-user-remove-sure").check()
    at.button(key="admin-user-remove-go").click()
    at.run()
    assert [s.value for s in at.success] == ["Brugeren bo er fjernet."]
    actions = [(e.action, e.target) for e in events(users_url)]
    assert actions[0] == ("user.remove", "bo") and ("user.add", "bo") in actions


def test_add_an_area_alias_and_refuse_one_that_points_elsewhere(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    area = at.selectbox(key="admin-area")
    area.select_index(next(i for i, o in enumerate(area.options) if o.startswith("K791 ")))
    at.run()
    at.text_input(key="admin-area-K791-alias").set_value("Skive")
    at.button(key="admin-area-K791-alias-add-go").click()
    at.run()
    assert "peger allerede på K779 Skive Kommune" in at.error[0].value.replace("\\", "")
    at.text_input(key="admin-area-K791-alias").set_value("Viborg by")
    at.button(key="admin-area-K791-alias-add-go").click()
    at.run()
    assert snapshot(users_url).area_index.get("viborg by").code == "K791"


def test_audit_trail_filters(run_app, users_url):
    access.authenticate(engine=store.open_store(users_url), name="dorte", password="wrong one")
    store.dispose_engines()
    at = logged_in(run_app, users_url, "sekretariat")
    audit = at.dataframe[-1].value
    assert list(audit.columns) == ["Tidspunkt", "Hvem", "Handling", "Hvad", "Detaljer"]
    assert "Mislykket login" in set(audit["Handling"])
    assert "Bruger oprettet" in set(audit["Handling"])
    at.multiselect(key="admin-audit-action").set_value(["login.failed"])
    at.run()
    audit = at.dataframe[-1].value
    assert set(audit["Handling"]) == {"Mislykket login"}
    assert list(audit["Hvem"]) == ["dorte"]
    at.multiselect(key="admin-audit-action").set_value([])
    at.text_input(key="admin-audit-text").set_value("anna")
    at.run()
    assert set(at.dataframe[-1].value["Hvad"]) == {"anna"}


def _render(result):  # runs inside AppTest.from_function
    from goals.ui import admin

    admin.show_import_result(result, "da")


def test_catalogue_workbook_preview_shows_changes_and_errors(sqlite_demo_url):
    engine = store.open_store(sqlite_demo_url)
    admin = Actor("sekretariat", Role.ADMIN)
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(catalogue_sheets.export_catalogue_workbook(engine=engine)))
    book["Mål"]["B2"] = "Ny titel <b>x</b>"
    book["Indikatorer"]["F2"] = "bedst"
    out = io.BytesIO()
    book.save(out)
    result = catalogue_sheets.import_catalogue_workbook(
        engine=engine, content=out.getvalue(), filename="k.xlsx", actor=admin, dry_run=True
    )
    store.dispose_engines()
    at = AppTest.from_function(_render, args=(result,), default_timeout=60).run()
    assert not at.exception
    assert "Kataloget blev ikke indlæst: 1 fejl" in at.error[0].value
    counts, errors, changes = (d.value for d in at.dataframe)
    assert list(errors["Celle"]) == ["Indikatorer!F2"]
    assert list(changes["Efter"]) == ["Ny titel <b>x</b>"]
    assert list(counts["Ark"]) == [
        "Styregrupper",
        "Indikatorer",
        "Områder",
        "Mål",
        "Succeskriterier",
    ]


def test_single_sign_on_maps_the_email_to_a_user(run_app, sqlite_demo_url, monkeypatch):
    """With an OpenID Connect provider configured, st.user's e-mail decides the role."""
    from goals import access, store
    from goals.access import Actor
    from goals.store.model import Role
    from goals.ui.frame import auth

    engine = store.open_store(sqlite_demo_url)
    with store.write_session(engine) as session:
        access.add_user(session=session, actor=Actor("cli", Role.ADMIN), name="sekretariat",
                        role="admin", email="sek@rm.dk")  # fmt: skip
    store.dispose_engines()
    monkeypatch.setattr(auth, "sso_configured", lambda: True)
    monkeypatch.setattr(auth.st, "user", {"is_logged_in": True, "email": "Sek@RM.dk"})
    at = run_app(sqlite_demo_url, page="pages/admin.py")
    assert not at.exception and at.tabs  # the admin page itself
    monkeypatch.setattr(auth.st, "user", {"is_logged_in": True, "email": "ukendt@rm.dk"})
    at = run_app(sqlite_demo_url, page="pages/admin.py")
    assert not at.exception and not at.tabs
    assert any("ukendt@rm.dk" in e.value and "sekretariatet" in e.value for e in at.error)


def test_a_municipality_joins_a_second_cluster_and_leaves_it(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    area = at.selectbox(key="admin-area")
    area.select_index(next(i for i, o in enumerate(area.options) if o.startswith("K791 ")))
    at.run()
    at.selectbox(key="admin-member-K791-join-parent").set_value("VEST")
    at.date_input(key="admin-member-K791-join-since").set_value(dt.date(2024, 1, 1))
    at.button(key="admin-member-K791-join-go").click()
    at.run()
    assert not at.error, [e.value for e in at.error]
    cat = snapshot(users_url)
    viborg = cat.area("K791")
    assert [c.code for c in cat.clusters_of(viborg, dt.date(2024, 6, 1))] == ["MIDT", "VEST"]
    assert [c.code for c in cat.clusters_of(viborg, dt.date(2023, 6, 1))] == ["MIDT"]
    # a second join of the same cluster is refused with the reason
    at.selectbox(key="admin-member-K791-join-parent").set_value("VEST")
    at.button(key="admin-member-K791-join-go").click()
    at.run()
    assert "hører allerede til VEST" in at.error[0].value.replace("\\", "")
    at.selectbox(key="admin-member-K791-leave-parent").set_value("VEST")
    at.date_input(key="admin-member-K791-leave-until").set_value(dt.date(2025, 1, 1))
    at.button(key="admin-member-K791-leave-go").click()
    at.run()
    cat = snapshot(users_url)
    assert [c.code for c in cat.clusters_of(cat.area("K791"), dt.date(2025, 6, 1))] == ["MIDT"]
    assert {"catalogue.area.join", "catalogue.area.leave"} <= {e.action for e in events(users_url)}


def test_the_secretariat_sets_the_small_number_rule(run_app, users_url):
    at = logged_in(run_app, users_url, "sekretariat")
    assert at.number_input(key="admin-suppression-limit").value == 5
    at.number_input(key="admin-suppression-limit").set_value(10)
    at.button(key="admin-suppression-go").click()
    at.run()
    assert not at.error, [e.value for e in at.error]
    assert snapshot(users_url).suppression.min_count == 10
    assert "catalogue.suppression" in {e.action for e in events(users_url)}
