"""The Open SDG progress measure (Statistics Canada's method, as in sdg-build 2.4.0).

Pure functions, no I/O. Progress is the compound annual growth rate (CAGR) from a base period
to the latest period with data, judged either against the growth needed to reach a target on
time (the ratio ``x`` below) or, without a target, against fixed growth rates (1.5 % and 0.5 %
a year), which are scaled down near a natural limit such as 100 %.

    CAGR(v1, v0, t1, t0) = (v1 / v0) ** (1 / (t1 - t0)) - 1        (t in years; a quarter = 0.25)
    d    = +1 if higher is better else -1
    sign = -1 if the base value is negative else +1

With a target: ``x = sign * d * CAGR(latest) / |CAGR(target)|`` with thresholds 0.95 / 0.60 / 0.
Without:       ``x = sign * d * CAGR(latest)`` with thresholds 0.015 C / 0.005 C / 0.

Every series also gets a score in [-5, 5] so that several series can be rolled up (mean score,
bands 2.5 / 0 / -2.5). Where this module deliberately differs from sdg-build it says so in a
comment starting with "Differs from sdg-build".
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from goals.periods import parse_period, strictly_increasing

__all__ = [
    "REASONS",
    "STATUSES",
    "Measure",
    "RollUp",
    "measure",
    "reason_text",
    "roll_up",
    "status_from_score",
]

TARGET_ACHIEVED = "target_achieved"
ON_TRACK = "on_track"
NEEDS_ACCELERATION = "needs_acceleration"
LIMITED_PROGRESS = "limited_progress"
DETERIORATION = "deterioration"
NOT_AVAILABLE = "not_available"

#: Best to worst, then "not available".
STATUSES: tuple[str, ...] = (
    TARGET_ACHIEVED,
    ON_TRACK,
    NEEDS_ACCELERATION,
    LIMITED_PROGRESS,
    DETERIORATION,
    NOT_AVAILABLE,
)

#: Why a measure is not available: reason code → sentence in Danish ("da") and English ("en").
#: The codes are stable; other modules and stored results may refer to them.
REASONS: dict[str, dict[str, str]] = {
    "no_data": {
        "da": "Der er ingen data for indikatoren.",
        "en": "There are no data for the indicator.",
    },
    "fewer_than_two_periods": {
        "da": "Der er kun data for én periode – der kræves mindst to.",
        "en": "There are data for only one period – at least two are needed.",
    },
    "no_base_value": {
        "da": "Der er ingen data for basisperioden eller nogen senere periode.",
        "en": "There are no data for the base period or any later period.",
    },
    "base_not_before_latest": {
        "da": "Basisperioden er den seneste periode med data – der er intet senere at sammenligne med.",
        "en": "The base period is the latest period with data – there is nothing later to compare with.",
    },
    "opposite_signs": {
        "da": "Basisværdien og den seneste værdi har modsat fortegn, så udviklingen kan ikke beregnes "
        "som en årlig vækstrate.",
        "en": "The base value and the latest value have opposite signs, so the change cannot be "
        "computed as an annual growth rate.",
    },
    "target_opposite_sign": {
        "da": "Målet og basisværdien har modsat fortegn, så den nødvendige årlige vækstrate kan ikke "
        "beregnes.",
        "en": "The target and the base value have opposite signs, so the required annual growth rate "
        "cannot be computed.",
    },
    "target_not_after_base": {
        "da": "Måldatoen ligger ikke efter basisperioden, så den nødvendige årlige vækstrate kan ikke "
        "beregnes.",
        "en": "The target date is not after the base period, so the required annual growth rate "
        "cannot be computed.",
    },
    "not_computable": {
        "da": "Tallene er så ekstreme, at vækstraten ikke kan beregnes meningsfuldt.",
        "en": "The values are so extreme that the growth rate cannot be computed meaningfully.",
    },
}

#: A zero base or target is replaced by this (an exponential model cannot start from or aim at 0).
ZERO_SUBSTITUTE = 0.001
#: Exponent of the threshold reduction near a natural limit.
LIMIT_EXPONENT = 4.44
#: Ratio thresholds (observed / required growth) with a target: on track, needs acceleration, limited.
TARGET_THRESHOLDS = (0.95, 0.60, 0.0)
#: Growth-rate thresholds without a target, before scaling by C.
NO_TARGET_THRESHOLDS = (0.015, 0.005, 0.0)
#: Score bands: on track, needs acceleration, limited progress (below: deterioration).
SCORE_BANDS = (2.5, 0.0, -2.5)
SCORE_MIN, SCORE_MAX = -5.0, 5.0


def reason_text(code: str, lang: str = "da") -> str:
    """The sentence for a reason code (Danish by default)."""
    return REASONS[code][lang]


@dataclass(frozen=True)
class Measure:
    """The progress of one series, with the inputs that produced it (for explanations).

    ``value`` is the ratio ``x`` (with a target) or the signed growth rate (without) that was
    compared with the thresholds. Periods are the keys of the series as given. ``base_value``
    and ``latest_value`` are as given too: a zero base is shown as 0 although the rates use
    0.001. ``coefficient`` is the threshold scaling C (no target only; 1 without a limit).
    """

    status: str
    value: float | None
    score: float | None
    reason: str | None
    base_period: Hashable | None
    base_value: float | None
    latest_period: Hashable | None
    latest_value: float | None
    target: float | None
    target_period: Hashable | None
    required_rate: float | None
    observed_rate: float | None
    higher_is_better: bool
    limit: float | None
    coefficient: float | None = None

    @property
    def available(self) -> bool:
        return self.status != NOT_AVAILABLE


@dataclass(frozen=True)
class RollUp:
    """Several measures summarised: the mean score of the available parts and its band."""

    status: str
    score: float | None
    n: int
    n_available: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.status != NOT_AVAILABLE


def status_from_score(score: float | None, *, target_achieved: bool = False) -> str:
    """The status band of a score: ≥ 2.5 on track, ≥ 0 needs acceleration, ≥ -2.5 limited."""
    if target_achieved:
        return TARGET_ACHIEVED
    if score is None or math.isnan(score):
        return NOT_AVAILABLE
    if score >= SCORE_BANDS[0]:
        return ON_TRACK
    if score >= SCORE_BANDS[1]:
        return NEEDS_ACCELERATION
    if score >= SCORE_BANDS[2]:
        return LIMITED_PROGRESS
    return DETERIORATION


def measure(
    series: Mapping[Any, Any],
    *,
    higher_is_better: bool,
    base_period: Any = None,
    target: float | None = None,
    target_period: Any = None,
    limit: float | None = None,
) -> Measure:
    """The progress of a series (period → value) from its base period to its latest value.

    Raises ValueError for programmer errors (a target without a target period, a period given
    twice with a value each time, a period that cannot be read); data problems give status
    ``not_available`` with a reason code from REASONS. A limit is ignored when there is a
    target (as sdg-build does).
    """
    if higher_is_better is None:
        raise ValueError("progress needs a polarity: higher_is_better must be True or False")
    higher_is_better = bool(higher_is_better)
    target = _number(target)
    limit = _number(limit)
    if target is not None and target_period is None:
        raise ValueError("a target needs a target_period")
    d = 1 if higher_is_better else -1
    points = _usable_points(series)

    def unavailable(reason: str, **known: Any) -> Measure:
        values = {
            "base_period": None,
            "base_value": None,
            "latest_period": None,
            "latest_value": None,
        }
        values.update(known)
        return Measure(
            status=NOT_AVAILABLE,
            value=None,
            score=None,
            reason=reason,
            target=target,
            target_period=target_period,
            required_rate=None,
            observed_rate=None,
            higher_is_better=higher_is_better,
            limit=limit,
            **values,
        )

    if not points:
        return unavailable("no_data")
    latest_key, t1, latest = points[-1]
    known: dict[str, Any] = {
        "base_period": None,
        "base_value": None,
        "latest_period": latest_key,
        "latest_value": latest,
    }

    # Base: the base period if it has a value, else the first later period that has one.
    # The reason why no rate can be worked out is kept, not returned at once: as in sdg-build
    # (SeriesProgress sets target_achieved apart from the data checks, and get_score tests it
    # first), a latest value that meets the target is "target achieved" all the same.
    blocked = None
    base_point = None
    if len(points) < 2:
        blocked = "fewer_than_two_periods"
    elif base_period is None:
        base_point = points[0]
    else:
        start = parse_period(base_period).years
        base_point = next((p for p in points if p[1] >= start), None)
        if base_point is None:
            blocked = "no_base_value"
    base = t0 = None
    if base_point is not None:
        base_key, t0, base = base_point
        known.update(base_period=base_key, base_value=base)
        if t0 >= t1:
            blocked = "base_not_before_latest"

    # sdg-build takes the sign before replacing a zero base, so a zero base counts as positive.
    # As in sdg-build only the base is replaced, never the latest value: a latest 0 is a growth
    # rate of −100 %, even from a zero base (0 → 0 is deterioration when higher is better).
    sign = -1 if (base if base is not None else latest) < 0 else 1
    base_eff = None
    observed = None
    if blocked is None:
        assert base is not None and t0 is not None
        base_eff = ZERO_SUBSTITUTE if base == 0 else base
        if (base_eff > 0 and latest < 0) or (base_eff < 0 and latest > 0):
            blocked = "opposite_signs"
        else:
            observed = _cagr(latest, base_eff, t1, t0)

    if target is None:
        if blocked is not None:
            return unavailable(blocked, **known)
        assert observed is not None
        return _without_target(
            known, observed, sign * d, base, higher_is_better, limit, target_period
        )

    # A zero target counts as 0.001 everywhere, also in the "achieved" test: sdg-build replaces
    # it in SeriesProgress.__init__, before is_target_achieved runs (so with lower is better a
    # latest 0.0005 has met a target of 0, and with higher is better it has not).
    # Differs from sdg-build: the 0.001 takes the sign of the base, so a negative series can aim
    # at zero (sdg-build would raise a negative number to a fractional power and compare with
    # the modulus of a complex number). For bases ≥ 0 this is exactly sdg-build's 0.001.
    target_eff = ZERO_SUBSTITUTE * sign if target == 0 else target
    achieved = latest >= target_eff if d == 1 else latest <= target_eff

    reason = blocked
    required = x = None
    if reason is None:
        assert base_eff is not None and t0 is not None and observed is not None
        t_target = parse_period(target_period).years
        if (target_eff > 0) != (base_eff > 0):
            reason = "target_opposite_sign"
        elif t_target <= t0:
            reason = "target_not_after_base"
        else:
            required = _cagr(target_eff, base_eff, t_target, t0)
            x = _ratio(sign * d * observed, abs(required))
            if math.isnan(x):
                x, reason = None, "not_computable"

    common = dict(
        reason=None,
        target=target,
        target_period=target_period,
        required_rate=required,
        observed_rate=observed,
        higher_is_better=higher_is_better,
        limit=limit,
        **known,
    )
    if achieved:
        # A target that is met is met, even when the growth towards it cannot be computed.
        return Measure(status=TARGET_ACHIEVED, value=x, score=SCORE_MAX, **common)
    if reason is not None:
        return unavailable(reason, **known)
    assert x is not None
    high, med, low = TARGET_THRESHOLDS
    status = _status(x, high, med, low)
    return Measure(status=status, value=x, score=_score_with_target(x), **common)


def roll_up(parts: Iterable[Measure | RollUp | float | None]) -> RollUp:
    """Summarise parts (measures, roll-ups of sub-groups, or bare scores) as one status.

    The score is the mean score of the available parts, and the status its band. The status is
    target_achieved only if every available part achieved its target (a bare score has not).
    As in sdg-build (IndicatorProgress.get_indicator_progress), parts without a score are left
    out of both the mean and the "all achieved" test; `RollUp` counts them, so that the
    dashboard can say how many could not be assessed. Nested roll-ups weigh each sub-group
    equally, as Open SDG's grouping does.
    """
    parts = list(parts)
    counts = dict.fromkeys(STATUSES, 0)
    scores: list[float] = []
    all_achieved = True
    for part in parts:
        if isinstance(part, Measure | RollUp):
            status, score = part.status, part.score
        else:
            score = _number(part)
            status = status_from_score(score)
        counts[status] += 1
        if status != NOT_AVAILABLE and score is not None:
            scores.append(score)
            all_achieved = all_achieved and status == TARGET_ACHIEVED
    if not scores:
        return RollUp(NOT_AVAILABLE, None, len(parts), 0, counts)
    # Identical parts must give exactly their own score (band edges such as 2.5 matter), and
    # fsum is exact enough otherwise; statistics.mean's fractions cost ~0.4 ms a roll-up.
    first = scores[0]
    mean = first if all(s == first for s in scores) else math.fsum(scores) / len(scores)
    return RollUp(
        status_from_score(mean, target_achieved=all_achieved),
        mean,
        len(parts),
        len(scores),
        counts,
    )


# --- internals -----------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """A finite float, or None for a missing value (None, NaN, ±inf)."""
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _usable_points(series: Mapping[Any, Any]) -> list[tuple[Any, float, float]]:
    """(key, time in years, value) for the periods with a value, oldest first."""
    if strictly_increasing(series):  # the status report's series: Periods, in order, once each
        return [(key, key.years, v) for key, raw in series.items() if (v := _number(raw)) is not None]  # fmt: skip
    seen: dict[Any, Any] = {}
    points = []
    for key, raw in series.items():
        period = parse_period(key)
        value = _number(raw)
        if value is None:
            # As sdg-build (SeriesProgress.filter_data): missing values are dropped before the
            # duplicate check, so a period given twice with one value is not an error.
            continue
        if period in seen:
            raise ValueError(
                f"period {period} occurs twice in the series ({seen[period]!r}, {key!r})"
            )
        seen[period] = key
        points.append((period, key, value))
    points.sort(key=lambda p: p[0])
    return [(key, period.years, value) for period, key, value in points]


def _cagr(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate; v1 / v0 must not be negative."""
    ratio = v1 / v0
    try:
        return ratio ** (1.0 / (t1 - t0)) - 1.0
    except OverflowError:  # e.g. a large ratio over one month is raised to the 12th power
        return math.inf


