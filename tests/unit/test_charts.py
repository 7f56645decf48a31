"""Every chart builds from realistic data in one readable style: fonts ≥ 14 px, Danish number
format, gaps for missing data, targets drawn, hover texts with unit and period, palette colours."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from goals.present import charts
from goals.present.charts import (
    MIN_FONT_SIZE,
    NEUTRALS,
    PALETTE,
    PLOTLY_CONFIG,
    bullet_chart,
    comparison_chart,
    criterion_chart,
    gap_change_chart,
    inequality_chart,
    series_chart,
    sparkline,
    status_grid,
)
from goals.present.style import COMPARISON_STYLE, STATUS_STYLE

# the product's styles (goals.status): seven verdicts, each a StatusStyle with colour, symbol
# and the text colour on the fill; the charts take them as an argument or use them by default
STYLE_COLOURS = {s.colour for s in STATUS_STYLE.values()} | {
    s.colour for s in COMPARISON_STYLE.values()
}
#: Symbols that a browser or PowerPoint may draw as colour emoji (or not at all without one).
EMOJI_PRONE = ("✔", "✖", "⚠", "✅", "❌", "🎯", "➡", "📥")
CLUSTERS = ["Klynge Nord", "Klynge Syd", "Klynge Øst"]


def yearly() -> pd.DataFrame:
    """Three clusters and the region 2015–2023; Klynge Syd has no value in 2019 (NaN) and no
    row at all for 2021; the region has no confidence limits."""
    rows = []
    for i, name in enumerate(CLUSTERS):
        for year in range(2015, 2024):
            if name == "Klynge Syd" and year == 2021:
                continue
            value = (
                float("nan")
                if (name, year) == ("Klynge Syd", 2019)
                else 20 - 0.5 * (year - 2015) + i
            )
            rows.append(
                {
                    "series": name,
                    "period": str(year),
                    "value": value,
                    "lower": value - 1,
                    "upper": value + 1,
                }
            )
    for year in range(2015, 2024):
        rows.append({"series": "Regionen", "period": str(year), "value": 21 - 0.5 * (year - 2015)})
    return pd.DataFrame(rows)


def quarterly() -> pd.DataFrame:
    rows = []
    for i, name in enumerate(CLUSTERS[:2]):
        for year in (2017, 2018):
            for q in range(1, 5):
                value = (
                    None
                    if (name, year, q) == ("Klynge Nord", 2017, 3)
                    else 1200.0 - 10 * q + 50 * i
                )
                rows.append({"series": name, "period": f"{year}K{q}", "value": value})
    return pd.DataFrame(rows)


@dataclass
class GapRow:
    """The attributes of a goals.status.StatusRow that gap_change_chart reads: a gap that
    narrowed from 15,4 to 12,5 procentpoint, within the noise, with a target of 12,3."""

    verdict: str = "uncertain"
    status: str = "on_track"
    certainty: str = "uncertain"
    unit: str = "procentpoint"
    decimals: int = 1
    gap: bool = True
    indicator_name: str = "Daglige rygere"
    area_name: str = "Aarhusklyngen"
    subject: str = "Forskel: Grundskole − Lang videregående"
    base_period: str | None = "2017"
    base_value: float | None = 15.4
    base_lower: float | None = 12.6
    base_upper: float | None = 18.2
    base_se: float | None = 1.43
    latest_period: str | None = "2023"
    latest_value: float | None = 12.5
    latest_lower: float | None = 9.9
    latest_upper: float | None = 15.1
    latest_se: float | None = 1.32
    target: float | None = 12.3
    target_period: str | None = "2025"
    change: float | None = -2.9
    change_per_year: float | None = -2.9 / 6


def every_chart(lang: str) -> dict[str, go.Figure]:
    education = pd.DataFrame(
        [
            {
                "group": g,
                "period": str(y),
                "value": None if (g, y) == ("Grundskole", 2018) else 24 - 5 * k - 0.3 * (y - 2015),
            }
            for k, g in enumerate(["Grundskole", "Erhvervsfaglig", "Lang videregående"])
            for y in range(2015, 2024)
        ]
    )
    return {
        "series": series_chart(
            yearly(), unit="%", decimals=1, title="Dagligrygere", lang=lang, source="Sundhedsprofilen",
            target=12.0, target_period="2025", baseline_period="2017", highlight="Klynge Syd", reference="Regionen",
        ),
        "series_quarterly": series_chart(
            quarterly(), unit="per 100.000", decimals=0, title="Genindlæggelser", lang=lang,
            source="LPR", target=1000, target_period="2019K4",
        ),
        "criterion": criterion_chart(
            yearly()[lambda f: f["series"] != "Regionen"], baseline_period="2017", target_value=12.0,
            target_period="2025", unit="%", decimals=1, title="Succeskriterium", lang=lang, highlight="Klynge Nord",
        ),
        "bullet": bullet_chart(
            baseline=17.8, latest=15.1, target=12.0, unit="%", decimals=1, higher_is_better=False,
            status="needs_acceleration", status_style=STATUS_STYLE, lang=lang, title="Dagligrygere",
            baseline_period="2017", latest_period="2023", target_period="2025",
        ),
        "sparkline": sparkline(["2015", "2016", "2018"], [1.0, None, 3.0], status="uncertain", lang=lang),
        "gap_change": gap_change_chart(GapRow(), lang=lang),
        "inequality": inequality_chart(
            education, groups=["Grundskole", "Erhvervsfaglig", "Lang videregående"],
            gap_groups=("Grundskole", "Lang videregående"), target_gap=8.0, target_period="2025",
            unit="%", decimals=1, lang=lang, title="Ulighed", source="Sundhedsprofilen",
        ),
        "grid": status_grid(
            {
                ("nord", "kol"): {"status": "on_track", "n": 5, "support": 3, "counts": {"on_track": 2, "target_achieved": 1, "deterioration": 2}},
                ("nord", "diabetes"): {"status": "deterioration", "n": 2, "counts": {"deterioration": 2}},
                ("syd", "kol"): {"status": "not_available", "n": 1, "counts": {"not_available": 1}},
                ("syd", "diabetes"): {"status": "uncertain", "n": 4, "counts": {"on_track": 1, "uncertain": 2, "deterioration": 1}},
            },
            rows=[("nord", "Klynge Nord"), ("syd", "Klynge Syd")],
            columns=[("kol", "KOL og rygning"), ("diabetes", "Diabetes"), ("psyk", "Psykiatri")],
            status_style=STATUS_STYLE, lang=lang, title="Overblik",
        ),
        "comparison": comparison_chart(
            pd.DataFrame(
                {
                    "area": ["A", "B", "C", "D"],
                    "value": [14.0, 17.0, 20.0, None],
                    "lower": [13.0, 15.0, 19.0, None],
                    "upper": [15.0, 19.0, 21.0, None],
                }
            ),
            reference_value=17.1, unit="%", decimals=1, higher_is_better=False, lang=lang,
            title="Sammenlignet med regionen", comparison_style=COMPARISON_STYLE, source="Sundhedsprofilen",
        ),
    }  # fmt: skip


@pytest.fixture(scope="module", params=["da", "en"])
def figures(request) -> tuple[str, dict[str, go.Figure]]:
    return request.param, every_chart(request.param)


def font_sizes(node: Any, path: str = "") -> list[tuple[str, float]]:
    """Every explicit font size anywhere in the figure (layout, template, traces)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            if (
                key == "size"
                and "font" in path.rsplit(".", 1)[-1]
                and isinstance(value, int | float)
            ):
                found.append((here, value))
            found += font_sizes(value, here)
    elif isinstance(node, list | tuple):
        for i, value in enumerate(node):
            found += font_sizes(value, f"{path}[{i}]")
    return found


