"""The catalogue drawn for people: cluster cards and the goals and criteria per track."""

from __future__ import annotations

import html

import streamlit as st

from goals.catalogue import Catalogue
from goals.describe import criterion_subject, criterion_text, period_label, target_text
from goals.i18n import name_of, t
from goals.model import AreaKind

_CARD_CSS = """<style>
.cluster-card-title { font-size: 1.3rem; font-weight: 700; line-height: 1.3; margin-bottom: .2rem; }
</style>"""


def cluster_cards(cat: Catalogue, lang: str) -> None:
    """One card per cluster: its municipalities and hospital unit."""
    st.markdown(_CARD_CSS, unsafe_allow_html=True)
    columns = st.columns(max(len(cat.clusters), 1))
    for column, cluster in zip(columns, cat.clusters, strict=False):
        members = cat.members(cluster)
        municipalities = [m for m in members if m.kind == AreaKind.MUNICIPALITY]
        hospitals = [m for m in members if m.kind == AreaKind.HOSPITAL]
        with column.container(border=True):
            # a card title, not a page heading: no anchor link, and sized to fit five across
            st.markdown(
                f'<div class="cluster-card-title">{html.escape(name_of(cluster, lang))}</div>',
                unsafe_allow_html=True,
            )
            st.caption(t("home.members", lang))
            st.markdown(
                "  \n".join(
                    html.escape(name_of(m, lang))
                    for m in sorted(municipalities, key=lambda a: a.name)
                )
            )
            if hospitals:
                st.caption(t("home.hospital", lang))
                st.markdown("  \n".join(html.escape(name_of(h, lang)) for h in hospitals))


def goals_by_track(cat: Catalogue, lang: str) -> None:
    """A tab per track; each goal with its success criteria and their targets."""
    if not cat.tracks:
        return
    groups = {g.id: g for g in cat.steering_groups}
    tabs = st.tabs([name_of(track, lang) for track in cat.tracks])
    for tab, track in zip(tabs, cat.tracks, strict=True):
        with tab:
            goals = cat.goals_of_track(track)
            if not goals:
                st.info(t("home.no_goals", lang))
            for goal in goals:
                with st.container(border=True):
                    st.subheader(name_of(goal, lang, "title"), anchor=False)
                    meta = [
                        t("home.owner", lang, group=name_of(groups[goal.steering_group_id], lang))
                    ]
                    national = (
                        cat.national_goals.get(goal.national_goal_id)
                        if goal.national_goal_id
                        else None
                    )
                    if national:
                        meta.append(
                            t(
                                "home.national_goal",
                                lang,
                                number=national.number,
                                name=name_of(national, lang),
                            )
                        )
                    st.caption(" · ".join(meta))
                    for info in cat.criteria_of_goal(goal):
                        revision = info.current
                        indicator = cat.indicators[revision.indicator_id]
                        st.markdown(f"**{html.escape(criterion_text(info, lang))}**")
                        facts = [
                            f"{t('criterion.indicator', lang)}: {indicator.code} {name_of(indicator, lang)} ({indicator.unit})",
                            f"{t('criterion.group', lang)}: {criterion_subject(cat, revision, lang)}",
                            f"{t('criterion.baseline', lang)}: {period_label(revision.baseline_period, lang)}",
                            f"{t('criterion.target', lang)}: {target_text(revision, indicator.unit, indicator.decimals, lang)}"
                            + (
                                f" ({period_label(revision.target_period, lang)})"
                                if revision.target_period
                                else ""
                            ),
                        ]
                        if len(info.revisions) > 1:
                            facts.append(
                                t(
                                    "criterion.revision",
                                    lang,
                                    revision=revision.revision,
                                    date=revision.valid_from.isoformat(),
                                )
                            )
                        st.caption(html.escape(" · ".join(facts)))
