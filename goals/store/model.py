"""The domain model as SQLModel tables.

Areas form a hierarchy (region → cluster → municipality / hospital unit / general practice)
whose membership is dated, so a municipality can move between clusters without rewriting
history. Every observation, initiative and assessment row comes from an upload; the current
value of a key is the newest row from an upload that has not been rolled back.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy import Column, Index, LargeBinary, String, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AreaKind(StrEnum):
    REGION = "region"
    CLUSTER = "cluster"
    MUNICIPALITY = "municipality"
    HOSPITAL = "hospital"
    GENERAL_PRACTICE = "general_practice"


class Polarity(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    NONE = "none"  # no judgement


class TargetType(StrEnum):
    ABSOLUTE = "absolute"  # reach this value
    RELATIVE = "relative"  # change from baseline in % (−10 means 10 % lower)
    POINTS = "points"  # change from baseline in points (−3 means 3 points lower)


class UploadState(StrEnum):
    APPLIED = "applied"
    ROLLED_BACK = "rolled_back"


class InitiativeStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DELAYED = "delayed"
    COMPLETED = "completed"
    STOPPED = "stopped"


class TrafficLight(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


# --- areas ---------------------------------------------------------------------------------


class Area(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    kind: AreaKind = Field(sa_type=String(20))
    official_code: str | None = Field(default=None, max_length=20)  # e.g. municipality code 791
    sort_order: int = 0


class AreaMembership(SQLModel, table=True):
    """`child` belongs to `parent` from `valid_from` (inclusive) until `valid_to` (exclusive)."""

    __table_args__ = (Index("ix_areamembership_parent", "parent_id"),)

    id: int | None = Field(default=None, primary_key=True)
    parent_id: int = Field(foreign_key="area.id", ondelete="CASCADE")
    child_id: int = Field(foreign_key="area.id", ondelete="CASCADE", index=True)
    valid_from: dt.date = Field(default=dt.date(2000, 1, 1))
    valid_to: dt.date | None = None


class AreaAlias(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    area_id: int = Field(foreign_key="area.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=200)
    # case-, accent-, space- and hyphen-insensitive form used for matching
    alias_key: str = Field(unique=True, max_length=200)


# --- organisation and goals ----------------------------------------------------------------


class Track(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    sort_order: int = 0


class SteeringGroup(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)


class NationalGoal(SQLModel, table=True):
    """One of the 8 national goals for the health care system (2016)."""

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(unique=True)
    name: str = Field(max_length=300)
    name_en: str | None = Field(default=None, max_length=300)


class Goal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    title: str = Field(max_length=300)
    title_en: str | None = Field(default=None, max_length=300)
    description: str | None = None
    description_en: str | None = None
    track_id: int = Field(foreign_key="track.id", index=True)
    steering_group_id: int = Field(foreign_key="steeringgroup.id", index=True)
    national_goal_id: int | None = Field(default=None, foreign_key="nationalgoal.id")
    sort_order: int = 0


class Indicator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=300)
    name_en: str | None = Field(default=None, max_length=300)
    unit: str = Field(max_length=100)  # "%", "pr. 1.000 borgere med KOL", "antal", "dage"
    unit_en: str | None = Field(default=None, max_length=100)
    polarity: Polarity = Field(default=Polarity.NONE, sa_type=String(10))
    decimals: int = 1
    frequency: str = Field(default="year", max_length=20)  # goals.periods.Frequency value
    source: str | None = None
    source_en: str | None = None
    definition: str | None = None
    definition_en: str | None = None
    natural_limit: float | None = None  # e.g. 0 % or 100 %, for the progress measure
    # explicit owner; when empty, the owner is the steering group of the goals using it
    steering_group_id: int | None = Field(default=None, foreign_key="steeringgroup.id")


class BreakdownGroup(SQLModel, table=True):
    """A population breakdown such as `Uddannelse: Grundskole`; `I alt` is the total."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=100)
    name: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    dimension: str | None = Field(default=None, max_length=100)  # "Uddannelse", "Køn"
    sort_order: int = 0


