"""A deck (goals.present.deck) as PowerPoint, and the Excel data behind it.

`deck_to_pptx` fills the shipped 16:9 template (data/templates/maalbillede-16x9.pptx, made by
data/templates/make_template.py): charts become PNG pictures, all rendered in one browser start
(goals.present.images.render_images); status tables become native PowerPoint tables that can be
edited, each status cell in its verdict's colour with symbol and words in the verdict's text
colour (white on the dark fills); key messages become rows of a verdict badge and words; a
chart with a text (a gap slide) gets the text beside it; the reasoning behind each status goes
into the speaker notes; every slide carries the footer "Kilde: … · Data pr. …".

Symbols are text symbols (✓ ▲ ● ▼ ≈ ✗ ?), never emoji, set in `ICON_FONT`, a text font.

`deck_data_xlsx` writes the status rows (verdicts and the inputs behind them), the roll-ups
with the count behind each, and the series behind the deck as an Excel workbook; text that a
spreadsheet could read as a formula is made inert (goals.spreadsheet.write.safe_cell).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from goals.catalogue.words import period_label
from goals.config import PROJECT_ROOT
from goals.i18n import format_date, language, t
from goals.present.deck import (
    INITIATIVE_STYLE,
    Deck,
    Message,
    Slide,
    Table,
    TableCell,
    presentation_figure,
)
from goals.present.images import render_images
from goals.present.style import STATUS_STYLE
from goals.spreadsheet.cells import clean_controls
from goals.spreadsheet.write import safe_cell
from goals.status import status_label, support_text
from goals.status.verdicts import VERDICTS, Combined

__all__ = [
    "CHART_PIXELS",
    "ICON_FONT",
    "TEMPLATE",
    "chart_images",
    "chart_size",
    "deck_data_xlsx",
    "deck_to_pptx",
    "rollup_records",
]

TEMPLATE = PROJECT_ROOT / "data" / "templates" / "maalbillede-16x9.pptx"
LAYOUT_TITLE = "Title Slide"
LAYOUT_CONTENT = "Title and Subtitle"
SUBTITLE_IDX = 13
FOOTER_IDX = 11
NUMBER_IDX = 12

#: The content box under the subtitle (inches): left, top, width, height (as the template).
CONTENT = (0.5, 1.62, 12.333, 5.18)
#: Charts are drawn at this size in CSS pixels (and twice that in PNG pixels) so that
#: 16 px × 1.35 fonts come out at about 16 pt on the slide.
CHART_PIXELS = (1200, 504)
CHART_FONT_SCALE = 1.35
CHART_PNG_SCALE = 2
#: A chart with a text beside it (a gap slide): this wide (inches) on the slide, the text in
#: the rest; drawn at the same pixels per inch as a full chart, at the chart's own font sizes
#: (goals.present.charts.gap_change_chart is made for a projector already: 20 px labels ≈ 15 pt).
SIDE_CHART_IN = 7.9
SIDE_GAP_IN = 0.25
SIDE_CHART_PIXELS = (round(SIDE_CHART_IN / CONTENT[2] * CHART_PIXELS[0]), CHART_PIXELS[1])
SIDE_CHART_FONT_SCALE = 1.0

INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x59, 0x59, 0x59)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_SHADE = RGBColor(0xF4, 0xF6, 0xF9)
FOOTER_ON_TITLE = RGBColor(0xB8, 0xC7, 0xD9)
TABLE_FONT_PT = 14  # never smaller: the table is read on a shared screen
#: A table's text is as large as fits its box without squeezing, from the first of these.
TABLE_FONT_SIZES = (18, 16, TABLE_FONT_PT)
MAX_ROW_IN = 1.1


Renderer = Callable[..., list[bytes]]


def chart_size(slide: Slide) -> tuple[int, int, float]:
    """(width, height) in CSS pixels and the font scale a slide's chart is drawn at."""
    if slide.text:
        return (*SIDE_CHART_PIXELS, SIDE_CHART_FONT_SCALE)
    return (*CHART_PIXELS, CHART_FONT_SCALE)


