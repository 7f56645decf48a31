"""The status workbook template a steering group downloads, fills in and uploads again.

Indikatorer is pre-filled with the group's indicators × areas (clusters and municipalities) ×
the breakdown groups its criteria follow, for the next expected period of each indicator. The
columns Indikatornavn and Enhed are there for the reader and ignored by the importer. Drop-down
lists point at a hidden Lister sheet; they warn rather than stop, so a known alias typed by hand
(e.g. "Viborg") is still accepted.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.engine import Engine

from goals import store
from goals.catalogue import TOTAL_GROUP, Catalogue
from goals.i18n import name_of, t
from goals.names import NameIndex
from goals.periods import Frequency, Period, current_period, parse_period
from goals.store.model import AreaKind, Indicator, InitiativeStatus, SteeringGroup, TrafficLight
from goals.store.observations import current_values
from goals.workbook.export import DATE_FORMAT, FORMATS, WIDTHS
from goals.workbook.validate import suggest, suggestion_text

INDICATOR_COLUMNS = (
    "indicator", "indicator_name", "unit", "area", "period", "group", "value", "numerator",
    "denominator", "lower", "upper", "comment",
)  # fmt: skip
INITIATIVE_COLUMNS = (
    "goal", "initiative", "area", "status", "milestone", "date", "responsible", "comment",
    "start", "end", "budget", "spent",
)  # fmt: skip
ASSESSMENT_COLUMNS = ("goal", "area", "period", "light", "status_text")
EXTRA_ROWS = 500  # drop-downs reach this far below the pre-filled rows
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")


class TemplateError(ValueError):
    """The template cannot be made as asked (e.g. unknown steering group); one sentence."""


def next_periods(
    catalogue: Catalogue, indicators: Sequence[Indicator], latest: dict[int, str]
) -> dict[int, Period]:
    """Per indicator: the period after the latest one in the store, or the current period."""
    result = {}
    for indicator in indicators:
        frequency = Frequency(indicator.frequency)
        if indicator.id in latest:
            result[indicator.id] = parse_period(latest[indicator.id]).next()
        else:
            result[indicator.id] = current_period(frequency)
    return result


def _groups_of(catalogue: Catalogue, indicator: Indicator) -> list[str]:
    """I alt first, then the breakdown groups the indicator's criteria follow."""
    codes = [TOTAL_GROUP]
    for info in catalogue.criteria:
        for revision in info.revisions:
            if revision.indicator_id != indicator.id:
                continue
            for group_id in (revision.group_id, revision.gap_group_a_id, revision.gap_group_b_id):
                if group_id is not None:
                    code = catalogue.groups[group_id].code
                    if code not in codes:
                        codes.append(code)
    return codes


