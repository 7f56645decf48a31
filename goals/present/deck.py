"""A presentation deck built from a selection of the status: the one source of both the
Præsentation page and the PowerPoint status report, so the two never disagree.

`build_deck` turns a `StatusReport` (goals.status) and a `Selection` (a cluster, a track, a goal
or everything) into a `Deck`: a list of `Slide`, each with a title, one plotly figure, status
table, list of key messages or bullets (a chart or table may have a text with it), the
reasoning behind each status as speaker notes, and a footer with the source and the period the
data run to. The deck holds no rendering decisions beyond that: the page draws tables as HTML
and charts with plotly.js; goals.present.pptx draws tables as native PowerPoint tables and charts
as PNG images. `presentation_figure` scales a chart's fonts for a shared screen or a slide.

What people see is the *verdict* (goals.status.verdicts): a row's ``verdict``, a roll-up's combined
``status``. Every combined status in the deck is a `goals.status.verdicts.Combined` of the report,
made by the one roll-up rule over success criterion × area rows, and is shown with the count
behind it in words (goals.status.support_text); the legend states the rule. Inequality comes
first: the key messages and the first overview slide lead with it, and every gap criterion has
a slide with the gap before → after and its 95 % uncertainty.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy.engine import Engine
from sqlmodel import Session

from goals.catalogue import Catalogue, CriterionInfo
from goals.catalogue.words import period_label, target_text
from goals.i18n import format_number, language, name_of, t
from goals.periods import Period, parse_period
from goals.present import charts
from goals.present.style import STATUS_STYLE, StatusStyle
from goals.status import (
    StatusReport,
    StatusRow,
    combine_rows,
    format_change,
    key_messages,
    message_text,
    shared_verdict,
    status_label,
    support_text,
)
from goals.status import own as reported
from goals.status.verdicts import VERDICTS, Combined
from goals.store import read_session
from goals.store.model import (
    AreaKind,
    BreakdownGroup,
    Goal,
    TargetType,
)

__all__ = [
    "INITIATIVE_STYLE",
    "Deck",
    "InitiativeItem",
    "Message",
    "Selection",
    "Slide",
    "Table",
    "TableCell",
    "UnknownSelection",
    "build_deck",
    "current_initiatives",
    "presentation_figure",
    "resolve_selection",
    "split_table",
]

SlideKind = Literal[
    "title", "messages", "overview", "goal", "criterion", "inequality", "initiatives", "method"
]


def _like(verdict: str, icon: str) -> StatusStyle:
    """A verdict's colour and text colour with another symbol."""
    style = STATUS_STYLE[verdict]
    return StatusStyle(style.colour, icon, style.ink)


#: Initiative statuses in the verdicts' palette, with their text colour on the fill (icon and
#: words carry the meaning too; text symbols only, never emoji).
INITIATIVE_STYLE: dict[str, StatusStyle] = {
    "completed": _like("target_achieved", "✓"),
    "in_progress": _like("on_track", "►"),
    "not_started": _like("not_available", "○"),
    "delayed": _like("limited_progress", "!"),
    "stopped": _like("deterioration", "■"),
}
LIGHT_WORDS = ("green", "yellow", "red")

#: Rows of a table per slide, before it continues on the next slide ("(2/3)" in the title).
ROWS_PER_SLIDE = 7
#: The top margin (CSS pixels) of a gap chart without its own title: room for the groups and
#: the verdict over the plot.
GAP_CHART_TOP = 140
#: Area columns per slide in a criteria × areas table.
AREAS_PER_SLIDE = 6
#: Status columns per overview slide: each cell holds a verdict and the count behind it.
OVERVIEW_COLUMNS = 3


class UnknownSelection(ValueError):
    """A cluster, track or goal that is not in the catalogue; the message is one sentence."""


# --- the deck --------------------------------------------------------------------------------


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
    report: StatusReport
    rows: list[StatusRow]  # the rows the deck is about

    @property
    def charts(self) -> list[Slide]:
        return [s for s in self.slides if s.has_chart]

    @property
    def tables(self) -> list[Slide]:
        return [s for s in self.slides if s.table is not None]


# --- selections --------------------------------------------------------------------------


def resolve_selection(catalogue: Catalogue, selection: Selection, lang: str = "da") -> Selection:
    """The selection with canonical codes (a name or alias also finds a cluster).

    Raises UnknownSelection, one sentence with a suggestion, for anything not in the catalogue.
    A goal implies its track.
    """
    cluster = track = goal = None
    if selection.cluster:
        area = (
            catalogue.area(selection.cluster)
            or catalogue.area(selection.cluster.strip().upper())
            or catalogue.area_index.get(selection.cluster)
        )
        if area is None or area.kind not in (AreaKind.CLUSTER, AreaKind.REGION):
            names = [a.code for a in catalogue.clusters] + [a.name for a in catalogue.clusters]
            raise UnknownSelection(
                _unknown(
                    "cluster", selection.cluster, names, [a.code for a in catalogue.clusters], lang
                )
            )
        cluster = area.code
    if selection.track:
        found = catalogue.track(selection.track) or catalogue.track(selection.track.strip().upper())
        if found is None:
            found = next(
                (
                    tr
                    for tr in catalogue.tracks
                    if selection.track.lower() in (tr.name.lower(), (tr.name_en or "").lower())
                ),
                None,
            )
        if found is None:
            codes = [tr.code for tr in catalogue.tracks]
            raise UnknownSelection(
                _unknown(
                    "track",
                    selection.track,
                    codes + [tr.name for tr in catalogue.tracks],
                    codes,
                    lang,
                )
            )
        track = found.code
    if selection.goal:
        found_goal = catalogue.goal(selection.goal) or catalogue.goal(
            selection.goal.strip().upper()
        )
        found_goal = found_goal or catalogue.goal_index.get(selection.goal)
        if found_goal is None:
            codes = [g.code for g in catalogue.goals]
            raise UnknownSelection(_unknown("goal", selection.goal, codes, codes, lang))
        goal = found_goal.code
        track = next((tr.code for tr in catalogue.tracks if tr.id == found_goal.track_id), track)
    return Selection(cluster=cluster, track=track, goal=goal)


