"""Security: who may do what (core and command line), markup shown as text, inert exports,
oversized files and zip bombs refused unread, passwords never in clear, names stored verbatim."""

from __future__ import annotations

import csv
import html
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import streamlit as st
from openpyxl import Workbook, load_workbook
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from goals import access, store
from goals.access import Actor, PermissionDenied
from goals.catalogue import Catalogue
from goals.catalogue import edit as catalogue_edit
from goals.catalogue import sheets as catalogue_sheets
from goals.setup import initialise
from goals.spreadsheet import read as workbook_read
from goals.store.model import AuditEvent, Goal, Role, SteeringGroup, Upload, User
from goals.workbook import export_workbook, import_workbook, rollback_upload
from tests.conftest import ROOT, table_dump

SYSTEM = Actor(name="cli:test", role=Role.ADMIN)
PASSWORD = "a long password 1"
USERS = {
    "sekretariat": ("admin", ()),
    "anna": ("contributor", ("VOKSNE",)),
    "bo": ("contributor", ("BUF",)),
    "dorte": ("viewer", ()),
}
SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>x</b>"
HEADER = ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Kommentar"]


def status_workbook(
    indicators: list[list[Any]] = (),
    initiatives: list[list[Any]] = (),
    assessments: list[list[Any]] = (),
) -> bytes:
    """A status workbook with the sheets given (long layout)."""
    book = Workbook()
    book.remove(book.active)
    sheets = (
        ("Indikatorer", HEADER, indicators),
        ("Indsatser", ["Mål", "Indsats", "Område", "Status", "Kommentar"], initiatives),
        ("Vurdering", ["Mål", "Område", "Periode", "Trafiklys", "Status"], assessments),
    )
    for name, header, rows in sheets:
        if not rows:
            continue
        ws = book.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text as typed, even when it starts with =
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


VOKSNE_FILE = status_workbook([["RYG-01", "Midtklyngen", 2022, "I alt", 15.5, None]])
BUF_FILE = status_workbook([["PSY-01", "Midtklyngen", 2022, "I alt", 9.5, None]])


def add_users(engine) -> None:
    with store.write_session(engine) as session:
        for name, (role, groups) in USERS.items():
            access.add_user(
                session=session,
                actor=SYSTEM,
                name=name,
                role=role,
                steering_groups=groups,
                password=PASSWORD,
            )


@pytest.fixture
def secured(catalogue_engine):
    add_users(catalogue_engine)
    return catalogue_engine


def actor(engine, name: str) -> Actor | None:
    with store.read_session(engine) as session:
        return access.actor_for(session, name)


def uploads(engine) -> list[Upload]:
    with store.read_session(engine) as session:
        return list(session.exec(select(Upload)))


# --- the permission matrix, through the core ------------------------------------------------------

# actor → (upload own file, upload the other group's file, roll back anna's upload,
#          edit the catalogue, add a user); "own" is VOKSNE's file except for bo (BUF)
MATRIX = {
    "dorte": (False, False, False, False, False),
    "anna": (True, False, True, False, False),
    "bo": (True, False, False, False, False),
    "sekretariat": (True, True, True, True, True),
    "nobody": (False, False, False, False, False),
}


def own_and_other(name: str) -> tuple[bytes, bytes]:
    return (BUF_FILE, VOKSNE_FILE) if name == "bo" else (VOKSNE_FILE, BUF_FILE)


@pytest.mark.parametrize("name", list(MATRIX))
def test_upload_permissions_through_the_core(secured, name):
    may_own, may_other, *_ = MATRIX[name]
    own, other = own_and_other(name)
    for content, allowed in ((own, may_own), (other, may_other)):
        before = table_dump(secured)
        result = import_workbook(engine=secured, content=content, filename="s.xlsx", user=name)
        assert (result.status == "applied") == allowed, (name, result.errors)
        if not allowed:
            assert table_dump(secured) == before  # nothing written, not even the file
            message = result.errors[0].message
            if name in ("anna", "bo"):
                assert re.fullmatch(r"Indikatorer![A-Z]+2", result.errors[0].cell)
                assert "Fjern rækkerne 2" in message  # names the rows
            else:
                assert name in message


@pytest.mark.parametrize("name", list(MATRIX))
def test_rollback_permissions_through_the_core(secured, name):
    made = import_workbook(engine=secured, content=VOKSNE_FILE, filename="s.xlsx", user="anna")
    assert made.status == "applied"
    result = rollback_upload(engine=secured, upload_id=made.upload_id, user=name)
    assert (result.status == "rolled_back") == MATRIX[name][2], result.message
    state = uploads(secured)[0].state
    assert state == ("rolled_back" if MATRIX[name][2] else "applied")


