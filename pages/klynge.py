"""Klynge: one cluster's goals and success criteria, why each has its status, and what the
steering groups themselves say and do about it.

Every choice lives in the URL: ``?cluster=VEST&track=DIA&as_of=2023&lang=en``.
"""

import streamlit as st

from goals.i18n import name_of, t
from goals.ui import cluster_view, meeting_view, overview_view, status_view
from goals.ui.frame import context, layout, urlstate

page = layout.start_page()
if page:
    lang, cat = page.lang, page.catalogue
    status_view.inject_css()
    cluster_view.inject_css()

    pick_cluster, pick_track, pick_as_of = st.columns(3)
    cluster = urlstate.select(
        "cluster",
        {c.code: name_of(c, lang) for c in cat.clusters},
        label=t("cluster.select", lang),
        container=pick_cluster,
    )
    track = urlstate.select(
        "track",
        {"": t("cluster.track.all", lang)} | {tr.code: name_of(tr, lang) for tr in cat.tracks},
        label=t("cluster.track", lang),
        container=pick_track,
    )
    latest = overview_view.model(None, lang)
    as_of = overview_view.as_of_picker(latest, lang, container=pick_as_of)

    if cluster is not None:
        area = cat.area(cluster)
        st.title(name_of(area, lang), anchor=False)
        cluster_view.header(cat, cluster, context.status_report(as_of, lang), lang)
        meeting_view.open_actions(page, area=cluster)
        if not latest.has_values:
            st.info(
                t("cluster.empty", lang, cluster=name_of(area, lang)), icon=":material/upload_file:"
            )
            overview_view.upload_link(lang)
        view = cluster_view.view(cat, cluster, as_of, lang)
        cluster_view.goals(view, track or None)
