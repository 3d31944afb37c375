"""Reading a council's SSDA903 return, as it holds it: a folder of CSV tables per
collection year, or the year's XML as the DfE collects it.

A year's tables are the CSV files of one folder, each named by its table: ``Header.csv``,
``Episodes.csv``, ``OC2.csv``, ``Missing.csv`` and any other table of the return
(``Reviews``, ``UASC``, ``OC3``, ``AD1``, ``PlacedAdoption``, ``PrevPerm``,
``SWEpisodes``, ``DoLo``), read and kept. A file's name may carry a prefix before its
table's name, ``903_2024_Episodes.csv``; case does not matter. The Header and Episodes
tables must be there; a CSV file that is none of the tables is a problem, as its rows
would otherwise be silently left out.

A year's folder may instead hold the year's return as one XML file (any name ending
``.xml``), read by [`read_xml_return`][corpparent.files.ssda903.xml_return.read_xml_return]
into the same tables; a folder holding both CSV tables and an XML file is a problem, as
one would be read in place of the other.

Which collection year a folder holds is said by its name or by the caller
([`read_returns`][corpparent.files.ssda903.reader.read_returns]): a folder named ``2023-24`` holds
that year (so does one named ``2023-2024``, ``2023_24`` or ``2023_2024``); a folder holding such
folders holds each of them, and another folder beside them whose name begins with a year
(``2023-25``, ``2023``) is a problem, as it would otherwise be left out unsaid; any other folder
is read as the year given with ``year=``. An XML file may be given itself: its year is the one
its name holds (``SSDA903_2023-24.xml``), else the one given with ``year=``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from corpparent.errors import DataError, PeriodError, Problem
from corpparent.files._tabular.limits import current_limits, reading_limits
from corpparent.files._tabular.problems import in_file_order
from corpparent.files.ssda903.cells import read_table
from corpparent.files.ssda903.xml_return import read_xml_return
from corpparent.periods import FinancialYear
from corpparent.ssda903.codes import TABLE_COLUMNS
from corpparent.ssda903.returns import Return, Returns, Table, collection_year

__all__ = ["read_returns"]

#: The tables a year's folder must hold.
NEEDED: Final = ("Header", "Episodes")
_YEAR_NAME: Final = re.compile(r"\d{4}-\d{2}")
#: A folder's name as a council writes a collection year: 2023-24, 2023-2024, 2023_24,
#: 2023_2024 or 2023 24.
_FOLDER_YEAR: Final = re.compile(r"(\d{4})[-_ ](\d{2}|\d{4})")
_WHERE_YEAR: Final = ("a folder named as a collection year (2023-24), a folder holding "
                      "such folders, or the year given (--year 2023-24 on the command "
                      "line, year=\"2023-24\" in Python)")
_XML: Final = ".xml"


def _table_of(file: Path) -> str | None:
    """The table a CSV file holds, by its name: the table's name, alone or after a
    prefix ending in ``_``, ``-``, a space or a dot."""
    stem = file.stem.casefold()
    for name in sorted(TABLE_COLUMNS, key=len, reverse=True):
        table = name.casefold()
        if stem == table or (stem.endswith(table)
                             and stem[-len(table) - 1] in "_- ."):
            return name
    return None


def _xml_file(file: Path, given: FinancialYear | None,
              problems: list[Problem]) -> list[tuple[FinancialYear, Path]]:
    """An XML file given itself, with its year: the one its name holds, else the one
    given."""
    named = _YEAR_NAME.search(file.stem)
    if named is None and given is not None:
        return [(given, file)]
    if named is None:
        problems.append(Problem(str(file), "cannot tell the collection year of the XML file",
                                expected="a name holding the year (SSDA903_2023-24.xml) "
                                "or the year given (--year 2023-24 on the command line, "
                                "year=\"2023-24\" in Python)"))
        return []
    try:
        return [(collection_year(named[0]), file)]
    except PeriodError as exc:
        problems.append(Problem(str(file), str(exc)))
        return []


def _year_folders(paths: Iterable[Path], year: str | None,
                  problems: list[Problem]) -> list[tuple[FinancialYear, Path]]:
    """Each folder of one year's tables, with its year."""
    found: list[tuple[FinancialYear, Path]] = []
    given = None if year is None else collection_year(year)
    for path in paths:
        if path.is_file() and path.suffix.casefold() == _XML:
            found.extend(_xml_file(path, given, problems))
            continue
        if not path.is_dir():
            problems.append(Problem(str(path), "cannot read the return",
                                    expected="a folder of the return's CSV tables or its "
                                    "XML file",
                                    found="no folder" if not path.exists() else "a file"))
            continue
        named = _FOLDER_YEAR.fullmatch(path.name)
        if named:
            try:
                found.append((collection_year(f"{named[1]}-{named[2][-2:]}"
                                              if len(named[2]) == 2
                                              or int(named[2]) == int(named[1]) + 1
                                              else path.name), path))
            except PeriodError as exc:
                problems.append(Problem(str(path), str(exc)))
            continue
        folders = sorted(p for p in path.iterdir() if p.is_dir())
        inner = [p for p in folders if _FOLDER_YEAR.fullmatch(p.name)]
        if inner:
            # A folder beside them that names a year otherwise ("FY2023-24", "SSDA903
            # 2023-24", "2023-24 final") is said, never passed over: its year's figures
            # would be worked out without it.
            problems.extend(Problem(str(p), "a folder not named as a collection year, "
                                    "beside the year folders", expected=_WHERE_YEAR)
                            for p in folders if p not in inner and (
                                p.name[:4].isdigit() or _FOLDER_YEAR.search(p.name)))
            found.extend(_year_folders(inner, None, problems))
        elif given is not None:
            found.append((given, path))
        else:
            problems.append(Problem(str(path), "cannot tell the collection year of the "
                                    "folder", expected=_WHERE_YEAR))
    return found