def _header(ws: Worksheet, keys: Sequence[str], lang: str) -> None:
    for col, key in enumerate(keys, start=1):
        cell = ws.cell(row=1, column=col, value=t(f"workbook.col.{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(key, 26)
    ws.freeze_panes = "A2"


def _dropdown(ws: Worksheet, column: int, source: str, rows: int, lang: str) -> None:
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        promptTitle=t("workbook.template.pick", lang),
    )
    letter = get_column_letter(column)
    validation.add(f"{letter}2:{letter}{rows + 1}")
    ws.add_data_validation(validation)


def _typed(ws: Worksheet, column: int, kind: str, rows: int, lang: str) -> None:
    """A date or a non-negative amount: Excel warns as it is typed (the importer decides)."""
    validation = DataValidation(
        type="date" if kind == "date" else "decimal",
        operator="greaterThanOrEqual",
        formula1="DATE(1990,1,1)" if kind == "date" else "0",
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="warning",
        prompt=t(f"workbook.template.{kind}_prompt", lang),
    )
    letter = get_column_letter(column)
    validation.add(f"{letter}2:{letter}{rows + 1}")
    ws.add_data_validation(validation)


def _list_column(ws: Worksheet, col: int, title: str, values: Sequence[str]) -> str:
    ws.cell(row=1, column=col, value=title).font = Font(bold=True)
    for row, value in enumerate(values, start=2):
        ws.cell(row=row, column=col, value=value).data_type = "s"
    letter = get_column_letter(col)
    end = max(2, len(values) + 1)
    return f"={quote_sheetname(ws.title)}!${letter}$2:${letter}${end}"


def write_template(*, engine: Engine, steering_group: str | None = None, lang: str = "da") -> bytes:
    """The template for one steering group (all indicators when None) as .xlsx bytes."""
    with store.read_session(engine) as session:
        catalogue = Catalogue.load(session)
        group: SteeringGroup | None = None
        if steering_group:
            group = catalogue.steering_group(steering_group)
            if group is None:
                index: NameIndex[SteeringGroup] = NameIndex()
                for known in catalogue.steering_groups:
                    index.add(known, known.code, known.name, known.name_en, label=known.code)
                raise TemplateError(
                    t(
                        "workbook.template.unknown_group",
                        lang,
                        code=steering_group,
                        suggestion=suggestion_text(lang, suggest(index, steering_group)),
                    )
                )
        indicators = (
            catalogue.indicators_of_steering_group(group)
            if group
            else list(catalogue.indicators.values())
        )
        indicators = sorted(indicators, key=lambda i: i.code)
        values = current_values(session, indicator_ids=[i.id for i in indicators])
    latest: dict[int, str] = {}
    for indicator_id, periods in values.groupby("indicator_id")["period"]:
        latest[int(indicator_id)] = max(periods, key=lambda p: parse_period(p)).__str__()
    periods = next_periods(catalogue, indicators, latest)
    goals = [g for g in catalogue.goals if group is None or g.steering_group_id == group.id]
    areas = catalogue.clusters + sorted(
        catalogue.areas_of_kind(AreaKind.MUNICIPALITY), key=lambda a: a.name
    )
    all_areas = sorted(catalogue.areas.values(), key=lambda a: (a.kind != "region", a.name))

    book = Workbook()
    guide = book.active
    guide.title = t("workbook.sheet.guide", lang)
    title = t(
        "workbook.template.title",
        lang,
        group=name_of(group, lang) if group else t("workbook.template.all_groups", lang),
    )
    guide["A1"] = title
    guide["A1"].font = Font(bold=True, size=14)
    for row, line in enumerate(t("workbook.template.guide", lang).split("\n"), start=3):
        guide.cell(row=row, column=1, value=line or None).alignment = Alignment(wrap_text=True)
    guide.column_dimensions["A"].width = 120

    ws = book.create_sheet(t("workbook.sheet.indicators", lang))
    _header(ws, INDICATOR_COLUMNS, lang)
    row = 2
    for indicator in indicators:
        period = periods[indicator.id].code
        for area in areas:
            for code in _groups_of(catalogue, indicator):
                cells = [
                    indicator.code,
                    name_of(indicator, lang),
                    indicator.unit,
                    area.name,
                    period,
                    code,
                ]
                for col, value in enumerate(cells, start=1):
                    ws.cell(row=row, column=col, value=value).data_type = "s"
                for col in range(7, 13):
                    ws.cell(row=row, column=col).fill = INPUT_FILL
                row += 1
    for col in (5,):
        for r in range(2, row + EXTRA_ROWS):
            ws.cell(row=r, column=col).number_format = "@"  # 2024K1 stays text

    initiatives = book.create_sheet(t("workbook.sheet.initiatives", lang))
    _header(initiatives, INITIATIVE_COLUMNS, lang)
    formats = {k: FORMATS[k] for k in INITIATIVE_COLUMNS if k in FORMATS}
    for key, number_format in formats.items():
        col = INITIATIVE_COLUMNS.index(key) + 1
        for r in range(2, 2 + EXTRA_ROWS):
            initiatives.cell(row=r, column=col).number_format = number_format
        kind = "date" if number_format == DATE_FORMAT else "amount"
        _typed(initiatives, col, kind, EXTRA_ROWS, lang)

    assessments = book.create_sheet(t("workbook.sheet.assessments", lang))
    _header(assessments, ASSESSMENT_COLUMNS, lang)
    this_year = str(dt.date.today().year)
    r = 2
    for goal in goals:
        for area in catalogue.clusters:
            for col, value in enumerate([name_of(goal, lang, "title"), area.name, this_year], 1):
                assessments.cell(row=r, column=col, value=value).data_type = "s"
            r += 1

    lists = book.create_sheet(t("workbook.sheet.lists", lang))
    lists.sheet_state = "hidden"
    sources = {
        "indicator": _list_column(
            lists, 1, t("workbook.col.indicator", lang), [i.code for i in indicators]
        ),
        "area": _list_column(lists, 2, t("workbook.col.area", lang), [a.name for a in all_areas]),
        "group": _list_column(
            lists, 3, t("workbook.col.group", lang), [g.code for g in catalogue.groups.values()]
        ),
        "goal": _list_column(
            lists, 4, t("workbook.col.goal", lang), [name_of(g, lang, "title") for g in goals]
        ),
        "status": _list_column(
            lists,
            5,
            t("workbook.col.status", lang),
            [t(f"workbook.initiative.{s.value}", lang) for s in InitiativeStatus],
        ),
        "light": _list_column(
            lists,
            6,
            t("workbook.col.light", lang),
            [t(f"workbook.light.{light.value}", lang) for light in TrafficLight],
        ),
    }
    extent = row + EXTRA_ROWS
    _dropdown(ws, 1, sources["indicator"], extent, lang)
    _dropdown(ws, 4, sources["area"], extent, lang)
    _dropdown(ws, 6, sources["group"], extent, lang)
    _dropdown(initiatives, 1, sources["goal"], EXTRA_ROWS, lang)
    _dropdown(initiatives, 3, sources["area"], EXTRA_ROWS, lang)
    _dropdown(initiatives, 4, sources["status"], EXTRA_ROWS, lang)
    _dropdown(assessments, 1, sources["goal"], r + EXTRA_ROWS, lang)
    _dropdown(assessments, 2, sources["area"], r + EXTRA_ROWS, lang)
    _dropdown(assessments, 4, sources["light"], r + EXTRA_ROWS, lang)
    # open on Indikatorer; only one tab may be selected or Excel groups the sheets
    guide.sheet_view.tabSelected = False
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
