"""The tab "Audit trail": every recorded change, filtered, and exported as CSV or .xlsx with
formulas made inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pandas as pd
import streamlit as st
from openpyxl import Workbook
from openpyxl.styles import Font

from goals import access
from goals.i18n import date_input_format, format_datetime, has_text, t
from goals.spreadsheet.write import csv_text, safe_cell
from goals.store.model import AuditEvent
from goals.ui.admin.common import XLSX_MIME, read
from goals.ui.frame.layout import PageContext


def action_label(action: str, lang: str) -> str:
    key = f"admin.action.{action}"
    try:
        return t(key, lang)
    except KeyError:
        return action


def _detail_text(detail: str, lang: str = "da") -> str:
    """An event's detail in words: each field by its name in the reader's language, a file's
    checksum shortened, counts as 'ny 3, ændret 1'."""
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return detail
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        if key == "changes" and isinstance(value, dict):
            parts += [
                f"{_label(k, lang)}: {_short(o, lang)} → {_short(n, lang)}"
                for k, (o, n) in value.items()
            ]
        elif key == "sha256" and isinstance(value, str):
            parts.append(f"{_label(key, lang)}: {value[:12]}…")
        else:
            parts.append(f"{_label(key, lang)}: {_short(value, lang)}")
    return "; ".join(parts)


def _label(key: str, lang: str) -> str:
    """A detail's field name in words (the admin's column names, then the audit's own)."""
    for text in (f"admin.detail.{key}", f"admin.col.{key}"):
        if has_text(text):
            return t(text, lang)
    return key.replace("_", " ")


def _short(value: Any, lang: str = "da") -> str:
    if value is None:
        return "–"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{_label(str(k), lang).lower()} {v}" for k, v in value.items())
    return str(value)


def audit_frame(events: list[AuditEvent], lang: str) -> pd.DataFrame:
    """The audit events as the table shows and exports them (newest first)."""
    columns = [t(f"admin.audit.{c}", lang) for c in ("at", "actor", "action", "target", "detail")]
    return pd.DataFrame(
        [
            [
                format_datetime(e.at, lang, seconds=True),
                e.actor,
                action_label(e.action, lang),
                e.target or "",
                _detail_text(e.detail, lang),
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
    events = read(page, lambda s: access.audit_events(s))
    actors = sorted({e.actor for e in events}, key=str.casefold)
    actions = sorted({e.action for e in events})
    c1, c2, c3, c4 = st.columns([2, 2, 2, 2])
    who = c1.multiselect(
        t("admin.audit.filter_actor", lang),
        actors,
        key="admin-audit-actor",
        placeholder=t("ui.choose_many", lang),
    )
    what = c2.multiselect(
        t("admin.audit.filter_action", lang),
        actions,
        placeholder=t("ui.choose_many", lang),
        format_func=lambda a: action_label(a, lang),
        key="admin-audit-action",
    )
    today = dt.date.today()
    span = c3.date_input(
        t("admin.audit.filter_dates", lang),
        (today - dt.timedelta(days=365), today),
        format=date_input_format(lang),
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
