"""The Mål page under AppTest: one goal across the clusters, deep links, English, empty store."""

from __future__ import annotations

import json
import re

import pytest

from goals import access, store
from goals.access import Actor
from goals.present.style import STATUS_STYLE
from goals.store.model import Role

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


def chart(at, key: str):
    return next(c for c in charts(at) if c.key == key)


def report_of(url: str, lang: str = "da"):
    from goals.status import assess

    engine = store.open_store(url)
    try:
        return assess(engine=engine, lang=lang)
    finally:
        store.dispose_engines()


#: Characters a browser may draw as colour emoji (or not at all, without an emoji font).
EMOJI_PRONE = re.compile(
    "[\U0001f000-\U0001faff\ufe0f\u2600-\u26ff\u2714\u2716\u2705\u274c\u27a1\u2b06\u2b07\u25b6]"
)


def test_first_goal_across_every_cluster(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    assert not at.exception
    assert at.selectbox(key="url:goal").value == "KOL-1"
    assert at.selectbox(key="url:cluster").value == ""
    assert at.title[0].value == "Færre rygere blandt borgere med kort uddannelse"
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:3] == KOL_1
    assert subheaders[3] == "Social ulighed: uddannelsesgrupperne over tid"
    # per criterion a chart and a comparison; then the inequality chart (the region has no
    # row of the gap criterion, so no "before and after" of the gap)
    assert len(charts(at)) == 3 * 2 + 1
    page = texts(at)
    assert "Samlet vurdering af målet i hver klynge" in page
    assert "Version 2 fra 1. juni 2022: Skærpet af Direktørforum juni 2022." in page
    assert page.count("**Grundlaget for hver vurdering**") == 3
    assert page.count('aria-label="Grundlaget for hver vurdering"') == 3  # the scrolling table
    for cluster in ("Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen"):
        assert f'<div class="goals-strip-name">{cluster}</div>' in page
    # the inputs behind a verdict: base → latest → target, Danish numbers
    assert "20,7 <span class='goals-muted'>(2017)</span>" in page
    assert "<td class=num>−0,6</td>" in page  # the change a year, in the unit above the table
    assert "Målet er en ændring fra basisåret" in page  # relative target, no cluster chosen
    aarhus = next(
        r
        for r in report_of(sqlite_demo_url).rows
        if r.area == "AARHUS" and r.criterion == "KOL-1-A"
    )
    assert f"**Aarhusklyngen:** {aarhus.reason_text}" in page


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
    assert "The rise in obesity is to be reversed" in page  # the description in English
    assert "Stigningen i svær overvægt" not in page
    assert "The share of citizens with obesity (BMI ≥ 30) is at most 16 % in 2025." in page
    # the highlighted cluster: bold in the strip and the table, its reasoning opened
    assert (
        '<div class="goals-strip-item highlight"><div class="goals-strip-name">West cluster' in page
    )
    assert '<tr class="highlight"><td>West cluster</td>' in page
    assert [e.label for e in at.expander].count("Why this status?") == 2
    assert "In West cluster" in page or "West cluster" in page
    # the inequality view follows the highlighted cluster, with its own gap target
    inequality = chart(at, "inequality-OVV-01")
    assert title(inequality) == "<b>Obesity, BMI ≥ 30<br>· West cluster</b>"  # phone-width lines
    assert "Target gap 2025" in json.dumps(figure(inequality), ensure_ascii=False)
    assert "highlight a cluster" not in page.lower()
    # and shows the cluster's gap before and after, with the verdict in its colour
    row = next(
        r for r in report_of(sqlite_demo_url, "en").rows
        if r.area == "VEST" and r.criterion == "DIA-2-B"
    )  # fmt: skip
    gap = figure(chart(at, "gap-change-OVV-01"))
    assert gap["layout"]["yaxis"]["ticktext"] == [
        "<b>Baseline</b><br>2017",
        "<b>Latest</b><br>2023",
    ]
    assert [tr["x"] for tr in gap["data"]] == [
        [pytest.approx(row.base_value)],
        [pytest.approx(row.latest_value)],
    ]
    assert any(
        a.get("bgcolor") == STATUS_STYLE[row.verdict].colour for a in gap["layout"]["annotations"]
    )
    assert row.reason_text in page


