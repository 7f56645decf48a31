"""Indlæs statusark: template, upload, preview with errors and changes, confirm, history."""

import streamlit as st

from goals import workbook
from goals.i18n import t
from goals.ui import upload_view
from goals.ui.frame import context, dom, layout

page = layout.start_page(need="upload")
if page:
    lang, actor = page.lang, page.actor
    st.title(t("upload.title", lang))
    st.markdown(t("upload.intro", lang))

    st.subheader(t("upload.step.template", lang))
    upload_view.template_download(page.catalogue, actor, lang)

    st.subheader(t("upload.step.file", lang))
    file = dom.file_uploader(
        t("upload.file_label", lang, limit=workbook.upload_limit_mb(lang)),
        types=workbook.FILE_TYPES,
        key="upload-file",
    )
    if file is not None:
        content = file.getvalue()
        st.subheader(t("upload.step.preview", lang))
        applied = upload_view.applied(content, file.name)
        if applied is not None:
            # after Bekræft: what was stored, never the preview's "nothing saved yet"
            st.success(applied.message)
            for note in applied.notes:
                st.info(note)
            st.caption(t("upload.another", lang))
        else:
            preview = upload_view.preview(page.engine, content, file.name, actor.name, lang)
            upload_view.counts_table(preview, lang)
            if preview.errors:
                upload_view.errors_table(preview, content, file.name, lang)
            else:
                st.info(preview.message)
                upload_view.changes_table(preview, lang)
                label = "upload.confirm_nothing_new" if preview.nothing_new else "upload.confirm"
                something = preview.counts["unchanged"] or not preview.nothing_new
                if something and st.button(t(label, lang), type="primary", key="upload-confirm"):
                    result = workbook.import_workbook(
                        engine=page.engine, content=content, filename=file.name,
                        user=actor.name, lang=lang, confirm_sha256=preview.sha256,
                    )  # fmt: skip
                    context.forget_cached_data()
                    if result.status == "applied":
                        upload_view.remember_applied(content, file.name, result)
                        st.rerun()
                    upload_view.errors_table(result, content, file.name, lang)

    st.subheader(t("upload.step.history", lang))
    upload_view.history(page.catalogue, actor, lang)
