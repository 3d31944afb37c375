"""Reading one collection year's SSDA903 return from the XML the DfE collects, into the
same tables as its CSV form, every cell checked as the CSV tables' cells are.

The XML's shape, and its sources (the DfE's technical specification of the return and
its "Expanded SSDA903 Return" schema, ``EXPSSDA903``; the sector's validator,
``csc-validator-be-903``, whose ``lac_validator.ingress`` reads the same XML), are
described in [`xml_shape`][corpparent.files.ssda903.xml_shape]. Each child's rows are
gathered from its ``CHILD`` element, then each table's cells are checked by
`check_table`, the checks the CSV tables' cells pass through, so a date is written
``dd/mm/yyyy`` here as there and a code comes from the same code set.

The file is parsed by the standard library's expat, as a stream, so each element's line
is known: a problem names the file, the line of the row's element (the ``HEADER`` for
the Header, UASC, OC3 and AD1 tables) and the element, and never a child's identifier
or personal details (`PERSONAL_COLUMNS`). The elements may come in any order within
their parent. Anything else is a problem: XML that is not well-formed, an element the
shape does not hold, an element inside a field, text where elements belong, a field
written twice, a second ``HEADER``. A document type declaration is refused outright,
as the return's XML has none and one may declare entities, whose expansion could grow
without bound or fetch other files: nothing is expanded or fetched. The read limits
apply ([`corpparent.files.reading_limits`][corpparent.files.reading_limits]): the
file's size, every element counting as a row against ``rows``, and a field's text
against ``cell_chars``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final, NoReturn
from xml.parsers import expat

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.limits import checked_file, current_limits, over_limit
from corpparent.files._tabular.problems import shown
from corpparent.files._tabular.text_encoding import utf_16_problem
from corpparent.files.ssda903.cells import check_table
from corpparent.files.ssda903.xml_shape import (
    CHILD,
    EPISODE,
    FROM_HEADER,
    HEADER,
    HEADER_FIELDS,
    HEADER_TABLES,
    ROOT,
    ROW_ELEMENTS,
    UASC_FLAG,
    XML_TABLES,
    element,
    own_columns,
)
from corpparent.ssda903.codes import TABLE_COLUMNS
from corpparent.ssda903.returns import Table

__all__ = ["read_xml_return"]

Row = dict[str, str]
#: The fields of each element that is a row, by element name, each with its column.
_ROW_FIELDS: Final[Mapping[str, Mapping[str, str]]] = {
    name: {element(column): column for column in own_columns(table)}
    for name, table in ROW_ELEMENTS.items()}
#: The headings of the columns a row takes from its child's HEADER: checked, and
#: reported, once, in the Header table.
_INHERITED: Final = frozenset(element(column) for column in FROM_HEADER)
#: The elements nested in a HEADER, each a row.
_NESTED: Final = tuple(name for name in ROW_ELEMENTS if name != EPISODE)
_UASC_CODES: Final = ("", "0", "1")
_EXPECTED_XML: Final = "well-formed XML, as the DfE's schema of the return (EXPSSDA903) has it"


def _refuse_declaration(parser: expat.XMLParserType, source: str) -> NoReturn:
    raise DataError.single(source, "a document type declaration (DOCTYPE or ENTITY) is "
                           "refused: the return's XML has none, and its entities could "
                           "expand without bound or fetch other files",
                           line=parser.CurrentLineNumber)


class _Child:
    """The rows of one CHILD element, gathered until its end."""

    __slots__ = ("header", "header_line", "line", "rows")

    def __init__(self, line: int) -> None:
        self.line = line
        self.header: Row | None = None
        self.header_line = line
        self.rows: list[tuple[str, Row, int]] = []


class _Walk:
    """The handlers of one parse: each element placed by its parent, each field's text
    gathered, each child's rows added to the tables' rows when its element ends."""

    def __init__(self, parser: expat.XMLParserType, source: str,
                 problems: list[Problem]) -> None:
        limits = current_limits()
        self.parser, self.source, self.problems = parser, source, problems
        self.most_elements, self.most_chars = limits.rows, limits.cell_chars
        self.elements = 0
        self.foreign = False  # whether the root is not the return's
        self.stack: list[str] = []  # the open elements that hold elements
        self.skipping = 0  # how deep inside an element refused with its content
        self.child: _Child | None = None
        self.fields: Row | None = None  # the fields of the open HEADER or row element
        self.leaf: tuple[str, str] | None = None  # the open field: element, column
        self.text: list[str] = []
        self.chars = 0
        self.rows: dict[str, list[tuple[Row, int]]] = {name: [] for name in XML_TABLES}

    def _problem(self, note: str, *, field: str | None, expected: str | None = None,
                 found: str | None = None, line: int | None = None) -> None:
        self.problems.append(Problem(self.source, note, field=field, expected=expected,
                                     found=found,
                                     line=line or self.parser.CurrentLineNumber))

    def _refuse(self, name: str, where: str, allowed: tuple[str, ...]) -> bool:
        self._problem(f"unknown element in {where}", field=name[:60],
                      expected="one of " + ", ".join(allowed))
        self.skipping = 1
        return False

    def start(self, name: str, _attributes: object) -> None:
        self.elements += 1
        if self.elements > self.most_elements:
            raise over_limit(self.source, "the XML", f"more than {self.most_elements:,} "
                             "elements", "rows", line=self.parser.CurrentLineNumber)
        if self.skipping:
            self.skipping += 1
        elif self.leaf is not None:
            self._problem("an element inside a field", field=self.leaf[0],
                          expected="the field's text alone", found=f"the element {name[:60]}")
            self.skipping = 1
        elif self._opened(name, self.stack[-1] if self.stack else None):
            self.stack.append(name)

    def _opened(self, name: str, parent: str | None) -> bool:
        """Place the element ``name`` in ``parent``: whether it holds elements (a field
        is gathered as text; an element refused is skipped with its content)."""
        line = self.parser.CurrentLineNumber
        if parent is None:
            if name == ROOT:
                return True
            self._problem("not the SSDA903 return's XML", field=name[:60],
                          expected=f"the root element {ROOT}")
            self.foreign, self.skipping = True, 1
            return False
        if parent == ROOT:
            if name == CHILD:
                self.child = _Child(line)
                return True
            return self._refuse(name, ROOT, (CHILD,))
        assert self.child is not None
        if parent == CHILD:
            if name == HEADER and self.child.header is None:
                self.child.header, self.child.header_line = {}, line
                self.fields = self.child.header
                return True
            if name == HEADER:
                self._problem("a second HEADER in the CHILD", field=HEADER,
                              expected="one HEADER a child")
                self.skipping = 1
                return False
            if name == EPISODE:
                return self._row(name, line)
            return self._refuse(name, CHILD, (HEADER, EPISODE))
        known = HEADER_FIELDS if parent == HEADER else _ROW_FIELDS[parent]
        if name in known:
            self.leaf, self.text, self.chars = (name, known[name]), [], 0
            return False
        if parent == HEADER and name in ROW_ELEMENTS and name != EPISODE:
            return self._row(name, line)
        return self._refuse(name, parent, (*known, *_NESTED) if parent == HEADER
                            else tuple(known))

    def _row(self, name: str, line: int) -> bool:
        assert self.child is not None
        self.fields = {}
        self.child.rows.append((ROW_ELEMENTS[name], self.fields, line))
        return True

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        if self.leaf is not None:
            field, column = self.leaf
            self.leaf = None
            assert self.fields is not None
            if column in self.fields:
                self._problem("a field written twice", field=field, expected="each field once")
            else:
                self.fields[column] = "".join(self.text)
            return
        self.stack.pop()
        if name in _NESTED and self.child is not None:
            self.fields = self.child.header  # back in the HEADER, whose fields may follow
        elif name in (HEADER, EPISODE):
            self.fields = None
        elif name == CHILD and self.child is not None:
            self._add_child(self.child)
            self.child = None

    def text_of(self, data: str) -> None:
        if self.skipping:
            return
        if self.leaf is not None:
            self.chars += len(data)
            if self.chars > self.most_chars:
                raise over_limit(self.source, "a field's text", f"more than "
                                 f"{self.most_chars:,} characters", "cell_chars",
                                 line=self.parser.CurrentLineNumber, field=self.leaf[0])
            self.text.append(data)
        elif data.strip():
            self._problem("text where elements belong", field=self.stack[-1] if self.stack
                          else ROOT, expected="elements only")

    def _add_child(self, child: _Child) -> None:
        """The child's rows, in each table they belong to."""
        header = child.header
        if header is None:
            self._problem("a CHILD without its HEADER", field=CHILD, line=child.line,
                          expected="a HEADER holding the child's fields")
            header = {}
        line = child.header_line
        inherited = {column: header.get(column, "") for column in FROM_HEADER}
        self.rows["Header"].append((header, line))
        flag = header.get(UASC_FLAG, "").strip()
        if flag not in _UASC_CODES:
            self._problem("", field=UASC_FLAG, line=line, found=shown(flag),
                          expected="1 (an unaccompanied asylum-seeking child) or 0")
        for table in HEADER_TABLES[1:]:
            given = any(header.get(column, "").strip() for column in own_columns(table))
            if given or (table == "UASC" and flag == "1"):
                self.rows[table].append(({**header, **inherited}, line))
        for table, fields, at in child.rows:
            self.rows[table].append(({**fields, **inherited}, at))


