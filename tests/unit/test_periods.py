import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goals.periods import Frequency, Period, PeriodError, is_period_label, parse_period


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2017", "2017"),
        (2017, "2017"),
        (2017.0, "2017"),
        ("2017.0", "2017"),
        ("2017K2", "2017K2"),
        ("2017k2", "2017K2"),
        ("2017Q2", "2017Q2".replace("Q", "K")),
        ("2017 Q2", "2017K2"),
        ("Q2 2017", "2017K2"),
        ("2. kvt. 2017", "2017K2"),
        ("2 kvartal 2017", "2017K2"),
        ("2017H1", "2017H1"),
        ("1. halvår 2017", "2017H1"),
        ("2017-06", "2017-06"),
        ("2017-6", "2017-06"),
        ("06/2017", "2017-06"),
        ("juni 2017", "2017-06"),
        ("Jun 2017", "2017-06"),
        ("2017 december", "2017-12"),
        (dt.date(2017, 6, 30), "2017-06"),
        (dt.datetime(2017, 6, 1, 12, 0), "2017-06"),
    ],
)
def test_parse_period_accepts_what_people_write(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize(
    "text", ["", "  ", "2017K5", "2017H3", "2017-13", "17", "abc", "2017.5", None, True, "år 2017"]
)
def test_parse_period_rejects_the_rest(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_years_measure_time_in_years():
    assert parse_period("2017").years == 2017
    assert parse_period("2017K2").years == 2017.25
    assert parse_period("2017H2").years == 2017.5
    assert parse_period("2017-07").years == pytest.approx(2017.5)


def test_next_and_ordering():
    assert Period(2017, Frequency.QUARTER, 4).next().code == "2018K1"
    assert Period(2017, Frequency.MONTH, 12).next(2).code == "2018-02"
    assert parse_period("2017K4") < parse_period("2018")
    assert is_period_label("2017K1") and not is_period_label("Værdi")


@given(st.integers(1900, 2199), st.sampled_from(list(Frequency)), st.data())
def test_canonical_code_round_trips(year, frequency, data):
    index = data.draw(st.integers(1, frequency.per_year))
    period = Period(year, frequency, index)
    assert parse_period(period.code) == period
    assert parse_period(period.code).years == pytest.approx(period.years)


def test_strictly_increasing_only_for_ordered_periods():
    from goals.periods import Period, parse_period, strictly_increasing

    ordered = [parse_period(c) for c in ("2019", "2020K1", "2020K2", "2021")]
    assert strictly_increasing(ordered) and strictly_increasing([])
    assert not strictly_increasing(list(reversed(ordered)))
    assert not strictly_increasing([ordered[0], ordered[0]])  # twice is not increasing
    assert not strictly_increasing(["2019", "2020"])  # codes, not Periods: parse them first
    assert isinstance(ordered[0], Period)
