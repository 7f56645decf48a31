"""Fingertips-style comparison with a reference area, and the recent trend of a series.

Both follow OHID's Fingertips (PHE's public-health profiles):

* Compared with a benchmark: the area's 95 % confidence interval either contains the reference
  value (similar) or lies wholly above or below it; polarity turns that into better or worse.
* Recent trend: over the five most recent consecutive periods, a weighted least-squares line
  (weights 1 / variance, the variance read off the 95 % confidence interval) is significant when
  χ² = slope² / var(slope) exceeds 9.5495 (χ² with 1 degree of freedom at 99.8 %) and the slope
  keeps its sign when each point in turn is left out. Without confidence limits only the
  direction of an ordinary least-squares line is given, labelled method="direction_only".

Checked against Fingertips' own code (tests/unit/test_compare_conformance.py):
ukhsa-collaboration/fingertips-open, PholioVisualisationWS/Analysis/TrendMarkers/
TrendMarkerCalculator.cs (the weighted sums, 3.92, 9.54953570608324, the six slope signs) and
Analysis/SingleOverlappingCIsForOneCILevelComparer.cs (the benchmark's value against the area's
95 % interval, ends included; the benchmark's own interval is not used). Deliberate differences:
a left-out slope of exactly 0 breaks the sign (Fingertips counts 0 as positive, so only a rise
driven by one point got through); the five periods must be consecutive (issue 4); Fingertips'
test on counts for "SPC for proportions" indicators is not used – the weights always come from
the confidence limits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from goals.periods import Period, parse_period, strictly_increasing

__all__ = [
    "CHI2_CRITICAL",
    "COMPARISONS",
    "TREND_POINTS",
    "TREND_REASONS",
    "Trend",
    "compare_to_reference",
    "recent_trend",
]

#: Results of compare_to_reference: judged (better / similar / worse), or only higher / lower
#: when the indicator has no polarity.
COMPARISONS: tuple[str, ...] = ("better", "similar", "worse", "higher", "lower", "not_compared")

#: The trend uses this many most recent consecutive periods (as Fingertips does).
TREND_POINTS = 5
#: χ² with one degree of freedom at the 99.8 % level (two-sided p = 0.002): 3.0902². The value
#: is Fingertips' own constant.
CHI2_CRITICAL = 9.54953570608324
#: Width of a 95 % confidence interval in standard errors (2 × 1.96), as Fingertips uses.
CI95_WIDTH_IN_SE = 3.92
#: A weighted slope whose numerator cancels to within this relative amount is rounding error,
#: i.e. exactly 0 (floating-point sums of five terms are good to about 1e-15).
ZERO_SLOPE_RTOL = 1e-12

#: Why a trend is not calculated or not significant: code → Danish ("da") and English ("en").
TREND_REASONS: dict[str, dict[str, str]] = {
    "fewer_than_five_consecutive": {
        "da": "Tendensen kræver data for mindst fem perioder i træk.",
        "en": "The trend needs data for at least five consecutive periods.",
    },
    "missing_confidence_limits": {
        "da": "Der mangler sikkerhedsgrænser, så kun retningen vises – uden test af om ændringen "
        "er signifikant.",
        "en": "Confidence limits are missing, so only the direction is shown – without a test "
        "of whether the change is significant.",
    },
    "not_significant": {
        "da": "Ændringen over de seneste fem perioder er ikke statistisk signifikant.",
        "en": "The change over the last five periods is not statistically significant.",
    },
    "unstable_slope": {
        "da": "Retningen skifter, når en enkelt periode udelades, så tendensen regnes ikke for "
        "sikker.",
        "en": "The direction changes when a single period is left out, so the trend is not "
        "considered reliable.",
    },
}


def compare_to_reference(
    value: float | None,
    lower: float | None,
    upper: float | None,
    reference: float | None,
    *,
    higher_is_better: bool | None,
) -> str:
    """Compare an area's value, with its 95 % confidence interval, to a reference value.

    'similar' when the interval contains the reference (ends included), else 'better' or
    'worse' by polarity – or 'higher' / 'lower' when the polarity is None (no judgement).
    'not_compared' when the value, either limit or the reference is missing, or lower > upper.
    """
    value, lower, upper, reference = (_number(v) for v in (value, lower, upper, reference))
    if value is None or lower is None or upper is None or reference is None or lower > upper:
        return "not_compared"
    if lower <= reference <= upper:
        return "similar"
    # The interval lies wholly on one side of the reference.
    side = "higher" if lower > reference else "lower"
    if higher_is_better is None:
        return side
    return "better" if (side == "higher") == bool(higher_is_better) else "worse"


@dataclass(frozen=True)
class Trend:
    """The recent trend of a series.

    direction: 'increasing' | 'decreasing' | 'no_significant_change' | 'not_calculated'.
    judgement: 'improving' | 'worsening' by polarity; 'no_judgement' when the polarity is None;
        'direction_only' when there was no significance test; else 'no_significant_change' or
        'not_calculated'.
    method: 'fingertips' | 'direction_only' | None (not calculated).
    slope: per period (one step of the series' frequency); chi2 only for 'fingertips'.
    periods: the periods used, as given, oldest first.
    """

    direction: str
    judgement: str
    method: str | None
    n_points: int
    slope: float | None
    chi2: float | None
    reason: str | None
    periods: tuple[Any, ...] = ()


def recent_trend(
    points: Iterable[Sequence[Any]],
    *,
    higher_is_better: bool | None,
) -> Trend:
    """The trend over the five most recent consecutive periods of (period, value, lower, upper).

    Consecutive means one step apart at the same frequency, each with a value; the run ends at
    the latest period with a value (later periods without one are skipped). Lower and upper may
    be None. Raises ValueError if a period occurs twice.
    """
    run = _latest_run(points)
    periods = tuple(key for key, *_ in run)
    if len(run) < TREND_POINTS:
        return Trend(
            direction="not_calculated",
            judgement="not_calculated",
            method=None,
            n_points=len(run),
            slope=None,
            chi2=None,
            reason="fewer_than_five_consecutive",
            periods=periods,
        )

    # Five points: plain floats, ~10× faster than numpy's per-call overhead on arrays this
    # small, and the same to the last bit (numpy adds fewer than eight values left to right).
    values = [float(v) for _, v, _, _ in run]
    # Fingertips numbers the five periods 1..5; the slope is therefore per period.
    x = [float(i) for i in range(1, TREND_POINTS + 1)]
    if not all(_has_ci(lo, up) for _, _, lo, up in run):
        slope = _ols_slope(x, values)
        return Trend(
            direction=_direction(slope),
            judgement="direction_only",
            method="direction_only",
            n_points=TREND_POINTS,
            slope=slope,
            chi2=None,
            reason="missing_confidence_limits",
            periods=periods,
        )

    se = [(up - lo) / CI95_WIDTH_IN_SE for _, _, lo, up in run]
    weights = [1.0 / (e * e) for e in se]
    slope, variance = _weighted_slope(x, values, weights)
    chi2 = slope**2 / variance
    # The sign must survive leaving out each point in turn. A zero slope does not keep it:
    # Fingertips' `slopeValue < 0 ? -1 : 1` counts 0 as positive, so 0, 0, 0, 0, 10 would be
    # "increasing" but its mirror 10, 0, 0, 0, 0 not "decreasing"; issue 4 asks for a stable sign.
    stable = slope != 0
    for i in range(TREND_POINTS):
        loo_slope, _ = _weighted_slope(x, values, weights, skip=i)
        stable = stable and _sign(loo_slope) == _sign(slope)

    if chi2 <= CHI2_CRITICAL:
        reason: str | None = "not_significant"
    elif not stable:
        reason = "unstable_slope"
    else:
        reason = None
    direction = _direction(slope) if reason is None else "no_significant_change"
    return Trend(
        direction=direction,
        judgement=_judgement(direction, higher_is_better),
        method="fingertips",
        n_points=TREND_POINTS,
        slope=slope,
        chi2=chi2,
        reason=reason,
        periods=periods,
    )


# --- internals -----------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """A finite float, or None for a missing value (None, NaN, ±inf)."""
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _has_ci(lower: float | None, upper: float | None) -> bool:
    # A zero-width interval would give an infinite weight, so it counts as missing.
    return lower is not None and upper is not None and upper > lower


def _latest_run(
    points: Iterable[Sequence[Any]],
) -> list[tuple[Any, float, float | None, float | None]]:
    """The most recent unbroken run of periods with values, at most TREND_POINTS long."""
    points = list(points)
    if all(len(p) == 4 for p in points) and strictly_increasing(p[0] for p in points):
        run = [(p[0], _number(p[1]), _number(p[2]), _number(p[3])) for p in points]
        return _run_from(run, lambda r: r[0], lambda r: r[1])
    rows: list[tuple[Period, Any, float | None, float | None, float | None]] = []
    seen: dict[Period, Any] = {}
    for point in points:
        key, value, *limits = point
        lower, upper = [*limits, None, None][:2]
        period = parse_period(key)
        if period in seen:
            raise ValueError(f"period {period} occurs twice ({seen[period]!r}, {key!r})")
        seen[period] = key
        rows.append((period, key, _number(value), _number(lower), _number(upper)))
    rows.sort(key=lambda r: r[0])
    run = _run_from(rows, lambda r: r[0], lambda r: r[2])
    return [(key, value, lo, up) for _, key, value, lo, up in run]


def _run_from(rows: list[Any], period_of: Any, value_of: Any) -> list[Any]:
    """The last unbroken run of consecutive periods with values in `rows` (sorted by period),
    at most TREND_POINTS long."""
    with_values = [i for i, r in enumerate(rows) if value_of(r) is not None]
    if not with_values:
        return []
    end = with_values[-1]
    start = end
    while end - start + 1 < TREND_POINTS and start > 0:
        prev, cur = period_of(rows[start - 1]), period_of(rows[start])
        if value_of(rows[start - 1]) is None or prev.frequency is not cur.frequency:
            break
        if cur.ordinal - prev.ordinal != 1:
            break
        start -= 1
    return rows[start : end + 1]


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _weighted_slope(
    x: list[float], y: list[float], w: list[float], skip: int | None = None
) -> tuple[float, float]:
    """Weighted least-squares slope and its variance (weights are 1 / variance of y), leaving
    out the point at `skip` if given.

    The sums are Fingertips' (S1 = Σw, S2 = Σwxy, S3 = Σwx, S4 = Σwy, S5 = Σwx²): slope =
    (S1·S2 − S3·S4) / (S1·S5 − S3²), var(slope) = S1 / (S1·S5 − S3²). When the numerator is only
    rounding error – the two products agree to within ZERO_SLOPE_RTOL – the slope is exactly 0:
    otherwise 7.7, 7.7, 7.7, 7.7 would get a slope of ±1e-16 and the leave-one-out sign check
    would depend on how the values happen to round. Each sum adds left to right, as numpy does
    for so few values, so the results are numpy's to the last bit.
    """
    s_w = s_x = s_xx = s_y = s_xy = 0.0
    for i, (wi, xi, yi) in enumerate(zip(w, x, y, strict=True)):
        if i == skip:
            continue
        wx = wi * xi
        s_w += wi
        s_x += wx
        s_xx += wx * xi
        s_y += wi * yi
        s_xy += wx * yi
    det = s_w * s_xx - s_x**2  # pow, as numpy scalars do (x·x differs in the last bit)
    a, b = s_w * s_xy, s_x * s_y
    numerator = a - b
    if abs(numerator) <= ZERO_SLOPE_RTOL * (abs(a) + abs(b)):
        numerator = 0.0
    return numerator / det, s_w / det


def _ols_slope(x: list[float], y: list[float]) -> float:
    """Ordinary least-squares slope.

    x is 1..5, so the centred x are the integers −2..2 and each product with y is exact; fsum
    then makes a flat series give exactly 0 (np.polyfit gives ±1e-17, a spurious direction).
    """
    mean = math.fsum(x) / len(x)
    centred = [xi - mean for xi in x]
    return math.fsum(c * yi for c, yi in zip(centred, y, strict=True)) / math.fsum(
        c * c for c in centred
    )


def _direction(slope: float) -> str:
    if slope > 0:
        return "increasing"
    if slope < 0:
        return "decreasing"
    return "no_significant_change"


def _judgement(direction: str, higher_is_better: bool | None) -> str:
    if direction not in ("increasing", "decreasing"):
        return direction
    if higher_is_better is None:
        return "no_judgement"
    return "improving" if (direction == "increasing") == bool(higher_is_better) else "worsening"