@pytest.mark.parametrize("name", list(MATRIX))
def test_catalogue_and_user_permissions_through_the_core(secured, name):
    who = actor(secured, name)
    before = table_dump(secured)
    edits = [
        lambda s: catalogue_edit.edit_goal(session=s, actor=who, code="KOL-1", title="Ny titel"),
        lambda s: access.add_user(
            session=s, actor=who, name="ny", role="viewer", password=PASSWORD
        ),
    ]
    for allowed, write in zip(MATRIX[name][3:], edits, strict=True):
        if allowed:
            with store.write_session(secured) as session:
                write(session)
        else:
            with pytest.raises(PermissionDenied), store.write_session(secured) as session:
                write(session)
            assert table_dump(secured) == before
    workbook = catalogue_sheets.export_catalogue_workbook(engine=secured)
    result = catalogue_sheets.import_catalogue_workbook(
        engine=secured, content=workbook, filename="k.xlsx", actor=who
    )
    assert (result.status == "applied") == MATRIX[name][3]


def test_demo_mode_lets_anyone_do_everything(catalogue_engine):
    assert (
        import_workbook(
            engine=catalogue_engine, content=BUF_FILE, filename="s.xlsx", user="hvem som helst"
        ).status
        == "applied"
    )
    demo = actor(catalogue_engine, None)
    with store.write_session(catalogue_engine) as session:
        catalogue_edit.edit_goal(session=session, actor=demo, code="KOL-1", title="Demo")


# --- the permission matrix, through the command line ------------------------------------------------


@pytest.fixture(scope="module")
def users_store(tmp_path_factory, catalogue_template) -> Path:
    """A SQLite file with the catalogue and the four users, copied per test."""
    path = tmp_path_factory.mktemp("users") / "users.db"
    shutil.copy(catalogue_template["sqlite"], path)
    engine = store.open_store(f"sqlite:///{path}")
    add_users(engine)
    store.dispose_engines()
    return path


