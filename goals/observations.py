"""Reading indicator values from the store.

The current value of a key (indicator, area, period, group) is the newest observation from an
upload that has not been rolled back; every older row stays as history.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from goals.model import Observation, Upload, UploadState

COLUMNS = [
    "id",
    "indicator_id",
    "area_id",
    "period",
    "group_id",
    "value",
    "missing_reason",
    "numerator",
    "denominator",
    "lower",
    "upper",
    "note",
    "upload_id",
]


def current_query(
    *,
    indicator_ids: Iterable[int] | None = None,
    area_ids: Iterable[int] | None = None,
    group_ids: Iterable[int] | None = None,
) -> sa.Select:
    """SELECT of the current observations, optionally filtered."""
    o = Observation.__table__
    u = Upload.__table__
    conditions = [u.c.state == UploadState.APPLIED.value]
    if indicator_ids is not None:
        conditions.append(o.c.indicator_id.in_(list(indicator_ids)))
    if area_ids is not None:
        conditions.append(o.c.area_id.in_(list(area_ids)))
    if group_ids is not None:
        conditions.append(o.c.group_id.in_(list(group_ids)))
    live = sa.select(o).join(u, u.c.id == o.c.upload_id).where(*conditions).subquery("live")
    newest = (
        sa.select(sa.func.max(live.c.id).label("id"))
        .group_by(live.c.indicator_id, live.c.area_id, live.c.period, live.c.group_id)
        .subquery("newest")
    )
    return sa.select(*(live.c[name] for name in COLUMNS)).join(newest, newest.c.id == live.c.id)


def current_values(
    session: Session,
    *,
    indicator_ids: Iterable[int] | None = None,
    area_ids: Iterable[int] | None = None,
    group_ids: Iterable[int] | None = None,
) -> pd.DataFrame:
    """The current observations as a DataFrame with the columns in `COLUMNS`."""
    query = current_query(indicator_ids=indicator_ids, area_ids=area_ids, group_ids=group_ids)
    # plain tuples: building a DataFrame from Row objects is ~20× slower on 100k rows
    rows = [tuple(row) for row in session.connection().execute(query)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("value", "lower", "upper"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def history(
    session: Session, *, indicator_id: int, area_id: int, period: str, group_id: int
) -> pd.DataFrame:
    """Every row ever reported for one key, newest first, with its upload's state."""
    o = Observation.__table__
    u = Upload.__table__
    query = (
        sa.select(o, u.c.filename, u.c.user, u.c.created_at, u.c.state)
        .join(u, u.c.id == o.c.upload_id)
        .where(
            o.c.indicator_id == indicator_id,
            o.c.area_id == area_id,
            o.c.period == period,
            o.c.group_id == group_id,
        )
        .order_by(o.c.id.desc())
    )
    result = session.connection().execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))