def _unknown(what: str, value: str, names: Sequence[str], codes: Sequence[str], lang: str) -> str:
    text = t(f"report.cli.unknown_{what}", lang, value=value)
    close = difflib.get_close_matches(value, names, n=3, cutoff=0.5)
    close += [c for c in codes if value.strip().lower() in c.lower() and c not in close]
    if close:
        return text + t(
            "report.cli.suggest", lang, suggestions=", ".join(f"'{c}'" for c in close[:3])
        )
    return text + t("report.cli.choose", lang, choices=", ".join(codes))


# --- initiatives and assessments -----------------------------------------------------------


@dataclass(frozen=True)
class InitiativeItem:
    goal: str
    area: str
    area_name: str
    name: str
    status: str
    next_milestone: str | None
    milestone_date: dt.date | None
    responsible: str | None


@dataclass(frozen=True)
class AssessmentItem:
    goal: str
    area: str
    area_name: str
    period: str
    light: str
    text: str


def current_initiatives(
    session: Session, catalogue: Catalogue, lang: str = "da"
) -> list[InitiativeItem]:
    """The initiatives as last reported (goals.status.own), with the area's name for slides."""
    return [
        InitiativeItem(
            goal=item.goal,
            area=item.area,
            area_name=name_of(catalogue.area(item.area), lang),
            name=item.name,
            status=item.status,
            next_milestone=item.next_milestone,
            milestone_date=item.milestone_date,
            responsible=item.responsible,
        )
        for item in reported.current_initiatives(session=session, catalogue=catalogue)
    ]


def current_assessments(
    session: Session, catalogue: Catalogue, *, as_of: Period | None = None, lang: str = "da"
) -> dict[tuple[str, str], AssessmentItem]:
    """(goal, area) → the steering group's newest assessment up to `as_of` (goals.status.own)."""
    found = reported.current_assessments(
        session=session, catalogue=catalogue, as_of=as_of.code if as_of is not None else None
    )
    return {
        key: AssessmentItem(
            goal=item.goal,
            area=item.area,
            area_name=name_of(catalogue.area(item.area), lang),
            period=item.period,
            light=item.light,
            text=item.text or "",
        )
        for key, item in found.items()
    }


# --- building the deck ---------------------------------------------------------------------


def build_deck(
    *,
    report: StatusReport,
    catalogue: Catalogue,
    selection: Selection = Selection(),
    lang: str = "da",
    as_of: str | None = None,
    engine: Engine | None = None,
    session: Session | None = None,
    include_criteria: bool = True,
    today: dt.date | None = None,
) -> Deck:
    """The deck for a selection: title, key messages, overview, a slide per goal (and a chart
    per criterion), a slide per gap (inequality) criterion, the initiatives and the legend and
    method appendix.

    `report` should cover every cluster (charts compare the selected cluster with the others).
    Initiatives and assessments are read from the store through `session` or `engine`; without
    either the initiative slides and the assessments in the notes are left out.
    Raises UnknownSelection for a selection not in the catalogue.
    """
    if session is None and engine is not None:
        with read_session(engine) as own:
            return build_deck(
                report=report,
                catalogue=catalogue,
                selection=selection,
                lang=lang,
                as_of=as_of,
                session=own,
                include_criteria=include_criteria,
                today=today,
            )
    lang = language(lang)
    selection = resolve_selection(catalogue, selection, lang)
    builder = _Builder(report, catalogue, selection, lang, as_of or report.as_of, session)
    return builder.build(include_criteria=include_criteria, today=today or dt.date.today())


def _end(period: Period) -> float:
    return period.years + 1 / period.frequency.per_year


def _latest(codes: Iterable[str | None]) -> str | None:
    periods = [parse_period(c) for c in codes if c]
    return max(periods, key=lambda p: (_end(p), -p.frequency.per_year)).code if periods else None


