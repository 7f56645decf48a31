"""`build_deck`: the slide families (goals.present.deck.*) in the deck's order, for a
resolved selection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.engine import Engine
from sqlmodel import Session

from goals.catalogue import Catalogue
from goals.i18n import language, t
from goals.present.deck.criteria import criterion_slides
from goals.present.deck.goals import goal_slides
from goals.present.deck.inequality import inequality_slides
from goals.present.deck.initiatives import initiative_slides
from goals.present.deck.method import method_slides
from goals.present.deck.model import Deck, Selection, Slide
from goals.present.deck.opening import message_slides, title_slide
from goals.present.deck.overview import overview_slides
from goals.present.deck.scope import Scope
from goals.present.deck.selection import resolve_selection
from goals.present.deck.timeline import timeline_slides
from goals.status import StatusReport
from goals.store import read_session


def build_deck(
    *,
    report: StatusReport,
    catalogue: Catalogue,
    selection: Selection = Selection(),  # noqa: B008 – frozen, so one shared default is safe
    lang: str = "da",
    as_of: str | None = None,
    engine: Engine | None = None,
    session: Session | None = None,
    include_criteria: bool = True,
    today: dt.date | None = None,
    opening: Sequence[Slide] = (),
) -> Deck:
    """The deck for a selection: title, key messages, overview, a slide per goal (and a chart
    per criterion), a slide per gap (inequality) criterion, the initiatives and the legend and
    method appendix.

    `report` should cover every cluster (charts compare the selected cluster with the others).
    Initiatives and assessments are read from the store through `session` or `engine`; without
    either the initiative slides and the assessments in the notes are left out.
    `opening`: slides to show right after the title (a meeting's changes since the previous
    one: goals.present.deck.changes). Raises UnknownSelection for a selection not in the
    catalogue.
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
                opening=opening,
            )
    lang = language(lang)
    selection = resolve_selection(catalogue, selection, lang)
    scope = Scope(report, catalogue, selection, lang, as_of or report.as_of, session)
    slides = _slides(scope, include_criteria=include_criteria, today=today or dt.date.today())
    slides[1:1] = list(opening)  # e.g. a meeting's "since the last meeting", after the title
    return Deck(
        title=t("report.title", lang),
        subtitle=scope.name(),
        slides=slides,
        lang=lang,
        selection=selection,
        period=scope.period,
        report=report,
        rows=scope.rows,
    )


def _slides(scope: Scope, *, include_criteria: bool, today: dt.date) -> list[Slide]:
    """Title, key messages and overview; then per track each goal (with its criteria), the
    track's gap criteria, its initiatives and their time line; the method appendix last."""
    slides: list[Slide] = [title_slide(scope, today)]
    slides += message_slides(scope)
    slides += overview_slides(scope)
    in_scope = scope.goals_in_scope()
    for track in scope.catalogue.tracks:
        goals = [g for g in in_scope if g.track_id == track.id]
        if not goals:
            continue
        for goal in goals:
            slides += goal_slides(scope, goal)
            if include_criteria:
                slides += criterion_slides(scope, goal)
        slides += inequality_slides(scope, goals)
        slides += initiative_slides(scope, track, goals)
        slides += timeline_slides(scope, track, goals, today)
    slides += method_slides(scope)
    return slides
