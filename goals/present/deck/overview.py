"""The overview slides: per cluster the combined verdicts – first social inequality and all
criteria, then each track (a track's deck: each goal) – and, in a cluster's deck, one table of
the cluster's overall, inequality and goal verdicts. Every cell holds a verdict and the count
behind it."""

from __future__ import annotations

from collections.abc import Callable

from goals.i18n import name_of, t
from goals.present.deck.cells import status_cell
from goals.present.deck.model import LINES_SQUEEZED, Slide, TableCell, chunks
from goals.present.deck.scope import Scope
from goals.status.verdicts import Combined

#: Status columns per overview slide: each cell holds a verdict and the count behind it.
OVERVIEW_COLUMNS = 3

#: An overview column: its header, and the combined verdict of an area (None: the region).
_Column = tuple[str, Callable[[str | None], Combined | None]]


def overview_slides(scope: Scope) -> list[Slide]:
    lang = scope.lang
    report = scope.report
    if scope.selection.scope == "goal":
        return []
    notes = scope.rule_notes()
    if scope.cluster is not None:
        return _cluster_overview(scope, notes)
    first: list[_Column] = []
    rest: list[_Column] = []
    track = scope.tracks[scope.selection.track] if scope.selection.track else None
    track_code = track.code if track is not None else None
    if any(r.gap for r in scope.rows):
        first.append(
            (
                t("status.message.inequality", lang),
                lambda area: scope.inequality_of(area, track_code),
            )
        )
    if track is not None:
        goals = scope.goals_in_scope()
        first.append(
            (
                t("report.col.all", lang),
                lambda area: (
                    report.track_area.get((track.code, area))
                    if area
                    else report.region_track.get(track.code)
                ),
            )
        )
        for goal in goals:
            rest.append(
                (
                    goal.code,
                    lambda area, code=goal.code: (
                        report.goal_area.get((code, area)) if area else scope.goal_in_region(code)
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
                lambda area: report.cluster.get(area) if area else report.region,
            )
        )
        for tr in scope.catalogue.tracks:
            if tr.code not in report.region_track:
                continue
            rest.append(
                (
                    name_of(tr, lang),
                    lambda area, code=tr.code: (
                        report.track_area.get((code, area))
                        if area
                        else report.region_track.get(code)
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
        pieces = chunks(rest, OVERVIEW_COLUMNS)
        for i, piece in enumerate(pieces):
            key = "overview-tracks" if len(pieces) == 1 else f"overview-tracks-{i + 1}"
            groups.append((list(piece), titles[1], subtitles[1], key))
    slides = []
    for columns, title, subtitle, key in groups:
        rows = []
        for area in scope.clusters:
            cells = [TableCell(name_of(area, lang), bold=True)]
            cells += [status_cell(get(area.code), lang) for _, get in columns]
            rows.append(tuple(cells))
        if report.region.n:
            cells = [TableCell(t("report.row.region", lang), bold=True)]
            cells += [status_cell(get(None), lang) for _, get in columns]
            rows.append(tuple(cells))
        slides += scope.table_slides(
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


def _cluster_overview(scope: Scope, notes: str) -> list[Slide]:
    """The cluster's overall verdict and its inequality first, then each goal's; each with the
    count behind it."""
    lang = scope.lang
    report = scope.report
    track_code = scope.selection.track
    assert scope.cluster is not None
    code = scope.cluster.code
    rows = []
    overall = report.track_area.get((track_code, code)) if track_code else report.cluster.get(code)
    unequal = scope.inequality_of(code, track_code)
    for name, what, combined in (
        (t("report.col.all", lang), t("report.overview.cluster.all", lang), overall),
        (t("status.message.inequality", lang), t("report.overview.cluster.gaps", lang), unequal),
    ):
        if combined is not None:
            rows.append((TableCell(name, bold=True), TableCell(what), status_cell(combined, lang)))
    for track in scope.catalogue.tracks:
        goals = [g for g in scope.goals_in_scope() if g.track_id == track.id]
        for i, goal in enumerate(goals):
            rollup = report.goal_area.get((goal.code, code))
            rows.append(
                (
                    TableCell(name_of(track, lang) if i == 0 else "", bold=True),
                    TableCell(name_of(goal, lang, "title"), detail=goal.code),
                    status_cell(rollup, lang),
                )
            )
    # rows of two short lines: the whole cluster on one slide, squeezed when need be
    return scope.table_slides(
        kind="overview",
        key="overview",
        title=t("report.overview.cluster.title", lang, cluster=name_of(scope.cluster, lang)),
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
        lines_down=LINES_SQUEEZED,
    )
