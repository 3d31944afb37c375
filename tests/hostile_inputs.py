"""Writing the hostile inputs the read limits are tested and measured on (not a test
module itself): each a small file that once stopped the process, filled its memory or
printed a million lines. ``tests/test_files_workbook_bounds.py`` checks each is refused;
``benchmarks/bounds.py`` measures what refusing it costs.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from workbooks import write_ods, write_xls, write_xlsx

#: Where an Excel workbook written by openpyxl keeps its one sheet.
SHEET = "xl/worksheets/sheet1.xml"
SEED = [["indicator", "value"], ["cla", "7"]]


def rewritten(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    """The zip ``source`` written again to ``target``, each member named in ``change``
    holding the bytes given."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                        zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            new.writestr(member.filename, change.get(member.filename,
                                                     old.read(member.filename)))
    return target


def _seed_xlsx(folder: Path) -> tuple[Path, bytes]:
    book = write_xlsx(folder / "seed.xlsx", SEED)
    with zipfile.ZipFile(book) as archive:
        return book, archive.read(SHEET)


def raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of ``members`` (name, raw deflate data, CRC-32, uncompressed size) written
    by hand, so a member can hold far more than is ever inflated."""
    local, central = b"", b""
    for name, data, crc, size in members:
        encoded = name.encode()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data),
                             size, len(encoded), 0) + encoded
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                               len(data), size, len(encoded), 0, 0, 0, 0, 0,
                               len(local)) + encoded
        local += header + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                      len(central), len(local), 0)
    path.write_bytes(local + central + end)
    return path


def spaces(mebibytes: int) -> tuple[bytes, int, int]:
    """A sheet's XML holding ``mebibytes`` MiB of spaces, deflated without ever being
    written out (one MiB deflated once and its blocks repeated: a full flush makes each
    MiB's blocks the same), with its CRC-32 and size."""
    opening, closing = b"<worksheet><sheetData>", b"</sheetData></worksheet>"
    mebibyte = b" " * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(opening) + packer.flush(zlib.Z_FULL_FLUSH)
    body = packer.compress(mebibyte) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(closing) + packer.flush()
    crc = zlib.crc32(opening)
    for _ in range(mebibytes):
        crc = zlib.crc32(mebibyte, crc)
    crc = zlib.crc32(closing, crc)
    return (head + body * mebibytes + tail, crc,
            len(opening) + (mebibytes << 20) + len(closing))


def far_cell_xlsx(folder: Path) -> Path:
    """A 1.7 KB workbook whose one data cell is at ``XFD1048576``."""
    book, xml = _seed_xlsx(folder)
    return rewritten(book, folder / "far.xlsx",
                     {SHEET: xml.replace(b'r="B2"', b'r="XFD1048576"')})


def declared_xlsx(folder: Path) -> Path:
    """A workbook declaring the dimension ``A1:D20000000``."""
    book, xml = _seed_xlsx(folder)
    declared = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:D20000000"', xml)
    return rewritten(book, folder / "declared.xlsx", {SHEET: declared})


def bomb_xlsx(folder: Path) -> Path:
    """A 1 MB workbook holding 1 GiB of XML."""
    data, crc, size = spaces(1024)
    return raw_zip(folder / "bomb.xlsx", [(SHEET, data, crc, size)])


def laughs_xlsx(folder: Path) -> Path:
    """A workbook whose sheet declares entities that expand to 10^9 characters."""
    book, xml = _seed_xlsx(folder)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">'
                         % (ord("a") + i, *[ord("a") + i - 1] * 10) for i in range(1, 9))
              + b"]>")
    return rewritten(book, folder / "laughs.xlsx",
                     {SHEET: laughs + xml.replace(b"<t>cla</t>", b"<t>&i;</t>")})


def repeated_ods(folder: Path) -> Path:
    """An OpenDocument sheet whose one data row is repeated 1,048,576 times."""
    seed = write_ods(folder / "seed.ods", SEED)
    with zipfile.ZipFile(seed) as archive:
        content = archive.read("content.xml")
    repeated = content.replace(b"<table:table-row><table:table-cell office:value-type="
                               b'"string"><text:p>cla', b'<table:table-row table:number-'
                               b'rows-repeated="1048576"><table:table-cell office:value-'
                               b'type="string"><text:p>cla')
    assert repeated != content, "the seed's row is written as expected"
    return rewritten(seed, folder / "many.ods", {"content.xml": repeated})


def huge_xls(folder: Path) -> Path:
    """An Excel 97-2003 workbook whose DIMENSIONS record declares 4 billion rows of
    65,535 columns."""
    book = bytearray(write_xls(folder / "seed.xls", SEED).read_bytes())
    at = book.find(struct.pack("<HH", 0x0200, 14))
    book[at + 4:at + 18] = struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 0xFFFF, 0)
    path = folder / "huge.xls"
    path.write_bytes(bytes(book))
    return path


def far_cell_xls(folder: Path) -> Path:
    """An Excel 97-2003 workbook of 5 KB whose one cell beyond the seed's is at IV65536,
    the last of the format: a sheet of 65,536 rows of 256 columns, 16.7 million cells."""
    rows = [*SEED, *([] for _ in range(65_536 - len(SEED) - 1)), [""] * 255 + ["far"]]
    return write_xls(folder / "far.xls", rows)


def wide_csv(folder: Path) -> Path:
    """A CSV file whose header has a million columns."""
    path = folder / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\n", encoding="utf-8")
    return path


def many_readings_csv(folder: Path) -> Path:
    """A readings file of 2,000,000 rows (62 MB), under the 256 MiB cap on a file."""
    path = folder / "readings.csv"
    row = "children_in_care,2022-23 Q4,461\n"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("indicator,period,value\n")
        for _ in range(200):
            stream.write(row * 10_000)
    return path


#: Each hostile input by name, as the benchmark measures them.
HOSTILE: dict[str, Callable[[Path], Path]] = {
    "xlsx, one cell at XFD1048576": far_cell_xlsx,
    "xlsx, dimension A1:D20000000": declared_xlsx,
    "xlsx, 1 MB holding 1 GiB of XML": bomb_xlsx,
    "xlsx, entity expansion": laughs_xlsx,
    "ods, a row repeated 1,048,576 times": repeated_ods,
    "xls, DIMENSIONS of 4 billion rows": huge_xls,
    "xls, one cell at IV65536 (within bounds)": far_cell_xls,
    "csv, a million columns": wide_csv,
    "csv, 2,000,000 readings": many_readings_csv,
}
