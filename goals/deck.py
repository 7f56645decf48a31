"""A presentation deck built from a selection of the status: the one source of both the
Præsentation page and the PowerPoint status report, so the two never disagree.

`build_deck` turns a `StatusReport` (goals.status) and a `Selection` (a cluster, a track, a goal
or everything) into a `Deck`: a list of `Slide`, each with a title, one plotly figure *or* one
status table, the reasoning behind each status as speaker notes, and a footer with the source
and the period the data run to. The deck holds no rendering decisions beyond that: the page
draws tables as HTML and charts with plotly.js; goals.export.pptx draws tables as native
PowerPoint tables and charts as PNG images. `presentation_figure` scales a chart's fonts for a
shared screen or a slide.
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

from goals import charts, reports
from goals.catalogue import Catalogue, CriterionInfo
from goals.describe import period_label, target_text
from goals.i18n import format_number, language, name_of, t
from goals.model import (
    Area,
    AreaKind,
    BreakdownGroup,
    Goal,
    TargetType,
)
from goals.observations import current_values
from goals.periods import Period, parse_period
from goals.progress import RollUp
from goals.status import STATUS_STYLE, StatusReport, StatusRow, StatusStyle, status_label
from goals.store import read_session

__all__ = [
    "INITIATIVE_STYLE",
    "Cell",
    "Deck",
    "InitiativeItem",
    "Selection",
    "Slide",
    "Table",
    "UnknownSelection",
    "build_deck",
    "current_initiatives",
    "presentation_figure",
    "resolve_selection",
    "split_table",
]

SlideKind = Literal["title", "overview", "goal", "criterion", "inequality", "initiatives", "method"]

#: Initiative statuses in the status palette (icon and words carry the meaning too).
INITIATIVE_STYLE: dict[str, StatusStyle] = {
    "completed": StatusStyle("#009E73", "✔"),
    "in_progress": StatusStyle("#56B4E9", "▶"),
    "not_started": StatusStyle("#D9D9D9", "○"),
    "delayed": StatusStyle("#E69F00", "!"),
    "stopped": StatusStyle("#D55E00", "■"),
}
LIGHT_WORDS = ("green", "yellow", "red")

#: Rows of a table per slide, before it continues on the next slide ("(2/3)" in the title).
ROWS_PER_SLIDE = 7
#: Area columns per slide in a criteria × areas table.
AREAS_PER_SLIDE = 6


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
class Cell:
    """One table cell: text, an optional second line and, for a status, its colour."""

    text: str
    detail: str = ""
    fill: str | None = None  # background colour (hex), for status cells
    status: str | None = None  # STATUS_STYLE / INITIATIVE_STYLE key when the cell is a status
    bold: bool = False
    icon: str = ""  # the status symbol, shown before the text

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
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] = ()

    def column_widths(self) -> tuple[float, ...]:
        widths = self.widths or (1.0,) * len(self.columns)
        total = sum(widths)
        return tuple(w / total for w in widths)


@dataclass
class Slide:
    kind: SlideKind
    key: str  # stable and file-name safe: 'goal-KOL-1', 'criterion-KOL-1-A-2'
    title: str
    subtitle: str = ""
    chart: Callable[[], go.Figure] | None = field(default=None, repr=False)
    table: Table | None = None
    bullets: list[str] = field(default_factory=list)
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
    """The initiatives as last reported (goals.reports), with the area's name for slides."""
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
        for item in reports.current_initiatives(session=session, catalogue=catalogue)
    ]


