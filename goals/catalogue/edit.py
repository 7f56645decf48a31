"""The secretariat's changes to the catalogue, one at a time or as a workbook in bulk.

Every write function is keyword-only, takes the caller's session (one transaction, see
`store.write_session`) and the acting `Actor`, checks ``access.require_admin`` first, validates
everything before it changes anything, and records an audit event in the same transaction. Each
returns an `Edit` saying what changed (field → old, new); an edit that changes nothing writes
nothing. A wrong value raises `CatalogueEditError`: one sentence in Danish or English, with the
field it is about, so the workbook importer can point at the exact cell.

A success criterion is never changed in place: a revision makes a new `CriterionRevision` with
the next number and a `valid_from` date, and the earlier versions stay readable.

The catalogue workbook (`export_catalogue_workbook` / `import_catalogue_workbook`) has one sheet
per kind — Mål, Succeskriterier, Indikatorer, Områder, Styregrupper. The importer reuses the
status workbook's reading (size limit, zip-bomb guard, calamine) and its `Problem`s, and applies
a file by running these same functions row by row inside one transaction: a preview is that run
rolled back, so what the preview says is exactly what applying does. Rows left out of the file
are left alone; nothing is ever deleted by an import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, config, store
from goals.access import Actor
from goals.catalogue import AREA_SCOPES, TOTAL_GROUP
from goals.i18n import format_number, t
from goals.names import name_key, name_keys
from goals.periods import Frequency, PeriodError, parse_period
from goals.spreadsheet.cells import (
    HEADER_SEARCH_ROWS,
    ColumnSpec,
    Problem,
    cell_ref,
    clean_controls,
    clean_text,
    display,
    find_header,
    parse_date,
    parse_number_text,
)
from goals.spreadsheet.read import RawSheet, ReadError, read_workbook
from goals.spreadsheet.write import put
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


class _Keep:
    """The default of an edit function's fields: leave this field as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


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


def _label(field: str, lang: str) -> str:
    return t(f"admin.col.{field}", lang)


def _require_admin(actor: Actor | None) -> None:
    access.require_admin(actor, "edit the catalogue")


def _text(value: Any, field: str, lang: str, *, limit: int, required: bool = False) -> str | None:
    text = None if value is None else clean_controls(str(value)).strip() or None
    if text is None and required:
        _fail(lang, "admin.err.required", field, field=_label(field, lang))
    if text is not None and len(text) > limit:
        _fail(
            lang, "admin.err.too_long", field, field=_label(field, lang), limit=limit,
            length=len(text),
        )  # fmt: skip
    return text


def _code(value: Any, lang: str) -> str:
    return _text(value, "code", lang, limit=CODE_MAX, required=True) or ""


def _by_code(session: Session, model: type, code: Any) -> Any:
    return session.exec(select(model).where(model.code == str(code).strip())).first()


