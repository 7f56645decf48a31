"""The overview drawn for people: the "as of" choice, the headline, data freshness and the
clusters × tracks grid whose cells lead to the Klynge page.

`grid_model` is pure (a StatusReport in, the numbers of the grid out), so the benchmark and the
tests can time and check it without Streamlit; the rest draws.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st

from goals.catalogue import Catalogue
from goals.describe import period_label
from goals.freshness import GroupFreshness, latest_uploads
from goals.i18n import name_of, t
from goals.periods import PeriodError, parse_period
from goals.progress import STATUSES, RollUp
from goals.status import STATUS_STYLE, StatusReport
from goals.store import read_session
from goals.ui import context, urlstate
from goals.ui.status_view import badge_html

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_PAGE = "pages/klynge.py"
UPLOAD_PAGE = "pages/indlaes.py"
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")

_CSS = """<style>
.ov-head { font-weight: 700; font-size: 1.15rem; padding: .35rem 0 0 .2rem; }
.ov-row { font-weight: 700; font-size: 1.1rem; line-height: 1.25; padding-top: .9rem;
  word-break: keep-all; overflow-wrap: normal; }
.ov-cell-badge .goals-badge { font-size: .98rem; padding: .2rem .6rem; white-space: normal; }
[class*="st-key-ov-total"] { background: #F4F4F4; }
[class*="st-key-ov-cell"], [class*="st-key-ov-total"] { padding: .6rem .75rem; gap: .6rem; }
.ov-counts { color: #1A1A1A; font-size: .95rem; margin-top: .25rem; }
.ov-chips { margin: .2rem 0 .35rem 0; line-height: 1.8; }
.ov-chips .goals-badge { margin-right: .25rem; }
.ov-headline { font-size: 1.9rem; font-weight: 700; line-height: 1.2; margin: .2rem 0 .1rem 0; }
.ov-muted { color: #595959; }
.ov-when { color: #1A1A1A; font-weight: 600; font-size: 1rem; }
.ov-fresh { color: #595959; font-size: .9rem; line-height: 1.5; margin: .6rem 0; }
.ov-fresh b { color: #1A1A1A; }
</style>"""


@dataclass(frozen=True)
class Cell:
    """A grid cell: the goal roll-up's status and the success criteria counted per status."""

    status: str
    n: int  # success criterion × area rows in the cell
    counts: dict[str, int]  # rows per status, best first

    @property
    def good(self) -> int:
        return self.counts.get("target_achieved", 0) + self.counts.get("on_track", 0)


@dataclass(frozen=True)
class GridModel:
    """The numbers behind the overview, worked out from a StatusReport."""

    clusters: list[tuple[str, str]]  # (code, name) in catalogue order
    tracks: list[tuple[str, str]]
    cells: dict[tuple[str, str], Cell]  # (cluster, track) → its goals' roll-up and criteria
    cluster_totals: dict[str, Cell]  # cluster → all its tracks
    track_totals: dict[str, Cell]  # track → all clusters
    region: Cell  # every cluster, every track
    newest_period: str | None = None  # the newest period with a value in any cluster row
    periods: list[str] = field(default_factory=list)  # years with values, newest first
    has_values: bool = False

    @property
    def good(self) -> int:
        return self.region.good

    @property
    def n(self) -> int:
        return self.region.n


def _cell(rollup: RollUp | None, counts: Counter) -> Cell:
    return Cell(
        status=rollup.status if rollup is not None else "not_available",
        n=sum(counts.values()),
        counts={s: counts[s] for s in STATUSES if counts[s]},
    )


def grid_model(report: StatusReport, cat: Catalogue, lang: str) -> GridModel:
    """Cells, totals and the headline over success criterion × cluster rows: each cell has the
    status of its goals' roll-up (goals.status) and counts the criteria behind it."""
    clusters = [(a.code, name_of(a, lang)) for a in cat.clusters]
    tracks = [(tr.code, name_of(tr, lang)) for tr in cat.tracks]
    codes = {code for code, _ in clusters}
    by_cell: dict[tuple[str, str], Counter] = defaultdict(Counter)
    periods: set[str] = set()
    latest: set[str] = set()
    for row in report.rows:
        periods.update(row.series)
        if row.area not in codes:
            continue
        by_cell[(row.area, row.track)][row.status] += 1
        if row.latest_period:
            latest.add(row.latest_period)
    newest = max((parse_period(p) for p in latest), default=None)
    years = {int(code[:4]) for code in periods}
    by_cluster: dict[str, Counter] = defaultdict(Counter)
    by_track: dict[str, Counter] = defaultdict(Counter)
    for (cluster, track), counts in by_cell.items():
        by_cluster[cluster].update(counts)
        by_track[track].update(counts)
    return GridModel(
        clusters=clusters,
        tracks=tracks,
        cells={
            key: _cell(report.track_area.get((key[1], key[0])), counts)
            for key, counts in by_cell.items()
        },
        cluster_totals={c: _cell(report.cluster.get(c), n) for c, n in by_cluster.items()},
        track_totals={tr: _cell(report.region_track.get(tr), n) for tr, n in by_track.items()},
        region=_cell(report.region, sum(by_track.values(), Counter())),
        newest_period=newest.code if newest else None,
        periods=[str(y) for y in sorted(years, reverse=True)],
        has_values=bool(periods),
    )


# --- cached data ---------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=16)
def _grid(version: tuple, as_of: str | None, lang: str) -> GridModel:
    return grid_model(context.status_report(as_of, lang), context.catalogue(), lang)


def model(as_of: str | None, lang: str) -> GridModel:
    """The grid model of the report `as_of`, cached until the data change."""
    return _grid(context.data_version(), as_of, lang)


@dataclass(frozen=True)
class Freshness:
    """Per steering group: its latest applied upload and the newest period of its figures."""

    uploads: list[GroupFreshness]
    newest: dict[str, str]  # steering group code → newest period code with a value


@st.cache_resource(show_spinner=False, max_entries=4)
def _freshness(version: tuple) -> Freshness:
    cat = context.catalogue()
    with read_session(context.engine()) as session:
        uploads = latest_uploads(session=session, catalogue=cat)
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


def _chips(counts: dict[str, int], lang: str) -> str:
    """Criteria per status as small chips: colour, icon and number (status in the tooltip)."""
    chips = []
    for status in STATUSES:
        n = counts.get(status, 0)
        if n:
            style = STATUS_STYLE[status]
            chips.append(
                f'<span class="goals-badge small" title="{html.escape(t(f"status.{status}", lang))}"'
                f' style="background:{style.colour}">{style.icon} {n}</span>'
            )
    return "".join(chips)


def cell_html(cell: Cell | None, lang: str) -> str:
    """One grid cell: the status badge, how many criteria are on track, the chips."""
    if cell is None or cell.n == 0:
        return f'<div class="ov-muted">{html.escape(t("overview.grid.empty", lang))}</div>'
    counts = t("overview.grid.counts", lang, good=cell.good, n=cell.n)
    return (
        f'<div class="ov-cell-badge">{badge_html(cell.status, lang)}</div>'
        f'<div class="ov-counts">{html.escape(counts)}</div>'
        f'<div class="ov-chips">{_chips(cell.counts, lang)}</div>'
    )


def headline(grid: GridModel, as_of: str | None, lang: str) -> None:
    """'12 af 30 succeskriterier er på rette spor', the status distribution and the period."""
    text = t("overview.headline", lang, good=grid.good, n=grid.n)
    if as_of:
        when = t("overview.as_of.shown", lang, period=period_label(as_of, lang))
    else:
        newest = period_label(grid.newest_period, lang) if grid.newest_period else "–"
        when = t("overview.as_of.shown_latest", lang, period=newest)
    chips = []
    for status in STATUSES:
        n = grid.region.counts.get(status, 0)
        if n:
            label = f"{n} {t(f'status.{status}', lang).lower()}"
            chips.append(badge_html(status, lang, small=True, label=label))
    st.markdown(
        f'<div class="ov-when">{html.escape(when)}</div>'
        f'<div class="ov-headline">{html.escape(text)}</div>'
        f'<div class="ov-chips">{" ".join(chips)}</div>'
        f'<div class="ov-muted">{html.escape(t("overview.headline.detail", lang))} '
        f"{html.escape(t('overview.intro', lang))}</div>",
        unsafe_allow_html=True,
    )


def _when(moment: dt.datetime | None, lang: str) -> str:
    if moment is None:
        return "–"
    if moment.tzinfo is None:  # stored in UTC
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(LOCAL_TIME)
    return local.strftime("%d.%m.%Y %H:%M") if lang == "da" else local.strftime("%d %b %Y %H:%M")


def freshness_list(cat: Catalogue, lang: str) -> None:
    """Per steering group: the latest upload (when, who, which file) and the newest period."""
    data = freshness()
    groups = {g.code: g for g in cat.steering_groups}
    lines = []
    for item in data.uploads:
        group = groups.get(item.steering_group)
        if group is None:
            continue
        name = html.escape(name_of(group, lang))
        if item.upload_id is None:
            lines.append(t("overview.freshness.never", lang, group=name))
            continue
        line = t(
            "overview.freshness.item",
            lang,
            group=name,
            when=_when(item.created_at, lang),
            user=html.escape(item.user or ""),
            file=html.escape(item.filename or ""),
        )
        if group.code in data.newest:
            period = period_label(data.newest[group.code], lang)
            line += " · " + t("overview.freshness.data_until", lang, period=period)
        lines.append(line)
    st.markdown(
        f'<div class="ov-fresh"><b>{html.escape(t("overview.freshness.title", lang))}</b><br>'
        + "<br>".join(lines)
        + "</div>",
        unsafe_allow_html=True,
    )


def _link(label: str, **params: str | None) -> None:
    if page_exists(CLUSTER_PAGE):
        st.page_link(
            CLUSTER_PAGE, label=label, icon="➡️", query_params=urlstate.link_params(**params)
        )


def grid(grid: GridModel, as_of: str | None, lang: str) -> None:
    """Clusters × tracks as bordered cells, each leading to the cluster's goals on the track."""
    widths = [1.3] + [2] * (len(grid.tracks) + 1)
    head = st.columns(widths, vertical_alignment="bottom")
    head[0].markdown(
        f'<div class="ov-head">{html.escape(t("overview.grid.cluster", lang))}</div>',
        unsafe_allow_html=True,
    )
    for column, (_, name) in zip(head[1:], grid.tracks, strict=False):
        column.markdown(f'<div class="ov-head">{html.escape(name)}</div>', unsafe_allow_html=True)
    head[-1].markdown(
        f'<div class="ov-head">{html.escape(t("overview.grid.all_tracks", lang))}</div>',
        unsafe_allow_html=True,
    )
    for code, name in grid.clusters:
        columns = st.columns(widths)
        with columns[0]:
            st.markdown(f'<div class="ov-row">{html.escape(name)}</div>', unsafe_allow_html=True)
        for column, (track, _) in zip(columns[1:], grid.tracks, strict=False):
            with column.container(border=True, key=f"ov-cell-{code}-{track}"):
                rollup = grid.cells.get((code, track))
                st.markdown(cell_html(rollup, lang), unsafe_allow_html=True)
                if rollup is not None and rollup.n:
                    _link(t("overview.grid.open", lang), cluster=code, track=track, as_of=as_of)
        with columns[-1].container(border=True, key=f"ov-total-{code}"):
            st.markdown(cell_html(grid.cluster_totals.get(code), lang), unsafe_allow_html=True)
            _link(t("overview.grid.open_cluster", lang), cluster=code, as_of=as_of)
    columns = st.columns(widths)
    columns[0].markdown(
        f'<div class="ov-row">{html.escape(t("overview.grid.all_clusters", lang))}</div>',
        unsafe_allow_html=True,
    )
    for column, (track, _) in zip(columns[1:], grid.tracks, strict=False):
        with column.container(border=True, key=f"ov-total-track-{track}"):
            st.markdown(cell_html(grid.track_totals.get(track), lang), unsafe_allow_html=True)
    with columns[-1].container(border=True, key="ov-total-region"):
        st.markdown(cell_html(grid.region, lang), unsafe_allow_html=True)


def legend(lang: str) -> None:
    badges = " ".join(badge_html(s, lang, small=True) for s in STATUSES)
    st.markdown(
        f'<div class="ov-chips"><span class="ov-muted">{html.escape(t("overview.legend", lang))}:'
        f"</span> {badges}</div>",
        unsafe_allow_html=True,
    )
    st.caption(t("overview.grid.help", lang))


def grid_figure(grid: GridModel, lang: str) -> None:
    """The same grid as one plotly figure, for the presentation and the camera button."""
    from goals import charts  # plotly and pandas: only when the figure is asked for

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
    st.info(t("overview.empty", lang), icon="📥")
    upload_link(lang)


def upload_link(lang: str) -> None:
    """A link to the upload page (when it is there), and the command line alternative."""
    if page_exists(UPLOAD_PAGE):
        st.page_link(
            UPLOAD_PAGE,
            label=t("overview.empty.upload", lang),
            icon="📥",
            query_params=urlstate.link_params(),
        )
    st.caption(t("overview.empty.cli", lang))
