"""Status of every success criterion × area, with its inputs and reasoning, and the roll-ups.

`assess` reads the catalogue and, in one query per batch of criteria (`CRITERIA_PER_QUERY`), the
current values of every indicator involved (`goals.store.observations.current_query`, for just
the areas and groups each criterion needs); `assess_rows` yields the same rows one at a time;
the rest is pure Python on the `goals.status.progress` and `goals.status.compare` methods (docs/method.md):

* the criterion revision valid at the end of ``as_of`` is used, and only periods that have
  ended by then (default: today's revision and all data);
* relative and point targets become absolute values from the baseline value (base × (1 + t/100),
  base + t), so those targets need a value in the baseline period itself; absolute targets and
  criteria without a target fall back to the first later period, as sdg-build does;
* a gap criterion follows value(A) − value(B) for the periods where both groups have a value,
  smaller is better;
* the direction is the indicator's polarity, or – for an indicator without one – the direction
  from the baseline value to the target; it is used for progress, comparison and trend alike.

Each row's reasoning text, series and recent trend are worked out when first read
(`goals.status.report`). Nothing is cached between calls; the UI caches.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import NamedTuple

from sqlalchemy.engine import Engine
from sqlmodel import Session

from goals.catalogue import Catalogue, CriterionInfo
from goals.i18n import language, t
from goals.periods import Period, PeriodError, parse_period
from goals.status.criterion import Criterion, assess_one
from goals.status.messages import combine_rows
from goals.status.report import StatusReport, StatusRow
from goals.status.values import Values, last_day, load_values
from goals.status.verdicts import combine
from goals.store import read_session
from goals.store.model import Area, AreaKind, CriterionRevision

__all__ = [
    "Batch",
    "Plan",
    "UnknownArea",
    "assess",
    "assess_rows",
    "assessed_batches",
    "assessment_plan",
    "cluster_areas",
    "reassess",
    "roll_up",
]


class UnknownArea(ValueError):
    """The area asked for is not in the catalogue; the message is one sentence."""


#: How many criteria one values query covers. Each query's parameters (the ids of the
#: indicators, areas and groups it reads) stay far below SQLite's 32,766 and PostgreSQL's
#: 65,535 at any catalogue size, and only one batch's values are in memory at a time.
CRITERIA_PER_QUERY = 400


def assess(
    *,
    engine: Engine | None = None,
    session: Session | None = None,
    catalogue: Catalogue | None = None,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> StatusReport:
    """Assess every success criterion in every area it applies to.

    as_of: a period (e.g. '2023', '2024K2'): only periods that have ended by then are used, and
        the criterion revisions valid on its last day. Default: all data, today's revisions.
    cluster: code, name or alias of an area: only that area and the areas directly under it.
    Raises UnknownArea for an unknown area and PeriodError for an unreadable as_of.
    """
    if session is None:
        if engine is None:
            raise ValueError("assess needs an engine or a session")
        with read_session(engine) as own:
            return assess(session=own, catalogue=catalogue, as_of=as_of, cluster=cluster, lang=lang)
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    cutoff, when, plan = _prepared(cat, as_of, cluster, lang)
    return _report(cat, list(_rows(session, cat, plan, cutoff, lang)), cutoff, when, lang)


def reassess(
    previous: StatusReport,
    *,
    session: Session,
    catalogue: Catalogue,
    indicators: set[int],
    as_of: str | None = None,
    lang: str = "da",
) -> StatusReport:
    """`assess` after a change to the values of `indicators` only: the criteria that follow
    them are assessed again, every other row is taken from `previous`, and the roll-ups are
    combined anew — the same report as `assess` gives.

    `previous` must be `assess` (or `reassess`) of the same catalogue — the caller knows it is
    (goals.status.refresh compares fingerprints) — for the same `as_of` and language; on
    another day (today's revisions may differ) every row is assessed again.
    """
    lang = language(lang)
    cutoff, when, plan = _prepared(catalogue, as_of, None, lang)
    same = (previous.revision_date, previous.as_of, previous.lang) == (
        when,
        cutoff.code if cutoff else None,
        lang,
    )
    held = {(r.criterion, r.revision, r.area): r for r in previous.rows} if same else {}

    def key(entry: tuple[CriterionInfo, CriterionRevision, Area]) -> tuple[str, int, str]:
        return entry[0].code, entry[1].revision, entry[2].code

    todo = [e for e in plan if e[1].indicator_id in indicators or key(e) not in held]
    fresh = dict(zip(map(key, todo), _rows(session, catalogue, todo, cutoff, lang), strict=True))
    rows = [fresh[k] if k in fresh else held[k] for k in map(key, plan)]
    return _report(catalogue, rows, cutoff, when, lang)


def assess_rows(
    *,
    session: Session,
    catalogue: Catalogue | None = None,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> Iterator[StatusRow]:
    """The rows of `assess`, in the same order, one at a time, without the roll-ups: memory
    holds one batch of criteria's values, whatever the size of the catalogue (``goals status
    --json`` writes each row as it comes). The session must stay open while they are read."""
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    cutoff, _, plan = _prepared(cat, as_of, cluster, lang)
    return _rows(session, cat, plan, cutoff, lang)


def _prepared(
    cat: Catalogue, as_of: str | None, cluster: str | None, lang: str
) -> tuple[Period | None, dt.date, Plan]:
    cutoff = None
    if as_of is not None:
        try:
            cutoff = parse_period(as_of)
        except PeriodError:
            raise PeriodError(t("status.bad_period", lang, value=as_of)) from None
    when = last_day(cutoff) if cutoff is not None else dt.date.today()
    allowed = _area_filter(cat, cluster, when, lang)  # raises before any row is read
    return cutoff, when, _plan(cat, when, allowed)


def _rows(
    session: Session, cat: Catalogue, plans: Plan, cutoff: Period | None, lang: str
) -> Iterator[StatusRow]:
    for batch in _loaded_batches(session, cat, plans, cutoff, lang):
        yield from batch.rows(batch.plan)


class Batch(NamedTuple):
    """One batch of the plan with its values read; `rows(part)` assesses any run of its
    entries (pure Python: no further query)."""

    plan: Plan
    rows: Callable[[Plan], Iterator[StatusRow]]


def assessed_batches(
    *,
    session: Session,
    catalogue: Catalogue | None = None,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> Iterator[Batch]:
    """The batches of `assess_rows`, each with its values read, in report order: a caller may
    assess parts of one batch apart (``goals status --json`` shares them with a forked
    helper process, goals.status.export)."""
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    cutoff, _, plan = _prepared(cat, as_of, cluster, lang)
    return _loaded_batches(session, cat, plan, cutoff, lang)


def _loaded_batches(
    session: Session, cat: Catalogue, plans: Plan, cutoff: Period | None, lang: str
) -> Iterator[Batch]:
    region = cat.region
    tracks = {tr.id: tr.code for tr in cat.tracks}
    for batch in _batches(plans):
        values = load_values(session, cat, batch, region, cutoff)
        criteria: dict[int, Criterion] = {}

        def rows(part: Plan, values: Values = values, criteria=criteria) -> Iterator[StatusRow]:
            for info, revision, area in part:
                c = criteria.get(revision.id)
                if c is None:
                    c = criteria[revision.id] = Criterion.of(
                        cat, info, revision, region, values.points, tracks, lang
                    )
                yield assess_one(c, area, region, values, lang)

        yield Batch(batch, rows)


def _batches(plans: Plan) -> Iterator[Plan]:
    """The plan in runs of at most CRITERIA_PER_QUERY criteria, each criterion's areas together."""
    batch: Plan = []
    revisions: set[int] = set()
    for entry in plans:
        revision_id = entry[1].id
        if revision_id not in revisions and len(revisions) == CRITERIA_PER_QUERY:
            yield batch
            batch, revisions = [], set()
        revisions.add(revision_id)
        batch.append(entry)
    if batch:
        yield batch


