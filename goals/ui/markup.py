"""Text that people wrote (or imported), made safe to place in HTML that Streamlit also reads as
markdown: HTML is escaped, and so is what markdown would turn into a live image or link, so an
assessment text with a blank line and ``![x](http://…)`` stays text — never a picture loaded
from another host (a tracking pixel) nor a "Log ind her" link pointing anywhere."""

from __future__ import annotations

import re

# The HTML specials as html.escape writes them; brackets, without which markdown makes no link,
# image or Streamlit directive (:red[…]); and newlines, so that no blank line can end the HTML
# block and hand the rest to markdown (CSS white-space: pre-line shows them as line breaks).
_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
        "[": "&#91;",
        "]": "&#93;",
        "\n": "&#10;",
        "\r": "",
    }
)
# What GitHub-flavoured markdown links by itself: http://…, https://…, www.…
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")


def esc(text: object) -> str:
    """`text` as inert HTML text (also in attributes), also where Streamlit reads the HTML as
    markdown."""
    escaped = str(text).translate(_TABLE)
    if "//" in escaped or "www" in escaped.lower():
        escaped = _AUTOLINK.sub(lambda m: "&#58;" if m.group(1) else "&#46;", escaped)
    return escaped
