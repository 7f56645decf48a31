"""The catalogue drawn for people: cluster cards and the goals and criteria per track.

Given a report, each card shows its cluster's combined verdict (goals.status.verdicts.Combined) with
the sentence that names its count (goals.status.support_text), and each success criterion how
many clusters have each verdict; without one (no values yet) only the catalogue is shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from goals.catalogue import Catalogue, CriterionInfo
from goals.catalogue.words import criterion_subject, criterion_text, period_label, target_text
from goals.i18n import format_date, name_of, t
from goals.periods import parse_period
from goals.status import StatusReport, status_label, support_text
from goals.status.values import last_day
from goals.status.verdicts import VERDICTS, Combined
from goals.store.model import AreaKind, Goal, Track
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc
from goals.ui.status_view import badge_html

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_PAGE = "pages/klynge.py"

_CARD_CSS = """<style>
.cluster-card-title { font-size: 1.25rem; font-weight: 700; line-height: 1.3; margin-bottom: .2rem;
  overflow-wrap: break-word; hyphens: auto; }
.cluster-card-label { color: #595959; font-size: .9rem; margin-top: .3rem; }
.cluster-card-counts { color: #1A1A1A; font-size: .9rem; line-height: 1.35; margin-top: .25rem; }
.criterion-statuses { margin: .1rem 0 .2rem 0; line-height: 1.9; }
.criterion-statuses-label { color: #1A1A1A; font-size: .9rem; margin-right: .2rem; }
.criterion-statuses .goals-badge { margin-right: .25rem; }
.goal-card { border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem; padding: 1rem;
  margin-bottom: 1rem; }
.goal-title { font-size: 1.45rem; font-weight: 600; line-height: 1.3; margin-bottom: .15rem; }
.goal-meta { color: #595959; font-size: .9rem; line-height: 1.4; }
.criterion { margin-top: .7rem; }
.cluster-card-status .goals-badge { white-space: normal; }
/* five cards across where there is room, else two or one to a line */
.st-key-ov-cards { container-type: inline-size; container-name: ovcards; }
@container ovcards (max-width: 899px) {
  .st-key-ov-cards [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 1rem) !important; min-width: 190px !important; }
}
</style>"""


def _label(text: str) -> str:
    return f'<div class="cluster-card-label">{esc(text)}</div>'


def card_status_html(total: Combined, lang: str, code: str = "") -> str:
    """A card's combined verdict as a badge and the sentence that names its count."""
    return (
        f'<div class="cluster-card-status" data-cluster="{esc(code)}" '
        f'data-status="{total.status}">'
        f"{badge_html(total.status, lang, small=True)}"
        f'<div class="cluster-card-counts">{esc(support_text(total, lang))}</div></div>'
    )


def cluster_cards(
    cat: Catalogue,
    lang: str,
    totals: Mapping[str, Combined] | None = None,
    as_of: str | None = None,
) -> None:
    """One card per cluster: its municipalities and hospital unit and, given `totals` (cluster
    code → its combined verdict, e.g. StatusReport.cluster), its verdict and the count behind."""
    st.markdown(_CARD_CSS, unsafe_allow_html=True)
    with st.container(key="ov-cards"):
        _cards(cat, lang, totals, as_of)


def _cards(
    cat: Catalogue, lang: str, totals: Mapping[str, Combined] | None, as_of: str | None
) -> None:
    on = last_day(parse_period(as_of)) if as_of else dt.date.today()
    clusters = cat.clusters_on(on)  # as they were made up then
    columns = st.columns(max(len(clusters), 1))
    linked = (ROOT / CLUSTER_PAGE).exists()
    for column, cluster in zip(columns, clusters, strict=False):
        members = cat.members(cluster, on)
        municipalities = [m for m in members if m.kind == AreaKind.MUNICIPALITY]
        hospitals = [m for m in members if m.kind == AreaKind.HOSPITAL]
        with column.container(border=True):
            # a card title, not a page heading: no anchor link, and sized to fit five across
            st.markdown(
                f'<div class="cluster-card-title">{esc(name_of(cluster, lang))}</div>',
                unsafe_allow_html=True,
            )
            total = totals.get(cluster.code) if totals is not None else None
            if total is not None and total.n:
                st.markdown(card_status_html(total, lang, cluster.code), unsafe_allow_html=True)
            # dark grey labels, not st.caption: Streamlit's caption grey fails WCAG contrast
            st.markdown(_label(t("home.members", lang)), unsafe_allow_html=True)
            st.markdown(
                "  \n".join(
                    esc(name_of(m, lang)) for m in sorted(municipalities, key=lambda a: a.name)
                )
            )
            if hospitals:
                st.markdown(_label(t("home.hospital", lang)), unsafe_allow_html=True)
                st.markdown("  \n".join(esc(name_of(h, lang)) for h in hospitals))
            if linked:
                st.page_link(
                    CLUSTER_PAGE,
                    label=t("overview.grid.open_cluster", lang),
                    icon=":material/arrow_forward:",
                    query_params=urlstate.link_params(cluster=cluster.code, as_of=as_of),
                )


def _status_counts(report: StatusReport, clusters: set[str]) -> dict[str, Counter]:
    """Criterion code → how many clusters have each verdict (what the grid combines)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in report.rows:
        if row.area in clusters:
            counts[row.criterion][row.verdict] += 1
    return counts


def _statuses_html(counts: Counter, lang: str) -> str:
    """'Clusters per status: ✓ 2 target achieved ▲ 1 on track …' as small badges."""
    if not counts:
        return ""
    badges = " ".join(
        badge_html(v, lang, small=True, label=f"{counts[v]} {status_label(v, lang).lower()}")
        for v in VERDICTS
        if counts[v]
    )
    label = esc(t("overview.criterion.in_clusters", lang))
    return (
        f'<div class="criterion-statuses"><span class="criterion-statuses-label">{label}</span>'
        f" {badges}</div>"
    )


def _goal_html(
    cat: Catalogue,
    goal: Goal,
    criteria: list[CriterionInfo],
    lang: str,
    counts: dict[str, Counter] | None,
) -> str:
    """A goal, its owner and its criteria with targets, as a card of HTML."""
    group = next(g for g in cat.steering_groups if g.id == goal.steering_group_id)
    meta = [t("home.owner", lang, group=name_of(group, lang))]
    national = cat.national_goals.get(goal.national_goal_id) if goal.national_goal_id else None
    if national:
        meta.append(
            t("home.national_goal", lang, number=national.number, name=name_of(national, lang))
        )
    parts = [
        f'<div class="goal-title">{esc(name_of(goal, lang, "title"))}</div>',
        f'<div class="goal-meta">{esc(" · ".join(meta))}</div>',
    ]
    for info in criteria:
        revision = info.current
        indicator = cat.indicators[revision.indicator_id]
        unit = name_of(indicator, lang, "unit")
        facts = [
            f"{t('criterion.indicator', lang)}: {indicator.code} {name_of(indicator, lang)} ({unit})",
            f"{t('criterion.group', lang)}: {criterion_subject(cat, revision, lang)}",
            f"{t('criterion.baseline', lang)}: {period_label(revision.baseline_period, lang)}",
            f"{t('criterion.target', lang)}: {target_text(revision, unit, indicator.decimals, lang)}"
            + (
                f" ({period_label(revision.target_period, lang)})" if revision.target_period else ""
            ),
        ]
        if len(info.revisions) > 1:
            facts.append(
                t(
                    "criterion.revision",
                    lang,
                    revision=revision.revision,
                    date=format_date(revision.valid_from, lang),
                )
            )
        parts.append(
            f'<div class="criterion"><b>{esc(criterion_text(info, lang))}</b>'
            + (_statuses_html(counts.get(info.code, Counter()), lang) if counts is not None else "")
            + f'<div class="goal-meta">{esc(" · ".join(facts))}</div></div>'
        )
    return f'<div class="goal-card">{"".join(parts)}</div>'


def track_html(cat: Catalogue, track: Track, lang: str, report: StatusReport | None) -> str:
    """A track's goals and criteria as one block of HTML.

    One element per track rather than several per goal and criterion: a catalogue ten times
    larger then costs the page ten times the text, not ten times the Streamlit elements.
    """
    goals = cat.goals_of_track(track)
    if not goals:
        return f'<div class="goal-meta">{esc(t("home.no_goals", lang))}</div>'
    clusters = {c.code for c in cat.clusters}
    counts = _status_counts(report, clusters) if report is not None else None
    ids = {goal.id for goal in goals}
    by_goal: dict[int, list[CriterionInfo]] = defaultdict(list)
    for info in cat.criteria:
        if info.goal.id in ids:
            by_goal[info.goal.id].append(info)
    return "".join(_goal_html(cat, goal, by_goal[goal.id], lang, counts) for goal in goals)


@context.versioned_cache(max_entries=24)
def _track_html(
    version: tuple,
    lang: str,
    as_of: str | None,
    with_status: bool,
    track: str,
    meeting: int | None,
) -> str:
    cat = context.catalogue()
    report = context.status_report(as_of, lang) if with_status else None
    return track_html(cat, cat.track(track), lang, report)


def goals_by_track(cat: Catalogue, lang: str, report: StatusReport | None = None) -> None:
    """A tab per track; each goal with its success criteria, their targets and (with a report)
    how many clusters are at each status. Only the open tab is drawn (a tab runs the page again
    when chosen), each cached until the data change."""
    if not cat.tracks:
        return
    st.markdown(_CARD_CSS, unsafe_allow_html=True)
    version = context.data_version()
    as_of = report.as_of if report else None
    tabs = st.tabs(
        [name_of(track, lang) for track in cat.tracks], key="ov-track-tabs", on_change="rerun"
    )
    for tab, track in zip(tabs, cat.tracks, strict=True):
        if tab.open is not False:
            html = _track_html(
                version, lang, as_of, report is not None, track.code, context.shown_meeting_id()
            )
            tab.markdown(html, unsafe_allow_html=True)
