"""Checking a read workbook against the catalogue: every problem in the file at once.

The Indikatorer sheet can hold 100,000 rows, so it is checked column by column with pandas:
each distinct text (indicator, area, period, group) is looked up once and mapped back, and
problems are only built for the rows that have them. Indsatser and Vurdering are small and are
checked row by row.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from goals.catalogue import Catalogue
from goals.i18n import format_date, format_whole, name_of, t
from goals.names import NameIndex, name_key, name_keys
from goals.periods import Frequency, Period, PeriodError, parse_period, period_of
from goals.spreadsheet.cells import (
    _BLANK,
    _PERCENT_SUFFIX,
    _TOTAL_WORDS,
    AMOUNT_MAX,
    HEADER_SEARCH_ROWS,
    ColumnSpec,
    Header,
    Problem,
    _Field,
    _kind,
    _Numbers,
    _numbers,
    _strip_apostrophe,
    cell_ref,
    clean_text,
    display,
    find_header,
    parse_amount,
    parse_date,
    row_list,
)
from goals.spreadsheet.read import RawSheet, RawWorkbook
from goals.store.model import Indicator, InitiativeStatus, TrafficLight
from goals.units import is_count_unit, per_unit

NOTE_MAX = 4000  # longest comment / status text kept
NAME_MAX = 300  # initiative names (column size in the store)
SHORT_MAX = 200  # responsible

# --- plausibility: what no real indicator figure can be ---------------------------------------
# An indicator value describes what has happened: its period must start in a year from
# PERIOD_WINDOW[0] up to the current year + PERIOD_WINDOW[1]. 1900 (a date cell holding 0 or
# 1) or 2150 is a typing error, not a figure. Checked for Indikatorer only.
PERIOD_WINDOW = (1990, 1)
# No value, confidence limit, numerator or denominator is larger than this (in absolute
# value), whatever the unit: 1E+308 is a typing or export error, and overflows the arithmetic.
VALUE_MAX_ABS = 1e12
# A rate 'pr. K …' / 'per K …' (goals.units.per_unit) lies from 0 to RATE_MAX_EVENTS × K:
# more than 1,000 events per person is not a rate anyone reports.
RATE_MAX_EVENTS = 1000


# A unit that counts things ('antal', 'antal indlæggelser'): never negative.
def period_window(today: dt.date | None = None) -> tuple[int, int]:
    """The first and the last year an indicator value's period may start in."""
    first, ahead = PERIOD_WINDOW
    return first, (today or dt.date.today()).year + ahead


# --- columns and sheets ----------------------------------------------------------------------


INDICATOR_COLUMNS = (
    ColumnSpec("indicator", "workbook.col.indicator", True, ("Indikatorkode", "Indicator code")),
    ColumnSpec(
        "area",
        "workbook.col.area",
        True,
        ("Klynge", "Cluster", "Geografi", "Geography", "Kommune", "Municipality"),
    ),
    ColumnSpec("period", "workbook.col.period", True, ("Tidsperiode", "År", "Year")),
    ColumnSpec("group", "workbook.col.group", False, ("Opdeling", "Breakdown", "Delgruppe")),
    ColumnSpec("value", "workbook.col.value", True, ("Resultat", "Result")),
    ColumnSpec("numerator", "workbook.col.numerator", False, ("Taeller",)),
    ColumnSpec("denominator", "workbook.col.denominator", False, ("Naevner",)),
    ColumnSpec("lower", "workbook.col.lower", False, ("Nedre grænse", "Lower limit", "CI lower")),
    ColumnSpec("upper", "workbook.col.upper", False, ("Øvre grænse", "Upper limit", "CI upper")),
    ColumnSpec("comment", "workbook.col.comment", False, ("Note", "Bemærkning", "Bemærkninger")),
)
INITIATIVE_COLUMNS = (
    ColumnSpec("goal", "workbook.col.goal", True, ("Fælles mål", "Shared goal", "Målsætning")),
    ColumnSpec("name", "workbook.col.initiative", True, ("Indsatsens navn", "Initiative name")),
    ColumnSpec("area", "workbook.col.area", True, ("Klynge", "Cluster")),
    ColumnSpec("status", "workbook.col.status", True),
    ColumnSpec("milestone", "workbook.col.milestone", False, ("Milepæl", "Milestone")),
    ColumnSpec("date", "workbook.col.date", False, ("Milepælsdato", "Milestone date", "Frist")),
    ColumnSpec("responsible", "workbook.col.responsible", False, ("Owner", "Ejer")),
    ColumnSpec("comment", "workbook.col.comment", False, ("Note", "Bemærkning")),
    # the work plan and the economy (optional; a sheet without them keeps what is stored)
    ColumnSpec("start", "workbook.col.start", False, ("Startdato", "Start date", "Opstart")),
    ColumnSpec("end", "workbook.col.end", False, ("Slutdato", "End date", "Afslutning")),
    ColumnSpec("budget", "workbook.col.budget", False, ("Budget (kr.)", "Budget kr", "Bevilling")),
    ColumnSpec("spent", "workbook.col.spent", False, ("Forbrug (kr.)", "Forbrugt", "Spent (DKK)")),
)
# the Indsatser columns whose absence keeps the stored value (field in the store)
PLAN_FIELDS = {"start": "start_on", "end": "end_on", "budget": "budget", "spent": "spent"}
ASSESSMENT_COLUMNS = (
    ColumnSpec("goal", "workbook.col.goal", True, ("Fælles mål", "Shared goal")),
    ColumnSpec("area", "workbook.col.area", True, ("Klynge", "Cluster")),
    ColumnSpec("period", "workbook.col.period", True, ("År", "Year")),
    ColumnSpec("light", "workbook.col.light", True, ("Lys", "Farve", "RAG", "Traffic-light")),
    ColumnSpec("text", "workbook.col.status_text", False, ("Statustekst", "Status text", "Tekst")),
)
# Columns the template adds for the reader's sake; they are ignored without a note.
QUIET_COLUMNS = {
    k
    for name in ("Indikatornavn", "Indicator name", "Enhed", "Unit", "Navn", "Name")
    for k in name_keys(name)
}

SHEET_KINDS: dict[str, tuple[str, tuple[str, ...], tuple[ColumnSpec, ...]]] = {
    "indicators": (
        "workbook.sheet.indicators",
        ("Indikator", "Indicator", "Indikatorværdier", "Indicator values"),
        INDICATOR_COLUMNS,
    ),
    "initiatives": (
        "workbook.sheet.initiatives",
        ("Indsats", "Initiative"),
        INITIATIVE_COLUMNS,
    ),
    "assessments": (
        "workbook.sheet.assessments",
        ("Vurderinger", "Assessments", "Egen vurdering"),
        ASSESSMENT_COLUMNS,
    ),
}


def _sheet_kind(name: str) -> str | None:
    keys = name_keys(name)
    for kind, (text_key, aliases, _specs) in SHEET_KINDS.items():
        names = [t(text_key, "da"), t(text_key, "en"), *aliases]
        if keys & set().union(*(name_keys(n) for n in names)):
            return kind
    return None


