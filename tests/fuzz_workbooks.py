"""Structure-aware mutations of workbooks (``.xlsx``, ``.ods``, ``.xls``) for the fuzz
suite, and the workbook seeds they start from (not a test module itself).

Seeds are the real workbooks the project reads (the example readings' ``.xlsx``,
Ofsted's published ``.ods``) and every tabular kind's CSV seeds written as each
workbook format: ``.xlsx`` with openpyxl, ``.ods`` as a hand-written OpenDocument zip,
``.xls`` with :mod:`fuzz_xls`. A mutation changes what a hostile or careless workbook
holds, not just its bytes:

- its table (any format, rewritten from the table read plainly): the header row
  repeated lower down, right under itself or at the end, or repeated whole under a
  first header with one heading misspelt (a reader must not drop the rows between);
  a row of 3,000 columns; a cell of 40,000 characters; many rows (read under a
  lowered row limit);
- an ``.xlsx``: declared dimensions of ``A1:XFD1048576``, a cell at ``XFD1048576``, a
  zip bomb (a sheet padded with whitespace that inflates past the expanded-bytes
  limit: lowered in the quick run, past 1 GiB in the thorough one), entity expansion
  in a ``DOCTYPE``, shared strings pointing out of range, broken styles, a member
  missing, a member's declared size that lies;
- an ``.ods``: ``table:number-rows-repeated`` and ``number-columns-repeated`` blown up
  on a filled row or cell, entity expansion, a zip bomb, a member missing;
- an ``.xls``: :func:`fuzz_xls.record_mutation` (a far cell or many cells read under
  lowered limits: :data:`fuzz_xls.LOWERED`) and :func:`fuzz_xls.container_mutation`;
- and every byte-level mutation of :mod:`fuzz_inputs`.

A mutation returns the new bytes, its name, and the read limits to lower while the
input is read (``{}``: none), which apply where corpparent has read limits.
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from fuzz_inputs import BYTES, SHEET_SUFFIXES, Seed, _sheet_table, xlsx_cells
from fuzz_xls import (
    compound_file,
    container_mutation,
    record_limits,
    record_mutation,
    sheet_records,
    workbook_stream,
    xls_bytes,
)

#: The workbook formats a kind's table is written in, each a route of its own.
CONTAINERS = (".xlsx", ".ods", ".xls")
#: How far the thorough run's zip bombs inflate: past the default 1 GiB limit.
BIG_BOMB = 1024 * 1024 * 1024 + 64 * 1024 * 1024
#: The quick run's zip bombs, read with the expanded-bytes limit lowered below them.
SMALL_BOMB, SMALL_LIMIT = 24 * 1024 * 1024, 8 * 1024 * 1024

Mutated = tuple[bytes, str, dict[str, int]]


# --- writers ------------------------------------------------------------------------------


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) < 1e300 and text.strip() == text else None


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """An ``.xlsx`` workbook of one sheet holding ``rows`` (numbers as numbers)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([_number(cell) if _number(cell) is not None else cell for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office='
    '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table='
    '"urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text='
    '"urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
    '<office:spreadsheet><table:table table:name="Sheet1">')
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_cell(text: str) -> str:
    if not text:
        return "<table:table-cell/>"
    value = _number(text)
    if value is not None:
        return (f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                f"<text:p>{escape(text)}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p>'
            "</table:table-cell>")


def ods_content(rows: list[list[str]]) -> str:
    body = "".join("<table:table-row>" + "".join(_ods_cell(cell) for cell in row)
                   + "</table:table-row>" for row in rows)
    return _ODS_HEAD + body + _ODS_TAIL


def zipped(members: dict[str, bytes]) -> bytes:
    """A zip of ``members`` (``mimetype`` stored first, as OpenDocument asks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else None)
    return out.getvalue()


def ods_bytes(rows: list[list[str]]) -> bytes:
    """An ``.ods`` workbook of one sheet holding ``rows``."""
    return zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                   "META-INF/manifest.xml": _ODS_MANIFEST.encode(),
                   "content.xml": ods_content(rows).encode("utf-8")})


WRITERS = {".xlsx": xlsx_bytes, ".ods": ods_bytes, ".xls": xls_bytes}


def clean_text(cell: str) -> str:
    """``cell`` without the characters XML 1.0 cannot hold (a workbook cannot either)."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", cell)


