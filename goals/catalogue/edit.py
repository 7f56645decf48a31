"""The secretariat's changes to the catalogue, one at a time or as a workbook in bulk.

Every write function is keyword-only, takes the caller's session (one transaction, see
`store.write_session`) and the acting `Actor`, checks ``access.require_admin`` first, validates
everything before it changes anything, and records an audit event in the same transaction. Each
returns an `Edit` saying what changed (field → old, new); an edit that changes nothing writes
nothing. A wrong value raises `CatalogueEditError`: one sentence in Danish or English, with the
field it is about, so the workbook importer can point at the exact cell.

A success criterion is never changed in place: a revision makes a new `CriterionRevision` with
the next number and a `valid_from` date, and the earlier versions stay readable.

The catalogue workbook, which applies a file by running these functions row by row, is
`goals.catalogue.sheets`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlmodel import Session, select

from goals import access
from goals.access import Actor
from goals.catalogue import AREA_SCOPES, TOTAL_GROUP
from goals.catalogue.suppression import SETTING as SUPPRESSION_SETTING
from goals.catalogue.suppression import read_suppression, write_suppression
from goals.i18n import t
from goals.names import name_key, name_keys
from goals.periods import Frequency, PeriodError, parse_period
from goals.spreadsheet.cells import (
    clean_controls,
    clean_text,
    display,
    parse_date,
    parse_number_text,
)
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
    Observation,
    Polarity,
    SteeringGroup,
    SuccessCriterion,
    TargetType,
    Track,
)

CODE_MAX = 40
NAME_MAX = 300
SHORT_MAX = 200
TEXT_MAX = 4000
MAX_DECIMALS = 6


class Fields(BaseModel):
    """The fields one kind of catalogue row has, as a person gives them (text, numbers, codes).

    An edit function takes them as keywords; `given` keeps only the ones named
    (``model_dump(exclude_unset=True)``), so a field left out stays as it is, and `complete`
    fills the rest with their defaults for a new row. A keyword the row does not have is a
    `TypeError`, as for any Python function. The values are checked by the edit functions,
    which say in Danish or English what is wrong with which field.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    function: ClassVar[str] = "edit"

    @classmethod
    def given(cls, fields: dict[str, Any]) -> dict[str, Any]:
        try:
            return cls(**fields).model_dump(exclude_unset=True)
        except ValidationError as exc:
            unknown = ", ".join(str(e["loc"][0]) for e in exc.errors())
            raise TypeError(f"a {cls.function} has no field(s) {unknown}") from None

    @classmethod
    def complete(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return cls(**cls.given(fields)).model_dump()


class SteeringGroupFields(Fields):
    function = "steering group"
    name: Any = None
    name_en: Any = None


class GoalFields(Fields):
    function = "goal"
    title: Any = None
    title_en: Any = None
    description: Any = None
    description_en: Any = None
    track: Any = None
    steering_group: Any = None
    national_goal: Any = None


class IndicatorFields(Fields):
    function = "indicator"
    name: Any = None
    name_en: Any = None
    unit: Any = None
    unit_en: Any = None
    polarity: Any = "none"
    decimals: Any = 1
    frequency: Any = "year"
    source: Any = None
    source_en: Any = None
    definition: Any = None
    definition_en: Any = None
    natural_limit: Any = None
    steering_group: Any = None


class RevisionFields(Fields):
    """A success criterion's revisable fields (its goal and valid-from date are separate)."""

    function = "criterion"
    text: Any = None
    text_en: Any = None
    indicator: Any = None
    group: Any = None
    gap_a: Any = None
    gap_b: Any = None
    baseline: Any = None
    target_type: Any = None
    target_value: Any = None
    target_period: Any = None
    areas: Any = "clusters"
    note: Any = None
    note_en: Any = None


class AreaFields(Fields):
    function = "area"
    name: Any = None
    name_en: Any = None
    kind: Any = None
    official_code: Any = None
    parent: Any = None


class CatalogueEditError(ValueError):
    """A catalogue change that cannot be made; one sentence, and the field it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Edit:
    """What one write function did: "new", "changed" or "unchanged", field → (old, new)."""

    kind: str  # goal, criterion, indicator, area, steering_group, area_alias, group_alias
    code: str
    action: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    revision: int | None = None  # criteria: the number of the revision made
    valid_from: dt.date | None = None  # criteria: when that revision takes effect


def _fail(lang: str, key: str, field: str | None = None, /, **values: Any) -> None:
    raise CatalogueEditError(t(key, lang, **values), field)


def label_text(field: str, lang: str) -> str:
    return t(f"admin.col.{field}", lang)


def _require_admin(actor: Actor | None) -> None:
    access.require_admin(actor, "edit the catalogue")


def _text(value: Any, field: str, lang: str, *, limit: int, required: bool = False) -> str | None:
    text = None if value is None else clean_controls(str(value)).strip() or None
    if text is None and required:
        _fail(lang, "admin.err.required", field, field=label_text(field, lang))
    if text is not None and len(text) > limit:
        _fail(
            lang, "admin.err.too_long", field, field=label_text(field, lang), limit=limit,
            length=len(text),
        )  # fmt: skip
    return text


def _code(value: Any, lang: str) -> str:
    return _text(value, "code", lang, limit=CODE_MAX, required=True) or ""


def by_code(session: Session, model: type, code: Any) -> Any:
    return session.exec(select(model).where(model.code == str(code).strip())).first()


def _need(session: Session, model: type, code: Any, field: str, what: str, lang: str) -> Any:
    if code is None or not str(code).strip():
        _fail(lang, "admin.err.required", field, field=label_text(field, lang))
    row = by_code(session, model, code)
    if row is None:
        _fail(lang, "admin.err.unknown", field, what=t(f"admin.what.{what}", lang), code=code)
    return row


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}


def _audit(
    session: Session, actor: Actor, action: str, target: str, edit: Edit, **extra: Any
) -> None:
    changes = {k: [_plain(o), _plain(n)] for k, (o, n) in edit.changes.items()}
    access.record(
        session, actor=actor.name, action=action, target=target,
        detail={"changes": changes, **extra},
    )  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- steering groups -----------------------------------------------------------------------------


def _steering_group_values(name: Any, name_en: Any, lang: str) -> dict[str, Any]:
    return {
        "name": _text(name, "name", lang, limit=SHORT_MAX, required=True),
        "name_en": _text(name_en, "name_en", lang, limit=SHORT_MAX),
    }


def add_steering_group(
    *, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any
) -> Edit:
    """A new steering group (*styregruppe*); `fields` are `SteeringGroupFields`."""
    given = SteeringGroupFields.complete(fields)
    _require_admin(actor)
    code = _code(code, lang)
    if by_code(session, SteeringGroup, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    values = _steering_group_values(given["name"], given["name_en"], lang)
    session.add(SteeringGroup(code=code, **values))
    session.flush()
    edit = Edit("steering_group", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.steering_group.add", code, edit)
    return edit


def edit_steering_group(
    *, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any
) -> Edit:
    """Rename a steering group (its code stays: files and users refer to it)."""
    given = SteeringGroupFields.given(fields)
    _require_admin(actor)
    group = _need(session, SteeringGroup, code, "code", "steering_group", lang)
    old = {"name": group.name, "name_en": group.name_en}
    wanted = {**old, **given}
    values = _steering_group_values(wanted["name"], wanted["name_en"], lang)
    return _save(session, actor, group, "steering_group", group.code, old, values)


def _save(
    session: Session,
    actor: Actor,
    row: Any,
    kind: str,
    code: str,
    old: dict[str, Any],
    values: dict[str, Any],
    stored: dict[str, Any] | None = None,
) -> Edit:
    """Write `stored` (model fields; default `values`) when `values` differ from `old`."""
    changes = _diff(old, values)
    if not changes:
        return Edit(kind, code, "unchanged")
    for key, value in (stored if stored is not None else values).items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    edit = Edit(kind, code, "changed", changes)
    _audit(session, actor, f"catalogue.{kind}.edit", code, edit)
    return edit


# --- goals ---------------------------------------------------------------------------------------


def goal_view(session: Session, goal: Goal) -> dict[str, Any]:
    national = session.get(NationalGoal, goal.national_goal_id) if goal.national_goal_id else None
    return {
        "title": goal.title,
        "title_en": goal.title_en,
        "description": goal.description,
        "description_en": goal.description_en,
        "track": session.get(Track, goal.track_id).code,
        "steering_group": session.get(SteeringGroup, goal.steering_group_id).code,
        "national_goal": national.number if national else None,
    }


def _goal_fields(session: Session, view: dict[str, Any], lang: str) -> tuple[dict, dict]:
    """Checked human values, and the model fields they mean."""
    values = {
        "title": _text(view["title"], "title", lang, limit=NAME_MAX, required=True),
        "title_en": _text(view["title_en"], "title_en", lang, limit=NAME_MAX),
        "description": _text(view["description"], "description", lang, limit=TEXT_MAX),
        "description_en": _text(view["description_en"], "description_en", lang, limit=TEXT_MAX),
    }
    track = _need(session, Track, view["track"], "track", "track", lang)
    group = _need(session, SteeringGroup, view["steering_group"], "steering_group", "steering_group", lang)  # fmt: skip
    number = view["national_goal"]
    national = None
    if number not in (None, ""):
        try:
            number = int(float(str(number).strip()))
        except ValueError:
            number = str(number)
        national = session.exec(select(NationalGoal).where(NationalGoal.number == number)).first()
        if national is None or not isinstance(number, int):
            known = sorted(n.number for n in session.exec(select(NationalGoal)))
            _fail(
                lang, "admin.err.national_goal", "national_goal", value=view["national_goal"],
                known=", ".join(str(n) for n in known),
            )  # fmt: skip
    values |= {
        "track": track.code,
        "steering_group": group.code,
        "national_goal": national.number if national else None,
    }
    stored = {
        "title": values["title"],
        "title_en": values["title_en"],
        "description": values["description"],
        "description_en": values["description_en"],
        "track_id": track.id,
        "steering_group_id": group.id,
        "national_goal_id": national.id if national else None,
    }
    return values, stored


def add_goal(*, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any) -> Edit:
    """A new shared goal (*fælles mål*) in a track, owned by a steering group; `fields` are
    `GoalFields` (title, track and steering_group required)."""
    view = GoalFields.complete(fields)
    _require_admin(actor)
    code = _code(code, lang)
    if by_code(session, Goal, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    values, stored = _goal_fields(session, view, lang)
    order = session.exec(select(sa.func.count()).select_from(Goal)).one()
    session.add(Goal(code=code, sort_order=order, **stored))
    session.flush()
    edit = Edit("goal", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.goal.add", code, edit)
    return edit


def edit_goal(
    *, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any
) -> Edit:
    """Change a goal's title, description, track, owner or national goal (`GoalFields`)."""
    given = GoalFields.given(fields)
    _require_admin(actor)
    goal = _need(session, Goal, code, "code", "goal", lang)
    old = goal_view(session, goal)
    wanted = {**old, **given}
    values, stored = _goal_fields(session, wanted, lang)
    return _save(session, actor, goal, "goal", goal.code, old, values, stored)


# --- indicators ----------------------------------------------------------------------------------

POLARITIES = tuple(p.value for p in Polarity)
FREQUENCIES = tuple(f.value for f in Frequency)


def _choice(value: Any, options: Sequence[str], prefix: str, lang: str) -> str | None:
    """An option code from its code or its Danish or English label (any spelling)."""
    if value is None or str(value).strip() == "":
        return None
    keys = name_keys(str(value))
    for option in options:
        names = [option, t(f"{prefix}.{option}", "da"), t(f"{prefix}.{option}", "en")]
        if keys & set().union(*(name_keys(n) for n in names)):
            return option
    return None


def _number(value: Any, field: str, lang: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        _fail(lang, "admin.err.number", field, field=label_text(field, lang), value=value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        number = parse_number_text(str(value))
        if number is None:
            _fail(lang, "admin.err.number", field, field=label_text(field, lang), value=value)
    if number != number or number in (float("inf"), float("-inf")):
        _fail(lang, "admin.err.number", field, field=label_text(field, lang), value=value)
    return number


def indicator_view(session: Session, indicator: Indicator) -> dict[str, Any]:
    owner = (
        session.get(SteeringGroup, indicator.steering_group_id)
        if indicator.steering_group_id
        else None
    )
    return {
        "name": indicator.name,
        "name_en": indicator.name_en,
        "unit": indicator.unit,
        "unit_en": indicator.unit_en,
        "polarity": str(indicator.polarity),
        "decimals": indicator.decimals,
        "frequency": indicator.frequency,
        "source": indicator.source,
        "source_en": indicator.source_en,
        "definition": indicator.definition,
        "definition_en": indicator.definition_en,
        "natural_limit": indicator.natural_limit,
        "steering_group": owner.code if owner else None,
    }


def _indicator_fields(session: Session, view: dict[str, Any], lang: str) -> tuple[dict, dict]:
    values: dict[str, Any] = {
        "name": _text(view["name"], "name", lang, limit=NAME_MAX, required=True),
        "name_en": _text(view["name_en"], "name_en", lang, limit=NAME_MAX),
        "unit": _text(view["unit"], "unit", lang, limit=100, required=True),
        "unit_en": _text(view["unit_en"], "unit_en", lang, limit=100),
    }
    polarity = _choice(view["polarity"] or "none", POLARITIES, "admin.polarity", lang)
    if polarity is None:
        _fail(lang, "admin.err.polarity", "polarity", value=view["polarity"])
    frequency = _choice(view["frequency"] or "year", FREQUENCIES, "admin.frequency", lang)
    if frequency is None:
        _fail(lang, "admin.err.frequency", "frequency", value=view["frequency"])
    decimals = _number(1 if view["decimals"] in (None, "") else view["decimals"], "decimals", lang)
    if decimals is None or not decimals.is_integer() or not 0 <= decimals <= MAX_DECIMALS:
        _fail(lang, "admin.err.decimals", "decimals", value=view["decimals"], most=MAX_DECIMALS)
    owner = None
    if view["steering_group"] not in (None, ""):
        owner = _need(session, SteeringGroup, view["steering_group"], "steering_group", "steering_group", lang)  # fmt: skip
    values |= {
        "polarity": polarity,
        "decimals": int(decimals),
        "frequency": frequency,
        "source": _text(view["source"], "source", lang, limit=TEXT_MAX),
        "source_en": _text(view["source_en"], "source_en", lang, limit=TEXT_MAX),
        "definition": _text(view["definition"], "definition", lang, limit=TEXT_MAX),
        "definition_en": _text(view["definition_en"], "definition_en", lang, limit=TEXT_MAX),
        "natural_limit": _number(view["natural_limit"], "natural_limit", lang),
        "steering_group": owner.code if owner else None,
    }
    stored = {k: v for k, v in values.items() if k != "steering_group"}
    stored["polarity"] = Polarity(polarity)
    stored["steering_group_id"] = owner.id if owner else None
    return values, stored


def add_indicator(
    *, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any
) -> Edit:
    """A new indicator (`IndicatorFields`; name and unit required). Without an explicit owner,
    the owners of the goals using it report it."""
    view = IndicatorFields.complete(fields)
    _require_admin(actor)
    code = _code(code, lang)
    if by_code(session, Indicator, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    values, stored = _indicator_fields(session, view, lang)
    session.add(Indicator(code=code, **stored))
    session.flush()
    edit = Edit("indicator", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.indicator.add", code, edit)
    return edit


def edit_indicator(
    *, session: Session, actor: Actor, code: str, lang: str = "da", **fields: Any
) -> Edit:
    """Change an indicator (`IndicatorFields`). Its frequency cannot change once it has values
    (their periods would no longer fit)."""
    given = IndicatorFields.given(fields)
    _require_admin(actor)
    indicator = _need(session, Indicator, code, "code", "indicator", lang)
    old = indicator_view(session, indicator)
    wanted = {**old, **given}
    values, stored = _indicator_fields(session, wanted, lang)
    if values["frequency"] != old["frequency"]:
        n = session.exec(
            select(sa.func.count())
            .select_from(Observation)
            .where(Observation.indicator_id == indicator.id)
        ).one()
        if n:
            _fail(lang, "admin.err.frequency_has_values", "frequency", n=n)
    return _save(session, actor, indicator, "indicator", indicator.code, old, values, stored)


# --- success criteria ----------------------------------------------------------------------------

AREA_WORDS = ("clusters", "municipalities", "region")


def revision_view(session: Session, revision: CriterionRevision) -> dict[str, Any]:
    def group_code(group_id: int | None) -> str | None:
        return session.get(BreakdownGroup, group_id).code if group_id else None

    areas: Any = revision.area_scope
    if areas == "listed":
        ids = session.exec(
            select(CriterionArea.area_id).where(CriterionArea.revision_id == revision.id)
        ).all()
        areas = tuple(sorted(session.get(Area, i).code for i in ids))
    return {
        "text": revision.text,
        "text_en": revision.text_en,
        "indicator": session.get(Indicator, revision.indicator_id).code,
        "group": group_code(revision.group_id),
        "gap_a": group_code(revision.gap_group_a_id),
        "gap_b": group_code(revision.gap_group_b_id),
        "baseline": revision.baseline_period,
        "target_type": str(revision.target_type) if revision.target_type else None,
        "target_value": revision.target_value,
        "target_period": revision.target_period,
        "areas": areas,
        "note": revision.note,
        "note_en": revision.note_en,
    }


def _period(value: Any, field: str, frequency: str, lang: str) -> str:
    try:
        period = parse_period(value)
    except (PeriodError, ValueError) as exc:
        _fail(
            lang, "admin.err.period", field, field=label_text(field, lang), value=value, detail=exc
        )
    if period.frequency.value != frequency:
        _fail(
            lang, "admin.err.period_frequency", field, field=label_text(field, lang), value=value,
            frequency=t(f"admin.frequency.{frequency}", lang),
        )  # fmt: skip
    return period.code


def areas_of(session: Session, value: Any, lang: str) -> str | tuple[str, ...]:
    """The words clusters, municipalities, region, or a sorted tuple of area codes."""
    if isinstance(value, list | tuple | set):
        texts = [str(v).strip() for v in value if str(v).strip()]
    else:
        text = "" if value is None else str(value).strip()
        if not text:
            return "clusters"
        word = _choice(text, AREA_WORDS, "admin.areas", lang)
        if word is not None:
            return word
        texts = [part.strip() for part in text.split(",") if part.strip()]
    if len(texts) == 1 and texts[0] in AREA_SCOPES and texts[0] != "listed":
        return texts[0]
    codes = []
    for text in texts:
        area = by_code(session, Area, text)
        if area is None:
            _fail(lang, "admin.err.areas", "areas", value=text)
        codes.append(area.code)
    if not codes:
        _fail(lang, "admin.err.areas", "areas", value=value)
    return tuple(sorted(set(codes)))


def _revision_fields(session: Session, view: dict[str, Any], lang: str) -> tuple[dict, dict]:
    indicator = _need(session, Indicator, view["indicator"], "indicator", "indicator", lang)
    values: dict[str, Any] = {
        "text": _text(view["text"], "text", lang, limit=TEXT_MAX, required=True),
        "text_en": _text(view["text_en"], "text_en", lang, limit=TEXT_MAX),
        "indicator": indicator.code,
        "note": _text(view["note"], "note", lang, limit=TEXT_MAX),
        "note_en": _text(view["note_en"], "note_en", lang, limit=TEXT_MAX),
    }
    stored: dict[str, Any] = {
        "text": values["text"], "text_en": values["text_en"], "indicator_id": indicator.id,
        "note": values["note"], "note_en": values["note_en"],
        "group_id": None, "gap_group_a_id": None, "gap_group_b_id": None,
    }  # fmt: skip
    gap_a, gap_b, group = (clean_text(view[k]) for k in ("gap_a", "gap_b", "group"))
    if gap_a or gap_b:
        if not (gap_a and gap_b) or gap_a == gap_b or group:
            _fail(lang, "admin.err.gap", "gap_b" if gap_a else "gap_a")
        a = _need(session, BreakdownGroup, gap_a, "gap_a", "group", lang)
        b = _need(session, BreakdownGroup, gap_b, "gap_b", "group", lang)
        values |= {"group": None, "gap_a": a.code, "gap_b": b.code}
        stored |= {"gap_group_a_id": a.id, "gap_group_b_id": b.id}
    else:
        g = _need(session, BreakdownGroup, group or TOTAL_GROUP, "group", "group", lang)
        values |= {"group": g.code, "gap_a": None, "gap_b": None}
        stored["group_id"] = g.id
    baseline = _text(view["baseline"], "baseline", lang, limit=20, required=True)
    values["baseline"] = _period(baseline, "baseline", indicator.frequency, lang)
    target_type = view["target_type"]
    target_value, target_period = view["target_value"], view["target_period"]
    if target_type in (None, ""):
        if target_value not in (None, "") or target_period not in (None, ""):
            _fail(lang, "admin.err.target_without_type", "target_type")
        values |= {"target_type": None, "target_value": None, "target_period": None}
    else:
        kind = _choice(target_type, tuple(k.value for k in TargetType), "admin.target", lang)
        if kind is None:
            _fail(lang, "admin.err.target_type", "target_type", value=target_type)
        number = _number(target_value, "target_value", lang)
        if number is None:
            _fail(
                lang, "admin.err.required", "target_value", field=label_text("target_value", lang)
            )
        period_text = _text(target_period, "target_period", lang, limit=20, required=True)
        period = _period(period_text, "target_period", indicator.frequency, lang)
        if parse_period(period) <= parse_period(values["baseline"]):
            _fail(
                lang, "admin.err.target_before_baseline", "target_period", target=period,
                baseline=values["baseline"],
            )  # fmt: skip
        values |= {"target_type": kind, "target_value": number, "target_period": period}
    values["areas"] = areas_of(session, view["areas"], lang)
    stored |= {
        "baseline_period": values["baseline"],
        "target_type": TargetType(values["target_type"]) if values["target_type"] else None,
        "target_value": values["target_value"],
        "target_period": values["target_period"],
        "area_scope": values["areas"] if isinstance(values["areas"], str) else "listed",
    }
    return values, stored


def _date(value: Any, lang: str) -> dt.date:
    if value in (None, ""):
        return dt.date.today()
    found = parse_date(value)
    if found is None:
        _fail(lang, "admin.err.date", "valid_from", value=display(value))
    return found


def _add_revision(
    session: Session,
    actor: Actor,
    criterion: SuccessCriterion,
    number: int,
    valid_from: dt.date,
    values: dict[str, Any],
    stored: dict[str, Any],
) -> CriterionRevision:
    revision = CriterionRevision(
        criterion_id=criterion.id,
        revision=number,
        valid_from=valid_from,
        created_by=actor.name[:200],
        **stored,
    )
    session.add(revision)
    session.flush()
    if not isinstance(values["areas"], str):
        for code in values["areas"]:
            session.add(CriterionArea(revision_id=revision.id, area_id=by_code(session, Area, code).id))  # fmt: skip
        session.flush()
    return revision


def add_criterion(
    *, session: Session, actor: Actor, code: str, goal: Any = None,
    valid_from: dt.date | str | None = None, lang: str = "da", **fields: Any,
) -> Edit:  # fmt: skip
    """A new success criterion of a goal, with its first revision (`RevisionFields`; text,
    indicator and baseline required)."""
    view = RevisionFields.complete(fields)
    _require_admin(actor)
    code = _code(code, lang)
    if by_code(session, SuccessCriterion, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    owner = _need(session, Goal, goal, "goal", "goal", lang)
    values, stored = _revision_fields(session, view, lang)
    when = _date(valid_from, lang)
    order = session.exec(
        select(sa.func.count())
        .select_from(SuccessCriterion)
        .where(SuccessCriterion.goal_id == owner.id)
    ).one()
    criterion = SuccessCriterion(code=code, goal_id=owner.id, sort_order=order)
    session.add(criterion)
    session.flush()
    _add_revision(session, actor, criterion, 1, when, values, stored)
    edit = Edit("criterion", code, "new", _diff({}, {"goal": owner.code, **values}), 1, when)
    _audit(session, actor, "catalogue.criterion.add", code, edit, revision=1, valid_from=when)
    return edit


def newest_revision(session: Session, criterion: SuccessCriterion) -> CriterionRevision:
    """The revision a new one continues from: the latest valid_from, then the highest number."""
    return session.exec(
        select(CriterionRevision)
        .where(CriterionRevision.criterion_id == criterion.id)
        .order_by(CriterionRevision.valid_from.desc(), CriterionRevision.revision.desc())
    ).first()


def revise_criterion(
    *, session: Session, actor: Actor, code: str, valid_from: dt.date | str | None = None,
    goal: Any = None, lang: str = "da", **fields: Any,
) -> Edit:  # fmt: skip
    """A new revision of a criterion (`RevisionFields`), valid from `valid_from` (default
    today); the earlier revisions are kept as they are. Nothing is written when nothing differs
    from the newest. A criterion stays with its goal: `goal`, if given, must be that goal."""
    given = RevisionFields.given(fields)
    _require_admin(actor)
    criterion = _need(session, SuccessCriterion, code, "code", "criterion", lang)
    owner = session.get(Goal, criterion.goal_id)
    if clean_text(goal) not in (None, owner.code):
        _fail(lang, "admin.err.criterion_goal", "goal", old=owner.code, new=goal)
    base = newest_revision(session, criterion)
    old = revision_view(session, base)
    wanted = {**old, **given}
    values, stored = _revision_fields(session, wanted, lang)
    changes = _diff(old, values)
    if not changes:
        return Edit("criterion", criterion.code, "unchanged")
    when = _date(valid_from, lang)
    if when < base.valid_from:
        _fail(
            lang, "admin.err.valid_from_before", "valid_from", revision=base.revision,
            newest=base.valid_from.isoformat(),
        )  # fmt: skip
    number = (
        session.exec(
            select(sa.func.max(CriterionRevision.revision)).where(
                CriterionRevision.criterion_id == criterion.id
            )
        ).one()
        or 0
    ) + 1
    _add_revision(session, actor, criterion, number, when, values, stored)
    edit = Edit("criterion", criterion.code, "changed", changes, number, when)
    _audit(
        session, actor, "catalogue.criterion.revise", criterion.code, edit, revision=number,
        valid_from=when,
    )  # fmt: skip
    return edit


# --- areas and aliases ---------------------------------------------------------------------------

AREA_KINDS = tuple(k.value for k in AreaKind)
_PARENT_KIND = {
    AreaKind.REGION: None,
    AreaKind.CLUSTER: AreaKind.REGION,
    AreaKind.MUNICIPALITY: AreaKind.CLUSTER,
    AreaKind.HOSPITAL: AreaKind.CLUSTER,
    AreaKind.GENERAL_PRACTICE: AreaKind.CLUSTER,
}


def _membership(session: Session, area: Area) -> AreaMembership | None:
    """The area's open membership (no end date), i.e. its parent now."""
    return session.exec(
        select(AreaMembership)
        .where(AreaMembership.child_id == area.id, AreaMembership.valid_to.is_(None))
        .order_by(AreaMembership.valid_from.desc())
    ).first()


def criterion_revisions(session: Session, code: str) -> list[CriterionRevision]:
    """Every revision of the success criterion `code`, newest first."""
    criterion = session.exec(select(SuccessCriterion).where(SuccessCriterion.code == code)).one()
    return list(
        session.exec(
            select(CriterionRevision)
            .where(CriterionRevision.criterion_id == criterion.id)
            .order_by(CriterionRevision.valid_from.desc(), CriterionRevision.revision.desc())
        )
    )


def criterion_history(session: Session, code: str) -> list[tuple[CriterionRevision, dict[str, Any]]]:  # fmt: skip
    """Every revision of the success criterion `code`, newest first, with its view (codes)."""
    return [(r, revision_view(session, r)) for r in criterion_revisions(session, code)]


def criterion_view(session: Session, code: str) -> dict[str, Any]:
    """The newest revision of the success criterion `code`, as the edit form shows it."""
    criterion = session.exec(select(SuccessCriterion).where(SuccessCriterion.code == code)).one()
    return revision_view(session, newest_revision(session, criterion))


def all_area_aliases(session: Session) -> dict[int, list[str]]:
    """Every area's aliases (`area_aliases`), by area id."""
    return {area.id: area_aliases(session, area) for area in session.exec(select(Area))}


def group_aliases(session: Session, group_id: int) -> list[str]:
    """A breakdown group's aliases, sorted."""
    query = select(GroupAlias).where(GroupAlias.group_id == group_id)
    return sorted(alias.alias for alias in session.exec(query))


def area_aliases(session: Session, area: Area) -> list[str]:
    """The area's aliases, without the one that repeats its own name."""
    own = name_key(area.name)
    return sorted(
        (a.alias for a in session.exec(select(AreaAlias).where(AreaAlias.area_id == area.id))
         if a.alias_key != own),
        key=str.casefold,
    )  # fmt: skip


def area_view(session: Session, area: Area) -> dict[str, Any]:
    member = _membership(session, area)
    return {
        "name": area.name,
        "name_en": area.name_en,
        "kind": str(area.kind),
        "official_code": area.official_code,
        "parent": session.get(Area, member.parent_id).code if member else None,
    }


def _name_owner(session: Session, text: str, exclude: int | None) -> Area | None:
    """Another area whose code, name, official code or alias reads like `text`."""
    keys = name_keys(text)
    for alias in session.exec(select(AreaAlias)):
        if alias.area_id != exclude and alias.alias_key in keys:
            return session.get(Area, alias.area_id)
    for area in session.exec(select(Area)):
        if area.id == exclude:
            continue
        names = [area.code, area.name, area.name_en, area.official_code]
        if any(keys & name_keys(n) for n in names if n):
            return area
    return None


def _parent(session: Session, kind: str, parent: Any, lang: str) -> Area | None:
    wanted = _PARENT_KIND[AreaKind(kind)]
    if wanted is None:
        if parent not in (None, ""):
            _fail(lang, "admin.err.region_parent", "parent")
        return None
    if parent in (None, ""):
        _fail(lang, "admin.err.parent_missing", "parent", kind=t(f"admin.kind.{kind}", lang))
    area = _need(session, Area, parent, "parent", "area", lang)
    if area.kind != wanted:
        _fail(
            lang, "admin.err.parent_kind", "parent", kind=t(f"admin.kind.{kind}", lang),
            parent_kind=t(f"admin.kind.{wanted.value}", lang), parent=area.code,
            actual=t(f"admin.kind.{area.kind}", lang),
        )  # fmt: skip
    return area


def _add_alias_row(session: Session, model: type, owner_field: str, owner_id: int, alias: str) -> None:  # fmt: skip
    session.add(model(**{owner_field: owner_id}, alias=alias, alias_key=name_key(alias)))
    session.flush()


def add_area(
    *, session: Session, actor: Actor, code: str, since: dt.date | str | None = None,
    lang: str = "da", **fields: Any,
) -> Edit:  # fmt: skip
    """A new area under its parent (a cluster under the region, a municipality under a
    cluster); `fields` are `AreaFields` (name and kind required), member of its parent from
    `since` (default today)."""
    given = AreaFields.complete(fields)
    name, kind, parent = given["name"], given["kind"], given["parent"]
    name_en, official_code = given["name_en"], given["official_code"]
    _require_admin(actor)
    code = _code(code, lang)
    if by_code(session, Area, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    kind_code = _choice(kind, AREA_KINDS, "admin.kind", lang)
    if kind_code is None:
        _fail(lang, "admin.err.kind", "kind", value=kind)
    name = _text(name, "name", lang, limit=SHORT_MAX, required=True) or ""
    for text, field_name in ((name, "name"), (code, "code")):  # a workbook must tell them apart
        clash = _name_owner(session, text, None)
        if clash is not None:
            _fail(
                lang, "admin.err.name_taken", field_name, name=text,
                other=f"{clash.code} {clash.name}",
            )  # fmt: skip
    above = _parent(session, kind_code, parent, lang)
    values = {
        "name": name,
        "name_en": _text(name_en, "name_en", lang, limit=SHORT_MAX),
        "kind": kind_code,
        "official_code": _text(official_code, "official_code", lang, limit=20),
        "parent": above.code if above else None,
    }
    order = session.exec(select(sa.func.count()).select_from(Area)).one()
    area = Area(
        code=code, name=name, name_en=values["name_en"], kind=AreaKind(kind_code),
        official_code=values["official_code"], sort_order=order,
    )  # fmt: skip
    session.add(area)
    session.flush()
    if above is not None:
        session.add(AreaMembership(parent_id=above.id, child_id=area.id, valid_from=_since(since, lang)))  # fmt: skip
    _add_alias_row(session, AreaAlias, "area_id", area.id, name)
    edit = Edit("area", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.area.add", code, edit)
    return edit


def _since(value: Any, lang: str) -> dt.date:
    if value in (None, ""):
        return dt.date.today()
    found = parse_date(value)
    if found is None:
        _fail(lang, "admin.err.date", "since", value=display(value))
    return found


def edit_area(
    *, session: Session, actor: Actor, code: str, since: dt.date | str | None = None,
    lang: str = "da", **fields: Any,
) -> Edit:  # fmt: skip
    """Rename an area (the old name stays as an alias, so old files still match) or move it to
    another parent from `since` (default today; the history of memberships is kept). An area's
    kind cannot change: `kind`, if given, must be the one it has."""
    given = AreaFields.given(fields)
    _require_admin(actor)
    area = _need(session, Area, code, "code", "area", lang)
    old = area_view(session, area)
    if given.get("kind") not in (None, ""):
        kind_code = _choice(given["kind"], AREA_KINDS, "admin.kind", lang)
        if kind_code != old["kind"]:
            _fail(
                lang, "admin.err.kind_change", "kind", old=t(f"admin.kind.{old['kind']}", lang),
                new=given["kind"],
            )  # fmt: skip
    values = dict(old)
    if "name" in given:
        values["name"] = _text(given["name"], "name", lang, limit=SHORT_MAX, required=True)
        clash = _name_owner(session, values["name"], area.id)
        if clash is not None:
            _fail(
                lang, "admin.err.name_taken", "name", name=values["name"],
                other=f"{clash.code} {clash.name}",
            )  # fmt: skip
    if "name_en" in given:
        values["name_en"] = _text(given["name_en"], "name_en", lang, limit=SHORT_MAX)
    if "official_code" in given:
        values["official_code"] = _text(given["official_code"], "official_code", lang, limit=20)
    if "parent" in given:
        above = _parent(session, old["kind"], clean_text(given["parent"]), lang)
        values["parent"] = above.code if above else None
    changes = _diff(old, values)
    if not changes:
        return Edit("area", area.code, "unchanged")
    if "parent" in changes:  # a move: it belongs to the new parent only, from `since`
        when = _since(since, lang)
        for member in _open_memberships(session, area):
            if when <= member.valid_from:
                _fail(lang, "admin.err.move_date", "parent", date=member.valid_from.isoformat())
            member.valid_to = when
            session.add(member)
        new_parent = by_code(session, Area, values["parent"])
        session.add(AreaMembership(parent_id=new_parent.id, child_id=area.id, valid_from=when))
    if "name" in changes:
        for text in (old["name"], values["name"]):
            if not session.exec(select(AreaAlias).where(AreaAlias.alias_key == name_key(text))).first():  # fmt: skip
                _add_alias_row(session, AreaAlias, "area_id", area.id, text)
    area.name, area.name_en = values["name"], values["name_en"]
    area.official_code = values["official_code"]
    session.add(area)
    session.flush()
    edit = Edit("area", area.code, "changed", changes)
    _audit(session, actor, "catalogue.area.edit", area.code, edit)
    return edit


def _open_memberships(session: Session, area: Area, parent: Area | None = None) -> list[AreaMembership]:  # fmt: skip
    """The memberships of `area` (in `parent`, or in any) that have no end."""
    query = select(AreaMembership).where(
        AreaMembership.child_id == area.id, AreaMembership.valid_to.is_(None)
    )
    if parent is not None:
        query = query.where(AreaMembership.parent_id == parent.id)
    return list(session.exec(query))


def join_area(
    *, session: Session, actor: Actor, code: str, parent: str, since: dt.date | str | None = None,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """Let an area belong to `parent` too from `since` (default today), beside the memberships
    it has: a municipality split between two clusters (København), or a hospital unit that
    serves two. Its values then count for both (goals.status.derived)."""
    _require_admin(actor)
    area = _need(session, Area, code, "code", "area", lang)
    above = _parent(session, str(area.kind), clean_text(parent), lang)
    assert above is not None  # a region has no parent: _parent refused it
    when = _since(since, lang)
    for member in session.exec(
        select(AreaMembership).where(
            AreaMembership.child_id == area.id, AreaMembership.parent_id == above.id
        )
    ):
        if member.valid_to is None or when < member.valid_to:
            _fail(
                lang, "admin.err.already_member", "parent", area=area.code, parent=above.code,
                date=member.valid_from.isoformat(),
            )  # fmt: skip
    session.add(AreaMembership(parent_id=above.id, child_id=area.id, valid_from=when))
    session.flush()
    edit = Edit("area", area.code, "changed", {"member_of": (None, above.code)})
    _audit(session, actor, "catalogue.area.join", area.code, edit, since=when.isoformat())
    return edit


def leave_area(
    *, session: Session, actor: Actor, code: str, parent: str, until: dt.date | str | None = None,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """End an area's membership of `parent` on `until` (default today: it belonged to it up
    to the day before). Earlier periods keep it as it was."""
    _require_admin(actor)
    area = _need(session, Area, code, "code", "area", lang)
    above = _need(session, Area, clean_text(parent), "parent", "area", lang)
    when = _since(until, lang)
    members = _open_memberships(session, area, above)
    if not members:
        _fail(lang, "admin.err.not_member", "parent", area=area.code, parent=above.code)
    for member in members:
        if when <= member.valid_from:
            _fail(lang, "admin.err.move_date", "parent", date=member.valid_from.isoformat())
        member.valid_to = when
        session.add(member)
    session.flush()
    edit = Edit("area", area.code, "changed", {"member_of": (above.code, None)})
    _audit(session, actor, "catalogue.area.leave", area.code, edit, until=when.isoformat())
    return edit


def _whole(value: Any) -> int | None:
    """A whole number from a cell, a form or the command line ('5', 5, 5.0); None otherwise."""
    if isinstance(value, bool):
        return None
    number = value if isinstance(value, int | float) else parse_number_text(str(value or ""))
    if number is None or number != number or float(number) != int(number):
        return None
    return int(number)


def set_suppression(*, session: Session, actor: Actor, min_count: Any, lang: str = "da") -> Edit:
    """Set the small-number rule (goals.catalogue.suppression): hide counts below `min_count`
    (0 shows every value). Administrators only; audited."""
    _require_admin(actor)
    limit = _whole(min_count)
    if limit is None or not 0 <= limit <= 1000:
        _fail(lang, "admin.err.suppression", "min_count", value=display(min_count))
    assert limit is not None
    old = read_suppression(session).min_count
    if old == limit:
        return Edit("setting", SUPPRESSION_SETTING, "unchanged")
    write_suppression(session, int(limit))
    edit = Edit("setting", SUPPRESSION_SETTING, "changed", {"min_count": (old, limit)})
    _audit(session, actor, "catalogue.suppression", SUPPRESSION_SETTING, edit)
    return edit


def _alias_text(alias: Any, lang: str) -> str:
    text = _text(alias, "alias", lang, limit=SHORT_MAX, required=True) or ""
    if not name_key(text):
        _fail(lang, "admin.err.alias_empty", "alias", alias=text)
    return text


def _group_name_owner(session: Session, text: str, exclude: int | None) -> BreakdownGroup | None:
    """Another breakdown group whose code or name reads like `text`."""
    keys = name_keys(text)
    for group in session.exec(select(BreakdownGroup).where(BreakdownGroup.id != exclude)):
        if any(keys & name_keys(n) for n in (group.code, group.name, group.name_en) if n):
            return group
    return None


@dataclass(frozen=True)
class _AliasKind:
    """What differs between an area's and a breakdown group's aliases."""

    kind: str  # "area" or "group": the field named in errors, and the Edit's "<kind>_alias"
    owner: type[Area] | type[BreakdownGroup]
    alias: type[AreaAlias] | type[GroupAlias]
    key: str  # the alias row's column naming its owner
    name_owner: Callable[[Session, str, int | None], Any]  # another owner reading like a text
    label: Callable[[Any], str]  # how an owner is named in a message


_ALIASES = {
    "area": _AliasKind(
        "area", Area, AreaAlias, "area_id", _name_owner, lambda a: f"{a.code} {a.name}"
    ),
    "group": _AliasKind(
        "group", BreakdownGroup, GroupAlias, "group_id", _group_name_owner, lambda g: g.code
    ),
}


def _add_alias(
    kind: _AliasKind, *, session: Session, actor: Actor, code: str, alias: str, lang: str
) -> Edit:
    _require_admin(actor)
    owner = _need(session, kind.owner, code, "code", kind.kind, lang)
    text = _alias_text(alias, lang)
    existing = session.exec(
        select(kind.alias).where(kind.alias.alias_key == name_key(text))
    ).first()
    if existing is not None and getattr(existing, kind.key) == owner.id:
        return Edit(f"{kind.kind}_alias", owner.code, "unchanged")
    clash = (
        session.get(kind.owner, getattr(existing, kind.key))
        if existing is not None
        else kind.name_owner(session, text, owner.id)
    )
    if clash is not None:
        _fail(lang, "admin.err.alias_elsewhere", "alias", alias=text, other=kind.label(clash))
    _add_alias_row(session, kind.alias, kind.key, owner.id, text)
    edit = Edit(f"{kind.kind}_alias", owner.code, "new", {"alias": (None, text)})
    _audit(session, actor, f"catalogue.{kind.kind}_alias.add", owner.code, edit)
    return edit


def _remove_alias(
    kind: _AliasKind, *, session: Session, actor: Actor, code: str, alias: str, lang: str
) -> Edit:
    _require_admin(actor)
    owner = _need(session, kind.owner, code, "code", kind.kind, lang)
    text = _alias_text(alias, lang)
    row = session.exec(
        select(kind.alias).where(
            kind.alias.alias_key == name_key(text), getattr(kind.alias, kind.key) == owner.id
        )
    ).first()
    if row is None:
        shown = owner.name if kind.kind == "area" else owner.code
        _fail(lang, "admin.err.alias_missing", "alias", alias=text, owner=shown)
    session.delete(row)
    session.flush()
    edit = Edit(f"{kind.kind}_alias", owner.code, "changed", {"alias": (row.alias, None)})
    _audit(session, actor, f"catalogue.{kind.kind}_alias.remove", owner.code, edit)
    return edit


def add_area_alias(
    *, session: Session, actor: Actor, area: str, alias: str, lang: str = "da"
) -> Edit:
    """Another spelling of an area's name, as steering groups write it in their files."""
    return _add_alias(
        _ALIASES["area"], session=session, actor=actor, code=area, alias=alias, lang=lang
    )


def remove_area_alias(
    *, session: Session, actor: Actor, area: str, alias: str, lang: str = "da"
) -> Edit:
    return _remove_alias(
        _ALIASES["area"], session=session, actor=actor, code=area, alias=alias, lang=lang
    )


def add_group_alias(
    *, session: Session, actor: Actor, group: str, alias: str, lang: str = "da"
) -> Edit:
    """Another spelling of a breakdown group (e.g. 'Grundskole' for 'Uddannelse: Grundskole')."""
    return _add_alias(
        _ALIASES["group"], session=session, actor=actor, code=group, alias=alias, lang=lang
    )


def remove_group_alias(
    *, session: Session, actor: Actor, group: str, alias: str, lang: str = "da"
) -> Edit:
    return _remove_alias(
        _ALIASES["group"], session=session, actor=actor, code=group, alias=alias, lang=lang
    )
