"""Permissions enforced where status workbooks are written (goals.workbook → goals.access)."""

import pytest

from goals import access, store
from goals.access import Actor
from goals.store.model import Role
from goals.workbook import import_workbook, rollback_upload
from tests.conftest import ROOT, table_dump

EXAMPLE = (ROOT / "tests" / "fixtures" / "statusark_voksne_2022.xlsx").read_bytes()
SYSTEM = Actor(name="cli:test", role=Role.ADMIN)


@pytest.fixture
def users(catalogue_engine):
    with store.write_session(catalogue_engine) as session:
        for name, role, groups in (
            ("sekretariat", "admin", ()),
            ("anna", "contributor", ("VOKSNE",)),
            ("bo", "contributor", ("BUF",)),
            ("dorte", "viewer", ()),
        ):
            access.add_user(
                session=session,
                actor=SYSTEM,
                name=name,
                role=role,
                steering_groups=groups,
                password="a long password 1",
            )
    return catalogue_engine


def upload(engine, user, **kw):
    return import_workbook(
        engine=engine, content=EXAMPLE, filename="statusark.xlsx", user=user, **kw
    )


def test_demo_mode_lets_anyone_upload(catalogue_engine):
    assert upload(catalogue_engine, "hvem-som-helst").status == "applied"


def test_contributor_uploads_for_own_steering_group(users):
    result = upload(users, "anna")
    assert result.status == "applied", result.errors


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("nobody", "findes ikke i Målbillede"),
        ("dorte", "har kun læseadgang"),
    ],
)
def test_unknown_user_and_viewer_are_rejected_and_nothing_is_written(users, user, expected):
    before = table_dump(users)
    result = upload(users, user)
    assert result.status == "rejected"
    assert len(result.errors) == 1 and expected in result.errors[0].message
    assert table_dump(users) == before


def test_contributor_of_another_group_gets_one_error_per_indicator_naming_rows(users):
    before = table_dump(users)
    result = upload(users, "bo")
    assert result.status == "rejected"
    by_indicator = {e.value: e for e in result.errors if e.sheet == "Indikatorer"}
    assert set(by_indicator) == {"RYG-01", "KOL-01", "OVV-01"}
    ryg = by_indicator["RYG-01"]
    assert ryg.cell == "Indikatorer!E5"
    assert "rækkerne 5–11" in ryg.message and "Styregruppen for den voksne borger" in ryg.message
    assert "Styregruppen for børn, unge og familien" in ryg.message
    goal_errors = [e for e in result.errors if e.sheet in ("Indsatser", "Vurdering")]
    assert goal_errors and all(
        "hører til Styregruppen for den voksne borger" in e.message for e in goal_errors
    )
    assert table_dump(users) == before
    # also in a dry run, and in English
    preview = upload(users, "bo", dry_run=True, lang="en")
    assert preview.status == "rejected" and "belongs to" in preview.errors[0].message


def test_rollback_by_uploader_or_admin_only(users):
    first = upload(users, "anna")
    refused = rollback_upload(engine=users, upload_id=first.upload_id, user="bo")
    assert refused.status == "refused" and "må ikke rulle" in refused.message
    assert (
        rollback_upload(engine=users, upload_id=first.upload_id, user="anna").status
        == "rolled_back"
    )
    second = upload(users, "anna")
    assert (
        rollback_upload(engine=users, upload_id=second.upload_id, user="sekretariat").status
        == "rolled_back"
    )


def test_uploads_and_rollbacks_are_audited(users):
    result = upload(users, "anna")
    rollback_upload(engine=users, upload_id=result.upload_id, user="sekretariat")
    with store.read_session(users) as session:
        events = [(e.action, e.actor) for e in access.audit_events(session)]
    assert events[:2] == [("upload.rolled_back", "sekretariat"), ("upload.applied", "anna")]