def current_assessments(
    session: Session, catalogue: Catalogue, *, as_of: Period | None = None, lang: str = "da"
) -> dict[tuple[str, str], AssessmentItem]:
    """(goal, area) → the steering group's newest assessment up to `as_of` (goals.reports)."""
    found = reports.current_assessments(
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
    """The deck for a selection: title, overview, a slide per goal (and a chart per criterion),
    an inequality slide per track, the initiatives and the method appendix.

    `report` should cover every cluster (charts compare the selected cluster with the others).
    Initiatives, assessments and the groups of the inequality charts are read from the store
    through `session` or `engine`; without either those slides are left out.
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


def _status_cell(rollup_or_row: RollUp | StatusRow | None, lang: str, detail: str = "") -> Cell:
    if rollup_or_row is None:
        return Cell(t("report.cell.empty", lang))
    status = rollup_or_row.status
    style = STATUS_STYLE.get(status, STATUS_STYLE["not_available"])
    return Cell(
        status_label(status, lang),
        detail=detail,
        fill=style.colour,
        status=status,
        bold=True,
        icon=style.icon,
    )


def _counts(rollup: RollUp, lang: str) -> str:
    good = rollup.counts.get("target_achieved", 0) + rollup.counts.get("on_track", 0)
    return t("ui.status.counts", lang, good=good, n=rollup.n)


def _value(value: float | None, row: StatusRow, lang: str) -> str:
    if value is None:
        return "–"
    return f"{format_number(value, row.decimals, lang)} {row.unit}".strip()


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


#: What a slide's table may fill, for splitting long tables: 14-point lines on a 12.3-inch
#: wide, 5.2-inch high content box (goals.export.pptx), estimated cautiously.
_CHARS_ACROSS = 130
_LINES_DOWN = 22
_ROW_PADDING_LINES = 0.5


def _row_lines(row: Sequence[Cell], widths: Sequence[float]) -> float:
    lines = 1
    for cell, width in zip(row, widths, strict=False):
        per_line = max(6, int(_CHARS_ACROSS * width) - 2)
        count = sum(max(1, math.ceil(len(x) / per_line)) for x in cell.lines) if cell.lines else 1
        lines = max(lines, count)
    return lines + _ROW_PADDING_LINES


def split_table(
    title: str,
    rows: Sequence[tuple[Cell, ...]],
    per_slide: int,
    lang: str = "da",
    widths: Sequence[float] = (),
) -> list[tuple[str, Sequence[tuple[Cell, ...]]]]:
    """A table's rows in slide-sized pages (at most `per_slide` rows, and no more text than a
    slide holds), titled 'Title (2/3)' when there is more than one."""
    n_columns = len(rows[0]) if rows else 0
    total = sum(widths) if widths else 0
    relative = [w / total for w in widths] if total else [1 / max(n_columns, 1)] * n_columns
    pages: list[list[tuple[Cell, ...]]] = [[]]
    used = 0.0
    for row in rows:
        lines = _row_lines(row, relative)
        if pages[-1] and (len(pages[-1]) >= per_slide or used + lines > _LINES_DOWN):
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
        return [f"• {r.area_name}: {r.status_label}. {r.reason_text}" for r in rows]

    # the slides -----------------------------------------------------------------------------

    def build(self, *, include_criteria: bool, today: dt.date) -> Deck:
        slides: list[Slide] = [self._title_slide(today)]
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

    def _title_slide(self, today: dt.date) -> Slide:
        scope = self._scope_name()
        period = period_label(self.period, self.lang) if self.period else "–"
        bullets = [t("report.title.made", self.lang, date=today.isoformat())]
        overall = None
        if self.sel.scope == "full":
            overall = self.report.region if self.report.region.n else None
        elif self.sel.scope == "cluster" and self.cluster is not None:
            overall = self.report.cluster.get(self.cluster.code)
        elif self.sel.scope == "track" and self.sel.track:
            overall = (
                self.report.track_area.get((self.sel.track, self.cluster.code))
                if self.cluster is not None
                else self.report.region_track.get(self.sel.track)
            )
        if overall is not None:
            style = STATUS_STYLE[overall.status]
            bullets.insert(
                0,
                t(
                    "report.title.region",
                    self.lang,
                    status=f"{style.icon} {status_label(overall.status, self.lang)}",
                ),
            )
        return Slide(
            kind="title",
            key="title",
            title=t("report.title", self.lang),
            subtitle=t("report.title.subtitle", self.lang, scope=scope, period=period),
            bullets=bullets,
            notes=t(
                "report.overview.notes",
                self.lang,
                counts=t("ui.status.counts", self.lang, good=3, n=5),
            ),
            footer=self._footer(),
        )

    def _overview(self) -> list[Slide]:
        lang = self.lang
        if self.sel.scope == "goal":
            return []
        notes = t("report.overview.notes", lang, counts=t("ui.status.counts", lang, good=3, n=5))
        if self.cluster is not None:
            return self._cluster_overview(notes)
        if self.sel.track:
            track = self.tracks[self.sel.track]
            goals = self._goals_in_scope()
            columns = (
                [t("report.col.cluster", lang)]
                + [g.code for g in goals]
                + [t("report.col.all", lang)]
            )
            rows = []
            for area in self.clusters:
                cells = [Cell(name_of(area, lang), bold=True)]
                for goal in goals:
                    rollup = self.report.goal_area.get((goal.code, area.code))
                    cells.append(
                        _status_cell(rollup, lang, _counts(rollup, lang) if rollup else "")
                    )
                rollup = self.report.track_area.get((track.code, area.code))
                cells.append(_status_cell(rollup, lang, _counts(rollup, lang) if rollup else ""))
                rows.append(tuple(cells))
            legend = "\n".join(f"{g.code}: {name_of(g, lang, 'title')}" for g in goals)
            return self._table_slides(
                kind="overview",
                key="overview",
                title=t("report.overview.track.title", lang, track=name_of(track, lang)),
                subtitle=t("report.overview.track.subtitle", lang),
                columns=columns,
                rows=rows,
                widths=(1.4,) + (1.0,) * (len(goals) + 1),
                notes=legend + "\n\n" + notes,
            )
        tracks = [tr for tr in self.cat.tracks if tr.code in self.report.region_track]
        columns = (
            [t("report.col.cluster", lang)]
            + [name_of(tr, lang) for tr in tracks]
            + [t("report.col.all", lang)]
        )
        rows = []
        for area in self.clusters:
            cells = [Cell(name_of(area, lang), bold=True)]
            for track in tracks:
                rollup = self.report.track_area.get((track.code, area.code))
                cells.append(_status_cell(rollup, lang, _counts(rollup, lang) if rollup else ""))
            rollup = self.report.cluster.get(area.code)
            cells.append(_status_cell(rollup, lang, _counts(rollup, lang) if rollup else ""))
            rows.append(tuple(cells))
        if self.report.region.n:
            cells = [Cell(t("report.row.region", lang), bold=True)]
            for track in tracks:
                rollup = self.report.region_track.get(track.code)
                cells.append(_status_cell(rollup, lang, _counts(rollup, lang) if rollup else ""))
            cells.append(_status_cell(self.report.region, lang, _counts(self.report.region, lang)))
            rows.append(tuple(cells))
        return self._table_slides(
            kind="overview",
            key="overview",
            title=t("report.overview.title", lang),
            subtitle=t("report.overview.subtitle", lang),
            columns=columns,
            rows=rows,
            widths=(1.3,) + (1.0,) * (len(tracks) + 1),
            notes=notes,
        )

    def _cluster_overview(self, notes: str) -> list[Slide]:
        lang = self.lang
        assert self.cluster is not None
        rows = []
        for track in self.cat.tracks:
            goals = [g for g in self._goals_in_scope() if g.track_id == track.id]
            for i, goal in enumerate(goals):
                rollup = self.report.goal_area.get((goal.code, self.cluster.code))
                rows.append(
                    (
                        Cell(name_of(track, lang) if i == 0 else "", bold=True),
                        Cell(name_of(goal, lang, "title"), detail=goal.code),
                        _status_cell(rollup, lang, _counts(rollup, lang) if rollup else ""),
                    )
                )
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
            widths=(1.2, 2.6, 1.3),
            notes=notes,
        )

    def _table_slides(
        self,
        *,
        kind: SlideKind,
        key: str,
        title: str,
        subtitle: str,
        columns: Sequence[str],
        rows: Sequence[tuple[Cell, ...]],
        widths: Sequence[float],
        notes: str,
        footer: str | None = None,
        per_slide: int = ROWS_PER_SLIDE,
    ) -> list[Slide]:
        """One table, continued on as many slides as it needs."""
        pages = split_table(title, rows, per_slide, self.lang, widths)
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
                        Cell(text, detail=row.criterion),
                        Cell(
                            _value(row.base_value, row, lang),
                            detail=period_label(row.base_period, lang) if row.base_period else "",
                        ),
                        Cell(
                            _value(row.latest_value, row, lang),
                            detail=period_label(row.latest_period, lang)
                            if row.latest_period
                            else "",
                        ),
                        Cell(
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
                cells = [Cell(first.criterion_text, detail=code)]
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
        if self.session is None:
            return []
        area = self.cluster if self.cluster is not None else self.cat.region
        if area is None:
            return []
        slides = []
        goal_ids = {g.id for g in goals}
        for info in self.cat.criteria:
            if info.goal.id not in goal_ids:
                continue
            revision = info.revision_on(self.when)
            if not revision.is_gap:
                continue
            slide = self._inequality_slide(info, revision, area)
            if slide is not None:
                slides.append(slide)
        return slides

    def _inequality_slide(self, info: CriterionInfo, revision: Any, area: Area) -> Slide | None:
        lang = self.lang
        cat = self.cat
        a = cat.groups[revision.gap_group_a_id]
        b = cat.groups[revision.gap_group_b_id]
        dimension = a.dimension
        groups = [g for g in cat.groups.values() if dimension and g.dimension == dimension] or [
            a,
            b,
        ]
        indicator = cat.indicators[revision.indicator_id]
        assert self.session is not None
        values = current_values(
            self.session,
            indicator_ids=[indicator.id],
            area_ids=[area.id],
            group_ids=[g.id for g in groups],
        )
        names = {g.id: name_of(g, lang) for g in groups}
        records = []
        for row in values.itertuples():
            if row.value != row.value:  # NaN: a missing value stays a gap
                continue
            try:
                period = parse_period(row.period)
            except ValueError:
                continue
            if self.cutoff is not None and _end(period) > _end(self.cutoff):
                continue
            records.append(
                {"group": names[row.group_id], "period": period.code, "value": row.value}
            )
        if not records:
            return None
        frame = pd.DataFrame(records)
        present = [names[g.id] for g in groups if names[g.id] in set(frame["group"])]
        if names[a.id] not in present or names[b.id] not in present:
            return None
        rows = [r for r in self.report.rows if r.criterion == info.code]
        own = next((r for r in rows if r.area == area.code), None)
        target_gap = (
            own.target
            if own is not None
            else _gap_target(frame, revision, names[a.id], names[b.id])
        )
        unit = indicator.unit
        gap_unit = t("status.unit.points", lang) if unit.strip() == "%" else unit
        gap_groups = (names[a.id], names[b.id])

        def chart() -> go.Figure:
            figure = charts.inequality_chart(
                frame,
                groups=present,
                gap_groups=gap_groups,
                unit=unit,
                decimals=indicator.decimals,
                title="",
                lang=lang,
                target_gap=target_gap,
                target_period=revision.target_period,
                gap_unit=gap_unit,
            )
            return _wide_panels(figure)

        dimension_name = _dimension_name(a, lang)
        mine = [r for r in self.rows if r.criterion == info.code]
        notes = "\n".join(
            [
                f"{info.code}: {name_of(revision, lang, 'text')}",
                "",
                t("report.notes.why", lang),
                *self._reasons(mine or rows),
            ]
        )
        latest = _latest(records_period for records_period in frame["period"])
        return Slide(
            kind="inequality",
            key=f"inequality-{info.code}",
            title=t(
                "report.inequality.title",
                lang,
                indicator=name_of(indicator, lang),
                dimension=dimension_name.lower(),
            ),
            subtitle=t(
                "report.inequality.subtitle",
                lang,
                area=name_of(area, lang),
                criterion=name_of(revision, lang, "text"),
            ),
            chart=chart,
            notes=notes,
            footer=self._footer(indicator.source, latest),
        )

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
                        Cell(item.name, detail=item.goal),
                        _initiative_cell(item.status, lang),
                        Cell(milestone or "–"),
                        Cell(item.responsible or "–"),
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
                cells = [Cell(name, detail=goal_code)]
                for area in clusters:
                    item = by_key.get((goal_code, name, area.code))
                    cells.append(
                        _initiative_cell(item.status, lang)
                        if item
                        else Cell(t("report.cell.empty", lang))
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
        lang = self.lang
        rows = []
        for status, style in STATUS_STYLE.items():
            rows.append(
                (
                    Cell(
                        status_label(status, lang),
                        fill=style.colour,
                        status=status,
                        bold=True,
                        icon=style.icon,
                    ),
                    Cell(t(f"report.method.meaning.{status}", lang)),
                )
            )
        footer = self._footer(t("report.source.method", lang), None)
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
            notes="\n".join(
                f"{status_label(s, lang)}: {t(f'report.method.meaning.{s}', lang)}"
                for s in STATUS_STYLE
            ),
            footer=footer,
        )
        bullets = [
            t(f"report.method.{k}", lang)
            for k in ("rate", "ratio", "relative", "gap", "rollup", "comparison")
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


def _initiative_cell(status: str, lang: str) -> Cell:
    style = INITIATIVE_STYLE.get(status, INITIATIVE_STYLE["not_started"])
    key = f"workbook.initiative.{status}"
    label = t(key, lang) if status in INITIATIVE_STYLE else status
    return Cell(label, fill=style.colour, status=status, bold=True, icon=style.icon)


def _wide_panels(figure: go.Figure) -> go.Figure:
    """The two panels of the inequality chart on a wide slide: the shared time axis only under
    the lower panel, and room between the panels for its title."""
    figure.update_xaxes(showticklabels=False, ticks="", row=1, col=1)
    figure.update_layout(yaxis={"domain": [0.5, 1.0]}, yaxis2={"domain": [0.0, 0.36]})
    if len(figure.layout.annotations) >= 2:
        figure.layout.annotations[0].update(y=1.0, yanchor="bottom")
        figure.layout.annotations[1].update(y=0.37, yanchor="bottom")
    return figure


def _dimension_name(group: BreakdownGroup, lang: str) -> str:
    """'Uddannelse' (Danish) or 'Education' (from the English group name 'Education: …')."""
    if language(lang) == "en" and group.name_en and ":" in group.name_en:
        return group.name_en.split(":", 1)[0].strip()
    return group.dimension or t("report.inequality.groups", lang)


def _gap_target(frame: pd.DataFrame, revision: Any, a: str, b: str) -> float | None:
    """The target gap from the area's own gap in the baseline period (as goals.status does)."""
    if revision.target_type is None or revision.target_value is None:
        return None
    value = float(revision.target_value)
    if revision.target_type == TargetType.ABSOLUTE:
        return value
    at = frame[frame["period"] == revision.baseline_period].set_index("group")["value"]
    if a not in at or b not in at:
        return None
    base = float(at[a]) - float(at[b])
    return base * (1 + value / 100) if revision.target_type == TargetType.RELATIVE else base + value


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
    shared screen or a slide (the style of goals.charts is made for a laptop screen)."""
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
