"""The values an assessment reads: the one query for what a plan needs, the series per
(indicator, area, group), the series a criterion follows (one group, or the gap A − B), and the
period arithmetic that places periods of any length in time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from goals.catalogue import Catalogue
from goals.periods import Period, PeriodError, parse_period
from goals.status.derived import combine_rule, derive
from goals.status.report import Point
from goals.status.verdicts import Z95
from goals.store import fetch_tuples
from goals.store.model import Area, AreaKind, CriterionRevision
from goals.store.observations import current_query

if TYPE_CHECKING:
    from goals.status.assessment import Plan

__all__ = ["VALUE_COLUMNS", "values_query"]

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
    criterion every indicator's breakdowns. Columns: `VALUE_COLUMNS`; a withheld value has a
    NULL value (it is missing on purpose: nothing is combined in its place).
    """
    wanted: dict[tuple[frozenset[int], frozenset[int]], set[int]] = defaultdict(set)
    areas_of: dict[int, set[int]] = defaultdict(set)
    for _, revision, area in plan:
        areas_of[revision.id].add(area.id)
    for _, revision, _ in plan:
        area_ids = areas_of[revision.id] | ({region.id} if region is not None else set())
        key = (frozenset(area_ids), frozenset(groups_of(revision, catalogue)))
        wanted[key].add(revision.indicator_id)
    parts = [
        current_query(
            indicator_ids=sorted(ind),
            area_ids=sorted(areas),
            group_ids=sorted(groups),
            columns=VALUE_COLUMNS,
        )
        for (areas, groups), ind in wanted.items()
    ]
    query = parts[0] if len(parts) == 1 else sa.union_all(*parts)
    # Each series arrives whole and in time order (a period's code sorts by time within its
    # frequency, and an indicator has one frequency), so it is read in one pass.
    return query.order_by(*(sa.literal_column(c) for c in ORDER))


ORDER = ("indicator_id", "area_id", "group_id", "period")


def member_values_query(
    catalogue: Catalogue, plan: Plan, own: set[tuple[int, int, int]]
) -> sa.Select | None:
    """The municipalities' current values that the plan's clusters without a series of their
    own (no key in `own`: (indicator, cluster, group) with any row) are combined from
    (goals.status.derived), for the indicators whose values combine. Columns: `VALUE_COLUMNS`;
    None when no cluster needs them (a store whose clusters report their own series reads
    nothing more)."""
    members: set[int] = set()
    indicators: set[int] = set()
    groups: set[int] = set()
    for _, revision, area in plan:
        if area.kind != AreaKind.CLUSTER:
            continue
        wanted = [
            g
            for g in groups_of(revision, catalogue)
            if (revision.indicator_id, area.id, g) not in own
        ]
        if not wanted:
            continue
        indicator = catalogue.indicators.get(revision.indicator_id)
        if indicator is None or combine_rule(indicator) is None:
            continue
        ever = catalogue.municipalities_ever(area)
        if ever:
            members |= ever
            indicators.add(indicator.id)  # type: ignore[arg-type]
            groups.update(wanted)
    if not members:
        return None
    return current_query(
        indicator_ids=sorted(indicators),
        area_ids=sorted(members),
        group_ids=sorted(groups),
        columns=VALUE_COLUMNS,
    ).order_by(*(sa.literal_column(c) for c in ORDER))


def groups_of(revision: CriterionRevision, cat: Catalogue) -> tuple[int, ...]:
    """The groups a criterion revision follows: a gap's A and B, its own group, or the total."""
    if revision.is_gap:
        return (revision.gap_group_a_id, revision.gap_group_b_id)  # type: ignore[return-value]
    if revision.group_id is not None:
        return (revision.group_id,)
    total = cat.total_group
    return (total.id,) if total is not None else ()


class Values(NamedTuple):
    """The values `assess` reads: points per (indicator, area, group), and the numerator and
    denominator per (indicator, area, group, period) where they were reported; the periods of
    a series that were worked out from its municipalities (`derived`), and those hidden by the
    small-number rule (`hidden`)."""

    points: dict[tuple[int, int, int], list[Point]]
    counts: dict[tuple[int, int, int, Period], tuple[float | None, float | None]]
    derived: dict[tuple[int, int, int], set[Period]] = {}
    hidden: dict[tuple[int, int, int], set[Period]] = {}


