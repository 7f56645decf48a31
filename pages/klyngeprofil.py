"""Klyngeprofil: a cluster's members, key figures, and its offers, resources and challenges.

The cluster lives in the URL: ``?cluster=MIDT&lang=en``.
"""

import streamlit as st

from goals.i18n import t
from goals.ui import overview_view, profile_view
from goals.ui.frame import layout

page = layout.start_page()
if page:
    st.title(t("profile.title", page.lang), anchor=False)
    overview_view.note(t("profile.intro", page.lang))
    profile_view.show(page)
