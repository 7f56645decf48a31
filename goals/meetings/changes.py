"""What moved since a frozen meeting: verdicts that changed, values it showed that were revised
afterwards ("rettet efter mødet"), new values for the series it showed, and new assessments.

Compared with the store as it stands now, or with a later frozen meeting (`to`). A criterion ×
area is *changed* when its verdict, latest value or latest period differs (or it appears or
goes); a *revised value* is a value of a period the meeting showed whose current value differs
now (or was withdrawn by a rollback), with the upload that brought the new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import language, t
from goals.meetings.core import MeetingError, frozen_meeting, previous_frozen
from goals.status.assessment import assess_rows
from goals.store.model import (
    Assessment,
    Goal,
    Meeting,
    MeetingRow,
    MeetingValue,
    Upload,
    UploadState,
)
from goals.store.observations import current_query

__all__ = ["Changes", "meeting_changes", "since_previous"]

_COMPARED = ("verdict", "latest_value", "latest_period")


@dataclass
class Changes:
    meeting: int
    to: int | None
    date: dt.date
    to_date: dt.date | None
    changed: list[dict[str, Any]] = field(default_factory=list)
    revised_values: list[dict[str, Any]] = field(default_factory=list)
    new_values: list[dict[str, Any]] = field(default_factory=list)
    new_assessments: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "to": self.to,
            "changed": self.changed,
            "revised_values": self.revised_values,
            "new_values": self.new_values,
            "new_assessments": self.new_assessments,
        }

    def headline(self, lang: str = "da") -> list[str]:
        """The changes counted in words (the first lines of the view, the slides, the summary)."""
        lines = [
            t("meeting.changes.verdicts", lang, n=len(self.changed))
            if self.changed
            else t("meeting.changes.none", lang)
        ]
        if self.revised_values:
            lines.append(t("meeting.changes.revised", lang, n=len(self.revised_values)))
        if self.new_values:
            lines.append(t("meeting.changes.new_values", lang, n=len(self.new_values)))
        if self.new_assessments:
            lines.append(t("meeting.changes.new_assessments", lang, n=len(self.new_assessments)))
        return lines


def _frozen_states(session: Session, meeting_id: int) -> dict[tuple[str, str], dict[str, Any]]:
    r = MeetingRow.__table__  # type: ignore[attr-defined]
    query = sa.select(r.c.criterion, r.c.area, r.c.verdict, r.c.latest_value, r.c.latest_period)
    query = query.where(r.c.meeting_id == meeting_id, r.c.lang == "da").order_by(r.c.position)
    return {
        (c, a): {"verdict": v, "latest_value": lv, "latest_period": lp}
        for c, a, v, lv, lp in session.connection().execute(query)
    }


def _frozen_values(session: Session, meeting_id: int) -> dict[tuple[str, str, str, str], tuple]:
    v = MeetingValue.__table__  # type: ignore[attr-defined]
    query = sa.select(v.c.indicator, v.c.area, v.c.group, v.c.period, v.c.value, v.c.upload_id)
    return {
        (i, a, g, p): (value, upload)
        for i, a, g, p, value, upload in session.connection().execute(
            query.where(v.c.meeting_id == meeting_id)
        )
    }


def _current_values(
    session: Session, cat: Catalogue, series: set[tuple[str, str, str]]
) -> dict[tuple[str, str, str, str], tuple]:
    """The current observations of the series (codes), keyed by codes."""
    indicators = {i.code: i.id for i in cat.indicators.values()}
    areas = {a.code: a.id for a in cat.areas.values()}
    groups = {g.code: g.id for g in cat.groups.values()}
    wanted = {
        (indicators[i], areas[a], groups[g])
        for i, a, g in series
        if i in indicators and a in areas and g in groups
    }
    if not wanted:
        return {}
    query = current_query(
        indicator_ids=sorted({w[0] for w in wanted}),
        area_ids=sorted({w[1] for w in wanted}),
        group_ids=sorted({w[2] for w in wanted}),
        columns=[
            "indicator_id",
            "area_id",
            "group_id",
            "period",
            "value",
            "upload_id",
            "numerator",
            "denominator",
        ],
    )
    out = {}
    rows = store.fetch_tuples(session.connection(), query)
    for i, a, g, period, value, upload, numerator, denominator in rows:
        if (i, a, g) in wanted and not cat.hides(i, value, numerator, denominator):
            key = (cat.indicators[i].code, cat.areas[a].code, cat.groups[g].code, period)
            out[key] = (value, upload)
    return out


def _value_entry(key: tuple, **extra: Any) -> dict[str, Any]:
    indicator, area, group, period = key
    return {"indicator": indicator, "area": area, "period": period, "group": group, **extra}


@store.reads
def meeting_changes(
    session: Session,
    meeting_id: int,
    *,
    to: int | None = None,
    since_previous: bool = False,
    lang: str = "da",
) -> Changes:
    """The changes from frozen meeting `meeting_id` to now, or to frozen meeting `to`.

    since_previous: compare the previous frozen meeting of the same forum with this one (the
    first screen of a meeting: what moved since last time); `meeting_id` must then be frozen
    too, and with no previous meeting the result is empty of comparisons."""
    lang = language(lang)
    if since_previous:
        previous = previous_frozen(session, meeting_id)
        if previous is None:
            this = frozen_meeting(session, meeting_id, lang)
            return Changes(meeting_id, None, this.held_on, None)
        return meeting_changes(session, previous, to=meeting_id, lang=lang)
    meeting = frozen_meeting(session, meeting_id, lang)
    later: Meeting | None = None
    if to is not None:
        later = frozen_meeting(session, to, lang)
        if (later.frozen_upload_id or 0) < (
            meeting.frozen_upload_id or 0
        ) or later.id == meeting.id:
            raise MeetingError(t("meeting.to_not_later", lang, id=meeting_id, to=to))
    cat = Catalogue.load(session)
    before = _frozen_states(session, meeting_id)
    if later is not None:
        after = _frozen_states(session, later.id)  # type: ignore[arg-type]
    else:
        after = {
            (row.criterion, row.area): {k: getattr(row, k) for k in _COMPARED}
            for row in assess_rows(session=session, catalogue=cat, lang="da")
        }
    changes = Changes(meeting_id, to, meeting.held_on, later.held_on if later is not None else None)
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if old != new:
            changes.changed.append(
                {"criterion": key[0], "area": key[1], "before": old, "after": new}
            )

    shown = _frozen_values(session, meeting_id)
    series = {k[:3] for k in shown}
    if later is not None:
        now = _frozen_values(session, later.id)  # type: ignore[arg-type]
    else:
        now = _current_values(session, cat, series)
    for key, (value, _) in shown.items():
        current = now.get(key)
        if current is None:
            changes.revised_values.append(
                _value_entry(key, before=value, after=None, upload_id=None)
            )
        elif current[0] != value:
            changes.revised_values.append(
                _value_entry(key, before=value, after=current[0], upload_id=current[1])
            )
    for key, (value, upload) in sorted(now.items()):
        if key not in shown and key[:3] in series:
            changes.new_values.append(_value_entry(key, value=value, upload_id=upload))

    changes.new_assessments = _new_assessments(
        session, cat, meeting.frozen_upload_id, later.frozen_upload_id if later else None
    )
    return changes


def _new_assessments(
    session: Session, cat: Catalogue, after_upload: int | None, upto_upload: int | None
) -> list[dict[str, Any]]:
    """The steering groups' assessments from applied uploads after the meeting (up to the later
    meeting's)."""
    a, u, g = Assessment.__table__, Upload.__table__, Goal.__table__  # type: ignore[attr-defined]
    query = (
        sa.select(g.c.code, a.c.area_id, a.c.period, a.c.light, a.c.text, a.c.upload_id)
        .join(u, u.c.id == a.c.upload_id)
        .join(g, g.c.id == a.c.goal_id)
        .where(a.c.upload_id > (after_upload or 0), u.c.state == UploadState.APPLIED.value)
        .order_by(a.c.upload_id, a.c.id)
    )
    if upto_upload is not None:
        query = query.where(a.c.upload_id <= upto_upload)
    return [
        {
            "goal": goal,
            "area": cat.areas[area_id].code if area_id in cat.areas else str(area_id),
            "period": period,
            "light": str(light),
            "text": text,
            "upload_id": upload,
        }
        for goal, area_id, period, light, text, upload in session.connection().execute(query)
    ]


@store.reads
def since_previous(
    session: Session, meeting_id: int, lang: str = "da"
) -> tuple[dict, list[str], str]:
    """What a meeting's deck opens with: the changes from the previous frozen meeting of the
    same forum to this one (JSON), their headline in words, and the slide title."""
    lang = language(lang)
    found = meeting_changes(session, meeting_id, since_previous=True, lang=lang)
    if found.to is None:
        return (
            found.to_json(),
            [t("meeting.summary.no_previous", lang)],
            t("meetings.changes.title", lang),
        )
    return found.to_json(), found.headline(lang), t("meetings.changes.title", lang)
