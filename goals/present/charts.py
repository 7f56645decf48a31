"""Every plotly figure of the product, in one visual style.

The charts are shown on a shared screen in meetings and pasted into PowerPoint, so the style
favours reading at a glance: fonts of at least 14 px, a white background with a light grid,
the Okabe–Ito palette (safe for colour-blind readers), statuses as colour *and* icon, units on
the axes and Danish number format (``layout.separators``). Missing periods are gaps, never
zeros: each series is laid out over every period of its range, with ``None`` where there is no
value, and ``connectgaps=False``.

Time is a numeric axis in years (2017K2 → 2017.25, as `Period.years`), so yearly and quarterly
series – and a yearly target next to quarterly data – sit where they belong; the ticks carry
period labels ('2. kvt. 2017') and the hover text names the period in words.

All functions are pure (data in, ``go.Figure`` out). Show them in Streamlit with
``st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG)`` – ``theme=None`` keeps this style
instead of Streamlit's.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from goals.catalogue.words import period_label
from goals.i18n import (
    format_amount,
    format_amount_short,
    format_date,
    format_number,
    language,
    t,
)
from goals.periods import Frequency, Period, parse_period
from goals.status.verdicts import VERDICTS, Z95

__all__ = [
    "FONT_FAMILY",
    "FONT_SIZE",
    "MIN_FONT_SIZE",
    "NEUTRALS",
    "PALETTE",
    "PLOTLY_CONFIG",
    "TITLE_FONT_SIZE",
    "TimelineItem",
    "apply_style",
    "bullet_chart",
    "comparison_chart",
    "criterion_chart",
    "economy_chart",
    "gap_change_chart",
    "inequality_chart",
    "plotly_config",
    "series_chart",
    "sparkline",
    "status_grid",
    "timeline_chart",
    "timeline_span",
]

#: Okabe–Ito, ordered for lines on white: the yellow (weakest contrast) comes last.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
INK = "#1A1A1A"  # text and outlines
MUTED = "#595959"  # secondary text, reference series (7:1 on white)
GRID = "#E3E3E3"
AXIS = "#8C8C8C"
TRACK = "#EDEDED"  # background of the bullet chart
#: The non-palette colours the charts use (text, grid, reference lines, backgrounds).
NEUTRALS: tuple[str, ...] = (INK, MUTED, GRID, AXIS, TRACK, "#FFFFFF")

#: Arial where the viewer has it; Liberation Sans (metric-compatible with Arial) on the Debian
#: server that renders PNGs, so labels that fit on screen fit in the export too; DejaVu Sans
#: for the status symbols (✓ ▲ ● ▼ ≈ ✗, text presentation only). All are local fonts – nothing is
#: downloaded.
FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
MIN_FONT_SIZE = 14
FONT_SIZE = 16
TITLE_FONT_SIZE = 24
LABEL_FONT_SIZE = 16

#: Options for ``st.plotly_chart(..., config=PLOTLY_CONFIG)``.
PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "displayModeBar": "hover",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {
        "format": "png",
        "filename": "maalbillede",
        "width": 1600,
        "height": 900,
        "scale": 1,
    },
    "responsive": True,
}


def plotly_config(filename: str = "maalbillede") -> dict[str, Any]:
    """PLOTLY_CONFIG with the file name the camera button saves under."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": dict(PLOTLY_CONFIG["toImageButtonOptions"])}
    config["toImageButtonOptions"]["filename"] = filename
    return config


# --- the style ---------------------------------------------------------------------------------


def _axis_style() -> dict[str, Any]:
    return {
        "showgrid": True,
        "gridcolor": GRID,
        "gridwidth": 1,
        "zeroline": False,
        "showline": True,
        "linecolor": AXIS,
        "linewidth": 1,
        "ticks": "outside",
        "tickcolor": AXIS,
        "ticklen": 6,
        "tickfont": {"size": FONT_SIZE, "color": INK, "family": FONT_FAMILY},
        "title": {"font": {"size": FONT_SIZE, "color": INK, "family": FONT_FAMILY}},
        "automargin": True,
        # 12000 → '12.000' (not '12k'), 0.5 → '0,5'; the separators come from the layout
        "tickformat": ",~r",
        "hoverformat": ",~r",
    }


def apply_style(fig: go.Figure, *, lang: str = "da", height: int | None = None) -> go.Figure:
    """The one place for fonts, colours, margins and number format; returns the figure."""
    font = {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK}
    fig.update_layout(
        template=go.layout.Template(),  # not plotly's grey default
        separators=",." if language(lang) == "da" else ".,",
        font=font,
        colorway=list(PALETTE),
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        title={
            "font": {"family": FONT_FAMILY, "size": TITLE_FONT_SIZE, "color": INK},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": 24, "t": 18},
        },
        legend={
            "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
            "bgcolor": "rgba(255,255,255,0.9)",
            "itemclick": "toggle",
            "tracegroupgap": 4,
        },
        hoverlabel={
            "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
            "bgcolor": "#FFFFFF",
            "bordercolor": INK,
            "align": "left",
        },
        hovermode="closest",
        margin={"l": 24, "r": 24, "t": 80 if fig.layout.title.text else 24, "b": 24, "pad": 4},
    )
    fig.update_xaxes(**_axis_style())
    fig.update_yaxes(**_axis_style())
    # a missing period is a gap in the line, never bridged
    fig.update_traces(connectgaps=False, selector={"type": "scatter"})
    for annotation in fig.layout.annotations:
        size = annotation.font.size
        if size is not None and size < MIN_FONT_SIZE:
            annotation.font.size = MIN_FONT_SIZE
    if height is not None:
        fig.update_layout(height=height)
    return fig


# --- small helpers -----------------------------------------------------------------------------


def _esc(text: object) -> str:
    """Plotly reads labels as a small subset of HTML; names must not be read as markup."""
    return html.escape(str(text), quote=False)


def _value_text(value: float | None, unit: str, decimals: int, lang: str) -> str:
    """12.0 → '12,0 %'."""
    number = format_number(value, decimals, lang)
    return f"{number} {unit}".strip() if unit and value is not None else number


def _number(value: object) -> float | None:
    """A float, or None for anything missing (NaN, None, pd.NA)."""
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _short_unit(unit: str) -> bool:
    return 0 < len(unit.strip()) <= 2  # '%', '‰': on the ticks; longer units: axis title


def _value_axis(unit: str) -> dict[str, Any]:
    """Units on the value axis: '20 %' on each tick, or the unit as the axis title."""
    if _short_unit(unit):
        return {"ticksuffix": f" {unit.strip()}", "title": {"text": ""}}
    return {"title": {"text": _esc(unit)}}


def _hover(name: str, unit: str, decimals: int, lang: str, source: str | None, *, axis="y") -> str:
    """Name, period in words, the value with its decimals and unit, the source."""
    value = f"%{{{axis}:,.{decimals}f}}" + (f" {_esc(unit)}" if unit else "")
    # customdata[1] is extra text with its own leading <br> (e.g. the confidence interval), or ''
    lines = [f"<b>{_esc(name)}</b>", f"%{{customdata[0]}}: {value}%{{customdata[1]}}"]
    if source:
        lines.append(_esc(t("charts.source", lang, source=source)))
    return "<br>".join(lines) + "<extra></extra>"


def _source_note(fig: go.Figure, source: str | None, lang: str) -> None:
    """'Kilde: …' under the plot, left-aligned, for the PowerPoint copy."""
    if not source:
        return
    fig.add_annotation(
        text=_esc(t("charts.source", lang, source=source)),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-44,
        showarrow=False,
        font={"size": MIN_FONT_SIZE, "color": MUTED},
    )
    fig.update_layout(margin_b=max(fig.layout.margin.b or 0, 72))


def _period(value: object) -> Period:
    return parse_period(str(value) if not isinstance(value, int | float | Period) else value)


def _fill_periods(periods: Iterable[Period]) -> list[Period]:
    """The periods a chart's lines run through, so that a missing value becomes a gap.

    Quarterly, half-yearly and monthly figures are reported every period, so every period from
    the first to the last counts. Yearly figures may come from surveys held every few years
    (2010, 2013, 2017, …): there only the years some series has a value count, so survey years
    connect while a series that lacks a year the others have shows a gap.
    """
    periods = sorted(set(periods))
    if not periods:
        return []
    frequencies = {p.frequency for p in periods}
    if len(frequencies) > 1 or Frequency.YEAR in frequencies:
        return periods
    first, last = periods[0], periods[-1]
    return [first.next(i) for i in range(last.ordinal - first.ordinal + 1)]


def _time_axis(periods: Iterable[Period], lang: str) -> dict[str, Any]:
    """Ticks for a numeric time axis: every period when there are few, otherwise years; at
    most 7 labels, so that a phone's narrow plot shows them level and apart."""
    periods = sorted(set(periods))
    if not periods:
        return {}
    per_year = max(p.frequency.per_year for p in periods)
    frequency = next(p.frequency for p in periods if p.frequency.per_year == per_year)
    lo, hi = periods[0].years, periods[-1].years
    step = 1 / per_year
    span = [
        Period(int(y), frequency, round((y - int(y)) * per_year) + 1)
        for y in (lo + i * step for i in range(round((hi - lo) * per_year) + 1))
    ]
    axis: dict[str, Any] = {"range": [lo - step * 0.6, hi + step * 0.6], "tickmode": "array"}
    if per_year == 1 or len(span) <= 8:
        every = max(1, math.ceil(len(span) / 7))
        ticks = span[::every]
        axis |= {
            "tickvals": [p.years for p in ticks],
            "ticktext": [period_label(p.code, lang) for p in ticks],
        }
    else:
        years = list(range(math.ceil(lo), math.floor(hi) + 1)) or [int(lo)]
        every = max(1, math.ceil(len(years) / 7))
        axis |= {
            "tickvals": years[::every],
            "ticktext": [str(y) for y in years[::every]],
            "minor": {
                "tickmode": "array",
                "tickvals": [p.years for p in span] if len(span) <= 240 else [],
                "ticks": "outside",
                "ticklen": 3,
                "tickcolor": AXIS,
                "showgrid": False,
            },
        }
    return axis