def data_traces(fig: go.Figure) -> list[go.Scatter]:
    """Traces of measured values (they carry the period in customdata)."""
    return [
        tr
        for tr in fig.data
        if tr.customdata is not None and tr.hovertemplate and "customdata[0]" in tr.hovertemplate
    ]


def trace(fig: go.Figure, name: str) -> go.Scatter:
    return next(tr for tr in fig.data if tr.name == name and tr.customdata is not None)


def colours_used(fig: go.Figure) -> set[str]:
    used = set()
    for tr in fig.data:
        for colour in (
            getattr(tr.line, "color", None),
            tr.marker.color,
            getattr(tr, "fillcolor", None),
        ):
            if isinstance(colour, str):
                used.add(colour)
    for shape in fig.layout.shapes:
        for colour in (shape.fillcolor, shape.line.color):
            if isinstance(colour, str):
                used.add(colour)
    return used


def as_hex(colour: str) -> str:
    if colour.startswith("rgba("):
        r, g, b, _ = colour[5:-1].split(",")
        return f"#{int(r):02X}{int(g):02X}{int(b):02X}"
    return colour.upper()


# --- style -------------------------------------------------------------------------------------


def test_every_font_is_at_least_14_px_and_titles_are_larger(figures):
    _, figs = figures
    for name, fig in figs.items():
        sizes = font_sizes(fig.to_dict())
        assert sizes, name
        small = [(path, size) for path, size in sizes if size < MIN_FONT_SIZE]
        assert not small, f"{name}: {small}"
        assert fig.layout.font.size >= MIN_FONT_SIZE
        assert fig.layout.title.font.size > fig.layout.font.size


def test_separators_follow_the_language(figures):
    lang, figs = figures
    for fig in figs.values():
        assert fig.layout.separators == (",." if lang == "da" else ".,")


def test_white_background_light_grid_and_offline_font(figures):
    _, figs = figures
    for name, fig in figs.items():
        assert fig.layout.paper_bgcolor == fig.layout.plot_bgcolor == "#FFFFFF", name
        assert fig.layout.font.family == charts.FONT_FAMILY
        assert fig.layout.xaxis.gridcolor == charts.GRID
    assert "Liberation Sans" in charts.FONT_FAMILY and "DejaVu Sans" in charts.FONT_FAMILY


def test_colours_come_from_the_palette_and_the_status_styles(figures):
    _, figs = figures
    allowed = {c.upper() for c in (*PALETTE, *NEUTRALS, *STYLE_COLOURS)}
    for name, fig in figs.items():
        wrong = {c for c in colours_used(fig) if as_hex(c) not in allowed}
        assert not wrong, f"{name}: {wrong}"


def test_plotly_config_for_streamlit():
    assert PLOTLY_CONFIG["displaylogo"] is False
    assert PLOTLY_CONFIG["toImageButtonOptions"]["filename"]
    config = charts.plotly_config("dagligrygere")
    assert config["toImageButtonOptions"]["filename"] == "dagligrygere"
    assert PLOTLY_CONFIG["toImageButtonOptions"]["filename"] == "maalbillede"  # not changed


def test_line_traces_never_connect_gaps(figures):
    _, figs = figures
    for name, fig in figs.items():
        for tr in fig.data:
            if tr.mode and "lines" in tr.mode and not tr.fill:
                assert tr.connectgaps is False, (name, tr.name)


# --- series_chart ------------------------------------------------------------------------------


def test_missing_values_are_gaps_not_zeros():
    fig = series_chart(yearly(), unit="%", decimals=1, title="Dagligrygere")
    syd = trace(fig, "Klynge Syd")
    by_year = dict(zip(syd.x, syd.y, strict=True))
    assert by_year[2019] is None  # NaN in the data
    assert by_year[2021] is None  # no row at all: the line still breaks
    assert 0 not in syd.y
    assert by_year[2020] == pytest.approx(18.5)


def test_target_is_a_dashed_line_a_marker_and_a_label():
    fig = series_chart(yearly(), unit="%", decimals=1, title="x", target=12.0, target_period="2025")
    lines = [s for s in fig.layout.shapes if s.y0 == s.y1 == 12.0]
    assert lines and lines[0].line.dash == "dash"
    markers = [tr for tr in fig.data if tr.mode == "markers" and list(tr.y) == [12.0]]
    assert markers and markers[0].x[0] == 2025
    assert any("Mål 2025: 12,0 %" in (a.text or "") for a in fig.layout.annotations)
    assert max(fig.layout.xaxis.range) > 2025  # the target period is on the axis
    english = series_chart(
        yearly(), unit="%", decimals=1, title="x", target=12.0, target_period="2025", lang="en"
    )
    assert any("Target 2025: 12.0 %" in (a.text or "") for a in english.layout.annotations)


