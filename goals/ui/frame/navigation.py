"""The app's pages: one list for app.py's st.navigation and for the sidebar's links.

app.py registers the pages with st.navigation, which draws the menu. A freshly started server
runs pages/*.py directly by URL until app.py has run once (Streamlit serves the pages/ folder
until st.navigation has been called); `sidebar` then hides Streamlit's raw file list and draws
the same menu as links.
"""

from __future__ import annotations

import html
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


#: Streamlit draws its menu's section names in a grey (#7f7e7d on the sidebar: 3.8 : 1) that
#: fails WCAG AA contrast; the app's own darker grey (7.9 : 1) instead.
SECTION_GREY = "#4A4A48"
_MENU_CSS = (
    f"<style>[data-testid='stNavSectionHeader'],[data-testid='stNavSectionHeader'] *"
    f"{{color:{SECTION_GREY} !important}}</style>"
)


def sidebar(lang: str) -> None:
    """The navigation's look on every page: Streamlit's menu (app.py) with section names in a
    grey that passes WCAG AA. In a run straight from a pages/ file, before app.py's
    st.navigation (a deep link opened first after a start), Streamlit's raw file list is hidden
    and the same menu is drawn as links. (The language stays as chosen from page to page either
    way: goals.ui.frame.context.language.)"""
    if not run_outside_navigation():
        st.markdown(_MENU_CSS, unsafe_allow_html=True)
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
            st.sidebar.markdown(
                f"<p style='color:{SECTION_GREY};font-size:0.875rem;margin:0.5rem 0 0 0'>"
                f"{html.escape(i18n.t(key, lang))}</p>",
                unsafe_allow_html=True,
            )
        # the default page is app.py itself: running it hands over to st.navigation
        target = str(ROOT / "app.py") if index == 0 else file
        st.sidebar.page_link(target, label=i18n.t(title, lang), icon=icon)
