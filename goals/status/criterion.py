"""One success criterion in one area: its series, target, direction, Open SDG measure, the
change and its certainty, the verdict and the comparison with the region → a `StatusRow`.

The method is described in docs/method.md and in `goals.status.assessment`; `Criterion` holds
what a criterion revision needs in every area, worked out once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from goals.catalogue import Catalogue, CriterionInfo
from goals.catalogue.words import criterion_subject
from goals.i18n import name_of, t
from goals.periods import Period, parse_period
from goals.status.compare import compare_to_reference
from goals.status.progress import NOT_AVAILABLE, TARGET_ACHIEVED, Measure, measure
from goals.status.report import Point, StatusRow, period_code, status_label
from goals.status.values import Values, criterion_points, end_month, groups_of, months
from goals.status.verdicts import UNKNOWN, change_certainty, standard_error, verdict_of
from goals.store.model import Area, CriterionRevision, Indicator, Polarity, TargetType

__all__ = ["Criterion", "assess_one"]


def base_point_of(points: list[Point], baseline: Period) -> Point | None:
    """The first point from the start of the baseline period on (sdg-build's base)."""
    start = months(baseline)[0]
    return next((p for p in points if months(p[0])[0] >= start), None)


def essential_points(points: list[Point], base_point: Point | None) -> dict[Period, float]:
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
class Criterion:
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

    @classmethod
    def of(
        cls,
        cat: Catalogue,
        info: CriterionInfo,
        revision: CriterionRevision,
        region: Area | None,
        data: dict[tuple[int, int, int], list[Point]],
        tracks: dict[int, str],
        lang: str,
    ) -> Criterion:
        """A criterion revision prepared for `assess_one` in each of its areas."""
        indicator = cat.indicators[revision.indicator_id]
        groups = groups_of(revision, cat)
        has_target = revision.target_type is not None and revision.target_value is not None
        region_points = (
            criterion_points(data, revision, groups, region.id) if region is not None else []
        )
        return cls(
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


def assess_one(
    c: Criterion,
    area: Area,
    region: Area | None,
    values: Values,
    lang: str,
) -> StatusRow:
    """The criterion in one area: its row, with the inputs, the status and the verdict."""
    revision, indicator, baseline = c.revision, c.indicator, c.baseline
    points = criterion_points(values.points, revision, c.groups, area.id)

    base_point = base_point_of(points, baseline)
    in_baseline = base_point is not None and end_month(base_point[0]) <= end_month(baseline)
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
            essential_points(points, base_point),
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

    keys = [(revision.indicator_id, area.id, group) for group in c.groups]
    derived = {p for key in keys for p in values.derived.get(key, ())}
    if derived:
        derived &= {p[0] for p in points}
    hidden = {p for key in keys for p in values.hidden.get(key, ())}
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
        base_period=period_code(result.base_period),
        base_value=result.base_value,
        latest_period=period_code(result.latest_period),
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
        derived_periods=tuple(p.code for p in sorted(derived)),
        suppressed_periods=tuple(p.code for p in sorted(hidden)),
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
        c: Criterion,
        area: Area,
        result: Measure,
        values: Values,
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


def _standard_error(c: Criterion, area: Area, values: Values, point: Point) -> float | None:
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
    values: Values, key: tuple[int, int, int], point: Point, unit: str | None
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