def test_target_label_never_covers_data():
    # data well above the target: the label goes over the line
    high = series_chart(
        yearly(), unit="%", decimals=1, title="x", target=12.0, target_period="2025"
    )
    label = next(a for a in high.layout.annotations if "Mål 2025" in (a.text or ""))
    assert label.yanchor == "bottom"
    # data just above the target: the label goes under the line
    near = yearly().assign(value=lambda f: f["value"] - 5.5)
    low = series_chart(near, unit="%", decimals=1, title="x", target=10.0, target_period="2025")
    label = next(a for a in low.layout.annotations if "Mål 2025" in (a.text or ""))
    assert label.yanchor == "top"
    # data just above and just below the target near its period: the label goes in the legend
    frame = pd.DataFrame(
        {"series": ["a"] * 4 + ["b"] * 4, "period": ["2020", "2021", "2022", "2023"] * 2,
         "value": [13.0, 12.6, 12.3, 12.2, 11.0, 11.4, 11.7, 11.8]}
    )  # fmt: skip
    both = series_chart(frame, unit="%", decimals=1, title="x", target=12.0, target_period="2025")
    assert not any("Mål 2025" in (a.text or "") for a in both.layout.annotations)
    marker = next(tr for tr in both.data if tr.mode == "markers" and list(tr.y) == [12.0])
    assert marker.showlegend and "Mål 2025: 12,0 %" in marker.name


def test_target_without_period_is_a_labelled_line():
    fig = series_chart(yearly(), unit="%", decimals=1, title="x", target=12.5)
    assert any(s.y0 == 12.5 and s.line.dash == "dash" for s in fig.layout.shapes)
    assert any("Mål: 12,5 %" in (a.text or "") for a in fig.layout.annotations)


def test_hover_has_value_with_decimals_unit_period_and_source():
    fig = series_chart(quarterly(), unit="per 100.000", decimals=0, title="x", source="LPR")
    nord = trace(fig, "Klynge Nord")
    assert "%{y:,.0f} per 100.000" in nord.hovertemplate
    assert "%{customdata[0]}" in nord.hovertemplate
    assert "Kilde: LPR" in nord.hovertemplate
    assert nord.customdata[1][0] == "2. kvt. 2017"
    english = series_chart(
        quarterly(), unit="per 100,000", decimals=0, title="x", source="LPR", lang="en"
    )
    assert trace(english, "Klynge Nord").customdata[1][0] == "Q2 2017"
    assert "Source: LPR" in trace(english, "Klynge Nord").hovertemplate


def test_hover_of_every_data_trace_names_unit_and_period(figures):
    _, figs = figures
    for name in ("series", "criterion", "inequality", "series_quarterly"):
        for tr in data_traces(figs[name]):
            assert "%{customdata[0]}" in tr.hovertemplate, (name, tr.name)
            assert any(
                u in tr.hovertemplate
                for u in ("%", "per 100.000", "procentpoint", "percentage points")
            )


def test_quarterly_data_sit_at_quarter_years_with_period_ticks():
    fig = series_chart(quarterly(), unit="per 100.000", decimals=0, title="x")
    nord = trace(fig, "Klynge Nord")
    assert list(nord.x[:4]) == [2017, 2017.25, 2017.5, 2017.75]
    assert nord.y[2] is None  # 2017K3 missing
    # eight quarters: every other labelled (at most 7 labels, level on a phone)
    assert list(fig.layout.xaxis.ticktext) == [
        "1. kvt. 2017",
        "3. kvt. 2017",
        "1. kvt. 2018",
        "3. kvt. 2018",
    ]
    long = pd.DataFrame(
        {
            "series": "a",
            "period": [f"{y}K{q}" for y in range(2015, 2024) for q in range(1, 5)],
            "value": 1.0,
        }
    )
    axis = series_chart(long, unit="%", decimals=1, title="x").layout.xaxis
    assert list(axis.ticktext) == [str(y) for y in range(2015, 2024, 2)]  # many quarters: years
    assert len(axis.minor.tickvals) == 36


def test_yearly_ticks_are_years_and_units_are_on_the_axis():
    fig = series_chart(yearly(), unit="%", decimals=1, title="x", target=12.0, target_period="2025")
    assert list(fig.layout.xaxis.ticktext) == [str(y) for y in range(2015, 2026, 2)]
    assert fig.layout.yaxis.ticksuffix == " %"
    long_unit = series_chart(quarterly(), unit="per 100.000", decimals=0, title="x")
    assert long_unit.layout.yaxis.title.text == "per 100.000"
    assert long_unit.layout.yaxis.tickformat == ",~r"  # 12000 → 12.000, never 12k


def test_highlight_band_and_reference():
    fig = series_chart(
        yearly(), unit="%", decimals=1, title="x", highlight="Klynge Syd", reference="Regionen"
    )
    syd = trace(fig, "Klynge Syd")
    nord = trace(fig, "Klynge Nord")
    assert syd.line.width > nord.line.width
    assert fig.data[-1].name == "Klynge Syd"  # drawn on top
    bands = [tr for tr in fig.data if tr.fill == "toself"]
    assert bands and all(as_hex(tr.fillcolor) == as_hex(syd.line.color) for tr in bands)
    # Syd has values missing in 2019 and 2021, so its band has three stretches
    assert (
        len(bands)
        + len([tr for tr in fig.data if tr.legendgroup == "Klynge Syd-band" and not tr.fill])
        == 3
    )
    region = trace(fig, "Regionen")
    assert region.line.dash == "dash" and region.line.color == charts.MUTED
    assert "95 %-sikkerhedsinterval: 20,0–22,0" in syd.customdata[0][1]


def test_fixed_colours_keep_a_cluster_in_its_colour():
    fig = series_chart(
        yearly(), unit="%", decimals=1, title="x", colours={"Klynge Syd": PALETTE[0]}
    )
    assert trace(fig, "Klynge Syd").line.color == PALETTE[0]
    assert trace(fig, "Klynge Nord").line.color == PALETTE[1]  # the next free colour
    assert trace(fig, "Klynge Øst").line.color == PALETTE[2]


def test_names_are_not_read_as_markup():
    frame = pd.DataFrame({"series": ["<b>A&B</b>"], "period": ["2020"], "value": [1.0]})
    fig = series_chart(frame, unit="%", decimals=1, title="<i>t</i>")
    assert fig.data[0].name == "&lt;b&gt;A&amp;B&lt;/b&gt;"
    assert "&lt;i&gt;" in fig.layout.title.text


# --- criterion_chart ---------------------------------------------------------------------------


def test_criterion_chart_draws_the_required_path_from_baseline_to_target():
    frame = yearly()[lambda f: f["series"] != "Regionen"]
    fig = criterion_chart(
        frame, baseline_period="2017", target_value=12.0, target_period="2025", unit="%", decimals=1,
        title="x", highlight="Klynge Nord",
    )  # fmt: skip
    path = next(tr for tr in fig.data if tr.name == "Nødvendig udvikling")
    assert path.x[0] == 2017 and path.x[-1] == 2025
    assert path.y[0] == pytest.approx(19.0)  # Klynge Nord's value in 2017
    assert path.y[-1] == pytest.approx(12.0)
    # the path is constant annual growth, as the progress method judges
    rate = (12 / 19) ** (1 / 8)
    assert path.y[4] == pytest.approx(19 * rate**4)
    assert any("Mål 2025: 12,0 %" in (a.text or "") for a in fig.layout.annotations)
    assert any(
        s.type == "line" and s.x0 == 2017 and s.line.dash == "dot" for s in fig.layout.shapes
    )
    given = criterion_chart(
        frame, baseline_period="2017", baseline_value=20.0, target_value=12.0, target_period="2025",
        unit="%", decimals=1, title="x",
    )  # fmt: skip
    assert next(tr for tr in given.data if tr.name == "Nødvendig udvikling").y[0] == 20.0


def test_criterion_path_is_straight_when_the_sign_changes():
    frame = pd.DataFrame({"series": "gap", "period": ["2017", "2018"], "value": [2.0, 1.0]})
    fig = criterion_chart(
        frame, baseline_period="2017", baseline_value=2.0, target_value=-2.0, target_period="2021",
        unit="procentpoint", decimals=1, title="x",
    )  # fmt: skip
    path = next(tr for tr in fig.data if tr.name == "Nødvendig udvikling")
    assert list(path.y) == pytest.approx([2.0, 1.0, 0.0, -1.0, -2.0])


# --- bullet, sparkline -------------------------------------------------------------------------


def verdict_badge(fig: go.Figure) -> Any:
    """The annotation drawn on a verdict's colour (the badge with the verdict in words)."""
    return next(
        a for a in fig.layout.annotations if a.bgcolor and a.bgcolor != "rgba(255,255,255,0.88)"
    )


def test_bullet_chart_shows_verdict_colour_symbol_label_and_values():
    fig = bullet_chart(
        baseline=17.8, latest=15.1, target=12.0, unit="%", decimals=1, higher_is_better=False,
        status="needs_acceleration", status_style=STATUS_STYLE, latest_period="2023",
    )  # fmt: skip
    badge = verdict_badge(fig)
    assert "● Fremgang – men for langsom" in badge.text
    assert badge.bgcolor == STATUS_STYLE["needs_acceleration"].colour
    assert badge.font.color == STATUS_STYLE["needs_acceleration"].ink
    assert any(
        s.fillcolor == STATUS_STYLE["needs_acceleration"].colour and {s.x0, s.x1} == {15.1, 17.8}
        for s in fig.layout.shapes
    )
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert "Seneste 2023: 15,1 %" in texts and "Mål: 12,0 %" in texts and "17,8 %" in texts
    assert "← bedre" in texts
    english = bullet_chart(
        baseline=1000, latest=1500, target=2000, unit="antal", decimals=0, higher_is_better=True,
        status="on_track", status_style=STATUS_STYLE, lang="en",
    )  # fmt: skip
    assert "▲ On track" in verdict_badge(english).text
    assert "1,500 antal" in " ".join(a.text for a in english.layout.annotations)


def test_bullet_chart_colours_the_uncertain_verdict_and_uses_the_product_styles_by_default():
    fig = bullet_chart(
        baseline=15.4, latest=12.5, target=12.3, unit="%", decimals=1, higher_is_better=False,
        status="uncertain",
    )  # fmt: skip
    style = STATUS_STYLE["uncertain"]
    badge = verdict_badge(fig)
    assert f"{style.icon} Ingen sikker ændring" in badge.text
    assert (badge.bgcolor, badge.font.color) == (style.colour, style.ink)
    assert fig.data[0].marker.color == style.colour  # the latest value
    # dark fills carry white text: the ink of the style, not a fixed black
    dark = bullet_chart(
        baseline=1.0, latest=2.0, target=0.5, unit="%", decimals=1, higher_is_better=False,
        status="deterioration",
    )  # fmt: skip
    assert verdict_badge(dark).font.color == STATUS_STYLE["deterioration"].ink == "#FFFFFF"


def test_bullet_chart_takes_plain_colour_symbol_pairs_too():
    fig = bullet_chart(
        baseline=1.0, latest=2.0, target=3.0, unit="%", decimals=1, higher_is_better=True,
        status="on_track", status_style={"on_track": ("#5698F2", "▲")},
    )  # fmt: skip
    badge = verdict_badge(fig)
    assert badge.bgcolor == "#5698F2" and badge.font.color == "#1A1A1A"
    white = bullet_chart(
        baseline=1.0, latest=2.0, target=3.0, unit="%", decimals=1, higher_is_better=True,
        status="deterioration", status_style={"deterioration": ("#C23901", "x")},
    )  # fmt: skip
    assert verdict_badge(white).font.color == "#FFFFFF"


