"""The result of an assessment: a row per success criterion × area, and the report that holds
the rows and their roll-ups (`goals.status.assessment.assess` makes them).

Each row's reasoning text, series and recent trend are worked out when first read (the overview
needs only statuses and scores); `StatusReport.records`, `to_json` and `to_frame` read them all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import pydantic_core

from goals.i18n import t
from goals.periods import Period
from goals.status import reasons
from goals.status.compare import TREND_POINTS, Trend, recent_trend
from goals.status.progress import Measure
from goals.status.verdicts import Z95, Combined

if TYPE_CHECKING:  # pandas only for to_frame: kept off the front page's start-up path
    import pandas as pd

__all__ = ["RECORD_KEYS", "Point", "StatusReport", "StatusRow", "status_label"]


def status_label(status: str, lang: str = "da") -> str:
    """'on_track' → 'På rette spor'."""
    return t(f"status.{status}", lang)


#: One point of a series: (period, value, lower, upper), the limits of its 95 % interval.
Point = tuple[Period, float, float | None, float | None]


@dataclass(frozen=True)
class StatusRow:
    """One success criterion in one area: inputs, status and the reasoning.

    Periods are canonical codes. ``target`` is absolute (a relative or point target converted
    from the baseline value); ``target_input`` is the number as written in the criterion.
    ``base_period`` is the period actually used as base (``baseline_period`` is the criterion's).
    Rates are fractions a year (−0.021 = −2.1 % a year). ``reason_text``, ``series``,
    ``trend`` and ``trend_label`` are properties, computed when first read from ``points``.
    """

    criterion: str
    criterion_text: str
    goal: str
    track: str
    area: str
    area_name: str
    area_kind: str
    indicator: str
    indicator_name: str
    unit: str
    decimals: int
    subject: str
    gap: bool
    revision: int
    revision_valid_from: dt.date
    baseline_period: str
    target_type: str | None
    target_input: float | None
    target: float | None
    target_period: str | None
    higher_is_better: bool | None
    base_period: str | None
    base_value: float | None
    latest_period: str | None
    latest_value: float | None
    latest_lower: float | None
    latest_upper: float | None
    required_rate: float | None
    observed_rate: float | None
    ratio: float | None
    status: str
    status_label: str
    certainty: str
    verdict: str
    verdict_label: str
    change: float | None
    change_per_year: float | None
    needed_per_year: float | None
    base_lower: float | None
    base_upper: float | None
    base_se: float | None
    latest_se: float | None
    score: float | None
    reason: str | None
    direction_inferred: bool
    comparison: str
    comparison_label: str
    region_value: float | None
    region_lower: float | None
    region_upper: float | None
    measure: Measure = field(repr=False, compare=False)
    points: Sequence[Point] = field(default=(), repr=False, compare=False)
    lang: str = field(default="da", repr=False, compare=False)
    #: periods whose value the area did not report itself but its municipalities did (summed,
    #: or their numerators over their denominators), by the membership of that period
    derived_periods: tuple[str, ...] = ()
    #: periods whose value is hidden by the small-number rule (goals.catalogue.suppression)
    suppressed_periods: tuple[str, ...] = ()

    @functools.cached_property
    def series(self) -> dict[str, float]:
        """The series used, period code → value (for a gap criterion: the gap), for charts."""
        return {p[0].code: p[1] for p in self.points}

    @property
    def change_margin(self) -> float | None:
        """The 95 % margin of the change from base to latest, 1.96·√(se_base² + se_latest²), in
        the indicator's unit; None when either standard error is unknown."""
        if self.base_se is None or self.latest_se is None:
            return None
        return Z95 * math.hypot(self.base_se, self.latest_se)

    @functools.cached_property
    def trend(self) -> Trend:
        """The recent trend (goals.status.compare.recent_trend), worked out when first read."""
        # Every point has a value, so the latest run of five consecutive periods is in the
        # last five points.
        return recent_trend(self.points[-TREND_POINTS:], higher_is_better=self.higher_is_better)

    @functools.cached_property
    def trend_label(self) -> str:
        return reasons.trend_label(self.trend, self.lang)

    @functools.cached_property
    def reason_text(self) -> str:
        """Why the status is what it is, in words a director understands (in the row's language).

        Worked out when first read: the overview needs only statuses and scores.
        """
        return reasons.explain(self)

    def record(self) -> dict[str, Any]:
        """The row as JSON-ready values (the keys of ``goals status --json``)."""
        fields = self.__dict__  # the dataclass fields; the worked-out ones are read below
        out: dict[str, Any] = {}
        for name in RECORD_KEYS:
            if name in _WORKED_OUT:
                value = getattr(self, name)
                if name == "trend":
                    value = {k: _finite(getattr(value, k)) for k in Trend.__dataclass_fields__}
                    value["periods"] = [period_code(p) for p in value["periods"]]
                elif name == "series":
                    value = dict(value)
            elif name in _PERIOD_LISTS:
                value = list(fields[name])
            else:
                value = fields[name]
                if name == "revision_valid_from":
                    value = value.isoformat()
                elif name in _NUMBERS and value is not None and not math.isfinite(value):
                    value = None
            out[name] = value
        return out


#: The keys of a row record (``goals status --json``), in order; documented in docs/method.md.
RECORD_KEYS: tuple[str, ...] = (
    "criterion",
    "criterion_text",
    "goal",
    "track",
    "area",
    "area_name",
    "area_kind",
    "indicator",
    "indicator_name",
    "unit",
    "decimals",
    "subject",
    "gap",
    "revision",
    "revision_valid_from",
    "baseline_period",
    "target_type",
    "target_input",
    "target",
    "target_period",
    "higher_is_better",
    "base_period",
    "base_value",
    "latest_period",
    "latest_value",
    "latest_lower",
    "latest_upper",
    "required_rate",
    "observed_rate",
    "ratio",
    "status",
    "status_label",
    "certainty",
    "verdict",
    "verdict_label",
    "change",
    "change_per_year",
    "needed_per_year",
    "base_lower",
    "base_upper",
    "base_se",
    "latest_se",
    "score",
    "reason",
    "reason_text",
    "direction_inferred",
    "comparison",
    "comparison_label",
    "region_value",
    "region_lower",
    "region_upper",
    "trend",
    "trend_label",
    "series",
    "derived_periods",
    "suppressed_periods",
)


#: The fields that hold a tuple of period codes (written as a list).
_PERIOD_LISTS = frozenset({"derived_periods", "suppressed_periods"})
#: The keys of a record that are worked out when read (properties), not stored fields.
_WORKED_OUT = frozenset({"trend", "trend_label", "reason_text", "series"})
#: The fields that hold a number, which may be NaN or ±inf (written as null).
_NUMBERS = frozenset(
    f.name
    for f in dataclasses.fields(StatusRow)
    if re.search(r"\b(float|int)\b", str(f.type)) and not str(f.type).startswith("Sequence")
)


@dataclass(frozen=True)
class StatusReport:
    """Every criterion × area assessed, and the roll-ups.

    Every roll-up combines the verdicts of success criterion × area rows by the one rule of
    goals.status.verdicts.combine (docs/method.md), never roll-ups of roll-ups:
    goal_area: (goal code, area code) → the goal's criteria in the area.
    track_area: (track code, area code) → the criteria of the track's goals in the area.
    cluster: area code → every criterion in the area (every area with rows, not only clusters).
    region_track: track code → the track's criteria in every cluster of the report.
    region: every criterion in every cluster.
    inequality: area code → the area's gap (inequality) criteria; region_inequality: in every
    cluster.
    """

    rows: list[StatusRow]
    goal_area: dict[tuple[str, str], Combined]
    track_area: dict[tuple[str, str], Combined]
    cluster: dict[str, Combined]
    region_track: dict[str, Combined]
    region: Combined
    inequality: dict[str, Combined]
    region_inequality: Combined
    as_of: str | None
    revision_date: dt.date
    lang: str

    def records(self) -> list[dict[str, Any]]:
        return [row.record() for row in self.rows]

    def to_json(self) -> str:
        """The rows as a JSON list of objects (the output of ``goals status --json``)."""
        out = io.StringIO()
        self.write_json(out)
        return out.getvalue()

    def write_json(self, out: TextIO) -> None:
        """Write `to_json` to `out` (see `write_json_rows`)."""
        write_json_rows(self.rows, out)

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion × area; the trend flattened into trend_* columns."""
        records = []
        for row in self.rows:
            record = row.record()
            trend = record.pop("trend")
            record.update({f"trend_{k}": v for k, v in trend.items() if k != "periods"})
            records.append(record)
        columns = [c for c in RECORD_KEYS if c != "trend"] + [
            f"trend_{k}" for k in Trend.__dataclass_fields__ if k != "periods"
        ]
        import pandas as pd

        return pd.DataFrame.from_records(records, columns=columns)

    def rollup_records(self) -> list[dict[str, Any]]:
        """Every roll-up as a flat record: level, track, goal, area, verdict, counts, support."""
        out: list[dict[str, Any]] = []

        def add(level: str, combined: Combined, **keys: str | None) -> None:
            out.append(
                {
                    "level": level,
                    "track": keys.get("track"),
                    "goal": keys.get("goal"),
                    "area": keys.get("area"),
                    "status": combined.status,
                    "support": combined.support,
                    "n": combined.n,
                    "counts": dict(combined.counts),
                    "score": combined.score,
                }
            )

        for (goal, area), r in self.goal_area.items():
            add("goal_area", r, goal=goal, area=area)
        for (track, area), r in self.track_area.items():
            add("track_area", r, track=track, area=area)
        for area, r in self.cluster.items():
            add("cluster", r, area=area)
        for area, r in self.inequality.items():
            add("inequality", r, area=area)
        for track, r in self.region_track.items():
            add("region_track", r, track=track)
        add("region", self.region)
        add("region_inequality", self.region_inequality)
        return out


def write_json_rows(rows: Iterable[StatusRow], out: TextIO) -> None:
    """Write rows as a JSON list of their records, one object per line, each row as it comes.

    Each row is encoded on its own (see `encode_record`), so a large report is never held as text in
    memory at once.
    """
    out.write("[")
    out.write("]\n" if write_row_lines(rows, out, first=True) else "\n]\n")


def encode_record(record: dict[str, Any]) -> str:
    # pydantic-core's encoder (Rust, already loaded with SQLModel) writes a row ~3× faster
    # than json's C encoder; compact, UTF-8, the shortest text of each float that reads back
    # as the same float. Every value is JSON-ready here (record(): no NaN, dates as text).
    return pydantic_core.to_json(record).decode()


def write_row_lines(rows: Iterable[StatusRow], out: TextIO, *, first: bool) -> bool:
    """The lines of `write_json_rows` between its brackets, each row's line led by a newline
    (by ",\n" unless `first`); returns whether nothing has been written yet."""
    for row in rows:
        out.write("\n" if first else ",\n")
        out.write(encode_record(row.record()))
        first = False
    return first


def period_code(period: Any) -> str | None:
    """A period's canonical code (a Period, or anything else as text); None stays None."""
    return period.code if isinstance(period, Period) else (None if period is None else str(period))


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
