"""Fingertips-style comparison and recent trend: hand-computed cases.

For the trend, a 95 % interval of width 3.92 means a standard error of 1 and a weight of 1;
width 1.96 means a standard error of 0.5 and a weight of 4. With x = 1..5 and weights w:
    S1 = Σw, S3 = Σwx, S5 = Σwx², S4 = Σwy, S2 = Σwxy, D = S1·S5 − S3²
    slope = (S1·S2 − S3·S4) / D,  var(slope) = S1 / D,  χ² = slope² / var(slope).
With all weights 1: S1 = 5, S3 = 15, S5 = 55, D = 275 − 225 = 50, var = 0.1, χ² = 10·slope².
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goals.status.compare import (
    CHI2_CRITICAL,
    COMPARISONS,
    TREND_REASONS,
    Trend,
    compare_to_reference,
    recent_trend,
)

approx = pytest.approx

# --- compare_to_reference --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "higher_is_better", "expected"),
    [
        (11, True, "similar"),  # inside 8..12
        (12, True, "similar"),  # on the upper limit: still contains it
        (8, False, "similar"),  # on the lower limit
        (13, True, "worse"),  # interval wholly below 13, higher is better
        (13, False, "better"),  # … lower is better
        (13, None, "lower"),  # no polarity: only the side
        (7, True, "better"),  # interval wholly above 7
        (7, False, "worse"),
        (7, None, "higher"),
    ],
)
def test_compare_to_reference(reference, higher_is_better, expected):
    assert compare_to_reference(10, 8, 12, reference, higher_is_better=higher_is_better) == expected
    assert expected in COMPARISONS


@pytest.mark.parametrize(
    ("value", "lower", "upper", "reference"),
    [
        (10, None, 12, 11),
        (10, 8, None, 11),
        (10, 8, 12, None),
        (None, 8, 12, 11),
        (10, math.nan, 12, 11),
        (10, 12, 8, 11),  # limits the wrong way round
    ],
)
def test_compare_not_compared(value, lower, upper, reference):
    assert (
        compare_to_reference(value, lower, upper, reference, higher_is_better=True)
        == "not_compared"
    )


# --- recent_trend ------------------------------------------------------------------------------


def _points(values, widths=3.92, start=2015):
    """(year, value, lower, upper) with intervals of the given width centred on the value."""
    if not isinstance(widths, list):
        widths = [widths] * len(values)
    return [
        (start + i, v, None if w is None else v - w / 2, None if w is None else v + w / 2)
        for i, (v, w) in enumerate(zip(values, widths, strict=True))
    ]


def test_trend_increasing_significant():
    # y = 10..14, weights 1: Σy = 60, Σxy = 10+22+36+52+70 = 190;
    # slope = (5·190 − 15·60)/50 = (950 − 900)/50 = 1.0; χ² = 10·1² = 10 > 9.5495.
    # Leaving out any point of a straight line keeps slope 1.
    t = recent_trend(_points([10, 11, 12, 13, 14]), higher_is_better=True)
    assert isinstance(t, Trend)
    assert (t.direction, t.judgement, t.method) == ("increasing", "improving", "fingertips")
    assert t.slope == approx(1.0)
    assert t.chi2 == approx(10.0)
    assert t.reason is None
    assert t.n_points == 5
    assert t.periods == (2015, 2016, 2017, 2018, 2019)


def test_trend_polarity_turns_direction_into_judgement():
    down = _points([14, 13, 12, 11, 10])
    assert recent_trend(down, higher_is_better=True).judgement == "worsening"
    assert recent_trend(down, higher_is_better=False).judgement == "improving"
    t = recent_trend(down, higher_is_better=None)
    assert (t.direction, t.judgement) == ("decreasing", "no_judgement")
    assert recent_trend(_points([10, 11, 12, 13, 14]), higher_is_better=False).judgement == (
        "worsening"
    )


def test_trend_not_significant():
    # y = 10, 10.9, 11.8, 12.7, 13.6: slope 0.9; χ² = 10·0.81 = 8.1 ≤ 9.5495.
    t = recent_trend(_points([10, 10.9, 11.8, 12.7, 13.6]), higher_is_better=True)
    assert (t.direction, t.judgement) == ("no_significant_change", "no_significant_change")
    assert t.slope == approx(0.9)
    assert t.chi2 == approx(8.1)
    assert t.reason == "not_significant"


def test_trend_chi2_just_above_critical():
    # slope 0.98: χ² = 10·0.9604 = 9.604 > 9.5495 → significant.
    values = [10 + 0.98 * i for i in range(5)]
    t = recent_trend(_points(values), higher_is_better=True)
    assert t.chi2 == approx(9.604)
    assert t.chi2 > CHI2_CRITICAL
    assert t.direction == "increasing"


def test_trend_unequal_weights():
    # y = 10, 12, 13, 15, 16 with widths 3.92, 1.96, 3.92, 1.96, 3.92 → w = 1, 4, 1, 4, 1.
    # S1 = 11; S3 = 1 + 8 + 3 + 16 + 5 = 33; S5 = 1 + 16 + 9 + 64 + 25 = 115;
    # S4 = 10 + 48 + 13 + 60 + 16 = 147; S2 = 10 + 96 + 39 + 240 + 80 = 465;
    # D = 11·115 − 33² = 1265 − 1089 = 176; slope = (11·465 − 33·147)/176 = (5115 − 4851)/176 = 1.5;
    # var = 11/176 = 0.0625; χ² = 2.25/0.0625 = 36.
    t = recent_trend(
        _points([10, 12, 13, 15, 16], [3.92, 1.96, 3.92, 1.96, 3.92]), higher_is_better=True
    )
    assert t.slope == approx(1.5)
    assert t.chi2 == approx(36.0)
    assert t.direction == "increasing"


def test_trend_unstable_slope_when_a_point_is_left_out():
    # y = 0, 0, 0, 0, 10: Σy = 10, Σxy = 50; slope = (250 − 150)/50 = 2; χ² = 40 > 9.5495,
    # but without the last point the slope is 0 – the sign is not kept → no significant change.
    t = recent_trend(_points([0, 0, 0, 0, 10]), higher_is_better=True)
    assert t.slope == approx(2.0)
    assert t.chi2 == approx(40.0)
    assert (t.direction, t.reason) == ("no_significant_change", "unstable_slope")


def test_trend_stable_despite_outlier():
    # y = 0, 0, 0, 1, 10: full slope (5·54 − 15·11)/50 = (270 − 165)/50 = 2.1, χ² = 44.1.
    # Without x=5: points 0,0,0,1 at x=1..4: S1=4, S3=10, S5=30, D=20, Σxy=4, Σy=1:
    # (4·4 − 10·1)/20 = 0.3 > 0; without x=4: 0,0,0,10 at x=1,2,3,5: D=4·39 − 11² = 35,
    # (4·50 − 11·10)/35 = 2.571 > 0; the others keep both rises → all positive.
    t = recent_trend(_points([0, 0, 0, 1, 10]), higher_is_better=True)
    assert t.slope == approx(2.1)
    assert t.chi2 == approx(44.1)
    assert t.direction == "increasing"


def test_trend_uses_only_the_last_five_consecutive_periods():
    # 2013 and 2014 would pull the slope down; only 2015–2019 count.
    points = [(2013, 100, 98.04, 101.96), (2014, 50, 48.04, 51.96), *_points([10, 11, 12, 13, 14])]
    t = recent_trend(points, higher_is_better=True)
    assert t.periods == (2015, 2016, 2017, 2018, 2019)
    assert t.slope == approx(1.0)


def test_trend_order_of_points_does_not_matter():
    t = recent_trend(list(reversed(_points([10, 11, 12, 13, 14]))), higher_is_better=True)
    assert t.slope == approx(1.0)


def test_trend_direction_only_without_confidence_limits():
    # y = 5, 4, 6, 3, 2 at x = 1..5: x̄ = 3, ȳ = 4;
    # Σ(x−x̄)(y−ȳ) = (−2)(1) + (−1)(0) + 0·2 + 1·(−1) + 2·(−2) = −7; Σ(x−x̄)² = 10 → slope −0.7.
    points = [(2015 + i, v, None, None) for i, v in enumerate([5, 4, 6, 3, 2])]
    t = recent_trend(points, higher_is_better=True)
    assert (t.direction, t.judgement, t.method) == (
        "decreasing",
        "direction_only",
        "direction_only",
    )
    assert t.slope == approx(-0.7)
    assert t.chi2 is None
    assert t.reason == "missing_confidence_limits"


def test_trend_direction_only_when_one_interval_is_missing_or_empty():
    t = recent_trend(
        _points([10, 11, 12, 13, 14], [3.92, None, 3.92, 3.92, 3.92]), higher_is_better=True
    )
    assert t.method == "direction_only"
    assert t.direction == "increasing"
    t = recent_trend(
        _points([10, 11, 12, 13, 14], [3.92, 0, 3.92, 3.92, 3.92]), higher_is_better=True
    )
    assert t.method == "direction_only"


def test_trend_direction_only_accepts_two_item_points():
    t = recent_trend([(2015 + i, v) for i, v in enumerate([3, 3, 3, 3, 3])], higher_is_better=True)
    assert (t.direction, t.method, t.slope) == ("no_significant_change", "direction_only", 0)


def test_trend_fewer_than_five_periods():
    t = recent_trend(_points([10, 11, 12, 13]), higher_is_better=True)
    assert (t.direction, t.judgement, t.method) == ("not_calculated", "not_calculated", None)
    assert (t.n_points, t.reason, t.slope, t.chi2) == (4, "fewer_than_five_consecutive", None, None)


def test_trend_gap_breaks_the_run():
    # 2015–2016, then 2018–2020: the latest run is three periods long.
    points = [p for p in _points([10, 11, 12, 13, 14, 15]) if p[0] != 2017]
    t = recent_trend(points, higher_is_better=True)
    assert (t.direction, t.n_points) == ("not_calculated", 3)
    assert t.periods == (2018, 2019, 2020)


def test_trend_missing_value_breaks_the_run():
    points = _points([10, 11, 12, 13, 14, 15])
    points[2] = (2017, None, None, None)
    assert recent_trend(points, higher_is_better=True).n_points == 3


def test_trend_trailing_period_without_value_is_skipped():
    points = [*_points([10, 11, 12, 13, 14]), (2020, math.nan, None, None)]
    t = recent_trend(points, higher_is_better=True)
    assert t.direction == "increasing"
    assert t.periods[-1] == 2019


def test_trend_quarters_are_consecutive_across_years():
    values = [10, 11, 12, 13, 14]
    quarters = ["2019K3", "2019K4", "2020K1", "2020K2", "2020K3"]
    points = [(q, v, v - 1.96, v + 1.96) for q, v in zip(quarters, values, strict=True)]
    t = recent_trend(points, higher_is_better=True)
    assert t.direction == "increasing"
    assert t.slope == approx(1.0)  # per quarter
    assert t.periods == tuple(quarters)


def test_trend_months_skipping_one_is_not_consecutive():
    months = ["2020-01", "2020-02", "2020-03", "2020-05", "2020-06"]
    points = [(m, 1.0, None, None) for m in months]
    assert recent_trend(points, higher_is_better=True).n_points == 2


def test_trend_mixed_frequencies_are_not_consecutive():
    points = [(2019, 1.0), ("2020K1", 1.0), ("2020K2", 1.0), ("2020K3", 1.0), ("2020K4", 1.0)]
    assert recent_trend(points, higher_is_better=True).n_points == 4


def test_trend_empty_and_duplicate():
    assert recent_trend([], higher_is_better=True).direction == "not_calculated"
    with pytest.raises(ValueError, match="twice"):
        recent_trend([(2020, 1), ("2020", 2)], higher_is_better=True)


def test_trend_reasons_have_danish_and_english():
    for code, texts in TREND_REASONS.items():
        assert set(texts) == {"da", "en"}, code


# The trend's sums are plain Python floats (numpy's per-call overhead on five values cost more
# than the arithmetic); they must equal numpy's to the last bit.
@settings(max_examples=300, deadline=None)
@given(
    y=st.lists(st.floats(-1e6, 1e6), min_size=5, max_size=5),
    w=st.lists(st.floats(1e-6, 1e6), min_size=5, max_size=5),
)
def test_weighted_slope_equals_numpys_to_the_last_bit(y, w):
    import numpy as np

    from goals.status.compare import ZERO_SLOPE_RTOL, _weighted_slope

    xa, ya, wa = np.arange(1.0, 6.0), np.array(y), np.array(w)
    s_w, s_x, s_xx = wa.sum(), (wa * xa).sum(), (wa * xa * xa).sum()
    s_y, s_xy = (wa * ya).sum(), (wa * xa * ya).sum()
    det = s_w * s_xx - s_x**2
    a, b = s_w * s_xy, s_x * s_y
    numerator = 0.0 if abs(a - b) <= ZERO_SLOPE_RTOL * (abs(a) + abs(b)) else a - b
    expected = (float(numerator / det), float(s_w / det))
    assert _weighted_slope([1.0, 2.0, 3.0, 4.0, 5.0], y, w) == expected
