"""Arbejdsplan: the initiatives on a time line per goal, with what is overdue and over budget.

The selection lives in the URL: ``?cluster=MIDT&track=KOL&lang=en``.
"""

import streamlit as st

from goals.i18n import t
from goals.ui import overview_view, workplan_view
from goals.ui.frame import layout

page = layout.start_page()
if page:
    st.title(t("plans.title", page.lang), anchor=False)
    overview_view.note(t("plans.intro", page.lang))
    workplan_view.show(page)