def workbook_seeds(found: dict[str, list[Seed]], folder: Path) -> dict[tuple[str, str], list[Seed]]:
    """The workbook seeds of every kind with CSV seeds (whose readers take workbooks),
    by kind and format: the real workbooks, and each CSV seed written in each format."""
    from corpparent.kinds import KINDS

    sheet_kinds = {kind.name for kind in KINDS if ".xlsx" in kind.suffixes}
    routes: dict[tuple[str, str], list[Seed]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for kind, seeds in found.items():
        if kind not in sheet_kinds:
            continue
        for seed in seeds:
            suffix = seed.path.suffix.lower()
            if suffix in CONTAINERS:
                routes.setdefault((kind, suffix), []).append(seed)
            if suffix != ".csv":
                continue
            from fuzz_inputs import _csv_table

            rows = _csv_table(seed.path.read_bytes()) or []
            rows = [[clean_text(cell) for cell in row] for row in rows]
            for container, write in WRITERS.items():
                target = folder / f"{kind}-{seed.path.stem}{container}"
                target.write_bytes(write(rows))
                routes.setdefault((kind, container), []).append(
                    Seed(target, seed.against, seed.profile))
    return routes


# --- mutations of the table -----------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _plain_rows(kind: str, path: Path) -> tuple[tuple[str, ...], ...]:
    """The seed's table as text, from its header (the seeds are good workbooks)."""
    rows = _sheet_table(kind, path) or []
    return tuple(tuple(row) for row in rows)


def table_mutation(kind: str, seed: Path, rng: random.Random) -> Mutated:
    """The seed's table changed and written again in the seed's format."""
    rows = [list(row) for row in _plain_rows(kind, seed)]
    limits: dict[str, int] = {}
    if len(rows) < 2:
        rows = [["a"], ["b"]]
    header = list(rows[0])
    how = rng.choice(["header lower", "header lower", "header next", "header last",
                      "top header broken", "top header broken", "wide row", "long cell",
                      "many rows"])
    if how == "header lower":
        rows.insert(rng.randrange(2, len(rows) + 1), header)
    elif how == "top header broken" and len(header) > 1:
        # The first heading is kept (the plain count finds the table by it); another is
        # misspelt, and the header repeated whole within the rows searched for one.
        at = rng.randrange(1, len(header))
        rows[0] = [*header[:at], header[at] + "z", *header[at + 1:]]
        rows.insert(rng.randrange(2, min(len(rows), 15) + 1), header)
    elif how == "header next":
        rows.insert(1, header)
    elif how == "header last":
        rows.append(header)
    elif how == "wide row":
        at = rng.randrange(1, len(rows))
        rows[at] = rows[at] + ["9"] * 3000
    elif how == "long cell":
        at = rng.randrange(1, len(rows))
        if rows[at]:
            rows[at][rng.randrange(len(rows[at]))] = "x" * 40_000
    else:
        rows = rows + [list(rows[1 + i % (len(rows) - 1)]) for i in range(1500)]
        limits = {"rows": 1000}
    return _written(seed.suffix.lower(), tuple(map(tuple, rows))), f"table: {how}", limits


@functools.lru_cache(maxsize=256)
def _written(suffix: str, rows: tuple[tuple[str, ...], ...]) -> bytes:
    """``rows`` written in the format ``suffix``, once: a table mutation comes out the
    same for many inputs (the same header a row lower), and openpyxl takes 40 ms to write
    a table of 150 rows (330 ms for many rows), longer than the input takes to read."""
    return WRITERS[suffix]([list(row) for row in rows])


# --- mutations of an .xlsx ------------------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _sheet_names(members: dict[str, bytes]) -> list[str]:
    return [name for name in members if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)]


_BOMBS: dict[tuple[int, str, int], bytes] = {}


def _zip_with_spaces(members: dict[str, bytes], name: str, head: bytes, tail: bytes,
                     size: int) -> bytes:
    """The zip of ``members`` with ``name`` holding ``head``, ``size`` spaces and
    ``tail``, deflated a megabyte at a time into the archive (a bomb past 1 GiB takes
    seconds to make, so each is made once)."""
    key = (hash((tuple(sorted(members.items())), head, tail)), name, size)
    if key not in _BOMBS:
        _BOMBS[key] = _spaced(members, name, head, tail, size)
    return _BOMBS[key]


