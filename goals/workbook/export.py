"""Export of the current values as a status workbook in the long layout.

Re-importing the export gives all rows unchanged. Text that a spreadsheet could read as a
formula (starting with = + - @) is written as a text cell with Excel's *quotePrefix* style —
the same thing Excel does when a person types an apostrophe first — so nothing is executed and
the cell's text is exactly the stored text (nothing for the importer to strip).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy.engine import Engine

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import t
from goals.names import name_key
from goals.spreadsheet.write import safe_cell
from goals.store.model import Assessment, Initiative, Upload, UploadState
from goals.store.observations import current_values

INDICATOR_HEADERS = (
    "indicator", "area", "period", "group", "value", "numerator", "denominator", "lower",
    "upper", "comment",
)  # fmt: skip
INITIATIVE_HEADERS = (
    "goal", "initiative", "area", "status", "milestone", "date", "responsible", "comment",
    "start", "end", "budget", "spent",
)  # fmt: skip
# how dates and amounts (kr.) read in Excel and LibreOffice in either language
DATE_FORMAT = "dd-mm-yyyy"
AMOUNT_FORMAT = '#,##0.##" kr."'
FORMATS = {"date": DATE_FORMAT, "start": DATE_FORMAT, "end": DATE_FORMAT,
            "budget": AMOUNT_FORMAT, "spent": AMOUNT_FORMAT}  # fmt: skip
ASSESSMENT_HEADERS = ("goal", "area", "period", "light", "status_text")
WIDTHS = {
    "indicator": 12, "area": 26, "period": 10, "group": 30, "value": 10, "numerator": 10,
    "denominator": 10, "lower": 9, "upper": 9, "comment": 40, "goal": 48, "initiative": 40,
    "status": 14, "milestone": 32, "date": 12, "responsible": 22, "light": 10, "status_text": 60,
    "start": 12, "end": 12, "budget": 14, "spent": 14,
}  # fmt: skip


def header_row(ws: WriteOnlyWorksheet, keys: Sequence[str], lang: str) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    return [safe_cell(ws, t(f"workbook.col.{k}", lang), font=bold) for k in keys]


def _setup(ws: WriteOnlyWorksheet, keys: Sequence[str]) -> None:
    from openpyxl.utils import get_column_letter

    for i, key in enumerate(keys, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(key, 14)
    ws.freeze_panes = "A2"


def _rows(ws: WriteOnlyWorksheet, rows: Iterable[Sequence[Any]], keys: Sequence[str] = ()) -> None:
    formats = [FORMATS.get(k) for k in keys]
    for row in rows:
        ws.append(
            [
                safe_cell(ws, v, number_format=f) if f and v is not None else safe_cell(ws, v)
                for v, f in zip(row, formats or [None] * len(row), strict=True)
            ]
        )


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars → Python
        return value.item()
    return value


def _current(engine: Engine) -> tuple[Catalogue, pd.DataFrame, list[Any], list[Any]]:
    with store.read_session(engine) as session:
        catalogue = Catalogue.load(session)
        values = current_values(session)
        u = Upload.__table__
        applied = u.c.state == UploadState.APPLIED.value
        initiatives = session.exec(
            sa.select(Initiative).join(Upload).where(applied).order_by(Initiative.id)
        ).all()
        assessments = session.exec(
            sa.select(Assessment).join(Upload).where(applied).order_by(Assessment.id)
        ).all()
    return catalogue, values, [r[0] for r in initiatives], [r[0] for r in assessments]


def _newest(rows: list[Any], key: Any) -> list[Any]:
    newest: dict[Any, Any] = {}
    for row in rows:
        newest[key(row)] = row
    return list(newest.values())


def export_workbook(
    *, engine: Engine, lang: str = "da", all_values: bool = False, report: dict | None = None
) -> bytes:
    """The current values (and initiatives and assessments) as .xlsx bytes.

    Values the small-number rule hides (goals.catalogue.suppression) are left out, unless
    `all_values` (for moving the data to another store): a row left out is never re-imported
    as withheld, so importing the export again changes nothing. `report`, if given, gets
    ``suppressed``: the number of rows left out."""
    catalogue, values, initiatives, assessments = _current(engine)
    hidden = 0
    if not all_values and len(values):
        mask = catalogue.hidden_rows(values)
        hidden = int(mask.sum())
        values = values[~mask]
    if report is not None:
        report["suppressed"] = hidden
    book = Workbook(write_only=True)

    ws = book.create_sheet(t("workbook.sheet.indicators", lang))
    _setup(ws, INDICATOR_HEADERS)
    ws.append(header_row(ws, INDICATOR_HEADERS, lang))
    areas, groups, indicators = catalogue.areas, catalogue.groups, catalogue.indicators
    if len(values):
        values = values.assign(
            _ind=values["indicator_id"].map(lambda i: indicators[i].code),
            _area=values["area_id"].map(lambda a: (areas[a].kind, areas[a].sort_order)),
            _group=values["group_id"].map(lambda g: groups[g].sort_order),
        ).sort_values(["_ind", "_area", "period", "_group"], kind="stable")
    _rows(
        ws,
        (
            [
                indicators[r["indicator_id"]].code,
                areas[r["area_id"]].name,
                r["period"],
                groups[r["group_id"]].code,
                _clean(r["value"])
                if _clean(r["value"]) is not None
                else _clean(r["missing_reason"]),
                _clean(r["numerator"]),
                _clean(r["denominator"]),
                _clean(r["lower"]),
                _clean(r["upper"]),
                _clean(r["note"]),
            ]
            for r in values.to_dict("records")
        ),
    )

    goals = {g.id: g for g in catalogue.goals}
    ws = book.create_sheet(t("workbook.sheet.initiatives", lang))
    _setup(ws, INITIATIVE_HEADERS)
    ws.append(header_row(ws, INITIATIVE_HEADERS, lang))
    current = _newest(initiatives, lambda i: (i.goal_id, i.area_id, name_key(i.name)))
    _rows(
        ws,
        (
            [
                goals[i.goal_id].title,
                i.name,
                areas[i.area_id].name,
                t(f"workbook.initiative.{i.status}", lang),
                i.next_milestone,
                i.milestone_date,
                i.responsible,
                i.note,
                i.start_on,
                i.end_on,
                i.budget,
                i.spent,
            ]
            for i in current
        ),
        INITIATIVE_HEADERS,
    )

    ws = book.create_sheet(t("workbook.sheet.assessments", lang))
    _setup(ws, ASSESSMENT_HEADERS)
    ws.append(header_row(ws, ASSESSMENT_HEADERS, lang))
    current = _newest(assessments, lambda a: (a.goal_id, a.area_id, a.period))
    _rows(
        ws,
        (
            [
                goals[a.goal_id].title,
                areas[a.area_id].name,
                a.period,
                t(f"workbook.light.{a.light}", lang),
                a.text,
            ]
            for a in current
        ),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