def _xml_year(year: FinancialYear, file: Path, problems: list[Problem]) -> Return | None:
    """One year's return from its XML file; ``None`` where it cannot be read."""
    tables = read_xml_return(file, problems)
    return None if tables is None else Return(year, tables)


def _year(year: FinancialYear, folder: Path, problems: list[Problem]) -> Return | None:
    """One year's return from its folder, or its XML file; ``None`` where a table is
    refused."""
    if folder.is_file():
        return _xml_year(year, folder, problems)
    xml = sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.casefold() == _XML)
    tables_too = [f.name for f in sorted(folder.iterdir())
                  if f.is_file() and f.suffix.casefold() == ".csv"]
    if len(xml) > 1 or (xml and tables_too):
        problems.append(Problem(str(folder), "the folder holds more than one return",
                                expected="the year's CSV tables or one XML file",
                                found=", ".join([*(f.name for f in xml), *tables_too])))
        return None
    if xml:
        return _xml_year(year, xml[0], problems)
    files: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if not file.is_file() or file.suffix.casefold() != ".csv":
            continue
        name = _table_of(file)
        if name is None:
            problems.append(Problem(str(file), "not a table of the SSDA903 return",
                                    expected="a CSV file named by its table: "
                                    + ", ".join(TABLE_COLUMNS)))
        elif name in files:
            problems.append(Problem(str(file), f"a second {name} table in the folder",
                                    expected=f"one, found {files[name].name} too"))
        else:
            files[name] = file
    for name in NEEDED:
        if name not in files:
            problems.append(Problem(str(folder), f"the {year} return has no {name} table",
                                    expected=f"a file named {name}.csv"))
    tables: dict[str, Table] = {}
    complete = True
    for name, file in files.items():
        table = read_table(name, file, problems)
        if table is None:
            complete = False
        else:
            tables[name] = table
    if not complete or any(name not in files for name in NEEDED):
        return None
    return Return(year, tables)


def read_returns(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                 year: str | None = None) -> Returns:
    """The SSDA903 returns in ``paths``: a folder, or several, of one or more collection
    years' CSV tables or XML files, or an XML file itself (see the module's description
    for how a folder's year is known; ``year`` names the year of a folder or file whose
    name does not).

    Every row of every table is accepted or reported: all problems of all files are
    raised together as one [`DataError`][corpparent.errors.DataError], each naming its file,
    line and field, never a child's identifier or personal details. Dates must be
    written ``dd/mm/yyyy``, in the XML as in the CSV tables. The same read limits as
    every other reader apply
    ([`corpparent.files.reading_limits`][corpparent.files.reading_limits]).
    """
    listed = [Path(paths)] if isinstance(paths, str | os.PathLike) \
        else [Path(p) for p in paths]
    if not listed:
        raise DataError.single("paths", "no folder given", expected=_WHERE_YEAR)
    try:
        limits = current_limits()  # the process's limits found once, not for each file
    except DataError:
        return _read_returns(listed, year)  # each file says the limit it cannot read by
    with reading_limits(limits):
        return _read_returns(listed, year)


def _read_returns(listed: list[Path], year: str | None) -> Returns:
    """The returns in the paths ``listed``, read within the limits in force."""
    problems: list[Problem] = []
    folders = _year_folders(listed, year, problems)
    seen: dict[FinancialYear, Path] = {}
    for found, folder in folders:
        if found in seen:
            problems.append(Problem(str(folder), f"a second folder for {found}",
                                    expected=f"one, found {seen[found]} too"))
        seen.setdefault(found, folder)
    returns = [_year(found, folder, problems) for found, folder in seen.items()]
    if problems:
        raise DataError(in_file_order(problems))
    if not seen:
        raise DataError.single(str(listed[0]), "no collection year's tables found",
                               expected=_WHERE_YEAR)
    return Returns([r for r in returns if r is not None])
