"""Danish and English texts, and number/date formatting per language.

Texts live in the modules of this package, one per part of the product (`ui`, `workbook`,
`status`, …), each a dict ``TEXTS = {key: {"da": ..., "en": ...}}``. `t` looks them up and
fills in ``{placeholders}``. Danish is the default; a missing English text falls back to Danish.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from functools import cache

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


@cache
def _texts() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in pkgutil.iter_modules(__path__):
        texts = getattr(importlib.import_module(f"{__name__}.{module.name}"), "TEXTS", {})
        duplicate = merged.keys() & texts.keys()
        if duplicate:
            raise RuntimeError(f"text keys defined twice: {sorted(duplicate)}")
        merged.update(texts)
    return merged


def language(lang: str | None) -> str:
    """A supported language code; anything else means the default (Danish)."""
    lang = (lang or "").lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The text `key` in `lang`, with ``{placeholders}`` filled from `values`."""
    entry = _texts().get(key)
    if entry is None:
        raise KeyError(f"no text '{key}'")
    text = entry.get(language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    return key in _texts()


def locale(lang: str | None) -> str:
    return "da_DK" if language(lang) == "da" else "en_GB"


_DANISH_SEPARATORS = str.maketrans(",.", ".,")


def format_number(value: float | None, decimals: int = 1, lang: str | None = "da") -> str:
    """12.5 → '12,5' and 1234.5 → '1.234,5' in Danish, '1,234.5' in English; None/NaN → '–'.

    Python's own formatting (correctly rounded) with the separators swapped for Danish: it
    runs for every number on every page, and babel's pattern machinery costs 20× as much.
    """
    if value is None or value != value:
        return "–"
    text = f"{value:,.{max(int(decimals), 0)}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0,0"
    return text.translate(_DANISH_SEPARATORS) if language(lang) == "da" else text


def format_exact(value: float | None, lang: str | None = "da") -> str:
    """A number with as many decimals as it has (up to 10): what someone typed, unrounded."""
    if value is None or value != value:
        return "–"
    value = float(value)
    if abs(value) >= 1e15:  # beyond what any statistic holds: '1e+308', not 309 digits
        text = f"{value:.10g}"
        return text.replace(".", ",") if language(lang) == "da" else text
    decimals = 0
    while decimals < 10 and round(value, decimals) != value:
        decimals += 1
    return format_number(value, decimals, lang)


def format_whole(value: float, lang: str | None = "da") -> str:
    """A whole number with thousands separators: 1.000.000 (da), 1,000,000 (en)."""
    return format_number(int(value), 0, lang)


def format_date(value: dt.date | None, lang: str | None = "da") -> str:
    """A day as people write it: 31-03-2027 (da), 2027-03-31 (en); '–' for none."""
    if value is None:
        return "–"
    return value.strftime("%d-%m-%Y") if language(lang) == "da" else value.isoformat()


def date_input_format(lang: str | None = "da") -> str:
    """How a date field shows its date, as `format_date` writes it (Streamlit's notation)."""
    return "DD-MM-YYYY" if language(lang) == "da" else "YYYY-MM-DD"


#: The time zone every time is shown in (times are stored in UTC).
LOCAL_TIME = "Europe/Copenhagen"


def format_datetime(
    value: dt.datetime | None, lang: str | None = "da", *, seconds: bool = False
) -> str:
    """A moment as people read it, in Danish time (Europe/Copenhagen; a naive value is UTC, as
    the store keeps it): '05-12-2026 11:36' (da), '2026-12-05 11:36' (en); '–' for none."""
    if value is None:
        return "–"
    from zoneinfo import ZoneInfo

    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(ZoneInfo(LOCAL_TIME))
    day = "%d-%m-%Y" if language(lang) == "da" else "%Y-%m-%d"
    return local.strftime(f"{day} %H:%M{':%S' if seconds else ''}")


def format_amount(value: float | None, lang: str | None = "da") -> str:
    """An amount in kroner: '250.000 kr.' (da), 'DKK 250,000' (en); øre only when there are
    some ('1.234,50 kr.')."""
    if value is None or value != value:
        return "–"
    decimals = 0 if round(value, 2) == round(value) else 2
    text = format_number(value, decimals, lang).replace("-", "−")
    return f"{text} kr." if language(lang) == "da" else f"DKK {text}"


def format_amount_short(value: float | None, lang: str | None = "da", unit: bool = True) -> str:
    """An amount rounded for a headline or a chart: '14,8 mio. kr.', '950.000 kr.' (da);
    'DKK 14.8m', 'DKK 950,000' (en). Tables show `format_amount`'s exact figure."""
    if value is None or value != value:
        return "–"
    da = language(lang) == "da"
    if abs(value) >= 1_000_000:
        millions = round(value / 1_000_000, 1)
        number = format_number(millions, 0 if millions == int(millions) else 1, lang)
        number = number.replace("-", "−")
        text = f"{number} mio." if da else f"{number}m"
    else:
        text = format_number(value, 0, lang).replace("-", "−")
    if not unit:
        return text
    return f"{text} kr." if da else f"DKK {text}"


def format_signed(value: float | None, decimals: int, lang: str | None = "da") -> str:
    """A change with its sign ('+0,4', '−1,2', with a real minus): `decimals` decimals, or up
    to two more where that would round a real change to 0."""
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return "–"
    shown = decimals
    while shown < decimals + 2 and value != 0 and round(abs(value), shown) == 0:
        shown += 1
    text = format_number(value, shown, lang).replace("-", "−")
    return "+" + text if round(value, shown) > 0 else text


def name_of(obj: object, lang: str | None, field: str = "name") -> str:
    """The English name of a catalogue object when English is chosen and one exists."""
    if language(lang) == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return english
    return getattr(obj, field)
