"""Failed logins are throttled per client: guessing from one address (or many) cannot keep an
account's owner out of a machine they use (issue 12, item 10)."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from goals import access, store
from goals.access import Actor
from goals.store.model import AuditEvent, LoginThrottle, Role, User

SYSTEM = Actor(name="cli:root", role=Role.ADMIN)
PASSWORD = "sekretariatets lange kode"
ATTACKER = "203.0.113.66"
OWNER_PC = "192.0.2.10"


class Clock:
    """`access.utcnow`, moved on by hand instead of sleeping."""

    def __init__(self) -> None:
        self.now = dt.datetime(2030, 1, 1, 8, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(access, "utcnow", clock)
    return clock


@pytest.fixture
def admin(engine, monkeypatch) -> sa.Engine:
    """A store with one admin, `sekretariat`; hashing is made cheap, as the tests guess a lot."""
    monkeypatch.setattr(access, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    with store.write_session(engine) as session:
        access.add_user(
            session=session, actor=SYSTEM, name="sekretariat", role="admin", password=PASSWORD
        )
        access.add_user(
            session=session, actor=SYSTEM, name="anna", role="viewer", password="annas lange kode"
        )
    return engine


def login(engine, client, password=PASSWORD, name="sekretariat"):
    return access.authenticate(engine=engine, name=name, password=password, client=client)


def guess_until_counted(engine, clock, client, times, name="sekretariat"):
    """`times` counted failures from `client`, waiting out each lock they cause."""
    for _ in range(times):
        result = login(engine, client, "a wrong guess", name)
        if result.message == "locked":
            clock.advance(result.retry_after_seconds)
            result = login(engine, client, "a wrong guess", name)
        assert result.actor is None and result.message == "wrong"


def throttles(engine):
    with store.read_session(engine) as session:
        return {
            (r.client, r.user_name): r for r in session.exec(sa.select(LoginThrottle)).scalars()
        }


def test_an_attacker_elsewhere_cannot_keep_the_owner_out(admin, clock):
    messages = [login(admin, ATTACKER, "a wrong guess").message for _ in range(100)]
    assert messages[: access.MAX_FAILURES_BEFORE_LOCK] == ["wrong"] * 5
    assert set(messages[access.MAX_FAILURES_BEFORE_LOCK :]) == {"locked"}
    # the attacker's client is locked for that name, even with the right password ...
    refused = login(admin, ATTACKER)
    assert refused.actor is None and refused.message == "locked"
    assert 0 < refused.retry_after_seconds <= access.LOCK_SECONDS_FIRST + 1
    # ... the owner at their own machine is not
    assert login(admin, OWNER_PC).actor.name == "sekretariat"
    # a locked attempt is neither checked nor counted
    with store.read_session(admin) as session:
        user = session.exec(sa.select(User).where(User.name == "sekretariat")).scalar_one()
        assert user.failed_logins == 0  # the owner's login cleared the account's count
    assert throttles(admin)[(ATTACKER, "sekretariat")].failures == 5


def test_guessing_past_the_account_threshold_keeps_out_new_clients_only(admin, clock):
    assert login(admin, OWNER_PC).actor  # the owner has used this machine before
    guess_until_counted(admin, clock, ATTACKER, 100)
    with store.read_session(admin) as session:
        user = session.exec(sa.select(User).where(User.name == "sekretariat")).scalar_one()
        assert user.failed_logins == 100 and user.locked_until is not None
    # a client that never logged in as the owner is refused, even with the right password
    new = login(admin, "198.51.100.7")
    assert new.actor is None and new.message == "locked" and new.retry_after_seconds > 0
    assert login(admin, ATTACKER).message == "locked"
    # the owner's machine is not, and their login clears the account's count
    assert login(admin, OWNER_PC).actor.name == "sekretariat"
    assert login(admin, "198.51.100.7").actor


def test_guessing_spread_over_many_clients_locks_the_account_for_new_clients(admin, clock):
    assert login(admin, OWNER_PC).actor
    for i in range(access.MAX_ACCOUNT_FAILURES_BEFORE_LOCK):
        result = login(admin, f"10.0.{i // 200}.{i % 200}", "a wrong guess")
        assert result.message == "wrong"  # none of them reached a limit of its own
    assert login(admin, "10.9.9.9").message == "locked"
    assert login(admin, OWNER_PC).actor
    # another account is not affected
    assert login(admin, "10.9.9.9", "annas lange kode", name="anna").actor


def test_spraying_many_names_from_one_client_locks_that_client(admin, clock):
    names = [f"bruger{i}" for i in range(access.MAX_CLIENT_FAILURES_BEFORE_LOCK - 1)]
    for name in [*names, "anna"]:
        assert login(admin, ATTACKER, "Sommer2030!", name).message == "wrong"
    for name in ("sekretariat", "bruger99", "anna"):  # every name, even with the right password
        result = login(admin, ATTACKER, name=name)
        assert result.actor is None and result.message == "locked"
    assert login(admin, OWNER_PC).actor
    # names that are not accounts are never stored: they may be passwords typed in the wrong field
    rows = throttles(admin)
    assert set(rows) == {(ATTACKER, ""), (ATTACKER, "anna"), (OWNER_PC, "sekretariat")}
    assert rows[(ATTACKER, "")].failures == access.MAX_CLIENT_FAILURES_BEFORE_LOCK
    with admin.connect() as connection:
        stored = json.dumps(
            [list(map(str, r)) for r in connection.execute(sa.select(AuditEvent.__table__))]
        )
    assert "bruger1" not in stored and "(ukendt brugernavn)" in stored


def test_a_locked_client_waits_even_with_the_right_password(admin, clock):
    for _ in range(access.MAX_FAILURES_BEFORE_LOCK):
        login(admin, ATTACKER, "a wrong guess")
    refused = login(admin, ATTACKER)
    assert refused.message == "locked" and refused.retry_after_seconds == 31
    clock.advance(access.LOCK_SECONDS_FIRST - 1)
    assert login(admin, ATTACKER).message == "locked"
    clock.advance(1)
    assert login(admin, ATTACKER).actor  # and it clears the count for that name
    assert throttles(admin)[(ATTACKER, "sekretariat")].failures == 0
    # each further failure doubles the lock, up to the maximum
    guess_until_counted(admin, clock, ATTACKER, access.MAX_FAILURES_BEFORE_LOCK + 1)
    assert login(admin, ATTACKER).retry_after_seconds == 2 * access.LOCK_SECONDS_FIRST + 1
    guess_until_counted(admin, clock, ATTACKER, 10)
    assert login(admin, ATTACKER).retry_after_seconds == access.LOCK_SECONDS_MAX + 1


def test_a_new_password_clears_the_locks(admin, clock):
    guess_until_counted(admin, clock, ATTACKER, access.MAX_ACCOUNT_FAILURES_BEFORE_LOCK)
    assert login(admin, OWNER_PC).message == "locked"  # a new client: the account lock
    assert login(admin, ATTACKER).message == "locked"
    with store.write_session(admin) as session:
        access.reset_password(
            session=session, actor=SYSTEM, name="sekretariat", password="en helt ny kode"
        )
    assert login(admin, OWNER_PC, "en helt ny kode").actor
    # the attacker's client is still locked for every name: that count is the client's
    assert login(admin, ATTACKER, "en helt ny kode").message == "locked"
    assert throttles(admin)[(ATTACKER, "sekretariat")].failures == 0


def test_a_quiet_day_forgets_the_failures(admin, clock):
    for _ in range(access.MAX_FAILURES_BEFORE_LOCK - 1):
        login(admin, ATTACKER, "a wrong guess")
    clock.advance(access.FAILURES_FORGOTTEN_AFTER.total_seconds() + 1)
    login(admin, OWNER_PC, "a wrong guess")  # any login attempt tidies up
    assert (ATTACKER, "sekretariat") not in throttles(admin)
    for _ in range(access.MAX_FAILURES_BEFORE_LOCK - 1):
        login(admin, ATTACKER, "a wrong guess")
    assert login(admin, ATTACKER).actor


def test_the_client_is_recorded_and_bounded(admin, clock):
    assert login(admin, "x" * 150, "a wrong guess").message == "wrong"
    assert login(admin, "", "a wrong guess").message == "wrong"
    assert login(admin, None, "a wrong guess").message == "wrong"
    assert access.authenticate(engine=admin, name="sekretariat", password=PASSWORD).actor
    rows = throttles(admin)
    assert rows[("x" * 100, "sekretariat")].failures == 1
    assert rows[("unknown", "sekretariat")].failures == 2
    assert rows[(access.LOCAL_CLIENT, "sekretariat")].last_ok_at is not None
    with store.read_session(admin) as session:
        events = access.audit_events(session, limit=4)
    assert [(e.action, json.loads(e.detail)["client"]) for e in reversed(events)] == [
        ("login.failed", "x" * 100),
        ("login.failed", "unknown"),
        ("login.failed", "unknown"),
        ("login.ok", "local"),
    ]


def test_a_removed_user_leaves_no_known_clients_behind(admin, clock):
    assert login(admin, OWNER_PC, "annas lange kode", name="anna").actor
    with store.write_session(admin) as session:
        access.remove_user(session=session, actor=SYSTEM, name="anna")
    assert (OWNER_PC, "anna") not in throttles(admin)


def test_the_login_form_counts_failures_for_its_client(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from goals.setup import initialise
    from tests.conftest import ROOT

    url = f"sqlite:///{tmp_path / 'app.db'}"
    initialise(url)
    with store.write_session(store.open_store(url)) as session:
        access.add_user(
            session=session, actor=SYSTEM, name="sekretariat", role="admin", password=PASSWORD
        )
    store.dispose_engines()
    monkeypatch.setenv("GOALS_DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for _ in range(access.MAX_FAILURES_BEFORE_LOCK + 1):
        at.text_input(key="sidebar-login-name").set_value("sekretariat")
        at.text_input(key="sidebar-login-password").set_value("a wrong guess")
        at.sidebar.button[0].click()
        at.run()
    assert "For mange forkerte forsøg herfra" in at.error[0].value
    # AppTest, like a browser on the same machine, has no address: the local client
    assert throttles(store.open_store(url))[(access.LOCAL_CLIENT, "sekretariat")].failures == 5
    store.dispose_engines()