def test_bullet_chart_can_leave_the_badge_to_the_page():
    fig = bullet_chart(
        baseline=1.0, latest=2.0, target=3.0, unit="%", decimals=1, higher_is_better=True,
        status="on_track", badge=False,
    )  # fmt: skip
    assert not [a for a in fig.layout.annotations if a.bgcolor]
    assert "▲ Seneste: 2,0 %" in " ".join(a.text for a in fig.layout.annotations)
    assert fig.layout.margin.t < 64


def test_bullet_chart_labels_close_together_go_on_both_sides():
    fig = bullet_chart(
        baseline=10.0, latest=10.2, target=10.3, unit="%", decimals=1, higher_is_better=True,
        status="on_track", status_style=STATUS_STYLE,
    )  # fmt: skip
    anchors = [
        a.yanchor for a in fig.layout.annotations if a.text and "%" in a.text and a.yref != "paper"
    ]
    assert set(anchors) == {"top", "bottom"}


def test_bullet_chart_labels_that_would_overlap_on_a_phone_each_get_their_own_row():
    fig = bullet_chart(
        baseline=20.7, latest=16.9, target=16.6, unit="%", decimals=1, higher_is_better=False,
        status="on_track", baseline_period="2017", latest_period="2023", target_period="2025",
        badge=False,
    )  # fmt: skip
    labels = [a for a in fig.layout.annotations if "%" in (a.text or "")]
    assert len(labels) == 3
    rows = {(a.yanchor, a.yshift or 0) for a in labels}
    assert len(rows) == 3  # above, below, and a second row above
    latest = next(a for a in labels if "Seneste" in a.text)
    assert (latest.yanchor, latest.yshift or 0) == ("bottom", 0)  # next to the bar
    assert fig.layout.margin.t > 12 and fig.layout.height > 150


def test_bullet_chart_with_missing_values_still_builds():
    fig = bullet_chart(
        baseline=None, latest=None, target=12.0, unit="%", decimals=1, higher_is_better=None,
        status="not_available", status_style=STATUS_STYLE,
    )  # fmt: skip
    assert "? Kan ikke vurderes" in verdict_badge(fig).text


def test_no_chart_uses_emoji_prone_symbols(figures):
    _, figs = figures
    for name, fig in figs.items():
        text = fig.to_json()
        assert not [c for c in EMOJI_PRONE if c in text], name


def test_sparkline_is_tiny_without_axes_and_keeps_gaps():
    fig = sparkline(["2015K1", "2015K2", "2015K4"], [1.0, 2.0, 3.0], status_colour="#009E73")
    line = fig.data[0]
    assert list(line.x) == [2015, 2015.25, 2015.5, 2015.75]
    assert line.y[2] is None
    assert line.line.color == "#009E73"
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert fig.layout.height <= 60
    assert sparkline([], []).data  # no data: an empty line, not an error


def test_sparkline_marks_the_latest_value_in_the_verdict_colour():
    for verdict, style in STATUS_STYLE.items():
        fig = sparkline(["2015", "2016", "2017"], [1.0, 2.0, 1.5], status=verdict)
        latest = fig.data[-1]
        assert list(latest.y) == [1.5]
        assert latest.marker.color == style.colour, verdict
        # a light verdict colour would vanish as a line on white: the line stays dark
        assert fig.data[0].line.color == charts.INK
        assert latest.marker.line.color == charts.INK


# --- inequality --------------------------------------------------------------------------------


def test_inequality_chart_has_the_gap_and_its_target_in_a_second_panel(figures):
    lang, figs = figures
    fig = figs["inequality"]
    gap = next(tr for tr in fig.data if tr.yaxis == "y2")
    by_year = dict(zip(gap.x, gap.y, strict=True))
    assert by_year[2015] == pytest.approx(10.0)  # 24 − 14
    assert by_year[2018] is None  # Grundskole missing
    points = "procentpoint" if lang == "da" else "percentage points"
    assert points in gap.hovertemplate
    assert any(s.y0 == 8.0 and s.line.dash == "dash" and s.yref == "y2" for s in fig.layout.shapes)
    target_label = (
        "Mål for forskel 2025: 8,0 procentpoint"
        if lang == "da"
        else "Target gap 2025: 8.0 percentage points"
    )
    assert any(target_label in (a.text or "") for a in fig.layout.annotations)
    assert fig.layout.yaxis2.title.text == points
    # a steady gap of 10 points and a target of 8: the axis spans them (zero is far below)
    assert fig.layout.yaxis2.range == pytest.approx((7.5, 10.5))


@pytest.mark.parametrize(
    "gaps,target,expected",
    [
        ([20.8, 19.7, 17.5, 17.0, 14.1], 14.0, (14.0 - 1.7, 20.8 + 1.7)),  # far above zero
        ([-20.0, -18.0], -15.0, (-21.25, -13.75)),  # B above A: the same, below zero
        ([4.0, 9.0], 8.0, None),  # near zero: zero stays on the axis
        ([3.0, -1.0], None, None),  # the gap changes sign
        ([None, 5.0], None, None),  # one value: nothing to span
    ],
)
def test_the_gap_panel_shows_a_change_and_not_a_flat_line(gaps, target, expected):
    frame = pd.DataFrame(
        [
            {"group": g, "period": str(2015 + i), "value": v}
            for i, gap in enumerate(gaps)
            for g, v in (("A", None if gap is None else 30.0 + gap), ("B", 30.0))
        ]
    )
    fig = inequality_chart(
        frame, groups=["A", "B"], gap_groups=("A", "B"), target_gap=target,
        target_period="2025" if target is not None else None, unit="%", decimals=1, title="x",
    )  # fmt: skip
    axis = fig.layout.yaxis2
    if expected is None:
        assert axis.rangemode == "tozero" and axis.range is None
    else:
        assert axis.range == pytest.approx(expected)
        low, high = axis.range
        shown = [v for v in [*gaps, target] if v is not None]
        assert low < min(shown) and max(shown) < high and not low <= 0 <= high


# --- status grid -------------------------------------------------------------------------------


@dataclass
class RollUp:  # the shape of goals.status.progress.RollUp
    status: str
    score: float | None
    n: int
    n_available: int
    counts: dict[str, int] = field(default_factory=dict)


def test_status_grid_cells_have_colour_icon_label_and_counts(figures):
    lang, figs = figures
    fig = figs["grid"]
    texts = [a.text for a in fig.layout.annotations]
    on_track = STATUS_STYLE["on_track"]
    if lang == "da":
        assert (
            f"<span style='color:{on_track.ink}'><b>▲ På rette spor</b><br>"
            "<span style='font-size:17px'>3 af 5 succeskriterier<br>på rette spor eller bedre"
            "</span></span>"
        ) in texts
        assert any("Ingen succeskriterier" in text for text in texts)
    else:
        assert any(
            "<b>▲ On track</b>" in text and "3 of 5 success criteria<br>on track or better" in text
            for text in texts
        )
    fills = [s.fillcolor for s in fig.layout.shapes]
    for verdict in ("on_track", "deterioration", "not_available", "uncertain"):
        assert STATUS_STYLE[verdict].colour in fills, verdict
    assert list(fig.layout.yaxis.ticktext) == ["<b>Klynge Nord</b>", "<b>Klynge Syd</b>"]
    hover = fig.data[0].hovertext[0]
    assert f"{STATUS_STYLE['deterioration'].icon} " in hover and ": 2" in hover


def test_status_grid_shows_the_uncertain_verdict_with_its_count_and_ink(figures):
    lang, figs = figures
    fig = figs["grid"]
    style = STATUS_STYLE["uncertain"]
    label = "Ingen sikker ændring" if lang == "da" else "No certain change"
    cell = next(a.text for a in fig.layout.annotations if label in a.text)
    assert f"<b>{style.icon} {label}</b>" in cell
    assert f"color:{style.ink}" in cell
    # the support worked out from the counts: 3 of 4 are "uncertain" or better
    assert ("3 af 4 succeskriterier<br>ikke i forværring" if lang == "da" else "3 of 4") in cell
    deterioration = STATUS_STYLE["deterioration"]
    dark = next(a.text for a in fig.layout.annotations if deterioration.icon in a.text)
    assert f"color:{deterioration.ink}" in dark and deterioration.ink == "#FFFFFF"


def test_status_grid_takes_combined_verdicts():
    from goals.status.verdicts import combine

    cells = {
        ("a", "x"): combine(["target_achieved", "target_achieved"]),
        ("a", "y"): combine(["uncertain", "deterioration", "uncertain"]),
    }
    fig = status_grid(cells, rows=[("a", "A")], columns=[("x", "X"), ("y", "Y")])
    texts = [a.text for a in fig.layout.annotations]
    assert any(
        "✓ Målet er nået" in x and "2 af 2 succeskriterier<br>har nået målet" in x for x in texts
    )
    assert any("≈ Ingen sikker ændring" in x and "2 af 3 succeskriterier" in x for x in texts)
    fills = {s.fillcolor for s in fig.layout.shapes}
    assert {STATUS_STYLE["target_achieved"].colour, STATUS_STYLE["uncertain"].colour} <= fills


def test_status_grid_takes_roll_ups_without_support():
    cells = {("a", "x"): RollUp("target_achieved", 5.0, 2, 2, {"target_achieved": 2})}
    fig = status_grid(cells, rows=[("a", "A")], columns=[("x", "X")], status_style=STATUS_STYLE)
    assert any(
        "✓ Målet er nået" in (a.text or "") and "2 af 2 succeskriterier" in (a.text or "")
        for a in fig.layout.annotations
    )


def test_status_grid_is_tall_enough_for_many_rows():
    rows = [(str(i), f"Klynge {i}") for i in range(6)]
    fig = status_grid({}, rows=rows, columns=[("x", "X")], status_style=STATUS_STYLE, title="t")
    assert fig.layout.height >= 100 * len(rows)


# --- comparison --------------------------------------------------------------------------------


def test_comparison_chart_marks_better_similar_worse_with_colour_and_symbol(figures):
    lang, figs = figures
    fig = figs["comparison"]
    by_name = {tr.name: tr for tr in fig.data}
    better = "Bedre end regionen" if lang == "da" else "Better than the region"
    worse = "Dårligere end regionen" if lang == "da" else "Worse than the region"
    assert list(by_name[better].y) == ["A"] and by_name[better].marker.symbol == "triangle-up"
    assert list(by_name[worse].y) == ["C"] and by_name[worse].marker.symbol == "triangle-down"
    assert by_name[better].marker.color == COMPARISON_STYLE["better"].colour
    symbols = {tr.marker.symbol for tr in fig.data}
    assert len(symbols) == len(fig.data)  # every result has its own shape
    assert any(s.x0 == s.x1 == 17.1 for s in fig.layout.shapes)  # the region
    assert any(
        "17,1 %" in (a.text or "") or "17.1 %" in (a.text or "") for a in fig.layout.annotations
    )
    assert list(by_name[better].error_x.array) == [1.0]
    assert list(fig.layout.yaxis.categoryarray) == ["A", "B", "C", "D"]


def test_comparison_chart_uses_given_results():
    frame = pd.DataFrame(
        {"area": ["A"], "value": [1.0], "lower": [0.5], "upper": [1.5], "comparison": ["higher"]}
    )
    fig = comparison_chart(
        frame, reference_value=0.2, unit="antal", decimals=0, higher_is_better=None, title="x",
        comparison_style=COMPARISON_STYLE,
    )  # fmt: skip
    assert fig.data[0].marker.symbol == "arrow-up"
    assert fig.layout.xaxis.title.text == "antal"


def test_no_figure_contains_nan(figures):
    _, figs = figures
    for name, fig in figs.items():
        for tr in fig.data:
            for value in list(tr.y or []) + list(tr.x or []):
                assert not (isinstance(value, float) and math.isnan(value)), name


