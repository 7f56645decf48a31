"""One cluster drawn for people: per goal the computed verdict, with the count behind it, next
to the steering group's own assessment (mismatches flagged), per success criterion its verdict
and the sentence saying why, a chart (baseline → latest → target; for a gap the gap before and
after with its 95 % intervals) with a sparkline and the inputs, and the goal's initiatives.

What is on the screen first is drawn first: every goal shows its title, owner and verdicts;
its success criteria with their charts, inputs and initiatives sit in the goal's "details",
which run only while open (a Plotly figure costs tens of milliseconds to build and as long to
draw, and a large programme has hundreds). On a page of the demo's size (`OPEN_CRITERIA`) every
goal's details open by themselves; on a bigger one, with a click.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from goals.catalogue import Catalogue, CriterionInfo
from goals.catalogue.words import period_label
from goals.i18n import format_date, name_of, t
from goals.present.style import INITIATIVE_STYLE, STATUS_STYLE, icon_svg
from goals.status import StatusReport, StatusRow, status_label
from goals.status.own import (
    CurrentAssessment,
    CurrentInitiative,
    assessment_agrees,
    current_assessments,
    current_initiatives,
    is_overdue,
)
from goals.status.verdicts import Combined
from goals.store.model import AreaKind, Goal
from goals.ui import overview_view, status_view
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc
from goals.ui.sparkline import sparkline_svg

ROOT = Path(__file__).resolve().parents[2]
GOAL_PAGE = "pages/maal.py"
#: A page with at most this many success criteria opens every goal's details by itself (the
#: demo's eleven: every chart on the screen at once); a bigger one opens them on demand.
OPEN_CRITERIA = 12

#: Traffic lights in the verdicts' colours (green as achieved, amber as acceleration needed,
#: red as deterioration), with the text colour of each fill, and always with a dot and the
#: word, so colour is never the only cue: light → (fill, text colour).
LIGHT_STYLE: dict[str, tuple[str, str]] = {
    light: (STATUS_STYLE[verdict].colour, STATUS_STYLE[verdict].ink)
    for light, verdict in (
        ("green", "target_achieved"),
        ("yellow", "needs_acceleration"),
        ("red", "deterioration"),
    )
}
#: The dot of a traffic light, as inline SVG (no font needed).
LIGHT_DOT = icon_svg("needs_acceleration")
#: Initiative statuses as text symbols that no browser draws as emoji.
INITIATIVE_ICON = {status: style.icon for status, style in INITIATIVE_STYLE.items()}

_CSS = """<style>
.cl-goal-title { font-size: 1.5rem; font-weight: 700; line-height: 1.3; }
.cl-owner { color: #595959; font-size: .875rem; margin: .25rem 0 .6rem 0; }
.cl-compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
  gap: .5rem 1rem; }
