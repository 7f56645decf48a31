"""The tab "Steering groups": rename a steering group or add one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from goals.catalogue import edit as catalogue_edit
from goals.i18n import t
from goals.ui.admin.common import col, opt, write
from goals.ui.frame.layout import PageContext


def steering_groups_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    frame = pd.DataFrame(
        [
            {
                col("code", lang): g.code,
                col("name", lang): g.name,
                col("name_en", lang): g.name_en,
                t("admin.goals_count", lang): sum(
                    1 for goal in cat.goals if goal.steering_group_id == g.id
                ),
            }
            for g in cat.steering_groups
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    common = {"actor": page.actor, "lang": lang}
    if cat.steering_groups:
        group = st.selectbox(
            t("admin.pick.steering_group", lang),
            cat.steering_groups,
            format_func=lambda g: f"{g.code} · {g.name}",
            key="admin-steering-group",
        )
        key = f"admin-sg-{group.code}"
        with st.form(key):
            name = st.text_input(col("name", lang), group.name, key=f"{key}-name")
            name_en = st.text_input(col("name_en", lang), group.name_en or "", key=f"{key}-en")
            submitted = st.form_submit_button(
                t("admin.save", lang), type="primary", key=f"{key}-save"
            )
        if submitted:
            write(
                page,
                lambda s: catalogue_edit.edit_steering_group(
                    session=s, code=group.code, name=name, name_en=opt(name_en), **common
                ),
                t("admin.saved", lang, what=group.code),
            )
    with st.expander(t("admin.add.steering_group", lang)), st.form("admin-sg-new"):
        code = st.text_input(col("code", lang), key="admin-sg-new-code")
        name = st.text_input(col("name", lang), key="admin-sg-new-name")
        name_en = st.text_input(col("name_en", lang), key="admin-sg-new-en")
        submitted = st.form_submit_button(
            t("admin.add", lang), type="primary", key="admin-sg-new-save"
        )
    if submitted:
        write(
            page,
            lambda s: catalogue_edit.add_steering_group(
                session=s, code=code, name=name, name_en=opt(name_en), **common
            ),
            t("admin.added", lang, what=code),
        )
