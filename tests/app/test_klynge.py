"""Klynge: one cluster's goals with the computed verdict (and the count behind it) beside the
steering group's own assessment, every criterion with its verdict, the sentence saying why, its
chart (bullet chart, or the gap before and after), sparkline and inputs, and the initiatives —
on the demo store, a store without values, deep links and English; on a page with more
criteria than drawn at once, each goal's details drawn only once opened."""

from __future__ import annotations

import json
import re

import pytest

from goals import store
from goals.present.style import STATUS_STYLE
from goals.status import StatusReport, assess, format_change, support_text
from goals.ui import cluster_view
from tests.app.test_overblik import links, texts

CLUSTER = "pages/klynge.py"
WHY = "Hvorfor denne status?"

#: Characters a browser may draw as colour emoji (or not at all, without an emoji font): the
#: pages use Material icons, inline SVG and text-only symbols instead.
EMOJI_PRONE = re.compile(
    "[\U0001f000-\U0001faff\ufe0f\u2600-\u26ff\u2714\u2716\u2705\u274c\u27a1\u2b06\u2b07\u25b6]"
)


def report_of(url: str, lang: str = "da") -> StatusReport:
    engine = store.open_store(url)
    try:
        return assess(engine=engine, lang=lang)
    finally:
        store.dispose_engines()


def badge_class(verdict: str) -> str:
    return f'class="goals-badge small goals-{verdict}"'


def figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def why_expanders(at) -> list:
    """The "why this status?" expanders (inside each goal's details)."""
    return [e for e in at.expander if e.label in (WHY, "Why this status?")]


def is_gap_chart(figure: dict) -> bool:
    ticks = figure["layout"].get("yaxis", {}).get("ticktext") or []
    return len(ticks) == 2 and ticks[0].startswith("<b>Basis</b>")


def test_first_cluster_by_default_with_every_goal_and_criterion(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER)
    assert not at.exception
    assert at.selectbox(key="url:cluster").value == "AARHUS"
    assert at.title[0].value == "Aarhusklyngen"
    page = texts(at)
    total = report_of(sqlite_demo_url).cluster["AARHUS"]
    assert "Samlet vurdering af klyngens succeskriterier" in page
    assert support_text(total, "da") in page  # the count beside the colour, naming its unit
    assert [h.value for h in at.header] == [
        "KOL/rygning",
        "Diabetes/overvægt",
        "Angst/psykisk sårbarhed",
    ]
    assert page.count('<div class="cl-goal-title">') == 6
    # 11 criteria – few enough to draw at once – each with a chart, a sparkline (inline SVG,
    # named for screen readers by the periods it covers) and the inputs behind it
    assert len(at.get("plotly_chart")) == 11
    assert page.count('<svg class="goals-sparkline"') == 11
    assert page.count('role="img" aria-label="Udvikling ') == 11
    why = why_expanders(at)
    assert len(why) == 11 and all(e.proto.icon == ":material/help:" for e in why)
    # each goal's details: open, named by what they hold
    details = [e for e in at.expander if e not in why]
    assert [e.label for e in details] == [
        "3 succeskriterier med grafer, tal og indsatser",
        "1 succeskriterium med graf, tal og indsatser",
        *["2 succeskriterier med grafer, tal og indsatser"] * 2,
        "1 succeskriterium med graf, tal og indsatser",
        "2 succeskriterier med grafer, tal og indsatser",
    ]
    assert all(e.proto.icon == ":material/bar_chart:" and e.proto.expanded for e in details)
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
    flagged = [w for w in at.warning if "Styregruppen vurderer" in w.value]
    assert flagged and all(w.proto.icon == ":material/warning:" for w in flagged)
    assert not any("⚠" in w.value for w in at.warning)
    page = texts(at)
    # the light in colour, symbol (inline SVG) and word, in the text colour of its fill
    red = STATUS_STYLE["deterioration"]
    assert f'style="background:{red.colour};color:{red.ink}"><svg' in page
    assert "</svg> Rød</span>" in page