def _ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, where a zero denominator gives ±inf (or NaN for 0 / 0).

    A required rate of 0 means the target equals the base. If the target is not achieved, the
    latest value has moved away from it, so the numerator is negative and x = -inf:
    deterioration with score -5.
    """
    if denominator == 0:
        return math.copysign(math.inf, numerator) if numerator != 0 else math.nan
    return numerator / denominator


def _status(x: float, high: float, med: float, low: float) -> str:
    if x >= high:
        return ON_TRACK
    if x >= med:
        return NEEDS_ACCELERATION
    if x >= low:
        return LIMITED_PROGRESS
    return DETERIORATION


def _score_with_target(x: float) -> float:
    # Linear pieces through (0.6, 0) and (1.3, 5), and through (-0.6, -5) and (0.6, 0).
    if x >= TARGET_THRESHOLDS[1]:
        return min(7.1429 * x - 4.2857, SCORE_MAX)
    return max(4.1667 * x - 2.5, SCORE_MIN)


def _limit_coefficient(base: float, limit: float | None) -> float:
    """The factor C in [0, 1] that scales the no-target thresholds near a natural limit."""
    if limit is None:
        return 1.0
    b, lim = abs(base), abs(limit)
    # b >= 2l first, so that a base and a limit both at zero leave the thresholds alone.
    if b >= 2 * lim:
        return 1.0
    if b <= lim:
        return 1.0 - (b / lim) ** LIMIT_EXPONENT
    return 1.0 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT


def _score_without_target(x: float, c: float) -> float:
    # Thresholds are scaled by C; dividing x by C puts it back on the unscaled scale.
    if x < 0:
        return max(125 * x - 2.5, SCORE_MIN)
    if c == 0:
        # The base sits on the limit and has not moved away from it: as good as it gets.
        return SCORE_MAX
    high, med = NO_TARGET_THRESHOLDS[0] * c, NO_TARGET_THRESHOLDS[1] * c
    if x >= high:
        return min(500 * x / c - 5, SCORE_MAX)
    if x >= med:
        return 250 * x / c - 1.25
    return 500 * x / c - 2.5


def _without_target(
    known: dict[str, Any],
    observed: float,
    direction: int,
    base: float,
    higher_is_better: bool,
    limit: float | None,
    target_period: Any,
) -> Measure:
    # The coefficient uses the base as given (sdg-build computes it before replacing a zero base).
    c = _limit_coefficient(base, limit)
    x = direction * observed
    high, med, low = (t * c for t in NO_TARGET_THRESHOLDS)
    return Measure(
        status=_status(x, high, med, low),
        value=x,
        score=_score_without_target(x, c),
        reason=None,
        target=None,
        target_period=target_period,
        required_rate=None,
        observed_rate=observed,
        higher_is_better=higher_is_better,
        limit=limit,
        coefficient=c,
        **known,
    )
