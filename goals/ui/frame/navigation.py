"""The app's pages: one list for app.py's st.navigation and for the fallback sidebar.

A freshly started server runs pages/*.py directly by URL until app.py has run once (Streamlit
serves the pages/ folder until st.navigation has been called), so a deep link opened first after
a start would show Streamlit's raw file list as navigation. `fallback_sidebar` hides that list
and draws the same navigation as app.py's, as links, so the visitor can go on from there.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from goals import i18n

ROOT = Path(__file__).resolve().parents[3]

# (section, file, title key, icon, url path); the first page is the default. Icons are
# Material Symbols, from the font Streamlit ships: emoji need an emoji font many PCs lack.
PAGES = [
    ("nav.section.follow", "pages/overblik.py", "nav.overview", ":material/explore:", "overblik"),
    ("nav.section.follow", "pages/klynge.py", "nav.cluster", ":material/location_city:", "klynge"),
    (
        "nav.section.follow",
        "pages/klyngeprofil.py",
        "nav.profile",
        ":material/groups_2:",
        "klyngeprofil",
    ),
    ("nav.section.follow", "pages/maal.py", "nav.goal", ":material/flag:", "maal"),
    (
        "nav.section.follow",
        "pages/indikatorer.py",
        "nav.indicators",
        ":material/show_chart:",
        "indikatorer",
    ),
    (
        "nav.section.follow",
        "pages/arbejdsplan.py",
        "nav.workplan",
        ":material/view_timeline:",
        "arbejdsplan",
    ),
    ("nav.section.follow", "pages/oekonomi.py", "nav.economy", ":material/payments:", "oekonomi"),
    ("nav.section.report", "pages/indlaes.py", "nav.upload", ":material/upload_file:", "indlaes"),
    (
        "nav.section.report",
        "pages/praesentation.py",
        "nav.present",
        ":material/co_present:",
        "praesentation",
    ),
    ("nav.section.report", "pages/moeder.py", "nav.meetings", ":material/groups:", "moeder"),
    ("nav.section.admin", "pages/admin.py", "nav.admin", ":material/build:", "admin"),
]


def available() -> list[tuple[str, str, str, str, str]]:
    """The pages whose file exists (a trimmed installation may leave some out)."""
    return [page for page in PAGES if (ROOT / page[1]).exists()]


def run_outside_navigation() -> bool:
    """Whether this run came straight from a pages/ file, before app.py's st.navigation."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - internal module moved
        return False
    return bool(getattr(PagesManager, "uses_pages_directory", False))


def fallback_sidebar(lang: str) -> None:
    """In a run outside st.navigation: hide the raw file list, draw the real navigation."""
    if not run_outside_navigation():
        return
    st.markdown(
        "<style>[data-testid='stSidebarNav'],[data-testid='stSidebarNavSeparator']"
        "{display:none}</style>",
        unsafe_allow_html=True,
    )
    section = None
    for index, (key, file, title, icon, _) in enumerate(available()):
        if key != section:
            section = key
            st.sidebar.caption(i18n.t(key, lang))
        # the default page is app.py itself: running it hands over to st.navigation
        target = str(ROOT / "app.py") if index == 0 else file
        st.sidebar.page_link(target, label=i18n.t(title, lang), icon=icon)
