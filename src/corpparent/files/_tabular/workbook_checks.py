"""Checking a workbook before the spreadsheet library reads it.

python-calamine reads workbooks in compiled code, and trusts what a file declares: a
1.7 KB ``.xlsx`` whose one cell is at ``XFD1048576`` makes it reserve a sheet of 17
billion cells and abort the whole process, and an OpenDocument row written once with
``table:number-rows-repeated="1048576"`` becomes a million rows. So a zipped workbook
(``.xlsx``, ``.xlsm``, ``.ods``) is read here first, as a stream and in bounded memory,
and refused with a [`DataError`][corpparent.errors.DataError] naming the limit of
[`ReadLimits`][corpparent.files._tabular.limits.ReadLimits] it goes over, before calamine sees
it:

- the zip's members: how many, the uncompressed size they declare together
  (``expanded_bytes``), and how far any one expands (a member of over
  `RATIO_FLOOR` bytes expanding more than `MAX_RATIO` times is a zip bomb,
  not a table: real sheets' XML compresses ten to fifty times);
- every XML member: a document type declaration is refused outright, as its entities
  can expand a few bytes into gigabytes, and a table needs none;
- an Excel sheet: its declared ``<dimension>`` and the reference of every cell, so no
  cell lies beyond the ``rows`` and ``columns`` bounds and the area from ``A1`` to the
  last cell holds at most ``cells``;
- an OpenDocument spreadsheet: its rows and cells with their repeat counts, by
  `ods_checks`.

While the sheets are walked, the cells formatted as a percentage or a month are noted
(`number_formats`), so that the sheet is read as it shows
them: `cell_formats`; and the cells holding a formula's error (``#DIV/0!``), which the
spreadsheet library gives as blanks, so each is reported (`formula_errors`):
`cell_errors`.

A workbook that is not a zip (Excel 97-2003 ``.xls``, a compound file of BIFF records)
is read by `contained`, in a child process of bounded
memory and time.
"""

from __future__ import annotations

import functools
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Final, final

from attrs import frozen

from corpparent.errors import DataError
from corpparent.files._tabular.formula_errors import (
    CellErrors,
    ExcelErrorCells,
    is_error_cell,
    may_hold_errors,
)
from corpparent.files._tabular.limits import ReadLimits, current_limits, over_limit
from corpparent.files._tabular.number_formats import (
    CellFormats,
    NumberFormat,
    excel_cell_formats,
)
from corpparent.files._tabular.ods_checks import check_open_document
from corpparent.files._tabular.sheet_bounds import check_bounds, place, unreadable
from corpparent.files._tabular.uncalculated import (
    ExcelFormulaCells,
    may_hold_formulas,
    recalculated_on_load,
    starts_formula,
)

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "RATIO_FLOOR", "cell_errors", "cell_formats",
           "check_zip_workbook", "is_zip"]

#: The most members a workbook's zip may hold; a workbook of many sheets, charts and
#: pictures holds a few hundred.
MAX_MEMBERS: Final = 10_000
#: How many times over a large member may expand (see `RATIO_FLOOR`).
MAX_RATIO: Final = 500
#: Members smaller than this (16 MiB) uncompressed are not held to `MAX_RATIO`.
RATIO_FLOOR: Final = 16 * 1024 * 1024
#: The longest stretch of XML without a ``>`` (4 MiB): a cell of Excel's longest text
#: written in the widest characters is 128 KiB.
MAX_STRETCH: Final = 4 * 1024 * 1024
_CHUNK: Final = 1024 * 1024
_ZIP_MAGIC: Final = b"PK\x03\x04"
_END_OF_DIRECTORY: Final = b"PK\x05\x06"
_DECLARATIONS: Final = (b"<!DOCTYPE", b"<!ENTITY")
#: What reading a damaged zip raises: its own error, zlib's, an unsupported or encrypted
#: member's, a truncated file's.
_ZIP_FAILURES: Final = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, NotImplementedError,
                        RuntimeError, OSError, ValueError, EOFError, struct.error)


