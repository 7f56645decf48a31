"""Preview and apply of status workbook uploads: compare the file with the store, write it.

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

The history, the archived originals and rollback are in `goals.workbook.history`; who may do
what in `goals.workbook.rights`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, config, store
from goals.catalogue import Catalogue
from goals.i18n import format_amount, format_date, format_exact, name_of, t
from goals.names import name_key
from goals.spreadsheet.cells import Problem, cell_ref
from goals.spreadsheet.read import RawWorkbook, ReadError, read_workbook
from goals.store.model import (
    ASSESSMENT_KEY,
    OBSERVATION_KEY,
    Assessment,
    Initiative,
    Observation,
    Upload,
    UploadCarried,
    UploadState,
)
from goals.store.observations import applied_rows, current_values, mark_applied
from goals.workbook.history import when_text
from goals.workbook.rights import check_permission, file_problem, steering_groups_of
from goals.workbook.validate import ParsedWorkbook, check_workbook

OBS_KEY = list(OBSERVATION_KEY)
OBS_FIELDS = ["value", "missing_reason", "numerator", "denominator", "lower", "upper", "note"]
INI_KEY = ["goal_id", "area_id", "name_key"]
PLAN_FIELDS = ["start_on", "end_on", "budget", "spent"]
INI_FIELDS = [
    "name",
    "status",
    "next_milestone",
    "milestone_date",
    "responsible",
    "note",
    *PLAN_FIELDS,
]
ASM_KEY = list(ASSESSMENT_KEY)
ASM_FIELDS = ["light", "text"]
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
    # describes the first n changes (all for None)
    _change_list: Callable[[int | None], list[Change]] | None = field(default=None, repr=False)
    _changes: list[Change] | None = field(default=None, repr=False)

    @property
    def changes(self) -> list[Change]:
        """New and changed rows (old → new); built on first use, as a file may have 100,000."""
        if self._changes is None:
            self._changes = self._change_list(None) if self._change_list else []
        return self._changes

    def first_changes(self, n: int) -> list[Change]:
        """The first `n` of `changes`, without describing the others."""
        if self._changes is not None or self._change_list is None:
            return self.changes[:n]
        return self._change_list(n)

    @property
    def change_count(self) -> int:
        """len(changes), without describing them: every new and changed row is one."""
        if self._changes is not None:
            return len(self._changes)
        return self.counts.get("new", 0) + self.counts.get("changed", 0)

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


# --- comparing a file with the store -------------------------------------------------------------


@dataclass
class Diff:
    """Each valid row of the file marked new / changed / unchanged, with the old values."""

    observations: pd.DataFrame | None
    initiatives: pd.DataFrame | None
    assessments: pd.DataFrame | None
    _counted: dict[str, int] | None = field(default=None, repr=False)

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
        # every kind counted in one pass (a frame may hold 100,000 rows), asked for many times
        if self._counted is None:
            self._counted = {}
            for _, frame in self.frames():
                for kind, n in frame["change"].value_counts().items():
                    self._counted[str(kind)] = self._counted.get(str(kind), 0) + int(n)
        return self._counted.get(change, 0)


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
    # element by element, as x == y (numpy compares object arrays item by item)
    return np.asarray(a == b, dtype=bool)


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
    change = np.where(~known, "new", np.where(same, "unchanged", "changed")).astype(object)
    merged["change"] = pd.Series(change, index=merged.index, dtype=object)
    return merged.drop(columns="_known")


def _current_initiatives(session: Session, goal_ids: list[int]) -> pd.DataFrame:
    query = applied_rows(Initiative.__table__, goal_ids=goal_ids)
    frame = pd.DataFrame(session.connection().execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=["id", *INI_KEY, *INI_FIELDS])
    frame["name_key"] = [name_key(n) for n in frame["name"]]
    return frame.drop_duplicates(subset=INI_KEY, keep="last")


def _keep_stored_plan(rows: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """A sheet without a Start, Slut, Budget or Forbrug column keeps what is stored in that
    field (a workbook made before the columns existed changes nothing there); a column that is
    present but blank removes the stored value, like every other optional column."""
    absent = rows["absent"].fillna("").astype(str)
    if not absent.str.len().any():
        return rows
    kept = current[[*INI_KEY, *PLAN_FIELDS]].rename(columns={f: f"{f}_kept" for f in PLAN_FIELDS})
    merged = rows.merge(kept, on=INI_KEY, how="left", sort=False)
    for f in PLAN_FIELDS:
        keep = absent.str.split(",").apply(lambda names, f=f: f in names).to_numpy()
        if keep.any():
            merged[f] = merged[f].astype(object)
            merged.loc[keep, f] = merged.loc[keep, f"{f}_kept"].astype(object).to_numpy()
    return merged.drop(columns=[f"{f}_kept" for f in PLAN_FIELDS])


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
        rows = _keep_stored_plan(rows, current)
        initiatives = _mark(rows, current, INI_KEY, INI_FIELDS, {"budget", "spent"})
    rows = parsed.frames("assessments")
    if rows is not None:
        current = _current_assessments(session, [int(g) for g in rows["goal_id"].unique()])
        assessments = _mark(rows, current, ASM_KEY, ASM_FIELDS, set())
    return Diff(observations, initiatives, assessments)


# --- writing -------------------------------------------------------------------------------------


def _write_observations(session: Session, todo: pd.DataFrame, upload_id: int) -> None:
    # a new key's row is current at once; a changed key's row after mark_applied
    current = (todo["change"] == "new").to_numpy()
    # fields nobody filled in are left to the column default (NULL): binding 100,000
    # empty limits and notes costs as much as a fifth of the insert
    filled = [f for f in OBS_FIELDS if f == "value" or todo[f].notna().any()]
    values = [_as_objects(todo[c]).tolist() for c in [*OBS_KEY, *filled]]
    connection = session.connection()
    # on SQLite is_current goes in as 0/1: its driver binds a bool several times slower
    flags = current.astype(np.int64) if connection.dialect.name == "sqlite" else current
    values += [itertools.repeat(upload_id), flags.tolist()]
    columns = [*OBS_KEY, *filled, "upload_id", "is_current"]
    store.insert_rows(connection, Observation.__table__, columns, zip(*values, strict=False))
    if not current.all():
        mark_applied(session, upload_id)


def _write(session: Session, diff: Diff, upload_id: int) -> None:
    for kind, frame in diff.frames():
        unchanged = (frame["change"] == "unchanged").to_numpy()
        todo = frame[~unchanged] if unchanged.any() else frame
        if todo.empty:
            continue
        if kind == "indicators":
            _write_observations(session, todo, upload_id)
            continue
        todo = todo.assign(upload_id=upload_id)
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
        store.insert_rows(session.connection(), UploadCarried.__table__, columns, rows)
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


def import_workbook(
    *,
    engine: Engine,
    content: bytes,
    filename: str,
    user: str,
    dry_run: bool = False,
    lang: str = "da",
    confirm_sha256: str | None = None,
    read: Callable[[], RawWorkbook] | None = None,
) -> ImportResult:
    """Read, check and preview a status workbook; apply it in one transaction unless dry_run.

    A file with any error is never applied. `confirm_sha256` (the preview's `sha256`) makes
    sure the file applied is the one the user saw previewed. `read`: the same file already
    being read (`goals.spreadsheet.read.read_ahead`), instead of reading `content` here.
    """
    sha256 = hashlib.sha256(content).hexdigest()
    if confirm_sha256 is not None and confirm_sha256 != sha256:
        problem = file_problem("workbook.file.confirm_mismatch", lang)
        return _rejected([problem], sha256=sha256, filename=filename, lang=lang)
    try:
        if read is not None:
            raw = read()
        else:
            limit = config.settings().upload_limit_bytes
            raw = read_workbook(content, filename, limit_bytes=limit)
        with store.read_session(engine) as session:
            catalogue = Catalogue.load(session)
        parsed = check_workbook(raw, catalogue, lang=lang)
    except ReadError as exc:
        problem = file_problem(exc.key, lang, **exc.values)
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
            # many multi-row INSERTs, each with its statement journal (store.insert_rows)
            with store.write_session(engine, memory_journals=True) as session:
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
            file_problem("workbook.file.busy", lang)
            if busy
            else file_problem("workbook.file.store_error", lang, detail=str(exc))
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
                when=when_text(previous.created_at, lang),
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
        _change_list=lambda limit: describe_changes(diff, catalogue, lang, limit=limit),
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
    if get("start_on") or get("end_on"):
        parts.append(
            t(
                "workbook.change.plan",
                lang,
                start=format_date(get("start_on"), lang),
                end=format_date(get("end_on"), lang),
            )
        )
    for amount in ("budget", "spent"):
        if get(amount) is not None:
            parts.append(
                t(f"workbook.change.{amount}", lang, value=format_amount(get(amount), lang))
            )
    if get("note"):
        parts.append(t("workbook.change.comment", lang, value=get("note")))
    return "; ".join(parts)


def _assessment_text(row: dict[str, Any], suffix: str, lang: str) -> str:
    light = t(f"workbook.light.{row.get(f'light{suffix}')}", lang)
    text = row.get(f"text{suffix}")
    return f"{light}: {text}" if not _missing(text) and text else light


FIELDS = {
    "indicators": OBS_FIELDS,
    "initiatives": [
        "status",
        "next_milestone",
        "milestone_date",
        "responsible",
        *PLAN_FIELDS,
        "note",
    ],
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
    *PLAN_FIELDS,
}


def _field_text(kind: str, name: str, value: Any, lang: str) -> str:
    if _missing(value) or value == "":
        return ""
    if name in NUMERIC_FIELDS:
        return format_exact(value, lang)
    if name in ("budget", "spent"):
        return format_amount(value, lang)
    if name in ("start_on", "end_on"):
        return format_date(value, lang)
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


def describe_changes(
    diff: Diff, catalogue: Catalogue, lang: str = "da", *, limit: int | None = None
) -> list[Change]:
    """The new and changed rows as human text, in file order (only the first `limit`)."""
    changes: list[Change] = []
    for kind, frame in diff.frames():
        todo = frame[frame["change"] != "unchanged"]
        if limit is not None:
            if len(changes) >= limit:
                break
            todo = todo.head(limit - len(changes))
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
