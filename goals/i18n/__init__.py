"""Danish and English texts, and number/date formatting per language.

Texts live in the modules of this package, one per part of the product (`ui`, `workbook`,
`status`, …), each a dict ``TEXTS = {key: {"da": ..., "en": ...}}``. `t` looks them up and
fills in ``{placeholders}``. Danish is the default; a missing English text falls back to Danish.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from babel.numbers import format_decimal

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


def all_keys() -> list[str]:
    return sorted(_texts())


def locale(lang: str | None) -> str:
    return "da_DK" if language(lang) == "da" else "en_GB"


def format_number(value: float | None, decimals: int = 1, lang: str | None = "da") -> str:
    """12.5 → '12,5' in Danish, '12.5' in English; None or NaN → '–'."""
    if value is None or value != value:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def name_of(obj: object, lang: str | None, field: str = "name") -> str:
    """The English name of a catalogue object when English is chosen and one exists."""
    if language(lang) == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return english
    return getattr(obj, field)
