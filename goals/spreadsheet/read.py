"""Reading a status workbook's bytes into plain grids of cell values.

python-calamine does the heavy reading. It does not report number formats or whether a formula
had a cached value, so for .xlsx/.xlsm (and .ods) we scan the sheet XML cheaply with the standard
library — only when the file has percent styles or formulas at all, so a plain 100,000-row file
pays nothing for it. Every sheet's extent is measured once before python-calamine reads it
(MAX_SHEET_CELLS): ~0.8 s for 100,000 rows × 20 columns.

Every way a file can be unreadable (too big, zip bomb, a value far outside the sheet that
python-calamine would abort on, encrypted, corrupt, wrong type, empty)
becomes one `ReadError` carrying a text key for `goals.i18n`; nothing here raises anything else.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import struct
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree as ET

from python_calamine import CalamineWorkbook, SheetVisibleEnum

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A zip whose declared uncompressed size is more than this many times the upload limit (and
# at least ZIP_MIN_ALLOWED) is refused before anything is unpacked: a real workbook unpacks to
# 5–25× its size (a 100,000-row long sheet from openpyxl: 10.5×, so a full 1,048,575-row sheet
# at the upload limit would pass a factor of 10 only just not), a zip bomb to thousands of times.
ZIP_EXPANSION_FACTOR = 30
ZIP_MIN_ALLOWED = 200 * 1024 * 1024
# ... and whatever the limit, a file may not unpack to more than ZIP_MAX_RATIO times its own size
# once that is over ZIP_RATIO_FLOOR: a 400 KB file that unpacks to 400 MB is a bomb, even
# though a 20 MB upload may legitimately unpack to 400 MB.
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR = 50 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000
# python-calamine allocates a sheet's whole grid, from its first to its last cell with a value,
# before returning anything (~43 bytes a cell at the peak, with our to_python) and aborts the
# process when that fails: one value in XFD1048576 asks for 512 GiB. Sheets are measured from
# their XML first. 20 million cells (~0.9 GB, ~2 s) still let 1,048,576 rows × 19 columns or
# 100,000 rows × 200 columns through; a 20 MB upload cannot hold that many real values.
MAX_SHEET_CELLS = 20_000_000
SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")

Cell = tuple[int, int]  # (row, column), both 0-based from A1


class ReadError(Exception):
    """The file cannot be read as a workbook; `key` names the text in goals.i18n.workbook."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass
class RawSheet:
    """One sheet: its cells from A1 (read on first use), and what calamine cannot tell us."""

    name: str
    hidden: bool
    _book: CalamineWorkbook = field(repr=False)
    percent_cells: set[Cell] = field(default_factory=set)
    formula_cells: set[Cell] = field(default_factory=set)  # formulas without a cached value
    # cells whose cached value is a spreadsheet error (#DIV/0!, #N/A …) → the error text;
    # python-calamine reads them as blank
    error_cells: dict[Cell, str] = field(default_factory=dict)
    # merged ranges spanning more than one row, as (first row, last row, first column): .ods
    # only (python-calamine reports them for .xlsx and .xls itself)
    merged_rows: list[tuple[int, int, int]] = field(default_factory=list)
    # rows hidden or filtered out in the spreadsheet (0-based; .xlsx, .xlsm, .ods): they are
    # read like any other row, and the preview says so
    hidden_rows: set[int] = field(default_factory=set)
    _rows: list[list[Any]] | None = field(default=None, repr=False)

    def rows(self) -> list[list[Any]]:
        if self._rows is None:
            try:
                sheet = self._book.get_sheet_by_name(self.name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = self.merged_rows or _vertical_merges(sheet)
            except Exception as exc:
                raise ReadError("workbook.file.corrupt") from exc
            self._rows = _fill_merged(rows, merged)
        return self._rows

    def head(self, n: int) -> list[list[Any]]:
        """The first `n` rows, without reading the whole sheet."""
        if self._rows is not None:
            return self._rows[:n]
        try:
            sheet = self._book.get_sheet_by_name(self.name)
            rows = sheet.to_python(skip_empty_area=False, nrows=n)
            merged = self.merged_rows or _vertical_merges(sheet)
        except Exception as exc:
            raise ReadError("workbook.file.corrupt") from exc
        return _fill_merged(rows, merged)


def _vertical_merges(sheet: Any) -> list[tuple[int, int, int]]:
    """Merged ranges that span more than one row, from python-calamine (.xlsx, .xls)."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    return [(r0, r1, c0) for (r0, c0), (r1, _c1) in ranges if r1 > r0]


def _fill_merged(rows: list[list[Any]], merged: list[tuple[int, int, int]]) -> list[list[Any]]:
    """A cell merged down over several rows shows its value in every one of them (people merge
    the indicator or area over the rows it belongs to): the value is copied down the merged
    range's first column. Merges within one row (titles across the table) are left alone."""
    for r0, r1, c in merged:
        if r0 >= len(rows) or c >= len(rows[r0]):
            continue
        value = rows[r0][c]
        if value is None or value == "":
            continue
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if c >= len(row):
                row.extend([""] * (c + 1 - len(row)))
            if row[c] is None or row[c] == "":
                row[c] = value
    return rows


@dataclass
class RawWorkbook:
    kind: str  # "xlsx", "xlsm", "ods" or "xls"
    sheets: list[RawSheet]


def read_workbook(content: bytes, filename: str, *, limit_bytes: int) -> RawWorkbook:
    """Open the workbook in `content`, or raise ReadError saying why it cannot be read."""
    suffix = PurePath(filename or "").suffix.lower()
    if not content:
        raise ReadError("workbook.file.empty_file")
    if len(content) > limit_bytes:
        raise ReadError(
            "workbook.file.too_big",
            size=_megabytes(len(content)),
            limit=_megabytes(limit_bytes),
        )
    if content.startswith(OLE_MAGIC):
        kind, archive = _ole_kind(content), None
    elif content.startswith(b"PK"):
        archive = _open_zip(content, limit_bytes)
        kind = _zip_kind(archive, suffix)
    else:
        raise ReadError("workbook.file.wrong_type", suffix=suffix or "?")
    # before python-calamine sees the file (it reads .ods sheets as soon as it opens it)
    try:
        if archive is not None:
            _check_extent(archive, kind)
        else:
            _check_xls_extent(content)
    except (KeyError, ET.ParseError, ValueError, IndexError, struct.error) as exc:
        raise ReadError("workbook.file.corrupt") from exc
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(content))
        metadata = book.sheets_metadata
    except Exception as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ReadError("workbook.file.encrypted") from exc
        raise ReadError("workbook.file.corrupt") from exc
    sheets = [
        RawSheet(name=m.name, hidden=m.visible != SheetVisibleEnum.Visible, _book=book)
        for m in metadata
    ]
    if not sheets:
        raise ReadError("workbook.file.empty_workbook")
    if archive is not None:
        try:
            if kind in ("xlsx", "xlsm"):
                _scan_xlsx(archive, sheets)
            else:
                _scan_ods(archive, sheets)
        except (KeyError, ET.ParseError, zipfile.BadZipFile, ValueError, OSError) as exc:
            raise ReadError("workbook.file.corrupt") from exc
    elif kind == "xls":
        _scan_xls(content, sheets)
    return RawWorkbook(kind=kind, sheets=sheets)