.cl-label { color: #595959; font-size: .9rem; margin-bottom: .15rem; }
.cl-criterion { font-size: 1.08rem; font-weight: 600; line-height: 1.35; }
.cl-assessment-text { margin-top: .3rem; white-space: pre-line; }
.cl-total { font-size: 1.1rem; margin: .2rem 0 .6rem 0; }
.cl-tracks { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
  gap: .5rem; margin: .25rem 0 .75rem 0; }
.cl-track { border: 1px solid #D0D0D0; border-radius: .5rem; padding: .4rem .6rem; }
.cl-track-name { font-weight: 700; margin-bottom: .2rem; color: #1A1A1A; }
.cl-track .goals-support, .cl-criterion-meta { color: #404040; font-size: .95rem; }
.cl-track .goals-support { display: block; margin-top: .2rem; }
.cl-criterion-meta { margin: .25rem 0 .1rem 0; }
.cl-trend-caption { color: #595959; font-size: .875rem; margin-bottom: .25rem; }
.cl-criterion-meta .goals-badge { margin-right: .5rem; }
/* captions with 7 : 1 contrast on white (Streamlit's own: its text colour at 60 % opacity,
   3.9 : 1) */
[data-testid="stCaptionContainer"] { opacity: 1; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #595959; }
</style>"""


@dataclass(frozen=True)
class ClusterReports:
    """What the steering groups reported for the cluster: assessments and initiatives."""

    assessments: dict[str, CurrentAssessment] = field(default_factory=dict)  # goal code →
    initiatives: dict[str, list[CurrentInitiative]] = field(default_factory=dict)  # goal code →


@context.versioned_cache(max_entries=32)
def _reports(version: tuple, cluster: str, as_of: str | None) -> ClusterReports:
    cat = context.catalogue()
    engine = context.engine()
    assessments = current_assessments(engine=engine, catalogue=cat, as_of=as_of, areas=[cluster])
    initiatives = current_initiatives(engine=engine, catalogue=cat, areas=[cluster])
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
    colour, ink = LIGHT_STYLE.get(light, ("#F7F7F7", "#1A1A1A"))
    return (
        f'<span class="goals-badge goals-light-{light}" style="background:{colour};color:{ink}">'
        f"{LIGHT_DOT} {esc(t(f'workbook.light.{light}', lang))}</span>"
    )


def header(cat: Catalogue, cluster: str, report: StatusReport, lang: str) -> None:
    """The cluster's combined verdict and its verdict per track, each with the count behind it,
    and its municipalities."""
    area = cat.area(cluster)
    on = report.revision_date  # the members of the report's date (a reorganisation keeps
    members = sorted(  # earlier periods as they were)
        (m for m in cat.members(area, on) if m.kind == AreaKind.MUNICIPALITY), key=lambda a: a.name
    )
    names = ", ".join(name_of(m, lang) for m in members) or "–"
    overview_view.note(t("cluster.members_on", lang, names=names, date=format_date(on, lang)))
    overview_view.organisation_note(cat, on, lang)
    total = report.cluster.get(cluster)
    if total is None or not total.n or not any(r.series for r in report.rows if r.area == cluster):
        return  # nothing to assess yet: the page says so instead
    tracks = []
    for track in cat.tracks:
        combined = report.track_area.get((track.code, cluster))
        if combined is not None and combined.n:
            tracks.append(
                f'<div class="cl-track"><div class="cl-track-name">'
                f"{esc(name_of(track, lang))}</div>"
                f"{status_view.combined_html(combined, lang, small=True)}</div>"
            )
    st.markdown(
        f'<div class="cl-label">{esc(t("cluster.total", lang))}</div>'
        f'<div class="cl-total">{status_view.combined_html(total, lang)}</div>'
        + (f'<div class="cl-tracks">{"".join(tracks)}</div>' if tracks else ""),
        unsafe_allow_html=True,
    )


def _assessment_html(
    combined: Combined | None, assessment: CurrentAssessment | None, lang: str
) -> str:
    """Computed verdict and the steering group's own assessment side by side (stacked where
    the room is narrow)."""
    computed = f'<div class="cl-label">{esc(t("cluster.goal.computed", lang))}</div>'
    if combined is not None and combined.n:
        computed += status_view.combined_html(combined, lang)
    if assessment is None:
        own = f'<div class="cl-label">{esc(t("cluster.goal.no_assessment", lang))}</div>'
    else:
        label = t("cluster.goal.assessment", lang, period=period_label(assessment.period, lang))
        own = f'<div class="cl-label">{esc(label)}</div>' + light_html(assessment.light, lang)
        if assessment.text:
            own += f'<div class="cl-assessment-text">{esc(assessment.text)}</div>'
    return f'<div class="cl-compare"><div>{computed}</div><div>{own}</div></div>'


def _mismatch(combined: Combined | None, assessment: CurrentAssessment | None, lang: str) -> bool:
    """The steering group's light against the computed verdict: a disagreement is said (and
    True returned)."""
    if combined is None or assessment is None or not combined.n:
        return False
    if assessment_agrees(assessment.light, combined.status) is not False:
        return False
    message = t(
        "cluster.mismatch",
        lang,
        light=t(f"workbook.light.{assessment.light}", lang),
        status=status_label(combined.status, lang),
    )
    st.warning(message, icon=":material/warning:")
    return True


@context.versioned_cache(max_entries=400)
def _chart(
    version: tuple,
    as_of: str | None,
    lang: str,
    area: str,
    criterion: str,
    meeting: int | None,
    _row: StatusRow,
):
    """The chart of a row (a plotly figure takes tens of milliseconds to build, a cached one
    only to send): for a gap criterion the gap before and after with its 95 % intervals,
    otherwise the bullet chart; both in the verdict's colour."""
    from goals.present import charts  # plotly: imported when the first chart is drawn

    row = _row
    if row.gap:
        # the criterion's text stands above the chart: the groups are its only heading
        return charts.gap_change_chart(row, lang=lang, title="")
    return charts.bullet_chart(
        baseline=row.base_value,
        latest=row.latest_value,
        target=row.target,
        unit=_chart_unit(row.unit),
        decimals=row.decimals,
        higher_is_better=row.higher_is_better,
        status=row.verdict,
        status_style=STATUS_STYLE,
        lang=lang,
        baseline_period=row.base_period,
        latest_period=row.latest_period,
        target_period=row.target_period,
        badge=False,  # the verdict's badge stands right above the chart
    )


def _chart_unit(unit: str) -> str:
    """A long unit ('pr. 1.000 borgere med KOL') repeated in each of the bullet chart's three
    labels makes them run into each other; it is then said once, above the chart, instead."""
    return unit if len(unit.strip()) <= 2 else ""


def chart(view: ClusterView, row: StatusRow):
    """The chart of a status row, cached until the data change."""
    meeting = context.shown_meeting_id()
    return _chart(view.version, view.as_of, view.lang, row.area, row.criterion, meeting, row)


def trend_html(row: StatusRow, lang: str) -> str:
    """The sparkline (inline SVG, in the verdict's colour at its latest value) under the
    periods it covers."""
    caption = _sparkline_caption(row, lang)
    return f'<div class="cl-trend-caption">{esc(caption)}</div>' + sparkline_svg(
        row.series, row.verdict, label=caption
    )


def _sparkline_caption(row: StatusRow, lang: str) -> str:
    periods = list(row.series)
    return t(
        "cluster.sparkline",
        lang,
        first=period_label(periods[0], lang),
        last=period_label(periods[-1], lang),
    )


def criterion_head_html(row: StatusRow, lang: str) -> str:
    """A success criterion's text, then its verdict with the indicator and subject."""
    meta = t("cluster.criterion.meta", lang, indicator=row.indicator_name, subject=row.subject)
    if row.unit and not row.gap and not _chart_unit(row.unit):
        meta += " · " + t("cluster.criterion.unit", lang, unit=row.unit)
    return (
        f'<div class="cl-criterion">{esc(row.criterion_text)}</div>'
        f'<div class="cl-criterion-meta">{status_view.verdict_html(row, lang)}'
        f"{esc(meta)}</div>"
    )


def criterion(view: ClusterView, row: StatusRow) -> None:
    """One success criterion in the cluster: its text, verdict and the sentence saying why with
    the sparkline beside them, the chart across the box, then the inputs."""
    lang = view.lang
    text, trend = st.columns([5, 2], vertical_alignment="top")
    text.markdown(criterion_head_html(row, lang), unsafe_allow_html=True)
    if not row.series:
        st.info(t("cluster.criterion.no_data", lang, cluster=view.cluster_name))
        return
    text.markdown(status_view.reason_html(row), unsafe_allow_html=True)
    trend.markdown(trend_html(row, lang), unsafe_allow_html=True)
    figure = chart(view, row)
    config = plotly_config(f"{row.criterion}-{row.area}")
    if row.gap:  # the gap before and after, drawn for a projector: it scrolls on a phone
        status_view.wide_chart(figure, key=f"gap-{row.criterion}-{row.area}", config=config)
    else:
        st.plotly_chart(figure, theme=None, config=config)
    status_view.reasoning(row, lang, sentence=False)


def plotly_config(name: str) -> dict:
    from goals.present import charts

    return charts.plotly_config(name)


def initiatives(items: list[CurrentInitiative], lang: str) -> None:
    st.markdown(f"**{t('cluster.initiatives', lang)}**")
    if not items:
        st.caption(t("cluster.initiatives.none", lang))
        return
    import pandas as pd  # half a second to import: only once a table is drawn

    frame = pd.DataFrame(
        {
            t("workbook.col.initiative", lang): [i.name for i in items],
            t("workbook.col.status", lang): [
                f"{INITIATIVE_ICON.get(i.status, '')} {t(f'workbook.initiative.{i.status}', lang)}"
                for i in items
            ],
            t("workbook.col.milestone", lang): [i.next_milestone or "" for i in items],
            t("workbook.col.date", lang): [
                format_date(i.milestone_date, lang) if i.milestone_date else "" for i in items
            ],
            t("workbook.col.responsible", lang): [i.responsible or "" for i in items],
            t("plans.period", lang): [
                f"{format_date(i.start_on, lang)} – {format_date(i.end_on, lang)}"
                if i.start_on or i.end_on
                else ""
                for i in items
            ],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    overdue = [i.name for i in items if is_overdue(i, dt.date.today())]
    if overdue:  # named in words, as on the work plan
        st.markdown(
            f"<div style='color:#AC1E04'><b>! {esc(t('plans.overdue', lang))}:</b> "
            f"{esc(', '.join(overdue))}</div>",
            unsafe_allow_html=True,
        )


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
    criteria: dict[int, list[CriterionInfo]]  # goal id → its criteria, in order

    def criteria_of(self, goal: Goal) -> list[CriterionInfo]:
        return self.criteria.get(goal.id, [])


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
        criteria=_criteria_by_goal(cat),
    )


def _criteria_by_goal(cat: Catalogue) -> dict[int, list[CriterionInfo]]:
    """Catalogue.criteria_of_goal for every goal in one pass over the criteria."""
    by_goal: dict[int, list[CriterionInfo]] = defaultdict(list)
    for info in cat.criteria:
        by_goal[info.goal.id].append(info)
    return dict(by_goal)


def details_key_of(cluster: str, track: str | None, goal: str) -> str:
    """The widget key of a goal's details: one per cluster and track choice, so that another
    cluster or track opens as its page size says, not as the last one was left."""
    return f"cl-details-{cluster}-{track or 'all'}-{goal}"


def details_key(view: ClusterView, goal: Goal, track: str | None) -> str:
    return details_key_of(view.cluster, track, goal.code)


def goal(view: ClusterView, goal: Goal, *, track: str | None = None, open_: bool = True) -> None:
    """A goal in the cluster, in a bordered box: its title, owner and verdicts always; its
    success criteria in full (verdict, the sentence saying why, chart, sparkline, inputs), its
    initiatives and the link to the goal's page in details that run only while open (`open_`:
    open when first shown)."""
    cat, lang, cluster = view.catalogue, view.lang, view.cluster
    combined = view.report.goal_area.get((goal.code, cluster))
    assessment = view.reports.assessments.get(goal.code)
    owner = next(g for g in cat.steering_groups if g.id == goal.steering_group_id)
    n = len(view.criteria_of(goal))
    with st.container(border=True):
        st.markdown(
            f'<div class="cl-goal-title">{esc(name_of(goal, lang, "title"))}</div>'
            f'<div class="cl-owner">{esc(t("home.owner", lang, group=name_of(owner, lang)))}</div>'
            + _assessment_html(combined, assessment, lang),
            unsafe_allow_html=True,
        )
        _mismatch(combined, assessment, lang)
        details = st.expander(
            t("cluster.goal.details", lang, n=n) if n != 1 else t("cluster.goal.details.one", lang),
            expanded=open_,
            key=details_key(view, goal, track),
            icon=":material/bar_chart:",
            on_change="rerun",
        )
        if details.open is not False:
            with details:
                _details(view, goal)


def _details(view: ClusterView, goal: Goal) -> None:
    """Every success criterion of the goal in full, then the goal's initiatives."""
    lang = view.lang
    for index, info in enumerate(view.criteria_of(goal)):
        if index:
            st.divider()
        row = view.rows.get((goal.code, info.code))
        if row is None:
            st.markdown(
                f'<div class="cl-criterion">{esc(name_of(info.current, lang, "text"))}</div>',
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
            icon=":material/flag:",
            query_params=urlstate.link_params(
                goal=goal.code, cluster=view.cluster, as_of=view.as_of
            ),
        )


def goals(view: ClusterView, track: str | None = None) -> None:
    """Every track (or the one chosen) with its goals. When the page holds at most
    `OPEN_CRITERIA` success criteria, every goal's details open by themselves; on a bigger
    page they open on demand, so that what the screen shows first is drawn first."""
    cat, lang = view.catalogue, view.lang
    tracks = [tr for tr in cat.tracks if not track or tr.code == track]
    shown = [(tr, cat.goals_of_track(tr)) for tr in tracks]
    criteria = sum(len(view.criteria_of(g)) for _, track_goals in shown for g in track_goals)
    open_ = criteria <= OPEN_CRITERIA
    if not open_:
        st.caption(t("cluster.details.closed", lang))
    for tr, track_goals in shown:
        st.header(name_of(tr, lang), anchor=False, divider="gray")
        if not track_goals:
            st.caption(t("cluster.no_goals", lang))
        for item in track_goals:
            goal(view, item, track=track, open_=open_)
