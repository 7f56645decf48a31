"""Who may do what: users, roles, permissions, login with backoff, and the audit trail.

Permissions are checked here, in the core, so the command line, the pages and any future API
obey the same rules. With no users at all (the embedded demo) the product runs in an explicit
demo mode in which everyone may do everything; once a user exists, uploads and administration
need a known user with the right role.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import config, store
from goals.i18n import t
from goals.store.model import (
    AuditEvent,
    LoginThrottle,
    Role,
    SteeringGroup,
    Upload,
    User,
    UserSteeringGroup,
    utcnow,
)

# argon2id with the library's defaults (RFC 9106 low-memory profile)
_hasher = PasswordHasher()
# Failed logins are counted per client (its address) and account name, per client over all
# names, and per account; each count locks for LOCK_SECONDS_FIRST from its threshold on,
# doubling with every further failure up to LOCK_SECONDS_MAX (see `authenticate`).
MAX_FAILURES_BEFORE_LOCK = 5  # from one client for one name: locks that client for that name
MAX_CLIENT_FAILURES_BEFORE_LOCK = 20  # from one client over all names: locks it for every name
MAX_ACCOUNT_FAILURES_BEFORE_LOCK = 50  # for one account from anywhere: locks new clients out
LOCK_SECONDS_FIRST = 30
LOCK_SECONDS_MAX = 15 * 60
FAILURES_FORGOTTEN_AFTER = dt.timedelta(hours=24)  # a client's count restarts after a quiet day
LOCAL_CLIENT = "local"  # the client of the command line and of a browser on the same machine


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users, so that their login takes as long as a known
    user's (made on first use: an argon2 hash at import would slow every start)."""
    return _hasher.hash("not a password of anyone")


DEMO_ACTOR_NAME = "demo"
MIN_PASSWORD_LENGTH = 10


class _Explained:
    """An error whose sentence exists in Danish and English (goals.i18n.auth, `access.*`);
    str() is the English sentence, for the command line and logs."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.text("en"))  # type: ignore[call-arg]

    def text(self, lang: str | None = "da") -> str:
        return t(self.key, lang, **self.values)


class AccessError(_Explained, ValueError):
    """A user change that cannot be made; the message says why in one sentence."""


class PermissionDenied(_Explained, PermissionError):
    """The actor may not do this; the message names what and why."""


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user with a role, or anyone in demo mode (no users exist)."""

    name: str
    role: Role
    steering_group_ids: frozenset[int] = field(default_factory=frozenset)
    demo: bool = False
    id: int | None = None  # the account (None in demo mode); rights follow it, not the name

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def may_view(self) -> bool:
        return True

    def may_upload_for(self, steering_group_id: int | None) -> bool:
        if self.role == Role.ADMIN:
            return True
        if self.role != Role.CONTRIBUTOR or steering_group_id is None:
            return False
        return steering_group_id in self.steering_group_ids

    def may_upload(self) -> bool:
        return self.role in (Role.ADMIN, Role.CONTRIBUTOR)

    def may_administer(self) -> bool:
        return self.role == Role.ADMIN


def login_required_to_view() -> bool:
    """Setting GOALS_LOGIN_TO_VIEW: when true, even reading needs a login (once users exist)."""
    return config.settings().login_to_view


def session_hours() -> float:
    """Setting GOALS_SESSION_HOURS: how long a login lasts in the app (default 8 hours)."""
    return config.settings().session_hours


# --- users ---------------------------------------------------------------------------------


def has_users(session: Session) -> bool:
    return session.exec(select(sa.func.count()).select_from(User)).one() > 0


def demo_mode(engine: Engine) -> bool:
    """True while no user exists: the embedded demo, where everyone may do everything."""
    with store.read_session(engine) as session:
        return not has_users(session)


def actor_for(session: Session, name: str | None) -> Actor | None:
    """The actor named `name`, or the demo actor when no users exist; None if unknown."""
    if not has_users(session):
        return Actor(name=name or DEMO_ACTOR_NAME, role=Role.ADMIN, demo=True)
    if not name:
        return None
    user = session.exec(select(User).where(User.name == name, User.active)).first()
    if user is None:
        return None
    return _actor(session, user)


