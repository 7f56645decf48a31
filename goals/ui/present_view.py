"""The Præsentation page drawn: one slide of a deck (goals.present.deck) per screen, with next/previous
buttons, arrow keys, a slide counter and downloads.

Everything the page shows lives in the URL (``?track=KOL&slide=3&mode=present``), so a copied
link opens the same slide. ``mode=present`` hides Streamlit's sidebar, header and toolbar with
CSS and scales the slide to a 16:9 frame that fills a 1920×1080 screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

from goals.catalogue import Catalogue
from goals.i18n import name_of, t
from goals.meetings import since_previous
from goals.periods import PeriodError
from goals.present.deck import (
    Deck,
    Selection,
    Slide,
    UnknownSelection,
    build_deck,
    presentation_figure,
    resolve_selection,
)
from goals.present.deck.changes import changes_slides
from goals.present.deck.figure import standalone_figure
from goals.present.images import ImageExportError, render_image
from goals.present.pptx import chart_size, deck_data_xlsx, deck_to_pptx
from goals.present.style import STATUS_STYLE
from goals.ui.frame import context, urlstate
from goals.ui.markup import esc

#: Chart height on the shared screen (present mode) and on the ordinary page.
#: Present mode draws the slide at 1920×1080 and scales it to the screen (_PRESENT_JS), so these
#: are sizes on a 1080-pixel projector.
PRESENT_HEIGHT = 780
PAGE_HEIGHT = 540
PRESENT_FONT_SCALE = 1.75
#: Lines and markers a projector shows (Plotly's 2 px vanish on a wall).
PRESENT_LINE_WIDTH = 4.5
PAGE_FONT_SCALE = 1.15
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

_CSS = """<style>
[class*="st-key-present-slide"] { border: 1px solid #D5DCE4; border-top: 10px solid #1F3A5F;
  border-radius: 4px; padding: 1.2rem 2rem .6rem 2rem; background: #FFFFFF; }
.deck-title { font-size: 2.6rem; font-weight: 700; color: #1F3A5F; line-height: 1.15;
  margin: 0 0 .2rem 0; }
.deck-subtitle { font-size: 1.25rem; color: #595959; margin: 0 0 .8rem 0; }
.deck-footer { font-size: 1rem; color: #595959; border-top: 1px solid #D5DCE4;
  padding-top: .4rem; margin-top: .4rem; display: flex; justify-content: space-between; }
.deck-counter { font-size: 1.4rem; font-weight: 700; text-align: center; padding-top: .35rem; }
.deck-table { border-collapse: collapse; width: 100%; font-size: 1.15rem; }
.deck-table th { background: #1F3A5F; color: #FFFFFF; text-align: left; padding: .45rem .6rem; }
.deck-table td { padding: .5rem .6rem; border: 2px solid #FFFFFF; vertical-align: middle; }
.deck-table tr:nth-child(even) td.plain { background: #F4F6F9; }
.deck-table td.status { font-weight: 700; }
.deck-table .detail { display: block; font-weight: 400; color: inherit; font-size: .95em; }
.deck-table td.plain .detail { color: #595959; }
.deck-messages { display: flex; flex-direction: column; gap: .9rem; margin: .6rem 0 .4rem 0; }
.deck-message { display: flex; gap: 1.4rem; align-items: stretch; }
.deck-badge { flex: 0 0 17rem; display: flex; align-items: center; justify-content: center;
  font-weight: 700; font-size: 1.3rem; border: 1px solid #1A1A1A; border-radius: 4px;
  padding: .7rem .8rem; text-align: center; }
.deck-message-text { font-size: 1.6rem; font-weight: 700; color: #1A1A1A; line-height: 1.25;
  display: flex; flex-direction: column; justify-content: center; }
.deck-message-detail { font-size: 1.1rem; font-weight: 400; color: #595959; margin-top: .3rem; }
.deck-text { font-size: 1.35rem; line-height: 1.45; color: #1A1A1A; }
.deck-strip { font-size: 1.15rem; font-weight: 700; border: 1px solid #1A1A1A; border-radius: 4px;
  padding: .5rem .8rem; margin-top: .8rem; }
.deck-cover { background: #1F3A5F; color: #FFFFFF; padding: 4rem 3rem; border-radius: 4px; }
.deck-cover h1 { color: #FFFFFF; font-size: 3.4rem; margin: 0 0 1rem 0; }
.deck-cover p { color: #DCE6F0; font-size: 1.5rem; margin: .3rem 0; }
.deck-bullets li { font-size: 1.35rem; margin: .5rem 0; line-height: 1.4; }
</style>"""

#: Present mode: no sidebar, header, toolbar, footer or banner; the slide is drawn at
#: 1920×1080 and scaled to fill the screen (_PRESENT_JS); the controls float over it and show
#: while the mouse moves or a control has the keyboard's focus.
_PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarNav"], header, footer, .st-key-demo-banner { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding: 8px !important;
  max-width: 100% !important; }
[data-testid="stMain"] { overflow: hidden; }
[class*="st-key-present-slide"] { width: 1920px !important; height: 1080px; flex: none;
  position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%); z-index: 10;
  overflow: hidden; box-sizing: border-box; padding: 1.4rem 2.6rem .8rem 2.6rem; }
[class*="st-key-present-controls"] { position: fixed; left: 50%; bottom: 18px;
  transform: translateX(-50%); width: min(1200px, 92vw); z-index: 999990;
  background: rgba(255, 255, 255, .97); border: 1px solid #D5DCE4; border-radius: 8px;
  padding: 6px 14px; box-shadow: 0 4px 18px rgba(0, 0, 0, .2); opacity: 0;
  pointer-events: none; transition: opacity .25s; }
body.goals-pointer [class*="st-key-present-controls"],
[class*="st-key-present-controls"]:focus-within { opacity: 1; pointer-events: auto; }
.deck-title { font-size: 3.4rem; }
.deck-subtitle { font-size: 1.7rem; }
.deck-footer { font-size: 1.35rem; margin-top: auto; }
.deck-table { font-size: 1.7rem; }
.deck-body .deck-table th, .deck-body .deck-table td { overflow-wrap: normal; word-break: normal; }
.deck-bullets li { font-size: 2rem; }
[class*="st-key-present-slide"] > div:has(.deck-footer) { margin-top: auto; }
.deck-messages { gap: 2.6rem; margin-top: 2.4rem; }
.deck-message-text { font-size: 2.7rem; }
.deck-message-detail { font-size: 1.8rem; }
.deck-badge { font-size: 2.1rem; flex-basis: 27rem; padding: 1.4rem 1rem; }
.deck-text { font-size: 2rem; }
.deck-strip { font-size: 1.7rem; }
.deck-cover { padding: 6rem 4rem; min-height: 840px; display: flex; flex-direction: column;
  justify-content: center; }
.deck-cover h1 { font-size: 4.4rem; }
.deck-cover p { font-size: 2rem; }
[class*="st-key-present-previous"] button p, [class*="st-key-present-next"] button p,
[class*="st-key-present-mode"] button p { font-size: 1.2rem; }
</style>"""

#: Present mode: the slide (drawn at 1920×1080) zoomed to the largest size the screen holds,
#: again after every redraw and resize; a slide's words (a table, the key messages, bullets:
#: `.deck-body`) grown to the room between title and footer, up to MAX_BODY_ZOOM; the controls
#: shown for 2.5 s after the mouse moves.
MAX_BODY_ZOOM = 2.0
_PRESENT_JS = """<script>
(() => {
  const grow = (slide) => {
    const body = slide.querySelector('.deck-body');
    const footer = slide.querySelector('.deck-footer');
    if (!body || !footer) return;
    const key = `${slide.style.zoom}|${body.textContent.length}|${window.innerWidth}`;
    if (body.dataset.fit === key) return;
    body.style.zoom = '1';
    const scale = slide.getBoundingClientRect().width / 1920;
    const bottom = footer.getBoundingClientRect().top - 28 * scale;
    const cells = [...body.querySelectorAll('th, td')];
    const fits = () => body.getBoundingClientRect().bottom <= bottom
      && body.scrollWidth <= body.clientWidth + 1
      && cells.every((c) => c.scrollWidth <= c.clientWidth + 1);
    let low = 1, high = MAX_BODY_ZOOM;
    if (fits()) {
      for (let i = 0; i < 8; i++) {
        const mid = (low + high) / 2;
        body.style.zoom = String(mid);
        if (fits()) low = mid; else high = mid;
      }
    }
    body.style.zoom = String(low);
    body.dataset.fit = key;
  };
  const fit = () => {
    const slide = document.querySelector('[class*="st-key-present-slide"]');
    if (!slide) return;
    const zoom = Math.min((window.innerWidth - 16) / 1920, (window.innerHeight - 16) / 1080);
    const text = String(Math.max(zoom, 0.1));
    if (slide.style.zoom !== text) slide.style.zoom = text;
    grow(slide);
  };
  fit();
  if (window.__goalsPresent) return;
  window.__goalsPresent = true;
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fit(); });
  }).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', fit);
  let timer = null;
  document.addEventListener('mousemove', () => {
    document.body.classList.add('goals-pointer');
    clearTimeout(timer);
    timer = setTimeout(() => document.body.classList.remove('goals-pointer'), 2500);
  });
})();
</script>"""

# Arrow keys (and Page Up/Down, which presenter remotes send) click the page's own buttons, so a
# key press is exactly a click. One listener per browser tab, whatever the reruns.
_KEYS_JS = """<script>
const doc = window.parent.document;
if (!window.parent.__goalsDeckKeys) {
  window.parent.__goalsDeckKeys = true;
  doc.addEventListener("keydown", (event) => {
    const target = event.target;
    const tag = (target && target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || (target && target.isContentEditable)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let key = null;
    if (["ArrowRight", "PageDown"].includes(event.key)) key = "present-next";
    if (["ArrowLeft", "PageUp"].includes(event.key)) key = "present-previous";
    if (!key) return;
    const button = doc.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
}
</script>"""


# --- the deck, cached per data version ---------------------------------------------------------


@context.versioned_cache(max_entries=8)
def _deck(
    version: tuple, selection: Selection, as_of: str | None, lang: str, meeting: int | None
) -> Deck:
    report = context.status_report(as_of, lang)
    opening = []
    if meeting is not None:  # a meeting's deck opens with what moved since the previous one
        found = since_previous(engine=context.engine(), meeting_id=meeting, lang=lang)
        opening = changes_slides(*found, context.catalogue(), lang)
    return build_deck(
        report=report,
        catalogue=context.catalogue(),
        selection=selection,
        lang=lang,
        as_of=as_of,
        engine=context.engine(),
        opening=opening,
    )


_FILES: dict[tuple, bytes] = {}
_FILES_LOCK = threading.Lock()
_MAX_FILES = 64


def _cached_file(key: tuple, make: Callable[[], bytes]) -> bytes:
    """Files built for download, kept for the newest data version only (a deck takes half a
    minute); the key's first item is the data version."""
    with _FILES_LOCK:
        if key in _FILES:
            return _FILES[key]
    data = make()
    if key[0] != context.current_version():
        return data  # made for a version that is no longer the newest: not kept
    with _FILES_LOCK:
        if len(_FILES) >= _MAX_FILES:
            _FILES.pop(next(iter(_FILES)))
        _FILES[key] = data
    return data


def _forget_older_files() -> None:
    newest = context.current_version()
    with _FILES_LOCK:
        for key in [k for k in _FILES if k[0] != newest]:
            del _FILES[key]


context.on_new_version(_forget_older_files)


# --- reading the URL -----------------------------------------------------------------------


def selection_from_url(cat: Catalogue, lang: str) -> Selection:
    """The selection in the URL; an unknown code is dropped with a warning."""
    wanted = Selection(
        cluster=urlstate.get("cluster"), track=urlstate.get("track"), goal=urlstate.get("goal")
    )
    try:
        return resolve_selection(cat, wanted, lang)
    except UnknownSelection as exc:
        st.warning(str(exc))
        return Selection()


def present_mode() -> bool:
    return urlstate.get("mode") == "present"


def slide_number(n: int) -> int:
    """The 1-based slide from the URL, kept within the deck."""
    try:
        number = int(urlstate.get("slide") or 1)
    except ValueError:
        number = 1
    return min(max(number, 1), max(n, 1))


def _go(number: int) -> None:
    urlstate.put("slide", str(number))


def _toggle_mode() -> None:
    urlstate.put("mode", None if present_mode() else "present")


# --- drawing -------------------------------------------------------------------------------


def inject_css(present: bool) -> None:
    st.markdown(_CSS + (_PRESENT_CSS if present else ""), unsafe_allow_html=True)
    if present:
        script = _PRESENT_JS.replace("MAX_BODY_ZOOM", str(MAX_BODY_ZOOM))
        st.html(script, unsafe_allow_javascript=True)


def pickers(cat: Catalogue, selection: Selection, lang: str) -> None:
    """Cluster, track and goal, bound to the URL; choosing starts the deck from slide 1."""
    columns = st.columns(3)
    clusters = {"": t("present.all.clusters", lang)} | {
        a.code: name_of(a, lang) for a in cat.clusters
    }
    tracks = {"": t("present.all.tracks", lang)} | {tr.code: name_of(tr, lang) for tr in cat.tracks}
    track = cat.track(selection.track) if selection.track else None
    goals = {"": t("present.all.goals", lang)} | {
        g.code: f"{g.code} · {name_of(g, lang, 'title')}"
        for g in (cat.goals_of_track(track) if track else cat.goals)
    }
    for column, key, options, label in (
        (columns[0], "cluster", clusters, t("present.cluster", lang)),
        (columns[1], "track", tracks, t("present.track", lang)),
        (columns[2], "goal", goals, t("present.goal", lang)),
    ):
        _picker(column, key, options, label, getattr(selection, key) or "")


def _picker(container: Any, key: str, options: dict[str, str], label: str, current: str) -> None:
    widget = f"present-pick-{key}"
    if st.session_state.get(widget) != current:
        st.session_state[widget] = current if current in options else ""

    def changed() -> None:
        urlstate.put(key, st.session_state[widget] or None)
        if key == "track":
            urlstate.put("goal", None)
        urlstate.put("slide", None)

    container.selectbox(
        label, list(options), format_func=options.__getitem__, key=widget, on_change=changed
    )


def navigation(number: int, total: int, lang: str) -> None:
    """← Forrige · 3 / 12 · Næste → · presentation mode, and the arrow keys."""
    with st.container(key="present-controls"):
        _controls(number, total, lang)
    st.html(_KEYS_JS, unsafe_allow_javascript=True)


def _controls(number: int, total: int, lang: str) -> None:
    left, counter, right, _, mode = st.columns([1.2, 1, 1.2, 3, 1.8], vertical_alignment="center")
    left.button(
        t("present.previous", lang),
        key="present-previous",
        disabled=number <= 1,
        on_click=_go,
        args=(number - 1,),
        width="stretch",
    )
    counter.markdown(
        f'<div class="deck-counter" data-testid="deck-counter">'
        f"{esc(t('present.counter', lang, i=number, n=total))}</div>",
        unsafe_allow_html=True,
    )
    right.button(
        t("present.next", lang),
        key="present-next",
        disabled=number >= total,
        on_click=_go,
        args=(number + 1,),
        width="stretch",
    )
    mode.button(
        t("present.mode.leave" if present_mode() else "present.mode.enter", lang),
        key="present-mode",
        on_click=_toggle_mode,
        width="stretch",
    )


def slide(deck: Deck, number: int, *, present: bool) -> None:
    """One slide in a 16:9 frame: title, one chart or table, footer."""
    current = deck.slides[number - 1]
    with st.container(key="present-slide"):
        if current.kind == "title":
            _cover(current)
        else:
            st.markdown(
                f'<div class="deck-title">{esc(current.title)}</div>'
                + (
                    f'<div class="deck-subtitle">{esc(current.subtitle)}</div>'
                    if current.subtitle
                    else ""
                ),
                unsafe_allow_html=True,
            )
            if current.has_chart and current.text:
                # a chart made for a projector (a gap slide): its own fonts, the text beside it
                left, right = st.columns([1.9, 1], gap="large")
                with left:
                    _chart(current, present=present, font_scale=1.0)
                right.markdown(text_html(current), unsafe_allow_html=True)
            elif current.has_chart:
                _chart(
                    current,
                    present=present,
                    font_scale=PRESENT_FONT_SCALE if present else PAGE_FONT_SCALE,
                )
            elif current.table is not None:
                _body(table_html(current) + (text_html(current) if current.text else ""))
            elif current.messages:
                _body(messages_html(current))
            elif current.bullets:
                items = "".join(f"<li>{esc(b)}</li>" for b in current.bullets)
                _body(f'<ul class="deck-bullets">{items}</ul>')
        footer = current.footer
        if present and context.shows_demo_data():  # the page's banner is hidden: say it here
            footer = f"{footer} · {t('present.demo_data', deck.lang)}"
        st.markdown(
            f'<div class="deck-footer"><span>{esc(footer)}</span>'
            f"<span>{number} / {len(deck.slides)}</span></div>",
            unsafe_allow_html=True,
        )


def _body(html: str) -> None:
    """A slide's words, in the one block present mode grows to fill the slide (_PRESENT_JS)."""
    st.markdown(f'<div class="deck-body">{html}</div>', unsafe_allow_html=True)


def _chart(current: Slide, *, present: bool, font_scale: float) -> None:
    figure = presentation_figure(
        current.figure,
        height=PRESENT_HEIGHT if present else PAGE_HEIGHT,
        font_scale=font_scale,
        line_width=PRESENT_LINE_WIDTH if present else None,
    )
    st.plotly_chart(
        figure,
        theme=None,
        config={"displaylogo": False, "displayModeBar": False, "responsive": True},
        key=f"present-chart-{current.key}",
    )


def text_html(current: Slide) -> str:
    """A slide's text: on its verdict's colour, led by the symbol, when it has a verdict."""
    style = STATUS_STYLE.get(current.verdict) if current.verdict else None
    if style is None:
        return f'<div class="deck-text">{esc(current.text)}</div>'
    return (
        f'<div class="deck-strip" style="background:{style.colour};color:{style.ink}">'
        f"{esc(f'{style.icon} {current.text}')}</div>"
    )


def messages_html(current: Slide) -> str:
    """Key messages: each led by its verdict as a badge (colour, symbol, words), the message
    in large words and the count behind it under it."""
    rows = []
    for message in current.messages:
        style = message.style
        detail = (
            f'<div class="deck-message-detail">{esc(message.detail)}</div>'
            if message.detail
            else ""
        )
        rows.append(
            f'<div class="deck-message"><div class="deck-badge" '
            f'style="background:{style.colour};color:{style.ink}">'
            f"{esc(f'{style.icon} {message.label or message.status}')}</div>"
            f'<div class="deck-message-text"><div>{esc(message.text)}</div>'
            f"{detail}</div></div>"
        )
    return f'<div class="deck-messages">{"".join(rows)}</div>'


def _cover(current: Slide) -> None:
    lines = "".join(f"<p>{esc(b)}</p>" for b in [current.subtitle, *current.bullets])
    st.markdown(
        f'<div class="deck-cover"><h1>{esc(current.title)}</h1>{lines}</div>',
        unsafe_allow_html=True,
    )


def table_html(current: Slide) -> str:
    """A slide's status table as HTML: the same cells as the PowerPoint table."""
    table = current.table
    assert table is not None
    widths = table.column_widths()
    head = "".join(
        f'<th style="width:{100 * w:.1f}%">{esc(c)}</th>'
        for c, w in zip(table.columns, widths, strict=True)
    )
    body = []
    for row in table.rows:
        cells = []
        for cell in row:
            detail = f'<span class="detail">{esc(cell.detail)}</span>' if cell.detail else ""
            # the symbol stays with its first word when the cell wraps
            text = f"{esc(cell.icon)}&nbsp;{esc(cell.text)}" if cell.icon else esc(cell.text)
            if cell.bold and not cell.fill:
                text = f"<b>{text}</b>"
            if cell.fill:
                ink = cell.ink or "#1A1A1A"
                cells.append(
                    f'<td class="status" style="background:{cell.fill};color:{ink}">'
                    f"{text}{detail}</td>"
                )
            else:
                cells.append(f'<td class="plain">{text}{detail}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="deck-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def notes(current: Slide, lang: str) -> None:
    if current.notes:
        with st.expander(t("present.notes", lang)):
            st.text(current.notes)


def downloads(
    deck: Deck, number: int, *, version: tuple, selection: Selection, as_of: str | None
) -> None:
    """PNG and SVG of the current chart (rendered on the server), the deck as PowerPoint and the
    Excel data behind it; each file is made when its button is clicked, then kept."""
    lang = deck.lang
    current = deck.slides[number - 1]
    base = (version, selection, as_of, lang)
    name = _file_stem(deck)
    st.markdown(f"**{t('present.downloads', lang)}**")
    columns = st.columns(4)
    if current.has_chart:
        for column, fmt, mime in (
            (columns[0], "png", "image/png"),
            (columns[1], "svg", "image/svg+xml"),
        ):

            def image(fmt: str = fmt) -> bytes:
                return _cached_file((*base, current.key, fmt), lambda: _render(current, fmt))

            column.download_button(
                t(f"present.download.{fmt}", lang),
                data=image,
                file_name=f"{name}-{current.key}.{fmt}",
                mime=mime,
                key=f"present-download-{fmt}",
                on_click="ignore",
                width="stretch",
            )
    columns[2].download_button(
        t("present.download.pptx", lang),
        data=lambda: _cached_file((*base, "pptx"), lambda: deck_to_pptx(deck, lang=lang)),
        file_name=f"{name}.pptx",
        mime=PPTX,
        key="present-download-pptx",
        on_click="ignore",
        width="stretch",
    )
    columns[3].download_button(
        t("present.download.xlsx", lang),
        data=lambda: _cached_file((*base, "xlsx"), lambda: deck_data_xlsx(deck)),
        file_name=f"{name}.xlsx",
        mime=XLSX,
        key="present-download-xlsx",
        on_click="ignore",
        width="stretch",
    )


def _render(current: Slide, fmt: str) -> bytes:
    """The slide's chart as a picture that says what it shows (standalone_figure)."""
    width, height, scale = chart_size(current)
    figure = standalone_figure(
        presentation_figure(current.figure, width=width, height=height, font_scale=scale),
        title=current.title,
        subtitle=current.subtitle,
        footer=current.footer,
        font_scale=scale,
    )
    height = figure.layout.height  # standalone_figure made room for the words
    return render_image(figure, fmt=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)


def _file_stem(deck: Deck) -> str:
    parts = ["maalbillede"]
    for value in (deck.selection.cluster, deck.selection.track, deck.selection.goal, deck.period):
        if value:
            parts.append(value.lower())
    return "-".join(parts)


def show(cat: Catalogue, lang: str) -> None:
    """The whole page below the page frame."""
    present = present_mode()
    inject_css(present)
    selection = selection_from_url(cat, lang)
    as_of = urlstate.get("as_of")
    if not present:
        st.title(t("present.title", lang), anchor=False)
        pickers(cat, selection, lang)
    version = context.data_version()
    try:
        deck = _deck(version, selection, as_of, lang, context.shown_meeting_id())
    except PeriodError as exc:
        st.warning(str(exc))
        as_of = None
        deck = _deck(version, selection, None, lang, context.shown_meeting_id())
    if not deck.slides:
        st.info(t("present.no_slides", lang))
        return
    number = slide_number(len(deck.slides))
    # the buttons above the slide, so that they stay on a 1080-pixel screen with the slide
    navigation(number, len(deck.slides), lang)
    slide(deck, number, present=present)
    if not present:
        st.caption(t("present.keys", lang))
        notes(deck.slides[number - 1], lang)
        try:
            downloads(deck, number, version=version, selection=selection, as_of=as_of)
        except ImageExportError as exc:  # pragma: no cover - rendering happens on click
            st.warning(t("present.image_error", lang, message=str(exc)))