# --- results -----------------------------------------------------------------------------------


@dataclass
class ParsedSheet:
    """What one sheet holds once checked: its valid rows and how many were rejected/skipped."""

    name: str
    kind: str  # "indicators", "initiatives", "assessments" or "ignored"
    layout: str | None = None  # "long" or "wide" for indicators
    header_row: int | None = None  # 1-based, as Excel numbers rows
    rows: pd.DataFrame | None = None  # valid rows, resolved to catalogue ids
    rejected: int = 0
    skipped: int = 0
    totals: list[tuple[int, str]] = field(default_factory=list)  # skipped totals rows
    key_column: tuple[int, str] | None = None  # (index, header) of the column duplicates name


@dataclass
class ParsedWorkbook:
    sheets: list[ParsedSheet]
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)

    def frames(self, kind: str) -> pd.DataFrame | None:
        parts = [s.rows for s in self.sheets if s.kind == kind and s.rows is not None]
        parts = [p for p in parts if len(p)]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


class _Problems:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[Problem] = []

    def add(
        self, sheet: str, row: int, col: int, column: str, found: Any, key: str, /, **values: Any
    ) -> None:
        message = t(key, self.lang, **values)
        self.items.append(
            Problem(sheet, cell_ref(sheet, row, col), column, display(found), message)
        )

    def file(self, key: str, **values: Any) -> None:
        self.items.append(Problem("", "", "", "", t(key, self.lang, **values)))


def suggest(index: NameIndex[Any], text: str) -> list[str]:
    """The closest one or two known names; the second only when it is about as close."""
    labels = index.suggest(text, n=3)
    if len(labels) < 2:
        return labels
    wanted = name_key(text)

    def score(label: str) -> float:
        # labels may carry a code first ("KOL-01 Akutte …"): score the best-matching part too
        keys = {name_key(label), *(name_key(part) for part in label.split(" ", 1))}
        return max(difflib.SequenceMatcher(None, wanted, k).ratio() for k in keys if k)

    best = score(labels[0])
    # the closer by text of the next two (the index ranks by any alias, the message shows names)
    runner = max(labels[1:], key=score)
    return [labels[0], runner] if score(runner) >= best - 0.05 else [labels[0]]


def suggestion_text(lang: str, labels: Sequence[str]) -> str:
    """' Mente du …?' for one or two labels; '' for none."""
    if not labels:
        return ""
    if len(labels) == 1:
        return t("workbook.suggest.one", lang, a=labels[0])
    return t("workbook.suggest.two", lang, a=labels[0], b=labels[1])


# --- the Indikatorer sheet --------------------------------------------------------------------


