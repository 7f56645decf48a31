"""Issue 12, items 5, 7 and 8: a re-send that changes nothing is recorded and protects its
values at a rollback; rollback rights follow the account (id) and the steering groups' current
ownership; archived originals are for their steering group, the uploader and admins."""

from __future__ import annotations

import pytest
from conftest_workbook import dump, workbook

from goals import access, store
from goals.access import Actor, PermissionDenied
from goals.store.model import Role
from goals.workbook import import_workbook, list_uploads, rollback_upload, upload_file
from goals.workbook.rights import may_download, may_roll_back

pytestmark = pytest.mark.store

SYSTEM = Actor(name="cli:test", role=Role.ADMIN)
ROWS = [
    ["RYG-01", "Midtklyngen", 2021, "I alt", "13,8"],
    ["RYG-01", "Vestklyngen", 2021, "I alt", 13.6],
]


def _users(engine, *specs):
    with store.write_session(engine) as session:
        for name, role, groups in specs:
            access.add_user(
                session=session, actor=SYSTEM, name=name, role=role, steering_groups=groups,
                password="a long password 1",
            )  # fmt: skip


@pytest.fixture
def users(catalogue_engine):
    _users(
        catalogue_engine,
        ("sekretariat", "admin", ()),
        ("anna", "contributor", ("VOKSNE",)),
        ("bo", "contributor", ("VOKSNE",)),
        ("cilla", "contributor", ("BUF",)),
        ("dorte", "viewer", ()),
    )
    return catalogue_engine


def _send(engine, user, rows=ROWS, name=None, content=None):
    result = import_workbook(
        engine=engine, content=content or workbook(rows), filename=name or f"{user}.xlsx",
        user=user,
    )  # fmt: skip
    assert result.status == "applied", result.errors
    return result


def _actor(engine, name):
    with store.read_session(engine) as session:
        return access.actor_for(session, name)


# --- item 5: a re-send that changes nothing ------------------------------------------------------


def test_rolling_back_an_upload_names_a_later_send_of_the_same_values(users):
    first = _send(users, "anna")
    again = _send(users, "bo")  # the same values: "Intet nyt", but recorded
    assert again.upload_id is not None and again.counts["unchanged"] == 2
    before = dump(users)
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="sekretariat")
    assert refused.status == "refused"
    assert refused.blocked_by == (again.upload_id,)
    assert f"nr. {again.upload_id}" in refused.message and "sendte 2 af dens værdier igen" in (
        refused.message
    )
    assert dump(users) == before  # nothing withdrawn
    # rolling back the confirmation changes no value, then the first can go
    undo = rollback_upload(engine=users, upload_id=again.upload_id, user="bo")
    assert undo.status == "rolled_back" and undo.withdrawn == 0 and undo.carried == 2
    assert "ændrede ingen værdier" in undo.message
    assert (
        rollback_upload(engine=users, upload_id=first.upload_id, user="anna").status
        == "rolled_back"
    )


def test_a_partly_unchanged_send_also_protects_the_values_it_repeated(users):
    first = _send(users, "anna")
    second = _send(users, "bo", [ROWS[0], ["RYG-01", "Vestklyngen", 2021, "I alt", 14.1]])
    assert second.counts == {"new": 0, "changed": 1, "unchanged": 1, "rejected": 0}
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="anna", dry_run=True)
    assert refused.status == "refused" and refused.blocked_by == (second.upload_id,)
    assert "ændret 1 af de samme værdier" in refused.message
    assert "sendte 1 af dens værdier igen" in refused.message


def test_a_file_without_any_value_records_nothing(users):
    before = dump(users)
    result = import_workbook(engine=users, content=workbook([]), filename="tom.xlsx", user="anna")
    assert result.upload_id is None
    assert dump(users) == before


# --- item 7: rights follow the account -----------------------------------------------------------


def test_a_recreated_user_of_the_same_name_does_not_inherit_uploads(users):
    first = _send(users, "anna")
    with store.write_session(users) as session:
        access.remove_user(session=session, actor=SYSTEM, name="anna")
    _users(users, ("anna", "contributor", ("BUF",)))
    before = dump(users)
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="anna")
    assert refused.status == "refused" and "må ikke rulle" in refused.message
    assert dump(users) == before
    [info] = list_uploads(engine=users)
    assert info.user == "anna" and info.user_id is None  # the name stays in the history
    assert not may_roll_back(_actor(users, "anna"), info)
    with pytest.raises(PermissionDenied):
        upload_file(engine=users, upload_id=first.upload_id, user="anna")
    # even re-created in the same steering group, the new account may not roll it back
    with store.write_session(users) as session:
        access.remove_user(session=session, actor=SYSTEM, name="anna")
    _users(users, ("anna", "contributor", ("VOKSNE",)))
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="anna")
    assert refused.status == "refused"
    assert (
        rollback_upload(engine=users, upload_id=first.upload_id, user="sekretariat").status
        == "rolled_back"
    )


