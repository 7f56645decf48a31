"""Meetings (goals.meetings): a frozen meeting shows exactly what it showed, byte for byte,
after later uploads, rollbacks and criterion revisions; what changed since; decisions and
actions followed up; the summary for recipients. SQLite and, with GOALS_TEST_POSTGRES_URL,
PostgreSQL."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest_workbook import workbook

from goals import store
from goals.access import Actor, PermissionDenied
from goals.catalogue.edit import revise_criterion
from goals.meetings import (
    MeetingError,
    actions,
    add_action,
    annotate_meeting,
    create_meeting,
    edit_meeting,
    freeze_meeting,
    frozen_report,
    frozen_rows,
    get_meeting,
    list_meetings,
    meeting_changes,
    meeting_summary,
    summary_bytes,
    update_action,
    write_frozen_json,
)
from goals.meetings.core import UnknownMeeting
from goals.status import assess
from goals.status.export import write_json
from goals.store.model import Role
from goals.workbook import import_workbook, rollback_upload
from tests.conftest import ROOT

ADMIN = Actor(name="sekretariat", role=Role.ADMIN)
VIEWER = Actor(name="direktør", role=Role.VIEWER)


def _status_json(engine, **kwargs) -> str:
    out = io.StringIO()
    with store.read_session(engine) as session:
        write_json(session, out, **kwargs)
    return out.getvalue()


def _frozen_json(engine, meeting_id: int, **kwargs) -> str:
    out = io.StringIO()
    with store.read_session(engine) as session:
        write_frozen_json(session, meeting_id, out, **kwargs)
    return out.getvalue()


def _upload(engine, rows) -> int:
    result = import_workbook(engine=engine, content=workbook(rows), filename="u.xlsx", user="admin")
    assert result.status == "applied", result.errors
    return result.upload_id


def _meeting(engine, title="Direktørforum juni", date="2026-06-18", **kwargs) -> int:
    return create_meeting(engine=engine, actor=ADMIN, title=title, held_on=date, **kwargs).id


def test_a_frozen_meeting_shows_the_same_bytes_after_any_later_change(demo_engine):
    meeting = _meeting(demo_engine, clusters=["Midtklyngen"], tracks=["KOL"])
    shown = {lang: _status_json(demo_engine, lang=lang) for lang in ("da", "en")}
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting)
    for lang in ("da", "en"):
        assert _frozen_json(demo_engine, meeting, lang=lang) == shown[lang]

    upload = _upload(demo_engine, [["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]])
    assert _status_json(demo_engine) != shown["da"]  # the store moved on …
    assert _frozen_json(demo_engine, meeting) == shown["da"]  # … the meeting did not
    rollback_upload(engine=demo_engine, upload_id=upload, user="admin")
    with store.write_session(demo_engine) as session:
        revise_criterion(
            session=session, actor=ADMIN, code="KOL-1-C", valid_from="2020-01-01",
            target_value=5.0,
        )  # fmt: skip
    assert _status_json(demo_engine) != shown["da"]
    for lang in ("da", "en"):
        assert _frozen_json(demo_engine, meeting, lang=lang) == shown[lang]
    store.dispose_engines()  # and after a restart: nothing is held in memory
    assert _frozen_json(demo_engine, meeting) == shown["da"]


def test_the_frozen_rows_rebuild_the_report_as_it_was(demo_engine):
    meeting = _meeting(demo_engine)
    before = assess(engine=demo_engine)
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting)
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]])
    again = frozen_report(engine=demo_engine, meeting_id=meeting)
    assert [r.record() for r in again.rows] == [r.record() for r in before.rows]
    assert again.cluster == before.cluster and again.region == before.region
    assert [tuple(p) for p in again.rows[0].points] == [tuple(p) for p in before.rows[0].points]
    midt = frozen_rows(engine=demo_engine, meeting_id=meeting, cluster="Midtklyngen")
    assert midt and {r.area for r in midt} <= {r.area for r in before.rows}
    assert len(midt) < len(before.rows)


def test_a_frozen_meeting_can_only_be_annotated(demo_engine):
    meeting = _meeting(demo_engine)
    edit_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting, title="Juni-mødet")
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting)
    with pytest.raises(MeetingError, match="fastfrosset og kan ikke ændres"):
        edit_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting, title="Andet")
    with pytest.raises(MeetingError, match="kan ikke fastfryses igen"):
        freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting)
    view = annotate_meeting(
        engine=demo_engine, actor=ADMIN, meeting_id=meeting, text="Tallene for 2024 var foreløbige."
    )
    assert view.title == "Juni-mødet" and view.frozen
    assert [n[2] for n in view.notes] == ["Tallene for 2024 var foreløbige."]


def test_bad_requests_say_what_is_wrong(demo_engine):
    with pytest.raises(MeetingError, match="ÅÅÅÅ-MM-DD"):
        _meeting(demo_engine, date="18. juni")
    with pytest.raises(MeetingError, match="titel"):
        _meeting(demo_engine, title="  ")
    with pytest.raises(MeetingError, match="Klyngen 'Atlantis' findes ikke"):
        _meeting(demo_engine, clusters=["Atlantis"])
    with pytest.raises(UnknownMeeting):
        get_meeting(engine=demo_engine, meeting_id=99)
    with pytest.raises(MeetingError, match="ikke fastfrosset"):
        _frozen_json(demo_engine, _meeting(demo_engine))
    with pytest.raises(PermissionDenied):
        create_meeting(engine=demo_engine, actor=VIEWER, title="X", held_on="2026-01-01")
    assert [m.title for m in list_meetings(engine=demo_engine)] == ["Direktørforum juni"]


def test_changes_since_a_meeting(demo_engine):
    june = _meeting(demo_engine)
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=june)
    nothing = meeting_changes(engine=demo_engine, meeting_id=june)
    assert (nothing.changed, nothing.revised_values, nothing.new_values) == ([], [], [])

    upload = _upload(
        demo_engine,
        [
            ["RYG-01", "Midtklyngen", 2021, "I alt", 9.9],  # shown at the meeting: revised
            ["RYG-01", "Midtklyngen", 2025, "I alt", 8.1],  # new
        ],
    )
    found = meeting_changes(engine=demo_engine, meeting_id=june)
    assert found.revised_values == [
        {
            "indicator": "RYG-01",
            "area": "MIDT",
            "period": "2021",
            "group": "I alt",
            "before": 14.0,
            "after": 9.9,
            "upload_id": upload,
        }
    ]
    assert [(v["period"], v["value"]) for v in found.new_values] == [("2025", 8.1)]
    changed = {(c["criterion"], c["area"]): c for c in found.changed}
    assert changed, "the latest value of the criteria on RYG-01 in Midtklyngen moved"
    for change in changed.values():
        assert change["before"] != change["after"]
        assert set(change["before"]) == {"verdict", "latest_value", "latest_period"}
    assert json.loads(json.dumps(found.to_json()))["meeting"] == june

    september = _meeting(demo_engine, title="Direktørforum september", date="2026-09-10")
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=september)
    rollback_upload(engine=demo_engine, upload_id=upload, user="admin")
    between = meeting_changes(engine=demo_engine, meeting_id=june, to=september)
    assert between.revised_values == found.revised_values  # as of September, not now
    since_june = meeting_changes(engine=demo_engine, meeting_id=september, since_previous=True)
    assert since_june.to == september and since_june.meeting == june
    after_rollback = meeting_changes(engine=demo_engine, meeting_id=june)
    assert after_rollback.revised_values == [] and after_rollback.new_values == []
    with pytest.raises(MeetingError, match="ikke senere"):
        meeting_changes(engine=demo_engine, meeting_id=september, to=june)


def test_decisions_and_actions_are_followed_up(demo_engine):
    june = _meeting(demo_engine)
    decision = add_action(
        engine=demo_engine, actor=ADMIN, meeting_id=june, kind="beslutning",
        text="Indstillingen godkendes.",
    )  # fmt: skip
    action = add_action(
        engine=demo_engine, actor=ADMIN, meeting_id=june, text="Følg op på rygestop",
        goal="KOL-1", area="Midtklyngen", owner="Sekretariatet", due_on="01-09-2026",
    )  # fmt: skip
    assert (decision.kind, action.kind, action.goal, action.area) == (
        "decision", "action", "KOL-1", "MIDT",
    )  # fmt: skip
    assert str(action.due_on) == "2026-09-01" and action.status == "open"
    assert [a.id for a in actions(engine=demo_engine, goal="KOL-1", open_only=True)] == [action.id]
    assert decision.id not in [a.id for a in actions(engine=demo_engine, open_only=True)]
    moved = update_action(engine=demo_engine, actor=ADMIN, action_id=action.id, status="i gang")
    assert moved.status == "in_progress" and moved.status_label("da") == "I gang"
    september = _meeting(demo_engine, title="September", date="2026-09-10")
    assert action.id in [
        a.id for a in actions(engine=demo_engine, open_only=True, before_meeting=september)
    ]
    update_action(engine=demo_engine, actor=ADMIN, action_id=action.id, status="lukket")
    assert actions(engine=demo_engine, goal="KOL-1", open_only=True) == []
    with pytest.raises(MeetingError, match="åben, i gang eller lukket"):
        update_action(engine=demo_engine, actor=ADMIN, action_id=action.id, status="måske")
    with pytest.raises(MeetingError, match="hverken en beslutning eller en handling"):
        add_action(engine=demo_engine, actor=ADMIN, meeting_id=june, kind="idé", text="x")
    with pytest.raises(MeetingError, match="Målet 'KOL-9' findes ikke"):
        add_action(engine=demo_engine, actor=ADMIN, meeting_id=june, text="x", goal="KOL-9")
    with pytest.raises(UnknownMeeting):
        update_action(engine=demo_engine, actor=ADMIN, action_id=999, status="lukket")
    with pytest.raises(PermissionDenied):
        add_action(engine=demo_engine, actor=VIEWER, meeting_id=june, text="x")


def test_the_summary_in_every_format(demo_engine):
    june = _meeting(demo_engine)
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=june)
    add_action(
        engine=demo_engine, actor=ADMIN, meeting_id=june, text="Følg op på rygestop",
        owner="Sekretariatet", due_on="2026-09-01",
    )  # fmt: skip
    september = _meeting(demo_engine, title="Direktørforum september", date="2026-09-10")
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]])
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=september)
    for lang in ("da", "en"):
        summary = meeting_summary(engine=demo_engine, meeting_id=september, lang=lang)
        text = summary_bytes(summary, "s.txt").decode()
        assert "Direktørforum september" in text
        assert summary.changes is not None and summary.changes.revised_values
        assert "Sekretariatet" in text  # the open action from June is carried over
        docx = summary_bytes(summary, "s.docx")
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            body = archive.read("word/document.xml").decode()
        assert "Sekretariatet" in body
        assert summary_bytes(summary, "s.pdf").startswith(b"%PDF")
    with pytest.raises(MeetingError, match=r"\.pdf, \.docx eller \.txt"):
        summary_bytes(meeting_summary(engine=demo_engine, meeting_id=june), "s.odt")


def test_the_deck_of_a_meeting_is_built_from_its_frozen_status(demo_engine):
    from goals.catalogue import Catalogue
    from goals.present.deck import Selection, build_deck

    meeting = _meeting(demo_engine)
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=meeting)
    with store.read_session(demo_engine) as session:
        cat = Catalogue.load(session)
        live = build_deck(
            report=assess(session=session, catalogue=cat), catalogue=cat,
            selection=Selection(), lang="da", session=session,
        )  # fmt: skip
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2021, "I alt", 9.9]])
    with store.read_session(demo_engine) as session:
        frozen = build_deck(
            report=frozen_report(session, meeting, catalogue=cat), catalogue=cat,
            selection=Selection(), lang="da", session=session,
        )  # fmt: skip
    assert [s.title for s in frozen.slides] == [s.title for s in live.slides]
    assert [c.title for c in frozen.charts] == [c.title for c in live.charts]


def test_a_meetings_deck_opens_with_what_moved_since_the_previous(demo_engine):
    from goals.catalogue import Catalogue
    from goals.meetings import since_previous
    from goals.present.deck import Selection, build_deck
    from goals.present.deck.changes import changes_slides

    june = _meeting(demo_engine)
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=june)
    _upload(demo_engine, [["RYG-01", "Midtklyngen", 2025, "I alt", 8.1]])
    september = _meeting(demo_engine, title="September", date="2026-09-10")
    freeze_meeting(engine=demo_engine, actor=ADMIN, meeting_id=september)
    with store.read_session(demo_engine) as session:
        cat = Catalogue.load(session)
        opening = changes_slides(*since_previous(session, september), cat, "da")
        deck = build_deck(
            report=frozen_report(session, september, catalogue=cat), catalogue=cat,
            selection=Selection(), lang="da", session=session, opening=opening,
        )  # fmt: skip
        first = changes_slides(*since_previous(session, june), cat, "da")
    assert deck.slides[0].kind == "title" and deck.slides[1].title == "Siden sidste møde"
    changed = deck.slides[1].table
    assert changed is not None and changed.rows
    assert {row[1].text for row in changed.rows} == {"Midtklyngen"}
    assert [s.bullets for s in first] == [[
        "Der er intet tidligere fastfrosset møde i samme forum at sammenligne med."
    ]]  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(
    not (
        shutil.which("soffice") and shutil.which("pdfinfo") and Path("/usr/bin/chromium").exists()
    ),
    reason="needs LibreOffice (soffice), poppler (pdfinfo) and Chromium",
)
def test_the_deck_of_a_meeting_opens_in_libreoffice(demo_template, tmp_path):
    """`report OUT.pptx --meeting N` as other tools call it, opened by LibreOffice."""
    import subprocess
    import sys

    from pptx import Presentation

    copy = tmp_path / "m.db"
    shutil.copy(demo_template["sqlite"], copy)
    env = {k: v for k, v in os.environ.items() if k != "GOALS_DATABASE_URL"}
    env["GOALS_DATABASE_URL"] = f"sqlite:///{copy}"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "goals", *args], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=300,
        )  # fmt: skip

    assert cli("meeting", "create", "--title", "Juni", "--date", "2026-06-18").returncode == 0
    assert cli("meeting", "freeze", "1").returncode == 0
    deck = tmp_path / "juni.pptx"
    made = cli("report", str(deck), "--meeting", "1", "--cluster", "Midtklyngen")
    assert made.returncode == 0, made.stderr
    slides = len(Presentation(str(deck)).slides)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(deck)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "juni.pdf")], check=True, capture_output=True, text=True
    ).stdout
    pages = next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))
    assert pages == slides  # every slide opened and laid out
    assert "Siden sidste møde" in " ".join(
        shape.text_frame.text
        for shape in Presentation(str(deck)).slides[1].shapes
        if shape.has_text_frame
    )
    bad = cli("report", str(deck), "--meeting", "1", "--as-of", "2023")
    assert bad.returncode == 1 and "kan ikke bruges sammen" in bad.stderr
