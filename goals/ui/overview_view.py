"""The overview drawn for people: the "as of" choice, the key messages, the headline, data
freshness and the clusters × (social inequality, tracks) grid whose cells lead to the Klynge page.

Every coloured cell, total and headline is one `goals.status.verdicts.Combined` of the report — the
best verdict that more than half of its success criterion × area rows reach or beat — and the
sentence beside the colour is `goals.status.support_text` of the same object, so colour and
words cannot disagree. The numbers are `goals.status.overview.grid_model` (pure: a StatusReport
in, the grid out, no Streamlit); this module caches and draws them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from goals.catalogue import Catalogue
from goals.catalogue.words import organisation_text, period_label
from goals.i18n import format_datetime, name_of, t
from goals.periods import PeriodError, parse_period
from goals.present.style import STATUS_STYLE, icon_svg
from goals.status import status_label, support_text
from goals.status.freshness import GroupFreshness, latest_uploads
from goals.status.overview import ALL, INEQUALITY, REGION, GridModel, grid_model
from goals.status.verdicts import VERDICTS, Combined
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc
from goals.ui.status_view import badge_html

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_PAGE = "pages/klynge.py"
UPLOAD_PAGE = "pages/indlaes.py"
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")

_CSS = """<style>
.ov-when { color: #1A1A1A; font-weight: 600; font-size: 1rem; margin-bottom: .3rem; }
.ov-note { color: #595959; font-size: .95rem; line-height: 1.45; margin: .1rem 0 .5rem 0; }
.ov-section { color: #1A1A1A; font-size: 1.05rem; font-weight: 700; margin: .6rem 0 .35rem 0; }
.ov-messages { margin: 0 0 1rem 0; }
.ov-message { font-size: 1.35rem; font-weight: 600; line-height: 1.4; color: #1A1A1A;
  margin: 0 0 .55rem 0; }
.ov-message .goals-badge { font-size: 1rem; margin-right: .55rem; vertical-align: .1em; }
.ov-headline-label { color: #1A1A1A; font-size: 1rem; font-weight: 600; margin-top: .4rem; }
.ov-headline { font-size: 1.2rem; font-weight: 600; line-height: 1.45; color: #1A1A1A;
  margin: .15rem 0; }
.ov-headline .goals-badge { font-size: 1rem; margin-right: .5rem; vertical-align: .05em; }
.ov-head { font-weight: 700; font-size: 1.1rem; line-height: 1.25; padding: .35rem 0 0 .2rem;
  color: #1A1A1A; }
.ov-head-note { display: block; font-weight: 400; font-size: .9rem; color: #595959; }
.ov-row { font-weight: 700; font-size: 1.1rem; line-height: 1.25; padding-top: .9rem;
  color: #1A1A1A; overflow-wrap: break-word; hyphens: auto; }
.ov-cell-track { display: none; font-weight: 700; font-size: .95rem; color: #1A1A1A;
  margin-bottom: .3rem; }
.ov-cell-badge .goals-badge { font-size: .98rem; padding: .2rem .6rem; white-space: normal; }
[class*="st-key-ov-total"] { background: #F4F4F4; }
[class*="st-key-ov-cell"], [class*="st-key-ov-total"], [class*="st-key-ov-ineq"] {
  padding: .6rem .75rem; gap: .5rem; }
.ov-counts { color: #1A1A1A; font-size: .95rem; line-height: 1.35; margin-top: .3rem; }
.ov-chips { margin: .3rem 0 .3rem 0; line-height: 1.9; }
.ov-chips .goals-badge { margin-right: .25rem; }
.ov-muted { color: #595959; }
.ov-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ov-legend { margin: .6rem 0 .2rem 0; line-height: 2; color: #1A1A1A; }
.ov-legend .goals-badge { margin-right: .3rem; }
.ov-legend-label { font-weight: 600; margin-right: .4rem; }
.ov-rule { color: #1A1A1A; font-size: .95rem; line-height: 1.45; max-width: 60rem;
  margin: .2rem 0 .3rem 0; }
.ov-fresh { color: #595959; font-size: .95rem; line-height: 1.5; margin: .8rem 0; }
.ov-fresh b { color: #1A1A1A; }
/* The grid adapts to the room it has (not the window: the sidebar takes a share):
   wide, cluster names to the left; medium, each cluster's name above its row; narrow, cards
   that carry their own column name, two or three to a line. */
.st-key-ov-grid { container-type: inline-size; container-name: ovgrid; }
/* the cells of a line as tall as the tallest */
[class*="st-key-ov-grid-row"] [data-testid="stHorizontalBlock"] { align-items: stretch; }
[class*="st-key-ov-grid-row"] [data-testid="stColumn"] > [data-testid="stVerticalBlock"] {
  height: 100%; }
[class*="st-key-ov-grid-row"] [data-testid="stColumn"] > [data-testid="stVerticalBlock"]
  > [data-testid="stLayoutWrapper"] { flex: 1 1 auto; }
/* the link at the foot of its cell, level across the line */
[class*="st-key-ov-cell"] > :last-child:not(:first-child),
[class*="st-key-ov-total"] > :last-child:not(:first-child) { margin-top: auto; }
.st-key-ov-grid-head { margin-bottom: .3rem; }
@container ovgrid (max-width: 1099px) {
  [class*="st-key-ov-grid-row"] [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:first-child {
    flex: 1 1 100% !important; min-width: 100% !important; }
  .st-key-ov-grid-head [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:first-child {
    display: none; }
  .ov-row { padding-top: .2rem; font-size: 1.15rem; }
}
@container ovgrid (max-width: 759px) {
  .st-key-ov-grid-head { display: none; }
  [class*="st-key-ov-grid-row"] [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    flex: 1 1 calc(33.3% - 1rem) !important; min-width: 160px !important; }
  .ov-cell-track { display: block; }
}
</style>"""


# --- cached data ---------------------------------------------------------------------------


@context.versioned_cache(max_entries=16)
def _grid(version: tuple, as_of: str | None, lang: str, meeting: int | None) -> GridModel:
    return grid_model(context.status_report(as_of, lang), context.catalogue(), lang)


def model(as_of: str | None, lang: str) -> GridModel:
    """The grid model of the report `as_of` (or of the frozen meeting the page shows), cached
    until the data change."""
    return _grid(context.data_version(), as_of, lang, context.shown_meeting_id())


@dataclass(frozen=True)
class Freshness:
    """Per steering group: its latest applied upload and the newest period of its figures."""

    uploads: list[GroupFreshness]
    newest: dict[str, str]  # steering group code → newest period code with a value


@context.versioned_cache(max_entries=1)
def _freshness(version: tuple) -> Freshness:
    cat = context.catalogue()
    uploads = latest_uploads(engine=context.engine(), catalogue=cat)
    owner = {g.code: g.steering_group_id for g in cat.goals}
    codes = {g.id: g.code for g in cat.steering_groups}
    latest: dict[int, set[str]] = defaultdict(set)
    for row in context.status_report(None, "da").rows:
        if row.latest_period and row.goal in owner:
            latest[owner[row.goal]].add(row.latest_period)
    newest = {
        codes[group]: max(parse_period(p) for p in periods).code
        for group, periods in latest.items()
        if group in codes
    }
    return Freshness(uploads=uploads, newest=newest)


def freshness() -> Freshness:
    """Latest uploads and newest periods per steering group, cached until the data change."""
    return _freshness(context.data_version())


# --- widgets -------------------------------------------------------------------------------


def inject_css() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)


def page_exists(path: str) -> bool:
    return (ROOT / path).exists()


def organisation_note(cat: Catalogue, on: dt.date, lang: str) -> None:
    """Which organisation a view uses, once the clusters have ever been re-cut."""
    if cat.organisation_changes:
        note(organisation_text(cat, on, lang))


def note(text: str) -> None:
    """A line of secondary text in dark grey (#595959: 7:1 on white; Streamlit's caption grey
    fails WCAG contrast). Markdown in `text` is not rendered."""
    st.markdown(
        f'<div class="ov-note" style="color:#595959">{esc(text)}</div>',
        unsafe_allow_html=True,
    )


def as_of_picker(latest: GridModel, lang: str, *, container: object = st) -> str | None:
    """The "data as of" choice, bound to ``?as_of=``: latest data, or the end of a year with
    values. A period in a copied link (also a quarter, ``2024K2``) is kept as a choice."""
    options = {"": t("overview.as_of.latest", lang)}
    periods = list(latest.periods)
    wanted = urlstate.get("as_of")
    if wanted and wanted not in periods:
        with contextlib.suppress(PeriodError):
            periods.insert(0, parse_period(wanted).code)
    for code in periods:
        options[code] = t("overview.as_of.period", lang, period=period_label(code, lang))
    choice = urlstate.select(
        "as_of",
        options,
        label=t("overview.as_of", lang),
        container=container,
        help=t("overview.as_of.help", lang),
    )
    return choice or None


def chips_html(counts: dict[str, int], lang: str) -> str:
    """Success criteria per verdict as small chips: colour, symbol (inline SVG) and number, the
    verdict in words for screen readers and as a tooltip. Verdicts best first; none at 0."""
    chips = []
    for verdict in VERDICTS:
        n = counts.get(verdict, 0)
        if not n:
            continue
        style = STATUS_STYLE[verdict]
        label = status_label(verdict, lang)
        title = esc(t("overview.chip", lang, n=n, label=label))
        chips.append(
            f'<span class="goals-badge small goals-{verdict}" title="{title}" '
            f'style="background:{style.colour};color:{style.ink}">'
            f'{icon_svg(verdict)} {n}<span class="ov-sr"> {esc(label)}</span></span>'
        )
    return "".join(chips)


def cell_html(cell: Combined | None, lang: str, *, key: str = "", column: str = "") -> str:
    """One grid cell: the combined verdict as a badge, the sentence that names its count
    (goals.status.support_text of the same Combined) and the criteria per verdict as chips.

    `key` ('AARHUS/KOL', 'region/inequality') marks the cell in the HTML; `column` is the
    column's name, shown inside the cell when the grid is narrow enough to stack."""
    track = f'<div class="ov-cell-track">{esc(column)}</div>' if column else ""
    if cell is None or cell.n == 0:
        return (
            f'<div class="ov-cell" data-cell="{esc(key)}" data-status="">{track}'
            f'<div class="ov-muted">{esc(t("overview.grid.empty", lang))}</div></div>'
        )
    return (
        f'<div class="ov-cell" data-cell="{esc(key)}" data-status="{cell.status}">'
        f"{track}"
        f'<div class="ov-cell-badge">{badge_html(cell.status, lang)}</div>'
        f'<div class="ov-counts">{esc(support_text(cell, lang))}</div>'
        f'<div class="ov-chips">{chips_html(cell.counts, lang)}</div></div>'
    )


def messages(grid: GridModel, as_of: str | None, lang: str) -> None:
    """The period shown, then the two or three key messages (goals.status.key_messages) as
    large lines, each with its verdict's badge."""
    if as_of:
        when = t("overview.as_of.shown", lang, period=period_label(as_of, lang))
    else:
        newest = period_label(grid.newest_period, lang) if grid.newest_period else "–"
        when = t("overview.as_of.shown_latest", lang, period=newest)
    lines = "".join(
        f'<div class="ov-message" role="listitem" data-status="{m.status}">'
        f"{badge_html(m.status, lang)}{esc(m.text)}</div>"
        for m in grid.messages
    )
    body = (
        f'<div class="ov-section">{esc(t("overview.messages.title", lang))}</div>'
        f'<div class="ov-messages" role="list">{lines}</div>'
        if lines
        else ""
    )
    st.markdown(
        f'<div class="ov-when">{esc(when)}</div>{body}',
        unsafe_allow_html=True,
    )


def headline(grid: GridModel, lang: str) -> None:
    """The whole region in one line: its combined verdict and the count behind it
    ('40 af 55 succeskriterier er ikke i forværring'), then every criterion per verdict."""
    region = grid.region
    chips = " ".join(
        badge_html(v, lang, small=True, label=f"{region.counts[v]} {status_label(v, lang).lower()}")
        for v in VERDICTS
        if region.counts.get(v)
    )
    detail = t("overview.headline.detail", lang) + " " + t("overview.intro", lang)
    st.markdown(
        f'<div class="ov-headline-label">{esc(t("overview.headline", lang))}</div>'
        f'<div class="ov-headline" data-cell="headline" data-status="{region.status}">'
        f"{badge_html(region.status, lang)}{esc(support_text(region, lang))}</div>"
        f'<div class="ov-chips">{chips}</div>'
        f'<div class="ov-note">{esc(detail)}</div>',
        unsafe_allow_html=True,
    )


def _when(moment: dt.datetime | None, lang: str) -> str:
    return format_datetime(moment, lang)


def freshness_list(cat: Catalogue, lang: str) -> None:
    """Per steering group: the latest upload (when, who, which file) and the newest period."""
    data = freshness()
    groups = {g.code: g for g in cat.steering_groups}
    lines = []
    for item in data.uploads:
        group = groups.get(item.steering_group)
        if group is None:
            continue
        name = esc(name_of(group, lang))
        if item.upload_id is None:
            lines.append(t("overview.freshness.never", lang, group=name))
            continue
        line = t(
            "overview.freshness.item",
            lang,
            group=name,
            when=_when(item.created_at, lang),
            user=esc(item.user or ""),
            file=esc(item.filename or ""),
        )
        if group.code in data.newest:
            period = period_label(data.newest[group.code], lang)
            line += " · " + t("overview.freshness.data_until", lang, period=period)
        lines.append(line)
    st.markdown(
        f'<div class="ov-fresh"><b>{esc(t("overview.freshness.title", lang))}</b><br>'
        + "<br>".join(lines)
        + "</div>",
        unsafe_allow_html=True,
    )


def _link(label: str, **params: str | None) -> None:
    if page_exists(CLUSTER_PAGE):
        st.page_link(
            CLUSTER_PAGE,
            label=label,
            icon=":material/arrow_forward:",
            query_params=urlstate.link_params(**params),
        )


def _header(text: str, note_text: str = "") -> str:
    extra = f'<span class="ov-head-note">{esc(note_text)}</span>' if note_text else ""
    return f'<div class="ov-head">{esc(text)}{extra}</div>'


def grid(grid: GridModel, as_of: str | None, lang: str) -> None:
    """Clusters × (social inequality, tracks, all tracks) as bordered cells, then the row of
    every cluster; each track cell leads to the cluster's goals on the track."""
    columns = grid.columns(lang)
    widths = [1.2] + [2] * len(columns)
    notes = {INEQUALITY: t("overview.grid.inequality.note", lang)}
    with st.container(key="ov-grid"):
        with st.container(key="ov-grid-head"):
            head = st.columns(widths, vertical_alignment="bottom")
            head[0].markdown(_header(t("overview.grid.cluster", lang)), unsafe_allow_html=True)
            for column, (key, name) in zip(head[1:], columns, strict=True):
                column.markdown(_header(name, notes.get(key, "")), unsafe_allow_html=True)
        rows = [*grid.clusters, (REGION, t("overview.grid.all_clusters", lang))]
        for code, name in rows:
            with st.container(key=f"ov-grid-row-{code}"):
                parts = st.columns(widths)
                parts[0].markdown(f'<div class="ov-row">{esc(name)}</div>', unsafe_allow_html=True)
                for part, (column, heading) in zip(parts[1:], columns, strict=True):
                    _grid_cell(part, grid, code, column, heading, as_of, lang)


def _grid_cell(
    part: DeltaGenerator,
    grid: GridModel,
    row: str,
    column: str,
    heading: str,
    as_of: str | None,
    lang: str,
) -> None:
    if column == INEQUALITY:
        kind = "ineq"
    elif row == REGION or column == ALL:
        kind = "total"
    else:
        kind = "cell"
    cell = grid.cell(row, column)
    with part.container(border=True, key=f"ov-{kind}-{row}-{column}"):
        st.markdown(
            cell_html(cell, lang, key=f"{row}/{column}", column=heading), unsafe_allow_html=True
        )
        if row == REGION or cell is None or not cell.n:
            return
        if column == ALL:
            _link(t("overview.grid.open_cluster", lang), cluster=row, as_of=as_of)
        elif column != INEQUALITY:
            _link(t("overview.grid.open", lang), cluster=row, track=column, as_of=as_of)


def legend(lang: str) -> None:
    """Every verdict, best first, and the one roll-up rule in words beneath."""
    badges = " ".join(badge_html(v, lang, small=True) for v in VERDICTS)
    st.markdown(
        f'<div class="ov-legend"><span class="ov-legend-label">'
        f"{esc(t('overview.legend', lang))}:</span> {badges}</div>"
        f'<div class="ov-rule">{esc(t("status.rollup.rule", lang))}</div>'
        f'<div class="ov-rule">{esc(t("overview.grid.help", lang))}</div>',
        unsafe_allow_html=True,
    )


def grid_figure(grid: GridModel, lang: str) -> None:
    """The same grid as one plotly figure, for the presentation and the camera button."""
    from goals.present import charts  # plotly and pandas: only when the figure is asked for

    fig = charts.status_grid(
        grid.cells,
        rows=grid.clusters,
        columns=grid.tracks,
        status_style=STATUS_STYLE,
        lang=lang,
        title=t("overview.grid.title", lang),
    )
    st.plotly_chart(fig, theme=None, config=charts.plotly_config("maalbillede-overblik"))


def empty_store(lang: str) -> None:
    """No values yet: invite the first upload."""
    st.info(t("overview.empty", lang), icon=":material/upload_file:")
    upload_link(lang)


def upload_link(lang: str) -> None:
    """A link to the upload page (when it is there), and the command line alternative."""
    if page_exists(UPLOAD_PAGE):
        st.page_link(
            UPLOAD_PAGE,
            label=t("overview.empty.upload", lang),
            icon=":material/upload_file:",
            query_params=urlstate.link_params(),
        )
    text = esc(t("overview.empty.cli", lang))
    command = esc(t("overview.empty.cli.command", lang))
    st.markdown(
        f'<div class="ov-note" style="color:#595959">{text} '
        f'<code style="color:#1A1A1A">{command}</code></div>',
        unsafe_allow_html=True,
    )
