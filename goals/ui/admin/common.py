"""What every tab of the administration page shares: one write or read through the core, the
success message kept over the rerun, and text a person typed made safe for markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from goals import store
from goals.access import AccessError, PermissionDenied
from goals.catalogue import edit as catalogue_edit
from goals.catalogue.edit import CatalogueEditError
from goals.i18n import t
from goals.ui.frame import context
from goals.ui.frame.layout import PageContext

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlmodel import Session

#: where a write's success message waits for the rerun that shows it
FLASH = "admin-flash"
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


def write(page: PageContext, action: Callable[[Session], Any], done: str) -> Any:
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
    st.session_state[FLASH] = done
    st.rerun()
    return result  # pragma: no cover - st.rerun does not return


def write_through(
    page: PageContext,
    action: Callable[[], Any],
    done: str,
    refusals: tuple[type[Exception], ...],
    flash: str = FLASH,
) -> None:
    """Run one write of a core function that opens its own transaction (meetings, profiles);
    on success remember `done` under `flash` and rerun, else say why (AccessError,
    PermissionDenied, StoreError and the core's own `refusals`)."""
    try:
        action()
    except (AccessError, PermissionDenied) as exc:
        st.error(plain(exc.text(page.lang)))
        return
    except (*refusals, store.StoreError) as exc:
        st.error(plain(exc))
        return
    context.forget_cached_data()
    st.session_state[flash] = done
    st.rerun()


def opt(value: str) -> str | None:
    """A form's optional text: None when left empty."""
    value = (value or "").strip()
    return value or None


def read(page: PageContext, query: Callable[[Session], Any]) -> Any:
    """`query(session)` on a read session the core opens."""
    return store.reading(page.engine, query)


def col(field: str, lang: str) -> str:
    """A column's or field's label."""
    return t(f"admin.col.{field}", lang)
