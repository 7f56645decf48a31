"""The deck's opening: the title slide with the selection's overall and inequality verdicts,
and the key messages in words, each led by its verdict and the count behind it."""

from __future__ import annotations

import datetime as dt

from goals.catalogue.words import period_label
from goals.i18n import format_date, name_of, t
from goals.present.deck.model import Message, Slide
from goals.present.deck.scope import Scope
from goals.status import key_messages, message_text, shared_verdict, status_label, support_text
from goals.status.verdicts import Combined


def title_slide(scope: Scope, today: dt.date) -> Slide:
    lang = scope.lang
    period = period_label(scope.period, lang) if scope.period else "–"
    bullets = [
        scope.overall_line(name, combined)
        for name, combined in scope.rollups()
        if combined is not None
    ]
    bullets.append(t("report.title.made", lang, date=format_date(today, lang)))
    return Slide(
        kind="title",
        key="title",
        title=t("report.title", lang),
        subtitle=t("report.title.subtitle", lang, scope=scope.name(), period=period),
        bullets=bullets,
        notes=scope.rule_notes(),
        footer=scope.footer(),
    )


def message_slides(scope: Scope) -> list[Slide]:
    """The most important messages in words, each led by its verdict, near the start."""
    lang = scope.lang
    if scope.selection.scope == "goal":
        return []
    messages: list[Message] = []
    if scope.cluster is not None:
        messages = _cluster_messages(scope)
        subtitle = t("report.messages.cluster.subtitle", lang, area=name_of(scope.cluster, lang))
    elif scope.selection.track:
        messages = _track_messages(scope)
        subtitle = t("report.messages.track.subtitle", lang)
    else:
        region = t("report.row.region", lang)
        for message in key_messages(scope.report, scope.catalogue, lang):
            combined = (
                scope.report.region_track.get(message.track)
                if message.track
                else scope.inequality_of(None)
            )
            detail = scope.overall_line(region, combined) if combined is not None else ""
            messages.append(
                Message(message.text, message.status, detail, status_label(message.status, lang))
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
            notes=scope.rule_notes(),
            footer=scope.footer(),
        )
    ]


def _cluster_messages(scope: Scope) -> list[Message]:
    """A cluster's inequality, then each track: its verdict, and the count behind it."""
    lang = scope.lang
    assert scope.cluster is not None
    area = name_of(scope.cluster, lang)
    parts: list[tuple[str, Combined | None]] = [
        (t("status.message.inequality", lang), scope.inequality_of(scope.cluster.code))
    ]
    for track in scope.catalogue.tracks:
        if scope.selection.track and track.code != scope.selection.track:
            continue
        parts.append(
            (name_of(track, lang), scope.report.track_area.get((track.code, scope.cluster.code)))
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


def _track_messages(scope: Scope) -> list[Message]:
    """A track across the clusters: its inequality, then each goal: the verdict most clusters
    share, and the region's combined verdict and count."""
    lang = scope.lang
    track = scope.selection.track
    assert track is not None
    region = t("report.row.region", lang)
    clusters = [a.code for a in scope.clusters]
    parts: list[tuple[str, list[Combined], Combined | None]] = []
    unequal = [scope.inequality_of(c, track) for c in clusters]
    parts.append(
        (
            t("status.message.inequality", lang),
            [c for c in unequal if c is not None],
            scope.inequality_of(None, track),
        )
    )
    for goal in scope.goals_in_scope():
        found = [scope.report.goal_area.get((goal.code, c)) for c in clusters]
        parts.append(
            (
                name_of(goal, lang, "title"),
                [c for c in found if c is not None],
                scope.goal_in_region(goal.code),
            )
        )
    messages = []
    for name, per_cluster, overall in parts:
        if not per_cluster:
            continue
        status, k = shared_verdict(per_cluster)
        text = message_text(name, status, k, len(per_cluster), lang)
        detail = scope.overall_line(region, overall) if overall is not None else ""
        messages.append(Message(text, status, detail, status_label(status, lang)))
    return messages
