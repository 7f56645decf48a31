"""A goal's slides: its success criteria with their verdicts – in a cluster's deck the
criteria with base, latest value and target; otherwise criteria × clusters – with the reasoning
behind every verdict and the steering groups' own assessments as speaker notes."""

from __future__ import annotations

from goals.catalogue.words import period_label
from goals.i18n import name_of, t
from goals.present.deck.cells import status_cell, value_text
from goals.present.deck.model import Slide, TableCell, chunks
from goals.present.deck.scope import Scope, latest
from goals.status import StatusRow
from goals.store.model import Goal

#: Area columns per slide in a criteria × areas table.
AREAS_PER_SLIDE = 6
#: The traffic lights named in words in the notes (goals.store.model.TrafficLight values).
LIGHT_WORDS = ("green", "yellow", "red")


def goal_slides(scope: Scope, goal: Goal) -> list[Slide]:
    lang = scope.lang
    catalogue = scope.catalogue
    rows = [r for r in scope.rows if r.goal == goal.code]
    track = next((tr for tr in catalogue.tracks if tr.id == goal.track_id), None)
    owner = next((s for s in catalogue.steering_groups if s.id == goal.steering_group_id), None)
    title = t("report.goal.title", lang, code=goal.code, title=name_of(goal, lang, "title"))
    subtitle = t(
        "report.goal.subtitle",
        lang,
        track=name_of(track, lang) if track else "",
        owner=name_of(owner, lang) if owner else "",
    )
    notes = _goal_notes(scope, goal, rows)
    footer = scope.footer(scope.source_of(rows), latest(r.latest_period for r in rows))
    if scope.cluster is not None:
        return scope.table_slides(
            kind="goal",
            key=f"goal-{goal.code}",
            title=title,
            subtitle=subtitle,
            columns=[
                t(f"report.col.{c}", lang)
                for c in ("criterion", "base", "latest", "target", "status")
            ],
            rows=[_criterion_row(scope, row) for row in rows],
            widths=(3.6, 1.1, 1.1, 1.1, 1.5),
            notes=notes,
            footer=footer,
            per_slide=4,
        )
    criteria = list(dict.fromkeys(r.criterion for r in rows))
    by_key = {(r.criterion, r.area): r for r in rows}
    areas = [a for a in scope.clusters if any(r.area == a.code for r in rows)]
    areas += [
        catalogue.area(code)
        for code in dict.fromkeys(r.area for r in rows)
        if code not in {a.code for a in areas} and catalogue.area(code) is not None
    ]
    slides = []
    area_pages = chunks(areas, AREAS_PER_SLIDE)
    for p, page in enumerate(area_pages):
        table_rows = []
        for code in criteria:
            first = next(r for r in rows if r.criterion == code)
            cells = [TableCell(first.criterion_text, detail=code)]
            for area in page:
                row = by_key.get((code, area.code))
                cells.append(
                    status_cell(row, lang, value_text(row.latest_value, row, lang) if row else "")
                )
            table_rows.append(tuple(cells))
        key = f"goal-{goal.code}" if len(area_pages) == 1 else f"goal-{goal.code}-{p + 1}"
        slides += scope.table_slides(
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


def _criterion_row(scope: Scope, row: StatusRow) -> tuple[TableCell, ...]:
    """A criterion in a cluster's goal table: base, latest value and target, each with its
    period, and the verdict (a member area's criterion is named with its area)."""
    lang = scope.lang
    assert scope.cluster is not None
    text = (
        row.criterion_text
        if row.area == scope.cluster.code
        else f"{row.area_name}: {row.criterion_text}"
    )

    def value(value: float | None, period: str | None) -> TableCell:
        return TableCell(
            value_text(value, row, lang), detail=period_label(period, lang) if period else ""
        )

    return (
        TableCell(text, detail=row.criterion),
        value(row.base_value, row.base_period),
        value(row.latest_value, row.latest_period),
        value(row.target, row.target_period),
        status_cell(row, lang),
    )


def _goal_notes(scope: Scope, goal: Goal, rows: list[StatusRow]) -> str:
    lang = scope.lang
    parts = [t("report.notes.why", lang)]
    for code in dict.fromkeys(r.criterion for r in rows):
        crit_rows = [r for r in rows if r.criterion == code]
        parts.append(f"\n{code}: {crit_rows[0].criterion_text}")
        parts += scope.reasons(crit_rows)
    areas = [scope.cluster.code] if scope.cluster is not None else [a.code for a in scope.clusters]
    assessments = [
        scope.assessments[(goal.code, a)] for a in areas if (goal.code, a) in scope.assessments
    ]
    if assessments:
        parts.append("")
        for item in assessments:
            light = (
                t(f"workbook.light.{item.light}", lang) if item.light in LIGHT_WORDS else item.light
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