class _IndicatorCheck:
    """Vectorised checks of indicator rows; builds the frame of valid rows."""

    def __init__(self, sheet: RawSheet, catalogue: Catalogue, problems: _Problems) -> None:
        self.sheet = sheet
        self.cat = catalogue
        self.p = problems
        self.lang = problems.lang
        self.indicator_ids = np.empty(0, dtype=np.int64)
        self.totals: list[tuple[int, str]] = []  # (1-based row, label) of skipped totals rows

    def add(self, f: _Field, i: int, key: str, /, **values: Any) -> None:
        self.p.add(
            self.sheet.name,
            int(f.rows[i]),
            int(f.cols[i]),
            str(f.headers[i]),
            f.values[i],
            key,
            **values,
        )

    def indicator_label(self, indicator: Indicator) -> str:
        return f"{indicator.code} {name_of(indicator, self.lang)}"

    def run(self, fields: dict[str, _Field], n: int, wide: bool) -> tuple[pd.DataFrame, int, int]:
        """Valid rows, rejected count, skipped count."""
        sheet = self.sheet
        # formulas without a cached value, and cells showing an error (#DIV/0!), read as blank:
        # find them before blanks are skipped
        unusable = sheet.formula_cells | set(sheet.error_cells)
        formula = {name: f.hits(unusable) for name, f in fields.items()}
        any_formula = np.logical_or.reduce(list(formula.values()))
        blank = {name: f.blank() for name, f in fields.items()}
        totals = self._totals_rows(fields, blank, wide)
        details = [d for d in ("numerator", "denominator", "lower", "upper") if d in fields]
        detail_filled = np.zeros(n, dtype=bool)
        for d in details:
            detail_filled |= ~blank[d]
        value_blank = blank["value"] & ~formula["value"]
        if wide:
            keep = ~value_blank | any_formula
            skipped = 0
        else:
            all_blank = np.logical_and.reduce(list(blank.values())) & ~any_formula
            skip = value_blank & ~detail_filled & ~all_blank & ~any_formula & ~totals
            keep = ~all_blank & ~skip
            skipped = int(skip.sum())
        keep &= ~totals
        if not keep.all():
            fields = {name: f.take(keep) for name, f in fields.items()}
            blank = {name: b[keep] for name, b in blank.items()}
            formula = {name: b[keep] for name, b in formula.items()}
            n = int(keep.sum())
        bad = np.zeros(n, dtype=bool)

        for name, hits in formula.items():
            f = fields[name]
            for i in np.flatnonzero(hits):
                error = sheet.error_cells.get((int(f.rows[i]), int(f.cols[i])))
                if error is None:
                    self.add(f, i, "workbook.cell.formula")
                else:
                    self.p.add(
                        sheet.name,
                        int(f.rows[i]),
                        int(f.cols[i]),
                        str(f.headers[i]),
                        error,
                        "workbook.cell.error",
                        error=error,
                    )
            bad |= hits
            blank[name] = blank[name] | hits  # reported once is enough

        value = fields["value"]
        for d in details:
            missing_value = blank["value"] & ~blank[d] & ~formula["value"]
            for i in np.flatnonzero(missing_value & ~bad):
                self.add(
                    value, i, "workbook.value.missing_with_details", column=fields[d].headers[i]
                )
            bad |= missing_value

        for name in ("indicator", "area", "period"):
            missing = blank[name] & ~formula[name]
            for i in np.flatnonzero(missing):
                self.add(fields[name], i, "workbook.cell.required", column=fields[name].headers[i])
            bad |= missing

        indicator_ids = self._resolve(
            fields["indicator"], self.cat.indicator_index, "indicator", bad
        )
        self.indicator_ids = indicator_ids
        area_ids = self._resolve(fields["area"], self.cat.area_index, "area", bad)
        total = self.cat.total_group
        total_id = total.id if total else -1
        if "group" in fields:
            group_ids = self._resolve(fields["group"], self.cat.group_index, "group", bad)
            group_ids[blank["group"]] = total_id
        else:
            group_ids = np.full(n, total_id, dtype=np.int64)

        periods = self._periods(fields["period"], indicator_ids, bad)

        percent_ids = [i.id for i in self.cat.indicators.values() if i.unit.strip() == "%"]
        percent_rows = np.isin(indicator_ids, percent_ids)
        numbers = _numbers(value)
        self._not_numbers(value, numbers, bad)
        values = self._percent(value, numbers, percent_rows, bad)
        self._unit_range(value, values, bad)
        self._too_large(value, values, bad)

        ints = {
            name: self._counts(name, fields.get(name), n, bad)
            for name in ("numerator", "denominator")
        }
        self._share_counts(fields.get("numerator"), ints, percent_rows, bad)
        limits = {
            name: self._limits(fields.get(name), n, percent_rows, bad)
            for name in ("lower", "upper")
        }
        self._limit_order(value, values, limits, bad)

        notes = np.full(n, None, dtype=object)
        if "comment" in fields:
            notes = self._texts(fields["comment"], NOTE_MAX, bad)

        frame = pd.DataFrame(
            {
                "row": value.rows + 1,
                "col": value.cols,
                "indicator_id": indicator_ids,
                "area_id": area_ids,
                "period": _objects(periods),
                "group_id": group_ids,
                "value": values,
                "missing_reason": _objects(numbers.reasons),
                "numerator": pd.array(ints["numerator"], dtype="Int64"),
                "denominator": pd.array(ints["denominator"], dtype="Int64"),
                "lower": limits["lower"],
                "upper": limits["upper"],
                "note": _objects(notes),
                "sheet": _objects(np.full(n, sheet.name, dtype=object)),
            }
        )
        self._duplicates(frame, fields["indicator"], bad)
        rejected = int(bad.sum())
        if rejected:
            frame = frame[~bad].reset_index(drop=True)
        return frame, rejected, skipped

    # ---

    def _totals_rows(
        self, fields: dict[str, _Field], blank: dict[str, np.ndarray], wide: bool
    ) -> np.ndarray:
        """Rows people add under the table for their own overview: 'I alt' (Total, Sum …) in
        the Indikator column with no area and no period. They are skipped with a note."""
        f = fields["indicator"]
        d = f.distinct
        u_total = np.fromiter(
            (isinstance(u, str) and name_key(u) in _TOTAL_WORDS for u in d.uniques),
            dtype=bool,
            count=len(d.uniques),
        )
        totals = u_total[d.codes] & blank["area"]
        if not wide:
            totals &= blank["period"]
        if totals.any():
            self.totals = [
                (int(r) + 1, display(v))
                for r, v in zip(f.rows[totals], f.values[totals], strict=True)
            ]
        return totals

    def _resolve(self, f: _Field, index: Any, what: str, bad: np.ndarray) -> np.ndarray:
        d = f.distinct
        texts = d.map(clean_text)
        u_ids = np.fromiter(
            (-1 if text is None or (obj := index.get(text)) is None else obj.id for text in texts),
            dtype=np.int64,
            count=len(texts),
        )
        ids = u_ids[d.codes]
        unknown_u = (u_ids < 0) & (d.kinds != _BLANK)
        if unknown_u.any():
            unknown = unknown_u[d.codes] & ~bad
            messages: dict[int, str] = {}
            for i in np.flatnonzero(unknown):
                code = int(d.codes[i])
                if code not in messages:
                    messages[code] = self._unknown_message(what, texts[code], index)
                self.p.items.append(
                    Problem(
                        self.sheet.name,
                        cell_ref(self.sheet.name, int(f.rows[i]), int(f.cols[i])),
                        str(f.headers[i]),
                        texts[code],
                        messages[code],
                    )
                )
            bad |= unknown_u[d.codes]
        return ids

    def _unknown_message(self, what: str, text: str, index: Any) -> str:
        message = t(f"workbook.{what}.unknown", self.lang, value=text)
        suggestions = suggest(index, text)
        if suggestions:
            return message + suggestion_text(self.lang, suggestions)
        if what == "indicator":
            example = next(iter(sorted(i.code for i in self.cat.indicators.values())), "KOL-01")
        elif what == "area":
            example = self.cat.clusters[0].name if self.cat.clusters else "Midtklyngen"
        else:
            example = next(
                (g.code for g in self.cat.groups.values() if g.dimension), "Køn: Kvinder"
            )
        return message + t(f"workbook.{what}.hint", self.lang, example=example)

    def _periods(self, f: _Field, indicator_ids: np.ndarray, bad: np.ndarray) -> np.ndarray:
        def day_of(v: Any) -> dt.date | None:
            """The date a period cell holds: a date cell, or a date written as text."""
            if isinstance(v, dt.date):
                return v
            if isinstance(v, str):
                try:
                    parse_period(_strip_apostrophe(v))
                except PeriodError:
                    return parse_date(_strip_apostrophe(v))
            return None

        def parse(v: Any) -> Period | None:
            if _kind(v) == _BLANK:
                return None
            try:
                return parse_period(_strip_apostrophe(v) if isinstance(v, str) else v)
            except PeriodError:
                day = day_of(v)
                return None if day is None else parse_period(day)

        d = f.distinct
        parsed = d.map(parse)
        days = d.map(day_of)
        u_codes = np.empty(len(parsed), dtype=object)
        u_codes[:] = [p.code if p is not None else None for p in parsed]
        u_freq = np.empty(len(parsed), dtype=object)
        u_freq[:] = [p.frequency.value if p is not None else "" for p in parsed]
        unreadable = ((u_codes == None) & (d.kinds != _BLANK))[d.codes]  # noqa: E711
        for i in np.flatnonzero(unreadable & ~bad):
            self.add(f, i, "workbook.period.bad", value=display(f.values[i]))
        bad |= unreadable
        self._period_window(f, parsed, bad)

        frequency = np.empty(max(self.cat.indicators, default=0) + 2, dtype=object)
        frequency[:] = ""
        for indicator in self.cat.indicators.values():
            frequency[indicator.id] = indicator.frequency
        expected = frequency[np.where(indicator_ids >= 0, indicator_ids, len(frequency) - 1)]
        found = u_freq[d.codes]
        wrong = (found != expected) & (found != "") & (expected != "") & ~bad
        codes = u_codes[d.codes]
        # A date (often formatted to show just a year or a month) means the period of the
        # indicator's frequency that holds it — except 1 January for an indicator measured
        # more often than yearly: shown as '2021' it means the year, so it stays an error.
        u_date = np.fromiter((day is not None for day in days), dtype=bool, count=len(days))
        u_new_year = np.fromiter(
            (day is not None and day.month == 1 and day.day == 1 for day in days),
            dtype=bool,
            count=len(days),
        )
        dated = wrong & u_date[d.codes] & ~(u_new_year[d.codes] & (expected != "year"))
        if dated.any():
            codes = codes.copy()
            for i in np.flatnonzero(dated):
                day = days[d.codes[i]]
                codes[i] = period_of(day, Frequency(expected[i])).code
            wrong &= ~dated
        for i in np.flatnonzero(wrong):
            period = parsed[d.codes[i]]
            indicator = self.cat.indicators[int(indicator_ids[i])]
            should = Frequency(indicator.frequency)
            if u_new_year[d.codes[i]]:
                self.add(
                    f,
                    i,
                    "workbook.period.new_year",
                    value=display(f.values[i]),
                    year=period.year,
                    indicator=self.indicator_label(indicator),
                    expected=t(f"workbook.freq.{should.value}.expected", self.lang),
                    example=Period(period.year, should, 1).code,
                )
                continue
            self.add(
                f,
                i,
                "workbook.period.frequency",
                value=display(f.values[i]),
                found=t(f"workbook.freq.{period.frequency.value}.found", self.lang),
                indicator=self.indicator_label(indicator),
                expected=t(f"workbook.freq.{should.value}.expected", self.lang),
                example=Period(period.year, should, 1).code,
            )
        bad |= wrong
        return codes

    def _period_window(self, f: _Field, parsed: np.ndarray, bad: np.ndarray) -> None:
        """A period that starts before PERIOD_WINDOW's first year or after next year is refused
        (the window is said in the message). In the wide layout many values share one period
        header cell: it is named once."""
        first, last = period_window()
        d = f.distinct
        u_year = np.fromiter(
            (p.year if p is not None else first for p in parsed), dtype=np.int64, count=len(parsed)
        )
        year = u_year[d.codes]
        outside = ((year < first) | (year > last)) & ~bad
        named: set[tuple[int, int]] = set()
        for i in np.flatnonzero(outside):
            cell = (int(f.rows[i]), int(f.cols[i]))
            if cell in named:
                continue
            named.add(cell)
            self.add(
                f,
                i,
                "workbook.period.window",
                value=display(f.values[i]),
                first=first,
                last=last,
            )
        bad |= outside

    def _unit_kinds(self) -> tuple[np.ndarray, np.ndarray]:
        """Per row: the K of a rate 'per K' unit (NaN for other units), and whether the unit
        is a count ('antal')."""
        size = max(self.cat.indicators, default=0) + 2
        per_k = np.full(size, np.nan)
        counts = np.zeros(size, dtype=bool)
        for indicator in self.cat.indicators.values():
            per_k[indicator.id] = per_unit(indicator.unit) or np.nan
            counts[indicator.id] = is_count_unit(indicator.unit)
        at = np.where(self.indicator_ids >= 0, self.indicator_ids, size - 1)
        return per_k[at], counts[at]

    def _unit_range(self, f: _Field, values: np.ndarray, bad: np.ndarray) -> None:
        """A rate 'per K' lies within 0–RATE_MAX_EVENTS·K, a count ('antal') is not negative.
        (A share in % is checked by _percent; other units, e.g. procentpoint, may be
        negative.)"""
        per_k, counts = self._unit_kinds()
        with np.errstate(invalid="ignore"):
            rate = ~np.isnan(per_k) & ((values < 0) | (values > RATE_MAX_EVENTS * per_k)) & ~bad
            negative = counts & (values < 0) & ~bad
        for i in np.flatnonzero(rate | negative):
            indicator = self.cat.indicators[int(self.indicator_ids[i])]
            unit = (indicator.unit_en or indicator.unit) if self.lang == "en" else indicator.unit
            common = {
                "indicator": self.indicator_label(indicator),
                "unit": unit.strip(),
                "column": str(f.headers[i]),
                "value": _as_typed(values[i], self.lang),
            }
            if rate[i]:
                self.add(
                    f,
                    i,
                    "workbook.value.rate_range",
                    limit=format_whole(RATE_MAX_EVENTS * per_k[i], self.lang),
                    events=format_whole(RATE_MAX_EVENTS, self.lang),
                    **common,
                )
            else:
                self.add(f, i, "workbook.value.count_negative", **common)
        bad |= rate | negative

    def _too_large(self, f: _Field, values: np.ndarray, bad: np.ndarray) -> None:
        """No figure in any column is larger than VALUE_MAX_ABS in absolute value."""
        with np.errstate(invalid="ignore"):
            huge = (np.abs(values) > VALUE_MAX_ABS) & ~bad
        for i in np.flatnonzero(huge):
            self.add(
                f,
                i,
                "workbook.value.too_large",
                column=str(f.headers[i]),
                value=display(f.values[i]),  # as written: 1E+12 would hide a digit typed twice
                limit=format_whole(VALUE_MAX_ABS, self.lang),
            )
        bad |= huge

    def _percent(
        self, f: _Field, numbers: _Numbers, percent_rows: np.ndarray, bad: np.ndarray
    ) -> np.ndarray:
        """A percent-formatted cell holds 0.125 for 12.5 %: scale it when the unit is %;
        then a % value must lie within 0–100."""
        values = numbers.values
        formatted = f.hits(self.sheet.percent_cells)
        scale = formatted & numbers.numeric_cell & percent_rows
        if scale.any():
            values = values.copy()
            values[scale] = np.round(values[scale] * 100, 10)
        with np.errstate(invalid="ignore"):
            outside = percent_rows & ((values < 0) | (values > 100)) & ~bad
        for i in np.flatnonzero(outside):
            indicator = self.cat.indicators[int(self.indicator_ids[i])]
            hint = t("workbook.value.percent_format_hint", self.lang) if formatted[i] else ""
            self.p.items.append(
                Problem(
                    self.sheet.name,
                    cell_ref(self.sheet.name, int(f.rows[i]), int(f.cols[i])),
                    str(f.headers[i]),
                    display(f.values[i]),
                    t(
                        "workbook.value.percent_range",
                        self.lang,
                        indicator=self.indicator_label(indicator),
                        column=str(f.headers[i]),
                        value=_as_typed(values[i], self.lang),
                    )
                    + hint,
                )
            )
        bad |= outside
        return values

    def _counts(self, name: str, f: _Field | None, n: int, bad: np.ndarray) -> np.ndarray:
        """Whole, non-negative numbers (a denominator above 0) no larger than VALUE_MAX_ABS,
        as floats; NaN when blank."""
        if f is None:
            return np.full(n, np.nan)
        numbers = _numbers(f, whole=True)
        v = numbers.values
        with np.errstate(invalid="ignore"):
            not_whole = numbers.bad | (np.isfinite(v) & (v != np.floor(v)))
            negative = ~not_whole & (v < 0)
            zero = ~not_whole & (v == 0) & (name == "denominator")
            huge = ~not_whole & (v > VALUE_MAX_ABS)
        wrong = not_whole | negative | zero | huge
        for i in np.flatnonzero(wrong):
            raw = display(f.values[i])
            if not_whole[i]:
                self.add(f, i, "workbook.count.not_whole", column=f.headers[i], value=raw)
            elif negative[i]:
                self.add(f, i, "workbook.count.negative", column=f.headers[i], value=raw)
            elif zero[i]:
                self.add(f, i, "workbook.count.zero_denominator", value=raw)
            else:
                self.add(
                    f,
                    i,
                    "workbook.value.too_large",
                    column=str(f.headers[i]),
                    value=raw,
                    limit=format_whole(VALUE_MAX_ABS, self.lang),
                )
        bad |= wrong
        # what is left fits the store's whole-number column
        return np.where(np.isfinite(v) & ~wrong, v, np.nan)

    def _share_counts(
        self,
        f: _Field | None,
        ints: dict[str, np.ndarray],
        percent_rows: np.ndarray,
        bad: np.ndarray,
    ) -> None:
        """A share in % counts part of its denominator: Tæller ≤ Nævner. (A rate's numerator
        counts events, which may outnumber the persons in the denominator.)"""
        if f is None:
            return
        numerator, denominator = ints["numerator"], ints["denominator"]
        with np.errstate(invalid="ignore"):
            over = percent_rows & (numerator > denominator) & ~bad
        for i in np.flatnonzero(over):
            indicator = self.cat.indicators[int(self.indicator_ids[i])]
            self.add(
                f,
                i,
                "workbook.count.numerator_above_denominator",
                indicator=self.indicator_label(indicator),
                numerator=format_whole(numerator[i], self.lang),
                denominator=format_whole(denominator[i], self.lang),
            )
        bad |= over

    def _limits(
        self, f: _Field | None, n: int, percent_rows: np.ndarray, bad: np.ndarray
    ) -> np.ndarray:
        if f is None:
            return np.full(n, np.nan)
        numbers = _numbers(f)
        self._not_numbers(f, numbers, bad)
        values = self._percent(f, numbers, percent_rows, bad)
        self._too_large(f, values, bad)
        return values

    def _not_numbers(self, f: _Field, numbers: _Numbers, bad: np.ndarray) -> None:
        for i in np.flatnonzero(numbers.bad & ~bad):
            text = display(f.values[i])
            if isinstance(f.values[i], dt.date):
                # Danish Excel turns 13.8 typed into a cell into the date 13 August
                self.add(f, i, "workbook.value.date", value=text)
            elif numbers.ambiguous[i]:
                number = _PERCENT_SUFFIX.sub("", text.strip())
                thousands, decimal = number.replace(".", ""), number.replace(".", ",")
                self.add(
                    f,
                    i,
                    "workbook.value.ambiguous",
                    value=text,
                    thousands=thousands,
                    decimal=decimal,
                )
            else:
                self.add(f, i, "workbook.value.not_number", value=text)
        bad |= numbers.bad

    def _limit_order(
        self, value: _Field, values: np.ndarray, limits: dict[str, np.ndarray], bad: np.ndarray
    ) -> None:
        lower, upper = limits["lower"], limits["upper"]
        with np.errstate(invalid="ignore"):
            wrong = (lower > values) | (values > upper) | (lower > upper)
        wrong &= ~bad
        for i in np.flatnonzero(wrong):
            self.add(
                value,
                i,
                "workbook.limits.order",
                lower=_as_typed(lower[i], self.lang),
                value=_as_typed(values[i], self.lang),
                upper=_as_typed(upper[i], self.lang),
            )
        bad |= wrong

    def _texts(self, f: _Field, limit: int, bad: np.ndarray) -> np.ndarray:
        d = f.distinct
        texts = d.map(clean_text)
        too_long = np.fromiter(
            (text is not None and len(text) > limit for text in texts), dtype=bool, count=len(texts)
        )[d.codes]
        for i in np.flatnonzero(too_long):
            self.add(f, i, "workbook.text.too_long", length=len(texts[d.codes[i]]), limit=limit)
        bad |= too_long
        return texts[d.codes]

    def _duplicates(self, frame: pd.DataFrame, f: _Field, bad: np.ndarray) -> None:
        keys = ["indicator_id", "area_id", "period", "group_id"]
        candidates = frame.loc[~bad, keys]  # the key columns only: no copy of the others
        dup = candidates.duplicated(keep=False).to_numpy()
        if not dup.any():
            return
        first: dict[tuple[Any, ...], int] = {}
        for pos in candidates.index[dup]:
            key = tuple(frame.loc[pos, keys])
            if key not in first:
                first[key] = pos
                continue
            other = cell_ref(self.sheet.name, int(f.rows[first[key]]), int(f.cols[first[key]]))
            self.add(
                f,
                pos,
                "workbook.duplicate",
                other=other,
                what=t("workbook.duplicate.indicators", self.lang),
            )
            bad[pos] = True


def _as_typed(value: float, lang: str) -> str:
    """A number as someone typed it (no thousands separators), for 'men her står …'."""
    if value != value:
        return "–"
    text = f"{value:.10g}"
    return text.replace(".", ",") if lang == "da" else text


def _same(n: int, value: Any, dtype: Any = object) -> np.ndarray:
    """A read-only array of n copies of value, without copying."""
    return np.broadcast_to(np.array(value, dtype=dtype), (n,))


def _objects(values: np.ndarray) -> pd.Series:
    """A column of Python objects (text, None) kept as it is: pandas would otherwise copy text
    into its Arrow-backed string type (~0.1 s for the text columns of a 100,000-row sheet),
    which serves nothing here: the values are compared, counted and written as they are."""
    return pd.Series(values, dtype=object, copy=False)


def _grid(data: list[list[Any]]) -> np.ndarray:
    """The data rows as a 2-D object array (padded when rows differ in length)."""
    lengths = set(map(len, data))  # python-calamine's rows are all one length
    width = max(lengths, default=0)
    if len(lengths) > 1:
        data = [list(r) + [""] * (width - len(r)) for r in data]
    grid = np.empty((len(data), width), dtype=object)
    if data and width:
        grid[:, :] = data
    return grid


def _indicator_fields(
    sheet: RawSheet, rows: list[list[Any]], header: Header
) -> tuple[dict[str, _Field], int, bool]:
    """The sheet's cells as parallel arrays per field; wide layouts unrolled to long rows."""
    grid = _grid(rows[header.row + 1 :])
    n_rows = grid.shape[0]
    first = header.row + 1
    row_numbers = np.arange(first, first + n_rows, dtype=np.int64)

    def column(c: int) -> np.ndarray:
        if c < grid.shape[1]:
            return grid[:, c]
        return np.full(n_rows, "", dtype=object)

    wide = "value" not in header.columns and bool(header.periods)
    fields: dict[str, _Field] = {}
    if not wide:
        for name, (c, text) in header.columns.items():
            fields[name] = _Field(
                column(c), row_numbers, _same(n_rows, c, np.int64), _same(n_rows, text)
            )
        return fields, n_rows, False
    p = len(header.periods)
    n = n_rows * p
    period_cols = np.array([c for c, _, _ in header.periods], dtype=np.int64)
    period_text = np.empty(p, dtype=object)
    period_text[:] = [text for _, text, _ in header.periods]
    period_codes = np.empty(p, dtype=object)
    # a date header stays a date: it is read as the period of each row's indicator holding it
    header_cells = rows[header.row]
    period_codes[:] = [
        header_cells[c] if isinstance(header_cells[c], dt.date) else period.code
        for c, _, period in header.periods
    ]
    rows_rep = np.repeat(row_numbers, p)
    for name, (c, text) in header.columns.items():
        if name in ("indicator", "area", "group", "comment"):
            fields[name] = _Field(
                np.repeat(column(c), p), rows_rep, _same(n, c, np.int64), _same(n, text)
            )
    values = np.empty((n_rows, p), dtype=object)
    for j, c in enumerate(period_cols):
        values[:, j] = column(int(c))
    fields["value"] = _Field(
        values.ravel(), rows_rep, np.tile(period_cols, n_rows), np.tile(period_text, n_rows)
    )
    fields["period"] = _Field(
        np.tile(period_codes, n_rows),
        _same(n, header.row, np.int64),
        np.tile(period_cols, n_rows),
        np.tile(period_text, n_rows),
    )
    return fields, n, True