def test_survey_years_connect_but_a_year_the_others_have_is_a_gap():
    """Surveys held in 2010, 2013 and 2017 draw lines, not loose dots; a series without the
    2013 value that the other series have shows a gap there."""
    frame = pd.DataFrame(
        {
            "series": ["A", "A", "A", "B", "B"],
            "period": ["2010", "2013", "2017", "2010", "2017"],
            "value": [20.0, 18.0, 16.0, 22.0, 19.0],
        }
    )
    fig = series_chart(frame, unit="%", decimals=1, title="t", lang="da")
    lines = {trace.name: trace for trace in fig.data if trace.mode and "lines" in trace.mode}
    assert list(lines["A"].x) == [2010, 2013, 2017] and None not in lines["A"].y
    assert list(lines["B"].x) == [2010, 2013, 2017] and lines["B"].y[1] is None


# --- a gap before and after --------------------------------------------------------------------


def marker_at(fig: go.Figure, y: int) -> go.Scatter:
    """The base (y = 1) or latest (y = 0) point of gap_change_chart."""
    return next(tr for tr in fig.data if tr.mode == "markers" and list(tr.y) == [y])


def texts_of(fig: go.Figure) -> str:
    return "\n".join(a.text or "" for a in fig.layout.annotations)


def test_gap_change_chart_shows_base_and_latest_with_their_intervals(figures):
    lang, figs = figures
    fig = figs["gap_change"]
    base, latest = marker_at(fig, 1), marker_at(fig, 0)
    assert list(base.x) == [15.4] and list(latest.x) == [12.5]
    notes = next(a.text for a in fig.layout.annotations if a.yref == "paper" and a.y == 0)
    plain = notes.replace("<br>", " ")
    assert base.error_x.visible and latest.error_x.visible
    assert base.error_x.array[0] == pytest.approx(18.2 - 15.4)
    assert base.error_x.arrayminus[0] == pytest.approx(15.4 - 12.6)
    assert latest.error_x.array[0] == pytest.approx(15.1 - 12.5)
    assert latest.error_x.arrayminus[0] == pytest.approx(12.5 - 9.9)
    texts = texts_of(fig)
    if lang == "da":
        assert "15,4 procentpoint" in texts and "95 %-interval: 12,6–18,2" in texts
        assert "12,5 procentpoint" in texts and "95 %-interval: 9,9–15,1" in texts
        assert "Ændring 2017–2023: −2,9 procentpoint (−0,5 om året)" in texts
        # the notes wrap into short lines (plotly does not wrap text itself)
        assert "Inden for den statistiske usikkerhed (±3,8 procentpoint)." in plain
        assert max(len(line) for line in notes.split("<br>")) <= charts._WRAP
        ticks = list(fig.layout.yaxis.ticktext)
        assert ticks == ["<b>Basis</b><br>2017", "<b>Seneste</b><br>2023"]
    else:
        assert "15.4 procentpoint" in texts and "95 % interval: 12.6–18.2" in texts
        assert "Within the statistical uncertainty (±3.8 procentpoint)." in plain
    # the base above the latest, an arrow from one to the other
    arrow = next(a for a in fig.layout.annotations if a.showarrow)
    assert (arrow.ax, arrow.ay, arrow.x, arrow.y) == (15.4, 1, 12.5, 0)
    assert fig.layout.xaxis.range[0] <= 0  # a gap reads against no gap at all


def test_gap_change_chart_draws_the_target_as_a_line_with_its_period(figures):
    lang, figs = figures
    fig = figs["gap_change"]
    line = next(s for s in fig.layout.shapes if s.x0 == s.x1 == 12.3)
    assert line.line.dash == "dash"
    label = "Mål 2025: 12,3 procentpoint" if lang == "da" else "Target 2025: 12.3 procentpoint"
    assert label in texts_of(fig)
    assert fig.layout.xaxis.range[1] > 18.2  # the whole interval is on the axis


def test_gap_change_chart_shows_the_verdict_in_words_on_its_colour(figures):
    lang, figs = figures
    fig = figs["gap_change"]
    style = STATUS_STYLE["uncertain"]
    badge = verdict_badge(fig)
    label = "Ingen sikker ændring" if lang == "da" else "No certain change"
    assert badge.text == f"<b>{style.icon} {label}</b>"
    assert (badge.bgcolor, badge.font.color) == (style.colour, style.ink)
    assert marker_at(fig, 0).marker.color == style.colour  # the latest value in its colour
    assert marker_at(fig, 1).marker.color == "#FFFFFF"  # the base is open


@pytest.mark.parametrize("verdict", list(STATUS_STYLE))
def test_gap_change_chart_takes_every_verdict(verdict):
    fig = gap_change_chart(GapRow(verdict=verdict), lang="da")
    style = STATUS_STYLE[verdict]
    badge = verdict_badge(fig)
    assert (badge.bgcolor, badge.font.color) == (style.colour, style.ink)
    assert style.icon in badge.text


def test_gap_change_chart_falls_back_to_standard_errors_for_the_intervals():
    row = GapRow(base_lower=None, base_upper=None, latest_lower=None, latest_upper=None)
    fig = gap_change_chart(row, lang="da")
    base, latest = marker_at(fig, 1), marker_at(fig, 0)
    assert base.error_x.array[0] == pytest.approx(1.96 * 1.43)
    assert base.error_x.arrayminus[0] == pytest.approx(1.96 * 1.43)
    assert latest.error_x.array[0] == pytest.approx(1.96 * 1.32)
    # without limits or standard errors: no interval, and the chart says so
    bare = gap_change_chart(
        GapRow(base_lower=None, base_upper=None, base_se=None, certainty="unknown"), lang="da"
    )
    assert not marker_at(bare, 1).error_x.visible and marker_at(bare, 0).error_x.visible
    assert "uden oplyst usikkerhed" in texts_of(bare)
    assert "Tallene har ingen oplyst usikkerhed." in texts_of(bare)


def test_gap_change_chart_of_a_share_and_of_quarters():
    row = GapRow(
        unit="%", gap=False, base_period="2017K2", latest_period="2023K4", verdict="deterioration"
    )
    fig = gap_change_chart(row, lang="da", title="Egen titel")
    assert fig.layout.title.text == "<b>Egen titel</b>"
    texts = texts_of(fig)
    assert "15,4 %" in texts and "Mål 2. kvt. 2025" not in texts
    assert "−2,9 procentpoint" in texts  # a change of a share is in percentage points
    assert list(fig.layout.yaxis.ticktext) == [
        "<b>Basis</b><br>2. kvt. 2017",
        "<b>Seneste</b><br>4. kvt. 2023",
    ]
    assert fig.layout.xaxis.ticksuffix == " %"


