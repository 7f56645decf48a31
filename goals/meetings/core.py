"""Meetings: create, edit, list, freeze and annotate (the secretariat's work), and the frozen
status rows read back.

Every write checks that the actor may administer (goals.access), runs in one transaction
(`store.write_session`) and is recorded in the audit trail. A frozen meeting cannot be edited
or frozen again; its rows and values are written once, when it is frozen, in the transaction
that holds the store's write lock, so they are one consistent state of the store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, store
from goals.catalogue import Catalogue
from goals.i18n import LANGUAGES, format_datetime, language, t
from goals.meetings.frozen import detail_of, row_from_frozen
from goals.names import name_key
from goals.status.assessment import assess_rows, assessment_plan, cluster_areas, roll_up
from goals.status.report import StatusReport, StatusRow, encode_record
from goals.status.values import groups_of
from goals.store.model import Meeting, MeetingNote, MeetingRow, MeetingValue, utcnow
from goals.store.observations import current_query
from goals.store.version import data_version

__all__ = [
    "DEFAULT_FORUM",
    "FORUMS",
    "MeetingError",
    "MeetingView",
    "UnknownMeeting",
    "annotate_meeting",
    "create_meeting",
    "edit_meeting",
    "freeze_meeting",
    "frozen_report",
    "frozen_rows",
    "get_meeting",
    "list_meetings",
    "parse_date",
    "write_frozen_json",
]

DEFAULT_FORUM = "direktoerforum"
#: The fora the product knows by name; any other code is shown as written.
FORUMS = {
    "direktoerforum": {"da": "Direktørforum", "en": "Directors' forum"},
    "klyngestyregruppe": {"da": "Klyngestyregruppe", "en": "Cluster steering group"},
    "styregruppe": {"da": "Styregruppe", "en": "Steering group"},
}
AGENDA_KEYS = ("clusters", "tracks", "goals")


class MeetingError(ValueError):
    """A meeting request that cannot be done; the message is one sentence for the user."""


class UnknownMeeting(MeetingError):
    """No meeting (or decision) of that number."""


@dataclass(frozen=True)
class MeetingView:
    """A meeting as pages and the command line show it."""

    id: int
    forum: str
    forum_name: str
    held_on: dt.date
    title: str
    agenda: dict[str, list[str]]
    created_at: dt.datetime
    created_by: str
    frozen_at: dt.datetime | None
    frozen_by: str | None
    frozen_upload_id: int | None
    notes: list[tuple[dt.datetime, str, str]] = field(default_factory=list)

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "forum": self.forum,
            "forum_name": self.forum_name,
            "date": self.held_on.isoformat(),
            "title": self.title,
            "agenda": self.agenda,
            "frozen": self.frozen,
            "frozen_at": self.frozen_at.isoformat() if self.frozen_at else None,
            "frozen_by": self.frozen_by,
            "created_by": self.created_by,
            "notes": [
                {"at": at.isoformat(), "by": by, "text": text} for at, by, text in self.notes
            ],
        }


def forum_name(code: str, lang: str = "da") -> str:
    names = FORUMS.get(code)
    return names[language(lang)] if names else code


def parse_date(text: str | dt.date, lang: str = "da") -> dt.date:
    """A date written YYYY-MM-DD (or DD-MM-YYYY, as Danes write it)."""
    if isinstance(text, dt.date):
        return text
    value = str(text).strip()
    for form in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise MeetingError(t("meeting.bad_date", lang, value=value))


def _view(session: Session, meeting: Meeting, lang: str) -> MeetingView:
    notes = session.exec(
        select(MeetingNote).where(MeetingNote.meeting_id == meeting.id).order_by(MeetingNote.id)
    ).all()
    return MeetingView(
        id=meeting.id,  # type: ignore[arg-type]
        forum=meeting.forum,
        forum_name=forum_name(meeting.forum, lang),
        held_on=meeting.held_on,
        title=meeting.title,
        agenda=json.loads(meeting.agenda_json or "{}"),
        created_at=meeting.created_at,
        created_by=meeting.created_by,
        frozen_at=meeting.frozen_at,
        frozen_by=meeting.frozen_by,
        frozen_upload_id=meeting.frozen_upload_id,
        notes=[(n.created_at, n.created_by, n.text) for n in notes],
    )


def need_meeting(session: Session, meeting_id: int, lang: str) -> Meeting:
    """The meeting, or UnknownMeeting saying there is none of that number."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UnknownMeeting(t("meeting.unknown", lang, id=meeting_id))
    return meeting


