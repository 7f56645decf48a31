"""The economy of the initiatives: budget and spending (kr.) summed per goal, cluster and
track, with what is over budget; and the secretariat's pools (e.g. *beredskabspuljen*, 0,5 mio.
kr. a year for development work) with the amount granted and spent per year.

Sums add only what was reported: an initiative without a budget adds nothing to the budget and
is counted in `without_budget`, so a total never pretends to be complete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, store
from goals.catalogue import Catalogue
from goals.i18n import format_whole, language, name_of, t
from goals.plans.workplan import PlanRow
from goals.spreadsheet.cells import AMOUNT_MAX, parse_amount
from goals.store.model import Pool as PoolRow
from goals.store.model import PoolYear as PoolYearRow

__all__ = ["LEVELS", "Pool", "PoolError", "PoolYear", "Totals", "pools", "save_pool",
           "set_pool_year", "totals"]  # fmt: skip

#: What the totals are summed by.
LEVELS = ("goal", "cluster", "track")
_CODE = re.compile(r"[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå_.-]{0,39}")


class PoolError(ValueError):
    """A pool edit that cannot be done; the message is one sentence for the user."""


@dataclass(frozen=True)
class Totals:
    """Budget and spending summed over the initiatives of one goal, cluster or track."""

    level: str  # "goal", "cluster" or "track"
    code: str
    name: str
    initiatives: int
    budget: float  # kr., over those that reported one
    spent: float  # kr., over those that reported it
    without_budget: int  # initiatives with no budget reported
    over_budget: int  # initiatives that spent more than their budget

    @property
    def remaining(self) -> float:
        return self.budget - self.spent

    @property
    def over(self) -> bool:
        """Spent more than budgeted in all (only when some budget is reported)."""
        return self.budget > 0 and self.spent > self.budget

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "code": self.code,
            "name": self.name,
            "initiatives": self.initiatives,
            "budget": self.budget,
            "spent": self.spent,
            "without_budget": self.without_budget,
            "over_budget": self.over_budget,
        }


def totals(rows: Iterable[PlanRow], level: str) -> list[Totals]:
    """The work plan's rows summed per goal, cluster or track, in the plan's order."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    sums: dict[str, dict[str, Any]] = {}
    for row in rows:
        code, name = {
            "goal": (row.goal, row.goal_title),
            "cluster": (row.cluster or row.area, row.cluster_name or row.area_name),
            "track": (row.track, row.track_name),
        }[level]
        s = sums.setdefault(
            code,
            {"name": name, "n": 0, "budget": 0.0, "spent": 0.0, "without": 0, "over": 0},
        )
        s["n"] += 1
        s["budget"] += row.budget or 0.0
        s["spent"] += row.spent or 0.0
        s["without"] += row.budget is None
        s["over"] += row.over_budget
    return [
        Totals(level, code, s["name"], s["n"], s["budget"], s["spent"], s["without"], s["over"])
        for code, s in sums.items()
    ]


# --- pools ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolYear:
    year: int
    granted: float
    spent: float
    note: str | None = None

    @property
    def remaining(self) -> float:
        return self.granted - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.granted


@dataclass(frozen=True)
class Pool:
    code: str
    name: str
    area: str | None  # area code of the holder, if any
    area_name: str | None
    note: str | None
    years: list[PoolYear] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "area": self.area,
            "years": [
                {"year": y.year, "granted": y.granted, "spent": y.spent, "note": y.note}
                for y in self.years
            ],
        }


@store.reads
def pools(*, session: Session, lang: str = "da") -> list[Pool]:
    """Every pool with its years, oldest year first."""
    lang = language(lang)
    cat = Catalogue.load(session)
    found = session.exec(select(PoolRow).order_by(PoolRow.code)).all()  # type: ignore[arg-type]
    years = session.exec(select(PoolYearRow).order_by(PoolYearRow.year)).all()  # type: ignore[arg-type]
    out = []
    for pool in found:
        area = cat.areas.get(pool.area_id) if pool.area_id is not None else None
        out.append(
            Pool(
                code=pool.code,
                name=name_of(pool, lang),
                area=area.code if area else None,
                area_name=name_of(area, lang) if area else None,
                note=pool.note,
                years=[
                    PoolYear(y.year, y.granted, y.spent, y.note)
                    for y in years
                    if y.pool_id == pool.id
                ],
            )
        )
    return out


