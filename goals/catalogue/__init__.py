"""The catalogue: areas, tracks, steering groups, goals, criteria, indicators and groups.

`load_catalogue` reads the readable TOML files under ``data/catalogue/`` into the store. It is
idempotent and conservative: it adds what is missing (entries, aliases, memberships, criterion
revisions) and never changes or deletes what is there, so edits made later by the secretariat
survive a re-run of ``python -m goals init``.

`Catalogue` is an in-memory snapshot for look-ups by code, name or alias.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals.config import PROJECT_ROOT
from goals.names import NameIndex, name_key
from goals.periods import Frequency, parse_period
from goals.store.model import (
    Area,
    AreaAlias,
    AreaKind,
    AreaMembership,
    BreakdownGroup,
    CriterionArea,
    CriterionRevision,
    Goal,
    GroupAlias,
    Indicator,
    NationalGoal,
    Polarity,
    SteeringGroup,
    SuccessCriterion,
    TargetType,
    Track,
)

CATALOGUE_DIR = PROJECT_ROOT / "data" / "catalogue"
TOTAL_GROUP = "I alt"
AREA_SCOPES = ("clusters", "municipalities", "region", "listed")


class CatalogueError(ValueError):
    """A catalogue file is wrong; the message names the file and the entry."""


# --- loading the data files ----------------------------------------------------------------


def read_files(folder: Path = CATALOGUE_DIR) -> dict[str, Any]:
    """All catalogue files merged into one dict of lists (region, cluster, track, goal, …)."""
    merged: dict[str, list[Any]] = defaultdict(list)
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise CatalogueError(f"No catalogue files (*.toml) in {folder}.")
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CatalogueError(f"{path.name}: {exc}") from None
        for key, value in data.items():
            if not isinstance(value, list):
                raise CatalogueError(f"{path.name}: '{key}' must be a list of [[{key}]] tables.")
            merged[key].extend(value)
    return dict(merged)


@dataclass
class LoadReport:
    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def total(self) -> int:
        return sum(self.added.values())

    def summary(self) -> str:
        if not self.total:
            return "catalogue already up to date"
        return ", ".join(f"{n} {kind}" for kind, n in sorted(self.added.items()) if n) + " added"


class _Loader:
    def __init__(self, session: Session, report: LoadReport) -> None:
        self.session = session
        self.report = report

    def get_or_add(self, model: type, key: dict[str, Any], **values: Any) -> Any:
        row = self.session.exec(select(model).filter_by(**key)).first()
        if row is None:
            row = model(**key, **values)
            self.session.add(row)
            self.session.flush()
            self.report.added[model.__tablename__] += 1
        return row

    def alias(self, model: type, owner_field: str, owner_id: int, alias: str) -> None:
        key = name_key(alias)
        if not key:
            return
        row = self.session.exec(select(model).where(model.alias_key == key)).first()
        if row is None:
            self.session.add(model(**{owner_field: owner_id}, alias=alias, alias_key=key))
            self.session.flush()
            self.report.added[model.__tablename__] += 1

    def area(self, entry: dict[str, Any], kind: AreaKind, order: int) -> Area:
        _require(entry, "code", "name", where=f"{kind.value} area")
        area = self.get_or_add(
            Area,
            {"code": entry["code"]},
            name=entry["name"],
            name_en=entry.get("name_en"),
            kind=kind,
            official_code=entry.get("official_code"),
            sort_order=order,
        )
        for alias in [entry["name"], *entry.get("aliases", [])]:
            self.alias(AreaAlias, "area_id", area.id, alias)
        return area

    def membership(self, parent: Area, child: Area, entry: dict[str, Any]) -> None:
        since = _date(entry.get("since", dt.date(2000, 1, 1)), f"membership of {child.code}")
        until = entry.get("until")
        self.get_or_add(
            AreaMembership,
            {"parent_id": parent.id, "child_id": child.id, "valid_from": since},
            valid_to=_date(until, f"membership of {child.code}") if until else None,
        )


def load_catalogue(*, session: Session, folder: Path = CATALOGUE_DIR) -> LoadReport:
    """Add every catalogue entry that the store does not have yet."""
    data = read_files(folder)
    report = LoadReport()
    load = _Loader(session, report)

    regions: dict[str, Area] = {}
    for i, entry in enumerate(data.get("region", [])):
        regions[entry["code"]] = load.area(entry, AreaKind.REGION, i)
    for i, entry in enumerate(data.get("cluster", [])):
        cluster = load.area(entry, AreaKind.CLUSTER, i)
        region = regions.get(entry.get("region", ""))
        if region is None:
            raise CatalogueError(
                f"Cluster {entry['code']}: unknown region '{entry.get('region')}'."
            )
        load.membership(region, cluster, entry)
        for kind, members in (
            (AreaKind.MUNICIPALITY, entry.get("municipalities", [])),
            (AreaKind.HOSPITAL, entry.get("hospitals", [])),
            (AreaKind.GENERAL_PRACTICE, entry.get("general_practice", [])),
        ):
            for j, member in enumerate(members):
                load.membership(cluster, load.area(member, kind, i * 100 + j), member)

    for i, entry in enumerate(data.get("track", [])):
        _require(entry, "code", "name", where="track")
        load.get_or_add(
            Track,
            {"code": entry["code"]},
            name=entry["name"],
            name_en=entry.get("name_en"),
            sort_order=i,
        )
    for entry in data.get("steering_group", []):
        _require(entry, "code", "name", where="steering group")
        load.get_or_add(
            SteeringGroup,
            {"code": entry["code"]},
            name=entry["name"],
            name_en=entry.get("name_en"),
        )
    for entry in data.get("national_goal", []):
        _require(entry, "number", "name", where="national goal")
        load.get_or_add(
            NationalGoal,
            {"number": entry["number"]},
            name=entry["name"],
            name_en=entry.get("name_en"),
        )
    for i, entry in enumerate(data.get("group", [])):
        _require(entry, "code", "name", where="group")
        group = load.get_or_add(
            BreakdownGroup,
            {"code": entry["code"]},
            name=entry["name"],
            name_en=entry.get("name_en"),
            dimension=entry.get("dimension"),
            sort_order=i,
        )
        for alias in [entry["code"], *entry.get("aliases", [])]:
            load.alias(GroupAlias, "group_id", group.id, alias)
    for entry in data.get("indicator", []):
        _load_indicator(load, entry)
    for i, entry in enumerate(data.get("goal", [])):
        _load_goal(load, entry, i)
    return report


def _load_indicator(load: _Loader, entry: dict[str, Any]) -> None:
    where = f"indicator {entry.get('code', '?')}"
    _require(entry, "code", "name", "unit", where=where)
    polarity = entry.get("polarity", "none")
    if polarity not in {p.value for p in Polarity}:
        raise CatalogueError(f"{where}: polarity must be higher, lower or none, not '{polarity}'.")
    frequency = entry.get("frequency", "year")
    if frequency not in {f.value for f in Frequency}:
        raise CatalogueError(f"{where}: unknown frequency '{frequency}'.")
    owner = None
    if entry.get("steering_group"):
        owner = _by_code(load.session, SteeringGroup, entry["steering_group"], where).id
    indicator = load.get_or_add(
        Indicator,
        {"code": entry["code"]},
        name=entry["name"],
        name_en=entry.get("name_en"),
        unit=entry["unit"],
        unit_en=entry.get("unit_en"),
        polarity=Polarity(polarity),
        decimals=int(entry.get("decimals", 1)),
        frequency=frequency,
        source=entry.get("source"),
        definition=entry.get("definition"),
        natural_limit=entry.get("natural_limit"),
        steering_group_id=owner,
    )
    if indicator.unit_en is None and entry.get("unit_en"):
        # a field added by a later version: filling it in changes nothing anyone edited
        indicator.unit_en = entry["unit_en"]
        load.session.add(indicator)


def _load_goal(load: _Loader, entry: dict[str, Any], order: int) -> None:
    where = f"goal {entry.get('code', '?')}"
    _require(entry, "code", "title", "track", "steering_group", where=where)
    session = load.session
    national = None
    if entry.get("national_goal") is not None:
        national = session.exec(
            select(NationalGoal).where(NationalGoal.number == entry["national_goal"])
        ).first()
        if national is None:
            raise CatalogueError(f"{where}: unknown national goal {entry['national_goal']}.")
    goal = load.get_or_add(
        Goal,
        {"code": entry["code"]},
        title=entry["title"],
        title_en=entry.get("title_en"),
        description=entry.get("description"),
        track_id=_by_code(session, Track, entry["track"], where).id,
        steering_group_id=_by_code(session, SteeringGroup, entry["steering_group"], where).id,
        national_goal_id=national.id if national else None,
        sort_order=order,
    )
    for i, criterion_entry in enumerate(entry.get("criterion", [])):
        _load_criterion(load, goal, criterion_entry, i)


def _load_criterion(load: _Loader, goal: Goal, entry: dict[str, Any], order: int) -> None:
    where = f"criterion {entry.get('code', '?')}"
    _require(entry, "code", where=where)
    session = load.session
    criterion = load.get_or_add(
        SuccessCriterion, {"code": entry["code"]}, goal_id=goal.id, sort_order=order
    )
    shared = {k: v for k, v in entry.items() if k not in ("code", "revisions")}
    versions = entry.get("revisions") or [{}]
    existing = session.exec(
        select(CriterionRevision).where(CriterionRevision.criterion_id == criterion.id)
    ).all()
    known = {r.valid_from for r in existing}
    next_number = max((r.revision for r in existing), default=0) + 1
    for version in versions:
        spec = {**shared, **version}
        valid_from = _date(spec.get("valid_from", dt.date(2000, 1, 1)), where)
        if valid_from in known:
            continue
        revision = CriterionRevision(
            criterion_id=criterion.id,
            revision=next_number,
            valid_from=valid_from,
            created_by="catalogue",
            **_revision_fields(session, spec, where),
        )
        session.add(revision)
        session.flush()
        for area_code in spec.get("areas", []) if isinstance(spec.get("areas"), list) else []:
            session.add(
                CriterionArea(
                    revision_id=revision.id,
                    area_id=_by_code(session, Area, area_code, where).id,
                )
            )
        load.report.added["criterionrevision"] += 1
        next_number += 1


def _revision_fields(session: Session, spec: dict[str, Any], where: str) -> dict[str, Any]:
    _require(spec, "text", "indicator", "baseline", where=where)
    indicator = _by_code(session, Indicator, spec["indicator"], where)
    fields: dict[str, Any] = {
        "text": spec["text"],
        "text_en": spec.get("text_en"),
        "indicator_id": indicator.id,
        "note": spec.get("note"),
        "baseline_period": _period(spec["baseline"], where),
    }
    if "gap" in spec:
        gap = spec["gap"]
        if not (isinstance(gap, list) and len(gap) == 2 and gap[0] != gap[1]):
            raise CatalogueError(f"{where}: gap must name two different groups.")
        fields["gap_group_a_id"] = _by_code(session, BreakdownGroup, gap[0], where).id
        fields["gap_group_b_id"] = _by_code(session, BreakdownGroup, gap[1], where).id
    else:
        fields["group_id"] = _by_code(
            session, BreakdownGroup, spec.get("group", TOTAL_GROUP), where
        ).id
    target_type = spec.get("target_type")
    if target_type is not None:
        if target_type not in {t.value for t in TargetType}:
            raise CatalogueError(f"{where}: target_type must be absolute, relative or points.")
        _require(spec, "target", "target_period", where=where)
        fields["target_type"] = TargetType(target_type)
        fields["target_value"] = float(spec["target"])
        fields["target_period"] = _period(spec["target_period"], where)
    areas = spec.get("areas", "clusters")
    fields["area_scope"] = "listed" if isinstance(areas, list) else areas
    if fields["area_scope"] not in AREA_SCOPES:
        raise CatalogueError(f"{where}: areas must be clusters, municipalities, region or a list.")
    return fields


def _require(entry: dict[str, Any], *keys: str, where: str) -> None:
    missing = [k for k in keys if entry.get(k) in (None, "")]
    if missing:
        raise CatalogueError(f"{where}: missing {', '.join(missing)}.")


def _by_code(session: Session, model: type, code: str, where: str) -> Any:
    row = session.exec(select(model).where(model.code == code)).first()
    if row is None:
        raise CatalogueError(f"{where}: unknown {model.__name__} '{code}'.")
    return row


def _period(value: Any, where: str) -> str:
    try:
        return parse_period(value).code
    except ValueError as exc:
        raise CatalogueError(f"{where}: {exc}.") from None


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CatalogueError(f"{where}: '{value}' is not a date (YYYY-MM-DD).") from None


# --- the snapshot used for look-ups ---------------------------------------------------------


@dataclass
class CriterionInfo:
    """A success criterion with all its revisions, oldest first."""

    criterion: SuccessCriterion
    goal: Goal
    revisions: list[CriterionRevision]
    listed_areas: dict[int, set[int]]  # revision id → area ids (area_scope == "listed")

    @property
    def code(self) -> str:
        return self.criterion.code

    def revision_on(self, when: dt.date | None = None) -> CriterionRevision:
        """The version valid on `when` (default today); the first one if none was valid yet."""
        when = when or dt.date.today()
        valid = [r for r in self.revisions if r.valid_from <= when]
        return valid[-1] if valid else self.revisions[0]

    @property
    def current(self) -> CriterionRevision:
        return self.revision_on(None)


@dataclass
class Catalogue:
    """Everything in the catalogue, loaded in one go, with name look-ups."""

    areas: dict[int, Area]
    memberships: list[AreaMembership]
    tracks: list[Track]
    steering_groups: list[SteeringGroup]
    national_goals: dict[int, NationalGoal]
    goals: list[Goal]
    indicators: dict[int, Indicator]
    groups: dict[int, BreakdownGroup]
    criteria: list[CriterionInfo]
    area_index: NameIndex[Area]
    indicator_index: NameIndex[Indicator]
    group_index: NameIndex[BreakdownGroup]
    goal_index: NameIndex[Goal]

    @classmethod
    def read(cls, engine: Engine) -> Catalogue:
        """The catalogue as it stands, read in a session of its own."""
        from goals import store

        with store.read_session(engine) as session:
            return cls.load(session)

    @classmethod
    def load(cls, session: Session) -> Catalogue:
        areas = {a.id: a for a in session.exec(select(Area).order_by(Area.sort_order, Area.name))}
        area_index: NameIndex[Area] = NameIndex()
        for area in areas.values():
            area_index.add(area, area.code, area.name, area.name_en, label=area.name)
            if area.official_code:
                area_index.add(area, area.official_code)
        for alias in session.exec(select(AreaAlias)):
            if alias.area_id in areas:
                area_index.add(areas[alias.area_id], alias.alias, label=areas[alias.area_id].name)

        indicators = {i.id: i for i in session.exec(select(Indicator).order_by(Indicator.code))}
        indicator_index: NameIndex[Indicator] = NameIndex()
        for ind in indicators.values():
            label = f"{ind.code} {ind.name}"
            indicator_index.add(ind, ind.code, ind.name, ind.name_en, label=label)

        groups = {
            g.id: g
            for g in session.exec(select(BreakdownGroup).order_by(BreakdownGroup.sort_order))
        }
        group_index: NameIndex[BreakdownGroup] = NameIndex()
        for group in groups.values():
            group_index.add(group, group.code, group.name_en, label=group.code)
        for alias in session.exec(select(GroupAlias)):
            if alias.group_id in groups:
                group_index.add(
                    groups[alias.group_id],
                    alias.alias,
                    label=groups[alias.group_id].code,
                )

        tracks = list(session.exec(select(Track).order_by(Track.sort_order, Track.code)))
        track_order = {t.id: i for i, t in enumerate(tracks)}
        goals = sorted(
            session.exec(select(Goal)),
            key=lambda g: (track_order.get(g.track_id, 99), g.sort_order),
        )
        goal_index: NameIndex[Goal] = NameIndex()
        for goal in goals:
            goal_index.add(goal, goal.code, goal.title, goal.title_en, label=goal.title)

        revisions: dict[int, list[CriterionRevision]] = defaultdict(list)
        for rev in session.exec(
            select(CriterionRevision).order_by(
                CriterionRevision.valid_from, CriterionRevision.revision
            )
        ):
            revisions[rev.criterion_id].append(rev)
        listed: dict[int, set[int]] = defaultdict(set)
        for link in session.exec(select(CriterionArea)):
            listed[link.revision_id].add(link.area_id)
        goal_by_id = {g.id: g for g in goals}
        goal_order = {g.id: i for i, g in enumerate(goals)}
        criteria = [
            CriterionInfo(
                criterion=c,
                goal=goal_by_id[c.goal_id],
                revisions=revisions[c.id],
                listed_areas={r.id: listed[r.id] for r in revisions[c.id] if r.id in listed},
            )
            for c in sorted(
                session.exec(select(SuccessCriterion)),
                key=lambda c: (goal_order.get(c.goal_id, 999), c.sort_order),
            )
            if revisions[c.id] and c.goal_id in goal_by_id
        ]
        return cls(
            areas=areas,
            memberships=list(session.exec(select(AreaMembership))),
            tracks=tracks,
            steering_groups=list(session.exec(select(SteeringGroup).order_by(SteeringGroup.code))),
            national_goals={n.id: n for n in session.exec(select(NationalGoal))},
            goals=goals,
            indicators=indicators,
            groups=groups,
            criteria=criteria,
            area_index=area_index,
            indicator_index=indicator_index,
            group_index=group_index,
            goal_index=goal_index,
        )

    # areas ---------------------------------------------------------------------------------

    def areas_of_kind(self, kind: AreaKind) -> list[Area]:
        return [a for a in self.areas.values() if a.kind == kind]

    @property
    def region(self) -> Area | None:
        regions = self.areas_of_kind(AreaKind.REGION)
        return regions[0] if regions else None

    @property
    def clusters(self) -> list[Area]:
        return self.areas_of_kind(AreaKind.CLUSTER)

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas.values() if a.code == code), None)

    def members(self, parent: Area, on: dt.date | None = None) -> list[Area]:
        """The areas directly under `parent` on a date (default today)."""
        on = on or dt.date.today()
        ids = {
            m.child_id
            for m in self.memberships
            if m.parent_id == parent.id
            and m.valid_from <= on
            and (m.valid_to is None or on < m.valid_to)
        }
        return [a for a in self.areas.values() if a.id in ids]

    def parent(self, area: Area, on: dt.date | None = None) -> Area | None:
        on = on or dt.date.today()
        for m in self.memberships:
            if (
                m.child_id == area.id
                and m.valid_from <= on
                and (m.valid_to is None or on < m.valid_to)
            ):
                return self.areas.get(m.parent_id)
        return None

    # goals, criteria and indicators ---------------------------------------------------------

    def track(self, code: str) -> Track | None:
        return next((t for t in self.tracks if t.code == code), None)

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.goals if g.code == code), None)

    def goals_of_track(self, track: Track) -> list[Goal]:
        return [g for g in self.goals if g.track_id == track.id]

    def criteria_of_goal(self, goal: Goal) -> list[CriterionInfo]:
        return [c for c in self.criteria if c.goal.id == goal.id]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators.values() if i.code == code), None)

    def group(self, code: str) -> BreakdownGroup | None:
        return next((g for g in self.groups.values() if g.code == code), None)

    @property
    def total_group(self) -> BreakdownGroup | None:
        return self.group(TOTAL_GROUP)

    def steering_group(self, code: str) -> SteeringGroup | None:
        return next((s for s in self.steering_groups if s.code == code), None)

    @functools.cached_property
    def _goal_owners_by_indicator(self) -> dict[int, set[int]]:
        owners: dict[int, set[int]] = defaultdict(set)
        for info in self.criteria:
            for revision in info.revisions:
                owners[revision.indicator_id].add(info.goal.steering_group_id)
        return owners

    def indicator_owners(self, indicator: Indicator) -> set[int]:
        """Steering groups that may report this indicator: its explicit owner, or the owners
        of the goals whose criteria use it."""
        if indicator.steering_group_id is not None:
            return {indicator.steering_group_id}
        return set(self._goal_owners_by_indicator.get(indicator.id, ()))

    def indicators_of_steering_group(self, group: SteeringGroup) -> list[Indicator]:
        return [i for i in self.indicators.values() if group.id in self.indicator_owners(i)]

    def criterion_areas(self, info: CriterionInfo, revision: CriterionRevision) -> list[Area]:
        """The areas a criterion revision applies to."""
        scope = revision.area_scope
        if scope == "listed":
            ids = info.listed_areas.get(revision.id, set())
            return [a for a in self.areas.values() if a.id in ids]
        if scope == "region":
            return [self.region] if self.region else []
        if scope == "municipalities":
            return self.areas_of_kind(AreaKind.MUNICIPALITY)
        return self.clusters