def _check_indicators(
    sheet: RawSheet, header: Header, catalogue: Catalogue, problems: _Problems
) -> ParsedSheet:
    fields, n, wide = _indicator_fields(sheet, sheet.rows(), header)
    check = _IndicatorCheck(sheet, catalogue, problems)
    frame, rejected, skipped = check.run(fields, n, wide)
    return ParsedSheet(
        name=sheet.name,
        kind="indicators",
        layout="wide" if wide else "long",
        header_row=header.row + 1,
        rows=frame,
        rejected=rejected,
        skipped=skipped,
        totals=sorted(set(check.totals)),
    )


# --- the Indsatser and Vurdering sheets (small: checked row by row) ---------------------------

_STATUS_NAMES: dict[InitiativeStatus, tuple[str, ...]] = {
    InitiativeStatus.NOT_STARTED: ("Ikke påbegyndt", "Ikke igangsat", "Planlagt", "Planned"),
    InitiativeStatus.IN_PROGRESS: ("Igang", "Igangsat", "Påbegyndt", "Started", "Ongoing"),
    InitiativeStatus.DELAYED: ("Late", "Udskudt", "Behind"),
    InitiativeStatus.COMPLETED: ("Afsluttet", "Færdig", "Done", "Finished", "Complete"),
    InitiativeStatus.STOPPED: ("Opgivet", "Annulleret", "Cancelled", "Canceled", "Stoppet"),
}
_LIGHT_NAMES: dict[TrafficLight, tuple[str, ...]] = {
    TrafficLight.GREEN: ("G", "Groen", "🟢"),
    TrafficLight.YELLOW: ("Amber", "Orange", "Gul/orange", "🟡"),
    TrafficLight.RED: ("R", "Roed", "🔴"),
}


def status_index() -> NameIndex[InitiativeStatus]:
    index: NameIndex[InitiativeStatus] = NameIndex()
    for status, extra in _STATUS_NAMES.items():
        label = t(f"workbook.initiative.{status.value}", "da")
        index.add(
            status, label, t(f"workbook.initiative.{status.value}", "en"), *extra, label=label
        )
    return index


def light_index() -> NameIndex[TrafficLight]:
    index: NameIndex[TrafficLight] = NameIndex()
    for light, extra in _LIGHT_NAMES.items():
        label = t(f"workbook.light.{light.value}", "da")
        index.add(light, label, t(f"workbook.light.{light.value}", "en"), *extra, label=label)
    return index


class _RowCheck:
    """Row-by-row checks shared by Indsatser and Vurdering."""

    def __init__(
        self, sheet: RawSheet, header: Header, catalogue: Catalogue, problems: _Problems
    ) -> None:
        self.sheet = sheet
        self.header = header
        self.cat = catalogue
        self.p = problems
        self.lang = problems.lang
        self.bad = False
        self.row = 0

    def cell(self, name: str) -> Any:
        spec = self.header.columns.get(name)
        if spec is None:
            return ""
        row = self.sheet.rows()[self.row]
        return row[spec[0]] if spec[0] < len(row) else ""

    def problem(self, name: str, key: str, /, **values: Any) -> None:
        c, header = self.header.columns[name]
        self.p.add(self.sheet.name, self.row, c, header, self.cell(name), key, **values)
        self.bad = True

    def once(
        self, key: tuple[Any, ...], first: dict[tuple[Any, ...], int], name: str, what: str
    ) -> None:
        """The first row with `key` is kept; a later one is an error naming the first's cell."""
        if key not in first:
            first[key] = self.row
            return
        self.problem(
            name,
            "workbook.duplicate",
            other=cell_ref(self.sheet.name, first[key], self.header.columns[name][0]),
            what=t(f"workbook.duplicate.{what}", self.lang),
        )

    def text(self, name: str, limit: int, required: bool = False) -> str | None:
        text = clean_text(self.cell(name)) if name in self.header.columns else None
        if text is None and required:
            self.problem(name, "workbook.cell.required", column=self.header.columns[name][1])
        elif text is not None and len(text) > limit:
            self.problem(name, "workbook.text.too_long", length=len(text), limit=limit)
            return None
        return text

    def lookup(self, name: str, what: str, index: NameIndex[Any], hint: str) -> Any:
        text = self.text(name, 1000, required=True)
        if text is None:
            return None
        found = index.get(text)
        if found is None:
            message_key = {"goal": "workbook.goal.unknown", "area": "workbook.area.unknown"}[what]
            c, header = self.header.columns[name]
            message = t(message_key, self.lang, value=text)
            suggestions = suggest(index, text)
            message += suggestion_text(self.lang, suggestions) or t(
                f"workbook.{what}.hint", self.lang, example=hint
            )
            self.p.items.append(
                Problem(
                    self.sheet.name, cell_ref(self.sheet.name, self.row, c), header, text, message
                )
            )
            self.bad = True
        return found

    def choice(self, name: str, index: NameIndex[Any], unknown_key: str) -> Any:
        text = self.text(name, 200, required=True)
        if text is None:
            return None
        found = index.get(text)
        if found is None:
            c, header = self.header.columns[name]
            message = t(unknown_key, self.lang, value=text)
            message += suggestion_text(self.lang, suggest(index, text)[:1])
            self.p.items.append(
                Problem(
                    self.sheet.name, cell_ref(self.sheet.name, self.row, c), header, text, message
                )
            )
            self.bad = True
        return found

    def date(self, name: str) -> dt.date | None:
        """A date cell (or a date written as text); None when blank or unreadable."""
        if name not in self.header.columns or clean_text(self.cell(name)) is None:
            return None
        date = parse_date(self.cell(name))
        if date is None:
            self.problem(name, "workbook.date.bad", value=display(self.cell(name)))
        return date

    def amount(self, name: str) -> float | None:
        """An amount in kroner; None when blank or wrong (wrong is reported at its cell)."""
        if name not in self.header.columns:
            return None
        amount, wrong = parse_amount(self.cell(name))
        if wrong is not None:
            self.problem(
                name,
                f"workbook.amount.{wrong}",
                column=self.header.columns[name][1],
                value=display(self.cell(name)),
                limit=format_whole(AMOUNT_MAX, self.lang),
            )
        return amount

    def rows(self, names: Iterable[str]) -> Iterable[int]:
        """Data rows that are not entirely blank; formula cells without a value reported."""
        cols = {name: self.header.columns[name][0] for name in names if name in self.header.columns}
        formulas = self.sheet.formula_cells | set(self.sheet.error_cells)
        for r in range(self.header.row + 1, len(self.sheet.rows())):
            self.row, self.bad = r, False
            row = self.sheet.rows()[r]
            values = [row[c] if c < len(row) else "" for c in cols.values()]
            hits = [name for name, c in cols.items() if (r, c) in formulas]
            if not hits and all(clean_text(v) is None for v in values):
                continue
            for name in hits:
                error = self.sheet.error_cells.get((r, cols[name]))
                if error is None:
                    self.problem(name, "workbook.cell.formula")
                else:
                    c, header = self.header.columns[name]
                    self.p.add(
                        self.sheet.name, r, c, header, error, "workbook.cell.error", error=error
                    )
                    self.bad = True
            yield r


def _goal_hint(catalogue: Catalogue) -> str:
    return catalogue.goals[0].title if catalogue.goals else "KOL-1"


def _area_hint(catalogue: Catalogue) -> str:
    return catalogue.clusters[0].name if catalogue.clusters else "Midtklyngen"


def _check_initiatives(
    sheet: RawSheet, header: Header, catalogue: Catalogue, problems: _Problems
) -> ParsedSheet:
    check = _RowCheck(sheet, header, catalogue, problems)
    statuses = status_index()
    records: list[dict[str, Any]] = []
    first: dict[tuple[Any, ...], int] = {}
    rejected = 0
    # plan fields the sheet has no column for: the stored values are kept (see apply)
    absent = ",".join(f for c, f in PLAN_FIELDS.items() if c not in header.columns)
    for r in check.rows(c.field for c in INITIATIVE_COLUMNS):
        goal = check.lookup("goal", "goal", catalogue.goal_index, _goal_hint(catalogue))
        name = check.text("name", NAME_MAX, required=True)
        area = check.lookup("area", "area", catalogue.area_index, _area_hint(catalogue))
        status = check.choice("status", statuses, "workbook.initiative.status_unknown")
        milestone = check.text("milestone", NOTE_MAX)
        date = check.date("date")
        responsible = check.text("responsible", SHORT_MAX)
        note = check.text("comment", NOTE_MAX)
        start, end = check.date("start"), check.date("end")
        if start is not None and end is not None and end < start:
            check.problem(
                "end",
                "workbook.plan.end_before_start",
                end=format_date(end, problems.lang),
                start=format_date(start, problems.lang),
                start_cell=cell_ref(sheet.name, r, header.columns["start"][0]),
            )
        budget, spent = check.amount("budget"), check.amount("spent")
        if not check.bad:  # goal and area are known
            check.once((goal.id, area.id, name_key(name or "")), first, "name", "initiatives")
        if check.bad:
            rejected += 1
            continue
        records.append(
            {
                "row": r + 1,
                "goal_id": goal.id,
                "area_id": area.id,
                "name": name,
                "name_key": name_key(name or ""),
                "status": status.value,
                "next_milestone": milestone,
                "milestone_date": date,
                "responsible": responsible,
                "note": note,
                "start_on": start,
                "end_on": end,
                "budget": budget,
                "spent": spent,
                "absent": absent,
                "sheet": sheet.name,
            }
        )
    return ParsedSheet(
        name=sheet.name,
        kind="initiatives",
        header_row=header.row + 1,
        rows=pd.DataFrame.from_records(records, columns=_INITIATIVE_FRAME),
        rejected=rejected,
    )


_INITIATIVE_FRAME = [
    "row",
    "goal_id",
    "area_id",
    "name",
    "name_key",
    "status",
    "next_milestone",
    "milestone_date",
    "responsible",
    "note",
    "start_on",
    "end_on",
    "budget",
    "spent",
    "absent",
    "sheet",
]
_ASSESSMENT_FRAME = ["row", "goal_id", "area_id", "period", "light", "text", "sheet"]


def _check_assessments(
    sheet: RawSheet, header: Header, catalogue: Catalogue, problems: _Problems
) -> ParsedSheet:
    check = _RowCheck(sheet, header, catalogue, problems)
    lights = light_index()
    records: list[dict[str, Any]] = []
    first: dict[tuple[Any, ...], int] = {}
    rejected = 0
    skipped = 0
    for r in check.rows(c.field for c in ASSESSMENT_COLUMNS):
        # the template pre-fills goal × area rows: without a light or a text nothing is reported
        if not check.bad and all(clean_text(check.cell(n)) is None for n in ("light", "text")):
            skipped += 1
            continue
        goal = check.lookup("goal", "goal", catalogue.goal_index, _goal_hint(catalogue))
        area = check.lookup("area", "area", catalogue.area_index, _area_hint(catalogue))
        period: Period | None = None
        raw_period = check.cell("period")
        if clean_text(raw_period) is None:
            check.problem("period", "workbook.cell.required", column=header.columns["period"][1])
        else:
            try:
                period = parse_period(
                    raw_period.strip() if isinstance(raw_period, str) else raw_period
                )
            except PeriodError:
                check.problem("period", "workbook.period.bad", value=display(raw_period))
        light = check.choice("light", lights, "workbook.light.unknown")
        text = check.text("text", NOTE_MAX)
        if not check.bad:  # goal, area and period are known
            check.once((goal.id, area.id, period.code), first, "goal", "assessments")
        if check.bad:
            rejected += 1
            continue
        records.append(
            {
                "row": r + 1,
                "goal_id": goal.id,
                "area_id": area.id,
                "period": period.code,
                "light": light.value,
                "text": text,
                "sheet": sheet.name,
            }
        )
    return ParsedSheet(
        name=sheet.name,
        kind="assessments",
        header_row=header.row + 1,
        rows=pd.DataFrame.from_records(records, columns=_ASSESSMENT_FRAME),
        rejected=rejected,
        skipped=skipped,
    )


# --- the whole workbook -----------------------------------------------------------------------

_CHECKS = {
    "indicators": _check_indicators,
    "initiatives": _check_initiatives,
    "assessments": _check_assessments,
}


def _all_blank(rows: list[list[Any]]) -> bool:
    return all(clean_text(v) is None for row in rows for v in row)


def _guess_indicator_sheet(raw: RawWorkbook) -> RawSheet | None:
    """A sheet with another name whose header row reads like an Indikatorer sheet."""
    for sheet in raw.sheets:
        if sheet.hidden or _sheet_kind(sheet.name) is not None:
            continue
        header, _ = find_header(
            sheet.head(HEADER_SEARCH_ROWS), INDICATOR_COLUMNS, True, QUIET_COLUMNS
        )
        if (
            header
            and {"indicator", "area"} <= header.columns.keys()
            and ("period" in header.columns or header.periods)
        ):
            return sheet
    return None


_SHEET_COPY = re.compile(r"(.+?)\s*\(\d+\)\s*")


