"""After the meeting: a one-page summary for recipients — the key messages, what changed since
the previous meeting, the decisions and actions, and the actions still open from earlier
meetings — as plain text (for an e-mail), Word (.docx) and PDF.

The figures are the meeting's frozen status (or today's, said so, for a meeting not frozen).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath

from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import language, name_of, t
from goals.meetings.actions import ActionView, actions
from goals.meetings.changes import Changes, meeting_changes
from goals.meetings.core import MeetingError, MeetingView, frozen_report, get_meeting
from goals.status import assess, key_messages
from goals.status.report import StatusReport

__all__ = ["FORMATS", "Summary", "meeting_summary", "summary_bytes"]

FORMATS = (".pdf", ".docx", ".txt")


@dataclass
class Summary:
    meeting: MeetingView
    lang: str
    messages: list[str]
    changes: Changes | None
    decisions: list[ActionView]
    open_earlier: list[ActionView]

    @property
    def title(self) -> str:
        return t("meeting.summary.title", self.lang, title=self.meeting.title)

    @property
    def meta(self) -> str:
        m = self.meeting
        date = _date(m.held_on, self.lang)
        if m.frozen_at is None:
            return t("meeting.summary.not_frozen", self.lang, forum=m.forum_name, date=date)
        frozen = _date(m.frozen_at.date(), self.lang)
        return t("meeting.summary.meta", self.lang, forum=m.forum_name, date=date, frozen=frozen)

    def sections(self) -> list[tuple[str, list[str]]]:
        """(heading, paragraphs) in order: what every format writes."""
        lang = self.lang
        out: list[tuple[str, list[str]]] = [(t("meeting.summary.messages", lang), self.messages)]
        if self.changes is None:
            out.append(
                (t("meeting.summary.changes", lang), [t("meeting.summary.no_previous", lang)])
            )
        else:
            lines = self.changes.headline(lang)
            for change in self.changes.changed[:12]:
                before, after = change["before"], change["after"]
                lines.append(
                    f"{change['criterion']} ({change['area']}): "
                    f"{_verdict(before, lang)} → {_verdict(after, lang)}"
                )
            out.append((t("meeting.summary.changes", lang), lines))
        out.append(
            (
                t("meeting.summary.decisions", lang),
                [_action_line(a, lang) for a in self.decisions]
                or [t("meeting.summary.no_decisions", lang)],
            )
        )
        if self.open_earlier:
            out.append(
                (
                    t("meeting.summary.open_earlier", lang),
                    [_action_line(a, lang, with_meeting=True) for a in self.open_earlier],
                )
            )
        return out

    def text(self) -> str:
        parts = [self.title, self.meta, ""]
        for heading, lines in self.sections():
            parts += [heading, "-" * len(heading), *(f"- {line}" for line in lines), ""]
        return "\n".join(parts).rstrip() + "\n"


def _date(value, lang: str) -> str:  # type: ignore[no-untyped-def]
    return f"{value.day}. {_MONTHS[lang][value.month - 1]} {value.year}"


_MONTHS = {
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "en": "January February March April May June July August September October November December",
}
_MONTHS = {k: v.split() for k, v in _MONTHS.items()}  # type: ignore[misc]


def _verdict(state: dict | None, lang: str) -> str:
    if state is None:
        return "–"
    return t(f"status.{state['verdict']}", lang)


def _action_line(action: ActionView, lang: str, with_meeting: bool = False) -> str:
    subject = " · ".join(x for x in (action.goal, action.area) if x)
    head = f"{action.kind_label(lang)}{f' ({subject})' if subject else ''}: {action.text}"
    if action.kind == "action" or action.owner or action.due_on:
        head += " " + t(
            "meeting.summary.owner_due",
            lang,
            owner=action.owner or "–",
            due=_date(action.due_on, lang) if action.due_on else "–",
            status=action.status_label(lang),
        )
    if with_meeting:
        head += f" [{action.meeting_title}, {_date(action.meeting_date, lang)}]"
    return head


@store.reads
def meeting_summary(session: Session, meeting_id: int, lang: str = "da") -> Summary:
    lang = language(lang)
    meeting = get_meeting(session, meeting_id, lang)
    cat = Catalogue.load(session)
    report: StatusReport = (
        frozen_report(session, meeting_id, lang=lang, catalogue=cat)
        if meeting.frozen
        else assess(session=session, catalogue=cat, lang=lang)
    )
    messages = [m.text for m in key_messages(report, cat, lang)]
    changes = None
    if meeting.frozen:
        found = meeting_changes(session, meeting_id, since_previous=True, lang=lang)
        changes = found if found.to is not None else None
    return Summary(
        meeting=meeting,
        lang=lang,
        messages=messages or [name_of(cat.region, lang) if cat.region else "–"],
        changes=changes,
        decisions=actions(session, meeting_id=meeting_id),
        open_earlier=actions(session, open_only=True, before_meeting=meeting_id),
    )


def summary_bytes(summary: Summary, filename: str) -> bytes:
    """The summary in the format the file name asks for (.pdf, .docx or .txt)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".txt":
        return summary.text().encode("utf-8")
    if suffix == ".docx":
        return _docx(summary)
    if suffix == ".pdf":
        return _pdf(summary)
    raise MeetingError(t("meeting.summary.bad_format", summary.lang, suffix=suffix or filename))


def _docx(summary: Summary) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = summary.title
    document.core_properties.language = "da-DK" if summary.lang == "da" else "en-GB"
    document.add_heading(summary.title, level=1)
    meta = document.add_paragraph(summary.meta)
    meta.runs[0].font.size = Pt(10)
    for heading, lines in summary.sections():
        document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


#: Characters outside the PDF core fonts' Latin-1, written as their nearest equivalents.
_LATIN1 = str.maketrans({"−": "-", "→": "->", "–": "-", "—": "-", "…": "...", "·": "-", "’": "'"})


def _pdf(summary: Summary) -> bytes:
    from fpdf import FPDF

    def text(value: str) -> str:
        return value.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF(format="A4")
    pdf.set_title(text(summary.title))
    pdf.set_lang("da" if summary.lang == "da" else "en")
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, text(summary.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, text(summary.meta), new_x="LMARGIN", new_y="NEXT")
    for heading, lines in summary.sections():
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, text(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for line in lines:
            pdf.multi_cell(0, 5.5, text(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
