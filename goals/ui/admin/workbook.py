"""The tab "Catalogue workbook": download the catalogue as a workbook, upload it edited, see the
preview (changes old → new, problems by cell) and apply it."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from goals.catalogue import sheets as catalogue_sheets
from goals.catalogue.sheets import CatalogueImportResult
from goals.i18n import t
from goals.ui.admin.common import FLASH, XLSX_MIME, col, plain
from goals.ui.frame import context, dom
from goals.ui.frame.layout import PageContext
from goals.workbook import FILE_TYPES, annotate_workbook, annotated_filename


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
    upload = dom.file_uploader(
        t("admin.workbook.upload", lang), types=FILE_TYPES, key="admin-workbook-upload"
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
            st.session_state[FLASH] = applied.message
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
                        col("code", lang): c.subject,
                        t("admin.workbook.column", lang): c.field,
                        t("admin.workbook.old", lang): c.old or "",
                        t("admin.workbook.new", lang): c.new,
                        col("note", lang): c.note,
                    }
                    for c in result.changes
                ]
            ),
            hide_index=True,
            width="stretch",
        )
