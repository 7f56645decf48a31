"""A selection resolved against the catalogue: canonical codes for a cluster, track or goal
given by code, name or alias, or `UnknownSelection` with a suggestion."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from goals.catalogue import Catalogue
from goals.i18n import t
from goals.present.deck.model import Selection
from goals.store.model import AreaKind


class UnknownSelection(ValueError):
    """A cluster, track or goal that is not in the catalogue; the message is one sentence."""


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
