"""Målbillede: `streamlit run app.py`. Page configuration and navigation over pages/."""

import streamlit as st

from goals import i18n
from goals.ui import context, layout

layout.configure_page()
lang = context.language()

navigation = st.navigation(
    [
        st.Page(
            "pages/home.py",
            title=i18n.t("nav.home", lang),
            icon="🏠",
            url_path="forside",
            default=True,
        ),
    ]
)
navigation.run()
