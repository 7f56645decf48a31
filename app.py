"""Målbillede: `streamlit run app.py`. Page configuration and navigation over pages/.

This file has two roles. Streamlit runs it for every visitor (as ``__main__``, also under
AppTest): it configures the page and runs the navigation. `streamlit run app.py` also imports it
once as a module when the server starts, finds ``app`` (an ``st.App`` serving this same file)
and serves that; its lifespan (goals.ui.frame.startup) prepares the store and the front page in
the background while the first browser is still loading Streamlit's frontend.

Each page checks access itself (goals.ui.frame.layout.start_page); the navigation (the page list
is goals.ui.frame.navigation.PAGES) only decides what is listed.
"""

import streamlit as st


def main() -> None:
    """One run for a visitor: page configuration, then the chosen page."""
    # imported here, not at the top: the server imports this file at start (for `app`)
    from goals import i18n
    from goals.ui.frame import context, layout, navigation

    layout.configure_page()
    lang = context.language()

    sections: dict[str, list] = {}
    for section, file, title, icon, url_path in navigation.available():
        page = st.Page(file, title=i18n.t(title, lang), icon=icon, url_path=url_path)
        sections.setdefault(i18n.t(section, lang), []).append(page)

    st.navigation(sections).run()


if __name__ == "__main__":
    main()
else:
    # imported by `streamlit run app.py` (the server), not run for a visitor
    from goals.ui.frame import startup

    app = st.App(__file__, lifespan=startup.lifespan)
