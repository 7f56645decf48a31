"""A cluster's profile (*klyngeprofil*): its members, a handful of key figures chosen by the
secretariat, and the text sections *Tilbud*, *Ressourcer* and *Udfordringer*.

The key figures are ordinary indicators (they come in through status workbooks and keep their
history); each is shown with the cluster's newest value for the whole population (the total
group). The sections are plain text, edited by the secretariat; every edit is kept
(`ProfileSection` rows), the newest is shown, and each edit is in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from goals import access, store
from goals.catalogue import Catalogue
from goals.i18n import format_number, language, name_of, t
from goals.periods import parse_period
from goals.store.model import Area, AreaKind, Indicator, KeyFigure, ProfileSection
from goals.store.observations import current_query

__all__ = [
    "SECTIONS",
    "KeyFigureValue",
    "Profile",
    "ProfileError",
    "cluster_profile",
    "edit_section",
    "key_figure_codes",
    "set_key_figures",
]

SECTIONS = ("tilbud", "ressourcer", "udfordringer")
#: The longest text a section may hold (about two pages).
MAX_SECTION = 20_000


class ProfileError(ValueError):
    """A profile request that cannot be done; the message is one sentence for the user."""


@dataclass(frozen=True)
class KeyFigureValue:
    indicator: str
    name: str
    unit: str
    decimals: int
    period: str | None
    value: float | None
    #: the newest value is hidden by the small-number rule (`value` is then None)
    suppressed: bool = False
    limit: int = 0  # the small-number limit in force

    def shown(self, lang: str, *, unit: bool = False) -> str:
        """The figure as text: the number (with its unit), or why there is none."""
        if self.suppressed:
            return t("data.suppressed", lang, n=self.limit)
        if self.value is None:
            return t("profile.no_value", lang)
        text = format_number(self.value, self.decimals, lang)
        return f"{text} {self.unit}".strip() if unit else text

    def to_json(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "name": self.name,
            "unit": self.unit,
            "period": self.period,
            "value": self.value,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class Profile:
    cluster: str
    name: str
    members: list[Area]
    key_figures: list[KeyFigureValue]
    sections: dict[str, str]
    history: dict[str, list[tuple[dt.datetime, str, str]]] = field(default_factory=dict)
    lang: str = "da"

    def to_json(self) -> dict[str, Any]:
        """The keys of ``python -m goals profile CODE --json``."""
        return {
            "cluster": self.cluster,
            "name": self.name,
            "members": [
                {"code": a.code, "name": name_of(a, self.lang), "kind": str(a.kind)}
                for a in self.members
            ],
            "key_figures": [k.to_json() for k in self.key_figures],
            "sections": {s: self.sections.get(s, "") for s in SECTIONS},
        }


def _cluster(cat: Catalogue, name: str, lang: str) -> Area:
    area = cat.cluster_named(name)
    if area is None:
        raise ProfileError(t("profile.unknown_cluster", lang, name=name))
    return area


_KIND_ORDER = {
    AreaKind.MUNICIPALITY: 0,
    AreaKind.HOSPITAL: 1,
    AreaKind.GENERAL_PRACTICE: 2,
}


@store.reads
def cluster_profile(
    session: Session, cluster: str, lang: str = "da", catalogue: Catalogue | None = None
) -> Profile:
    """The profile of a cluster (code, name or alias). Raises ProfileError for an unknown one."""
    lang = language(lang)
    cat = catalogue if catalogue is not None else Catalogue.load(session)
    area = _cluster(cat, cluster, lang)
    members = sorted(
        cat.members(area), key=lambda a: (_KIND_ORDER.get(a.kind, 9), a.sort_order, a.name)
    )
    rows = session.exec(
        select(ProfileSection).where(ProfileSection.area_id == area.id).order_by(ProfileSection.id)  # type: ignore[arg-type]
    ).all()
    history: dict[str, list[tuple[dt.datetime, str, str]]] = {s: [] for s in SECTIONS}
    for row in rows:
        history.setdefault(row.section, []).append((row.created_at, row.created_by, row.text))
    sections = {s: (history[s][-1][2] if history.get(s) else "") for s in SECTIONS}
    return Profile(
        cluster=area.code,
        name=name_of(area, lang),
        members=members,
        key_figures=_key_figures(session, cat, area, lang),
        sections=sections,
        history={s: list(reversed(h)) for s, h in history.items()},
        lang=lang,
    )


def _key_figures(session: Session, cat: Catalogue, area: Area, lang: str) -> list[KeyFigureValue]:
    chosen = session.exec(select(KeyFigure).order_by(KeyFigure.position)).all()  # type: ignore[arg-type]
    indicators = [
        cat.indicators[k.indicator_id] for k in chosen if k.indicator_id in cat.indicators
    ]
    if not indicators:
        return []
    newest: dict[int, tuple[str, float | None, bool]] = {}
    total = cat.total_group
    if total is not None:
        query = current_query(
            indicator_ids=[i.id for i in indicators],
            area_ids=[area.id],
            group_ids=[total.id],
            columns=["indicator_id", "period", "value", "numerator", "denominator"],
        ).where(sa.literal_column("value").is_not(None))
        rows = store.fetch_tuples(session.connection(), query)
        for indicator_id, period, value, numerator, denominator in rows:
            if indicator_id not in newest or _later(period, newest[indicator_id][0]):
                # a small number is hidden (and an older figure is not shown in its place)
                hidden = cat.hides(indicator_id, value, numerator, denominator)
                newest[indicator_id] = (period, None if hidden else value, hidden)
    return [
        KeyFigureValue(
            indicator=i.code,
            name=name_of(i, lang),
            unit=name_of(i, lang, "unit") or "",
            decimals=i.decimals,
            period=newest.get(i.id, (None, None, False))[0],
            value=newest.get(i.id, (None, None, False))[1],
            suppressed=newest.get(i.id, (None, None, False))[2],
            limit=cat.suppression.min_count,
        )
        for i in indicators
    ]


def _later(a: str, b: str) -> bool:
    try:
        return parse_period(a) > parse_period(b)
    except ValueError:
        return a > b


def edit_section(
    *,
    engine: Engine,
    actor: access.Actor,
    cluster: str,
    section: str,
    text: str,
    lang: str = "da",
) -> Profile:
    """A new version of one of a cluster's text sections (plain text; the old ones are kept)."""
    access.require_admin(actor, t("profile.what.edit", lang))
    key = str(section or "").strip().lower()
    if key not in SECTIONS:
        raise ProfileError(t("profile.unknown_section", lang, name=section))
    body = str(text or "").replace("\r\n", "\n").strip()
    if len(body) > MAX_SECTION:
        raise ProfileError(t("profile.too_long", lang, n=len(body), limit=MAX_SECTION))
    with store.write_session(engine) as session:
        cat = Catalogue.load(session)
        area = _cluster(cat, cluster, lang)
        current = cluster_profile(session, area.code, lang, catalogue=cat).sections[key]
        if body != current:
            session.add(
                ProfileSection(area_id=area.id, section=key, text=body, created_by=actor.name[:200])
            )
            access.record(
                session,
                actor=actor.name,
                action="profile.section_edited",
                target=f"{area.code} {key}",
                detail={"characters": len(body)},
            )
            session.flush()
        return cluster_profile(session, area.code, lang, catalogue=cat)