Plan = list[tuple[CriterionInfo, CriterionRevision, Area]]


def assessment_plan(
    catalogue: Catalogue,
    *,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
) -> Plan:
    """The (criterion, revision, area) triples `assess` evaluates, in report order."""
    cutoff = parse_period(as_of) if as_of is not None else None
    when = last_day(cutoff) if cutoff is not None else dt.date.today()
    return _plan(catalogue, when, _area_filter(catalogue, cluster, when, lang))


def _plan(cat: Catalogue, when: dt.date, allowed: set[int] | None) -> Plan:
    plans: Plan = []
    for info in cat.criteria:
        revision = info.revision_on(when)
        for area in cat.criterion_areas(info, revision, when):
            if allowed is None or area.id in allowed:
                plans.append((info, revision, area))
    return plans


def cluster_areas(
    cat: Catalogue, name: str | None, *, when: dt.date | None = None, lang: str = "da"
) -> set[int] | None:
    """The ids of an area (code, name or alias) and the areas directly under it on `when`
    (default today); None for no name. Raises UnknownArea, with suggestions."""
    return _area_filter(cat, name, when or dt.date.today(), lang)


def _area_filter(cat: Catalogue, name: str | None, when: dt.date, lang: str) -> set[int] | None:
    if name is None:
        return None
    area = find_area(cat, name, lang)
    return {area.id} | {member.id for member in cat.members(area, when)}