def _need(session: Session, model: type, code: Any, field: str, what: str, lang: str) -> Any:
    row = _by_code(session, model, code) if code not in (None, "") else None
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
    *, session: Session, actor: Actor, code: str, name: str, name_en: str | None = None,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """A new steering group (*styregruppe*)."""
    _require_admin(actor)
    code = _code(code, lang)
    if _by_code(session, SteeringGroup, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    values = _steering_group_values(name, name_en, lang)
    session.add(SteeringGroup(code=code, **values))
    session.flush()
    edit = Edit("steering_group", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.steering_group.add", code, edit)
    return edit


def edit_steering_group(
    *, session: Session, actor: Actor, code: str, name: Any = KEEP, name_en: Any = KEEP,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """Rename a steering group (its code stays: files and users refer to it)."""
    _require_admin(actor)
    group = _need(session, SteeringGroup, code, "code", "steering_group", lang)
    old = {"name": group.name, "name_en": group.name_en}
    wanted = {
        **old,
        **{k: v for k, v in {"name": name, "name_en": name_en}.items() if v is not KEEP},
    }
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


def _goal_view(session: Session, goal: Goal) -> dict[str, Any]:
    national = session.get(NationalGoal, goal.national_goal_id) if goal.national_goal_id else None
    return {
        "title": goal.title,
        "title_en": goal.title_en,
        "description": goal.description,
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
        "track_id": track.id,
        "steering_group_id": group.id,
        "national_goal_id": national.id if national else None,
    }
    return values, stored


def add_goal(
    *, session: Session, actor: Actor, code: str, title: str, track: str, steering_group: str,
    title_en: str | None = None, description: str | None = None, national_goal: int | None = None,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """A new shared goal (*fælles mål*) in a track, owned by a steering group."""
    _require_admin(actor)
    code = _code(code, lang)
    if _by_code(session, Goal, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    view = {
        "title": title, "title_en": title_en, "description": description, "track": track,
        "steering_group": steering_group, "national_goal": national_goal,
    }  # fmt: skip
    values, stored = _goal_fields(session, view, lang)
    order = session.exec(select(sa.func.count()).select_from(Goal)).one()
    session.add(Goal(code=code, sort_order=order, **stored))
    session.flush()
    edit = Edit("goal", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.goal.add", code, edit)
    return edit


def edit_goal(
    *, session: Session, actor: Actor, code: str, title: Any = KEEP, title_en: Any = KEEP,
    description: Any = KEEP, track: Any = KEEP, steering_group: Any = KEEP,
    national_goal: Any = KEEP, lang: str = "da",
) -> Edit:  # fmt: skip
    """Change a goal's title, description, track, owner or national goal."""
    _require_admin(actor)
    goal = _need(session, Goal, code, "code", "goal", lang)
    old = _goal_view(session, goal)
    given = {
        "title": title, "title_en": title_en, "description": description, "track": track,
        "steering_group": steering_group, "national_goal": national_goal,
    }  # fmt: skip
    wanted = {**old, **{k: v for k, v in given.items() if v is not KEEP}}
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
        _fail(lang, "admin.err.number", field, field=_label(field, lang), value=value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        number = parse_number_text(str(value))
        if number is None:
            _fail(lang, "admin.err.number", field, field=_label(field, lang), value=value)
    if number != number or number in (float("inf"), float("-inf")):
        _fail(lang, "admin.err.number", field, field=_label(field, lang), value=value)
    return number


def _indicator_view(session: Session, indicator: Indicator) -> dict[str, Any]:
    owner = (
        session.get(SteeringGroup, indicator.steering_group_id)
        if indicator.steering_group_id
        else None
    )
    return {
        "name": indicator.name,
        "name_en": indicator.name_en,
        "unit": indicator.unit,
        "polarity": str(indicator.polarity),
        "decimals": indicator.decimals,
        "frequency": indicator.frequency,
        "source": indicator.source,
        "definition": indicator.definition,
        "natural_limit": indicator.natural_limit,
        "steering_group": owner.code if owner else None,
    }


def _indicator_fields(session: Session, view: dict[str, Any], lang: str) -> tuple[dict, dict]:
    values: dict[str, Any] = {
        "name": _text(view["name"], "name", lang, limit=NAME_MAX, required=True),
        "name_en": _text(view["name_en"], "name_en", lang, limit=NAME_MAX),
        "unit": _text(view["unit"], "unit", lang, limit=100, required=True),
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
        "definition": _text(view["definition"], "definition", lang, limit=TEXT_MAX),
        "natural_limit": _number(view["natural_limit"], "natural_limit", lang),
        "steering_group": owner.code if owner else None,
    }
    stored = {k: v for k, v in values.items() if k != "steering_group"}
    stored["polarity"] = Polarity(polarity)
    stored["steering_group_id"] = owner.id if owner else None
    return values, stored


def add_indicator(
    *, session: Session, actor: Actor, code: str, name: str, unit: str,
    name_en: str | None = None, polarity: str = "none", decimals: int = 1,
    frequency: str = "year", source: str | None = None, definition: str | None = None,
    natural_limit: float | None = None, steering_group: str | None = None, lang: str = "da",
) -> Edit:  # fmt: skip
    """A new indicator. Without an explicit owner, the owners of the goals using it report it."""
    _require_admin(actor)
    code = _code(code, lang)
    if _by_code(session, Indicator, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    view = {
        "name": name, "name_en": name_en, "unit": unit, "polarity": polarity,
        "decimals": decimals, "frequency": frequency, "source": source,
        "definition": definition, "natural_limit": natural_limit,
        "steering_group": steering_group,
    }  # fmt: skip
    values, stored = _indicator_fields(session, view, lang)
    session.add(Indicator(code=code, **stored))
    session.flush()
    edit = Edit("indicator", code, "new", _diff({}, values))
    _audit(session, actor, "catalogue.indicator.add", code, edit)
    return edit


def edit_indicator(
    *, session: Session, actor: Actor, code: str, name: Any = KEEP, name_en: Any = KEEP,
    unit: Any = KEEP, polarity: Any = KEEP, decimals: Any = KEEP, frequency: Any = KEEP,
    source: Any = KEEP, definition: Any = KEEP, natural_limit: Any = KEEP,
    steering_group: Any = KEEP, lang: str = "da",
) -> Edit:  # fmt: skip
    """Change an indicator. Its frequency cannot change once it has values (their periods
    would no longer fit)."""
    _require_admin(actor)
    indicator = _need(session, Indicator, code, "code", "indicator", lang)
    old = _indicator_view(session, indicator)
    given = {
        "name": name, "name_en": name_en, "unit": unit, "polarity": polarity,
        "decimals": decimals, "frequency": frequency, "source": source,
        "definition": definition, "natural_limit": natural_limit,
        "steering_group": steering_group,
    }  # fmt: skip
    wanted = {**old, **{k: v for k, v in given.items() if v is not KEEP}}
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

REVISION_FIELDS = (
    "text", "text_en", "indicator", "group", "gap_a", "gap_b", "baseline", "target_type",
    "target_value", "target_period", "areas", "note",
)  # fmt: skip
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
    }


def _period(value: Any, field: str, frequency: str, lang: str) -> str:
    try:
        period = parse_period(value)
    except (PeriodError, ValueError) as exc:
        _fail(lang, "admin.err.period", field, field=_label(field, lang), value=value, detail=exc)
    if period.frequency.value != frequency:
        _fail(
            lang, "admin.err.period_frequency", field, field=_label(field, lang), value=value,
            frequency=t(f"admin.frequency.{frequency}", lang),
        )  # fmt: skip
    return period.code


def _areas(session: Session, value: Any, lang: str) -> str | tuple[str, ...]:
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
        area = _by_code(session, Area, text)
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
    }
    stored: dict[str, Any] = {
        "text": values["text"], "text_en": values["text_en"], "indicator_id": indicator.id,
        "note": values["note"], "group_id": None, "gap_group_a_id": None, "gap_group_b_id": None,
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
            _fail(lang, "admin.err.required", "target_value", field=_label("target_value", lang))
        period_text = _text(target_period, "target_period", lang, limit=20, required=True)
        period = _period(period_text, "target_period", indicator.frequency, lang)
        if parse_period(period) <= parse_period(values["baseline"]):
            _fail(
                lang, "admin.err.target_before_baseline", "target_period", target=period,
                baseline=values["baseline"],
            )  # fmt: skip
        values |= {"target_type": kind, "target_value": number, "target_period": period}
    values["areas"] = _areas(session, view["areas"], lang)
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
            session.add(CriterionArea(revision_id=revision.id, area_id=_by_code(session, Area, code).id))  # fmt: skip
        session.flush()
    return revision


def add_criterion(
    *, session: Session, actor: Actor, goal: str, code: str, text: str, indicator: str,
    baseline: str, valid_from: dt.date | str | None = None, text_en: str | None = None,
    group: str | None = None, gap_a: str | None = None, gap_b: str | None = None,
    target_type: str | None = None, target_value: float | None = None,
    target_period: str | None = None, areas: Any = "clusters", note: str | None = None,
    lang: str = "da",
) -> Edit:  # fmt: skip
    """A new success criterion of a goal, with its first revision."""
    _require_admin(actor)
    code = _code(code, lang)
    if _by_code(session, SuccessCriterion, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    owner = _need(session, Goal, goal, "goal", "goal", lang)
    view = {
        "text": text, "text_en": text_en, "indicator": indicator, "group": group, "gap_a": gap_a,
        "gap_b": gap_b, "baseline": baseline, "target_type": target_type,
        "target_value": target_value, "target_period": target_period, "areas": areas,
        "note": note,
    }  # fmt: skip
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
    goal: Any = KEEP, text: Any = KEEP, text_en: Any = KEEP, indicator: Any = KEEP,
    group: Any = KEEP, gap_a: Any = KEEP, gap_b: Any = KEEP, baseline: Any = KEEP,
    target_type: Any = KEEP, target_value: Any = KEEP, target_period: Any = KEEP,
    areas: Any = KEEP, note: Any = KEEP, lang: str = "da",
) -> Edit:  # fmt: skip
    """A new revision of a criterion, valid from `valid_from` (default today); the earlier
    revisions are kept as they are. Nothing is written when nothing differs from the newest."""
    _require_admin(actor)
    criterion = _need(session, SuccessCriterion, code, "code", "criterion", lang)
    owner = session.get(Goal, criterion.goal_id)
    if goal is not KEEP and clean_text(goal) not in (None, owner.code):
        _fail(lang, "admin.err.criterion_goal", "goal", old=owner.code, new=goal)
    base = newest_revision(session, criterion)
    old = revision_view(session, base)
    given = {
        "text": text, "text_en": text_en, "indicator": indicator, "group": group, "gap_a": gap_a,
        "gap_b": gap_b, "baseline": baseline, "target_type": target_type,
        "target_value": target_value, "target_period": target_period, "areas": areas,
        "note": note,
    }  # fmt: skip
    wanted = {**old, **{k: v for k, v in given.items() if v is not KEEP}}
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


def _area_view(session: Session, area: Area) -> dict[str, Any]:
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
    *, session: Session, actor: Actor, code: str, name: str, kind: str, parent: str | None = None,
    name_en: str | None = None, official_code: str | None = None,
    since: dt.date | str | None = None, lang: str = "da",
) -> Edit:  # fmt: skip
    """A new area under its parent (a cluster under the region, a municipality under a cluster)."""
    _require_admin(actor)
    code = _code(code, lang)
    if _by_code(session, Area, code):
        _fail(lang, "admin.err.code_exists", "code", code=code)
    kind_code = _choice(kind, AREA_KINDS, "admin.kind", lang)
    if kind_code is None:
        _fail(lang, "admin.err.kind", "kind", value=kind)
    name = _text(name, "name", lang, limit=SHORT_MAX, required=True) or ""
    clash = _name_owner(session, name, None) or _name_owner(session, code, None)
    if clash is not None:
        _fail(lang, "admin.err.name_taken", "name", name=name, other=f"{clash.code} {clash.name}")
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
    *, session: Session, actor: Actor, code: str, name: Any = KEEP, name_en: Any = KEEP,
    official_code: Any = KEEP, kind: Any = KEEP, parent: Any = KEEP,
    since: dt.date | str | None = None, lang: str = "da",
) -> Edit:  # fmt: skip
    """Rename an area (the old name stays as an alias, so old files still match) or move it to
    another parent from `since` (default today; the history of memberships is kept)."""
    _require_admin(actor)
    area = _need(session, Area, code, "code", "area", lang)
    old = _area_view(session, area)
    if kind is not KEEP and kind not in (None, ""):
        kind_code = _choice(kind, AREA_KINDS, "admin.kind", lang)
        if kind_code != old["kind"]:
            _fail(
                lang, "admin.err.kind_change", "kind", old=t(f"admin.kind.{old['kind']}", lang),
                new=kind,
            )  # fmt: skip
    values = dict(old)
    if name is not KEEP:
        values["name"] = _text(name, "name", lang, limit=SHORT_MAX, required=True)
        clash = _name_owner(session, values["name"], area.id)
        if clash is not None:
            _fail(
                lang, "admin.err.name_taken", "name", name=values["name"],
                other=f"{clash.code} {clash.name}",
            )  # fmt: skip
    if name_en is not KEEP:
        values["name_en"] = _text(name_en, "name_en", lang, limit=SHORT_MAX)
    if official_code is not KEEP:
        values["official_code"] = _text(official_code, "official_code", lang, limit=20)
    if parent is not KEEP:
        above = _parent(session, old["kind"], clean_text(parent), lang)
        values["parent"] = above.code if above else None
    changes = _diff(old, values)
    if not changes:
        return Edit("area", area.code, "unchanged")
    if "parent" in changes:
        when = _since(since, lang)
        member = _membership(session, area)
        if member is not None:
            if when <= member.valid_from:
                _fail(lang, "admin.err.move_date", "parent", date=member.valid_from.isoformat())
            member.valid_to = when
            session.add(member)
        new_parent = _by_code(session, Area, values["parent"])
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


# --- the catalogue workbook ----------------------------------------------------------------------


@dataclass(frozen=True)
class _SheetDef:
    kind: str
    columns: tuple[str, ...]  # field names; the first is the code that identifies a row
    required: tuple[str, ...]  # headers the sheet must have
    widths: tuple[int, ...]


SHEETS = (
    _SheetDef(
        "goals",
        ("code", "title", "title_en", "description", "track", "steering_group", "national_goal"),
        ("code", "title", "track", "steering_group"),
        (10, 50, 40, 60, 10, 16, 12),
    ),
    _SheetDef(
        "criteria",
        tuple(
            [
                "code",
                "goal",
                "revision",
                "valid_from",
                "text",
                "text_en",
                "indicator",
                "group",
                "gap_a",
                "gap_b",
                "baseline",
                "target_type",
                "target_value",
                "target_period",
                "areas",
                "note",
            ]
        ),
        ("code", "goal", "text", "indicator", "baseline"),
        (11, 10, 9, 12, 60, 40, 11, 26, 26, 26, 11, 14, 11, 11, 20, 40),
    ),
    _SheetDef(
        "indicators",
        tuple(
            [
                "code",
                "name",
                "name_en",
                "unit",
                "polarity",
                "decimals",
                "frequency",
                "source",
                "definition",
                "natural_limit",
                "steering_group",
            ]
        ),
        ("code", "name", "unit"),
        (10, 40, 34, 22, 18, 10, 11, 40, 60, 12, 16),
    ),
    _SheetDef(
        "areas",
        ("code", "name", "name_en", "kind", "official_code", "parent", "aliases"),
        ("code", "name", "kind"),
        (10, 32, 30, 16, 12, 14, 60),
    ),
    _SheetDef("steering_groups", ("code", "name", "name_en"), ("code", "name"), (12, 50, 50)),
)
APPLY_ORDER = ("steering_groups", "indicators", "areas", "goals", "criteria")
COUNT_KEYS = ("new", "changed", "unchanged", "rejected")
LISTS_SHEET = "lists"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_INFO_COLUMNS = {"revision"}  # shown for the reader, ignored on import


def sheet_name(kind: str, lang: str) -> str:
    return t(f"admin.sheet.{kind}", lang)


def _specs(sheet: _SheetDef) -> list[ColumnSpec]:
    return [ColumnSpec(c, f"admin.col.{c}", c in sheet.required) for c in sheet.columns]


# --- export --------------------------------------------------------------------------------------


def label_of(field: str, value: Any, lang: str) -> Any:
    """A stored value as the workbook shows it (option labels in the chosen language)."""
    if value is None:
        return None
    if field == "polarity":
        return t(f"admin.polarity.{value}", lang)
    if field == "frequency":
        return t(f"admin.frequency.{value}", lang)
    if field == "target_type":
        return t(f"admin.target.{value}", lang)
    if field == "kind":
        return t(f"admin.kind.{value}", lang)
    if field == "areas":
        return t(f"admin.areas.{value}", lang) if isinstance(value, str) else ", ".join(value)
    if field == "aliases":
        return ", ".join(value) or None
    return value


def _export_rows(session: Session) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {s.kind: [] for s in SHEETS}
    for goal in session.exec(select(Goal).order_by(Goal.sort_order, Goal.code)):
        rows["goals"].append({"code": goal.code, **_goal_view(session, goal)})
    goal_order = {r["code"]: i for i, r in enumerate(rows["goals"])}
    criteria = sorted(
        session.exec(select(SuccessCriterion)),
        key=lambda c: (goal_order.get(session.get(Goal, c.goal_id).code, 999), c.sort_order, c.code),
    )  # fmt: skip
    for criterion in criteria:
        revision = newest_revision(session, criterion)
        if revision is None:
            continue
        rows["criteria"].append(
            {
                "code": criterion.code,
                "goal": session.get(Goal, criterion.goal_id).code,
                "revision": revision.revision,
                "valid_from": revision.valid_from,
                **revision_view(session, revision),
            }
        )
    for indicator in session.exec(select(Indicator).order_by(Indicator.code)):
        rows["indicators"].append({"code": indicator.code, **_indicator_view(session, indicator)})
    kind_order = {k: i for i, k in enumerate(AREA_KINDS)}
    areas = sorted(
        session.exec(select(Area)), key=lambda a: (kind_order[a.kind], a.sort_order, a.name)
    )
    for area in areas:
        rows["areas"].append(
            {"code": area.code, **_area_view(session, area), "aliases": area_aliases(session, area)}
        )
    for group in session.exec(select(SteeringGroup).order_by(SteeringGroup.code)):
        rows["steering_groups"].append(
            {"code": group.code, "name": group.name, "name_en": group.name_en}
        )
    return rows


def _lists(session: Session, lang: str) -> dict[str, list[Any]]:
    """The choices offered as drop-downs, by column."""
    codes = lambda model: [r.code for r in session.exec(select(model).order_by(model.code))]  # noqa: E731
    parents = session.exec(
        select(Area.code)
        .where(Area.kind.in_([AreaKind.REGION, AreaKind.CLUSTER]))
        .order_by(Area.sort_order)
    ).all()
    return {
        "track": codes(Track),
        "steering_group": codes(SteeringGroup),
        "national_goal": sorted(n.number for n in session.exec(select(NationalGoal))),
        "goal": codes(Goal),
        "indicator": codes(Indicator),
        "group": codes(BreakdownGroup),
        "target_type": [t(f"admin.target.{k.value}", lang) for k in TargetType],
        "areas": [t(f"admin.areas.{w}", lang) for w in AREA_WORDS],
        "polarity": [t(f"admin.polarity.{p}", lang) for p in POLARITIES],
        "frequency": [t(f"admin.frequency.{f}", lang) for f in FREQUENCIES],
        "kind": [t(f"admin.kind.{k}", lang) for k in AREA_KINDS],
        "parent": list(parents),
    }


_LIST_FOR = {"gap_a": "group", "gap_b": "group"}
_FREE_LISTS = {"areas"}  # a drop-down that also accepts other text (area codes)


def export_catalogue_workbook(*, engine: Engine, lang: str = "da") -> bytes:
    """The catalogue as an .xlsx workbook to edit and import again (export → import changes
    nothing). One row per goal, criterion (its newest revision), indicator, area and steering
    group; frozen headers; drop-downs for the choices; nothing a spreadsheet would execute."""
    with store.read_session(engine) as session:
        data = _export_rows(session)
        lists = _lists(session, lang)
    book = Workbook()
    book.remove(book.active)
    list_ws = book.create_sheet(sheet_name(LISTS_SHEET, lang))
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(lists.items(), start=1):
        put(list_ws, 1, col, name).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            put(list_ws, row, col, value)
        letter = get_column_letter(col)
        ranges[name] = (
            f"{quote_sheetname(list_ws.title)}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        )
    list_ws.sheet_state = "hidden"

    for sheet in SHEETS:
        ws = book.create_sheet(sheet_name(sheet.kind, lang), index=len(book.sheetnames) - 1)
        for col, (name, width) in enumerate(zip(sheet.columns, sheet.widths, strict=True), 1):
            cell = put(ws, 1, col, _label(name, lang))
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.column_dimensions[get_column_letter(col)].width = width
        rows = data[sheet.kind]
        for r, values in enumerate(rows, start=2):
            for col, name in enumerate(sheet.columns, start=1):
                cell = put(ws, r, col, label_of(name, values.get(name), lang))
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                if name in _INFO_COLUMNS:
                    cell.font = Font(color="808080")
        ws.freeze_panes = "B2"
        last = len(rows) + 500
        for col, name in enumerate(sheet.columns, start=1):
            source = _LIST_FOR.get(name, name)
            if source not in ranges or (sheet.kind == "criteria" and name == "code"):
                continue
            letter = get_column_letter(col)
            check = DataValidation(
                type="list", formula1=f"={ranges[source]}", allow_blank=True,
                showErrorMessage=source not in _FREE_LISTS,
            )  # fmt: skip
            check.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(check)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueChange:
    """One thing an import changes: a new row, or one field of a row, old → new."""

    sheet: str
    cell: str
    kind: str  # "new" or "changed"
    subject: str  # the row's code
    field: str  # the column, as the file names it ("" for a new row)
    old: str | None
    new: str
    note: str = ""  # e.g. "ny revision 3, gyldig fra 2026-01-01"


@dataclass
class CatalogueImportResult:
    """The answer to a catalogue workbook: a preview, an applied import or a rejection."""

    status: str  # "applied", "preview" or "rejected"
    counts: dict[str, dict[str, int]]  # sheet name → new / changed / unchanged / rejected
    changes: list[CatalogueChange]
    errors: list[Problem]
    sha256: str = ""
    filename: str = ""
    message: str = ""

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(c.get(k, 0) for c in self.counts.values()) for k in COUNT_KEYS}

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "counts": self.counts,
            "changes": [c.__dict__ for c in self.changes],
            "errors": [p.to_dict() for p in self.errors],
        }


_CELL_OF = {"alias": "aliases", "since": "parent"}  # error field → the column holding it


class _RolledBack(Exception):
    """Raised inside the transaction to undo a preview or a file with errors."""


@dataclass
class _Row:
    sheet: str
    index: int  # 0-based row
    columns: dict[str, tuple[int, str]]  # field → (column, header)
    cells: dict[str, Any]

    def ref(self, field: str | None) -> tuple[str, str]:
        """(cell reference, header) of a field's cell; the code cell when it has none."""
        col, header = self.columns.get(field or "", self.columns["code"])
        return cell_ref(self.sheet, self.index, col), header

    def given(self, *fields: str) -> dict[str, Any]:
        """The fields this file has a column for (the others are kept as they are)."""
        return {f: self.cells[f] for f in fields if f in self.cells}


def _show(field: str, value: Any, lang: str) -> str:
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, float):
        decimals = 0
        while decimals < 6 and round(value, decimals) != value:
            decimals += 1
        return format_number(value, decimals, lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    shown = label_of(field, value, lang)
    return ", ".join(shown) if isinstance(shown, list | tuple) else str(shown)


def _cell_value(field: str, value: Any) -> Any:
    """A cell as the edit functions take it: text stripped, blanks None, numbers and dates
    as they are."""
    if field in ("decimals", "natural_limit", "target_value", "national_goal", "valid_from"):
        if isinstance(value, str):
            return clean_text(value)
        return None if value is None or value == "" else value
    if field == "aliases":
        text = clean_text(value)
        return [a.strip() for a in text.split(",") if a.strip()] if text else []
    return clean_text(value)


class _Import:
    """Runs a file's rows through the edit functions, collecting problems and changes."""

    def __init__(self, session: Session, actor: Actor, lang: str) -> None:
        self.session = session
        self.actor = actor
        self.lang = lang
        self.problems: list[Problem] = []
        self.changes: list[CatalogueChange] = []
        self.counts: dict[str, dict[str, int]] = {}

    def sheet(self, kind: str, raw: RawSheet, columns: dict[str, tuple[int, str]], header_row: int) -> None:  # fmt: skip
        counts = self.counts.setdefault(raw.name, dict.fromkeys(COUNT_KEYS, 0))
        seen: dict[str, str] = {}
        apply = getattr(self, f"_{kind}")
        for index in range(header_row + 1, len(raw.rows())):
            values = raw.rows()[index]
            cells = {
                f: _cell_value(f, values[c] if c < len(values) else None)
                for f, (c, _) in columns.items()
                if f not in _INFO_COLUMNS
            }
            if all(v in (None, []) for v in cells.values()):
                continue
            row = _Row(raw.name, index, columns, cells)
            code = cells.get("code")
            if code is None:
                self._problem(row, "code", t("admin.err.required", self.lang, field=_label("code", self.lang)))  # fmt: skip
                counts["rejected"] += 1
                continue
            if code in seen:
                message = t("admin.import.duplicate", self.lang, code=code, other=seen[code])
                self._problem(row, "code", message)
                counts["rejected"] += 1
                continue
            seen[code] = row.ref("code")[0]
            formulas = [f for f, (c, _) in columns.items() if (index, c) in raw.formula_cells]
            if formulas:
                for f in formulas:
                    self._problem(row, f, t("workbook.cell.formula", self.lang))
                counts["rejected"] += 1
                continue
            edits = self._apply_row(apply, row)
            counts[self._record(row, edits) if edits is not None else "rejected"] += 1

    def _apply_row(self, apply: Any, row: _Row) -> list[Edit] | None:
        """The row's edits, or None after reporting its problems. An edit function stops at
        the first wrong field, so a rejected row is tried again without each wrong field in
        turn (always rolled back) to report the row's other problems too."""
        try:
            with self.session.begin_nested():
                return apply(row)
        except CatalogueEditError as exc:
            failed = [exc]
        except sa.exc.IntegrityError as exc:
            detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            self._problem(row, "code", t("admin.err.conflict", self.lang, detail=detail))
            return None
        dropped = {_CELL_OF.get(failed[0].field or "", failed[0].field)}
        while len(failed) < len(row.cells):
            trial = _Row(
                row.sheet, row.index, row.columns,
                {k: v for k, v in row.cells.items() if k not in dropped},
            )  # fmt: skip
            try:
                with self.session.begin_nested():
                    apply(trial)
                    raise _RolledBack
            except (_RolledBack, sa.exc.IntegrityError):
                break
            except CatalogueEditError as exc:
                name = _CELL_OF.get(exc.field or "", exc.field)
                if name in dropped or name in (None, "code"):
                    break
                failed.append(exc)
                dropped.add(name)
        for exc in failed:
            self._problem(row, exc.field, str(exc))
        return None

    def _problem(self, row: _Row, field: str | None, message: str) -> None:
        field = _CELL_OF.get(field or "", field)
        cell, header = row.ref(field)
        value = row.cells.get(field or "code", row.cells.get("code"))
        if isinstance(value, list):
            value = ", ".join(value)
        self.problems.append(Problem(row.sheet, cell, header, display(value), message))

    def _record(self, row: _Row, edits: list[Edit]) -> str:
        main = edits[0]
        code = str(row.cells["code"])
        if main.action == "new":
            shown = row.cells.get("title") or row.cells.get("name") or row.cells.get("text") or ""
            note = (
                t("admin.change.first_revision", self.lang, valid_from=main.valid_from.isoformat())
                if main.valid_from
                else ""
            )
            self.changes.append(
                CatalogueChange(
                    row.sheet, row.ref("code")[0], "new", code, "", None, str(shown), note
                )
            )
            return "new"
        changed = [e for e in edits if e.action != "unchanged"]
        if not changed:
            return "unchanged"
        note = ""
        if main.revision:
            note = t(
                "admin.change.new_revision", self.lang, revision=main.revision,
                valid_from=main.valid_from.isoformat(),
            )  # fmt: skip
        for edit in changed:
            for name, (old, new) in edit.changes.items():
                cell, header = row.ref(name if name in row.columns else None)
                self.changes.append(
                    CatalogueChange(
                        row.sheet, cell, "changed", code, header,
                        _show(name, old, self.lang), _show(name, new, self.lang), note,
                    )
                )  # fmt: skip
        return "changed"

    # one method per sheet kind: the edits for one row, the main one first

    def _common(self) -> dict[str, Any]:
        return {"session": self.session, "actor": self.actor, "lang": self.lang}

    def _steering_groups(self, row: _Row) -> list[Edit]:
        code, given = row.cells["code"], row.given("name", "name_en")
        if _by_code(self.session, SteeringGroup, code):
            return [edit_steering_group(code=code, **given, **self._common())]
        return [add_steering_group(code=code, **given, **self._common())]

    def _indicators(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(
            "name", "name_en", "unit", "polarity", "decimals", "frequency", "source",
            "definition", "natural_limit", "steering_group",
        )  # fmt: skip
        if _by_code(self.session, Indicator, code):
            return [edit_indicator(code=code, **given, **self._common())]
        given = {k: v for k, v in given.items() if v is not None}
        return [add_indicator(code=code, **{"name": None, "unit": None, **given}, **self._common())]  # fmt: skip

    def _areas(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given("name", "name_en", "kind", "official_code", "parent")
        area = _by_code(self.session, Area, code)
        before = area_aliases(self.session, area) if area else []
        if area is not None:
            edits = [edit_area(code=code, **given, **self._common())]
        else:
            edits = [add_area(code=code, **{"name": None, "kind": None, **given}, **self._common())]  # fmt: skip
            area = _by_code(self.session, Area, code)
        if "aliases" not in row.cells:
            return edits
        wanted = row.cells["aliases"]
        wanted_keys = {name_key(a) for a in wanted} | {name_key(area.name)}
        before_keys = {name_key(a) for a in before}
        alias_edits = [
            add_area_alias(area=code, alias=a, **self._common())
            for a in wanted
            if name_key(a) not in before_keys
        ]
        alias_edits += [
            remove_area_alias(area=code, alias=a, **self._common())
            for a in before
            if name_key(a) not in wanted_keys
        ]
        if any(e.action != "unchanged" for e in alias_edits):
            after = area_aliases(self.session, area)
            edits.append(Edit("area", code, "changed", {"aliases": (tuple(before), tuple(after))}))
        return edits

    def _goals(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(
            "title", "title_en", "description", "track", "steering_group", "national_goal"
        )
        if _by_code(self.session, Goal, code):
            return [edit_goal(code=code, **given, **self._common())]
        defaults = {"title": None, "track": None, "steering_group": None}
        return [add_goal(code=code, **{**defaults, **given}, **self._common())]

    def _criteria(self, row: _Row) -> list[Edit]:
        code = row.cells["code"]
        given = row.given(*REVISION_FIELDS)
        valid_from = row.cells.get("valid_from")
        if _by_code(self.session, SuccessCriterion, code):
            return [
                revise_criterion(
                    code=code, valid_from=valid_from, **row.given("goal"), **given,
                    **self._common(),
                )
            ]  # fmt: skip
        defaults = {"goal": None, "text": None, "indicator": None, "baseline": None}
        given = {k: v for k, v in given.items() if v is not None}
        return [
            add_criterion(
                code=code, valid_from=valid_from, **{**defaults, **row.given("goal"), **given},
                **self._common(),
            )
        ]  # fmt: skip


def _locate(raw_sheets: Iterable[RawSheet], lang: str) -> tuple[list[tuple], list[Problem]]:
    """(kind, sheet, columns, header row) for each catalogue sheet found, and the problems."""
    found: list[tuple] = []
    problems: list[Problem] = []
    by_key = {
        k: sheet
        for sheet in SHEETS
        for language in ("da", "en")
        for k in name_keys(sheet_name(sheet.kind, language))
    }
    for raw in raw_sheets:
        sheet = next((by_key[k] for k in name_keys(raw.name) if k in by_key), None)
        if sheet is None:
            continue
        header, _twice = find_header(raw.head(HEADER_SEARCH_ROWS), _specs(sheet), allow_wide=False)
        if header is None:
            problems.append(Problem(raw.name, "", "", "", t("admin.import.no_header", lang, sheet=raw.name, column=_label("code", lang))))  # fmt: skip
            continue
        missing = [c for c in sheet.required if c not in header.columns]
        for name in missing:
            problems.append(
                Problem(
                    raw.name,
                    "",
                    _label(name, lang),
                    "",
                    t(
                        "admin.import.missing_column",
                        lang,
                        sheet=raw.name,
                        column=_label(name, lang),
                    ),
                )
            )
        if not missing:
            found.append((sheet.kind, raw, header.columns, header.row))
    return found, problems


def _result(
    status: str, lang: str, sha256: str, filename: str, *, errors: list[Problem] | None = None,
    run: _Import | None = None,
) -> CatalogueImportResult:  # fmt: skip
    errors = errors or []
    counts = run.counts if run else {}
    result = CatalogueImportResult(
        status, counts, run.changes if run else [], errors, sha256, filename
    )
    totals = result.totals
    if status == "rejected":
        result.message = t("admin.import.rejected", lang, n=len(errors))
    elif totals["new"] == 0 and totals["changed"] == 0:
        result.message = t("admin.import.nothing", lang, unchanged=totals["unchanged"])
    else:
        key = "admin.import.preview" if status == "preview" else "admin.import.applied"
        result.message = t(key, lang, **totals)
    return result


def import_catalogue_workbook(
    *, engine: Engine, content: bytes, filename: str, actor: Actor | None,
    dry_run: bool = False, lang: str = "da", confirm_sha256: str | None = None,
) -> CatalogueImportResult:  # fmt: skip
    """Check a catalogue workbook and preview it (dry_run) or apply it: every row or none.

    Each row goes through the same edit function a form uses, so a preview is an apply that is
    rolled back. `confirm_sha256` (the preview's `sha256`) makes sure the file applied is the
    one previewed. Size limit and zip-bomb guard are those of status workbooks.
    """
    sha256 = hashlib.sha256(content).hexdigest()

    def rejected(problems: list[Problem], run: _Import | None = None) -> CatalogueImportResult:
        return _result("rejected", lang, sha256, filename, errors=problems, run=run)

    def file_problem(key: str, **values: Any) -> Problem:
        return Problem("", "", "", "", t(key, lang, **values))

    if actor is None or not actor.may_administer():
        who = actor.name if actor else "?"
        role = t(f"role.{actor.role}", lang) if actor else t("admin.role.unknown", lang)
        return rejected([file_problem("admin.import.not_admin", user=who, role=role)])
    if confirm_sha256 is not None and confirm_sha256 != sha256:
        return rejected([file_problem("workbook.file.confirm_mismatch")])
    try:
        raw = read_workbook(content, filename, limit_bytes=config.settings().upload_limit_bytes)
        sheets, problems = _locate(raw.sheets, lang)
    except ReadError as exc:
        return rejected([file_problem(exc.key, **exc.values)])
    if not sheets and not problems:
        names = ", ".join(sheet_name(s.kind, lang) for s in SHEETS)
        found = ", ".join(s.name for s in raw.sheets)
        return rejected([file_problem("admin.import.no_sheets", sheets=names, found=found)])
    order = {kind: i for i, kind in enumerate(APPLY_ORDER)}
    sheets.sort(key=lambda s: order[s[0]])
    run: _Import | None = None
    try:
        with store.write_session(engine) as session:
            run = _Import(session, actor, lang)
            try:
                for kind, sheet, columns, header_row in sheets:
                    run.sheet(kind, sheet, columns, header_row)
            except ReadError as exc:
                problems.append(file_problem(exc.key, **exc.values))
            problems += run.problems
            if problems or dry_run:
                raise _RolledBack
            access.record(
                session, actor=actor.name, action="catalogue.import", target=filename[:300],
                detail={"sha256": sha256, "counts": run.counts},
            )  # fmt: skip
    except _RolledBack:
        pass
    except store.StoreError as exc:
        return rejected([file_problem("workbook.file.store_error", detail=str(exc))], run)
    if problems:
        return rejected(problems, run)
    return _result("preview" if dry_run else "applied", lang, sha256, filename, run=run)
