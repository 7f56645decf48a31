"""A deck (goals.deck) as PowerPoint, and the Excel data behind it.

`deck_to_pptx` fills the shipped 16:9 template (data/templates/maalbillede-16x9.pptx, made by
data/templates/make_template.py): charts become PNG pictures, all rendered in one browser start
(goals.export.images.render_images); status tables become native PowerPoint tables that can be
edited, each status cell in its status colour with icon and words; the reasoning behind each
status goes into the speaker notes; every slide carries the footer "Kilde: … · Data pr. …".

`deck_data_xlsx` writes the status rows and the series behind the deck as an Excel workbook;
text that a spreadsheet could read as a formula is made inert (goals.workbook.export.safe_cell).
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
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from goals.deck import Cell, Deck, Slide, Table, presentation_figure
from goals.describe import period_label
from goals.export.images import render_images
from goals.i18n import language, t
from goals.store import PROJECT_ROOT
from goals.workbook.export import safe_cell

__all__ = [
    "CHART_PIXELS",
    "TEMPLATE",
    "chart_images",
    "deck_data_xlsx",
    "deck_to_pptx",
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

INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x59, 0x59, 0x59)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_SHADE = RGBColor(0xF4, 0xF6, 0xF9)
FOOTER_ON_TITLE = RGBColor(0xB8, 0xC7, 0xD9)
TABLE_FONT_PT = 14  # never smaller: the table is read on a shared screen
MAX_ROW_IN = 1.1


Renderer = Callable[..., list[bytes]]


def chart_images(deck: Deck, *, render: Renderer | None = None) -> list[bytes]:
    """Every chart of the deck as a PNG, in slide order, from one browser start."""
    render = render or render_images
    width, height = CHART_PIXELS
    figures = [
        presentation_figure(s.figure, width=width, height=height, font_scale=CHART_FONT_SCALE)
        for s in deck.charts
    ]
    return render(figures, fmt="png", width=width, height=height, scale=CHART_PNG_SCALE)


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
            if slide.has_chart:
                _picture(page, next(pictures))
            elif slide.table is not None:
                _table(page, slide.table)
            elif slide.bullets:
                _bullets(page, slide.bullets)
        _footer(page, slide.footer, f"{number} / {total}", title=slide.kind == "title")
        if slide.notes:
            page.notes_slide.notes_text_frame.text = slide.notes
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
    page.shapes.title.text = slide.title
    body = _placeholder(page, 1)
    frame = body.text_frame
    frame.text = slide.subtitle
    for bullet in slide.bullets:
        paragraph = frame.add_paragraph()
        paragraph.text = bullet
        paragraph.space_before = Pt(10)
        for run in paragraph.runs:
            run.font.size = Pt(18)


def _heading(page: Any, slide: Slide) -> None:
    title = page.shapes.title
    title.text = slide.title
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
    subtitle.text_frame.text = slide.subtitle
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


def _picture(page: Any, png: bytes) -> None:
    left, top, width, height = CONTENT
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
    left, top, width, height = CONTENT
    box = page.shapes.add_textbox(
        Inches(left), Inches(top + 0.1), Inches(width), Inches(height - 0.1)
    )
    frame = box.text_frame
    frame.word_wrap = True
    for i, text in enumerate(bullets):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = f"•  {text}"
        paragraph.space_after = Pt(12)
        for run in paragraph.runs:
            run.font.size = Pt(20)
            run.font.color.rgb = INK


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
ICON_FONT = "DejaVu Sans"  # has ✔ ▲ ● ▼ ✖ ▶ ■, which Arial lacks (PowerPoint falls back by itself)


def _column_widths(table: Table, total: float) -> list[float]:
    """The table's relative widths, widened where a column's longest word would not fit (a
    word broken in the middle – 'Horsensklynge|n' – reads badly on a screen)."""
    meter = _meter()
    pad = 2 * CELL_MARGIN_IN + 0.04
    minimum = []
    for j, header in enumerate(table.columns):
        need = meter.longest_word(header, TABLE_FONT_PT, bold=True)
        for row in table.rows:
            cell = row[j]
            need = max(need, meter.longest_word(cell.label, TABLE_FONT_PT, bold=cell.bold))
            need = max(need, meter.longest_word(cell.detail, TABLE_FONT_PT))
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


def _table(page: Any, table: Table) -> None:
    """A native table in the content box: navy header, status cells in their colour."""
    left, top, width, height = CONTENT
    meter = _meter()
    n_rows = len(table.rows) + 1
    n_cols = len(table.columns)
    widths = _column_widths(table, width)
    line_in = TABLE_FONT_PT * 1.2 / 72

    def lines(cell: Cell, column_width: float) -> int:
        inner = column_width - 2 * CELL_MARGIN_IN
        count = meter.lines(cell.label, inner, TABLE_FONT_PT, bold=cell.bold) if cell.label else 1
        if cell.detail:
            count += meter.lines(cell.detail, inner, TABLE_FONT_PT)
        return count

    header = max(lines(Cell(c, bold=True), w) for c, w in zip(table.columns, widths, strict=True))
    needed = [header] + [
        max(lines(cell, w) for cell, w in zip(row, widths, strict=True)) for row in table.rows
    ]
    natural = [n * line_in + 0.16 for n in needed]
    if sum(natural) > height:
        # row heights are minimums: squeeze towards single-spaced lines before overflowing
        tight = [n * TABLE_FONT_PT * 1.02 / 72 + 0.1 for n in needed]
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
        _cell(grid.cell(0, j), Cell(text, bold=True), fill=NAVY, colour=WHITE)
    for i, row in enumerate(table.rows, start=1):
        for j, cell in enumerate(row):
            if cell.fill:
                fill = RGBColor.from_string(cell.fill.lstrip("#"))
            else:
                fill = ROW_SHADE if i % 2 == 0 else WHITE
            _cell(grid.cell(i, j), cell, fill=fill, colour=INK)


def _cell(target: Any, cell: Cell, *, fill: RGBColor, colour: RGBColor) -> None:
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
        _run(paragraph, cell.icon + " ", colour=colour, bold=False, font=ICON_FONT)
    _run(paragraph, cell.text, colour=colour, bold=cell.bold)
    if cell.detail:
        paragraph = frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        # the second line (a value, a count, a code) is quieter but no smaller
        quiet = colour == INK and not cell.fill
        _run(paragraph, cell.detail, colour=MUTED if quiet else colour, bold=False)


def _run(paragraph: Any, text: str, *, colour: RGBColor, bold: bool, font: str = "Arial") -> None:
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(TABLE_FONT_PT)
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = colour


# --- the Excel data behind the deck ----------------------------------------------------------

_STATUS_COLUMNS = (
    ("criterion", "report.col.criterion"),
    ("criterion_text", None),
    ("goal", "report.xlsx.goal"),
    ("track", "report.xlsx.track"),
    ("area", None),
    ("area_name", "report.xlsx.area"),
    ("indicator", "report.xlsx.indicator"),
    ("indicator_name", None),
    ("subject", "report.xlsx.subject"),
    ("unit", "report.xlsx.unit"),
    ("base_period", "report.xlsx.base_period"),
    ("base_value", "report.xlsx.base_value"),
    ("latest_period", "report.xlsx.latest_period"),
    ("latest_value", "report.xlsx.latest_value"),
    ("target", "report.xlsx.target"),
    ("target_period", "report.xlsx.target_period"),
    ("required_rate", "report.xlsx.required_rate"),
    ("observed_rate", "report.xlsx.observed_rate"),
    ("status", None),
    ("status_label", "report.col.status"),
    ("score", "report.xlsx.score"),
    ("comparison_label", "report.xlsx.comparison"),
    ("reason_text", "report.xlsx.reason"),
)
_WIDTHS = {
    "criterion_text": 60,
    "reason_text": 90,
    "area_name": 22,
    "indicator_name": 36,
    "status_label": 26,
}


def deck_data_xlsx(deck: Deck) -> bytes:
    """The data behind the deck: one row per criterion × area (inputs, status, score,
    reasoning), every series point, and what the deck covers."""
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
        ws.append([safe_cell(ws, v) for v in values])

    ws = wb.create_sheet(t("report.xlsx.series", lang))
    keys = ("criterion", "area", "area_name", "period", "value", "lower", "upper")
    labels = [
        t("report.col.criterion", lang),
        "area",
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
        (t("report.xlsx.made", lang), dt.date.today().isoformat()),
    ]
    for key, value in about:
        ws.append([safe_cell(ws, key, font=bold), safe_cell(ws, value)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
