"""Status of every success criterion × area, with its inputs and reasoning, and the roll-ups.

`assess` reads the catalogue and, in one query, the current values of every indicator involved
(`goals.observations.current_query`, for just the areas and groups each criterion needs);
the rest is pure Python on the `goals.progress` and `goals.compare` methods (docs/method.md):

* the criterion revision valid at the end of ``as_of`` is used, and only periods that have
  ended by then (default: today's revision and all data);
* relative and point targets become absolute values from the baseline value (base × (1 + t/100),
  base + t), so those targets need a value in the baseline period itself; absolute targets and
  criteria without a target fall back to the first later period, as sdg-build does;
* a gap criterion follows value(A) − value(B) for the periods where both groups have a value,
  smaller is better;
* the direction is the indicator's polarity, or – for an indicator without one – the direction
  from the baseline value to the target; it is used for progress, comparison and trend alike.

Each row's reasoning text, series and recent trend are worked out when first read (the overview
needs only statuses and scores); `StatusReport.records`, `to_json` and `to_frame` read them all.
Nothing is cached between calls; the UI caches.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from goals.catalogue import Catalogue, CriterionInfo
from goals.compare import TREND_POINTS, Trend, compare_to_reference, recent_trend
from goals.describe import criterion_subject, period_label
from goals.i18n import format_number, language, name_of, t
from goals.model import (
    Area,
    AreaKind,
    CriterionRevision,
    Indicator,
    Observation,
    Polarity,
    TargetType,
)
from goals.observations import current_query
from goals.periods import Period, PeriodError, parse_period
from goals.progress import (
    NOT_AVAILABLE,
    REASONS,
    STATUSES,
    TARGET_ACHIEVED,
    Measure,
    RollUp,
    measure,
    roll_up,
)
from goals.store import fetch_tuples, read_session

if TYPE_CHECKING:  # pandas only for to_frame: kept off the front page's start-up path
    import pandas as pd

__all__ = [
    "COMPARISON_STYLE",
    "REASON_CODES",
    "RECORD_KEYS",
    "STATUS_STYLE",
    "StatusReport",
    "StatusRow",
    "StatusStyle",
    "UnknownArea",
    "assess",
    "assessment_plan",
    "status_counts",
    "status_label",
    "values_query",
]


class StatusStyle(NamedTuple):
    """How the UI shows a status: a colour (hex) and a unicode symbol."""

    colour: str
    icon: str


#: One colour and icon per status, Okabe–Ito based so that colour-blind readers can tell them
#: apart; the icon carries the meaning on its own too (never colour alone).
STATUS_STYLE: dict[str, StatusStyle] = {
    "target_achieved": StatusStyle("#009E73", "✔"),  # bluish green
    "on_track": StatusStyle("#56B4E9", "▲"),  # sky blue
    "needs_acceleration": StatusStyle("#F0E442", "●"),  # yellow
    "limited_progress": StatusStyle("#E69F00", "▼"),  # orange
    "deterioration": StatusStyle("#D55E00", "✖"),  # vermillion
    "not_available": StatusStyle("#999999", "?"),  # grey
}

#: Comparison with the region, in the same palette.
COMPARISON_STYLE: dict[str, StatusStyle] = {
    "better": StatusStyle("#0072B2", "▲"),
    "similar": StatusStyle("#F0E442", "●"),
    "worse": StatusStyle("#D55E00", "▼"),
    "higher": StatusStyle("#56B4E9", "↑"),
    "lower": StatusStyle("#56B4E9", "↓"),
    "not_compared": StatusStyle("#999999", "–"),
}

#: Why a criterion cannot be assessed in an area: the codes of goals.progress.REASONS plus the
#: ones that only arise from a criterion (its text is i18n key ``status.reason.<code>``).
REASON_CODES: tuple[str, ...] = (
    *REASONS,
    "no_baseline_value",
    "no_polarity",
    "no_direction",
    "negative_gap",
)

# A 95 % confidence interval is 2 × 1.96 standard errors wide (as in goals.compare).
_Z95 = 1.96


class UnknownArea(ValueError):
    """The area asked for is not in the catalogue; the message is one sentence."""


def status_label(status: str, lang: str = "da") -> str:
    """'on_track' → 'På rette spor'."""
    return t(f"status.{status}", lang)


# --- the result ------------------------------------------------------------------------------

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

    @functools.cached_property
    def series(self) -> dict[str, float]:
        """The series used, period code → value (for a gap criterion: the gap), for charts."""
        return {p[0].code: p[1] for p in self.points}

    @functools.cached_property
    def trend(self) -> Trend:
        """The recent trend (goals.compare.recent_trend), worked out when first read."""
        # Every point has a value, so the latest run of five consecutive periods is in the
        # last five points.
        return recent_trend(self.points[-TREND_POINTS:], higher_is_better=self.higher_is_better)

    @functools.cached_property
    def trend_label(self) -> str:
        return _trend_label(self.trend, self.lang)

    @functools.cached_property
    def reason_text(self) -> str:
        """Why the status is what it is, in words a director understands (in the row's language).

        Worked out when first read: the overview needs only statuses and scores.
        """
        return _reason_text(
            self.measure,
            area_name=self.area_name,
            baseline=parse_period(self.baseline_period),
            target_period=parse_period(self.target_period) if self.target_period else None,
            unit=self.unit,
            decimals=self.decimals,
            inferred=self.higher_is_better if self.direction_inferred else None,
            gap=self.gap,
            lang=self.lang,
        )

    def record(self) -> dict[str, Any]:
        """The row as JSON-ready values (the keys of ``goals status --json``)."""
        out: dict[str, Any] = {}
        for name in RECORD_KEYS:
            value = getattr(self, name)
            if name == "trend":
                value = {k: _finite(getattr(value, k)) for k in Trend.__dataclass_fields__}
                value["periods"] = [_code(p) for p in value["periods"]]
            elif name == "revision_valid_from":
                value = value.isoformat()
            elif name == "series":
                value = dict(value)
            else:
                value = _finite(value)
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
)


@dataclass(frozen=True)
class StatusReport:
    """Every criterion × area assessed, and the roll-ups.

    goal_area: (goal code, area code) → roll-up of the goal's criteria in the area.
    track_area: (track code, area code) → roll-up of the track's goals in the area.
    cluster: area code → roll-up of the area's tracks (every area with rows, not only clusters).
    region_track: track code → roll-up of that track over the clusters in the report.
    region: roll-up of the clusters' roll-ups.
    Each nested roll-up weighs its parts equally (goal_area weighs criteria, and so on).
    """

    rows: list[StatusRow]
    goal_area: dict[tuple[str, str], RollUp]
    track_area: dict[tuple[str, str], RollUp]
    cluster: dict[str, RollUp]
    region_track: dict[str, RollUp]
    region: RollUp
    as_of: str | None
    revision_date: dt.date
    lang: str

    def records(self) -> list[dict[str, Any]]:
        return [row.record() for row in self.rows]

    def to_json(self, indent: int | None = 2) -> str:
        """The rows as a JSON list of objects (the output of ``goals status --json``)."""
        return json.dumps(self.records(), ensure_ascii=False, indent=indent)

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
        """Every roll-up as a flat record: level, track, goal, area, status, score, counts."""
        out: list[dict[str, Any]] = []

        def add(level: str, rollup: RollUp, **keys: str | None) -> None:
            out.append(
                {
                    "level": level,
                    "track": keys.get("track"),
                    "goal": keys.get("goal"),
                    "area": keys.get("area"),
                    "status": rollup.status,
                    "score": rollup.score,
                    "n": rollup.n,
                    "n_available": rollup.n_available,
                    "counts": dict(rollup.counts),
                }
            )

        for (goal, area), r in self.goal_area.items():
            add("goal_area", r, goal=goal, area=area)
        for (track, area), r in self.track_area.items():
            add("track_area", r, track=track, area=area)
        for area, r in self.cluster.items():
            add("cluster", r, area=area)
        for track, r in self.region_track.items():
            add("region_track", r, track=track)
        add("region", self.region)
        return out


# --- assessing ---------------------------------------------------------------------------------


def assess(
    *,
    engine: Engine | None = None,
    session: Session | None = None,
    catalogue: Catalogue | None = None,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> StatusReport:
    """Assess every success criterion in every area it applies to.

    as_of: a period (e.g. '2023', '2024K2'): only periods that have ended by then are used, and
        the criterion revisions valid on its last day. Default: all data, today's revisions.
    cluster: code, name or alias of an area: only that area and the areas directly under it.
    Raises UnknownArea for an unknown area and PeriodError for an unreadable as_of.
    """
    if session is None:
        if engine is None:
            raise ValueError("assess needs an engine or a session")
        with read_session(engine) as own:
            return assess(session=own, catalogue=catalogue, as_of=as_of, cluster=cluster, lang=lang)
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    cutoff = None
    if as_of is not None:
        try:
            cutoff = parse_period(as_of)
        except PeriodError:
            raise PeriodError(t("status.bad_period", lang, value=as_of)) from None
    when = _last_day(cutoff) if cutoff is not None else dt.date.today()
    allowed = _area_filter(cat, cluster, when, lang)

    plans = _plan(cat, when, allowed)
    region = cat.region
    data = _load_values(session, cat, plans, region, cutoff)
    tracks = {tr.id: tr.code for tr in cat.tracks}
    criteria: dict[int, _Criterion] = {}
    rows = []
    for info, revision, area in plans:
        c = criteria.get(revision.id)
        if c is None:
            c = criteria[revision.id] = _criterion(cat, info, revision, region, data, tracks, lang)
        rows.append(_assess_one(c, area, region, data, lang))
    return _report(cat, rows, cutoff, when, lang)


Plan = list[tuple[CriterionInfo, CriterionRevision, Area]]


def assessment_plan(
    catalogue: Catalogue,
    *,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> Plan:
    """The (criterion, revision, area) triples `assess` evaluates, in report order."""
    cutoff = parse_period(as_of) if as_of is not None else None
    when = _last_day(cutoff) if cutoff is not None else dt.date.today()
    return _plan(catalogue, when, _area_filter(catalogue, cluster, when, lang))


VALUE_COLUMNS = ("indicator_id", "area_id", "period", "group_id", "value", "lower", "upper")


def values_query(
    catalogue: Catalogue, plan: Plan, region: Area | None
) -> sa.Select | sa.CompoundSelect:
    """The one query `assess` makes: current values of what the plan needs, and the region's.

    A UNION ALL of the current observations per distinct (areas, groups) pair, so that a
    municipality criterion does not fetch every indicator's municipal values, nor a gap
    criterion every indicator's breakdowns. Columns: `VALUE_COLUMNS`; withheld values (NULL)
    are left out.
    """
    wanted: dict[tuple[frozenset[int], frozenset[int]], set[int]] = defaultdict(set)
    areas_of: dict[int, set[int]] = defaultdict(set)
    for _, revision, area in plan:
        areas_of[revision.id].add(area.id)
    for _, revision, _ in plan:
        area_ids = areas_of[revision.id] | ({region.id} if region is not None else set())
        key = (frozenset(area_ids), frozenset(_groups_of(revision, catalogue)))
        wanted[key].add(revision.indicator_id)
    value = Observation.__table__.c.value
    parts = [
        current_query(
            indicator_ids=sorted(ind),
            area_ids=sorted(areas),
            group_ids=sorted(groups),
            columns=VALUE_COLUMNS,
        ).where(value.is_not(None))
        for (areas, groups), ind in wanted.items()
    ]
    return parts[0] if len(parts) == 1 else sa.union_all(*parts)


def _plan(cat: Catalogue, when: dt.date, allowed: set[int] | None) -> Plan:
    plans: Plan = []
    for info in cat.criteria:
        revision = info.revision_on(when)
        for area in cat.criterion_areas(info, revision):
            if allowed is None or area.id in allowed:
                plans.append((info, revision, area))
    return plans


# --- internals ---------------------------------------------------------------------------------


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@functools.cache
def _months(period: Period) -> tuple[int, int]:
    """The months (counted from year 0) in which a period starts and ends, so that periods of
    any length compare; memoised because it runs for every point (pure period arithmetic)."""
    length = 12 // period.frequency.per_year
    return period.year * 12 + (
        period.index - 1
    ) * length + 1, period.year * 12 + period.index * length


def _end_month(period: Period) -> int:
    return _months(period)[1]


def _last_day(period: Period) -> dt.date:
    month = _end_month(period) - 1
    year, month = divmod(month, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def _area_filter(cat: Catalogue, name: str | None, when: dt.date, lang: str) -> set[int] | None:
    if name is None:
        return None
    # A code is exact; the name index may find it ambiguous ("AARHUS" is also a municipality's alias).
    area = cat.area(name) or cat.area(name.strip().upper()) or cat.area_index.get(name)
    if area is None:
        suggestions = cat.area_index.suggest(name)
        if suggestions:
            listed = ", ".join(f"'{s}'" for s in suggestions)
            raise UnknownArea(t("status.unknown_area.suggest", lang, name=name, suggestions=listed))
        raise UnknownArea(t("status.unknown_area", lang, name=name))
    return {area.id} | {member.id for member in cat.members(area, when)}


def _groups_of(revision: CriterionRevision, cat: Catalogue) -> tuple[int, ...]:
    if revision.is_gap:
        return (revision.gap_group_a_id, revision.gap_group_b_id)  # type: ignore[return-value]
    if revision.group_id is not None:
        return (revision.group_id,)
    total = cat.total_group
    return (total.id,) if total is not None else ()


def _load_values(
    session: Session,
    cat: Catalogue,
    plans: list[tuple[CriterionInfo, CriterionRevision, Area]],
    region: Area | None,
    cutoff: Period | None,
) -> dict[tuple[int, int, int], list[Point]]:
    """(indicator, area, group) → points up to the cutoff, oldest first, from one query."""
    if not plans:
        return {}
    rows = fetch_tuples(session.connection(), values_query(cat, plans, region))

    # Each distinct period code is read once: (its place in time, the Period), or None when it
    # is after the cutoff (or not a canonical code, which the store never holds).
    # The order of Period: by start, and a longer period before a shorter one with the same start.
    when: dict[str, tuple[tuple[int, int], Period] | None] = {}
    for code in {row[2] for row in rows}:
        try:
            period = parse_period(code)
        except PeriodError:
            when[code] = None
            continue
        start, end = _months(period)
        keep = cutoff is None or end <= _end_month(cutoff)
        when[code] = ((start, -end), period) if keep else None

    # Grouped as fetched (the driver's tuples hold only numbers and text, which the garbage
    # collector stops tracking; new tuples holding Periods would stay tracked until the end).
    raw: dict[tuple[int, int, int], list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        if when[row[2]] is not None:
            raw[(row[0], row[1], row[3])].append(row)
    data: dict[tuple[int, int, int], list[Point]] = {}
    for key, points in raw.items():
        points.sort(key=lambda row: when[row[2]][0])  # type: ignore[index]
        series: list[Point] = []
        last = None
        for _, _, code, _, value, lower, upper in points:
            if code != last:  # the same value may come from two parts of the union
                series.append((when[code][1], value, lower, upper))  # type: ignore[index]
                last = code
        data[key] = series
    return data


def _series(
    data: dict[tuple[int, int, int], list[Point]],
    revision: CriterionRevision,
    groups: tuple[int, ...],
    area_id: int,
) -> list[Point]:
    """The points the criterion follows in an area: one group, or the gap A − B."""
    if not revision.is_gap:
        return data.get((revision.indicator_id, area_id, groups[0]), []) if groups else []
    a = {p[0]: p for p in data.get((revision.indicator_id, area_id, groups[0]), [])}
    b = {p[0]: p for p in data.get((revision.indicator_id, area_id, groups[1]), [])}
    points: list[Point] = []
    for period, va, la, ua in a.values():  # in period order
        if period not in b:
            continue
        _, vb, lb, ub = b[period]
        gap = va - vb
        lower = upper = None
        # Disjoint groups are independent samples: the variances of the two values add up.
        if None not in (la, ua, lb, ub) and ua > la and ub > lb:  # type: ignore[operator]
            se = math.hypot((ua - la) / (2 * _Z95), (ub - lb) / (2 * _Z95))  # type: ignore[operator]
            lower, upper = gap - _Z95 * se, gap + _Z95 * se
        points.append((period, gap, lower, upper))
    return points


def _base_point(points: list[Point], baseline: Period) -> Point | None:
    """The first point from the start of the baseline period on (sdg-build's base)."""
    start = _months(baseline)[0]
    return next((p for p in points if _months(p[0])[0] >= start), None)


def _essential(points: list[Point], base_point: Point | None) -> dict[Period, float]:
    """The series `measure` needs: the first, base and latest points.

    The measure depends only on the base and latest values (the first point only makes the
    count of periods right), so passing these gives the same result without sorting the series.
    """
    return {p[0]: p[1] for p in (points[0], base_point, points[-1]) if p is not None}


def _direction(indicator: Indicator, revision: CriterionRevision) -> bool | None:
    if revision.is_gap:
        return False
    if indicator.polarity == Polarity.HIGHER:
        return True
    if indicator.polarity == Polarity.LOWER:
        return False
    return None


def _absolute_target(revision: CriterionRevision, base: float | None) -> float | None:
    if revision.target_type is None or revision.target_value is None:
        return None
    value = float(revision.target_value)
    if revision.target_type == TargetType.ABSOLUTE:
        return value
    if base is None:
        return None
    if revision.target_type == TargetType.RELATIVE:
        return base * (1 + value / 100)
    return base + value


@dataclass(frozen=True)
class _Criterion:
    """What a criterion revision needs in every area, worked out once."""

    info: CriterionInfo
    revision: CriterionRevision
    indicator: Indicator
    groups: tuple[int, ...]
    baseline: Period
    target_period: Period | None
    has_target: bool
    converts: bool  # a relative or point target, converted from the baseline value
    direction: bool | None
    track: str
    subject: str
    text: str
    indicator_name: str
    unit: str
    region: dict[Period, Point]  # the region's series, for the comparison


def _criterion(
    cat: Catalogue,
    info: CriterionInfo,
    revision: CriterionRevision,
    region: Area | None,
    data: dict[tuple[int, int, int], list[Point]],
    tracks: dict[int, str],
    lang: str,
) -> _Criterion:
    indicator = cat.indicators[revision.indicator_id]
    groups = _groups_of(revision, cat)
    has_target = revision.target_type is not None and revision.target_value is not None
    region_points = _series(data, revision, groups, region.id) if region is not None else []
    return _Criterion(
        info=info,
        revision=revision,
        indicator=indicator,
        groups=groups,
        baseline=parse_period(revision.baseline_period),
        target_period=parse_period(revision.target_period) if revision.target_period else None,
        has_target=has_target,
        converts=has_target and revision.target_type != TargetType.ABSOLUTE,
        direction=_direction(indicator, revision),
        track=tracks.get(info.goal.track_id, ""),
        subject=criterion_subject(cat, revision, lang),
        text=name_of(revision, lang, "text"),
        indicator_name=name_of(indicator, lang),
        # The gap between two shares is in percentage points, not per cent.
        unit=t("status.unit.points", lang)
        if revision.is_gap and indicator.unit == "%"
        else name_of(indicator, lang, "unit"),
        region={p[0]: p for p in region_points},
    )


def _assess_one(
    c: _Criterion,
    area: Area,
    region: Area | None,
    data: dict[tuple[int, int, int], list[Point]],
    lang: str,
) -> StatusRow:
    revision, indicator, baseline = c.revision, c.indicator, c.baseline
    points = _series(data, revision, c.groups, area.id)

    base_point = _base_point(points, baseline)
    in_baseline = base_point is not None and _end_month(base_point[0]) <= _end_month(baseline)
    base_value = base_point[1] if base_point else None
    target = _absolute_target(revision, base_value if in_baseline else None)

    higher_is_better = c.direction
    inferred = False
    reason: str | None = None
    if not points:
        reason = "no_data"
    elif c.converts and not in_baseline:
        # The target is defined from the baseline value; a later value would move the goalposts.
        reason = "no_baseline_value"
    elif revision.is_gap and base_value is not None and base_value < 0:
        reason = "negative_gap"
    elif higher_is_better is None:
        if not c.has_target:
            reason = "no_polarity"
        elif base_value is not None and target is not None and target != base_value:
            higher_is_better, inferred = target > base_value, True
        elif base_value is not None:
            reason = "no_direction"

    if reason is None and higher_is_better is not None:
        result = measure(
            _essential(points, base_point),
            higher_is_better=higher_is_better,
            base_period=baseline,
            target=target,
            target_period=c.target_period if target is not None else None,
            limit=indicator.natural_limit,
        )
    else:
        # Not assessable before the method runs; the measure still carries what is known.
        latest = points[-1] if points else None
        result = Measure(
            status=NOT_AVAILABLE,
            value=None,
            score=None,
            reason=reason or "no_base_value",
            base_period=base_point[0] if base_point else None,
            base_value=base_value,
            latest_period=latest[0] if latest else None,
            latest_value=latest[1] if latest else None,
            target=target,
            target_period=c.target_period,
            required_rate=None,
            observed_rate=None,
            higher_is_better=bool(higher_is_better),
            limit=indicator.natural_limit,
        )

    latest_point = points[-1] if points else None
    # Compared with the region's value for the area's latest period.
    region_point = None
    comparison = "not_compared"
    if latest_point is not None and region is not None and area.id != region.id:
        region_point = c.region.get(latest_point[0])
        if region_point is not None:
            comparison = compare_to_reference(
                latest_point[1],
                latest_point[2],
                latest_point[3],
                region_point[1],
                higher_is_better=higher_is_better,
            )
    return StatusRow(
        criterion=c.info.code,
        criterion_text=c.text,
        goal=c.info.goal.code,
        track=c.track,
        area=area.code,
        area_name=name_of(area, lang),
        area_kind=str(area.kind),
        indicator=indicator.code,
        indicator_name=c.indicator_name,
        unit=c.unit,
        decimals=indicator.decimals,
        subject=c.subject,
        gap=revision.is_gap,
        revision=revision.revision,
        revision_valid_from=revision.valid_from,
        baseline_period=baseline.code,
        target_type=str(revision.target_type) if revision.target_type else None,
        target_input=revision.target_value if c.has_target else None,
        target=target,
        target_period=c.target_period.code if c.target_period else None,
        higher_is_better=higher_is_better,
        base_period=_code(result.base_period),
        base_value=result.base_value,
        latest_period=_code(result.latest_period),
        latest_value=result.latest_value,
        latest_lower=latest_point[2] if latest_point else None,
        latest_upper=latest_point[3] if latest_point else None,
        required_rate=result.required_rate,
        observed_rate=result.observed_rate,
        ratio=result.value,
        status=result.status,
        status_label=status_label(result.status, lang),
        score=result.score,
        reason=result.reason,
        direction_inferred=inferred,
        comparison=comparison,
        comparison_label=t(f"status.comparison.{comparison}", lang),
        region_value=region_point[1] if region_point else None,
        region_lower=region_point[2] if region_point else None,
        region_upper=region_point[3] if region_point else None,
        measure=result,
        points=points,
        lang=lang,
    )


def _code(period: Any) -> str | None:
    return period.code if isinstance(period, Period) else (None if period is None else str(period))


def _rate(rate: float | None, lang: str) -> str:
    if rate is None or not math.isfinite(rate):
        return "–"
    percent = rate * 100
    sign = "+" if percent > 0 else "−" if percent < 0 else ""
    return sign + t("status.rate.per_year", lang, rate=format_number(abs(percent), 1, lang))


def _reason_text(
    result: Measure,
    *,
    area_name: str,
    baseline: Period,
    target_period: Period | None,
    unit: str,
    decimals: int,
    inferred: bool | None,
    gap: bool,
    lang: str,
) -> str:
    def label(period: Any) -> str:
        return period_label(_code(period) or "", lang) if period is not None else "–"

    def number(value: float | None) -> str:
        text = format_number(value, decimals, lang)
        return f"{text} {unit}" if value is not None and unit else text

    values = {
        "area": area_name,
        "what": t(f"status.what.{'gap' if gap else 'value'}", lang),
        "base": label(result.base_period or baseline),
        "latest": label(result.latest_period),
        "target_period": label(target_period),
        "base_value": number(result.base_value),
        "latest_value": number(result.latest_value),
        "target": number(result.target),
        "observed": _rate(result.observed_rate, lang),
        "required": _rate(result.required_rate, lang),
    }
    if result.status == NOT_AVAILABLE:
        if result.reason in ("no_baseline_value", "no_base_value", "negative_gap"):
            values["base"] = label(baseline)
        return t(f"status.reason.{result.reason}", lang, **values)
    if result.status == TARGET_ACHIEVED:
        # met with a single period (or the base is the latest): there is no "from … to …"
        single = result.base_value is None or result.base_period == result.latest_period
        text = t(f"status.explain.{'achieved_latest' if single else 'achieved'}", lang, **values)
    elif result.target is not None:
        text = t("status.explain.target", lang, **values)
    else:
        text = t("status.explain.no_target", lang, **values)
    if isinstance(result.base_period, Period) and result.base_period != baseline:
        text += t("status.explain.base_moved", lang, baseline=label(baseline), base=values["base"])
    if inferred is not None:
        direction = t(f"status.direction.{'higher' if inferred else 'lower'}", lang)
        text += t("status.explain.direction_inferred", lang, direction=direction)
    return text


def _trend_label(trend: Trend, lang: str) -> str:
    if trend.judgement == "direction_only":
        return t(
            "status.trend.direction_only",
            lang,
            direction=t(f"status.trend.{trend.direction}", lang)
            if trend.direction in ("increasing", "decreasing")
            else t("status.trend.no_significant_change", lang).lower(),
        )
    return t(f"status.trend.{trend.judgement}", lang)


def _report(
    cat: Catalogue,
    rows: list[StatusRow],
    cutoff: Period | None,
    when: dt.date,
    lang: str,
) -> StatusReport:
    by_goal_area: dict[tuple[str, str], list[Measure]] = defaultdict(list)
    for row in rows:
        by_goal_area[(row.goal, row.area)].append(row.measure)
    goal_area = {key: roll_up(parts) for key, parts in by_goal_area.items()}

    track_of_goal = {g.code: tr.code for tr in cat.tracks for g in cat.goals_of_track(tr)}
    by_track_area: dict[tuple[str, str], list[RollUp]] = defaultdict(list)
    for (goal, area), rollup in goal_area.items():
        by_track_area[(track_of_goal.get(goal, ""), area)].append(rollup)
    track_area = {key: roll_up(parts) for key, parts in by_track_area.items()}

    by_area: dict[str, list[RollUp]] = defaultdict(list)
    for (_, area), rollup in track_area.items():
        by_area[area].append(rollup)
    cluster = {area: roll_up(parts) for area, parts in by_area.items()}

    clusters = {a.code for a in cat.areas.values() if a.kind == AreaKind.CLUSTER}
    by_track: dict[str, list[RollUp]] = defaultdict(list)
    for (track, area), rollup in track_area.items():
        if area in clusters:
            by_track[track].append(rollup)
    track_order = [tr.code for tr in cat.tracks]
    region_track = {track: roll_up(by_track[track]) for track in track_order if track in by_track}
    region = roll_up(r for area, r in cluster.items() if area in clusters)
    return StatusReport(
        rows=rows,
        goal_area=goal_area,
        track_area=track_area,
        cluster=cluster,
        region_track=region_track,
        region=region,
        as_of=cutoff.code if cutoff else None,
        revision_date=when,
        lang=lang,
    )


def status_counts(rows: Iterable[StatusRow]) -> dict[str, int]:
    """How many rows have each status (every status present, best first)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts
