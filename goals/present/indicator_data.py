"""One indicator's values as the Indikatorer page shows them, and the downloads of that view.

`coverage` says which areas, groups and periods have values; `observations` reads the current
values of a selection; `shown_table` turns them into the table a reader sees (headers in the
reader's language, values rounded to the indicator's decimals, empty columns left out).
`to_csv` and `to_xlsx` write exactly that table. No Streamlit here: the page caches and draws.

Spreadsheet cells are data, never formulas: text starting with ``= + - @`` (or a tab or
carriage return) is what OWASP calls CSV injection. The CSV gets a leading single quote on such
cells, as OWASP recommends; the workbook stores them as plain text with Excel's quote prefix,
so the text itself is unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from goals import store
from goals.catalogue import Catalogue
from goals.catalogue.suppression import SUPPRESSED
from goals.catalogue.words import period_label
from goals.i18n import format_number, has_text, name_of, t
from goals.periods import Period, PeriodError, parse_period, sorted_codes
from goals.spreadsheet.write import FORMULA_STARTS, csv_text, put
from goals.status.derived import combine_rule
from goals.store.model import Area, AreaKind, Indicator, Observation
from goals.store.observations import current_values

__all__ = [
    "FORMULA_STARTS",
    "Coverage",
    "area_order",
    "coverage",
    "data_notes",
    "formatted",
    "frequency_text",
    "inert",
    "observations",
    "polarity_text",
    "shown_table",
    "to_csv",
    "to_xlsx",
]

#: Characters that make a spreadsheet read a text cell as a formula (OWASP, CSV injection).

# The table's columns: (key, kind). Keys name the texts `indicator.column.<key>`.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("period", "text"),
    ("area", "text"),
    ("group", "text"),
    ("value", "value"),
    ("lower", "value"),
    ("upper", "value"),
    ("numerator", "count"),
    ("denominator", "count"),
    ("note", "text"),
)
_ALWAYS = {"period", "area", "group", "value"}


@dataclass(frozen=True)
class Coverage:
    """What has current values for an indicator: codes in catalogue order, periods in time order."""

    areas: list[str]
    groups: list[str]
    periods: list[str]

    @property
    def empty(self) -> bool:
        return not self.periods


_KIND_ORDER = {
    AreaKind.REGION: 0,
    AreaKind.CLUSTER: 1,
    AreaKind.MUNICIPALITY: 2,
    AreaKind.HOSPITAL: 3,
    AreaKind.GENERAL_PRACTICE: 4,
}


def area_order(cat: Catalogue) -> list[Area]:
    """Areas as a reader looks for them: the region, the clusters, then municipalities,
    hospitals and general practice, each in catalogue order."""
    return sorted(
        cat.areas.values(), key=lambda a: (_KIND_ORDER.get(a.kind, 9), a.sort_order, a.name)
    )


@store.reads
def coverage(session: Session, cat: Catalogue, indicator_code: str) -> Coverage:
    """The areas, groups and periods with a current value (or a withheld one) for an indicator."""
    indicator = cat.indicator(indicator_code)
    if indicator is None:
        return Coverage([], [], [])
    o = Observation.__table__
    query = sa.select(o.c.area_id, o.c.group_id, o.c.period).where(
        o.c.indicator_id == indicator.id, o.c.is_current
    )
    rows = session.connection().execute(query).all()
    area_ids = {r[0] for r in rows}
    if combine_rule(indicator) is not None:  # a cluster whose value its municipalities give
        area_ids |= {c.id for c in cat.clusters if cat.municipalities_ever(c) & area_ids}
    group_ids = {r[1] for r in rows}
    return Coverage(
        areas=[a.code for a in area_order(cat) if a.id in area_ids],
        groups=[g.code for g in cat.groups.values() if g.id in group_ids],
        periods=sorted_codes(r[2] for r in rows),
    )


@store.reads
def observations(
    session: Session,
    cat: Catalogue,
    *,
    indicator: str,
    areas: Sequence[str],
    groups: Sequence[str],
    period_from: str | None = None,
    period_to: str | None = None,
) -> pd.DataFrame:
    """Current values of one indicator for the chosen areas, groups and period range.

    Columns: period, area, group (codes), value, lower, upper, numerator, denominator, note,
    missing_reason, derived. Rows in catalogue order of area and group, then time. Unknown
    codes are ignored; an empty selection gives an empty frame with the same columns.

    A value hidden by the small-number rule has no numbers and the reason `SUPPRESSED`; a
    cluster's period that its municipalities give (goals.status.derived) is a row whose
    `derived` names them (their codes, comma-separated; empty for a reported value).
    """
    columns = [
        "period",
        "area",
        "group",
        "value",
        "lower",
        "upper",
        "numerator",
        "denominator",
        "note",
        "missing_reason",
    ]
    ind = cat.indicator(indicator)
    # shown in the reader's order (region, clusters, …), whatever order they were picked in
    area_objs = [a for a in area_order(cat) if a.code in set(areas)]
    group_objs = [g for g in cat.groups.values() if g.code in set(groups)]
    if ind is None or not area_objs or not group_objs:
        return pd.DataFrame(columns=[*columns, "derived"])
    chosen = {a.id for a in area_objs}
    combines = combine_rule(ind) is not None
    helpers = set().union(*(cat.municipalities_ever(a) for a in area_objs)) if combines else set()
    raw = current_values(
        session,
        indicator_ids=[ind.id],
        area_ids=sorted(chosen | helpers),
        group_ids=[g.id for g in group_objs],
    )
    raw = cat.without_hidden(raw).assign(derived="")
    if helpers:
        raw = _with_derived(raw, cat, ind, area_objs, [g.id for g in group_objs])
    raw = raw[raw["area_id"].isin(chosen)]
    low = _parse(period_from)
    high = _parse(period_to)
    if low is not None and high is not None and high < low:
        low, high = high, low
    periods = {code: _parse(code) for code in raw["period"].unique()}
    keep = [
        p is not None and (low is None or p >= low) and (high is None or p <= high)
        for p in raw["period"].map(periods)
    ]
    raw = raw[keep]
    area_rank = {a.id: i for i, a in enumerate(area_objs)}
    group_rank = {g.id: i for i, g in enumerate(group_objs)}
    frame = pd.DataFrame(
        {
            "period": raw["period"],
            "area": raw["area_id"].map({a.id: a.code for a in area_objs}),
            "group": raw["group_id"].map({g.id: g.code for g in group_objs}),
            "value": raw["value"],
            "lower": raw["lower"],
            "upper": raw["upper"],
            "numerator": raw["numerator"].astype("Int64"),
            "denominator": raw["denominator"].astype("Int64"),
            "note": raw["note"],
            "missing_reason": raw["missing_reason"],
            "derived": raw["derived"],
            "_a": raw["area_id"].map(area_rank),
            "_g": raw["group_id"].map(group_rank),
            "_p": raw["period"].map(periods),
        }
    )
    frame = frame.sort_values(["_a", "_g", "_p"], kind="stable")
    return frame[[*columns, "derived"]].reset_index(drop=True)


def _with_derived(
    raw: pd.DataFrame,
    cat: Catalogue,
    indicator: Indicator,
    areas: list[Area],
    group_ids: list[int],
) -> pd.DataFrame:
    """`raw` and a row for each cluster period worked out from its municipalities
    (goals.status.derived): `derived` holds their codes, comma-separated."""
    from goals.status.derived import derive
    from goals.status.values import last_day

    added = []
    for area in areas:
        ever = cat.municipalities_ever(area)
        if not ever:
            continue
        for group_id in group_ids:
            mine = raw[(raw["group_id"] == group_id)]
            own = [
                p for p in (_parse(c) for c in mine.loc[mine["area_id"] == area.id, "period"]) if p
            ]
            members: dict[int, dict[Period, tuple]] = {}
            shown = mine[mine["area_id"].isin(ever) & mine["value"].notna()]
            for area_id, code, value, numerator, denominator in zip(
                shown["area_id"], shown["period"], shown["value"], shown["numerator"],
                shown["denominator"], strict=True,
            ):  # fmt: skip
                period = _parse(code)
                if period is not None:
                    members.setdefault(int(area_id), {})[period] = (
                        float(value), _number(numerator), _number(denominator)
                    )  # fmt: skip
            for period, c in derive(cat, indicator, area, own, members, last_day).items():
                hidden = cat.hides(indicator.id, c.value, c.numerator, c.denominator)
                added.append(
                    {
                        "area_id": area.id,
                        "group_id": group_id,
                        "period": period.code,
                        "value": float("nan") if hidden else c.value,
                        "numerator": float("nan") if hidden else c.numerator,
                        "denominator": float("nan") if hidden else c.denominator,
                        "missing_reason": SUPPRESSED if hidden else None,
                        "note": None,
                        "derived": ",".join(cat.areas[i].code for i in c.members),
                    }
                )
    if not added:
        return raw
    return pd.concat([raw, pd.DataFrame(added)], ignore_index=True)


def _number(value: object) -> float | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return float(value)  # type: ignore[arg-type]


def _parse(code: object) -> Period | None:
    if not code:
        return None
    try:
        return parse_period(code)
    except (PeriodError, ValueError):
        return None


def header(key: str, indicator: Indicator, lang: str) -> str:
    """A column header in the reader's language; the value column carries the unit."""
    if key == "value":
        return t("indicator.column.value", lang, unit=name_of(indicator, lang, "unit"))
    return t(f"indicator.column.{key}", lang)


