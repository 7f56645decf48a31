"""What a deck is made of: the `Selection` it is about, its `Slide`s, each with one chart, status
`Table` (of `TableCell`), list of `Message`s or bullets, and the `Deck` itself; and
`split_table`, which continues a long table on as many slides as it needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import plotly.graph_objects as go

from goals.i18n import t
from goals.present.style import STATUS_STYLE, StatusStyle
from goals.status import StatusReport, StatusRow

SlideKind = Literal[
    "title",
    "messages",
    "overview",
    "goal",
    "criterion",
    "inequality",
    "initiatives",
    "timeline",
    "method",
    "profile",
]

#: Rows of a table per slide, before it continues on the next slide ("(2/3)" in the title).
ROWS_PER_SLIDE = 7


@dataclass(frozen=True)
class Selection:
    """What the deck is about: everything, a cluster, a track or a goal (codes)."""

    cluster: str | None = None
    track: str | None = None
    goal: str | None = None

    @property
    def scope(self) -> str:
        return (
            "goal"
            if self.goal
            else "track"
            if self.track
            else "cluster"
            if self.cluster
            else "full"
        )


@dataclass(frozen=True)
class TableCell:
    """One table cell: text, an optional second line and, for a status, its colour."""

    text: str
    detail: str = ""
    fill: str | None = None  # background colour (hex), for status cells
    status: str | None = None  # STATUS_STYLE / INITIATIVE_STYLE key when the cell is a status
    bold: bool = False
    icon: str = ""  # the status symbol, shown before the text
    ink: str | None = None  # the text colour on the fill (hex); None: the deck's ink

    @property
    def label(self) -> str:
        """The first line with its icon: '▲ På rette spor'."""
        return f"{self.icon} {self.text}" if self.icon else self.text

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.label, self.detail) if line]


@dataclass(frozen=True)
class Table:
    """A status table: header texts and rows of cells; `widths` are relative column widths."""

    columns: tuple[str, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    widths: tuple[float, ...] = ()

    def column_widths(self) -> tuple[float, ...]:
        widths = self.widths or (1.0,) * len(self.columns)
        total = sum(widths)
        return tuple(w / total for w in widths)


@dataclass(frozen=True)
class Message:
    """A key message in words, led by its verdict: the text, and the count behind it."""

    text: str
    status: str  # a verdict (STATUS_STYLE key)
    detail: str = ""
    label: str = ""  # the verdict in words, in the deck's language

    @property
    def style(self) -> StatusStyle:
        return STATUS_STYLE.get(self.status, STATUS_STYLE["not_available"])


@dataclass
class Slide:
    """One slide: a title, and one chart, table, list of messages or bullets.

    ``text`` is a paragraph shown beside a chart or under a table: the reasoning of a gap
    slide, the roll-up rule on the legend. With ``verdict`` set it is drawn on that verdict's
    colour, led by its symbol (the clusters' combined verdict under a gap table).
    """

    kind: SlideKind
    key: str  # stable and file-name safe: 'goal-KOL-1', 'criterion-KOL-1-A-2'
    title: str
    subtitle: str = ""
    chart: Callable[[], go.Figure] | None = field(default=None, repr=False)
    table: Table | None = None
    bullets: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    text: str = ""
    verdict: str | None = None
    notes: str = ""
    footer: str = ""
    _figure: go.Figure | None = field(default=None, repr=False, compare=False)

    @property
    def has_chart(self) -> bool:
        return self.chart is not None

    @property
    def figure(self) -> go.Figure | None:
        """The slide's chart, drawn when first asked for (a figure takes a good part of a
        second, and the page shows one slide at a time)."""
        if self._figure is None and self.chart is not None:
            self._figure = self.chart()
        return self._figure


@dataclass
class Deck:
    title: str
    subtitle: str
    slides: list[Slide]
    lang: str
    selection: Selection
    period: str | None  # the period the data run to (code)
    report: StatusReport | None  # None for a deck without statuses (a cluster's profile)
    rows: list[StatusRow]  # the rows the deck is about

    @property
    def charts(self) -> list[Slide]:
        return [s for s in self.slides if s.has_chart]

    @property
    def tables(self) -> list[Slide]:
        return [s for s in self.slides if s.table is not None]


# --- long tables -------------------------------------------------------------------------------

#: What a slide's table may fill, for splitting long tables: 14-point lines on a 12.3-inch
#: wide, 5.2-inch high content box (goals.present.pptx), estimated cautiously.
_CHARS_ACROSS = 130
LINES_DOWN = 22
_ROW_PADDING_LINES = 0.5
#: The lines (estimated as above) a table of short rows holds when goals.present.pptx squeezes
#: its rows to single spacing.
LINES_SQUEEZED = 32


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """`items` in pieces of at most `size` (one empty piece when there are none)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def _row_lines(row: Sequence[TableCell], widths: Sequence[float]) -> float:
    lines = 1
    for cell, width in zip(row, widths, strict=False):
        per_line = max(6, int(_CHARS_ACROSS * width) - 2)
        count = sum(max(1, math.ceil(len(x) / per_line)) for x in cell.lines) if cell.lines else 1
        lines = max(lines, count)
    return lines + _ROW_PADDING_LINES


def split_table(
    title: str,
    rows: Sequence[tuple[TableCell, ...]],
    per_slide: int,
    lang: str = "da",
    widths: Sequence[float] = (),
    lines_down: float = LINES_DOWN,
) -> list[tuple[str, Sequence[tuple[TableCell, ...]]]]:
    """A table's rows in slide-sized pages (at most `per_slide` rows, and no more text than a
    slide holds: `lines_down` estimated lines), titled 'Title (2/3)' when there is more than
    one."""
    n_columns = len(rows[0]) if rows else 0
    total = sum(widths) if widths else 0
    relative = [w / total for w in widths] if total else [1 / max(n_columns, 1)] * n_columns
    pages: list[list[tuple[TableCell, ...]]] = [[]]
    used = 0.0
    for row in rows:
        lines = _row_lines(row, relative)
        if pages[-1] and (len(pages[-1]) >= per_slide or used + lines > lines_down):
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += lines
    if len(pages) == 1:
        return [(title, pages[0])]
    return [
        (t("report.page", lang, title=title, i=i + 1, n=len(pages)), page)
        for i, page in enumerate(pages)
    ]
