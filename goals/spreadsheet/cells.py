"""Cells of any spreadsheet, as people fill them in: problems named by their cell, numbers
written the Danish or the English way (thousands separators, thin spaces, percent signs,
markers for a value left out on purpose), text without control characters, and dates.

Vectorised helpers (`_Distinct`, `_Field`, `_numbers`) parse each distinct cell value of a
column once: a sheet may hold 100,000 rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from goals.i18n import t
from goals.names import name_key, name_keys
from goals.periods import Period, is_period_label, parse_period
from goals.spreadsheet.read import Cell, column_letters

# --- problems --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file, named the way a spreadsheet user finds it."""

    sheet: str
    cell: str  # "Indikatorer!E14"; "" when the whole file is meant
    column: str  # the column's header as written in the file
    value: str  # the value found, as text
    message: str  # what is wrong and what to write instead

    def __str__(self) -> str:
        return f"{self.cell}: {self.message}" if self.cell else self.message

    def to_dict(self) -> dict[str, str]:
        return {
            "sheet": self.sheet,
            "cell": self.cell,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


def sheet_ref(sheet: str) -> str:
    """The sheet name as it appears in a cell reference (quoted when it needs to be)."""
    if re.fullmatch(r"[^\W\d]\w*", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def cell_ref(sheet: str, row: int, col: int) -> str:
    """0-based row and column → 'Indikatorer!E14'."""
    return f"{sheet_ref(sheet)}!{column_letters(col)}{row + 1}"


def row_list(rows: Iterable[Any], limit: int = 8) -> str:
    """Excel row numbers compactly: '5–12, 20, 31–33' (ranges of consecutive rows)."""
    numbers = sorted({int(r) for r in rows})
    if not numbers:
        return ""
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    text = ", ".join(spans[:limit])
    return text + (" …" if len(spans) > limit else "")


def display(value: Any) -> str:
    """A cell value as a person would read it back."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "SAND" if value else "FALSK"
    if isinstance(value, float):
        # whole numbers without '.0' — but 1E+308 as 1e+308, not as its 309 digits
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


# --- reading cell values ----------------------------------------------------------------------

_DASHES = {"-", "–", "—", "..", "...", "…", "−"}
_MISSING_WORDS = {
    name_key(w)
    for w in (
        "n/a",
        "na",
        "nan",
        "Diskretioneret",
        "Diskretion",
        "diskr",
        "Udeladt",
        "Ikke oplyst",
        "Mangler",
        "Suppressed",
        "Missing",
        "Not available",
        "x",
    )
}
_TOTAL_WORDS = {name_key(w) for w in ("I alt", "Total", "Totalt", "Sum", "Samlet", "I alt:")}
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SPACE_GROUPS = re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?")


def _strip_apostrophe(text: str) -> str:
    """Text without the apostrophe that marks a typed number or period as text ("'14,2")."""
    text = text.strip()
    return text[1:].strip() if text.startswith("'") else text


def is_missing_marker(text: str) -> bool:
    """`-`, `..`, `n/a`, `Diskretioneret` …: no value, on purpose."""
    stripped = text.strip()
    return stripped in _DASHES or (
        bool(name_key(stripped)) and name_key(stripped) in _MISSING_WORDS
    )


# '12,5 %', '12,5%', '12,5 pct.', '12,5 procent'
_PERCENT_SUFFIX = re.compile(r"(?<=\d)\s*(?:%|pct\.?|procent)$", re.IGNORECASE)


# Spaces people (and Word, and web pages) put between thousands: no-break, narrow no-break,
# thin, figure and the other fixed-width spaces all read as a space; invisible format
# characters (zero-width space and joiners, word joiner, byte-order mark, soft hyphen, bidi
# marks) carry no meaning in a number and are dropped.
_NUMBER_SPACES = str.maketrans(
    dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f", " ")
    | dict.fromkeys(
        "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
    )
)


def _number_text(text: str) -> str:
    return text.translate(_NUMBER_SPACES).strip()


def parse_number_text(text: str) -> float | None:
    """'12,5' / '12.5' / '1.234,5' / '1 234,5' (any space) / '12,5 %' / '12,5 pct.' → float;
    None when it is not a number."""
    s = _number_text(text).replace("−", "-")
    s = _PERCENT_SUFFIX.sub("", s)
    if " " in s:
        if not _SPACE_GROUPS.fullmatch(s):
            return None
        s = s.replace(" ", "")
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        last = max(s.rfind(","), s.rfind("."))
        decimal, thousands = s[last], "." if s[last] == "," else ","
        whole = s[:last]
        if decimal in whole or not re.fullmatch(
            r"[+-]?\d{1,3}(?:" + re.escape(thousands) + r"\d{3})*", whole
        ):
            return None
        s = whole.replace(thousands, "") + "." + s[last + 1 :]
    elif commas:
        if commas > 1:
            if not re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+", s):
                return None
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif dots > 1:
        if not re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+", s):
            return None
        s = s.replace(".", "")
    if not _NUMBER_RE.fullmatch(s):
        return None
    value = float(s)
    return value if np.isfinite(value) else None


# C0 control characters no spreadsheet (and, for NUL, no PostgreSQL text) can hold; tab,
# newline and carriage return are kept. A vertical tab is Word's line break, a form feed its
# page break: both become a newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def clean_controls(text: str) -> str:
    """`text` without control characters (vertical tab and form feed become a newline)."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", text.translate(_BREAKS))


def clean_text(value: Any) -> str | None:
    """A text cell, stripped and without control characters; None when blank. A leading
    apostrophe that only protected = + - @ from being read as a formula is removed (the
    exporter's own protection is the quotePrefix style, which leaves no character behind)."""
    if value is None:
        return None
    text = clean_controls(display(value)).strip()
    if not text:
        return None
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


# '250.000 kr.', 'kr. 250.000', '250000 DKK', '250.000,-'
_CURRENCY = re.compile(r"^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk|,-|,–)$", re.IGNORECASE)
_MILLIONS = re.compile(r"\b(?:mio|mill?|mia|t\.?kr|tkr|tusind)\b", re.IGNORECASE)
_COMMA_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")
# Above this, no initiative's budget or spending in a cross-sector cooperation is real.
AMOUNT_MAX = 1e11


def parse_amount(value: Any) -> tuple[float | None, str | None]:
    """An amount in kroner from a cell: (amount, None), (None, None) for a blank cell, or
    (None, problem) with problem one of "not_number", "date", "millions", "negative",
    "too_large". '250.000' and '250,000' are 250,000 kr. (an amount has no third decimal, so the
    one separator can only group thousands); '0,5 mio. kr.' is refused rather than guessed at."""
    kind = _kind(value)
    if kind == _BLANK:
        return None, None
    if kind == _NUMBER:
        number = float(value)
        if not np.isfinite(number):
            return None, "not_number"
    elif kind == _TEXT:
        text = _strip_apostrophe(_number_text(value))
        if _MILLIONS.search(text):
            return None, "millions"
        text = _CURRENCY.sub("", text).strip()
        if ambiguous_thousands(text) or _COMMA_THOUSANDS.fullmatch(text):
            # '250.000' and '250,000': kroner have two decimals, so three digits after the one
            # separator can only be thousands, in either language
            text = text.replace(".", "").replace(",", "")
        number = parse_number_text(text)
        if number is None or "%" in text:
            return None, "not_number"
    else:
        return None, "date" if isinstance(value, dt.date) else "not_number"
    if number < 0:
        return None, "negative"
    if number > AMOUNT_MAX:
        return None, "too_large"
    return number, None


# kinds of distinct cell values
_BLANK, _NUMBER, _TEXT, _OTHER = 0, 1, 2, 3


def _kind(value: Any) -> int:
    # exact types: bool is an int subclass, and TRUE in a value cell is not the number 1
    kind = type(value)
    if kind is float or kind is int:
        return _BLANK if value != value else _NUMBER
    if kind is str:
        return _TEXT if value.strip() else _BLANK
    if value is None:
        return _BLANK
    return _OTHER


@dataclass
class _Distinct:
    """A column factorised: each row's code into the list of distinct values."""

    codes: np.ndarray
    uniques: np.ndarray  # object
    kinds: np.ndarray  # int8, one of _BLANK, _NUMBER, _TEXT, _OTHER per distinct value

    @classmethod
    def of(cls, values: np.ndarray) -> _Distinct:
        if not len(values):
            empty = np.empty(0, dtype=object)
            return cls(np.empty(0, dtype=np.intp), empty, np.empty(0, dtype=np.int8))
        codes, uniques = pd.factorize(values)  # missing values (None, NaN, NaT) coded -1
        uniques = np.asarray(uniques, dtype=object)
        missing = codes < 0
        if missing.any():
            # one distinct value (NaN) for them all, placed where it first occurs: what
            # use_na_sentinel=False gives, without its extra pass over every value
            first = int(np.argmax(missing))
            at = int(codes[:first].max()) + 1 if first else 0
            codes = np.where(missing, at, codes + (codes >= at))
            uniques = np.insert(uniques, at, np.nan)
        kinds = np.fromiter((_kind(u) for u in uniques), dtype=np.int8, count=len(uniques))
        return cls(codes, uniques, kinds)

    def map(self, func: Callable[[Any], Any]) -> np.ndarray:
        """func applied once per distinct value; returns the per-distinct results."""
        results = np.empty(len(self.uniques), dtype=object)
        results[:] = [func(u) for u in self.uniques]
        return results


@dataclass
class _Field:
    """One input column as parallel arrays: values and where each came from."""

    values: np.ndarray  # object
    rows: np.ndarray  # 0-based sheet row of each value
    cols: np.ndarray  # 0-based sheet column of each value
    headers: np.ndarray  # the column header each value sits under
    _distinct: _Distinct | None = None

    @property
    def distinct(self) -> _Distinct:
        if self._distinct is None:
            self._distinct = _Distinct.of(self.values)
        return self._distinct

    def blank(self) -> np.ndarray:
        d = self.distinct
        return (d.kinds == _BLANK)[d.codes]

    def map(self, func: Callable[[Any], Any]) -> np.ndarray:
        """func applied once per distinct value, mapped back to every row (object array)."""
        d = self.distinct
        return d.map(func)[d.codes]

    def take(self, mask: np.ndarray) -> _Field:
        d = self.distinct
        return _Field(
            self.values[mask],
            self.rows[mask],
            self.cols[mask],
            self.headers[mask],
            _Distinct(d.codes[mask], d.uniques, d.kinds),
        )

    def hits(self, cells: set[Cell]) -> np.ndarray:
        """Which rows sit in one of `cells` (sets from the reader are small or empty)."""
        if not cells:
            return np.zeros(len(self.rows), dtype=bool)
        return np.fromiter(
            ((r, c) in cells for r, c in zip(self.rows.tolist(), self.cols.tolist(), strict=True)),
            dtype=bool,
            count=len(self.rows),
        )


@dataclass
class _Numbers:
    values: np.ndarray  # float64, NaN where none
    reasons: np.ndarray  # object: missing-on-purpose marker text, else None
    bad: np.ndarray  # bool: not a number
    numeric_cell: np.ndarray  # bool: the cell held a number (not text)
    ambiguous: np.ndarray  # bool: text like '1.234' (1234 or 1,234?); also marked bad


# '1.234': a Danish thousands separator (1234) or a decimal point (1,234)? Only text with one
# dot, one to three digits before it (not a lone 0) and exactly three after it.
_DOT_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")


def ambiguous_thousands(text: str) -> bool:
    """True for text such as '1.234' that reads as 1234 in Danish and as 1.234 in English."""
    s = _PERCENT_SUFFIX.sub("", _number_text(text))
    return _DOT_THOUSANDS.fullmatch(s) is not None


def _parse_distinct_number(value: Any, whole: bool = False) -> tuple[float, str | None, bool, bool]:
    """(number or NaN, missing-on-purpose marker, bad, ambiguous) for one distinct cell value.

    With `whole` (counts), '1.234' is 1234: a count has no decimals, so only one reading fits.
    """
    kind = _kind(value)
    if kind == _BLANK:
        return np.nan, None, False, False
    if kind == _NUMBER:
        number = float(value)
        return (number, None, False, False) if np.isfinite(number) else (np.nan, None, True, False)
    if kind == _TEXT:
        value = _strip_apostrophe(value)
        if is_missing_marker(value):
            return np.nan, value.strip()[:100], False, False
        if ambiguous_thousands(value):
            number = parse_number_text(value.replace(".", ""))
            if whole and number is not None:
                return number, None, False, False
            return np.nan, None, True, True
        number = parse_number_text(value)
        return (np.nan, None, True, False) if number is None else (number, None, False, False)
    return np.nan, None, True, False  # dates, booleans, times


def _numbers(f: _Field, whole: bool = False) -> _Numbers:
    d = f.distinct
    size = len(d.uniques)
    u_values = np.full(size, np.nan)
    u_reasons = np.full(size, None, dtype=object)
    u_bad = np.zeros(size, dtype=bool)
    u_ambiguous = np.zeros(size, dtype=bool)
    # number cells all at once (a column may hold ~10,000 distinct numbers), as
    # _parse_distinct_number reads them: the number, or bad when not finite; blanks are NaN
    numeric = d.kinds == _NUMBER
    if numeric.any():
        numbers = np.array(d.uniques[numeric].tolist(), dtype=float)
        finite = np.isfinite(numbers)
        u_values[numeric] = np.where(finite, numbers, np.nan)
        u_bad[numeric] = ~finite
    for i in np.flatnonzero((d.kinds != _NUMBER) & (d.kinds != _BLANK)):
        u_values[i], u_reasons[i], u_bad[i], u_ambiguous[i] = _parse_distinct_number(
            d.uniques[i], whole
        )
    return _Numbers(
        u_values[d.codes],
        u_reasons[d.codes],
        u_bad[d.codes],
        (d.kinds == _NUMBER)[d.codes],
        u_ambiguous[d.codes],
    )


# --- header rows ---

# Rows searched for a header from the top of a sheet.
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ColumnSpec:
    field: str
    text_key: str  # its name in goals.i18n (Danish and English are both accepted)
    required: bool = False
    aliases: tuple[str, ...] = ()

    def name_keys(self) -> set[str]:
        names = [t(self.text_key, "da"), t(self.text_key, "en"), *self.aliases]
        return set().union(*(name_keys(n) for n in names))


@dataclass
class Header:
    row: int  # 0-based
    columns: dict[str, tuple[int, str]]  # field → (column index, header text)
    periods: list[tuple[int, str, Period]]  # wide layout: (column, header text, period)
    unused: list[str]


def find_header(
    rows: list[list[Any]],
    specs: Sequence[ColumnSpec],
    allow_wide: bool,
    quiet: frozenset[str] | set[str] = frozenset(),
) -> tuple[Header | None, list[tuple[int, int, str, str]]]:
    """The header row, and (row, col, header, other cell) for headers written twice."""
    by_key = {k: spec.field for spec in specs for k in spec.name_keys()}
    key_field = specs[0].field
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, tuple[int, str]] = {}
        twice: list[tuple[int, int, str, str]] = []
        periods: list[tuple[int, str, Period]] = []
        unused: list[str] = []
        texts = [display(cell) for cell in row]
        exact = {by_key.get(name_key(text)) for text in texts if text}
        for c, cell in enumerate(row):
            text = texts[c]
            if not text:
                continue
            key = name_key(text)
            matched = by_key.get(key)
            if matched is None and key not in quiet:
                # 'Værdi (%)' is Værdi — unless another column is called just 'Værdi'
                head = by_key.get(name_key(HEADER_REMARK.split(text, 1)[0]))
                matched = head if head not in exact else None
            if matched is not None:
                if matched in found:
                    twice.append((r, c, text, column_letters(found[matched][0]) + str(r + 1)))
                else:
                    found[matched] = (c, text)
            elif allow_wide and (label := period_header(cell)) is not None:
                periods.append((c, text, parse_period(label)))
            elif name_key(text) not in quiet:
                unused.append(text)
        if key_field in found and len(found) + (1 if periods else 0) >= 2:
            return Header(r, found, periods, unused), twice
    return None, []


