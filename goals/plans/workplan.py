"""The work plan: every current initiative with its start, end, next milestone, status and
responsible, per cluster, track and goal; what is overdue and what is over budget.

An initiative is **overdue** when its end date has passed and it is neither *Gennemført* nor
*Stoppet*; it is **over budget** when it has spent more than its budget (both reported). A
passed milestone date of an initiative still under way is marked too (`milestone_passed`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import language, name_of, t
from goals.status.own import ENDED, current_initiatives, is_overdue
from goals.store.model import Area

__all__ = ["ENDED", "PlanError", "PlanRow", "is_overdue", "workplan"]


class PlanError(ValueError):
    """A work-plan request that cannot be answered (unknown cluster or track); one sentence."""


@dataclass(frozen=True)
class PlanRow:
    """One initiative in the work plan, with the names a page or slide shows."""

    goal: str  # goal code
    goal_title: str
    track: str  # track code
    track_name: str
    cluster: str | None  # the cluster the initiative's area is or belongs to
    cluster_name: str | None
    area: str  # area code as reported
    area_name: str
    initiative: str
    status: str  # goals.store.model.InitiativeStatus value
    start: dt.date | None
    end: dt.date | None
    next_milestone: str | None
    milestone_date: dt.date | None
    responsible: str | None
    budget: float | None
    spent: float | None
    note: str | None
    overdue: bool
    over_budget: bool
    milestone_passed: bool

    def to_json(self) -> dict[str, Any]:
        """The keys of ``python -m goals workplan --json`` (dates ISO, amounts in kr.)."""
        return {
            "goal": self.goal,
            "initiative": self.initiative,
            "area": self.area,
            "status": self.status,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "next_milestone": self.next_milestone,
            "milestone_date": _iso(self.milestone_date),
            "responsible": self.responsible,
            "budget": self.budget,
            "spent": self.spent,
            "overdue": self.overdue,
            "over_budget": self.over_budget,
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _areas_of(cat: Catalogue, cluster: Area) -> set[str]:
    """The cluster and every area below it today."""
    found, todo = {cluster.code}, [cluster]
    while todo:
        for member in cat.members(todo.pop()):
            if member.code not in found:
                found.add(member.code)
                todo.append(member)
    return found


@store.reads
def workplan(
    *,
    session: Session,
    catalogue: Catalogue | None = None,
    cluster: str | None = None,
    track: str | None = None,
    today: dt.date | None = None,
    lang: str = "da",
) -> list[PlanRow]:
    """The current initiatives as a work plan, optionally of one cluster (its own initiatives
    and those of its members) and one track, in the catalogue's order of tracks and goals, then
    by cluster, start date and name. Raises PlanError for an unknown cluster or track."""
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    today = today or dt.date.today()
    areas = None
    if cluster is not None:
        found = cat.cluster_named(cluster)
        if found is None:
            known = ", ".join(f"{a.code} ({a.name})" for a in cat.clusters)
            raise PlanError(t("plans.unknown_cluster", lang, name=cluster, known=known))
        areas = _areas_of(cat, found)
    goal_codes = None
    if track is not None:
        found_track = cat.track_named(track)
        if found_track is None:
            known = ", ".join(f"{x.code} ({name_of(x, lang)})" for x in cat.tracks)
            raise PlanError(t("plans.unknown_track", lang, name=track, known=known))
        goal_codes = [g.code for g in cat.goals_of_track(found_track)]
    tracks = {x.id: x for x in cat.tracks}
    goals = {g.code: g for g in cat.goals}
    track_order = {x.id: n for n, x in enumerate(sorted(cat.tracks, key=lambda x: x.sort_order))}
    goal_order = {g.code: n for n, g in enumerate(cat.goals)}
    rows = []
    for ini in current_initiatives(session=session, catalogue=cat, areas=areas, goals=goal_codes):
        goal = goals[ini.goal]
        area = cat.area(ini.area)
        if area is None:
            continue
        home = cat.cluster_of(area)
        under_way = ini.status not in ENDED
        rows.append(
            PlanRow(
                goal=goal.code,
                goal_title=name_of(goal, lang, "title"),
                track=tracks[goal.track_id].code,
                track_name=name_of(tracks[goal.track_id], lang),
                cluster=home.code if home else None,
                cluster_name=name_of(home, lang) if home else None,
                area=area.code,
                area_name=name_of(area, lang),
                initiative=ini.name,
                status=ini.status,
                start=ini.start_on,
                end=ini.end_on,
                next_milestone=ini.next_milestone,
                milestone_date=ini.milestone_date,
                responsible=ini.responsible,
                budget=ini.budget,
                spent=ini.spent,
                note=ini.note,
                overdue=is_overdue(ini, today),
                over_budget=(
                    ini.budget is not None and ini.spent is not None and ini.spent > ini.budget
                ),
                milestone_passed=(
                    under_way and ini.milestone_date is not None and ini.milestone_date < today
                ),
            )
        )
    rows.sort(
        key=lambda r: (
            track_order.get(goals[r.goal].track_id, 0),
            goal_order.get(r.goal, 0),
            r.cluster or "~",
            r.start or dt.date.max,
            r.initiative.casefold(),
        )
    )
    return rows
