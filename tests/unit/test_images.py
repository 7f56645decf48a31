"""Chart images: PNG and SVG from Debian's Chromium, a whole batch per browser start."""

from __future__ import annotations

import struct

import pandas as pd
import plotly.graph_objects as go
import pytest

from goals.present import charts, images
from goals.present.images import ImageExportError, browser_path, render_image, render_images


def has_chromium() -> bool:
    try:
        browser_path()
    except ImageExportError:
        return False
    return True


needs_chromium = pytest.mark.skipif(not has_chromium(), reason="Chromium is not installed")


def three_figures() -> list[go.Figure]:
    frame = pd.DataFrame(
        {
            "series": "Klynge Nord",
            "period": ["2017", "2018", "2019", "2020"],
            "value": [20.1, None, 18.4, 17.9],
        }
    )
    style = {"on_track": ("#56B4E9", "▲")}
    return [
        charts.series_chart(frame, unit="%", decimals=1, title="Dagligrygere", target=12.0, target_period="2025"),
        charts.bullet_chart(
            baseline=20.1, latest=17.9, target=12.0, unit="%", decimals=1, higher_is_better=False,
            status="on_track", status_style=style,
        ),
        charts.status_grid(
            {("a", "x"): {"status": "on_track", "n": 2, "counts": {"on_track": 2}}},
            rows=[("a", "Klynge Nord")], columns=[("x", "KOL")], status_style=style,
        ),
    ]  # fmt: skip


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def browser_starts(monkeypatch) -> list[int]:
    """Counts the browsers render_images starts (each is a kaleido.Kaleido)."""
    starts: list[int] = []
    original = images._kaleido

    def counting(tabs: int, path: str):
        starts.append(tabs)
        return original(tabs, path)

    monkeypatch.setattr(images, "_kaleido", counting)
    return starts


@needs_chromium
@pytest.mark.slow
def test_three_pngs_in_one_browser(browser_starts):
    pngs = render_images(three_figures(), fmt="png", width=1600, height=900)
    assert len(pngs) == 3
    assert [png_size(png) for png in pngs] == [(1600, 900)] * 3
    assert len(browser_starts) == 1  # one browser for the whole batch
    assert len({png for png in pngs}) == 3  # three different pictures, in order


@needs_chromium
@pytest.mark.slow
def test_svgs_in_one_call_and_scale(browser_starts):
    svgs = render_images(three_figures(), fmt="svg", width=800, height=450)
    assert len(svgs) == 3 and len(browser_starts) == 1
    for svg in svgs:
        assert b"<svg" in svg[:500]
        assert b'width="800"' in svg[:500]
    assert b"Dagligrygere" in svgs[0]
    assert "Mål 2025: 12,0 %".encode() in svgs[0]  # Danish number format in the picture


@needs_chromium
@pytest.mark.slow
def test_every_kind_of_chart_renders_in_chromium(browser_starts):
    """plotly.js, not plotly.py, finds some mistakes (e.g. an unsupported shape layer)."""
    from tests.unit.test_charts import every_chart

    figures = every_chart("da")
    svgs = render_images(list(figures.values()), fmt="svg")
    assert len(svgs) == len(figures) and len(browser_starts) == 1
    assert all(b"<svg" in svg[:500] for svg in svgs)


@needs_chromium
@pytest.mark.slow
def test_render_image_one_figure_at_its_own_size():
    fig = charts.sparkline(["2015", "2016", "2017"], [1.0, 2.0, 1.5])
    assert png_size(render_image(fig, width=None, height=None, scale=2)) == (320, 88)


def test_nothing_to_render_starts_no_browser(browser_starts):
    assert render_images([]) == []
    assert browser_starts == []


def test_missing_chromium_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    monkeypatch.setattr(images.shutil, "which", lambda name: None)
    monkeypatch.setattr(images, "DEBIAN_CHROMIUM", str(tmp_path / "chromium"))
    with pytest.raises(ImageExportError) as error:
        render_images(three_figures())
    message = str(error.value)
    assert "Chromium" in message and message.count(". ") == 0 and message.endswith(".")


