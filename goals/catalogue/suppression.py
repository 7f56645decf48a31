"""Small-number suppression (*diskretionering*): which values are too small to show.

The rule is the store's own (a `StoreSetting`, default: a count below 5) and travels with the
catalogue (`Catalogue.suppression`), so every page, slide, export and status report that reads
values through the catalogue hides the same values, and a change of the rule changes the
catalogue's fingerprint (every cached report is made anew).

A value is hidden when what it counts is below the limit:

- an indicator whose unit is a count ("antal …"): the value itself;
- any value reported with a numerator or denominator: either of them (a share of 3 people, or
  a rate over 4, tells about those people as much as the count does).

Values derived from a hidden value are hidden too: they are never formed (a hidden value is
read as if it had been withheld, so a gap between two groups, a cluster's sum of its
municipalities, a change or a verdict is worked out from what may be shown). Values that arrive
already suppressed ("Diskretioneret", "..") are kept as withheld on import, as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session

from goals.store.settings import get_setting, put_setting
from goals.units import is_count_unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_MIN_COUNT",
    "SETTING",
    "SUPPRESSED",
    "Suppression",
    "hidden_rows",
    "read_suppression",
    "write_suppression",
]

#: The store setting that holds the limit (a whole number; 0 switches suppression off).
SETTING = "suppression.min_count"
DEFAULT_MIN_COUNT = 5
#: The `missing_reason` of a value hidden by the rule (as shown in tables and exports).
SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Suppression:
    """Hide a value when its count is below `min_count` (0: show every value)."""

    min_count: int = DEFAULT_MIN_COUNT

    @property
    def active(self) -> bool:
        return self.min_count > 0

    def hides(
        self,
        *,
        count_unit: bool,
        value: float | None,
        numerator: float | None = None,
        denominator: float | None = None,
    ) -> bool:
        """Whether a value (of an indicator whose unit is a count, or not) is hidden."""
        limit = self.min_count
        if limit <= 0:
            return False
        if count_unit and _below(value, limit):
            return True
        return _below(numerator, limit) or _below(denominator, limit)

    def hides_unit(self, unit: str | None, value, numerator=None, denominator=None) -> bool:
        """`hides` for an indicator's unit text."""
        return self.hides(
            count_unit=is_count_unit(unit),
            value=value,
            numerator=numerator,
            denominator=denominator,
        )


def hidden_rows(frame: pd.DataFrame, rule: Suppression, count_ids: set[int]) -> pd.Series:
    """Which rows of a frame of observations (columns indicator_id, value, numerator,
    denominator) the rule hides; `count_ids`: the indicators whose unit is a count."""
    import pandas as pd

    if frame.empty or not rule.active:
        return pd.Series(False, index=frame.index)

    def below(column: str) -> pd.Series:
        values = pd.to_numeric(frame[column], errors="coerce")
        return (values >= 0) & (values < rule.min_count)

    hidden = below("numerator") | below("denominator")
    return hidden | (frame["indicator_id"].isin(count_ids) & below("value"))


def _below(number: float | None, limit: int) -> bool:
    if number is None:
        return False
    try:
        number = float(number)
    except (TypeError, ValueError):
        return False
    return not math.isnan(number) and 0 <= number < limit


def read_suppression(session: Session) -> Suppression:
    """The store's rule (the default when none was set)."""
    text = get_setting(session, SETTING)
    if text is None:
        return Suppression()
    try:
        return Suppression(max(0, int(text)))
    except ValueError:
        return Suppression()


def write_suppression(session: Session, min_count: int) -> Suppression:
    """Set the rule inside the caller's transaction (the caller audits it)."""
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 0:
        raise ValueError(f"the limit must be a whole number from 0 up, not {min_count!r}")
    put_setting(session, SETTING, str(min_count))
    return Suppression(min_count)