def _frame(frame: pd.DataFrame, name_column: str) -> pd.DataFrame:
    """The rows with a parsed ``_period`` and float ``value``/``lower``/``upper`` (or None)."""
    out = pd.DataFrame(
        {
            "name": frame[name_column].astype(str) if len(frame) else pd.Series(dtype=str),
            "_period": [_period(p) for p in frame["period"]],
        }
    )
    for column in ("value", "lower", "upper"):
        values = frame[column] if column in frame else [None] * len(frame)
        out[column] = pd.Series([_number(v) for v in values], dtype=object, index=out.index)
    return out


def _name_column(frame: pd.DataFrame, *candidates: str) -> str:
    for column in candidates:
        if column in frame.columns:
            return column
    raise KeyError(f"the frame needs one of the columns {list(candidates)}")


def _laid_out(
    rows: pd.DataFrame, grid: Sequence[Period] | None = None
) -> tuple[list[Period], dict[str, list[float | None]]]:
    """One series over the chart's periods (`grid`, see _fill_periods) within its own range,
    with None where a value is missing."""
    by_period = {row["_period"]: row for _, row in rows.iterrows()}
    if not by_period:
        return [], {"value": [], "lower": [], "upper": []}
    first, last = min(by_period), max(by_period)
    periods = [p for p in (grid or _fill_periods(by_period)) if first <= p <= last]
    columns: dict[str, list[float | None]] = {"value": [], "lower": [], "upper": []}
    for period in periods:
        row = by_period.get(period)
        for column, values in columns.items():
            values.append(None if row is None else row[column])
    return periods, columns


def _interval_texts(columns: Mapping[str, list[float | None]], decimals: int, lang: str) -> list:
    return [
        "<br>"
        + t(
            "charts.interval",
            lang,
            lower=format_number(lo, decimals, lang),
            upper=format_number(hi, decimals, lang),
        )
        if lo is not None and hi is not None
        else ""
        for lo, hi in zip(columns["lower"], columns["upper"], strict=True)
    ]


def _rgba(colour: str, alpha: float) -> str:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _band(
    fig: go.Figure,
    periods: Sequence[Period],
    columns: Mapping[str, list[float | None]],
    colour: str,
    *,
    name: str,
    legendgroup: str,
    row: int | None = None,
) -> None:
    """The confidence interval as a shaded band, one polygon per stretch without gaps."""
    stretches: list[list[int]] = [[]]
    for i, (lo, hi) in enumerate(zip(columns["lower"], columns["upper"], strict=True)):
        if lo is None or hi is None:
            if stretches[-1]:
                stretches.append([])
        else:
            stretches[-1].append(i)
    first = True
    for stretch in (s for s in stretches if s):
        xs = [periods[i].years for i in stretch]
        if len(stretch) == 1:  # a lone period: a short thick bar instead of an invisible polygon
            x, y = [xs[0], xs[0]], [columns["lower"][stretch[0]], columns["upper"][stretch[0]]]
            trace = go.Scatter(
                x=x, y=y, mode="lines", line={"color": _rgba(colour, 0.3), "width": 10}
            )
        else:
            x = xs + xs[::-1]
            y = [columns["upper"][i] for i in stretch] + [
                columns["lower"][i] for i in stretch[::-1]
            ]
            trace = go.Scatter(
                x=x,
                y=y,
                mode="lines",
                fill="toself",
                fillcolor=_rgba(colour, 0.18),
                line={"width": 0, "color": _rgba(colour, 0.18)},
            )
        trace.update(
            name=name,
            legendgroup=legendgroup,
            showlegend=first,
            hoverinfo="skip",
            legendrank=900,
        )
        fig.add_trace(trace, row=row, col=1 if row else None)
        first = False


def _add_series(
    fig: go.Figure,
    rows: pd.DataFrame,
    *,
    name: str,
    colour: str,
    unit: str,
    decimals: int,
    lang: str,
    source: str | None,
    emphasis: str = "normal",
    band: bool = False,
    row: int | None = None,
    legendrank: int = 500,
    grid: Sequence[Period] | None = None,
) -> list[Period]:
    """One series as a line with markers; gaps stay gaps. Returns the periods it spans."""
    periods, columns = _laid_out(rows, grid)
    width, size, opacity = {"high": (4.5, 11, 1.0), "normal": (3, 8, 1.0), "dim": (2.5, 7, 0.7)}[
        emphasis
    ]
    if periods and periods[0].frequency is not Frequency.YEAR and len(periods) > 24:
        size = max(size - 3, 5)
    if band and any(v is not None for v in columns["lower"]):
        _band(
            fig,
            periods,
            columns,
            colour,
            name=t("charts.interval.legend", lang),
            legendgroup=f"{name}-band",
            row=row,
        )
    intervals = _interval_texts(columns, decimals, lang)
    fig.add_trace(
        go.Scatter(
            x=[p.years for p in periods],
            y=columns["value"],
            customdata=[
                [period_label(p.code, lang), ci] for p, ci in zip(periods, intervals, strict=True)
            ],
            name=_esc(name),
            mode="lines+markers",
            connectgaps=False,
            line={"color": colour, "width": width},
            marker={"color": colour, "size": size, "line": {"color": "#FFFFFF", "width": 1}},
            opacity=opacity,
            hovertemplate=_hover(name, unit, decimals, lang, source),
            legendrank=legendrank,
        ),
        row=row,
        col=1 if row else None,
    )
    return periods


def _add_all_series(
    fig: go.Figure,
    rows: pd.DataFrame,
    names: Sequence[str],
    colours: Mapping[str, str],
    *,
    highlight: str | None,
    band_for: str | None,
    grid: Sequence[Period],
    unit: str,
    decimals: int,
    lang: str,
    source: str | None,
) -> list[Period]:
    """Every named series; the highlighted one is drawn last, so it lies on top, and listed
    first in the legend, the others dimmed. Returns the periods they span."""
    periods: list[Period] = []
    for i, name in sorted(enumerate(names), key=lambda item: item[1] == highlight):
        emphasis = "normal" if highlight is None else "high" if name == highlight else "dim"
        periods += _add_series(
            fig,
            rows[rows["name"] == name],
            name=name,
            colour=colours[name],
            unit=unit,
            decimals=decimals,
            lang=lang,
            source=source,
            emphasis=emphasis,
            band=name == band_for,
            legendrank=1 if name == highlight else 10 + i,
            grid=grid,
        )
    return periods


def _add_reference(
    fig: go.Figure,
    rows: pd.DataFrame,
    *,
    name: str,
    unit: str,
    decimals: int,
    lang: str,
    source: str | None,
    grid: Sequence[Period] | None = None,
) -> list[Period]:
    periods, columns = _laid_out(rows, grid)
    fig.add_trace(
        go.Scatter(
            x=[p.years for p in periods],
            y=columns["value"],
            customdata=[[period_label(p.code, lang), ""] for p in periods],
            name=_esc(name),
            mode="lines+markers",
            connectgaps=False,
            line={"color": MUTED, "width": 3, "dash": "dash"},
            marker={"color": MUTED, "size": 6, "symbol": "square"},
            hovertemplate=_hover(name, unit, decimals, lang, source),
            legendrank=800,
        )
    )
    return periods


def _label_side(fig: go.Figure, value: float, x_end: float, row: int | None) -> str | None:
    """Where the target's label can go without covering data: 'above' or 'below' the target
    line in the stretch left of `x_end`, or None when data lie on both sides."""
    axis = f"y{row}" if row and row > 1 else "y"
    points = [
        (x, y)
        for tr in fig.data
        if tr.customdata is not None and (tr.yaxis or "y") == axis
        for x, y in zip(tr.x or (), tr.y or (), strict=False)
        if y is not None and x is not None
    ]
    if not points:
        return "above"
    xs = [x for x, _ in points] + [x_end]
    ys = [y for _, y in points] + [value]
    band = 0.15 * ((max(ys) - min(ys)) or 1)  # about the height of the label
    near = [y for x, y in points if x >= x_end - 0.45 * (max(xs) - min(xs))]
    if not any(value <= y <= value + band for y in near):
        return "above"
    if not any(value - band <= y <= value for y in near):
        return "below"
    return None


def _add_target(
    fig: go.Figure,
    *,
    value: float,
    period: Period | None,
    unit: str,
    decimals: int,
    lang: str,
    key: str = "charts.target",
    line: bool = True,
    row: int | None = None,
    in_legend: bool = False,
) -> None:
    """The target as a dashed horizontal line and, at its period, a black diamond with a label
    beside it, or – `in_legend`, a chart a phone may show, where a label spans the plot – in
    the legend."""
    value_text = _value_text(value, unit, decimals, lang)
    if period is None:
        label = f"{t('charts.target.short', lang)}: {value_text}"
    else:
        label = t(key, lang, period=period_label(period.code, lang), value=value_text)
    where = {"row": row, "col": 1} if row else {}
    if line:
        fig.add_hline(
            y=value, line={"color": INK, "width": 2, "dash": "dash"}, layer="above", **where
        )
    if period is None:  # no period to mark: the label sits at the right end of the line
        fig.add_annotation(
            text=f"<b>{_esc(label)}</b>",
            xref="x domain",
            x=1,
            y=value,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": LABEL_FONT_SIZE, "color": INK},
            bgcolor="rgba(255,255,255,0.85)",
            **where,
        )
        return
    side = _label_side(fig, value, period.years, row)  # before the marker joins the data
    fig.add_trace(
        go.Scatter(
            x=[period.years],
            y=[value],
            customdata=[[period_label(period.code, lang), ""]],
            mode="markers",
            name=_esc(t("charts.target.short", lang)),
            marker={
                "symbol": "diamond",
                "size": 18,
                "color": INK,
                "line": {"color": "#FFFFFF", "width": 2},
            },
            hovertemplate=f"<b>{_esc(label)}</b><extra></extra>",
            showlegend=False,
        ),
        **where,
    )
    if side is None or in_legend:  # data on both sides of the line: the label in the legend
        fig.data[-1].update(name=f"<b>{_esc(label)}</b>", showlegend=True, legendrank=950)
        return
    below = side == "below"
    fig.add_annotation(
        text=f"<b>{_esc(label)}</b>",
        x=period.years,
        y=value,
        xanchor="right",
        yanchor="top" if below else "bottom",
        xshift=-4,
        yshift=-10 if below else 10,
        showarrow=False,
        font={"size": LABEL_FONT_SIZE, "color": INK},
        bgcolor="rgba(255,255,255,0.85)",
        **where,
    )