def check_workbook(raw: RawWorkbook, catalogue: Catalogue, *, lang: str = "da") -> ParsedWorkbook:
    """Every sheet checked; the valid rows resolved to catalogue ids, and every problem."""
    problems = _Problems(lang)
    notes: list[str] = []
    kinds = {s.name: _sheet_kind(s.name) for s in raw.sheets}
    if "indicators" not in kinds.values():
        guessed = _guess_indicator_sheet(raw)
        if guessed is not None:
            kinds[guessed.name] = "indicators"
            notes.append(t("workbook.note.guessed_sheet", lang, sheet=guessed.name))
    for sheet in raw.sheets:  # Excel names a copied sheet 'Indikatorer (2)': read it as one
        copy_of = _SHEET_COPY.fullmatch(sheet.name)
        if kinds[sheet.name] is None and copy_of and (kind := _sheet_kind(copy_of[1])):
            kinds[sheet.name] = kind
            notes.append(t("workbook.note.copied_sheet", lang, sheet=sheet.name, base=copy_of[1]))
    sheets: list[ParsedSheet] = []
    for sheet in raw.sheets:
        kind = kinds[sheet.name]
        if kind is None:
            sheets.append(ParsedSheet(name=sheet.name, kind="ignored"))
            if not sheet.hidden:
                notes.append(t("workbook.note.ignored_sheet", lang, sheet=sheet.name))
            continue
        parsed = _check_sheet(sheet, kind, catalogue, problems, notes)
        sheets.append(parsed)
    _duplicates_across_sheets(raw, sheets, problems)
    recognised = [s for s in sheets if s.kind != "ignored"]
    if not recognised:
        if all(_all_blank(s.head(HEADER_SEARCH_ROWS)) for s in raw.sheets):
            problems.file("workbook.file.empty_workbook")
        else:
            found = ", ".join(f"'{s.name}'" for s in raw.sheets)
            problems.file("workbook.file.no_sheets", found=found)
    elif not problems.items and not any(s.rows is not None and len(s.rows) for s in sheets):
        problems.file("workbook.file.no_rows")
    # in reading order (whole-file problems first, then sheet by sheet, row by row, left to
    # right), however the checks found them: the list is the user's to-do list
    order = {s.name: i for i, s in enumerate(raw.sheets)}
    listed = sorted(problems.items, key=lambda p: _reading_order(p, order))
    return ParsedWorkbook(sheets=sheets, problems=listed, notes=notes)


# the key of each kind of row, and the column a duplicate is reported in
_ROW_KEYS = {
    "indicators": (("indicator_id", "area_id", "period", "group_id"), "indicator"),
    "initiatives": (("goal_id", "area_id", "name_key"), "name"),
    "assessments": (("goal_id", "area_id", "period"), "goal"),
}


def _duplicates_across_sheets(
    raw: RawWorkbook, sheets: list[ParsedSheet], problems: _Problems
) -> None:
    """The same key on two sheets of one kind ('Indikatorer' and 'Indicators', or a copied
    'Indikatorer (2)'): the later row is an error naming the first's cell, as within a sheet."""
    by_name = {s.name: s for s in raw.sheets}
    for kind, (keys, _) in _ROW_KEYS.items():
        parts = [
            s
            for s in sheets
            if s.kind == kind and s.rows is not None and len(s.rows) and s.key_column
        ]
        if len(parts) < 2:
            continue
        first: dict[tuple[Any, ...], str] = {}
        for part in parts:
            col, header = part.key_column
            rows = by_name[part.name].rows()
            dup = np.zeros(len(part.rows), dtype=bool)
            for i, (row, *key) in enumerate(part.rows[["row", *keys]].itertuples(index=False)):
                r = int(row) - 1
                key = tuple(key)
                if key not in first:  # a sheet's own rows are unique already
                    first[key] = cell_ref(part.name, r, col)
                    continue
                found = rows[r][col] if col < len(rows[r]) else ""
                problems.add(
                    part.name, r, col, header, found, "workbook.duplicate", other=first[key],
                    what=t(f"workbook.duplicate.{kind}", problems.lang),
                )  # fmt: skip
                dup[i] = True
            if dup.any():
                part.rows = part.rows[~dup].reset_index(drop=True)
                part.rejected += int(dup.sum())


_CELL = re.compile(r"([A-Z]*)(\d*)")


def _reading_order(problem: Problem, sheets: dict[str, int]) -> tuple[int, int, int, int]:
    if not problem.cell:
        return (0, 0, 0, 0)
    m = _CELL.fullmatch(problem.cell.rsplit("!", 1)[-1])
    if m is None:
        return (1, sheets.get(problem.sheet, len(sheets)), 0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return (1, sheets.get(problem.sheet, len(sheets)), int(m.group(2) or 0), col)


def _check_sheet(
    sheet: RawSheet,
    kind: str,
    catalogue: Catalogue,
    problems: _Problems,
    notes: list[str],
) -> ParsedSheet:
    lang = problems.lang
    specs = SHEET_KINDS[kind][2]
    rows = sheet.rows()
    header, twice = find_header(rows, specs, allow_wide=kind == "indicators", quiet=QUIET_COLUMNS)
    if header is None:
        if not _all_blank(rows[:HEADER_SEARCH_ROWS]):
            expected = ", ".join(t(s.text_key, lang) for s in specs if s.required)
            problems.add(
                sheet.name,
                0,
                0,
                "",
                "",
                "workbook.sheet.no_header",
                sheet=sheet.name,
                expected=expected,
            )
        return ParsedSheet(name=sheet.name, kind=kind)
    for r, c, text, other in twice:
        problems.add(
            sheet.name,
            r,
            c,
            text,
            text,
            "workbook.sheet.duplicate_column",
            column=text,
            other=other,
        )
    wide = kind == "indicators" and "value" not in header.columns and bool(header.periods)
    missing = [
        s
        for s in specs
        if s.required
        and s.field not in header.columns
        and not (wide and s.field in ("period", "value"))
    ]
    if missing:
        first_col = min(c for c, _ in header.columns.values())
        for spec in missing:
            name = t(spec.text_key, lang)
            problems.add(
                sheet.name,
                header.row,
                first_col,
                name,
                "",
                "workbook.sheet.missing_column",
                column=name,
                row=header.row + 1,
            )
        return ParsedSheet(name=sheet.name, kind=kind, header_row=header.row + 1)
    if twice:
        return ParsedSheet(name=sheet.name, kind=kind, header_row=header.row + 1)
    if header.unused:
        notes.append(
            t(
                "workbook.note.unused_columns",
                lang,
                columns=", ".join(f"'{u}'" for u in header.unused),
                sheet=sheet.name,
            )
        )
    parsed = _CHECKS[kind](sheet, header, catalogue, problems)
    parsed.key_column = header.columns[_ROW_KEYS[kind][1]]
    if parsed.layout == "wide":
        periods = ", ".join(text for _, text, _ in header.periods[:6])
        if len(header.periods) > 6:
            periods += " …"
        notes.append(
            t("workbook.note.wide", lang, sheet=sheet.name, periods=periods, rows=len(parsed.rows))
        )
    if parsed.skipped:
        notes.append(t("workbook.note.skipped", lang, n=parsed.skipped, sheet=sheet.name))
    for row, label in parsed.totals:
        notes.append(t("workbook.note.totals", lang, rows=row, sheet=sheet.name, label=label))
    if sheet.hidden_rows and parsed.rows is not None and len(parsed.rows):
        hidden = {r + 1 for r in sheet.hidden_rows} & {int(r) for r in parsed.rows["row"]}
        if hidden:
            notes.append(
                t("workbook.note.hidden_rows", lang, rows=row_list(hidden), sheet=sheet.name)
            )
    return parsed
