"""Overblik, the front page: the clusters × tracks grid, headline, freshness and "as of", and
below it the goals and criteria per track and the clusters — in Danish and English, on the
demo store, a store without values, an empty and an unusable database."""

from urllib.parse import parse_qs

OVERVIEW = "pages/overblik.py"
CLUSTERS = ["Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen"]


def texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [t.value for t in at.title]
        + [s.value for s in at.subheader]
        + [i.value for i in at.info]
        + [e.value for e in at.error]
        + [w.value for w in at.warning]
    )


def links(at) -> list[tuple[str, str, dict[str, str]]]:
    """(label, page url path, query parameters) of every page link."""
    return [
        (
            link.value,
            link.proto.page,
            {k: v[0] for k, v in parse_qs(link.proto.query_string).items()},
        )
        for link in at.get("page_link")
    ]


def test_front_page_shows_five_clusters_and_three_tracks(run_app, catalogue_url):
    at = run_app(catalogue_url)
    assert not at.exception
    page = texts(at)
    for cluster in CLUSTERS:
        assert f'<div class="cluster-card-title">{cluster}</div>' in page
    assert "Viborg Kommune" in page and "Hospitalsenhed Midt" in page
    assert [tab.label for tab in at.tabs] == [
        "KOL/rygning",
        "Diabetes/overvægt",
        "Angst/psykisk sårbarhed",
    ]
    assert "Færre rygere blandt borgere med kort uddannelse" in page
    assert "Forskellen i dagligrygning mellem borgere med grundskole" in page
    assert "5 klynger · 3 spor · 6 fælles mål · 11 succeskriterier" in page
    assert "Eksempeldata" not in page  # no demo values in this store


def test_a_store_without_values_invites_the_first_upload(run_app, catalogue_url):
    at = run_app(catalogue_url)
    assert not at.exception
    assert "Der er endnu ingen tal i Målbillede" in at.info[0].value
    assert ("Indlæs det første statusark", "indlaes", {}) in links(at)
    assert "python -m goals import" in texts(at)
    assert "på rette spor" not in texts(at)  # no grid, no headline without values


def test_front_page_in_english(run_app, catalogue_url):
    at = run_app(catalogue_url, lang="en")
    assert not at.exception
    page = texts(at)
    assert [tab.label for tab in at.tabs] == [
        "COPD/smoking",
        "Diabetes/obesity",
        "Anxiety/mental vulnerability",
    ]
    assert "Fewer smokers among citizens with short education" in page
    assert "5 clusters · 3 tracks · 6 shared goals · 11 success criteria" in page
    assert "There are no figures in Målbillede yet" in page
    assert ("Upload the first status workbook", "indlaes", {"lang": "en"}) in links(at)


def test_empty_database_explains_what_to_do(run_app, tmp_path):
    from goals import store

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    store.open_store(url)
    at = run_app(url)
    assert not at.exception
    assert "python -m goals init" in texts(at)


def test_unusable_database_shows_one_sentence(run_app):
    at = run_app("postgresql://nobody:secret@127.0.0.1:1/goals")
    assert not at.exception
    assert at.error and "Cannot reach the database" in at.error[0].value
    assert "secret" not in at.error[0].value


def test_demo_store_is_marked_as_example_data(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    assert not at.exception
    assert any("Eksempeldata" in w.value for w in at.warning)
    at = run_app(sqlite_demo_url, lang="en")
    assert any("Example data" in w.value for w in at.warning)


def test_overview_grid_headline_and_freshness_on_the_demo(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    assert not at.exception
    page = texts(at)
    # 11 criteria × 5 clusters; achieved and on track counted together
    assert '<div class="ov-headline">20 af 55 succeskriterier er på rette spor</div>' in page
    assert "Seneste data (nyeste periode: 4. kvt. 2024)" in page
    for cluster in CLUSTERS:
        assert f'<div class="ov-row">{cluster}</div>' in page
    for track in ("KOL/rygning", "Diabetes/overvægt", "Angst/psykisk sårbarhed", "Alle spor"):
        assert f'<div class="ov-head">{track}</div>' in page
    # every cell shows status as colour, icon and words, and the criteria behind it
    assert "▲ På rette spor</span>" in page and "af 4 på rette spor" in page
    assert page.count('<div class="ov-cell-badge">') == 5 * 4 + 4  # clusters, totals, region
    # freshness: the latest upload of each steering group, and how far its figures reach
    assert "Senest indlæst" in page
    assert "demo_statusark_voksne_2024.xlsx" in page and "demo_statusark_buf_2024.xlsx" in page
    assert "tal til og med 4. kvt. 2024" in page
    # each criterion says how many clusters are at each status
    assert "I klyngerne:" in page


def test_every_cell_leads_to_the_cluster_on_that_track(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    cells = [(page, q) for label, page, q in links(at) if label == "Se målene"]
    assert len(cells) == 15
    assert ("klynge", {"cluster": "VEST", "track": "DIA"}) in cells
    totals = [q for label, page, q in links(at) if label == "Se klyngen" and page == "klynge"]
    assert {"cluster": "AARHUS"} in totals


def test_as_of_deep_link_restores_the_view_and_travels_with_the_links(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, as_of="2022", lang="en")
    assert not at.exception
    assert at.selectbox(key="url:as_of").value == "2022"
    page = texts(at)
    assert "Data as of 2022" in page
    assert "success criteria are on track" in page
    assert (
        "See the goals",
        "klynge",
        {"cluster": "VEST", "track": "DIA", "as_of": "2022", "lang": "en"},
    ) in links(at)
    # the options are the years with values, newest first
    options = at.selectbox(key="url:as_of").options
    assert options[:3] == ["Latest data", "End of 2024", "End of 2023"]


def test_choosing_a_period_writes_it_into_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    at.selectbox(key="url:as_of").select("2023").run()
    assert not at.exception
    assert at.query_params["as_of"] == "2023"
    assert "Data pr. 2023" in texts(at)


def test_an_unknown_period_in_the_url_falls_back_to_the_latest_data(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, as_of="last-tuesday")
    assert not at.exception
    assert at.selectbox(key="url:as_of").value == ""
    assert "Seneste data" in texts(at)


def test_the_grid_as_a_figure_for_presentations(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    assert not at.get("plotly_chart")  # built only when asked for
    at.toggle(key="overview-figure").set_value(True).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1


def test_a_quarter_in_a_copied_link_is_kept(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, as_of="2024K2")
    assert not at.exception
    assert at.selectbox(key="url:as_of").value == "2024K2"
    assert "Data pr. 2. kvt. 2024" in texts(at)