def chart_images(deck: Deck, *, render: Renderer | None = None) -> list[bytes]:
    """Every chart of the deck as a PNG, in slide order, from one browser start (each at its
    own size: `chart_size`)."""
    render = render or render_images
    figures = []
    for slide in deck.charts:
        width, height, scale = chart_size(slide)
        figures.append(
            presentation_figure(slide.figure, width=width, height=height, font_scale=scale)
        )
    return render(figures, fmt="png", width=None, height=None, scale=CHART_PNG_SCALE)


def deck_to_pptx(
    deck: Deck,
    *,
    lang: str | None = None,
    images: Sequence[bytes] | None = None,
    render: Renderer | None = None,
) -> bytes:
    """The deck as .pptx bytes. `images` (PNG per chart slide, in order) are rendered when
    not given – in one `render_images` call for the whole deck."""
    lang = language(lang or deck.lang)
    if images is None:
        images = chart_images(deck, render=render)
    if len(images) != len(deck.charts):
        raise ValueError(f"{len(deck.charts)} charts but {len(images)} images")
    pictures = iter(images)
    prs = Presentation(str(TEMPLATE))
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    total = len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        if slide.kind == "title":
            page = prs.slides.add_slide(layouts[LAYOUT_TITLE])
            _title_slide(page, slide)
        else:
            page = prs.slides.add_slide(layouts[LAYOUT_CONTENT])
            _heading(page, slide)
            if slide.has_chart and slide.text:
                _picture(page, next(pictures), width=SIDE_CHART_IN)
                left, top, width, height = CONTENT
                side = SIDE_CHART_IN + SIDE_GAP_IN
                _text(page, slide, (left + side, top, width - side, height))
            elif slide.has_chart:
                _picture(page, next(pictures))
            elif slide.table is not None:
                _table_and_text(page, slide)
            elif slide.messages:
                _messages(page, slide.messages)
            elif slide.bullets:
                _bullets(page, slide.bullets)
        _footer(page, slide.footer, f"{number} / {total}", title=slide.kind == "title")
        if slide.notes:
            page.notes_slide.notes_text_frame.text = clean_controls(slide.notes)
    prs.core_properties.title = f"{deck.title} – {deck.subtitle}"
    prs.core_properties.language = "da-DK" if lang == "da" else "en-GB"
    prs.core_properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --- slide parts -----------------------------------------------------------------------------


def _placeholder(page: Any, idx: int) -> Any:
    return next((ph for ph in page.placeholders if ph.placeholder_format.idx == idx), None)


def _fit(text: str, sizes: Sequence[tuple[int, int]]) -> int:
    """The largest font size whose character limit the text stays within."""
    for limit, size in sizes:
        if len(text) <= limit:
            return size
    return sizes[-1][1]


def _title_slide(page: Any, slide: Slide) -> None:
    page.shapes.title.text = clean_controls(slide.title)
    body = _placeholder(page, 1)
    frame = body.text_frame
    frame.text = clean_controls(slide.subtitle)
    for bullet in slide.bullets:
        paragraph = frame.add_paragraph()
        paragraph.space_before = Pt(10)
        _runs(paragraph, bullet, size=18)


#: Every symbol the deck draws: set in ICON_FONT wherever it occurs in a text.
SYMBOLS = frozenset(
    "".join(s.icon for s in STATUS_STYLE.values())
    + "".join(s.icon for s in INITIATIVE_STYLE.values())
) - set("?!")


def _runs(
    paragraph: Any,
    text: str,
    *,
    size: float,
    colour: RGBColor | None = None,
    bold: bool | None = None,
    font: str | None = None,
) -> None:
    """The text as runs of a paragraph, its symbols in ICON_FONT (a text font, not emoji)."""
    start = 0
    for i, char in enumerate(text + "\0"):
        symbol = char in SYMBOLS
        if char == "\0" or symbol:
            if i > start:
                _styled(paragraph.add_run(), text[start:i], size, colour, bold, font)
            if symbol:
                run = paragraph.add_run()
                _styled(run, char, size, colour, False, None)
                _icon_font(run)
            start = i + 1


