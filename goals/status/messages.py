"""What a director reads of the roll-ups: rows combined by the one rule, the count behind a
combined verdict in words, the statuses counted, and the front page's key messages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from goals.catalogue import Catalogue
from goals.i18n import name_of, t
from goals.status.progress import STATUSES
from goals.status.report import StatusReport, StatusRow, status_label
from goals.status.verdicts import Combined, combine

__all__ = [
    "KeyMessage",
    "combine_rows",
    "key_messages",
    "message_text",
    "shared_verdict",
    "status_counts",
    "support_text",
]


def combine_rows(rows: Iterable[StatusRow]) -> Combined:
    """The rows' verdicts combined by the one roll-up rule (goals.status.verdicts.combine)."""
    rows = list(rows)
    return combine((row.verdict for row in rows), (row.score for row in rows))


def support_text(combined: Combined, lang: str = "da") -> str:
    """The count behind a combined verdict, naming its unit: '3 af 4 succeskriterier er på
    rette spor eller har nået målet'."""
    return t(f"status.support.{combined.status}", lang, k=combined.support, n=combined.n)


class KeyMessage(NamedTuple):
    """A message for the front page: a verdict shared by k of n clusters on a track (or in
    the inequality criteria), in words."""

    text: str
    status: str
    k: int
    n: int
    track: str | None  # None: the inequality (gap) criteria of every track


#: How much a message matters: deterioration first, then what is achieved, then the rest.
_WEIGHT = {
    "deterioration": 3.0,
    "target_achieved": 2.0,
    "on_track": 2.0,
    "uncertain": 1.5,
    "limited_progress": 1.2,
    "needs_acceleration": 1.0,
    "not_available": 0.5,
}


def shared_verdict(combined: Iterable[Combined]) -> tuple[str, int]:
    """The verdict most of the combined verdicts share (the more serious one on a tie), and
    how many share it."""
    shared: dict[str, int] = defaultdict(int)
    for c in combined:
        shared[c.status] += 1
    status = max(shared, key=lambda s: (shared[s], _WEIGHT[s]))
    return status, shared[status]


def message_text(subject: str, status: str, k: int, n: int, lang: str = "da") -> str:
    """'Angst/psykisk sårbarhed: forværring i 5 af 5 klynger'."""
    verdict = status_label(status, lang).lower()
    return t("status.message", lang, subject=subject, verdict=verdict, k=k, n=n)


def key_messages(
    report: StatusReport, cat: Catalogue, lang: str = "da", limit: int = 3
) -> list[KeyMessage]:
    """The most important messages in words, from the clusters' combined verdicts: per track
    the verdict most clusters share ('Angst/psykisk sårbarhed: forværring i 5 af 5 klynger'),
    and the same for the inequality criteria. Most uniform and most serious first."""
    clusters = [a.code for a in cat.clusters]
    candidates: list[tuple[float, int, KeyMessage]] = []

    def add(order: int, name: str, combined: list[Combined], track: str | None) -> None:
        if not combined:
            return
        status, k = shared_verdict(combined)
        n = len(combined)
        text = message_text(name, status, k, n, lang)
        candidates.append((k / n * _WEIGHT[status], order, KeyMessage(text, status, k, n, track)))

    for order, track in enumerate(cat.tracks):
        found = [
            report.track_area[(track.code, c)]
            for c in clusters
            if (track.code, c) in report.track_area
        ]
        add(order, name_of(track, lang), found, track.code)
    unequal = [report.inequality[c] for c in clusters if c in report.inequality]
    add(len(cat.tracks), t("status.message.inequality", lang), unequal, None)
    candidates.sort(key=lambda item: (-item[0], item[1]))
    return [message for _, _, message in candidates[:limit]]


def status_counts(rows: Iterable[StatusRow]) -> dict[str, int]:
    """How many rows have each status (every status present, best first)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts
