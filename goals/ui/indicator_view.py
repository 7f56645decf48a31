"""The Indikatorer page's parts: choosing areas, groups and periods, the chart, the table,
what the indicator is, and the downloads of exactly what is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from goals.catalogue import Catalogue
from goals.catalogue.words import period_label
from goals.i18n import name_of, t
from goals.present import charts, indicator_data
from goals.present.indicator_data import Coverage
from goals.status import StatusReport
from goals.store.model import Indicator, TargetType
from goals.ui import goal_view, overview_view
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc

#: More lines than the palette has colours cannot be told apart on a shared screen.
MANY_SERIES = len(charts.PALETTE)


@dataclass(frozen=True)
class Selection:
    """What the reader chose (codes), in display order."""

    areas: tuple[str, ...]
    groups: tuple[str, ...]
    period_from: str | None
    period_to: str | None


# --- data, cached until the store changes ------------------------------------------------------


@context.versioned_cache(max_entries=32, kind="data")
def _coverage(version: tuple, indicator: str) -> Coverage:
    return indicator_data.coverage(
        engine=context.engine(), cat=context.catalogue(), indicator_code=indicator
    )


def coverage(indicator: str) -> Coverage:
    return _coverage(context.data_version(), indicator)


@context.versioned_cache(max_entries=64, kind="data")
def _observations(
    version: tuple,
    indicator: str,
    areas: tuple[str, ...],
    groups: tuple[str, ...],
    period_from: str | None,
    period_to: str | None,
) -> pd.DataFrame:
    return indicator_data.observations(
        engine=context.engine(),
        cat=context.catalogue(),
        indicator=indicator,
        areas=areas,
        groups=groups,
        period_from=period_from,
        period_to=period_to,
    )


def observations(indicator: str, selection: Selection) -> pd.DataFrame:
    return _observations(
        context.data_version(),
        indicator,
        selection.areas,
        selection.groups,
        selection.period_from,
        selection.period_to,
    )


# --- choices -----------------------------------------------------------------------------------


def indicator_options(cat: Catalogue, lang: str) -> dict[str, str]:
    """Every indicator; those the success criteria measure first, then the others (klyngedata
    such as the population), so the page opens on an indicator of the goals."""
    measured = {c.current.indicator_id for c in cat.criteria}
    ordered = sorted(cat.indicators.values(), key=lambda i: (i.id not in measured, i.code))
    return {i.code: f"{i.code} · {name_of(i, lang)}" for i in ordered}


def _drop_unknown(key: str, allowed: list[str]) -> None:
    """A list in the URL with no known code at all (a stale link) falls back to the default."""
    if key in st.query_params and not urlstate.get_list(key, allowed):
        urlstate.put(key, None)


def choose(cat: Catalogue, cov: Coverage, lang: str, *, period_columns: Sequence) -> Selection:
    """Areas, groups and the period range (in the two `period_columns`), each bound to the URL;
    options are only what has values for this indicator."""
    _drop_unknown("areas", cov.areas)
    _drop_unknown("groups", cov.groups)
    region = cat.region
    default_areas = [
        a.code for a in ([region] if region else []) + cat.clusters if a.code in cov.areas
    ] or cov.areas[:1]
    total = cat.total_group
    default_groups = [total.code] if total and total.code in cov.groups else cov.groups[:1]
    area_names = {a.code: name_of(a, lang) for a in cat.areas.values()}
    group_names = {g.code: name_of(g, lang) for g in cat.groups.values()}
    periods = {p: period_label(p, lang) for p in cov.periods}
    left, right = st.columns([3, 2])
    areas = urlstate.multiselect(
        "areas",
        {code: area_names[code] for code in cov.areas},
        label=t("indicator.areas", lang),
        default=default_areas,
        container=left,
    )
    groups = urlstate.multiselect(
        "groups",
        {code: group_names[code] for code in cov.groups},
        label=t("indicator.groups", lang),
        default=default_groups,
        container=right,
    )
    first, last = period_columns
    period_from = urlstate.select(
        "from", periods, label=t("indicator.from", lang), default=cov.periods[0], container=first
    )
    period_to = urlstate.select(
        "to", periods, label=t("indicator.to", lang), default=cov.periods[-1], container=last
    )
    if cov.periods.index(period_from) > cov.periods.index(period_to):
        period_from, period_to = period_to, period_from
        st.caption(t("indicator.swapped", lang))
    # areas and groups in catalogue order, whatever order they were picked in
    return Selection(
        areas=tuple(c for c in cov.areas if c in areas),
        groups=tuple(c for c in cov.groups if c in groups),
        period_from=period_from,
        period_to=period_to,
    )


# --- what the indicator is ---------------------------------------------------------------------


def about_html(indicator: Indicator, cat: Catalogue, lang: str) -> str:
    """Definition, source, unit, polarity and frequency as a small table."""
    owner = next((s for s in cat.steering_groups if s.id in cat.indicator_owners(indicator)), None)
    facts = [
        (t("indicator.about.definition", lang), name_of(indicator, lang, "definition") or "–"),
        (t("indicator.about.unit", lang), name_of(indicator, lang, "unit")),
        (t("indicator.about.polarity", lang), indicator_data.polarity_text(indicator, lang)),
        (t("indicator.about.frequency", lang), indicator_data.frequency_text(indicator, lang)),
        (t("indicator.about.source", lang), name_of(indicator, lang, "source") or "–"),
    ]
    if owner is not None:
        facts.append((t("indicator.about.owner", lang), name_of(owner, lang)))
    cells = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in facts)
    return f'<table class="goals-facts">{cells}</table>'


def no_values(any_values: bool, lang: str) -> None:
    """Nothing to show: an empty store invites the first upload."""
    if any_values:
        st.info(t("indicator.no_values", lang))
    else:
        goal_view.invite_upload(lang)


# --- the chart ---------------------------------------------------------------------------------


def chart_target(
    cat: Catalogue, report: StatusReport | None, indicator: Indicator, selection: Selection
) -> tuple[float | None, str | None, str | None]:
    """(target, target period, baseline period) when the view is what one criterion follows:
    its group alone, and – for a target relative to the baseline – one area."""
    if len(selection.groups) != 1:
        return None, None, None
    group = cat.group(selection.groups[0])
    matches = [
        info
        for info in cat.criteria
        if info.current.indicator_id == indicator.id
        and not info.current.is_gap
        and info.current.group_id == (group.id if group else None)
        and info.current.target_type is not None
    ]
    if len(matches) != 1:
        return None, None, None
    revision = matches[0].current
    if revision.target_type == TargetType.ABSOLUTE:
        return float(revision.target_value), revision.target_period, revision.baseline_period
    if len(selection.areas) == 1 and report is not None:
        row = next(
            (
                r
                for r in report.rows
                if r.criterion == matches[0].code and r.area == selection.areas[0]
            ),
            None,
        )
        if row is not None and row.target is not None:
            return row.target, row.target_period, revision.baseline_period
    return None, None, None


def chart(
    frame: pd.DataFrame,
    *,
    indicator: Indicator,
    selection: Selection,
    cat: Catalogue,
    target: tuple[float | None, str | None, str | None],
    lang: str,
) -> None:
    """The selection over time: one line per area (or group, or both), the region dashed."""
    areas = {a.code: name_of(a, lang) for a in cat.areas.values()}
    groups = {g.code: name_of(g, lang) for g in cat.groups.values()}
    if len(selection.groups) == 1:
        names = [areas[a] for a in frame["area"]]
    elif len(selection.areas) == 1:
        names = [groups[g] for g in frame["group"]]
    else:
        names = [
            f"{areas[a]} · {groups[g]}" for a, g in zip(frame["area"], frame["group"], strict=True)
        ]
    data = pd.DataFrame(
        {
            "series": names,
            "period": frame["period"],
            "value": frame["value"],
            "lower": frame["lower"],
            "upper": frame["upper"],
        }
    )
    region = cat.region
    reference = (
        areas[region.code]
        if region is not None
        and region.code in selection.areas
        and len(selection.groups) == 1
        and len(selection.areas) > 1
        else None
    )
    title = name_of(indicator, lang)
    if len(selection.groups) == 1:
        title += f" · {groups[selection.groups[0]]}"
    if len(selection.areas) == 1 and len(selection.groups) > 1:
        title += f" · {areas[selection.areas[0]]}"
    colours = {
        areas[a.code]: charts.PALETTE[i % len(charts.PALETTE)] for i, a in enumerate(cat.clusters)
    }
    value, target_period, baseline_period = target
    fig = charts.series_chart(
        data,
        unit=name_of(indicator, lang, "unit"),
        decimals=indicator.decimals,
        title=title,
        lang=lang,
        source=name_of(indicator, lang, "source"),
        target=value,
        target_period=target_period if value is not None else None,
        baseline_period=baseline_period if value is not None else None,
        reference=reference,
        colours=colours if len(selection.groups) == 1 else None,
        legend_above=True,  # the plot keeps its width on a narrow screen
    )
    st.plotly_chart(
        fig,
        theme=None,
        config=charts.plotly_config(
            f"{indicator.code}-{selection.period_from}-{selection.period_to}"
        ),
        key="indicator-chart",
    )
    if len(set(names)) > MANY_SERIES:
        st.caption(t("indicator.many_series", lang, n=len(set(names))))
    for text in indicator_data.data_notes(frame, cat, lang):
        overview_view.note(text)


# --- the table and the downloads --------------------------------------------------------------


def table(shown: pd.DataFrame, lang: str) -> None:
    """The table exactly as downloaded, numbers in the reader's format and right-aligned."""
    text = indicator_data.formatted(shown, lang)
    kinds = shown.attrs.get("kinds", [])
    config = {
        column: st.column_config.TextColumn(column, alignment="right")
        for column, kind in zip(shown.columns, kinds, strict=False)
        if kind != "text"
    }
    st.dataframe(text, hide_index=True, column_config=config, width="stretch")


