"""The numbers behind the overview (front page): the clusters × (social inequality, tracks)
grid, its totals, the headline and the key messages, all from one `StatusReport`.

Every cell, total and headline is one `goals.status.verdicts.Combined` of the report – the best
verdict that more than half of its success criterion × area rows reach or beat – never recounted
here. Pure (a StatusReport in, the grid out), so the benchmark and the tests time and check it
without Streamlit; `goals.ui.overview_view` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from goals.catalogue import Catalogue
from goals.i18n import name_of, t
from goals.periods import parse_period
from goals.status.messages import KeyMessage, key_messages
from goals.status.report import StatusReport
from goals.status.verdicts import Combined

__all__ = ["ALL", "INEQUALITY", "REGION", "GridModel", "grid_model"]

#: The column of the area's gap (social inequality) criteria, and the totals' row and column.
INEQUALITY = "inequality"
ALL = "all"
REGION = "region"


@dataclass(frozen=True)
class GridModel:
    """The numbers behind the overview: every cell one Combined roll-up of the report."""

    clusters: list[tuple[str, str]]  # (code, name) in catalogue order
    tracks: list[tuple[str, str]]
    cells: dict[tuple[str, str], Combined]  # (cluster, track) → the track's criteria in the cluster
    inequality: dict[str, Combined]  # cluster → its gap (social inequality) criteria
    cluster_totals: dict[str, Combined]  # cluster → every criterion in the cluster
    track_totals: dict[str, Combined]  # track → the track's criteria in every cluster
    region: Combined  # every criterion in every cluster
    region_inequality: Combined  # every gap criterion in every cluster
    messages: list[KeyMessage] = field(default_factory=list)  # goals.status.key_messages
    newest_period: str | None = None  # the newest period with a value in any cluster row
    periods: list[str] = field(default_factory=list)  # years with values, newest first
    has_values: bool = False

    @property
    def n(self) -> int:
        return self.region.n

    def cell(self, row: str, column: str) -> Combined | None:
        """Any cell by its row (a cluster code or REGION) and column (a track code,
        INEQUALITY or ALL)."""
        if row == REGION:
            if column == ALL:
                return self.region
            if column == INEQUALITY:
                return self.region_inequality
            return self.track_totals.get(column)
        if column == ALL:
            return self.cluster_totals.get(row)
        if column == INEQUALITY:
            return self.inequality.get(row)
        return self.cells.get((row, column))

    def columns(self, lang: str) -> list[tuple[str, str]]:
        """(column key, heading) in display order: social inequality first, then the tracks,
        then all tracks."""
        return [
            (INEQUALITY, t("overview.grid.inequality", lang)),
            *self.tracks,
            (ALL, t("overview.grid.all_tracks", lang)),
        ]


def grid_model(report: StatusReport, cat: Catalogue, lang: str) -> GridModel:
    """The grid of `report`: every cell, total and the headline are the report's own Combined
    roll-ups (never recounted here), and the key messages are drawn from the same."""
    # the clusters of the report's date: after a reorganisation, earlier periods as they were
    clusters = [(a.code, name_of(a, lang)) for a in cat.clusters_on(report.revision_date)]
    tracks = [(tr.code, name_of(tr, lang)) for tr in cat.tracks]
    codes = {code for code, _ in clusters}
    periods: set[str] = set()
    latest: set[str] = set()
    for row in report.rows:
        periods.update(row.series)
        if row.area in codes and row.latest_period:
            latest.add(row.latest_period)
    newest = max((parse_period(p) for p in latest), default=None)
    years = {int(code[:4]) for code in periods}
    return GridModel(
        clusters=clusters,
        tracks=tracks,
        cells={
            (area, track): combined
            for (track, area), combined in report.track_area.items()
            if area in codes
        },
        inequality={a: c for a, c in report.inequality.items() if a in codes},
        cluster_totals={a: c for a, c in report.cluster.items() if a in codes},
        track_totals=dict(report.region_track),
        region=report.region,
        region_inequality=report.region_inequality,
        messages=key_messages(report, cat, lang),
        newest_period=newest.code if newest else None,
        periods=[str(y) for y in sorted(years, reverse=True)],
        has_values=bool(periods),
    )