@dataclass(frozen=True)
class Visitor:
    """Who a page is shown to: the actor (None: anonymous), and why not when a login ended."""

    actor: Actor | None
    ended: str | None = None  # "expired", "replaced" (the account was re-made) or "unknown_sso"


def visitor(
    engine: Engine,
    *,
    sso: bool = False,
    email: str | None = None,
    name: str | None = None,
    account_id: int | None = None,
    age_seconds: float = 0.0,
) -> Visitor:
    """The actor a page acts for: the demo actor while no users exist; with single sign-on the
    user of that e-mail (None if signed out); else the locally logged-in account `name` (with
    its id when known), while the login is younger than `session_hours()`."""
    with store.read_session(engine) as session:
        if not has_users(session):
            return Visitor(actor_for(session, None))
        if sso:
            if not email:
                return Visitor(None)
            actor = actor_for_email(session, email)
            return Visitor(actor, None if actor else "unknown_sso")
        if not name:
            return Visitor(None)
        if age_seconds > session_hours() * 3600:
            return Visitor(None, "expired")
        actor = actor_for(session, name)
        if actor is not None and account_id not in (None, actor.id):
            # the account was removed and another one made under the same name: not this login
            return Visitor(None, "replaced")
        return Visitor(actor)


def actor_for_email(session: Session, email: str) -> Actor | None:
    """The actor whose e-mail matches (case-insensitive), for OpenID Connect logins."""
    user = session.exec(
        select(User).where(sa.func.lower(User.email) == email.strip().lower(), User.active)
    ).first()
    return _actor(session, user) if user else None


def _actor(session: Session, user: User) -> Actor:
    groups = session.exec(
        select(UserSteeringGroup.steering_group_id).where(UserSteeringGroup.user_id == user.id)
    ).all()
    return Actor(
        name=user.name, role=Role(user.role), steering_group_ids=frozenset(groups), id=user.id
    )


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise AccessError("access.error.name")
    return name


def _check_password(password: str | None) -> None:
    if password is None:
        return
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccessError("access.error.password", n=MIN_PASSWORD_LENGTH)


def _steering_groups(session: Session, codes: Iterable[str]) -> list[SteeringGroup]:
    found = []
    for code in codes:
        group = session.exec(select(SteeringGroup).where(SteeringGroup.code == code)).first()
        if group is None:
            known = ", ".join(g.code for g in session.exec(select(SteeringGroup)))
            raise AccessError("access.error.steering_group", code=code, known=known)
        found.append(group)
    return found


def add_user(
    *,
    session: Session,
    actor: Actor,
    name: str,
    role: Role | str,
    steering_groups: Iterable[str] = (),
    password: str | None = None,
    email: str | None = None,
) -> User:
    """Create a user. Only an admin may, except that the very first user may be created by
    anyone (it ends demo mode) and must be an admin so that someone can administer."""
    first = not has_users(session)
    if not first:
        require_admin(actor, "add users")
    try:
        role = Role(role)
    except ValueError:
        raise AccessError("access.error.role", role=role) from None
    if first and role != Role.ADMIN:
        raise AccessError("access.error.first_admin")
    name = _check_name(name)
    _check_password(password)
    if session.exec(select(User).where(User.name == name)).first():
        raise AccessError("access.error.exists", name=name)
    groups = _steering_groups(session, steering_groups)
    if role == Role.CONTRIBUTOR and not groups:
        raise AccessError("access.error.contributor_group")
    user = User(
        name=name,
        role=role,
        email=email.strip() if email else None,
        password_hash=_hasher.hash(password) if password else None,
    )
    session.add(user)
    session.flush()
    for group in groups:
        session.add(UserSteeringGroup(user_id=user.id, steering_group_id=group.id))
    record(
        session,
        actor=actor.name,
        action="user.add",
        target=name,
        detail={"role": role.value, "steering_groups": [g.code for g in groups]},
    )
    return user


