"""A chart per success criterion: every cluster's series with its uncertainty, the baseline
and the target (each cluster's own target when it is relative), the selected cluster
highlighted among its peers; the reasoning per area as speaker notes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from goals.catalogue import CriterionInfo
from goals.catalogue.words import period_label, target_text
from goals.i18n import t
from goals.periods import parse_period
from goals.present import charts
from goals.present.deck.cells import value_text
from goals.present.deck.model import Slide
from goals.present.deck.scope import Scope, latest
from goals.status import StatusRow
from goals.store.model import Goal, TargetType


def criterion_slides(scope: Scope, goal: Goal) -> list[Slide]:
    slides = []
    for info in scope.catalogue.criteria_of_goal(goal):
        mine = [r for r in scope.rows if r.criterion == info.code]
        if not mine:
            continue
        everyone = [r for r in scope.report.rows if r.criterion == info.code]
        slides.append(_criterion_slide(scope, info, mine, everyone))
    return slides


def _criterion_slide(
    scope: Scope, info: CriterionInfo, mine: list[StatusRow], everyone: list[StatusRow]
) -> Slide:
    lang = scope.lang
    first = mine[0]
    # one line per cluster (all of them, so the selected one is seen among its peers)
    chart_rows = [r for r in everyone if r.area in {a.code for a in scope.clusters}] or mine
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
    if scope.cluster is not None:
        own = next((r for r in mine if r.area == scope.cluster.code), first)
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
    colours = scope.colours

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

    title = t("report.criterion.title", lang, indicator=first.indicator_name, subject=first.subject)
    revision = info.revision_on(scope.when)
    indicator = scope.catalogue.indicators[revision.indicator_id]
    target = target_text(revision, first.unit, first.decimals, lang)
    subtitle = f"{first.criterion} · {first.criterion_text}"
    notes = "\n".join(
        [
            f"{first.criterion}: {first.criterion_text}",
            f"{t('ui.facts.target', lang)}: {target}",
            "",
            t("report.notes.why", lang),
            *scope.reasons(mine),
        ]
    )
    return Slide(
        kind="criterion",
        key=f"criterion-{first.criterion}",
        title=title,
        subtitle=subtitle,
        chart=chart,
        notes=notes,
        footer=scope.footer(
            scope.sources.get(indicator.code), latest(r.latest_period for r in mine)
        ),
    )


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
                    value=value_text(r.target, r, lang),
                )
                for r in shown
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            legendrank=950,
        )
    )
