"""Matching the names people type against catalogue names, and "did you mean" suggestions."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_DANISH_SHORT = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ß": "ss"})


def _fold(text: str, table: dict[int, str]) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold().translate(table)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in text if c.isalnum())


# Memoised: the same few hundred catalogue names and spreadsheet labels are folded again on every
# catalogue load and in every row of a workbook.
@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Case-, accent-, space- and punctuation-insensitive key: 'Midt-klyngen' → 'midtklyngen'."""
    return _fold(text, _DANISH)


@functools.lru_cache(maxsize=1 << 16)
def name_keys(text: str) -> frozenset[str]:
    """Every key a name may be written as (ø as 'oe' or as 'o')."""
    return frozenset((_fold(text, _DANISH), _fold(text, _DANISH_SHORT)))


#: Words that say what kind of area a name is, not which one (as name keys).
_GENERIC = re.compile(r"klyngen|klynge|kommune|region")


def _core(key: str) -> str:
    """A name key without its generic words: 'midtklyngen' and 'klyngemidt' → 'midt'."""
    return _GENERIC.sub("", key)


@dataclass
class NameIndex(Generic[T]):
    """Look up catalogue objects by code, name or alias, whatever the spelling."""

    _by_key: dict[str, T] = field(default_factory=dict)
    _ambiguous: set[str] = field(default_factory=set)
    _labels: dict[str, str] = field(default_factory=dict)  # name key → label suggestions show

    def add(self, item: T, *names: str | None, label: str | None = None) -> None:
        for name in names:
            if not name:
                continue
            for key in name_keys(name):
                if not key:
                    continue
                existing = self._by_key.get(key)
                if existing is not None and existing != item:
                    self._ambiguous.add(key)
                self._by_key[key] = item
            if label and name_key(name):
                self._labels.setdefault(name_key(name), label)

    def get(self, text: object) -> T | None:
        """The object named by `text`, or None when unknown or ambiguous."""
        if text is None:
            return None
        for key in name_keys(str(text)):
            if key in self._by_key and key not in self._ambiguous:
                return self._by_key[key]
        return None

    def suggest(self, text: object, n: int = 3) -> list[str]:
        """Labels of the closest known names, best first (for "mente du …?")."""
        wanted = name_key(str(text))
        if not wanted:
            return []
        scored: dict[str, float] = {}
        core = _core(wanted)
        for key, label in self._labels.items():
            ratio = difflib.SequenceMatcher(None, wanted, key).ratio()
            # the same name around another generic word: 'Midtklyngen' for 'Klynge Midt'
            if core and core == _core(key):
                ratio = max(ratio, 0.95)
            # also reward names that contain the typed text ("viborg" in "viborgkommune")
            if len(wanted) >= 3 and wanted in key:
                ratio = max(ratio, 0.8)
            if ratio >= 0.6:
                scored[label] = max(scored.get(label, 0.0), ratio)
        return [label for label, _ in sorted(scored.items(), key=lambda kv: -kv[1])[:n]]

    def labels(self) -> Iterable[str]:
        return dict.fromkeys(self._labels.values()).keys()
