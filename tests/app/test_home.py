"""The front page: clusters, tracks, goals and criteria — in Danish and English."""


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


CLUSTERS = ["Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen"]


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
