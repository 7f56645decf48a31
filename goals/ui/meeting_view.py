"""The Møder page (and the administration page's "Møder" tab): a meeting's first screen is what
moved since the previous meeting; then the status as frozen at the meeting, its decisions and
actions with their follow-up, and the summary for recipients.

Everything is read and written through `goals.meetings`, which checks the admin right itself
and records the audit event; the page collects input and shows results. Text people typed is
shown escaped (`esc`) or in tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from goals.i18n import date_input_format, format_date, format_datetime, format_exact, name_of, t
from goals.meetings import (
    FORUMS,
    ActionView,
    Changes,
    MeetingError,
    MeetingView,
    Summary,
    actions,
    add_action,
    annotate_meeting,
    create_meeting,
    edit_meeting,
    freeze_meeting,
    list_meetings,
    meeting_changes,
    meeting_summary,
    summary_bytes,
    update_action,
)
from goals.status.overview import grid_model
from goals.ui import overview_view
from goals.ui.admin.common import write_through
from goals.ui.frame import context, urlstate
from goals.ui.frame.layout import PageContext
from goals.ui.markup import esc

FLASH = "meeting-flash"
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}
STATUSES = ("open", "in_progress", "closed")


def _date(value: dt.date, lang: str) -> str:
    return format_date(value, lang)


def _write(page: PageContext, action: Callable[[], Any], done: str) -> None:
    write_through(page, action, done, (MeetingError,), FLASH)


# The changes and the summary read the whole store (seconds at 10×): once per data version.
@context.versioned_cache(max_entries=8)
def _changes(version: tuple, meeting_id: int, since_previous: bool, lang: str) -> Changes:
    return meeting_changes(
        engine=context.engine(), meeting_id=meeting_id, since_previous=since_previous, lang=lang
    )


@context.versioned_cache(max_entries=4)
def _summary(version: tuple, meeting_id: int, lang: str) -> Summary:
    return meeting_summary(engine=context.engine(), meeting_id=meeting_id, lang=lang)


def _is_admin(page: PageContext) -> bool:
    return page.actor is not None and page.actor.may_administer()


def show(page: PageContext) -> None:
    """The Møder page below its title."""
    lang = page.lang
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(esc(flash))
    meetings = list_meetings(engine=page.engine, lang=lang)
    if not meetings:
        st.info(t("meetings.none", lang), icon=":material/event:")
        if _is_admin(page):
            create_form(page)
        return
    chosen = urlstate.select(
        "meeting",
        {str(m.id): f"{_date(m.held_on, lang)} · {m.title}" for m in meetings},
        label=t("meetings.pick", lang),
    )
    meeting = next(m for m in meetings if str(m.id) == chosen)
    header(meeting, lang)
    changes_section(page, meeting)
    status_section(page, meeting)
    actions_section(page, meeting)
    summary_section(page, meeting)
    if _is_admin(page):
        with st.expander(t("meetings.admin", lang), icon=":material/edit_calendar:"):
            admin_forms(page, meeting)


def header(meeting: MeetingView, lang: str) -> None:
    st.subheader(meeting.title, anchor=False)
    state = (
        t("meetings.frozen_at", lang, at=format_datetime(meeting.frozen_at, lang))
        if meeting.frozen_at
        else t("meetings.not_frozen", lang)
    )
    agenda = _agenda_text(meeting, lang)
    overview_view.note(f"{meeting.forum_name} · {_date(meeting.held_on, lang)} · {state}")
    if agenda:
        overview_view.note(agenda)
    for at, by, text in meeting.notes:
        st.info(esc(f"{text} ({by}, {format_datetime(at, lang)})"), icon=":material/sticky_note_2:")


def _agenda_text(meeting: MeetingView, lang: str) -> str:
    cat = context.catalogue()
    parts = []
    for key in ("clusters", "tracks", "goals"):
        codes = meeting.agenda.get(key) or []
        if not codes:
            continue
        if key == "clusters":
            names = [name_of(cat.area(c), lang) if cat.area(c) else c for c in codes]
        else:
            names = codes
        parts.append(f"{t(f'meetings.agenda.{key}', lang)}: {', '.join(names)}")
    return " · ".join(parts)


def changes_section(page: PageContext, meeting: MeetingView) -> None:
    """What moved since the previous meeting (for a frozen meeting), or since the latest frozen
    meeting up to now (for one not yet frozen)."""
    lang = page.lang
    st.markdown(f"#### {esc(t('meetings.changes.title', lang))}")
    if meeting.frozen:
        found = _changes(context.data_version(), meeting.id, True, lang)
        if found.to is None:
            overview_view.note(t("meeting.summary.no_previous", lang))
            return
    else:
        earlier = [m for m in list_meetings(engine=page.engine, lang=lang) if m.frozen]
        if not earlier:
            overview_view.note(t("meeting.summary.no_previous", lang))
            return
        found = _changes(context.data_version(), earlier[0].id, False, lang)
    changes_view(found, lang)


def changes_view(found: Changes, lang: str) -> None:
    cat = context.catalogue()
    title = (
        t(
            "meeting.changes.to_meeting",
            lang,
            date=_date(found.date, lang),
            to=_date(found.to_date, lang),
        )
        if found.to_date
        else t("meeting.changes.title", lang, date=_date(found.date, lang))
    )
    st.markdown(f"**{esc(title)}**")
    for line in found.headline(lang):
        st.markdown(f"- {esc(line)}")

    def area(code: str) -> str:
        found_area = cat.area(code)
        return name_of(found_area, lang) if found_area else code

    def verdict(state: dict | None) -> str:
        return t(f"status.{state['verdict']}", lang) if state else "–"

    if found.changed:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("meetings.col.criterion", lang): c["criterion"],
                        t("meetings.col.area", lang): area(c["area"]),
                        t("meetings.col.before", lang): verdict(c["before"]),
                        t("meetings.col.after", lang): verdict(c["after"]),
                        t("meetings.col.latest", lang): _latest(c["before"], c["after"], lang),
                    }
                    for c in found.changed
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    if found.revised_values:
        st.markdown(f"**{esc(t('meetings.revised.title', lang))}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("meetings.col.indicator", lang): v["indicator"],
                        t("meetings.col.area", lang): area(v["area"]),
                        t("meetings.col.period", lang): v["period"],
                        t("meetings.col.group", lang): v["group"],
                        t("meetings.col.before", lang): format_exact(v["before"], lang),
                        t("meetings.col.after", lang): format_exact(v["after"], lang)
                        if v["after"] is not None
                        else t("meeting.changes.withdrawn", lang),
                        t("meetings.col.upload", lang): v["upload_id"],
                    }
                    for v in found.revised_values
                ]
            ),
            hide_index=True,
            width="stretch",
        )


def _latest(before: dict | None, after: dict | None, lang: str) -> str:
    def one(state: dict | None) -> str:
        if not state or state.get("latest_value") is None:
            return "–"
        return f"{state['latest_period']}: {state['latest_value']:g}".replace(
            ".", "," if lang == "da" else "."
        )

    return f"{one(before)} → {one(after)}"


def status_section(page: PageContext, meeting: MeetingView) -> None:
    """The overview as it was shown at the meeting (frozen), or as it stands now."""
    lang = page.lang
    if not meeting.frozen:
        overview_view.note(t("meetings.status.live", lang))
        return
    st.markdown(f"#### {esc(t('meetings.status.title', lang))}")
    params = {"meeting": str(meeting.id), **({"lang": lang} if lang != "da" else {})}
    links = st.columns(3)
    for column, (file, key) in zip(
        links,
        (
            ("pages/overblik.py", "meetings.open.overview"),
            ("pages/klynge.py", "meetings.open.cluster"),
            ("pages/praesentation.py", "meetings.open.present"),
        ),
        strict=True,
    ):
        if overview_view.page_exists(file):
            column.page_link(
                file, label=t(key, lang), icon=":material/ac_unit:", query_params=params
            )
    report = context.meeting_report(meeting.id, lang)
    grid = grid_model(report, page.catalogue, lang)
    overview_view.inject_css()
    overview_view.messages(grid, None, lang)
    overview_view.headline(grid, lang)
    overview_view.grid(grid, None, lang)


def action_frame(found: list[ActionView], lang: str, *, with_meeting: bool = False) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "#": a.id,
                **(
                    {
                        t(
                            "meetings.col.meeting", lang
                        ): f"{_date(a.meeting_date, lang)} · {a.meeting_title}"
                    }
                    if with_meeting
                    else {}
                ),
                t("meetings.col.kind", lang): a.kind_label(lang),
                t("meetings.col.text", lang): a.text,
                t("meetings.col.subject", lang): " · ".join(x for x in (a.goal, a.area) if x),
                t("meetings.col.owner", lang): a.owner or "",
                t("meetings.col.due", lang): _date(a.due_on, lang) if a.due_on else "",
                t("meetings.col.status", lang): a.status_label(lang),
            }
            for a in found
        ]
    )


def actions_section(page: PageContext, meeting: MeetingView) -> None:
    lang = page.lang
    st.markdown(f"#### {esc(t('meeting.summary.decisions', lang))}")
    found = actions(engine=page.engine, meeting_id=meeting.id)
    if found:
        st.dataframe(action_frame(found, lang), hide_index=True, width="stretch")
    else:
        overview_view.note(t("meeting.summary.no_decisions", lang))
    earlier = actions(engine=page.engine, open_only=True, before_meeting=meeting.id)
    if earlier:
        st.markdown(f"**{esc(t('meeting.summary.open_earlier', lang))}**")
        st.dataframe(
            action_frame(earlier, lang, with_meeting=True), hide_index=True, width="stretch"
        )
    if _is_admin(page):
        action_forms(page, meeting, [*found, *earlier])


def action_forms(page: PageContext, meeting: MeetingView, found: list[ActionView]) -> None:
    lang, cat = page.lang, page.catalogue
    left, right = st.columns(2)
    with left.expander(t("meetings.action.add", lang), icon=":material/add_task:"):
        with st.form(f"meeting-{meeting.id}-action"):
            kind = st.radio(
                t("meetings.col.kind", lang),
                ("decision", "action"),
                format_func=lambda k: t(f"meeting.kind.{k}", lang),
                horizontal=True,
            )
            text = st.text_area(t("meetings.col.text", lang))
            goal = st.selectbox(
                t("meetings.col.goal", lang),
                ["", *(g.code for g in cat.goals)],
                format_func=lambda c: c or "–",
            )
            area = st.selectbox(
                t("meetings.col.cluster", lang),
                ["", *(a.code for a in cat.clusters)],
                format_func=lambda c: name_of(cat.area(c), lang) if c else "–",
            )
            owner = st.text_input(t("meetings.col.owner", lang))
            due = st.date_input(
                t("meetings.col.due", lang), value=None, format=date_input_format(lang)
            )
            submitted = st.form_submit_button(t("meetings.save", lang), type="primary")
        if submitted:
            _write(
                page,
                lambda: add_action(
                    engine=page.engine,
                    actor=page.actor,
                    meeting_id=meeting.id,
                    text=text,
                    kind=kind,
                    goal=goal or None,
                    area=area or None,
                    owner=owner,
                    due_on=due,
                    lang=lang,
                ),
                t("meetings.action.added", lang),
            )
    if not found:
        return
    with right.expander(t("meetings.action.follow_up", lang), icon=":material/task_alt:"):
        with st.form(f"meeting-{meeting.id}-follow-up"):
            chosen = st.selectbox(
                t("meetings.action.pick", lang),
                found,
                format_func=lambda a: f"#{a.id} {a.text[:60]}",
            )
            status = st.radio(
                t("meetings.col.status", lang),
                STATUSES,
                format_func=lambda s: t(f"meeting.action.{s}", lang),
                horizontal=True,
            )
            submitted = st.form_submit_button(t("meetings.save", lang), type="primary")
        if submitted:
            _write(
                page,
                lambda: update_action(
                    engine=page.engine,
                    actor=page.actor,
                    action_id=chosen.id,
                    status=status,
                    lang=lang,
                ),
                t("meetings.action.updated", lang),
            )


def summary_section(page: PageContext, meeting: MeetingView) -> None:
    lang = page.lang
    st.markdown(f"#### {esc(t('meetings.summary.title', lang))}")
    overview_view.note(t("meetings.summary.help", lang))
    summary = _summary(context.data_version(), meeting.id, lang)
    columns = st.columns(3)
    name = f"moede-{meeting.id}-{meeting.held_on.isoformat()}"
    for column, fmt in zip(columns, ("pdf", "docx", "txt"), strict=True):
        column.download_button(
            t(f"meetings.summary.{fmt}", lang),
            data=lambda fmt=fmt: summary_bytes(summary, f"x.{fmt}"),
            file_name=f"{name}.{fmt}",
            mime=MIME[fmt],
            key=f"meeting-summary-{fmt}",
            on_click="ignore",
            width="stretch",
        )
    with st.expander(t("meetings.summary.email", lang)):
        st.code(summary.text(), language=None)


def create_form(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    with st.form("meeting-new"):
        st.markdown(f"**{esc(t('meetings.new', lang))}**")
        title = st.text_input(t("meetings.col.title", lang))
        held_on = st.date_input(t("meetings.col.date", lang), format=date_input_format(lang))
        forum = st.selectbox(
            t("meetings.col.forum", lang), list(FORUMS), format_func=lambda f: FORUMS[f][lang]
        )
        clusters = st.multiselect(
            t("meetings.agenda.clusters", lang),
            [a.code for a in cat.clusters],
            placeholder=t("ui.choose_many", lang),
            format_func=lambda c: name_of(cat.area(c), lang),
        )
        tracks = st.multiselect(
            t("meetings.agenda.tracks", lang),
            [tr.code for tr in cat.tracks],
            placeholder=t("ui.choose_many", lang),
            format_func=lambda c: next(name_of(tr, lang) for tr in cat.tracks if tr.code == c),
        )
        submitted = st.form_submit_button(t("meetings.create", lang), type="primary")
    if submitted:
        _write(
            page,
            lambda: create_meeting(
                engine=page.engine,
                actor=page.actor,
                title=title,
                held_on=held_on,
                forum=forum,
                clusters=clusters,
                tracks=tracks,
                lang=lang,
            ),
            t("meetings.created", lang, title=title),
        )


def admin_forms(page: PageContext, meeting: MeetingView | None) -> None:
    """The secretariat's forms: a new meeting; for the chosen one, its title and date (until
    frozen), freezing it, and notes."""
    lang = page.lang
    create_form(page)
    if meeting is None:
        return
    if not meeting.frozen:
        with st.form(f"meeting-{meeting.id}-edit"):
            st.markdown(f"**{esc(t('meetings.edit', lang, title=meeting.title))}**")
            title = st.text_input(t("meetings.col.title", lang), meeting.title)
            held_on = st.date_input(
                t("meetings.col.date", lang), meeting.held_on, format=date_input_format(lang)
            )
            submitted = st.form_submit_button(t("meetings.save", lang))
        if submitted:
            _write(
                page,
                lambda: edit_meeting(
                    engine=page.engine,
                    actor=page.actor,
                    meeting_id=meeting.id,
                    title=title,
                    held_on=held_on,
                    lang=lang,
                ),
                t("meetings.saved", lang),
            )
        st.warning(esc(t("meetings.freeze.help", lang)), icon=":material/ac_unit:")
        if st.button(
            t("meetings.freeze", lang), key=f"meeting-{meeting.id}-freeze", type="primary"
        ):
            _write(
                page,
                lambda: freeze_meeting(
                    engine=page.engine, actor=page.actor, meeting_id=meeting.id, lang=lang
                ),
                t("meetings.frozen", lang, title=meeting.title),
            )
    with st.form(f"meeting-{meeting.id}-note"):
        note = st.text_area(t("meetings.note", lang))
        submitted = st.form_submit_button(t("meetings.note.add", lang))
    if submitted:
        _write(
            page,
            lambda: annotate_meeting(
                engine=page.engine, actor=page.actor, meeting_id=meeting.id, text=note, lang=lang
            ),
            t("meetings.note.added", lang),
        )


def admin_tab(page: PageContext) -> None:
    """The administration page's "Møder" tab: the same forms as on the Møder page."""
    lang = page.lang
    meetings = list_meetings(engine=page.engine, lang=lang)
    if meetings:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "#": m.id,
                        t("meetings.col.date", lang): _date(m.held_on, lang),
                        t("meetings.col.forum", lang): m.forum_name,
                        t("meetings.col.title", lang): m.title,
                        t("meetings.col.frozen", lang): format_datetime(m.frozen_at, lang)
                        if m.frozen_at
                        else "",
                    }
                    for m in meetings
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        chosen = st.selectbox(
            t("meetings.pick", lang),
            meetings,
            format_func=lambda m: f"{_date(m.held_on, lang)} · {m.title}",
            key="admin-meeting",
        )
    else:
        chosen = None
    admin_forms(page, chosen)


def open_actions(page: PageContext, *, goal: str | None = None, area: str | None = None) -> None:
    """The open actions of meetings on a goal or a cluster (the goal's and cluster's pages)."""
    found = actions(engine=page.engine, goal=goal, area=area, open_only=True)
    if not found:
        return
    lang = page.lang
    with st.expander(t("meetings.open_actions", lang, n=len(found)), icon=":material/task:"):
        st.dataframe(action_frame(found, lang, with_meeting=True), hide_index=True, width="stretch")
