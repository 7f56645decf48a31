"""goals.deck: the slides built for each kind of selection, from the demo store."""

from __future__ import annotations

import shutil

import pytest

from goals import store
from goals.catalogue import Catalogue
from goals.deck import (
    Selection,
    UnknownSelection,
    build_deck,
    presentation_figure,
    resolve_selection,
)
from goals.status import STATUS_STYLE, assess


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "demo.db"
    shutil.copy(demo_template["sqlite"], path)
    engine = store.open_store(f"sqlite:///{path}")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    reports = {lang: assess(engine=engine, catalogue=cat, lang=lang) for lang in ("da", "en")}
    yield engine, cat, reports
    store.dispose_engines()


def deck_of(demo, lang="da", **selection):
    engine, cat, reports = demo
    return build_deck(
        report=reports[lang],
        catalogue=cat,
        selection=Selection(**selection),
        lang=lang,
        engine=engine,
    )


def kinds(deck):
    return [s.kind for s in deck.slides]


def test_full_deck_has_every_part_in_order(demo):
    _, cat, _ = demo
    deck = deck_of(demo)
    k = kinds(deck)
    assert k[0] == "title" and k[1] == "overview" and k[-2:] == ["method", "method"]
    assert k.count("goal") == len(cat.goals)
    assert k.count("criterion") == len(cat.criteria)
    gap_tracks = {c.goal.track_id for c in cat.criteria if c.current.is_gap}
    assert k.count("inequality") == len(gap_tracks) == 3
    assert k.count("initiatives") == len(cat.tracks)
    # every goal slide comes before its criteria
    titles = [s.title for s in deck.slides]
    assert titles[1] == "Overblik: klynger og spor"
    assert any(t.startswith("KOL-1 · ") for t in titles)
    assert all(s.footer.startswith("Kilde: ") and "Data pr." in s.footer for s in deck.slides[:-2])


def test_overview_table_has_clusters_tracks_and_statuses(demo):
    _, cat, reports = demo
    overview = deck_of(demo).slides[1]
    table = overview.table
    assert table.columns[0] == "Klynge"
    assert list(table.columns[1:-1]) == [t.name for t in cat.tracks]
    assert [r[0].text for r in table.rows[:-1]] == [c.name for c in cat.clusters]
    assert table.rows[-1][0].text == "Regionen samlet"
    for row in table.rows:
        for cell in row[1:]:
            assert cell.status in STATUS_STYLE
            assert cell.fill == STATUS_STYLE[cell.status].colour
            assert cell.icon == STATUS_STYLE[cell.status].icon
            assert "på rette spor" in cell.detail
    first = reports["da"].track_area[(cat.tracks[0].code, cat.clusters[0].code)]
    assert table.rows[0][1].status == first.status


def test_goal_slide_notes_hold_the_reasoning_per_area(demo):
    deck = deck_of(demo, goal="KOL-1")
    assert kinds(deck)[:2] == ["title", "goal"]
    goal = deck.slides[1]
    rows = [r for r in deck.rows if r.goal == "KOL-1"]
    for row in rows:
        assert row.reason_text in goal.notes
        assert row.area_name in goal.notes
    assert "Styregruppens egen vurdering" in goal.notes
    assert [r[0].detail for r in goal.table.rows] == ["KOL-1-A", "KOL-1-B", "KOL-1-C"]


def test_cluster_deck_is_about_that_cluster(demo):
    deck = deck_of(demo, cluster="Aarhusklyngen")  # a name works as well as the code
    assert deck.selection.cluster == "AARHUS"
    assert {r.area for r in deck.rows} == {"AARHUS"}
    assert deck.slides[1].title == "Overblik: Aarhusklyngen"
    goal = next(s for s in deck.slides if s.kind == "goal")
    assert goal.table.columns == ("Succeskriterium", "Basis", "Seneste", "Målværdi", "Status")
    inequality = next(s for s in deck.slides if s.kind == "inequality")
    assert inequality.subtitle.startswith("Aarhusklyngen")
    figure = next(s for s in deck.slides if s.kind == "criterion").figure
    # the cluster is highlighted among the others: every cluster has a line
    names = {trace.name for trace in figure.data}
    assert "Aarhusklyngen" in names and "Vestklyngen" in names


def test_track_deck(demo):
    deck = deck_of(demo, track="KOL")
    assert {r.track for r in deck.rows} == {"KOL"}
    assert deck.slides[1].title == "Overblik: KOL/rygning"
    assert kinds(deck).count("inequality") == 1
    assert kinds(deck).count("initiatives") == 1


def test_english_titles(demo):
    deck = deck_of(demo, lang="en", track="DIA")
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Status of the shared goals"
    assert "Overview: Diabetes/overweight" in titles or titles[1].startswith("Overview: ")
    assert titles[-2] == "Appendix: how status is assessed"
    assert "Data as of" in deck.slides[0].subtitle


def test_charts_are_drawn_only_when_asked(demo):
    deck = deck_of(demo, goal="KOL-2")
    chart = next(s for s in deck.slides if s.has_chart)
    assert chart._figure is None
    figure = chart.figure
    assert figure is chart.figure  # drawn once
    big = presentation_figure(figure, height=600, font_scale=1.5)
    assert big.layout.height == 600
    assert big.layout.font.size >= 24
    assert figure.layout.height != 600  # the deck's figure is unchanged


def test_unknown_selection_is_one_sentence_with_a_suggestion(demo):
    _, cat, _ = demo
    with pytest.raises(
        UnknownSelection, match=r"^Ukendt klynge 'Aarhs'\. Mente du 'Aarhusklyngen'\?$"
    ):
        resolve_selection(cat, Selection(cluster="Aarhs"))
    with pytest.raises(UnknownSelection, match="Choose one of KOL, DIA, PSY"):
        resolve_selection(cat, Selection(track="XYZ"), "en")
    assert resolve_selection(cat, Selection(goal="kol-1")) == Selection(track="KOL", goal="KOL-1")


def test_without_a_store_the_store_slides_are_left_out(demo):
    _, cat, reports = demo
    deck = build_deck(report=reports["da"], catalogue=cat, selection=Selection(track="PSY"))
    assert "initiatives" not in kinds(deck) and "inequality" not in kinds(deck)