def _styled(
    run: Any, text: str, size: float, colour: RGBColor | None, bold: bool | None, font: str | None
) -> None:
    # text stored before the import cleaned control characters: python-pptx would write them
    # as escapes (_x0007_) that PowerPoint shows as such
    run.text = clean_controls(text)
    run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour
    if bold is not None:
        run.font.bold = bold
    if font is not None:
        run.font.name = font


def _icon_font(run: Any) -> None:
    """ICON_FONT for every script slot of the run, so that PowerPoint takes no other font (an
    emoji font) for the symbol, whichever class it puts the character in."""
    run.font.name = ICON_FONT
    properties = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs", "a:sym"):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", ICON_FONT)


def _heading(page: Any, slide: Slide) -> None:
    title = page.shapes.title
    title.text = clean_controls(slide.title)
    size = _fit(slide.title, [(58, 30), (70, 26), (84, 22)])
    for paragraph in title.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
    subtitle = _placeholder(page, SUBTITLE_IDX)
    if subtitle is None:
        return
    if not slide.subtitle:
        subtitle._element.getparent().remove(subtitle._element)
        return
    subtitle.text_frame.text = clean_controls(slide.subtitle)
    subtitle.text_frame.word_wrap = True
    size = _fit(slide.subtitle, [(100, 18), (125, 16), (150, 14)])
    for run in subtitle.text_frame.paragraphs[0].runs:
        run.font.size = Pt(size)


def _footer(page: Any, footer: str, number: str, *, title: bool = False) -> None:
    """The layout's footer and slide-number placeholders, filled in (python-pptx does not copy
    them to a new slide by itself)."""
    for idx, text in ((FOOTER_IDX, footer), (NUMBER_IDX, number)):
        layout_ph = next(
            (ph for ph in page.slide_layout.placeholders if ph.placeholder_format.idx == idx), None
        )
        if layout_ph is None or not text:
            continue
        page.shapes.clone_placeholder(layout_ph)
        paragraph = _placeholder(page, idx).text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.RIGHT if idx == NUMBER_IDX else PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(12)
        run.font.name = "Arial"
        run.font.color.rgb = FOOTER_ON_TITLE if title else MUTED


def _picture(page: Any, png: bytes, *, width: float | None = None) -> None:
    left, top, full, height = CONTENT
    width = width or full
    picture = page.shapes.add_picture(
        io.BytesIO(png), Inches(left), Inches(top), width=Inches(width)
    )
    # keep the aspect ratio; centre in the content box when the picture is less tall
    if picture.height > Inches(height):
        ratio = Inches(height) / picture.height
        picture.height = Inches(height)
        picture.width = Emu(int(picture.width * ratio))
        picture.left = Emu(int(Inches(left) + (Inches(width) - picture.width) / 2))


def _bullets(page: Any, bullets: Sequence[str]) -> None:
    """The bullets at the largest of BULLET_SIZES at which all of them fit the content box."""
    left, top, width, height = CONTENT
    box = page.shapes.add_textbox(
        Inches(left), Inches(top + 0.1), Inches(width), Inches(height - 0.1)
    )
    frame = box.text_frame
    frame.word_wrap = True
    inner = _inner(width - 0.2, filled=False)
    texts = [f"•  {text}" for text in bullets]

    def needed(size: int) -> float:
        after = 0.6 * size / 72  # the space after each bullet
        return sum(_lines_in(text, inner, size) + after for text in texts)

    size = next((s for s in BULLET_SIZES if needed(s) <= height - 0.2), BULLET_SIZES[-1])
    for i, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(round(0.6 * size))
        _runs(paragraph, text, size=size, colour=INK)