def remove_user(*, session: Session, actor: Actor, name: str) -> None:
    require_admin(actor, "remove users")
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise AccessError("access.error.no_user", name=name)
    others = session.exec(
        select(sa.func.count()).select_from(User).where(User.role == Role.ADMIN, User.id != user.id)
    ).one()
    if user.role == Role.ADMIN and others == 0:
        raise AccessError("access.error.last_admin")
    # the uploads stay in the history but belong to no account: a user later created under
    # the same name is another person and inherits no rights to them
    session.execute(sa.update(Upload).where(Upload.user_id == user.id).values(user_id=None))
    # nor does it inherit the clients this one logged in from (they pass the account lock)
    session.execute(sa.delete(LoginThrottle).where(LoginThrottle.user_name == name))
    session.delete(user)
    record(session, actor=actor.name, action="user.remove", target=name)


def reset_password(*, session: Session, actor: Actor, name: str, password: str) -> None:
    if actor.name != name:
        require_admin(actor, "reset other users' passwords")
    _check_password(password)
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise AccessError("access.error.no_user", name=name)
    user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    # guesses at the old password no longer count, from any client (each keeps its last_ok_at)
    session.execute(
        sa.update(LoginThrottle)
        .where(LoginThrottle.user_name == name)
        .values(failures=0, locked_until=None, updated_at=utcnow())
    )
    record(session, actor=actor.name, action="user.password_reset", target=name)


def list_users(session: Session) -> list[dict[str, object]]:
    groups = {g.id: g.code for g in session.exec(select(SteeringGroup))}
    links: dict[int, list[str]] = {}
    for link in session.exec(select(UserSteeringGroup)):
        links.setdefault(link.user_id, []).append(groups[link.steering_group_id])
    return [
        {
            "name": u.name,
            "role": str(u.role),
            "steering_groups": sorted(links.get(u.id, [])),
            "email": u.email,
            "active": u.active,
            "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
        }
        for u in session.exec(select(User).order_by(User.name))
    ]


# --- login ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    actor: Actor | None
    message: str = ""  # why not, in words; never says whether the user name exists
    retry_after_seconds: int = 0


def _as_aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _client(client: str | None) -> str:
    """The client as stored: its address, at most 100 characters; "unknown" when not known."""
    return (client or "").strip()[:100] or "unknown"


def _lock_seconds(failures: int, threshold: int) -> int:
    """How long `failures` lock: nothing below `threshold`, LOCK_SECONDS_FIRST at it, doubling
    with each further failure up to LOCK_SECONDS_MAX."""
    over = failures - threshold
    if over < 0:
        return 0
    return min(LOCK_SECONDS_FIRST * 2 ** min(over, 30), LOCK_SECONDS_MAX)


def _seconds_left(until: dt.datetime | None, now: dt.datetime) -> int:
    until = _as_aware(until)
    return int((until - now).total_seconds()) + 1 if until is not None and until > now else 0


def _throttle(session: Session, client: str, user_name: str) -> LoginThrottle | None:
    return session.exec(
        select(LoginThrottle).where(
            LoginThrottle.client == client, LoginThrottle.user_name == user_name
        )
    ).first()


def _count_failure(session: Session, row: LoginThrottle, threshold: int, now: dt.datetime) -> None:
    last = _as_aware(row.updated_at)
    if last is not None and now - last > FAILURES_FORGOTTEN_AFTER:
        row.failures = 0
    row.failures += 1
    seconds = _lock_seconds(row.failures, threshold)
    if seconds:
        row.locked_until = now + dt.timedelta(seconds=seconds)
    row.updated_at = now
    session.add(row)