def test_initiatives_with_their_status(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    assert not at.exception
    frames = [df.value for df in at.dataframe]
    assert frames, "no initiatives table"
    first = frames[0]
    assert list(first.columns) == [
        "Indsats", "Status", "Næste milepæl", "Dato", "Ansvarlig", "Start – slut",
    ]  # fmt: skip
    assert all(" – " in period for period in first["Start – slut"] if period)
    assert "! Forsinket" in set(first["Status"])
    assert first["Status"].iloc[0] == "! Forsinket"  # what needs attention first
    assert not any(EMOJI_PRONE.search(status) for status in first["Status"])


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


def test_the_verdict_is_the_badge_seen_first_and_the_reason_is_not_hidden(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    assert not at.exception
    rows = {r.criterion: r for r in report_of(sqlite_demo_url).rows if r.area == "VEST"}
    gap = rows["KOL-1-B"]
    # the demo's gap criterion: on track by Open SDG, but the change is within the noise
    assert (gap.status, gap.verdict) == ("on_track", "uncertain")
    heads = [m.value for m in at.markdown if 'class="cl-criterion"' in m.value]
    head = next(h for h in heads if gap.criterion_text in h)
    assert 'class="goals-badge goals-uncertain"' in head and "goals-on_track" not in head
    # the sentence a director reads first stands outside the expander
    outside = [m.value for m in at.markdown]
    inside = [m.value for e in why_expanders(at) for m in e.markdown]
    for row in rows.values():
        if row.track == "KOL" and row.series:
            assert any(row.reason_text in m for m in outside), row.criterion
            assert not any(row.reason_text in m for m in inside), row.criterion


def test_the_inputs_name_the_open_sdg_status_certainty_and_changes_a_year(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    gap = next(
        r for r in report_of(sqlite_demo_url).rows if r.area == "VEST" and r.criterion == "KOL-1-B"
    )
    facts = next(
        m.value
        for e in why_expanders(at)
        for m in e.markdown
        if f"{format_change(gap.change_per_year, gap)} om året" in m.value
    )
    assert f"Open SDG-status</td><td><span {badge_class('on_track')}" in facts
    assert (
        "Sikkerhed</td><td>Ingen sikker ændring (inden for den statistiske usikkerhed, ±" in facts
    )
    assert (
        f"Nødvendigt fra nu for at nå målet</td><td>{format_change(gap.needed_per_year, gap)} om året"
        in facts
    )
    assert "Score (−5 til 5)" in facts
    assert "95 %-interval:" in facts


def test_gap_criteria_show_the_gap_before_and_after_with_intervals(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="AARHUS")
    rows = [r for r in report_of(sqlite_demo_url).rows if r.area == "AARHUS"]
    gaps = [r for r in rows if r.gap and r.series]
    assert gaps
    charts = [f for f in figures(at) if is_gap_chart(f)]
    assert len(charts) == len(gaps)
    for row, figure in zip(gaps, charts, strict=True):
        style = STATUS_STYLE[row.verdict]
        # the criterion's text is the heading above: the chart names the groups only
        assert not figure["layout"]["title"]["text"]
        assert any(a["text"] == row.subject for a in figure["layout"]["annotations"])
        points = {tr["y"][0]: tr for tr in figure["data"] if tr.get("mode") == "markers"}
        assert points[1]["x"] == [pytest.approx(row.base_value)]
        assert points[0]["x"] == [pytest.approx(row.latest_value)]
        assert points[0]["error_x"]["array"] == [pytest.approx(row.latest_upper - row.latest_value)]
        assert points[1]["error_x"]["arrayminus"] == [
            pytest.approx(row.base_value - row.base_lower)
        ]
        assert points[0]["marker"]["color"] == style.colour
        assert any(
            s.get("x0") == s.get("x1") == pytest.approx(row.target)
            for s in figure["layout"]["shapes"]
        )
        badge = next(a for a in figure["layout"]["annotations"] if a.get("bgcolor") == style.colour)
        assert row.verdict_label in badge["text"] and badge["font"]["color"] == style.ink
    # the other criteria keep the bullet chart, coloured by the verdict
    bullets = [f for f in figures(at) if not is_gap_chart(f) and f["layout"].get("height", 0) > 100]
    assert len(bullets) == len([r for r in rows if not r.gap and r.series])


def test_goal_and_track_verdicts_show_the_count_behind_them(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="RANDERS", lang="en")
    report = report_of(sqlite_demo_url, "en")
    page = texts(at)
    for track in ("KOL", "DIA", "PSY"):
        combined = report.track_area[(track, "RANDERS")]
        assert f"goals-badge small goals-{combined.status}" in page
        assert support_text(combined, "en") in page
    for goal in ("KOL-1", "KOL-2", "DIA-1", "DIA-2", "PSY-1", "PSY-2"):
        combined = report.goal_area[(goal, "RANDERS")]
        shown = next(
            m.value for m in at.markdown
            if 'class="goals-combined"' in m.value and support_text(combined, "en") in m.value
        )  # fmt: skip
        assert f"goals-{combined.status}" in shown


def test_the_assessment_is_compared_with_the_verdict_not_the_open_sdg_status(
    run_app, sqlite_demo_url
):
    # Randers' diabetes goal: its criteria progress too slowly by Open SDG, but neither change is
    # more than noise — the steering group's green is held against "no certain change"
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="RANDERS", track="DIA")
    combined = report_of(sqlite_demo_url).goal_area[("DIA-1", "RANDERS")]
    assert combined.status == "uncertain"
    warnings = [w.value for w in at.warning]
    assert any(
        "vurderer **Grøn**, men beregningen siger **Ingen sikker ændring**" in w for w in warnings
    )
    assert not any("Fremgang – men for langsom" in w for w in warnings)
    # amber agrees with "no certain change": Vest's steering group says yellow for DIA-1
    vest = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="DIA")
    assert report_of(sqlite_demo_url).goal_area[("DIA-1", "VEST")].status == "uncertain"
    assert not any("Ingen sikker ændring" in w.value for w in vest.warning)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_emoji_on_the_page(run_app, sqlite_demo_url, lang):
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", lang=lang)
    assert not at.exception
    shown = texts(at) + "\n".join(e.label for e in at.expander)
    shown += "\n".join(json.dumps(f, ensure_ascii=False) for f in figures(at))
    shown += "\n".join(str(v) for df in at.dataframe for v in df.value.to_numpy().ravel())
    assert not EMOJI_PRONE.findall(shown)
    icons = [link.proto.icon for link in at.get("page_link")]
    assert icons and all(icon.startswith(":material/") for icon in icons if icon)


def test_an_empty_store_points_to_the_upload_with_a_material_icon(run_app, catalogue_url):
    at = run_app(catalogue_url, page=CLUSTER, cluster="HORSENS")
    info = next(i for i in at.info if "Der er endnu ingen tal" in i.value)
    assert info.proto.icon == ":material/upload_file:"


def test_a_bigger_page_draws_the_goals_first_and_their_details_when_opened(
    run_app, sqlite_demo_url, monkeypatch
):
    # the demo's KOL track has 4 criteria: a page allowed 3 at once opens no details by itself
    monkeypatch.setattr(cluster_view, "OPEN_CRITERIA", 3)
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    assert not at.exception
    page = texts(at)
    report = report_of(sqlite_demo_url)
    # every goal with its verdicts: the computed one with the count behind it, the steering
    # group's own (and the mismatch said), and what its details hold
    for goal in ("KOL-1", "KOL-2"):
        assert support_text(report.goal_area[(goal, "VEST")], "da") in page
    assert "Færre rygere blandt borgere med kort uddannelse" in page
    assert "Styregruppens vurdering 2024" in page
    assert any("Styregruppen vurderer **Rød**" in w.value for w in at.warning)
    details = at.expander
    assert [e.label for e in details] == [
        "3 succeskriterier med grafer, tal og indsatser",
        "1 succeskriterium med graf, tal og indsatser",
    ]
    assert not any(e.proto.expanded for e in details)
    # nothing of the details was built: no chart, no inputs, no initiatives
    assert not at.get("plotly_chart") and not at.dataframe and not why_expanders(at)
    # opening the first goal's details draws its three criteria in full, and only those
    at.session_state[cluster_view.details_key_of("VEST", "KOL", "KOL-1")] = True
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3 and len(why_expanders(at)) == 3
    rows = [r for r in report.rows if r.area == "VEST" and r.goal == "KOL-1"]
    page = texts(at)
    assert all(r.reason_text in page for r in rows)
    assert len(at.dataframe) == 1  # the goal's initiatives
    assert ("Målet i alle klynger", "maal", {"goal": "KOL-1", "cluster": "VEST"}) in links(at)


def test_each_cluster_and_track_opens_its_own_details(run_app, sqlite_demo_url, monkeypatch):
    monkeypatch.setattr(cluster_view, "OPEN_CRITERIA", 3)
    at = run_app(sqlite_demo_url, page=CLUSTER, cluster="VEST", track="KOL")
    at.session_state[cluster_view.details_key_of("VEST", "KOL", "KOL-1")] = True
    at.run()
    assert len(at.get("plotly_chart")) == 3
    at.selectbox(key="url:cluster").select("MIDT").run()
    assert not at.exception
    assert not at.get("plotly_chart")  # another cluster: its details are closed again
