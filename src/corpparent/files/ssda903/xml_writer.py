"""Writing the SSDA903 return as the XML the DfE collects (its shape in
[`xml_shape`][corpparent.files.ssda903.xml_shape]): a synthetic return
([`Synthetic`][corpparent.ssda903.Synthetic]) one file per collection year, which
[`read_returns`][corpparent.files.ssda903.read_returns] and the DfE's validator read as
they read its CSV tables.

Each child is a ``CHILD`` element, in the order of the Header table; each field on a
line of its own, so a problem's line points at it. Every field of a row is written, a
blank one as an empty element (the validator, reading a field a row leaves out, takes
it from another row of the child), and the ``UASC`` flag ``1`` or ``0`` for every
child, as the DfE's rule 105 asks of the XML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from corpparent.errors import DataError
from corpparent.files.ssda903.xml_shape import (
    CHILD,
    EPISODE,
    HEADER,
    HEADER_TABLES,
    ROOT,
    ROW_ELEMENTS,
    UASC_FLAG,
    element,
    own_columns,
)
from corpparent.ssda903.synthetic import Synthetic

__all__ = ["return_xml", "write_xml_returns", "xml_name"]

Rows = Mapping[str, Sequence[Mapping[str, str]]]
_TABLE_ELEMENTS = {table: name for name, table in ROW_ELEMENTS.items()}


def _fields(row: Mapping[str, str], columns: Iterable[str], indent: str) -> list[str]:
    return [f"{indent}<{element(c)}>{escape(row[c])}</{element(c)}>" if row.get(c, "")
            else f"{indent}<{element(c)}/>" for c in columns]


def _child(child: str, tables: Mapping[str, list[Mapping[str, str]]]) -> list[str]:
    """The lines of one child's CHILD element, from its rows of each table."""
    header = tables.get("Header", [{}])
    if len(header) != 1 or any(len(tables.get(t, [])) > 1 for t in HEADER_TABLES):
        raise ValueError("a child with more than one row of the Header, UASC, OC3 or AD1 "
                         "table has no XML form")
    lines = ["  <CHILD>", f"    <{HEADER}>"]
    lines += _fields({**header[0], "CHILD": child}, own_columns("Header"), "      ")
    lines.append(f"      <{UASC_FLAG}>{1 if tables.get('UASC') else 0}</{UASC_FLAG}>")
    for table in HEADER_TABLES[1:]:
        for row in tables.get(table, []):
            lines += _fields(row, own_columns(table), "      ")
    for name, table in ROW_ELEMENTS.items():
        if name == EPISODE:
            continue
        for row in tables.get(table, []):
            lines += [f"      <{name}>", *_fields(row, own_columns(table), "        "),
                      f"      </{name}>"]
    lines.append(f"    </{HEADER}>")
    for row in tables.get("Episodes", []):
        lines += [f"    <{EPISODE}>", *_fields(row, own_columns("Episodes"), "      "),
                  f"    </{EPISODE}>"]
    lines.append(f"  </{CHILD}>")
    return lines


def return_xml(rows: Rows) -> str:
    """The XML of one year's return from the rows of each of its tables (each row a
    mapping of column to text, as the CSV tables write it)."""
    children: dict[str, dict[str, list[Mapping[str, str]]]] = {}
    for table in ("Header", *(t for t in rows if t != "Header")):
        for row in rows.get(table, ()):
            children.setdefault(row["CHILD"], {}).setdefault(table, []).append(row)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<{ROOT}>"]
    for child, tables in children.items():
        lines += _child(child, tables)
    lines.append(f"</{ROOT}>")
    return "\n".join(lines) + "\n"


def xml_name(year: object) -> str:
    """The name a year's XML file is written under: ``SSDA903_2023-24.xml``."""
    return f"SSDA903_{year}.xml"


def write_xml_returns(synthetic: Synthetic, folder: Path) -> list[Path]:
    """Write each year's return as one XML file, ``folder/YYYY-YY/SSDA903_YYYY-YY.xml``;
    the files written, oldest first. A year's folder that already holds CSV tables or
    an XML file is refused (a [`DataError`][corpparent.errors.DataError]) before anything
    is written, so no return is mixed with another."""
    targets = [folder / str(year) for year in synthetic.years]
    for target in targets:
        if target.is_dir() and any(f.suffix.casefold() in (".csv", ".xml")
                                   for f in target.iterdir()):
            raise DataError.single(str(target), "the folder already holds a return",
                                   expected="an empty or new folder")
    written = []
    for year, target in zip(synthetic.years, targets, strict=True):
        target.mkdir(parents=True, exist_ok=True)
        file = target / xml_name(year)
        file.write_text(return_xml(synthetic.rows(year)), encoding="utf-8")
        written.append(file)
    return written
