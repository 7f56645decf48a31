"""Page frame: configuration, language, who is logged in, access checks, demo banners.

Every page starts with ``page = layout.start_page(need=...)`` and stops when it returns None:
the page checks access itself, so opening its URL directly (a fresh server runs any file in
pages/ by URL) never shows what the visitor may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import streamlit as st

from goals import access, i18n, store
from goals.access import Actor
from goals.catalogue import Catalogue, CatalogueError
from goals.setup import DemoError
from goals.ui.frame import auth, context, dom, navigation

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlalchemy.engine import Engine


#: The browser tab's icon, a target in the product's navy: an emoji favicon is text that shows as
#: an empty box without an emoji font, and a material one is fetched from the internet; this
#: file goes into the page itself (a data URL).
PAGE_ICON = str(Path(__file__).with_name("icon.svg"))


Need = Literal["view", "upload", "admin"]


@dataclass(frozen=True)
class PageContext:
    lang: str
    catalogue: Catalogue
    actor: Actor | None
    engine: Engine


def configure_page() -> None:
    """Called by app.py (and by a page run directly by URL) before anything is drawn."""
    # Streamlit allows repeated calls; the last one in a run wins.
    st.set_page_config(page_title="Målbillede", page_icon=PAGE_ICON, layout="wide")


def language_picker(key: str = "language") -> str:
    """Sidebar language choice, kept in the URL so a copied link opens in the same language."""
    current = context.language()
    choice = st.sidebar.selectbox(
        i18n.t("sidebar.language", current),
        i18n.LANGUAGES,
        index=i18n.LANGUAGES.index(current),
        format_func=lambda code: i18n.LANGUAGE_NAMES[code],
        key=key,
    )
    if choice != current:
        st.session_state[context.LANGUAGE_KEY] = choice
        if choice == i18n.DEFAULT_LANGUAGE:
            del st.query_params["lang"]
        else:
            st.query_params["lang"] = choice
        st.rerun()
    return choice


def _allowed(actor: Actor | None, need: Need) -> bool:
    if need == "admin":
        return actor is not None and actor.may_administer()
    if need == "upload":
        return actor is not None and actor.may_upload()
    return actor is not None or not access.login_required_to_view()


def start_page(need: Need = "view", *, meeting_banner: bool = True) -> PageContext | None:
    """Everything a page does first. Returns the context, or None when the page must stop:
    the store cannot be used, or the visitor may not see this page (a clear message and, where
    it helps, a login form have then been shown)."""
    configure_page()
    navigation.sidebar(context.language())
    lang = language_picker()
    dom.fix_streamlit_texts(lang)
    try:
        engine = context.engine()
        cat = context.catalogue()
        demo_data = context.shows_demo_data()
        actor = auth.current_actor(lang)
    except (store.StoreError, CatalogueError, DemoError) as exc:
        st.error(i18n.t("store.error", lang, message=str(exc)))
        return None
    auth.sidebar_status(actor, lang)
    if not _allowed(actor, need):
        if actor is None:
            st.warning(i18n.t("auth.need_login", lang))
            auth.login_form(lang, key="page-login")
        elif need == "upload":
            st.error(
                i18n.t(
                    "auth.need_upload",
                    lang,
                    name=actor.name,
                    role=i18n.t(f"role.{actor.role}", lang),
                )
            )
        else:
            st.error(i18n.t("auth.need_admin", lang))
        return None
    if not cat.areas:
        st.info(i18n.t("store.empty", lang))
        return None
    if demo_data:
        with st.container(key="demo-banner"):  # present mode says it in the slide's footer
            st.warning(i18n.t("demo.banner", lang), icon=":material/info:")
    # ?meeting=N: the page shows the status frozen at that meeting (the Møder page, which uses
    # the parameter to pick any meeting, says so itself)
    shown = context.meeting() if meeting_banner else None
    if shown is not None:
        when = i18n.format_datetime(shown.frozen_at, lang) if shown.frozen_at else ""
        st.info(
            i18n.t(
                "meetings.banner",
                lang,
                title=shown.title,
                date=i18n.format_date(shown.held_on, lang),
                frozen=when,
            ),
            icon=":material/ac_unit:",
        )
    if actor is not None and actor.demo and need != "view":
        st.info(i18n.t("auth.demo_mode", lang))
    return PageContext(lang=lang, catalogue=cat, actor=actor, engine=engine)
