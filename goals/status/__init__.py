"""What values mean: the status of every success criterion × area, its reasoning, and the roll-ups.

The methods are pure modules: `progress` (the Open SDG measure), `verdicts` (certainty and the
one roll-up rule), `compare` (the region and the recent trend). Assessing them over the store:

* `assessment` – `assess`: every criterion × area of the catalogue, from one query per batch of
  criteria (`values`), one `criterion` in one area at a time, and the roll-ups; `assess_rows`:
  the same rows one at a time, without the roll-ups (memory bounded by one batch);
* `report` – the result: `StatusRow`, `StatusReport`, `status_label`;
* `reasons` – why a status is what it is, in words, and changes in the indicator's unit;
* `messages` – the roll-ups in words: support, counts, the front page's key messages;
* `overview` – the clusters × tracks grid of the front page;
* `freshness` and `own` – the latest uploads; the steering groups' own assessments and initiatives.

The names below are the package's interface (`from goals.status import assess`).
"""

from goals.status.assessment import UnknownArea, assess, assess_rows, assessment_plan
from goals.status.messages import (
    KeyMessage,
    combine_rows,
    key_messages,
    message_text,
    shared_verdict,
    status_counts,
    support_text,
)
from goals.status.reasons import REASON_CODES, change_unit, format_change
from goals.status.report import RECORD_KEYS, StatusReport, StatusRow, status_label
from goals.status.values import values_query

__all__ = [
    "REASON_CODES",
    "RECORD_KEYS",
    "KeyMessage",
    "StatusReport",
    "StatusRow",
    "UnknownArea",
    "assess",
    "assess_rows",
    "assessment_plan",
    "change_unit",
    "combine_rows",
    "format_change",
    "key_messages",
    "message_text",
    "shared_verdict",
    "status_counts",
    "status_label",
    "support_text",
    "values_query",
]
