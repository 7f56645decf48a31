"""The pieces of the upload page: template, preview (counts, changes, errors), history."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from goals import workbook
from goals.access import Actor
from goals.catalogue import Catalogue
from goals.i18n import format_datetime, name_of, t
from goals.ui.frame import context
from goals.ui.markup import esc

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


@context.versioned_cache(max_entries=8, kind="data")
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


def remember_applied(content: bytes, filename: str, result: workbook.ImportResult) -> None:
    """Keep the applied result for this file, so the page shows it after the rerun."""
    st.session_state["upload-applied"] = (hashlib.sha256(content).hexdigest(), filename, result)
    st.session_state.pop("upload-preview", None)


def applied(content: bytes, filename: str) -> workbook.ImportResult | None:
    """The applied result if this very file was just confirmed in this session."""
    kept = st.session_state.get("upload-applied")
    if kept and kept[:2] == (hashlib.sha256(content).hexdigest(), filename):
        return kept[2]
    return None


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
    """New and changed rows, each with every field that changes as old → new (removed fields
    included), in a table whose text wraps: nothing needs sideways scrolling."""
    total = result.change_count  # a file may change 100,000 rows: only the shown are described
    if not total:
        return
    st.markdown(f"**{t('upload.changes.title', lang, n=total)}**")
    shown = result.first_changes(MAX_CHANGES_SHOWN)
    rows = "".join(_change_row(c, lang) for c in shown)
    head = "".join(
        f"<th scope='col'>{esc(t(key, lang))}</th>"
        for key in ("upload.changes.kind", "upload.errors.cell", "upload.changes.subject",
                    "upload.changes.fields")
    )  # fmt: skip
    st.html(
        f"<div class='mb-changes'><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>{_CHANGES_CSS}"
    )
    if total > len(shown):
        st.caption(t("upload.changes.more", lang, shown=len(shown), n=total))


_CHANGES_CSS = """<style>
.mb-changes {max-height: 32rem; overflow-y: auto;}
.mb-changes table {width: 100%; border-collapse: collapse; table-layout: auto;
  font-size: 0.9rem;}
