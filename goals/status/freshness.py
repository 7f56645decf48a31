"""How fresh the data are: the latest applied upload of each steering group.

An upload is a steering group's when it holds values of an indicator the group owns
(`Catalogue.indicator_owners`) or initiatives or assessments of the group's goals. Uploads are
examined newest first and only until every group is placed, with one indexed EXISTS query per
upload and group, so the cost does not grow with the size of the store (a GROUP BY over all
values would: about a second on the ten-times benchmark store). A group with no rows at all is
found out first, by the indicator index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.store.model import Assessment, Initiative, Observation, Upload, UploadState

__all__ = ["GroupFreshness", "latest_uploads"]


@dataclass(frozen=True)
class GroupFreshness:
    """A steering group and its latest applied upload (all None when it has none)."""

    steering_group: str  # code
    upload_id: int | None = None
    filename: str | None = None
    user: str | None = None
    created_at: dt.datetime | None = None


def _indicators_by_owner(catalogue: Catalogue) -> dict[int, set[int]]:
    """Steering group id → ids of the indicators it owns, as `Catalogue.indicator_owners`
    decides, in one pass (that method per indicator is quadratic in the catalogue's size)."""
    out: dict[int, set[int]] = {g.id: set() for g in catalogue.steering_groups}
    used_by: dict[int, set[int]] = {}
    for info in catalogue.criteria:
        for revision in info.revisions:
            used_by.setdefault(revision.indicator_id, set()).add(info.goal.steering_group_id)
    for indicator in catalogue.indicators.values():
        if indicator.steering_group_id is not None:
            owners = {indicator.steering_group_id}
        else:
            owners = used_by.get(indicator.id, set())
        for owner in owners:
            out.setdefault(owner, set()).add(indicator.id)
    return out


@store.reads
def latest_uploads(*, session: Session, catalogue: Catalogue) -> list[GroupFreshness]:
    """One entry per steering group, in catalogue order."""
    connection = session.connection()
    indicators = _indicators_by_owner(catalogue)
    goals: dict[int, set[int]] = {g.id: set() for g in catalogue.steering_groups}
    for goal in catalogue.goals:
        goals.setdefault(goal.steering_group_id, set()).add(goal.id)

    o, i, a, u = (
        Observation.__table__,
        Initiative.__table__,
        Assessment.__table__,
        Upload.__table__,
    )

    def holds(upload_id: int | None, group_id: int) -> bool:
        """Whether the upload (None: any row at all) holds anything of the group's."""

        def of(table: sa.Table, column: sa.Column, ids: set[int]) -> sa.Exists:
            condition = column.in_(ids)
            if upload_id is not None:
                condition = sa.and_(table.c.upload_id == upload_id, condition)
            return sa.exists().where(condition)

        parts = []
        if indicators[group_id]:
            parts.append(of(o, o.c.indicator_id, indicators[group_id]))
        if goals[group_id]:
            parts += [of(table, table.c.goal_id, goals[group_id]) for table in (i, a)]
        if not parts:
            return False
        return bool(connection.execute(sa.select(sa.or_(*parts))).scalar())

    uploads = connection.execute(
        sa.select(u.c.id, u.c.filename, u.c.user, u.c.created_at)
        .where(u.c.state == UploadState.APPLIED.value)
        .order_by(u.c.id.desc())
    ).all()
    found: dict[int, GroupFreshness] = {}
    # A group with no rows at all (an indexed look-up) would otherwise be searched for in every
    # upload, row by row.
    wanted = [g for g in catalogue.steering_groups if holds(None, g.id)]
    for upload in uploads:
        if len(found) == len(wanted):
            break
        for group in wanted:
            if group.id not in found and holds(upload.id, group.id):
                found[group.id] = GroupFreshness(
                    steering_group=group.code,
                    upload_id=upload.id,
                    filename=upload.filename,
                    user=upload.user,
                    created_at=upload.created_at,
                )
    return [
        found.get(g.id, GroupFreshness(steering_group=g.code)) for g in catalogue.steering_groups
    ]