def _agenda(
    cat: Catalogue,
    clusters: Iterable[str] | None,
    tracks: Iterable[str] | None,
    goals: Iterable[str] | None,
    lang: str,
) -> dict[str, list[str]]:
    """The agenda as codes, each name checked against the catalogue (names and aliases too)."""
    agenda: dict[str, list[str]] = {}
    for key, names, find in (
        ("clusters", clusters, lambda n: cat.area_index.get(n)),
        ("tracks", tracks, lambda n: _by_code(cat.tracks, n)),
        ("goals", goals, lambda n: cat.goal_index.get(n)),
    ):
        codes = []
        for name in names or ():
            if not str(name).strip():
                continue
            found = find(str(name).strip())
            if found is None:
                raise MeetingError(t(f"meeting.unknown_{key}", lang, name=name))
            if found.code not in codes:
                codes.append(found.code)
        agenda[key] = codes
    return agenda


def _by_code(objects: Iterable[Any], name: str) -> Any:
    key = name_key(name)
    return next((o for o in objects if name_key(o.code) == key or name_key(o.name) == key), None)


def _title(title: str, lang: str) -> str:
    text = " ".join(str(title or "").split())
    if not text:
        raise MeetingError(t("meeting.no_title", lang))
    if len(text) > 200:
        raise MeetingError(t("meeting.title_too_long", lang, n=len(text)))
    return text


def _forum(forum: str | None) -> str:
    code = " ".join(str(forum or "").split()).lower() or DEFAULT_FORUM
    aliases = {name_key(v["da"]): k for k, v in FORUMS.items()} | {
        name_key(v["en"]): k for k, v in FORUMS.items()
    }
    return aliases.get(name_key(code), code)[:60]


def create_meeting(
    *,
    engine: Engine,
    actor: access.Actor,
    title: str,
    held_on: str | dt.date,
    forum: str | None = None,
    clusters: Iterable[str] | None = None,
    tracks: Iterable[str] | None = None,
    goals: Iterable[str] | None = None,
    lang: str = "da",
) -> MeetingView:
    """A new meeting (not frozen); the agenda's names are checked against the catalogue."""
    access.require_admin(actor, t("meeting.what.create", lang))
    date = parse_date(held_on, lang)
    text = _title(title, lang)
    with store.write_session(engine) as session:
        agenda = _agenda(Catalogue.load(session), clusters, tracks, goals, lang)
        meeting = Meeting(
            forum=_forum(forum),
            held_on=date,
            title=text,
            agenda_json=json.dumps(agenda, ensure_ascii=False),
            created_by=actor.name[:200],
        )
        session.add(meeting)
        session.flush()
        access.record(
            session,
            actor=actor.name,
            action="meeting.created",
            target=f"#{meeting.id} {text}",
            detail={"date": date.isoformat(), "forum": meeting.forum, "agenda": agenda},
        )
        return _view(session, meeting, lang)


def edit_meeting(
    *,
    engine: Engine,
    actor: access.Actor,
    meeting_id: int,
    title: str | None = None,
    held_on: str | dt.date | None = None,
    forum: str | None = None,
    clusters: Iterable[str] | None = None,
    tracks: Iterable[str] | None = None,
    goals: Iterable[str] | None = None,
    lang: str = "da",
) -> MeetingView:
    """Change a meeting that is not frozen; only the fields given change."""
    access.require_admin(actor, t("meeting.what.edit", lang))
    with store.write_session(engine) as session:
        meeting = need_meeting(session, meeting_id, lang)
        if meeting.frozen_at is not None:
            raise MeetingError(t("meeting.frozen_no_edit", lang, id=meeting_id))
        if title is not None:
            meeting.title = _title(title, lang)
        if held_on is not None:
            meeting.held_on = parse_date(held_on, lang)
        if forum is not None:
            meeting.forum = _forum(forum)
        if clusters is not None or tracks is not None or goals is not None:
            old = json.loads(meeting.agenda_json or "{}")
            agenda = _agenda(
                Catalogue.load(session),
                clusters if clusters is not None else old.get("clusters"),
                tracks if tracks is not None else old.get("tracks"),
                goals if goals is not None else old.get("goals"),
                lang,
            )
            meeting.agenda_json = json.dumps(agenda, ensure_ascii=False)
        session.add(meeting)
        access.record(session, actor=actor.name, action="meeting.edited", target=f"#{meeting_id}")
        return _view(session, meeting, lang)


