"""The pieces of the upload page: template, preview (counts, changes, errors), history."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from goals import workbook
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.i18n import name_of, t
from goals.ui import context

MAX_CHANGES_SHOWN = 500
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_download(cat: Catalogue, actor: Actor | None, lang: str) -> None:
    groups = {g.code: name_of(g, lang) for g in cat.steering_groups}
    own = [g.code for g in cat.steering_groups if actor and g.id in actor.steering_group_ids]
    codes = list(groups)
    index = codes.index(own[0]) if own else 0
    column, button = st.columns([2, 1], vertical_alignment="bottom")
    code = column.selectbox(
        t("upload.steering_group", lang), codes, index=index, format_func=groups.__getitem__,
        key="upload-template-group",
    )  # fmt: skip
    content = _template(context.data_version(), code, lang)
    button.download_button(
        t("upload.template_button", lang),
        content,
        file_name=f"statusark_{code.lower()}.xlsx",
        mime=_XLSX,
        key="upload-template",
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _template(version: tuple, code: str, lang: str) -> bytes:
    return workbook.write_template(engine=context.engine(), steering_group=code, lang=lang)


def preview(engine, content: bytes, filename: str, user: str, lang: str) -> workbook.ImportResult:
    """The dry-run result for this file, kept for the session until the data change, so that
    clicking around the page does not read a large file again."""
    key = (hashlib.sha256(content).hexdigest(), filename, user, lang, context.data_version())
    kept = st.session_state.get("upload-preview")
    if kept and kept[0] == key:
        return kept[1]
    result = workbook.import_workbook(
        engine=engine, content=content, filename=filename, user=user, dry_run=True, lang=lang
    )
    st.session_state["upload-preview"] = (key, result)
    return result


def counts_table(result: workbook.ImportResult, lang: str) -> None:
    rows = [
        {
            t("upload.counts.sheet", lang): s.name,
            t("upload.counts.new", lang): s.new,
            t("upload.counts.changed", lang): s.changed,
            t("upload.counts.unchanged", lang): s.unchanged,
            t("upload.counts.rejected", lang): s.rejected,
            t("upload.counts.skipped", lang): s.skipped,
        }
        for s in result.sheets
        if not s.ignored
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for note in result.notes:
        st.info(note)


def errors_table(result: workbook.ImportResult, content: bytes, filename: str, lang: str) -> None:
    st.error(t("upload.errors.title", lang, n=len(result.errors)))
    frame = pd.DataFrame(
        [
            {
                t("upload.errors.cell", lang): e.cell,
                t("upload.errors.column", lang): e.column,
                t("upload.errors.value", lang): e.value,
                t("upload.errors.message", lang): e.message,
            }
            for e in result.errors
        ]
    )
    # st.dataframe renders cell text as text: markup in a file can never run here
    st.dataframe(frame, hide_index=True, width="stretch")
    if any(e.cell for e in result.errors):
        annotated = workbook.annotate_workbook(content, result.errors, filename, lang=lang)
        st.download_button(
            t("upload.annotated", lang),
            annotated,
            file_name=workbook.annotated_filename(filename),
            mime=_XLSX,
            key="upload-annotated",
        )


def changes_table(result: workbook.ImportResult, lang: str) -> None:
    changes = result.changes
    if not changes:
        return
    st.markdown(f"**{t('upload.changes.title', lang, n=len(changes))}**")
    shown = changes[:MAX_CHANGES_SHOWN]
    frame = pd.DataFrame(
        [
            {
                t("upload.changes.kind", lang): t(f"upload.changes.kind.{c.kind}", lang),
                t("upload.errors.cell", lang): c.cell,
                t("upload.changes.subject", lang): c.subject,
                t("upload.changes.old", lang): c.old or "",
                t("upload.changes.new", lang): c.new,
            }
            for c in shown
        ]
    )
    kind = t("upload.changes.kind", lang)
    changed = t("upload.changes.kind.changed", lang)
    styled = frame.style.apply(
        lambda row: ["background-color: #FFF3C4" if row[kind] == changed else "" for _ in row],
        axis=1,
    )
    st.dataframe(styled, hide_index=True, width="stretch")
    if len(changes) > len(shown):
        st.caption(t("upload.changes.more", lang, shown=len(shown), n=len(changes)))


def history(actor: Actor | None, lang: str) -> None:
    uploads = workbook.list_uploads(engine=context.engine())
    if not uploads:
        st.caption(t("upload.history.empty", lang))
        return
    frame = pd.DataFrame(
        [
            {
                t("upload.history.id", lang): u.id,
                t("upload.history.when", lang): u.created_at.astimezone().strftime(
                    "%Y-%m-%d %H:%M"
                ),
                t("upload.history.user", lang): u.user,
                t("upload.history.file", lang): u.filename,
                t("upload.history.state", lang): t(f"upload.state.{u.state}", lang),
                t(
                    "upload.history.counts", lang
                ): f"{u.counts.get('new', 0)} / {u.counts.get('changed', 0)}",
            }
            for u in uploads
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    by_id = {u.id: u for u in uploads}
    chosen = st.selectbox(
        t("upload.history.pick", lang),
        list(by_id),
        format_func=lambda i: f"{i} · {by_id[i].filename} · {by_id[i].user}",
        key="upload-history-pick",
    )
    if chosen is None:
        return
    original = workbook.upload_file(engine=context.engine(), upload_id=chosen)
    if original:
        st.download_button(
            t("upload.history.download", lang), original[1], file_name=original[0],
            key=f"upload-original-{chosen}",
        )  # fmt: skip
    upload = by_id[chosen]
    may_roll_back = actor is not None and (actor.may_administer() or upload.user == actor.name)
    if upload.state == "applied" and may_roll_back:
        _rollback(chosen, actor, lang)


def _rollback(upload_id: int, actor: Actor, lang: str) -> None:
    engine = context.engine()
    check = workbook.rollback_upload(
        engine=engine, upload_id=upload_id, user=actor.name, lang=lang, dry_run=True
    )
    if check.status == "refused":
        st.warning(check.message)
        return
    st.caption(check.message)
    if st.button(
        t("upload.rollback.confirm", lang, upload_id=upload_id), key=f"rollback-{upload_id}"
    ):
        result = workbook.rollback_upload(
            engine=engine, upload_id=upload_id, user=actor.name, lang=lang
        )
        context.forget_cached_data()
        (st.success if result.status == "rolled_back" else st.error)(result.message)
