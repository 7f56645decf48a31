"""The administration page's tabs: catalogue forms, users, the catalogue workbook, the audit trail
— one module per tab, what they share in `common`.

Every write goes through `goals.catalogue.edit` or `goals.access` inside one write transaction
(`store.writing`), which check the admin right themselves and record the audit event; the page
only collects input. Everything a person typed is shown as text: in tables (which never
interpret markup) or escaped with `plain` before it reaches markdown.
"""

from __future__ import annotations

import streamlit as st

from goals.i18n import t
from goals.ui import meeting_view
from goals.ui.admin.areas import areas_tab
from goals.ui.admin.audit import audit_csv, audit_frame, audit_tab, audit_xlsx
from goals.ui.admin.common import FLASH, plain
from goals.ui.admin.criteria import goals_tab, revision_history
from goals.ui.admin.indicators import indicators_tab
from goals.ui.admin.steering_groups import steering_groups_tab
from goals.ui.admin.users import users_tab
from goals.ui.admin.workbook import show_import_result, workbook_tab
from goals.ui.frame.layout import PageContext


def show(page: PageContext) -> None:
    """The whole page below the title."""
    lang = page.lang
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(plain(flash))
    tabs = st.tabs(
        [
            t("admin.tab.goals", lang),
            t("admin.tab.indicators", lang),
            t("admin.tab.areas", lang),
            t("admin.tab.steering_groups", lang),
            t("admin.tab.users", lang),
            t("admin.tab.workbook", lang),
            t("admin.tab.meetings", lang),
            t("admin.tab.audit", lang),
        ]
    )
    parts = (
        goals_tab,
        indicators_tab,
        areas_tab,
        steering_groups_tab,
        users_tab,
        workbook_tab,
        meeting_view.admin_tab,
        audit_tab,
    )
    for tab, part in zip(tabs, parts, strict=True):
        with tab:
            part(page)


__all__ = [
    "audit_csv",
    "audit_frame",
    "audit_xlsx",
    "plain",
    "revision_history",
    "show",
    "show_import_result",
]
