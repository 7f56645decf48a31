"""Status shown the same way on every page: a badge (colour, icon and words — never colour
alone) and the reasoning behind a status, with every input visible.

What people see first is the *verdict* (goals.status.verdicts): the Open SDG status, or "no certain
change" when the change is within the noise. A combined verdict is shown with the count behind
it ('3 af 4 succeskriterier er …'). The Open SDG status and score stay in the details."""

from __future__ import annotations

import streamlit as st

from goals.catalogue.words import period_label
from goals.i18n import format_number, t
from goals.present.style import COMPARISON_STYLE, STATUS_STYLE, icon_svg
from goals.status import StatusRow, format_change, status_label, support_text
from goals.status.verdicts import Combined
from goals.ui.markup import esc

_CSS = """<style>
.goals-badge { display: inline-block; padding: .15rem .6rem; border-radius: .9rem;
  font-weight: 600; color: #1A1A1A; white-space: nowrap; border: 1px solid rgba(0,0,0,.25); }
.goals-badge.small { font-size: .85rem; padding: .05rem .45rem; }
.goals-badge .goals-icon { vertical-align: -0.1em; }
.goals-badge.goals-not_available { border: 1px dashed #595959; }
.goals-facts { border-collapse: collapse; margin: .25rem 0 .5rem 0; }
.goals-facts td { padding: .15rem .9rem .15rem 0; vertical-align: top; }
.goals-facts td:first-child { color: #595959; white-space: nowrap; }
.goals-facts tr.goals-facts-section td { padding-top: .6rem; }
/* a phone: nothing is cut off. A chart drawn for a projector (the gap before and after) keeps
   its layout and scrolls sideways (wide_chart; goals.ui.frame.dom makes the box a named,
   focusable region); the reasoning's labels wrap, a badge may too. */
@media (max-width: 640px) {
  [class*="st-key-wide-chart"] { overflow-x: auto; }
  [class*="st-key-wide-chart"] > [data-testid="stElementContainer"] { min-width: 600px; }
  .goals-facts { width: 100%; }
  .goals-facts td:first-child { white-space: normal; width: 42%; }
  .goals-facts td { overflow-wrap: anywhere; }
  .goals-facts .goals-badge { white-space: normal; }
}
.goals-combined { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; }
.goals-support { color: #404040; }
.goals-reason { font-size: 1.02rem; line-height: 1.5; margin: .2rem 0 .5rem 0; color: #1A1A1A; }
</style>"""


def inject_css() -> None:
    """Once per page run, before badges are drawn."""
    st.markdown(_CSS, unsafe_allow_html=True)


def wide_chart(figure: object, *, key: str, config: dict) -> None:
    """A chart drawn for a projector (the gap before and after): on a phone it keeps its
    layout and scrolls sideways in its own box instead of being cut off (see _CSS)."""
    with st.container(key=f"wide-chart-{key}"):
        st.plotly_chart(figure, theme=None, config=config, key=key)


def badge_html(status: str, lang: str, *, label: str | None = None, small: bool = False) -> str:
    """A status (or verdict) as a badge: its colour, its symbol (inline SVG, no font needed)
    and its words in the style's text colour — never colour alone."""
    style = STATUS_STYLE.get(status, STATUS_STYLE["not_available"])
    text = label if label is not None else status_label(status, lang)
    size = " small" if small else ""
    return (
        f'<span class="goals-badge{size} goals-{status}" '
        f'style="background:{style.colour};color:{style.ink}">'
        f"{icon_svg(status)} {esc(text)}</span>"
    )


def comparison_html(comparison: str, lang: str) -> str:
    style = COMPARISON_STYLE.get(comparison, COMPARISON_STYLE["not_compared"])
    text = t(f"status.comparison.{comparison}", lang)
    return (
        f'<span class="goals-badge small" style="background:{style.colour};color:{style.ink}">'
        f"{style.icon} {esc(text)}</span>"
    )


def badge(status: str, lang: str, *, label: str | None = None, small: bool = False) -> None:
    st.markdown(badge_html(status, lang, label=label, small=small), unsafe_allow_html=True)


def counts_text(combined: Combined, lang: str) -> str:
    """The count behind a combined verdict: '3 af 4 succeskriterier er på rette spor eller har
    nået målet' (goals.status.support_text)."""
    return support_text(combined, lang)


def verdict_html(row: StatusRow, lang: str, *, small: bool = False) -> str:
    """A criterion's verdict as a badge (what people see first; the Open SDG status is in the
    details)."""
    return badge_html(row.verdict, lang, small=small)


