"""The Mål page under AppTest: one goal across the clusters, deep links, English, empty store."""

from __future__ import annotations

import json

from goals import access, store
from goals.access import Actor
from goals.model import Role

PAGE = "pages/maal.py"
KOL_1 = [
    "Andelen af daglige rygere blandt borgere med grundskole som højeste uddannelse falder med "
    "20 % fra 2017 til 2025.",
    "Forskellen i dagligrygning mellem borgere med grundskole og borgere med lang videregående "
    "uddannelse mindskes med 20 % fra 2017 til 2025.",
    "Højst 12 % af borgerne på 16 år og derover ryger dagligt i 2025.",
]


def texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [t.value for t in at.title]
        + [s.value for s in at.subheader]
        + [i.value for i in at.info]
        + [w.value for w in at.warning]
        + [e.label for e in at.expander]
    )


def charts(at) -> list:
    return at.get("plotly_chart")


def figure(chart) -> dict:
    return json.loads(chart.proto.spec)


def title(chart) -> str:
    return figure(chart)["layout"]["title"]["text"]


def test_first_goal_across_every_cluster(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    assert not at.exception
    assert at.selectbox(key="url:goal").value == "KOL-1"
    assert at.selectbox(key="url:cluster").value == ""
    assert at.title[0].value == "Færre rygere blandt borgere med kort uddannelse"
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:3] == KOL_1
    assert subheaders[3] == "Social ulighed: uddannelsesgrupperne over tid"
    # per criterion a chart and a comparison; then the inequality chart
    assert len(charts(at)) == 3 * 2 + 1
    page = texts(at)
    assert "Samlet status for målet i hver klynge" in page
    assert "Version 2 fra 1. juni 2022: Skærpet af Direktørforum juni 2022." in page
    assert page.count("Grundlaget for hver status") == 3
    for cluster in ("Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen"):
        assert f'<div class="goals-strip-name">{cluster}</div>' in page
    # the inputs behind a status: base → latest → target, Danish numbers
    assert "20,7 <span class='goals-muted'>(2017)</span>" in page
    assert "−2,8 % om året" in page
    assert "Målet er en ændring fra basisåret" in page  # relative target, no cluster chosen
    assert "I Aarhusklyngen er værdien gået fra 20,7 % (2017) til 16,9 % (2023)" in page


def test_links_to_the_indicator_keep_the_language(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, lang="en")
    links = [link.proto for link in at.main.get("page_link") if link.proto.page == "indikatorer"]
    assert [link.label for link in links] == ["See the indicator →"] * 3
    queries = [link.query_string for link in links]
    assert queries[0] == "indicator=RYG-01&groups=Uddannelse%3A+Grundskole&lang=en"
    assert "groups=Uddannelse%3A+Grundskole%2CUddannelse%3A+Lang" in queries[1]  # the gap's two
    assert queries[2] == "indicator=RYG-01&groups=I+alt&lang=en"


def test_deep_link_restores_goal_cluster_and_language(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="DIA-2", cluster="VEST", lang="en")
    assert not at.exception
    assert at.selectbox(key="url:goal").value == "DIA-2"
    assert at.selectbox(key="url:cluster").value == "VEST"
    assert at.title[0].value == "Fewer citizens with obesity"
    page = texts(at)
    assert "The share of citizens with obesity (BMI ≥ 30) is at most 16 % in 2025." in page
    # the highlighted cluster: bold in the strip and the table, its reasoning opened
    assert (
        '<div class="goals-strip-item highlight"><div class="goals-strip-name">West cluster' in page
    )
    assert '<tr class="highlight"><td>West cluster</td>' in page
    assert [e.label for e in at.expander].count("Why this status?") == 2
    assert "In West cluster" in page or "West cluster" in page
    # the inequality view follows the highlighted cluster, with its own gap target
    inequality = charts(at)[-1]
    assert title(inequality) == "<b>Obesity, BMI ≥ 30 · West cluster</b>"
    assert "Target gap 2025" in json.dumps(figure(inequality), ensure_ascii=False)
    assert "highlight a cluster" not in page.lower()


def test_english_numbers_use_a_decimal_point(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="KOL-1", lang="en")
    page = texts(at)
    assert "20.7 <span class='goals-muted'>(2017)</span>" in page
    assert "Share" not in at.title[0].value


def test_choosing_a_goal_and_a_cluster_updates_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    at.selectbox(key="url:goal").set_value("PSY-2").run()
    assert not at.exception
    assert at.query_params["goal"] == "PSY-2"
    assert at.title[0].value == "Mindre social ulighed i mental sundhed"
    at.selectbox(key="url:cluster").set_value("MIDT").run()
    assert at.query_params["cluster"] == "MIDT"
    assert title(charts(at)[-1]) == "<b>Dårligt mentalt helbred · Midtklyngen</b>"
    at.selectbox(key="url:cluster").set_value("").run()
    assert "cluster" not in at.query_params


def test_a_track_in_the_url_opens_its_first_goal(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, track="DIA")
    assert at.selectbox(key="url:goal").value == "DIA-1"


def test_unknown_codes_in_the_url_fall_back(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="NOPE", cluster="<b>x</b>", as_of="garbage")
    assert not at.exception
    assert at.selectbox(key="url:goal").value == "KOL-1"
    assert at.selectbox(key="url:cluster").value == ""
    assert "<b>x</b>" not in texts(at)


def test_as_of_judges_the_status_as_it_stood_then(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="KOL-1", as_of="2021")
    assert not at.exception
    page = texts(at)
    assert "Status som den så ud ved 2021." in page
    assert "(2023)" not in page


def test_quarterly_goal_and_gap_free_criteria(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="KOL-2", cluster="AARHUS")
    assert not at.exception
    assert len(charts(at)) == 2  # no education groups: no inequality view
    assert "4. kvt. 2019" in texts(at)


def test_empty_store_invites_the_first_upload(run_app, catalogue_url):
    at = run_app(catalogue_url, page=PAGE, goal="KOL-1")
    assert not at.exception
    page = texts(at)
    assert "Der er endnu ingen tal i Målbillede" in page
    assert "Ingen klynge har endnu tal for Daglige rygere, 16+ år" in page
    assert not charts(at)
    assert [s.value for s in at.subheader] == KOL_1  # the criteria are still readable


def test_a_cluster_without_data_for_a_criterion_is_named(run_app, sqlite_demo_url):
    import sqlalchemy as sa

    engine = store.open_store(sqlite_demo_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "DELETE FROM observation WHERE area_id = (SELECT id FROM area WHERE code='VEST') "
                "AND indicator_id = (SELECT id FROM indicator WHERE code='OVV-01')"
            )
        )
    store.dispose_engines()
    at = run_app(sqlite_demo_url, page=PAGE, goal="DIA-2")
    assert not at.exception
    assert any("Ingen tal for dette succeskriterium: Vestklyngen." in w.value for w in at.warning)


def test_the_page_checks_access_itself(run_app, sqlite_demo_url, monkeypatch):
    engine = store.open_store(sqlite_demo_url)
    with store.write_session(engine) as session:
        access.add_user(
            session=session,
            actor=Actor("cli", Role.ADMIN),
            name="admin",
            role="admin",
            password="a long password 1",
        )
    store.dispose_engines()
    monkeypatch.setenv("GOALS_LOGIN_TO_VIEW", "true")
    at = run_app(sqlite_demo_url, page=PAGE)
    assert not at.exception
    assert not at.title
    assert not charts(at)
    assert at.text_input  # the login form