def test_an_uploader_who_left_the_steering_group_may_not_roll_back(users):
    first = _send(users, "anna")
    with store.write_session(users) as session:
        from sqlmodel import select

        from goals.store.model import SteeringGroup, User, UserSteeringGroup

        anna = session.exec(select(User).where(User.name == "anna")).one()
        voksne = session.exec(select(SteeringGroup).where(SteeringGroup.code == "VOKSNE")).one()
        buf = session.exec(select(SteeringGroup).where(SteeringGroup.code == "BUF")).one()
        link = session.get(UserSteeringGroup, (anna.id, voksne.id))
        session.delete(link)
        session.add(UserSteeringGroup(user_id=anna.id, steering_group_id=buf.id))
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="anna")
    assert refused.status == "refused"
    assert "hører ikke længere til den styregruppe" in refused.message
    assert "RYG-01" in refused.message


def test_rollback_names_file_steering_group_uploader_and_values(users):
    first = _send(users, "anna", name="voksne_q3.xlsx")
    preview = rollback_upload(engine=users, upload_id=first.upload_id, user="anna", dry_run=True)
    assert preview.status == "preview" and preview.withdrawn == 2
    assert (preview.filename, preview.user) == ("voksne_q3.xlsx", "anna")
    assert preview.steering_groups == ("Styregruppen for den voksne borger",)
    assert preview.created_at is not None


# --- item 8: originals ---------------------------------------------------------------------------


def test_originals_are_for_their_steering_group_the_uploader_and_admins(users):
    content = workbook(ROWS)
    first = _send(users, "anna", content=content)
    expected = ("anna.xlsx", content)
    for name in ("anna", "bo", "sekretariat"):  # uploader, same steering group, admin
        assert upload_file(engine=users, upload_id=first.upload_id, user=name) == expected
    for name in ("cilla", "dorte", "nobody"):  # another steering group, a viewer, unknown
        with pytest.raises(PermissionDenied) as refused:
            upload_file(engine=users, upload_id=first.upload_id, user=name)
        assert "originale fil" in refused.value.text("da")
    [info] = list_uploads(engine=users)
    assert may_download(_actor(users, "bo"), info)
    assert not may_download(_actor(users, "cilla"), info)
    assert upload_file(engine=users, upload_id=999, user="anna") is None


def test_demo_mode_may_download_everything(catalogue_engine):
    first = _send(catalogue_engine, "hvem-som-helst")
    assert upload_file(engine=catalogue_engine, upload_id=first.upload_id, user=None)


# --- item 6: a re-send without limits or comments shows what it removes --------------------------

LIMITS = ["Indikator", "Område", "Periode", "Gruppe", "Værdi", "Nedre", "Øvre", "Kommentar"]


def test_the_preview_names_every_field_a_resend_empties(catalogue_engine):
    stored = [["RYG-01", "Midtklyngen", 2021, "I alt", "13,8", "12,1", "15,5", "Ny metode"]]
    bare = [["RYG-01", "Midtklyngen", 2021, "I alt", "13,8", None, None, None]]
    import_workbook(
        engine=catalogue_engine, content=workbook(stored, header=LIMITS), filename="a.xlsx",
        user="anna",
    )  # fmt: skip
    preview = import_workbook(
        engine=catalogue_engine, content=workbook(bare, header=LIMITS), filename="b.xlsx",
        user="anna", dry_run=True,
    )  # fmt: skip
    assert preview.counts["changed"] == 1
    assert preview.notes[0].startswith("Bemærk: 1 rækker har tomme felter")
    assert "Indikatorer!E2" in preview.notes[0]
    for field in ("Kommentar", "Nedre grænse", "Øvre grænse"):
        assert field in preview.notes[0]
    [change] = preview.changes
    assert change.fields == (
        ("Nedre grænse", "12,1", "(tom – fjernes)"),
        ("Øvre grænse", "15,5", "(tom – fjernes)"),
        ("Kommentar", "Ny metode", "(tom – fjernes)"),
    )
    assert set(change.removes) == {"Nedre grænse", "Øvre grænse", "Kommentar"}
    # a changed value is shown field by field too, in English as well
    other = [["RYG-01", "Midtklyngen", 2021, "I alt", "14", "12,1", "15,5", "Ny metode"]]
    preview = import_workbook(
        engine=catalogue_engine, content=workbook(other, header=LIMITS), filename="c.xlsx",
        user="anna", dry_run=True, lang="en",
    )  # fmt: skip
    assert preview.changes[0].fields == (("Value", "13.8", "14"),)
    assert not any(n.startswith("Note:") for n in preview.notes)
