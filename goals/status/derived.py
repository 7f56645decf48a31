"""A cluster's value worked out from its municipalities' values, by the membership of the
period (docs/method.md, "A cluster's value from its municipalities").

A cluster's series is either its own or its municipalities'. A cluster that has any value of
its own for an indicator and group (reported, or withheld on purpose) keeps exactly those: a
series that mixed a source's published cluster figures with sums of municipal figures would
break where the source changes. A cluster with none gets, for each period, a value formed from
the values of the municipalities that belonged to it on the period's last day, when the
indicator allows it and every one of those municipalities has a value that may be shown:

- a count ("antal …"): their sum;
- a share in % or a rate "pr. K": their numerators over their denominators (× 100 or × K),
  when every municipality reported both and its value is that ratio (a standardised rate, or
  one whose counts do not give it, is never recombined);
- anything else (an average, a median, a score): not formed.

So a municipality's values count for the cluster(s) it belonged to in each period: a
municipality in two clusters counts for both, and after a reorganisation earlier periods keep
the clusters as they were then. A value hidden by the small-number rule is missing here, so
nothing is formed from it (its cluster's sum could otherwise give it away).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from goals.catalogue import Catalogue
from goals.periods import Period
from goals.store.model import Area, AreaKind, Indicator
from goals.units import is_count_unit, per_unit

__all__ = ["Combined", "combine_rule", "derive"]


class Combined(NamedTuple):
    """A derived value: the value, numerator and denominator (None for a sum), and the ids of
    the municipalities it was formed from."""

    value: float
    numerator: float | None
    denominator: float | None
    members: tuple[int, ...]


#: A member's value in one period: (value, numerator, denominator).
MemberValue = tuple[float, float | None, float | None]


def combine_rule(indicator: Indicator) -> tuple[str, float] | None:
    """How values of the indicator combine: ("sum", 1), ("ratio", K), or None (not at all)."""
    unit = (indicator.unit or "").strip()
    if is_count_unit(unit):
        return ("sum", 1.0)
    k = per_unit(unit)
    if k is not None:
        return ("ratio", k)
    if unit.startswith("%") or unit.lower() in {"pct", "pct.", "procent", "percent"}:
        return ("ratio", 100.0)
    return None


def derive(
    cat: Catalogue,
    indicator: Indicator,
    area: Area,
    own: Iterable[Period],
    members: Mapping[int, Mapping[Period, MemberValue]],
    last_day,
) -> dict[Period, Combined]:
    """The cluster's derived values, period → `Combined`, for every period some member has a
    value; none when the cluster has a row of its own (`own`: the periods it has a row for,
    shown, withheld or hidden). `members`: municipality id → period → its (shown) value.
    `last_day(period)` gives the date whose membership counts."""
    rule = combine_rule(indicator)
    if rule is None or area.kind != AreaKind.CLUSTER or not members or any(True for _ in own):
        return {}
    kind, k = rule
    periods = {p for values in members.values() for p in values}
    out: dict[Period, Combined] = {}
    for period in sorted(periods):
        ids = tuple(
            sorted(
                m.id  # type: ignore[misc]
                for m in cat.members(area, last_day(period))
                if m.kind == AreaKind.MUNICIPALITY
            )
        )
        if not ids:
            continue
        found = [members.get(i, {}).get(period) for i in ids]
        if any(v is None for v in found):
            continue  # a municipality of that period did not report: no sum of the rest
        if kind == "sum":
            out[period] = Combined(math.fsum(v[0] for v in found), None, None, ids)  # type: ignore[index]
            continue
        if any(not _is_ratio(v, k, indicator.decimals) for v in found):  # type: ignore[arg-type]
            continue
        numerator = math.fsum(v[1] for v in found)  # type: ignore[index,misc]
        denominator = math.fsum(v[2] for v in found)  # type: ignore[index,misc]
        if denominator <= 0:
            continue
        out[period] = Combined(numerator / denominator * k, numerator, denominator, ids)
    return out


def _is_ratio(value: MemberValue, k: float, decimals: int) -> bool:
    """Whether a member's value is its numerator over its denominator (× k), to the precision
    it is reported in."""
    v, numerator, denominator = value
    if numerator is None or denominator is None or denominator <= 0 or numerator < 0:
        return False
    expected = numerator / denominator * k
    tolerance = max(0.5 * 10.0 ** -max(decimals, 0), abs(expected) * 1e-6) + 1e-9
    return abs(v - expected) <= tolerance
