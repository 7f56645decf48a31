"""Forside: the clusters, the tracks, and the goals and success criteria per track."""

import streamlit as st

from goals.i18n import t
from goals.ui import catalogue_view, layout

page = layout.start_page()
if page:
    lang, cat = page.lang, page.catalogue
    st.title(t("app.title", lang))
    st.markdown(f"##### {t('app.tagline', lang)}")
    st.caption(
        t(
            "home.counts",
            lang,
            clusters=len(cat.clusters),
            tracks=len(cat.tracks),
            goals=len(cat.goals),
            criteria=len(cat.criteria),
        )
    )
    st.subheader(t("home.clusters", lang))
    st.caption(t("home.clusters.help", lang))
    catalogue_view.cluster_cards(cat, lang)
    st.subheader(t("home.tracks", lang))
    catalogue_view.goals_by_track(cat, lang)
