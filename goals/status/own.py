"""What steering groups report besides values: their own assessment of each goal (traffic light
and text) and their initiatives, as they stand now.

Like every reported row, the current assessment or initiative is the newest one from an upload
that has not been rolled back: an assessment per (goal, area, period), an initiative per (goal,
area, name – spelled any way, see `goals.names.name_key`). Pages show the assessment of the
latest period next to the computed status; `assessment_agrees` says when the two disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.names import name_key
from goals.periods import Period, PeriodError, parse_period
from goals.store.model import (
    Assessment,
    Initiative,
    InitiativeStatus,
    TrafficLight,
    Upload,
)
from goals.store.observations import applied_rows

__all__ = [
    "AGREEING_STATUSES",
    "ENDED",
    "INITIATIVE_ORDER",
    "CurrentAssessment",
    "CurrentInitiative",
    "assessment_agrees",
    "current_assessments",
    "current_initiatives",
    "is_overdue",
]

#: The computed verdicts that agree with each traffic light. Limited progress is amber or red
#: – steering groups use both for it – so neither is called a mismatch. "No certain change"
#: agrees with amber only: the figures show neither that the goal is on track nor that it is
#: getting worse.
AGREEING_STATUSES: dict[str, frozenset[str]] = {
    TrafficLight.GREEN.value: frozenset({"target_achieved", "on_track"}),
    TrafficLight.YELLOW.value: frozenset({"needs_acceleration", "limited_progress", "uncertain"}),
    TrafficLight.RED.value: frozenset({"limited_progress", "deterioration"}),
}

#: Initiatives are listed in this order of status: what needs attention first.
INITIATIVE_ORDER: tuple[str, ...] = (
    InitiativeStatus.DELAYED.value,
    InitiativeStatus.IN_PROGRESS.value,
    InitiativeStatus.NOT_STARTED.value,
    InitiativeStatus.COMPLETED.value,
    InitiativeStatus.STOPPED.value,
)


#: Statuses for which nothing more is due: an initiative in one of them is never overdue.
ENDED: frozenset[str] = frozenset(
    {InitiativeStatus.COMPLETED.value, InitiativeStatus.STOPPED.value}
)


def is_overdue(initiative: object, today: dt.date) -> bool:
    """An initiative (anything with `status` and `end_on`) whose end date has passed while it
    is neither *Gennemført* nor *Stoppet* – the work plan's "overskredet"."""
    end = getattr(initiative, "end_on", None)
    return getattr(initiative, "status", None) not in ENDED and end is not None and end < today


@dataclass(frozen=True)
class CurrentAssessment:
    """A steering group's latest own assessment of a goal in an area."""

    goal: str  # goal code
    area: str  # area code
    period: str  # canonical period code
    light: str  # goals.store.model.TrafficLight value
    text: str | None
    upload_id: int
    uploaded_at: dt.datetime
    user: str


@dataclass(frozen=True)
class CurrentInitiative:
    """An initiative for a goal in an area, as last reported."""

    goal: str
    area: str
    name: str
    status: str  # goals.store.model.InitiativeStatus value
    next_milestone: str | None
    milestone_date: dt.date | None
    responsible: str | None
    note: str | None
    upload_id: int
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    budget: float | None = None  # kr.
    spent: float | None = None  # kr.


def assessment_agrees(light: str, status: str) -> bool | None:
    """Whether a traffic light agrees with a computed verdict (or status); None when it is not
    available (there is nothing to disagree with)."""
    if status == "not_available":
        return None
    return status in AGREEING_STATUSES.get(light, frozenset())


def _ids(catalogue: Catalogue, areas: Iterable[str] | None, goals: Iterable[str] | None):
    area_ids = None if areas is None else {a.id for c in areas if (a := catalogue.area(c))}
    goal_ids = None if goals is None else {g.id for c in goals if (g := catalogue.goal(c))}
    return area_ids, goal_ids


