"""Units of indicators, read from their text: a rate "pr. 1.000 borgere med KOL" (per K), a
count ("antal …"), a share in %."""

from __future__ import annotations

import re

_PER = re.compile(r"^\s*(?:pr\.?|per)\s*([\d.,\s]+\d)", re.IGNORECASE)


def per_unit(unit: str | None) -> float | None:
    """The K of a rate 'per K' unit ('pr. 1.000 borgere med KOL' → 1000); None otherwise."""
    if not unit:
        return None
    match = _PER.match(unit)
    if match is None:
        return None
    digits = re.sub(r"[.,\s]", "", match.group(1))
    return float(digits) if digits.isdigit() and int(digits) > 0 else None


_COUNT_UNIT = re.compile(
    r"\s*(?:antal|number|count|borgere|indbyggere|personer|patienter|residents|citizens|"
    r"persons|people|patients)\b",
    re.IGNORECASE,
)
_PER_WORD = re.compile(r"\b(?:pr\.?|per)\s", re.IGNORECASE)


def is_count_unit(unit: str | None) -> bool:
    """True for a unit that counts something ('antal', 'Antal borgere', 'borgere', 'number of
    …'), not a ratio of counts ('borgere pr. læge')."""
    return bool(unit) and _COUNT_UNIT.match(unit) is not None and not _PER_WORD.search(unit)
