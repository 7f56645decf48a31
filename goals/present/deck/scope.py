"""What every slide family needs to know about the selection: the `Scope` of a deck – the
report's rows in it, its name, the clusters and their chart colours, the footers and reasoning
texts, the roll-ups it names, and the steering groups' initiatives and assessments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session

from goals.catalogue import Catalogue
from goals.catalogue.words import period_label
from goals.i18n import format_number, name_of, t
from goals.periods import Period, parse_period
from goals.present import charts
from goals.present.deck.cells import badge
from goals.present.deck.model import (
    LINES_DOWN,
    ROWS_PER_SLIDE,
    Selection,
    Slide,
    SlideKind,
    Table,
    TableCell,
    split_table,
)
from goals.present.deck.reported import (
    AssessmentItem,
    InitiativeItem,
    current_assessments,
    current_initiatives,
)
from goals.status import StatusReport, StatusRow, combine_rows, support_text
from goals.status.verdicts import Combined
from goals.store.model import Goal


def _end(period: Period) -> float:
    return period.years + 1 / period.frequency.per_year


def latest(codes: Iterable[str | None]) -> str | None:
    """The period (code) that ends last; at the same end, the coarser one."""
    periods = [parse_period(c) for c in codes if c]
    return max(periods, key=lambda p: (_end(p), -p.frequency.per_year)).code if periods else None


class Scope:
    """A resolved selection of a report, in one language: what the slides are about."""

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
        self.catalogue = catalogue
        self.selection = selection
        self.lang = lang
        self.cutoff = parse_period(as_of) if as_of else None
        self.when = report.revision_date
        self.tracks = {tr.code: tr for tr in catalogue.tracks}
        self.goals = {g.code: g for g in catalogue.goals}
        self.cluster = catalogue.area(selection.cluster) if selection.cluster else None
        self.rows = self._rows_in_scope()
        self.period = as_of or latest(r.latest_period for r in self.rows)
        clusters = [a for a in catalogue.clusters if a.code in {r.area for r in report.rows}]
        # every cluster keeps its colour from chart to chart
        self.colours = {
            name_of(a, lang): charts.PALETTE[i % len(charts.PALETTE)]
            for i, a in enumerate(clusters)
        }
        self.clusters = clusters
        self.sources = catalogue.indicator_sources(lang)
        self.initiatives: list[InitiativeItem] = []
        self.assessments: dict[tuple[str, str], AssessmentItem] = {}
        if session is not None:
            self.initiatives = current_initiatives(session, catalogue, lang)
            self.assessments = current_assessments(session, catalogue, as_of=self.cutoff, lang=lang)

    # what is in scope ---------------------------------------------------------------------------

    def area_codes(self) -> set[str] | None:
        """The selected cluster and its members (None: every area)."""
        if self.cluster is None:
            return None
        return {self.cluster.code} | {
            a.code for a in self.catalogue.members(self.cluster, self.when)
        }

    def initiatives_of(self, goals: list[Goal]) -> list[InitiativeItem]:
        """The initiatives of `goals` in the selection (its cluster and members, its goal)."""
        codes = {g.code for g in goals}
        areas = self.area_codes()
        goal = self.selection.goal
        return [
            i
            for i in self.initiatives
            if i.goal in codes
            and (areas is None or i.area in areas)
            and (goal is None or i.goal == goal)
        ]

    def _rows_in_scope(self) -> list[StatusRow]:
        areas = self.area_codes()
        return [
            r
            for r in self.report.rows
            if (areas is None or r.area in areas)
            and (self.selection.track is None or r.track == self.selection.track)
            and (self.selection.goal is None or r.goal == self.selection.goal)
        ]

    def goals_in_scope(self) -> list[Goal]:
        present = {r.goal for r in self.rows}
        return [g for g in self.catalogue.goals if g.code in present]

    def cluster_codes(self) -> set[str]:
        return {a.code for a in self.clusters}

    def name(self) -> str:
        """The selection in words: a goal, or a cluster and/or a track, or the full status."""
        if self.selection.goal:
            goal = self.goals[self.selection.goal]
            return t("report.scope.goal", self.lang, name=name_of(goal, self.lang, "title"))
        parts = []
        if self.cluster is not None:
            parts.append(
                t("report.scope.cluster", self.lang, name=name_of(self.cluster, self.lang))
            )
        if self.selection.track:
            parts.append(
                t(
                    "report.scope.track",
                    self.lang,
                    name=name_of(self.tracks[self.selection.track], self.lang),
                )
            )
        return " · ".join(parts) or t("report.scope.full", self.lang)

    # texts --------------------------------------------------------------------------------------

    def footer(self, source: str | None = None, period: str | None = None) -> str:
        source = source or t("report.source.default", self.lang)
        period = period or self.period
        if period is None:
            return t("report.footer.no_period", self.lang, source=source)
        return t("report.footer", self.lang, source=source, period=period_label(period, self.lang))

    def source_of(self, rows: Iterable[StatusRow]) -> str | None:
        sources = list(
            dict.fromkeys(self.sources[r.indicator] for r in rows if r.indicator in self.sources)
        )
        return "; ".join(sources) or None

    def reasons(self, rows: Iterable[StatusRow]) -> list[str]:
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

    def rule_notes(self) -> str:
        lang = self.lang
        return t("status.rollup.rule", lang) + "\n\n" + t("report.overview.notes", lang)

    def overall_line(self, name: str, combined: Combined) -> str:
        """'Samlet status: ≈ Ingen sikker ændring – 40 af 55 succeskriterier er …'."""
        return t(
            "report.title.rollup",
            self.lang,
            name=name,
            status=badge(combined.status, self.lang),
            support=support_text(combined, self.lang),
        )

    # roll-ups -----------------------------------------------------------------------------------

    def inequality_of(self, area: str | None, track: str | None = None) -> Combined | None:
        """The gap (inequality) criteria combined: in one area (None: every cluster), of one
        track or of all; None when there are none."""
        if track is None:
            found = self.report.inequality.get(area) if area else self.report.region_inequality
            return found if found is not None and found.n else None
        areas = {area} if area else self.cluster_codes()
        rows = [r for r in self.report.rows if r.gap and r.track == track and r.area in areas]
        return combine_rows(rows) if rows else None

    def goal_in_region(self, goal: str) -> Combined | None:
        rows = [r for r in self.report.rows if r.goal == goal and r.area in self.cluster_codes()]
        return combine_rows(rows) if rows else None

    def rollups(self) -> list[tuple[str, Combined | None]]:
        """The selection's overall verdict and its inequality verdict, named."""
        lang = self.lang
        selection = self.selection
        cluster = self.cluster.code if self.cluster is not None else None
        overall: Combined | None = None
        if selection.scope == "full":
            overall = self.report.region if self.report.region.n else None
        elif selection.scope == "cluster" and cluster is not None:
            overall = self.report.cluster.get(cluster)
        elif selection.scope == "track" and selection.track:
            overall = (
                self.report.track_area.get((selection.track, cluster))
                if cluster is not None
                else self.report.region_track.get(selection.track)
            )
        elif selection.scope == "goal" and selection.goal:
            overall = (
                self.report.goal_area.get((selection.goal, cluster))
                if cluster is not None
                else self.goal_in_region(selection.goal)
            )
        unequal = None if selection.goal else self.inequality_of(cluster, selection.track)
        return [
            (t("report.title.overall", lang), overall),
            (t("status.message.inequality", lang), unequal),
        ]

    # slides -------------------------------------------------------------------------------------

    def table_slides(
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
        lines_down: float = LINES_DOWN,
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
                footer=footer or self.footer(),
            )
            for i, (page_title, page) in enumerate(pages)
        ]