def read_ahead(content: bytes, filename: str, *, limit_bytes: int) -> Callable[[], RawWorkbook]:
    """Start reading the workbook in a background thread; the function returned waits for it
    and returns what `read_workbook` would (or raises its ReadError).

    python-calamine parses without holding the interpreter's lock, so the command line starts
    the read first and loads the import pipeline's modules meanwhile (``goals import`` of a
    100,000-row file: the read's ~0.6 s and the modules' ~0.7 s overlap). The guards run first,
    in the same order as `read_workbook`. Every sheet is read ahead; a sheet that fails is left
    unread, so that its error is raised only if the import asks for that sheet.
    """
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            raw = read_workbook(content, filename, limit_bytes=limit_bytes)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller as it is
            outcome["error"] = exc
            return
        for sheet in raw.sheets:
            with contextlib.suppress(ReadError):
                sheet.rows()
        outcome["raw"] = raw

    thread = threading.Thread(target=work, name="read-ahead", daemon=True)
    thread.start()

    def result() -> RawWorkbook:
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["raw"]

    return result


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _ole_kind(content: bytes) -> str:
    # Excel keeps a password-protected .xlsx inside an OLE container with these streams; the
    # directory entries are UTF-16 names, so a byte search finds them without a parser. (A
    # password-protected .xls is found by its FILEPASS record, in _check_xls_extent.)
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        if stream.encode("utf-16-le") in content:
            raise ReadError("workbook.file.encrypted")
    return "xls"


class _Unpacked:
    """A zip's members, each unpacked exactly once (bounded and CRC-checked, see
    _verify_members); the scans below read from here instead of unpacking again."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.NameToInfo = files  # the ZipFile attribute the scans use for membership

    def namelist(self) -> list[str]:
        return list(self.files)

    def read(self, name: str) -> bytes:
        return self.files[name]


def _open_zip(content: bytes, limit_bytes: int) -> _Unpacked:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError("workbook.file.corrupt") from exc
    # Checked from the zip directory before anything is unpacked.
    unpacked = sum(m.file_size for m in members)
    allowed = min(
        max(ZIP_MIN_ALLOWED, limit_bytes * ZIP_EXPANSION_FACTOR),
        max(ZIP_RATIO_FLOOR, len(content) * ZIP_MAX_RATIO),
    )
    # Say which limit was hit, and what it is: a file can be refused for either.
    if len(members) > ZIP_MAX_MEMBERS:
        raise ReadError(
            "workbook.file.zip_members",
            members=_thousands(len(members)),
            limit=_thousands(ZIP_MAX_MEMBERS),
        )
    if unpacked > allowed:
        raise ReadError(
            "workbook.file.zip_bomb", size=_megabytes(unpacked), limit=_megabytes(allowed)
        )
    return _Unpacked(_verify_members(archive, members))


def _verify_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    """Unpack every member once, in chunks, before the real reader sees the file.

    Python's zipfile never returns more than a member's declared size and checks its CRC at
    the end, so a zip that lies about its sizes in its directory fails here (as corrupt), after
    at most the declared — already bounded — number of bytes, instead of unpacking without end
    in the reader.
    """
    files: dict[str, bytes] = {}
    try:
        for member in members:
            with archive.open(member) as stream:
                files[member.filename] = stream.read()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ReadError("workbook.file.corrupt") from exc
    return files


def _zip_kind(archive: _Unpacked, suffix: str) -> str:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        if "xl/workbook.bin" in names:
            raise ReadError("workbook.file.wrong_type", suffix=".xlsb")
        return "xlsm" if suffix == ".xlsm" or "xl/vbaProject.bin" in names else "xlsx"
    if "content.xml" in names:
        try:
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        except KeyError:
            mimetype = ""
        if mimetype.endswith("spreadsheet") or (not mimetype and suffix == ".ods"):
            # LibreOffice encrypts content.xml of a password-protected file and says so in the
            # manifest: that file is not damaged, it is locked.
            if b"encryption-data" in archive.files.get("META-INF/manifest.xml", b""):
                raise ReadError("workbook.file.encrypted")
            return "ods"
    raise ReadError("workbook.file.wrong_type", suffix=suffix or "?")


# --- xlsx: percent formats and formulas without cached values -------------------------------

# Excel writes transitional Open XML with these namespaces, and "Strict Open XML" with the
# purl.oclc.org ones instead; the same part names and elements otherwise. Every scan below
# matches elements by local name and relationship ids in either namespace, so both are read
# alike.
_NS_MAIN = (
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",
)
_NS_REL = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}",
)
_BUILTIN_PERCENT = {9, 10}
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(/?)>")
_END_C = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c>")
_ATTR_R = re.compile(rb'\br="\$?([A-Za-z]*)\$?(\d+)"')
_ATTR_S = re.compile(rb'\bs="(\d+)"')
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>\s*[^<\s]")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_FORMULA_PLAIN = re.compile(rb"<f[\s>/]")
_FORMULA_PREFIXED = re.compile(rb":f[\s>/]")
_ERROR_TYPE = re.compile(rb'\bt="e"')
# whether a sheet has hidden rows or error cells at all: re's search for a literal is ~1.4×
# faster than `in` on a sheet's XML (~10 ms less for 100,000 rows)
_ANY_HIDDEN = re.compile(rb'hidden="')
_ANY_ERROR = re.compile(rb't="e"')
_ERROR_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)<")


def _percent_styles(archive: _Unpacked) -> set[int]:
    try:
        root = ET.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return set()
    percent_formats = set(_BUILTIN_PERCENT)
    for fmt in _elements(root, "numFmt"):
        # a '%' inside quotes or after a backslash is a literal character, not a percent format
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", ""))
        if "%" in code:
            percent_formats.add(int(fmt.get("numFmtId", "-1")))
    styles: set[int] = set()
    xfs = next((e for e in root if e.tag in {f"{ns}cellXfs" for ns in _NS_MAIN}), None)
    for index, xf in enumerate(xfs if xfs is not None else []):
        if int(xf.get("numFmtId", "0")) in percent_formats:
            styles.add(index)
    return styles


def _elements(root: ET.Element, name: str) -> list[ET.Element]:
    """Every SpreadsheetML element `name` under `root`, transitional or strict."""
    return [e for ns in _NS_MAIN for e in root.iter(f"{ns}{name}")]


def _sheet_paths(archive: _Unpacked) -> dict[str, str]:
    """Sheet name → path of its XML inside the zip."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    paths = {}
    for sheet in _elements(workbook, "sheet"):
        rid = next((sheet.get(f"{ns}id") for ns in _NS_REL if sheet.get(f"{ns}id")), None)
        target = targets.get(rid, "")
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths[sheet.get("name", "")] = target
    return paths


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ch - 64
    return index - 1


