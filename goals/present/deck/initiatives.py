"""The initiatives of a track (or a goal): in a cluster's deck each initiative's status, next
milestone and responsible; otherwise each initiative's latest status per cluster. The delayed
and stopped ones are named in the speaker notes."""

from __future__ import annotations

from goals.i18n import format_date, name_of, t
from goals.present.deck.cells import initiative_cell
from goals.present.deck.model import Slide, TableCell
from goals.present.deck.scope import Scope
from goals.store.model import Goal, Track


def initiative_slides(scope: Scope, track: Track, goals: list[Goal]) -> list[Slide]:
    lang = scope.lang
    selection = scope.selection
    codes = [g.code for g in goals]
    items = scope.initiatives_of(goals)
    if not items:
        return []
    order = {code: n for n, code in enumerate(codes)}
    items.sort(key=lambda i: (order[i.goal], i.name, i.area))
    title_scope = name_of(track, lang) if selection.goal is None else selection.goal
    if scope.cluster is not None:
        title_scope = f"{name_of(scope.cluster, lang)} · {title_scope}"
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
    if scope.cluster is not None:
        rows = []
        for item in items:
            milestone = item.next_milestone or ""
            if item.milestone_date:
                milestone = f"{milestone} ({format_date(item.milestone_date, lang)})".strip()
            rows.append(
                (
                    TableCell(item.name, detail=item.goal),
                    initiative_cell(item.status, lang),
                    TableCell(milestone or "–"),
                    TableCell(item.responsible or "–"),
                )
            )
        columns = [
            t(f"report.col.{c}", lang) for c in ("initiative", "status", "milestone", "responsible")
        ]
        widths: tuple[float, ...] = (2.4, 1.2, 2.0, 1.4)
    else:
        clusters = [a for a in scope.clusters if any(i.area == a.code for i in items)]
        by_key = {(i.goal, i.name, i.area): i for i in items}
        rows = []
        for goal_code, name in dict.fromkeys((i.goal, i.name) for i in items):
            cells = [TableCell(name, detail=goal_code)]
            for area in clusters:
                found = by_key.get((goal_code, name, area.code))
                cells.append(
                    initiative_cell(found.status, lang)
                    if found
                    else TableCell(t("report.cell.empty", lang))
                )
            rows.append(tuple(cells))
        columns = [t("report.col.initiative", lang)] + [name_of(a, lang) for a in clusters]
        widths = (2.4,) + (1.0,) * len(clusters)
    return scope.table_slides(
        kind="initiatives",
        key=f"initiatives-{selection.goal or track.code}",
        title=t("report.initiatives.title", lang, scope=title_scope),
        subtitle=t("report.initiatives.subtitle", lang),
        columns=columns,
        rows=rows,
        widths=widths,
        notes=notes,
        footer=scope.footer(t("report.source.default", lang)),
        per_slide=6,
    )
