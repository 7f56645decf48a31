"""Overblik (the front page): what matters first, then every cluster × track at a glance.

The key messages lead; then the whole region's combined verdict, and the grid of clusters ×
(social inequality, tracks, all tracks), every cell combined by the one rule of
goals.status.verdicts.combine and stated in the legend. The "as of" period lives in the URL
(``?as_of=2023``); each cell leads to the Klynge page with ``?cluster=…&track=…``. Below the
grid: the goals and success criteria per track, and the clusters.
"""

import streamlit as st

from goals.i18n import t
from goals.ui import catalogue_view, overview_view, status_view
from goals.ui.frame import context, layout

page = layout.start_page()
if page:
    lang, cat = page.lang, page.catalogue
    status_view.inject_css()
    overview_view.inject_css()
    title, picker = st.columns([3, 1], vertical_alignment="bottom")
    title.title(t("app.title", lang), anchor=False)
    counts = t(
        "home.counts",
        lang,
        clusters=len(cat.clusters),
        tracks=len(cat.tracks),
        goals=len(cat.goals),
        criteria=len(cat.criteria),
    )
    overview_view.note(f"{t('app.tagline', lang)} · {counts}")

    latest = overview_view.model(None, lang)
    report = grid = None
    if not latest.has_values:
        overview_view.empty_store(lang)
    else:
        as_of = overview_view.as_of_picker(latest, lang, container=picker)
        grid = overview_view.model(as_of, lang) if as_of else latest
        report = context.status_report(as_of, lang)
        overview_view.messages(grid, as_of, lang)
        overview_view.headline(grid, lang)
        overview_view.grid(grid, as_of, lang)
        overview_view.organisation_note(cat, report.revision_date, lang)
        overview_view.legend(lang)
        overview_view.freshness_list(cat, lang)
        # built only when asked for: a plotly figure costs more than the rest of the page
        if st.toggle(t("overview.grid.figure", lang), key="overview-figure"):
            overview_view.grid_figure(grid, lang)

    st.subheader(t("overview.goals.title", lang), anchor=False)
    catalogue_view.goals_by_track(cat, lang, report)
    st.subheader(t("home.clusters", lang), anchor=False)
    overview_view.note(t("home.clusters.help", lang))
    catalogue_view.cluster_cards(
        cat, lang, grid.cluster_totals if grid else None, as_of=report.as_of if report else None
    )
