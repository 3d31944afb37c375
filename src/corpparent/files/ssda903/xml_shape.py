"""The shape of the SSDA903 return as the XML the DfE collects, which
[`xml_return`][corpparent.files.ssda903.xml_return] reads and
[`xml_writer`][corpparent.files.ssda903.xml_writer] writes.

Sources: the DfE's "Children looked after return: technical specifications" (one a
collection year, on GOV.UK; the "Expanded SSDA903 Return" XML schema, root element
``EXPSSDA903``, version 3.3.0, is its XML form), and the sector's validator of the
return, ``csc-validator-be-903`` (its module ``lac_validator.ingress``, which turns the
XML into the CSV tables, and ``lac_validator.config``, which lists each table's
columns). The shape they agree on:

- the root element ``EXPSSDA903`` holds one ``CHILD`` element per child;
- a ``CHILD`` holds one ``HEADER`` and an ``EPISODE`` element per episode;
- the ``HEADER`` holds the child's own fields, each an element named by its CSV
  column (``CHILDID`` for the CSV's ``CHILD``): those of the Header table, the
  unaccompanied asylum-seeking child's flag ``UASC`` (``1`` or ``0``) and ``DUC`` (the
  UASC table), a care leaver's ``IN_TOUCH``, ``ACTIV`` and ``ACCOM`` (OC3) and an
  adoption's ``DATE_INT`` to ``LS_ADOPTR`` (AD1); and, nested, an element per row of
  the Reviews (``AREVIEW``), Missing (``AMISSING``), OC2 (``OC2``), PrevPerm
  (``PERMANENCE``) and PlacedAdoption (``AD_PLACED``) tables;
- an ``EPISODE`` holds the Episodes table's fields (``PL`` for the CSV's ``PLACE``).

A row of any table but the Header takes the child's ``CHILD``, ``DOB`` and (UASC)
``SEX`` from the ``HEADER``. The SWEpisodes and DoLo tables have no XML form here: no
source read gives one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from corpparent.ssda903.codes import TABLE_COLUMNS

__all__ = [
    "CHILD",
    "EPISODE",
    "FROM_HEADER",
    "HEADER",
    "HEADER_FIELDS",
    "HEADER_TABLES",
    "ROOT",
    "ROW_ELEMENTS",
    "UASC_FLAG",
    "XML_TABLES",
    "element",
    "own_columns",
]

ROOT: Final = "EXPSSDA903"
CHILD: Final = "CHILD"
HEADER: Final = "HEADER"
EPISODE: Final = "EPISODE"
#: The HEADER's flag of an unaccompanied asylum-seeking child: ``1`` gives the child a
#: row of the UASC table; ``0`` (or no flag) none, unless a ``DUC`` is written.
UASC_FLAG: Final = "UASC"
#: The elements named otherwise than their CSV columns.
_RENAMED: Final[Mapping[str, str]] = MappingProxyType({"CHILD": "CHILDID", "PLACE": "PL"})
#: The columns a row of any table but the Header takes from its child's HEADER.
FROM_HEADER: Final = frozenset({"CHILD", "DOB", "SEX"})
#: The tables whose fields are written on the HEADER itself, one row a child at most.
HEADER_TABLES: Final = ("Header", "UASC", "OC3", "AD1")
#: The tables each of whose rows is an element of its own, by that element's name:
#: EPISODE inside CHILD, the others inside HEADER.
ROW_ELEMENTS: Final[Mapping[str, str]] = MappingProxyType({
    EPISODE: "Episodes", "AREVIEW": "Reviews", "AMISSING": "Missing", "OC2": "OC2",
    "PERMANENCE": "PrevPerm", "AD_PLACED": "PlacedAdoption"})
#: The tables the XML holds, in the order of the CSV tables' usual listing.
XML_TABLES: Final = ("Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                     "PlacedAdoption", "PrevPerm", "Missing")


def element(column: str) -> str:
    """The element that holds ``column`` (``CHILDID`` for ``CHILD``)."""
    return _RENAMED.get(column, column)


def own_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` written in its row's own element (or, for the tables on
    the HEADER, as the HEADER's own fields): all the Header's, and every other table's
    but those it takes from the HEADER."""
    columns = TABLE_COLUMNS[table]
    return columns if table == "Header" else tuple(
        c for c in columns if c not in FROM_HEADER)


#: The HEADER's own fields, by element name, each with its column.
HEADER_FIELDS: Final[Mapping[str, str]] = MappingProxyType({
    element(column): column
    for table in HEADER_TABLES for column in own_columns(table)} | {UASC_FLAG: UASC_FLAG})
