"""Administration (sekretariatet): catalogue, users, catalogue workbook and audit trail.

The page checks the admin right itself — a fresh server runs any file in pages/ by URL — and
every write it makes is checked again in the core (goals.catalogue.edit, goals.access).
"""

import streamlit as st

from goals.i18n import t
from goals.ui import admin
from goals.ui.frame import layout

page = layout.start_page(need="admin")
if page:
    st.title(t("admin.title", page.lang))
    st.caption(t("admin.intro", page.lang))
    admin.show(page)
