"""Status of every success criterion × area, with its inputs and reasoning, and the roll-ups.

`assess` reads the catalogue and, in one query, the current values of every indicator involved
(`goals.store.observations.current_query`, for just the areas and groups each criterion needs);
the rest is pure Python on the `goals.status.progress` and `goals.status.compare` methods (docs/method.md):

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
from goals.catalogue.words import criterion_subject, period_label
from goals.i18n import format_number, format_signed, language, name_of, t
from goals.periods import Period, PeriodError, parse_period
from goals.status.compare import TREND_POINTS, Trend, compare_to_reference, recent_trend
from goals.status.progress import (
    NOT_AVAILABLE,
    REASONS,
    STATUSES,
    TARGET_ACHIEVED,
    Measure,
    measure,
)
from goals.status.verdicts import (
    UNKNOWN,
    Z95,
    Combined,
    change_certainty,
    combine,
    standard_error,
    verdict_of,
)
from goals.store import fetch_tuples, read_session
from goals.store.model import (
    Area,
    AreaKind,
    CriterionRevision,
    Indicator,
    Observation,
    Polarity,
    TargetType,
)
from goals.store.observations import current_query

if TYPE_CHECKING:  # pandas only for to_frame: kept off the front page's start-up path
    import pandas as pd

__all__ = [
    "REASON_CODES",
    "RECORD_KEYS",
    "KeyMessage",
    "StatusReport",
    "StatusRow",
    "UnknownArea",
    "assess",
    "assessment_plan",
    "change_unit",
    "combine_rows",
    "format_change",
    "key_messages",
    "message_text",
    "shared_verdict",
    "status_counts",
    "status_label",
    "support_text",
    "values_query",
]


#: Why a criterion cannot be assessed in an area: the codes of goals.status.progress.REASONS plus the
#: ones that only arise from a criterion (its text is i18n key ``status.reason.<code>``).
REASON_CODES: tuple[str, ...] = (
    *REASONS,
    "no_baseline_value",
    "no_polarity",
    "no_direction",
    "negative_gap",
)


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
        return _trend_label(self.trend, self.lang)

    @functools.cached_property
    def reason_text(self) -> str:
        """Why the status is what it is, in words a director understands (in the row's language).

        Worked out when first read: the overview needs only statuses and scores.
        """
        return _reason_text(self)

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
    values = _load_values(session, cat, plans, region, cutoff)
    tracks = {tr.id: tr.code for tr in cat.tracks}
    criteria: dict[int, _Criterion] = {}
    rows = []
    for info, revision, area in plans:
        c = criteria.get(revision.id)
        if c is None:
            c = criteria[revision.id] = _criterion(
                cat, info, revision, region, values.points, tracks, lang
            )
        rows.append(_assess_one(c, area, region, values, lang))
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


VALUE_COLUMNS = (
    "indicator_id",
    "area_id",
    "period",
    "group_id",
    "value",
    "lower",
    "upper",
    "numerator",
    "denominator",
)


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


class _Values(NamedTuple):
    """The values `assess` reads: points per (indicator, area, group), and the numerator and
    denominator per (indicator, area, group, period) where they were reported."""

    points: dict[tuple[int, int, int], list[Point]]
    counts: dict[tuple[int, int, int, Period], tuple[float | None, float | None]]


def _load_values(
    session: Session,
    cat: Catalogue,
    plans: list[tuple[CriterionInfo, CriterionRevision, Area]],
    region: Area | None,
    cutoff: Period | None,
) -> _Values:
    """(indicator, area, group) → points up to the cutoff, oldest first, from one query; and
    the numerator and denominator of the values that have them (for standard errors)."""
    if not plans:
        return _Values({}, {})
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
    counts: dict[tuple[int, int, int, Period], tuple[float | None, float | None]] = {}
    for key, points in raw.items():
        points.sort(key=lambda row: when[row[2]][0])  # type: ignore[index]
        series: list[Point] = []
        last = None
        for _, _, code, _, value, lower, upper, numerator, denominator in points:
            if code != last:  # the same value may come from two parts of the union
                period = when[code][1]  # type: ignore[index]
                series.append((period, value, lower, upper))
                if denominator is not None:
                    counts[(*key, period)] = (numerator, denominator)
                last = code
        data[key] = series
    return _Values(data, counts)


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
            se = math.hypot((ua - la) / (2 * Z95), (ub - lb) / (2 * Z95))  # type: ignore[operator]
            lower, upper = gap - Z95 * se, gap + Z95 * se
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
    values: _Values,
    lang: str,
) -> StatusRow:
    revision, indicator, baseline = c.revision, c.indicator, c.baseline
    points = _series(values.points, revision, c.groups, area.id)

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
    change = _Change.of(c, area, result, values, base_point, latest_point)
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
        certainty=change.certainty,
        verdict=change.verdict,
        verdict_label=status_label(change.verdict, lang),
        change=change.change,
        change_per_year=change.per_year,
        needed_per_year=change.needed_per_year,
        base_lower=change.base_lower,
        base_upper=change.base_upper,
        base_se=change.base_se,
        latest_se=change.latest_se,
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


class _Change(NamedTuple):
    """The change from the base to the latest value, its certainty, and the verdict."""

    certainty: str
    verdict: str
    change: float | None
    per_year: float | None
    needed_per_year: float | None
    base_lower: float | None
    base_upper: float | None
    base_se: float | None
    latest_se: float | None

    @classmethod
    def of(
        cls,
        c: _Criterion,
        area: Area,
        result: Measure,
        values: _Values,
        base_point: Point | None,
        latest_point: Point | None,
    ) -> _Change:
        base = (
            base_point if base_point is not None and base_point[0] == result.base_period else None
        )
        latest = latest_point
        change = per_year = needed = None
        base_se = latest_se = None
        if base is not None and latest is not None and base[0] != latest[0]:
            change = latest[1] - base[1]
            years = latest[0].years - base[0].years
            per_year = change / years if years > 0 else None
            base_se = _standard_error(c, area, values, base)
            latest_se = _standard_error(c, area, values, latest)
            certainty = change_certainty(base[1], base_se, latest[1], latest_se)
        else:
            certainty = UNKNOWN
        if (
            latest is not None
            and result.target is not None
            and c.target_period is not None
            and result.status != TARGET_ACHIEVED
        ):
            years_left = c.target_period.years - latest[0].years
            if years_left > 0:
                needed = (result.target - latest[1]) / years_left
        return cls(
            certainty=certainty,
            verdict=verdict_of(result.status, certainty),
            change=change,
            per_year=per_year,
            needed_per_year=needed,
            base_lower=base[2] if base is not None else None,
            base_upper=base[3] if base is not None else None,
            base_se=base_se,
            latest_se=latest_se,
        )


def _standard_error(c: _Criterion, area: Area, values: _Values, point: Point) -> float | None:
    """A point's standard error (goals.status.verdicts.standard_error); for a gap √(se_A² + se_B²)."""
    unit = c.indicator.unit
    if not c.revision.is_gap:
        key = (c.revision.indicator_id, area.id, c.groups[0])
        return _point_error(values, key, point, unit)
    errors = []
    for group in c.groups:
        key = (c.revision.indicator_id, area.id, group)
        found = next((p for p in reversed(values.points.get(key, ())) if p[0] == point[0]), None)
        errors.append(_point_error(values, key, found, unit) if found is not None else None)
    if None in errors:
        return None
    return math.hypot(*errors)  # type: ignore[arg-type]


def _point_error(
    values: _Values, key: tuple[int, int, int], point: Point, unit: str | None
) -> float | None:
    numerator, denominator = values.counts.get((*key, point[0]), (None, None))
    return standard_error(
        point[1],
        lower=point[2],
        upper=point[3],
        numerator=numerator,
        denominator=denominator,
        unit=unit,
    )


def _code(period: Any) -> str | None:
    return period.code if isinstance(period, Period) else (None if period is None else str(period))


#: Reasons whose own sentence says it all: no change to tell, or none from the baseline.
_NO_CHANGE_REASONS = frozenset(
    {
        "no_data",
        "fewer_than_two_periods",
        "no_base_value",
        "base_not_before_latest",
        "no_baseline_value",
        "negative_gap",
    }
)


def change_unit(row: StatusRow) -> str:
    """The unit of a change: procentpoint for a share in % (a gap's unit already is)."""
    return t("status.unit.points", row.lang) if row.unit.strip() == "%" else row.unit


def format_change(value: float | None, row: StatusRow, *, signed: bool = True) -> str:
    """A change in the indicator's unit ('−0,6 procentpoint'): as many decimals as the indicator
    shows, or up to two more where that would round a real change to 0."""
    if value is None or not math.isfinite(value):
        return "–"
    text = format_signed(value if signed else abs(value), row.decimals, row.lang)
    text = text.removeprefix("+") if not signed else text
    unit = change_unit(row)
    return f"{text} {unit}".strip()


def _reason_text(row: StatusRow) -> str:
    """The director's sentences: the change in the indicator's unit and per year, whether it
    is more than noise, and what is needed a year from now to reach the target."""
    lang, result = row.lang, row.measure

    def label(period: Any) -> str:
        return period_label(_code(period) or "", lang) if period is not None else "–"

    def number(value: float | None) -> str:
        text = format_number(value, row.decimals, lang)
        return f"{text} {row.unit}" if value is not None and row.unit else text

    baseline = parse_period(row.baseline_period)
    values = {
        "area": row.area_name,
        "base": label(result.base_period or baseline),
        "latest": label(result.latest_period),
        "target_period": label(row.target_period),
        "base_value": number(result.base_value),
        "latest_value": number(result.latest_value),
        "target": number(row.target),
    }
    if result.status == NOT_AVAILABLE and (
        row.change is None or result.reason in _NO_CHANGE_REASONS
    ):
        if result.reason in ("no_baseline_value", "no_base_value", "negative_gap"):
            values["base"] = label(baseline)
        return t(f"status.reason.{result.reason}", lang, **values)

    what = "gap" if row.gap else "share" if row.unit.strip() == "%" else "value"
    parts = []
    if row.change is None:  # met with a single period: there is no "from … to …"
        parts.append(t(f"status.explain.level.{what}", lang, **values))
    else:
        direction = "up" if row.change > 0 else "down" if row.change < 0 else "same"
        per_year = (
            t("status.explain.per_year", lang, rate=format_change(row.change_per_year, row))
            if row.change_per_year is not None and direction != "same"
            else ""
        )
        parts.append(
            t(f"status.explain.change.{what}.{direction}", lang, per_year=per_year, **values)
        )
        margin = (
            format_change(row.change_margin, row, signed=False)
            if row.change_margin is not None
            else ""
        )
        if direction != "same":
            parts.append(t(f"status.explain.certainty.{row.certainty}", lang, margin=margin))
        elif margin:
            parts.append(t("status.explain.certainty.same", lang, margin=margin))

    if result.status == TARGET_ACHIEVED:
        parts.append(t("status.explain.target_met", lang, **values))
    elif result.status == NOT_AVAILABLE:
        parts.append(t(f"status.reason.{result.reason}", lang, **values))
    elif row.target is None:
        parts.append(t("status.explain.no_target", lang))
    elif row.needed_per_year is None:
        parts.append(t("status.explain.target_passed", lang, **values))
    else:
        verb = "up" if row.needed_per_year > 0 else "down"
        parts.append(
            t(
                f"status.explain.needed.{what}.{verb}",
                lang,
                needed=format_change(row.needed_per_year, row, signed=False),
                **values,
            )
        )
    text = " ".join(parts)
    if isinstance(result.base_period, Period) and result.base_period != baseline:
        text += t("status.explain.base_moved", lang, baseline=label(baseline), base=values["base"])
    if row.direction_inferred:
        direction = t(f"status.direction.{'higher' if row.higher_is_better else 'lower'}", lang)
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
    clusters = {a.code for a in cat.areas.values() if a.kind == AreaKind.CLUSTER}
    groups: dict[tuple[str, ...], list[StatusRow]] = defaultdict(list)
    for row in rows:
        groups[("goal_area", row.goal, row.area)].append(row)
        groups[("track_area", row.track, row.area)].append(row)
        groups[("cluster", row.area)].append(row)
        if row.gap:
            groups[("inequality", row.area)].append(row)
        if row.area in clusters:
            groups[("region_track", row.track)].append(row)
            groups[("region",)].append(row)
            if row.gap:
                groups[("region_inequality",)].append(row)
    combined = {key: combine_rows(parts) for key, parts in groups.items()}

    def level(name: str) -> dict:
        return {
            key[1] if len(key) == 2 else key[1:]: value
            for key, value in combined.items()
            if key[0] == name
        }

    track_order = [tr.code for tr in cat.tracks]
    by_track = level("region_track")
    empty = combine(())
    return StatusReport(
        rows=rows,
        goal_area=level("goal_area"),
        track_area=level("track_area"),
        cluster=level("cluster"),
        region_track={tr: by_track[tr] for tr in track_order if tr in by_track},
        region=combined.get(("region",), empty),
        inequality=level("inequality"),
        region_inequality=combined.get(("region_inequality",), empty),
        as_of=cutoff.code if cutoff else None,
        revision_date=when,
        lang=lang,
    )


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