def _add_baseline(fig: go.Figure, period: Period, lang: str) -> None:
    """A dotted vertical line at the baseline period, labelled at the top."""
    fig.add_vline(x=period.years, line={"color": MUTED, "width": 2, "dash": "dot"}, layer="below")
    fig.add_annotation(
        text=_esc(t("charts.baseline", lang, period=period_label(period.code, lang))),
        x=period.years,
        xref="x",
        y=1,
        yref="paper",
        xanchor="left",
        yanchor="top",
        xshift=6,
        showarrow=False,
        font={"size": MIN_FONT_SIZE, "color": MUTED},
        bgcolor="rgba(255,255,255,0.85)",
    )


def _title(text: str | None) -> dict[str, Any]:
    """A bold title; a line break in `text` (see _wrapped) stays one."""
    if not text:
        return {"title": {"text": ""}}
    lines = "<br>".join(_esc(line) for line in text.split("\n"))
    return {"title": {"text": f"<b>{lines}</b>"}}


def _legend_below() -> dict[str, Any]:
    """The legend in rows under the plot's time axis (Plotly makes room for it)."""
    return {
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.1,
            "yanchor": "top",
        }
    }


def _wrapped(text: str | None, width: int = 30) -> str | None:
    """A long title on lines of about `width` characters (Plotly does not wrap titles), each
    ' · ' part starting a line of its own when the title is too long for one line."""
    if not text or len(text) <= width:
        return text
    import textwrap

    lines: list[str] = []
    for i, part in enumerate(text.split(" · ")):
        wrapped = textwrap.wrap(part, width=width, break_long_words=False) or [part]
        if i:
            wrapped[0] = f"· {wrapped[0]}"
        lines += wrapped
    return "\n".join(lines)


def _legend_right() -> dict[str, Any]:
    return {
        "legend": {
            "orientation": "v",
            "x": 1.01,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
        }
    }