def annotate_meeting(
    *, engine: Engine, actor: access.Actor, meeting_id: int, text: str, lang: str = "da"
) -> MeetingView:
    """Add a note to a meeting (frozen or not)."""
    access.require_admin(actor, t("meeting.what.annotate", lang))
    note = str(text or "").strip()
    if not note:
        raise MeetingError(t("meeting.no_note", lang))
    with store.write_session(engine) as session:
        meeting = need_meeting(session, meeting_id, lang)
        session.add(MeetingNote(meeting_id=meeting_id, text=note, created_by=actor.name[:200]))
        access.record(
            session, actor=actor.name, action="meeting.annotated", target=f"#{meeting_id}"
        )
        session.flush()
        return _view(session, meeting, lang)


@store.reads
def get_meeting(session: Session, meeting_id: int, lang: str = "da") -> MeetingView:
    return _view(session, need_meeting(session, meeting_id, lang), lang)


@store.reads
def list_meetings(session: Session, lang: str = "da") -> list[MeetingView]:
    """Every meeting, the newest first."""
    meetings = session.exec(
        select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())  # type: ignore[attr-defined]
    ).all()
    return [_view(session, m, lang) for m in meetings]


@store.reads
def previous_frozen(session: Session, meeting_id: int) -> int | None:
    """The frozen meeting of the same forum before this one (by date), if any."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    earlier = session.exec(
        select(Meeting.id)
        .where(
            Meeting.forum == meeting.forum,
            Meeting.frozen_at.is_not(None),  # type: ignore[union-attr]
            Meeting.id != meeting_id,
            sa.or_(
                Meeting.held_on < meeting.held_on,
                sa.and_(Meeting.held_on == meeting.held_on, Meeting.id < meeting_id),
            ),
        )
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())  # type: ignore[attr-defined]
    ).first()
    return earlier


# --- freezing ----------------------------------------------------------------------------------


def freeze_meeting(
    *, engine: Engine, actor: access.Actor, meeting_id: int, lang: str = "da"
) -> MeetingView:
    """Store every status row (in each language) and the values behind them as they stand now;
    from then on the meeting shows exactly these, whatever comes later."""
    access.require_admin(actor, t("meeting.what.freeze", lang))
    with store.write_session(engine) as session:
        meeting = need_meeting(session, meeting_id, lang)
        if meeting.frozen_at is not None:
            raise MeetingError(
                t(
                    "meeting.already_frozen",
                    lang,
                    id=meeting_id,
                    at=format_datetime(meeting.frozen_at, lang),
                )
            )
        connection = session.connection()
        version = data_version(connection)
        cat = Catalogue.load(session)
        rows = []
        for row_lang in LANGUAGES:
            for position, row in enumerate(
                assess_rows(session=session, catalogue=cat, lang=row_lang)
            ):
                rows.append(
                    (
                        meeting_id,
                        row_lang,
                        position,
                        row.criterion,
                        row.area,
                        row.verdict,
                        row.latest_period,
                        row.latest_value,
                        encode_record(row.record()),
                        json.dumps(detail_of(row), ensure_ascii=False),
                    )
                )
        store.insert_rows(
            connection,
            MeetingRow.__table__,  # type: ignore[attr-defined]
            [
                "meeting_id", "lang", "position", "criterion", "area", "verdict",
                "latest_period", "latest_value", "record", "detail",
            ],
            rows,
        )  # fmt: skip
        values = _shown_values(session, cat)
        store.insert_rows(
            connection,
            MeetingValue.__table__,  # type: ignore[attr-defined]
            ["meeting_id", "indicator", "area", "group", "period", "value", "observation_id",
             "upload_id"],
            [(meeting_id, *v) for v in values],
        )  # fmt: skip
        meeting.frozen_at = utcnow()
        meeting.frozen_by = actor.name[:200]
        meeting.frozen_version = json.dumps(list(version))
        meeting.frozen_upload_id = version[0]
        session.add(meeting)
        access.record(
            session,
            actor=actor.name,
            action="meeting.frozen",
            target=f"#{meeting_id} {meeting.title}",
            detail={"rows": len(rows) // len(LANGUAGES), "values": len(values)},
        )
        return _view(session, meeting, lang)


def _shown_values(session: Session, cat: Catalogue) -> list[tuple]:
    """The current observations of every series the rows show: each criterion's own group(s)
    in each of its areas, and the region's (its value is shown beside each row)."""
    series: set[tuple[int, int, int]] = set()
    region = cat.region
    for _, revision, area in assessment_plan(cat):
        for group in groups_of(revision, cat):
            series.add((revision.indicator_id, area.id, group))
            if region is not None:
                series.add((revision.indicator_id, region.id, group))
    if not series:
        return []
    query = current_query(
        indicator_ids=sorted({s[0] for s in series}),
        area_ids=sorted({s[1] for s in series}),
        group_ids=sorted({s[2] for s in series}),
        columns=[
            "indicator_id",
            "area_id",
            "group_id",
            "period",
            "value",
            "id",
            "upload_id",
            "numerator",
            "denominator",
        ],
    )
    out = []
    for row in store.fetch_tuples(session.connection(), query):
        indicator_id, area_id, group_id, period, value, obs_id, upload_id, num, den = row
        if (indicator_id, area_id, group_id) in series and not cat.hides(
            indicator_id, value, num, den
        ):
            out.append(
                (
                    cat.indicators[indicator_id].code,
                    cat.areas[area_id].code,
                    cat.groups[group_id].code,
                    period,
                    value,
                    obs_id,
                    upload_id,
                )
            )
    return out


