"""Overblik, the front page: the key messages, the headline, the clusters × (social inequality,
tracks) grid, freshness and "as of", and below it the goals and criteria per track and the
clusters — in Danish and English, on the demo store, a store without values, an empty and an
unusable database. tests/app/test_overview_rollup.py checks every cell against the rows."""

import re
from urllib.parse import parse_qs

from goals import store
from goals.status import assess, support_text

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


#: Emoji and emoji-style symbols: meeting-room PCs often have no emoji font. The page's own
#: icons are Streamlit Material icons (":material/…:"), its status symbols inline SVG.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\ufe0f]")


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
    # the catalogue's criteria say their unit in English
    page = texts(at)
    assert "Emergency admissions among citizens with COPD (per 1,000 citizens with COPD)" in page
    assert "pr. 1.000 borgere" not in page


def test_overview_messages_headline_grid_and_freshness_on_the_demo(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    assert not at.exception
    page = texts(at)
    assert "Seneste data (nyeste periode: 4. kvt. 2024)" in page
    # the key messages lead, each with its verdict's badge (their content: test_overview_rollup)
    assert '<div class="ov-section">Det vigtigste</div>' in page
    assert page.count('<div class="ov-message"') == 3
    assert "Angst/psykisk sårbarhed: forværring i 5 af 5 klynger</div>" in page
    # the headline: the region's combined verdict and the count behind it, in its unit
    report = assess(engine=store.open_store(sqlite_demo_url))
    assert report.region.status == "uncertain"
    assert support_text(report.region, "da") == "40 af 55 succeskriterier er ikke i forværring"
    assert re.search(
        r'<div class="ov-headline" data-cell="headline" data-status="uncertain">'
        r'<span class="goals-badge goals-uncertain".*</svg> Ingen sikker ændring</span>'
        r"40 af 55 succeskriterier er ikke i forværring</div>",
        page,
    )
    for cluster in CLUSTERS:
        assert f'<div class="ov-row">{cluster}</div>' in page
    assert '<div class="ov-row">Alle klynger</div>' in page
    heads = [
        "Social ulighed",
        "KOL/rygning",
        "Diabetes/overvægt",
        "Angst/psykisk sårbarhed",
        "Alle spor",
    ]
    found = re.findall(r'<div class="ov-head">([^<]+)', page)
    assert found == ["Klynge", *heads]  # social inequality first
    assert "ulighedsmål i alle spor" in page
    # (5 clusters + the region) × (inequality, 3 tracks, all tracks), each a badge and a count
    assert page.count('<div class="ov-cell-badge">') == 6 * 5
    assert page.count('<div class="ov-counts">') == 6 * 5
    assert "3 af 4 succeskriterier er på rette spor eller har nået målet</div>" in page
    assert "2 af 3 succeskriterier er i forværring</div>" in page
    # the key lists every verdict, best first, and states the one roll-up rule under it
    key = page[page.index('<div class="ov-legend">') :]
    order = [key.index(f"goals-badge small goals-{v}") for v in VERDICT_ORDER]
    assert order == sorted(order)
    assert "Samlet status er den bedste status, som mere end halvdelen" in key
    # freshness: the latest upload of each steering group, and how far its figures reach
    assert "Senest indlæst" in page
    assert "demo_statusark_voksne_2024.xlsx" in page and "demo_statusark_buf_2024.xlsx" in page
    assert "tal til og med 4. kvt. 2024" in page
    # each criterion says how many clusters have each verdict
    assert "Klynger pr. status:" in page
    # no grey st.caption anywhere on the page: it fails WCAG colour contrast
    assert not at.caption


VERDICT_ORDER = (
    "target_achieved",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "uncertain",
    "deterioration",
    "not_available",
)


def test_the_front_page_in_english_names_the_inequality_column(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, lang="en")
    assert not at.exception
    page = texts(at)
    assert '<div class="ov-section">Key messages</div>' in page
    assert "Anxiety/mental vulnerability: deterioration in 5 of 5 clusters</div>" in page
    assert "40 of 55 success criteria are not deteriorating</div>" in page
    assert '<div class="ov-head">Social inequality<span' in page
    assert "A combined status is the best status that more than half" in page


def test_no_emoji_on_the_front_page(run_app, sqlite_demo_url, catalogue_url):
    """Icons are Material icons and inline SVG: no emoji font needed (the demo banner and the
    navigation belong to the page frame, goals.ui.frame.layout and app.py)."""
    for at in (run_app(sqlite_demo_url), run_app(catalogue_url)):
        assert not at.exception
        for link in at.get("page_link"):
            assert link.proto.icon.startswith(":material/"), link.proto.icon
        for info in at.info:
            assert info.icon.startswith(":material/"), info.icon
        for element in [*at.markdown, *at.info]:
            assert not EMOJI.search(element.value), EMOJI.search(element.value)
        assert all(link.value and not EMOJI.search(link.value) for link in at.get("page_link"))


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
    report = assess(engine=store.open_store(sqlite_demo_url), as_of="2022", lang="en")
    assert f"{support_text(report.region, 'en')}</div>" in page
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


def test_only_the_open_track_tab_is_drawn(run_app, sqlite_demo_url):
    """A tab runs the page again when chosen: a large catalogue costs one track's text."""
    at = run_app(sqlite_demo_url)
    assert not at.exception
    kol, dia, psy = at.tabs
    assert "Færre rygere blandt borgere med kort uddannelse" in kol.markdown[0].value
    assert not dia.markdown and not psy.markdown
    at.session_state["ov-track-tabs"] = "Diabetes/overvægt"
    at.run()
    kol, dia, psy = at.tabs
    assert not at.exception and not kol.markdown and not psy.markdown
    assert "Tidlig opsporing af type 2-diabetes" in dia.markdown[0].value
    assert "klynger pr. status" in dia.markdown[0].value.lower()
