"""Every status colour and symbol in one place: the verdicts' palette (also for comparisons
with the region), text symbols that need no emoji font, and the same symbols as inline SVG.

The colours were chosen so that every pair stays apart (CIEDE2000 ≥ 15) for normal vision and
simulated protanopia, deuteranopia and tritanopia, and each text colour has a contrast of at
least 4.5 : 1 on its fill (tests/unit/test_style.py); the symbol carries the meaning too.
"""

from __future__ import annotations

from typing import NamedTuple


class StatusStyle(NamedTuple):
    """How a status is shown: a fill colour (hex), a text symbol, the text colour on the fill,
    and the symbol as an inline SVG path (10 × 10, drawn in the text colour)."""

    colour: str
    icon: str
    ink: str = "#1A1A1A"
    svg: str = ""


# Symbols with a text presentation only (not emoji), so that they need no emoji font; in HTML
# the SVG path is drawn instead and needs no font at all.
_CHECK = '<path d="M1.5 5.2 4 7.8 8.6 2.2" fill="none" stroke="currentColor" stroke-width="1.8"/>'
_UP = '<path d="M5 1 9.3 8.8H.7Z" fill="currentColor"/>'
_DOT = '<circle cx="5" cy="5" r="3.8" fill="currentColor"/>'
_DOWN = '<path d="M.7 1.2h8.6L5 9Z" fill="currentColor"/>'
_APPROX = (
    '<path d="M1 4c1.3-1.6 2.7-1.6 4 0s2.7 1.6 4 0M1 7.4c1.3-1.6 2.7-1.6 4 0s2.7 1.6 4 0" '
    'fill="none" stroke="currentColor" stroke-width="1.4"/>'
)
_CROSS = '<path d="M2 2 8 8M8 2 2 8" fill="none" stroke="currentColor" stroke-width="1.9"/>'
_QUESTION = (
    '<path d="M3 3.6a2 2 0 1 1 2.6 1.9C5 5.8 5 6.2 5 7" fill="none" stroke="currentColor" '
    'stroke-width="1.4"/><circle cx="5" cy="8.9" r=".85" fill="currentColor"/>'
)

#: One colour, symbol and text colour per verdict (goals.status.verdicts.VERDICTS). The colours were
#: chosen so that every pair stays apart (CIEDE2000 ≥ 15) for normal vision and simulated
#: protanopia, deuteranopia and tritanopia — the best and the worst (achieved, deterioration)
#: ≥ 25, one bluish and one reddish in every simulation — and each text colour has a contrast of
#: at least 4.5 : 1 on its fill (tests/unit/test_style.py); the symbol carries the meaning too.
STATUS_STYLE: dict[str, StatusStyle] = {
    "target_achieved": StatusStyle("#0E5A65", "✓", "#FFFFFF", _CHECK),  # dark teal
    "on_track": StatusStyle("#5499F4", "▲", "#1A1A1A", _UP),  # blue
    "needs_acceleration": StatusStyle("#F1E372", "●", "#1A1A1A", _DOT),  # yellow
    "limited_progress": StatusStyle("#E48E09", "▼", "#1A1A1A", _DOWN),  # orange
    "uncertain": StatusStyle("#B2ADC3", "≈", "#1A1A1A", _APPROX),  # grey lilac
    "deterioration": StatusStyle("#AC1E04", "✗", "#FFFFFF", _CROSS),  # dark red
    "not_available": StatusStyle("#F4F4F4", "?", "#1A1A1A", _QUESTION),  # near white
}


def icon_svg(status: str, *, size: str = "0.95em") -> str:
    """The status symbol as inline SVG in the current text colour (no font needed)."""
    style = STATUS_STYLE.get(status, STATUS_STYLE["not_available"])
    return (
        f'<svg class="goals-icon" viewBox="0 0 10 10" width="{size}" height="{size}" '
        f'aria-hidden="true" focusable="false">{style.svg}</svg>'
    )


def _like(verdict: str, icon: str) -> StatusStyle:
    """A verdict's colour and text colour with another symbol."""
    style = STATUS_STYLE[verdict]
    return StatusStyle(style.colour, icon, style.ink)


#: Initiative statuses in the verdicts' palette, with their text colour on the fill (icon and
#: words carry the meaning too; text symbols only, never emoji).
INITIATIVE_STYLE: dict[str, StatusStyle] = {
    "completed": _like("target_achieved", "✓"),
    "in_progress": _like("on_track", "►"),
    "not_started": _like("not_available", "○"),
    "delayed": _like("limited_progress", "!"),
    "stopped": _like("deterioration", "■"),
}


#: Comparison with the region, in the same palette.
COMPARISON_STYLE: dict[str, StatusStyle] = {
    "better": StatusStyle("#5499F4", "▲", "#1A1A1A", _UP),
    "similar": StatusStyle("#F1E372", "●", "#1A1A1A", _DOT),
    "worse": StatusStyle("#AC1E04", "▼", "#FFFFFF", _DOWN),
    "higher": StatusStyle("#B2ADC3", "↑", "#1A1A1A"),
    "lower": StatusStyle("#B2ADC3", "↓", "#1A1A1A"),
    "not_compared": StatusStyle("#F4F4F4", "–", "#1A1A1A"),
}