def shown_table(
    frame: pd.DataFrame, cat: Catalogue, indicator: Indicator, lang: str
) -> pd.DataFrame:
    """The table as shown and downloaded: names instead of codes, period labels, values rounded
    to the indicator's decimals; optional columns appear only when some row has a value.
    A withheld value shows its reason in the note column."""
    areas = {a.code: name_of(a, lang) for a in cat.areas.values()}
    groups = {g.code: name_of(g, lang) for g in cat.groups.values()}
    derived = frame["derived"] if "derived" in frame else pd.Series([""] * len(frame))
    notes = [
        "; ".join(
            str(part)
            for part in (_reason(reason, cat, lang), note, _derived(codes, cat, lang))
            if isinstance(part, str) and part.strip()
        )
        for reason, note, codes in zip(frame["missing_reason"], frame["note"], derived, strict=True)
    ]
    data = {
        "period": [period_label(p, lang) for p in frame["period"]],
        "area": [areas.get(a, a) for a in frame["area"]],
        "group": [groups.get(g, g) for g in frame["group"]],
        "value": frame["value"].astype("float64").round(indicator.decimals),
        "lower": frame["lower"].astype("float64").round(indicator.decimals),
        "upper": frame["upper"].astype("float64").round(indicator.decimals),
        "numerator": frame["numerator"].astype("Int64"),
        "denominator": frame["denominator"].astype("Int64"),
        "note": pd.Series(notes, dtype=object, index=frame.index),
    }
    kept = {
        key: values
        for key, values in data.items()
        if key in _ALWAYS
        or (key == "note" and any(n for n in notes))
        or (key != "note" and pd.Series(values).notna().any())
    }
    table = pd.DataFrame(kept).reset_index(drop=True)
    table.columns = [header(key, indicator, lang) for key in kept]
    table.attrs["kinds"] = [dict(_COLUMNS)[key] for key in kept]
    table.attrs["decimals"] = indicator.decimals
    return table