def load_values(
    session: Session,
    cat: Catalogue,
    plans: Plan,
    region: Area | None,
    cutoff: Period | None,
) -> Values:
    """(indicator, area, group) → points up to the cutoff, oldest first, from one query; and
    the numerator and denominator of the values that have them (for standard errors).

    A value the small-number rule hides (`Catalogue.suppression`) is read as if withheld; a
    cluster's missing periods are worked out from its municipalities (goals.status.derived)."""
    if not plans:
        return Values({}, {})
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
        start, end = months(period)
        keep = cutoff is None or end <= end_month(cutoff)
        when[code] = ((start, -end), period) if keep else None

    # the small-number rule (Suppression.hides), inlined: it runs for every row
    limit = cat.suppression.min_count if cat.suppression.active else 0
    count_ids = cat.count_indicator_ids
    # One pass over the rows, which come ordered by series and period (values_query). The
    # driver's tuples hold only numbers and text, which the garbage collector stops tracking.
    data: dict[tuple[int, int, int], list[Point]] = {}
    counts: dict[tuple[int, int, int, Period], tuple[float | None, float | None]] = {}
    unshown: dict[tuple[int, int, int], set[Period]] = defaultdict(set)  # withheld or hidden
    hidden: dict[tuple[int, int, int], set[Period]] = defaultdict(set)
    key: tuple[int, int, int] | None = None
    series: list[Point] = []
    last_code = last_place = None
    unordered: dict[tuple[int, int, int], list[Point]] = {}  # mixed frequencies in one series
    for indicator_id, area_id, code, group_id, value, lower, upper, numerator, denominator in rows:
        place = when[code]
        if place is None:
            continue
        if value is None or (
            limit
            and (
                (indicator_id in count_ids and 0 <= value < limit)
                or (numerator is not None and 0 <= numerator < limit)
                or (denominator is not None and 0 <= denominator < limit)
            )
        ):
            unshown[(indicator_id, area_id, group_id)].add(place[1])
            if value is not None:
                hidden[(indicator_id, area_id, group_id)].add(place[1])
            continue
        if key is None or indicator_id != key[0] or area_id != key[1] or group_id != key[2]:
            key, series, last_code, last_place = (indicator_id, area_id, group_id), [], None, None
            data[key] = series
        elif code == last_code:  # the same value may come from two parts of the union
            continue
        elif place[0] <= last_place:  # type: ignore[operator]
            unordered[key] = series
        period = place[1]
        series.append((period, value, lower, upper))
        if denominator is not None:
            counts[(*key, period)] = (numerator, denominator)
        last_code, last_place = code, place[0]
    for points in unordered.values():
        points.sort(key=lambda p: p[0])
    query = member_values_query(cat, plans, data.keys() | unshown.keys())
    derived = {}
    if query is not None:
        members = _member_values(fetch_tuples(session.connection(), query), cat, cutoff, when)
        if members:
            derived = _derive_clusters(cat, plans, data, counts, unshown, members)
    return Values(data, counts, derived, dict(hidden))


def _member_values(
    rows: list[tuple],
    cat: Catalogue,
    cutoff: Period | None,
    when: dict[str, tuple[tuple[int, int], Period] | None],
) -> dict[tuple[int, int, int], dict[Period, tuple[float, float | None, float | None]]]:
    """(indicator, municipality, group) → period → (value, numerator, denominator): the member
    rows that may be shown (up to the cutoff, not withheld, not hidden by the rule)."""
    out: dict[tuple[int, int, int], dict[Period, tuple[float, float | None, float | None]]] = {}
    for indicator_id, area_id, code, group_id, value, _, _, numerator, denominator in rows:
        if value is None or cat.hides(indicator_id, value, numerator, denominator):
            continue
        if code not in when:
            try:
                period = parse_period(code)
            except PeriodError:
                when[code] = None
                continue
            keep = cutoff is None or end_month(period) <= end_month(cutoff)
            start, end = months(period)
            when[code] = ((start, -end), period) if keep else None
        place = when[code]
        if place is not None:
            out.setdefault((indicator_id, area_id, group_id), {})[place[1]] = (
                value,
                numerator,
                denominator,
            )
    return out


def _derive_clusters(
    cat: Catalogue,
    plans: Plan,
    data: dict[tuple[int, int, int], list[Point]],
    counts: dict[tuple[int, int, int, Period], tuple[float | None, float | None]],
    unshown: dict[tuple[int, int, int], set[Period]],
    member_values: dict[
        tuple[int, int, int], dict[Period, tuple[float, float | None, float | None]]
    ],
) -> dict[tuple[int, int, int], set[Period]]:
    """Fill the plan's clusters' missing periods from their municipalities' values (in `data`
    and `counts`, in place); the periods filled, per series."""
    out: dict[tuple[int, int, int], set[Period]] = {}
    done: set[tuple[int, int, int]] = set()
    for _, revision, area in plans:
        if area.kind != AreaKind.CLUSTER:
            continue
        indicator = cat.indicators.get(revision.indicator_id)
        if indicator is None or combine_rule(indicator) is None:
            continue
        ever = cat.municipalities_ever(area)
        for group in groups_of(revision, cat):
            key = (indicator.id, area.id, group)
            if key in done:
                continue
            done.add(key)  # type: ignore[arg-type]
            members = {
                member: member_values[(indicator.id, member, group)]  # type: ignore[index]
                for member in ever
                if (indicator.id, member, group) in member_values
            }
            if not members:
                continue
            own = [p[0] for p in data.get(key, ())] + list(unshown.get(key, ()))  # type: ignore[arg-type]
            found = derive(cat, indicator, area, own, members, last_day)
            shown = {  # a sum below the limit is hidden as a reported one would be
                period: c
                for period, c in found.items()
                if not cat.suppression.hides_unit(
                    indicator.unit, c.value, c.numerator, c.denominator
                )
            }
            if not shown:
                continue
            series = data.setdefault(key, [])  # type: ignore[arg-type]
            for period, c in shown.items():
                series.append((period, c.value, None, None))
                if c.denominator is not None:
                    counts[(*key, period)] = (c.numerator, c.denominator)  # type: ignore[arg-type]
            series.sort(key=lambda p: p[0])
            out[key] = set(shown)  # type: ignore[index]
    return out


def criterion_points(
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


# --- period arithmetic -------------------------------------------------------------------------


@functools.cache
def months(period: Period) -> tuple[int, int]:
    """The months (counted from year 0) in which a period starts and ends, so that periods of
    any length compare; memoised because it runs for every point (pure period arithmetic)."""
    length = 12 // period.frequency.per_year
    return period.year * 12 + (
        period.index - 1
    ) * length + 1, period.year * 12 + period.index * length


def end_month(period: Period) -> int:
    """The month (counted from year 0) in which a period ends."""
    return months(period)[1]


def last_day(period: Period) -> dt.date:
    """The last day of a period (the criterion revisions valid then are the ones used)."""
    month = end_month(period) - 1
    year, month = divmod(month, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
