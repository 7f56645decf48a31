"""Status workbooks (statusark): template, reading, validation, preview, apply, rollback, export.

The contract with steering groups is docs/workbook.md. Pages and the CLI call only the
functions exported here; none of them imports Streamlit.
"""

from __future__ import annotations

from goals.spreadsheet.cells import Problem
from goals.spreadsheet.read import SUPPORTED_SUFFIXES
from goals.workbook.annotate import annotate_workbook, annotated_filename
from goals.workbook.apply import Change, ImportResult, SheetSummary, import_workbook
from goals.workbook.export import export_workbook
from goals.workbook.history import (
    RollbackResult,
    UploadInfo,
    list_uploads,
    rollback_upload,
    upload_file,
)
from goals.workbook.rights import may_download, may_roll_back
from goals.workbook.template import write_template


def upload_limit_mb(lang: str = "da") -> str:
    """The largest workbook an upload may be, in MB, as a page says it ('20', '2,5')."""
    from goals import config
    from goals.i18n import format_exact

    return format_exact(round(config.settings().upload_limit_bytes / 2**20, 1), lang)


#: The file types an upload field offers (without the dot), the reader's list.
FILE_TYPES = [suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES]

__all__ = [
    "FILE_TYPES",
    "Change",
    "ImportResult",
    "Problem",
    "RollbackResult",
    "SheetSummary",
    "UploadInfo",
    "annotate_workbook",
    "annotated_filename",
    "export_workbook",
    "import_workbook",
    "list_uploads",
    "may_download",
    "may_roll_back",
    "rollback_upload",
    "upload_file",
    "upload_limit_mb",
    "write_template",
]