def _end(period: Period) -> float:
    return period.years + 1 / period.frequency.per_year


@store.reads
def current_assessments(
    *,
    session: Session,
    catalogue: Catalogue,
    as_of: str | None = None,
    areas: Iterable[str] | None = None,
    goals: Iterable[str] | None = None,
) -> dict[tuple[str, str], CurrentAssessment]:
    """(goal code, area code) → the assessment of the latest period (ended by `as_of`, when
    given), each period's assessment being the newest from an applied upload."""
    area_ids, goal_ids = _ids(catalogue, areas, goals)
    u = Upload.__table__
    query = applied_rows(
        Assessment.__table__, u.c.created_at, u.c.user, goal_ids=goal_ids, area_ids=area_ids
    )
    cutoff = _end(parse_period(as_of)) if as_of is not None else None
    goal_codes = {g.id: g.code for g in catalogue.goals}
    newest: dict[tuple[int, int, str], dict] = {}
    for row in session.connection().execute(query).mappings():
        newest[(row["goal_id"], row["area_id"], row["period"])] = dict(row)  # later id wins
    latest: dict[tuple[str, str], tuple[float, CurrentAssessment]] = {}
    for (goal_id, area_id, code), row in newest.items():
        try:
            end = _end(parse_period(code))
        except PeriodError:
            continue
        area = catalogue.areas.get(area_id)
        if (cutoff is not None and end > cutoff) or area is None or goal_id not in goal_codes:
            continue
        key = (goal_codes[goal_id], area.code)
        if key in latest and latest[key][0] >= end:
            continue
        latest[key] = (
            end,
            CurrentAssessment(
                goal=key[0],
                area=key[1],
                period=code,
                light=str(row["light"]),
                text=row["text"],
                upload_id=row["upload_id"],
                uploaded_at=row["created_at"],
                user=row["user"],
            ),
        )
    return {key: value for key, (_, value) in latest.items()}


@store.reads
def current_initiatives(
    *,
    session: Session,
    catalogue: Catalogue,
    areas: Iterable[str] | None = None,
    goals: Iterable[str] | None = None,
) -> list[CurrentInitiative]:
    """The initiatives as last reported: per goal and area, delayed ones first, then in the
    order they were first reported."""
    area_ids, goal_ids = _ids(catalogue, areas, goals)
    query = applied_rows(Initiative.__table__, goal_ids=goal_ids, area_ids=area_ids)
    goal_codes = {g.id: g.code for g in catalogue.goals}
    first_seen: dict[tuple[int, int, str], int] = {}
    newest: dict[tuple[int, int, str], dict] = {}
    for row in session.connection().execute(query).mappings():
        key = (row["goal_id"], row["area_id"], name_key(row["name"]))
        first_seen.setdefault(key, row["id"])
        newest[key] = dict(row)
    out = []
    for key, row in newest.items():
        area = catalogue.areas.get(row["area_id"])
        if area is None or row["goal_id"] not in goal_codes:
            continue
        out.append(
            (
                key,
                CurrentInitiative(
                    goal=goal_codes[row["goal_id"]],
                    area=area.code,
                    name=row["name"],
                    status=str(row["status"]),
                    next_milestone=row["next_milestone"],
                    milestone_date=row["milestone_date"],
                    responsible=row["responsible"],
                    note=row["note"],
                    upload_id=row["upload_id"],
                    start_on=row["start_on"],
                    end_on=row["end_on"],
                    budget=row["budget"],
                    spent=row["spent"],
                ),
            )
        )
    goal_order = {g.code: n for n, g in enumerate(catalogue.goals)}
    status_order = {s: n for n, s in enumerate(INITIATIVE_ORDER)}
    out.sort(
        key=lambda item: (
            goal_order.get(item[1].goal, 0),
            item[1].area,
            status_order.get(item[1].status, len(status_order)),
            first_seen[item[0]],
        )
    )
    return [initiative for _, initiative in out]
