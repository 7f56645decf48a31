"""The work plan of a track (or a goal) as a time line: each initiative from start to end in
its status's colour, the next milestone, today, and what is past its end date named on the
slide and in the speaker notes. In a cluster's deck only the cluster's own initiatives."""

from __future__ import annotations

import datetime as dt
import functools

from goals.i18n import name_of, t
from goals.present import charts
from goals.present.deck.model import Slide, chunks
from goals.present.deck.scope import Scope
from goals.status.own import is_overdue
from goals.store.model import Goal, Track

#: Initiatives on one slide: the rows stay readable on a shared screen.
PER_SLIDE = 8


def timeline_slides(scope: Scope, track: Track, goals: list[Goal], today: dt.date) -> list[Slide]:
    lang = scope.lang
    selection = scope.selection
    codes = [g.code for g in goals]
    items = [i for i in scope.initiatives_of(goals) if i.start_on or i.end_on]
    if not items:
        return []
    order = {code: n for n, code in enumerate(codes)}
    items.sort(key=lambda i: (order[i.goal], i.start_on or i.end_on or dt.date.max, i.name))
    bars = [
        charts.TimelineItem(
            label=f"{i.goal} · {i.name}"
            + ("" if scope.cluster is not None else f" · {i.area_name}"),
            start=i.start_on,
            end=i.end_on,
            status=i.status,
            next_milestone=i.next_milestone,
            milestone_date=i.milestone_date,
            overdue=is_overdue(i, today),
        )
        for i in items
    ]
    span = charts.timeline_span(bars, today)
    title_scope = name_of(track, lang) if selection.goal is None else selection.goal
    if scope.cluster is not None:
        title_scope = f"{name_of(scope.cluster, lang)} · {title_scope}"
    overdue = [f"{i.name} ({i.area_name})" for i, b in zip(items, bars, strict=True) if b.overdue]
    notes = (
        t("report.timeline.notes", lang, names="; ".join(dict.fromkeys(overdue)))
        if overdue
        else t("report.timeline.notes.none", lang)
    )
    pages = chunks(bars, PER_SLIDE)
    slides = []
    for n, page in enumerate(pages, start=1):
        title = t("report.timeline.title", lang, scope=title_scope)
        if len(pages) > 1:
            title = t("report.page", lang, title=title, i=n, n=len(pages))

        slides.append(
            Slide(
                kind="timeline",
                key=f"timeline-{selection.goal or track.code}"
                + (f"-{n}" if len(pages) > 1 else ""),
                title=title,
                subtitle=t("report.timeline.subtitle", lang),
                chart=functools.partial(
                    charts.timeline_chart,
                    list(page),
                    today=today,
                    lang=lang,
                    x_range=span,
                    label_width=80,
                ),
                notes=notes,
                footer=scope.footer(t("report.source.default", lang)),
            )
        )
    return slides
