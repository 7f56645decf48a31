"""The upload history, the archived originals, and rollback.

Rolling back an upload marks it rolled back; as the current value of a key is the newest row
from an applied upload (goals.workbook.apply), that restores exactly the values it replaced.

Rollback rule: an upload can be rolled back only while no later applied upload has written any
of the same keys (indicator × area × period × group, goal × area × initiative, goal × area ×
period) or sent any of its values again. Otherwise it is refused, naming the later uploads:
rolling it back would silently leave their values in place and restore a mixture nobody
uploaded, or withdraw values a later sender was told are stored.

Rights follow the account, not the name (`Upload.user_id`): the uploader may roll back their own
upload while their steering groups still own everything it holds; admins may roll back any.
Originals are for the steering groups whose values the file held, the uploader and admins.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from goals import access, store
from goals.catalogue import Catalogue
from goals.i18n import format_datetime, name_of, t
from goals.names import name_key
from goals.store.model import (
    ASSESSMENT_KEY,
    OBSERVATION_KEY,
    Assessment,
    Initiative,
    Observation,
    Upload,
    UploadCarried,
    UploadState,
    utcnow,
)
from goals.store.observations import mark_rolled_back
from goals.workbook.rights import _upload_groups, check_permission, may_download


@dataclass(frozen=True)
class UploadInfo:
    """One row of the upload history (without the archived bytes)."""

    id: int
    filename: str
    sha256: str
    size: int
    user: str
    created_at: dt.datetime
    state: str
    rolled_back_at: dt.datetime | None
    rolled_back_by: str | None
    counts: dict[str, int]
    user_id: int | None = None  # the account that uploaded (None: removed, or made in demo mode)
    steering_group_ids: frozenset[int] = frozenset()  # whose values the file held

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "sha256": self.sha256,
            "size": self.size,
            "user": self.user,
            "created_at": self.created_at.isoformat(),
            "state": self.state,
            "rolled_back_at": self.rolled_back_at.isoformat() if self.rolled_back_at else None,
            "rolled_back_by": self.rolled_back_by,
            "counts": self.counts,
            "steering_group_ids": sorted(self.steering_group_ids),
        }


@dataclass(frozen=True)
class RollbackResult:
    upload_id: int
    status: str  # "rolled_back", "preview" (dry run, would succeed) or "refused"
    message: str
    withdrawn: int = 0  # rows the upload brought that no longer count
    blocked_by: tuple[int, ...] = ()
    carried: int = 0  # stored values it sent again unchanged (they stay)
    filename: str = ""
    user: str = ""  # who uploaded it
    created_at: dt.datetime | None = None
    steering_groups: tuple[str, ...] = ()  # names of the steering groups whose values it holds

    def to_json(self) -> dict[str, Any]:
        return {
            "upload_id": self.upload_id,
            "status": self.status,
            "message": self.message,
            "withdrawn": self.withdrawn,
            "blocked_by": list(self.blocked_by),
        }


def when_text(moment: dt.datetime | None, lang: str = "da") -> str:
    """A moment in Danish time, as every page shows it (goals.i18n.format_datetime)."""
    return format_datetime(moment, lang) if moment else ""


def list_uploads(*, engine: Engine) -> list[UploadInfo]:
    """Every upload, newest first, without the archived bytes."""
    u = Upload.__table__
    columns = [c for c in u.c if c.name != "content"]
    with store.read_session(engine) as session:
        rows = list(
            session.connection().execute(sa.select(*columns).order_by(u.c.id.desc())).mappings()
        )
        legacy = any(row["steering_groups_json"] is None for row in rows)
        catalogue = Catalogue.load(session) if legacy else None
        return [_info(session, catalogue, row) for row in rows]


def _info(session: Session, catalogue: Catalogue | None, row: Any) -> UploadInfo:
    return UploadInfo(
        id=row["id"],
        filename=row["filename"],
        sha256=row["sha256"],
        size=row["size"],
        user=row["user"],
        created_at=row["created_at"],
        state=row["state"],
        rolled_back_at=row["rolled_back_at"],
        rolled_back_by=row["rolled_back_by"],
        counts=json.loads(row["counts_json"] or "{}"),
        user_id=row["user_id"],
        steering_group_ids=_upload_groups(session, catalogue, row),
    )


def upload_file(*, engine: Engine, upload_id: int, user: str | None) -> tuple[str, bytes] | None:
    """The archived original file of an upload, (filename, bytes), for someone who may have it
    (`may_download`); None when there is no such upload. Raises access.PermissionDenied."""
    u = Upload.__table__
    columns = [c for c in u.c if c.name != "content"]
    with store.read_session(engine) as session:
        row = session.connection().execute(sa.select(*columns).where(u.c.id == upload_id))
        row = row.mappings().first()
        if row is None:
            return None
        legacy = row["steering_groups_json"] is None  # judged by its rows: needs the catalogue
        info = _info(session, Catalogue.load(session) if legacy else None, row)
        actor = access.actor_for(session, user)
        if not may_download(actor, info):
            raise access.PermissionDenied(
                "access.denied.original", who=actor.name if actor else (user or "?"),
                upload_id=upload_id,
            )  # fmt: skip
        content = session.connection().execute(sa.select(u.c.content).where(u.c.id == upload_id))
        return info.filename, bytes(content.scalar_one())


def _later_writers(session: Session, upload_id: int) -> dict[int, int]:
    """Later applied uploads that wrote a key this upload wrote: upload id → number of keys."""
    u = Upload.__table__
    found: dict[int, int] = {}
    for table, key in (
        (Observation.__table__, OBSERVATION_KEY),
        (Assessment.__table__, ASSESSMENT_KEY),
    ):
        mine, later = table.alias("mine"), table.alias("later")
        query = (
            sa.select(later.c.upload_id, sa.func.count(sa.distinct(mine.c.id)))
            .select_from(mine)
            .join(later, sa.and_(*(mine.c[k] == later.c[k] for k in key)))
            .join(u, u.c.id == later.c.upload_id)
            .where(
                mine.c.upload_id == upload_id,
                later.c.upload_id > upload_id,
                u.c.state == UploadState.APPLIED.value,
            )
            .group_by(later.c.upload_id)
        )
        for later_id, n in session.connection().execute(query):
            found[later_id] = found.get(later_id, 0) + n
    # initiatives match on the normalised name, which SQL cannot compute: compare in Python
    i = Initiative.__table__
    mine_rows = (
        session.connection()
        .execute(sa.select(i.c.goal_id, i.c.area_id, i.c.name).where(i.c.upload_id == upload_id))
        .all()
    )
    if mine_rows:
        keys = {(g, a, name_key(n)) for g, a, n in mine_rows}
        later_rows = (
            session.connection()
            .execute(
                sa.select(i.c.upload_id, i.c.goal_id, i.c.area_id, i.c.name)
                .join(u, u.c.id == i.c.upload_id)
                .where(
                    i.c.upload_id > upload_id,
                    u.c.state == UploadState.APPLIED.value,
                    i.c.goal_id.in_({g for g, _, _ in keys}),
                )
            )
            .all()
        )
        for later_id, g, a, n in later_rows:
            if (g, a, name_key(n)) in keys:
                found[later_id] = found.get(later_id, 0) + 1
    return dict(sorted(found.items()))


def _later_carriers(session: Session, upload_id: int) -> dict[int, int]:
    """Later applied uploads that sent values of this upload again unchanged: id → how many."""
    u, c = Upload.__table__, UploadCarried.__table__
    found: dict[int, int] = {}
    for kind, table in (
        ("observation", Observation.__table__),
        ("initiative", Initiative.__table__),
        ("assessment", Assessment.__table__),
    ):
        query = (
            sa.select(c.c.upload_id, sa.func.count())
            .join(table, sa.and_(c.c.kind == kind, c.c.row_id == table.c.id))
            .join(u, u.c.id == c.c.upload_id)
            .where(table.c.upload_id == upload_id, u.c.state == UploadState.APPLIED.value)
            .group_by(c.c.upload_id)
        )
        for later_id, n in session.connection().execute(query):
            found[later_id] = found.get(later_id, 0) + n
    return dict(sorted(found.items()))


def _carried_by(session: Session, upload_id: int) -> int:
    c = UploadCarried.__table__
    query = sa.select(sa.func.count()).select_from(c).where(c.c.upload_id == upload_id)
    return session.connection().execute(query).scalar_one()


def _rows_of(session: Session, upload_id: int) -> int:
    total = 0
    for table in (Observation.__table__, Initiative.__table__, Assessment.__table__):
        query = sa.select(sa.func.count()).select_from(table).where(table.c.upload_id == upload_id)
        total += session.connection().execute(query).scalar_one()
    return total


def _upload_ref(upload: Upload, lang: str) -> str:
    return t(
        "workbook.rollback.upload_ref",
        lang,
        upload_id=upload.id,
        filename=upload.filename,
        user=upload.user,
        when=when_text(upload.created_at, lang),
    )


def _rollback(
    session: Session, upload_id: int, user: str, lang: str, dry_run: bool
) -> RollbackResult:
    upload = session.get(Upload, upload_id)
    if upload is None:
        message = t("workbook.rollback.unknown", lang, upload_id=upload_id)
        return RollbackResult(upload_id, "refused", message)
    catalogue = Catalogue.load(session)
    groups = {g.id: g for g in catalogue.steering_groups}
    row = {"id": upload.id, "steering_groups_json": upload.steering_groups_json}
    about = {
        "filename": upload.filename,
        "user": upload.user,
        "created_at": upload.created_at,
        "steering_groups": tuple(
            name_of(groups[g], lang)
            for g in sorted(_upload_groups(session, catalogue, row))
            if g in groups
        ),
    }
    if upload.state != UploadState.APPLIED.value:
        message = t(
            "workbook.rollback.already",
            lang,
            upload_id=upload_id,
            when=when_text(upload.rolled_back_at, lang),
            user=upload.rolled_back_by or "",
        )
        return RollbackResult(upload_id, "refused", message, **about)
    refusals = check_permission(
        session=session, user=user, action="rollback", upload=upload, catalogue=catalogue,
        lang=lang,
    )  # fmt: skip
    if refusals:
        return RollbackResult(upload_id, "refused", refusals[0].message, **about)
    writers, carriers = _later_writers(session, upload_id), _later_carriers(session, upload_id)
    if writers or carriers:
        sentences = []
        for key, later in (("blocked", writers), ("blocked_carried", carriers)):
            if later:
                refs = t("workbook.rollback.and", lang).join(
                    _upload_ref(session.get(Upload, i), lang) for i in later
                )
                sentences.append(
                    t(
                        f"workbook.rollback.{key}",
                        lang,
                        upload_id=upload_id,
                        later=refs,
                        n=sum(later.values()),
                    )
                )
        blocked = tuple(sorted({*writers, *carriers}))
        sentences.append(t("workbook.rollback.first", lang, first=max(blocked)))
        return RollbackResult(
            upload_id, "refused", " ".join(sentences), blocked_by=blocked, **about
        )
    withdrawn = _rows_of(session, upload_id)
    carried = _carried_by(session, upload_id)
    values = {"upload_id": upload_id, "filename": upload.filename, "n": withdrawn}
    outcome = "preview" if dry_run else "done"
    message = (
        t(f"workbook.rollback.{outcome}", lang, **values)
        if withdrawn
        else t(f"workbook.rollback.{outcome}_none", lang, **values)
    )
    if carried:
        message += " " + t("workbook.rollback.carried_stay", lang, n=carried)
    result = RollbackResult(
        upload_id,
        "preview" if dry_run else "rolled_back",
        message,
        withdrawn,
        carried=carried,
        **about,
    )
    if dry_run:
        return result
    upload.state = UploadState.ROLLED_BACK
    upload.rolled_back_at = utcnow()
    upload.rolled_back_by = user[:200]
    session.add(upload)
    mark_rolled_back(session, upload_id)
    access.record(
        session,
        actor=user,
        action="upload.rolled_back",
        target=f"#{upload_id} {upload.filename}",
        detail={"upload_id": upload_id, "withdrawn_rows": withdrawn, "carried_rows": carried},
    )
    return result


def rollback_upload(
    *, engine: Engine, upload_id: int, user: str, lang: str = "da", dry_run: bool = False
) -> RollbackResult:
    """Withdraw an upload: the values it replaced become current again (see the module doc).

    With dry_run the answer says whether it would succeed, and nothing is written.
    """
    if dry_run:
        with store.read_session(engine) as session:
            return _rollback(session, upload_id, user, lang, True)
    with store.write_session(engine) as session:
        return _rollback(session, upload_id, user, lang, False)