class GroupAlias(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="breakdowngroup.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=200)
    alias_key: str = Field(unique=True, max_length=200)


class SuccessCriterion(SQLModel, table=True):
    """The stable identity of a success criterion; its content lives in revisions."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    sort_order: int = 0


class CriterionRevision(SQLModel, table=True):
    """One version of a success criterion, valid from `valid_from` until the next revision.

    A level criterion follows one indicator in one breakdown group; a gap criterion follows
    value(group_a) − value(group_b), where smaller is better.
    """

    __table_args__ = (UniqueConstraint("criterion_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    criterion_id: int = Field(foreign_key="successcriterion.id", index=True, ondelete="CASCADE")
    revision: int = 1
    valid_from: dt.date
    text: str
    text_en: str | None = None
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="breakdowngroup.id")
    gap_group_a_id: int | None = Field(default=None, foreign_key="breakdowngroup.id")
    gap_group_b_id: int | None = Field(default=None, foreign_key="breakdowngroup.id")
    baseline_period: str = Field(max_length=20)
    target_type: TargetType | None = Field(default=None, sa_type=String(10))
    target_value: float | None = None
    target_period: str | None = Field(default=None, max_length=20)
    # which areas it applies to: "clusters", "municipalities", "region", or explicit list below
    area_scope: str = Field(default="clusters", max_length=40)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str | None = Field(default=None, max_length=200)
    note: str | None = None
    note_en: str | None = None

    @property
    def is_gap(self) -> bool:
        return self.gap_group_a_id is not None


class CriterionArea(SQLModel, table=True):
    """Explicit areas a revision applies to (used when area_scope == "listed")."""

    revision_id: int = Field(
        foreign_key="criterionrevision.id", primary_key=True, ondelete="CASCADE"
    )
    area_id: int = Field(foreign_key="area.id", primary_key=True, ondelete="CASCADE")


# --- uploads and the values they bring -----------------------------------------------------


class Upload(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    filename: str = Field(max_length=300)
    sha256: str = Field(max_length=64, index=True)
    size: int
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    user: str = Field(max_length=200)  # the name at the time, as shown in the history
    # the account that uploaded: rights follow the account, never a re-created name
    # (removing the user clears it: goals.access.remove_user)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: dt.datetime = Field(default_factory=utcnow)
    state: UploadState = Field(default=UploadState.APPLIED, sa_type=String(20))
    rolled_back_at: dt.datetime | None = None
    rolled_back_by: str | None = Field(default=None, max_length=200)
    counts_json: str = "{}"  # {"new": n, "changed": n, "unchanged": n, "rejected": n}
    note: str | None = None
    # JSON list of the steering group ids whose values the file held when it was sent (who may
    # download the original); NULL for uploads made before this was recorded
    steering_groups_json: str | None = None


class UploadCarried(SQLModel, table=True):
    """A stored row that an upload sent again unchanged (`kind` is "observation", "initiative"
    or "assessment"; `row_id` that table's id).

    An upload writes rows only for new and changed values, but its sender was told that every
    value of the file is stored. These links record the rest, so that rolling back the upload
    that first brought a value can name the later uploads that also carried it.
    """

    __table_args__ = (Index("ix_uploadcarried_row", "kind", "row_id"),)

    upload_id: int = Field(foreign_key="upload.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=12)
    row_id: int = Field(primary_key=True)


#: The columns that name one reported value (an observation) and one assessment: a later row of
#: the same key replaces it.
OBSERVATION_KEY = ("indicator_id", "area_id", "period", "group_id")
ASSESSMENT_KEY = ("goal_id", "area_id", "period")

CURRENT_OBSERVATION = "is_current = 1"  # the partial index's condition, as SQLite compiles it


class Observation(SQLModel, table=True):
    """A reported value. `value` is None with `missing_reason` when withheld on purpose.

    `is_current` marks the newest row of its key (indicator, area, period, group) among the rows
    of applied uploads: the one row per key the dashboard shows. It is derived data, kept true by
    the one write path (`goals.workbook.apply`: apply and rollback) in the same transaction, so
    that reading current values does not grow with the upload history. A unique partial index
    makes the database refuse two current rows for one key.
    """

    __table_args__ = (
        Index("ix_observation_key", "indicator_id", "area_id", "period", "group_id"),
        Index("ix_observation_upload", "upload_id"),
        Index(
            "ix_observation_current",
            "indicator_id",
            "area_id",
            "group_id",
            "period",
            unique=True,
            sqlite_where=sa.text(CURRENT_OBSERVATION),
            postgresql_where=sa.text("is_current"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id")
    area_id: int = Field(foreign_key="area.id")
    period: str = Field(max_length=20)  # canonical period code
    group_id: int = Field(foreign_key="breakdowngroup.id")
    value: float | None = None
    missing_reason: str | None = Field(default=None, max_length=100)
    numerator: int | None = None
    denominator: int | None = None
    lower: float | None = None
    upper: float | None = None
    note: str | None = None
    upload_id: int = Field(foreign_key="upload.id")
    is_current: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class Initiative(SQLModel, table=True):
    """An initiative (*indsats*) for a goal in an area, as reported in an upload."""

    __table_args__ = (Index("ix_initiative_key", "goal_id", "area_id"),)

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id")
    area_id: int = Field(foreign_key="area.id")
    name: str = Field(max_length=300)
    status: InitiativeStatus = Field(sa_type=String(20))
    next_milestone: str | None = None
    milestone_date: dt.date | None = None
    responsible: str | None = Field(default=None, max_length=200)
    note: str | None = None
    upload_id: int = Field(foreign_key="upload.id", index=True)
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    budget: float | None = None  # kr.
    spent: float | None = None  # kr.


class Assessment(SQLModel, table=True):
    """A steering group's own assessment (*vurdering*) of a goal in an area for a period."""

    __table_args__ = (Index("ix_assessment_key", "goal_id", "area_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id")
    area_id: int = Field(foreign_key="area.id")
    period: str = Field(max_length=20)
    light: TrafficLight = Field(sa_type=String(10))
    text: str | None = None
    upload_id: int = Field(foreign_key="upload.id", index=True)


# --- people and the audit trail ------------------------------------------------------------


class Role(StrEnum):
    VIEWER = "viewer"  # reads
    CONTRIBUTOR = "contributor"  # uploads for the goals of their steering group(s)
    ADMIN = "admin"  # catalogue, users, rollback, everything


class User(SQLModel, table=True):
    """A local account (argon2id hash) or an OpenID Connect user mapped by e-mail."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    email: str | None = Field(default=None, max_length=300, index=True)
    role: Role = Field(default=Role.VIEWER, sa_type=String(20))
    password_hash: str | None = Field(default=None, max_length=300)
    active: bool = True
    created_at: dt.datetime = Field(default_factory=utcnow)
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    last_login_at: dt.datetime | None = None


class LoginThrottle(SQLModel, table=True):
    """Failed logins from one client (its address) for one account name; the row with an empty
    `user_name` counts the client's failures over all names. A lock here keeps out that client,
    not the account's owner elsewhere (`goals.access.authenticate`)."""

    __table_args__ = (UniqueConstraint("client", "user_name"),)

    id: int | None = Field(default=None, primary_key=True)
    client: str = Field(max_length=100)
    user_name: str = Field(default="", max_length=200)
    failures: int = 0
    locked_until: dt.datetime | None = None
    last_ok_at: dt.datetime | None = None  # last successful login of this name from this client
    updated_at: dt.datetime = Field(default_factory=utcnow)


class UserSteeringGroup(SQLModel, table=True):
    user_id: int = Field(foreign_key="user.id", primary_key=True, ondelete="CASCADE")
    steering_group_id: int = Field(
        foreign_key="steeringgroup.id", primary_key=True, ondelete="CASCADE"
    )


class AuditEvent(SQLModel, table=True):
    """One write or security event: who, when, what."""

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=60, index=True)
    target: str | None = Field(default=None, max_length=300)
    detail: str = "{}"  # JSON


# --- meetings ----------------------------------------------------------------------------------


class ActionStatus(StrEnum):
    OPEN = "open"  # åben
    IN_PROGRESS = "in_progress"  # i gang
    CLOSED = "closed"  # lukket


class Meeting(SQLModel, table=True):
    """A meeting of a forum (Direktørforum, a klyngestyregruppe …) with its agenda: the
    clusters, tracks and goals it looks at (JSON lists of codes; empty = all).

    Frozen (`frozen_at`), it keeps every status row as shown then (`MeetingRow`) and the values
    behind them (`MeetingValue`), and can no longer be changed, only annotated (`MeetingNote`).
    """

    id: int | None = Field(default=None, primary_key=True)
    forum: str = Field(max_length=60)
    held_on: dt.date
    title: str = Field(max_length=200)
    agenda_json: str = "{}"  # {"clusters": [...], "tracks": [...], "goals": [...]}
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)
    frozen_at: dt.datetime | None = None
    frozen_by: str | None = Field(default=None, max_length=200)
    # the store's data version (goals.store.version) and the newest upload when it was frozen
    frozen_version: str | None = None
    frozen_upload_id: int | None = None


class MeetingRow(SQLModel, table=True):
    """One status row of a frozen meeting in one language: the `goals status --json` line as
    it was written (`record`), and what the pages need to draw it again (`detail`: the points
    with their limits, the measure)."""

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    lang: str = Field(primary_key=True, max_length=2)
    position: int = Field(primary_key=True)
    criterion: str = Field(max_length=40)
    area: str = Field(max_length=40)
    verdict: str = Field(max_length=40)
    latest_period: str | None = Field(default=None, max_length=20)
    latest_value: float | None = None
    record: str
    detail: str


class MeetingValue(SQLModel, table=True):
    """A value a frozen meeting showed: the current observation of one key then (codes, so that
    later catalogue edits do not change what it was)."""

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    indicator: str = Field(primary_key=True, max_length=40)
    area: str = Field(primary_key=True, max_length=40)
    group: str = Field(primary_key=True, max_length=60)
    period: str = Field(primary_key=True, max_length=20)
    value: float | None = None
    observation_id: int
    upload_id: int


class MeetingAction(SQLModel, table=True):
    """A decision (*beslutning*) or an action (*handling*) of a meeting, on a goal or a cluster
    (codes; both empty = the meeting as a whole), with who follows up, by when, and its status.
    Open actions appear on the goal's and cluster's pages and on the next meetings."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)  # "decision" or "action"
    text: str
    goal: str | None = Field(default=None, max_length=40)
    area: str | None = Field(default=None, max_length=40)
    owner: str | None = Field(default=None, max_length=200)
    due_on: dt.date | None = None
    status: ActionStatus = Field(default=ActionStatus.OPEN, sa_type=String(20))
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)
    updated_at: dt.datetime | None = None
    updated_by: str | None = Field(default=None, max_length=200)


class MeetingNote(SQLModel, table=True):
    """An annotation on a meeting (frozen meetings can be annotated, not changed)."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    text: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


# --- cluster profiles ------------------------------------------------------------------------


class ProfileSection(SQLModel, table=True):
    """One version of a text section of a cluster's profile (*Tilbud*, *Ressourcer*,
    *Udfordringer*): every edit adds a row, so the history is kept; the newest is shown."""

    id: int | None = Field(default=None, primary_key=True)
    area_id: int = Field(foreign_key="area.id", index=True, ondelete="CASCADE")
    section: str = Field(max_length=20)  # "tilbud", "ressourcer" or "udfordringer"
    text: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class KeyFigure(SQLModel, table=True):
    """An indicator the secretariat shows as a key figure on every cluster's profile, in order."""

    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    position: int = 0


# --- the economy of initiatives --------------------------------------------------------------


class Pool(SQLModel, table=True):
    """A pool of money the secretariat accounts for (e.g. *beredskabspuljen*, 0,5 mio. kr. a
    year for development work), optionally held by an area (a cluster or the region)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    name: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    area_id: int | None = Field(default=None, foreign_key="area.id", ondelete="SET NULL")
    note: str | None = None


class PoolYear(SQLModel, table=True):
    """What a pool was granted and has spent (kr.) in one year."""

    pool_id: int = Field(foreign_key="pool.id", primary_key=True, ondelete="CASCADE")
    year: int = Field(primary_key=True)
    granted: float
    spent: float
    note: str | None = None


# --- the store itself ------------------------------------------------------------------------


class StoreSetting(SQLModel, table=True):
    """Something the store remembers about itself, e.g. ``catalogue`` → ``nordjylland``."""

    key: str = Field(primary_key=True, max_length=40)
    value: str
