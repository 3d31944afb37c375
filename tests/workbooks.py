"""Writing small workbooks for tests, in each format a sheet is read from (not a test
module itself).

Excel's ``.xlsx`` is written with openpyxl. Nothing installed writes OpenDocument
``.ods`` or Excel 97-2003 ``.xls``, so both are written here, as plainly as their
specifications allow: an ``.ods`` file is a zip of a ``mimetype`` entry and the sheet's
XML (OpenDocument 1.2, part 1, section 9); an ``.xls`` file is a compound file
([MS-CFB], version 3) holding one ``Workbook`` stream of BIFF8 records ([MS-XLS]): the
workbook's globals (with the shared strings) and one worksheet of string cells.
Every cell is written as text, which is how a reader sees a sheet's cells anyway.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

Rows = Sequence[Sequence[str]]


def write_xlsx(path: Path, rows: Rows, sheet: str = "Sheet1") -> Path:
    """``rows`` as the only sheet of an Excel workbook at ``path``."""
    import openpyxl

    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.title = sheet
    for row in rows:
        page.append(list(row))
    book.save(path)
    return path


def write_ods(path: Path, rows: Rows, sheet: str = "Sheet1") -> Path:
    """``rows`` as the only sheet of an OpenDocument spreadsheet at ``path``."""
    return write_ods_sheets(path, [(sheet, rows, False)])


def write_ods_sheets(path: Path, sheets: Sequence[tuple[str, Rows, bool]]) -> Path:
    """Each of ``sheets`` (its name, its rows, and whether it is hidden, as LibreOffice
    hides one: a table style of ``table:display="false"``) as a sheet of an
    OpenDocument spreadsheet at ``path``, in order."""
    tables = "".join(
        f"<table:table table:name={quoteattr(sheet)}"
        + (' table:style-name="hidden">' if hidden else ">") + "".join(
            "<table:table-row>" + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}'
                "</text:p></table:table-cell>" if cell else "<table:table-cell/>"
                for cell in row) + "</table:table-row>" for row in rows)
        + "</table:table>" for sheet, rows, hidden in sheets)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        "</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


# --- .xls: BIFF8 records in a compound file ---------------------------------------------

_SECTOR = 512
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_FAT_SECTOR = 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF
#: Streams shorter than this are kept in the mini stream; the workbook is padded past it
#: so it can be written in whole sectors.
_MINI_STREAM_CUTOFF = 4096


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    """A BOF record of BIFF8 (version 0x0600): 5 the workbook globals, 16 a worksheet."""
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 1996, 0, 0x06))


def _text(value: str) -> bytes:
    """A string as BIFF8 writes one: UTF-16 (flag 1), its length in characters first."""
    return struct.pack("<HB", len(value), 1) + value.encode("utf-16-le")


def _workbook_stream(rows: Rows, sheet: str, hidden: bool = False) -> bytes:
    strings = sorted({cell for row in rows for cell in row if cell})
    index = {value: number for number, value in enumerate(strings)}
    count = sum(1 for row in rows for cell in row if cell)
    shared = _record(0x00FC, struct.pack("<II", count, len(strings))
                     + b"".join(_text(value) for value in strings))
    width = max((len(row) for row in rows), default=0)
    cells = b"".join(_record(0x00FD, struct.pack("<HHHI", number, column, 0, index[cell]))
                     for number, row in enumerate(rows)
                     for column, cell in enumerate(row) if cell)
    worksheet = (_bof(0x0010)
                 + _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
                 + cells + _record(0x000A, b""))
    name = sheet.encode("utf-16-le")

    def globals_with(offset: int) -> bytes:
        boundsheet = _record(0x0085, struct.pack("<IBBBB", offset, 1 if hidden else 0, 0,
                                                 len(sheet), 1) + name)
        return _bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + boundsheet + shared \
            + _record(0x000A, b"")

    start = len(globals_with(0))
    stream = globals_with(start) + worksheet
    return stream + bytes(max(0, _MINI_STREAM_CUTOFF - len(stream)))


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1 if name else 0)
            + struct.pack("<III", _NO_STREAM, _NO_STREAM, child) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size))


def write_xls(path: Path, rows: Rows, sheet: str = "Sheet1", hidden: bool = False) -> Path:
    """``rows`` as the only sheet of an Excel 97-2003 workbook at ``path`` (``hidden``:
    a hidden sheet, as its ``BOUNDSHEET`` record's state says)."""
    return write_compound_file(path, _workbook_stream(rows, sheet, hidden))


def write_compound_file(path: Path, stream: bytes) -> Path:
    """A ``Workbook`` stream of BIFF8 records (of at least 4,096 bytes) as the one
    stream of a compound file at ``path``."""
    stream += bytes(-len(stream) % _SECTOR)
    data_sectors = len(stream) // _SECTOR
    directory_sector = 1 + data_sectors
    fat = [_FAT_SECTOR, *range(2, 1 + data_sectors), _END_OF_CHAIN, _END_OF_CHAIN]
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    assert len(fat) == _SECTOR // 4, "one FAT sector holds this workbook"
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, _MINI_STREAM_CUTOFF,
                            _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
              + struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108)
    directory = (_entry("Root Entry", 5, 1, _END_OF_CHAIN, 0)
                 + _entry("Workbook", 2, _NO_STREAM, 1, len(stream))
                 + _entry("", 0, _NO_STREAM, 0, 0) * 2)
    path.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + stream + directory)
    return path


#: Each workbook suffix a sheet is read from, and how a test writes one.
WRITERS: dict[str, Callable[[Path, Rows], Path]] = {
    ".xlsx": write_xlsx, ".ods": write_ods, ".xls": write_xls}


def cut_at_tags(xml: str, cuts: Sequence[int]) -> list[bytes]:
    """A sheet's XML in chunks, each ending at a tag's end (as a workbook is streamed):
    cut after the tag ends ``cuts`` pick (each taken modulo their number), and at the
    end."""
    data = xml.encode()
    ends = sorted({i + 1 for i, byte in enumerate(data) if byte == ord(">")})
    chosen = sorted({ends[cut % len(ends)] for cut in cuts} | {len(data)})
    return [data[start:end] for start, end in zip([0, *chosen], chosen, strict=False)
            if end > start]