# --- sheet extents: refuse what python-calamine cannot allocate ------------------------------

# Excel, LibreOffice and openpyxl write every cell as `<c r="B7"…`. One pass with a fast regular
# expression finds the cells that are *not* a plain one-letter column with a row below 100,000
# (so every other cell lies within A1:Z99999); those few are measured one by one. A cell
# written any other way (no reference, a namespace prefix, an odd reference) sends the sheet to
# the exact, slower walk.
_CELL_UNUSUAL = re.compile(rb'<c(?! r="[A-Z]\d{1,5}")[\s/>]')
_CELL_REF = re.compile(rb'<c r="\$?([A-Za-z]{1,3})\$?(\d{1,7})"')
_CELL_PREFIXED = re.compile(rb":c[\s/>]")
_PLAIN_ROWS, _PLAIN_COLUMNS = 99_999, 26  # the extent of the cells the pass skips


def _check_extent(archive: _Unpacked, kind: str) -> None:
    """Raise ReadError when a sheet's cells span more than MAX_SHEET_CELLS from A1.

    Measured from the cells present, not from <dimension>: the dimension can be missing or
    lie either way, and python-calamine sizes its grid from the cells (checked)."""
    if kind == "ods":
        extents = _ods_extents(archive.read("content.xml"))
    else:
        extents = [
            (name, *_xlsx_extent(archive.read(path)))
            for name, path in _sheet_paths(archive).items()
            if path in archive.NameToInfo
        ]
    for name, rows, columns, far in extents:
        _refuse_far(name, rows, columns, far)


def _refuse_far(name: str, rows: int, columns: int, far: Cell) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise ReadError(
            "workbook.file.far_cell",
            sheet=name,
            cell=f"{column_letters(far[1])}{far[0] + 1}",
            cells=_thousands(rows * columns),
            limit=_thousands(MAX_SHEET_CELLS),
        )


