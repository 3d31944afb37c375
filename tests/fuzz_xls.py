"""A minimal Excel 97-2003 (``.xls``, BIFF8) writer for the fuzz suite's seeds, and the
mutations of its records and container (not a test module itself).

No ``.xls`` writer is among the test dependencies, and the published files corpparent
reads hold none, so the seeds are written here from a table of text, as plainly as the
format allows. An ``.xls`` file is a Compound File (the OLE2 container) holding one
stream, ``Workbook``, of BIFF8 records; each record is a 2-byte type, a 2-byte length
and that many bytes of data, all little-endian. The stream written is:

- workbook globals: ``BOF`` (0x0809, a workbook-globals BOF of BIFF8, version 0x0600),
  ``CODEPAGE`` (0x0042, 1200: UTF-16), one ``BOUNDSHEET`` (0x0085: the stream offset of
  the sheet's BOF, visible, a worksheet, its name), ``EOF`` (0x000A);
- the sheet: ``BOF`` (a worksheet BOF, type 0x0010), ``DIMENSIONS`` (0x0200: first
  row, last row + 1 as 32-bit numbers, first column, last column + 1 as 16-bit ones),
  a cell record per non-empty cell, ``EOF``. A cell that reads as a finite number is a
  ``NUMBER`` (0x0203: row, column, format index 0, an IEEE double); any other a
  ``LABEL`` (0x0204: row, column, format index 0, then the text as a 16-bit count, a
  flags byte of 1 and UTF-16LE characters).

The container is version 3 (512-byte sectors): a 512-byte header (signature, sector
shifts 9 and 6, the number and places of the FAT sectors, the directory's first sector,
a mini-stream cutoff of 4,096, no mini FAT, no DIFAT sectors); then the FAT sectors;
then the ``Workbook`` stream, padded to at least 4,096 bytes so it lives in ordinary
sectors and no mini stream is needed; then one directory sector of four 128-byte
entries (the root, ``Workbook``, two empty). The FAT marks its own sectors 0xFFFFFFFD,
chains the stream's and the directory's sectors, and ends each chain with 0xFFFFFFFE.
"""

from __future__ import annotations

import functools
import math
import random
import struct

Record = tuple[int, bytes]

BOF, EOF, CODEPAGE, BOUNDSHEET, DIMENSIONS, NUMBER, LABEL = (
    0x0809, 0x000A, 0x0042, 0x0085, 0x0200, 0x0203, 0x0204)
END_OF_CHAIN, FREE, FAT_SECTOR, NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR = 512
#: The most rows and columns a BIFF8 sheet holds.
MAX_ROWS, MAX_COLUMNS = 65536, 256


def _bof(kind: int) -> Record:
    return BOF, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and text.strip() == text and text else None


def cell_record(row: int, column: int, text: str) -> Record:
    """The record of one cell: a ``NUMBER`` for a finite number, else a ``LABEL``."""
    value = _number(text)
    if value is not None:
        return NUMBER, struct.pack("<HHHd", row, column, 0, value)
    encoded = text.encode("utf-16-le", "surrogatepass")
    return LABEL, struct.pack("<HHHHB", row, column, 0, len(encoded) // 2, 1) + encoded


def sheet_records(rows: list[list[str]]) -> list[Record]:
    """The records of one sheet holding ``rows`` from A1 (at most the format's size)."""
    rows = [row[:MAX_COLUMNS] for row in rows[:MAX_ROWS]]
    width = max((len(row) for row in rows), default=0)
    records = [_bof(0x0010), (DIMENSIONS, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))]
    for number, row in enumerate(rows):
        records.extend(cell_record(number, column, text)
                       for column, text in enumerate(row) if text)
    records.append((EOF, b""))
    return records


def _joined(records: list[Record]) -> bytes:
    return b"".join(struct.pack("<HH", kind, len(data) & 0xFFFF) + data for kind, data in records)


def workbook_stream(sheet: list[Record], name: str = "Sheet1") -> bytes:
    """The ``Workbook`` stream: the globals, then the sheet's records."""
    encoded = name.encode("utf-16-le")

    def globals_(offset: int) -> bytes:
        boundsheet = struct.pack("<IBBBB", offset, 0, 0, len(encoded) // 2, 1) + encoded
        return _joined([_bof(0x0005), (CODEPAGE, struct.pack("<H", 1200)),
                        (BOUNDSHEET, boundsheet), (EOF, b"")])

    head = globals_(0)
    return globals_(len(head)) + _joined(sheet)


def _directory_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NO_STREAM, NO_STREAM, child) + bytes(16)
            + struct.pack("<IQQIQ", 0, 0, 0, start, size))