# --- the frozen rows read back -------------------------------------------------------------------


def frozen_meeting(session: Session, meeting_id: int, lang: str) -> Meeting:
    """The meeting, which must be frozen (else MeetingError saying so)."""
    meeting = need_meeting(session, meeting_id, lang)
    if meeting.frozen_at is None:
        raise MeetingError(t("meeting.not_frozen", lang, id=meeting_id))
    return meeting


def _area_codes(cat: Catalogue, cluster: str | None, lang: str) -> set[str] | None:
    if cluster is None:
        return None
    ids = cluster_areas(cat, cluster, lang=lang)
    return {cat.areas[i].code for i in ids or ()}


@store.reads
def frozen_rows(
    session: Session, meeting_id: int, *, lang: str = "da", cluster: str | None = None
) -> list[StatusRow]:
    """The status rows of a frozen meeting as they were shown (in `lang`)."""
    lang = language(lang)
    frozen_meeting(session, meeting_id, lang)
    keep = _area_codes(Catalogue.load(session), cluster, lang) if cluster else None
    rows = []
    for record, detail, area in _records(session, meeting_id, lang):
        if keep is None or area in keep:
            rows.append(row_from_frozen(json.loads(record), json.loads(detail), lang))
    return rows


def _records(session: Session, meeting_id: int, lang: str) -> list[tuple[str, str, str]]:
    r = MeetingRow.__table__  # type: ignore[attr-defined]
    query = (
        sa.select(r.c.record, r.c.detail, r.c.area)
        .where(r.c.meeting_id == meeting_id, r.c.lang == lang)
        .order_by(r.c.position)
    )
    return [tuple(row) for row in session.connection().execute(query)]


@store.reads
def frozen_report(
    session: Session,
    meeting_id: int,
    *,
    lang: str = "da",
    cluster: str | None = None,
    catalogue: Catalogue | None = None,
) -> StatusReport:
    """The whole status report of a frozen meeting: its rows, and every roll-up of them by
    the one rule (as on the day)."""
    lang = language(lang)
    meeting = frozen_meeting(session, meeting_id, lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    rows = frozen_rows(session, meeting_id, lang=lang, cluster=cluster)
    return roll_up(cat, rows, when=meeting.frozen_at.date(), lang=lang)  # type: ignore[union-attr]


def write_frozen_json(
    session: Session,
    meeting_id: int,
    out: TextIO,
    *,
    lang: str = "da",
    cluster: str | None = None,
) -> None:
    """``goals status --meeting N --json``: the lines written when the meeting was frozen,
    framed as ``goals status --json`` frames them — the same bytes as then."""
    lang = language(lang)
    frozen_meeting(session, meeting_id, lang)
    keep = _area_codes(Catalogue.load(session), cluster, lang) if cluster else None
    out.write("[")
    first = True
    for record, _, area in _records(session, meeting_id, lang):
        if keep is not None and area not in keep:
            continue
        out.write("\n" if first else ",\n")
        out.write(record)
        first = False
    out.write("]\n" if first else "\n]\n")