def _spaced(members: dict[str, bytes], name: str, head: bytes, tail: bytes,
            size: int) -> bytes:
    out = io.BytesIO()
    block = b" " * (1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for member, data in members.items():
            if member != name:
                archive.writestr(member, data)
                continue
            with archive.open(member, "w", force_zip64=size > 0x7FFFFFFF) as stream:
                stream.write(head)
                for _ in range(size >> 20):
                    stream.write(block)
                stream.write(b" " * (size & ((1 << 20) - 1)))
                stream.write(tail)
    return out.getvalue()


_ENTITIES = ('<!DOCTYPE d [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
             + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                       for i in range(8)) + "]>")


def entity_expansion(xml: bytes, cell_at: bytes, rng: random.Random) -> bytes:
    """``xml`` with a DOCTYPE of nested entities (a billion laughs) declared and the
    largest used, or an external entity naming a local file."""
    external = rng.random() < 0.3
    declaration = ('<!DOCTYPE d [<!ENTITY i SYSTEM "file:///etc/passwd">]>' if external
                   else _ENTITIES)
    used = b"&i;"  # the external entity, or the largest of the nested ones
    after = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    xml = xml[:after] + declaration.encode() + xml[after:]
    at = xml.find(cell_at)
    return xml if at < 0 else xml[:at + len(cell_at)] + used + xml[at + len(cell_at):]


def xlsx_mutation(data: bytes, rng: random.Random, thorough: bool) -> Mutated:
    """An ``.xlsx`` changed in its parts: see the module's description."""
    try:
        members = _members(data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return data, "xlsx: not a zip", {}
    sheets = _sheet_names(members) or ["xl/worksheets/sheet1.xml"]
    sheet = rng.choice(sheets)
    xml = members.get(sheet, b"")
    how = rng.choice(["dimension", "far cell", "bomb", "entities", "shared strings",
                      "styles", "missing member", "lying size", "cells"])
    limits: dict[str, int] = {}
    if how == "dimension":
        ref = rng.choice([b"A1:XFD1048576", b"A1:ZZZZ99999999", b"A1048576:XFD1", b"A0:A-1"])
        if b"<dimension" in xml:
            xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml)
        else:
            xml = xml.replace(b"<sheetData", b'<dimension ref="' + ref + b'"/><sheetData', 1)
    elif how == "far cell":
        cell = rng.choice([b"XFD1048576", b"XFD1", b"A1048576", b"ZZZZ9999999999"])
        row = re.sub(rb"[A-Z]+", b"", cell)
        xml = xml.replace(b"</sheetData>", b'<row r="' + row + b'"><c r="' + cell
                          + b'" t="inlineStr"><is><t>far</t></is></c></row></sheetData>', 1)
    elif how == "bomb":
        size = BIG_BOMB if thorough and rng.random() < 0.2 else SMALL_BOMB
        limits = {} if size == BIG_BOMB else {"expanded_bytes": SMALL_LIMIT}
        return _zip_with_spaces(members, sheet, *_split(xml, b"</sheetData>"), size), \
            f"xlsx: bomb of {size >> 20} MiB", limits
    elif how == "entities":
        xml = entity_expansion(xml, b"<t>", rng)
        if "xl/sharedStrings.xml" in members and rng.random() < 0.5:
            members["xl/sharedStrings.xml"] = entity_expansion(
                members["xl/sharedStrings.xml"], b"<t>", rng)
    elif how == "shared strings":
        xml = re.sub(rb'(t="s"[^>]*><v>)\d+', lambda m: m.group(1) + str(
            rng.choice([10**6, 2**31, 2**32 + 1, -1])).encode(), xml, count=rng.randint(1, 3))
    elif how == "styles":
        if rng.random() < 0.5 and "xl/styles.xml" in members:
            members["xl/styles.xml"] = rng.choice([b"", b"<styleSheet>", b"\x00" * 64])
        else:
            xml = re.sub(rb'<c r="([A-Z]+\d+)"', lambda m: m.group(0) + b' s="99999"', xml,
                         count=3)
    elif how == "missing member":
        members.pop(rng.choice(sorted(members)))
        return zipped(members), "xlsx: missing member", {}
    elif how == "lying size":
        return lying_size(zipped({**members, sheet: xml}), sheet, rng), "xlsx: lying size", {}
    else:
        return xlsx_cells(data, rng), "xlsx: cells", {}
    members[sheet] = xml
    return zipped(members), f"xlsx: {how}", limits


def _split(xml: bytes, at: bytes) -> tuple[bytes, bytes]:
    cut = xml.find(at)
    cut = len(xml) if cut < 0 else cut
    return xml[:cut], xml[cut:]


