"""Users, roles, login with backoff and the audit trail — enforced in the core."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from goals import access, store
from goals.access import AccessError, Actor, PermissionDenied
from goals.store.model import AuditEvent, Role, User

SYSTEM = Actor(name="cli:root", role=Role.ADMIN)


def add(engine, name, role, groups=(), password="correct horse battery", actor=SYSTEM, email=None):
    with store.write_session(engine) as session:
        access.add_user(
            session=session,
            actor=actor,
            name=name,
            role=role,
            steering_groups=groups,
            password=password,
            email=email,
        )


def actor(engine, name):
    with store.read_session(engine) as session:
        return access.actor_for(session, name)


def test_no_users_means_demo_mode_with_full_rights(catalogue_engine):
    assert access.demo_mode(catalogue_engine)
    demo = actor(catalogue_engine, None)
    assert demo.demo and demo.may_administer() and demo.may_upload_for(None)


def test_first_user_must_be_an_admin_and_ends_demo_mode(catalogue_engine):
    with pytest.raises(AccessError, match="first user must be an admin"):
        add(catalogue_engine, "anna", "viewer")
    add(catalogue_engine, "sekretariat", "admin")
    assert not access.demo_mode(catalogue_engine)
    assert actor(catalogue_engine, None) is None
    assert actor(catalogue_engine, "nobody") is None


def test_roles_and_steering_groups(catalogue_engine):
    add(catalogue_engine, "sekretariat", "admin")
    add(catalogue_engine, "anna", "contributor", ["VOKSNE"])
    add(catalogue_engine, "direktør", "viewer")
    with store.read_session(catalogue_engine) as session:
        from goals.catalogue import Catalogue

        cat = Catalogue.load(session)
        voksne, buf = cat.steering_group("VOKSNE").id, cat.steering_group("BUF").id
    anna = actor(catalogue_engine, "anna")
    assert (
        anna.may_upload_for(voksne) and not anna.may_upload_for(buf) and not anna.may_administer()
    )
    viewer = actor(catalogue_engine, "direktør")
    assert not viewer.may_upload() and not viewer.may_upload_for(voksne)
    admin = actor(catalogue_engine, "sekretariat")
    assert admin.may_upload_for(buf) and admin.may_administer()


def test_user_changes_need_an_admin(catalogue_engine):
    add(catalogue_engine, "sekretariat", "admin")
    add(catalogue_engine, "anna", "contributor", ["VOKSNE"])
    anna = actor(catalogue_engine, "anna")
    with pytest.raises(PermissionDenied, match="Only an admin may add users; anna may not"):
        add(catalogue_engine, "mallory", "admin", actor=anna)
    with pytest.raises(PermissionDenied), store.write_session(catalogue_engine) as session:
        access.remove_user(session=session, actor=anna, name="sekretariat")
    with (
        pytest.raises(AccessError, match="last admin"),
        store.write_session(catalogue_engine) as session,
    ):
        access.remove_user(session=session, actor=SYSTEM, name="sekretariat")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "boss"}, "Unknown role"),
        ({"role": "contributor", "groups": []}, "needs at least one steering group"),
        ({"role": "contributor", "groups": ["NOPE"]}, "Unknown steering group 'NOPE'"),
        ({"role": "viewer", "password": "short"}, "at least 10 characters"),
    ],
)
def test_bad_user_input_is_refused(catalogue_engine, kwargs, message):
    add(catalogue_engine, "sekretariat", "admin")
    kwargs = {"groups": (), **kwargs}
    with pytest.raises(AccessError, match=message):
        add(catalogue_engine, "x", kwargs.pop("role"), kwargs.pop("groups"), **kwargs)


def test_names_with_quotes_and_sql_are_stored_verbatim(catalogue_engine):
    name = "O'Brien\"; DROP TABLE user; --"
    add(catalogue_engine, name, "admin")
    with store.read_session(catalogue_engine) as session:
        assert [u["name"] for u in access.list_users(session)] == [name]
    assert actor(catalogue_engine, name).name == name


def test_passwords_are_argon2id_hashes_never_clear_text(catalogue_engine):
    add(catalogue_engine, "sekretariat", "admin", password="Hemmeligt-kodeord-42")
    with catalogue_engine.connect() as connection:
        stored = connection.execute(sa.select(User.password_hash)).scalar_one()
        everything = json.dumps(
            [
                list(map(str, r))
                for t in ("user", "auditevent")
                for r in connection.execute(sa.text(f'SELECT * FROM "{t}"'))
            ]
        )
    assert stored.startswith("$argon2id$")
    assert "Hemmeligt-kodeord-42" not in everything


def test_login_success_failure_and_backoff(catalogue_engine, monkeypatch):
    add(catalogue_engine, "anna", "admin", password="rigtig-kode-123")
    ok = access.authenticate(engine=catalogue_engine, name="anna", password="rigtig-kode-123")
    assert ok.actor and ok.actor.name == "anna"
    for _ in range(access.MAX_FAILURES_BEFORE_LOCK):
        assert (
            access.authenticate(engine=catalogue_engine, name="anna", password="forkert").actor
            is None
        )
    locked = access.authenticate(engine=catalogue_engine, name="anna", password="rigtig-kode-123")
    assert locked.actor is None and locked.message == "locked" and locked.retry_after_seconds > 0
    # after the lock has passed, the right password works again and resets the counter
    later = access.utcnow() + dt.timedelta(seconds=access.LOCK_SECONDS_MAX + 1)
    monkeypatch.setattr(access, "utcnow", lambda: later)
    assert access.authenticate(
        engine=catalogue_engine, name="anna", password="rigtig-kode-123"
    ).actor
    unknown = access.authenticate(engine=catalogue_engine, name="nobody", password="x")
    assert unknown.actor is None and unknown.message == "wrong"


def test_every_user_change_and_failed_login_is_audited(catalogue_engine):
    add(catalogue_engine, "sekretariat", "admin")
    add(catalogue_engine, "anna", "contributor", ["VOKSNE"])
    with store.write_session(catalogue_engine) as session:
        access.reset_password(
            session=session, actor=SYSTEM, name="anna", password="ny-kode-1234567"
        )
        access.remove_user(session=session, actor=SYSTEM, name="anna")
    access.authenticate(engine=catalogue_engine, name="anna", password="gæt")
    with store.read_session(catalogue_engine) as session:
        events = access.audit_events(session)
    assert [e.action for e in reversed(events)] == [
        "user.add",
        "user.add",
        "user.password_reset",
        "user.remove",
        "login.failed",
    ]
    assert all(e.actor and e.at for e in events)
    assert json.loads(events[-2].detail)["steering_groups"] == ["VOKSNE"]


def test_audit_event_lands_only_with_its_write(catalogue_engine):
    with pytest.raises(RuntimeError), store.write_session(catalogue_engine) as session:
        access.record(session, actor="x", action="catalogue.edit", target="RYG-01")
        raise RuntimeError("the write failed")
    with catalogue_engine.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one() == 0
        )


def test_single_sign_on_maps_email_to_user(catalogue_engine):
    add(catalogue_engine, "sekretariat", "admin", email="Sekretariat@RM.dk")
    with store.read_session(catalogue_engine) as session:
        assert access.actor_for_email(session, "sekretariat@rm.dk").name == "sekretariat"
        assert access.actor_for_email(session, "other@rm.dk") is None