def _status_cell(
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


#: Which verdict a message names when as many clusters share two: the more serious one.
def _badge(verdict: str, lang: str) -> str:
    """'≈ Ingen sikker ændring'."""
    return f"{STATUS_STYLE[verdict].icon} {status_label(verdict, lang)}"


def _value(value: float | None, row: StatusRow, lang: str) -> str:
    if value is None:
        return "–"
    return f"{format_number(value, row.decimals, lang)} {row.unit}".strip()


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


#: What a slide's table may fill, for splitting long tables: 14-point lines on a 12.3-inch
#: wide, 5.2-inch high content box (goals.present.pptx), estimated cautiously.
_CHARS_ACROSS = 130
_LINES_DOWN = 22
_ROW_PADDING_LINES = 0.5
#: The lines (estimated as above) a table of short rows holds when goals.present.pptx squeezes
#: its rows to single spacing.
_LINES_SQUEEZED = 32


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
    lines_down: float = _LINES_DOWN,
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


#: An overview column: its header, and the combined verdict of an area (None: the region).
_Column = tuple[str, Callable[[str | None], Combined | None]]


class _Builder:
    def __init__(
        self,
        report: StatusReport,
        catalogue: Catalogue,
        selection: Selection,
        lang: str,
        as_of: str | None,
        session: Session | None,
    ) -> None:
        self.report = report
        self.cat = catalogue
        self.sel = selection
        self.lang = lang
        self.session = session
        self.cutoff = parse_period(as_of) if as_of else None
        self.when = report.revision_date
        self.tracks = {tr.code: tr for tr in catalogue.tracks}
        self.goals = {g.code: g for g in catalogue.goals}
        self.track_of_goal = {
            g.code: tr.code for tr in catalogue.tracks for g in catalogue.goals_of_track(tr)
        }
        self.cluster = catalogue.area(selection.cluster) if selection.cluster else None
        self.rows = self._rows_in_scope()
        self.period = as_of or _latest(r.latest_period for r in self.rows)
        clusters = [a for a in catalogue.clusters if a.code in {r.area for r in report.rows}]
        # every cluster keeps its colour from chart to chart
        self.colours = {
            name_of(a, lang): charts.PALETTE[i % len(charts.PALETTE)]
            for i, a in enumerate(clusters)
        }
        self.clusters = clusters
        self.sources = {i.code: i.source for i in catalogue.indicators.values() if i.source}
        self.initiatives: list[InitiativeItem] = []
        self.assessments: dict[tuple[str, str], AssessmentItem] = {}
        if session is not None:
            self.initiatives = current_initiatives(session, catalogue, lang)
            self.assessments = current_assessments(session, catalogue, as_of=self.cutoff, lang=lang)

    # scope ----------------------------------------------------------------------------------

    def _area_codes(self) -> set[str] | None:
        if self.cluster is None:
            return None
        return {self.cluster.code} | {a.code for a in self.cat.members(self.cluster, self.when)}

    def _rows_in_scope(self) -> list[StatusRow]:
        areas = self._area_codes()
        return [
            r
            for r in self.report.rows
            if (areas is None or r.area in areas)
            and (self.sel.track is None or r.track == self.sel.track)
            and (self.sel.goal is None or r.goal == self.sel.goal)
        ]

    def _goals_in_scope(self) -> list[Goal]:
        present = {r.goal for r in self.rows}
        return [g for g in self.cat.goals if g.code in present]

    def _scope_name(self) -> str:
        if self.sel.goal:
            goal = self.goals[self.sel.goal]
            return t("report.scope.goal", self.lang, name=name_of(goal, self.lang, "title"))
        parts = []
        if self.cluster is not None:
            parts.append(
                t("report.scope.cluster", self.lang, name=name_of(self.cluster, self.lang))
            )
        if self.sel.track:
            parts.append(
                t(
                    "report.scope.track",
                    self.lang,
                    name=name_of(self.tracks[self.sel.track], self.lang),
                )
            )
        return " · ".join(parts) or t("report.scope.full", self.lang)

    # texts -------------------------------------------------------------------------------------

    def _footer(self, source: str | None = None, period: str | None = None) -> str:
        source = source or t("report.source.default", self.lang)
        period = period or self.period
        if period is None:
            return t("report.footer.no_period", self.lang, source=source)
        return t("report.footer", self.lang, source=source, period=period_label(period, self.lang))

    def _source_of(self, rows: Iterable[StatusRow]) -> str | None:
        sources = list(
            dict.fromkeys(self.sources[r.indicator] for r in rows if r.indicator in self.sources)
        )
        return "; ".join(sources) or None

    def _reasons(self, rows: Iterable[StatusRow]) -> list[str]:
        """Per area: the verdict and the reasoning, then the Open SDG status and score as
        details."""
        lang = self.lang
        out = []
        for r in rows:
            score = (
                format_number(r.score, 1, lang).replace("-", "−") if r.score is not None else "–"
            )
            details = t("report.notes.details", lang, status=r.status_label, score=score)
            out.append(f"• {r.area_name}: {r.verdict_label}. {r.reason_text} ({details})")
        return out

    # roll-ups ------------------------------------------------------------------------------

    def _cluster_codes(self) -> set[str]:
        return {a.code for a in self.clusters}

    def _inequality_of(self, area: str | None, track: str | None = None) -> Combined | None:
        """The gap (inequality) criteria combined: in one area (None: every cluster), of one
        track or of all; None when there are none."""
        if track is None:
            found = self.report.inequality.get(area) if area else self.report.region_inequality
            return found if found is not None and found.n else None
        areas = {area} if area else self._cluster_codes()
        rows = [r for r in self.report.rows if r.gap and r.track == track and r.area in areas]
        return combine_rows(rows) if rows else None

    def _goal_in_region(self, goal: str) -> Combined | None:
        rows = [r for r in self.report.rows if r.goal == goal and r.area in self._cluster_codes()]
        return combine_rows(rows) if rows else None

    def _overall_line(self, name: str, combined: Combined) -> str:
        """'Samlet status: ≈ Ingen sikker ændring – 40 af 55 succeskriterier er …'."""
        return t(
            "report.title.rollup",
            self.lang,
            name=name,
            status=_badge(combined.status, self.lang),
            support=support_text(combined, self.lang),
        )

    # the slides -----------------------------------------------------------------------------

    def build(self, *, include_criteria: bool, today: dt.date) -> Deck:
        slides: list[Slide] = [self._title_slide(today)]
        slides += self._messages()
        slides += self._overview()
        for track in self.cat.tracks:
            goals = [g for g in self._goals_in_scope() if g.track_id == track.id]
            if not goals:
                continue
            for goal in goals:
                slides += self._goal(goal)
                if include_criteria:
                    slides += self._criteria(goal)
            slides += self._inequality(track, goals)
            slides += self._initiatives(track, goals)
        slides += self._method()
        return Deck(
            title=t("report.title", self.lang),
            subtitle=self._scope_name(),
            slides=slides,
            lang=self.lang,
            selection=self.sel,
            period=self.period,
            report=self.report,
            rows=self.rows,
        )

    def _scope_rollups(self) -> list[tuple[str, Combined | None]]:
        """The selection's overall verdict and its inequality verdict, named."""
        lang = self.lang
        cluster = self.cluster.code if self.cluster is not None else None
        overall: Combined | None = None
        if self.sel.scope == "full":
            overall = self.report.region if self.report.region.n else None
        elif self.sel.scope == "cluster" and cluster is not None:
            overall = self.report.cluster.get(cluster)
        elif self.sel.scope == "track" and self.sel.track:
            overall = (
                self.report.track_area.get((self.sel.track, cluster))
                if cluster is not None
                else self.report.region_track.get(self.sel.track)
            )
        elif self.sel.scope == "goal" and self.sel.goal:
            overall = (
                self.report.goal_area.get((self.sel.goal, cluster))
                if cluster is not None
                else self._goal_in_region(self.sel.goal)
            )
        unequal = None if self.sel.goal else self._inequality_of(cluster, self.sel.track)
        return [
            (t("report.title.overall", lang), overall),
            (t("status.message.inequality", lang), unequal),
        ]

    def _title_slide(self, today: dt.date) -> Slide:
        scope = self._scope_name()
        period = period_label(self.period, self.lang) if self.period else "–"
        bullets = [
            self._overall_line(name, combined)
            for name, combined in self._scope_rollups()
            if combined is not None
        ]
        bullets.append(t("report.title.made", self.lang, date=today.isoformat()))
        return Slide(
            kind="title",
            key="title",
            title=t("report.title", self.lang),
            subtitle=t("report.title.subtitle", self.lang, scope=scope, period=period),
            bullets=bullets,
            notes=self._rule_notes(),
            footer=self._footer(),
        )

    def _rule_notes(self) -> str:
        lang = self.lang
        return t("status.rollup.rule", lang) + "\n\n" + t("report.overview.notes", lang)

    # key messages ---------------------------------------------------------------------------

    def _messages(self) -> list[Slide]:
        """The most important messages in words, each led by its verdict, near the start."""
        lang = self.lang
        if self.sel.scope == "goal":
            return []
        messages: list[Message] = []
        if self.cluster is not None:
            messages = self._cluster_messages()
            subtitle = t("report.messages.cluster.subtitle", lang, area=name_of(self.cluster, lang))
        elif self.sel.track:
            messages = self._track_messages()
            subtitle = t("report.messages.track.subtitle", lang)
        else:
            region = t("report.row.region", lang)
            for message in key_messages(self.report, self.cat, lang):
                combined = (
                    self.report.region_track.get(message.track)
                    if message.track
                    else self._inequality_of(None)
                )
                detail = self._overall_line(region, combined) if combined is not None else ""
                messages.append(
                    Message(
                        message.text, message.status, detail, status_label(message.status, lang)
                    )
                )
            subtitle = t("report.messages.subtitle", lang)
        if not messages:
            return []
        return [
            Slide(
                kind="messages",
                key="messages",
                title=t("report.messages.title", lang),
                subtitle=subtitle,
                messages=messages,
                notes=self._rule_notes(),
                footer=self._footer(),
            )
        ]

    def _cluster_messages(self) -> list[Message]:
        """A cluster's inequality, then each track: its verdict, and the count behind it."""
        lang = self.lang
        assert self.cluster is not None
        area = name_of(self.cluster, lang)
        parts: list[tuple[str, Combined | None]] = [
            (t("status.message.inequality", lang), self._inequality_of(self.cluster.code))
        ]
        for track in self.cat.tracks:
            if self.sel.track and track.code != self.sel.track:
                continue
            parts.append(
                (name_of(track, lang), self.report.track_area.get((track.code, self.cluster.code)))
            )
        return [
            Message(
                t(
                    "report.messages.cluster",
                    lang,
                    subject=name,
                    verdict=status_label(combined.status, lang).lower(),
                    area=area,
                ),
                combined.status,
                support_text(combined, lang),
                status_label(combined.status, lang),
            )
            for name, combined in parts
            if combined is not None
        ]

    def _track_messages(self) -> list[Message]:
        """A track across the clusters: its inequality, then each goal: the verdict most
        clusters share, and the region's combined verdict and count."""
        lang = self.lang
        assert self.sel.track is not None
        region = t("report.row.region", lang)
        clusters = [a.code for a in self.clusters]
        parts: list[tuple[str, list[Combined], Combined | None]] = []
        unequal = [self._inequality_of(c, self.sel.track) for c in clusters]
        parts.append(
            (
                t("status.message.inequality", lang),
                [c for c in unequal if c is not None],
                self._inequality_of(None, self.sel.track),
            )
        )
        for goal in self._goals_in_scope():
            found = [self.report.goal_area.get((goal.code, c)) for c in clusters]
            parts.append(
                (
                    name_of(goal, lang, "title"),
                    [c for c in found if c is not None],
                    self._goal_in_region(goal.code),
                )
            )
        messages = []
        for name, per_cluster, overall in parts:
            if not per_cluster:
                continue
            status, k = shared_verdict(per_cluster)
            text = message_text(name, status, k, len(per_cluster), lang)
            detail = self._overall_line(region, overall) if overall is not None else ""
            messages.append(Message(text, status, detail, status_label(status, lang)))
        return messages

    # overview -------------------------------------------------------------------------------

    def _overview(self) -> list[Slide]:
        lang = self.lang
        if self.sel.scope == "goal":
            return []
        notes = self._rule_notes()
        if self.cluster is not None:
            return self._cluster_overview(notes)
        first: list[_Column] = []
        rest: list[_Column] = []
        track = self.tracks[self.sel.track] if self.sel.track else None
        track_code = track.code if track is not None else None
        if any(r.gap for r in self.rows):
            first.append(
                (
                    t("status.message.inequality", lang),
                    lambda area: self._inequality_of(area, track_code),
                )
            )
        if track is not None:
            goals = self._goals_in_scope()
            first.append(
                (
                    t("report.col.all", lang),
                    lambda area: (
                        self.report.track_area.get((track.code, area))
                        if area
                        else self.report.region_track.get(track.code)
                    ),
                )
            )
            for goal in goals:
                rest.append(
                    (
                        goal.code,
                        lambda area, code=goal.code: (
                            self.report.goal_area.get((code, area))
                            if area
                            else self._goal_in_region(code)
                        ),
                    )
                )
            legend = "\n".join(f"{g.code}: {name_of(g, lang, 'title')}" for g in goals)
            notes = legend + "\n\n" + notes
            titles = (
                t("report.overview.first.track.title", lang, track=name_of(track, lang)),
                t("report.overview.track.title", lang, track=name_of(track, lang)),
            )
            subtitles = (
                t("report.overview.first.subtitle", lang),
                t("report.overview.track.subtitle", lang),
            )
        else:
            first.append(
                (
                    t("report.col.all", lang),
                    lambda area: self.report.cluster.get(area) if area else self.report.region,
                )
            )
            for tr in self.cat.tracks:
                if tr.code not in self.report.region_track:
                    continue
                rest.append(
                    (
                        name_of(tr, lang),
                        lambda area, code=tr.code: (
                            self.report.track_area.get((code, area))
                            if area
                            else self.report.region_track.get(code)
                        ),
                    )
                )
            titles = (
                t("report.overview.first.title", lang),
                t("report.overview.title", lang),
            )
            subtitles = (
                t("report.overview.first.subtitle", lang),
                t("report.overview.subtitle", lang),
            )
        # a status cell holds its verdict and the count behind it in words: at most
        # OVERVIEW_COLUMNS of them across a slide, inequality and the overall status first
        if len(first) + len(rest) <= OVERVIEW_COLUMNS:
            groups = [(first + rest, titles[1], subtitles[1], "overview")]
        else:
            groups = [(first, titles[0], subtitles[0], "overview")]
            chunks = _chunks(rest, OVERVIEW_COLUMNS)
            for i, chunk in enumerate(chunks):
                key = "overview-tracks" if len(chunks) == 1 else f"overview-tracks-{i + 1}"
                groups.append((list(chunk), titles[1], subtitles[1], key))
        slides = []
        for columns, title, subtitle, key in groups:
            rows = []
            for area in self.clusters:
                cells = [TableCell(name_of(area, lang), bold=True)]
                cells += [_status_cell(get(area.code), lang) for _, get in columns]
                rows.append(tuple(cells))
            if self.report.region.n:
                cells = [TableCell(t("report.row.region", lang), bold=True)]
                cells += [_status_cell(get(None), lang) for _, get in columns]
                rows.append(tuple(cells))
            slides += self._table_slides(
                kind="overview",
                key=key,
                title=title,
                subtitle=subtitle,
                columns=[t("report.col.cluster", lang)] + [name for name, _ in columns],
                rows=rows,
                widths=(1.0,) + (2.2,) * len(columns),
                notes=notes,
            )
        return slides

    def _cluster_overview(self, notes: str) -> list[Slide]:
        """The cluster's overall verdict and its inequality first, then each goal's; each
        with the count behind it."""
        lang = self.lang
        assert self.cluster is not None
        code = self.cluster.code
        rows = []
        overall = (
            self.report.track_area.get((self.sel.track, code))
            if self.sel.track
            else self.report.cluster.get(code)
        )
        unequal = self._inequality_of(code, self.sel.track)
        for name, what, combined in (
            (t("report.col.all", lang), t("report.overview.cluster.all", lang), overall),
            (
                t("status.message.inequality", lang),
                t("report.overview.cluster.gaps", lang),
                unequal,
            ),
        ):
            if combined is not None:
                rows.append(
                    (TableCell(name, bold=True), TableCell(what), _status_cell(combined, lang))
                )
        for track in self.cat.tracks:
            goals = [g for g in self._goals_in_scope() if g.track_id == track.id]
            for i, goal in enumerate(goals):
                rollup = self.report.goal_area.get((goal.code, code))
                rows.append(
                    (
                        TableCell(name_of(track, lang) if i == 0 else "", bold=True),
                        TableCell(name_of(goal, lang, "title"), detail=goal.code),
                        _status_cell(rollup, lang),
                    )
                )
        # rows of two short lines: the whole cluster on one slide, squeezed when need be
        return self._table_slides(
            kind="overview",
            key="overview",
            title=t("report.overview.cluster.title", lang, cluster=name_of(self.cluster, lang)),
            subtitle=t("report.overview.cluster.subtitle", lang),
            columns=[
                t("report.col.track", lang),
                t("report.col.goal", lang),
                t("report.col.status", lang),
            ],
            rows=rows,
            widths=(0.9, 2.45, 2.45),
            notes=notes,
            per_slide=10,
            lines_down=_LINES_SQUEEZED,
        )

    def _table_slides(
        self,
        *,
        kind: SlideKind,
        key: str,
        title: str,
        subtitle: str,
        columns: Sequence[str],
        rows: Sequence[tuple[TableCell, ...]],
        widths: Sequence[float],
        notes: str,
        footer: str | None = None,
        per_slide: int = ROWS_PER_SLIDE,
        lines_down: float = _LINES_DOWN,
    ) -> list[Slide]:
        """One table, continued on as many slides as it needs."""
        pages = split_table(title, rows, per_slide, self.lang, widths, lines_down)
        return [
            Slide(
                kind=kind,
                key=key if len(pages) == 1 else f"{key}-{i + 1}",
                title=page_title,
                subtitle=subtitle,
                table=Table(columns=tuple(columns), rows=tuple(page), widths=tuple(widths)),
                notes=notes,
                footer=footer or self._footer(),
            )
            for i, (page_title, page) in enumerate(pages)
        ]

    def _goal(self, goal: Goal) -> list[Slide]:
        lang = self.lang
        rows = [r for r in self.rows if r.goal == goal.code]
        track = next((tr for tr in self.cat.tracks if tr.id == goal.track_id), None)
        owner = next((s for s in self.cat.steering_groups if s.id == goal.steering_group_id), None)
        title = t("report.goal.title", lang, code=goal.code, title=name_of(goal, lang, "title"))
        subtitle = t(
            "report.goal.subtitle",
            lang,
            track=name_of(track, lang) if track else "",
            owner=name_of(owner, lang) if owner else "",
        )
        notes = self._goal_notes(goal, rows)
        footer = self._footer(self._source_of(rows), _latest(r.latest_period for r in rows))
        criteria = list(dict.fromkeys(r.criterion for r in rows))
        by_key = {(r.criterion, r.area): r for r in rows}
        if self.cluster is not None:
            table_rows = []
            for row in rows:
                text = (
                    row.criterion_text
                    if row.area == self.cluster.code
                    else f"{row.area_name}: {row.criterion_text}"
                )
                table_rows.append(
                    (
                        TableCell(text, detail=row.criterion),
                        TableCell(
                            _value(row.base_value, row, lang),
                            detail=period_label(row.base_period, lang) if row.base_period else "",
                        ),
                        TableCell(
                            _value(row.latest_value, row, lang),
                            detail=period_label(row.latest_period, lang)
                            if row.latest_period
                            else "",
                        ),
                        TableCell(
                            _value(row.target, row, lang),
                            detail=period_label(row.target_period, lang)
                            if row.target_period
                            else "",
                        ),
                        _status_cell(row, lang),
                    )
                )
            columns = [
                t(f"report.col.{c}", lang)
                for c in ("criterion", "base", "latest", "target", "status")
            ]
            return self._table_slides(
                kind="goal",
                key=f"goal-{goal.code}",
                title=title,
                subtitle=subtitle,
                columns=columns,
                rows=table_rows,
                widths=(3.6, 1.1, 1.1, 1.1, 1.5),
                notes=notes,
                footer=footer,
                per_slide=4,
            )
        areas = [a for a in self.clusters if any(r.area == a.code for r in rows)]
        areas += [
            self.cat.area(code)
            for code in dict.fromkeys(r.area for r in rows)
            if code not in {a.code for a in areas} and self.cat.area(code) is not None
        ]
        slides = []
        area_pages = _chunks(areas, AREAS_PER_SLIDE)
        for p, page in enumerate(area_pages):
            table_rows = []
            for code in criteria:
                first = next(r for r in rows if r.criterion == code)
                cells = [TableCell(first.criterion_text, detail=code)]
                for area in page:
                    row = by_key.get((code, area.code))
                    cells.append(
                        _status_cell(row, lang, _value(row.latest_value, row, lang) if row else "")
                    )
                table_rows.append(tuple(cells))
            key = f"goal-{goal.code}" if len(area_pages) == 1 else f"goal-{goal.code}-{p + 1}"
            slides += self._table_slides(
                kind="goal",
                key=key,
                title=title,
                subtitle=subtitle,
                columns=[t("report.col.criterion", lang)] + [name_of(a, lang) for a in page],
                rows=table_rows,
                widths=(2.6,) + (1.0,) * len(page),
                notes=notes,
                footer=footer,
                per_slide=4,
            )
        if len(slides) > 1:
            for i, slide in enumerate(slides):
                slide.title = t("report.page", lang, title=title, i=i + 1, n=len(slides))
        return slides

    def _goal_notes(self, goal: Goal, rows: list[StatusRow]) -> str:
        lang = self.lang
        parts = [t("report.notes.why", lang)]
        for code in dict.fromkeys(r.criterion for r in rows):
            crit_rows = [r for r in rows if r.criterion == code]
            parts.append(f"\n{code}: {crit_rows[0].criterion_text}")
            parts += self._reasons(crit_rows)
        areas = [self.cluster.code] if self.cluster is not None else [a.code for a in self.clusters]
        assessments = [
            self.assessments[(goal.code, a)] for a in areas if (goal.code, a) in self.assessments
        ]
        if assessments:
            parts.append("")
            for item in assessments:
                light = (
                    t(f"workbook.light.{item.light}", lang)
                    if item.light in LIGHT_WORDS
                    else item.light
                )
                parts.append(
                    t(
                        "report.goal.notes.assessment",
                        lang,
                        period=period_label(item.period, lang),
                        area=item.area_name,
                        light=light,
                        text=item.text,
                    ).strip()
                )
        return "\n".join(parts)

    def _criteria(self, goal: Goal) -> list[Slide]:
        slides = []
        for info in self.cat.criteria_of_goal(goal):
            mine = [r for r in self.rows if r.criterion == info.code]
            if not mine:
                continue
            everyone = [r for r in self.report.rows if r.criterion == info.code]
            slides.append(self._criterion_slide(info, mine, everyone))
        return slides

    def _criterion_slide(
        self, info: CriterionInfo, mine: list[StatusRow], everyone: list[StatusRow]
    ) -> Slide:
        lang = self.lang
        first = mine[0]
        # one line per cluster (all of them, so the selected one is seen among its peers)
        chart_rows = [r for r in everyone if r.area in {a.code for a in self.clusters}] or mine
        frame_rows = []
        for row in chart_rows:
            for period, value, lower, upper in row.points:
                frame_rows.append(
                    {
                        "series": row.area_name,
                        "period": period.code,
                        "value": value,
                        "lower": lower,
                        "upper": upper,
                    }
                )
        highlight = None
        target_value = baseline_value = None
        target_period = first.target_period
        if self.cluster is not None:
            own = next((r for r in mine if r.area == self.cluster.code), first)
            highlight, target_value, baseline_value = own.area_name, own.target, own.base_value
        else:
            targets = {round(r.target, 9) for r in chart_rows if r.target is not None}
            if len(targets) == 1 and first.target_type == str(TargetType.ABSOLUTE):
                target_value = first.target
        each = (
            target_value is None
            and target_period is not None
            and any(r.target is not None for r in chart_rows)
        )
        if each and frame_rows:
            # the axis reaches the target period: an empty point there is a gap, never a line
            for row in chart_rows:
                frame_rows.append(
                    {
                        "series": row.area_name,
                        "period": target_period,
                        "value": None,
                        "lower": None,
                        "upper": None,
                    }
                )
        frame = pd.DataFrame(frame_rows, columns=["series", "period", "value", "lower", "upper"])
        colours = self.colours

        def chart() -> go.Figure:
            figure = charts.criterion_chart(
                frame,
                baseline_period=first.baseline_period,
                target_value=target_value,
                target_period=target_period,
                unit=first.unit,
                decimals=first.decimals,
                title="",
                lang=lang,
                baseline_value=baseline_value,
                highlight=highlight,
                colours=colours,
            )
            if each and frame_rows:
                _add_target_markers(figure, chart_rows, target_period, colours, lang)
            return figure

        title = t(
            "report.criterion.title", lang, indicator=first.indicator_name, subject=first.subject
        )
        revision = info.revision_on(self.when)
        indicator = self.cat.indicators[revision.indicator_id]
        target = target_text(revision, first.unit, first.decimals, lang)
        subtitle = f"{first.criterion} · {first.criterion_text}"
        notes = "\n".join(
            [
                f"{first.criterion}: {first.criterion_text}",
                f"{t('ui.facts.target', lang)}: {target}",
                "",
                t("report.notes.why", lang),
                *self._reasons(mine),
            ]
        )
        return Slide(
            kind="criterion",
            key=f"criterion-{first.criterion}",
            title=title,
            subtitle=subtitle,
            chart=chart,
            notes=notes,
            footer=self._footer(indicator.source, _latest(r.latest_period for r in mine)),
        )

    def _inequality(self, track: Any, goals: list[Goal]) -> list[Slide]:
        """A slide per gap (inequality) criterion: the gap before → after with its
        uncertainty and the reasoning – for a cluster its chart, for several clusters a table."""
        slides = []
        goal_ids = {g.id for g in goals}
        for info in self.cat.criteria:
            if info.goal.id not in goal_ids:
                continue
            revision = info.revision_on(self.when)
            if not revision.is_gap:
                continue
            rows = [r for r in self.rows if r.criterion == info.code]
            if not rows:
                continue
            own = (
                next((r for r in rows if r.area == self.cluster.code), None)
                if self.cluster is not None
                else None
            )
            if own is not None:
                slides.append(self._gap_slide(info, revision, own, rows))
            else:
                slides.append(self._gap_table_slide(info, revision, rows))
        return slides

    def _gap_title(self, info: CriterionInfo, revision: Any) -> str:
        lang = self.lang
        a = self.cat.groups.get(revision.gap_group_a_id)
        dimension = (
            _dimension_name(a, lang) if a is not None else t("report.inequality.groups", lang)
        )
        indicator = self.cat.indicators[revision.indicator_id]
        return t(
            "report.inequality.title",
            lang,
            indicator=name_of(indicator, lang),
            dimension=dimension.lower(),
        )

    def _gap_notes(self, info: CriterionInfo, revision: Any, rows: list[StatusRow]) -> str:
        lang = self.lang
        return "\n".join(
            [
                f"{info.code}: {name_of(revision, lang, 'text')}",
                "",
                t("report.notes.why", lang),
                *self._reasons(rows),
            ]
        )

    def _gap_slide(
        self, info: CriterionInfo, revision: Any, own: StatusRow, rows: list[StatusRow]
    ) -> Slide:
        """One area's gap before → after (charts.gap_change_chart) beside its reasoning."""
        lang = self.lang

        def chart() -> go.Figure:
            figure = charts.gap_change_chart(own, lang=lang, title="")
            # the slide's title names the indicator and area; the groups stay over the plot
            figure.update_layout(margin={"t": max(figure.layout.margin.t or 0, GAP_CHART_TOP)})
            return figure

        indicator = self.cat.indicators[revision.indicator_id]
        return Slide(
            kind="inequality",
            key=f"inequality-{info.code}",
            title=self._gap_title(info, revision),
            subtitle=t(
                "report.inequality.subtitle",
                lang,
                area=own.area_name,
                criterion=name_of(revision, lang, "text"),
            ),
            chart=chart,
            text=own.reason_text,
            notes=self._gap_notes(info, revision, rows),
            footer=self._footer(indicator.source, _latest(r.latest_period for r in rows)),
        )

    def _gap_table_slide(self, info: CriterionInfo, revision: Any, rows: list[StatusRow]) -> Slide:
        """Every cluster's gap before → after, with 95 % intervals, the change a year, what is
        needed a year, and the verdict; under the table the clusters' combined verdict."""
        lang = self.lang
        order = {a.code: i for i, a in enumerate(self.clusters)}
        rows = sorted(rows, key=lambda r: (order.get(r.area, len(order)), r.area_name))
        table_rows = []
        for row in rows:
            table_rows.append(
                (
                    TableCell(row.area_name, bold=True),
                    self._gap_value(row, row.base_value, row.base_period, row.base_lower,
                                    row.base_upper),
                    self._gap_value(row, row.latest_value, row.latest_period, row.latest_lower,
                                    row.latest_upper),
                    TableCell(
                        format_change(row.change_per_year, row),
                        detail=t(
                            "report.gap.needed",
                            lang,
                            needed=format_change(row.needed_per_year, row),
                        )
                        if row.needed_per_year is not None
                        else "",
                    ),
                    _status_cell(row, lang),
                )
            )  # fmt: skip
        combined = combine_rows(rows)
        indicator = self.cat.indicators[revision.indicator_id]
        subject = rows[0].subject
        return Slide(
            kind="inequality",
            key=f"inequality-{info.code}",
            title=self._gap_title(info, revision),
            subtitle=t(
                "report.inequality.subtitle",
                lang,
                area=subject,
                criterion=name_of(revision, lang, "text"),
            ),
            table=Table(
                columns=tuple(
                    t(f"report.col.{c}", lang)
                    for c in ("cluster", "gap_before", "gap_after", "change", "status")
                ),
                rows=tuple(table_rows),
                widths=(1.15, 1.6, 1.6, 1.95, 1.7),
            ),
            text=t(
                "report.gap.combined",
                lang,
                status=status_label(combined.status, lang),
                support=support_text(combined, lang),
            ),
            verdict=combined.status,
            notes=self._gap_notes(info, revision, rows),
            footer=self._footer(indicator.source, _latest(r.latest_period for r in rows)),
        )

    def _gap_value(
        self,
        row: StatusRow,
        value: float | None,
        period: str | None,
        lower: float | None,
        upper: float | None,
    ) -> TableCell:
        """'15,4 procentpoint' over '2017 · 95 %: 12,6–18,2'."""
        lang = self.lang
        if value is None:
            return TableCell("–")
        when = period_label(period, lang) if period else "–"
        if lower is not None and upper is not None:
            interval = t(
                "report.gap.interval",
                lang,
                lower=format_number(lower, row.decimals, lang).replace("-", "−"),
                upper=format_number(upper, row.decimals, lang).replace("-", "−"),
            )
            when = f"{when} · {interval}"
        return TableCell(_value(value, row, lang), detail=when)

    def _initiatives(self, track: Any, goals: list[Goal]) -> list[Slide]:
        lang = self.lang
        codes = [g.code for g in goals]
        areas = self._area_codes()
        items = [
            i
            for i in self.initiatives
            if i.goal in codes
            and (areas is None or i.area in areas)
            and (self.sel.goal is None or i.goal == self.sel.goal)
        ]
        if not items:
            return []
        order = {code: n for n, code in enumerate(codes)}
        items.sort(key=lambda i: (order[i.goal], i.name, i.area))
        scope = name_of(track, lang) if self.sel.goal is None else self.sel.goal
        if self.cluster is not None:
            scope = f"{name_of(self.cluster, lang)} · {scope}"
        problems = list(
            dict.fromkeys(
                f"{i.name} ({i.area_name})" for i in items if i.status in ("delayed", "stopped")
            )
        )
        notes = (
            t("report.initiatives.notes", lang, names="; ".join(problems))
            if problems
            else t("report.initiatives.notes.none", lang)
        )
        if self.cluster is not None:
            rows = []
            for item in items:
                milestone = item.next_milestone or ""
                if item.milestone_date:
                    milestone = f"{milestone} ({item.milestone_date.isoformat()})".strip()
                rows.append(
                    (
                        TableCell(item.name, detail=item.goal),
                        _initiative_cell(item.status, lang),
                        TableCell(milestone or "–"),
                        TableCell(item.responsible or "–"),
                    )
                )
            columns = [
                t(f"report.col.{c}", lang)
                for c in ("initiative", "status", "milestone", "responsible")
            ]
            widths: tuple[float, ...] = (2.4, 1.2, 2.0, 1.4)
        else:
            clusters = [a for a in self.clusters if any(i.area == a.code for i in items)]
            by_key = {(i.goal, i.name, i.area): i for i in items}
            rows = []
            for goal_code, name in dict.fromkeys((i.goal, i.name) for i in items):
                cells = [TableCell(name, detail=goal_code)]
                for area in clusters:
                    item = by_key.get((goal_code, name, area.code))
                    cells.append(
                        _initiative_cell(item.status, lang)
                        if item
                        else TableCell(t("report.cell.empty", lang))
                    )
                rows.append(tuple(cells))
            columns = [t("report.col.initiative", lang)] + [name_of(a, lang) for a in clusters]
            widths = (2.4,) + (1.0,) * len(clusters)
        return self._table_slides(
            kind="initiatives",
            key=f"initiatives-{self.sel.goal or track.code}",
            title=t("report.initiatives.title", lang, scope=scope),
            subtitle=t("report.initiatives.subtitle", lang),
            columns=columns,
            rows=rows,
            widths=widths,
            notes=notes,
            footer=self._footer(t("report.source.default", lang)),
            per_slide=6,
        )

    def _method(self) -> list[Slide]:
        """The legend (every verdict, best first, and the one roll-up rule) and the method."""
        lang = self.lang
        rows = []
        for verdict in VERDICTS:
            style = STATUS_STYLE[verdict]
            cell = TableCell(
                status_label(verdict, lang),
                fill=style.colour,
                status=verdict,
                bold=True,
                icon=style.icon,
                ink=style.ink,
            )
            rows.append((cell, TableCell(t(f"report.method.meaning.{verdict}", lang))))
        footer = self._footer(t("report.source.method", lang), None)
        rule = t("status.rollup.rule", lang)
        statuses = Slide(
            kind="method",
            key="method-statuses",
            title=t("report.method.title", lang),
            subtitle=t("report.method.statuses.subtitle", lang),
            table=Table(
                columns=(t("report.col.status", lang), t("report.col.meaning", lang)),
                rows=tuple(rows),
                widths=(1.0, 2.6),
            ),
            text=rule,
            notes="\n".join(
                [
                    *(
                        f"{status_label(v, lang)}: {t(f'report.method.meaning.{v}', lang)}"
                        for v in VERDICTS
                    ),
                    "",
                    rule,
                ]
            ),
            footer=footer,
        )
        bullets = [
            t(f"report.method.{k}", lang)
            for k in ("rate", "ratio", "certainty", "relative", "gap", "rollup", "comparison")
        ]
        how = Slide(
            kind="method",
            key="method-how",
            title=t("report.method.how.title", lang),
            subtitle=t("report.method.how.subtitle", lang),
            bullets=bullets,
            notes="\n".join(bullets),
            footer=footer,
        )
        return [statuses, how]


def _initiative_cell(status: str, lang: str) -> TableCell:
    style = INITIATIVE_STYLE.get(status, INITIATIVE_STYLE["not_started"])
    key = f"workbook.initiative.{status}"
    label = t(key, lang) if status in INITIATIVE_STYLE else status
    return TableCell(
        label, fill=style.colour, status=status, bold=True, icon=style.icon, ink=style.ink
    )


def _dimension_name(group: BreakdownGroup, lang: str) -> str:
    """'Uddannelse' (Danish) or 'Education' (from the English group name 'Education: …')."""
    if language(lang) == "en" and group.name_en and ":" in group.name_en:
        return group.name_en.split(":", 1)[0].strip()
    return group.dimension or t("report.inequality.groups", lang)


def _add_target_markers(
    fig: go.Figure, rows: list[StatusRow], target_period: str, colours: dict[str, str], lang: str
) -> None:
    """Each cluster's own target (a relative target differs by baseline) as a diamond."""
    period = parse_period(target_period)
    shown = [r for r in rows if r.target is not None]
    fig.add_trace(
        go.Scatter(
            x=[period.years] * len(shown),
            y=[r.target for r in shown],
            mode="markers",
            name=t("report.criterion.target_each", lang, period=period_label(period.code, lang)),
            marker={
                "symbol": "diamond",
                "size": 16,
                "color": [colours.get(r.area_name, charts.PALETTE[0]) for r in shown],
                "line": {"color": charts.NEUTRALS[0], "width": 2},
            },
            hovertext=[
                t(
                    "report.criterion.target_of",
                    lang,
                    area=r.area_name,
                    value=_value(r.target, r, lang),
                )
                for r in shown
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            legendrank=950,
        )
    )


# --- figures for a screen or a slide ---------------------------------------------------------


def presentation_figure(
    fig: go.Figure, *, height: int, width: int | None = None, font_scale: float = 1.4
) -> go.Figure:
    """A copy of `fig` with every font `font_scale` times larger and the given size, for a
    shared screen or a slide (the style of goals.present.charts is made for a laptop screen)."""
    out = go.Figure(fig)
    layout = out.layout

    def scale(font: Any, default: float) -> None:
        font.size = math.ceil((font.size or default) * font_scale)

    base = layout.font.size or charts.FONT_SIZE
    scale(layout.font, charts.FONT_SIZE)
    scale(layout.legend.font, base)
    scale(layout.hoverlabel.font, base)
    for name in dir(layout):
        if name.startswith(("xaxis", "yaxis")):
            axis = getattr(layout, name, None)
            if axis is None or not hasattr(axis, "tickfont"):
                continue
            scale(axis.tickfont, base)
            scale(axis.title.font, base)
    for annotation in layout.annotations:
        scale(annotation.font, base)
    margin = layout.margin
    out.update_layout(
        height=height,
        width=width,
        margin={
            "l": math.ceil((margin.l or 24) * font_scale),
            "r": math.ceil((margin.r or 24) * font_scale),
            "t": math.ceil((margin.t or 24) * font_scale),
            "b": math.ceil((margin.b or 24) * font_scale),
        },
    )
    for trace in out.data:
        marker = getattr(trace, "marker", None)
        if marker is not None and isinstance(marker.size, (int, float)):
            marker.size = marker.size * min(font_scale, 1.3)
    return out