def is_zip(file: Path) -> bool:
    """Whether the file starts as a zip archive does (every ``.xlsx`` and ``.ods``)."""
    try:
        with file.open("rb") as stream:
            return stream.read(4) == _ZIP_MAGIC
    except OSError as exc:
        raise DataError.single(str(file), f"cannot read the file: {exc.strerror or exc}"
                               ) from None


def _member_count(file: Path, source: str) -> int:
    """How many members the zip's end of central directory declares, read before
    `zipfile` lists them all in memory."""
    with file.open("rb") as stream:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 65_557))
        tail = stream.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        raise unreadable(source, "not a zip archive (no end of central directory)")
    (count,) = struct.unpack_from("<H", tail, at + 10)
    return int(count)


def check_zip_workbook(file: Path) -> bool:
    """Refuse the zipped workbook at ``file`` if reading it would go over the limits in
    force; see the module's description for what is checked. Return whether its sheets
    were found and checked: a zip holding none in XML (an Excel binary ``.xlsb``, or no
    workbook at all) is then read in a child process, as an ``.xls`` is. A file found
    sound is not scanned again until it changes (a kind is told from a workbook's
    headings, then its table is read)."""
    return _checked_book(file).sheets


def cell_formats(file: Path) -> CellFormats:
    """The cells of the zipped workbook at ``file`` formatted as a percentage or a
    month, each sheet's under its name, noted while it was checked."""
    return _checked_book(file).formats


def cell_errors(file: Path) -> CellErrors:
    """The cells of the zipped workbook at ``file`` holding a formula's error, each with
    the error's text (``#DIV/0!``), each sheet's under its name, noted while it was
    checked."""
    return _checked_book(file).errors


@final
@frozen
class _CheckedBook:
    """What checking a zipped workbook found: whether it holds sheets in XML, which of
    their cells are formatted as a percentage or a month, and which hold an error."""

    sheets: bool
    formats: CellFormats
    errors: CellErrors


def _checked_book(file: Path) -> _CheckedBook:
    stat = file.stat()
    return _checked(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size, current_limits())


@functools.lru_cache(maxsize=16)
def _checked(source: str, _inode: int, _modified: int, _size: int,
             limits: ReadLimits) -> _CheckedBook:
    file = Path(source)
    count = _member_count(file, source)
    if count >= min(MAX_MEMBERS, 0xFFFF):
        raise unreadable(source, f"the archive holds {count:,} or more members, where a "
                         f"workbook holds at most {MAX_MEMBERS:,}")
    try:
        archive = zipfile.ZipFile(file)
    except _ZIP_FAILURES as exc:
        raise unreadable(source, f"not a well-formed zip archive ({exc})") from None
    with archive:
        members = archive.infolist()
        total = 0
        for member in members:
            total += member.file_size
            if total > limits.expanded_bytes:
                raise over_limit(source, "the workbook's uncompressed size",
                                 f"{total:,} bytes or more", "expanded_bytes",
                                 field=member.filename)
            if (member.file_size > RATIO_FLOOR
                    and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
                raise unreadable(source, f"the member expands from {member.compress_size:,} "
                                 f"to {member.file_size:,} bytes, over {MAX_RATIO} times "
                                 "(a zip bomb)", member.filename)
        titles: dict[str, str] = {}
        styles = _excel_styles(archive, members, source)
        stale = recalculated_on_load(_index_text(archive))
        formats: dict[str, dict[tuple[int, int], NumberFormat]] = {}
        errors: dict[str, dict[tuple[int, int], str]] = {}
        sheets = 0
        for member in members:
            name = member.filename
            if not name.lower().endswith((".xml", ".rels")):
                continue
            with _opened(archive, member, source) as stream:
                chunks = _chunks(stream, source, name, member.file_size)
                if name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
                    titles = _sheet_titles(archive, source)
                    for _ in chunks:
                        pass
                elif name.startswith("xl/worksheets/") and name.count("/") == 2:
                    sheet = titles.get(name) or _sheet_titles(archive, source).get(name)
                    found, failed = _check_excel_sheet(chunks, source, name, sheet or name,
                                                       limits, styles, stale=stale)
                    if found:
                        formats[sheet or name] = found
                    if failed:
                        errors[sheet or name] = failed
                    sheets += 1
                elif name == "content.xml":
                    found_ods, failed_ods = check_open_document(chunks, source, limits)
                    formats.update(found_ods)
                    errors.update(failed_ods)
                    sheets += 1
                else:
                    for _ in chunks:
                        pass
    return _CheckedBook(sheets > 0, formats, errors)


def _excel_styles(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], source: str
                  ) -> dict[int, NumberFormat]:
    """The cell formats of an Excel workbook's ``xl/styles.xml`` that are a percentage
    or a month (none where it has no such member), read as every member is read."""
    member = next((m for m in members if m.filename == "xl/styles.xml"), None)
    if member is None:
        return {}
    with _opened(archive, member, source) as stream:
        return excel_cell_formats(_chunks(stream, source, member.filename, member.file_size))


