"""The Præsentation page under AppTest: the URL picks the deck and the slide, the buttons move
through it, present mode hides the chrome, unknown codes are explained; verdicts, key messages
and gap slides as on the PowerPoint, and no emoji."""

from __future__ import annotations

from goals.present.style import STATUS_STYLE
from tests.unit.test_deck import emoji_in

PAGE = "pages/praesentation.py"


def counter(at) -> str:
    return next(m.value for m in at.markdown if 'data-testid="deck-counter"' in m.value)


def page_texts(at) -> list[str]:
    return [m.value for m in at.markdown] + [b.label for b in at.button]


def test_track_deck_from_the_url(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, track="KOL", slide="5")
    assert not at.exception
    assert ">5 / 15<" in counter(at)
    assert any("KOL-1 · Færre rygere" in m.value for m in at.markdown)
    table = next(m.value for m in at.markdown if 'class="deck-table"' in m.value)
    # the symbol kept with its word (a no-break space) when the cell wraps
    assert "✓&nbsp;Målet er nået" in table and "≈&nbsp;Ingen sikker ændring" in table
    # the verdict's text colour on its fill (white on the dark ones)
    achieved = STATUS_STYLE["target_achieved"]
    assert achieved.ink == "#FFFFFF"
    assert f"background:{achieved.colour};color:{achieved.ink}" in table
    assert any(
        "Kilde: Den Nationale Sundhedsprofil" in m.value and "Data pr. 2023" in m.value
        for m in at.markdown
    )
    labels = [b.label for b in at.button]
    assert "← Forrige" in labels and "Næste →" in labels
    # the chart slide after it
    at.button(key="present-next").click().run()
    assert at.query_params["slide"] == ["6"] or at.query_params["slide"] == "6"
    assert ">6 / 15<" in counter(at)
    assert len(at.get("plotly_chart")) == 1


def test_key_messages_come_second_and_inequality_leads_the_overview(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, slide="2")
    assert not at.exception
    messages = next(m.value for m in at.markdown if 'class="deck-messages"' in m.value)
    assert "Hovedbudskaber" in " ".join(m.value for m in at.markdown)
    assert "✗ Forværring" in messages and "i 5 af 5 klynger" in messages
    assert "succeskriterier" in messages
    at.button(key="present-next").click().run()
    table = next(m.value for m in at.markdown if 'class="deck-table"' in m.value)
    assert ">Social ulighed<" in table and "af 15 succeskriterier" in table


def test_gap_slide_of_a_cluster_has_the_chart_and_the_reasoning(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, cluster="AARHUS", track="KOL", slide="10")
    assert not at.exception
    assert any("Ulighed: Daglige rygere" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 1
    assert any(
        'class="deck-text"' in m.value and "statistiske usikkerhed" in m.value for m in at.markdown
    )


def test_no_emoji_on_the_page(run_app, sqlite_demo_url):
    for slide in ("1", "2", "3", "5", "11", "13"):
        at = run_app(sqlite_demo_url, PAGE, track="KOL", slide=slide)
        found = {c for text in page_texts(at) for c in emoji_in(text)}
        assert not found, (slide, found)


def test_previous_is_disabled_on_the_first_slide_and_next_on_the_last(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, goal="KOL-2")
    assert at.button(key="present-previous").disabled
    total = int(counter(at).split("/")[1].split("<")[0])
    at = run_app(sqlite_demo_url, PAGE, goal="KOL-2", slide="99")
    assert f">{total} / {total}<" in counter(at)
    assert at.button(key="present-next").disabled


def test_present_mode_hides_the_sidebar_and_the_pickers(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, mode="present", cluster="AARHUS", lang="en")
    assert not at.exception
    css = "".join(m.value for m in at.markdown if "<style>" in m.value)
    assert '[data-testid="stSidebar"]' in css and "display: none" in css
    assert not [s for s in at.selectbox if (s.key or "").startswith("present-pick")]
    assert any("Status of the shared goals" in m.value for m in at.markdown)
    assert [b.label for b in at.button if b.key == "present-mode"] == ["× Leave presentation"]


def test_unknown_cluster_is_explained_and_the_full_deck_shown(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, cluster="Aarhs")
    assert not at.exception
    assert any("Mente du 'Aarhusklyngen'" in w.value for w in at.warning)
    assert ">1 / 34<" in counter(at)


def test_choosing_a_track_starts_from_slide_one(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, PAGE, slide="5")
    at.selectbox(key="present-pick-track").set_value("PSY").run()
    assert at.query_params.get("track") in ("PSY", ["PSY"])
    assert "slide" not in at.query_params
    assert ">1 / " in counter(at)