def _amount(value: Any, what: str, lang: str) -> float:
    """An amount typed into a form or the command line, read like a workbook cell: '500000',
    '500.000', '500 000 kr.'; one sentence naming the field when it is not an amount."""
    amount, wrong = parse_amount(value.strip() if isinstance(value, str) else value)
    if wrong is None and amount is None:
        wrong = "not_number"
    if wrong is not None:
        raise PoolError(
            t(
                f"workbook.amount.{wrong}",
                lang,
                column=what,
                value=value,
                limit=format_whole(AMOUNT_MAX, lang),
            )
        )
    return float(amount)  # type: ignore[arg-type]


def save_pool(
    *,
    engine: Engine,
    actor: access.Actor,
    code: str,
    name: str,
    name_en: str | None = None,
    area: str | None = None,
    note: str | None = None,
    lang: str = "da",
) -> Pool:
    """Create a pool, or rename it (code stays). Administrators only."""
    access.require_admin(actor, t("plans.pool.what", lang))
    code = str(code or "").strip()
    if not _CODE.fullmatch(code):
        raise PoolError(t("plans.pool.bad_code", lang, code=code))
    name = str(name or "").strip()
    if not name or len(name) > 200:
        raise PoolError(t("plans.pool.bad_name", lang))
    with store.write_session(engine) as session:
        cat = Catalogue.load(session)
        holder = None
        if area:
            holder = cat.area(str(area).strip()) or cat.area_index.get(str(area))
            if holder is None:
                raise PoolError(t("plans.pool.unknown_area", lang, name=area))
        pool = session.exec(select(PoolRow).where(PoolRow.code == code)).first()
        created = pool is None
        if pool is None:
            pool = PoolRow(code=code, name=name)
        pool.name = name
        pool.name_en = (name_en or "").strip()[:200] or None
        pool.area_id = holder.id if holder else None
        pool.note = (note or "").strip() or None
        session.add(pool)
        access.record(
            session,
            actor=actor.name,
            action="pool.created" if created else "pool.edited",
            target=code,
            detail={"name": name, "area": holder.code if holder else None},
        )
        session.flush()
        return next(p for p in pools(session=session, lang=lang) if p.code == code)


def set_pool_year(
    *,
    engine: Engine,
    actor: access.Actor,
    code: str,
    year: int,
    granted: Any,
    spent: Any,
    note: str | None = None,
    lang: str = "da",
) -> Pool:
    """Set what a pool was granted and has spent in a year (kr.). Administrators only."""
    access.require_admin(actor, t("plans.pool.what", lang))
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise PoolError(t("plans.pool.bad_year", lang, value=year)) from None
    if not 1990 <= year <= dt.date.today().year + 10:
        raise PoolError(t("plans.pool.bad_year", lang, value=year))
    granted_kr = _amount(granted, t("plans.granted", lang), lang)
    spent_kr = _amount(spent, t("plans.spent", lang), lang)
    with store.write_session(engine) as session:
        pool = session.exec(select(PoolRow).where(PoolRow.code == str(code).strip())).first()
        if pool is None:
            raise PoolError(t("plans.pool.unknown", lang, code=code))
        row = session.get(PoolYearRow, (pool.id, year))
        before = None if row is None else [row.granted, row.spent]
        if row is None:
            row = PoolYearRow(pool_id=pool.id, year=year, granted=granted_kr, spent=spent_kr)  # type: ignore[arg-type]
        row.granted, row.spent = granted_kr, spent_kr
        row.note = (note or "").strip() or None
        session.add(row)
        access.record(
            session,
            actor=actor.name,
            action="pool.year_set",
            target=f"{pool.code} {year}",
            detail={"granted": granted_kr, "spent": spent_kr, "before": before},
        )
        session.flush()
        return next(p for p in pools(session=session, lang=lang) if p.code == pool.code)
