"""Reading indicator values from the store, and keeping track of which are current.

The current value of a key (indicator, area, period, group) is the newest observation from an
upload that has not been rolled back; every older row stays as history. The store marks that
row (`Observation.is_current`, maintained here by `mark_applied` and `mark_rolled_back` inside
the workbook write transaction), so reading current values costs the same however long the
upload history grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session

from goals.store import reads
from goals.store.model import Observation, Upload, UploadState

if TYPE_CHECKING:
    import pandas as pd

KEY = ("indicator_id", "area_id", "period", "group_id")
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
    columns: Sequence[str] = COLUMNS,
) -> sa.Select:
    """SELECT of the current observations, optionally filtered (served by the partial index)."""
    o = Observation.__table__
    conditions = [o.c.is_current]
    if indicator_ids is not None:
        conditions.append(o.c.indicator_id.in_(list(indicator_ids)))
    if area_ids is not None:
        conditions.append(o.c.area_id.in_(list(area_ids)))
    if group_ids is not None:
        conditions.append(o.c.group_id.in_(list(group_ids)))
    return sa.select(*(o.c[name] for name in columns)).where(*conditions)


def derived_current_query() -> sa.Select:
    """The definition `is_current` keeps: the newest row per key among applied uploads' rows.

    Used by the migration that introduced the flag and by the checks that the flag is right;
    it reads the whole history, so nothing on a page uses it.
    """
    o = Observation.__table__
    u = Upload.__table__
    return (
        sa.select(sa.func.max(o.c.id).label("id"))
        .join(u, u.c.id == o.c.upload_id)
        .where(u.c.state == UploadState.APPLIED.value)
        .group_by(*(o.c[k] for k in KEY))
    )


def rebuild_current(session: Session) -> None:
    """Set every row's is_current from the history (`derived_current_query`).

    For stores filled in bulk outside the workbook path (the benchmark store generator);
    in a transaction, so a reader never sees a key without its current row.
    """
    o = Observation.__table__
    connection = session.connection()
    connection.execute(sa.update(o).where(o.c.is_current).values(is_current=False))
    derived = derived_current_query()
    connection.execute(sa.update(o).where(o.c.id.in_(derived)).values(is_current=True))


def _same_key(a: sa.FromClause, b: sa.FromClause) -> sa.ColumnElement[bool]:
    return sa.and_(*(a.c[k] == b.c[k] for k in KEY))


def mark_applied(session: Session, upload_id: int) -> None:
    """Make the rows an upload has just inserted current, and the rows they replace history.

    Called by the workbook write path in its transaction, after inserting the upload's rows:
    rows of keys that had no current row may already be inserted as current; the others are
    inserted with is_current false, so that the unique partial index never sees two.
    """
    o = Observation.__table__
    new, old = o.alias("new"), o.alias("old")
    replaced = (
        sa.select(old.c.id)
        .select_from(new.join(old, _same_key(new, old)))
        .where(
            new.c.upload_id == upload_id,
            sa.not_(new.c.is_current),
            old.c.is_current,
            old.c.upload_id != upload_id,
        )
    )
    connection = session.connection()
    connection.execute(sa.update(o).where(o.c.id.in_(replaced)).values(is_current=False))
    connection.execute(
        sa.update(o)
        .where(o.c.upload_id == upload_id, sa.not_(o.c.is_current))
        .values(is_current=True)
    )


def mark_rolled_back(session: Session, upload_id: int) -> None:
    """Withdraw an upload's rows: for each of its keys the newest row of another applied upload
    becomes current again (or none, when the key was new with this upload).

    Called by the rollback in its transaction. The rollback rule (no later applied upload wrote
    the same keys) means this upload's rows were the current ones.
    """
    o, u = Observation.__table__, Upload.__table__
    mine, earlier = o.alias("mine"), o.alias("earlier")
    restored = (
        sa.select(sa.func.max(earlier.c.id))
        .select_from(
            mine.join(earlier, _same_key(mine, earlier)).join(u, u.c.id == earlier.c.upload_id)
        )
        .where(
            mine.c.upload_id == upload_id,
            earlier.c.upload_id != upload_id,
            u.c.state == UploadState.APPLIED.value,
        )
        .group_by(mine.c.id)
    )
    connection = session.connection()
    connection.execute(sa.update(o).where(o.c.upload_id == upload_id).values(is_current=False))
    connection.execute(sa.update(o).where(o.c.id.in_(restored)).values(is_current=True))


@reads
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
    import pandas as pd  # here, not at the top: reading current values needs no pandas

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
    import pandas as pd

    return pd.DataFrame(result.all(), columns=list(result.keys()))


def applied_rows(
    table: sa.Table,
    *extra: sa.ColumnElement,
    goal_ids: Iterable[int] | None = None,
    area_ids: Iterable[int] | None = None,
) -> sa.Select:
    """Every row of an initiative or assessment table from an applied upload, oldest first
    (so that, per key, the last one read is the current one), optionally for some goals and
    areas; `extra` adds columns (of the upload, say)."""
    u = Upload.__table__
    query = (
        sa.select(table, *extra)
        .join(u, u.c.id == table.c.upload_id)
        .where(u.c.state == UploadState.APPLIED.value)
        .order_by(table.c.id)
    )
    if area_ids is not None:
        query = query.where(table.c.area_id.in_(list(area_ids)))
    if goal_ids is not None:
        query = query.where(table.c.goal_id.in_(list(goal_ids)))
    return query