def set_key_figures(
    *, engine: Engine, actor: access.Actor, indicators: Iterable[str], lang: str = "da"
) -> list[str]:
    """Choose the key figures every profile shows (indicator codes or names, in order)."""
    access.require_admin(actor, t("profile.what.key_figures", lang))
    with store.write_session(engine) as session:
        cat = Catalogue.load(session)
        chosen = []
        for name in indicators:
            if not str(name).strip():
                continue
            found = cat.indicator_index.get(str(name).strip())
            if found is None:
                raise ProfileError(t("profile.unknown_indicator", lang, name=name))
            if found not in chosen:
                chosen.append(found)
        for old in session.exec(select(KeyFigure)).all():
            session.delete(old)
        session.flush()
        for position, indicator in enumerate(chosen):
            session.add(KeyFigure(indicator_id=indicator.id, position=position))
        access.record(
            session,
            actor=actor.name,
            action="profile.key_figures_set",
            detail={"indicators": [i.code for i in chosen]},
        )
        return [i.code for i in chosen]


@store.reads
def key_figure_codes(session: Session) -> list[str]:
    """The indicators chosen as key figures, in order (codes)."""
    rows = session.exec(
        sa.select(KeyFigure.indicator_id).order_by(KeyFigure.position)  # type: ignore[arg-type]
    ).all()
    cat_codes = dict(session.exec(sa.select(Indicator.id, Indicator.code)).all())
    return [cat_codes[r[0]] for r in rows if r[0] in cat_codes]
