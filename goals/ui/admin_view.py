"""The administration page's tabs: catalogue forms, users, the catalogue workbook, the audit trail.

Every write goes through `goals.catalogue.edit` or `goals.access` inside one
`store.write_session`, which check the admin right themselves and record the audit event; the
page only collects input. Everything a person typed is shown as text: in tables (which never
interpret markup) or escaped with `plain` before it reaches markdown.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st
from openpyxl import Workbook
from openpyxl.styles import Font

from goals import access, store
from goals.access import AccessError, PermissionDenied
from goals.catalogue import edit as catalogue_edit
from goals.catalogue import sheets as catalogue_sheets
from goals.catalogue.edit import CatalogueEditError
from goals.catalogue.sheets import CatalogueImportResult
from goals.i18n import name_of, t
from goals.spreadsheet.write import csv_text, safe_cell
from goals.store.model import (
    Area,
    AreaKind,
    AuditEvent,
    Role,
)
from goals.ui import context
from goals.ui.layout import PageContext
from goals.workbook import FILE_TYPES, annotate_workbook, annotated_filename

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlmodel import Session

_FLASH = "admin-flash"
# characters that are markup anywhere, and those that are markup only at the start of a line
_MARKUP = re.compile(r"([\\`*_{}\[\]<>|~$])")
_LINE_START = re.compile(r"^([ \t]*)(\d+(?=[.)])|[#+\-=!])", re.MULTILINE)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plain(text: object) -> str:
    """Text a person typed, safe to put into markdown: every markup character escaped, so
    `<script>` or `**x**` show as typed and nothing is interpreted."""
    text = _MARKUP.sub(r"\\\1", str(text))
    text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\n", "  \n")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.groups()
    if mark[0].isdigit():  # "1." would start a numbered list: escape the dot after it
        return f"{indent}{mark}\\"
    return f"{indent}\\{mark}"


def show(page: PageContext) -> None:
    """The whole page below the title."""
    lang = page.lang
    flash = st.session_state.pop(_FLASH, None)
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
        audit_tab,
    )
    for tab, part in zip(tabs, parts, strict=True):
        with tab:
            part(page)


def _write(page: PageContext, action: Callable[[Session], Any], done: str) -> Any:
    """Run one write in one transaction; on success remember `done` and rerun, else say why."""
    try:
        result = store.writing(page.engine, action)
    except (AccessError, PermissionDenied) as exc:
        st.error(plain(exc.text(page.lang)))
        return None
    except (CatalogueEditError, store.StoreError) as exc:
        st.error(plain(exc))
        return None
    if isinstance(result, catalogue_edit.Edit) and result.action == "unchanged":
        st.info(t("admin.unchanged", page.lang))
        return result
    context.forget_cached_data()
    st.session_state[_FLASH] = done
    st.rerun()
    return result  # pragma: no cover - st.rerun does not return


def _opt(value: str) -> str | None:
    value = (value or "").strip()
    return value or None


def _read(page: PageContext, query: Callable[[Session], Any]) -> Any:
    return store.reading(page.engine, query)


# --- goals and success criteria -------------------------------------------------------------------


def goals_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    tracks = {tr.id: tr for tr in cat.tracks}
    groups = {g.id: g for g in cat.steering_groups}
    frame = pd.DataFrame(
        [
            {
                _col("code", lang): g.code,
                _col("title", lang): g.title,
                _col("track", lang): name_of(tracks[g.track_id], lang),
                _col("steering_group", lang): groups[g.steering_group_id].code,
                _col("national_goal", lang): cat.national_goals[g.national_goal_id].number
                if g.national_goal_id
                else None,
                t("admin.criteria_count", lang): len(cat.criteria_of_goal(g)),
            }
            for g in cat.goals
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    if cat.goals:
        goal = st.selectbox(
            t("admin.pick.goal", lang),
            cat.goals,
            format_func=lambda g: f"{g.code} · {g.title}",
            key="admin-goal",
        )
        _goal_form(page, goal)
        _criteria(page, goal)
    with st.expander(t("admin.add.goal", lang)):
        _goal_form(page, None)


def _col(field: str, lang: str) -> str:
    return t(f"admin.col.{field}", lang)


def _goal_form(page: PageContext, goal: Any) -> None:
    lang, cat = page.lang, page.catalogue
    key = f"admin-goal-form-{goal.code if goal else 'new'}"
    track_codes = [tr.code for tr in cat.tracks]
    group_codes = [g.code for g in cat.steering_groups]
    national = [None, *sorted(n.number for n in cat.national_goals.values())]
    current_track = next((tr.code for tr in cat.tracks if goal and tr.id == goal.track_id), None)
    current_group = next(
        (g.code for g in cat.steering_groups if goal and g.id == goal.steering_group_id), None
    )
    current_national = (
        cat.national_goals[goal.national_goal_id].number if goal and goal.national_goal_id else None
    )
    with st.form(key):
        st.markdown(f"**{t('admin.edit.goal' if goal else 'admin.add.goal', lang)}**")
        code = goal.code if goal else st.text_input(_col("code", lang), key=f"{key}-code")
        title = st.text_input(_col("title", lang), goal.title if goal else "", key=f"{key}-title")
        title_en = st.text_input(
            _col("title_en", lang), (goal.title_en or "") if goal else "", key=f"{key}-title_en"
        )
        description = st.text_area(
            _col("description", lang),
            (goal.description or "") if goal else "",
            key=f"{key}-description",
        )
        c1, c2, c3 = st.columns(3)
        track = c1.selectbox(
            _col("track", lang),
            track_codes,
            index=track_codes.index(current_track) if current_track in track_codes else 0,
            key=f"{key}-track",
        )
        group = c2.selectbox(
            _col("steering_group", lang),
            group_codes,
            index=group_codes.index(current_group) if current_group in group_codes else 0,
            key=f"{key}-group",
        )
        number = c3.selectbox(
            _col("national_goal", lang),
            national,
            index=national.index(current_national),
            format_func=lambda n: "–" if n is None else str(n),
            key=f"{key}-national",
        )
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if not submitted:
        return
    fields = {
        "title": title,
        "title_en": _opt(title_en),
        "description": _opt(description),
        "track": track,
        "steering_group": group,
        "national_goal": number,
    }
    common = {"actor": page.actor, "lang": lang}
    if goal:
        _write(
            page,
            lambda s: catalogue_edit.edit_goal(session=s, code=goal.code, **fields, **common),
            t("admin.saved", lang, what=goal.code),
        )
    else:
        _write(
            page,
            lambda s: catalogue_edit.add_goal(session=s, code=code, **fields, **common),
            t("admin.added", lang, what=code),
        )


def revision_history(page: PageContext, criterion_code: str) -> pd.DataFrame:
    """Every revision of a criterion, newest first, as the secretariat reads them."""
    lang = page.lang

    def query(session: Session) -> list[dict[str, Any]]:
        rows = []
        for revision in catalogue_edit.criterion_revisions(session, criterion_code):
            view = catalogue_edit.revision_view(session, revision)
            rows.append(
                {
                    _col("revision", lang): revision.revision,
                    _col("valid_from", lang): revision.valid_from.isoformat(),
                    _col("text", lang): name_of(revision, lang, "text"),
                    _col("indicator", lang): view["indicator"],
                    _col("group", lang): view["group"] or f"{view['gap_a']} − {view['gap_b']}",
                    _col("baseline", lang): view["baseline"],
                    _col("target_type", lang): t(f"admin.target.{view['target_type']}", lang)
                    if view["target_type"]
                    else "–",
                    _col("target_value", lang): view["target_value"],
                    _col("target_period", lang): view["target_period"],
                    _col("areas", lang): catalogue_sheets.label_of("areas", view["areas"], lang),
                    _col("note", lang): revision.note,
                    t("admin.created_by", lang): revision.created_by,
                    t("admin.created_at", lang): revision.created_at.strftime("%Y-%m-%d %H:%M")
                    if revision.created_at
                    else "",
                }
            )
        return rows

    return pd.DataFrame(_read(page, query))


def _criteria(page: PageContext, goal: Any) -> None:
    lang, cat = page.lang, page.catalogue
    criteria = cat.criteria_of_goal(goal)
    st.subheader(t("admin.criteria", lang), anchor=False)
    if not criteria:
        st.info(t("admin.no_criteria", lang))
    else:
        info = st.selectbox(
            t("admin.pick.criterion", lang),
            criteria,
            format_func=lambda c: f"{c.code} · {name_of(c.current, lang, 'text')[:90]}",
            key=f"admin-criterion-{goal.code}",
        )
        st.caption(t("admin.history", lang))
        st.dataframe(revision_history(page, info.code), hide_index=True, width="stretch")
        _revision_form(page, info.code)
    with st.expander(t("admin.add.criterion", lang)):
        _revision_form(page, None, goal=goal.code)


def _revision_form(page: PageContext, code: str | None, goal: str | None = None) -> None:
    lang, cat = page.lang, page.catalogue
    view: dict[str, Any] = {}
    if code:
        view = _read(page, lambda s: catalogue_edit.criterion_view(s, code))
    key = f"admin-revision-{code or 'new-' + str(goal)}"
    indicators = [i.code for i in cat.indicators.values()]
    groups = ["", *(g.code for g in cat.groups.values())]
    target_types = ["", "absolute", "relative", "points"]
    with st.form(key):
        st.markdown(f"**{t('admin.revise' if code else 'admin.add.criterion', lang)}**")
        new_code = "" if code else st.text_input(_col("code", lang), key=f"{key}-code")
        valid_from = st.date_input(
            _col("valid_from", lang), dt.date.today(), format="YYYY-MM-DD", key=f"{key}-from"
        )
        text = st.text_area(_col("text", lang), view.get("text") or "", key=f"{key}-text")
        text_en = st.text_area(
            _col("text_en", lang), view.get("text_en") or "", key=f"{key}-text_en"
        )
        c1, c2, c3 = st.columns(3)
        indicator = c1.selectbox(
            _col("indicator", lang),
            indicators,
            index=indicators.index(view["indicator"]) if view.get("indicator") in indicators else 0,
            key=f"{key}-indicator",
        )
        group = c2.selectbox(
            _col("group", lang),
            groups,
            index=groups.index(view.get("group") or ""),
            key=f"{key}-group",
        )
        baseline = c3.text_input(
            _col("baseline", lang), view.get("baseline") or "", key=f"{key}-baseline"
        )
        c1, c2 = st.columns(2)
        gap_a = c1.selectbox(
            _col("gap_a", lang),
            groups,
            index=groups.index(view.get("gap_a") or ""),
            key=f"{key}-gap_a",
        )
        gap_b = c2.selectbox(
            _col("gap_b", lang),
            groups,
            index=groups.index(view.get("gap_b") or ""),
            key=f"{key}-gap_b",
        )
        c1, c2, c3 = st.columns(3)
        target_type = c1.selectbox(
            _col("target_type", lang),
            target_types,
            index=target_types.index(view.get("target_type") or ""),
            format_func=lambda k: t(f"admin.target.{k}", lang) if k else "–",
            key=f"{key}-target_type",
        )
        value = view.get("target_value")
        target_value = c2.text_input(
            _col("target_value", lang),
            "" if value is None else f"{value:g}",
            key=f"{key}-target_value",
        )
        target_period = c3.text_input(
            _col("target_period", lang), view.get("target_period") or "", key=f"{key}-period"
        )
        areas = st.text_input(
            _col("areas", lang),
            catalogue_sheets.label_of("areas", view.get("areas", "clusters"), lang),
            help=t("admin.areas.help", lang),
            key=f"{key}-areas",
        )
        note = st.text_input(_col("note", lang), view.get("note") or "", key=f"{key}-note")
        submitted = st.form_submit_button(
            t("admin.save_revision" if code else "admin.save", lang),
            type="primary",
            key=f"{key}-save",
        )
    if not submitted:
        return
    group_value = None if gap_a or gap_b else group or None
    fields = {
        "valid_from": valid_from,
        "text": text,
        "text_en": _opt(text_en),
        "indicator": indicator,
        "group": group_value,
        "gap_a": gap_a or None,
        "gap_b": gap_b or None,
        "baseline": baseline,
        "target_type": target_type or None,
        "target_value": _opt(target_value),
        "target_period": _opt(target_period),
        "areas": areas,
        "note": _opt(note),
        "actor": page.actor,
        "lang": lang,
    }
    if code:
        _write(
            page,
            lambda s: catalogue_edit.revise_criterion(session=s, code=code, **fields),
            t("admin.revised", lang, what=code),
        )
    else:
        _write(
            page,
            lambda s: catalogue_edit.add_criterion(session=s, goal=goal, code=new_code, **fields),
            t("admin.added", lang, what=new_code),
        )


# --- indicators ---------------------------------------------------------------------------------


def indicators_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    groups = {g.id: g.code for g in cat.steering_groups}
    frame = pd.DataFrame(
        [
            {
                _col("code", lang): i.code,
                _col("name", lang): i.name,
                _col("unit", lang): i.unit,
                _col("polarity", lang): t(f"admin.polarity.{i.polarity}", lang),
                _col("decimals", lang): i.decimals,
                _col("frequency", lang): t(f"admin.frequency.{i.frequency}", lang),
                _col("steering_group", lang): ", ".join(
                    sorted(groups[g] for g in cat.indicator_owners(i) if g in groups)
                ),
                _col("source", lang): i.source,
            }
            for i in cat.indicators.values()
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    indicators = list(cat.indicators.values())
    if indicators:
        indicator = st.selectbox(
            t("admin.pick.indicator", lang),
            indicators,
            format_func=lambda i: f"{i.code} · {i.name}",
            key="admin-indicator",
        )
        _indicator_form(page, indicator)
    with st.expander(t("admin.add.indicator", lang)):
        _indicator_form(page, None)


def _indicator_form(page: PageContext, indicator: Any) -> None:
    lang, cat = page.lang, page.catalogue
    key = f"admin-indicator-form-{indicator.code if indicator else 'new'}"
    polarities = list(catalogue_edit.POLARITIES)
    frequencies = list(catalogue_edit.FREQUENCIES)
    owners = ["", *(g.code for g in cat.steering_groups)]
    owner = next(
        (g.code for g in cat.steering_groups if indicator and g.id == indicator.steering_group_id),
        "",
    )
    with st.form(key):
        st.markdown(
            f"**{t('admin.edit.indicator' if indicator else 'admin.add.indicator', lang)}**"
        )
        code = indicator.code if indicator else st.text_input(_col("code", lang), key=f"{key}-code")
        get = (lambda name: getattr(indicator, name) or "") if indicator else (lambda name: "")
        name = st.text_input(_col("name", lang), get("name"), key=f"{key}-name")
        name_en = st.text_input(_col("name_en", lang), get("name_en"), key=f"{key}-name_en")
        c1, c2, c3, c4 = st.columns(4)
        unit = c1.text_input(_col("unit", lang), get("unit"), key=f"{key}-unit")
        polarity = c2.selectbox(
            _col("polarity", lang),
            polarities,
            index=polarities.index(str(indicator.polarity)) if indicator else 2,
            format_func=lambda p: t(f"admin.polarity.{p}", lang),
            key=f"{key}-polarity",
        )
        decimals = c3.number_input(
            _col("decimals", lang),
            0,
            catalogue_edit.MAX_DECIMALS,
            indicator.decimals if indicator else 1,
            key=f"{key}-decimals",
        )
        frequency = c4.selectbox(
            _col("frequency", lang),
            frequencies,
            index=frequencies.index(indicator.frequency) if indicator else 0,
            format_func=lambda f: t(f"admin.frequency.{f}", lang),
            key=f"{key}-frequency",
        )
        source = st.text_input(_col("source", lang), get("source"), key=f"{key}-source")
        definition = st.text_area(
            _col("definition", lang), get("definition"), key=f"{key}-definition"
        )
        c1, c2 = st.columns(2)
        limit = indicator.natural_limit if indicator else None
        natural_limit = c1.text_input(
            _col("natural_limit", lang), "" if limit is None else f"{limit:g}", key=f"{key}-limit"
        )
        steering_group = c2.selectbox(
            _col("steering_group", lang),
            owners,
            index=owners.index(owner),
            format_func=lambda c: c or t("admin.owner.by_goals", lang),
            key=f"{key}-owner",
        )
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if not submitted:
        return
    fields = {
        "name": name,
        "name_en": _opt(name_en),
        "unit": unit,
        "polarity": polarity,
        "decimals": int(decimals),
        "frequency": frequency,
        "source": _opt(source),
        "definition": _opt(definition),
        "natural_limit": _opt(natural_limit),
        "steering_group": steering_group or None,
        "actor": page.actor,
        "lang": lang,
    }
    if indicator:
        _write(
            page,
            lambda s: catalogue_edit.edit_indicator(session=s, code=indicator.code, **fields),
            t("admin.saved", lang, what=indicator.code),
        )
    else:
        _write(
            page,
            lambda s: catalogue_edit.add_indicator(session=s, code=code, **fields),
            t("admin.added", lang, what=code),
        )


# --- areas and aliases --------------------------------------------------------------------------


def areas_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    aliases = _read(page, catalogue_edit.all_area_aliases)
    areas = sorted(cat.areas.values(), key=lambda a: (list(AreaKind).index(a.kind), a.sort_order))
    frame = pd.DataFrame(
        [
            {
                _col("code", lang): a.code,
                _col("name", lang): a.name,
                _col("kind", lang): t(f"admin.kind.{a.kind}", lang),
                _col("parent", lang): (cat.parent(a).code if cat.parent(a) else None),
                _col("aliases", lang): ", ".join(aliases.get(a.id, [])),
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
        name = st.text_input(_col("name", lang), area.name, key=f"{key}-name")
        name_en = st.text_input(_col("name_en", lang), area.name_en or "", key=f"{key}-name_en")
        official = st.text_input(
            _col("official_code", lang), area.official_code or "", key=f"{key}-official"
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
                _col("parent", lang),
                parents,
                index=parents.index(current.code) if current and current.code in parents else 0,
                key=f"{key}-parent",
            )
            since = c2.date_input(
                _col("since", lang), dt.date.today(), format="YYYY-MM-DD", key=f"{key}-since"
            )
        st.caption(t("admin.rename.help", lang))
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if submitted:
        fields: dict[str, Any] = {
            "name": name,
            "name_en": _opt(name_en),
            "official_code": _opt(official),
            "since": since,
        } | ({"parent": parent} if parent else {})
        _write(
            page,
            lambda s: catalogue_edit.edit_area(session=s, code=area.code, **fields, **common),
            t("admin.saved", lang, what=area.code),
        )
    c1, c2 = st.columns(2)
    with c1.form(f"{key}-alias-add", clear_on_submit=True):
        alias = st.text_input(t("admin.alias.new", lang), key=f"{key}-alias")
        add = st.form_submit_button(t("admin.alias.add", lang), key=f"{key}-alias-add-go")
    if add:
        _write(
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
            _write(
                page,
                lambda s: catalogue_edit.remove_area_alias(
                    session=s, area=area.code, alias=chosen, **common
                ),
                t("admin.alias.removed", lang, alias=chosen, what=area.code),
            )


def _add_area_form(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    key = "admin-area-new"
    kinds = [k.value for k in AreaKind if k != AreaKind.REGION]
    parents = [a.code for a in cat.areas.values() if a.kind in (AreaKind.REGION, AreaKind.CLUSTER)]
    with st.form(key):
        c1, c2 = st.columns(2)
        code = c1.text_input(_col("code", lang), key=f"{key}-code")
        name = c2.text_input(_col("name", lang), key=f"{key}-name")
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(
            _col("kind", lang),
            kinds,
            index=kinds.index("municipality"),
            format_func=lambda k: t(f"admin.kind.{k}", lang),
            key=f"{key}-kind",
        )
        parent = c2.selectbox(_col("parent", lang), parents, key=f"{key}-parent")
        official = c3.text_input(_col("official_code", lang), key=f"{key}-official")
        submitted = st.form_submit_button(t("admin.add", lang), type="primary", key=f"{key}-save")
    if submitted:
        _write(
            page,
            lambda s: catalogue_edit.add_area(
                session=s,
                actor=page.actor,
                code=code,
                name=name,
                kind=kind,
                parent=parent,
                official_code=_opt(official),
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
    aliases = _read(page, lambda s: catalogue_edit.group_aliases(s, group.id))
    st.dataframe(
        pd.DataFrame({t("admin.col.alias", lang): aliases}), hide_index=True, width="stretch"
    )
    common = {"actor": page.actor, "lang": lang}
    c1, c2 = st.columns(2)
    with c1.form("admin-group-alias-add", clear_on_submit=True):
        alias = st.text_input(t("admin.alias.new", lang), key="admin-group-alias")
        add = st.form_submit_button(t("admin.alias.add", lang), key="admin-group-alias-add-go")
    if add:
        _write(
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
            _write(
                page,
                lambda s: catalogue_edit.remove_group_alias(
                    session=s, group=group.code, alias=chosen, **common
                ),
                t("admin.alias.removed", lang, alias=chosen, what=group.code),
            )


# --- steering groups ------------------------------------------------------------------------------


def steering_groups_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    frame = pd.DataFrame(
        [
            {
                _col("code", lang): g.code,
                _col("name", lang): g.name,
                _col("name_en", lang): g.name_en,
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
            name = st.text_input(_col("name", lang), group.name, key=f"{key}-name")
            name_en = st.text_input(_col("name_en", lang), group.name_en or "", key=f"{key}-en")
            submitted = st.form_submit_button(
                t("admin.save", lang), type="primary", key=f"{key}-save"
            )
        if submitted:
            _write(
                page,
                lambda s: catalogue_edit.edit_steering_group(
                    session=s, code=group.code, name=name, name_en=_opt(name_en), **common
                ),
                t("admin.saved", lang, what=group.code),
            )
    with st.expander(t("admin.add.steering_group", lang)), st.form("admin-sg-new"):
        code = st.text_input(_col("code", lang), key="admin-sg-new-code")
        name = st.text_input(_col("name", lang), key="admin-sg-new-name")
        name_en = st.text_input(_col("name_en", lang), key="admin-sg-new-en")
        submitted = st.form_submit_button(
            t("admin.add", lang), type="primary", key="admin-sg-new-save"
        )
    if submitted:
        _write(
            page,
            lambda s: catalogue_edit.add_steering_group(
                session=s, code=code, name=name, name_en=_opt(name_en), **common
            ),
            t("admin.added", lang, what=code),
        )


# --- users ----------------------------------------------------------------------------------------


def users_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    users = _read(page, access.list_users)
    frame = pd.DataFrame(
        [
            {
                t("auth.name", lang): u["name"],
                t("admin.role", lang): t(f"role.{u['role']}", lang),
                _col("steering_group", lang): ", ".join(u["steering_groups"]),
                t("admin.email", lang): u["email"],
                t("admin.last_login", lang): (u["last_login_at"] or "")[:16].replace("T", " "),
            }
            for u in users
        ],
        columns=[
            t("auth.name", lang),
            t("admin.role", lang),
            _col("steering_group", lang),
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
            _col("steering_group", lang),
            [g.code for g in cat.steering_groups],
            key="admin-user-groups",
            help=t("admin.users.groups_help", lang),
        )
        c1, c2 = st.columns(2)
        password = c1.text_input(t("auth.password", lang), type="password", key="admin-user-pw")
        email = c2.text_input(t("admin.email", lang), key="admin-user-email")
        submitted = st.form_submit_button(
            t("admin.add", lang), type="primary", key="admin-user-add-go"
        )
    if submitted:
        _write(
            page,
            lambda s: access.add_user(
                session=s,
                name=name,
                role=role,
                steering_groups=groups,
                password=password or None,
                email=_opt(email),
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
        _write(
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
            _write(
                page,
                lambda s: access.remove_user(session=s, name=gone, **common),
                t("admin.users.removed", lang, name=gone),
            )


# --- the catalogue workbook -----------------------------------------------------------------------


def workbook_tab(page: PageContext) -> None:
    lang = page.lang
    st.markdown(t("admin.workbook.intro", lang))
    st.download_button(
        t("admin.workbook.download", lang),
        data=lambda: catalogue_sheets.export_catalogue_workbook(engine=page.engine, lang=lang),
        file_name=t("admin.workbook.filename", lang),
        mime=XLSX_MIME,
        key="admin-workbook-download",
    )
    upload = st.file_uploader(
        t("admin.workbook.upload", lang),
        type=FILE_TYPES,
        key="admin-workbook-upload",
    )
    if upload is None:
        return
    content = upload.getvalue()
    # a preview runs the file in a transaction that is rolled back: do it once per file and
    # state of the store, not on every rerun of the page
    key = (hashlib.sha256(content).hexdigest(), upload.name, context.data_version(), lang)
    cached = st.session_state.get("admin-workbook-preview")
    if cached and cached[0] == key:
        result = cached[1]
    else:
        result = catalogue_sheets.import_catalogue_workbook(
            engine=page.engine,
            content=content,
            filename=upload.name,
            actor=page.actor,
            dry_run=True,
            lang=lang,
        )
        st.session_state["admin-workbook-preview"] = (key, result)
    show_import_result(result, lang, content=content)
    waiting = result.status == "preview" and (result.totals["new"] or result.totals["changed"])
    if waiting and st.button(
        t("admin.workbook.apply", lang), type="primary", key="admin-workbook-apply"
    ):
        applied = catalogue_sheets.import_catalogue_workbook(
            engine=page.engine,
            content=content,
            filename=upload.name,
            actor=page.actor,
            lang=lang,
            confirm_sha256=result.sha256,
        )
        if applied.status == "applied":
            context.forget_cached_data()
            st.session_state[_FLASH] = applied.message
            st.rerun()
        show_import_result(applied, lang, content=content)


def show_import_result(
    result: CatalogueImportResult, lang: str, *, content: bytes | None = None
) -> None:
    """The message, counts per sheet, changes (old → new) and problems with their cells."""
    say = {"rejected": st.error, "preview": st.info, "applied": st.success}[result.status]
    say(plain(result.message))
    if result.counts:
        st.dataframe(
            pd.DataFrame(
                [
                    {t("admin.workbook.sheet", lang): sheet}
                    | {t(f"admin.count.{k}", lang): n for k, n in counts.items()}
                    for sheet, counts in result.counts.items()
                ]
            ),
            hide_index=True,
        )
    if result.errors:
        st.markdown(f"**{t('admin.workbook.errors', lang)}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("admin.workbook.cell", lang): p.cell,
                        t("admin.workbook.column", lang): p.column,
                        t("admin.workbook.value", lang): p.value,
                        t("admin.workbook.problem", lang): p.message,
                    }
                    for p in result.errors
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        if content is not None and any(p.cell for p in result.errors):
            st.download_button(
                t("admin.workbook.annotated", lang),
                data=lambda: annotate_workbook(content, result.errors, result.filename, lang=lang),
                file_name=annotated_filename(result.filename),
                mime=XLSX_MIME,
                key="admin-workbook-annotated",
            )
    if result.changes:
        st.markdown(f"**{t('admin.workbook.changes', lang)}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("admin.workbook.cell", lang): c.cell,
                        _col("code", lang): c.subject,
                        t("admin.workbook.column", lang): c.field,
                        t("admin.workbook.old", lang): c.old or "",
                        t("admin.workbook.new", lang): c.new,
                        _col("note", lang): c.note,
                    }
                    for c in result.changes
                ]
            ),
            hide_index=True,
            width="stretch",
        )


# --- the audit trail ------------------------------------------------------------------------------


def action_label(action: str, lang: str) -> str:
    key = f"admin.action.{action}"
    try:
        return t(key, lang)
    except KeyError:
        return action


def _detail_text(detail: str) -> str:
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return detail
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        if key == "changes" and isinstance(value, dict):
            parts += [f"{k}: {_short(o)} → {_short(n)}" for k, (o, n) in value.items()]
        else:
            parts.append(f"{key}: {_short(value)}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def audit_frame(events: list[AuditEvent], lang: str) -> pd.DataFrame:
    """The audit events as the table shows and exports them (newest first)."""
    columns = [t(f"admin.audit.{c}", lang) for c in ("at", "actor", "action", "target", "detail")]
    return pd.DataFrame(
        [
            [
                (e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC))
                .astimezone()
                .strftime("%Y-%m-%d %H:%M:%S"),
                e.actor,
                action_label(e.action, lang),
                e.target or "",
                _detail_text(e.detail),
            ]
            for e in events
        ],
        columns=columns,
    )


def audit_csv(frame: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM, semicolons, as Danish Excel opens it), formulas made inert."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_text(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([csv_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def audit_xlsx(frame: pd.DataFrame, lang: str) -> bytes:
    """.xlsx with frozen header; text beginning with = + - @ kept as text (quotePrefix)."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(t("admin.tab.audit", lang)[:31])
    for letter, width in zip("ABCDE", (20, 24, 30, 40, 100), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.append([safe_cell(ws, c, font=Font(bold=True)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([safe_cell(ws, v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def audit_tab(page: PageContext) -> None:
    lang = page.lang
    events = _read(page, lambda s: access.audit_events(s))
    actors = sorted({e.actor for e in events}, key=str.casefold)
    actions = sorted({e.action for e in events})
    c1, c2, c3, c4 = st.columns([2, 2, 2, 2])
    who = c1.multiselect(t("admin.audit.filter_actor", lang), actors, key="admin-audit-actor")
    what = c2.multiselect(
        t("admin.audit.filter_action", lang),
        actions,
        format_func=lambda a: action_label(a, lang),
        key="admin-audit-action",
    )
    today = dt.date.today()
    span = c3.date_input(
        t("admin.audit.filter_dates", lang),
        (today - dt.timedelta(days=365), today),
        format="YYYY-MM-DD",
        key="admin-audit-dates",
    )
    search = c4.text_input(t("admin.audit.filter_text", lang), key="admin-audit-text")
    chosen = [e for e in events if (not who or e.actor in who) and (not what or e.action in what)]
    if isinstance(span, tuple | list) and len(span) == 2:
        start, end = span

        def day(e: AuditEvent) -> dt.date:
            at = e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC)
            return at.astimezone().date()

        chosen = [e for e in chosen if start <= day(e) <= end]
    frame = audit_frame(chosen, lang)
    if search.strip():
        needle = search.strip().casefold()
        mask = frame.apply(lambda row: needle in " ".join(map(str, row)).casefold(), axis=1)
        frame = frame[mask] if len(frame) else frame
    st.caption(t("admin.audit.count", lang, shown=len(frame), total=len(events)))
    st.dataframe(frame, hide_index=True, width="stretch")
    c1, c2 = st.columns(2)
    stamp = today.isoformat()
    c1.download_button(
        t("admin.audit.csv", lang),
        data=audit_csv(frame),
        file_name=f"revisionsspor-{stamp}.csv",
        mime="text/csv",
        key="admin-audit-csv",
    )
    c2.download_button(
        t("admin.audit.xlsx", lang),
        data=lambda: audit_xlsx(frame, lang),
        file_name=f"revisionsspor-{stamp}.xlsx",
        mime=XLSX_MIME,
        key="admin-audit-xlsx",
    )


__all__ = [
    "audit_csv",
    "audit_frame",
    "audit_xlsx",
    "plain",
    "revision_history",
    "show",
    "show_import_result",
]