def find_area(cat: Catalogue, name: str, lang: str = "da") -> Area:
    """The area a person means by a code, name or alias. Raises UnknownArea, with
    suggestions ("mente du …?")."""
    # A code is exact; the name index may find it ambiguous ("AARHUS" is also a municipality's alias).
    area = cat.area(name) or cat.area(name.strip().upper()) or cat.area_index.get(name)
    if area is None:
        suggestions = cat.area_index.suggest(name)
        if suggestions:
            listed = ", ".join(f"'{s}'" for s in suggestions)
            raise UnknownArea(t("status.unknown_area.suggest", lang, name=name, suggestions=listed))
        raise UnknownArea(t("status.unknown_area", lang, name=name))
    return area


def roll_up(
    cat: Catalogue, rows: list[StatusRow], *, when: dt.date, lang: str, as_of: str | None = None
) -> StatusReport:
    """The report of given rows (e.g. a frozen meeting's): every roll-up combined from them by
    the one rule, as `assess` does."""
    cutoff = parse_period(as_of) if as_of is not None else None
    return _report(cat, rows, cutoff, when, language(lang))


def _report(
    cat: Catalogue,
    rows: list[StatusRow],
    cutoff: Period | None,
    when: dt.date,
    lang: str,
) -> StatusReport:
    """The rows and every roll-up of them (see `StatusReport`), each by `combine_rows`."""
    clusters = {a.code for a in cat.areas.values() if a.kind == AreaKind.CLUSTER}
    groups: dict[tuple[str, ...], list[StatusRow]] = defaultdict(list)
    for row in rows:
        groups[("goal_area", row.goal, row.area)].append(row)
        groups[("track_area", row.track, row.area)].append(row)
        groups[("cluster", row.area)].append(row)
        if row.gap:
            groups[("inequality", row.area)].append(row)
        if row.area in clusters:
            groups[("region_track", row.track)].append(row)
            groups[("region",)].append(row)
            if row.gap:
                groups[("region_inequality",)].append(row)
    combined = {key: combine_rows(parts) for key, parts in groups.items()}

    def level(name: str) -> dict:
        return {
            key[1] if len(key) == 2 else key[1:]: value
            for key, value in combined.items()
            if key[0] == name
        }

    track_order = [tr.code for tr in cat.tracks]
    by_track = level("region_track")
    empty = combine(())
    return StatusReport(
        rows=rows,
        goal_area=level("goal_area"),
        track_area=level("track_area"),
        cluster=level("cluster"),
        region_track={tr: by_track[tr] for tr in track_order if tr in by_track},
        region=combined.get(("region",), empty),
        inequality=level("inequality"),
        region_inequality=combined.get(("region_inequality",), empty),
        as_of=cutoff.code if cutoff else None,
        revision_date=when,
        lang=lang,
    )