def combined_html(combined: Combined, lang: str, *, small: bool = False) -> str:
    """A combined verdict as a badge with the count behind it, naming its unit, beside it."""
    return (
        f'<span class="goals-combined">{badge_html(combined.status, lang, small=small)}'
        f'<span class="goals-support">{esc(counts_text(combined, lang))}</span></span>'
    )


def reason_html(row: StatusRow) -> str:
    """The plain-language sentences a director reads first (row.reason_text)."""
    return f'<div class="goals-reason">{esc(row.reason_text)}</div>'


def _value(value: float | None, row: StatusRow, lang: str) -> str:
    if value is None:
        return "–"
    # row.unit is already the series' unit (percentage points for a gap between shares)
    return f"{format_number(value, row.decimals, lang)} {row.unit}".strip()


def _interval(lower: float | None, upper: float | None, row: StatusRow, lang: str) -> str:
    if lower is None or upper is None:
        return ""
    return " " + t(
        "ui.facts.interval",
        lang,
        lower=format_number(lower, row.decimals, lang),
        upper=format_number(upper, row.decimals, lang),
    )


def _rate(rate: float | None, lang: str) -> str:
    if rate is None:
        return "–"
    text = format_number(100 * rate, 1, lang)
    text = "+" + text if rate > 0 else text.replace("-", "−")
    return t("ui.rate.per_year", lang, rate=text)


def per_year(value: float | None, row: StatusRow, lang: str) -> str:
    """A change a year in the indicator's unit: '−0,5 procentpoint om året'."""
    if value is None:
        return "–"
    return t("ui.per_year", lang, value=format_change(value, row))


def certainty_text(row: StatusRow, lang: str) -> str:
    """'Sikker ændring (større end ±3,4 procentpoint)' and the like."""
    text = t(f"ui.certainty.{row.certainty}", lang)
    if row.change_margin is not None and row.certainty != "unknown":
        margin = format_change(row.change_margin, row, signed=False)
        text += " " + t(f"ui.certainty.margin.{row.certainty}", lang, margin=margin)
    return text


def facts_html(row: StatusRow, lang: str) -> str:
    """The inputs behind a verdict as a small two-column table: the values with their 95 %
    intervals, the change and what is needed a year, the certainty, then the Open SDG status,
    its score and rates, the comparison with the region and the recent trend."""
    base = f"{_period(row.base_period, lang)}: {_value(row.base_value, row, lang)}"
    latest = f"{_period(row.latest_period, lang)}: {_value(row.latest_value, row, lang)}"
    facts = [
        (t("ui.facts.baseline", lang), esc(base + _interval(row.base_lower, row.base_upper, row, lang))),
        (t("ui.facts.latest", lang), esc(latest + _interval(row.latest_lower, row.latest_upper, row, lang))),
        (t("ui.facts.target", lang), esc(f"{_period(row.target_period, lang)}: {_value(row.target, row, lang)}")),
        (t("ui.facts.change_per_year", lang), esc(per_year(row.change_per_year, row, lang))),
        (t("ui.facts.needed_per_year", lang), esc(per_year(row.needed_per_year, row, lang))),
        (t("ui.facts.certainty", lang), esc(certainty_text(row, lang))),
        (t("ui.facts.open_sdg", lang), badge_html(row.status, lang, small=True)),
        (t("ui.facts.score", lang), esc(format_number(row.score, 1, lang).replace("-", "−") if row.score is not None else "–")),
        (t("ui.facts.required", lang), esc(_rate(row.required_rate, lang))),
        (t("ui.facts.observed", lang), esc(_rate(row.observed_rate, lang))),
        (t("ui.facts.region", lang), f"{comparison_html(row.comparison, lang)} "
         + (esc(_value(row.region_value, row, lang)) if row.region_value is not None else "")),
        (t("ui.facts.trend", lang), esc(row.trend_label)),
    ]  # fmt: skip
    cells = "".join(f"<tr><td>{esc(name)}</td><td>{value}</td></tr>" for name, value in facts)
    return f'<table class="goals-facts">{cells}</table>'


def _period(code: str | None, lang: str) -> str:
    return period_label(code, lang) if code else "–"


def reasoning(
    row: StatusRow,
    lang: str,
    *,
    expanded: bool = False,
    key: str | None = None,
    sentence: bool = True,
) -> None:
    """Why the verdict is what it is: the sentence (unless it is shown already, `sentence`
    False), then every input."""
    with st.expander(t("ui.status.why", lang), expanded=expanded, icon=":material/help:"):
        if sentence:
            st.markdown(reason_html(row), unsafe_allow_html=True)
        st.markdown(facts_html(row, lang), unsafe_allow_html=True)