def _series_colours(names: Sequence[str], fixed: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each series a colour: the fixed one if given, else the next palette colour not taken."""
    fixed = dict(fixed or {})
    free = [c for c in PALETTE if c not in fixed.values()] or list(PALETTE)
    colours, i = {}, 0
    for name in names:
        if name in fixed:
            colours[name] = fixed[name]
        else:
            colours[name] = free[i % len(free)]
            i += 1
    return colours


# --- the figures -------------------------------------------------------------------------------


def series_chart(
    frame: pd.DataFrame,
    *,
    unit: str,
    decimals: int,
    title: str,
    lang: str = "da",
    source: str | None = None,
    target: float | None = None,
    target_period: str | None = None,
    baseline_period: str | None = None,
    highlight: str | None = None,
    reference: str | None = None,
    colours: Mapping[str, str] | None = None,
    height: int | None = 560,
    legend_above: bool = False,
) -> go.Figure:
    """Lines for several areas or groups over time, with the target and the baseline.

    `legend_above` (the Indikatorer page, on any screen down to a phone): a long title on two
    lines with the source under it, and the legend in rows under the plot, so that the plot
    keeps the width; otherwise the legend stands to the right (a slide).

    `frame` has columns ``series``, ``period``, ``value`` and optionally ``lower``/``upper``
    (drawn as a band for the highlighted series, or the only series). `reference` names the
    series drawn as the dashed grey reference (e.g. the region). `colours` fixes a series'
    colour (so a cluster keeps its colour from chart to chart); others take the palette in turn.
    """
    rows = _frame(frame, _name_column(frame, "series", "area", "group"))
    grid = _fill_periods(rows["_period"])
    names = list(dict.fromkeys(rows["name"]))
    own = [n for n in names if n != reference]
    colours = _series_colours(own, colours)
    fig = go.Figure()
    periods: list[Period] = []
    if reference in names:
        periods += _add_reference(
            fig,
            rows[rows["name"] == reference],
            name=reference,
            unit=unit,
            decimals=decimals,
            lang=lang,
            source=source,
            grid=grid,
        )
    band_for = highlight if highlight in own else own[0] if len(own) == 1 else None
    periods += _add_all_series(
        fig, rows, own, colours, highlight=highlight, band_for=band_for, grid=grid,
        unit=unit, decimals=decimals, lang=lang, source=source,
    )  # fmt: skip
    target_at = _period(target_period) if target_period else None
    if baseline_period:
        _add_baseline(fig, _period(baseline_period), lang)
        periods.append(_period(baseline_period))
    if target is not None:
        _add_target(
            fig, value=target, period=target_at, unit=unit, decimals=decimals, lang=lang,
            in_legend=legend_above,
        )  # fmt: skip
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    apply_style(fig, lang=lang, height=height)
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_yaxes(**_value_axis(unit))
    _title_and_legend(fig, title, source, lang, narrow=legend_above)
    return fig


def _title_and_legend(
    fig: go.Figure, title: str | None, source: str | None, lang: str, *, narrow: bool
) -> None:
    """After apply_style: the legend to the right and the source under the plot (a slide), or
    – `narrow`, a page read down to a phone's width – the title wrapped with the source under
    it and the legend in rows under the plot, so that the plot keeps the width."""
    if not narrow:
        _source_note(fig, source, lang)
        return
    fig.update_layout(**_title(_wrapped(title)), **_legend_below())
    lines = fig.layout.title.text.count("<br>") + 1
    if source:  # under the title: the legend has the room under the plot
        source_lines = _wrap(t("charts.source", lang, source=source), 46)
        fig.update_layout(
            title_subtitle={
                "text": "<br>".join(_esc(line) for line in source_lines),
                "font": {"size": MIN_FONT_SIZE, "color": MUTED},
            }
        )
        lines += len(source_lines)
    # a title a phone's width holds (30 characters a line, see _wrapped)
    fig.update_layout(margin_t=30 + 24 * lines, margin_b=40, title_font_size=FONT_SIZE + 3)


def _required_path(
    base: Period, base_value: float, target: Period, target_value: float
) -> tuple[list[float], list[float]]:
    """The path the progress method judges against: constant annual growth (CAGR) from the
    baseline to the target; a straight line when the growth rate is undefined (a sign change
    or zero)."""
    t0, t1 = base.years, target.years
    steps = max(2, round((t1 - t0) * base.frequency.per_year) + 1)
    xs = [t0 + (t1 - t0) * i / (steps - 1) for i in range(steps)]
    if base_value * target_value > 0 and t1 > t0:
        rate = (target_value / base_value) ** (1 / (t1 - t0))
        ys = [base_value * rate ** (x - t0) for x in xs]
    else:
        ys = [base_value + (target_value - base_value) * (x - t0) / (t1 - t0 or 1) for x in xs]
    return xs, ys


def criterion_chart(
    frame: pd.DataFrame,
    *,
    baseline_period: str,
    target_value: float | None,
    target_period: str | None,
    unit: str,
    decimals: int,
    title: str,
    lang: str = "da",
    baseline_value: float | None = None,
    highlight: str | None = None,
    source: str | None = None,
    colours: Mapping[str, str] | None = None,
    height: int | None = 560,
    legend_above: bool = False,
) -> go.Figure:
    """A success criterion: every cluster's series, the baseline, the target and the required
    path from the baseline value to the target.

    The path starts at `baseline_value`, or – when it is not given – at the highlighted
    series' value in the baseline period. For a gap criterion pass the gaps as the series.
    `legend_above`: laid out for a page read down to a phone's width (see series_chart).
    """
    rows = _frame(frame, _name_column(frame, "series", "area", "group"))
    grid = _fill_periods(rows["_period"])
    names = list(dict.fromkeys(rows["name"]))
    colours = _series_colours(names, colours)
    base = _period(baseline_period)
    fig = go.Figure()
    periods: list[Period] = [base]
    periods += _add_all_series(
        fig, rows, names, colours, highlight=highlight, band_for=highlight, grid=grid,
        unit=unit, decimals=decimals, lang=lang, source=source,
    )  # fmt: skip
    if baseline_value is None and highlight in names:
        at_base = rows[(rows["name"] == highlight) & (rows["_period"] == base)]["value"]
        baseline_value = next((v for v in at_base if v is not None), None)
    _add_baseline(fig, base, lang)
    target_at = _period(target_period) if target_period else None
    if target_value is not None and target_at is not None and baseline_value is not None:
        xs, ys = _required_path(base, baseline_value, target_at, target_value)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=_esc(t("charts.required_path", lang)),
                line={"color": INK, "width": 2.5, "dash": "dash"},
                hoverinfo="skip",
                legendrank=850,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[base.years],
                y=[baseline_value],
                mode="markers",
                marker={"symbol": "circle-open", "size": 16, "color": INK, "line": {"width": 3}},
                name=_esc(t("charts.baseline", lang, period=period_label(base.code, lang))),
                hovertemplate="<b>"
                + _esc(
                    t(
                        "charts.baseline.value",
                        lang,
                        period=period_label(base.code, lang),
                        value=_value_text(baseline_value, unit, decimals, lang),
                    )
                )
                + "</b><extra></extra>",
                showlegend=False,
            )
        )
    if target_value is not None:
        _add_target(
            fig,
            value=target_value,
            period=target_at,
            unit=unit,
            decimals=decimals,
            lang=lang,
            line=target_at is None or baseline_value is None,
            in_legend=legend_above,
        )
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    apply_style(fig, lang=lang, height=height)
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_yaxes(**_value_axis(unit))
    _title_and_legend(fig, title, source, lang, narrow=legend_above)
    return fig


#: The narrowest plot a bullet chart is drawn in (on a phone) and the width of a label's
#: character at LABEL_FONT_SIZE: labels that would overlap there go on both sides of the bar.
_NARROW_PX, _CHAR_PX = 300, 8.8
_ROW_PX = 24  # the height of a row of labels


def _anchor(x: float, lo: float, hi: float) -> str:
    """A label near an end of the axis grows inwards; one in the middle is centred."""
    if x < lo + 0.3 * (hi - lo):
        return "left"
    return "right" if x > hi - 0.3 * (hi - lo) else "center"


def _place_labels(marks: Sequence[tuple[float, str]], lo: float, hi: float) -> list[int]:
    """A row for each (x, text) label: 0 right above the bar, 1 right below it, 2 above row 0,
    3 below row 1 — the first row where the label overlaps none placed before it on the
    narrowest plot."""
    extents = []
    for x, text in marks:
        at = (x - lo) / ((hi - lo) or 1)
        width = len(text) * _CHAR_PX / _NARROW_PX
        anchor = _anchor(x, lo, hi)
        start = at if anchor == "left" else at - width if anchor == "right" else at - width / 2
        extents.append((start, start + width))
    rows: list[int] = []
    for i, (start, end) in enumerate(extents):
        taken = {rows[j] for j in range(i) if extents[j][0] < end and start < extents[j][1]}
        rows.append(next(row for row in range(len(extents) + 1) if row not in taken))
    return rows


def bullet_chart(
    *,
    baseline: float | None,
    latest: float | None,
    target: float | None,
    unit: str,
    decimals: int,
    higher_is_better: bool | None,
    status: str,
    status_style: Mapping[str, Any] | None = None,
    lang: str = "da",
    title: str | None = None,
    baseline_period: str | None = None,
    latest_period: str | None = None,
    target_period: str | None = None,
    height: int | None = None,
    badge: bool = True,
) -> go.Figure:
    """A compact horizontal progress chart: a bar from baseline to latest in the verdict's
    colour, the target as a black mark, each with its value; the verdict as a badge (colour,
    symbol and words; `badge` False leaves it to the page around the chart). `status` is the
    verdict (goals.status.verdicts.VERDICTS); `status_style` maps it to a StatusStyle or a (colour,
    symbol) pair, by default goals.present.style.STATUS_STYLE."""
    colour, icon, ink = _style(status_style, status)
    values = [v for v in (baseline, latest, target) if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    span = (hi - lo) or abs(hi) or 1.0
    # room at the better end for the "better →" hint, beside the marks even on the narrowest
    # plot: its characters, its shift and half a marker, as a share of the whole axis
    room = 0.18 * span
    hint = (
        t("charts.better.right" if higher_is_better else "charts.better.left", lang)
        if higher_is_better is not None
        else ""
    )
    need = min((len(hint) * _CHAR_PX + 6 + 18) / _NARROW_PX, 0.45) if hint else 0.0
    better = max(room, need * (span + room) / (1 - need))
    lo -= better if higher_is_better is False else room
    hi += better if higher_is_better is True else room
    fig = go.Figure()
    fig.add_shape(
        type="rect", x0=lo, x1=hi, y0=0.38, y1=0.62, fillcolor=TRACK, line_width=0, layer="below"
    )
    if baseline is not None and latest is not None:
        fig.add_shape(
            type="rect",
            x0=min(baseline, latest),
            x1=max(baseline, latest),
            y0=0.34,
            y1=0.66,
            fillcolor=colour,
            line={"color": INK, "width": 1},
            layer="below",
        )

    def label(key: str, period: str | None, value: float) -> str:
        name = t(key, lang)
        when = f" {period_label(period, lang)}" if period else ""
        return f"{name}{when}: {_value_text(value, unit, decimals, lang)}"

    marks = []  # (x, text, bold)
    if baseline is not None:
        fig.add_shape(
            type="line",
            x0=baseline,
            x1=baseline,
            y0=0.22,
            y1=0.78,
            line={"color": MUTED, "width": 4},
        )
        marks.append((baseline, label("criterion.baseline", baseline_period, baseline), False))
    if target is not None:
        fig.add_shape(
            type="line", x0=target, x1=target, y0=0.12, y1=0.88, line={"color": INK, "width": 5}
        )
        marks.append((target, label("charts.target.short", target_period, target), True))
    if latest is not None:
        fig.add_trace(
            go.Scatter(
                x=[latest],
                y=[0.5],
                mode="markers",
                marker={"size": 22, "color": colour, "line": {"color": INK, "width": 2}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        marks.append(
            (latest, f"{icon} " + label("charts.latest.short", latest_period, latest), True)
        )
    marks.reverse()  # the latest value first: its label stays next to the bar
    rows = _place_labels([(x, text) for x, text, _ in marks], lo, hi)
    for (x, text, bold), row in zip(marks, rows, strict=True):
        above = row % 2 == 0
        anchor = _anchor(x, lo, hi)
        fig.add_annotation(
            text=f"<b>{_esc(text)}</b>" if bold else _esc(text),
            x=x,
            y=0.9 if above else 0.1,
            yanchor="bottom" if above else "top",
            yshift=(1 if above else -1) * _ROW_PX * (row // 2),
            xanchor=anchor,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE, "color": INK},
        )
    if higher_is_better is not None:  # which way is better, under the end it points to
        fig.add_annotation(
            text=hint,
            x=hi if higher_is_better else lo,
            y=0.5,
            xanchor="right" if higher_is_better else "left",
            yanchor="middle",
            xshift=-6 if higher_is_better else 6,
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    # the verdict as a badge: its colour, symbol and words in the colour's text colour
    if badge:
        verdict_text = f"{icon} {t(f'status.{status}', lang)}"
        fig.add_annotation(
            text=f"<b>{_esc(verdict_text)}</b>",
            xref="paper", yref="paper", x=1 if title else 0, y=1,
            xanchor="right" if title else "left", yanchor="bottom", yshift=12,
            showarrow=False, bgcolor=colour, bordercolor=INK, borderwidth=1, borderpad=4,
            font={"size": LABEL_FONT_SIZE, "color": ink},
        )  # fmt: skip
    top = 64 if badge or title else 12
    fig.update_layout(**_title(title), showlegend=False)
    below = any(row % 2 for row in rows)
    # a second row of labels above or below lies in the margin, which grows to hold it
    extra_top = _ROW_PX * max((row // 2 for row in rows if row % 2 == 0), default=0)
    extra_bottom = _ROW_PX * max((row // 2 for row in rows if row % 2), default=0)
    top += extra_top
    apply_style(
        fig,
        lang=lang,
        height=height or 98 + top + (50 if below else 0) + extra_bottom,
    )
    fig.update_layout(margin={"l": 24, "r": 24, "t": top, "b": 16 + extra_bottom})
    fig.update_xaxes(
        range=[lo, hi],
        showgrid=False,
        showline=False,
        showticklabels=False,
        ticks="",
        zeroline=False,
        fixedrange=True,
    )
    bottom = -0.45 if below else 0.05  # room for labels under the bar only if used
    fig.update_yaxes(range=[bottom, 1.45], visible=False, fixedrange=True)
    return fig


def sparkline(
    periods: Sequence[str],
    values: Sequence[float | None],
    *,
    status_colour: str | None = None,
    status: str | None = None,
    status_style: Mapping[str, Any] | None = None,
    lang: str = "da",
    width: int = 160,
    height: int = 44,
) -> go.Figure:
    """A tiny line for a table cell: no axes, no text; gaps stay gaps; the last value marked.

    With `status` (a verdict) the line is dark and the latest value a dot in the verdict's
    colour with a dark ring, so that light verdict colours (yellow, grey lilac) still show on
    white; `status_colour` instead colours the line and the dots themselves."""
    rows = pd.DataFrame({"period": list(periods), "value": list(values)})
    rows["series"] = ""
    laid_periods, columns = _laid_out(_frame(rows, "series")) if len(rows) else ([], {"value": []})
    colour = status_colour or INK
    last_fill, last_ring = colour, INK
    if status is not None:
        colour, (last_fill, _, _) = INK, _style(status_style, status)
    xs = [p.years for p in laid_periods]
    ys = columns["value"]
    last = next((i for i in range(len(ys) - 1, -1, -1) if ys[i] is not None), None)
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            connectgaps=False,
            line={"color": colour, "width": 2},
            hoverinfo="skip",
        )
    )
    # a value with no neighbour would be invisible as a line: mark it (and the latest value)
    marked = [
        i
        for i, y in enumerate(ys)
        if y is not None
        and (i == 0 or ys[i - 1] is None)
        and (i == len(ys) - 1 or ys[i + 1] is None)
        and i != last
    ]
    if marked:
        fig.add_trace(
            go.Scatter(
                x=[xs[i] for i in marked],
                y=[ys[i] for i in marked],
                mode="markers",
                marker={"color": colour, "size": 4},
                hoverinfo="skip",
            )
        )
    if last is not None:
        fig.add_trace(
            go.Scatter(
                x=[xs[last]],
                y=[ys[last]],
                mode="markers",
                marker={
                    "color": last_fill,
                    "size": 7 if status is None else 11,
                    "line": {"color": last_ring, "width": 1 if status is None else 2},
                },
                hoverinfo="skip",
            )
        )
    apply_style(fig, lang=lang, height=height)
    fig.update_layout(
        width=width, showlegend=False, margin={"l": 8, "r": 10, "t": 8, "b": 8, "pad": 0}
    )
    # the dots at the ends lie half outside the plot area: drawn whole, in the margin
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(visible=False, fixedrange=True)
    fig.update_yaxes(visible=False, fixedrange=True)
    return fig


def inequality_chart(
    frame: pd.DataFrame,
    *,
    groups: Sequence[str],
    gap_groups: tuple[str, str],
    unit: str,
    decimals: int,
    title: str,
    lang: str = "da",
    target_gap: float | None = None,
    target_period: str | None = None,
    gap_unit: str | None = None,
    source: str | None = None,
    height: int | None = 720,
    legend_above: bool = False,
) -> go.Figure:
    """Groups (e.g. education) over time in the upper panel; the gap A − B and its target in the
    lower one. `frame` has columns ``group`` (or ``series``), ``period`` and ``value``.
    `legend_above`: laid out for a page read down to a phone's width (see series_chart)."""
    rows = _frame(frame, _name_column(frame, "group", "series"))
    grid = _fill_periods(rows["_period"])
    a, b = gap_groups
    gap_unit = gap_unit or (t("charts.points", lang) if unit.strip() == "%" else unit)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.2 if legend_above else 0.12,  # room for a title on two lines
        row_heights=[0.52, 0.48],
        subplot_titles=[
            t("charts.groups", lang),
            t("charts.gap", lang, a=_esc(a), b=_esc(b)),
        ],
    )
    colours = _series_colours(list(groups))
    periods: list[Period] = []
    for i, group in enumerate(groups):
        periods += _add_series(
            fig,
            rows[rows["name"] == group],
            name=group,
            colour=colours[group],
            unit=unit,
            decimals=decimals,
            lang=lang,
            source=source,
            emphasis="high" if group in gap_groups else "dim",
            row=1,
            legendrank=10 + i,
            grid=grid,
        )
    # the gap exists only for periods where both groups have a value
    value_of = {
        (row["name"], row["_period"]): row["value"]
        for _, row in rows.iterrows()
        if row["name"] in gap_groups
    }
    gap_periods = _fill_periods(p for (_, p) in value_of)
    gaps = [
        value_of[(a, p)] - value_of[(b, p)]
        if value_of.get((a, p)) is not None and value_of.get((b, p)) is not None
        else None
        for p in gap_periods
    ]
    gap_name = t("charts.gap", lang, a=a, b=b)
    fig.add_trace(
        go.Scatter(
            x=[p.years for p in gap_periods],
            y=gaps,
            customdata=[[period_label(p.code, lang), ""] for p in gap_periods],
            name=_esc(gap_name),
            mode="lines+markers",
            connectgaps=False,
            line={"color": PALETTE[4], "width": 4},
            marker={"color": PALETTE[4], "size": 9, "line": {"color": "#FFFFFF", "width": 1}},
            hovertemplate=_hover(gap_name, gap_unit, decimals, lang, source),
            showlegend=False,
        ),
        row=2,
        col=1,
    )
    periods += gap_periods
    target_at = _period(target_period) if target_period else None
    if target_gap is not None:
        _add_target(
            fig,
            value=target_gap,
            period=target_at,
            unit=gap_unit,
            decimals=decimals,
            lang=lang,
            key="charts.target_gap",
            row=2,
            in_legend=legend_above,
        )
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    fig.update_layout(legend={"y": 1, "yanchor": "top"})
    apply_style(fig, lang=lang, height=height)
    for annotation in fig.layout.annotations[:2]:  # the panel titles
        annotation.update(font={"size": 18, "color": INK}, x=0, xanchor="left")
        if legend_above:  # a phone's width: on short lines
            annotation.update(text="<br>".join(_wrap(annotation.text, 34)), align="left")
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_xaxes(showticklabels=True, row=1, col=1)
    fig.update_yaxes(**_value_axis(unit), row=1, col=1)
    fig.update_yaxes(**_value_axis(gap_unit), row=2, col=1)
    fig.update_yaxes(
        zeroline=True,
        zerolinecolor=AXIS,
        zerolinewidth=2,
        row=2,
        col=1,
        **_gap_range(gaps, target_gap),
    )
    _title_and_legend(fig, title, source, lang, narrow=legend_above)
    return fig


