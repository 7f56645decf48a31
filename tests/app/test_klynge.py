"""Klynge: one cluster's goals with computed status beside the steering group's own assessment,
every criterion with its bullet chart, sparkline and reasoning, and the initiatives — on the
demo store, a store without values, deep links and English."""

from tests.app.test_overblik import links, texts

CLUSTER = "pages/klynge.py"


def test_first_cluster_by_default_with_every_goal_and_criterion(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER)
    assert not at.exception
    assert at.selectbox(key="url:cluster").value == "AARHUS"
    assert at.title[0].value == "Aarhusklyngen"
    page = texts(at)
    assert "succeskriterier er på rette spor i klyngen" in page
    assert [h.value for h in at.header] == [
        "KOL/rygning",
        "Diabetes/overvægt",
        "Angst/psykisk sårbarhed",
    ]
    assert page.count('<div class="cl-goal-title">') == 6
    # 11 criteria, each with a bullet chart and a sparkline, and the reasoning behind it
    assert len(at.get("plotly_chart")) == 22
    assert len([e for e in at.expander if e.label == "Hvorfor denne status?"]) == 11
    assert "Beregnet status" in page and "Styregruppens vurdering 2024" in page


def test_deep_link_restores_cluster_track_and_language(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="DIA", lang="en")
    assert not at.exception
    assert at.selectbox(key="url:cluster").value == "VEST"
    assert at.selectbox(key="url:track").value == "DIA"
    assert at.title[0].value == "West cluster"
    assert [h.value for h in at.header] == ["Diabetes/obesity"]
    page = texts(at)
    assert "Early detection of type 2 diabetes" in page
    assert "Fewer smokers" not in page  # another track
    assert "Computed status" in page and "Why this status?" in [e.label for e in at.expander]


def test_a_mismatch_with_the_steering_groups_own_assessment_is_flagged(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    warnings = [w.value for w in at.warning]
    assert any(
        "Styregruppen vurderer **Rød**, men beregningen siger **På rette spor**" in w
        for w in warnings
    )
    page = texts(at)
    assert "● Rød</span>" in page  # the light in colour, symbol and word


def test_initiatives_with_their_status(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    assert not at.exception
    frames = [df.value for df in at.dataframe]
    assert frames, "no initiatives table"
    first = frames[0]
    assert list(first.columns) == ["Indsats", "Status", "Næste milepæl", "Dato", "Ansvarlig"]
    assert "⚠ Forsinket" in set(first["Status"])
    assert first["Status"].iloc[0] == "⚠ Forsinket"  # what needs attention first


def test_goal_links_keep_the_selection(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="MIDT", track="PSY", as_of="2023")
    assert (
        "Målet i alle klynger",
        "maal",
        {"goal": "PSY-1", "cluster": "MIDT", "as_of": "2023"},
    ) in links(at)
    assert "Styregruppens vurdering 2022" in texts(at)  # the 2024 assessment came later


def test_choosing_a_cluster_writes_it_into_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER)
    at.selectbox(key="url:cluster").select("RANDERS").run()
    assert not at.exception
    assert at.query_params["cluster"] == "RANDERS"
    assert at.title[0].value == "Randersklyngen"
    at.selectbox(key="url:track").select("PSY").run()
    assert at.query_params["track"] == "PSY"
    assert [h.value for h in at.header] == ["Angst/psykisk sårbarhed"]
    at.selectbox(key="url:track").select("").run()
    assert "track" not in at.query_params


def test_unknown_selections_in_the_url_fall_back(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="NOWHERE", track="X", as_of="soon")
    assert not at.exception
    assert at.title[0].value == "Aarhusklyngen"
    assert len(at.header) == 3


def test_a_store_without_values_says_so_for_each_criterion(run_app, catalogue_url):
    at = run_app(catalogue_url, page=CLUSTER, cluster="HORSENS")
    assert not at.exception
    page = texts(at)
    assert "Der er endnu ingen tal for Horsensklyngen" in page
    assert page.count("Horsensklyngen har endnu ingen tal for dette succeskriterium.") == 11
    assert not at.get("plotly_chart")
    assert ("Indlæs det første statusark", "indlaes", {}) in links(at)
    assert "Styregruppen har ikke givet en vurdering endnu." in page
    assert "Ingen indsatser indberettet for målet i klyngen." in page
