"""goals.present.deck: the slides built for each kind of selection, from the demo store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import t
from goals.present.deck import (
    INITIATIVE_STYLE,
    Deck,
    Selection,
    UnknownSelection,
    build_deck,
    presentation_figure,
    resolve_selection,
)
from goals.present.style import STATUS_STYLE
from goals.status import assess, combine_rows, key_messages, support_text
from goals.status.verdicts import VERDICTS

#: Characters that Unicode gives an emoji presentation or an emoji variation (emoji-data.txt,
#: Emoji=Yes) below U+1F000; everything from U+1F000 on, and the emoji variation selector, too.
#: The ASCII keycap bases (# * 0–9) are left out: they are emoji only with U+20E3.
_EMOJI_RANGES = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA),
    (0x231A, 0x231B), (0x2328, 0x2328), (0x23CF, 0x23CF), (0x23E9, 0x23F3),
    (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB), (0x25B6, 0x25B6),
    (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D),
    (0x2620, 0x2620), (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A),
    (0x262E, 0x262F), (0x2638, 0x263A), (0x2640, 0x2640), (0x2642, 0x2642),
    (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666),
    (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7),
    (0x26AA, 0x26AB), (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
    (0x26C8, 0x26C8), (0x26CE, 0x26CF), (0x26D1, 0x26D1), (0x26D3, 0x26D4),
    (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA), (0x26FD, 0x26FD),
    (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D),
    (0x2721, 0x2721), (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744),
    (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797), (0x27A1, 0x27A1),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030),
    (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299), (0xFE0F, 0xFE0F),
    (0x1F000, 0x10FFFF),
)  # fmt: skip


def emoji_in(text: str) -> list[str]:
    """The characters of `text` that may be drawn as emoji (from an emoji font)."""
    return [c for c in text if any(lo <= ord(c) <= hi for lo, hi in _EMOJI_RANGES)]


def test_the_emoji_check_finds_emoji():
    assert emoji_in("✔ Målet er nået ✖ ⚠ ➡ ▶ ◀ 🎯") == ["✔", "✖", "⚠", "➡", "▶", "◀", "🎯"]
    assert emoji_in("✓ ▲ ● ▼ ≈ ✗ ? ► ■ ○ ← → – −") == []


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


def texts(deck: Deck) -> Iterator[str]:
    """Every text a deck shows or says."""
    for slide in deck.slides:
        yield from (slide.title, slide.subtitle, slide.text, slide.notes, slide.footer)
        yield from slide.bullets
        for message in slide.messages:
            yield from (message.text, message.detail, message.label)
        if slide.table is not None:
            yield from slide.table.columns
            for row in slide.table.rows:
                for cell in row:
                    yield from cell.lines


def test_full_deck_has_every_part_in_order(demo):
    _, cat, _ = demo
    deck = deck_of(demo)
    k = kinds(deck)
    assert k[:4] == ["title", "messages", "overview", "overview"]
    assert k[-1:] == ["method"] and k.count("method") == 1  # one plain legend slide
    assert k.count("goal") == len(cat.goals)
    assert k.count("criterion") == len(cat.criteria)
    gaps = [c for c in cat.criteria if c.current.is_gap]
    assert k.count("inequality") == len(gaps) == 3
    assert k.count("initiatives") == len(cat.tracks)
    assert k.count("timeline") >= len(cat.tracks)  # a work plan per track, after its initiatives
    assert k.index("timeline") == k.index("initiatives") + 1
    titles = [s.title for s in deck.slides]
    assert titles[1] == "Hovedbudskaber"
    assert titles[2] == "Overblik: social ulighed og samlet status"
    assert titles[3] == "Overblik: klynger og spor"
    assert any(t.startswith("KOL-1 · ") for t in titles)
    assert all(s.footer.startswith("Kilde: ") and "Data pr." in s.footer for s in deck.slides[:-1])


def test_key_messages_lead_the_deck_in_words(demo):
    _, cat, reports = demo
    deck = deck_of(demo)
    slide = deck.slides[1]
    expected = key_messages(reports["da"], cat, "da")
    assert [(m.text, m.status) for m in slide.messages] == [(m.text, m.status) for m in expected]
    for message in slide.messages:
        assert message.label == t(f"status.{message.status}", "da")
        assert message.detail.startswith("Regionen samlet: ")
        assert "succeskriterier" in message.detail
    # the region's count behind a track's message is the track's roll-up, in words
    track = next(m for m in expected if m.track)
    region = reports["da"].region_track[track.track]
    detail = slide.messages[expected.index(track)].detail
    assert detail.endswith(support_text(region, "da"))
    assert "status.rollup.rule" not in slide.notes and t("status.rollup.rule", "da") in slide.notes


def test_overview_shows_verdicts_and_counts_success_criteria(demo):
    _, cat, reports = demo
    report = reports["da"]
    first, tracks = deck_of(demo).slides[2:4]
    assert first.table.columns == ("Klynge", "Social ulighed", "Samlet")
    assert list(tracks.table.columns[1:]) == [tr.name for tr in cat.tracks]
    for slide in (first, tracks):
        assert [r[0].text for r in slide.table.rows[:-1]] == [c.name for c in cat.clusters]
        assert slide.table.rows[-1][0].text == "Regionen samlet"
        for row in slide.table.rows:
            for cell in row[1:]:
                style = STATUS_STYLE[cell.status]
                assert (cell.fill, cell.icon, cell.ink) == (style.colour, style.icon, style.ink)
    for i, cluster in enumerate(cat.clusters):
        unequal, overall = first.table.rows[i][1:]
        assert unequal.status == report.inequality[cluster.code].status
        assert unequal.detail == support_text(report.inequality[cluster.code], "da")
        assert overall.detail == support_text(report.cluster[cluster.code], "da")
        for j, track in enumerate(cat.tracks, start=1):
            combined = report.track_area[(track.code, cluster.code)]
            cell = tracks.table.rows[i][j]
            assert cell.status == combined.status
            assert cell.detail == support_text(combined, "da")
            # success criteria in the cluster are counted, not goals
            rows = [r for r in report.rows if r.track == track.code and r.area == cluster.code]
            assert combined.n == len(rows) > len({r.goal for r in rows})
            assert cell.detail.startswith(f"{combined.support} af {len(rows)} succeskriterier")
            assert combined == combine_rows(rows)
    region = tracks.table.rows[-1]
    for j, track in enumerate(cat.tracks, start=1):
        assert region[j].detail == support_text(report.region_track[track.code], "da")
    assert first.table.rows[-1][1].detail == support_text(report.region_inequality, "da")
    assert first.table.rows[-1][2].detail == support_text(report.region, "da")


def test_row_cells_show_the_verdict_not_the_open_sdg_status(demo):
    deck = deck_of(demo)
    differ = 0
    for slide in (s for s in deck.slides if s.kind == "goal"):
        areas = {c: a for a, c in enumerate(slide.table.columns)}
        for table_row in slide.table.rows:
            code = table_row[0].detail
            for area in (r for r in deck.rows if r.criterion == code):
                cell = table_row[areas[area.area_name]]
                assert cell.status == area.verdict
                assert cell.text == area.verdict_label
                differ += area.verdict != area.status
    assert differ >= 10  # the demo has changes within the noise: the test can tell the two apart
    assert any(
        s.kind == "goal" and "Ingen sikker ændring" in " ".join(texts_of(s)) for s in deck.slides
    )


def texts_of(slide):
    return [line for row in slide.table.rows for cell in row for line in cell.lines]


def test_goal_slide_notes_hold_the_reasoning_per_area(demo):
    deck = deck_of(demo, goal="KOL-1")
    assert kinds(deck)[:2] == ["title", "goal"]
    goal = deck.slides[1]
    rows = [r for r in deck.rows if r.goal == "KOL-1"]
    for row in rows:
        assert f"{row.area_name}: {row.verdict_label}. {row.reason_text}" in goal.notes
        assert f"Open SDG-status: {row.status_label}" in goal.notes  # a detail, in the notes
    assert "Styregruppens egen vurdering" in goal.notes
    assert [r[0].detail for r in goal.table.rows] == ["KOL-1-A", "KOL-1-B", "KOL-1-C"]


def test_cluster_deck_is_about_that_cluster(demo):
    _, _, reports = demo
    deck = deck_of(demo, cluster="Aarhusklyngen")  # a name works as well as the code
    assert deck.selection.cluster == "AARHUS"
    assert {r.area for r in deck.rows} == {"AARHUS"}
    assert kinds(deck)[:3] == ["title", "messages", "overview"]
    messages = deck.slides[1].messages
    assert messages[0].text == "Social ulighed: ingen sikker ændring i Aarhusklyngen"
    assert messages[0].detail == support_text(reports["da"].inequality["AARHUS"], "da")
    overview = deck.slides[2]
    assert overview.title == "Overblik: Aarhusklyngen"  # one slide for the whole cluster
    assert [r[0].text for r in overview.table.rows[:2]] == ["Samlet", "Social ulighed"]
    assert overview.table.rows[0][2].detail == support_text(reports["da"].cluster["AARHUS"], "da")
    goal = next(s for s in deck.slides if s.kind == "goal")
    assert goal.table.columns == ("Succeskriterium", "Basis", "Seneste", "Målværdi", "Status")
    figure = next(s for s in deck.slides if s.kind == "criterion").figure
    # the cluster is highlighted among the others: every cluster has a line
    names = {trace.name for trace in figure.data}
    assert "Aarhusklyngen" in names and "Vestklyngen" in names


def test_gap_slide_of_a_cluster_shows_before_and_after_with_the_reasoning(demo):
    deck = deck_of(demo, cluster="AARHUS")
    gaps = [s for s in deck.slides if s.kind == "inequality"]
    assert len(gaps) == 3
    slide = gaps[0]
    row = next(r for r in deck.rows if r.gap and r.criterion == "KOL-1-B")
    assert slide.key == "inequality-KOL-1-B"
    assert slide.title == "Ulighed: Daglige rygere, 16+ år efter uddannelse"
    assert slide.subtitle.startswith("Aarhusklyngen · ")
    assert slide.text == row.reason_text and "statistiske usikkerhed" in slide.text
    figure = slide.figure
    # goals.present.charts.gap_change_chart: the base above, the latest below, each with its interval
    points = {trace.y[0]: trace for trace in figure.data}
    assert points[1].x[0] == pytest.approx(row.base_value)
    assert points[0].x[0] == pytest.approx(row.latest_value)
    assert points[1].error_x.visible and points[0].error_x.visible
    assert points[0].error_x.array[0] == pytest.approx(row.latest_upper - row.latest_value)
    annotations = " ".join(a.text or "" for a in figure.layout.annotations)
    assert "Ingen sikker ændring" in annotations  # the verdict, not the Open SDG status
    assert row.status == "on_track" and row.verdict == "uncertain"
    assert any(shape.x0 == pytest.approx(row.target) for shape in figure.layout.shapes)


def test_gap_slide_of_all_clusters_is_a_table_before_and_after(demo):
    _, cat, _ = demo
    deck = deck_of(demo)
    slide = next(s for s in deck.slides if s.kind == "inequality")
    rows = [r for r in deck.rows if r.criterion == "KOL-1-B"]
    assert slide.table.columns == (
        "Klynge",
        "Forskel før",
        "Forskel nu",
        "Ændring pr. år",
        "Status",
    )
    assert [r[0].text for r in slide.table.rows] == [c.name for c in cat.clusters]
    aarhus = slide.table.rows[0]
    assert aarhus[1].lines == ["15,4 procentpoint", "2017 · 95 %: 12,6–18,2"]
    assert aarhus[2].lines == ["12,5 procentpoint", "2023 · 95 %: 9,9–15,1"]
    assert [r[4].status for r in slide.table.rows] == [r.verdict for r in rows]
    combined = combine_rows(rows)
    assert slide.verdict == combined.status
    assert support_text(combined, "da") in slide.text
    for row in rows:
        assert row.reason_text in slide.notes


def test_legend_lists_every_verdict_and_states_the_rule(demo):
    deck = deck_of(demo)
    legend = next(s for s in deck.slides if s.key == "method-statuses")
    assert [r[0].status for r in legend.table.rows] == list(VERDICTS)
    labels = [r[0].label for r in legend.table.rows]
    assert "≈ Ingen sikker ændring" in labels and len(labels) == 7
    for row in legend.table.rows:
        style = STATUS_STYLE[row[0].status]
        assert (row[0].fill, row[0].ink) == (style.colour, style.ink)
    assert legend.text == t("status.rollup.rule", "da")
    # the rule is stated on the slides once: on the legend
    assert sum(t("status.rollup.rule", "da") in s.text for s in deck.slides) == 1


@pytest.mark.parametrize(
    "selection", [{}, {"cluster": "AARHUS"}, {"track": "KOL"}, {"goal": "DIA-2"}],
    ids=["full", "cluster", "track", "goal"],
)  # fmt: skip
def test_no_emoji_anywhere_in_a_deck(demo, selection):
    for lang in ("da", "en"):
        found = {c for text in texts(deck_of(demo, lang, **selection)) for c in emoji_in(text)}
        assert not found, found
    for style in (*STATUS_STYLE.values(), *INITIATIVE_STYLE.values()):
        assert not emoji_in(style.icon)
    assert INITIATIVE_STYLE["completed"].icon == "✓"


def test_initiative_cells_use_the_palette_and_its_text_colour(demo):
    deck = deck_of(demo, track="KOL")
    slide = next(s for s in deck.slides if s.kind == "initiatives")
    cells = [c for row in slide.table.rows for c in row if c.fill]
    assert {c.status for c in cells} <= set(INITIATIVE_STYLE)
    done = next(c for c in cells if c.status == "completed")
    assert (done.fill, done.ink) == (STATUS_STYLE["target_achieved"].colour, "#FFFFFF")


def test_track_deck(demo):
    _, _, reports = demo
    deck = deck_of(demo, track="KOL")
    assert {r.track for r in deck.rows} == {"KOL"}
    assert kinds(deck)[:4] == ["title", "messages", "overview", "overview"]
    assert deck.slides[2].title == "Overblik: KOL/rygning – ulighed og samlet"
    assert deck.slides[3].title == "Overblik: KOL/rygning"
    assert deck.slides[3].table.columns == ("Klynge", "KOL-1", "KOL-2")
    assert deck.slides[2].table.rows[-1][2].detail == support_text(
        reports["da"].region_track["KOL"], "da"
    )
    assert kinds(deck).count("inequality") == 1
    assert kinds(deck).count("initiatives") == 1


def test_english_titles(demo):
    deck = deck_of(demo, lang="en", track="DIA")
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Status of the shared goals"
    assert titles[1] == "Key messages"
    assert "Overview: Diabetes/overweight" in titles or titles[3].startswith("Overview: ")
    assert titles[-1] == "How to read the colours"
    assert "Data as of" in deck.slides[0].subtitle
    legend = deck.slides[-1]
    assert "≈ No certain change" in [r[0].label for r in legend.table.rows]


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


def test_without_a_store_the_initiatives_are_left_out(demo):
    _, cat, reports = demo
    deck = build_deck(report=reports["da"], catalogue=cat, selection=Selection(track="PSY"))
    assert "initiatives" not in kinds(deck) and "timeline" not in kinds(deck)
    # the gap slides need nothing but the assessment
    assert kinds(deck).count("inequality") == 1


def test_the_work_plan_slide_of_a_cluster(demo):
    import datetime as dt

    engine, cat, reports = demo
    deck = build_deck(
        report=reports["da"],
        catalogue=cat,
        selection=Selection(cluster="MIDT", track="KOL"),
        engine=engine,
        today=dt.date(2026, 12, 5),
    )
    (slide,) = [s for s in deck.slides if s.kind == "timeline"]
    assert slide.title == "Arbejdsplan – Midtklyngen · KOL/rygning"
    assert "◆ næste milepæl" in slide.subtitle
    figure = slide.figure
    bars = [t for t in figure.data if t.type == "bar" and t.y[0] is not None]
    labels = [a.text for a in figure.layout.annotations]  # each name above its bar
    assert labels and len(labels) == len(bars)
    assert all(label.split("</span>")[-1].strip().startswith("KOL-") for label in labels)
    assert all("klyngen" not in label for label in labels)  # one cluster: no cluster names
    overdue = [label for label in labels if "Overskredet" in label]
    assert bool(overdue) == ("Overskredet slutdato" in slide.notes)
    english = build_deck(
        report=reports["en"],
        catalogue=cat,
        selection=Selection(track="KOL"),
        engine=engine,
        lang="en",
    )
    timelines = [s for s in english.slides if s.kind == "timeline"]
    assert timelines and timelines[0].title.startswith("Work plan – ")
    # every initiative of the track across clusters, eight to a slide
    assert all(len([t for t in s.figure.data if t.type == "bar" and t.y[0] is not None]) <= 8
               for s in timelines)  # fmt: skip


def test_an_exported_chart_says_what_it_shows(demo):
    """A PNG/SVG pasted into another deck carries the slide's title, criterion, source and
    'Data pr.' in the picture itself."""
    from goals.present.deck.figure import standalone_figure

    deck = deck_of(demo, track="KOL")
    slide = next(s for s in deck.slides if s.has_chart)
    figure = standalone_figure(
        presentation_figure(slide.figure, width=1200, height=500),
        title=slide.title,
        subtitle=slide.subtitle,
        footer=slide.footer,
    )
    assert slide.title in figure.layout.title.text
    assert slide.subtitle.split(" · ")[0] in figure.layout.title.text
    footers = [a.text for a in figure.layout.annotations if "Data pr." in (a.text or "")]
    assert footers == [slide.footer]
    # the words have room: the margins grew, and the picture by as much (the plot keeps its size)
    assert figure.layout.margin.t > 100 and figure.layout.margin.b > 40
    plain = presentation_figure(slide.figure, width=1200, height=500).layout
    added = (figure.layout.margin.t - plain.margin.t) + (figure.layout.margin.b - plain.margin.b)
    assert figure.layout.height == 500 + added
    # markup in a text stays text
    odd = standalone_figure(slide.figure, title="<b>x</b>", subtitle=None, footer="a & b")
    assert "&lt;b&gt;x&lt;/b&gt;" in odd.layout.title.text
