"""Server start (goals.ui.frame.startup): the warm-up fills the caches the front page reads, and a
store that cannot be used is only logged there — the page reports it. Serving app.py's st.App
with `streamlit run app.py` is what every browser test does."""

import logging

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from goals import store
from goals.status import refresh
from goals.ui.frame import startup
from tests.conftest import ROOT


@pytest.fixture
def fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()
    store.dispose_engines()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()
    store.dispose_engines()


def test_front_page_uses_what_the_warm_up_computed(monkeypatch, sqlite_demo_url, fresh_caches):
    monkeypatch.setenv("GOALS_DATABASE_URL", sqlite_demo_url)
    startup.warm_up()

    def assessed_again(*_: object, **__: object) -> None:
        raise AssertionError("the front page assessed the criteria again")

    monkeypatch.setattr(refresh, "assess", assessed_again)
    monkeypatch.setattr(refresh, "reassess", assessed_again)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert any("Aarhusklyngen" in m.value for m in at.markdown)


def test_a_failing_warm_up_is_logged_and_the_page_says_why(
    monkeypatch, tmp_path, caplog, fresh_caches
):
    def unusable(*_: object, **__: object) -> None:
        raise store.StoreError("The database is not reachable.")

    monkeypatch.setenv("GOALS_DATABASE_URL", f"sqlite:///{tmp_path / 'goals.db'}")
    monkeypatch.setattr("goals.setup.prepare_app_store", unusable)
    with caplog.at_level(logging.WARNING, logger="goals.ui.frame.startup"):
        startup._warm_up_logged()  # must not raise: the server starts regardless
    assert "not reachable" in caplog.text
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert any("not reachable" in e.value for e in at.error)
