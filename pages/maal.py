"""Mål: one goal across every cluster — per success criterion the clusters' series against the
baseline, the target and the required path, the comparison with the region and the inputs
behind each status; then the inequality between education groups."""

import streamlit as st

from goals.i18n import t
from goals.ui import goal_view, meeting_view, status_view
from goals.ui.frame import context, layout, urlstate

page = layout.start_page(need="view")
if page:
    lang, cat = page.lang, page.catalogue
    status_view.inject_css()
    goal_view.inject_css()
    if not cat.goals:
        st.info(t("goal.no_goals", lang))
    else:
        choose_goal, choose_cluster = st.columns([3, 2])
        goal_code = urlstate.select(
            "goal",
            goal_view.goal_options(cat, lang),
            label=t("goal.choose", lang),
            default=goal_view.default_goal(cat),
            container=choose_goal,
        )
        highlight = urlstate.select(
            "cluster",
            goal_view.highlight_options(cat, lang),
            label=t("goal.cluster", lang),
            default="",
            container=choose_cluster,
            help=t("goal.cluster.help", lang),
        )
        report = context.status_report(goal_view.as_of(), lang)
        goal = cat.goal(goal_code)
        goal_view.goal_header(goal, cat, report, highlight, lang)
        meeting_view.open_actions(page, goal=goal.code)
        if not goal_view.has_values():
            goal_view.invite_upload(lang)
        for info in cat.criteria_of_goal(goal):
            rows = [r for r in report.rows if r.criterion == info.code]
            goal_view.criterion_section(info, rows, cat=cat, highlight=highlight, lang=lang)
        goal_view.inequality_section(goal, cat, report, highlight, lang)