.mb-changes th {position: sticky; top: 0; background: #F0F2F6; text-align: left;}
.mb-changes th, .mb-changes td {padding: 0.3rem 0.5rem; border-bottom: 1px solid #D5D8DE;
  vertical-align: top; overflow-wrap: anywhere;}
.mb-changes td:nth-child(-n+2), .mb-changes th:nth-child(-n+2) {white-space: nowrap;
  overflow-wrap: normal;}
.mb-changes td:nth-child(3) {width: 35%;}
.mb-changes tr.changed td:first-child {font-weight: 600;}
.mb-changes ul {margin: 0; padding-left: 1rem;}
.mb-changes li {margin: 0;}
.mb-changes .removed {font-weight: 600; color: #8A1C1C;}
@media (max-width: 640px) {
  .mb-changes thead {display: none;}
  .mb-changes tr {display: block; border-bottom: 1px solid #D5D8DE; padding: 0.3rem 0;}
  .mb-changes td, .mb-changes td:nth-child(3) {display: block; width: auto; border: none;
    padding: 0.1rem 0.5rem;}
}
</style>"""


def _change_row(change: workbook.Change, lang: str) -> str:
    removed = t("workbook.change.removed", lang)
    items = []
    for field, old, new in change.fields:
        new_html = f"<span class='removed'>{esc(new)}</span>" if new == removed else esc(new)
        text = f"{esc(old)} → {new_html}" if old else new_html
        items.append(f"<li>{esc(field)}: {text}</li>")
    kind = t(f"upload.changes.kind.{change.kind}", lang)
    return (
        f"<tr class='{esc(change.kind)}'><td>{esc(kind)}</td><td>{esc(change.cell)}</td>"
        f"<td>{esc(change.subject)}</td><td><ul>{''.join(items)}</ul></td></tr>"
    )


def _group_codes(cat: Catalogue, ids: frozenset[int]) -> str:
    codes = {g.id: g.code for g in cat.steering_groups}
    return ", ".join(codes[i] for i in sorted(ids) if i in codes)


def _when(moment: dt.datetime | None, lang: str = "da") -> str:
    return format_datetime(moment, lang) if moment else ""


def history(cat: Catalogue, actor: Actor | None, lang: str) -> None:
    """The upload history; the chosen upload (by default the user's own newest) can be
    downloaded by those who may, and rolled back in two steps."""
    done = st.session_state.pop("upload-rollback-done", None)
    if done:
        (st.success if done[0] == "rolled_back" else st.error)(done[1])
    uploads = workbook.list_uploads(engine=context.engine())
    if not uploads:
        st.caption(t("upload.history.empty", lang))
        return
    frame = pd.DataFrame(
        [
            {
                t("upload.history.id", lang): u.id,
                t("upload.history.when", lang): _when(u.created_at, lang),
                t("upload.history.user", lang): u.user,
                # the code keeps the table narrow; the rollback box names the group in full
                t("upload.history.group", lang): _group_codes(cat, u.steering_group_ids),
                t("upload.history.state", lang): t(f"upload.state.{u.state}", lang),
                t("upload.history.counts", lang): t(
                    "upload.history.counts_value",
                    lang,
                    new=u.counts.get("new", 0),
                    changed=u.counts.get("changed", 0),
                    unchanged=u.counts.get("unchanged", 0),
                ),
                # last: a long name may run past the edge; the choice below shows it whole
                t("upload.history.file", lang): u.filename,
            }
            for u in uploads
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    by_id = {u.id: u for u in uploads}
    own = [u.id for u in uploads if _own(actor, u)]
    ids = list(by_id)
    chosen = st.selectbox(
        t("upload.history.pick", lang),
        ids,
        index=ids.index(own[0]) if own else 0,
        format_func=lambda i: t(
            "upload.history.option",
            lang,
            id=i,
            file=by_id[i].filename,
            user=by_id[i].user,
            when=_when(by_id[i].created_at, lang),
            own=t("upload.history.own", lang) if i in own else "",
        ),
        # a new upload (or rollback) starts a new choice: the user's own newest again
        key=f"upload-history-pick-{ids[0]}-{sum(u.state == 'applied' for u in uploads)}",
    )
    if chosen is None:
        return
    upload = by_id[chosen]
    if workbook.may_download(actor, upload):
        original = workbook.upload_file(
            engine=context.engine(), upload_id=chosen, user=actor.name if actor else None
        )
        if original:
            st.download_button(
                t("upload.history.download", lang), original[1], file_name=original[0],
                key=f"upload-original-{chosen}",
            )  # fmt: skip
    if actor is not None and workbook.may_roll_back(actor, upload):
        _rollback(chosen, actor, lang)


def _own(actor: Actor | None, upload: workbook.UploadInfo) -> bool:
    if actor is None:
        return False
    if actor.demo:  # no accounts in demo mode: the name is all there is
        return upload.user == actor.name
    return actor.id is not None and upload.user_id == actor.id


def _rollback(upload_id: int, actor: Actor, lang: str) -> None:
    """Two steps: a button that asks, then a box that names file, steering group, uploader and
    how many values change, with the confirming button and a way back."""
    engine = context.engine()
    pending = st.session_state.get("upload-rollback-pending")
    if pending != upload_id:
        if st.button(t("upload.rollback.button", lang, upload_id=upload_id),
                     key=f"rollback-ask-{upload_id}", icon=":material/undo:"):  # fmt: skip
            st.session_state["upload-rollback-pending"] = upload_id
            st.rerun()
        return
    check = workbook.rollback_upload(
        engine=engine, upload_id=upload_id, user=actor.name, lang=lang, dry_run=True
    )
    with st.container(border=True):
        st.markdown(f"**{esc(t('upload.rollback.title', lang, upload_id=upload_id))}**")
        facts = [
            (t("upload.history.file", lang), check.filename),
            (t("upload.history.group", lang), ", ".join(check.steering_groups) or "–"),
            (t("upload.rollback.by", lang), f"{check.user} · {_when(check.created_at, lang)}"),
        ]
        st.markdown("\n".join(f"- {esc(label)}: {esc(value)}" for label, value in facts))
        if check.status == "refused":
            st.warning(check.message)
            if st.button(t("upload.cancel", lang), key=f"rollback-cancel-{upload_id}"):
                st.session_state.pop("upload-rollback-pending", None)
                st.rerun()
            return
        st.info(check.message)
        yes, no = st.columns(2)
        confirmed = yes.button(
            t("upload.rollback.confirm", lang, upload_id=upload_id), type="primary",
            key=f"rollback-{upload_id}",
        )  # fmt: skip
        cancelled = no.button(t("upload.cancel", lang), key=f"rollback-cancel-{upload_id}")
    if cancelled:
        st.session_state.pop("upload-rollback-pending", None)
        st.rerun()
    if confirmed:
        result = workbook.rollback_upload(
            engine=engine, upload_id=upload_id, user=actor.name, lang=lang
        )
        context.forget_cached_data()
        st.session_state.pop("upload-rollback-pending", None)
        st.session_state["upload-rollback-done"] = (result.status, result.message)
        st.rerun()