def downloads(
    shown: pd.DataFrame, *, indicator: Indicator, selection: Selection, cat: Catalogue, lang: str
) -> None:
    """Excel and CSV of the table as shown; the workbook also says what the numbers are."""
    stem = f"{indicator.code}_{selection.period_from}-{selection.period_to}"
    areas = ", ".join(name_of(cat.area(a), lang) for a in selection.areas)
    groups = ", ".join(name_of(cat.group(g), lang) for g in selection.groups)
    periods = f"{period_label(selection.period_from or '', lang)} – {period_label(selection.period_to or '', lang)}"
    about = [
        (t("indicator.about.indicator", lang), f"{indicator.code} {name_of(indicator, lang)}"),
        (t("indicator.about.definition", lang), name_of(indicator, lang, "definition") or ""),
        (t("indicator.about.unit", lang), name_of(indicator, lang, "unit")),
        (t("indicator.about.polarity", lang), indicator_data.polarity_text(indicator, lang)),
        (t("indicator.about.source", lang), name_of(indicator, lang, "source") or ""),
        (t("indicator.areas", lang), areas),
        (t("indicator.groups", lang), groups),
        (t("indicator.periods", lang), periods),
        (t("indicator.about.fetched", lang), dt.date.today().isoformat()),
    ]
    xlsx, csv = st.columns(2)
    xlsx.download_button(
        t("indicator.download.xlsx", lang),
        data=indicator_data.to_xlsx(
            shown,
            sheet=indicator.code,
            about=about,
            about_sheet=t("indicator.about.sheet", lang),
        ),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        key="download-xlsx",
        width="stretch",
    )
    csv.download_button(
        t("indicator.download.csv", lang),
        data=indicator_data.to_csv(shown, lang),
        file_name=f"{stem}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="download-csv",
        width="stretch",
    )
