"""One cluster drawn for people: per goal the computed status next to the steering group's own
assessment (mismatches flagged), per success criterion a bullet chart (baseline → latest →
target) with a sparkline and the reasoning, and the goal's initiatives."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from goals import charts
from goals.catalogue import Catalogue
from goals.describe import period_label
from goals.i18n import name_of, t
from goals.model import AreaKind, Goal
from goals.progress import RollUp
from goals.reports import (
    CurrentAssessment,
    CurrentInitiative,
    assessment_agrees,
    current_assessments,
    current_initiatives,
)
from goals.status import STATUS_STYLE, StatusReport, StatusRow, status_label
from goals.store import read_session
from goals.ui import context, status_view, urlstate
from goals.ui.status_view import badge_html

ROOT = Path(__file__).resolve().parents[2]
GOAL_PAGE = "pages/maal.py"

#: Traffic lights in the statuses' colours (green as achieved, amber as acceleration needed,
#: red as deterioration) and always with the word, so colour is never the only cue.
LIGHT_STYLE: dict[str, tuple[str, str]] = {
    "green": (STATUS_STYLE["target_achieved"].colour, "●"),
    "yellow": (STATUS_STYLE["needs_acceleration"].colour, "●"),
    "red": (STATUS_STYLE["deterioration"].colour, "●"),
}
INITIATIVE_ICON = {
    "delayed": "⚠",
    "in_progress": "▶",
    "not_started": "○",
    "completed": "✔",
    "stopped": "■",
}

_CSS = """<style>
.cl-goal-title { font-size: 1.5rem; font-weight: 700; line-height: 1.3; }
.cl-label { color: #595959; font-size: .9rem; margin-bottom: .15rem; }
.cl-criterion { font-size: 1.08rem; font-weight: 600; line-height: 1.35; }
.cl-mismatch { background: #FFF4E5; border-left: 6px solid #D55E00; padding: .5rem .8rem;
  margin: .4rem 0; color: #1A1A1A; }
.cl-assessment-text { margin-top: .3rem; }
.cl-track .goals-badge { margin-right: .4rem; }
</style>"""


@dataclass(frozen=True)
class ClusterReports:
    """What the steering groups reported for the cluster: assessments and initiatives."""

    assessments: dict[str, CurrentAssessment] = field(default_factory=dict)  # goal code →
    initiatives: dict[str, list[CurrentInitiative]] = field(default_factory=dict)  # goal code →


@st.cache_resource(show_spinner=False, max_entries=32)
def _reports(version: tuple, cluster: str, as_of: str | None) -> ClusterReports:
    cat = context.catalogue()
    with read_session(context.engine()) as session:
        assessments = current_assessments(
            session=session, catalogue=cat, as_of=as_of, areas=[cluster]
        )
        initiatives = current_initiatives(session=session, catalogue=cat, areas=[cluster])
    by_goal: dict[str, list[CurrentInitiative]] = defaultdict(list)
    for item in initiatives:
        by_goal[item.goal].append(item)
    return ClusterReports(
        assessments={goal: a for (goal, _), a in assessments.items()},
        initiatives=dict(by_goal),
    )


def reports(cluster: str, as_of: str | None) -> ClusterReports:
    """Assessments and initiatives of the cluster, cached until the data change."""
    return _reports(context.data_version(), cluster, as_of)


def inject_css() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)


def page_exists(path: str) -> bool:
    return (ROOT / path).exists()


def light_html(light: str, lang: str) -> str:
    colour, icon = LIGHT_STYLE.get(light, ("#999999", "?"))
    return (
        f'<span class="goals-badge" style="background:{colour}">{icon} '
        f"{html.escape(t(f'workbook.light.{light}', lang))}</span>"
    )


def header(cat: Catalogue, cluster: str, report: StatusReport, lang: str) -> None:
    """The cluster's overall status, its status per track and its municipalities."""
    area = cat.area(cluster)
    members = sorted(
        (m for m in cat.members(area) if m.kind == AreaKind.MUNICIPALITY), key=lambda a: a.name
    )
    st.caption(t("cluster.members", lang, names=", ".join(name_of(m, lang) for m in members)))
    total = report.cluster.get(cluster)
    if total is None or not total.n or not any(r.series for r in report.rows if r.area == cluster):
        return  # nothing to assess yet: the page says so instead
    rows = [r for r in report.rows if r.area == cluster]
    good = sum(r.status in ("target_achieved", "on_track") for r in rows)
    parts = [
        badge_html(total.status, lang),
        f"<b>{html.escape(t('cluster.summary', lang, good=good, n=len(rows)))}</b>",
    ]
    tracks = []
    for track in cat.tracks:
        rollup = report.track_area.get((track.code, cluster))
        if rollup is not None and rollup.n:
            tracks.append(
                f"{html.escape(name_of(track, lang))}: {badge_html(rollup.status, lang, small=True)}"
            )
    st.markdown(
        " ".join(parts)
        + f'<div class="cl-track" style="margin-top:.5rem">{" &nbsp; ".join(tracks)}</div>',
        unsafe_allow_html=True,
    )


def _assessment(rollup: RollUp | None, assessment: CurrentAssessment | None, lang: str) -> None:
    """Computed status and the steering group's own assessment side by side; a mismatch said."""
    computed, own = st.columns(2)
    with computed:
        st.markdown(
            f'<div class="cl-label">{html.escape(t("cluster.goal.computed", lang))}</div>',
            unsafe_allow_html=True,
        )
        if rollup is not None and rollup.n:
            st.markdown(
                badge_html(rollup.status, lang)
                + f" &nbsp;{html.escape(status_view.counts_text(rollup, lang))}",
                unsafe_allow_html=True,
            )
    with own:
        if assessment is None:
            st.markdown(
                f'<div class="cl-label">{html.escape(t("cluster.goal.no_assessment", lang))}</div>',
                unsafe_allow_html=True,
            )
        else:
            label = t("cluster.goal.assessment", lang, period=period_label(assessment.period, lang))
            text = (
                f'<div class="cl-assessment-text">{html.escape(assessment.text)}</div>'
                if assessment.text
                else ""
            )
            st.markdown(
                f'<div class="cl-label">{html.escape(label)}</div>'
                + light_html(assessment.light, lang)
                + text,
                unsafe_allow_html=True,
            )
    agrees = (
        assessment_agrees(assessment.light, rollup.status)
        if rollup is not None and assessment is not None
        else None
    )
    if agrees is False:
        message = t(
            "cluster.mismatch",
            lang,
            light=t(f"workbook.light.{assessment.light}", lang),
            status=status_label(rollup.status, lang),
        )
        st.warning(message)


@st.cache_resource(show_spinner=False, max_entries=2000)
def _figures(
    version: tuple, as_of: str | None, lang: str, area: str, criterion: str, _row: StatusRow
):
    """The bullet chart and sparkline of a row (a plotly figure takes tens of milliseconds to
    build, a cached one only to send)."""
    row = _row
    bullet = charts.bullet_chart(
        baseline=row.base_value,
        latest=row.latest_value,
        target=row.target,
        unit=_chart_unit(row.unit),
        decimals=row.decimals,
        higher_is_better=row.higher_is_better,
        status=row.status,
        status_style=STATUS_STYLE,
        lang=lang,
        baseline_period=row.base_period,
        latest_period=row.latest_period,
        target_period=row.target_period,
    )
    spark = charts.sparkline(
        list(row.series),
        list(row.series.values()),
        status_colour=STATUS_STYLE[row.status].colour,
        lang=lang,
        width=260,
        height=70,
    )
    # Survey indicators are measured every few years: the lone points of such a series must
    # be seen on a shared screen, not only the latest one.
    spark.update_traces(marker_size=7, selector={"mode": "markers"})
    return bullet, spark


def _chart_unit(unit: str) -> str:
    """A long unit ('pr. 1.000 borgere med KOL') repeated in each of the bullet chart's three
    labels makes them run into each other; it is then said once, above the chart, instead."""
    return unit if len(unit.strip()) <= 2 else ""


def figures(view: ClusterView, row: StatusRow):
    """(bullet chart, sparkline) of a status row, cached until the data change."""
    return _figures(view.version, view.as_of, view.lang, row.area, row.criterion, row)


def _sparkline_caption(row: StatusRow, lang: str) -> str:
    periods = list(row.series)
    return t(
        "cluster.sparkline",
        lang,
        first=period_label(periods[0], lang),
        last=period_label(periods[-1], lang),
    )


def criterion(view: ClusterView, row: StatusRow) -> None:
    """One success criterion in the cluster: text and status with the sparkline beside it, the
    bullet chart (baseline → latest → target) across the box, then the reasoning."""
    lang = view.lang
    meta = t("cluster.criterion.meta", lang, indicator=row.indicator_name, subject=row.subject)
    if row.unit and not _chart_unit(row.unit):
        meta += " · " + t("cluster.criterion.unit", lang, unit=row.unit)
    text, trend = st.columns([3, 1], vertical_alignment="top")
    text.markdown(
        f'<div class="cl-criterion">{html.escape(row.criterion_text)}</div>'
        f'<div class="cl-label">{badge_html(row.status, lang, small=True)} &nbsp;'
        f"{html.escape(meta)}</div>",
        unsafe_allow_html=True,
    )
    if not row.series:
        st.info(t("cluster.criterion.no_data", lang, cluster=view.cluster_name))
        return
    bullet, spark = figures(view, row)
    config = charts.plotly_config(f"{row.criterion}-{row.area}")
    with trend:
        st.caption(_sparkline_caption(row, lang))
        st.plotly_chart(
            spark, theme=None, width="content", config={**config, "displayModeBar": False}
        )
    st.plotly_chart(bullet, theme=None, config=config)
    status_view.reasoning(row, lang)


def initiatives(items: list[CurrentInitiative], lang: str) -> None:
    st.markdown(f"**{t('cluster.initiatives', lang)}**")
    if not items:
        st.caption(t("cluster.initiatives.none", lang))
        return
    frame = pd.DataFrame(
        {
            t("workbook.col.initiative", lang): [i.name for i in items],
            t("workbook.col.status", lang): [
                f"{INITIATIVE_ICON.get(i.status, '')} {t(f'workbook.initiative.{i.status}', lang)}"
                for i in items
            ],
            t("workbook.col.milestone", lang): [i.next_milestone or "" for i in items],
            t("workbook.col.date", lang): [
                i.milestone_date.strftime("%d.%m.%Y") if i.milestone_date else "" for i in items
            ],
            t("workbook.col.responsible", lang): [i.responsible or "" for i in items],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch")


@dataclass(frozen=True)
class ClusterView:
    """Everything drawing a cluster needs, worked out once per run."""

    catalogue: Catalogue
    cluster: str
    cluster_name: str
    report: StatusReport
    rows: dict[tuple[str, str], StatusRow]  # (goal, criterion) → the cluster's row
    reports: ClusterReports
    lang: str
    as_of: str | None
    version: tuple


def view(cat: Catalogue, cluster: str, as_of: str | None, lang: str) -> ClusterView:
    report = context.status_report(as_of, lang)
    return ClusterView(
        catalogue=cat,
        cluster=cluster,
        cluster_name=name_of(cat.area(cluster), lang),
        report=report,
        rows={(r.goal, r.criterion): r for r in report.rows if r.area == cluster},
        reports=reports(cluster, as_of),
        lang=lang,
        as_of=as_of,
        version=context.data_version(),
    )


def goal(view: ClusterView, goal: Goal) -> None:
    """A goal in the cluster, in a bordered box."""
    cat, lang, cluster = view.catalogue, view.lang, view.cluster
    with st.container(border=True):
        st.markdown(
            f'<div class="cl-goal-title">{html.escape(name_of(goal, lang, "title"))}</div>',
            unsafe_allow_html=True,
        )
        owner = next(g for g in cat.steering_groups if g.id == goal.steering_group_id)
        st.caption(t("home.owner", lang, group=name_of(owner, lang)))
        _assessment(
            view.report.goal_area.get((goal.code, cluster)),
            view.reports.assessments.get(goal.code),
            lang,
        )
        for info in cat.criteria_of_goal(goal):
            st.divider()
            row = view.rows.get((goal.code, info.code))
            if row is None:
                st.markdown(
                    f'<div class="cl-criterion">{html.escape(name_of(info.current, lang, "text"))}</div>',
                    unsafe_allow_html=True,
                )
                st.caption(t("cluster.criterion.not_here", lang))
                continue
            criterion(view, row)
        st.divider()
        initiatives(view.reports.initiatives.get(goal.code, []), lang)
        if page_exists(GOAL_PAGE):
            st.page_link(
                GOAL_PAGE,
                label=t("cluster.open_goal", lang),
                icon="🎯",
                query_params=urlstate.link_params(
                    goal=goal.code, cluster=cluster, as_of=view.as_of
                ),
            )
