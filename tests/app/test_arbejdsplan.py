"""The Arbejdsplan and Økonomi pages (AppTest): the plan per goal with its time line and what is
overdue in words, the sums and the initiatives over budget, and the pools, which the
secretariat (demo mode: everyone administers) edits on the page."""

from __future__ import annotations

from goals import store
from goals.plans import pools

PLAN = "pages/arbejdsplan.py"
ECONOMY = "pages/oekonomi.py"


def _text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_the_work_plan_of_a_cluster(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PLAN, cluster="MIDT")
    assert not at.exception, at.exception
    assert [m.label for m in at.metric] == [
        "Indsatser",
        "Overskredet slutdato",
        "Milepæl passeret",
        "Over budget",
    ]
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("KOL-1 · ") for h in headers)
    assert len(at.get("plotly_chart")) >= len(headers)  # a time line per goal
    tables = at.dataframe
    assert tables and "Start – slut" in tables[0].value.columns
    assert "Område" not in tables[0].value.columns  # one cluster: its name is the page's
    everything = run_app(sqlite_demo_url, PLAN, track="PSY", lang="en")
    assert not everything.exception, everything.exception
    assert all(h.value.startswith("PSY") for h in everything.subheader)
    assert "Start – end" in everything.dataframe[0].value.columns


def test_an_unknown_cluster_in_the_link_falls_back_to_all(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PLAN, cluster="ATLANTIS")
    assert not at.exception, at.exception
    assert at.selectbox[0].value == ""  # "Alle klynger"


def test_the_economy_and_the_pools(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, ECONOMY)
    assert not at.exception, at.exception
    labels = [m.label for m in at.metric]
    assert labels == ["Budget", "Forbrug", "Brugt af budget", "Over budget"]
    assert at.metric[0].value.endswith(" kr.")
    assert any(h.value.startswith("Indsatser over budget") for h in at.subheader)
    assert "Beredskabspuljen" in _text(at)
    by_goal = run_app(sqlite_demo_url, ECONOMY, by="goal", lang="en")
    assert not by_goal.exception, by_goal.exception
    assert by_goal.dataframe[0].value.columns[0] == "Goal"
    assert by_goal.metric[0].value.startswith("DKK ")


def test_the_secretariat_enters_a_pool_year(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, ECONOMY)
    form = [t for t in at.text_input if t.label in ("Bevilget (kr.)", "Forbrug (kr.)")]
    form[0].set_value("600.000")
    form[1].set_value("-5")
    at.number_input[0].set_value(2027)
    at.button(key="FormSubmitter:pool-year-Gem").click().run()
    assert not at.exception, at.exception
    assert any("negativt" in e.value for e in at.error)  # one sentence, nothing stored
    engine = store.get_engine(sqlite_demo_url)
    assert 2027 not in [y.year for y in pools(engine=engine)[0].years]
    form = [t for t in at.text_input if t.label in ("Bevilget (kr.)", "Forbrug (kr.)")]
    form[1].set_value("12.500")
    at.button(key="FormSubmitter:pool-year-Gem").click().run()
    assert not at.exception, at.exception
    years = {y.year: (y.granted, y.spent) for y in pools(engine=engine)[0].years}
    assert years[2027] == (600000.0, 12500.0)
    assert any("Puljen er gemt" in s.value for s in at.success)