class _Meter:
    """Text widths in inches at a point size: measured with Liberation Sans (metric-compatible
    with Arial, the template's font) when Pillow finds it, otherwise a cautious estimate."""

    def __init__(self) -> None:
        self.fonts: dict[bool, Any] = {}
        try:
            from PIL import ImageFont

            for bold, name in (
                (False, "LiberationSans-Regular.ttf"),
                (True, "LiberationSans-Bold.ttf"),
            ):
                self.fonts[bold] = ImageFont.truetype(name, 100)
        except (ImportError, OSError):
            self.fonts = {}

    def width(self, text: str, size_pt: float, *, bold: bool = False) -> float:
        font = self.fonts.get(bold)
        if font is not None:
            return font.getlength(text) / 100 * size_pt / 72
        return len(text) * size_pt * (0.6 if bold else 0.55) / 72

    def lines(self, text: str, width_in: float, size_pt: float, *, bold: bool = False) -> int:
        """Lines the text wraps into (greedy, at spaces, as PowerPoint does)."""
        count = 0
        for paragraph in text.split("\n"):
            count += 1
            line = ""
            for word in paragraph.split(" "):
                trial = f"{line} {word}" if line else word
                if line and self.width(trial, size_pt, bold=bold) > width_in:
                    count += 1
                    line = word
                else:
                    line = trial
        return count

    def longest_word(self, text: str, size_pt: float, *, bold: bool = False) -> float:
        return max((self.width(w, size_pt, bold=bold) for w in text.split()), default=0.0)


_METER: _Meter | None = None


def _meter() -> _Meter:
    global _METER
    if _METER is None:
        _METER = _Meter()
    return _METER


CELL_MARGIN_IN = 0.07  # left and right, each
#: The font of the symbols ✓ ▲ ● ▼ ≈ ✗ ► ■ ○: a text font with all of them (Arial lacks ✓ ✗, and
#: a fallback could pick an emoji font). Where it is missing (not Windows), fontconfig and
#: Office substitute a text font that has them (DejaVu Sans on Debian).
ICON_FONT = "Segoe UI Symbol"


def _column_widths(table: Table, total: float, size: float = TABLE_FONT_PT) -> list[float]:
    """The table's relative widths, widened where a column's longest word would not fit (a
    word broken in the middle – 'Horsensklynge|n' – reads badly on a screen)."""
    meter = _meter()
    pad = 2 * CELL_MARGIN_IN + 0.04
    minimum = []
    for j, header in enumerate(table.columns):
        need = meter.longest_word(header, size, bold=True)
        for row in table.rows:
            cell = row[j]
            need = max(need, meter.longest_word(cell.label, size, bold=cell.bold))
            need = max(need, meter.longest_word(cell.detail, size))
        minimum.append(need + pad)
    widths = [w * total for w in table.column_widths()]
    for _ in range(len(widths)):
        short = [j for j, w in enumerate(widths) if w < minimum[j] - 1e-6]
        if not short:
            break
        lacking = sum(minimum[j] - widths[j] for j in short)
        for j in short:
            widths[j] = minimum[j]
        donors = [j for j in range(len(widths)) if j not in short and widths[j] > minimum[j]]
        spare = sum(widths[j] - minimum[j] for j in donors)
        if not donors or spare <= 0:
            break
        for j in donors:
            widths[j] -= lacking * (widths[j] - minimum[j]) / spare
    scale = total / sum(widths)
    return [w * scale for w in widths]