#: expat's code for a declaration naming another encoding than the file is in.
_INCORRECT_ENCODING: Final = expat.errors.codes[expat.errors.XML_ERROR_INCORRECT_ENCODING]


def _encoding_problem(file: Path, source: str) -> Problem:
    """The problem of an XML file whose declaration names another encoding than the
    one it is in: which that is, where its byte-order mark says (UTF-16), and the fix."""
    with file.open("rb") as stream:
        start = stream.read(2)
    found = utf_16_problem(source, start, "XML")
    written = "" if found is None else f": {found.note}"
    return Problem(source, "not well-formed XML: the declaration names another encoding "
                   f"than the file is in{written}", line=1,
                   expected="an encoding=\"...\" in the declaration that the file is written in",
                   fix='declare encoding="UTF-16", or save the file as UTF-8'
                   if found is not None else "save the file in the encoding it declares")


def _parse(file: Path, source: str, problems: list[Problem]) -> _Walk | None:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    walk = _Walk(parser, source, problems)
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.CharacterDataHandler = walk.text_of
    parser.StartDoctypeDeclHandler = lambda *_: _refuse_declaration(parser, source)
    parser.EntityDeclHandler = lambda *_: _refuse_declaration(parser, source)
    try:
        with file.open("rb") as stream:
            parser.ParseFile(stream)
    except expat.ExpatError as exc:
        problems.append(_encoding_problem(file, source) if exc.code == _INCORRECT_ENCODING
                        else Problem(source, "not well-formed XML", line=exc.lineno,
                                     expected=_EXPECTED_XML, found=expat.ErrorString(exc.code)))
        return None
    except DataError:
        raise
    except (LookupError, UnicodeError, ValueError) as exc:  # an encoding expat cannot use
        problems.append(Problem(source, "cannot read the XML's encoding", line=1,
                                expected="UTF-8, UTF-16 or an encoding Python knows",
                                found=type(exc).__name__))
        return None
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}"
                               ) from None
    return walk


def read_xml_return(file: str | Path, problems: list[Problem]) -> dict[str, Table] | None:
    """The tables of the SSDA903 return in the XML file ``file``, each with every
    column of the table (a field the XML leaves out is a blank cell); ``None`` where
    the file cannot be read as the return's XML (a read limit passed among the
    reasons). Every problem is added to ``problems``."""
    try:
        path = checked_file(file)
        walk = _parse(path, str(path), problems)
    except DataError as exc:
        problems.extend(exc.problems)
        return None
    source = str(path)
    if walk is None or walk.foreign:
        return None
    tables: dict[str, Table] = {}
    for name in XML_TABLES:
        rows = walk.rows[name]
        columns = TABLE_COLUMNS[name]
        headings = {column: element(column) for column in columns}
        cells = {column: [row.get(column) for row, _ in rows] for column in columns}
        found: list[Problem] = []
        tables[name] = check_table(name, source, headings, cells,
                                   [line for _, line in rows], found)
        problems.extend(found if name == "Header" else
                        (p for p in found if p.field not in _INHERITED))
    return tables
