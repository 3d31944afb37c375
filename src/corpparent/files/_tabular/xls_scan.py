"""Where each sheet of an Excel 97-2003 ``.xls`` workbook ends, read from its records
before the spreadsheet library lays its cells out.

calamine lays out every cell of a sheet from A1 to its last as it opens an ``.xls`` file,
so a 5 KB file with one cell at IV65536 costs half a second and half a gigabyte before
anything can be asked of it. This scan finds each sheet's last cell from the file's own
records, in pure Python and in milliseconds, so such a sheet is refused before the file
is handed over. It reads no more than it needs and trusts nothing: the file is a
Compound File (the OLE2 container) whose ``Workbook`` stream holds BIFF8 records, and
every count, offset and chain in it is checked against the file's size, every loop
bounded. Where the file is anything else (not a Compound File, an older BIFF version, a
stream kept in the container's mini stream, a chain or record that does not hold
together), the scan answers ``None`` and the file is read, bounded, as before: the scan
only ever refuses earlier what would be refused after reading.

A cell is placed by the records that hold a value at a row and column: ``NUMBER``,
``LABEL``, ``LABELSST``, ``RK``, ``BOOLERR`` and ``MULRK`` (a run of cells in one row).
Blank cells and formulas are not counted, so a sheet whose last cell is one of those
is left to the check made after opening.

The same records say how each number is shown (`cell_formats`): a
cell's record names its cell format (``XF``, by its place among the globals' ``XF``
records), which names a number format, one of Excel's built-in ones (9 and 10 are
``0%`` and ``0.00%``, 17 ``mmm-yy``) or one of the workbook's own ``FORMAT`` records,
whose code is read as an ``.xlsx`` format code is
(`number_formats`). Only cells holding a number
(``NUMBER``, ``RK``, ``MULRK``, a ``FORMULA``'s result) are noted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from corpparent.files._tabular.number_formats import (
    BUILTIN_FORMATS,
    NumberFormat,
    format_of_code,
)

__all__ = ["cell_formats", "sheet_ends"]

_SIGNATURE: Final = bytes.fromhex("D0CF11E0A1B11AE1")
_END_OF_CHAIN: Final = 0xFFFFFFFE
_BOF, _EOF, _BOUNDSHEET, _MULRK = 0x0809, 0x000A, 0x0085, 0x00BD
#: The records of one cell: its row and column are their first two 16-bit numbers.
_CELLS: Final = frozenset({0x0203, 0x0204, 0x00FD, 0x027E, 0x0205})
_STREAMS: Final = ("workbook", "book")
_FORMAT, _XF, _FORMULA = 0x041E, 0x00E0, 0x0006
#: The records of one number: its cell format is the third 16-bit number.
_NUMBERS: Final = frozenset({0x0203, 0x027E, _FORMULA})


def _u16(data: bytes | bytearray, at: int) -> int:
    return int.from_bytes(data[at:at + 2], "little")


def _u32(data: bytes | bytearray, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "little")


def sheet_ends(data: bytes) -> list[tuple[str, int, int]] | None:
    """Each worksheet's name and its last cell's row and column (1-based) as its value
    records place them (a sheet without one is left out), or ``None`` where ``data`` is
    not an ``.xls`` workbook this scan can follow."""
    stream = _workbook_stream(data)
    return None if stream is None else _ends(stream)


def _workbook_stream(data: bytes) -> bytes | None:
    """The ``Workbook`` stream of the Compound File ``data``, where it lies in ordinary
    sectors and every sector of the way is within the file."""
    if len(data) < 512 or data[:8] != _SIGNATURE:
        return None
    shift = _u16(data, 30)
    if shift not in (9, 12):
        return None
    size = 1 << shift
    sectors = (len(data) - 512 + size - 1) // size  # at most this many, header aside

    def sector(index: int) -> bytes | None:
        if index >= sectors:
            return None
        return data[512 + index * size:512 + (index + 1) * size]

    fat_places = [_u32(data, 76 + 4 * i) for i in range(109)]
    difat, hops = _u32(data, 68), 0
    while difat < sectors and hops < sectors:  # the FAT's further places, chained
        block = sector(difat)
        if block is None:
            return None
        fat_places += [_u32(block, at) for at in range(0, size - 4, 4)]
        difat, hops = _u32(block, size - 4), hops + 1
    fat_count = _u32(data, 44)
    if fat_count > len(fat_places) or fat_count > sectors:
        return None
    fat = bytearray()
    for place in fat_places[:fat_count]:
        block = sector(place)
        if block is None:
            return None
        fat += block
    entries = len(fat) // 4

    def chain(start: int) -> bytes | None:
        found, index = bytearray(), start
        for _ in range(min(entries, sectors) + 1):
            if index == _END_OF_CHAIN:
                return bytes(found)
            block = sector(index) if index < entries else None
            if block is None:
                return None
            found += block
            index = _u32(fat, 4 * index)
        return None  # a chain longer than the file: it loops

    directory = chain(_u32(data, 48))
    if directory is None:
        return None
    wide = _u16(data, 26) == 4  # a version 4 file gives a stream's size in 64 bits
    for at in range(0, len(directory) - 127, 128):
        entry = directory[at:at + 128]
        length = min(_u16(entry, 64), 64)
        name = entry[:max(length - 2, 0)].decode("utf-16-le", "replace").lower()
        if entry[66] != 2 or name not in _STREAMS:
            continue
        stream_size = int.from_bytes(entry[120:128 if wide else 124], "little")
        if stream_size < _u32(data, 56):  # kept in the mini stream: not followed
            return None
        stream = chain(_u32(entry, 116))
        return None if stream is None or len(stream) < stream_size else stream[:stream_size]
    return None


def _globals(stream: bytes) -> list[tuple[int, bytes]]:
    """The records of the workbook's globals: from the start to the first ``EOF``."""
    found, at = [], 0
    while at + 4 <= len(stream):
        kind, length = _u16(stream, at), _u16(stream, at + 2)
        found.append((kind, stream[at + 4:at + 4 + length]))
        at += 4 + length
        if kind == _EOF:
            break
    return found


