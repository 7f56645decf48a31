"""The Arbejdsplan page: the initiatives of a cluster and a track on a time line per goal –
start to end in the status's colour, the next milestone, today – with what is overdue and over
budget said in words, and the plan as a table (also the initiatives without dates).

The selection lives in the URL (``?cluster=MIDT&track=KOL``); the plan is read through
`goals.plans.workplan`, cached until the data change.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from goals.i18n import format_amount, format_date, name_of, t
from goals.plans import PlanRow, workplan
from goals.present.charts import TimelineItem, plotly_config, timeline_chart, timeline_span
from goals.present.style import INITIATIVE_STYLE
from goals.ui import overview_view
from goals.ui.frame import context, urlstate
from goals.ui.frame.layout import PageContext
from goals.ui.markup import esc

ALL = ""


@context.versioned_cache(max_entries=64)
def _plan(
    version: tuple, cluster: str | None, track: str | None, lang: str, today: dt.date
) -> list[PlanRow]:
    return workplan(
        engine=context.engine(),
        catalogue=context.catalogue(),
        cluster=cluster,
        track=track,
        today=today,
        lang=lang,
    )


def plan(cluster: str | None, track: str | None, lang: str) -> list[PlanRow]:
    """The work plan of a cluster and a track (None: all), cached until the data change."""
    return _plan(context.data_version(), cluster, track, lang, dt.date.today())


def filters(page: PageContext) -> tuple[str | None, str | None]:
    """The cluster and track pickers, bound to ``?cluster=`` and ``?track=``."""
    lang, cat = page.lang, page.catalogue
    left, right = st.columns(2)
    cluster = urlstate.select(
        "cluster",
        {ALL: t("plans.all_clusters", lang)} | {c.code: name_of(c, lang) for c in cat.clusters},
        label=t("plans.pick_cluster", lang),
        container=left,
    )
    track = urlstate.select(
        "track",
        {ALL: t("plans.all_tracks", lang)} | {x.code: name_of(x, lang) for x in cat.tracks},
        label=t("plans.pick_track", lang),
        container=right,
    )
    return cluster or None, track or None


def status_text(status: str, lang: str) -> str:
    style = INITIATIVE_STYLE.get(status)
    return f"{style.icon if style else ''} {t(f'workbook.initiative.{status}', lang)}".strip()


def summary(rows: list[PlanRow], lang: str) -> None:
    counts = [
        (t("plans.count.initiatives", lang), len(rows)),
        (t("plans.count.overdue", lang), sum(r.overdue for r in rows)),
        (t("plans.count.milestone_passed", lang), sum(r.milestone_passed for r in rows)),
        (t("plans.count.over_budget", lang), sum(r.over_budget for r in rows)),
    ]
    for column, (label, n) in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(label, n)


def items(rows: list[PlanRow], lang: str, *, with_cluster: bool) -> list[TimelineItem]:
    return [
        TimelineItem(
            label=f"{r.initiative} · {r.area_name}" if with_cluster else r.initiative,
            start=r.start,
            end=r.end,
            status=r.status,
            next_milestone=r.next_milestone,
            milestone_date=r.milestone_date,
            overdue=r.overdue,
        )
        for r in rows
    ]


def table(rows: list[PlanRow], lang: str) -> pd.DataFrame:
    """The plan as text columns, flags in words (never colour alone)."""

    def flags(r: PlanRow) -> str:
        found = [t("plans.overdue", lang)] if r.overdue else []
        found += [t("plans.milestone_passed", lang)] if r.milestone_passed else []
        found += [t("plans.over_budget", lang)] if r.over_budget else []
        return ", ".join(found)

    columns = {t("workbook.col.initiative", lang): [r.initiative for r in rows]}
    if len({r.area for r in rows}) > 1:
        columns[t("workbook.col.area", lang)] = [r.area_name for r in rows]
    return pd.DataFrame(
        columns
        | {
            t("workbook.col.status", lang): [status_text(r.status, lang) for r in rows],
            t("plans.attention", lang): [flags(r) for r in rows],
            t("plans.period", lang): [
                f"{format_date(r.start, lang)} – {format_date(r.end, lang)}" for r in rows
            ],
            t("plans.milestone", lang): [
                f"{r.next_milestone or '–'} ({format_date(r.milestone_date, lang)})"
                if r.next_milestone or r.milestone_date
                else "–"
                for r in rows
            ],
            t("workbook.col.responsible", lang): [r.responsible or "–" for r in rows],
            t("workbook.col.budget", lang): [format_amount(r.budget, lang) for r in rows],
            t("workbook.col.spent", lang): [format_amount(r.spent, lang) for r in rows],
        }
    )


def show(page: PageContext) -> None:
    lang = page.lang
    cluster, track = filters(page)
    rows = plan(cluster, track, lang)
    if not rows:
        overview_view.note(t("plans.none", lang))
        return
    summary(rows, lang)
    today = dt.date.today()
    span = timeline_span(rows, today)  # one axis down the page: the goals compare
    for goal in dict.fromkeys(r.goal for r in rows):
        mine = [r for r in rows if r.goal == goal]
        st.subheader(f"{goal} · {mine[0].goal_title}", anchor=False)
        overview_view.note(mine[0].track_name)
        dated = [r for r in mine if r.start or r.end]
        if dated:
            figure = timeline_chart(
                items(dated, lang, with_cluster=cluster is None),
                today=today,
                lang=lang,
                x_range=span,
            )
            st.plotly_chart(figure, theme=None, config=plotly_config(f"arbejdsplan-{goal}"))
        undated = len(mine) - len(dated)
        if undated:
            overview_view.note(t("plans.undated", lang, n=undated))
        st.dataframe(table(mine, lang), hide_index=True, width="stretch")
    st.markdown(
        f"<div style='color:#595959'>{esc(t('plans.method', lang))}</div>",
        unsafe_allow_html=True,
    )