def compound_file(stream: bytes) -> bytes:
    """A version-3 Compound File holding ``stream`` as ``Workbook``."""
    size = len(stream)
    stream = stream.ljust(max(4096, -(-size // SECTOR) * SECTOR), b"\0")
    size = max(size, 4096)
    stream_sectors = len(stream) // SECTOR
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + stream_sectors + 1:
        fat_sectors += 1
    fat = [FAT_SECTOR] * fat_sectors
    first = fat_sectors
    fat += [first + i + 1 for i in range(stream_sectors - 1)] + [END_OF_CHAIN]
    directory = len(fat)
    fat.append(END_OF_CHAIN)
    fat += [FREE] * (fat_sectors * (SECTOR // 4) - len(fat))
    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, fat_sectors, directory, 0, 4096, END_OF_CHAIN,
                            0, END_OF_CHAIN, 0)
              + struct.pack("<109I", *difat))
    entries = (_directory_entry("Root Entry", 5, 1, END_OF_CHAIN, 0)
               + _directory_entry("Workbook", 2, NO_STREAM, first, size)
               + _directory_entry("", 0, NO_STREAM, 0, 0) * 2)
    return header + struct.pack(f"<{len(fat)}I", *fat) + stream + entries


def xls_bytes(rows: list[list[str]]) -> bytes:
    """An ``.xls`` workbook of one sheet holding ``rows`` of text."""
    return compound_file(workbook_stream(sheet_records(rows)))


# --- mutations: of the records, then of the container -----------------------------------


@functools.cache
def _many_cells() -> tuple[Record, ...]:
    """A cell in column A of each of rows 2 to 20,000, made once."""
    return tuple(cell_record(row, 0, "x") for row in range(1, 20_000))


def record_mutation(records: list[Record], rng: random.Random) -> tuple[list[Record], str]:
    """``records`` of a sheet changed where a careless or hostile writer would: declared
    dimensions blown up, a cell at the last row and column, a record's length or a
    label's count that lies, a cell repeated many times, the EOF dropped."""
    records = list(records)
    how = rng.choice(["dimensions", "far cell", "length", "label count", "many cells",
                      "no eof", "unknown record"])
    if how == "dimensions":
        records[1] = (DIMENSIONS, struct.pack("<IIHHH", 0, rng.choice([MAX_ROWS, 0xFFFFFFFF]),
                                              0, rng.choice([MAX_COLUMNS, 0xFFFF]), 0))
    elif how == "far cell":  # the last cell, one beyond the columns, or one between
        records.insert(-1, cell_record(rng.choice([MAX_ROWS - 1, rng.randrange(MAX_ROWS)]),
                                       rng.choice([MAX_COLUMNS - 1, 0xFFFF,
                                                   rng.randrange(MAX_COLUMNS)]), "far"))
    elif how == "length":
        at = rng.randrange(len(records))
        kind, data = records[at]
        records[at] = (kind, data[:rng.randrange(len(data) + 1)])
    elif how == "label count":
        labels = [i for i, (kind, _) in enumerate(records) if kind == LABEL]
        if labels:
            at = rng.choice(labels)
            data = records[at][1]
            records[at] = (LABEL, data[:6] + struct.pack("<H", 0xFFFF) + data[8:])
    elif how == "many cells":
        records[-1:-1] = _many_cells()
    elif how == "no eof":
        records.pop()
    else:
        records.insert(rng.randrange(1, len(records)), (rng.randrange(0x10000),
                                                        rng.randbytes(rng.randrange(64))))
    return records, how


#: The read limits lowered while a record mutation is read: a cell at IV65536 makes a
#: sheet of 16.7 million cells (under the default 50 million) and 20,000 cells make
#: 20,000 rows, each read whole in seconds (3 s; up to 17 s for a kind of 22 columns,
#: whose 436,765 problems are each reported). Under these limits the sheet is refused
#: at its last cell, found in the file's records, before it is read; one read of the
#: same far cell or the same rows again tests nothing the first did not. One input in
#: :data:`READ_WHOLE` of each is read under the default limits, read whole, and a far
#: cell or many cells after a container mutation still reach calamine.
LOWERED = {"far cell": {"cells": 1_000_000}, "many cells": {"rows": 1000}}
READ_WHOLE = 100


def record_limits(how: str, rng: random.Random) -> dict[str, int]:
    """The read limits to lower while the record mutation ``how`` is read."""
    lowered = LOWERED.get(how, {})
    return {} if lowered and rng.randrange(READ_WHOLE) == 0 else dict(lowered)


def container_mutation(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """The Compound File ``data`` changed in its header, FAT or directory: a sector
    shift or a count of FAT sectors out of range, a chain that loops, a stream size that
    lies."""
    changed = bytearray(data)
    how = rng.choice(["sector shift", "fat count", "loop", "stream size", "directory"])
    if how == "sector shift":
        struct.pack_into("<H", changed, 30, rng.choice([0, 7, 12, 16, 31, 0xFFFF]))
    elif how == "fat count":
        struct.pack_into("<I", changed, 44, rng.choice([0, 110, 0x7FFFFFFF, 0xFFFFFFFF]))
    elif how == "loop":
        fat_sectors = struct.unpack_from("<I", data, 44)[0]
        first = fat_sectors  # the stream's first sector, as written above
        entry = SECTOR + first * 4 + rng.randrange(4) * 4
        struct.pack_into("<I", changed, entry, first)
    elif how == "stream size":
        entry = len(data) - SECTOR + 128
        struct.pack_into("<Q", changed, entry + 120, rng.choice([0, 0xFFFFFFFF, 1 << 40]))
    else:
        at = len(data) - SECTOR + rng.randrange(SECTOR)
        changed[at] = rng.randrange(256)
    return bytes(changed), how
