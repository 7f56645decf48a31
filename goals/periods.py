"""Reporting periods: parsing the many ways people write them, and arithmetic in years.

Canonical forms: year ``2017``, half-year ``2017H1``, quarter ``2017K2``, month ``2017-06``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import total_ordering

__all__ = [
    "Frequency",
    "Period",
    "PeriodError",
    "is_period_label",
    "parse_period",
    "period_years",
]


class Frequency(StrEnum):
    """How often an indicator is measured; also the type of a period."""

    YEAR = "year"
    HALF_YEAR = "half_year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def per_year(self) -> int:
        return _PER_YEAR[self.value]


_PER_YEAR = {"year": 1, "half_year": 2, "quarter": 4, "month": 12}
_CODE = {
    Frequency.YEAR: "{y}",
    Frequency.HALF_YEAR: "{y}H{i}",
    Frequency.QUARTER: "{y}K{i}",
    Frequency.MONTH: "{y}-{i:02d}",
}


class PeriodError(ValueError):
    """A text that is not a period we understand."""


@total_ordering
@dataclass(frozen=True)
class Period:
    """One reporting period: a year and a sub-period index (1-based) of a frequency."""

    year: int
    frequency: Frequency = Frequency.YEAR
    index: int = 1
    # Worked out once: periods are compared, hashed and measured in every status calculation.
    years: float = field(init=False, repr=False, compare=False)
    """Start of the period measured in years (2017K2 → 2017.25)."""
    code: str = field(init=False, repr=False, compare=False)
    """The canonical text of the period."""
    _order: tuple[float, int] = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2200:
            raise PeriodError(f"year {self.year} is out of range")
        per_year = self.frequency.per_year
        if not 1 <= self.index <= per_year:
            raise PeriodError(f"sub-period {self.index} is out of range for {self.frequency.value}")
        years = self.year + (self.index - 1) / per_year
        object.__setattr__(self, "years", years)
        object.__setattr__(self, "code", _CODE[self.frequency].format(y=self.year, i=self.index))
        object.__setattr__(self, "_order", (years, per_year))
        object.__setattr__(self, "_hash", hash((self.year, per_year, self.index)))

    def __hash__(self) -> int:
        return self._hash

    @property
    def ordinal(self) -> int:
        """A number that increases by one from one period to the next of the same frequency."""
        return self.year * self.frequency.per_year + self.index - 1

    def next(self, steps: int = 1) -> Period:
        n = self.ordinal + steps
        per = self.frequency.per_year
        return Period(n // per, self.frequency, n % per + 1)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._order < other._order

    def __str__(self) -> str:
        return self.code


_MONTHS = {
    "jan": 1, "januar": 1, "january": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "marts": 3, "march": 3,
    "apr": 4, "april": 4,
    "maj": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_Y = r"(?P<y>(?:19|20|21)\d\d)"
_PATTERNS: list[tuple[re.Pattern[str], Frequency]] = [
    (re.compile(rf"^{_Y}(?:\.0+)?$"), Frequency.YEAR),
    (re.compile(rf"^{_Y}\s*[-/ ]?\s*[kq]\s*(?P<i>[1-4])$"), Frequency.QUARTER),
    (re.compile(rf"^[kq](?P<i>[1-4])\s*[-/ ]?\s*{_Y}$"), Frequency.QUARTER),
    (re.compile(rf"^(?P<i>[1-4])\s*\.?\s*(?:kvt|kvartal|quarter|qtr)\.?\s*{_Y}$"), Frequency.QUARTER),
    (re.compile(rf"^{_Y}\s*[-/ ]?\s*h\s*(?P<i>[12])$"), Frequency.HALF_YEAR),
    (re.compile(rf"^h(?P<i>[12])\s*[-/ ]?\s*{_Y}$"), Frequency.HALF_YEAR),
    (re.compile(rf"^(?P<i>[12])\s*\.?\s*(?:halvår|halvaar|half|half-year|halfyear)\.?\s*{_Y}$"), Frequency.HALF_YEAR),
    (re.compile(rf"^{_Y}\s*[-/]\s*(?P<i>0?[1-9]|1[0-2])$"), Frequency.MONTH),
    (re.compile(rf"^{_Y}\.(?P<i>0[1-9]|1[0-2])$"), Frequency.MONTH),
    (re.compile(rf"^{_Y}\s*m\s*(?P<i>0?[1-9]|1[0-2])$"), Frequency.MONTH),
    (re.compile(rf"^(?P<i>0?[1-9]|1[0-2])\s*[-/.]\s*{_Y}$"), Frequency.MONTH),
]  # fmt: skip
_MONTH_NAME = re.compile(rf"^(?P<m>[a-zæøå]+)\.?\s*[-/ ]?\s*{_Y}$")
_NAME_MONTH = re.compile(rf"^{_Y}\s*[-/ ]?\s*(?P<m>[a-zæøå]+)\.?$")


def parse_period(value: object) -> Period:
    """Read a period from a cell value: int year, text in any accepted form, or a date.

    A date (or datetime) means its month. Raises PeriodError with an explanation otherwise.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or value is None:
        raise PeriodError("empty period")
    if isinstance(value, dt.datetime | dt.date):
        return Period(value.year, Frequency.MONTH, value.month)
    if isinstance(value, int):
        return Period(value)
    if isinstance(value, float):
        if value.is_integer():
            return Period(int(value))
        raise PeriodError(f"{value} is not a period")
    return _parse_text(str(value))


@functools.lru_cache(maxsize=4096)
def _parse_text(value: str) -> Period:
    """A period written as text (memoised: a workbook repeats the same few periods)."""
    text = " ".join(value.strip().lower().split())
    if not text:
        raise PeriodError("empty period")
    for pattern, frequency in _PATTERNS:
        m = pattern.match(text)
        if m:
            return Period(int(m["y"]), frequency, int(m.groupdict().get("i") or 1))
    for pattern in (_MONTH_NAME, _NAME_MONTH):
        m = pattern.match(text)
        if m and m["m"] in _MONTHS:
            return Period(int(m["y"]), Frequency.MONTH, _MONTHS[m["m"]])
    raise PeriodError(f"'{value}' is not a period")


def is_period_label(value: object) -> bool:
    """True when a column header reads as a period (used to detect the wide layout)."""
    if isinstance(value, dt.date | dt.datetime):
        return True
    try:
        parse_period(value)
    except PeriodError:
        return False
    return True


def period_years(value: object) -> float:
    """The time of a period in years, for rate calculations (2017K2 → 2017.25)."""
    return parse_period(value).years


def period_of(day: dt.date, frequency: Frequency) -> Period:
    """The period of `frequency` that holds the date (2024-05-17, quarter → 2024K2)."""
    return Period(day.year, frequency, (day.month - 1) * frequency.per_year // 12 + 1)


def current_period(frequency: Frequency, today: dt.date | None = None) -> Period:
    """The period of `frequency` that holds today."""
    return period_of(today or dt.date.today(), frequency)


def sorted_codes(codes: Iterable[str]) -> list[str]:
    """Distinct period codes in time order; what is not a period is left out."""
    parsed: list[tuple[Period, str]] = []
    for code in set(codes):
        try:
            parsed.append((parse_period(code), code))
        except PeriodError:
            continue
    return [code for _, code in sorted(parsed)]


def strictly_increasing(keys: Iterable[object]) -> bool:
    """Every key is a Period and each comes after the one before (a series already checked
    and ordered, as the status report's are: its readers may skip parsing and sorting it)."""
    previous = None
    for key in keys:
        if not isinstance(key, Period) or (previous is not None and not previous < key):
            return False
        previous = key
    return True