def _opened(archive: zipfile.ZipFile, member: zipfile.ZipInfo, source: str) -> IO[bytes]:
    try:
        return archive.open(member)
    except _ZIP_FAILURES as exc:
        raise unreadable(source, f"the member cannot be opened ({exc})",
                         member.filename) from None


def _chunks(stream: IO[bytes], source: str, member: str, declared: int) -> Iterator[bytes]:
    """The member's bytes a chunk at a time, each ending at a ``>`` so no tag is cut in
    two; a document type declaration, more bytes than declared, or a stretch of over
    `MAX_STRETCH` bytes without a ``>`` is refused."""
    carried = b""
    seen = 0
    while True:
        try:
            data = stream.read(_CHUNK)
        except _ZIP_FAILURES as exc:
            raise unreadable(source, f"the member is damaged ({exc})", member) from None
        seen += len(data)
        if seen > declared:
            raise unreadable(source, "the member holds more than it declares", member)
        buffer = carried + data
        if any(mark in buffer for mark in _DECLARATIONS):
            raise unreadable(source, "the XML declares a document type or entities, "
                             "which a workbook has no need of", member)
        if not data:
            if buffer:
                yield buffer
            return
        end = buffer.rfind(b">") + 1
        if end == 0 and len(buffer) > MAX_STRETCH:
            raise unreadable(source, f"the XML runs over {MAX_STRETCH:,} bytes without "
                             "closing a tag", member)
        carried = buffer[end:]
        if end:
            yield buffer[:end]


_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF_ATTRIBUTE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']\$?([A-Za-z]{0,8})\$?(\d{0,12})[\"']")
_STYLE_ATTRIBUTE = re.compile(rb"(?:^|\s)s\s*=\s*[\"'](\d{1,9})[\"']")
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,8})\$?(\d{1,12})")


def _column_number(letters: str) -> int:
    """The 1-based column of ``letters``: ``A`` is 1, ``XFD`` 16,384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


_SHEET = re.compile(r"<(?:[\w.-]+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_RELATION = re.compile(r"<(?:[\w.-]+:)?Relationship\b[^>]*>")
#: The most of the workbook's index and its relations read to name its sheets.
_INDEX_BYTES: Final = 4 * 1024 * 1024


def _attributes(tag: str) -> dict[str, str]:
    return {name.rsplit(":", 1)[-1]: first or second
            for name, first, second in _ATTRIBUTE.findall(tag)}


def _index_text(archive: zipfile.ZipFile) -> str:
    """The text of an Excel workbook's index (``xl/workbook.xml``), up to
    `_INDEX_BYTES`; empty where it has none or it cannot be read (calamine then
    reports it)."""
    try:
        with archive.open("xl/workbook.xml") as stream:
            return stream.read(_INDEX_BYTES).decode("utf-8", "replace")
    except (KeyError, *_ZIP_FAILURES):
        return ""


def _sheet_titles(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Each sheet's member (``xl/worksheets/sheet1.xml``) and the sheet's name, from the
    workbook's index, so a problem names the sheet as Excel shows it; empty where the
    index cannot be read (calamine then reports it)."""
    index = _index_text(archive)
    try:
        with archive.open("xl/_rels/workbook.xml.rels") as stream:
            relations = stream.read(_INDEX_BYTES).decode("utf-8", "replace")
    except (KeyError, *_ZIP_FAILURES):
        return {}
    targets = {}
    for tag in _RELATION.findall(relations):
        found = _attributes(tag)
        target = found.get("Target", "").lstrip("/")
        targets[found.get("Id", "")] = target if target.startswith("xl/") else "xl/" + target
    titles = {}
    for tag in _SHEET.findall(index):
        found = _attributes(tag)
        if found.get("id") in targets:
            titles[targets[found["id"]]] = found.get("name", "")
    return titles


