"""How a verdict, an initiative's status or a value is written on a slide: table cells in the
status colours (goals.present.style) with symbol and words, and the short texts beside them."""

from __future__ import annotations

from goals.i18n import format_number, t
from goals.present.deck.model import TableCell
from goals.present.style import INITIATIVE_STYLE, STATUS_STYLE
from goals.status import StatusRow, status_label, support_text
from goals.status.verdicts import Combined


def status_cell(
    item: Combined | StatusRow | None, lang: str, detail: str | None = None
) -> TableCell:
    """A verdict as a table cell: its colour, symbol, words and the text colour on the fill.

    A row shows its verdict (`detail`: e.g. its latest value); a roll-up shows its combined
    verdict and, under it, the count behind it in words (goals.status.support_text).
    """
    if item is None:
        return TableCell(t("report.cell.empty", lang))
    if isinstance(item, Combined):
        verdict = item.status
        detail = support_text(item, lang) if detail is None else detail
    else:
        verdict = item.verdict
    style = STATUS_STYLE.get(verdict, STATUS_STYLE["not_available"])
    return TableCell(
        status_label(verdict, lang),
        detail=detail or "",
        fill=style.colour,
        status=verdict,
        bold=True,
        icon=style.icon,
        ink=style.ink,
    )


def initiative_cell(status: str, lang: str) -> TableCell:
    """An initiative's status as a table cell, in the colours of INITIATIVE_STYLE."""
    style = INITIATIVE_STYLE.get(status, INITIATIVE_STYLE["not_started"])
    key = f"workbook.initiative.{status}"
    label = t(key, lang) if status in INITIATIVE_STYLE else status
    return TableCell(
        label, fill=style.colour, status=status, bold=True, icon=style.icon, ink=style.ink
    )


def badge(verdict: str, lang: str) -> str:
    """A verdict's symbol and words: '≈ Ingen sikker ændring'."""
    return f"{STATUS_STYLE[verdict].icon} {status_label(verdict, lang)}"


def value_text(value: float | None, row: StatusRow, lang: str) -> str:
    """A value of a row with its unit: '15,4 procentpoint'; '–' for none."""
    if value is None:
        return "–"
    return f"{format_number(value, row.decimals, lang)} {row.unit}".strip()