def lying_size(data: bytes, member: str, rng: random.Random) -> bytes:
    """The zip ``data`` with the uncompressed size ``member`` declares (in its local
    header and the central directory) changed to a small or a huge number."""
    changed = bytearray(data)
    name = member.encode()
    size = rng.choice([1, 100, 0xFFFFFFF0])
    for signature, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            length = struct.unpack_from("<H", data, at + (26 if field == 22 else 28))[0]
            if data[name_at:name_at + length] == name:
                struct.pack_into("<I", changed, at + field, size)
    return bytes(changed)


# --- mutations of an .ods ---------------------------------------------------------------------

_ROW = re.compile(rb"<table:table-row\b[^>]*>.*?</table:table-row>", re.DOTALL)


def ods_mutation(data: bytes, rng: random.Random, thorough: bool) -> Mutated:
    """An ``.ods`` changed in its content: see the module's description."""
    try:
        members = _members(data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return data, "ods: not a zip", {}
    xml = members.get("content.xml", b"")
    rows = list(_ROW.finditer(xml))
    filled = [row for row in rows if b"<text:p" in row.group(0)] or rows
    how = rng.choice(["rows repeated", "columns repeated", "both repeated", "header lower",
                      "entities", "bomb", "missing member"])
    if how in ("rows repeated", "both repeated") and filled:
        row = rng.choice(filled)
        start = row.start() + len(b"<table:table-row")
        count = rng.choice([b"1048576", b"100000", b"2147483647", b"99999999999"])
        xml = xml[:start] + b' table:number-rows-repeated="' + count + b'"' + xml[start:]
    if how in ("columns repeated", "both repeated"):
        count = rng.choice([b"16384", b"1024", b"2147483647"])
        xml = re.sub(rb'<table:table-cell office:value-type',
                     b'<table:table-cell table:number-columns-repeated="' + count
                     + b'" office:value-type', xml, count=rng.randint(1, 3))
    elif how == "header lower" and len(filled) > 2:
        header = filled[0].group(0)
        at = rng.choice(filled[2:]).start()
        xml = xml[:at] + header + xml[at:]
    elif how == "entities":
        xml = entity_expansion(xml, b"<text:p>", rng)
    elif how == "bomb":
        size = BIG_BOMB if thorough and rng.random() < 0.2 else SMALL_BOMB
        limits = {} if size == BIG_BOMB else {"expanded_bytes": SMALL_LIMIT}
        return _zip_with_spaces(members, "content.xml", *_split(xml, b"</table:table>"),
                                size), f"ods: bomb of {size >> 20} MiB", limits
    elif how == "missing member":
        members.pop(rng.choice(sorted(members)))
        return zipped(members), "ods: missing member", {}
    members["content.xml"] = xml
    return zipped(members), f"ods: {how}", {}


def xls_mutation(kind: str, seed: Path, rng: random.Random) -> Mutated:
    """An ``.xls`` rewritten from the seed's table with its records or container changed."""
    rows = [list(row) for row in _plain_rows(kind, seed)]
    records, how = record_mutation(sheet_records(rows), rng)
    data, limits = compound_file(workbook_stream(records)), record_limits(how, rng)
    if rng.random() < 0.3:
        data, other = container_mutation(data, rng)
        how = f"{how}, {other}"
    return data, f"xls: {how}", limits


def mutate_workbook(kind: str, seed: Path, target: Path, rng: random.Random,
                    thorough: bool = False) -> tuple[str, dict[str, int]]:
    """Write a mutation of the workbook ``seed`` to ``target``; return the mutations'
    names and the read limits to lower while it is read."""
    suffix = seed.suffix.lower()
    assert suffix in SHEET_SUFFIXES
    data = seed.read_bytes()
    family = rng.choice(["table", "table", "container", "container", "container", "bytes"])
    limits: dict[str, int] = {}
    if family == "table":
        data, how, limits = table_mutation(kind, seed, rng)
    elif family == "container" and suffix == ".xls":
        data, how, limits = xls_mutation(kind, seed, rng)
    elif family == "container" and suffix == ".ods":
        data, how, limits = ods_mutation(data, rng, thorough)
    elif family == "container":
        data, how, limits = xlsx_mutation(data, rng, thorough)
    else:
        change = rng.choice(BYTES)
        data, how = change(data, rng), change.__name__
    target.write_bytes(data)
    return how, limits