def _check_excel_sheet(chunks: Iterator[bytes], source: str, member: str, sheet: str,
                       limits: ReadLimits, styles: Mapping[int, NumberFormat], *,
                       stale: bool = False
                       ) -> tuple[dict[tuple[int, int], NumberFormat], dict[tuple[int, int], str]]:
    """Refuse an Excel sheet whose declared dimension or any cell lies beyond the
    bounds. A cell without a reference is placed as calamine places it: after the
    previous cell of its row. Return the cells (0-based) whose cell format is one of
    ``styles``, and those holding an error, with its text, or a formula never
    calculated (`uncalculated`; with ``stale``, in a workbook whose saved results are
    to be calculated afresh, every formula)."""
    row = column = max_row = max_column = cells = 0
    formats: dict[tuple[int, int], NumberFormat] = {}
    errors = ExcelErrorCells()
    formulas = ExcelFormulaCells(every=stale)
    for chunk in chunks:
        errors.resume(chunk)
        formulas.resume(chunk)
        failing = may_hold_errors(chunk)
        calculated = may_hold_formulas(chunk, every=stale)
        tag: re.Match[bytes] | None = None
        dimension = _DIMENSION.search(chunk)
        if dimension is not None:
            _check_dimension(dimension.group(1).decode("latin-1"), source, sheet, limits)
        for tag in _TAG.finditer(chunk):
            reference = _REF_ATTRIBUTE.search(tag.group(2))
            if tag.group(1) == b"row":
                row = int(reference.group(2)) if reference and reference.group(2) else row + 1
                column = 0
                continue
            cells += 1
            if reference is not None and reference.group(1):
                column = _column_number(reference.group(1).decode("ascii"))
                if reference.group(2):
                    row = int(reference.group(2))
            else:
                column += 1
            if row > max_row or column > max_column:
                max_row, max_column = max(row, max_row), max(column, max_column)
                check_bounds(source, sheet, row, column, max_row, max_column, limits, "last")
            if styles:
                style = _STYLE_ATTRIBUTE.search(tag.group(2))
                kind = None if style is None else styles.get(int(style.group(1)))
                if kind is not None:
                    formats[row - 1, column - 1] = kind
            if failing and is_error_cell(tag.group(2)):
                errors.cell(chunk, tag.end(), tag.group(2), row - 1, column - 1)
            if calculated and starts_formula(chunk, tag.end(), every=stale):
                formulas.cell(chunk, tag.end(), tag.group(2), row - 1, column - 1)
        if tag is not None and tag.group(1) == b"c" and tag.end() == len(chunk):
            # the chunk ends with a cell's tag: its formula may start the next chunk
            formulas.cell(chunk, tag.end(), tag.group(2), row - 1, column - 1)
        if cells > limits.cells:
            raise over_limit(source, "the sheet", f"{cells:,} cells or more", "cells",
                             line=row, field=place(sheet, row, column))
    return formats, {**formulas.found, **errors.found}


def _check_dimension(ref: str, source: str, sheet: str, limits: ReadLimits) -> None:
    """Refuse a declared dimension (``A1:XFD1048576``) whose last cell lies beyond the
    bounds."""
    last = ref.rsplit(":", 1)[-1]
    found = _CELL_REF.fullmatch(last.strip())
    if found is None:
        return  # calamine reads the cells, not a dimension it cannot parse
    row, column = int(found.group(2)), _column_number(found.group(1))
    check_bounds(source, sheet, row, column, row, column, limits, "declared last")