def _table(page: Any, table: Table, *, height: float | None = None) -> float:
    """A native table in the content box (at most `height` inches of it): navy header,
    status cells in their colour with their text colour. Returns where the table ends."""
    left, top, width, full = CONTENT
    height = full if height is None else height
    meter = _meter()
    n_rows = len(table.rows) + 1
    n_cols = len(table.columns)

    def lines(cell: TableCell, column_width: float, size: float) -> int:
        inner = column_width - 2 * CELL_MARGIN_IN
        count = meter.lines(cell.label, inner, size, bold=cell.bold) if cell.label else 1
        if cell.detail:
            count += meter.lines(cell.detail, inner, size)
        return count

    def layout(size: float) -> tuple[list[float], list[int], list[float]]:
        """Column widths, lines per row (the header first) and natural row heights."""
        widths = _column_widths(table, width, size)
        header = max(
            lines(TableCell(c, bold=True), w, size)
            for c, w in zip(table.columns, widths, strict=True)
        )
        needed = [header] + [
            max(lines(cell, w, size) for cell, w in zip(row, widths, strict=True))
            for row in table.rows
        ]
        return widths, needed, [n * size * 1.2 / 72 + 0.16 for n in needed]

    # the largest text at which the table fits without squeezing its rows
    for size in TABLE_FONT_SIZES:
        widths, needed, natural = layout(size)
        if sum(natural) <= height:
            break
    if sum(natural) > height:
        # row heights are minimums: squeeze towards single-spaced lines before overflowing
        tight = [n * size * 1.02 / 72 + 0.1 for n in needed]
        factor = height / sum(natural)
        heights = [max(t, h * factor) for t, h in zip(tight, natural, strict=True)]
    else:
        # spread spare height over the rows (a calm, full table) up to a comfortable maximum
        spare = height - sum(natural)
        heights = [natural[0]] + [
            min(max(MAX_ROW_IN, h), h + spare / max(1, n_rows - 1)) for h in natural[1:]
        ]
    shape = page.shapes.add_table(
        n_rows, n_cols, Inches(left), Inches(top), Inches(width), Inches(sum(heights))
    )
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = False
    grid.vert_banding = False
    for j, w in enumerate(widths):
        grid.columns[j].width = Inches(w)
    for i, h in enumerate(heights):
        grid.rows[i].height = Inches(h)
    for j, text in enumerate(table.columns):
        _cell(grid.cell(0, j), TableCell(text, bold=True), fill=NAVY, colour=WHITE, size=size)
    for i, row in enumerate(table.rows, start=1):
        for j, cell in enumerate(row):
            if cell.fill:
                fill = _rgb(cell.fill)
                colour = _rgb(cell.ink) if cell.ink else INK
            else:
                fill = ROW_SHADE if i % 2 == 0 else WHITE
                colour = INK
            _cell(grid.cell(i, j), cell, fill=fill, colour=colour, size=size)
    return top + sum(heights)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _cell(
    target: Any, cell: TableCell, *, fill: RGBColor, colour: RGBColor, size: float = TABLE_FONT_PT
) -> None:
    target.fill.solid()
    target.fill.fore_color.rgb = fill
    target.vertical_anchor = MSO_ANCHOR.MIDDLE
    target.margin_left = target.margin_right = Inches(CELL_MARGIN_IN)
    target.margin_top = target.margin_bottom = Inches(0.04)
    frame = target.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    if cell.icon:
        _icon_font(_run(paragraph, cell.icon, colour=colour, bold=False, size=size))
        # a no-break space: the symbol never stands alone at the end of a line
        _run(paragraph, "\u00a0", colour=colour, bold=False, size=size)
    _run(paragraph, cell.text, colour=colour, bold=cell.bold, size=size)
    if cell.detail:
        paragraph = frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        # the second line (a value, a count, a code) is quieter but no smaller
        quiet = colour == INK and not cell.fill
        _run(paragraph, cell.detail, colour=MUTED if quiet else colour, bold=False, size=size)


def _run(
    paragraph: Any,
    text: str,
    *,
    colour: RGBColor,
    bold: bool,
    font: str = "Arial",
    size: float = TABLE_FONT_PT,
) -> Any:
    run = paragraph.add_run()
    run.text = clean_controls(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = colour
    return run


# --- text beside a chart or under a table, and key messages ---------------------------------

TEXT_SIZES = (22, 20, 18, 16)  # points: the largest that fits
UNDER_TABLE_PT = 18  # the text under a table
BULLET_SIZES = (20, 18, 16)
MESSAGE_SIZES = ((26, 18), (24, 18), (22, 16), (20, 16))  # (message, its detail)
LINE = 1.22  # line height as a multiple of the font size (Arial in PowerPoint)
BADGE_IN = 3.5  # the width of a key message's verdict badge


def _lines_in(text: str, width: float, size: float, *, bold: bool = False) -> float:
    """The height in inches of a text wrapped to `width` inches at `size` points."""
    return _meter().lines(text, width, size, bold=bold) * size * LINE / 72


def _box(page: Any, box: tuple[float, float, float, float], *, fill: str | None = None) -> Any:
    """A text box (a rectangle with its fill, if any) with the template's margins off."""
    left, top, width, height = box
    if fill:
        shape = page.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(width), Inches(height)
        )
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        shape.line.color.rgb = INK
        shape.line.width = Pt(0.75)
        shape.shadow.inherit = False
    else:
        shape = page.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = Inches(0.12 if fill else 0.0)
    frame.margin_top = frame.margin_bottom = Inches(0.06)
    return shape