def _gap_range(gaps: Sequence[float | None], target: float | None) -> dict[str, Any]:
    """The gap panel's value axis: zero (no gap at all) is on it when the gaps come near it;
    otherwise the axis spans the gaps and their target, so a change shows as a slope and not as
    a flat line high above an empty panel."""
    values = [v for v in [*gaps, target] if v is not None and math.isfinite(v)]
    if not values:
        return {"rangemode": "tozero"}
    low, high = min(values), max(values)
    span = high - low
    if low <= 0 <= high or span == 0 or min(abs(low), abs(high)) <= span:
        return {"rangemode": "tozero"}
    pad = 0.25 * span  # room for the target's label above or below its line
    return {"range": [low - pad, high + pad], "autorange": False}


# --- status styles -----------------------------------------------------------------------------


def _default_styles() -> Mapping[str, Any]:
    from goals.present.style import STATUS_STYLE  # the product's table (kept off the import path)

    return STATUS_STYLE


def _ink_for(colour: str) -> str:
    """Black or white text, whichever reads better on `colour` (WCAG relative luminance)."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return INK if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"


def _style(styles: Mapping[str, Any] | None, status: str) -> tuple[str, str, str]:
    """(fill colour, symbol, text colour on the fill) of a verdict.

    `styles` maps a verdict to a goals.present.style.StatusStyle or to a plain (colour, symbol) pair,
    whose text colour is then worked out from the fill. An unknown verdict is shown as
    "not available"; without `styles` the product's STATUS_STYLE is used.
    """
    styles = styles if styles is not None else _default_styles()
    style = styles.get(status) or styles.get("not_available") or ("#F7F7F7", "?")
    colour, icon = style[0], style[1]
    ink = getattr(style, "ink", None) or (style[2] if len(style) > 2 else _ink_for(colour))
    return colour, icon, ink


# --- a gap before and after --------------------------------------------------------------------


def _limits(
    value: float | None, lower: float | None, upper: float | None, se: float | None
) -> tuple[float | None, float | None]:
    """A value's 95 % limits: as given, or ±1.96 standard errors."""
    lower, upper = _number(lower), _number(upper)
    if value is None:
        return None, None
    if lower is not None and upper is not None and lower <= upper:
        return lower, upper
    se = _number(se)
    if se is not None and se >= 0:
        return value - Z95 * se, value + Z95 * se
    return None, None


def _signed(value: float, decimals: int, lang: str) -> str:
    """+1,2 / −1,2 / 0,0 with the real minus sign; as many decimals as needed not to show 0."""
    places = decimals
    while places < decimals + 2 and value != 0 and round(abs(value), places) == 0:
        places += 1
    text = format_number(value, places, lang).replace("-", "−")
    return "+" + text if round(value, places) > 0 else text


#: Characters a line of gap_change_chart's notes may hold before it wraps.
_WRAP = 56


def _wrap(text: str, width: int = _WRAP) -> list[str]:
    """Short lines for a chart (plotly does not wrap text): a long line breaks before its
    parenthesis ('… procentpoint' / '(−0,5 om året)'), or else between words."""
    if len(text) <= width:
        return [text]
    head, sep, tail = text.rpartition(" (")
    if sep and head and len(head) >= width // 3:
        return [*_wrap(head, width), "(" + tail]
    return textwrap.wrap(text, width)