def cli(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOALS_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "goals", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def cli_main(url: str, monkeypatch, capsys, *args: str) -> tuple[int, dict]:
    """`python -m goals ARGS` in this process (the same parser and handlers), JSON answer."""
    from goals.cli import main

    monkeypatch.setenv("GOALS_DATABASE_URL", url)
    capsys.readouterr()
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", list(MATRIX))
def test_permission_matrix_through_the_cli(users_store, tmp_path, monkeypatch, capsys, name):
    copy = tmp_path / "store.db"
    shutil.copy(users_store, copy)
    url = f"sqlite:///{copy}"
    own, other = own_and_other(name)
    cases = (("own", own, MATRIX[name][0]), ("other", other, MATRIX[name][1]))
    for label, content, allowed in cases:
        path = tmp_path / f"{label}.xlsx"
        path.write_bytes(content)
        code, answer = cli_main(
            url, monkeypatch, capsys, "import", str(path), "--user", name, "--json"
        )
        assert (answer["status"] == "applied") == allowed, (label, answer)
        assert code == (0 if allowed else 1)
        if not allowed:
            assert answer["errors"] and answer["upload_id"] is None
    engine = store.open_store(url)
    anna = status_workbook([["RYG-01", "Midtklyngen", 2022, "I alt", 17.25, None]])
    upload_id = import_workbook(
        engine=engine, content=anna, filename="a.xlsx", user="anna"
    ).upload_id
    code, answer = cli_main(
        url, monkeypatch, capsys, "rollback", str(upload_id), "--user", name, "--json"
    )
    assert (answer["status"] == "rolled_back") == MATRIX[name][2], answer
    assert code == (0 if MATRIX[name][2] else 1)
    store.dispose_engines()


def test_the_real_command_line_enforces_the_same_rules(users_store, tmp_path):
    """`python -m goals` as a separate process, with GOALS_DATABASE_URL: a viewer and a
    contributor of another steering group are refused, the owner's contributor is not."""
    copy = tmp_path / "store.db"
    shutil.copy(users_store, copy)
    url = f"sqlite:///{copy}"
    path = tmp_path / "voksne.xlsx"
    path.write_bytes(VOKSNE_FILE)
    for name, expected in (("dorte", "rejected"), ("bo", "rejected"), ("anna", "applied")):
        done = cli(url, "import", str(path), "--user", name, "--json")
        answer = json.loads(done.stdout)
        assert answer["status"] == expected, answer
        assert done.returncode == (0 if expected == "applied" else 1)
    done = cli(url, "rollback", str(answer["upload_id"]), "--user", "dorte", "--json")
    assert json.loads(done.stdout)["status"] == "refused" and done.returncode == 1


def test_cli_user_commands_act_as_the_system_admin_read_passwords_from_stdin_only(
    users_store, tmp_path
):
    copy = tmp_path / "store.db"
    shutil.copy(users_store, copy)
    url = f"sqlite:///{copy}"
    secret = "Meget-hemmeligt-kodeord-7"
    done = cli(url, "users", "add", "eva", "--role", "viewer", "--password-stdin", stdin=secret)
    assert done.returncode == 0, done.stderr
    assert secret not in done.stdout + done.stderr
    assert secret.encode() not in copy.read_bytes()
    engine = store.open_store(url)
    with store.read_session(engine) as session:
        event = access.audit_events(session)[0]
    assert (event.action, event.target) == ("user.add", "eva")
    assert event.actor.startswith("cli:")
    assert secret not in event.detail
    store.dispose_engines()


# --- markup in user text is shown as text -----------------------------------------------------------

NEEDLES = (SCRIPT, BOLD)
# Markdown that would be live wherever Streamlit reads text as markdown, even after HTML
# escaping: after a blank line, an image from any host (a tracking pixel) and a link.
PIXEL = "![x](http://tracker.invalid/p.png)"
LINK = "[Log ind her](http://phish.invalid/login)"
MARKDOWN = f"Status\n\n{PIXEL} {LINK}"
HOSTILE = status_workbook(
    indicators=[["RYG-01", "Midtklyngen", 2022, "I alt", 15.5, BOLD + " " + SCRIPT]],
    initiatives=[["KOL-1", SCRIPT, "Midtklyngen", "I gang", BOLD]],
    assessments=[["KOL-1", "Midtklyngen", 2024, "Grøn", f"{SCRIPT} og {BOLD} {MARKDOWN}"]],
)


def markup_elements(at: AppTest) -> list[Any]:
    """Every element that renders markdown (and may render HTML when allowed)."""
    return [*at.markdown, *at.caption, *at.get("html")]


def assert_shown_as_text(at: AppTest, needles=NEEDLES) -> None:
    """No element renders a needle as HTML; markdown carries it only escaped."""
    assert not at.exception, [e.value for e in at.exception]
    for element in markup_elements(at):
        body = getattr(element, "value", None) or getattr(element.proto, "body", "")
        html = getattr(element, "allow_html", False) or element.type == "html"
        for needle in needles:
            if needle in body:
                assert not html, f"{needle!r} rendered as HTML in {body[:200]!r}"
        for needle in (PIXEL, LINK):  # markdown is live in every one of these elements
            assert needle not in body, f"{needle!r} rendered as markdown in {body[:200]!r}"
    alerts = [*at.error, *at.warning, *at.info, *at.success]
    for alert in alerts:
        for needle in needles:
            assert needle not in alert.value, f"unescaped {needle!r} in an alert"


def _table_text(at: AppTest) -> str:
    return "\n".join(frame.value.to_csv() for frame in at.dataframe)


def _render_preview(result, content, filename):  # runs inside AppTest.from_function
    from goals.ui import upload_view

    upload_view.counts_table(result, "da")
    if result.errors:
        upload_view.errors_table(result, content, filename, "da")
    else:
        upload_view.changes_table(result, "da")


def test_upload_preview_shows_initiative_names_comments_and_status_text_as_text(catalogue_engine):
    preview = import_workbook(
        engine=catalogue_engine, content=HOSTILE, filename="s.xlsx", user="x", dry_run=True
    )
    assert preview.status == "preview", preview.errors
    texts = " ".join(f"{c.subject} {c.new}" for c in preview.changes)
    assert SCRIPT in texts and BOLD in texts  # stored and previewed verbatim
    at = AppTest.from_function(
        _render_preview, args=(preview, HOSTILE, "s.xlsx"), default_timeout=60
    ).run()
    assert_shown_as_text(at)
    # the changes table is escaped HTML (so its text can wrap): read it back as text
    tables = " ".join(html.unescape(e.proto.body) for e in at.get("html"))
    shown = _table_text(at) + " ".join(e.value for e in at.markdown) + tables
    assert SCRIPT in shown or re.escape(SCRIPT) in shown


def test_upload_errors_show_hostile_values_as_text(catalogue_engine):
    bad = status_workbook([["RYG-01", SCRIPT, 2022, "I alt", 15.5, None]])
    result = import_workbook(
        engine=catalogue_engine, content=bad, filename=f"{BOLD}.xlsx", user="x", dry_run=True
    )
    assert result.status == "rejected"
    at = AppTest.from_function(
        _render_preview, args=(result, bad, f"{BOLD}.xlsx"), default_timeout=60
    ).run()
    assert_shown_as_text(at)
    assert SCRIPT in _table_text(at)


def run_page(url: str, page: str, monkeypatch, login: str | None = None, **query) -> AppTest:
    monkeypatch.setenv("GOALS_DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    store.dispose_engines()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    if login:
        at.session_state["goals_login"] = {"name": login, "at": time.time()}
    at.switch_page(page)
    return at.run()


@pytest.fixture
def hostile_store(tmp_path) -> str:
    """A demo store plus an upload whose texts are markup, and a hostile goal title."""
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    initialise(url, demo=True)
    engine = store.open_store(url)
    result = import_workbook(engine=engine, content=HOSTILE, filename=f"{SCRIPT}.xlsx", user=BOLD)
    assert result.status == "applied", result.errors
    store.dispose_engines()
    return url


def test_every_page_shows_uploaded_markup_as_text(hostile_store, monkeypatch):
    pages = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
    for name in pages:
        at = run_page(hostile_store, f"pages/{name}", monkeypatch, goal="KOL-1", cluster="MIDT")
        assert_shown_as_text(at)
    st.cache_resource.clear()
    store.dispose_engines()


def test_admin_audit_trail_shows_hostile_names_as_text(hostile_store, monkeypatch):
    engine = store.open_store(hostile_store)
    with store.write_session(engine) as session:
        access.add_user(
            session=session, actor=SYSTEM, name="admin", role="admin", password=PASSWORD
        )
        catalogue_edit.edit_goal(
            session=session,
            actor=access.actor_for(session, "admin"),
            code="KOL-1",
            title=f"{BOLD} {SCRIPT}",
        )
    access.authenticate(engine=engine, name=SCRIPT, password="wrong")
    store.dispose_engines()
    at = run_page(hostile_store, "pages/admin.py", monkeypatch, login="admin")
    assert_shown_as_text(at)
    audit = at.dataframe[-1].value
    assert "(ukendt brugernavn)" in set(
        audit["Hvem"]
    )  # an unknown name is never stored: it may be a password
    assert any(SCRIPT in str(v) for v in audit["Detaljer"])
    st.cache_resource.clear()
    store.dispose_engines()


# --- exported cells beginning with = + - @ are inert ---------------------------------------------------

FORMULAS = ['=HYPERLINK("http://example.com","klik")', "+45 12 34", "-1+2", "@SUM(A1)", "=1+1"]


def assert_inert(content: bytes, expected: list[str]) -> None:
    """No formula anywhere in the file, and each text is a text cell with quotePrefix."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert not re.search(rb"<(?:\w+:)?f[\s>/]", xml), f"a formula in {name}"
    book = load_workbook(io.BytesIO(content))
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in expected:
                    found[cell.value] = cell
    assert set(found) == set(expected), set(expected) - set(found)
    for cell in found.values():
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate


def test_status_export_is_inert(catalogue_engine):
    content = status_workbook(
        indicators=[["RYG-01", "Midtklyngen", 2022, "I alt", 15.5, FORMULAS[0]]],
        initiatives=[["KOL-1", FORMULAS[4], "Midtklyngen", "I gang", FORMULAS[3]]],
        assessments=[["KOL-1", "Midtklyngen", 2022, "Grøn", FORMULAS[2]]],
    )
    result = import_workbook(engine=catalogue_engine, content=content, filename="s.xlsx", user="x")
    assert result.status == "applied", result.errors
    exported = export_workbook(engine=catalogue_engine)
    assert_inert(exported, [FORMULAS[0], FORMULAS[4], FORMULAS[3], FORMULAS[2]])
    again = import_workbook(
        engine=catalogue_engine, content=exported, filename="e.xlsx", user="x", dry_run=True
    )
    assert again.counts["new"] == again.counts["changed"] == 0  # the text came back exactly


def test_catalogue_export_is_inert(catalogue_engine):
    admin = Actor("sekretariat", Role.ADMIN)
    with store.write_session(catalogue_engine) as session:
        catalogue_edit.edit_goal(
            session=session, actor=admin, code="KOL-1", title=FORMULAS[0], description=FORMULAS[3]
        )
        catalogue_edit.edit_steering_group(
            session=session, actor=admin, code="BUF", name=FORMULAS[1]
        )
        catalogue_edit.edit_indicator(
            session=session, actor=admin, code="RYG-01", source=FORMULAS[2]
        )
        catalogue_edit.add_area_alias(session=session, actor=admin, area="K791", alias=FORMULAS[4])
    content = catalogue_sheets.export_catalogue_workbook(engine=catalogue_engine)
    assert_inert(content, FORMULAS[:4])
    result = catalogue_sheets.import_catalogue_workbook(
        engine=catalogue_engine, content=content, filename="k.xlsx", actor=admin, dry_run=True
    )
    assert result.totals["changed"] == 0, result.changes  # and they come back exactly


def test_audit_export_is_inert():
    from goals.ui import admin

    events = [
        AuditEvent(id=i, actor=text, action="login.failed", target=text, detail="{}")
        for i, text in enumerate(FORMULAS)
    ]
    for event in events:
        event.at = event.at.replace(microsecond=0)
    frame = admin.audit_frame(events, "da")
    rows = list(csv.reader(io.StringIO(admin.audit_csv(frame).decode("utf-8-sig")), delimiter=";"))
    for row, text in zip(rows[1:], FORMULAS, strict=True):
        assert row[1] == "'" + text and row[3] == "'" + text
    assert_inert(admin.audit_xlsx(frame, "da"), FORMULAS)


# --- oversized files and zip bombs are refused before anything is unpacked ----------------------------


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A small .xlsx-looking zip that would unpack to 210 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                member.write(chunk)
    return out.getvalue()


@pytest.fixture
def nothing_unpacked(monkeypatch):
    """Fail the test if calamine opens the file or any zip member is unpacked."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was unpacked or read")

    monkeypatch.setattr(workbook_read.CalamineWorkbook, "from_filelike", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)


def both_importers(engine, content: bytes) -> list[str]:
    status = import_workbook(engine=engine, content=content, filename="s.xlsx", user="x")
    catalogue = catalogue_sheets.import_catalogue_workbook(
        engine=engine, content=content, filename="k.xlsx", actor=SYSTEM
    )
    assert status.status == catalogue.status == "rejected"
    return [status.errors[0].message, catalogue.errors[0].message]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(zip_bomb, catalogue_engine, nothing_unpacked):
    content = zip_bomb
    assert len(content) < 1024 * 1024
    before = table_dump(catalogue_engine)
    for message in both_importers(catalogue_engine, content):
        assert "ville fylde 210,0 MB udpakket" in message
    assert table_dump(catalogue_engine) == before


def test_a_file_over_the_size_limit_is_refused_unread(
    catalogue_engine, nothing_unpacked, monkeypatch
):
    monkeypatch.setenv("GOALS_UPLOAD_LIMIT_MB", "0.01")
    monkeypatch.setattr(zipfile, "ZipFile", None)  # not even the zip directory is read
    content = VOKSNE_FILE + b"\0" * 20_000
    for message in both_importers(catalogue_engine, content):
        assert "men grænsen er 0,0 MB" in message


# --- passwords are never stored or logged in clear ------------------------------------------------------


def test_passwords_are_never_stored_or_logged_in_clear(catalogue_engine, caplog, capsys, tmp_path):
    secrets = ["Hemmelig-kodeord-42", "Forkert-kodeord-99", "Nyt-hemmeligt-77"]
    caplog.set_level(logging.DEBUG)
    with store.write_session(catalogue_engine) as session:
        access.add_user(
            session=session, actor=SYSTEM, name="sekretariat", role="admin", password=secrets[0]
        )
    assert access.authenticate(
        engine=catalogue_engine, name="sekretariat", password=secrets[0]
    ).actor
    assert not access.authenticate(
        engine=catalogue_engine, name="sekretariat", password=secrets[1]
    ).actor
    assert not access.authenticate(
        engine=catalogue_engine, name="ukendt", password=secrets[1]
    ).actor
    with store.write_session(catalogue_engine) as session:
        access.reset_password(
            session=session, actor=SYSTEM, name="sekretariat", password=secrets[2]
        )
    with store.read_session(catalogue_engine) as session:
        stored = session.exec(select(User)).one().password_hash
    assert stored.startswith("$argon2id$")
    dump = repr(table_dump(catalogue_engine))
    out = capsys.readouterr()
    logged = caplog.text + out.out + out.err
    for secret in secrets:
        assert secret not in dump
        assert secret not in logged
    # nor in the database file itself (and its write-ahead log), byte for byte; on PostgreSQL
    # the table dump above is what can be read
    if catalogue_engine.dialect.name != "sqlite":
        return
    database = Path(catalogue_engine.url.database)
    store.dispose_engines()
    for path in [database, *database.parent.glob(database.name + "-*")]:
        raw = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in raw, path


# --- names with quotes and SQL are stored verbatim ----------------------------------------------------

NASTY = [
    "O'Brien",
    'Robert"); DROP TABLE "user"; --',
    "x' OR '1'='1",
    "Søren; DELETE FROM goal WHERE 1=1; --",
    "%_\\ \t tab og 'citat'",
]


def test_names_with_quotes_and_sql_are_stored_verbatim(catalogue_engine):
    admin = Actor("sekretariat", Role.ADMIN)
    with store.write_session(catalogue_engine) as session:
        for i, name in enumerate(NASTY):
            access.add_user(
                session=session,
                actor=admin if i else SYSTEM,
                name=name,
                role="admin" if i == 0 else "viewer",
                password=PASSWORD,
            )
        catalogue_edit.edit_goal(session=session, actor=admin, code="KOL-1", title=NASTY[1])
        catalogue_edit.add_steering_group(
            session=session, actor=admin, code=NASTY[2][:40], name=NASTY[3]
        )
        catalogue_edit.add_area_alias(session=session, actor=admin, area="K791", alias=NASTY[0])
    with store.read_session(catalogue_engine) as session:
        names = [u["name"] for u in access.list_users(session)]
        cat = Catalogue.load(session)
        group = session.exec(select(SteeringGroup).where(SteeringGroup.code == NASTY[2])).one()
        audited = [e.target for e in access.audit_events(session)]
    assert sorted(names) == sorted(n.strip() for n in NASTY)
    assert cat.goal("KOL-1").title == NASTY[1]
    assert group.name == NASTY[3]
    assert cat.area_index.get(NASTY[0]).code == "K791"
    assert NASTY[1].strip() in audited
    with catalogue_engine.connect() as connection:  # every table is still there
        tables = set(sa.inspect(connection).get_table_names())
        assert {"user", "goal", "auditevent"} <= tables
        assert connection.execute(sa.select(sa.func.count()).select_from(Goal)).scalar() == 6
    # and a login with such a name works, and a wrong one fails without error
    assert access.authenticate(engine=catalogue_engine, name=NASTY[2], password=PASSWORD).actor
    assert not access.authenticate(engine=catalogue_engine, name="' OR 1=1 --", password="x").actor


def test_uploaded_names_with_quotes_and_sql_are_stored_verbatim(catalogue_engine):
    content = status_workbook(initiatives=[["KOL-1", NASTY[1], "Midtklyngen", "I gang", NASTY[2]]])
    result = import_workbook(
        engine=catalogue_engine, content=content, filename=NASTY[0], user=NASTY[3]
    )
    assert result.status == "applied", result.errors
    with catalogue_engine.connect() as connection:
        row = connection.execute(sa.text("SELECT name, note FROM initiative")).one()
        upload = connection.execute(sa.text('SELECT filename, "user" FROM upload')).one()
    assert tuple(row) == (NASTY[1], NASTY[2])
    assert tuple(upload) == (NASTY[0], NASTY[3])


def test_the_accessibility_statement_setting_takes_only_a_web_address(monkeypatch):
    from goals import config

    monkeypatch.setenv("GOALS_ACCESSIBILITY_URL", "  https://was.digst.dk/app-x  ")
    assert config.settings().accessibility_url == "https://was.digst.dk/app-x"
    monkeypatch.setenv("GOALS_ACCESSIBILITY_URL", "")
    assert config.settings().accessibility_url is None
    for bad in ("javascript:alert(1)", "was.digst.dk", "https://x y"):
        monkeypatch.setenv("GOALS_ACCESSIBILITY_URL", bad)
        with pytest.raises(config.ConfigError, match="GOALS_ACCESSIBILITY_URL"):
            config.settings()
