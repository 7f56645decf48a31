"""The catalogue workbook: the whole catalogue as one spreadsheet to read, edit in Excel and load
back (`export_catalogue_workbook` / `import_catalogue_workbook`).

It has one sheet per kind — Mål, Succeskriterier, Indikatorer, Områder, Styregrupper. The
importer reuses the spreadsheet reading (size limit, zip-bomb guard, calamine) and its
`Problem`s, and applies a file by running the edit functions of `goals.catalogue.edit` row by
row inside one transaction: a preview is that run rolled back, so what the preview says is
exactly what applying does. Rows left out of the file are left alone; nothing is ever deleted by
an import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, config, store
from goals.access import Actor
from goals.catalogue.edit import (
    AREA_KINDS,
    AREA_WORDS,
    FREQUENCIES,
    POLARITIES,
    AreaFields,
    CatalogueEditError,
    Edit,
    GoalFields,
    IndicatorFields,
    RevisionFields,
    SteeringGroupFields,
    add_area,
    add_area_alias,
    add_criterion,
    add_goal,
    add_indicator,
    add_steering_group,
    area_aliases,
    area_view,
    by_code,
    edit_area,
    edit_goal,
    edit_indicator,
    edit_steering_group,
    goal_view,
    indicator_view,
    label_text,
    newest_revision,
    remove_area_alias,
    revise_criterion,
    revision_view,
)
from goals.i18n import format_number, t
from goals.names import name_key, name_keys
from goals.spreadsheet.cells import (
    HEADER_SEARCH_ROWS,
    ColumnSpec,
    Problem,
    cell_ref,
    clean_text,
    display,
    find_header,
)
from goals.spreadsheet.read import RawSheet, ReadError, read_workbook
from goals.spreadsheet.write import put
from goals.store.model import (
    Area,
    AreaKind,
    BreakdownGroup,
    Goal,
    Indicator,
    NationalGoal,
    SteeringGroup,
    SuccessCriterion,
    TargetType,
    Track,
)

# --- the catalogue workbook ----------------------------------------------------------------------


@dataclass(frozen=True)
class _SheetDef:
    kind: str
    columns: tuple[str, ...]  # field names; the first is the code that identifies a row
    required: tuple[str, ...]  # headers the sheet must have
    widths: tuple[int, ...]


SHEETS = (
    _SheetDef(
        "goals",
        tuple(
            [
                "code",
                "title",
                "title_en",
                "description",
                "description_en",
                "track",
                "steering_group",
                "national_goal",
            ]
        ),
        ("code", "title", "track", "steering_group"),
        (10, 50, 40, 60, 60, 10, 16, 12),
    ),
    _SheetDef(
        "criteria",
        tuple(
            [
                "code",
                "goal",
                "revision",
                "valid_from",
                "text",
                "text_en",
                "indicator",
                "group",
                "gap_a",
                "gap_b",
                "baseline",
                "target_type",
                "target_value",
                "target_period",
                "areas",
                "note",
                "note_en",
            ]
        ),
        ("code", "goal", "text", "indicator", "baseline"),
        (11, 10, 9, 12, 60, 40, 11, 26, 26, 26, 11, 14, 11, 11, 20, 40, 40),
    ),
    _SheetDef(
        "indicators",
        tuple(
            [
                "code",
                "name",
                "name_en",
                "unit",
                "unit_en",
                "polarity",
                "decimals",
                "frequency",
                "source",
                "source_en",
                "definition",
                "definition_en",
                "natural_limit",
                "steering_group",
            ]
        ),
        ("code", "name", "unit"),
        (10, 40, 34, 22, 22, 18, 10, 11, 40, 40, 60, 60, 12, 16),
    ),
    _SheetDef(
        "areas",
        ("code", "name", "name_en", "kind", "official_code", "parent", "aliases"),
        ("code", "name", "kind"),
        (10, 32, 30, 16, 12, 14, 60),
    ),
    _SheetDef("steering_groups", ("code", "name", "name_en"), ("code", "name"), (12, 50, 50)),
)
APPLY_ORDER = ("steering_groups", "indicators", "areas", "goals", "criteria")
COUNT_KEYS = ("new", "changed", "unchanged", "rejected")
LISTS_SHEET = "lists"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_INFO_COLUMNS = {"revision"}  # shown for the reader, ignored on import


def sheet_name(kind: str, lang: str) -> str:
    return t(f"admin.sheet.{kind}", lang)


def _specs(sheet: _SheetDef) -> list[ColumnSpec]:
    return [ColumnSpec(c, f"admin.col.{c}", c in sheet.required) for c in sheet.columns]


# --- export --------------------------------------------------------------------------------------


def label_of(field: str, value: Any, lang: str) -> Any:
    """A stored value as the workbook shows it (option labels in the chosen language)."""
    if value is None:
        return None
    if field == "polarity":
        return t(f"admin.polarity.{value}", lang)
    if field == "frequency":
        return t(f"admin.frequency.{value}", lang)
    if field == "target_type":
        return t(f"admin.target.{value}", lang)
    if field == "kind":
        return t(f"admin.kind.{value}", lang)
    if field == "areas":
        return t(f"admin.areas.{value}", lang) if isinstance(value, str) else ", ".join(value)
    if field == "aliases":
        return ", ".join(value) or None
    return value


def _export_rows(session: Session) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {s.kind: [] for s in SHEETS}
    for goal in session.exec(select(Goal).order_by(Goal.sort_order, Goal.code)):
        rows["goals"].append({"code": goal.code, **goal_view(session, goal)})
    goal_order = {r["code"]: i for i, r in enumerate(rows["goals"])}
    criteria = sorted(
        session.exec(select(SuccessCriterion)),
        key=lambda c: (goal_order.get(session.get(Goal, c.goal_id).code, 999), c.sort_order, c.code),
    )  # fmt: skip
    for criterion in criteria:
        revision = newest_revision(session, criterion)
        if revision is None:
            continue
        rows["criteria"].append(
            {
                "code": criterion.code,
                "goal": session.get(Goal, criterion.goal_id).code,
                "revision": revision.revision,
                "valid_from": revision.valid_from,
                **revision_view(session, revision),
            }
        )
    for indicator in session.exec(select(Indicator).order_by(Indicator.code)):
        rows["indicators"].append({"code": indicator.code, **indicator_view(session, indicator)})
    kind_order = {k: i for i, k in enumerate(AREA_KINDS)}
    areas = sorted(
        session.exec(select(Area)), key=lambda a: (kind_order[a.kind], a.sort_order, a.name)
    )
    for area in areas:
        rows["areas"].append(
            {"code": area.code, **area_view(session, area), "aliases": area_aliases(session, area)}
        )
    for group in session.exec(select(SteeringGroup).order_by(SteeringGroup.code)):
        rows["steering_groups"].append(
            {"code": group.code, "name": group.name, "name_en": group.name_en}
        )
    return rows


def _lists(session: Session, lang: str) -> dict[str, list[Any]]:
    """The choices offered as drop-downs, by column."""
    codes = lambda model: [r.code for r in session.exec(select(model).order_by(model.code))]  # noqa: E731
    parents = session.exec(
        select(Area.code)
        .where(Area.kind.in_([AreaKind.REGION, AreaKind.CLUSTER]))
        .order_by(Area.sort_order)
    ).all()
    return {
        "track": codes(Track),
        "steering_group": codes(SteeringGroup),
        "national_goal": sorted(n.number for n in session.exec(select(NationalGoal))),
        "goal": codes(Goal),
        "indicator": codes(Indicator),
        "group": codes(BreakdownGroup),
        "target_type": [t(f"admin.target.{k.value}", lang) for k in TargetType],
        "areas": [t(f"admin.areas.{w}", lang) for w in AREA_WORDS],
        "polarity": [t(f"admin.polarity.{p}", lang) for p in POLARITIES],
        "frequency": [t(f"admin.frequency.{f}", lang) for f in FREQUENCIES],
        "kind": [t(f"admin.kind.{k}", lang) for k in AREA_KINDS],
        "parent": list(parents),
    }


_LIST_FOR = {"gap_a": "group", "gap_b": "group"}
_FREE_LISTS = {"areas"}  # a drop-down that also accepts other text (area codes)


def export_catalogue_workbook(*, engine: Engine, lang: str = "da") -> bytes:
    """The catalogue as an .xlsx workbook to edit and import again (export → import changes
    nothing). One row per goal, criterion (its newest revision), indicator, area and steering
    group; frozen headers; drop-downs for the choices; nothing a spreadsheet would execute."""
    with store.read_session(engine) as session:
        data = _export_rows(session)
        lists = _lists(session, lang)
    book = Workbook()
    book.remove(book.active)
    list_ws = book.create_sheet(sheet_name(LISTS_SHEET, lang))
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(lists.items(), start=1):
        put(list_ws, 1, col, name).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            put(list_ws, row, col, value)
        letter = get_column_letter(col)
        ranges[name] = (
            f"{quote_sheetname(list_ws.title)}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        )
    list_ws.sheet_state = "hidden"

    for sheet in SHEETS:
        ws = book.create_sheet(sheet_name(sheet.kind, lang), index=len(book.sheetnames) - 1)
        for col, (name, width) in enumerate(zip(sheet.columns, sheet.widths, strict=True), 1):
            cell = put(ws, 1, col, label_text(name, lang))
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.column_dimensions[get_column_letter(col)].width = width
        rows = data[sheet.kind]
        for r, values in enumerate(rows, start=2):
            for col, name in enumerate(sheet.columns, start=1):
                cell = put(ws, r, col, label_of(name, values.get(name), lang))
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                if name in _INFO_COLUMNS:
                    cell.font = Font(color="808080")
        ws.freeze_panes = "B2"
        last = len(rows) + 500
        for col, name in enumerate(sheet.columns, start=1):
            source = _LIST_FOR.get(name, name)
            if source not in ranges or (sheet.kind == "criteria" and name == "code"):
                continue
            letter = get_column_letter(col)
            check = DataValidation(
                type="list", formula1=f"={ranges[source]}", allow_blank=True,
                showErrorMessage=source not in _FREE_LISTS,
            )  # fmt: skip
            check.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(check)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueChange:
    """One thing an import changes: a new row, or one field of a row, old → new."""

    sheet: str
    cell: str
    kind: str  # "new" or "changed"
    subject: str  # the row's code
    field: str  # the column, as the file names it ("" for a new row)
    old: str | None
    new: str
    note: str = ""  # e.g. "ny revision 3, gyldig fra 2026-01-01"


@dataclass
class CatalogueImportResult:
    """The answer to a catalogue workbook: a preview, an applied import or a rejection."""

    status: str  # "applied", "preview" or "rejected"
    counts: dict[str, dict[str, int]]  # sheet name → new / changed / unchanged / rejected
    changes: list[CatalogueChange]
    errors: list[Problem]
    sha256: str = ""
    filename: str = ""
    message: str = ""

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(c.get(k, 0) for c in self.counts.values()) for k in COUNT_KEYS}

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "counts": self.counts,
            "changes": [c.__dict__ for c in self.changes],
            "errors": [p.to_dict() for p in self.errors],
        }


_CELL_OF = {"alias": "aliases", "since": "parent"}  # error field → the column holding it


class _RolledBack(Exception):
    """Raised inside the transaction to undo a preview or a file with errors."""


@dataclass
class _Row:
    sheet: str
    index: int  # 0-based row
    columns: dict[str, tuple[int, str]]  # field → (column, header)
    cells: dict[str, Any]

    def ref(self, field: str | None) -> tuple[str, str]:
        """(cell reference, header) of a field's cell; the code cell when it has none."""
        col, header = self.columns.get(field or "", self.columns["code"])
        return cell_ref(self.sheet, self.index, col), header

    def given(self, *fields: str) -> dict[str, Any]:
        """The fields this file has a column for (the others are kept as they are)."""
        return {f: self.cells[f] for f in fields if f in self.cells}


