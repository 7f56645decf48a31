"""Målbillede: `streamlit run app.py`. Page configuration and navigation over pages/.

Each page checks access itself (goals.ui.layout.start_page); the navigation only decides what
is listed.
"""

from pathlib import Path

import streamlit as st

from goals import i18n
from goals.ui import context, layout

HERE = Path(__file__).parent

# (section, file, title key, icon, url path); the first page is the default
PAGES = [
    ("nav.section.follow", "pages/overblik.py", "nav.overview", "🧭", "overblik"),
    ("nav.section.follow", "pages/klynge.py", "nav.cluster", "🏘️", "klynge"),
    ("nav.section.follow", "pages/maal.py", "nav.goal", "🎯", "maal"),
    ("nav.section.follow", "pages/indikatorer.py", "nav.indicators", "📈", "indikatorer"),
    ("nav.section.report", "pages/indlaes.py", "nav.upload", "📥", "indlaes"),
    ("nav.section.report", "pages/praesentation.py", "nav.present", "🖥️", "praesentation"),
    ("nav.section.admin", "pages/admin.py", "nav.admin", "🛠️", "admin"),
]

layout.configure_page()
lang = context.language()

sections: dict[str, list] = {}
for section, file, title, icon, url_path in PAGES:
    if not (HERE / file).exists():
        continue
    page = st.Page(file, title=i18n.t(title, lang), icon=icon, url_path=url_path)
    sections.setdefault(i18n.t(section, lang), []).append(page)

navigation = st.navigation(sections)
navigation.run()