def _text(
    page: Any,
    slide: Slide,
    box: tuple[float, float, float, float],
    *,
    sizes: Sequence[int] = TEXT_SIZES,
) -> None:
    """The slide's text in the box at the largest of `sizes` that fits; when the slide has a
    verdict, as a strip on the verdict's colour, led by its symbol, in its text colour."""
    left, top, width, height = box
    style = STATUS_STYLE.get(slide.verdict) if slide.verdict else None
    bold = style is not None
    inner = _inner(width, filled=bold)
    text = f"{style.icon} {slide.text}" if style else slide.text
    size = next(
        (s for s in sizes if _lines_in(text, inner, s, bold=bold) + 0.15 <= height), sizes[-1]
    )
    if style is not None:
        height = min(height, _lines_in(text, inner, size, bold=bold) + 0.2)
    shape = _box(page, (left, top, width, height), fill=style.colour if style else None)
    frame = shape.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE if style else MSO_ANCHOR.TOP
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    paragraph.line_spacing = 1.05
    colour = _rgb(style.ink) if style else INK
    _runs(paragraph, text, size=size, colour=colour, bold=bold, font="Arial")


def _inner(width: float, *, filled: bool) -> float:
    """The width text wraps in, in a box `width` inches wide (with room to spare: PowerPoint
    and LibreOffice wrap a little earlier than the measure)."""
    return width - (0.24 if filled else 0.0) - 0.15


def _table_and_text(page: Any, slide: Slide) -> None:
    """A table, and the slide's text (if any) under it at a fixed size."""
    assert slide.table is not None
    if not slide.text:
        _table(page, slide.table)
        return
    left, _, width, height = CONTENT
    size = UNDER_TABLE_PT
    style = STATUS_STYLE.get(slide.verdict) if slide.verdict else None
    bold = style is not None
    text = f"{style.icon} {slide.text}" if style else slide.text
    text_height = _lines_in(text, _inner(width, filled=bold), size, bold=bold) + 0.2
    bottom = _table(page, slide.table, height=height - text_height - 0.2)
    _text(page, slide, (left, bottom + 0.2, width, text_height), sizes=(size,))


def _messages(page: Any, messages: list[Message]) -> None:
    """Key messages as rows: the verdict as a badge (colour, symbol, words in its text colour)
    and the message in large words with the count behind it under it."""
    left, top, width, height = CONTENT
    gap = 0.18
    text_left = left + BADGE_IN + 0.3
    text_width = width - BADGE_IN - 0.3

    def needed(big: int, small: int) -> list[float]:
        return [
            max(
                _lines_in(m.text, text_width, big, bold=True)
                + (_lines_in(m.detail, text_width, small) + 0.08 if m.detail else 0.0),
                0.9,
            )
            + 0.12
            for m in messages
        ]

    sizes = MESSAGE_SIZES[-1]
    for big, small in MESSAGE_SIZES:
        if sum(needed(big, small)) + gap * (len(messages) - 1) <= height:
            sizes = (big, small)
            break
    heights = needed(*sizes)
    spare = height - sum(heights) - gap * (len(messages) - 1)
    if spare > 0:  # spread calmly, up to 0.35 in more a row
        heights = [h + min(0.35, spare / len(messages)) for h in heights]
    y = top
    for message, row_height in zip(messages, heights, strict=True):
        style = message.style
        badge = _box(page, (left, y, BADGE_IN, row_height), fill=style.colour)
        frame = badge.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        label = f"{style.icon} {message.label or message.status}"
        _runs(frame.paragraphs[0], label, size=20, colour=_rgb(style.ink), bold=True, font="Arial")
        box = _box(page, (text_left, y, text_width, row_height))
        frame = box.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        paragraph = frame.paragraphs[0]
        _runs(paragraph, message.text, size=sizes[0], colour=INK, bold=True, font="Arial")
        if message.detail:
            paragraph = frame.add_paragraph()
            paragraph.space_before = Pt(4)
            _runs(paragraph, message.detail, size=sizes[1], colour=MUTED, bold=False, font="Arial")
        y += row_height + gap