def _show(field: str, value: Any, lang: str) -> str:
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, float):
        decimals = 0
        while decimals < 6 and round(value, decimals) != value:
            decimals += 1
        return format_number(value, decimals, lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    shown = label_of(field, value, lang)
    return ", ".join(shown) if isinstance(shown, list | tuple) else str(shown)


def _cell_value(field: str, value: Any) -> Any:
    """A cell as the edit functions take it: text stripped, blanks None, numbers and dates
    as they are."""
    if field in ("decimals", "natural_limit", "target_value", "national_goal", "valid_from"):
        if isinstance(value, str):
            return clean_text(value)
        return None if value is None or value == "" else value
    if field == "aliases":
        text = clean_text(value)
        return [a.strip() for a in text.split(",") if a.strip()] if text else []
    return clean_text(value)


class _Import:
    """Runs a file's rows through the edit functions, collecting problems and changes."""

    def __init__(self, session: Session, actor: Actor, lang: str) -> None:
        self.session = session
        self.actor = actor
        self.lang = lang
        self.problems: list[Problem] = []
        self.changes: list[CatalogueChange] = []
        self.counts: dict[str, dict[str, int]] = {}

    def sheet(self, kind: str, raw: RawSheet, columns: dict[str, tuple[int, str]], header_row: int) -> None:  # fmt: skip
        counts = self.counts.setdefault(raw.name, dict.fromkeys(COUNT_KEYS, 0))
        seen: dict[str, str] = {}
        apply = getattr(self, f"_{kind}")
        for index in range(header_row + 1, len(raw.rows())):
            values = raw.rows()[index]
            cells = {
                f: _cell_value(f, values[c] if c < len(values) else None)
                for f, (c, _) in columns.items()
                if f not in _INFO_COLUMNS
            }
            if all(v in (None, []) for v in cells.values()):
                continue
            row = _Row(raw.name, index, columns, cells)
            code = cells.get("code")
            if code is None:
                self._problem(row, "code", t("admin.err.required", self.lang, field=label_text("code", self.lang)))  # fmt: skip
                counts["rejected"] += 1
                continue
            if code in seen:
                message = t("admin.import.duplicate", self.lang, code=code, other=seen[code])
                self._problem(row, "code", message)
                counts["rejected"] += 1
                continue
            seen[code] = row.ref("code")[0]
            formulas = [f for f, (c, _) in columns.items() if (index, c) in raw.formula_cells]
            if formulas:
                for f in formulas:
                    self._problem(row, f, t("workbook.cell.formula", self.lang))
                counts["rejected"] += 1
                continue
            edits = self._apply_row(apply, row)
            counts[self._record(row, edits) if edits is not None else "rejected"] += 1

    def _apply_row(self, apply: Any, row: _Row) -> list[Edit] | None:
        """The row's edits, or None after reporting its problems. An edit function stops at
        the first wrong field, so a rejected row is tried again without each wrong field in
        turn (always rolled back) to report the row's other problems too."""
        try:
            with self.session.begin_nested():
                return apply(row)
        except CatalogueEditError as exc:
            failed = [exc]
        except sa.exc.IntegrityError as exc:
            detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            self._problem(row, "code", t("admin.err.conflict", self.lang, detail=detail))
            return None
        dropped = {_CELL_OF.get(failed[0].field or "", failed[0].field)}
        while len(failed) < len(row.cells):
            trial = _Row(
                row.sheet, row.index, row.columns,
                {k: v for k, v in row.cells.items() if k not in dropped},
            )  # fmt: skip
            try:
                with self.session.begin_nested():
                    apply(trial)
                    raise _RolledBack
            except (_RolledBack, sa.exc.IntegrityError):
                break
            except CatalogueEditError as exc:
                name = _CELL_OF.get(exc.field or "", exc.field)
                if name in dropped or name in (None, "code"):
                    break
                failed.append(exc)
                dropped.add(name)
        for exc in failed:
            self._problem(row, exc.field, str(exc))
        return None

    def _problem(self, row: _Row, field: str | None, message: str) -> None:
        field = _CELL_OF.get(field or "", field)
        cell, header = row.ref(field)
        value = row.cells.get(field or "code", row.cells.get("code"))
        if isinstance(value, list):
            value = ", ".join(value)
        self.problems.append(Problem(row.sheet, cell, header, display(value), message))

    def _record(self, row: _Row, edits: list[Edit]) -> str:
        main = edits[0]
        code = str(row.cells["code"])
        if main.action == "new":
            shown = row.cells.get("title") or row.cells.get("name") or row.cells.get("text") or ""
            note = (
                t("admin.change.first_revision", self.lang, valid_from=main.valid_from.isoformat())
                if main.valid_from
                else ""
            )
            self.changes.append(
                CatalogueChange(
                    row.sheet, row.ref("code")[0], "new", code, "", None, str(shown), note
                )
            )
            return "new"
        changed = [e for e in edits if e.action != "unchanged"]
        if not changed:
            return "unchanged"
        note = ""
        if main.revision:
            note = t(
                "admin.change.new_revision", self.lang, revision=main.revision,
                valid_from=main.valid_from.isoformat(),
            )  # fmt: skip
        for edit in changed:
            for name, (old, new) in edit.changes.items():
                cell, header = row.ref(name if name in row.columns else None)
                self.changes.append(
                    CatalogueChange(
                        row.sheet, cell, "changed", code, header,
                        _show(name, old, self.lang), _show(name, new, self.lang), note,
                    )
                )  # fmt: skip
        return "changed"

    # one method per sheet kind: the edits for one row, the main one first

    def _common(self) -> dict[str, Any]:
        return {"session": self.session, "actor": self.actor, "lang": self.lang}

    def _steering_groups(self, row: _Row) -> list[Edit]:
        code, given = row.cells["code"], row.given(*SteeringGroupFields.model_fields)
        if by_code(self.session, SteeringGroup, code):
            return [edit_steering_group(code=code, **given, **self._common())]
        return [add_steering_group(code=code, **given, **self._common())]

    def _indicators(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(*IndicatorFields.model_fields)
        if by_code(self.session, Indicator, code):
            return [edit_indicator(code=code, **given, **self._common())]
        given = {k: v for k, v in given.items() if v is not None}
        return [add_indicator(code=code, **given, **self._common())]

    def _areas(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(*AreaFields.model_fields)
        area = by_code(self.session, Area, code)
        before = area_aliases(self.session, area) if area else []
        if area is not None:
            edits = [edit_area(code=code, **given, **self._common())]
        else:
            edits = [add_area(code=code, **given, **self._common())]
            area = by_code(self.session, Area, code)
        if "aliases" not in row.cells:
            return edits
        wanted = row.cells["aliases"]
        wanted_keys = {name_key(a) for a in wanted} | {name_key(area.name)}
        before_keys = {name_key(a) for a in before}
        alias_edits = [
            add_area_alias(area=code, alias=a, **self._common())
            for a in wanted
            if name_key(a) not in before_keys
        ]
        alias_edits += [
            remove_area_alias(area=code, alias=a, **self._common())
            for a in before
            if name_key(a) not in wanted_keys
        ]
        if any(e.action != "unchanged" for e in alias_edits):
            after = area_aliases(self.session, area)
            edits.append(Edit("area", code, "changed", {"aliases": (tuple(before), tuple(after))}))
        return edits

    def _goals(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(*GoalFields.model_fields)
        if by_code(self.session, Goal, code):
            return [edit_goal(code=code, **given, **self._common())]
        return [add_goal(code=code, **given, **self._common())]

    def _criteria(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(*RevisionFields.model_fields)
        valid_from = row.cells.get("valid_from")
        if by_code(self.session, SuccessCriterion, code):
            return [
                revise_criterion(
                    code=code, valid_from=valid_from, **row.given("goal"), **given,
                    **self._common(),
                )
            ]  # fmt: skip
        given = {k: v for k, v in given.items() if v is not None}
        return [
            add_criterion(
                code=code, valid_from=valid_from, **row.given("goal"), **given, **self._common()
            )
        ]


def _locate(raw_sheets: Iterable[RawSheet], lang: str) -> tuple[list[tuple], list[Problem]]:
    """(kind, sheet, columns, header row) for each catalogue sheet found, and the problems."""
    found: list[tuple] = []
    problems: list[Problem] = []
    by_key = {
        k: sheet
        for sheet in SHEETS
        for language in ("da", "en")
        for k in name_keys(sheet_name(sheet.kind, language))
    }
    for raw in raw_sheets:
        sheet = next((by_key[k] for k in name_keys(raw.name) if k in by_key), None)
        if sheet is None:
            continue
        header, _twice = find_header(raw.head(HEADER_SEARCH_ROWS), _specs(sheet), allow_wide=False)
        if header is None:
            problems.append(Problem(raw.name, "", "", "", t("admin.import.no_header", lang, sheet=raw.name, column=label_text("code", lang))))  # fmt: skip
            continue
        missing = [c for c in sheet.required if c not in header.columns]
        for name in missing:
            problems.append(
                Problem(
                    raw.name,
                    "",
                    label_text(name, lang),
                    "",
                    t(
                        "admin.import.missing_column",
                        lang,
                        sheet=raw.name,
                        column=label_text(name, lang),
                    ),
                )
            )
        if not missing:
            found.append((sheet.kind, raw, header.columns, header.row))
    return found, problems


def _result(
    status: str, lang: str, sha256: str, filename: str, *, errors: list[Problem] | None = None,
    run: _Import | None = None,
) -> CatalogueImportResult:  # fmt: skip
    errors = errors or []
    counts = run.counts if run else {}
    result = CatalogueImportResult(
        status, counts, run.changes if run else [], errors, sha256, filename
    )
    totals = result.totals
    if status == "rejected":
        result.message = t("admin.import.rejected", lang, n=len(errors))
    elif totals["new"] == 0 and totals["changed"] == 0:
        result.message = t("admin.import.nothing", lang, unchanged=totals["unchanged"])
    else:
        key = "admin.import.preview" if status == "preview" else "admin.import.applied"
        result.message = t(key, lang, **totals)
    return result


def import_catalogue_workbook(
    *, engine: Engine, content: bytes, filename: str, actor: Actor | None,
    dry_run: bool = False, lang: str = "da", confirm_sha256: str | None = None,
) -> CatalogueImportResult:  # fmt: skip
    """Check a catalogue workbook and preview it (dry_run) or apply it: every row or none.

    Each row goes through the same edit function a form uses, so a preview is an apply that is
    rolled back. `confirm_sha256` (the preview's `sha256`) makes sure the file applied is the
    one previewed. Size limit and zip-bomb guard are those of status workbooks.
    """
    sha256 = hashlib.sha256(content).hexdigest()

    def rejected(problems: list[Problem], run: _Import | None = None) -> CatalogueImportResult:
        return _result("rejected", lang, sha256, filename, errors=problems, run=run)

    def file_problem(key: str, **values: Any) -> Problem:
        return Problem("", "", "", "", t(key, lang, **values))

    if actor is None or not actor.may_administer():
        who = actor.name if actor else "?"
        role = t(f"role.{actor.role}", lang) if actor else t("admin.role.unknown", lang)
        return rejected([file_problem("admin.import.not_admin", user=who, role=role)])
    if confirm_sha256 is not None and confirm_sha256 != sha256:
        return rejected([file_problem("workbook.file.confirm_mismatch")])
    try:
        raw = read_workbook(content, filename, limit_bytes=config.settings().upload_limit_bytes)
        sheets, problems = _locate(raw.sheets, lang)
    except ReadError as exc:
        return rejected([file_problem(exc.key, **exc.values)])
    if not sheets and not problems:
        names = ", ".join(sheet_name(s.kind, lang) for s in SHEETS)
        found = ", ".join(s.name for s in raw.sheets)
        return rejected([file_problem("admin.import.no_sheets", sheets=names, found=found)])
    order = {kind: i for i, kind in enumerate(APPLY_ORDER)}
    sheets.sort(key=lambda s: order[s[0]])
    run: _Import | None = None
    try:
        with store.write_session(engine) as session:
            run = _Import(session, actor, lang)
            try:
                for kind, sheet, columns, header_row in sheets:
                    run.sheet(kind, sheet, columns, header_row)
            except ReadError as exc:
                problems.append(file_problem(exc.key, **exc.values))
            problems += run.problems
            if problems or dry_run:
                raise _RolledBack
            access.record(
                session, actor=actor.name, action="catalogue.import", target=filename[:300],
                detail={"sha256": sha256, "counts": run.counts},
            )  # fmt: skip
    except _RolledBack:
        pass
    except store.StoreError as exc:
        return rejected([file_problem("workbook.file.store_error", detail=str(exc))], run)
    if problems:
        return rejected(problems, run)
    return _result("preview" if dry_run else "applied", lang, sha256, filename, run=run)
