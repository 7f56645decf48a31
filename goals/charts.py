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

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from goals.describe import period_label
from goals.i18n import format_number, language, t
from goals.periods import Frequency, Period, parse_period

__all__ = [
    "FONT_FAMILY",
    "FONT_SIZE",
    "MIN_FONT_SIZE",
    "NEUTRALS",
    "PALETTE",
    "PLOTLY_CONFIG",
    "TITLE_FONT_SIZE",
    "apply_style",
    "bullet_chart",
    "comparison_chart",
    "criterion_chart",
    "inequality_chart",
    "plotly_config",
    "series_chart",
    "sparkline",
    "status_grid",
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
#: for the status icons (✔ ▲ ● ▼ ✖). All are local fonts – nothing is downloaded.
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
    """Ticks for a numeric time axis: every period when there are few, otherwise years."""
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
        every = max(1, math.ceil(len(span) / 12))
        ticks = span[::every]
        axis |= {
            "tickvals": [p.years for p in ticks],
            "ticktext": [period_label(p.code, lang) for p in ticks],
        }
    else:
        years = list(range(math.ceil(lo), math.floor(hi) + 1)) or [int(lo)]
        every = max(1, math.ceil(len(years) / 12))
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
) -> None:
    """The target as a dashed horizontal line and, at its period, a black diamond with a label."""
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
    if side is None:  # data on both sides of the line: the label goes in the legend instead
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
    return {"title": {"text": f"<b>{_esc(text)}</b>" if text else ""}}


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
) -> go.Figure:
    """Lines for several areas or groups over time, with the target and the baseline.

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
        _add_target(fig, value=target, period=target_at, unit=unit, decimals=decimals, lang=lang)
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    apply_style(fig, lang=lang, height=height)
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_yaxes(**_value_axis(unit))
    _source_note(fig, source, lang)
    return fig


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
) -> go.Figure:
    """A success criterion: every cluster's series, the baseline, the target and the required
    path from the baseline value to the target.

    The path starts at `baseline_value`, or – when it is not given – at the highlighted
    series' value in the baseline period. For a gap criterion pass the gaps as the series.
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
        )
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    apply_style(fig, lang=lang, height=height)
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_yaxes(**_value_axis(unit))
    _source_note(fig, source, lang)
    return fig


def _place_labels(xs: Sequence[float], span: float) -> list[str]:
    """'above' or 'below' for each label so that labels close together alternate sides."""
    sides: list[str] = []
    placed: list[tuple[float, str]] = []
    for x in xs:
        near = {side for other, side in placed if abs(other - x) < 0.3 * span}
        side = "above" if "above" not in near else "below" if "below" not in near else "above"
        placed.append((x, side))
        sides.append(side)
    return sides


def bullet_chart(
    *,
    baseline: float | None,
    latest: float | None,
    target: float | None,
    unit: str,
    decimals: int,
    higher_is_better: bool | None,
    status: str,
    status_style: Mapping[str, tuple[str, str]],
    lang: str = "da",
    title: str | None = None,
    baseline_period: str | None = None,
    latest_period: str | None = None,
    target_period: str | None = None,
    height: int | None = None,
) -> go.Figure:
    """A compact horizontal progress chart: a bar from baseline to latest in the status colour,
    the target as a black mark, each with its value; the status in words and icon."""
    colour, icon = status_style[status]
    values = [v for v in (baseline, latest, target) if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    span = (hi - lo) or abs(hi) or 1.0
    lo, hi = lo - 0.18 * span, hi + 0.18 * span
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
    sides = _place_labels([m[0] for m in marks], hi - lo)
    for (x, text, bold), side in zip(marks, sides, strict=True):
        anchor = (
            "left"
            if x < lo + 0.3 * (hi - lo)
            else "right"
            if x > hi - 0.3 * (hi - lo)
            else "center"
        )
        fig.add_annotation(
            text=f"<b>{_esc(text)}</b>" if bold else _esc(text),
            x=x,
            y=0.9 if side == "above" else 0.1,
            yanchor="bottom" if side == "above" else "top",
            xanchor=anchor,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE, "color": INK},
        )
    if higher_is_better is not None:  # which way is better, under the end it points to
        fig.add_annotation(
            text=t("charts.better.right" if higher_is_better else "charts.better.left", lang),
            x=hi if higher_is_better else lo,
            y=0.5,
            xanchor="right" if higher_is_better else "left",
            yanchor="middle",
            xshift=-6 if higher_is_better else 6,
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    status_text = f"{icon} {t(f'status.{status}', lang)}"
    heading = (
        f"<b>{_esc(title)}</b>   {_esc(status_text)}" if title else f"<b>{_esc(status_text)}</b>"
    )
    fig.update_layout(title={"text": heading}, showlegend=False)
    apply_style(fig, lang=lang, height=height or 150 + (50 if "below" in sides else 0))
    fig.update_layout(margin={"l": 24, "r": 24, "t": 64, "b": 16})
    fig.update_xaxes(
        range=[lo, hi],
        showgrid=False,
        showline=False,
        showticklabels=False,
        ticks="",
        zeroline=False,
        fixedrange=True,
    )
    bottom = -0.45 if "below" in sides else 0.05  # room for labels under the bar only if used
    fig.update_yaxes(range=[bottom, 1.45], visible=False, fixedrange=True)
    return fig


def sparkline(
    periods: Sequence[str],
    values: Sequence[float | None],
    *,
    status_colour: str | None = None,
    lang: str = "da",
    width: int = 160,
    height: int = 44,
) -> go.Figure:
    """A tiny line for a table cell: no axes, no text; gaps stay gaps; the last value marked."""
    rows = pd.DataFrame({"period": list(periods), "value": list(values)})
    rows["series"] = ""
    laid_periods, columns = _laid_out(_frame(rows, "series")) if len(rows) else ([], {"value": []})
    colour = status_colour or INK
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
                marker={"color": colour, "size": 7, "line": {"color": INK, "width": 1}},
                hoverinfo="skip",
            )
        )
    apply_style(fig, lang=lang, height=height)
    fig.update_layout(
        width=width, showlegend=False, margin={"l": 4, "r": 6, "t": 4, "b": 4, "pad": 0}
    )
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
) -> go.Figure:
    """Groups (e.g. education) over time in the upper panel; the gap A − B and its target in the
    lower one. `frame` has columns ``group`` (or ``series``), ``period`` and ``value``."""
    rows = _frame(frame, _name_column(frame, "group", "series"))
    grid = _fill_periods(rows["_period"])
    a, b = gap_groups
    gap_unit = gap_unit or (t("charts.points", lang) if unit.strip() == "%" else unit)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.14,
        row_heights=[0.6, 0.4],
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
        )
        if target_at:
            periods.append(target_at)
    fig.update_layout(**_title(title), **_legend_right())
    fig.update_layout(legend={"y": 1, "yanchor": "top"})
    apply_style(fig, lang=lang, height=height)
    for annotation in fig.layout.annotations[:2]:  # the panel titles
        annotation.update(font={"size": 18, "color": INK}, x=0, xanchor="left")
    fig.update_xaxes(**_time_axis(periods, lang))
    fig.update_xaxes(showticklabels=True, row=1, col=1)
    fig.update_yaxes(**_value_axis(unit), row=1, col=1)
    fig.update_yaxes(**_value_axis(gap_unit), row=2, col=1)
    # the gap is read against no gap at all, so zero is always on its axis
    fig.update_yaxes(
        zeroline=True, zerolinecolor=AXIS, zerolinewidth=2, rangemode="tozero", row=2, col=1
    )
    _source_note(fig, source, lang)
    return fig


