"""Meetings: the Direktørforum's meeting cycle (docs/meetings.md).

A meeting (a forum, a date, a title, an agenda) is created and edited by the secretariat;
frozen, it keeps every status row and the values behind them as shown then (`core`), so that
the pages, the deck and ``status --meeting N`` show exactly that afterwards. `changes` says
what moved since; `actions` holds its decisions and actions and their follow-up; `summary`
writes the one page for recipients.
"""

from goals.meetings.actions import ActionView, actions, add_action, update_action
from goals.meetings.changes import Changes, meeting_changes, since_previous
from goals.meetings.core import (
    DEFAULT_FORUM,
    FORUMS,
    MeetingError,
    MeetingView,
    annotate_meeting,
    create_meeting,
    edit_meeting,
    freeze_meeting,
    frozen_report,
    frozen_rows,
    get_meeting,
    list_meetings,
    previous_frozen,
    write_frozen_json,
)
from goals.meetings.summary import Summary, meeting_summary, summary_bytes

__all__ = [
    "DEFAULT_FORUM",
    "FORUMS",
    "ActionView",
    "Changes",
    "MeetingError",
    "MeetingView",
    "Summary",
    "actions",
    "add_action",
    "annotate_meeting",
    "create_meeting",
    "edit_meeting",
    "freeze_meeting",
    "frozen_report",
    "frozen_rows",
    "get_meeting",
    "list_meetings",
    "meeting_changes",
    "meeting_summary",
    "previous_frozen",
    "since_previous",
    "summary_bytes",
    "update_action",
    "write_frozen_json",
]
