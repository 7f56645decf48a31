"""Reading cells and files: numbers as people write them, markers, guards against bad files."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest_workbook import fixture_bytes
from hypothesis import given
from hypothesis import strategies as st

from goals.i18n import t
from goals.spreadsheet import read as read_module
from goals.spreadsheet.cells import (
    cell_ref,
    clean_text,
    is_missing_marker,
    parse_date,
    parse_number_text,
)
from goals.spreadsheet.read import ReadError, column_letters, read_workbook


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12,5 %", 12.5),
        ("12,5%", 12.5),
        (" 7 ", 7.0),
        ("−3,2", -3.2),
        ("1 234,5", 1234.5),
        ("1.234.567", 1234567.0),
        ("0,125", 0.125),
        ("12,5x", None),
        ("abc", None),
        ("1,2,3", None),
        ("12.34,5", None),
        ("", None),
        ("1 2", None),
        # thin, figure and narrow no-break spaces between thousands (Word, web pages)
        ("1\u2009234,5", 1234.5),
        ("1\u2007234,5", 1234.5),
        ("1\u202f234\u202f567", 1234567.0),
        # invisible format characters carry no meaning in a number
        ("1\u200b234", 1234.0),
        ("\ufeff17,5", 17.5),
        ("12\u200e,5 %", 12.5),
        ("1\u20092345", None),  # a thin space that does not separate thousands
    ],
)
def test_numbers_as_people_write_them(text: str, number: float | None) -> None:
    assert parse_number_text(text) == number


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda v: round(v, 4)))
def test_danish_decimal_comma_round_trips(value: float) -> None:
    text = f"{value:.4f}".replace(".", ",")
    assert parse_number_text(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["-", "–", "..", "n/a", "N/A", "Diskretioneret", "diskretioneret "]
)
def test_missing_on_purpose_markers(text: str) -> None:
    assert is_missing_marker(text)


def test_text_cells() -> None:
    assert clean_text("  Midtklyngen ") == "Midtklyngen"
    assert clean_text("'=SUM(A1)") == "=SUM(A1)"  # an apostrophe that only protected a formula
    assert clean_text("'quoted'") == "'quoted'"
    assert clean_text("   ") is None
    assert clean_text(2021.0) == "2021"


def test_cell_references() -> None:
    assert [column_letters(c) for c in (0, 4, 25, 26, 27, 701, 702)] == [
        "A", "E", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip
    assert cell_ref("Indikatorer", 13, 4) == "Indikatorer!E14"
    assert cell_ref("Mit ark", 0, 0) == "'Mit ark'!A1"


def test_dates() -> None:
    import datetime as dt

    assert parse_date("2023-03-31") == dt.date(2023, 3, 31)
    assert parse_date("31-03-2023") == dt.date(2023, 3, 31)
    assert parse_date("31.3.2023") == dt.date(2023, 3, 31)
    assert parse_date("31/13/2023") is None


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "ZIP_MIN_ALLOWED", 1_000_000)
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * 5_000_000})
    assert len(bomb) < 20_000
    opened = []
    monkeypatch.setattr(read_module.CalamineWorkbook, "from_filelike", lambda *a: opened.append(a))
    with pytest.raises(ReadError) as info:
        read_workbook(bomb, "bomb.xlsx", limit_bytes=10_000)
    assert info.value.key == "workbook.file.zip_bomb"
    assert info.value.values == {"size": "4,8", "limit": "1,0"}  # both said, in MB
    assert opened == []
    text = t("workbook.file.zip_bomb", "da", **info.value.values)
    assert "4,8 MB" in text and "grænsen er 1,0 MB" in text


def test_too_many_zip_members_says_so_and_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # 12,000 tiny members unpack to almost nothing: "would be 0,0 MB unpacked" said nothing.
    monkeypatch.setattr(read_module, "ZIP_MAX_MEMBERS", 50)
    members = {"xl/workbook.xml": b"<workbook/>"} | {f"x/{i}.xml": b"" for i in range(60)}
    with pytest.raises(ReadError) as info:
        read_workbook(_zip(members), "many.xlsx", limit_bytes=10_000_000)
    assert info.value.key == "workbook.file.zip_members"
    assert info.value.values == {"members": "61", "limit": "50"}
    assert "61 dele" in t("workbook.file.zip_members", "da", **info.value.values)


def test_a_password_protected_ods_is_locked_not_damaged() -> None:
    # LibreOffice keeps the zip readable and encrypts content.xml, listing it in the manifest.
    manifest = (
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        b"</manifest:encryption-data></manifest:file-entry></manifest:manifest>"
    )
    locked = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": manifest,
            "content.xml": bytes(range(256)) * 8,  # encrypted bytes, not XML
        }
    )
    with pytest.raises(ReadError) as info:
        read_workbook(locked, "laast.ods", limit_bytes=10_000_000)
    assert info.value.key == "workbook.file.encrypted"


def test_file_guards() -> None:
    cases = {
        b"": "workbook.file.empty_file",
        b"Indikator;Omr\xc3\xa5de\n": "workbook.file.wrong_type",
        b"%PDF-1.7 ...": "workbook.file.wrong_type",
        _zip({"word/document.xml": b"<w/>"}): "workbook.file.wrong_type",
        _zip({"xl/workbook.bin": b"\0"}): "workbook.file.wrong_type",
        b"PK\x03\x04 broken": "workbook.file.corrupt",
        fixture_bytes("password.xlsx"): "workbook.file.encrypted",
    }
    for content, key in cases.items():
        with pytest.raises(ReadError) as info:
            read_workbook(content, "x.xlsx", limit_bytes=10_000_000)
        assert info.value.key == key, content[:20]
    with pytest.raises(ReadError) as info:
        read_workbook(b"x" * 2000, "x.xlsx", limit_bytes=1000)
    assert info.value.key == "workbook.file.too_big"


def test_percent_and_formula_cells_are_found() -> None:
    raw = read_workbook(fixture_bytes("percent_format.xlsx"), "p.xlsx", limit_bytes=10**7)
    # D2 0.0%, E2 0%, F2 a format with a quoted '%' *and* a real one; D4 0.0%
    assert raw.sheets[0].percent_cells == {(1, 3), (1, 4), (1, 5), (3, 3)}
    raw = read_workbook(fixture_bytes("lo_percent.ods"), "p.ods", limit_bytes=10**7)
    assert raw.kind == "ods"
    assert {(1, 3), (3, 3)} <= raw.sheets[0].percent_cells
    raw = read_workbook(fixture_bytes("formulas.xlsx"), "f.xlsx", limit_bytes=10**7)
    assert raw.sheets[0].formula_cells == {(1, 4), (3, 5)}
    raw = read_workbook(fixture_bytes("lo_formulas.xlsx"), "f.xlsx", limit_bytes=10**7)
    assert raw.sheets[0].formula_cells == set()  # LibreOffice saved the results
    assert raw.sheets[0].rows()[1][3] == 12.5


def test_xls_is_read() -> None:
    raw = read_workbook(fixture_bytes("example.xls"), "example.xls", limit_bytes=10**7)
    assert raw.kind == "xls"
    assert [s.name for s in raw.sheets] == ["Indikatorer", "Indsatser", "Vurdering", "Vejledning"]


def test_a_zip_that_lies_about_its_sizes_is_refused_without_unpacking_it_all():
    """The directory says 1,000 bytes; the stream holds 50 MB of zeros (a disguised zip bomb)."""
    import io
    import struct
    import zipfile

    from goals.spreadsheet.read import ReadError, read_workbook

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 50_000_000)
    data = bytearray(buffer.getvalue())
    member = next(
        i
        for i in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()
        if i.filename.endswith("sheet1.xml")
    )
    struct.pack_into("<I", data, member.header_offset + 22, 1000)  # local header
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) >= 0:  # central directory
        length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46 : position + 46 + length]).endswith(b"sheet1.xml"):
            struct.pack_into("<I", data, position + 24, 1000)
        position += 4
    with pytest.raises(ReadError) as info:
        read_workbook(bytes(data), "bomb.xlsx", limit_bytes=20 * 1024 * 1024)
    assert info.value.key == "workbook.file.corrupt"


def test_a_real_sheet_at_the_upload_limit_is_not_taken_for_a_zip_bomb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long sheet compresses ~10.5× (a full 1,048,575-row sheet near the 20 MB upload limit
    # unpacks to ~210 MB): a factor of 10 called such a legitimate file too big unpacked.
    monkeypatch.setattr(read_module, "ZIP_MIN_ALLOWED", 0)
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>RYG-01</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>Midtklyngen</t></is></c>'
        f'<c r="C{r}"><v>{1990 + r % 35}</v></c><c r="D{r}" t="inlineStr"><is><t>I alt</t></is>'
        f'</c><c r="E{r}"><v>{r % 97 + 0.5}</v></c></row>'
        for r in range(1, 40_001)
    ).encode()
    content = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": rows})
    ratio = len(rows) / len(content)
    assert 10 < ratio < 30, ratio
    archive = read_module._open_zip(content, limit_bytes=len(content))
    assert archive.read("xl/worksheets/sheet1.xml") == rows


def test_read_ahead_gives_what_read_workbook_gives():
    """The command line reads the file in a background thread while it loads the pipeline:
    the same sheets, cells and scans as reading it in place."""
    from goals.spreadsheet.read import read_ahead

    content = fixture_bytes("statusark_voksne_2022.xlsx")
    ahead = read_ahead(content, "f.xlsx", limit_bytes=10 << 20)()
    here = read_workbook(content, "f.xlsx", limit_bytes=10 << 20)
    assert [s.name for s in ahead.sheets] == [s.name for s in here.sheets]
    for a, b in zip(ahead.sheets, here.sheets, strict=True):
        assert a._rows is not None  # read ahead, not on first use
        assert (a.rows(), a.hidden, a.percent_cells, a.formula_cells, a.error_cells) == (
            b.rows(),
            b.hidden,
            b.percent_cells,
            b.formula_cells,
            b.error_cells,
        )


@pytest.mark.parametrize(
    ("content", "key"),
    [(b"", "workbook.file.empty_file"), (b"not a spreadsheet", "workbook.file.wrong_type")],
)
def test_read_ahead_hands_over_the_refusal(content, key):
    from goals.spreadsheet.read import read_ahead

    result = read_ahead(content, "f.xlsx", limit_bytes=10 << 20)
    with pytest.raises(ReadError) as refused:
        result()
    assert refused.value.key == key
