"""Decisions and actions of meetings, and following them up.

A decision (*beslutning*) or an action (*handling*) hangs on a meeting and, optionally, on a
goal or a cluster (codes). An action has who follows up (owner), a due date and a status
(åben, i gang, lukket); open ones are listed on the goal's and cluster's pages and at the next
meetings until closed. Recording them is the secretariat's (admin); every change is audited.
Decisions may be added to a frozen meeting: the minutes come after the meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, store
from goals.catalogue import Catalogue
from goals.i18n import t
from goals.meetings.core import MeetingError, UnknownMeeting, need_meeting, parse_date
from goals.names import name_key
from goals.store.model import ActionStatus, Meeting, MeetingAction, utcnow

__all__ = ["KINDS", "STATUS_WORDS", "ActionView", "actions", "add_action", "update_action"]

KINDS = ("decision", "action")
#: What people may write for a status (Danish and English), by its key.
STATUS_WORDS = {
    "open": ActionStatus.OPEN,
    "aaben": ActionStatus.OPEN,
    "åben": ActionStatus.OPEN,
    "in_progress": ActionStatus.IN_PROGRESS,
    "inprogress": ActionStatus.IN_PROGRESS,
    "igang": ActionStatus.IN_PROGRESS,
    "closed": ActionStatus.CLOSED,
    "lukket": ActionStatus.CLOSED,
    "done": ActionStatus.CLOSED,
}


@dataclass(frozen=True)
class ActionView:
    id: int
    meeting_id: int
    meeting_title: str
    meeting_date: dt.date
    kind: str
    text: str
    goal: str | None
    area: str | None
    owner: str | None
    due_on: dt.date | None
    status: str

    @property
    def is_open(self) -> bool:
        return self.status != ActionStatus.CLOSED

    def status_label(self, lang: str = "da") -> str:
        return t(f"meeting.action.{self.status}", lang)

    def kind_label(self, lang: str = "da") -> str:
        return t(f"meeting.kind.{self.kind}", lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting": self.meeting_id,
            "kind": self.kind,
            "text": self.text,
            "goal": self.goal,
            "area": self.area,
            "owner": self.owner,
            "due": self.due_on.isoformat() if self.due_on else None,
            "status": self.status,
        }


def _status(value: str, lang: str) -> ActionStatus:
    found = STATUS_WORDS.get(name_key(value).replace(" ", ""))
    if found is None:
        found = STATUS_WORDS.get(str(value).strip().lower().replace(" ", "_"))
    if found is None:
        raise MeetingError(t("meeting.bad_status", lang, value=value))
    return found


def _kind(value: str, lang: str) -> str:
    word = name_key(value)
    kinds = {"decision": "decision", "beslutning": "decision", "action": "action"}
    kinds |= {"handling": "action"}
    if word not in kinds:
        raise MeetingError(t("meeting.bad_kind", lang, value=value))
    return kinds[word]


def _codes(
    session: Session, goal: str | None, area: str | None, lang: str
) -> tuple[str | None, str | None]:
    if not (goal or area):
        return None, None
    cat = Catalogue.load(session)
    goal_code = area_code = None
    if goal:
        found = cat.goal_index.get(goal.strip())
        if found is None:
            raise MeetingError(t("meeting.unknown_goals", lang, name=goal))
        goal_code = found.code
    if area:
        place = cat.area_index.get(area.strip())
        if place is None:
            raise MeetingError(t("meeting.unknown_area", lang, name=area))
        area_code = place.code
    return goal_code, area_code


def _text(text: str, lang: str) -> str:
    value = str(text or "").strip()
    if not value:
        raise MeetingError(t("meeting.no_text", lang))
    return value


def _view(action: MeetingAction, meeting: Meeting) -> ActionView:
    return ActionView(
        id=action.id,  # type: ignore[arg-type]
        meeting_id=action.meeting_id,
        meeting_title=meeting.title,
        meeting_date=meeting.held_on,
        kind=action.kind,
        text=action.text,
        goal=action.goal,
        area=action.area,
        owner=action.owner,
        due_on=action.due_on,
        status=str(action.status),
    )


def add_action(
    *,
    engine: Engine,
    actor: access.Actor,
    meeting_id: int,
    text: str,
    kind: str = "action",
    goal: str | None = None,
    area: str | None = None,
    owner: str | None = None,
    due_on: str | dt.date | None = None,
    lang: str = "da",
) -> ActionView:
    """Record a decision or an action of a meeting (open)."""
    access.require_admin(actor, t("meeting.what.actions", lang))
    body, what = _text(text, lang), _kind(kind, lang)
    due = parse_date(due_on, lang) if due_on not in (None, "") else None
    with store.write_session(engine) as session:
        meeting = need_meeting(session, meeting_id, lang)
        goal_code, area_code = _codes(session, goal, area, lang)
        action = MeetingAction(
            meeting_id=meeting_id,
            kind=what,
            text=body,
            goal=goal_code,
            area=area_code,
            owner=(owner or "").strip()[:200] or None,
            due_on=due,
            created_by=actor.name[:200],
        )
        session.add(action)
        session.flush()
        access.record(
            session,
            actor=actor.name,
            action=f"meeting.{what}_added",
            target=f"#{meeting_id} / {action.id}",
            detail={"text": body[:200], "goal": goal_code, "area": area_code},
        )
        return _view(action, meeting)


def update_action(
    *,
    engine: Engine,
    actor: access.Actor,
    action_id: int,
    status: str | None = None,
    owner: str | None = None,
    due_on: str | dt.date | None = None,
    text: str | None = None,
    lang: str = "da",
) -> ActionView:
    """Follow up on a decision or action: its status, owner, due date or text."""
    access.require_admin(actor, t("meeting.what.actions", lang))
    with store.write_session(engine) as session:
        action = session.get(MeetingAction, action_id)
        if action is None:
            raise UnknownMeeting(t("meeting.unknown_action", lang, id=action_id))
        changed: dict[str, Any] = {}
        if status is not None:
            action.status = _status(status, lang)
            changed["status"] = str(action.status)
        if owner is not None:
            action.owner = owner.strip()[:200] or None
            changed["owner"] = action.owner
        if due_on is not None:
            action.due_on = parse_date(due_on, lang) if str(due_on).strip() else None
            changed["due"] = action.due_on.isoformat() if action.due_on else None
        if text is not None:
            action.text = _text(text, lang)
            changed["text"] = action.text[:200]
        action.updated_at = utcnow()
        action.updated_by = actor.name[:200]
        session.add(action)
        access.record(
            session,
            actor=actor.name,
            action="meeting.action_updated",
            target=f"#{action.meeting_id} / {action_id}",
            detail=changed,
        )
        meeting = session.get(Meeting, action.meeting_id)
        return _view(action, meeting)  # type: ignore[arg-type]


@store.reads
def actions(
    session: Session,
    *,
    meeting_id: int | None = None,
    goal: str | None = None,
    area: str | None = None,
    open_only: bool = False,
    before_meeting: int | None = None,
) -> list[ActionView]:
    """Decisions and actions, oldest meeting first: of one meeting, on a goal or a cluster
    (codes), only the actions still open, or those of meetings held before another meeting."""
    query = select(MeetingAction, Meeting).join(Meeting, Meeting.id == MeetingAction.meeting_id)
    if meeting_id is not None:
        query = query.where(MeetingAction.meeting_id == meeting_id)
    if goal is not None:
        query = query.where(MeetingAction.goal == goal)
    if area is not None:
        query = query.where(MeetingAction.area == area)
    if open_only:  # actions to follow up: a decision is recorded, not followed up
        query = query.where(
            MeetingAction.status != ActionStatus.CLOSED.value, MeetingAction.kind == "action"
        )
    if before_meeting is not None:
        this = session.get(Meeting, before_meeting)
        if this is not None:
            query = query.where(Meeting.held_on <= this.held_on, Meeting.id != this.id)
    query = query.order_by(Meeting.held_on, MeetingAction.id)  # type: ignore[arg-type]
    return [_view(action, meeting) for action, meeting in session.exec(query).all()]
