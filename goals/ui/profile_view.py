"""The Klyngeprofil page: a cluster's members, the key figures the secretariat chose, and the
text sections Tilbud, Ressourcer and Udfordringer (plain text, with their earlier versions).
The secretariat edits the sections and chooses the key figures on the page itself.

Reads and writes go through `goals.catalogue.profile`, which checks the admin right and records
the audit event. Text people wrote is shown escaped, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from goals.catalogue.profile import (
    SECTIONS,
    Profile,
    ProfileError,
    cluster_profile,
    edit_section,
    set_key_figures,
)
from goals.catalogue.words import period_label
from goals.i18n import format_datetime, name_of, t
from goals.present.deck import profile_deck
from goals.present.pptx import deck_to_pptx
from goals.store.model import AreaKind
from goals.ui import overview_view
from goals.ui.admin.common import write_through
from goals.ui.frame import context, urlstate
from goals.ui.frame.layout import PageContext
from goals.ui.markup import esc

FLASH = "profile-flash"
KINDS = (AreaKind.MUNICIPALITY, AreaKind.HOSPITAL, AreaKind.GENERAL_PRACTICE)


def _write(page: PageContext, action: Callable[[], Any], done: str) -> None:
    write_through(page, action, done, (ProfileError,), FLASH)


def _is_admin(page: PageContext) -> bool:
    return page.actor is not None and page.actor.may_administer()


def show(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(esc(flash))
    cluster = urlstate.select(
        "cluster", {c.code: name_of(c, lang) for c in cat.clusters}, label=t("profile.pick", lang)
    )
    if cluster is None:
        return
    profile = cluster_profile(engine=page.engine, cluster=cluster, lang=lang, catalogue=cat)
    st.subheader(profile.name, anchor=False)
    st.download_button(
        t("profile.deck.download", lang),
        data=lambda: slides(profile.cluster, lang),
        file_name=f"klyngeprofil-{profile.cluster.lower()}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        icon=":material/co_present:",
        on_click="ignore",
    )
    members(profile, lang)
    key_figures(page, profile)
    for section in SECTIONS:
        section_view(page, profile, section)


@context.versioned_cache(max_entries=10)
def _slides(version: tuple, cluster: str, lang: str) -> bytes:
    cat = context.catalogue()
    profile = cluster_profile(engine=context.engine(), cluster=cluster, lang=lang, catalogue=cat)
    return deck_to_pptx(profile_deck(profile, sources=cat.indicator_sources(lang)))


def slides(cluster: str, lang: str) -> bytes:
    """The profile as slides (for the first meeting of a new cluster), made when downloaded."""
    return _slides(context.data_version(), cluster, lang)


def members(profile: Profile, lang: str) -> None:
    st.markdown(f"#### {esc(t('profile.members', lang))}")
    columns = st.columns(len(KINDS))
    for column, kind in zip(columns, KINDS, strict=True):
        names = [name_of(a, lang) for a in profile.members if a.kind == kind]
        if not names:
            continue
        items = "".join(f"<li>{esc(n)}</li>" for n in names)
        column.markdown(
            f"<div><strong>{esc(t(f'profile.kind.{kind}', lang))}</strong>"
            f"<ul style='margin:.3rem 0 0 1rem;padding:0'>{items}</ul></div>",
            unsafe_allow_html=True,
        )


def key_figures(page: PageContext, profile: Profile) -> None:
    lang = page.lang
    st.markdown(f"#### {esc(t('profile.key_figures', lang))}")
    if not profile.key_figures:
        overview_view.note(t("profile.no_key_figures", lang))
    else:
        columns = st.columns(min(len(profile.key_figures), 4))
        for i, figure in enumerate(profile.key_figures):
            value = figure.shown(lang)
            with columns[i % len(columns)]:
                when = period_label(figure.period, lang) if figure.period else "–"
                st.metric(figure.name, value)
                overview_view.note(f"{figure.unit} · {when}")
    if _is_admin(page):
        cat = page.catalogue
        chosen = [k.indicator for k in profile.key_figures]
        with st.expander(t("profile.key_figures.choose", lang), icon=":material/tune:"):
            with st.form("profile-key-figures"):
                codes = st.multiselect(
                    t("profile.key_figures.choose", lang),
                    [i.code for i in cat.indicators.values()],
                    placeholder=t("ui.choose_many", lang),
                    default=chosen,
                    format_func=lambda c: f"{c} · {name_of(cat.indicator(c), lang)}",
                    label_visibility="collapsed",
                )
                submitted = st.form_submit_button(t("profile.save", lang), type="primary")
            if submitted:
                _write(
                    page,
                    lambda: set_key_figures(
                        engine=page.engine, actor=page.actor, indicators=codes, lang=lang
                    ),
                    t("profile.key_figures.saved", lang),
                )


def section_view(page: PageContext, profile: Profile, section: str) -> None:
    lang = page.lang
    st.markdown(f"#### {esc(t(f'profile.section.{section}', lang))}")
    text = profile.sections.get(section, "")
    if text:
        # plain text as written: escaped, line breaks kept
        st.markdown(f"<div style='white-space:pre-wrap'>{esc(text)}</div>", unsafe_allow_html=True)
    else:
        overview_view.note(t("profile.empty_section", lang))
    earlier = profile.history.get(section, [])[1:]
    if earlier:
        with st.expander(t("profile.history", lang, n=len(earlier))):
            for at, by, old in earlier:
                overview_view.note(f"{format_datetime(at, lang)} · {by}")
                st.markdown(
                    f"<div style='white-space:pre-wrap'>{esc(old)}</div>", unsafe_allow_html=True
                )
    if _is_admin(page):
        with st.expander(t("profile.edit", lang), icon=":material/edit:"):
            with st.form(f"profile-{section}"):
                new = st.text_area(t(f"profile.section.{section}", lang), text, height=200)
                submitted = st.form_submit_button(t("profile.save", lang), type="primary")
            if submitted:
                _write(
                    page,
                    lambda: edit_section(
                        engine=page.engine,
                        actor=page.actor,
                        cluster=profile.cluster,
                        section=section,
                        text=new,
                        lang=lang,
                    ),
                    t("profile.saved", lang),
                )
