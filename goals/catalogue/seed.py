"""Seeding the store from the readable TOML files under ``data/catalogue/``.

`load_catalogue` is idempotent and conservative: it adds what is missing (entries, aliases,
memberships, criterion revisions) and never changes or deletes what is there, so edits made
later by the secretariat survive a re-run of ``python -m goals init``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from goals.config import PROJECT_ROOT
from goals.names import name_key
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
#: What every region shares (indicators, tracks, national goals, breakdown groups); each region's
#: own areas, steering groups and goals are in a folder beside it, named after the region.
SHARED_DIR = CATALOGUE_DIR / "shared"
#: The region a new store gets unless `goals init --catalogue` says otherwise.
DEFAULT_CATALOGUE = "midtjylland"
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


def shipped_catalogues() -> list[str]:
    """The regions' catalogues that come with Målbillede (folder names under data/catalogue)."""
    return sorted(
        p.name
        for p in CATALOGUE_DIR.iterdir()
        if p.is_dir() and p != SHARED_DIR and any(p.glob("*.toml"))
    )


def catalogue_id(name: str | Path) -> str:
    """The catalogue a store remembers: a shipped region's name ('nordjylland'), or the
    absolute path of a folder of catalogue files. Raises CatalogueError for neither."""
    text = str(name).strip()
    if text.lower() in shipped_catalogues():
        return text.lower()
    folder = Path(text).expanduser()
    if folder.is_dir() and any(folder.glob("*.toml")):
        return str(folder.resolve())
    raise CatalogueError(
        f"Unknown catalogue '{text}': choose one of {', '.join(shipped_catalogues())}, "
        "or give a folder of catalogue files (*.toml)."
    )


def catalogue_folders(name: str | Path) -> list[Path]:
    """The folders a catalogue is read from, in order: a shipped region's is the shared folder
    and its own; a folder of one's own is read after the shared one unless it defines the
    tracks itself (a complete catalogue)."""
    ident = catalogue_id(name)
    folder = CATALOGUE_DIR / ident if ident in shipped_catalogues() else Path(ident)
    if "track" in read_files(folder):
        return [folder]
    return [SHARED_DIR, folder]


def read_catalogue(name: str | Path) -> dict[str, Any]:
    """A catalogue's files merged: the shared definitions first, then the region's own."""
    merged: dict[str, list[Any]] = defaultdict(list)
    for folder in catalogue_folders(name):
        for key, value in read_files(folder).items():
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

    def english(self, row: Any, entry: dict[str, Any], *fields: str) -> None:
        """Fill in English texts that a later version of the catalogue added (`unit_en`, …).

        Only where the row has none and its Danish text is still the shipped one: an English
        text never lands beside a Danish text someone has since rewritten."""
        changed = False
        for name in fields:
            english = entry.get(f"{name}_en")
            missing = english and getattr(row, f"{name}_en") is None
            if missing and getattr(row, name) == entry.get(name):
                setattr(row, f"{name}_en", english)
                changed = True
        if changed:
            self.session.add(row)

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


def load_catalogue(
    *, session: Session, folder: Path | None = None, catalogue: str | Path | None = None
) -> LoadReport:
    """Add every catalogue entry that the store does not have yet: from one complete `folder`
    of catalogue files, or from a `catalogue` (a shipped region's name or a folder, see
    `catalogue_folders`; default DEFAULT_CATALOGUE)."""
    data = (
        read_files(folder) if folder is not None else read_catalogue(catalogue or DEFAULT_CATALOGUE)
    )
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
        source_en=entry.get("source_en"),
        definition=entry.get("definition"),
        definition_en=entry.get("definition_en"),
        natural_limit=entry.get("natural_limit"),
        steering_group_id=owner,
    )
    load.english(indicator, entry, "unit", "source", "definition")


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
        description_en=entry.get("description_en"),
        track_id=_by_code(session, Track, entry["track"], where).id,
        steering_group_id=_by_code(session, SteeringGroup, entry["steering_group"], where).id,
        national_goal_id=national.id if national else None,
        sort_order=order,
    )
    load.english(goal, entry, "description")
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
    known = {r.valid_from: r for r in existing}
    next_number = max((r.revision for r in existing), default=0) + 1
    for version in versions:
        spec = {**shared, **version}
        valid_from = _date(spec.get("valid_from", dt.date(2000, 1, 1)), where)
        if valid_from in known:
            load.english(known[valid_from], spec, "text", "note")
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
        "note_en": spec.get("note_en"),
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