def authenticate(
    *, engine: Engine, name: str, password: str, client: str | None = LOCAL_CLIENT
) -> LoginResult:
    """Check a local password tried from `client` (its address).

    Failed logins are counted three ways; each count locks from its threshold on, for
    LOCK_SECONDS_FIRST and then twice as long with every further failure, up to LOCK_SECONDS_MAX:

    - per client and account name (MAX_FAILURES_BEFORE_LOCK): locks that client for that name;
      the owner at another client is not affected;
    - per client over all names (MAX_CLIENT_FAILURES_BEFORE_LOCK): locks that client for every
      name, against guessing across many names;
    - per account, from any clients (MAX_ACCOUNT_FAILURES_BEFORE_LOCK): locks the account only
      for clients that have never logged in to it successfully, so guesses spread over many
      addresses cannot keep the owner out of a machine they used before.

    A locked attempt is refused without checking the password and is not counted. A successful
    login clears its client's count for that name (and remembers the client) and the account's
    count; the client's count over all names stays. A client's counts are forgotten after
    FAILURES_FORGOTTEN_AFTER without a failure; a new password (`reset_password`) clears every
    count and lock of the account. An unknown name is counted only for the client over all
    names: what was typed may be a password and is never stored.
    """
    now = utcnow()
    client = _client(client)
    with store.write_session(engine) as session:
        # counts nobody needs any more (no failure for a day, no successful login to remember)
        session.execute(
            sa.delete(LoginThrottle).where(
                LoginThrottle.last_ok_at.is_(None),
                LoginThrottle.updated_at < now - FAILURES_FORGOTTEN_AFTER,
            )
        )
        user = session.exec(select(User).where(User.name == (name or "").strip())).first()
        # an unknown name may be a password typed in the wrong field: never store it
        shown = user.name if user is not None else "(ukendt brugernavn)"
        anyname = _throttle(session, client, "") or LoginThrottle(client=client, user_name="")
        pair = None if user is None else _throttle(session, client, user.name)
        known_client = pair is not None and pair.last_ok_at is not None
        waits = {
            "client": _seconds_left(anyname.locked_until, now),
            "name": _seconds_left(pair.locked_until, now) if pair is not None else 0,
            "account": 0 if user is None or known_client else _seconds_left(user.locked_until, now),
        }
        if max(waits.values()):
            locks = [scope for scope, wait in waits.items() if wait]
            detail = {"client": client, "locked": locks}
            record(session, actor=shown, action="login.refused_locked", target=shown, detail=detail)
            return LoginResult(None, "locked", max(waits.values()))
        ok = False
        # verify against a dummy hash for unknown names too, so timing does not reveal them
        stored = user.password_hash if user is not None and user.active else None
        try:
            ok = _hasher.verify(stored or _dummy_hash(), password or "") and stored is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            record(
                session, actor=shown, action="login.failed", target=shown, detail={"client": client}
            )
            _count_failure(session, anyname, MAX_CLIENT_FAILURES_BEFORE_LOCK, now)
            if user is not None:
                pair = pair or LoginThrottle(client=client, user_name=user.name)
                _count_failure(session, pair, MAX_FAILURES_BEFORE_LOCK, now)
                user.failed_logins += 1
                seconds = _lock_seconds(user.failed_logins, MAX_ACCOUNT_FAILURES_BEFORE_LOCK)
                if seconds:
                    user.locked_until = now + dt.timedelta(seconds=seconds)
                session.add(user)
            return LoginResult(None, "wrong")
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        session.add(user)
        pair = pair or LoginThrottle(client=client, user_name=user.name)
        pair.failures = 0
        pair.locked_until = None
        pair.last_ok_at = now
        pair.updated_at = now
        session.add(pair)
        record(
            session, actor=user.name, action="login.ok", target=user.name, detail={"client": client}
        )
        return LoginResult(_actor(session, user))


# --- permission checks -----------------------------------------------------------------------


def require_admin(actor: Actor | None, what: str) -> None:
    if actor is None or not actor.may_administer():
        who = actor.name if actor else "an unknown user"
        raise PermissionDenied("access.denied.admin", what=what, who=who)


# --- audit trail ---------------------------------------------------------------------------


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    target: str | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    """Add an audit event inside the caller's transaction (it lands only if the write does)."""
    session.add(
        AuditEvent(
            actor=actor[:200],
            action=action,
            target=(target or "")[:300] or None,
            detail=json.dumps(detail or {}, ensure_ascii=False, default=str),
        )
    )


def audit_events(session: Session, *, limit: int | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