# --- the Excel data behind the deck ----------------------------------------------------------

_STATUS_COLUMNS = (
    ("criterion", "report.col.criterion"),
    ("criterion_text", "report.xlsx.criterion_text"),
    ("goal", "report.xlsx.goal"),
    ("track", "report.xlsx.track"),
    ("area", "report.xlsx.area_code"),
    ("area_name", "report.xlsx.area"),
    ("indicator", "report.xlsx.indicator"),
    ("indicator_name", "report.xlsx.indicator_name"),
    ("subject", "report.xlsx.subject"),
    ("unit", "report.xlsx.unit"),
    ("gap", "report.xlsx.gap"),
    ("verdict", "report.xlsx.verdict_code"),
    ("verdict_label", "report.col.status"),
    ("reason_text", "report.xlsx.reason"),
    ("base_period", "report.xlsx.base_period"),
    ("base_value", "report.xlsx.base_value"),
    ("base_lower", "report.xlsx.base_lower"),
    ("base_upper", "report.xlsx.base_upper"),
    ("latest_period", "report.xlsx.latest_period"),
    ("latest_value", "report.xlsx.latest_value"),
    ("latest_lower", "report.xlsx.latest_lower"),
    ("latest_upper", "report.xlsx.latest_upper"),
    ("target", "report.xlsx.target"),
    ("target_period", "report.xlsx.target_period"),
    ("change", "report.xlsx.change"),
    ("change_per_year", "report.xlsx.change_per_year"),
    ("needed_per_year", "report.xlsx.needed_per_year"),
    ("certainty", "report.xlsx.certainty"),
    ("required_rate", "report.xlsx.required_rate"),
    ("observed_rate", "report.xlsx.observed_rate"),
    ("status", "report.xlsx.open_sdg_code"),
    ("status_label", "report.xlsx.open_sdg"),
    ("score", "report.xlsx.score"),
    ("comparison_label", "report.xlsx.comparison"),
    ("derived_periods", "report.xlsx.derived_periods"),
    ("suppressed_periods", "report.xlsx.suppressed_periods"),
)
_WIDTHS = {
    "criterion_text": 60,
    "reason_text": 90,
    "area_name": 22,
    "indicator_name": 36,
    "verdict_label": 26,
    "status_label": 26,
    "support_text": 60,
}


