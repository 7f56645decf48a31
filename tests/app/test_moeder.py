"""The Møder page (AppTest): a frozen meeting's first screen is what moved since the previous
one, then the status as shown at the meeting, decisions and actions, and the summary; the
secretariat creates, freezes and follows up from the page; open actions show on the goal's and
cluster's pages."""

from __future__ import annotations

from goals import store
from goals.access import Actor
from goals.meetings import add_action, create_meeting, freeze_meeting, list_meetings
from goals.store.model import Role
from goals.workbook import import_workbook
from tests.unit.conftest_workbook import workbook

PAGE = "pages/moeder.py"
ADMIN = Actor(name="sekretariat", role=Role.ADMIN)


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts = [p.replace("&#x27;", "'") for p in parts]
    parts += [str(e.value) for e in at.info] + [str(e.value) for e in at.success]
    return " ".join(parts)


def _two_meetings(url: str) -> tuple[int, int]:
    engine = store.get_engine(url)
    june = create_meeting(engine=engine, actor=ADMIN, title="Juni", held_on="2026-06-18").id
    freeze_meeting(engine=engine, actor=ADMIN, meeting_id=june)
    add_action(
        engine=engine, actor=ADMIN, meeting_id=june, text="Følg op på rygestop", goal="KOL-1",
        area="Midtklyngen", owner="Sekretariatet",
    )  # fmt: skip
    result = import_workbook(
        engine=engine,
        content=workbook([["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]]),
        filename="u.xlsx",
        user="admin",
    )
    assert result.status == "applied"
    september = create_meeting(
        engine=engine, actor=ADMIN, title="September", held_on="2026-09-10"
    ).id
    freeze_meeting(engine=engine, actor=ADMIN, meeting_id=september)
    store.dispose_engines()
    return june, september


def test_no_meetings_yet_invites_the_secretariat(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE)
    assert not at.exception
    assert "ingen møder endnu" in _texts(at)
    assert any(b.label == "Opret mødet" for b in at.button)


def test_a_meeting_shows_what_moved_since_the_previous_one(run_app, sqlite_demo_url):
    june, september = _two_meetings(sqlite_demo_url)
    at = run_app(sqlite_demo_url, PAGE, meeting=str(september))
    assert not at.exception, at.exception
    text = _texts(at)
    assert "Siden sidste møde" in text and "Fra mødet 18-06-2026 til mødet 10-09-2026" in text
    assert "Tal, som mødet viste, og som er rettet efter mødet: 1" in text
    assert "Status som vist på mødet" in text
    assert "Åbne handlinger fra tidligere møder" in text
    frames = [df.value for df in at.dataframe]
    revised = next(f for f in frames if "Indlæsning" in f.columns)
    assert list(revised["Før"]) == ["14"] and list(revised["Nu"]) == ["9,9"]
    assert any("Følg op på rygestop" in set(f.get("Tekst", [])) for f in frames)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Hent som PDF", "Hent som Word", "Hent som tekst"]
    english = run_app(sqlite_demo_url, PAGE, meeting=str(june), lang="en")
    assert not english.exception
    assert "Since the last meeting" in _texts(english)


def test_the_secretariat_creates_and_freezes_a_meeting(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE)
    at.text_input[0].set_value("Direktørforum december")
    at.button(key="FormSubmitter:meeting-new-Opret mødet").click().run()
    assert not at.exception, at.exception
    meetings = list_meetings(engine=store.get_engine(sqlite_demo_url))
    assert [m.title for m in meetings] == ["Direktørforum december"]
    at.button(key=f"meeting-{meetings[0].id}-freeze").click().run()
    assert not at.exception, at.exception
    assert list_meetings(engine=store.get_engine(sqlite_demo_url))[0].frozen
    assert "Status som vist på mødet" in _texts(at)


def test_open_actions_show_on_the_goal_and_cluster_pages(run_app, sqlite_demo_url):
    _two_meetings(sqlite_demo_url)
    at = run_app(sqlite_demo_url, "pages/maal.py", goal="KOL-1")
    assert not at.exception
    assert any("Åbne handlinger fra møder: 1" in e.label for e in at.expander)
    at = run_app(sqlite_demo_url, "pages/klynge.py", cluster="MIDT")
    assert not at.exception
    assert any("Åbne handlinger fra møder: 1" in e.label for e in at.expander)


def test_every_page_opened_with_a_meeting_shows_its_frozen_status(run_app, sqlite_demo_url):
    """?meeting=N: Overblik, Klynge, Mål and Præsentation show the status as frozen at N (the
    later upload revised a value in Midtklyngen), and say so."""
    from goals.meetings import frozen_report
    from goals.status import assess

    june, _ = _two_meetings(sqlite_demo_url)
    engine = store.get_engine(sqlite_demo_url)
    frozen = frozen_report(engine=engine, meeting_id=june)
    today = assess(engine=engine)
    assert [r.record() for r in frozen.rows] != [r.record() for r in today.rows]
    store.dispose_engines()
    for page, query in (
        ("pages/overblik.py", {}),
        ("pages/klynge.py", {"cluster": "MIDT"}),
        ("pages/maal.py", {"goal": "KOL-1"}),
        ("pages/praesentation.py", {}),
    ):
        at = run_app(sqlite_demo_url, page, meeting=str(june), **query)
        assert not at.exception, (page, at.exception)
        assert any("som vist på mødet «Juni»" in str(i.value) for i in at.info), page


def test_the_pages_read_the_frozen_report_of_the_meeting(run_app, sqlite_demo_url, monkeypatch):
    from goals.ui.frame import context

    june, _ = _two_meetings(sqlite_demo_url)
    served = []
    real = context.frozen_report

    def counting(**kwargs):
        report = real(**kwargs)
        served.append((kwargs["meeting_id"], report))
        return report

    monkeypatch.setattr(context, "frozen_report", counting)
    at = run_app(sqlite_demo_url, "pages/overblik.py")
    assert not at.exception and served == []  # today's status
    at = run_app(sqlite_demo_url, "pages/overblik.py", meeting=str(june))
    assert not at.exception and [m for m, _ in served] == [june]
    at = run_app(sqlite_demo_url, "pages/overblik.py", meeting="999")  # no such frozen meeting
    assert not at.exception and len(served) == 1
    assert not any("som vist på mødet" in str(i.value) for i in at.info)