def _reason(reason: object, cat: Catalogue, lang: str) -> object:
    """A withheld value's reason as shown; a hidden one's in the reader's language."""
    if reason == SUPPRESSED:
        return t("data.suppressed", lang, n=cat.suppression.min_count)
    return reason


def data_notes(frame: pd.DataFrame, cat: Catalogue, lang: str) -> list[str]:
    """What a chart or table of `observations` must say beside it: that small numbers are
    hidden, and which clusters' values were combined from their municipalities."""
    notes = []
    if "missing_reason" in frame and (frame["missing_reason"] == SUPPRESSED).any():
        notes.append(t("data.suppressed.note", lang, n=cat.suppression.min_count))
    if "derived" in frame:
        combined = frame[frame["derived"].fillna("").astype(str) != ""]
        for area in dict.fromkeys(combined["area"]):
            rows = combined[combined["area"] == area]
            found = cat.area(area)
            notes.append(
                t(
                    "indicator.derived_note",
                    lang,
                    area=name_of(found, lang) if found else area,
                    periods=", ".join(period_label(p, lang) for p in dict.fromkeys(rows["period"])),
                )
            )
    return notes


def _derived(codes: object, cat: Catalogue, lang: str) -> str:
    """'Beregnet af kommunernes tal: Aalborg Kommune, …' for a value worked out from them."""
    if not isinstance(codes, str) or not codes:
        return ""
    names = [name_of(cat.area(code), lang) if cat.area(code) else code for code in codes.split(",")]
    return t("data.derived", lang, names=", ".join(names))


