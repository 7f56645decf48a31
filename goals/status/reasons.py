"""Why a row's status is what it is, in words: the reason codes, the reasoning text and the
change in the indicator's unit.

Pure functions of a `goals.status.report.StatusRow` (the texts are the i18n keys
``status.reason.*``, ``status.explain.*`` and ``status.trend.*``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from goals.catalogue.words import period_label
from goals.i18n import format_number, format_signed, t
from goals.periods import Period, parse_period
from goals.status.compare import Trend
from goals.status.progress import NOT_AVAILABLE, REASONS, TARGET_ACHIEVED

if TYPE_CHECKING:
    from goals.status.report import StatusRow

__all__ = ["REASON_CODES", "change_unit", "explain", "format_change", "trend_label"]

#: Why a criterion cannot be assessed in an area: the codes of goals.status.progress.REASONS plus the
#: ones that only arise from a criterion (its text is i18n key ``status.reason.<code>``).
REASON_CODES: tuple[str, ...] = (
    *REASONS,
    "no_baseline_value",
    "no_polarity",
    "no_direction",
    "negative_gap",
)

#: Reasons whose own sentence says it all: no change to tell, or none from the baseline.
_NO_CHANGE_REASONS = frozenset(
    {
        "no_data",
        "fewer_than_two_periods",
        "no_base_value",
        "base_not_before_latest",
        "no_baseline_value",
        "negative_gap",
    }
)


def change_unit(row: StatusRow) -> str:
    """The unit of a change: procentpoint for a share in % (a gap's unit already is)."""
    return t("status.unit.points", row.lang) if row.unit.strip() == "%" else row.unit


def format_change(value: float | None, row: StatusRow, *, signed: bool = True) -> str:
    """A change in the indicator's unit ('−0,6 procentpoint'): as many decimals as the indicator
    shows, or up to two more where that would round a real change to 0."""
    if value is None or not math.isfinite(value):
        return "–"
    text = format_signed(value if signed else abs(value), row.decimals, row.lang)
    text = text.removeprefix("+") if not signed else text
    unit = change_unit(row)
    return f"{text} {unit}".strip()


def explain(row: StatusRow) -> str:
    """The director's sentences (`StatusRow.reason_text`): the change in the indicator's unit
    and per year, whether it is more than noise, and what is needed a year from now to reach
    the target."""
    lang, result = row.lang, row.measure

    def label(period: Any) -> str:
        if period is None:
            return "–"
        return period_label(period.code if isinstance(period, Period) else str(period), lang)

    def number(value: float | None) -> str:
        text = format_number(value, row.decimals, lang)
        return f"{text} {row.unit}" if value is not None and row.unit else text

    baseline = parse_period(row.baseline_period)
    values = {
        "area": row.area_name,
        "base": label(result.base_period or baseline),
        "latest": label(result.latest_period),
        "target_period": label(row.target_period),
        "base_value": number(result.base_value),
        "latest_value": number(result.latest_value),
        "target": number(row.target),
    }
    if result.status == NOT_AVAILABLE and (
        row.change is None or result.reason in _NO_CHANGE_REASONS
    ):
        if result.reason in ("no_baseline_value", "no_base_value", "negative_gap"):
            values["base"] = label(baseline)
        return t(f"status.reason.{result.reason}", lang, **values) + _sources(row, label)

    what = "gap" if row.gap else "share" if row.unit.strip() == "%" else "value"
    parts = []
    if row.change is None:  # met with a single period: there is no "from … to …"
        parts.append(t(f"status.explain.level.{what}", lang, **values))
    else:
        direction = "up" if row.change > 0 else "down" if row.change < 0 else "same"
        per_year = (
            t("status.explain.per_year", lang, rate=format_change(row.change_per_year, row))
            if row.change_per_year is not None and direction != "same"
            else ""
        )
        parts.append(
            t(f"status.explain.change.{what}.{direction}", lang, per_year=per_year, **values)
        )
        margin = (
            format_change(row.change_margin, row, signed=False)
            if row.change_margin is not None
            else ""
        )
        if direction != "same":
            parts.append(t(f"status.explain.certainty.{row.certainty}", lang, margin=margin))
        elif margin:
            parts.append(t("status.explain.certainty.same", lang, margin=margin))

    if result.status == TARGET_ACHIEVED:
        parts.append(t("status.explain.target_met", lang, **values))
    elif result.status == NOT_AVAILABLE:
        parts.append(t(f"status.reason.{result.reason}", lang, **values))
    elif row.target is None:
        parts.append(t("status.explain.no_target", lang))
    elif row.needed_per_year is None:
        parts.append(t("status.explain.target_passed", lang, **values))
    else:
        verb = "up" if row.needed_per_year > 0 else "down"
        parts.append(
            t(
                f"status.explain.needed.{what}.{verb}",
                lang,
                needed=format_change(row.needed_per_year, row, signed=False),
                **values,
            )
        )
    text = " ".join(parts)
    if isinstance(result.base_period, Period) and result.base_period != baseline:
        text += t("status.explain.base_moved", lang, baseline=label(baseline), base=values["base"])
    if row.direction_inferred:
        direction = t(f"status.direction.{'higher' if row.higher_is_better else 'lower'}", lang)
        text += t("status.explain.direction_inferred", lang, direction=direction)
    return text + _sources(row, label)


def _sources(row: StatusRow, label: Any) -> str:
    """Where the figures did not come as reported: periods worked out from the municipalities,
    and periods hidden by the small-number rule."""
    text = ""
    if row.derived_periods:
        periods = ", ".join(label(p) for p in row.derived_periods)
        text += t("status.explain.derived", row.lang, periods=periods, area=row.area_name)
    if row.suppressed_periods:
        periods = ", ".join(label(p) for p in row.suppressed_periods)
        text += t("status.explain.suppressed", row.lang, periods=periods)
    return text


def trend_label(trend: Trend, lang: str) -> str:
    """The recent trend in words ('Bliver bedre'; without confidence limits only its direction)."""
    if trend.judgement == "direction_only":
        return t(
            "status.trend.direction_only",
            lang,
            direction=t(f"status.trend.{trend.direction}", lang)
            if trend.direction in ("increasing", "decreasing")
            else t("status.trend.no_significant_change", lang).lower(),
        )
    return t(f"status.trend.{trend.judgement}", lang)
