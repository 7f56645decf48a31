"""The tab "Users": who may log in, with which role and steering groups; add, reset a password,
remove (every change checked and recorded by goals.access)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from goals import access
from goals.i18n import t
from goals.store.model import Role
from goals.ui.admin.common import col, opt, read, write
from goals.ui.frame.layout import PageContext


def users_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    users = read(page, access.list_users)
    frame = pd.DataFrame(
        [
            {
                t("auth.name", lang): u["name"],
                t("admin.role", lang): t(f"role.{u['role']}", lang),
                col("steering_group", lang): ", ".join(u["steering_groups"]),
                t("admin.email", lang): u["email"],
                t("admin.last_login", lang): (u["last_login_at"] or "")[:16].replace("T", " "),
            }
            for u in users
        ],
        columns=[
            t("auth.name", lang),
            t("admin.role", lang),
            col("steering_group", lang),
            t("admin.email", lang),
            t("admin.last_login", lang),
        ],
    )
    if not users:
        st.info(t("admin.users.none", lang))
    st.dataframe(frame, hide_index=True, width="stretch")
    common = {"actor": page.actor}
    roles = [r.value for r in Role]
    with st.form("admin-user-add", clear_on_submit=True):
        st.markdown(f"**{t('admin.users.add', lang)}**")
        c1, c2 = st.columns(2)
        name = c1.text_input(t("auth.name", lang), key="admin-user-name")
        role = c2.selectbox(
            t("admin.role", lang),
            roles,
            index=roles.index("contributor"),
            format_func=lambda r: t(f"role.{r}", lang),
            key="admin-user-role",
        )
        groups = st.multiselect(
            col("steering_group", lang),
            [g.code for g in cat.steering_groups],
            key="admin-user-groups",
            help=t("admin.users.groups_help", lang),
            placeholder=t("ui.choose_many", lang),
        )
        c1, c2 = st.columns(2)
        password = c1.text_input(t("auth.password", lang), type="password", key="admin-user-pw")
        email = c2.text_input(t("admin.email", lang), key="admin-user-email")
        submitted = st.form_submit_button(
            t("admin.add", lang), type="primary", key="admin-user-add-go"
        )
    if submitted:
        write(
            page,
            lambda s: access.add_user(
                session=s,
                name=name,
                role=role,
                steering_groups=groups,
                password=password or None,
                email=opt(email),
                **common,
            ),
            t("admin.users.added", lang, name=name),
        )
    names = [u["name"] for u in users]
    if not names:
        return
    c1, c2 = st.columns(2)
    with c1.form("admin-user-reset", clear_on_submit=True):
        st.markdown(f"**{t('admin.users.reset', lang)}**")
        who = st.selectbox(t("auth.name", lang), names, key="admin-user-reset-name")
        new_password = st.text_input(
            t("admin.users.new_password", lang), type="password", key="admin-user-reset-pw"
        )
        reset = st.form_submit_button(t("admin.users.reset_go", lang), key="admin-user-reset-go")
    if reset:
        write(
            page,
            lambda s: access.reset_password(session=s, name=who, password=new_password, **common),
            t("admin.users.reset_done", lang, name=who),
        )
    with c2.form("admin-user-remove"):
        st.markdown(f"**{t('admin.users.remove', lang)}**")
        gone = st.selectbox(t("auth.name", lang), names, key="admin-user-remove-name")
        sure = st.checkbox(t("admin.users.remove_sure", lang), key="admin-user-remove-sure")
        remove = st.form_submit_button(t("admin.users.remove_go", lang), key="admin-user-remove-go")
    if remove:
        if not sure:
            st.warning(t("admin.users.remove_confirm", lang))
        else:
            write(
                page,
                lambda s: access.remove_user(session=s, name=gone, **common),
                t("admin.users.removed", lang, name=gone),
            )
