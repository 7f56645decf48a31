"""A copy of an uploaded workbook with every problem cell coloured and commented.

The user gets their own file back, with the mistakes marked where they made them, plus a
first sheet (*Fejl*) listing every problem with a link to its cell. .xlsx and .xlsm files are
annotated in place (macros are not kept); .ods and .xls files are copied into a new .xlsx,
values only, since openpyxl cannot write those formats.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePath

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import quote_sheetname

from goals.i18n import t
from goals.spreadsheet.cells import Problem
from goals.spreadsheet.read import ReadError, read_workbook

ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
AUTHOR = "Målbillede"
_UNLIMITED = 1 << 40


def annotated_filename(filename: str) -> str:
    """'statusark.ods' → 'statusark_fejl.xlsx'."""
    stem = PurePath(filename or "statusark").stem or "statusark"
    return f"{stem}_fejl.xlsx"


def _split(cell: str) -> tuple[str, str]:
    sheet, _, coordinate = cell.rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, coordinate


def _copy_values(content: bytes, filename: str) -> Workbook:
    """.ods / .xls (or anything openpyxl cannot open) as a new workbook with the same values."""
    book = Workbook()
    book.remove(book.active)
    try:
        raw = read_workbook(content, filename, limit_bytes=_UNLIMITED)
        for sheet in raw.sheets:
            ws = book.create_sheet(sheet.name[:31])
            for r, row in enumerate(sheet.rows(), start=1):
                for c, value in enumerate(row, start=1):
                    if value == "" or value is None:
                        continue
                    cell = ws.cell(row=r, column=c, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # never turn text into a formula
    except ReadError:
        pass  # an unreadable file: the Fejl sheet alone says why
    return book


def annotate_workbook(
    content: bytes, errors: Sequence[Problem], filename: str, *, lang: str = "da"
) -> bytes:
    """The workbook with problem cells coloured and commented, as .xlsx bytes."""
    suffix = PurePath(filename or "").suffix.lower()
    book: Workbook | None = None
    if suffix in (".xlsx", ".xlsm") or (content.startswith(b"PK") and suffix != ".ods"):
        try:
            book = load_workbook(io.BytesIO(content), rich_text=False)
        except Exception:  # noqa: BLE001 - damaged files are copied value by value instead
            book = None
    if book is None:
        book = _copy_values(content, filename)

    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for problem in errors:
        if problem.cell:
            by_cell[_split(problem.cell)].append(problem.message)
    for (sheet, coordinate), messages in by_cell.items():
        if sheet not in book.sheetnames:
            continue
        try:
            cell = book[sheet][coordinate]
        except ValueError:
            continue
        cell.fill = ERROR_FILL
        text = "\n".join(messages)
        comment = Comment(text, AUTHOR)
        comment.width = 320
        comment.height = 60 + 18 * (len(text) // 40)
        cell.comment = comment

    title = t("workbook.sheet.errors", lang)
    if title in book.sheetnames:
        del book[title]
    ws = book.create_sheet(title, 0)
    headers = ["Celle", "Kolonne", "Værdi", "Fejl"] if lang != "en" else [
        "Cell", "Column", "Value", "Problem",
    ]  # fmt: skip
    for col, header in enumerate(headers, start=1):
        ws.cell(row=1, column=col, value=header).font = Font(bold=True)
    for row, problem in enumerate(errors, start=2):
        ref = ws.cell(row=row, column=1, value=problem.cell or "—")
        ref.data_type = "s"
        sheet, coordinate = _split(problem.cell) if problem.cell else ("", "")
        if sheet in book.sheetnames:
            ref.hyperlink = f"#{quote_sheetname(sheet)}!{coordinate}"
            ref.font = Font(color="0563C1", underline="single")
        for col, value in enumerate((problem.column, problem.value, problem.message), start=2):
            cell = ws.cell(row=row, column=col, value=value or None)
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=col == 4, vertical="top")
    for letter, width in zip("ABCD", (18, 16, 18, 100), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    for other in book.worksheets:
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
