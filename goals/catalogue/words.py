"""Catalogue objects in words, for pages, reports and the command line."""

from __future__ import annotations

import datetime as dt

from goals.catalogue import Catalogue, CriterionInfo
from goals.i18n import format_date, format_number, name_of, t
from goals.periods import Frequency, parse_period
from goals.store.model import CriterionRevision, TargetType

_PERIOD_WORDS = {
    "da": {"H": "{i}. halvår {y}", "K": "{i}. kvt. {y}"},
    "en": {"H": "H{i} {y}", "K": "Q{i} {y}"},
}
_MONTHS = {
    "da": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def period_label(code: str, lang: str = "da") -> str:
    """'2017K2' → '2. kvt. 2017' (Danish) or 'Q2 2017' (English)."""
    try:
        period = parse_period(code)
    except ValueError:
        return code
    lang = "en" if lang == "en" else "da"
    if period.frequency is Frequency.YEAR:
        return str(period.year)
    if period.frequency is Frequency.MONTH:
        return f"{_MONTHS[lang][period.index - 1]} {period.year}"
    key = "H" if period.frequency is Frequency.HALF_YEAR else "K"
    return _PERIOD_WORDS[lang][key].format(i=period.index, y=period.year)


def target_text(revision: CriterionRevision, unit: str, decimals: int, lang: str = "da") -> str:
    """The target in words: '12,0 %', '−20 % i forhold til basisåret', '−3 point …'."""
    if revision.target_type is None or revision.target_value is None:
        return t("target.none", lang)
    value = revision.target_value
    if revision.target_type == TargetType.ABSOLUTE:
        return t("target.absolute", lang, value=format_number(value, decimals, lang), unit=unit)
    signed = ("+" if value > 0 else "−" if value < 0 else "") + format_number(
        abs(value), 0 if value.is_integer() else 1, lang
    )
    key = "target.relative" if revision.target_type == TargetType.RELATIVE else "target.points"
    return t(key, lang, value=signed)


def criterion_subject(cat: Catalogue, revision: CriterionRevision, lang: str = "da") -> str:
    """What the criterion follows: the group, or the gap between two groups."""
    if revision.is_gap:
        a = cat.groups[revision.gap_group_a_id]
        b = cat.groups[revision.gap_group_b_id]
        return t("criterion.gap", lang, a=name_of(a, lang), b=name_of(b, lang))
    group = cat.groups.get(revision.group_id) if revision.group_id else None
    return (
        name_of(group, lang) if group else name_of(cat.total_group, lang) if cat.total_group else ""
    )


def criterion_text(info: CriterionInfo, lang: str = "da") -> str:
    revision = info.current
    return name_of(revision, lang, "text")


def organisation_text(cat: Catalogue, on: dt.date, lang: str) -> str:
    """'Klyngerne som de er sammensat pr. 1. jun. 2025 (sådan siden …)': which organisation a
    view of the date `on` uses."""
    since = cat.organisation_since(on)
    if since is None:
        return t("organisation.as_of", lang, date=format_date(on, lang))
    return t(
        "organisation.as_of_since", lang, date=format_date(on, lang), since=format_date(since, lang)
    )
