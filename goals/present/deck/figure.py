"""A chart made for a laptop screen (goals.present.charts), scaled for a shared screen or a
slide."""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go

from goals.present import charts


def presentation_figure(
    fig: go.Figure,
    *,
    height: int,
    width: int | None = None,
    font_scale: float = 1.4,
    line_width: float | None = None,
) -> go.Figure:
    """A copy of `fig` with every font `font_scale` times larger and the given size, for a
    shared screen or a slide (the style of goals.present.charts is made for a laptop screen);
    with `line_width`, lines at least that wide and markers in proportion (a projector)."""
    out = go.Figure(fig)
    layout = out.layout

    def scale(font: Any, default: float) -> None:
        font.size = math.ceil((font.size or default) * font_scale)

    base = layout.font.size or charts.FONT_SIZE
    scale(layout.font, charts.FONT_SIZE)
    scale(layout.legend.font, base)
    scale(layout.hoverlabel.font, base)
    for name in dir(layout):
        if name.startswith(("xaxis", "yaxis")):
            axis = getattr(layout, name, None)
            if axis is None or not hasattr(axis, "tickfont"):
                continue
            scale(axis.tickfont, base)
            scale(axis.title.font, base)
    for annotation in layout.annotations:
        scale(annotation.font, base)
    margin = layout.margin
    out.update_layout(
        height=height,
        width=width,
        margin={
            "l": math.ceil((margin.l or 24) * font_scale),
            "r": math.ceil((margin.r or 24) * font_scale),
            "t": math.ceil((margin.t or 24) * font_scale),
            "b": math.ceil((margin.b or 24) * font_scale),
        },
    )
    for trace in out.data:
        marker = getattr(trace, "marker", None)
        size = getattr(marker, "size", None)  # a bar's marker has no size
        if isinstance(size, (int, float)):
            marker.size = size * (min(font_scale, 1.3) if line_width is None else 1.6)
        line = getattr(trace, "line", None)
        # an invisible edge (of a band) stays invisible
        if line_width is not None and hasattr(line, "width") and line.width != 0:
            line.width = max(line.width or 2, line_width)
    return out
