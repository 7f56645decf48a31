"""What every page needs: the engine, the catalogue, the status report and the language.

Cached per server process and keyed on the store's *data version* (newest upload, newest audit
event, newest criterion revision), so a write made through another app instance on the same
PostgreSQL database shows up at the next rerun without any cross-instance messaging.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from goals import i18n, setup
from goals.catalogue import Catalogue
from goals.status import StatusReport, assess

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlalchemy.engine import Engine


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The store, prepared once per server process (upgrade; demo on a new default database)."""
    return setup.prepare_app_store()


def data_version() -> tuple:
    """A cheap fingerprint of everything the pages show; changes with every write."""
    return setup.data_version(engine())


@st.cache_resource(show_spinner=False, max_entries=4)
def _catalogue(version: tuple) -> Catalogue:
    return Catalogue.read(engine())


def catalogue() -> Catalogue:
    return _catalogue(data_version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _shows_demo_data(version: tuple) -> bool:
    return setup.has_demo_values(engine())


def shows_demo_data() -> bool:
    return _shows_demo_data(data_version())


@st.cache_resource(show_spinner=False, max_entries=16)
def _status_report(version: tuple, as_of: str | None, lang: str) -> StatusReport:
    return assess(engine=engine(), catalogue=_catalogue(version), as_of=as_of, lang=lang)


def status_report(as_of: str | None = None, lang: str = "da") -> StatusReport:
    """Every criterion × area assessed (see goals.status), cached until the data change."""
    return _status_report(data_version(), as_of, i18n.language(lang))


def forget_cached_data() -> None:
    """Call after a write in this process so the next run reads the new state at once."""
    _catalogue.clear()
    _shows_demo_data.clear()
    _status_report.clear()
    st.cache_data.clear()


def language() -> str:
    """The language from the URL (?lang=en), Danish by default."""
    return i18n.language(st.query_params.get("lang"))