def formatted(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table with numbers as text in the reader's format (decimal comma in Danish);
    missing numbers are empty (a gap, never 0)."""
    out = table.copy()
    decimals = table.attrs.get("decimals", 1)
    for column, kind in zip(table.columns, table.attrs.get("kinds", []), strict=False):
        if kind == "text":
            out[column] = table[column].fillna("").astype(str)
            continue
        places = decimals if kind == "value" else 0
        out[column] = [
            "" if pd.isna(v) else format_number(float(v), places, lang) for v in table[column]
        ]
    return out


def inert(text: str) -> str:
    """A text cell that no spreadsheet reads as a formula: a leading ' where OWASP says so."""
    return csv_text(text)


def to_csv(table: pd.DataFrame, lang: str) -> bytes:
    """The table as CSV for the reader's spreadsheet: in Danish ';' between fields and a decimal
    comma, in English ',' and a decimal point; UTF-8 with a BOM so Excel reads æ, ø and å."""
    out = table.copy()
    decimals = table.attrs.get("decimals", 1)
    for column, kind in zip(table.columns, table.attrs.get("kinds", []), strict=False):
        if kind == "text":
            out[column] = [inert(str(v)) if isinstance(v, str) else v for v in table[column]]
        elif kind == "value":
            out[column] = [
                None
                if pd.isna(v)
                else f"{float(v):.{decimals}f}".replace(".", "," if lang == "da" else ".")
                for v in table[column]
            ]
    text = out.to_csv(index=False, sep=";" if lang == "da" else ",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def to_xlsx(
    table: pd.DataFrame,
    *,
    sheet: str,
    about: Sequence[tuple[str, str]] = (),
    about_sheet: str = "Om data",
) -> bytes:
    """The table as an Excel workbook: numbers as numbers (shown with the indicator's decimals),
    text as text (never a formula), a bold frozen header; `about` (label, text) pairs go on a
    second sheet (definition, source, unit, the selection)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    decimals = table.attrs.get("decimals", 1)
    kinds = table.attrs.get("kinds", ["text"] * len(table.columns))
    workbook = Workbook()
    ws = workbook.active
    ws.title = _sheet_name(sheet)
    for j, name in enumerate(table.columns, start=1):
        put(ws, 1, j, str(name)).font = Font(bold=True)
    number_format = {"value": "0." + "0" * decimals if decimals else "0", "count": "#,##0"}
    for i, row in enumerate(table.itertuples(index=False), start=2):
        for j, (value, kind) in enumerate(zip(row, kinds, strict=True), start=1):
            cell = ws.cell(row=i, column=j)
            if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                continue  # a missing number stays an empty cell, never 0
            if kind == "text":
                put(ws, i, j, str(value))
            else:
                cell.value = int(value) if kind == "count" else float(value)
                cell.number_format = number_format[kind]
    for j, name in enumerate(table.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in table.iloc[:, j - 1].tolist()])
        ws.column_dimensions[get_column_letter(j)].width = min(max(10, longest + 2), 60)
    ws.freeze_panes = "A2"
    if about:
        info = workbook.create_sheet(_sheet_name(about_sheet))
        for i, (label, text) in enumerate(about, start=1):
            put(info, i, 1, label).font = Font(bold=True)
            put(info, i, 2, text).alignment = Alignment(wrap_text=True)
        info.column_dimensions["A"].width = 24
        info.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    for char in "[]:*?/\\":
        name = name.replace(char, " ")
    return name[:31] or "Data"


def polarity_text(indicator: Indicator, lang: str) -> str:
    """'Lavere er bedre' – the indicator's polarity in words."""
    return t(f"indicator.polarity.{indicator.polarity}", lang)


def frequency_text(indicator: Indicator, lang: str) -> str:
    key = f"indicator.frequency.{indicator.frequency}"
    return t(key, lang) if has_text(key) else str(indicator.frequency)
