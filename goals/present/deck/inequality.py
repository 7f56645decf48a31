"""A slide per gap (inequality) criterion: in a cluster's deck the cluster's gap before → after
with its 95 % uncertainty beside the reasoning; otherwise a table of every cluster's gap before
and now, the change a year, what is needed and the verdict, with the clusters' combined verdict
under it."""

from __future__ import annotations

import plotly.graph_objects as go

from goals.catalogue import CriterionInfo
from goals.catalogue.words import period_label
from goals.i18n import format_number, language, name_of, t
from goals.present import charts
from goals.present.deck.cells import status_cell, value_text
from goals.present.deck.model import Slide, Table, TableCell
from goals.present.deck.scope import Scope, latest
from goals.status import StatusRow, combine_rows, format_change, status_label, support_text
from goals.store.model import BreakdownGroup, CriterionRevision, Goal

#: The top margin (CSS pixels) of a gap chart without its own title: room for the groups and
#: the verdict over the plot.
GAP_CHART_TOP = 140


def inequality_slides(scope: Scope, goals: list[Goal]) -> list[Slide]:
    """A slide per gap (inequality) criterion of `goals`: for a cluster its chart, for several
    clusters a table."""
    slides = []
    goal_ids = {g.id for g in goals}
    for info in scope.catalogue.criteria:
        if info.goal.id not in goal_ids:
            continue
        revision = info.revision_on(scope.when)
        if not revision.is_gap:
            continue
        rows = [r for r in scope.rows if r.criterion == info.code]
        if not rows:
            continue
        own = (
            next((r for r in rows if r.area == scope.cluster.code), None)
            if scope.cluster is not None
            else None
        )
        if own is not None:
            slides.append(_gap_slide(scope, info, revision, own, rows))
        else:
            slides.append(_gap_table_slide(scope, info, revision, rows))
    return slides


def _gap_title(scope: Scope, revision: CriterionRevision) -> str:
    lang = scope.lang
    a = scope.catalogue.groups.get(revision.gap_group_a_id)
    dimension = _dimension_name(a, lang) if a is not None else t("report.inequality.groups", lang)
    indicator = scope.catalogue.indicators[revision.indicator_id]
    return t(
        "report.inequality.title",
        lang,
        indicator=name_of(indicator, lang),
        dimension=dimension.lower(),
    )


def _dimension_name(group: BreakdownGroup, lang: str) -> str:
    """'Uddannelse' (Danish) or 'Education' (from the English group name 'Education: …')."""
    if language(lang) == "en" and group.name_en and ":" in group.name_en:
        return group.name_en.split(":", 1)[0].strip()
    return group.dimension or t("report.inequality.groups", lang)


def _gap_notes(
    scope: Scope, info: CriterionInfo, revision: CriterionRevision, rows: list[StatusRow]
) -> str:
    lang = scope.lang
    return "\n".join(
        [
            f"{info.code}: {name_of(revision, lang, 'text')}",
            "",
            t("report.notes.why", lang),
            *scope.reasons(rows),
        ]
    )


def _gap_slide(
    scope: Scope,
    info: CriterionInfo,
    revision: CriterionRevision,
    own: StatusRow,
    rows: list[StatusRow],
) -> Slide:
    """One area's gap before → after (charts.gap_change_chart) beside its reasoning."""
    lang = scope.lang

    def chart() -> go.Figure:
        figure = charts.gap_change_chart(own, lang=lang, title="")
        # the slide's title names the indicator and area; the groups stay over the plot
        figure.update_layout(margin={"t": max(figure.layout.margin.t or 0, GAP_CHART_TOP)})
        return figure

    indicator = scope.catalogue.indicators[revision.indicator_id]
    return Slide(
        kind="inequality",
        key=f"inequality-{info.code}",
        title=_gap_title(scope, revision),
        subtitle=t(
            "report.inequality.subtitle",
            lang,
            area=own.area_name,
            criterion=name_of(revision, lang, "text"),
        ),
        chart=chart,
        text=own.reason_text,
        notes=_gap_notes(scope, info, revision, rows),
        footer=scope.footer(
            scope.sources.get(indicator.code), latest(r.latest_period for r in rows)
        ),
    )


def _gap_table_slide(
    scope: Scope, info: CriterionInfo, revision: CriterionRevision, rows: list[StatusRow]
) -> Slide:
    """Every cluster's gap before → after, with 95 % intervals, the change a year, what is
    needed a year, and the verdict; under the table the clusters' combined verdict."""
    lang = scope.lang
    order = {a.code: i for i, a in enumerate(scope.clusters)}
    rows = sorted(rows, key=lambda r: (order.get(r.area, len(order)), r.area_name))
    table_rows = [_gap_row(row, lang) for row in rows]
    combined = combine_rows(rows)
    indicator = scope.catalogue.indicators[revision.indicator_id]
    subject = rows[0].subject
    return Slide(
        kind="inequality",
        key=f"inequality-{info.code}",
        title=_gap_title(scope, revision),
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
        notes=_gap_notes(scope, info, revision, rows),
        footer=scope.footer(
            scope.sources.get(indicator.code), latest(r.latest_period for r in rows)
        ),
    )


def _gap_row(row: StatusRow, lang: str) -> tuple[TableCell, ...]:
    """A cluster's gap before and now with their intervals, the change a year over what is
    needed, and the verdict."""
    needed = (
        t("report.gap.needed", lang, needed=format_change(row.needed_per_year, row))
        if row.needed_per_year is not None
        else ""
    )
    return (
        TableCell(row.area_name, bold=True),
        _gap_value(row, row.base_value, row.base_period, row.base_lower, row.base_upper, lang),
        _gap_value(
            row, row.latest_value, row.latest_period, row.latest_lower, row.latest_upper, lang
        ),
        TableCell(format_change(row.change_per_year, row), detail=needed),
        status_cell(row, lang),
    )


def _gap_value(
    row: StatusRow,
    value: float | None,
    period: str | None,
    lower: float | None,
    upper: float | None,
    lang: str,
) -> TableCell:
    """'15,4 procentpoint' over '2017 · 95 %: 12,6–18,2'."""
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
    return TableCell(value_text(value, row, lang), detail=when)
