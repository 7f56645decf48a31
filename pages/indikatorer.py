"""Indikatorer: any indicator for the chosen areas, groups and periods — chart and table, what
the indicator is, and downloads (xlsx, csv) of exactly the table shown."""

import streamlit as st

from goals.i18n import t
from goals.present.indicator_data import shown_table
from goals.ui import goal_view, indicator_view, status_view
from goals.ui.frame import context, layout, urlstate

page = layout.start_page(need="view")
if page:
    lang, cat = page.lang, page.catalogue
    status_view.inject_css()
    st.title(t("indicator.title", lang))
    options = indicator_view.indicator_options(cat, lang)
    if not options:
        st.info(t("indicator.none", lang))
    else:
        choice, first, last = st.columns([4, 1, 1])
        code = urlstate.select(
            "indicator", options, label=t("indicator.choose", lang), container=choice
        )
        indicator = cat.indicator(code)
        coverage = indicator_view.coverage(code)
        if coverage.empty:
            st.markdown(indicator_view.about_html(indicator, cat, lang), unsafe_allow_html=True)
            indicator_view.no_values(goal_view.has_values(), lang)
        else:
            selection = indicator_view.choose(cat, coverage, lang, period_columns=(first, last))
            frame = indicator_view.observations(code, selection) if selection.areas else None
            if not selection.areas or not selection.groups:
                st.info(t("indicator.empty_selection", lang))
            elif frame is None or frame["value"].notna().sum() == 0:
                st.info(t("indicator.no_values_selected", lang))
            else:
                chart_column, about_column = st.columns([2, 1])
                with chart_column:
                    report = context.status_report(None, lang)
                    target = indicator_view.chart_target(cat, report, indicator, selection)
                    indicator_view.chart(
                        frame,
                        indicator=indicator,
                        selection=selection,
                        cat=cat,
                        target=target,
                        lang=lang,
                    )
                shown = shown_table(frame, cat, indicator, lang)
                with about_column:
                    st.markdown(f"**{t('indicator.about', lang)}**")
                    st.markdown(
                        indicator_view.about_html(indicator, cat, lang), unsafe_allow_html=True
                    )
                    st.markdown(f"**{t('indicator.download', lang)}**")
                    indicator_view.downloads(
                        shown, indicator=indicator, selection=selection, cat=cat, lang=lang
                    )
                st.subheader(t("indicator.table", lang, n=len(shown)), anchor=False)
                indicator_view.table(shown, lang)
