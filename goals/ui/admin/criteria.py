"""The tab "Goals and success criteria": goals, and each criterion's revisions (a change of
text, target or indicator is a new revision from a date; the old one stays in the history)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from goals.catalogue import edit as catalogue_edit
from goals.catalogue import sheets as catalogue_sheets
from goals.i18n import date_input_format, format_date, format_datetime, name_of, t
from goals.ui.admin.common import col, opt, read, write
from goals.ui.frame.layout import PageContext

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlmodel import Session


def goals_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    tracks = {tr.id: tr for tr in cat.tracks}
    groups = {g.id: g for g in cat.steering_groups}
    frame = pd.DataFrame(
        [
            {
                col("code", lang): g.code,
                col("title", lang): g.title,
                col("track", lang): name_of(tracks[g.track_id], lang),
                col("steering_group", lang): groups[g.steering_group_id].code,
                col("national_goal", lang): _national(cat, g.national_goal_id, lang),
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


def _goal_form(page: PageContext, goal: Any) -> None:
    lang, cat = page.lang, page.catalogue
    key = f"admin-goal-form-{goal.code if goal else 'new'}"
    track_codes = [tr.code for tr in cat.tracks]
    group_codes = [g.code for g in cat.steering_groups]
    national = [None, *sorted(n.number for n in cat.national_goals.values())]
    by_number = {n.number: n for n in cat.national_goals.values()}
    current_track = next((tr.code for tr in cat.tracks if goal and tr.id == goal.track_id), None)
    current_group = next(
        (g.code for g in cat.steering_groups if goal and g.id == goal.steering_group_id), None
    )
    current_national = (
        cat.national_goals[goal.national_goal_id].number if goal and goal.national_goal_id else None
    )
    with st.form(key):
        st.markdown(f"**{t('admin.edit.goal' if goal else 'admin.add.goal', lang)}**")
        code = goal.code if goal else st.text_input(col("code", lang), key=f"{key}-code")
        title = st.text_input(col("title", lang), goal.title if goal else "", key=f"{key}-title")
        title_en = st.text_input(
            col("title_en", lang), (goal.title_en or "") if goal else "", key=f"{key}-title_en"
        )
        c1, c2 = st.columns(2)
        description = c1.text_area(
            col("description", lang),
            (goal.description or "") if goal else "",
            key=f"{key}-description",
        )
        description_en = c2.text_area(
            col("description_en", lang),
            (goal.description_en or "") if goal else "",
            key=f"{key}-description_en",
        )
        c1, c2, c3 = st.columns(3)
        track = c1.selectbox(
            col("track", lang),
            track_codes,
            index=track_codes.index(current_track) if current_track in track_codes else 0,
            key=f"{key}-track",
        )
        group = c2.selectbox(
            col("steering_group", lang),
            group_codes,
            index=group_codes.index(current_group) if current_group in group_codes else 0,
            key=f"{key}-group",
        )
        number = c3.selectbox(
            col("national_goal", lang),
            national,
            index=national.index(current_national),
            format_func=lambda n: "–" if n is None else f"{n}. {name_of(by_number[n], lang)}",
            key=f"{key}-national",
        )
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if not submitted:
        return
    fields = {
        "title": title,
        "title_en": opt(title_en),
        "description": opt(description),
        "description_en": opt(description_en),
        "track": track,
        "steering_group": group,
        "national_goal": number,
    }
    common = {"actor": page.actor, "lang": lang}
    if goal:
        write(
            page,
            lambda s: catalogue_edit.edit_goal(session=s, code=goal.code, **fields, **common),
            t("admin.saved", lang, what=goal.code),
        )
    else:
        write(
            page,
            lambda s: catalogue_edit.add_goal(session=s, code=code, **fields, **common),
            t("admin.added", lang, what=code),
        )


def revision_history(page: PageContext, criterion_code: str) -> pd.DataFrame:
    """Every revision of a criterion, newest first, as the secretariat reads them."""
    lang = page.lang

    def query(session: Session) -> list[dict[str, Any]]:
        rows = []
        for revision, view in catalogue_edit.criterion_history(session, criterion_code):
            rows.append(
                {
                    col("revision", lang): revision.revision,
                    col("valid_from", lang): format_date(revision.valid_from, lang),
                    col("text", lang): name_of(revision, lang, "text"),
                    col("indicator", lang): view["indicator"],
                    col("group", lang): view["group"] or f"{view['gap_a']} − {view['gap_b']}",
                    col("baseline", lang): view["baseline"],
                    col("target_type", lang): t(f"admin.target.{view['target_type']}", lang)
                    if view["target_type"]
                    else "–",
                    col("target_value", lang): view["target_value"],
                    col("target_period", lang): view["target_period"],
                    col("areas", lang): catalogue_sheets.label_of("areas", view["areas"], lang),
                    col("note", lang): name_of(revision, lang, "note"),
                    t("admin.created_by", lang): revision.created_by,
                    t("admin.created_at", lang): format_datetime(revision.created_at, lang)
                    if revision.created_at
                    else "",
                }
            )
        return rows

    return pd.DataFrame(read(page, query))


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
        view = read(page, lambda s: catalogue_edit.criterion_view(s, code))
    key = f"admin-revision-{code or 'new-' + str(goal)}"
    indicators = [i.code for i in cat.indicators.values()]
    groups = ["", *(g.code for g in cat.groups.values())]
    target_types = ["", "absolute", "relative", "points"]
    with st.form(key):
        st.markdown(f"**{t('admin.revise' if code else 'admin.add.criterion', lang)}**")
        new_code = "" if code else st.text_input(col("code", lang), key=f"{key}-code")
        valid_from = st.date_input(
            col("valid_from", lang),
            dt.date.today(),
            format=date_input_format(lang),
            key=f"{key}-from",
        )
        text = st.text_area(col("text", lang), view.get("text") or "", key=f"{key}-text")
        text_en = st.text_area(
            col("text_en", lang), view.get("text_en") or "", key=f"{key}-text_en"
        )
        c1, c2, c3 = st.columns(3)
        indicator = c1.selectbox(
            col("indicator", lang),
            indicators,
            index=indicators.index(view["indicator"]) if view.get("indicator") in indicators else 0,
            key=f"{key}-indicator",
        )
        group = c2.selectbox(
            col("group", lang),
            groups,
            index=groups.index(view.get("group") or ""),
            key=f"{key}-group",
        )
        baseline = c3.text_input(
            col("baseline", lang), view.get("baseline") or "", key=f"{key}-baseline"
        )
        c1, c2 = st.columns(2)
        gap_a = c1.selectbox(
            col("gap_a", lang),
            groups,
            index=groups.index(view.get("gap_a") or ""),
            key=f"{key}-gap_a",
        )
        gap_b = c2.selectbox(
            col("gap_b", lang),
            groups,
            index=groups.index(view.get("gap_b") or ""),
            key=f"{key}-gap_b",
        )
        c1, c2, c3 = st.columns(3)
        target_type = c1.selectbox(
            col("target_type", lang),
            target_types,
            index=target_types.index(view.get("target_type") or ""),
            format_func=lambda k: t(f"admin.target.{k}", lang) if k else "–",
            key=f"{key}-target_type",
        )
        value = view.get("target_value")
        target_value = c2.text_input(
            col("target_value", lang),
            "" if value is None else f"{value:g}",
            key=f"{key}-target_value",
        )
        target_period = c3.text_input(
            col("target_period", lang), view.get("target_period") or "", key=f"{key}-period"
        )
        areas = st.text_input(
            col("areas", lang),
            catalogue_sheets.label_of("areas", view.get("areas", "clusters"), lang),
            help=t("admin.areas.help", lang),
            key=f"{key}-areas",
        )
        c1, c2 = st.columns(2)
        note = c1.text_input(col("note", lang), view.get("note") or "", key=f"{key}-note")
        note_en = c2.text_input(
            col("note_en", lang), view.get("note_en") or "", key=f"{key}-note_en"
        )
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
        "text_en": opt(text_en),
        "indicator": indicator,
        "group": group_value,
        "gap_a": gap_a or None,
        "gap_b": gap_b or None,
        "baseline": baseline,
        "target_type": target_type or None,
        "target_value": opt(target_value),
        "target_period": opt(target_period),
        "areas": areas,
        "note": opt(note),
        "note_en": opt(note_en),
        "actor": page.actor,
        "lang": lang,
    }
    if code:
        write(
            page,
            lambda s: catalogue_edit.revise_criterion(session=s, code=code, **fields),
            t("admin.revised", lang, what=code),
        )
    else:
        write(
            page,
            lambda s: catalogue_edit.add_criterion(session=s, goal=goal, code=new_code, **fields),
            t("admin.added", lang, what=new_code),
        )


def _national(cat, national_goal_id: int | None, lang: str) -> str | None:
    """'2. Flere kræftpatienter overlever' – a national goal by number and name."""
    national = cat.national_goals.get(national_goal_id) if national_goal_id else None
    return f"{national.number}. {name_of(national, lang)}" if national else None