def _sheet_records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    """The kind, start of data and length of each record of the sheet that starts at
    ``at``, up to its ``EOF`` or the last record whole in ``stream``."""
    end = len(stream)
    while at + 4 <= end:
        kind, length = _u16(stream, at), _u16(stream, at + 2)
        if kind == _EOF or at + 4 + length > end:
            return
        yield kind, at + 4, length
        at += 4 + length


def _last_cell(stream: bytes, at: int) -> tuple[int, int]:
    """The largest row and column (0-based; -1: none) of the cells placed by the records
    of the sheet that starts at ``at``, up to its ``EOF``."""
    last_row = last_column = -1
    for kind, start, length in _sheet_records(stream, at):
        if kind in _CELLS and length >= 4:
            row, column = _u16(stream, start), _u16(stream, start + 2)
        elif kind == _MULRK and length >= 6:
            row, column = _u16(stream, start), _u16(stream, start + length - 2)
        else:
            continue
        if row > last_row:
            last_row = row
        if column > last_column:
            last_column = column
    return last_row, last_column


def _ends(stream: bytes) -> list[tuple[str, int, int]] | None:
    """Each worksheet's name and last placed cell, from the BIFF8 records of ``stream``."""
    globals_ = _globals(stream)
    if not globals_ or globals_[0][0] != _BOF or _u16(globals_[0][1], 0) != 0x0600:
        return None
    ends = []
    for kind, data in globals_:
        if kind != _BOUNDSHEET or len(data) < 8:
            continue
        count, flags = data[6], data[7]
        text = data[8:8 + (2 * count if flags & 1 else count)]
        name = text.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
        last_row, last_column = _last_cell(stream, _u32(data, 0))
        if last_row >= 0:
            ends.append((name, last_row + 1, last_column + 1))
    return ends


def cell_formats(data: bytes) -> dict[str, dict[tuple[int, int], NumberFormat]] | None:
    """Each worksheet's cells (row and column, 0-based) holding a number shown as a
    percentage or a month, by their cell formats; ``None`` where ``data`` is not an
    ``.xls`` workbook this scan can follow, so the caller can say the formats are unread."""
    stream = _workbook_stream(data)
    if stream is None:
        return None
    globals_ = _globals(stream)
    if not globals_ or globals_[0][0] != _BOF or _u16(globals_[0][1], 0) != 0x0600:
        return None
    codes: dict[int, NumberFormat | None] = {}
    kinds: dict[int, NumberFormat] = {}
    xf = 0
    for kind, record in globals_:
        if kind == _FORMAT and len(record) >= 5:
            count, flags = _u16(record, 2), record[4]
            text = record[5:5 + (2 * count if flags & 1 else count)]
            code = text.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
            codes[_u16(record, 0)] = format_of_code(code)
        elif kind == _XF and len(record) >= 4:
            number = _u16(record, 2)
            found = codes.get(number, BUILTIN_FORMATS.get(number))
            if found is not None:
                kinds[xf] = found
            xf += 1
    sheets: dict[str, dict[tuple[int, int], NumberFormat]] = {}
    for kind, record in globals_:
        if kind == _BOUNDSHEET and len(record) >= 8 and kinds:
            count, flags = record[6], record[7]
            text = record[8:8 + (2 * count if flags & 1 else count)]
            name = text.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
            found_cells = _formatted(stream, _u32(record, 0), kinds)
            if found_cells:
                sheets[name] = found_cells
    return sheets


def _formatted(stream: bytes, at: int, kinds: dict[int, NumberFormat]
               ) -> dict[tuple[int, int], NumberFormat]:
    """The cells of the sheet starting at ``at`` whose cell format is one of ``kinds``."""
    found: dict[tuple[int, int], NumberFormat] = {}
    for kind, start, length in _sheet_records(stream, at):
        if kind in _NUMBERS and length >= 6:
            shown = kinds.get(_u16(stream, start + 4))
            if shown is not None:
                found[_u16(stream, start), _u16(stream, start + 2)] = shown
        elif kind == _MULRK and length >= 12:
            row, first = _u16(stream, start), _u16(stream, start + 2)
            for index in range((length - 6) // 6):
                shown = kinds.get(_u16(stream, start + 4 + 6 * index))
                if shown is not None:
                    found[row, first + index] = shown
    return found
