"""AppTest helpers: run app.py against a chosen database with fresh Streamlit caches."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from goals import store
from goals.setup import initialise
from tests.conftest import ROOT


@pytest.fixture
def run_app(monkeypatch):
    """run_app(url, page=None, **query) → a finished AppTest of app.py (or one page)."""

    def run(url: str, page: str | None = None, **query: str) -> AppTest:
        monkeypatch.setenv("GOALS_DATABASE_URL", url)
        st.cache_resource.clear()
        st.cache_data.clear()
        store.dispose_engines()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        return at.run()

    yield run
    st.cache_resource.clear()
    st.cache_data.clear()
    store.dispose_engines()


@pytest.fixture
def catalogue_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    initialise(url)
    store.dispose_engines()
    return url