def test_gap_change_chart_without_a_latest_value_or_target_still_builds():
    fig = gap_change_chart(
        GapRow(latest_value=None, latest_period=None, change=None, target=None, verdict="not_available"),
        lang="en",
    )  # fmt: skip
    texts = texts_of(fig)
    assert "No data" in texts and "Cannot be assessed" in texts
    assert not [s for s in fig.layout.shapes if s.x0 == s.x1 == 12.3]
    assert not any(a.showarrow for a in fig.layout.annotations)


def test_gap_change_chart_takes_a_real_status_row():
    from goals.status import StatusRow

    needed = {
        "base_value", "base_period", "base_lower", "base_upper", "base_se", "latest_value",
        "latest_period", "latest_lower", "latest_upper", "latest_se", "target", "target_period",
        "verdict", "certainty", "unit", "decimals", "change", "change_per_year", "subject",
        "indicator_name", "area_name", "gap",
    }  # fmt: skip
    assert needed <= set(StatusRow.__dataclass_fields__)


def test_the_timeline_names_each_initiative_above_its_bar_and_overdue_in_words():
    import datetime as dt
    from types import SimpleNamespace

    from goals.present.charts import timeline_chart

    def item(label, start, end, status="in_progress", overdue=False, milestone=None):
        return SimpleNamespace(
            label=label, start=start, end=end, status=status, overdue=overdue,
            next_milestone="Evaluering" if milestone else None, milestone_date=milestone,
        )  # fmt: skip

    items = [
        item(
            "Rygestop",
            dt.date(2024, 1, 1),
            dt.date(2026, 6, 30),
            overdue=True,
            milestone=dt.date(2025, 3, 1),
        ),
        item("Rygestop", dt.date(2025, 1, 1), dt.date(2027, 6, 30), status="completed"),
        item("Kun slut", None, dt.date(2027, 1, 1), status="not_started"),
        item("Uden datoer", None, None),
    ]
    fig = timeline_chart(
        items,
        today=dt.date(2026, 12, 5),
        x_range=(dt.date(2023, 1, 1), dt.date(2028, 1, 1)),
        lang="da",
    )
    bars = [t for t in fig.data if t.type == "bar" and t.y[0] is not None]
    # the same name twice: two rows, each bar in its own row under its name
    ys = [b.y[0] for b in bars]
    assert [round(y - ys[0], 9) for y in ys] == [0, 1, 2]
    assert all(
        y - n - b.width / 2 > -0.5 and y + b.width / 2 - n < 0.5
        for n, (y, b) in enumerate(zip(ys, bars, strict=True))
    )
    tops = [a.y for a in fig.layout.annotations]  # each name stands on its bar's top edge
    assert tops == pytest.approx([y - b.width / 2 for y, b in zip(ys, bars, strict=True)])
    labels = [a.text for a in fig.layout.annotations]
    assert labels[0].startswith('<span style="color:#AC1E04"><b>! Overskredet</b></span>')
    assert labels[1:] == ["Rygestop", "Kun slut"]  # the undated one is left to the table
    assert bars[0].marker.line.width == 3 and bars[1].marker.line.width == 1
    assert bars[2].x[0] == 7 * 86_400_000  # one date only: a week-wide mark
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert "► I gang" in legend and "✓ Gennemført" in legend and "I dag 05-12-2026" in legend
    assert tuple(fig.layout.xaxis.range) == ("2023-01-01", "2028-01-01")


def test_the_economy_chart_writes_the_amounts_and_names_what_is_over_budget():
    from goals.present.charts import economy_chart

    fig = economy_chart(["Midtklyngen", "Vestklyngen"], [100_000, 200_000], [120_000, 50_000])
    budget, spent = fig.data
    assert list(budget.text) == ["100.000 kr.", "200.000 kr."]
    assert list(spent.text) == ["120.000 kr.", "50.000 kr."]
    assert "Over budget" in budget.y[0] and "Over budget" not in budget.y[1]
    english = economy_chart(["A"], [2_450_000.5], [0], lang="en")
    assert english.data[0].text[0] == "DKK 2.5m"  # rounded on the chart
    assert english.data[0].customdata[0] == "DKK 2,450,000.50"  # exact on hover
    assert list(english.layout.xaxis.ticktext[:3]) == ["0", "1m", "2m"]


def test_a_chart_for_a_phone_has_its_target_label_in_the_legend():
    """On a narrow plot a label beside the target would span the data: it goes in the legend,
    under the plot with the series, and the title is on short lines."""
    frame = pd.DataFrame(
        [{"series": s, "period": str(y), "value": v + y - 2015}
         for s, v in (("Klynge Nord", 20.0), ("Klynge Syd", 14.0)) for y in range(2015, 2024)]
    )  # fmt: skip
    wide = criterion_chart(
        frame, baseline_period="2017", target_value=12.0, target_period="2025", unit="%",
        decimals=1, title="Daglige rygere, 16+ år · Grundskole", lang="da",
    )  # fmt: skip
    narrow = criterion_chart(
        frame, baseline_period="2017", target_value=12.0, target_period="2025", unit="%",
        decimals=1, title="Daglige rygere, 16+ år · Grundskole", lang="da", legend_above=True,
    )  # fmt: skip
    label = "Mål 2025: 12,0 %"
    assert any(label in (a.text or "") for a in wide.layout.annotations)
    assert not any(label in (a.text or "") for a in narrow.layout.annotations)
    diamond = next(tr for tr in narrow.data if label in (tr.name or ""))
    assert diamond.showlegend and diamond.marker.symbol == "diamond"
    assert narrow.layout.legend.orientation == "h" and narrow.layout.legend.y < 0
    assert "<br>" in narrow.layout.title.text and "<br>" not in wide.layout.title.text
