"""Preview, apply, history and rollback of status workbook uploads.

The current value of a key is the newest row from an upload whose state is *applied*
(`goals.store.observations`), so an upload never overwrites anything: it adds rows for the keys whose
values are new or changed, and rolling it back is a change of its state. Both also move the
store's mark of which row is current (`Observation.is_current`), in the same transaction. Everything an upload
writes happens in one transaction (`store.write_session`, whose one write lock makes concurrent
uploads queue on PostgreSQL as SQLite's BEGIN IMMEDIATE does), so each one compares against the
values the previous one left.

Every file that holds valid rows is recorded as an upload, also one with nothing new: its sender
is told that all its values are stored, so the stored rows it sent again unchanged are linked to
it (`UploadCarried`) and its original is archived.

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
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, config, store
from goals.catalogue import Catalogue
from goals.i18n import format_exact, name_of, t
from goals.names import name_key
from goals.spreadsheet.cells import Problem, cell_ref, row_list
from goals.spreadsheet.read import ReadError, read_workbook
from goals.store.model import (
    Assessment,
    Initiative,
    Observation,
    Upload,
    UploadCarried,
    UploadState,
    utcnow,
)
from goals.store.observations import applied_rows, current_values, mark_applied, mark_rolled_back
from goals.workbook.validate import ParsedWorkbook, check_workbook

OBS_KEY = ["indicator_id", "area_id", "period", "group_id"]
OBS_FIELDS = ["value", "missing_reason", "numerator", "denominator", "lower", "upper", "note"]
INI_KEY = ["goal_id", "area_id", "name_key"]
INI_FIELDS = ["name", "status", "next_milestone", "milestone_date", "responsible", "note"]
ASM_KEY = ["goal_id", "area_id", "period"]
ASM_FIELDS = ["light", "text"]
INSERT_CHUNK = 10_000
COUNT_KEYS = ("new", "changed", "unchanged", "rejected")
# what UploadCarried.kind calls the rows of each sheet kind
CARRIED_KIND = {
    "indicators": "observation",
    "initiatives": "initiative",
    "assessments": "assessment",
}


# --- result objects ----------------------------------------------------------------------------


@dataclass
class SheetSummary:
    """Counts for one sheet of the file; kind "ignored" for sheets the importer skips."""

    name: str
    kind: str  # "indicators", "initiatives", "assessments" or "ignored"
    layout: str | None = None
    header_row: int | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0  # rows with a blank value: nothing reported

    @property
    def ignored(self) -> bool:
        return self.kind == "ignored"


@dataclass(frozen=True)
class Change:
    """One row that is new or changed, shown as old → new."""

    sheet: str
    cell: str  # where the new value is, e.g. "Indikatorer!E14"
    kind: str  # "new" or "changed"
    subject: str  # "RYG-01 Daglige rygere, 16+ år · Midtklyngen · 2021 · I alt"
    old: str | None
    new: str
    # every field that differs, as (field, old, new) texts; a field the file leaves blank
    # where the store has a value reads "(tom – fjernes)", so nothing is dropped unseen
    fields: tuple[tuple[str, str, str], ...] = ()
    removes: tuple[str, ...] = ()  # the fields this row empties (limits, comment, …)


@dataclass
class ImportResult:
    """The answer to an upload: a preview, an applied upload, or a rejection with every error."""

    status: str  # "applied", "preview" or "rejected"
    counts: dict[str, int]
    sheets: list[SheetSummary]
    errors: list[Problem]
    upload_id: int | None = None
    duplicate_of: int | None = None
    sha256: str = ""
    filename: str = ""
    message: str = ""
    notes: list[str] = field(default_factory=list)
    _change_list: Callable[[], list[Change]] | None = field(default=None, repr=False)
    _changes: list[Change] | None = field(default=None, repr=False)

    @property
    def changes(self) -> list[Change]:
        """New and changed rows (old → new); built on first use, as a file may have 100,000."""
        if self._changes is None:
            self._changes = self._change_list() if self._change_list else []
        return self._changes

    @property
    def ignored_sheets(self) -> list[str]:
        return [s.name for s in self.sheets if s.ignored]

    @property
    def nothing_new(self) -> bool:
        return not self.errors and self.counts["new"] == 0 and self.counts["changed"] == 0

    def to_json(self) -> dict[str, Any]:
        """Exactly the shape `python -m goals import --json` prints."""
        return {
            "status": self.status,
            "counts": {k: int(self.counts.get(k, 0)) for k in COUNT_KEYS},
            "errors": [p.to_dict() for p in self.errors],
            "upload_id": self.upload_id,
        }


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


# --- permissions (issue 7) ---------------------------------------------------------------------


def check_permission(
    *,
    session: Session,
    user: str,
    action: str,
    catalogue: Catalogue | None = None,
    parsed: ParsedWorkbook | None = None,
    upload: Upload | None = None,
    lang: str = "da",
) -> list[Problem]:
    """The single place where a user's right to upload or roll back is checked (goals.access).

    Every write of this module calls it inside its transaction. With no users at all (demo
    mode) everyone may do everything. Otherwise the user must exist; a viewer may not write; a
    contributor may upload only values of indicators their steering group owns and initiatives
    and assessments of goals it owns — each refusal names the sheet and rows; rolling back is
    for admins and for the account that made the upload (never another account of the same
    name), while that account's steering groups still own everything the upload holds.
    """
    actor = access.actor_for(session, user)
    if actor is None:
        return [_file_problem("workbook.permission.unknown_user", lang, user=user)]
    if action == "rollback":
        if actor.may_administer():
            return []
        if upload is None or actor.id is None or upload.user_id != actor.id:
            return [_file_problem("workbook.permission.rollback", lang, user=actor.name)]
        catalogue = catalogue or Catalogue.load(session)
        foreign = _foreign_holdings(actor, catalogue, *_holdings(session, upload.id), lang)
        if foreign:
            return [
                _file_problem(
                    "workbook.permission.rollback_foreign",
                    lang,
                    user=actor.name,
                    upload_id=upload.id,
                    what=foreign,
                )
            ]
        return []
    if not actor.may_upload():
        return [_file_problem("workbook.permission.viewer", lang, user=actor.name)]
    if actor.may_administer() or parsed is None or catalogue is None:
        return []
    return _foreign_rows(actor, parsed, catalogue, lang)


def steering_groups_of(
    catalogue: Catalogue, indicator_ids: Iterable[int], goal_ids: Iterable[int]
) -> set[int]:
    """The steering groups that own these indicators and goals (`Catalogue.indicator_owners`)."""
    goals = {g.id: g for g in catalogue.goals}
    owners: set[int] = set()
    for i in indicator_ids:
        if int(i) in catalogue.indicators:
            owners |= catalogue.indicator_owners(catalogue.indicators[int(i)])
    for g in goal_ids:
        if int(g) in goals:
            owners.add(goals[int(g)].steering_group_id)
    return owners


def _holdings(session: Session, upload_id: int) -> tuple[set[int], set[int]]:
    """(indicator ids, goal ids) of the values an upload wrote or sent again unchanged."""
    connection = session.connection()
    o, c = Observation.__table__, UploadCarried.__table__
    indicators = set(
        connection.execute(
            sa.select(o.c.indicator_id).where(o.c.upload_id == upload_id).distinct()
        ).scalars()
    )
    indicators |= set(
        connection.execute(
            sa.select(o.c.indicator_id)
            .join(c, sa.and_(c.c.kind == "observation", c.c.row_id == o.c.id))
            .where(c.c.upload_id == upload_id)
            .distinct()
        ).scalars()
    )
    goals: set[int] = set()
    for table, kind in ((Initiative.__table__, "initiative"), (Assessment.__table__, "assessment")):
        goals |= set(
            connection.execute(
                sa.select(table.c.goal_id).where(table.c.upload_id == upload_id).distinct()
            ).scalars()
        )
        goals |= set(
            connection.execute(
                sa.select(table.c.goal_id)
                .join(c, sa.and_(c.c.kind == kind, c.c.row_id == table.c.id))
                .where(c.c.upload_id == upload_id)
                .distinct()
            ).scalars()
        )
    return indicators, goals


def _foreign_holdings(
    actor: access.Actor,
    catalogue: Catalogue,
    indicator_ids: set[int],
    goal_ids: set[int],
    lang: str,
) -> str:
    """The indicators and goals among these that none of the actor's steering groups owns, as
    text ("" when the actor owns them all)."""
    mine = actor.steering_group_ids
    goals = {g.id: g for g in catalogue.goals}
    names = [
        f"{catalogue.indicators[i].code} {name_of(catalogue.indicators[i], lang)}"
        for i in sorted(indicator_ids)
        if i in catalogue.indicators
        and not (catalogue.indicator_owners(catalogue.indicators[i]) & mine)
    ]
    names += [
        name_of(goals[g], lang, "title")
        for g in sorted(goal_ids)
        if g in goals and goals[g].steering_group_id not in mine
    ]
    return ", ".join(names)


def _upload_groups(session: Session, catalogue: Catalogue | None, row: Any) -> frozenset[int]:
    """The steering groups whose values an upload held: as recorded when it was sent, or (for
    uploads from before that was recorded) the owners of its rows today."""
    if row["steering_groups_json"] is not None:
        return frozenset(int(i) for i in json.loads(row["steering_groups_json"]))
    if catalogue is None:
        return frozenset()
    return frozenset(steering_groups_of(catalogue, *_holdings(session, row["id"])))


def may_download(actor: access.Actor | None, upload: UploadInfo) -> bool:
    """Whether the actor may download an upload's original file: admins (and everyone in demo
    mode), the account that uploaded it, and members of the steering groups whose values it
    held."""
    if actor is None:
        return False
    if actor.may_administer():
        return True
    if actor.id is not None and upload.user_id == actor.id:
        return True
    return bool(actor.steering_group_ids & upload.steering_group_ids)


def may_roll_back(actor: access.Actor | None, upload: UploadInfo) -> bool:
    """Whether to offer the actor a rollback of this upload (the rollback itself re-checks,
    including that the actor's steering groups still own what it holds)."""
    if actor is None or upload.state != UploadState.APPLIED.value:
        return False
    return actor.may_administer() or (actor.id is not None and upload.user_id == actor.id)


def _foreign_rows(
    actor: access.Actor, parsed: ParsedWorkbook, catalogue: Catalogue, lang: str
) -> list[Problem]:
    """One problem per sheet and indicator (or goal) the contributor's groups do not own."""
    groups = {g.id: g for g in catalogue.steering_groups}
    mine = " / ".join(
        name_of(groups[i], lang) for i in sorted(actor.steering_group_ids) if i in groups
    )
    goals = {g.id: g for g in catalogue.goals}
    problems: list[Problem] = []
    for sheet in parsed.sheets:
        rows = sheet.rows
        if rows is None or not len(rows):
            continue
        if sheet.kind == "indicators":
            owners = {i: catalogue.indicator_owners(ind) for i, ind in catalogue.indicators.items()}
            foreign = rows[
                [not (owners.get(i, set()) & actor.steering_group_ids) for i in rows.indicator_id]
            ]
            for indicator_id, part in foreign.groupby("indicator_id", sort=False):
                indicator = catalogue.indicators[indicator_id]
                owner_names = " / ".join(
                    name_of(groups[g], lang) for g in sorted(owners[indicator_id]) if g in groups
                )
                first = part.iloc[0]
                problems.append(
                    Problem(
                        sheet.name,
                        cell_ref(sheet.name, int(first["row"]) - 1, int(first["col"])),
                        "",
                        indicator.code,
                        t(
                            "workbook.permission.indicator",
                            lang,
                            user=actor.name,
                            indicator=f"{indicator.code} {name_of(indicator, lang)}",
                            owner=owner_names or t("workbook.permission.no_owner", lang),
                            mine=mine,
                            rows=row_list(part["row"]),
                        ),
                    )
                )
        elif sheet.kind in ("initiatives", "assessments"):
            foreign = rows[
                [goals[g].steering_group_id not in actor.steering_group_ids for g in rows.goal_id]
            ]
            for goal_id, part in foreign.groupby("goal_id", sort=False):
                goal = goals[goal_id]
                first = part.iloc[0]
                problems.append(
                    Problem(
                        sheet.name,
                        cell_ref(sheet.name, int(first["row"]) - 1, 0),
                        "",
                        goal.code,
                        t(
                            "workbook.permission.goal",
                            lang,
                            user=actor.name,
                            goal=name_of(goal, lang, "title"),
                            owner=name_of(groups[goal.steering_group_id], lang),
                            mine=mine,
                            rows=row_list(part["row"]),
                        ),
                    )
                )
    return problems


# --- comparing a file with the store -------------------------------------------------------------


@dataclass
class Diff:
    """Each valid row of the file marked new / changed / unchanged, with the old values."""

    observations: pd.DataFrame | None
    initiatives: pd.DataFrame | None
    assessments: pd.DataFrame | None

    def frames(self) -> list[tuple[str, pd.DataFrame]]:
        return [
            (kind, frame)
            for kind, frame in (
                ("indicators", self.observations),
                ("initiatives", self.initiatives),
                ("assessments", self.assessments),
            )
            if frame is not None and len(frame)
        ]

    def count(self, change: str) -> int:
        return sum(int((frame["change"] == change).sum()) for _, frame in self.frames())


def _as_objects(series: pd.Series) -> np.ndarray:
    """Values as Python objects with None for missing (what the database driver wants)."""
    out = series.astype(object).to_numpy(copy=True)
    out[pd.isna(series).to_numpy()] = None
    return out


def _same(new: pd.Series, old: pd.Series, numeric: bool) -> np.ndarray:
    if numeric:
        a = pd.to_numeric(new, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        b = pd.to_numeric(old, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        return np.isclose(a, b, rtol=1e-12, atol=0.0, equal_nan=True)
    a, b = _as_objects(new), _as_objects(old)
    return np.fromiter((x == y for x, y in zip(a, b, strict=True)), dtype=bool, count=len(a))


def _mark(
    incoming: pd.DataFrame,
    current: pd.DataFrame,
    key: list[str],
    fields: list[str],
    numeric: set[str],
) -> pd.DataFrame:
    """incoming with a 'change' column, the current values as '<field>_old' and the current
    row's id as 'current_id'."""
    old = current[[*key, *fields, "id"]].rename(
        columns={**{f: f"{f}_old" for f in fields}, "id": "current_id"}
    )
    old["_known"] = True
    merged = incoming.merge(old, on=key, how="left", sort=False)
    known = merged["_known"].fillna(False).astype(bool).to_numpy()
    same = known.copy()
    for f in fields:
        same &= _same(merged[f], merged[f"{f}_old"], f in numeric)
    merged["change"] = np.where(~known, "new", np.where(same, "unchanged", "changed"))
    return merged.drop(columns="_known")


def _current_initiatives(session: Session, goal_ids: list[int]) -> pd.DataFrame:
    query = applied_rows(Initiative.__table__, goal_ids=goal_ids)
    frame = pd.DataFrame(session.connection().execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=["id", *INI_KEY, *INI_FIELDS])
    frame["name_key"] = [name_key(n) for n in frame["name"]]
    return frame.drop_duplicates(subset=INI_KEY, keep="last")


def _current_assessments(session: Session, goal_ids: list[int]) -> pd.DataFrame:
    query = applied_rows(Assessment.__table__, goal_ids=goal_ids)
    frame = pd.DataFrame(session.connection().execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=["id", *ASM_KEY, *ASM_FIELDS])
    return frame.drop_duplicates(subset=ASM_KEY, keep="last")


def diff_with_store(session: Session, parsed: ParsedWorkbook) -> Diff:
    """Mark every valid row of the file against the current values in the store."""
    observations = initiatives = assessments = None
    rows = parsed.frames("indicators")
    if rows is not None:
        current = current_values(
            session,
            indicator_ids=[int(i) for i in rows["indicator_id"].unique()],
            area_ids=[int(a) for a in rows["area_id"].unique()],
        )
        observations = _mark(
            rows,
            current,
            OBS_KEY,
            OBS_FIELDS,
            {"value", "lower", "upper", "numerator", "denominator"},
        )
    rows = parsed.frames("initiatives")
    if rows is not None:
        current = _current_initiatives(session, [int(g) for g in rows["goal_id"].unique()])
        initiatives = _mark(rows, current, INI_KEY, INI_FIELDS, set())
    rows = parsed.frames("assessments")
    if rows is not None:
        current = _current_assessments(session, [int(g) for g in rows["goal_id"].unique()])
        assessments = _mark(rows, current, ASM_KEY, ASM_FIELDS, set())
    return Diff(observations, initiatives, assessments)


# --- writing -------------------------------------------------------------------------------------


def _insert_chunk(session: Session, table: sa.Table, columns: list[str], rows: list[tuple]) -> None:
    """One executemany straight to the driver: SQLAlchemy's per-row parameter processing
    would cost more than the insert itself for 100,000 rows."""
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )
    connection.exec_driver_sql(sql, rows)


def _insert(session: Session, table: sa.Table, frame: pd.DataFrame, columns: list[str]) -> None:
    values = [_as_objects(frame[c]).tolist() for c in columns]
    rows = list(zip(*values, strict=True))
    for start in range(0, len(rows), INSERT_CHUNK):
        _insert_chunk(session, table, columns, rows[start : start + INSERT_CHUNK])


def _write(session: Session, diff: Diff, upload_id: int) -> None:
    for kind, frame in diff.frames():
        todo = frame[frame["change"] != "unchanged"]
        if todo.empty:
            continue
        todo = todo.assign(upload_id=upload_id)
        if kind == "indicators":
            # a new key's row is current at once; a changed key's row after mark_applied
            todo = todo.assign(is_current=todo["change"] == "new")
            # fields nobody filled in are left to the column default (NULL): binding 100,000
            # empty limits and notes costs as much as a fifth of the insert
            filled = [f for f in OBS_FIELDS if f == "value" or todo[f].notna().any()]
            columns = [*OBS_KEY, *filled, "upload_id", "is_current"]
            _insert(session, Observation.__table__, todo, columns)
            if not todo["is_current"].all():
                mark_applied(session, upload_id)
            continue
        # initiatives and assessments are few; the ORM's core insert handles their dates
        table, columns = (
            (Initiative.__table__, ["goal_id", "area_id", *INI_FIELDS, "upload_id"])
            if kind == "initiatives"
            else (Assessment.__table__, [*ASM_KEY, *ASM_FIELDS, "upload_id"])
        )
        records = [
            dict(zip(columns, row, strict=True))
            for row in zip(*(_as_objects(todo[c]).tolist() for c in columns), strict=True)
        ]
        session.execute(sa.insert(table), records)


def _counts(diff: Diff, parsed: ParsedWorkbook) -> dict[str, int]:
    counts = {k: diff.count(k) for k in ("new", "changed", "unchanged")}
    counts["rejected"] = sum(s.rejected for s in parsed.sheets)
    return counts


def _carry(session: Session, diff: Diff, upload_id: int) -> int:
    """Link the upload to the stored rows it sent again unchanged; returns how many."""
    total = 0
    columns = ["upload_id", "kind", "row_id"]
    for kind, frame in diff.frames():
        ids = frame.loc[frame["change"] == "unchanged", "current_id"]
        if ids.empty:
            continue
        rows = [(upload_id, CARRIED_KIND[kind], int(i)) for i in ids]
        for start in range(0, len(rows), INSERT_CHUNK):
            _insert_chunk(
                session, UploadCarried.__table__, columns, rows[start : start + INSERT_CHUNK]
            )
        total += len(rows)
    return total


def _file_groups(parsed: ParsedWorkbook, catalogue: Catalogue) -> list[int]:
    """The steering groups whose values the file holds (every valid row, changed or not)."""
    indicator_ids: set[int] = set()
    goal_ids: set[int] = set()
    for kind in ("indicators", "initiatives", "assessments"):
        rows = parsed.frames(kind)
        if rows is None:
            continue
        if kind == "indicators":
            indicator_ids |= {int(i) for i in rows["indicator_id"].unique()}
        else:
            goal_ids |= {int(g) for g in rows["goal_id"].unique()}
    return sorted(steering_groups_of(catalogue, indicator_ids, goal_ids))


def commit(
    *,
    session: Session,
    parsed: ParsedWorkbook,
    catalogue: Catalogue,
    content: bytes,
    filename: str,
    sha256: str,
    user: str,
) -> tuple[int | None, Diff]:
    """Record the upload: its new and changed rows, links to the stored rows it sent again
    unchanged, the archived file and an audit event; inside the caller's transaction.

    Returns (upload id, diff); the id is None only when the file holds no valid row at all, in
    which case nothing is written. A file with nothing new is recorded too (its values are
    confirmed), so that its sender's values are accounted for at a later rollback.
    """
    diff = diff_with_store(session, parsed)
    counts = _counts(diff, parsed)
    if counts["new"] == 0 and counts["changed"] == 0 and counts["unchanged"] == 0:
        return None, diff
    actor = access.actor_for(session, user)
    upload = Upload(
        filename=filename[:300],
        sha256=sha256,
        size=len(content),
        content=content,
        user=user[:200],
        user_id=actor.id if actor is not None else None,
        counts_json=json.dumps(counts),
        steering_groups_json=json.dumps(_file_groups(parsed, catalogue)),
    )
    session.add(upload)
    session.flush()
    _write(session, diff, upload.id)
    _carry(session, diff, upload.id)
    access.record(
        session,
        actor=user,
        action="upload.applied",
        target=f"#{upload.id} {filename}",
        detail={"upload_id": upload.id, "sha256": sha256, "counts": counts},
    )
    return upload.id, diff


# --- the public entry point ---------------------------------------------------------------------


def _sheet_summaries(parsed: ParsedWorkbook | None, diff: Diff | None) -> list[SheetSummary]:
    if parsed is None:
        return []
    counted: dict[str, dict[str, int]] = {}
    for _, frame in diff.frames() if diff else []:
        for (sheet, change), n in frame.groupby(["sheet", "change"]).size().items():
            counted.setdefault(str(sheet), {})[str(change)] = int(n)
    return [
        SheetSummary(
            name=s.name,
            kind=s.kind,
            layout=s.layout,
            header_row=s.header_row,
            new=counted.get(s.name, {}).get("new", 0),
            changed=counted.get(s.name, {}).get("changed", 0),
            unchanged=counted.get(s.name, {}).get("unchanged", 0),
            rejected=s.rejected,
            skipped=s.skipped,
        )
        for s in parsed.sheets
    ]


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%d-%m-%Y %H:%M") if moment else ""


def _duplicate_of(session: Session, sha256: str) -> Upload | None:
    query = (
        select(Upload)
        .where(Upload.sha256 == sha256, Upload.state == UploadState.APPLIED.value)
        .order_by(Upload.id)
    )
    return session.exec(query).first()


def _rejected(
    problems: list[Problem], *, sha256: str, filename: str, lang: str, **extra: Any
) -> ImportResult:
    return ImportResult(
        status="rejected",
        counts={k: 0 for k in COUNT_KEYS},
        sheets=extra.pop("sheets", []),
        errors=problems,
        sha256=sha256,
        filename=filename,
        message=t("workbook.result.rejected", lang, n=len(problems)),
        **extra,
    )


def _file_problem(key: str, lang: str, **values: Any) -> Problem:
    return Problem("", "", "", "", t(key, lang, **values))


def import_workbook(
    *,
    engine: Engine,
    content: bytes,
    filename: str,
    user: str,
    dry_run: bool = False,
    lang: str = "da",
    confirm_sha256: str | None = None,
) -> ImportResult:
    """Read, check and preview a status workbook; apply it in one transaction unless dry_run.

    A file with any error is never applied. `confirm_sha256` (the preview's `sha256`) makes
    sure the file applied is the one the user saw previewed.
    """
    sha256 = hashlib.sha256(content).hexdigest()
    if confirm_sha256 is not None and confirm_sha256 != sha256:
        problem = _file_problem("workbook.file.confirm_mismatch", lang)
        return _rejected([problem], sha256=sha256, filename=filename, lang=lang)
    try:
        raw = read_workbook(content, filename, limit_bytes=config.settings().upload_limit_bytes)
        with store.read_session(engine) as session:
            catalogue = Catalogue.load(session)
        parsed = check_workbook(raw, catalogue, lang=lang)
    except ReadError as exc:
        problem = _file_problem(exc.key, lang, **exc.values)
        return _rejected([problem], sha256=sha256, filename=filename, lang=lang)

    upload_id: int | None = None
    try:
        if parsed.problems or dry_run:
            with store.read_session(engine) as session:
                previous = _duplicate_of(session, sha256)
                problems = parsed.problems + check_permission(
                    session=session, user=user, action="upload", catalogue=catalogue,
                    parsed=parsed, lang=lang,
                )  # fmt: skip
                diff = diff_with_store(session, parsed)
        else:
            with store.write_session(engine) as session:
                previous = _duplicate_of(session, sha256)
                problems = check_permission(
                    session=session, user=user, action="upload", catalogue=catalogue,
                    parsed=parsed, lang=lang,
                )  # fmt: skip
                if problems:
                    diff = diff_with_store(session, parsed)
                else:
                    upload_id, diff = commit(
                        session=session,
                        parsed=parsed,
                        catalogue=catalogue,
                        content=content,
                        filename=filename,
                        sha256=sha256,
                        user=user,
                    )
    except store.StoreError as exc:
        text = str(exc).lower()
        busy = any(w in text for w in ("busy", "locked", "lock timeout", "deadlock"))
        problem = (
            _file_problem("workbook.file.busy", lang)
            if busy
            else _file_problem("workbook.file.store_error", lang, detail=str(exc))
        )
        sheets = _sheet_summaries(parsed, None)
        return _rejected(
            [problem], sha256=sha256, filename=filename, lang=lang, sheets=sheets,
            notes=parsed.notes,
        )  # fmt: skip

    counts = _counts(diff, parsed)
    notes = list(parsed.notes)
    removes = None if problems else removal_note(diff, lang)
    if removes:
        notes.insert(0, removes)
    if previous is not None:
        notes.insert(
            0,
            t(
                "workbook.result.same_file",
                lang,
                upload_id=previous.id,
                filename=previous.filename,
                user=previous.user,
                when=_when(previous.created_at),
            ),
        )
    if problems:
        status, message = "rejected", t("workbook.result.rejected", lang, n=len(problems))
    elif counts["new"] == 0 and counts["changed"] == 0:
        status = "preview" if dry_run else "applied"
        if upload_id is not None:
            message = t(
                "workbook.result.nothing_new_recorded", lang, unchanged=counts["unchanged"],
                upload_id=upload_id,
            )  # fmt: skip
        elif dry_run and counts["unchanged"]:
            message = t("workbook.result.nothing_new_preview", lang, unchanged=counts["unchanged"])
        else:
            message = t("workbook.result.nothing_new", lang, unchanged=counts["unchanged"])
    elif dry_run:
        status, message = "preview", t("workbook.result.preview", lang, **counts)
    else:
        status = "applied"
        message = t("workbook.result.applied", lang, upload_id=upload_id, **counts)
    return ImportResult(
        status=status,
        counts=counts,
        sheets=_sheet_summaries(parsed, diff),
        errors=problems,
        upload_id=upload_id,
        duplicate_of=previous.id if previous is not None else None,
        sha256=sha256,
        filename=filename,
        message=message,
        notes=notes,
        _change_list=lambda: describe_changes(diff, catalogue, lang),
    )


# --- describing changes ---------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _observation_text(row: dict[str, Any], suffix: str, lang: str) -> str:
    def get(name: str) -> Any:
        value = row.get(f"{name}{suffix}")
        return None if _missing(value) else value

    if get("value") is None and get("missing_reason") is not None:
        parts = [t("workbook.change.missing", lang, reason=get("missing_reason"))]
    else:
        parts = [format_exact(get("value"), lang)]
    if get("numerator") is not None:
        parts.append(
            t("workbook.change.numerator", lang, value=format_exact(get("numerator"), lang))
        )
    if get("denominator") is not None:
        parts.append(
            t("workbook.change.denominator", lang, value=format_exact(get("denominator"), lang))
        )
    if get("lower") is not None or get("upper") is not None:
        parts.append(
            t(
                "workbook.change.limits",
                lang,
                lower=format_exact(get("lower"), lang),
                upper=format_exact(get("upper"), lang),
            )
        )
    if get("note") is not None:
        parts.append(t("workbook.change.comment", lang, value=get("note")))
    return "; ".join(parts)


def _initiative_text(row: dict[str, Any], suffix: str, lang: str) -> str:
    def get(name: str) -> Any:
        value = row.get(f"{name}{suffix}")
        return None if _missing(value) else value

    parts = [t(f"workbook.initiative.{get('status')}", lang)]
    if get("next_milestone"):
        milestone = get("next_milestone")
        if get("milestone_date"):
            milestone += f" ({get('milestone_date')})"
        parts.append(t("workbook.change.milestone", lang, value=milestone))
    if get("responsible"):
        parts.append(t("workbook.change.responsible", lang, value=get("responsible")))
    if get("note"):
        parts.append(t("workbook.change.comment", lang, value=get("note")))
    return "; ".join(parts)


def _assessment_text(row: dict[str, Any], suffix: str, lang: str) -> str:
    light = t(f"workbook.light.{row.get(f'light{suffix}')}", lang)
    text = row.get(f"text{suffix}")
    return f"{light}: {text}" if not _missing(text) and text else light


FIELDS = {
    "indicators": OBS_FIELDS,
    "initiatives": ["status", "next_milestone", "milestone_date", "responsible", "note"],
    "assessments": ASM_FIELDS,
}
NUMERIC_FIELDS = {"value", "lower", "upper", "numerator", "denominator"}
# fields a row may leave blank: blank where the store has something removes it. (A blank value
# always comes with a reason for leaving it out; a blank status or light is refused.)
REMOVABLE = {
    "lower",
    "upper",
    "numerator",
    "denominator",
    "note",
    "next_milestone",
    "milestone_date",
    "responsible",
    "text",
}


def _field_text(kind: str, name: str, value: Any, lang: str) -> str:
    if _missing(value) or value == "":
        return ""
    if name in NUMERIC_FIELDS:
        return format_exact(value, lang)
    if kind == "initiatives" and name == "status":
        return t(f"workbook.initiative.{value}", lang)
    if name == "light":
        return t(f"workbook.light.{value}", lang)
    return str(value)


def _field_changes(
    kind: str, row: dict[str, Any], changed: bool, lang: str
) -> tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]:
    """(field, old, new) for every field that differs, and the names of those emptied."""
    out, removes = [], []
    for name in FIELDS[kind]:
        new = _field_text(kind, name, row.get(name), lang)
        old = _field_text(kind, name, row.get(f"{name}_old"), lang) if changed else ""
        if new == old:
            continue
        label = t(f"workbook.field.{name}", lang)
        if old and not new and name in REMOVABLE:
            removes.append(label)
            new = t("workbook.change.removed", lang)
        elif old and not new:
            new = "–"  # a value left out on purpose: the reason is the next field
        out.append((label, old, new))
    return tuple(out), tuple(removes)


def _blank(series: pd.Series) -> np.ndarray:
    values = series.astype(object)
    return (values.isna() | (values == "")).to_numpy(dtype=bool)


def removal_note(diff: Diff, lang: str = "da") -> str | None:
    """One sentence when changed rows empty fields the store has (limits, comments, …), naming
    how many rows, which fields and the first cell — what a file with those columns left blank
    would otherwise drop unseen. Vectorised: a file may change 100,000 rows."""
    rows, fields, first = 0, set(), None
    for kind, frame in diff.frames():
        changed = frame[frame["change"] == "changed"]
        if changed.empty:
            continue
        emptied = np.zeros(len(changed), dtype=bool)
        for name in (f for f in FIELDS[kind] if f in REMOVABLE):
            hit = _blank(changed[name]) & ~_blank(changed[f"{name}_old"])
            if hit.any():
                fields.add(t(f"workbook.field.{name}", lang))
                emptied |= hit
        if emptied.any():
            rows += int(emptied.sum())
            if first is None:
                at = changed[emptied].iloc[0]
                col = int(at["col"]) if kind == "indicators" else 0
                first = cell_ref(str(at["sheet"]), int(at["row"]) - 1, col)
    if not rows:
        return None
    return t("workbook.result.removes", lang, n=rows, fields=", ".join(sorted(fields)), cell=first)


def describe_changes(diff: Diff, catalogue: Catalogue, lang: str = "da") -> list[Change]:
    """The new and changed rows as human text, in file order."""
    changes: list[Change] = []
    for kind, frame in diff.frames():
        todo = frame[frame["change"] != "unchanged"]
        for row in todo.to_dict("records"):
            area = name_of(catalogue.areas[int(row["area_id"])], lang)
            if kind == "indicators":
                indicator = catalogue.indicators[int(row["indicator_id"])]
                group = catalogue.groups[int(row["group_id"])]
                subject = " · ".join(
                    [
                        f"{indicator.code} {name_of(indicator, lang)}",
                        area,
                        str(row["period"]),
                        name_of(group, lang) if group.code == "I alt" else group.code,
                    ]
                )
                col, describe = int(row["col"]), _observation_text
            else:
                goal = next(g for g in catalogue.goals if g.id == int(row["goal_id"]))
                title = name_of(goal, lang, "title")
                if kind == "initiatives":
                    subject = " · ".join([title, area, str(row["name"])])
                    describe = _initiative_text
                else:
                    subject = " · ".join([title, area, str(row["period"])])
                    describe = _assessment_text
                col = 0
            changed = row["change"] == "changed"
            fields, removes = _field_changes(kind, row, changed, lang)
            changes.append(
                Change(
                    sheet=str(row["sheet"]),
                    cell=cell_ref(str(row["sheet"]), int(row["row"]) - 1, col),
                    kind=str(row["change"]),
                    subject=subject,
                    old=describe(row, "_old", lang) if changed else None,
                    new=describe(row, "", lang),
                    fields=fields,
                    removes=removes,
                )
            )
    return changes


# --- history and rollback ------------------------------------------------------------------------


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
        info = _info(session, Catalogue.load(session), row)
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
        (Observation.__table__, OBS_KEY),
        (Assessment.__table__, ASM_KEY),
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
        when=_when(upload.created_at),
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
            when=_when(upload.rolled_back_at),
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
