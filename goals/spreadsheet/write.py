"""Writing cells that no spreadsheet will run and every spreadsheet can hold: the one home of
this security property, used by every writer of .xlsx and .csv in the product.

Text that a spreadsheet could read as a formula (starting with = + - @, tab or carriage return,
OWASP's list) is written as a text cell with Excel's *quotePrefix* style — what Excel itself
does when you type an apostrophe first — so the cell's text stays exactly the stored text. In
CSV, which has no styles, such text gets a leading apostrophe. Control characters that no
.xlsx can hold (openpyxl refuses them) are dropped there; a vertical tab becomes a newline.
"""

from __future__ import annotations

from typing import Any

from goals.spreadsheet.cells import clean_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> Any:
    """`value` as a spreadsheet cell can hold it: text without control characters; anything
    else unchanged."""
    return clean_controls(value) if isinstance(value, str) else value


def protect(cell: Any) -> Any:
    """Make an openpyxl cell (ordinary or write-only) inert: its value cleaned, and text that
    starts like a formula stored as text with the quotePrefix style. Returns the cell."""
    cell.value = value = cell_text(cell.value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def safe_cell(ws: Any, value: Any, **style: Any) -> Any:
    """A write-only worksheet cell holding `value`, inert, with openpyxl style attributes."""
    from openpyxl.cell import WriteOnlyCell

    cell = protect(WriteOnlyCell(ws, value=cell_text(value)))
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write `value` into an ordinary worksheet's cell, inert. Returns the cell."""
    cell = ws.cell(row=row, column=column)
    cell.value = cell_text(value)  # openpyxl refuses control characters on assignment
    return protect(cell)


def csv_text(value: Any) -> Any:
    """A CSV field no spreadsheet runs when it opens the file: text starting like a formula
    gets a leading apostrophe (CSV has no styles). CSV holds any character, so nothing else
    changes."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
