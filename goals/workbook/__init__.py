"""Status workbooks (statusark): template, reading, validation, preview, apply, rollback, export.

The contract with steering groups is docs/workbook.md. Pages and the CLI call only the
functions exported here; none of them imports Streamlit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from goals.spreadsheet.read import SUPPORTED_SUFFIXES

#: Where each exported name lives. A name is imported when first used (PEP 562), so that
#: ``python -m goals import`` does not load the template's, export's and annotation's
#: spreadsheet writer (openpyxl) it never uses.
_HOMES = {
    "Problem": "goals.spreadsheet.cells",
    "annotate_workbook": "goals.workbook.annotate",
    "annotated_filename": "goals.workbook.annotate",
    "Change": "goals.workbook.apply",
    "ImportResult": "goals.workbook.apply",
    "SheetSummary": "goals.workbook.apply",
    "import_workbook": "goals.workbook.apply",
    "export_workbook": "goals.workbook.export",
    "RollbackResult": "goals.workbook.history",
    "UploadInfo": "goals.workbook.history",
    "list_uploads": "goals.workbook.history",
    "rollback_upload": "goals.workbook.history",
    "upload_file": "goals.workbook.history",
    "may_download": "goals.workbook.rights",
    "may_roll_back": "goals.workbook.rights",
    "write_template": "goals.workbook.template",
}

if TYPE_CHECKING:
    from goals.spreadsheet.cells import Problem
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'goals.workbook' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def upload_limit_mb(lang: str = "da") -> str:
    """The largest workbook an upload may be, in MB, as a page says it ('20', '2,5')."""
    from goals import config
    from goals.i18n import format_exact

    return format_exact(config.settings().upload_limit_mb, lang)


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
