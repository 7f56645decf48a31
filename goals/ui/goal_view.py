"""The Mål page's parts: one goal across every cluster, criterion by criterion.

Per success criterion: a strip of verdicts (one badge per cluster), the chart with every
cluster, the baseline, the target and the required path, the latest values against the region,
and the inputs behind each verdict (the Open SDG status and score among them). Per goal with
education groups: the inequality view, with the gap before and after in the chosen area.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from babel.dates import format_date as babel_date

from goals import setup
from goals.catalogue import Catalogue, CriterionInfo
from goals.catalogue.words import period_label, target_text
from goals.config import PROJECT_ROOT
from goals.i18n import format_number, format_signed, locale, name_of, t
from goals.periods import PeriodError, parse_period
from goals.present import charts
from goals.present.style import COMPARISON_STYLE
from goals.status import StatusReport, StatusRow
from goals.store.model import Area, BreakdownGroup, Goal, TargetType
from goals.store.observations import current_values
from goals.ui import status_view
from goals.ui.chart_table import chart_with_table
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc

#: The breakdown dimension the inequality view follows when no gap criterion names one.
EDUCATION = "Uddannelse"

_CSS = """<style>
.goals-strip { display: grid; grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr));
  gap: .4rem; margin: .25rem 0 .75rem 0; }
