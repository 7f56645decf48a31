"""Økonomi: the initiatives' budget and spending per track, cluster and goal, and the pools.

The selection lives in the URL: ``?cluster=MIDT&track=KOL&by=goal&lang=en``.
"""

import streamlit as st

from goals.i18n import t
from goals.ui import economy_view, overview_view
from goals.ui.frame import layout

page = layout.start_page()
if page:
    st.title(t("plans.economy.title", page.lang), anchor=False)
    overview_view.note(t("plans.economy.intro", page.lang))
    economy_view.show(page)
