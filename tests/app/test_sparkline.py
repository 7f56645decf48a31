"""The Klynge page's sparkline as inline SVG (goals.ui.sparkline): what the slides' Plotly
sparkline draws – a dark line with gaps for missing quarters, a lone value as a dot, the
latest value in the verdict's colour with a dark ring – in a few hundred bytes."""

from __future__ import annotations

import re

from goals.present.style import STATUS_STYLE
from goals.ui.sparkline import INK, sparkline_svg


def polylines(svg: str) -> list[list[tuple[float, float]]]:
    return [
        [tuple(float(v) for v in point.split(",")) for point in points.split()]
        for points in re.findall(r'<polyline points="([^"]+)"', svg)
    ]


def circles(svg: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'(\w[\w-]*)="([^"]*)"', c)) for c in re.findall(r"<circle [^>]*/>", svg)
    ]


def test_a_yearly_series_is_one_line_ending_in_the_verdicts_colour():
    svg = sparkline_svg({"2017": 20.0, "2019": 18.0, "2021": 17.0}, "on_track", label="Udvikling")
    assert svg.startswith('<svg class="goals-sparkline"') and svg.endswith("</svg>")
    assert 'role="img" aria-label="Udvikling"' in svg
    (line,) = polylines(svg)  # survey years connect: yearly figures are not reported every year
    assert len(line) == 3
    assert [x for x, _ in line] == sorted(x for x, _ in line)
    assert line[0][1] < line[-1][1]  # falling values: lower on the screen is larger y
    (last,) = circles(svg)
    assert last["fill"] == STATUS_STYLE["on_track"].colour and last["stroke"] == INK
    assert (float(last["cx"]), float(last["cy"])) == line[-1]


def test_a_missing_quarter_is_a_gap_and_a_lone_value_a_dot():
    series = {"2023K1": 5.0, "2023K2": 6.0, "2023K4": 7.0, "2024K2": 6.5, "2024K3": 6.0}
    svg = sparkline_svg(series, "deterioration")
    assert 'aria-hidden="true"' in svg  # without a label it is decoration
    lines = polylines(svg)
    assert [len(line) for line in lines] == [2, 2]  # K1–K2, then 2024K2–K3
    dots = circles(svg)
    assert len(dots) == 2  # 2023K4 stands alone; then the latest value
    assert dots[0]["fill"] == INK
    assert dots[-1]["fill"] == STATUS_STYLE["deterioration"].colour


def test_a_single_value_and_an_empty_series():
    one = sparkline_svg({"2024": 3.0}, "uncertain")
    assert not polylines(one) and len(circles(one)) == 1
    assert sparkline_svg({}, "uncertain").endswith("></svg>")
    assert "<circle" not in sparkline_svg({}, "uncertain")
