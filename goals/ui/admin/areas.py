"""The tab "Areas and aliases": areas (rename, move to another parent from a date, add), the
other names an area goes by in uploaded workbooks, and the population groups' aliases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from goals.catalogue import edit as catalogue_edit
from goals.i18n import date_input_format, format_date, t
from goals.store.model import Area, AreaKind
from goals.ui.admin.common import col, opt, read, write
from goals.ui.frame.layout import PageContext


def areas_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    aliases = read(page, catalogue_edit.all_area_aliases)
    areas = sorted(cat.areas.values(), key=lambda a: (list(AreaKind).index(a.kind), a.sort_order))
    frame = pd.DataFrame(
        [
            {
                col("code", lang): a.code,
                col("name", lang): a.name,
                col("kind", lang): t(f"admin.kind.{a.kind}", lang),
                col("parent", lang): ", ".join(p.code for p in cat.parents(a)) or None,
                col("aliases", lang): ", ".join(aliases.get(a.id, [])),
            }
            for a in areas
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    if areas:
        area = st.selectbox(
            t("admin.pick.area", lang),
            areas,
            format_func=lambda a: f"{a.code} · {a.name}",
            key="admin-area",
        )
        _area_forms(page, area, aliases.get(area.id, []))
        if area.kind != AreaKind.REGION:
            _memberships(page, area)
    with st.expander(t("admin.add.area", lang)):
        _add_area_form(page)
    st.subheader(t("admin.group_aliases", lang), anchor=False)
    _group_aliases(page)


def _area_forms(page: PageContext, area: Area, aliases: list[str]) -> None:
    lang, cat = page.lang, page.catalogue
    key = f"admin-area-{area.code}"
    common = {"actor": page.actor, "lang": lang}
    with st.form(f"{key}-rename"):
        st.markdown(f"**{t('admin.edit.area', lang)}**")
        name = st.text_input(col("name", lang), area.name, key=f"{key}-name")
        name_en = st.text_input(col("name_en", lang), area.name_en or "", key=f"{key}-name_en")
        official = st.text_input(
            col("official_code", lang), area.official_code or "", key=f"{key}-official"
        )
        parents = [
            a.code
            for a in cat.areas.values()
            if a.kind == (AreaKind.REGION if area.kind == AreaKind.CLUSTER else AreaKind.CLUSTER)
        ]
        current = cat.parent(area)
        parent = since = None
        if area.kind != AreaKind.REGION and parents:
            c1, c2 = st.columns(2)
            parent = c1.selectbox(
                col("parent", lang),
                parents,
                index=parents.index(current.code) if current and current.code in parents else 0,
                key=f"{key}-parent",
            )
            since = c2.date_input(
                col("since", lang),
                dt.date.today(),
                format=date_input_format(lang),
                key=f"{key}-since",
            )
        st.caption(t("admin.rename.help", lang))
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if submitted:
        fields: dict[str, Any] = {
            "name": name,
            "name_en": opt(name_en),
            "official_code": opt(official),
            "since": since,
        } | ({"parent": parent} if parent else {})
        write(
            page,
            lambda s: catalogue_edit.edit_area(session=s, code=area.code, **fields, **common),
            t("admin.saved", lang, what=area.code),
        )
    c1, c2 = st.columns(2)
    with c1.form(f"{key}-alias-add", clear_on_submit=True):
        alias = st.text_input(t("admin.alias.new", lang), key=f"{key}-alias")
        add = st.form_submit_button(t("admin.alias.add", lang), key=f"{key}-alias-add-go")
    if add:
        write(
            page,
            lambda s: catalogue_edit.add_area_alias(
                session=s, area=area.code, alias=alias, **common
            ),
            t("admin.alias.added", lang, alias=alias, what=area.code),
        )
    if aliases:
        with c2.form(f"{key}-alias-remove"):
            chosen = st.selectbox(t("admin.alias.existing", lang), aliases, key=f"{key}-alias-pick")
            remove = st.form_submit_button(
                t("admin.alias.remove", lang), key=f"{key}-alias-remove-go"
            )
        if remove:
            write(
                page,
                lambda s: catalogue_edit.remove_area_alias(
                    session=s, area=area.code, alias=chosen, **common
                ),
                t("admin.alias.removed", lang, alias=chosen, what=area.code),
            )


def _memberships(page: PageContext, area: Area) -> None:
    """The area's memberships with their dates; join another cluster from a date (it stays in
    the ones it has), or end a membership on a date."""
    lang, cat = page.lang, page.catalogue
    key = f"admin-member-{area.code}"
    st.markdown(f"**{t('admin.memberships', lang)}**")
    rows = sorted((m for m in cat.memberships if m.child_id == area.id), key=lambda m: m.valid_from)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    col("parent", lang): cat.areas[m.parent_id].code
                    if m.parent_id in cat.areas
                    else "?",
                    col("since", lang): format_date(m.valid_from, lang),
                    col("until", lang): format_date(m.valid_to, lang) if m.valid_to else "",
                }
                for m in rows
            ],
            columns=[col("parent", lang), col("since", lang), col("until", lang)],
        ),
        hide_index=True,
        width="stretch",
    )
    above = AreaKind.REGION if area.kind == AreaKind.CLUSTER else AreaKind.CLUSTER
    candidates = [a.code for a in cat.areas.values() if a.kind == above]
    current = [p.code for p in cat.parents(area)]
    common = {"actor": page.actor, "lang": lang}
    c1, c2 = st.columns(2)
    with c1.form(f"{key}-join", clear_on_submit=True):
        st.caption(t("admin.membership.join.help", lang))
        parent = st.selectbox(col("parent", lang), candidates, key=f"{key}-join-parent")
        since = st.date_input(col("since", lang), dt.date.today(), format=date_input_format(lang), key=f"{key}-join-since")  # fmt: skip
        join = st.form_submit_button(t("admin.membership.join", lang), key=f"{key}-join-go")
    if join and parent:
        write(
            page,
            lambda s: catalogue_edit.join_area(
                session=s, code=area.code, parent=parent, since=since, **common
            ),
            t("admin.saved", lang, what=area.code),
        )
    if current:
        with c2.form(f"{key}-leave", clear_on_submit=True):
            st.caption(t("admin.membership.leave.help", lang))
            left = st.selectbox(col("parent", lang), current, key=f"{key}-leave-parent")
            until = st.date_input(col("until", lang), dt.date.today(), format=date_input_format(lang), key=f"{key}-leave-until")  # fmt: skip
            leave = st.form_submit_button(t("admin.membership.leave", lang), key=f"{key}-leave-go")
        if leave and left:
            write(
                page,
                lambda s: catalogue_edit.leave_area(
                    session=s, code=area.code, parent=left, until=until, **common
                ),
                t("admin.saved", lang, what=area.code),
            )


def _add_area_form(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    key = "admin-area-new"
    kinds = [k.value for k in AreaKind if k != AreaKind.REGION]
    parents = [a.code for a in cat.areas.values() if a.kind in (AreaKind.REGION, AreaKind.CLUSTER)]
    with st.form(key):
        c1, c2 = st.columns(2)
        code = c1.text_input(col("code", lang), key=f"{key}-code")
        name = c2.text_input(col("name", lang), key=f"{key}-name")
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(
            col("kind", lang),
            kinds,
            index=kinds.index("municipality"),
            format_func=lambda k: t(f"admin.kind.{k}", lang),
            key=f"{key}-kind",
        )
        parent = c2.selectbox(col("parent", lang), parents, key=f"{key}-parent")
        official = c3.text_input(col("official_code", lang), key=f"{key}-official")
        submitted = st.form_submit_button(t("admin.add", lang), type="primary", key=f"{key}-save")
    if submitted:
        write(
            page,
            lambda s: catalogue_edit.add_area(
                session=s,
                actor=page.actor,
                code=code,
                name=name,
                kind=kind,
                parent=parent,
                official_code=opt(official),
                lang=lang,
            ),
            t("admin.added", lang, what=code),
        )


def _group_aliases(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    groups = list(cat.groups.values())
    if not groups:
        return
    group = st.selectbox(
        t("admin.pick.group", lang), groups, format_func=lambda g: g.code, key="admin-group"
    )
    aliases = read(page, lambda s: catalogue_edit.group_aliases(s, group.id))
    st.dataframe(
        pd.DataFrame({t("admin.col.alias", lang): aliases}), hide_index=True, width="stretch"
    )
    common = {"actor": page.actor, "lang": lang}
    c1, c2 = st.columns(2)
    with c1.form("admin-group-alias-add", clear_on_submit=True):
        alias = st.text_input(t("admin.alias.new", lang), key="admin-group-alias")
        add = st.form_submit_button(t("admin.alias.add", lang), key="admin-group-alias-add-go")
    if add:
        write(
            page,
            lambda s: catalogue_edit.add_group_alias(
                session=s, group=group.code, alias=alias, **common
            ),
            t("admin.alias.added", lang, alias=alias, what=group.code),
        )
    if aliases:
        with c2.form("admin-group-alias-remove"):
            chosen = st.selectbox(
                t("admin.alias.existing", lang), aliases, key="admin-group-alias-pick"
            )
            remove = st.form_submit_button(
                t("admin.alias.remove", lang), key="admin-group-alias-remove-go"
            )
        if remove:
            write(
                page,
                lambda s: catalogue_edit.remove_group_alias(
                    session=s, group=group.code, alias=chosen, **common
                ),
                t("admin.alias.removed", lang, alias=chosen, what=group.code),
            )
