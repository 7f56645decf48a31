"""The catalogue: areas, tracks, steering groups, goals, criteria, indicators and groups.

`Catalogue` is an in-memory snapshot for look-ups by code, name or alias. The store is seeded
from the TOML files under ``data/catalogue/`` by `goals.catalogue.seed` (its names are handed on
here: `load_catalogue`, `CatalogueError`, …); `edit` changes it; `words` says it in words.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals.catalogue.seed import (
    AREA_SCOPES,
    CATALOGUE_DIR,
    DEFAULT_CATALOGUE,
    TOTAL_GROUP,
    CatalogueError,
    LoadReport,
    catalogue_folders,
    catalogue_id,
    load_catalogue,
    read_catalogue,
    read_files,
    shipped_catalogues,
)
from goals.catalogue.suppression import SUPPRESSED, Suppression, hidden_rows, read_suppression
from goals.i18n import name_of
from goals.names import NameIndex, name_key
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
    SteeringGroup,
    SuccessCriterion,
    Track,
)
from goals.units import is_count_unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AREA_SCOPES",
    "CATALOGUE_DIR",
    "DEFAULT_CATALOGUE",
    "TOTAL_GROUP",
    "Catalogue",
    "CatalogueError",
    "CriterionInfo",
    "LoadReport",
    "catalogue_folders",
    "catalogue_id",
    "load_catalogue",
    "read_catalogue",
    "read_files",
    "shipped_catalogues",
]


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
    #: the store's small-number rule (goals.catalogue.suppression)
    suppression: Suppression = field(default_factory=Suppression)

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
            suppression=read_suppression(session),
        )

    @functools.cached_property
    def fingerprint(self) -> str:
        """A digest of every row of the catalogue (each field of each area, membership, track,
        steering group, goal, indicator, group, criterion and revision, and the areas listed
        for each revision): two loads with the same fingerprint hold the same catalogue
        (goals.status.refresh reuses a report's rows only then)."""
        digest = hashlib.blake2b(digest_size=16)
        rows: list[object] = [
            *self.areas.values(),
            *self.memberships,
            *self.tracks,
            *self.steering_groups,
            *self.national_goals.values(),
            *self.goals,
            *self.indicators.values(),
            *self.groups.values(),
        ]
        for info in self.criteria:
            rows += [info.criterion, *info.revisions]
            digest.update(
                repr(sorted((k, sorted(v)) for k, v in info.listed_areas.items())).encode()
            )
        digest.update(repr(self.suppression).encode())
        for row in rows:
            fields = sorted((k, v) for k, v in vars(row).items() if not k.startswith("_"))
            digest.update(f"{type(row).__name__}{fields!r}".encode())
        return digest.hexdigest()

    # areas ---------------------------------------------------------------------------------

    def areas_of_kind(self, kind: AreaKind) -> list[Area]:
        return [a for a in self.areas.values() if a.kind == kind]

    @property
    def region(self) -> Area | None:
        regions = self.areas_of_kind(AreaKind.REGION)
        return regions[0] if regions else None

    @property
    def clusters(self) -> list[Area]:
        """Every cluster there has been (see `clusters_on` for those of one date)."""
        return self.areas_of_kind(AreaKind.CLUSTER)

    def clusters_on(self, on: dt.date | None = None) -> list[Area]:
        """The clusters in force on a date (default today): those that belong to the region
        then, and those that were never placed in a region. A cluster replaced in a
        reorganisation is left out after it ended, and one made later before it began."""
        on = on or dt.date.today()
        found = self._clusters_on.get(on)
        if found is None:  # asked once per criterion: worked out once per date
            placed: dict[int, list[AreaMembership]] = defaultdict(list)
            for m in self.memberships:
                placed[m.child_id].append(m)
            found = [
                cluster
                for cluster in self.clusters
                if not placed[cluster.id]  # type: ignore[index]
                or any(
                    m.valid_from <= on and (m.valid_to is None or on < m.valid_to)
                    for m in placed[cluster.id]  # type: ignore[index]
                )
            ]
            self._clusters_on[on] = found
        return list(found)

    @functools.cached_property
    def _clusters_on(self) -> dict[dt.date, list[Area]]:
        return {}

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas.values() if a.code == code), None)

    def cluster_named(self, name: str) -> Area | None:
        """The cluster a person means by a code, a name or an alias; None if none is."""
        text = str(name).strip()
        area = self.area(text) or self.area(text.upper()) or self.area_index.get(text)
        return area if area is not None and area.kind == AreaKind.CLUSTER else None

    def track_named(self, name: str) -> Track | None:
        """The track a person means by its code or its (Danish or English) name."""
        text = str(name).strip()
        found = self.track(text) or self.track(text.upper())
        if found is None:
            found = next(
                (
                    t
                    for t in self.tracks
                    if name_key(text) in {name_key(t.name), name_key(t.name_en or t.name)}
                ),
                None,
            )
        return found

    def cluster_of(self, area: Area, on: dt.date | None = None) -> Area | None:
        """The (first) cluster an area is, or belongs to through its parents, on a date."""
        found = self.clusters_of(area, on)
        return found[0] if found else None

    def clusters_of(self, area: Area, on: dt.date | None = None) -> list[Area]:
        """Every cluster an area is, or belongs to through its parents, on a date (default
        today): a municipality may sit in two clusters at once (København is split)."""
        found: list[Area] = []
        seen: set[int] = set()
        todo = [area]
        while todo:
            current = todo.pop(0)
            if current.id in seen:
                continue
            seen.add(current.id)  # type: ignore[arg-type]
            if current.kind == AreaKind.CLUSTER:
                found.append(current)
                continue
            todo += self.parents(current, on)
        return sorted(found, key=lambda a: (a.sort_order, a.name))

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

    def parents(self, area: Area, on: dt.date | None = None) -> list[Area]:
        """Every area `area` belongs to directly on a date (default today)."""
        on = on or dt.date.today()
        ids = [
            m.parent_id
            for m in self.memberships
            if m.child_id == area.id
            and m.valid_from <= on
            and (m.valid_to is None or on < m.valid_to)
        ]
        return [self.areas[i] for i in dict.fromkeys(ids) if i in self.areas]

    def parent(self, area: Area, on: dt.date | None = None) -> Area | None:
        """The (first) area `area` belongs to directly on a date."""
        found = self.parents(area, on)
        return found[0] if found else None

    def municipalities_ever(self, area: Area) -> set[int]:
        """The ids of the municipalities that have ever belonged to a cluster (any period;
        empty for any other area)."""
        return self._municipalities_ever.get(area.id, set())  # type: ignore[arg-type]

    @functools.cached_property
    def _municipalities_ever(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for m in self.memberships:
            parent, child = self.areas.get(m.parent_id), self.areas.get(m.child_id)
            if (
                parent is not None
                and child is not None
                and parent.kind == AreaKind.CLUSTER
                and child.kind == AreaKind.MUNICIPALITY
            ):
                out[parent.id].add(child.id)  # type: ignore[index,arg-type]
        return dict(out)

    @functools.cached_property
    def organisation_changes(self) -> list[dt.date]:
        """The dates on which a membership began (after the first organisation) or ended,
        oldest first: empty while the organisation has never changed."""
        first = min((m.valid_from for m in self.memberships), default=None)
        dates = {m.valid_from for m in self.memberships if m.valid_from != first}
        dates |= {m.valid_to for m in self.memberships if m.valid_to is not None}
        return sorted(dates)

    def organisation_since(self, on: dt.date | None = None) -> dt.date | None:
        """The date from which the organisation in force on `on` (default today) has stood,
        or None while it has never changed."""
        on = on or dt.date.today()
        earlier = [d for d in self.organisation_changes if d <= on]
        return earlier[-1] if earlier else None

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

    def hides(
        self,
        indicator_id: int,
        value: float | None,
        numerator: float | None = None,
        denominator: float | None = None,
    ) -> bool:
        """Whether the small-number rule hides a value of an indicator (`suppression`)."""
        indicator = self.indicators.get(indicator_id)
        unit = indicator.unit if indicator is not None else None
        return self.suppression.hides_unit(unit, value, numerator, denominator)

    @functools.cached_property
    def count_indicator_ids(self) -> set[int]:
        """The indicators whose unit is a count ("antal …")."""
        return {i.id for i in self.indicators.values() if is_count_unit(i.unit)}  # type: ignore[misc]

    def hidden_rows(self, frame: pd.DataFrame) -> pd.Series:
        """Which rows of a frame of observations (indicator_id, value, numerator, denominator)
        the small-number rule hides."""
        return hidden_rows(frame, self.suppression, self.count_indicator_ids)

    def without_hidden(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A frame of observations with the values the rule hides emptied and their reason
        `SUPPRESSED` (the row stays: a hidden value is a gap, never a 0)."""
        hidden = self.hidden_rows(frame)
        if not hidden.any():
            return frame
        frame = frame.copy()
        numbers = [c for c in ("value", "lower", "upper", "numerator", "denominator") if c in frame]
        frame[numbers] = frame[numbers].astype("float64")
        frame.loc[hidden, numbers] = float("nan")
        if "missing_reason" in frame:
            frame["missing_reason"] = frame["missing_reason"].astype(object)
            frame.loc[hidden, "missing_reason"] = SUPPRESSED
        return frame

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

    def indicator_sources(self, lang: str | None = "da") -> dict[str, str]:
        """Indicator code → its source in the reader's language, for footers and key figures."""
        return {i.code: name_of(i, lang, "source") for i in self.indicators.values() if i.source}

    def indicators_of_steering_group(self, group: SteeringGroup) -> list[Indicator]:
        return [i for i in self.indicators.values() if group.id in self.indicator_owners(i)]

    def criterion_areas(
        self, info: CriterionInfo, revision: CriterionRevision, on: dt.date | None = None
    ) -> list[Area]:
        """The areas a criterion revision applies to (its clusters: those in force on `on`,
        or every one there has been)."""
        scope = revision.area_scope
        if scope == "listed":
            ids = info.listed_areas.get(revision.id, set())
            return [a for a in self.areas.values() if a.id in ids]
        if scope == "region":
            return [self.region] if self.region else []
        if scope == "municipalities":
            return self.areas_of_kind(AreaKind.MUNICIPALITY)
        return self.clusters_on(on) if on is not None else self.clusters
