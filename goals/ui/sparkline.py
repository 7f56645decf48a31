"""A sparkline as inline SVG: a few hundred bytes of markup instead of a Plotly figure, which
takes tens of milliseconds to build on the server and as long again to draw in the browser.

It draws what `goals.present.charts.sparkline` draws for the slides: the series as a dark line
(a missing quarter or month is a gap, never bridged; yearly figures, often from surveys held
every few years, connect), a value with no neighbour as a dot, and the latest value as a larger
dot in the verdict's colour with a dark ring, so that light verdict colours still show on white.
No axes and no text: the caption beside it names the periods.
"""

from __future__ import annotations

from collections.abc import Mapping

from goals.periods import Frequency, PeriodError, parse_period
from goals.present.style import STATUS_STYLE
from goals.ui.markup import esc

INK = "#1A1A1A"  # goals.present.charts.INK, without importing plotly
WIDTH, HEIGHT = 260, 70
#: Room for the dots at the ends (the latest value's dot is 12 px across).
PAD_LEFT, PAD_RIGHT, PAD_Y = 8, 10, 8


def _points(series: Mapping[str, float | None]) -> list[tuple[float, float | None]]:
    """(position in years, value) over the periods the line runs through; None is a gap."""
    values: dict = {}
    for code, value in series.items():
        try:
            values[parse_period(code)] = value
        except PeriodError:
            continue
    if not values:
        return []
    periods = sorted(values)
    frequencies = {p.frequency for p in periods}
    if len(frequencies) == 1 and Frequency.YEAR not in frequencies:
        first, last = periods[0], periods[-1]
        periods = [first.next(i) for i in range(last.ordinal - first.ordinal + 1)]
    return [(p.years, values.get(p)) for p in periods]


def sparkline_svg(
    series: Mapping[str, float | None],
    verdict: str,
    *,
    label: str = "",
    width: int = WIDTH,
    height: int = HEIGHT,
) -> str:
    """The series as an inline SVG that scales to its container's width (at most `width`).
    `label` is what a screen reader says for it (the caption's words); empty: decorative."""
    points = _points(series)
    known = [(x, y) for x, y in points if y is not None]
    role = f'role="img" aria-label="{esc(label)}"' if label else 'aria-hidden="true"'
    head = (
        f'<svg class="goals-sparkline" viewBox="0 0 {width} {height}" {role} '
        f'style="width:100%;max-width:{width}px;height:auto;display:block" '
        f'xmlns="http://www.w3.org/2000/svg">'
    )
    if not known:
        return head + "</svg>"
    x0, x1 = points[0][0], points[-1][0]
    lo, hi = min(y for _, y in known), max(y for _, y in known)
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = height - 2 * PAD_Y

    def sx(x: float) -> float:
        return PAD_LEFT + (inner_w * (x - x0) / (x1 - x0) if x1 > x0 else inner_w / 2)

    def sy(y: float) -> float:
        return PAD_Y + (inner_h * (hi - y) / (hi - lo) if hi > lo else inner_h / 2)

    parts: list[str] = []
    run: list[str] = []
    for x, y in [*points, (None, None)]:
        if y is None or x is None:
            if len(run) > 1:
                parts.append(
                    f'<polyline points="{" ".join(run)}" fill="none" stroke="{INK}" '
                    'stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>'
                )
            run = []
            continue
        run.append(f"{sx(x):.1f},{sy(y):.1f}")
    values = [y for _, y in points]
    last = max(i for i, y in enumerate(values) if y is not None)
    for i, (x, y) in enumerate(points):
        if y is None or i == last:
            continue
        alone = (i == 0 or values[i - 1] is None) and (
            i == len(values) - 1 or values[i + 1] is None
        )
        if alone:
            parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3.5" fill="{INK}"/>')
    style = STATUS_STYLE.get(verdict, STATUS_STYLE["not_available"])
    x, y = points[last]
    parts.append(
        f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="5" fill="{style.colour}" '
        f'stroke="{INK}" stroke-width="2"/>'
    )
    return head + "".join(parts) + "</svg>"
