"""A cluster's profile as slides, for the first meeting of a new cluster (or any meeting that
introduces one): the title, the members by kind, the key figures with unit, period and source,
and the sections Tilbud, Ressourcer and Udfordringer, each line of the text a bullet (a long
section continues on the next slide)."""

from __future__ import annotations

import datetime as dt

from goals.catalogue.profile import SECTIONS, Profile
from goals.catalogue.words import period_label
from goals.i18n import format_date, name_of, t
from goals.present.deck.model import Deck, Selection, Slide, Table, TableCell
from goals.store.model import AreaKind

#: Characters of section text on one slide before it continues on the next.
TEXT_PER_SLIDE = 900
_KINDS = (AreaKind.MUNICIPALITY, AreaKind.HOSPITAL, AreaKind.GENERAL_PRACTICE)


def _pages(text: str) -> list[list[str]]:
    """A section's lines as bullets, in slide-sized pages."""
    pages: list[list[str]] = [[]]
    used = 0
    for line in (x.strip().lstrip("•-* ").strip() for x in text.splitlines()):
        if not line:
            continue
        if pages[-1] and used + len(line) > TEXT_PER_SLIDE:
            pages.append([])
            used = 0
        pages[-1].append(line)
        used += len(line)
    return pages


def profile_deck(
    profile: Profile, *, sources: dict[str, str] | None = None, today: dt.date | None = None
) -> Deck:
    """The profile's slides (goals.present.pptx.deck_to_pptx writes them)."""
    lang = profile.lang
    today = today or dt.date.today()
    footer = t("profile.deck.footer", lang, date=format_date(today, lang))
    title = t("profile.deck.title", lang, name=profile.name)
    slides = [
        Slide(
            kind="title",
            key="title",
            title=title,
            subtitle=t("profile.deck.subtitle", lang),
            bullets=[t("report.title.made", lang, date=format_date(today, lang))],
            footer=footer,
        )
    ]
    members = []
    for kind in _KINDS:
        names = [name_of(a, lang) for a in profile.members if a.kind == kind]
        if names:
            members.append(f"{t(f'profile.kind.{kind}', lang)}: {', '.join(names)}")
    slides.append(
        Slide(
            kind="profile",
            key="profile-members",
            title=t("profile.members", lang),
            subtitle=profile.name,
            bullets=members or [t("profile.no_members", lang)],
            footer=footer,
        )
    )
    if profile.key_figures:
        rows = tuple(
            (
                TableCell(k.name, bold=True),
                TableCell(k.shown(lang, unit=True)),
                TableCell(period_label(k.period, lang) if k.period else "–"),
                TableCell((sources or {}).get(k.indicator, "–")),
            )
            for k in profile.key_figures
        )
        slides.append(
            Slide(
                kind="profile",
                key="profile-key-figures",
                title=t("profile.key_figures", lang),
                subtitle=profile.name,
                table=Table(
                    columns=tuple(
                        t(f"profile.deck.col.{c}", lang)
                        for c in ("figure", "value", "period", "source")
                    ),
                    rows=rows,
                    widths=(2.0, 1.4, 1.0, 2.4),
                ),
                footer=footer,
            )
        )
    for section in SECTIONS:
        pages = _pages(profile.sections.get(section, ""))
        heading = t(f"profile.section.{section}", lang)
        for n, page in enumerate(pages, start=1):
            slides.append(
                Slide(
                    kind="profile",
                    key=f"profile-{section}-{n}",
                    title=heading if len(pages) == 1 else f"{heading} ({n}/{len(pages)})",
                    subtitle=profile.name,
                    bullets=page or [t("profile.empty_section", lang)],
                    footer=footer,
                )
            )
    return Deck(
        title=title,
        subtitle=profile.name,
        slides=slides,
        lang=lang,
        selection=Selection(cluster=profile.cluster),
        period=None,
        report=None,
        rows=[],
    )