def _cell_parts(cell: Any) -> tuple[str, int, Mapping[str, int]]:
    """Status, number of parts and counts per status of a roll-up (object or mapping)."""
    get = (
        cell.get
        if isinstance(cell, Mapping)
        else lambda key, default=None: getattr(cell, key, default)
    )
    counts = get("counts", None) or {}
    n = get("n", None)
    return get("status"), (sum(counts.values()) if n is None else n), counts


def status_grid(
    cells: Mapping[tuple[str, str], Any],
    *,
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
    status_style: Mapping[str, tuple[str, str]],
    lang: str = "da",
    title: str | None = None,
    height: int | None = None,
) -> go.Figure:
    """The overview: one cell per (row, column) – e.g. cluster × track – with the status in
    colour, icon and words and how many parts are on track ('3 af 5 på rette spor').

    `rows` and `columns` are (key, label) pairs in display order; `cells` maps (row key,
    column key) to a roll-up with ``status``, ``n`` and ``counts`` (goals.progress.RollUp or a
    dict). A missing cell is drawn empty.
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
                status, n, counts = _cell_parts(cell)
                colour, icon = status_style[status]
                fig.add_shape(
                    type="rect", x0=x0, x1=x0 + 1, y0=y0, y1=y0 + 1,
                    fillcolor=colour, line={"color": "#FFFFFF", "width": 6}, layer="below",
                )  # fmt: skip
                good = counts.get("target_achieved", 0) + counts.get("on_track", 0)
                label = t(f"status.{status}", lang)
                text = f"<b>{icon} {_esc(label)}</b>"
                if n:
                    text += "<br>" + _esc(t("charts.grid.counts", lang, good=good, n=n))
                hover = "<br>".join(
                    [f"<b>{icon} {_esc(label)}</b>"]
                    + [
                        f"{status_style[s][1]} {_esc(t(f'status.{s}', lang))}: {count}"
                        for s, count in counts.items()
                        if count and s in status_style
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
    (goals.compare.COMPARISONS); without it the comparison is computed here.
    """
    from goals.compare import compare_to_reference

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
    if reference_value is not None:
        fig.add_vline(x=reference_value, line={"color": INK, "width": 3}, layer="below")
        fig.add_annotation(
            text="<b>"
            + _esc(
                t(
                    "charts.reference",
                    lang,
                    name=reference_label or t("charts.region", lang),
                    value=_value_text(reference_value, unit, decimals, lang),
                )
            )
            + "</b>",
            x=reference_value,
            y=1,
            yref="paper",
            yanchor="bottom",
            xanchor="center",
            yshift=6,
            showarrow=False,
            font={"size": LABEL_FONT_SIZE, "color": INK},
        )
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
    apply_style(fig, lang=lang, height=height or 200 + 52 * max(len(areas), 1))
    fig.update_layout(margin={"t": 110, "b": 110 if not source else 130})
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
            yshift=6,
            showarrow=False,
            font={"size": MIN_FONT_SIZE, "color": MUTED},
        )
    return fig
