"""Properties of the shortcuts goals.status takes for speed: they must not change any result.

assess passes `measure` only the first, base and latest points, and `recent_trend` only the last
five points (the series it builds have a value in every point).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from goals.periods import Frequency, Period
from goals.status.compare import TREND_POINTS, recent_trend
from goals.status.criterion import base_point_of, essential_points
from goals.status.progress import measure
from goals.status.values import months

values = st.floats(min_value=-50, max_value=500, allow_nan=False).filter(lambda v: abs(v) > 1e-6)


@st.composite
def series(draw):
    """Sorted points (period, value, lower, upper) of one frequency, with gaps between periods."""
    frequency = draw(st.sampled_from([Frequency.YEAR, Frequency.QUARTER]))
    start = Period(draw(st.integers(2005, 2020)), frequency, 1)
    steps = draw(st.lists(st.integers(1, 3), min_size=0, max_size=14))
    periods = [start]
    for step in steps:
        periods.append(periods[-1].next(step))
    points = []
    for period in periods:
        value = draw(values)
        width = draw(st.one_of(st.none(), st.floats(min_value=0.01, max_value=20)))
        lower, upper = (None, None) if width is None else (value - width, value + width)
        points.append((period, value, lower, upper))
    baseline = Period(draw(st.integers(2003, 2024)), Frequency.YEAR, 1)
    return points, baseline


@settings(max_examples=300, deadline=None)
@given(
    data=series(),
    higher=st.booleans(),
    target=st.one_of(st.none(), values),
)
def test_measure_of_the_essential_points_equals_the_measure_of_the_series(data, higher, target):
    points, baseline = data
    if not points:
        return
    target_period = Period(2030) if target is not None else None
    full = measure(
        {p[0]: p[1] for p in points},
        higher_is_better=higher,
        base_period=baseline,
        target=target,
        target_period=target_period,
    )
    short = measure(
        essential_points(points, base_point_of(points, baseline)),
        higher_is_better=higher,
        base_period=baseline,
        target=target,
        target_period=target_period,
    )
    assert short == full


@settings(max_examples=300, deadline=None)
@given(data=series(), higher=st.sampled_from([True, False, None]))
def test_trend_of_the_last_five_points_equals_the_trend_of_the_series(data, higher):
    points, _ = data
    assert recent_trend(points[-TREND_POINTS:], higher_is_better=higher) == recent_trend(
        points, higher_is_better=higher
    )


@given(data=series())
def test_base_point_is_the_first_from_the_baseline_on(data):
    points, baseline = data
    base = base_point_of(points, baseline)
    later = [p for p in points if p[0].years >= baseline.years]
    assert base == (later[0] if later else None)
    if base is not None:
        assert months(base[0])[0] >= months(baseline)[0]


def test_a_series_whose_codes_do_not_sort_by_time_is_put_in_time_order(monkeypatch):
    """The values query orders a series by its period codes, which is time order within one
    frequency; a series that mixes frequencies (2020-03 sorts before 2020K1) is sorted again."""
    from goals.periods import parse_period
    from goals.status import values as values_module

    rows = [
        (1, 2, "2019", 3, 1.0, None, None, None, None),
        (1, 2, "2020-03", 3, 2.0, None, None, None, None),
        (1, 2, "2020K1", 3, 3.0, None, None, None, None),
        (1, 2, "2020K1", 3, 3.0, None, None, None, None),  # from a second part of the union
        (1, 4, "2021", 3, 5.0, None, None, 10, 20),
    ]
    monkeypatch.setattr(values_module, "values_query", lambda *args: None)
    monkeypatch.setattr(values_module, "fetch_tuples", lambda connection, query: rows)

    class Session:
        def connection(self):
            return None

    from types import SimpleNamespace

    from goals.catalogue.suppression import Suppression

    catalogue = SimpleNamespace(
        suppression=Suppression(0), indicators={}, count_indicator_ids=set()
    )
    plan = [(None, SimpleNamespace(indicator_id=1), SimpleNamespace(kind="municipality"))]
    loaded = values_module.load_values(Session(), catalogue, plan, None, None)
    assert [p[0].code for p in loaded.points[(1, 2, 3)]] == ["2019", "2020K1", "2020-03"]
    assert [p[1] for p in loaded.points[(1, 2, 3)]] == [1.0, 3.0, 2.0]
    assert loaded.counts == {(1, 4, 3, parse_period("2021")): (10, 20)}
