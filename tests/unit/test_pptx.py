"""goals.present.pptx: the deck as PowerPoint (opened again with python-pptx) and as Excel; the
real rendering through Chromium and LibreOffice in a slow test."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import t
from goals.present import pptx as export
from goals.present.deck import (
    ROWS_PER_SLIDE,
    Deck,
    Selection,
    Slide,
    Table,
    TableCell,
    build_deck,
    split_table,
)
from goals.present.images import DEBIAN_CHROMIUM
from goals.present.style import STATUS_STYLE
from goals.status import assess, combine_rows, support_text
from goals.status.verdicts import VERDICTS
from tests.conftest import ROOT
from tests.unit.test_deck import emoji_in

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fake_render(figures, *, fmt, width, height, scale):
    """Stands in for Chromium: one small valid PNG per figure (at the given size, else the
    figure's own, as render_images), and counts the calls and the sizes."""
    fake_render.calls += 1
    out = []
    for figure in figures:
        size = (width or figure.layout.width or 1600, height or figure.layout.height or 900)
        fake_render.sizes.append(size)
        buffer = io.BytesIO()
        Image.new("RGB", (int(size[0] * scale), int(size[1] * scale)), "white").save(buffer, "PNG")
        out.append(buffer.getvalue())
    return out


fake_render.calls = 0
fake_render.sizes = []


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("pptx") / "demo.db"
    shutil.copy(demo_template["sqlite"], path)
    engine = store.open_store(f"sqlite:///{path}")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    yield engine, cat
    store.dispose_engines()


def deck_of(demo, lang="da", **selection) -> Deck:
    engine, cat = demo
    report = assess(engine=engine, catalogue=cat, lang=lang)
    return build_deck(
        report=report, catalogue=cat, selection=Selection(**selection), lang=lang, engine=engine
    )


def opened(deck: Deck) -> Presentation:
    before = fake_render.calls
    data = export.deck_to_pptx(deck, render=fake_render)
    assert fake_render.calls == before + 1, "one render call (one browser) for the whole deck"
    return Presentation(io.BytesIO(data))


def text_of(shape_or_cell) -> str:
    """The text, a no-break space read as a space (one joins a symbol to its word)."""
    return shape_or_cell.text.replace("\u00a0", " ")


def titles(prs) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


def runs(prs):
    """Every text run of every slide (shapes, table cells) and of the notes."""
    for page in prs.slides:
        frames = []
        for shape in page.shapes:
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        if page.has_notes_slide:
            frames.append(page.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
                yield from paragraph.runs


def fonts(run) -> set[str]:
    """The typefaces a run asks for, in every script slot it sets."""
    properties = run._r.find(qn("a:rPr"))
    if properties is None:
        return set()
    return {
        element.get("typeface")
        for tag in ("a:latin", "a:ea", "a:cs", "a:sym")
        if (element := properties.find(qn(tag))) is not None
    }


def test_template_is_16_9_with_the_layouts():
    prs = Presentation(str(export.TEMPLATE))
    assert (round(prs.slide_width.inches, 2), round(prs.slide_height.inches, 2)) == (13.33, 7.5)
    names = {layout.name for layout in prs.slide_layouts}
    assert {export.LAYOUT_TITLE, export.LAYOUT_CONTENT} <= names
    assert export.TEMPLATE.stat().st_size < 100_000


@pytest.mark.parametrize(
    "selection",
    [{}, {"cluster": "AARHUS"}, {"track": "KOL"}, {"goal": "DIA-2"}],
    ids=["full", "cluster", "track", "goal"],
)
def test_slides_titles_tables_pictures_and_notes(demo, selection):
    deck = deck_of(demo, **selection)
    prs = opened(deck)
    assert len(prs.slides) == len(deck.slides)
    assert titles(prs) == [s.title for s in deck.slides]
    pictures = tables = 0
    for page, slide in zip(prs.slides, deck.slides, strict=True):
        shapes = list(page.shapes)
        for shape in shapes:
            if shape.shape_type == 13:  # picture
                pictures += 1
                assert shape.image.blob.startswith(PNG_MAGIC)
                Image.open(io.BytesIO(shape.image.blob)).verify()
                assert shape.left + shape.width <= prs.slide_width
                assert shape.top + shape.height <= prs.slide_height
            if shape.has_table:
                tables += 1
                _check_table(shape.table, slide.table)
                # the table ends above the footer rule (6.9 in)
                assert shape.top + sum(r.height for r in shape.table.rows) <= Pt(6.9 * 72)
        texts = " ".join(s.text_frame.text for s in shapes if s.has_text_frame)
        assert slide.footer in texts
        assert page.notes_slide.notes_text_frame.text == slide.notes
    assert pictures == len(deck.charts)
    assert tables == len(deck.tables)


def _check_table(native, table: Table) -> None:
    assert [c.text for c in native.rows[0].cells] == list(table.columns)
    for native_row, row in zip(list(native.rows)[1:], table.rows, strict=True):
        for native_cell, cell in zip(native_row.cells, row, strict=True):
            assert (text_of(native_cell).splitlines() or [""])[0] == cell.label
            cell_runs = [r for p in native_cell.text_frame.paragraphs for r in p.runs]
            if cell.status in STATUS_STYLE:
                style = STATUS_STYLE[cell.status]
                assert str(native_cell.fill.fore_color.rgb) == style.colour.lstrip("#").upper()
                # every word on the fill in the verdict's text colour (white on the dark fills)
                ink = style.ink.lstrip("#").upper()
                assert {str(r.font.color.rgb) for r in cell_runs if r.text.strip()} == {ink}
            if cell.icon:
                assert cell_runs[0].text == cell.icon
                assert fonts(cell_runs[0]) == {export.ICON_FONT}
            sizes = {r.font.size for r in cell_runs}
            assert sizes and min(sizes) >= Pt(14)


def test_status_texts_and_reasoning_in_the_file(demo):
    deck = deck_of(demo, goal="KOL-1")
    prs = opened(deck)
    goal_page = prs.slides[1]
    table = next(s for s in goal_page.shapes if s.has_table).table
    texts = [
        text_of(cell).splitlines()[0]
        for row in list(table.rows)[1:]
        for cell in list(row.cells)[1:]
    ]
    assert {"✓ Målet er nået", "≈ Ingen sikker ændring"} <= set(texts)
    # the verdicts, not the Open SDG statuses
    verdicts = {(r.criterion, r.area_name): r for r in deck.rows}
    columns = [c.text for c in table.rows[0].cells]
    for native_row in list(table.rows)[1:]:
        code = native_row.cells[0].text.splitlines()[-1]
        for j, native_cell in enumerate(list(native_row.cells)[1:], start=1):
            row = verdicts[(code, columns[j])]
            style = STATUS_STYLE[row.verdict]
            assert text_of(native_cell).splitlines()[0] == f"{style.icon} {row.verdict_label}"
    notes = goal_page.notes_slide.notes_text_frame.text
    for row in deck.rows:
        assert row.reason_text in notes


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "selection", [{}, {"cluster": "AARHUS"}], ids=["full", "cluster"]
)  # fmt: skip
def test_no_emoji_in_any_text_run_and_symbols_in_a_text_font(demo, selection, lang):
    prs = opened(deck_of(demo, lang, **selection))
    symbols = "".join(style.icon for style in STATUS_STYLE.values()) + "►○■"
    seen = set()
    for run in runs(prs):
        assert not emoji_in(run.text), run.text
        for char in set(run.text) & set(symbols) - set("?"):
            seen.add(char)
            # a symbol stands in a run of its own, in a text font in every script slot
            assert run.text == char and fonts(run) == {export.ICON_FONT}
    assert {"✓", "▲", "≈", "✗", "►"} <= seen
    assert "emoji" not in export.ICON_FONT.lower()


def test_key_messages_slide(demo):
    deck = deck_of(demo)
    prs = opened(deck)
    slide = deck.slides[1]
    page = prs.slides[1]
    assert page.shapes.title.text == "Hovedbudskaber"
    shapes = [s for s in page.shapes if s.has_text_frame and s.shape_type == 1]  # autoshapes
    badges = {s.text_frame.text: s for s in shapes}
    for message in slide.messages:
        style = message.style
        badge = badges[f"{style.icon} {message.label}"]
        assert str(badge.fill.fore_color.rgb) == style.colour.lstrip("#").upper()
        colours = {str(r.font.color.rgb) for p in badge.text_frame.paragraphs for r in p.runs}
        assert colours == {style.ink.lstrip("#").upper()}
        text = next(
            s
            for s in page.shapes
            if s.has_text_frame and s.text_frame.text.startswith(message.text)
        )
        paragraphs = text.text_frame.paragraphs
        assert paragraphs[1].text == message.detail
        assert min(r.font.size for r in paragraphs[0].runs) >= Pt(20)  # read from the back


def test_gap_slide_has_the_chart_beside_its_reasoning(demo):
    deck = deck_of(demo, cluster="AARHUS")
    fake_render.sizes.clear()
    prs = opened(deck)
    index = next(i for i, s in enumerate(deck.slides) if s.kind == "inequality")
    slide, page = deck.slides[index], prs.slides[index]
    picture = next(s for s in page.shapes if s.shape_type == 13)
    text = next(s for s in page.shapes if s.has_text_frame and s.text_frame.text == slide.text)
    row = next(r for r in deck.rows if r.criterion == "KOL-1-B")
    assert slide.text == row.reason_text
    assert picture.left + picture.width <= text.left  # side by side
    assert picture.width <= export.Inches(export.SIDE_CHART_IN) + 1
    assert min(r.font.size for p in text.text_frame.paragraphs for r in p.runs) >= Pt(18)
    # the gap chart is drawn narrower than a full-width chart, and its fonts are not scaled
    chart_slides = [s for s in deck.slides if s.has_chart]
    sizes = dict(zip((s.key for s in chart_slides), fake_render.sizes, strict=True))
    assert sizes[slide.key] == export.SIDE_CHART_PIXELS
    assert sizes[chart_slides[0].key] == export.CHART_PIXELS
    assert export.chart_size(slide)[2] == 1.0


def test_table_with_a_verdict_strip_under_it(demo):
    deck = deck_of(demo)
    prs = opened(deck)
    index = next(i for i, s in enumerate(deck.slides) if s.kind == "inequality")
    slide, page = deck.slides[index], prs.slides[index]
    table = next(s for s in page.shapes if s.has_table)
    strip = next(s for s in page.shapes if s.has_text_frame and slide.text in s.text_frame.text)
    rows = [r for r in deck.rows if r.criterion == "KOL-1-B"]
    combined = combine_rows(rows)
    assert strip.text_frame.text == f"{STATUS_STYLE[combined.status].icon} {slide.text}"
    assert support_text(combined, "da") in strip.text_frame.text
    assert (
        str(strip.fill.fore_color.rgb) == STATUS_STYLE[combined.status].colour.lstrip("#").upper()
    )
    assert table.top + sum(r.height for r in table.table.rows) <= strip.top
    assert strip.top + strip.height <= Pt(6.9 * 72)


def test_legend_slide_lists_the_seven_verdicts_and_the_rule(demo):
    deck = deck_of(demo, goal="KOL-1")
    prs = opened(deck)
    page = prs.slides[len(deck.slides) - 1]
    table = next(s for s in page.shapes if s.has_table).table
    labels = [text_of(row.cells[0]) for row in list(table.rows)[1:]]
    assert labels == [f"{STATUS_STYLE[v].icon} {t(f'status.{v}', 'da')}" for v in VERDICTS]
    assert "≈ Ingen sikker ændring" in labels
    text = " ".join(s.text_frame.text for s in page.shapes if s.has_text_frame)
    assert t("status.rollup.rule", "da") in text


def test_english_report(demo):
    prs = opened(deck_of(demo, lang="en", track="PSY"))
    got = titles(prs)
    assert got[0] == "Status of the shared goals"
    assert got[1] == "Key messages"
    assert got[3] == "Overview: Anxiety/mental vulnerability"
    assert got[-1] == "How to read the colours"


def test_long_tables_continue_on_the_next_slide(demo):
    long_text = "Et succeskriterium med en lang tekst, der skal brydes over flere linjer " * 2
    rows = tuple(
        (TableCell(f"{long_text} {i}", detail="X-1"), TableCell("På rette spor", detail="12,0 %", status="on_track", fill="#56B4E9", icon="▲"))
        for i in range(20)
    )  # fmt: skip
    pages = split_table("Lang", rows, ROWS_PER_SLIDE, widths=(1, 1))
    assert len(pages) > 3 and pages[0][0] == f"Lang (1/{len(pages)})"
    assert sum(len(page) for _, page in pages) == len(rows)
    deck = deck_of(demo, goal="KOL-2")
    deck.slides = [deck.slides[0]] + [
        Slide(
            kind="goal",
            key=f"k{i}",
            title=title,
            table=Table(columns=("a", "b"), rows=tuple(page)),
            footer="f",
        )
        for i, (title, page) in enumerate(pages)
    ]
    prs = opened(deck)
    for page in list(prs.slides)[1:]:
        table = next(s for s in page.shapes if s.has_table)
        assert table.top + sum(r.height for r in table.table.rows) <= Pt(7.0 * 72)


def test_excel_data_behind_the_deck(demo):
    deck = deck_of(demo, track="KOL")
    # a text that a spreadsheet would run as a formula stays text
    deck.subtitle = '=HYPERLINK("http://x")'
    book = load_workbook(io.BytesIO(export.deck_data_xlsx(deck)))
    assert book.sheetnames == ["Status", "Samlet status", "Tidsserier", "Om"]
    status = list(book["Status"].iter_rows(values_only=True))
    assert len(status) == len(deck.rows) + 1
    header = status[0]
    assert {
        "Område",
        "Basisværdi",
        "Seneste værdi",
        "Målværdi",
        "Status",
        "Open SDG-status",
        "Open SDG-score",
        "Begrundelse",
    } <= set(header)
    # the verdict and what it rests on: every new key of a row
    for key in ("verdict", "certainty", "change", "change_per_year", "needed_per_year"):
        column = next(i for i, (name, _) in enumerate(export._STATUS_COLUMNS) if name == key)
        values = [r[column] for r in status[1:]]
        expected = [getattr(row, key) for row in deck.rows]
        if key in ("verdict", "certainty"):
            assert values == expected
        else:
            assert values == pytest.approx(expected)
    by_key = {(r[0], r[header.index("Områdekode")]): r for r in status[1:]}
    # people's headers only, rates a year as percentages
    assert not {"area", "criterion_text", "indicator_name", "verdict", "status"} & set(header)
    column = header.index("Nødvendig årlig udvikling")
    cells = [r[column] for r in book["Status"].iter_rows(min_row=2)]
    assert any(isinstance(c.value, float) for c in cells)
    assert all(c.number_format == "0.0%" for c in cells if isinstance(c.value, float))
    for row in deck.rows:
        record = by_key[(row.criterion, row.area)]
        assert record[header.index("Status")] == row.verdict_label
        assert record[header.index("Open SDG-status")] == row.status_label
    assert any(row.verdict != row.status for row in deck.rows)
    reasons = {r[header.index("Begrundelse")] for r in status[1:]}
    assert reasons == {r.reason_text for r in deck.rows}
    # the roll-ups the deck shows, each with the count behind it
    rollups = list(book["Samlet status"].iter_rows(values_only=True))
    names = rollups[0]
    records = [dict(zip(names, r, strict=True)) for r in rollups[1:]]
    report = deck.report
    assert {r["Niveau (kode)"] for r in records} == {"goal_area", "track_area", "region_track"}
    assert {r["Spor"] for r in records} == {"KOL"}
    aarhus = next(
        r for r in records if r["Niveau (kode)"] == "track_area" and r["Områdekode"] == "AARHUS"
    )
    assert aarhus["Niveau"] == "Spor i et område"
    combined = report.track_area[("KOL", "AARHUS")]
    assert aarhus["Status (kode)"] == combined.status
    assert (aarhus["Bærer status"], aarhus["Succeskriterier"]) == (combined.support, combined.n)
    assert aarhus["Optælling"] == support_text(combined, "da")
    assert aarhus["Ingen sikker ændring"] == combined.counts["uncertain"]
    series = list(book["Tidsserier"].iter_rows(values_only=True))
    assert len(series) == 1 + sum(len(r.points) for r in deck.rows)
    about = {row[0].value: row[1] for row in book["Om"].iter_rows()}
    cell = about["Udvalg"]
    assert cell.value == deck.subtitle and cell.data_type == "s" and cell.quotePrefix


def test_a_deck_without_charts_needs_no_browser():
    deck = Deck(
        title="T", subtitle="S", lang="da", selection=Selection(), period=None, report=None, rows=[],
        slides=[Slide(kind="title", key="title", title="T", subtitle="S"),
                Slide(kind="method", key="m", title="M", bullets=["a", "b"], footer="Kilde: x")],
    )  # fmt: skip
    calls = fake_render.calls
    prs = Presentation(io.BytesIO(export.deck_to_pptx(deck, render=fake_render)))
    assert titles(prs) == ["T", "M"]
    assert fake_render.calls == calls + 1  # called with no figures: no browser is started


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm") and Path(DEBIAN_CHROMIUM).exists()),
    reason="needs LibreOffice (soffice), poppler (pdftoppm) and Chromium",
)
def test_real_report_renders_in_libreoffice(demo, tmp_path):
    """The full demo report with real chart images, converted by LibreOffice to PDF and by
    pdftoppm to one PNG per slide (kept in test-artifacts/report/ to look at)."""
    deck = deck_of(demo)
    data = export.deck_to_pptx(deck)
    prs = Presentation(io.BytesIO(data))
    for page, slide in zip(prs.slides, deck.slides, strict=True):
        for shape in page.shapes:
            if shape.shape_type == 13:
                image = Image.open(io.BytesIO(shape.image.blob))
                width, height, _ = export.chart_size(slide)
                assert image.format == "PNG"
                assert image.size == (
                    width * export.CHART_PNG_SCALE,
                    height * export.CHART_PNG_SCALE,
                )
                assert image.size[0] >= 1500
    source = tmp_path / "status.pptx"
    source.write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdf = tmp_path / "status.pdf"
    assert pdf.exists()
    out = ROOT / "test-artifacts" / "report"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "slide")], check=True, timeout=240
    )
    pages = sorted(out.glob("slide-*.png"))
    assert len(pages) == len(deck.slides)
    for page in pages:
        image = Image.open(page)
        width, height = image.size
        assert abs(width / height - 16 / 9) < 0.01
        # not blank: a slide has ink on it
        assert image.convert("L").getextrema()[0] < 100


def test_control_characters_already_stored_do_not_break_the_deck(demo_template, tmp_path):
    # Text stored before the import cleaned control characters (a Word line break, BEL, ESC):
    # python-pptx writes them as escapes ("esc_x001B_name") that PowerPoint shows as such.
    path = tmp_path / "controls.db"
    shutil.copy(demo_template["sqlite"], path)
    engine = store.open_store(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE assessment SET text = 'ring\x07 and\x0bbreak'")
        connection.exec_driver_sql("UPDATE initiative SET name = 'esc\x1bname'")
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
    try:
        prs = opened(deck_of((engine, cat), cluster="AARHUS"))
    finally:
        store.dispose_engines()
    texts = [run.text for run in runs(prs)] + [
        s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide
    ]
    assert any("escname" in text for text in texts)
    assert not [text for text in texts if "_x00" in text]
    assert not [text for text in texts if any(ord(c) < 32 and c not in "\t\n\r" for c in text)]
