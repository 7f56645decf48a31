"""The first slides of a meeting's deck: what moved since the previous meeting.

Built from the plain result of `goals.meetings.meeting_changes` (its `to_json()` and its
headline in words), so that the deck does not depend on the meetings module: the verdicts that
changed as a table (before → now, in their colours), the values revised after the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goals.catalogue import Catalogue
from goals.i18n import format_exact, name_of, t
from goals.present.deck.model import ROWS_PER_SLIDE, Slide, Table, TableCell, split_table
from goals.present.style import STATUS_STYLE
from goals.status import status_label

__all__ = ["changes_slides"]

_WIDTHS = (1.2, 1.6, 2.0, 2.0)


def _verdict_cell(state: dict[str, Any] | None, lang: str) -> TableCell:
    if not state:
        return TableCell("–")
    verdict = state["verdict"]
    style = STATUS_STYLE.get(verdict, STATUS_STYLE["not_available"])
    value = state.get("latest_value")
    detail = (
        f"{state.get('latest_period')}: {format_exact(value, lang)}" if value is not None else ""
    )
    return TableCell(
        status_label(verdict, lang),
        detail=detail,
        fill=style.colour,
        status=verdict,
        bold=True,
        icon=style.icon,
        ink=style.ink,
    )


def changes_slides(
    changes: dict[str, Any], headline: Sequence[str], title: str, cat: Catalogue, lang: str
) -> list[Slide]:
    """'Siden sidste møde': the headline in words, the changed verdicts, the revised values."""

    def area(code: str) -> str:
        found = cat.area(code)
        return name_of(found, lang) if found else code

    columns = (
        t("meetings.col.criterion", lang),
        t("meetings.col.area", lang),
        t("meetings.col.before", lang),
        t("meetings.col.after", lang),
    )
    rows = [
        (
            TableCell(c["criterion"], bold=True),
            TableCell(area(c["area"])),
            _verdict_cell(c["before"], lang),
            _verdict_cell(c["after"], lang),
        )
        for c in changes.get("changed", [])
    ]
    text = " ".join(f"{line}." if not line.endswith(".") else line for line in headline)
    if not rows:
        return [Slide("messages", "changes", title, bullets=list(headline))]
    slides = [
        Slide(
            "messages",
            f"changes-{number}",
            page_title,
            table=Table(columns, tuple(page_rows), _WIDTHS),
            text=text,
        )
        for number, (page_title, page_rows) in enumerate(
            split_table(title, rows, ROWS_PER_SLIDE, lang, _WIDTHS), start=1
        )
    ]
    revised = changes.get("revised_values", [])
    if revised:
        lines = [
            f"{v['indicator']} · {area(v['area'])} · {v['period']} · {v['group']}: "
            f"{format_exact(v['before'], lang)} → "
            + (
                format_exact(v["after"], lang)
                if v["after"] is not None
                else t("meeting.changes.withdrawn", lang)
            )
            for v in revised[:12]
        ]
        slides.append(
            Slide(
                "messages",
                "changes-revised",
                t("meetings.revised.title", lang),
                bullets=lines,
            )
        )
    return slides