# A header may carry a unit or a remark after the name: 'Værdi (%)', 'Periode\n(år)',
# 'Tæller, antal', 'Værdi [pct.]'. The name before it is matched when the whole is not.
HEADER_REMARK = re.compile(r"[(\[\n,]")
# A period header with a footnote mark or saying its figures are preliminary: '2022*',
# '2022¹', '2022 (foreløbig)', '2022 (foreløbige tal)'. Other remarks ('2025 (mål)') are not
# read: that column may hold targets, not values.
PERIOD_REMARK = re.compile(
    r"\s*(?:[(\[]\s*(?:forel|prel)[^()\[\]]*[)\]]|[*¹²³†]+)\s*$", re.IGNORECASE
)


def period_header(cell: Any) -> Any:
    """The period a wide-layout header names (the cell itself, or its text without a footnote
    mark or remark); None when it is not a period."""
    if is_period_label(cell):
        return cell
    if isinstance(cell, str):
        text = PERIOD_REMARK.sub("", cell.strip())
        if text and text != cell.strip() and is_period_label(text):
            return text
    return None


# --- dates ---

_DATE_PATTERNS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})"), ("d", "m", "y")),
)


def parse_date(value: Any) -> dt.date | None:
    """A date cell, or text such as 2023-03-31, 31-03-2023 or 31.3.2023; None if unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern, order in _DATE_PATTERNS:
        m = pattern.fullmatch(text.split(" ")[0] if " " in text else text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    return None
