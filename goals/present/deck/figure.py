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


def standalone_figure(
    fig: go.Figure, *, title: str, subtitle: str | None, footer: str, font_scale: float = 1.0
) -> go.Figure:
    """A chart that a presenter pastes into another deck: it says itself what it shows — the
    slide's title (the indicator and group), its subtitle (the success criterion) and its
    footer (the source and "Data pr."), as part of the picture."""
    out = go.Figure(fig)
    size = math.ceil(charts.FONT_SIZE * font_scale)
    heading = f"<b>{_plain(title)}</b>"
    if subtitle:
        heading += (
            f"<br><span style='font-size:{math.ceil(size * 0.85)}px'>{_plain(subtitle)}</span>"
        )
    top, bottom = out.layout.margin.t or 24, out.layout.margin.b or 24
    added = math.ceil(size * (4.2 if subtitle else 2.6)) + math.ceil(size * 2.2)
    out.update_layout(
        title={
            "text": heading,
            "x": 0,
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
            "font": {"size": math.ceil(size * 1.35), "color": "#1F3A5F"},
        },
        margin={
            "t": top + math.ceil(size * (4.2 if subtitle else 2.6)),
            "b": bottom + math.ceil(size * 2.2),
        },
    )
    if out.layout.height:  # the words get their own room: the plot keeps its size
        out.update_layout(height=out.layout.height + added)
    out.add_annotation(
        text=_plain(footer),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom - math.ceil(size * 0.6),  # below the axis' labels
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": math.ceil(size * 0.8), "color": "#595959"},
    )
    return out


def _plain(text: str) -> str:
    """Text as Plotly shows it: its markup characters escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
