"""The Økonomi page: the initiatives' budget and spending (kr.) summed per track, cluster or
goal, as a chart and a table, the initiatives over budget by name, and the secretariat's pools
with the amount granted and spent per year. Administrators create pools and enter the years on
the page (through `goals.plans`, which checks the right and records the audit event).

The selection lives in the URL (``?cluster=MIDT&track=KOL&by=goal``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from goals.i18n import format_amount, format_amount_short, t
from goals.plans import LEVELS, PlanRow, PoolError, Totals, pools, save_pool, set_pool_year, totals
from goals.present.charts import economy_chart, plotly_config
from goals.ui import overview_view, workplan_view
from goals.ui.admin.common import write_through
from goals.ui.frame import context, urlstate
from goals.ui.frame.layout import PageContext

FLASH = "economy-flash"


@context.versioned_cache(max_entries=4)
def _pools(version: tuple, lang: str) -> list[Any]:
    return pools(engine=context.engine(), lang=lang)


def _share(spent: float, budget: float, lang: str) -> str:
    if budget <= 0:
        return "–"
    share = round(100 * spent / budget)
    return f"{share} %" if lang == "da" else f"{share}%"


def totals_table(found: list[Totals], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t(f"plans.level.{found[0].level}", lang) if found else "": [x.name for x in found],
            t("plans.count.initiatives", lang): [str(x.initiatives) for x in found],
            t("plans.budget", lang): [format_amount(x.budget, lang) for x in found],
            t("plans.spent", lang): [format_amount(x.spent, lang) for x in found],
            t("plans.remaining", lang): [format_amount(x.remaining, lang) for x in found],
            t("plans.used", lang): [_share(x.spent, x.budget, lang) for x in found],
            t("plans.without_budget", lang): [str(x.without_budget) for x in found],
            t("plans.count.over_budget", lang): [str(x.over_budget) for x in found],
        }
    )


def over_budget(rows: list[PlanRow], lang: str) -> None:
    over = [r for r in rows if r.over_budget]
    st.subheader(t("plans.over_budget.title", lang, n=len(over)), anchor=False)
    if not over:
        overview_view.note(t("plans.over_budget.none", lang))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("workbook.col.initiative", lang): [r.initiative for r in over],
                t("workbook.col.goal", lang): [r.goal for r in over],
                t("workbook.col.area", lang): [r.area_name for r in over],
                t("workbook.col.status", lang): [
                    workplan_view.status_text(r.status, lang) for r in over
                ],
                t("plans.budget", lang): [format_amount(r.budget, lang) for r in over],
                t("plans.spent", lang): [format_amount(r.spent, lang) for r in over],
                t("plans.over_by", lang): [
                    format_amount((r.spent or 0) - (r.budget or 0), lang) for r in over
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def pool_section(page: PageContext) -> None:
    lang = page.lang
    st.subheader(t("plans.pools", lang), anchor=False)
    found = _pools(context.data_version(), lang)
    if not found:
        overview_view.note(t("plans.pools.none", lang))
    for pool in found:
        holder = f" · {pool.area_name}" if pool.area_name else ""
        st.markdown(f"**{pool.name}** ({pool.code}){holder}")
        if pool.note:
            overview_view.note(pool.note)
        if not pool.years:
            overview_view.note(t("plans.pool.no_years", lang))
            continue
        st.dataframe(
            pd.DataFrame(
                {
                    t("plans.year", lang): [str(y.year) for y in pool.years],
                    t("plans.granted", lang): [format_amount(y.granted, lang) for y in pool.years],
                    t("plans.spent", lang): [format_amount(y.spent, lang) for y in pool.years],
                    t("plans.remaining", lang): [
                        format_amount(y.remaining, lang) for y in pool.years
                    ],
                    t("plans.attention", lang): [
                        t("plans.over_granted", lang) if y.over else "" for y in pool.years
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if page.actor is not None and page.actor.may_administer():
        pool_forms(page, found)


def _write(page: PageContext, action: Callable[[], Any], done: str) -> None:
    write_through(page, action, done, (PoolError,), FLASH)


def pool_forms(page: PageContext, found: list[Any]) -> None:
    lang = page.lang
    with st.expander(t("plans.pool.edit_year", lang), icon=":material/edit:"):
        if not found:
            overview_view.note(t("plans.pools.none", lang))
        else:
            with st.form("pool-year"):
                code = st.selectbox(
                    t("plans.pool", lang),
                    [p.code for p in found],
                    format_func=lambda c: next(p.name for p in found if p.code == c),
                )
                year = st.number_input(t("plans.year", lang), 1990, 2100, step=1, value=2026)
                granted = st.text_input(t("plans.granted_kr", lang), placeholder="500000")
                spent = st.text_input(t("plans.spent_kr", lang), placeholder="250000")
                note = st.text_input(t("plans.note", lang))
                submitted = st.form_submit_button(t("plans.save", lang), type="primary")
            if submitted:
                _write(
                    page,
                    lambda: set_pool_year(
                        engine=page.engine,
                        actor=page.actor,
                        code=code,
                        year=int(year),
                        granted=granted,
                        spent=spent,
                        note=note,
                        lang=lang,
                    ),
                    t("plans.pool.saved", lang),
                )
    with st.expander(t("plans.pool.new", lang), icon=":material/add:"):
        with st.form("pool-new"):
            code = st.text_input(t("plans.pool.code", lang), placeholder="BEREDSKAB")
            name = st.text_input(t("plans.pool.name", lang), placeholder="Beredskabspuljen")
            name_en = st.text_input(t("plans.pool.name_en", lang))
            submitted = st.form_submit_button(t("plans.save", lang), type="primary")
        if submitted:
            _write(
                page,
                lambda: save_pool(
                    engine=page.engine,
                    actor=page.actor,
                    code=code,
                    name=name,
                    name_en=name_en,
                    lang=lang,
                ),
                t("plans.pool.saved", lang),
            )


def show(page: PageContext) -> None:
    lang = page.lang
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash)
    cluster, track = workplan_view.filters(page)
    rows = workplan_view.plan(cluster, track, lang)
    if not rows:
        overview_view.note(t("plans.none", lang))
    else:
        everything = totals(rows, "track")
        budget = sum(x.budget for x in everything)
        spent = sum(x.spent for x in everything)
        figures = [
            (t("plans.budget", lang), format_amount_short(budget, lang)),
            (t("plans.spent", lang), format_amount_short(spent, lang)),
            (t("plans.used", lang), _share(spent, budget, lang)),
            (t("plans.count.over_budget", lang), str(sum(r.over_budget for r in rows))),
        ]
        # two by two: an amount in words needs the room on a laptop's screen
        for pair in (figures[:2], figures[2:]):
            for column, (label, value) in zip(st.columns(2), pair, strict=True):
                column.metric(label, value)
        without = sum(x.without_budget for x in everything)
        if without:
            overview_view.note(t("plans.without_budget.note", lang, n=without))
        level = urlstate.select(
            "by",
            {k: t(f"plans.by.{k}", lang) for k in ("cluster", "track", "goal") if k in LEVELS},
            label=t("plans.by", lang),
        )
        found = totals(rows, level or "cluster")
        figure = economy_chart(
            [x.name for x in found],
            [x.budget for x in found],
            [x.spent for x in found],
            lang=lang,
        )
        st.plotly_chart(figure, theme=None, config=plotly_config(f"oekonomi-{level}"))
        st.dataframe(totals_table(found, lang), hide_index=True, width="stretch")
        over_budget(rows, lang)
    pool_section(page)
