"""Møder: a meeting's first screen is what moved since the previous meeting; then the status as
frozen at the meeting, its decisions and actions with their follow-up, and the summary for
recipients. The meeting lives in the URL: ``?meeting=3&lang=en``.
"""

import streamlit as st

from goals.i18n import t
from goals.ui import meeting_view, overview_view, status_view
from goals.ui.frame import layout

page = layout.start_page(meeting_banner=False)
if page:
    status_view.inject_css()
    st.title(t("meetings.title", page.lang), anchor=False)
    overview_view.note(t("meetings.intro", page.lang))
    meeting_view.show(page)
