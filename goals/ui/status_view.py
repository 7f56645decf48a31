"""Status shown the same way on every page: a badge (colour, icon and words — never colour
alone) and the reasoning behind a status, with every input visible."""

from __future__ import annotations

import html

import streamlit as st

from goals.describe import period_label
from goals.i18n import format_number, t
from goals.status import (
    COMPARISON_STYLE,
    STATUS_STYLE,
    StatusRow,
    icon_svg,
    status_label,
    support_text,
)
from goals.verdicts import Combined

_CSS = """<style>
.goals-badge { display: inline-block; padding: .15rem .6rem; border-radius: .9rem;
  font-weight: 600; color: #1A1A1A; white-space: nowrap; border: 1px solid rgba(0,0,0,.25); }
.goals-badge.small { font-size: .85rem; padding: .05rem .45rem; }
.goals-badge .goals-icon { vertical-align: -0.1em; }
.goals-badge.goals-not_available { border: 1px dashed #595959; }
.goals-facts { border-collapse: collapse; margin: .25rem 0 .5rem 0; }
.goals-facts td { padding: .15rem .9rem .15rem 0; vertical-align: top; }
.goals-facts td:first-child { color: #595959; white-space: nowrap; }
</style>"""


def inject_css() -> None:
    """Once per page run, before badges are drawn."""
    st.markdown(_CSS, unsafe_allow_html=True)


def badge_html(status: str, lang: str, *, label: str | None = None, small: bool = False) -> str:
    """A status (or verdict) as a badge: its colour, its symbol (inline SVG, no font needed)
    and its words in the style's text colour — never colour alone."""
    style = STATUS_STYLE.get(status, STATUS_STYLE["not_available"])
    text = label if label is not None else status_label(status, lang)
    size = " small" if small else ""
    return (
        f'<span class="goals-badge{size} goals-{status}" '
        f'style="background:{style.colour};color:{style.ink}">'
        f"{icon_svg(status)} {html.escape(text)}</span>"
    )


def comparison_html(comparison: str, lang: str) -> str:
    style = COMPARISON_STYLE.get(comparison, COMPARISON_STYLE["not_compared"])
    text = t(f"status.comparison.{comparison}", lang)
    return (
        f'<span class="goals-badge small" style="background:{style.colour};color:{style.ink}">'
        f"{style.icon} {html.escape(text)}</span>"
    )


def badge(status: str, lang: str, *, label: str | None = None, small: bool = False) -> None:
    st.markdown(badge_html(status, lang, label=label, small=small), unsafe_allow_html=True)


def counts_text(combined: Combined, lang: str) -> str:
    """The count behind a combined verdict: '3 af 4 succeskriterier er på rette spor eller har
    nået målet' (goals.status.support_text)."""
    return support_text(combined, lang)


def _value(value: float | None, row: StatusRow, lang: str) -> str:
    if value is None:
        return "–"
    unit = t("status.unit.points", lang) if row.gap and row.unit == "%" else row.unit
    return f"{format_number(value, row.decimals, lang)} {unit}"


def _rate(rate: float | None, lang: str) -> str:
    if rate is None:
        return "–"
    text = format_number(100 * rate, 1, lang)
    text = "+" + text if rate > 0 else text.replace("-", "−")
    return t("ui.rate.per_year", lang, rate=text)


def facts_html(row: StatusRow, lang: str) -> str:
    """The inputs behind a status as a small two-column table."""
    facts = [
        (t("ui.facts.baseline", lang), f"{_period(row.base_period, lang)}: {_value(row.base_value, row, lang)}"),
        (t("ui.facts.latest", lang), f"{_period(row.latest_period, lang)}: {_value(row.latest_value, row, lang)}"),
        (t("ui.facts.target", lang), f"{_period(row.target_period, lang)}: {_value(row.target, row, lang)}"),
        (t("ui.facts.required", lang), _rate(row.required_rate, lang)),
        (t("ui.facts.observed", lang), _rate(row.observed_rate, lang)),
        (t("ui.facts.score", lang), format_number(row.score, 1, lang).replace("-", "−") if row.score is not None else "–"),
        (t("ui.facts.region", lang), f"{comparison_html(row.comparison, lang)} "
         + (html.escape(_value(row.region_value, row, lang)) if row.region_value is not None else "")),
        (t("ui.facts.trend", lang), html.escape(row.trend_label)),
    ]  # fmt: skip
    cells = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{value if name == t('ui.facts.region', lang) else html.escape(value)}</td></tr>"
        for name, value in facts
    )
    return f'<table class="goals-facts">{cells}</table>'


def _period(code: str | None, lang: str) -> str:
    return period_label(code, lang) if code else "–"


def reasoning(row: StatusRow, lang: str, *, expanded: bool = False, key: str | None = None) -> None:
    """Why the status is what it is: the sentence, then every input."""
    with st.expander(t("ui.status.why", lang), expanded=expanded):
        st.markdown(html.escape(row.reason_text))
        st.markdown(facts_html(row, lang), unsafe_allow_html=True)
