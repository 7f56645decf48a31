"""The tab "Indicators": the list, and one form to edit an indicator or add one."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from goals.catalogue import edit as catalogue_edit
from goals.i18n import t
from goals.ui.admin.common import col, opt, write
from goals.ui.frame.layout import PageContext


def indicators_tab(page: PageContext) -> None:
    lang, cat = page.lang, page.catalogue
    groups = {g.id: g.code for g in cat.steering_groups}
    frame = pd.DataFrame(
        [
            {
                col("code", lang): i.code,
                col("name", lang): i.name,
                col("unit", lang): i.unit,
                col("polarity", lang): t(f"admin.polarity.{i.polarity}", lang),
                col("decimals", lang): i.decimals,
                col("frequency", lang): t(f"admin.frequency.{i.frequency}", lang),
                col("steering_group", lang): ", ".join(
                    sorted(groups[g] for g in cat.indicator_owners(i) if g in groups)
                ),
                col("source", lang): i.source,
            }
            for i in cat.indicators.values()
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    indicators = list(cat.indicators.values())
    if indicators:
        indicator = st.selectbox(
            t("admin.pick.indicator", lang),
            indicators,
            format_func=lambda i: f"{i.code} · {i.name}",
            key="admin-indicator",
        )
        _indicator_form(page, indicator)
    with st.expander(t("admin.add.indicator", lang)):
        _indicator_form(page, None)
    _suppression_form(page)


def _suppression_form(page: PageContext) -> None:
    """The small-number rule (goals.catalogue.suppression): the limit below which a count, or a
    value resting on one, is hidden everywhere."""
    lang, cat = page.lang, page.catalogue
    st.subheader(t("admin.suppression", lang), anchor=False)
    with st.form("admin-suppression"):
        st.caption(t("admin.suppression.help", lang))
        limit = st.number_input(
            col("min_count", lang), min_value=0, max_value=1000, step=1,
            value=cat.suppression.min_count, key="admin-suppression-limit",
        )  # fmt: skip
        save = st.form_submit_button(t("admin.save", lang), key="admin-suppression-go")
    if save:
        write(
            page,
            lambda s: catalogue_edit.set_suppression(
                session=s, actor=page.actor, min_count=int(limit), lang=lang
            ),
            t("admin.saved", lang, what=t("admin.suppression", lang)),
        )


def _indicator_form(page: PageContext, indicator: Any) -> None:
    lang, cat = page.lang, page.catalogue
    key = f"admin-indicator-form-{indicator.code if indicator else 'new'}"
    polarities = list(catalogue_edit.POLARITIES)
    frequencies = list(catalogue_edit.FREQUENCIES)
    owners = ["", *(g.code for g in cat.steering_groups)]
    owner = next(
        (g.code for g in cat.steering_groups if indicator and g.id == indicator.steering_group_id),
        "",
    )
    with st.form(key):
        st.markdown(
            f"**{t('admin.edit.indicator' if indicator else 'admin.add.indicator', lang)}**"
        )
        code = indicator.code if indicator else st.text_input(col("code", lang), key=f"{key}-code")
        get = (lambda name: getattr(indicator, name) or "") if indicator else (lambda name: "")
        name = st.text_input(col("name", lang), get("name"), key=f"{key}-name")
        name_en = st.text_input(col("name_en", lang), get("name_en"), key=f"{key}-name_en")
        c1, c2 = st.columns(2)
        unit = c1.text_input(col("unit", lang), get("unit"), key=f"{key}-unit")
        unit_en = c2.text_input(col("unit_en", lang), get("unit_en"), key=f"{key}-unit_en")
        c2, c3, c4 = st.columns(3)
        polarity = c2.selectbox(
            col("polarity", lang),
            polarities,
            index=polarities.index(str(indicator.polarity)) if indicator else 2,
            format_func=lambda p: t(f"admin.polarity.{p}", lang),
            key=f"{key}-polarity",
        )
        decimals = c3.number_input(
            col("decimals", lang),
            0,
            catalogue_edit.MAX_DECIMALS,
            indicator.decimals if indicator else 1,
            key=f"{key}-decimals",
        )
        frequency = c4.selectbox(
            col("frequency", lang),
            frequencies,
            index=frequencies.index(indicator.frequency) if indicator else 0,
            format_func=lambda f: t(f"admin.frequency.{f}", lang),
            key=f"{key}-frequency",
        )
        c1, c2 = st.columns(2)
        source = c1.text_input(col("source", lang), get("source"), key=f"{key}-source")
        source_en = c2.text_input(col("source_en", lang), get("source_en"), key=f"{key}-source_en")
        c1, c2 = st.columns(2)  # each pair side by side, and together on a phone
        definition = c1.text_area(
            col("definition", lang), get("definition"), key=f"{key}-definition"
        )
        definition_en = c2.text_area(
            col("definition_en", lang), get("definition_en"), key=f"{key}-definition_en"
        )
        c1, c2 = st.columns(2)
        limit = indicator.natural_limit if indicator else None
        natural_limit = c1.text_input(
            col("natural_limit", lang), "" if limit is None else f"{limit:g}", key=f"{key}-limit"
        )
        steering_group = c2.selectbox(
            col("steering_group", lang),
            owners,
            index=owners.index(owner),
            format_func=lambda c: c or t("admin.owner.by_goals", lang),
            key=f"{key}-owner",
        )
        submitted = st.form_submit_button(t("admin.save", lang), type="primary", key=f"{key}-save")
    if not submitted:
        return
    fields = {
        "name": name,
        "name_en": opt(name_en),
        "unit": unit,
        "unit_en": opt(unit_en),
        "polarity": polarity,
        "decimals": int(decimals),
        "frequency": frequency,
        "source": opt(source),
        "source_en": opt(source_en),
        "definition": opt(definition),
        "definition_en": opt(definition_en),
        "natural_limit": opt(natural_limit),
        "steering_group": steering_group or None,
        "actor": page.actor,
        "lang": lang,
    }
    if indicator:
        write(
            page,
            lambda s: catalogue_edit.edit_indicator(session=s, code=indicator.code, **fields),
            t("admin.saved", lang, what=indicator.code),
        )
    else:
        write(
            page,
            lambda s: catalogue_edit.add_indicator(session=s, code=code, **fields),
            t("admin.added", lang, what=code),
        )
