"""The store's data version: a cheap fingerprint that changes with every write, and what a
change between two versions touched.

`data_version` is (newest upload, uploads rolled back, newest audit event, newest criterion
revision): every write path moves at least one of them, and each only grows (an upload is
never deleted, and a rollback is never undone). The UI caches what it shows per version.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from goals.store.model import AuditEvent, CriterionRevision, Observation, Upload, UploadState

__all__ = ["data_version", "newer_or_same", "values_changed"]


def data_version(engine: Engine | sa.Connection) -> tuple:
    """(newest upload id, uploads rolled back, newest audit event id, newest revision id):
    one cheap query (on a connection: in its transaction)."""
    query = sa.select(
        sa.select(sa.func.max(Upload.id)).scalar_subquery(),
        sa.select(sa.func.count()).where(Upload.state != UploadState.APPLIED).scalar_subquery(),
        sa.select(sa.func.max(AuditEvent.id)).scalar_subquery(),
        sa.select(sa.func.max(CriterionRevision.id)).scalar_subquery(),
    )
    if isinstance(engine, sa.Connection):
        return tuple(engine.execute(query).one())
    with engine.connect() as connection:
        return tuple(connection.execute(query).one())


def newer_or_same(version: tuple, than: tuple) -> bool:
    """Whether `version` was read at or after `than` (every part only grows)."""
    if len(version) != len(than):
        return False
    return all((a or 0) >= (b or 0) for a, b in zip(version, than, strict=True))


#: The audit action of a rollback (goals.workbook.history), whose detail names the upload.
ROLLED_BACK = "upload.rolled_back"


def values_changed(engine: Engine, before: tuple, after: tuple) -> set[int] | None:
    """The indicators whose values changed from version `before` to `after`, when nothing but
    uploads and rollbacks happened in between: an upload's rows, and the rows they replaced, are
    all of the indicators it carries; a rollback withdraws the rows of its upload, which are of
    the indicators that upload carried (each rollback is audited with its upload's number).
    None when something else may have changed values (a new criterion revision, a rollback
    whose audit event is missing) or the versions are not in order. Catalogue edits other than
    revisions are the caller's to rule out (goals.status.refresh compares the catalogues)."""
    if len(before) != 4 or len(after) != 4 or not newer_or_same(after, before):
        return None
    (upload_0, rolled_0, audit_0, revision_0), (upload_1, rolled_1, audit_1, revision_1) = (
        before,
        after,
    )
    if revision_0 != revision_1:
        return None
    rolled_back: list[int] = []
    with engine.connect() as connection:
        if rolled_0 != rolled_1:
            events = connection.execute(
                sa.select(AuditEvent.detail).where(
                    AuditEvent.id > (audit_0 or 0),
                    AuditEvent.id <= (audit_1 or 0),
                    AuditEvent.action == ROLLED_BACK,
                )
            )
            for (detail,) in events:
                try:
                    rolled_back.append(int(json.loads(detail)["upload_id"]))
                except (ValueError, KeyError, TypeError):
                    return None
            if len(set(rolled_back)) != (rolled_1 or 0) - (rolled_0 or 0):
                return None  # not every rollback accounted for: assess in full
        if upload_0 == upload_1 and not rolled_back:
            return set()
        query = (
            sa.select(Observation.indicator_id)
            .where(
                sa.or_(
                    sa.and_(
                        Observation.upload_id > (upload_0 or 0),
                        Observation.upload_id <= (upload_1 or 0),
                    ),
                    Observation.upload_id.in_(rolled_back),
                )
            )
            .distinct()
        )
        return {row[0] for row in connection.execute(query)}
