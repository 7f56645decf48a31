"""goals.export.pptx: the deck as PowerPoint (opened again with python-pptx) and as Excel; the
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
from pptx.util import Pt

from goals import store
from goals.catalogue import Catalogue
from goals.deck import ROWS_PER_SLIDE, Cell, Deck, Selection, Slide, Table, build_deck, split_table
from goals.export import pptx as export
from goals.export.images import DEBIAN_CHROMIUM
from goals.status import STATUS_STYLE, assess
from tests.conftest import ROOT

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fake_render(figures, *, fmt, width, height, scale):
    """Stands in for Chromium: one small valid PNG per figure, and counts the calls."""
    fake_render.calls += 1
    out = []
    for _ in figures:
        buffer = io.BytesIO()
        Image.new("RGB", (int(width * scale), int(height * scale)), "white").save(buffer, "PNG")
        out.append(buffer.getvalue())
    return out


fake_render.calls = 0


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


def titles(prs) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


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
            assert (native_cell.text.splitlines() or [""])[0] == cell.label
            if cell.status in STATUS_STYLE:
                colour = STATUS_STYLE[cell.status].colour.lstrip("#").upper()
                assert str(native_cell.fill.fore_color.rgb) == colour
            sizes = {r.font.size for p in native_cell.text_frame.paragraphs for r in p.runs}
            assert sizes and min(sizes) >= Pt(14)


def test_status_texts_and_reasoning_in_the_file(demo):
    deck = deck_of(demo, goal="KOL-1")
    prs = opened(deck)
    goal_page = prs.slides[1]
    table = next(s for s in goal_page.shapes if s.has_table).table
    texts = {
        cell.text.splitlines()[0] for row in list(table.rows)[1:] for cell in list(row.cells)[1:]
    }
    assert texts & {"✔ Målet er nået", "▲ På rette spor", "● Fremgang – men for langsom"}
    notes = goal_page.notes_slide.notes_text_frame.text
    for row in deck.rows:
        assert row.reason_text in notes


def test_english_report(demo):
    prs = opened(deck_of(demo, lang="en", track="PSY"))
    got = titles(prs)
    assert got[0] == "Status of the shared goals"
    assert got[1] == "Overview: Anxiety/mental vulnerability" or got[1].startswith("Overview: ")
    assert "Appendix: how status is assessed" in got


def test_long_tables_continue_on_the_next_slide(demo):
    long_text = "Et succeskriterium med en lang tekst, der skal brydes over flere linjer " * 2
    rows = tuple(
        (Cell(f"{long_text} {i}", detail="X-1"), Cell("På rette spor", detail="12,0 %", status="on_track", fill="#56B4E9", icon="▲"))
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
    assert book.sheetnames == ["Status", "Tidsserier", "Om"]
    status = list(book["Status"].iter_rows(values_only=True))
    assert len(status) == len(deck.rows) + 1
    header = status[0]
    assert {
        "Område",
        "Basisværdi",
        "Seneste værdi",
        "Målværdi",
        "Status",
        "Score",
        "Begrundelse",
    } <= set(header)
    reasons = {r[header.index("Begrundelse")] for r in status[1:]}
    assert reasons == {r.reason_text for r in deck.rows}
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
    for page in prs.slides:
        for shape in page.shapes:
            if shape.shape_type == 13:
                image = Image.open(io.BytesIO(shape.image.blob))
                assert image.format == "PNG" and image.size[0] >= 2000
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
