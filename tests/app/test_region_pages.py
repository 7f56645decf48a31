"""The pages of a Nordjylland store whose organisation changed and which holds small numbers
(issue 17, AppTest): the pages say which organisation they use, show a cluster's members of the
period, hide small numbers with a note and show combined cluster values."""

from __future__ import annotations

import pytest

from goals import store
from goals.access import Actor
from goals.catalogue.edit import join_area, leave_area
from goals.catalogue.profile import set_key_figures
from goals.setup import initialise
from goals.store.model import Role
from goals.workbook import import_workbook
from tests.conftest import VALUE_HEADER, sheet_bytes

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
ROWS = [
    ["KOL-01", "Klynge Nord", "2019K4", "I alt", "250,0", 50, 200],
    ["KOL-01", "Klynge Nord", "2022K4", "I alt", "20,0", 4, 200],
    ["KOL-01", "Klynge Nord", "2024K4", "I alt", "225,0", 45, 200],
    ["KOL-01", "Aalborg", "2019K4", "I alt", "300,0", 120, 400],
    ["KOL-01", "Jammerbugt", "2019K4", "I alt", "330,0", 33, 100],
    ["KOL-01", "Aalborg", "2024K4", "I alt", "250,0", 100, 400],
    ["KOL-01", "Læsø", "2024K4", "I alt", "250,0", 5, 20],
    ["BEF-01", "Klynge Nord", "2025", "I alt", 3, None, None],
]


def texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [i.value for i in at.info]
        + [str(m.value) for m in at.metric]
    )


@pytest.fixture
def north_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'north.db'}"
    initialise(url, catalogue_name="nordjylland")
    engine = store.get_engine(url)
    content = sheet_bytes(ROWS, VALUE_HEADER)
    result = import_workbook(engine=engine, content=content, filename="n.xlsx", user="x")
    assert result.status == "applied", result.errors
    with store.write_session(engine) as session:  # Jammerbugt → Nord; Læsø in Midt as well
        leave_area(session=session, actor=ADMIN, code="K849", parent="MIDT", until="2022-01-01")
        join_area(session=session, actor=ADMIN, code="K849", parent="NORD", since="2022-01-01")
        join_area(session=session, actor=ADMIN, code="K825", parent="MIDT", since="2023-01-01")
    set_key_figures(engine=engine, actor=ADMIN, indicators=["BEF-01"])
    store.dispose_engines()
    return url


def test_the_klynge_page_shows_the_members_of_the_period_and_the_organisation(run_app, north_url):
    at = run_app(north_url, "pages/klynge.py", cluster="MIDT")
    assert not at.exception, at.exception
    text = texts(at)
    assert "Kommuner pr. " in text and "Læsø Kommune" in text and "Jammerbugt" not in text
    assert "Klyngerne som de er sammensat pr." in text and "sådan siden" in text
    assert "lagt sammen af kommunernes tal" in text  # Midt's values come from its municipalities
    earlier = run_app(north_url, "pages/klynge.py", cluster="MIDT", as_of="2020K4")
    assert not earlier.exception, earlier.exception
    text = texts(earlier)
    assert (
        "Jammerbugt Kommune" in text and "Læsø" not in text.split("Kommuner pr.")[1].split("\n")[0]
    )
    nord = run_app(north_url, "pages/klynge.py", cluster="NORD", lang="en")
    assert not nord.exception, nord.exception
    assert "are not shown because they rest on too few people" in texts(nord)


def test_the_indicator_page_hides_a_small_number_with_a_note(run_app, north_url):
    at = run_app(
        north_url, "pages/indikatorer.py", indicator="KOL-01", areas="NORD,MIDT", groups="I alt"
    )
    assert not at.exception, at.exception
    text = texts(at)
    assert "færre end 5 personer, vises ikke" in text
    assert "Klynge Midt: tallene for 4. kvt. 2019, 4. kvt. 2024 er lagt sammen" in text
    table = at.dataframe[0].value
    assert "Diskretioneret (under 5)" in table.to_string()
    assert "20,0" not in table.to_string()


def test_the_overview_says_which_organisation_it_uses(run_app, north_url):
    at = run_app(north_url, "pages/overblik.py")
    assert not at.exception, at.exception
    assert "Klyngerne som de er sammensat pr." in texts(at)


def test_the_profile_hides_a_small_key_figure(run_app, north_url):
    at = run_app(north_url, "pages/klyngeprofil.py", cluster="NORD")
    assert not at.exception, at.exception
    assert [m.value for m in at.metric] == ["Diskretioneret (under 5)"]


def test_the_accessibility_statement_is_linked_when_configured(run_app, north_url, monkeypatch):
    monkeypatch.setenv("GOALS_ACCESSIBILITY_URL", "https://www.was.digst.dk/maalbillede-example")
    at = run_app(north_url, "pages/overblik.py")
    assert not at.exception, at.exception
    links = [m.value for m in at.sidebar.markdown if "was.digst.dk" in m.value]
    assert links and "Tilgængelighedserklæring" in links[0]
    monkeypatch.delenv("GOALS_ACCESSIBILITY_URL")
    at = run_app(north_url, "pages/overblik.py")
    assert not any("Tilgængelighedserklæring" in m.value for m in at.sidebar.markdown)
