"""A frozen meeting's status rows: written as they were shown, and read back as `StatusRow`s.

Each row is stored twice over: the exact ``goals status --json`` line (`MeetingRow.record`),
so that ``status --meeting N --json`` gives back the same bytes, and the inputs that the pages
and the deck draw from (`MeetingRow.detail`: the points with their limits and the measure), so
that a `StatusRow` – and from the rows a whole `StatusReport` – can be rebuilt. The texts worked
out from a row (reason, trend) are taken from the record as written, not worked out again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from goals.periods import Period, parse_period
from goals.status.compare import Trend
from goals.status.progress import Measure
from goals.status.report import StatusRow

__all__ = ["detail_of", "row_from_frozen"]

_ROW_FIELDS = {f.name for f in dataclasses.fields(StatusRow)} - {"measure", "points", "lang"}
_MEASURE_PERIODS = ("base_period", "latest_period", "target_period")


def _code(period: Any) -> Any:
    return period.code if isinstance(period, Period) else period


def _period(code: Any) -> Any:
    if code is None:
        return None
    try:
        return parse_period(code)
    except ValueError:
        return code


def detail_of(row: StatusRow) -> dict[str, Any]:
    """What the record leaves out: the points with their limits, and the measure."""
    measure = dataclasses.asdict(row.measure)
    for name in _MEASURE_PERIODS:
        measure[name] = _code(measure[name])
    return {
        "points": [[p[0].code, p[1], p[2], p[3]] for p in row.points],
        "measure": measure,
    }


def row_from_frozen(record: dict[str, Any], detail: dict[str, Any], lang: str) -> StatusRow:
    """The `StatusRow` a frozen record and its detail describe."""
    values = {name: record[name] for name in _ROW_FIELDS if name in record}
    values["revision_valid_from"] = dt.date.fromisoformat(record["revision_valid_from"])
    for name in ("derived_periods", "suppressed_periods"):  # absent from older meetings
        values[name] = tuple(record.get(name) or ())
    measure = dict(detail["measure"])
    for name in _MEASURE_PERIODS:
        measure[name] = _period(measure[name])
    points = tuple(
        (parse_period(code), value, lower, upper) for code, value, lower, upper in detail["points"]
    )
    row = StatusRow(**values, measure=Measure(**measure), points=points, lang=lang)
    # the texts as they were shown (also if the wording changes later)
    trend = dict(record["trend"])
    trend["periods"] = tuple(_period(p) for p in trend["periods"])
    shown = {
        "trend": Trend(**trend),
        "trend_label": record["trend_label"],
        "reason_text": record["reason_text"],
        "series": dict(record["series"]),
    }
    row.__dict__.update(shown)  # where the cached properties keep what they worked out
    return row