def test_only_png_and_svg():
    with pytest.raises(ValueError, match="png"):
        render_images(three_figures(), fmt="pdf")  # type: ignore[arg-type]


def test_the_browser_is_never_downloaded_and_nothing_is_fetched(monkeypatch):
    """The renderer is Debian's Chromium (an explicit path) and its page loads no MathJax."""
    created = {}

    class FakeKaleido:
        def __init__(self, **kwargs):
            created.update(kwargs)

    import kaleido

    monkeypatch.setattr(kaleido, "Kaleido", FakeKaleido)
    images._kaleido(2, "/usr/bin/chromium")
    assert created["path"] == "/usr/bin/chromium"
    assert created["mathjax"] is False
    assert created.get("plotlyjs") is None  # kaleido then uses plotly.js from the plotly package


def test_without_a_size_each_figure_is_drawn_at_its_own(monkeypatch):
    """A deck's charts differ in size (a gap chart beside its text is narrower): one batch
    with width and height None draws each at the size set on the figure."""
    seen: list[dict] = []

    async def fake_render_all(figures, opts, tabs, path):
        seen.extend(opts)
        return [b"png"] * len(figures)

    monkeypatch.setattr(images, "_render_all", fake_render_all)
    monkeypatch.setattr(images, "browser_path", lambda: "/usr/bin/chromium")
    figures = [
        go.Figure(layout={"width": 769, "height": 504}),
        go.Figure(layout={"width": 1200, "height": 504}),
    ]
    assert render_images(figures, fmt="png", width=None, height=None, scale=2) == [b"png"] * 2
    assert [(o["width"], o["height"], o["scale"]) for o in seen] == [(769, 504, 2), (1200, 504, 2)]
    seen.clear()
    render_images(figures, fmt="png", width=800, height=450)
    assert [(o["width"], o["height"]) for o in seen] == [(800, 450)] * 2


def gap_row(**changes):
    """What goals.present.charts.gap_change_chart reads of a StatusRow: a gap within the noise."""
    from types import SimpleNamespace

    values = dict(
        indicator_name="Daglige rygere", area_name="Klynge Nord", subject="Grundskole − Lang",
        unit="procentpoint", decimals=1, gap=True, base_period="2017", latest_period="2023",
        base_value=15.4, base_lower=12.6, base_upper=18.2, base_se=1.43,
        latest_value=12.5, latest_lower=9.9, latest_upper=15.1, latest_se=1.33,
        target=12.3, target_period="2025", verdict="uncertain", status="on_track",
        certainty="uncertain", change=-2.9, change_per_year=-0.48,
    )  # fmt: skip
    values.update(changes)
    return SimpleNamespace(**values)


@needs_chromium
@pytest.mark.slow
def test_gap_chart_renders_at_the_size_of_a_slide_beside_its_text(browser_starts):
    from goals.present.deck import presentation_figure
    from goals.present.pptx import CHART_PNG_SCALE, SIDE_CHART_FONT_SCALE, SIDE_CHART_PIXELS

    width, height = SIDE_CHART_PIXELS
    figures = [
        presentation_figure(
            charts.gap_change_chart(gap_row(**changes), lang="da", title=""),
            width=width, height=height, font_scale=SIDE_CHART_FONT_SCALE,
        )
        for changes in ({}, {"verdict": "deterioration", "latest_value": 19.0})
    ]  # fmt: skip
    pngs = render_images(figures, fmt="png", width=None, height=None, scale=CHART_PNG_SCALE)
    assert len(browser_starts) == 1
    assert [png_size(png) for png in pngs] == [(width * 2, height * 2)] * 2
    svg = render_image(figures[0], fmt="svg", width=None, height=None)
    assert "Ingen sikker ændring".encode() in svg and "12,6–18,2".encode() in svg