def _xlsx_extent(data: bytes) -> tuple[int, int, Cell]:
    """Rows and columns from A1 to the last cell with content, and the farthest such cell
    (exact when over MAX_SHEET_CELLS; (0, 0, …) may stand for "within the limit")."""
    if _CELL_PREFIXED.search(data) is None:
        # ~0.1 s for 100,000 rows × 8 columns: every cell is either within A1:Z99999 or
        # measured here; a cell the pattern cannot read sends the sheet to the exact walk
        rows, columns = _PLAIN_ROWS, _PLAIN_COLUMNS
        for m in _CELL_UNUSUAL.finditer(data):
            ref = _CELL_REF.match(data, m.start())
            if ref is None:
                break
            rows = max(rows, int(ref.group(2)))
            columns = max(columns, _column_index(ref.group(1)) + 1)
        else:
            if rows * columns <= MAX_SHEET_CELLS:
                return 0, 0, (0, 0)
    # Exact: only cells that can hold a value count (python-calamine skips empty ones).
    rows = columns = 0
    far = (0, 0)
    for cell in _positioned_cells(data):
        rows, columns = max(rows, cell[0] + 1), max(columns, cell[1] + 1)
        if (cell[0] + 1) * (cell[1] + 1) > (far[0] + 1) * (far[1] + 1):
            far = cell
    return rows, columns, far


def _positioned_cells(data: bytes) -> list[Cell]:
    """Every cell with content, placed like python-calamine places cells without `r`."""
    cells: list[Cell] = []
    row, col = -1, -1
    for m in _TAG.finditer(data):
        r = _ATTR_R.search(m.group(2))
        if m.group(1) == b"row":
            row, col = (int(r.group(2)) - 1 if r else row + 1), -1
            continue
        if r and r.group(1):
            row, col = int(r.group(2)) - 1, _column_index(r.group(1))
        else:
            col += 1
        if not m.group(3):
            cells.append((row, col))
    return cells


_ODS_EXTENT_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])"
    rb"([^>]*?)(/?)>"
)
_ODS_NAME = re.compile(rb'\s(?:[A-Za-z_][\w.-]*:)?name="([^"]*)"')
_ODS_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_ODS_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')


def _ods_extents(data: bytes) -> list[tuple[str, int, int, Cell]]:
    """Each table's rows and columns from A1 to its last cell with content, counting the
    number-rows-repeated / number-columns-repeated that LibreOffice uses for blank ranges (a
    repeated cell *with* a value is that value in every cell)."""
    extents: list[tuple[str, int, int, Cell]] = []
    name, rows, columns, far = "", 0, 0, (0, 0)
    row = col = row_columns = 0
    row_repeat = 1
    for m in _ODS_EXTENT_TAG.finditer(data):
        closing, tag, attrs, empty = m.groups()
        if tag == b"table":
            if not closing:
                found = _ODS_NAME.search(attrs)
                name = found.group(1).decode("utf-8", "replace") if found else ""
                rows, columns, far, row = 0, 0, (0, 0), 0
            else:
                extents.append((html.unescape(name), rows, columns, far))  # XML escapes, &#…; too
            continue
        if tag == b"table-row":
            if not closing:
                repeat = _ODS_ROWS_REPEATED.search(attrs)
                row_repeat = int(repeat.group(1)) if repeat else 1
                col = row_columns = 0
            if closing or empty:
                if row_columns:
                    rows, columns = row + row_repeat, max(columns, row_columns)
                    if rows * row_columns > (far[0] + 1) * (far[1] + 1):
                        far = (rows - 1, row_columns - 1)
                row += row_repeat
            continue
        if closing:
            continue
        repeat = _ODS_COLUMNS_REPEATED.search(attrs)
        col += int(repeat.group(1)) if repeat else 1
        if not empty or b"value-type=" in attrs:
            row_columns = col
    return extents