def gap_change_chart(row: Any, *, lang: str, title: str | None = None) -> go.Figure:
    """A gap (or any criterion's value) before and after: the base value and the latest value,
    each with its 95 % interval, an arrow between them, the target as a dashed line, and the
    verdict in words on its colour. Made to be read on a projector (and at 1600 × 900 px in a
    slide).

    `row` is a goals.status.StatusRow (or anything with its attributes): ``base_value``,
    ``latest_value``, their periods, limits (``base_lower``/``base_upper``,
    ``latest_lower``/``latest_upper``) or standard errors (``base_se``/``latest_se``, used as
    ±1.96 · se when the limits are missing), ``target``, ``target_period``, ``verdict``,
    ``unit``, ``decimals``, ``change``, ``change_per_year``, ``certainty`` and the names.
    Time runs from top (base) to bottom (latest); a gap reads against no gap at all, so zero is
    always on the axis. Without `title` the indicator and the area are the title.
    """
    lang = language(lang)
    get = functools.partial(getattr, row)
    unit = str(get("unit", "") or "")
    decimals = int(get("decimals", 1) or 0)
    change_unit = t("charts.points", lang) if unit.strip() == "%" else unit
    verdict = get("verdict", None) or get("status", None) or "not_available"
    colour, icon, ink = _style(None, verdict)
    base, latest = _number(get("base_value", None)), _number(get("latest_value", None))
    base_period, latest_period = get("base_period", None), get("latest_period", None)
    target, target_period = _number(get("target", None)), get("target_period", None)
    base_lo, base_hi = _limits(base, get("base_lower", None), get("base_upper", None),
                               get("base_se", None))  # fmt: skip
    latest_lo, latest_hi = _limits(latest, get("latest_lower", None), get("latest_upper", None),
                                   get("latest_se", None))  # fmt: skip

    def number(value: float) -> str:
        return format_number(value, decimals, lang).replace("-", "−")

    def when(period: str | None) -> str:
        return period_label(str(period), lang) if period else "–"

    fig = go.Figure()
    # (y, value, limits, name, marker fill, marker line): the base above, the latest below
    points = [
        (1, base, (base_lo, base_hi), t("charts.baseline.short", lang), base_period,
         "#FFFFFF", INK),
        (0, latest, (latest_lo, latest_hi), t("charts.latest.short", lang), latest_period,
         colour, INK),
    ]  # fmt: skip
    values = [0.0] + [v for v in (target, base, latest, base_lo, base_hi, latest_lo, latest_hi)
                      if v is not None]  # fmt: skip
    lo, hi = min(values), max(values)
    span = (hi - lo) or abs(hi) or 1.0
    lo, hi = (lo - 0.06 * span if lo < 0 else 0.0), hi + 0.12 * span
    for y, value, (lower, upper), name, period, fill, line in points:
        if value is None:
            fig.add_annotation(
                text=_esc(t("charts.no_data", lang)), x=lo, y=y, xanchor="left",
                showarrow=False, font={"size": LABEL_FONT_SIZE + 2, "color": MUTED},
            )  # fmt: skip
            continue
        interval = (
            t("charts.interval.short", lang, lower=number(lower), upper=number(upper))
            if lower is not None and upper is not None
            else t("charts.interval.none", lang)
        )
        has_limits = lower is not None and upper is not None
        fig.add_trace(
            go.Scatter(
                x=[value],
                y=[y],
                mode="markers",
                name=_esc(f"{name} {when(period)}"),
                marker={"size": 30, "color": fill, "line": {"color": line, "width": 3}},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": [upper - value if has_limits else 0],
                    "arrayminus": [value - lower if has_limits else 0],
                    "visible": has_limits,
                    "color": INK,
                    "thickness": 3,
                    "width": 14,
                },
                customdata=[[when(period), "<br>" + _esc(interval)]],
                hovertemplate=_hover(name, unit, decimals, lang, None, axis="x"),
                showlegend=False,
            )
        )
        # the base's label above it, the latest's below: the arrow between them stays clear
        above = y == 1
        place = (
            "left"
            if value - lo < 0.2 * (hi - lo)
            else "right"
            if hi - value < 0.2 * (hi - lo)
            else "center"
        )
        fig.add_annotation(
            text=f"<b>{_esc(_value_text(value, unit, decimals, lang).replace('-', '−'))}</b>"
            f"<br><span style='color:{MUTED}'>{_esc(interval)}</span>",
            x=value,
            y=y,
            yanchor="bottom" if above else "top",
            xanchor=place,
            yshift=22 if above else -22,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE + 4, "color": INK},
            align={"left": "left", "right": "right"}.get(place, "center"),
            bgcolor="rgba(255,255,255,0.88)",
        )
    if base is not None and latest is not None and base != latest:
        fig.add_annotation(
            x=latest, y=0, ax=base, ay=1, xref="x", yref="y", axref="x", ayref="y",
            showarrow=True, arrowhead=2, arrowsize=1.1, arrowwidth=3, arrowcolor=INK,
            standoff=20, startstandoff=20, text="",
        )  # fmt: skip
    if target is not None:
        fig.add_vline(x=target, line={"color": INK, "width": 3, "dash": "dash"}, layer="below")
        label = (
            t("charts.target", lang, period=when(target_period), value=_value_text(
                target, unit, decimals, lang))
            if target_period
            else f"{t('charts.target.short', lang)}: {_value_text(target, unit, decimals, lang)}"
        )  # fmt: skip
        fig.add_annotation(
            text=f"<b>{_esc(label)}</b>",
            x=target,
            y=1,
            yref="paper",
            yanchor="bottom",
            xanchor="left" if target - lo < 0.3 * (hi - lo) else "right"
            if hi - target < 0.3 * (hi - lo) else "center",
            yshift=6,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE + 2, "color": INK},
        )  # fmt: skip

    # the verdict in words on its colour, and what it rests on: the change and its uncertainty
    verdict_text = f"{icon} {t(f'status.{verdict}', lang)}"
    fig.add_annotation(
        text=f"<b>{_esc(verdict_text)}</b>",
        xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom", yshift=40,
        showarrow=False, bgcolor=colour, bordercolor=INK, borderwidth=1, borderpad=8,
        font={"size": LABEL_FONT_SIZE + 6, "color": ink},
    )  # fmt: skip
    lines = []
    change = _number(get("change", None))
    if change is None and base is not None and latest is not None:
        change = latest - base
    if change is not None:
        per_year = _number(get("change_per_year", None))
        lines.append(
            t(
                "charts.change",
                lang,
                base=when(base_period),
                latest=when(latest_period),
                change=f"{_signed(change, decimals, lang)} {change_unit}".strip(),
                per_year=t(
                    "charts.change.per_year",
                    lang,
                    rate=_signed(per_year, decimals, lang),
                )
                if per_year is not None and change != 0
                else "",
            )
        )
        base_se, latest_se = _number(get("base_se", None)), _number(get("latest_se", None))
        if base_se is None and base_lo is not None:
            base_se = (base_hi - base_lo) / (2 * Z95)  # type: ignore[operator]
        if latest_se is None and latest_lo is not None:
            latest_se = (latest_hi - latest_lo) / (2 * Z95)  # type: ignore[operator]
        certainty = get("certainty", None) or "unknown"
        if base_se is not None and latest_se is not None and certainty in ("certain", "uncertain"):
            margin = Z95 * math.hypot(base_se, latest_se)
            lines.append(
                t(f"charts.change.{certainty}", lang,
                  margin=f"{format_number(margin, decimals, lang)} {change_unit}".strip())
            )  # fmt: skip
        else:
            lines.append(t("charts.change.unknown", lang))
    # lines short enough for a chart beside an open sidebar (plotly does not wrap text)
    lines = [part for line in lines for part in _wrap(line)]
    if lines:
        fig.add_annotation(
            text="<br>".join(_esc(line) for line in lines),
            xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top", yshift=-82,
            showarrow=False, align="left", font={"size": LABEL_FONT_SIZE + 2, "color": INK},
        )  # fmt: skip

    if title is None:
        title = t(
            "charts.gap_change.title",
            lang,
            indicator=get("indicator_name", "") or "",
            area=get("area_name", "") or "",
        ).strip(" ·")
    subject = str(get("subject", "") or "")
    subject_lines = _wrap(subject, _WRAP + 8) if subject != title else []
    if subject_lines:  # the groups whose gap it is, under the title
        fig.add_annotation(
            text="<br>".join(_esc(line) for line in subject_lines),
            xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom", yshift=96,
            showarrow=False, font={"size": LABEL_FONT_SIZE + 2, "color": MUTED},
        )  # fmt: skip
    subtitled = bool(subject_lines)
    extra = 22 * max(len(subject_lines) - 1, 0)  # a second line of the groups
    # above the plot, from the bottom: the target's label (to 30 px), the verdict (40–85 px),
    # the groups (96–120 px), the title
    top = (126 + extra if subtitled else 96) + (40 if title else 0)
    fig.update_layout(**_title(title), showlegend=False)
    apply_style(fig, lang=lang, height=600)
    # everything above the plot lines up with its left edge: title, groups, verdict, target
    fig.update_layout(
        title={
            "font": {"size": TITLE_FONT_SIZE + 4},
            "xref": "paper",
            "x": 0,
            "yref": "paper",
            "y": 1,
            "yanchor": "bottom",
            "pad": {"l": 0, "t": 0, "b": 126 + extra if subtitled else 96},
        },
        margin={"l": 24, "r": 40, "t": top + 24, "b": 106 + 24 * len(lines) if lines else 90},
    )
    fig.update_yaxes(
        range=[-0.9, 1.9],
        tickmode="array",
        tickvals=[1, 0],
        ticktext=[f"<b>{_esc(p[3])}</b><br>{_esc(when(p[4]))}" for p in points],
        showgrid=False,
        showline=False,
        ticks="",
        fixedrange=True,
        ticksuffix="  ",
        tickfont={"size": LABEL_FONT_SIZE + 4},
    )
    fig.update_xaxes(
        range=[lo, hi],
        zeroline=True,
        zerolinecolor=AXIS,
        zerolinewidth=2,
        fixedrange=True,
        tickfont={"size": LABEL_FONT_SIZE + 2},
        ticksuffix=f" {unit.strip()}" if _short_unit(unit) else "",
        title={
            "text": _esc(
                t(
                    "charts.gap_change.axis" if get("gap", True) else "charts.value_axis",
                    lang,
                    unit=unit,
                )
            ),
            "font": {"size": LABEL_FONT_SIZE + 2},
        },
    )
    return fig


def _cell_parts(cell: Any) -> tuple[str, int, Mapping[str, int], int | None]:
    """Verdict, number of rows, rows per verdict and the supporting count of a roll-up (a
    goals.status.verdicts.Combined, an object like it, or a mapping); the support is None when the
    roll-up has none and no counts to work it out from."""
    get = (
        cell.get
        if isinstance(cell, Mapping)
        else lambda key, default=None: getattr(cell, key, default)
    )
    counts = get("counts", None) or {}
    n = get("n", None)
    status = get("status")
    support = get("support", None)
    if support is None and counts:
        # as goals.status.verdicts.combine: rows at the verdict or better, or those with the verdict
        if status in ("deterioration", "not_available") or status not in VERDICTS:
            support = counts.get(status, 0)
        else:
            support = sum(counts.get(v, 0) for v in VERDICTS[: VERDICTS.index(status) + 1])
    return status, (sum(counts.values()) if n is None else n), counts, support


