"""The steering groups' own reports as the deck shows them: their initiatives and their newest
assessment of each goal, read from the store by goals.status.own, with each area's name in the
deck's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from goals.catalogue import Catalogue
from goals.i18n import name_of
from goals.periods import Period
from goals.status import own as reported


@dataclass(frozen=True)
class InitiativeItem:
    goal: str
    area: str
    area_name: str
    name: str
    status: str
    next_milestone: str | None
    milestone_date: dt.date | None
    responsible: str | None
    start_on: dt.date | None = None
    end_on: dt.date | None = None


@dataclass(frozen=True)
class AssessmentItem:
    goal: str
    area: str
    area_name: str
    period: str
    light: str
    text: str


def current_initiatives(
    session: Session, catalogue: Catalogue, lang: str = "da"
) -> list[InitiativeItem]:
    """The initiatives as last reported (goals.status.own), with the area's name for slides."""
    return [
        InitiativeItem(
            goal=item.goal,
            area=item.area,
            area_name=name_of(catalogue.area(item.area), lang),
            name=item.name,
            status=item.status,
            next_milestone=item.next_milestone,
            milestone_date=item.milestone_date,
            responsible=item.responsible,
            start_on=item.start_on,
            end_on=item.end_on,
        )
        for item in reported.current_initiatives(session=session, catalogue=catalogue)
    ]


def current_assessments(
    session: Session, catalogue: Catalogue, *, as_of: Period | None = None, lang: str = "da"
) -> dict[tuple[str, str], AssessmentItem]:
    """(goal, area) → the steering group's newest assessment up to `as_of` (goals.status.own)."""
    found = reported.current_assessments(
        session=session, catalogue=catalogue, as_of=as_of.code if as_of is not None else None
    )
    return {
        key: AssessmentItem(
            goal=item.goal,
            area=item.area,
            area_name=name_of(catalogue.area(item.area), lang),
            period=item.period,
            light=item.light,
            text=item.text or "",
        )
        for key, item in found.items()
    }