def column_letters(col: int) -> str:
    """0 → 'A', 27 → 'AB'."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _scan_xlsx(archive: _Unpacked, sheets: list[RawSheet]) -> None:
    percent_styles = _percent_styles(archive)
    paths = _sheet_paths(archive)
    for sheet in sheets:
        path = paths.get(sheet.name)
        if not path or path not in archive.NameToInfo:
            continue
        data = archive.read(path)
        if _ANY_HIDDEN.search(data) is not None:
            _hidden_rows(data, sheet)
        # a literal-prefix pattern is ~10× faster than _FORMULA; prefixed tags (<x:f>) are rare
        has_formulas = _FORMULA_PLAIN.search(data) is not None or (
            _FORMULA_PREFIXED.search(data) is not None and _FORMULA.search(data) is not None
        )
        has_errors = _ANY_ERROR.search(data) is not None
        if not percent_styles and not has_formulas and not has_errors:
            continue
        style_bytes = {str(s).encode() for s in percent_styles}
        row, col = -1, -1
        for m in _TAG.finditer(data):
            attrs = m.group(2)
            if m.group(1) == b"row":
                r = _ATTR_R.search(attrs)
                row = int(r.group(2)) - 1 if r else row + 1
                col = -1
                continue
            r = _ATTR_R.search(attrs)
            if r and r.group(1):
                row, col = int(r.group(2)) - 1, _column_index(r.group(1))
            else:
                col += 1
            if style_bytes:
                s = _ATTR_S.search(attrs)
                if s and s.group(1) in style_bytes:
                    sheet.percent_cells.add((row, col))
            if (has_formulas or has_errors) and not m.group(3):
                end = _END_C.search(data, m.end())
                inner = data[m.end() : end.start() if end else len(data)]
                if has_formulas and _FORMULA.search(inner) and not _VALUE.search(inner):
                    sheet.formula_cells.add((row, col))
                elif has_errors and _ERROR_TYPE.search(attrs):
                    v = _ERROR_VALUE.search(inner)
                    text = v.group(1).decode("utf-8", "replace").strip() if v else ""
                    sheet.error_cells[(row, col)] = text or "#FEJL"


# --- ods: percentage cells and formulas without values --------------------------------------

_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*?)/?>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def _hidden_rows(data: bytes, sheet: RawSheet) -> None:
    """Rows marked hidden (by hand or by a filter) in a worksheet's XML."""
    row = -1
    for m in _ROW_TAG.finditer(data):
        r = _ATTR_R.search(m.group(1))
        row = int(r.group(2)) - 1 if r else row + 1
        if _HIDDEN.search(m.group(1)):
            sheet.hidden_rows.add(row)


def _scan_ods(archive: _Unpacked, sheets: list[RawSheet]) -> None:
    data = archive.read("content.xml")
    if (
        b'value-type="percentage"' not in data
        and b"table:formula" not in data
        and b"number-rows-spanned" not in data
        and b"table:visibility" not in data
    ):
        return
    by_name = {s.name: s for s in sheets}
    t, o = f"{{{_ODS_TABLE}}}", f"{{{_ODS_OFFICE}}}"
    sheet: RawSheet | None = None
    row = col = 0
    for event, elem in ET.iterparse(io.BytesIO(data), events=("start", "end")):
        tag = elem.tag
        if event == "start":
            if tag == f"{t}table":
                sheet, row = by_name.get(elem.get(f"{t}name", "")), 0
            elif tag == f"{t}table-row":
                col = 0
            continue
        if tag == f"{t}table-row":
            repeat = int(elem.get(f"{t}number-rows-repeated", "1"))
            # "collapsed" (hidden by hand) or "filter" (filtered out); huge repeats are the
            # blank rest of the sheet
            hidden = elem.get(f"{t}visibility", "visible") != "visible"
            if sheet is not None and hidden and repeat < 1000:
                sheet.hidden_rows.update(range(row, row + repeat))
            row += repeat
            elem.clear()
        elif tag in (f"{t}table-cell", f"{t}covered-table-cell"):
            repeat = int(elem.get(f"{t}number-columns-repeated", "1"))
            if sheet is not None and repeat < 1000:
                kind = elem.get(f"{o}value-type")
                error = elem.get(f"{{{_ODS_CALCEXT}}}value-type") == "error"
                spanned = int(elem.get(f"{t}number-rows-spanned", "1") or 1)
                if spanned > 1:
                    sheet.merged_rows.append((row, row + spanned - 1, col))
                for c in range(col, col + repeat):
                    if kind == "percentage":
                        sheet.percent_cells.add((row, c))
                    elif elem.get(f"{t}formula") and error:
                        text = "".join(elem.itertext()).strip()
                        sheet.error_cells[(row, c)] = text or "#FEJL"
                    elif elem.get(f"{t}formula") and kind is None:
                        sheet.formula_cells.add((row, c))
            col += repeat


