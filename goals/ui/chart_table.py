"""Every chart's table alternative (WCAG 1.1.1): the numbers it draws, in a folded table under
it, in the reader's language and number format; a screen reader reaches them as text."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from goals.catalogue.words import period_label
from goals.i18n import format_number, t

__all__ = ["chart_table", "chart_with_table"]


def chart_with_table(
    figure: object,
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    *,
    config: dict,
    lang: str,
    decimals: int = 1,
    key: str,
) -> None:
    """A chart and, folded under it, the table of the numbers it draws (`chart_table`)."""
    st.plotly_chart(figure, theme=None, config=config, key=key)
    chart_table(frame, columns, lang=lang, decimals=decimals, key=key)


def chart_table(
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    *,
    lang: str,
    decimals: int = 1,
    key: str,
) -> None:
    """`frame`'s columns (column, kind: 'text', 'period' or 'number') in a folded table titled
    "Tallene bag grafen"; numbers with `decimals`, periods as people write them."""
    if frame.empty:
        return
    shown = {}
    for column, kind in columns:
        values = frame[column]
        if kind == "period":
            shown[t(f"ui.chart.col.{column}", lang)] = [period_label(str(v), lang) for v in values]
        elif kind == "number":
            shown[t(f"ui.chart.col.{column}", lang)] = [
                "" if pd.isna(v) else format_number(float(v), decimals, lang) for v in values
            ]
        else:
            shown[t(f"ui.chart.col.{column}", lang)] = [
                "" if pd.isna(v) else str(v) for v in values
            ]
    with st.expander(t("ui.chart.table", lang), icon=":material/table_chart:"):
        st.dataframe(pd.DataFrame(shown), hide_index=True, width="stretch", key=f"table-{key}")