def deck_data_xlsx(deck: Deck) -> bytes:
    """The data behind the deck: one row per criterion × area (verdict, reasoning, the inputs
    and the change behind it, the Open SDG status and score as details), every roll-up with
    the count behind it, every series point, and what the deck covers."""
    lang = deck.lang
    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    ws = wb.create_sheet(t("report.xlsx.status", lang))
    headers = [t(key, lang) if key else name for name, key in _STATUS_COLUMNS]
    for i, (name, _) in enumerate(_STATUS_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 14)
    ws.freeze_panes = "A2"
    ws.append([safe_cell(ws, h, font=bold) for h in headers])
    for row in deck.rows:
        values = [_plain(getattr(row, name)) for name, _ in _STATUS_COLUMNS]
        ws.append(
            [
                safe_cell(ws, v, **_number_format(name, v))
                for (name, _), v in zip(_STATUS_COLUMNS, values, strict=True)
            ]
        )

    ws = wb.create_sheet(t("report.xlsx.rollups", lang))
    columns = [(name, t(key, lang) if key else name) for name, key in _ROLLUP_COLUMNS]
    columns += [(f"n_{v}", t(f"status.{v}", lang)) for v in VERDICTS]
    for i, (name, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 14)
    ws.freeze_panes = "A2"
    ws.append([safe_cell(ws, label, font=bold) for _, label in columns])
    for record in rollup_records(deck):
        ws.append([safe_cell(ws, _plain(record[name])) for name, _ in columns])

    ws = wb.create_sheet(t("report.xlsx.series", lang))
    keys = ("criterion", "area", "area_name", "period", "value", "lower", "upper")
    labels = [
        t("report.col.criterion", lang),
        t("report.xlsx.area_code", lang),
        t("report.xlsx.area", lang),
        t("report.xlsx.period", lang),
        t("report.xlsx.value", lang),
        t("report.xlsx.lower", lang),
        t("report.xlsx.upper", lang),
    ]
    for i, key in enumerate(keys, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 22 if key == "area_name" else 12
    ws.freeze_panes = "A2"
    ws.append([safe_cell(ws, h, font=bold) for h in labels])
    for row in deck.rows:
        for period, value, lower, upper in row.points:
            ws.append(
                [
                    safe_cell(ws, v)
                    for v in (
                        row.criterion,
                        row.area,
                        row.area_name,
                        period.code,
                        value,
                        lower,
                        upper,
                    )
                ]
            )

    ws = wb.create_sheet(t("report.xlsx.about", lang))
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 80
    about = [
        (t("report.xlsx.title", lang), deck.title),
        (t("report.xlsx.selection", lang), deck.subtitle),
        (t("present.as_of", lang), period_label(deck.period, lang) if deck.period else "–"),
        (t("report.xlsx.made", lang), format_date(dt.date.today(), lang)),
    ]
    for key, value in about:
        ws.append([safe_cell(ws, key, font=bold), safe_cell(ws, value)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_ROLLUP_COLUMNS = (
    ("level", "report.xlsx.level_code"),
    ("level_label", "report.xlsx.level"),
    ("track", "report.xlsx.track"),
    ("goal", "report.xlsx.goal"),
    ("area", "report.xlsx.area_code"),
    ("area_name", "report.xlsx.area"),
    ("status", "report.xlsx.verdict_code"),
    ("status_label", "report.col.status"),
    ("support", "report.xlsx.support"),
    ("n", "report.xlsx.n"),
    ("support_text", "report.xlsx.support_text"),
    ("score", "report.xlsx.mean_score"),
)


def rollup_records(deck: Deck) -> list[dict[str, Any]]:
    """The report's roll-ups that the deck's selection covers, each with its combined verdict,
    the count behind it (``support`` of ``n`` rows, and in words: ``support_text``) and the
    rows per verdict (``n_<verdict>``)."""
    report = deck.report
    if report is None:
        return []
    lang = deck.lang
    areas = {r.area: r.area_name for r in deck.rows}
    track_of = {r.goal: r.track for r in deck.rows}
    selection = deck.selection
    out = []
    for record in report.rollup_records():
        area, level = record["area"], record["level"]
        if (area is None and selection.cluster) or (area is not None and area not in areas):
            continue
        if selection.goal and record["goal"] != selection.goal:
            continue
        track = record["track"] or track_of.get(record["goal"])
        if selection.track and (track != selection.track or level not in _TRACK_LEVELS):
            continue
        combined = Combined(
            status=record["status"],
            n=record["n"],
            counts=dict(record["counts"]),
            support=record["support"],
            score=record["score"],
        )
        out.append(
            {
                **record,
                "level_label": t(f"report.xlsx.level.{level}", lang),
                "track": track,
                "area_name": areas.get(area, "") if area else "",
                "status_label": status_label(record["status"], lang),
                "support_text": support_text(combined, lang),
                **{f"n_{v}": record["counts"].get(v, 0) for v in VERDICTS},
            }
        )
    return out


#: The roll-ups of one track (a cluster's, the region's and the inequality roll-ups span all).
_TRACK_LEVELS = frozenset({"goal_area", "track_area", "region_track"})


#: How a number column reads in Excel: a rate a year as a percentage, the rest with the
#: decimals it has (up to three), never as a raw fraction with 15 decimals.
_RATES = frozenset({"required_rate", "observed_rate"})


def _number_format(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, float):
        return {}
    if name in _RATES:
        return {"number_format": "0.0%"}
    return {"number_format": "0.00" if name == "score" else "#,##0.0##"}


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple):  # period codes
        return ", ".join(str(v) for v in value) or None
    return value
