"""Page frame: configuration, language choice in the sidebar, the demo banner, store errors."""

from __future__ import annotations

import streamlit as st

from goals import i18n, store
from goals.catalogue import Catalogue, CatalogueError
from goals.setup import DemoError
from goals.ui import context

PAGE_ICON = "🎯"  # an emoji: a material icon would load a font from the internet


def configure_page() -> None:
    """Called once by app.py (and by a page run directly by URL) before anything is drawn."""
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
        if choice == i18n.DEFAULT_LANGUAGE:
            del st.query_params["lang"]
        else:
            st.query_params["lang"] = choice
        st.rerun()
    return choice


def start_page() -> tuple[str, Catalogue] | None:
    """Everything a page does first. Returns (language, catalogue), or None when the store
    cannot be used — then a clear message has been shown and the page should stop."""
    configure_page()
    lang = language_picker()
    try:
        context.engine()
        cat = context.catalogue()
        demo = context.shows_demo_data()
    except (store.StoreError, CatalogueError, DemoError) as exc:
        st.error(i18n.t("store.error", lang, message=str(exc)))
        return None
    if not cat.areas:
        st.info(i18n.t("store.empty", lang))
        return None
    if demo:
        st.warning(i18n.t("demo.banner", lang), icon="ℹ️")
    return lang, cat