# --- xls: percent formats from the BIFF8 records ---------------------------------------------


# BIFF records that place a cell at (row, column) in their first four bytes, and the two
# that place a run of cells (row, first column, …, last column).
_BIFF_CELLS = {0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E}
_BIFF_CELL_RUNS = {0x00BD, 0x00BE}


def _check_xls_extent(content: bytes) -> None:
    """Like _check_extent, for .xls: a real .xls has at most 65,536 × 256 cells, but a column
    field holds up to 65,535 and python-calamine allocates whatever the records say. A
    password-protected .xls (a FILEPASS record after the workbook's BOF) is refused here as
    locked."""
    stream = _ole_stream(content, ("Workbook", "Book"))
    if stream is None:
        return
    names: dict[int, str] = {}
    extents: dict[str, list[int]] = {}  # name → [rows, columns, far row, far column]
    current: list[int] | None = None
    pos = 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if kind == 0x002F:
            # FILEPASS: the workbook is saved with a password to open and everything after
            # this record is encrypted. python-calamine only says it cannot detect the format,
            # which would read as "damaged": the file is locked, as an encrypted .xlsx is.
            raise ReadError("workbook.file.encrypted")
        if kind == 0x0085:  # BOUNDSHEET
            names[struct.unpack_from("<I", body, 0)[0]] = _biff_string(body, 6, 1)
        elif kind == 0x0809 and pos in names:  # BOF of a sheet
            current = extents.setdefault(names[pos], [0, 0, 0, 0])
        elif kind == 0x000A:  # EOF
            current = None
        elif current is not None and (kind in _BIFF_CELLS or kind in _BIFF_CELL_RUNS):
            row, col = struct.unpack_from("<HH", body, 0)
            if kind in _BIFF_CELL_RUNS:
                col = struct.unpack_from("<H", body, length - 2)[0]
            current[0], current[1] = max(current[0], row + 1), max(current[1], col + 1)
            if (row + 1) * (col + 1) > (current[2] + 1) * (current[3] + 1):
                current[2], current[3] = row, col
        pos += 4 + length
    for name, (rows, columns, far_row, far_col) in extents.items():
        _refuse_far(name, rows, columns, (far_row, far_col))


def _scan_xls(content: bytes, sheets: list[RawSheet]) -> None:
    """Mark percent-formatted number cells of a BIFF8 .xls. python-calamine has read the file
    already, so anything unexpected here only means no percent cells are known."""
    try:
        stream = _ole_stream(content, ("Workbook", "Book"))
        if stream is not None:
            _scan_biff(stream, {s.name: s for s in sheets})
    except (IndexError, ValueError, struct.error, UnicodeDecodeError):
        for sheet in sheets:
            sheet.percent_cells.clear()