.goals-strip-item { border: 1px solid #D0D0D0; border-radius: .5rem; padding: .3rem .55rem;
  background: #FFFFFF; }
.goals-strip.compact .goals-strip-item { padding: .2rem .5rem; }
.goals-strip-item.highlight { border: 2px solid #1A1A1A; }
.goals-strip-name { font-weight: 700; font-size: 1rem; margin-bottom: .15rem; color: #1A1A1A; }
.goals-scroll { overflow-x: auto; }
.goals-inputs { border-collapse: collapse; width: 100%; font-size: 1rem; margin: .25rem 0 .5rem 0; }
.goals-inputs th { text-align: left; font-weight: 600; color: #404040; border-bottom: 2px solid #8C8C8C;
  padding: .3rem .6rem .3rem 0; vertical-align: bottom; }
.goals-inputs td .goals-badge, .goals-inputs td.sdg { white-space: nowrap; }
.goals-inputs td { padding: .35rem .6rem .35rem 0; border-bottom: 1px solid #E3E3E3; vertical-align: top; }
.goals-inputs td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.goals-inputs tr.highlight td { font-weight: 700; background: #F4F4F4; }
.goals-muted { color: #595959; }
/* captions with 7 : 1 contrast on white (Streamlit's own: its text colour at 60 % opacity,
   3.9 : 1) */
[data-testid="stCaptionContainer"] { opacity: 1; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #595959; }
</style>"""


def inject_css() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)


# --- choices ---------------------------------------------------------------------------------


def goal_options(cat: Catalogue, lang: str) -> dict[str, str]:
    """Goal code → 'Track · Goal title', in track order."""
    tracks = {tr.id: name_of(tr, lang) for tr in cat.tracks}
    return {
        g.code: f"{tracks.get(g.track_id, '')} · {name_of(g, lang, 'title')}" for g in cat.goals
    }


def default_goal(cat: Catalogue) -> str | None:
    """The first goal, or the first of the track in the URL (?track=DIA, from the overview)."""
    track = cat.track(urlstate.get("track") or "")
    goals = (cat.goals_of_track(track) if track else []) or cat.goals
    return goals[0].code if goals else None


def highlight_options(cat: Catalogue, lang: str) -> dict[str, str]:
    """'' (no cluster highlighted) and every cluster."""
    return {"": t("goal.cluster.none", lang)} | {a.code: name_of(a, lang) for a in cat.clusters}


def as_of() -> str | None:
    """?as_of=2023 judges the status as it stood then; anything unreadable is ignored."""
    value = urlstate.get("as_of")
    try:
        return parse_period(value).code if value else None
    except (PeriodError, ValueError):
        return None


def area_colours(cat: Catalogue, lang: str) -> dict[str, str]:
    """Each cluster keeps its palette colour from chart to chart (keyed by its shown name)."""
    return {
        name_of(a, lang): charts.PALETTE[i % len(charts.PALETTE)]
        for i, a in enumerate(cat.clusters)
    }


# --- data ------------------------------------------------------------------------------------


@context.versioned_cache(max_entries=1, kind="data")
def _has_values(version: tuple) -> bool:
    return setup.has_values(context.engine())


def has_values() -> bool:
    return _has_values(context.data_version())


@context.versioned_cache(max_entries=64, kind="data")
def _group_values(
    version: tuple, indicator_id: int, area_id: int, group_ids: tuple[int, ...]
) -> pd.DataFrame:
    frame = current_values(
        engine=context.engine(),
        indicator_ids=[indicator_id],
        area_ids=[area_id],
        group_ids=group_ids,
    )
    frame = context.catalogue().without_hidden(frame)  # small numbers are not shown
    return frame[["group_id", "period", "value", "lower", "upper"]]


# --- the goal --------------------------------------------------------------------------------


def invite_upload(lang: str) -> None:
    """An empty store: say so, and point to where the first status workbook is uploaded."""
    st.info(t("goal.no_values", lang))
    if (PROJECT_ROOT / "pages" / "indlaes.py").exists():
        st.page_link(
            "pages/indlaes.py",
            label=t("goal.upload_link", lang),
            query_params=urlstate.link_params(),
        )


def goal_header(
    goal: Goal, cat: Catalogue, report: StatusReport, highlight: str, lang: str
) -> None:
    """Title, description, owner and the goal's status in every cluster."""
    st.title(name_of(goal, lang, "title"), anchor=False)
    owners = {s.id: name_of(s, lang) for s in cat.steering_groups}
    meta = [t("home.owner", lang, group=owners.get(goal.steering_group_id, ""))]
    national = cat.national_goals.get(goal.national_goal_id) if goal.national_goal_id else None
    if national:
        meta.append(
            t("home.national_goal", lang, number=national.number, name=name_of(national, lang))
        )
    description = name_of(goal, lang, "description")
    if description:
        st.markdown(esc(description))
    st.caption(" · ".join(meta))
    areas = [a for a in cat.clusters if (goal.code, a.code) in report.goal_area]
    # without a single value every cluster "cannot be assessed": the strip would only be noise
    if areas and any(r.series for r in report.rows if r.goal == goal.code):
        st.markdown(f"**{esc(t('goal.overall', lang))}**")
        items = [
            (
                name_of(a, lang),
                report.goal_area[(goal.code, a.code)].status,
                status_view.counts_text(report.goal_area[(goal.code, a.code)], lang),
                a.code == highlight,
            )
            for a in areas
        ]
        _strip(items, lang)
    if report.as_of:
        st.caption(t("goal.as_of", lang, period=period_label(report.as_of, lang)))


def _strip(
    items: Sequence[tuple[str, str, str | None, bool]], lang: str, *, compact: bool = False
) -> None:
    """Badges side by side: (area name, status, small text, highlighted); `compact` is tighter."""
    cells = []
    for name, status, note, bold in items:
        extra = f'<div class="goals-muted">{esc(note)}</div>' if note else ""
        cells.append(
            f'<div class="goals-strip-item{" highlight" if bold else ""}">'
            f'<div class="goals-strip-name">{esc(name)}</div>'
            f"{status_view.badge_html(status, lang, small=True)}{extra}</div>"
        )
    css = "goals-strip compact" if compact else "goals-strip"
    st.markdown(f'<div class="{css}">{"".join(cells)}</div>', unsafe_allow_html=True)


# --- one criterion ---------------------------------------------------------------------------


def criterion_section(
    info: CriterionInfo,
    rows: list[StatusRow],
    *,
    cat: Catalogue,
    highlight: str,
    lang: str,
) -> None:
    """Everything about one success criterion across the clusters."""
    revision = info.current
    indicator = cat.indicators[revision.indicator_id]
    st.divider()
    head, link = st.columns([5, 1], vertical_alignment="bottom")
    head.subheader(name_of(revision, lang, "text"), anchor=False)
    groups = (
        [cat.groups[revision.gap_group_a_id].code, cat.groups[revision.gap_group_b_id].code]
        if revision.is_gap
        else [cat.groups[revision.group_id].code]
        if revision.group_id
        else []
    )
    with link:
        st.page_link(
            "pages/indikatorer.py",
            label=t("goal.see_indicator", lang),
            query_params=urlstate.link_params(indicator=indicator.code, groups=",".join(groups)),
        )
    st.caption(_criterion_facts(info, rows, cat, lang))
    if not rows:
        st.info(t("goal.criterion.no_areas", lang))
        return
    if not any(r.series for r in rows):
        st.info(t("goal.criterion.no_data", lang, indicator=name_of(indicator, lang)))
        return
    _strip([(r.area_name, r.verdict, None, r.area == highlight) for r in rows], lang, compact=True)
    missing = [r.area_name for r in rows if not r.series]
    if missing:
        st.warning(t("goal.criterion.missing", lang, areas=", ".join(missing)))
    _criterion_chart(info, rows, cat=cat, highlight=highlight, lang=lang)
    st.markdown(
        f"**{esc(t('goal.inputs', lang))}** "
        f"<span class='goals-muted'>({esc(t('goal.inputs.unit', lang, unit=rows[0].unit))})</span>",
        unsafe_allow_html=True,
    )
    st.markdown(inputs_html(rows, highlight, lang), unsafe_allow_html=True)
    compare_column, why_column = st.columns(2)
    with compare_column:
        _comparison(info, rows, cat=cat, lang=lang)
    with why_column:
        chosen = next((r for r in rows if r.area == highlight), None)
        if chosen is not None:
            status_view.reasoning(chosen, lang, expanded=True)
        else:
            st.markdown(f"**{esc(t('goal.why_all', lang))}**")
            st.markdown("\n".join(f"- **{esc(r.area_name)}:** {esc(r.reason_text)}" for r in rows))


def _criterion_facts(info: CriterionInfo, rows: list[StatusRow], cat: Catalogue, lang: str) -> str:
    """Indicator · what it follows · baseline · target · revision (and its note)."""
    revision = info.current
    indicator = cat.indicators[revision.indicator_id]
    unit = rows[0].unit if rows else name_of(indicator, lang, "unit")
    target = target_text(revision, unit, indicator.decimals, lang)
    if revision.target_period:
        target += " " + t("goal.target_by", lang, period=period_label(revision.target_period, lang))
    parts = [
        f"{t('criterion.indicator', lang)}: {indicator.code} {name_of(indicator, lang)}",
        rows[0].subject if rows else "",
        f"{t('criterion.baseline', lang)}: {period_label(revision.baseline_period, lang)}",
        f"{t('criterion.target', lang)}: {target}",
    ]
    said = name_of(revision, lang, "note")
    if len(info.revisions) > 1 or said:
        note = t(
            "criterion.revision",
            lang,
            revision=revision.revision,
            date=format_date(revision.valid_from, lang),
        )
        if said:
            note += f": {said}"
        parts.append(note)
    return " · ".join(p for p in parts if p)


def format_date(day: dt.date, lang: str) -> str:
    """'1. juni 2022' / '1 June 2022'."""
    return babel_date(day, format="long", locale=locale(lang))


def _criterion_chart(
    info: CriterionInfo, rows: list[StatusRow], *, cat: Catalogue, highlight: str, lang: str
) -> None:
    revision = info.current
    indicator = cat.indicators[revision.indicator_id]
    frame = pd.DataFrame(
        [
            {"series": r.area_name, "period": period, "value": value}
            for r in rows
            for period, value in r.series.items()
        ]
    )
    chosen = next((r for r in rows if r.area == highlight), None)
    targets = {r.target for r in rows if r.target is not None}
    if chosen is not None:
        target, base = chosen.target, chosen.base_value
    elif revision.target_type == TargetType.ABSOLUTE and len(targets) == 1:
        target, base = targets.pop(), None
    else:
        target, base = None, None
    fig = charts.criterion_chart(
        frame,
        baseline_period=revision.baseline_period,
        target_value=target,
        target_period=revision.target_period,
        unit=rows[0].unit,
        decimals=indicator.decimals,
        # a gap's title is the gap itself: the heading above names the indicator
        title=rows[0].subject
        if revision.is_gap
        else f"{name_of(indicator, lang)} · {rows[0].subject}",
        lang=lang,
        baseline_value=base if chosen is not None and chosen.base_period else None,
        highlight=chosen.area_name if chosen is not None else None,
        source=name_of(indicator, lang, "source"),
        colours=area_colours(cat, lang),
        legend_above=True,  # the plot keeps its width on a narrow screen
    )
    chart_with_table(
        fig,
        frame,
        [("series", "text"), ("period", "period"), ("value", "number")],
        config=charts.plotly_config(f"{info.code}-{highlight or 'klynger'}"),
        lang=lang,
        decimals=indicator.decimals,
        key=f"criterion-{info.code}",
    )
    if chosen is None and revision.target_type not in (None, TargetType.ABSOLUTE):
        st.caption(t("goal.chart.pick_cluster", lang))


def _comparison(info: CriterionInfo, rows: list[StatusRow], *, cat: Catalogue, lang: str) -> None:
    """Latest values against the region: the Fingertips-style chart, or a table without CIs."""
    indicator = cat.indicators[info.current.indicator_id]
    latest = [r for r in rows if r.latest_value is not None]
    if not latest:
        return
    period = Counter(r.latest_period for r in latest).most_common(1)[0][0]
    region = next((r.region_value for r in latest if r.latest_period == period), None)
    region_name = name_of(cat.region, lang) if cat.region else t("charts.region", lang)
    title = t("goal.compare.title", lang, period=period_label(period or "", lang))
    if any(r.latest_lower is not None and r.latest_upper is not None for r in latest):
        frame = pd.DataFrame(
            {
                "area": [r.area_name for r in latest],
                "value": [r.latest_value for r in latest],
                "lower": [r.latest_lower for r in latest],
                "upper": [r.latest_upper for r in latest],
                "comparison": [r.comparison for r in latest],
            }
        )
        fig = charts.comparison_chart(
            frame,
            reference_value=region,
            unit=rows[0].unit,
            decimals=indicator.decimals,
            higher_is_better=rows[0].higher_is_better,
            title=title,
            comparison_style=COMPARISON_STYLE,
            lang=lang,
            reference_label=region_name,
        )
        chart_with_table(
            fig,
            frame,
            [("area", "text"), ("value", "number"), ("lower", "number"), ("upper", "number")],
            config=charts.plotly_config(f"{info.code}-region"),
            lang=lang,
            decimals=indicator.decimals,
            key=f"compare-{info.code}",
        )
    else:
        st.markdown(f"**{esc(title)}**")
        st.caption(t("goal.compare.no_ci", lang))
        st.markdown(_comparison_table(latest, region, region_name, lang), unsafe_allow_html=True)
    if region is None:
        st.caption(t("goal.compare.no_region", lang, region=region_name))


def _comparison_table(
    rows: list[StatusRow], region: float | None, region_name: str, lang: str
) -> str:
    head = (
        f"<tr><th>{esc(t('goal.col.area', lang))}</th>"
        f"<th>{esc(t('goal.col.latest', lang))}</th>"
        f"<th>{esc(t('goal.col.region', lang))}</th></tr>"
    )
    body = "".join(
        f"<tr><td>{esc(r.area_name)}</td><td class='num'>{_value(r.latest_value, r, lang)}</td>"
        f"<td>{status_view.comparison_html(r.comparison, lang)}</td></tr>"
        for r in rows
    )
    if region is not None:
        body += (
            f"<tr><td><b>{esc(region_name)}</b></td>"
            f"<td class='num'><b>{_value(region, rows[0], lang)}</b></td><td></td></tr>"
        )
    return f'<table class="goals-inputs">{head}{body}</table>'


def _value(value: float | None, row: StatusRow, lang: str) -> str:
    if value is None:
        return "–"
    return esc(f"{format_number(value, row.decimals, lang)} {row.unit}".strip())


def _dated(value: float | None, period: str | None, row: StatusRow, lang: str) -> str:
    """'17,0 (2023)': the unit is said once, above the table."""
    if value is None:
        return "–"
    when = (
        f" <span class='goals-muted'>({esc(period_label(period, lang))})</span>" if period else ""
    )
    return esc(format_number(value, row.decimals, lang)) + when


def _per_year(value: float | None, row: StatusRow, lang: str) -> str:
    """'−0,5' (a year, in the unit said above the table), with a real minus sign."""
    return esc(format_signed(value, row.decimals, lang))


def inputs_html(rows: list[StatusRow], highlight: str, lang: str) -> str:
    """The inputs behind each verdict, one line per area: the verdict, base → latest → target,
    the change a year so far and the change a year needed from now, then the Open SDG status
    with its score, and the comparison with the region."""
    columns = [
        "area",
        "verdict",
        "base",
        "latest",
        "target",
        "change",
        "needed",
        "status",
        "region",
    ]
    head = "".join(f"<th>{esc(t(f'goal.col.{c}', lang))}</th>" for c in columns)
    body = []
    for r in rows:
        cells = [
            esc(r.area_name),
            status_view.verdict_html(r, lang, small=True),
            _dated(r.base_value, r.base_period, r, lang),
            _dated(r.latest_value, r.latest_period, r, lang),
            _dated(r.target, r.target_period, r, lang),
            _per_year(r.change_per_year, r, lang),
            _per_year(r.needed_per_year, r, lang),
            status_view.badge_html(r.status, lang, small=True)
            + (
                f" <span class='goals-muted'>{format_number(r.score, 1, lang).replace('-', '−')}"
                "</span>"
                if r.score is not None
                else ""
            ),
            status_view.comparison_html(r.comparison, lang),
        ]
        css = ' class="highlight"' if r.area == highlight else ""
        tds = "".join(
            f"<td{' class=num' if 2 <= i <= 6 else ' class=sdg' if i == 7 else ''}>{cell}</td>"
            for i, cell in enumerate(cells)
        )
        body.append(f"<tr{css}>{tds}</tr>")
    return (
        f'<div class="goals-scroll" tabindex="0" role="region" '
        f'aria-label="{esc(t("goal.inputs", lang))}">'
        f'<table class="goals-inputs"><tr>{head}</tr>'
        f"{''.join(body)}</table></div>"
    )


# --- inequality --------------------------------------------------------------------------------


@dataclass(frozen=True)
class InequalityView:
    """One indicator of the goal followed by groups of one dimension, and the gap A − B."""

    indicator_id: int
    groups: tuple[BreakdownGroup, ...]
    gap: tuple[BreakdownGroup, BreakdownGroup]
    criterion: CriterionInfo | None  # the gap criterion, when the goal has one


def inequality_views(goal: Goal, cat: Catalogue) -> list[InequalityView]:
    """Per indicator of the goal: its gap criterion's groups, or the education groups."""
    views: list[InequalityView] = []
    seen: set[int] = set()
    criteria = cat.criteria_of_goal(goal)
    # gap criteria first, so an indicator with one takes its groups and target from it
    for info in sorted(criteria, key=lambda c: not c.current.is_gap):
        revision = info.current
        if revision.indicator_id in seen:
            continue
        if revision.is_gap:
            a, b = cat.groups[revision.gap_group_a_id], cat.groups[revision.gap_group_b_id]
            dimension = a.dimension
        else:
            a = b = None
            dimension = EDUCATION
        groups = tuple(g for g in cat.groups.values() if dimension and g.dimension == dimension)
        if a is None:
            if len(groups) < 2:
                continue
            a, b = groups[0], groups[-1]
        seen.add(revision.indicator_id)
        views.append(
            InequalityView(
                indicator_id=revision.indicator_id,
                groups=groups or (a, b),
                gap=(a, b),
                criterion=info if revision.is_gap else None,
            )
        )
    return views


def inequality_section(
    goal: Goal, cat: Catalogue, report: StatusReport, highlight: str, lang: str
) -> None:
    """The groups over time in the highlighted cluster (or the region), the gap and its target."""
    views = inequality_views(goal, cat)
    area: Area | None = cat.area(highlight) if highlight else cat.region
    if not views or area is None:
        return
    shown = False
    for view in views:
        indicator = cat.indicators[view.indicator_id]
        raw = _group_values(
            context.data_version(), view.indicator_id, area.id, tuple(g.id for g in view.groups)
        )
        raw = raw[raw["value"].notna()]
        if raw.empty:
            continue
        names = {g.id: name_of(g, lang) for g in view.groups}
        a, b = (name_of(g, lang) for g in view.gap)
        if not shown:
            st.divider()
            st.subheader(t("goal.inequality.title", lang), anchor=False)
            help_text = t("goal.inequality.help", lang, a=a, b=b)
            if not highlight:
                help_text += t("goal.inequality.help.region", lang)
            st.caption(help_text)
            shown = True
        frame = pd.DataFrame(
            {"group": raw["group_id"].map(names), "period": raw["period"], "value": raw["value"]}
        )
        target, target_period = _gap_target(view, area, report)
        fig = charts.inequality_chart(
            frame,
            groups=[names[g.id] for g in view.groups if g.id in set(raw["group_id"])],
            gap_groups=(a, b),
            unit=name_of(indicator, lang, "unit"),
            decimals=indicator.decimals,
            title=t(
                "goal.inequality.chart",
                lang,
                indicator=name_of(indicator, lang),
                area=name_of(area, lang),
            ),
            lang=lang,
            target_gap=target,
            target_period=target_period,
            source=name_of(indicator, lang, "source"),
            legend_above=True,  # the plot keeps its width on a narrow screen
        )
        chart_with_table(
            fig,
            frame,
            [("group", "text"), ("period", "period"), ("value", "number")],
            config=charts.plotly_config(f"{indicator.code}-ulighed-{area.code}"),
            lang=lang,
            decimals=indicator.decimals,
            key=f"inequality-{indicator.code}",
        )
        if view.criterion is not None and target is None:
            st.caption(t("goal.inequality.pick_cluster", lang))
        row = _gap_row(view, area, report)
        if row is not None and row.base_value is not None:
            st.markdown(f"**{esc(row.criterion_text)}**")
            st.markdown(status_view.reason_html(row), unsafe_allow_html=True)
            status_view.wide_chart(
                charts.gap_change_chart(row, lang=lang),
                key=f"gap-change-{indicator.code}",
                config=charts.plotly_config(f"{indicator.code}-forskel-{area.code}"),
            )


def _gap_row(view: InequalityView, area: Area, report: StatusReport) -> StatusRow | None:
    """The gap criterion's row in this area, if the goal has a gap criterion that applies."""
    if view.criterion is None:
        return None
    return next(
        (r for r in report.rows if r.criterion == view.criterion.code and r.area == area.code),
        None,
    )


def _gap_target(
    view: InequalityView, area: Area, report: StatusReport
) -> tuple[float | None, str | None]:
    """The gap criterion's target in this area: its own (converted) target, or an absolute one."""
    if view.criterion is None:
        return None, None
    revision = view.criterion.current
    row = _gap_row(view, area, report)
    if row is not None and row.target is not None:
        return row.target, row.target_period
    if revision.target_type == TargetType.ABSOLUTE and revision.target_value is not None:
        return float(revision.target_value), revision.target_period
    return None, None
