"""What every page needs: the engine, the catalogue snapshot and the chosen language."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.engine import Engine

from goals import i18n, setup, store
from goals.catalogue import Catalogue


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The store, prepared once per server process (upgrade; demo on a new default database)."""
    return setup.prepare_app_store()


@st.cache_resource(show_spinner=False, ttl=300)
def catalogue() -> Catalogue:
    with store.read_session(engine()) as session:
        return Catalogue.load(session)


@st.cache_data(show_spinner=False, ttl=300)
def shows_demo_data() -> bool:
    return setup.has_demo_values(engine())


def forget_cached_data() -> None:
    """Call after any write so every page reads the new state."""
    catalogue.clear()
    shows_demo_data.clear()
    st.cache_data.clear()


def language() -> str:
    """The language from the URL (?lang=en), Danish by default."""
    return i18n.language(st.query_params.get("lang"))