def _ole_stream(content: bytes, names: tuple[str, ...]) -> bytes | None:
    """One stream of an OLE compound file (the container of .xls), by name."""
    if len(content) < 512:
        return None
    shift, mini_shift = struct.unpack_from("<HH", content, 0x1E)
    size = 1 << shift
    dir_start, cutoff, minifat_start = struct.unpack_from("<I4xII", content, 0x30)
    difat_start, n_difat = struct.unpack_from("<II", content, 0x44)
    fat_sectors = [x for x in struct.unpack_from("<109I", content, 0x4C) if x < 0xFFFFFFFA]
    sector = difat_start
    for _ in range(n_difat):
        if sector >= 0xFFFFFFFA:
            break
        entries = struct.unpack_from(f"<{size // 4}I", content, (sector + 1) * size)
        fat_sectors += [x for x in entries[:-1] if x < 0xFFFFFFFA]
        sector = entries[-1]
    fat: list[int] = []
    for sector in fat_sectors:
        fat += struct.unpack_from(f"<{size // 4}I", content, (sector + 1) * size)

    def chain(start: int, table: list[int]) -> list[int]:
        out: list[int] = []
        while start < 0xFFFFFFFA and len(out) <= len(table):
            out.append(start)
            start = table[start]
        return out

    def read(start: int) -> bytes:
        return b"".join(content[(s + 1) * size : (s + 2) * size] for s in chain(start, fat))

    directory = read(dir_start)
    root_start = struct.unpack_from("<I", directory, 116)[0]
    for offset in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, offset + 64)[0]
        name = directory[offset : offset + max(length - 2, 0)].decode("utf-16-le", "replace")
        if name not in names:
            continue
        start, stream_size = struct.unpack_from("<II", directory, offset + 116)
        if stream_size >= cutoff:
            return read(start)[:stream_size]
        mini = read(root_start)
        minifat = list(struct.unpack(f"<{len(m) // 4}I", m)) if (m := read(minifat_start)) else []
        mini_size = 1 << mini_shift
        data = b"".join(mini[s * mini_size : (s + 1) * mini_size] for s in chain(start, minifat))
        return data[:stream_size]
    return None


_BIFF_PERCENT_BUILTIN = {9, 10}


def _biff_string(data: bytes, offset: int, length_size: int) -> str:
    length = data[offset] if length_size == 1 else struct.unpack_from("<H", data, offset)[0]
    flags = data[offset + length_size]
    start = offset + length_size + 1
    if flags & 0x01:
        return data[start : start + 2 * length].decode("utf-16-le", "replace")
    return data[start : start + length].decode("latin-1")


def _scan_biff(stream: bytes, by_name: dict[str, RawSheet]) -> None:
    percent_formats = set(_BIFF_PERCENT_BUILTIN)
    xf_formats: list[int] = []
    sheet_at: dict[int, RawSheet] = {}
    current: RawSheet | None = None
    pos = 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if kind == 0x0809 and pos in sheet_at:  # BOF of a sheet
            current = sheet_at[pos]
        elif kind == 0x0085:  # BOUNDSHEET
            offset = struct.unpack_from("<I", body, 0)[0]
            name = _biff_string(body, 6, 1)
            if name in by_name:
                sheet_at[offset] = by_name[name]
        elif kind == 0x041E:  # FORMAT
            code = re.sub(r'"[^"]*"|\\.', "", _biff_string(body, 2, 2))
            if "%" in code:
                percent_formats.add(struct.unpack_from("<H", body, 0)[0])
        elif kind == 0x00E0:  # XF
            xf_formats.append(struct.unpack_from("<H", body, 2)[0])
        elif current is not None and kind in (0x0203, 0x027E, 0x0006):  # NUMBER, RK, FORMULA
            row, col, xf = struct.unpack_from("<HHH", body, 0)
            if xf < len(xf_formats) and xf_formats[xf] in percent_formats:
                current.percent_cells.add((row, col))
        elif current is not None and kind == 0x00BD:  # MULRK
            row, first = struct.unpack_from("<HH", body, 0)
            for i in range((length - 6) // 6):
                xf = struct.unpack_from("<H", body, 4 + 6 * i)[0]
                if xf < len(xf_formats) and xf_formats[xf] in percent_formats:
                    current.percent_cells.add((row, first + i))
        elif kind == 0x000A:  # EOF
            current = None
        pos += 4 + length