def status_grid(
    cells: Mapping[tuple[str, str], Any],
    *,
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
    status_style: Mapping[str, Any] | None = None,
    lang: str = "da",
    title: str | None = None,
    height: int | None = None,
) -> go.Figure:
    """The overview: one cell per (row, column) – e.g. cluster × track – with the combined
    verdict in colour, symbol and words, and the count behind it, naming its unit ('3 af 4
    succeskriterier / på rette spor eller bedre').

    `rows` and `columns` are (key, label) pairs in display order; `cells` maps (row key,
    column key) to a roll-up with ``status`` (a verdict, goals.status.verdicts.VERDICTS), ``n``,
    ``counts`` and ``support`` (goals.status.verdicts.Combined or a dict; without ``support`` it is
    worked out from the counts). A missing cell is drawn empty. `status_style` maps a verdict
    to a StatusStyle or a (colour, symbol) pair, by default goals.present.style.STATUS_STYLE.
    """
    fig = go.Figure()
    hover_x, hover_y, hover_text = [], [], []
    for i, (row_key, _) in enumerate(rows):
        for j, (column_key, _) in enumerate(columns):
            cell = cells.get((row_key, column_key))
            x0, y0 = j, i
            if cell is None:
                fig.add_shape(
                    type="rect", x0=x0, x1=x0 + 1, y0=y0, y1=y0 + 1,
                    fillcolor="#FFFFFF", line={"color": "#FFFFFF", "width": 6}, layer="below",
                )  # fmt: skip
                fig.add_shape(
                    type="rect", x0=x0 + 0.02, x1=x0 + 0.98, y0=y0 + 0.04, y1=y0 + 0.96,
                    fillcolor="#FFFFFF", line={"color": GRID, "width": 2}, layer="below",
                )  # fmt: skip
                text = f"<span style='color:{MUTED}'>{_esc(t('charts.grid.empty', lang))}</span>"
                hover = t("charts.grid.empty", lang)
            else:
                status, n, counts, support = _cell_parts(cell)
                colour, icon, ink = _style(status_style, status)
                fig.add_shape(
                    type="rect", x0=x0, x1=x0 + 1, y0=y0, y1=y0 + 1,
                    fillcolor=colour, line={"color": "#FFFFFF", "width": 6}, layer="below",
                )  # fmt: skip
                label = t(f"status.{status}", lang)
                text = f"<span style='color:{ink}'><b>{_esc(icon)} {_esc(label)}</b>"
                if n and support is not None:  # the count behind the colour, and its unit
                    count = t("charts.grid.support", lang, k=support, n=n)
                    which = t(f"charts.grid.support.{status}", lang)
                    text += (
                        f"<br><span style='font-size:17px'>{_esc(count)}<br>{_esc(which)}</span>"
                    )
                text += "</span>"
                hover = "<br>".join(
                    [f"<b>{_esc(icon)} {_esc(label)}</b>"]
                    + [
                        f"{_esc(_style(status_style, s)[1])} {_esc(t(f'status.{s}', lang))}: "
                        f"{count}"
                        for s, count in counts.items()
                        if count
                    ]
                )
            fig.add_annotation(
                text=text,
                x=x0 + 0.5,
                y=y0 + 0.5,
                showarrow=False,
                font={"size": 20, "color": INK},
                align="center",
            )
            hover_x.append(x0 + 0.5)
            hover_y.append(y0 + 0.5)
            hover_text.append(hover)
    # invisible points so that hovering a cell lists every status count
    fig.add_trace(
        go.Scatter(
            x=hover_x,
            y=hover_y,
            mode="markers",
            marker={"size": 60, "opacity": 0},
            hovertext=hover_text,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(**_title(title), showlegend=False)
    apply_style(fig, lang=lang, height=height or (110 if title else 60) + 120 * max(len(rows), 1))
    fig.update_xaxes(
        range=[0, max(len(columns), 1)],
        tickmode="array",
        tickvals=[j + 0.5 for j in range(len(columns))],
        ticktext=[f"<b>{_esc(label)}</b>" for _, label in columns],
        side="top",
        showgrid=False,
        showline=False,
        ticks="",
        fixedrange=True,
        tickfont={"size": 18},
    )
    fig.update_yaxes(
        range=[max(len(rows), 1), 0],
        tickmode="array",
        tickvals=[i + 0.5 for i in range(len(rows))],
        ticktext=[f"<b>{_esc(label)}</b>" for _, label in rows],
        showgrid=False,
        showline=False,
        ticks="",
        fixedrange=True,
        tickfont={"size": 18},
        ticksuffix="  ",
    )
    if title:
        fig.update_layout(margin_t=110)
    return fig


#: Plotly marker symbols for the comparison results: shape carries the meaning with colour.
COMPARISON_SYMBOLS: dict[str, str] = {
    "better": "triangle-up",
    "similar": "circle",
    "worse": "triangle-down",
    "higher": "arrow-up",
    "lower": "arrow-down",
    "not_compared": "diamond-open",
}


def comparison_chart(
    frame: pd.DataFrame,
    *,
    reference_value: float | None,
    unit: str,
    decimals: int,
    higher_is_better: bool | None,
    title: str,
    comparison_style: Mapping[str, tuple[str, str]],
    lang: str = "da",
    reference_label: str | None = None,
    source: str | None = None,
    height: int | None = None,
) -> go.Figure:
    """Areas against the region, Fingertips-style: each area's value with its 95 % confidence
    interval, the region as a vertical line, marked better / similar / worse / not compared.

    `frame` has columns ``area``, ``value``, ``lower``, ``upper`` and optionally ``comparison``
    (goals.status.compare.COMPARISONS); without it the comparison is computed here.
    """
    from goals.status.compare import compare_to_reference

    name_column = _name_column(frame, "area", "series")
    areas = [str(a) for a in frame[name_column]]
    value = [_number(v) for v in frame["value"]]
    lower = [_number(v) for v in (frame["lower"] if "lower" in frame else [None] * len(frame))]
    upper = [_number(v) for v in (frame["upper"] if "upper" in frame else [None] * len(frame))]
    if "comparison" in frame:
        results = [
            str(c) if c is not None and c == c else "not_compared" for c in frame["comparison"]
        ]
    else:
        results = [
            compare_to_reference(v, lo, hi, reference_value, higher_is_better=higher_is_better)
            for v, lo, hi in zip(value, lower, upper, strict=True)
        ]
    fig = go.Figure()
    order = [c for c in COMPARISON_SYMBOLS if c in results]
    for rank, result in enumerate(order):
        index = [i for i, r in enumerate(results) if r == result]
        colour = comparison_style[result][0]
        symbol = COMPARISON_SYMBOLS[result]
        intervals = [
            t(
                "charts.interval",
                lang,
                lower=format_number(lower[i], decimals, lang),
                upper=format_number(upper[i], decimals, lang),
            )
            if lower[i] is not None and upper[i] is not None
            else ""
            for i in index
        ]
        plus = [
            None if upper[i] is None or value[i] is None else upper[i] - value[i] for i in index
        ]
        minus = [
            None if lower[i] is None or value[i] is None else value[i] - lower[i] for i in index
        ]
        # the legend shows the marker symbol itself, so the label needs no icon
        legend = t(f"status.comparison.{result}", lang)
        fig.add_trace(
            go.Scatter(
                x=[value[i] for i in index],
                y=[areas[i] for i in index],
                customdata=[[areas[i], ci] for i, ci in zip(index, intervals, strict=True)],
                mode="markers",
                name=_esc(legend),
                marker={
                    "symbol": symbol,
                    "size": 18,
                    "color": colour,
                    # open symbols are drawn by their line, in the result's colour
                    "line": {"color": colour if symbol.endswith("open") else INK, "width": 1.5},
                },
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": plus,
                    "arrayminus": minus,
                    # without any interval plotly would still draw an empty cap on the marker
                    "visible": any(v is not None for v in plus + minus),
                    "color": MUTED,
                    "thickness": 2.5,
                    "width": 8,
                },
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>"
                    f"%{{x:,.{decimals}f}} {_esc(unit)}<br>%{{customdata[1]}}<br>{_esc(legend)}"
                    + (f"<br>{_esc(t('charts.source', lang, source=source))}" if source else "")
                    + "<extra></extra>"
                ),
                legendrank=rank,
            )
        )
    missing = [a for a, v in zip(areas, value, strict=True) if v is None]
    for area in missing:
        fig.add_annotation(
            text=_esc(t("charts.no_data", lang)),
            x=0,
            xref="paper",
            y=area,
            xanchor="left",
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    two_lines = False
    if reference_value is not None:
        fig.add_vline(x=reference_value, line={"color": INK, "width": 3}, layer="below")
        name = reference_label or t("charts.region", lang)
        value_text = _value_text(reference_value, unit, decimals, lang)
        # a long label goes on two lines and grows away from the nearer edge, so that it
        # stays within the figure on a narrow screen
        two_lines = len(name) + len(value_text) > 24
        shown = [v for v in (*value, *lower, *upper, reference_value) if v is not None]
        at = (reference_value - min(shown)) / ((max(shown) - min(shown)) or 1)
        text = (
            f"<b>{_esc(name)}</b><br>{_esc(value_text)}"
            if two_lines
            else "<b>" + _esc(t("charts.reference", lang, name=name, value=value_text)) + "</b>"
        )
        anchor = "left" if at < 0.35 else "right" if at > 0.65 else "center"
        fig.add_annotation(
            text=text,
            x=reference_value,
            y=1,
            yref="paper",
            yanchor="bottom",
            xanchor=anchor,
            align=anchor,
            yshift=6,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE, "color": INK},
        )
    # a half-width chart on a page, a phone's width on a phone: the title on short lines
    title = _wrapped(title) or ""
    extra = 28 * title.count("\n")
    fig.update_layout(
        **_title(title),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
        },
    )
    apply_style(fig, lang=lang, height=(height or 200 + 52 * max(len(areas), 1)) + extra)
    fig.update_layout(
        margin={"t": (134 if two_lines else 110) + extra, "b": 110 if not source else 130}
    )
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=areas,
        autorange="reversed",
        showgrid=True,
        ticksuffix="  ",
    )
    fig.update_xaxes(**_value_axis(unit), zeroline=False)
    if source:
        fig.add_annotation(
            text=_esc(t("charts.source", lang, source=source)),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            yshift=-40,
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    if higher_is_better is not None:
        fig.add_annotation(
            text=t("charts.better.right" if higher_is_better else "charts.better.left", lang),
            xref="paper",
            yref="paper",
            x=1 if higher_is_better else 0,
            y=1,
            xanchor="right" if higher_is_better else "left",
            yanchor="bottom",
            yshift=54 if two_lines else 32,  # above the region's label, at either end
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    return fig


# --- the work plan -----------------------------------------------------------------------------

_DAY_MS = 86_400_000


@dataclass(frozen=True)
class TimelineItem:
    """One initiative on `timeline_chart`: its row's name, dates, status, next milestone and
    whether it is overdue."""

    label: str
    start: dt.date | None
    end: dt.date | None
    status: str  # an initiative status (goals.store.model.InitiativeStatus value)
    next_milestone: str | None
    milestone_date: dt.date | None
    overdue: bool


def timeline_span(items: Iterable[Any], today: dt.date) -> tuple[dt.date, dt.date]:
    """One time axis for several time lines: from the first date of `items` (start, end or
    milestone) to the last, today included, with a month's margin either side."""
    dates = [d for i in items for d in (i.start, i.end, i.milestone_date) if d] + [today]
    return min(dates) - dt.timedelta(days=31), max(dates) + dt.timedelta(days=31)


def _timeline_styles() -> Mapping[str, Any]:
    from goals.present.style import INITIATIVE_STYLE  # the product's table (off the import path)

    return INITIATIVE_STYLE


def timeline_chart(
    items: Sequence[Any],
    *,
    today: Any,
    lang: str = "da",
    title: str | None = None,
    styles: Mapping[str, Any] | None = None,
    label_width: int = 40,
    height: int | None = None,
    x_range: tuple[Any, Any] | None = None,
) -> go.Figure:
    """Initiatives on a time line: a bar from start to end in the status's colour (with its
    symbol and words in the legend), a diamond at the next milestone, a line for today, and an
    overdue initiative (end passed, not completed or stopped) outlined and labelled in words.

    Each initiative's name is written above its bar, across the chart (not beside the axis), so
    a phone's narrow screen keeps the whole width for the time line. `items` have ``label``,
    ``start`` and ``end`` (dates or None), ``status`` (an initiative status),
    ``next_milestone``, ``milestone_date`` and ``overdue``. An item with one date only is drawn
    as a short mark at that date; one with neither is left out (a page lists it under the
    chart). `x_range` (two dates) gives several charts one axis.
    """
    lang = language(lang)
    styles = styles if styles is not None else _timeline_styles()
    shown = [i for i in items if i.start is not None or i.end is not None]
    # an overdue initiative's name is led by the word, in red (never cut off at the right)
    word = t("plans.overdue", lang)
    overdue = f'<span style="color:{VERDICT_RED}"><b>! {_esc(word)}</b></span>  '
    labels = [
        (overdue if i.overdue else "")
        + "<br>".join(
            _esc(x) for x in _wrap(str(i.label), label_width - (len(word) + 4) * i.overdue)
        )
        for i in shown
    ]
    fig = go.Figure()
    for status in dict.fromkeys(i.status for i in shown):  # the legend: one entry per status
        colour, icon, _ink = _style(styles, status)
        fig.add_trace(
            go.Bar(
                y=[None],
                x=[None],
                orientation="h",
                name=f"{icon} {t(f'workbook.initiative.{status}', lang)}",
                legendgroup=status,
                marker={"color": colour, "line": {"color": INK, "width": 1}},
            )
        )
    # row n spans n-0.5 … n+0.5 (top to bottom): its name in the upper part, its bar below;
    # the row is as tall as its longest name needs (a phone wraps names to more lines), so a
    # name never runs into the bar above
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    label_px, bar_px = 22 * lines + 6, 28
    row_px = label_px + bar_px + 8
    bar_width = bar_px / row_px
    bar_offset = -0.5 + (label_px + bar_px / 2) / row_px
    bar_y = [n + bar_offset for n in range(len(shown))]
    for item, y in zip(shown, bar_y, strict=True):
        colour, icon, _ink = _style(styles, item.status)
        start = item.start or item.end
        end = item.end or item.start
        days = max((end - start).days, 7)  # one date only: a week-wide mark
        status_text = t(f"workbook.initiative.{item.status}", lang)
        dates = f"{format_date(item.start, lang)} – {format_date(item.end, lang)}"
        hover = f"<b>{_esc(item.label)}</b><br>{icon} {_esc(status_text)}<br>{dates}"
        if item.overdue:
            hover += f"<br><b>{_esc(t('plans.overdue', lang))}</b>"
        fig.add_trace(
            go.Bar(
                y=[y],
                x=[days * _DAY_MS],
                base=[start.isoformat()],
                orientation="h",
                name=f"{icon} {status_text}",
                legendgroup=item.status,
                showlegend=False,
                marker={
                    "color": colour,
                    "line": {
                        "color": VERDICT_RED if item.overdue else INK,
                        "width": 3 if item.overdue else 1,
                    },
                },
                width=bar_width,
                hovertemplate=hover + "<extra></extra>",
            )
        )
    for n, label in enumerate(labels):
        fig.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=n + bar_offset - bar_width / 2,
            yanchor="bottom",
            text=label,
            align="left",
            showarrow=False,
            font={"size": FONT_SIZE, "color": INK},
        )
    marks = [(i, y) for i, y in zip(shown, bar_y, strict=True) if i.milestone_date]
    if marks:
        fig.add_trace(
            go.Scatter(
                y=[y for _, y in marks],
                x=[i.milestone_date.isoformat() for i, _ in marks],
                mode="markers",
                name=t("plans.milestone", lang),
                marker={
                    "symbol": "diamond",
                    "size": 14,
                    "color": INK,
                    "line": {"color": "#FFFFFF", "width": 1.5},
                },
                customdata=[
                    [_esc(i.next_milestone or ""), format_date(i.milestone_date, lang)]
                    for i, _ in marks
                ],
                hovertemplate="◆ %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    fig.add_shape(
        type="line",
        x0=today.isoformat(),
        x1=today.isoformat(),
        yref="paper",
        y0=0,
        y1=1,
        line={"color": MUTED, "width": 2, "dash": "dash"},
    )
    fig.add_trace(  # the legend's entry for the line of today
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name=_esc(t("plans.today", lang, date=format_date(today, lang))),
            line={"color": MUTED, "width": 2, "dash": "dash"},
        )
    )
    fig.update_layout(**_title(title))
    apply_style(fig, lang=lang)
    rows = max(len(shown), 1)
    fig.update_layout(
        barmode="overlay",
        height=height or (150 + (70 if title else 0) + rows * row_px),
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom", "xanchor": "left"},
        margin={"l": 16, "r": 16, "t": 130 if title else 60, "b": 40, "pad": 4},
    )
    fig.update_xaxes(type="date", tickformat="%Y" if _span_years(shown) > 3 else "%m-%Y")
    if x_range is not None:
        fig.update_xaxes(range=[x_range[0].isoformat(), x_range[1].isoformat()])
    fig.update_yaxes(
        range=[rows - 0.5, -0.5], visible=False, showgrid=False, zeroline=False, fixedrange=True
    )
    return fig


#: The deterioration red of goals.present.style, for what is overdue (7:1 on white).
VERDICT_RED = "#AC1E04"


def _span_years(items: Sequence[Any]) -> float:
    dates = [d for i in items for d in (i.start, i.end, i.milestone_date) if d is not None]
    if len(dates) < 2:
        return 0.0
    return (max(dates) - min(dates)).days / 365.25


# --- the economy ---------------------------------------------------------------------------------

#: Budget in a light blue with a dark outline, spending in the palette's dark blue: apart for
#: every colour vision (lightness differs), and the numbers are written beside the bars.
BUDGET_FILL = "#C6DBEF"
SPENT_FILL = "#0072B2"


def _nice_step(rough: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `rough`."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)


def economy_chart(
    names: Sequence[str],
    budgets: Sequence[float],
    spent: Sequence[float],
    *,
    lang: str = "da",
    title: str | None = None,
    label_width: int = 36,
) -> go.Figure:
    """Budget and spending (kr.) side by side per goal, cluster or track; a row that spent more
    than its budget is named in words on its label."""
    lang = language(lang)
    over = (
        f' <span style="color:{VERDICT_RED}"><b>! {_esc(t("plans.over_budget", lang))}</b></span>'
    )
    labels = [
        "<br>".join(_esc(x) for x in _wrap(str(n), label_width)) + (over if s > b > 0 else "")
        for n, b, s in zip(names, budgets, spent, strict=True)
    ]
    fig = go.Figure()
    for name, values, fill in (
        (t("plans.budget", lang), budgets, BUDGET_FILL),
        (t("plans.spent", lang), spent, SPENT_FILL),
    ):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=list(values),
                orientation="h",
                name=name,
                marker={"color": fill, "line": {"color": INK, "width": 1}},
                text=[format_amount_short(v, lang) for v in values],
                textposition="outside",
                cliponaxis=False,
                customdata=[format_amount(v, lang) for v in values],
                hovertemplate="%{y}<br>" + _esc(name) + ": %{customdata}<extra></extra>",
            )
        )
    fig.update_layout(**_title(title))
    apply_style(fig, lang=lang)
    lines = sum(label.count("<br>") + 1 for label in labels) or 1
    fig.update_layout(
        barmode="group",
        bargap=0.25,
        height=(110 if title else 60) + 40 + max(len(labels) * 64, lines * 24),
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom", "xanchor": "left"},
        margin={"l": 24, "r": 140, "t": 110 if title else 48, "b": 24, "pad": 4},
    )
    top = max([*budgets, *spent, 1.0])
    step = _nice_step(top / 4)
    ticks = [step * k for k in range(int(top // step) + 2)]
    fig.update_xaxes(
        title_text=_esc("kr." if lang == "da" else "DKK"),
        range=[0, top * 1.3],  # room for the amounts written beside the bars
        tickvals=ticks,
        ticktext=[format_amount_short(v, lang, unit=False) for v in ticks],
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return fig