def test_english_numbers_use_a_decimal_point(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="KOL-1", lang="en")
    page = texts(at)
    assert "20.7 <span class='goals-muted'>(2017)</span>" in page
    assert "Share" not in at.title[0].value
    # the revision's note in English too
    assert "Version 2 from" in page and "Tightened by the Direktørforum in June 2022." in page
    assert "Skærpet" not in page


def test_choosing_a_goal_and_a_cluster_updates_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE)
    at.selectbox(key="url:goal").set_value("PSY-2").run()
    assert not at.exception
    assert at.query_params["goal"] == "PSY-2"
    assert at.title[0].value == "Mindre social ulighed i mental sundhed"
    at.selectbox(key="url:cluster").set_value("MIDT").run()
    assert at.query_params["cluster"] == "MIDT"
    assert (
        title(chart(at, "inequality-PSY-01")) == "<b>Dårligt mentalt helbred<br>· Midtklyngen</b>"
    )
    assert chart(at, "gap-change-PSY-01")
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


def test_the_verdict_comes_first_and_the_open_sdg_status_stays_in_the_table(
    run_app, sqlite_demo_url
):
    at = run_app(sqlite_demo_url, page=PAGE, goal="PSY-2")
    assert not at.exception
    rows = [r for r in report_of(sqlite_demo_url).rows if r.criterion == "PSY-2-A"]
    assert {r.verdict for r in rows} == {"uncertain"}  # the demo: no change beyond the noise
    assert {r.status for r in rows} - {"uncertain"}  # while Open SDG has a status for each
    page = texts(at)
    strip = next(m.value for m in at.markdown if 'class="goals-strip compact"' in m.value)
    assert strip.count("goals-badge small goals-uncertain") == len(rows)
    table = next(
        m.value
        for m in at.markdown
        if "<th>Vurdering</th>" in m.value and "Aarhusklyngen" in m.value
    )
    assert "<th>Open SDG-status (score)</th>" in table
    assert "<th>Ændring om året</th>" in table and "<th>Nødvendigt om året</th>" in table
    for r in rows:
        line = next(tr for tr in table.split("<tr") if f"<td>{r.area_name}</td>" in tr)
        verdict, open_sdg = line.split("goals-badge small goals-")[1:3]
        assert verdict.startswith("uncertain") and open_sdg.startswith(r.status)
    assert "Samlet vurdering af målet i hver klynge" in page
    report = report_of(sqlite_demo_url)
    from goals.status import support_text

    for cluster in ("AARHUS", "VEST"):
        assert support_text(report.goal_area[("PSY-2", cluster)], "da") in page


def test_the_highlighted_cluster_opens_its_inputs_with_the_reason_first(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=PAGE, goal="PSY-2", cluster="AARHUS")
    row = next(
        r
        for r in report_of(sqlite_demo_url).rows
        if r.area == "AARHUS" and r.criterion == "PSY-2-A"
    )
    why = [e for e in at.expander if e.label == "Hvorfor denne status?"]
    assert why
    inside = "\n".join(m.value for e in why for m in e.markdown)
    assert row.reason_text in inside
    assert "Open SDG-status" in inside and "Sikkerhed" in inside


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_emoji_on_the_goal_page(run_app, sqlite_demo_url, lang):
    at = run_app(sqlite_demo_url, page=PAGE, goal="PSY-2", cluster="AARHUS", lang=lang)
    assert not at.exception
    shown = texts(at) + "\n".join(json.dumps(figure(c), ensure_ascii=False) for c in charts(at))
    assert not EMOJI_PRONE.findall(shown)


def test_every_chart_has_its_figures_as_a_table(run_app, sqlite_demo_url):
    """WCAG 1.1.1: each chart on the goal page has a folded table of the numbers it draws."""
    at = run_app(sqlite_demo_url, page=PAGE, goal="KOL-1")
    assert not at.exception
    charts = at.get("plotly_chart")
    tables = [e for e in at.expander if e.label == "Tallene bag grafen"]
    assert charts and len(tables) == len(charts)
    first = tables[0].dataframe[0].value
    assert list(first.columns) == ["Område", "Periode", "Værdi"]
    assert first["Værdi"].str.match(r"^\d+,\d$").all()  # the reader's decimal comma
