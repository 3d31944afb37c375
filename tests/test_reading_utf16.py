"""UTF-16 text (as Excel's "Unicode Text" saves, with its byte-order mark): a CSV file in
it is refused, naming the encoding and how to save it as CSV, never read as Windows-1252
and reported as unknown columns; an SSDA903 XML file in it is read as its declaration
says, and one whose declaration names another encoding says which it is in."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from corpparent import DataError, read_readings
from corpparent.files import read_returns
from corpparent.files.ssda903.writer import write_returns
from corpparent.files.ssda903.xml_writer import write_xml_returns
from corpparent.plugins import load_profile
from corpparent.ssda903.synthetic import synthesise

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
ORDERS = [("utf-16-le", codecs.BOM_UTF16_LE, "little-endian"),
          ("utf-16-be", codecs.BOM_UTF16_BE, "big-endian")]


def _utf_16(text: str, codec: str, mark: bytes) -> bytes:
    return mark + text.encode(codec)


@pytest.mark.parametrize(("codec", "mark", "order"), ORDERS)
def test_a_utf_16_readings_file_is_refused_naming_its_encoding(
        tmp_path: Path, codec: str, mark: bytes, order: str) -> None:
    file = tmp_path / "readings.csv"
    file.write_bytes(_utf_16(READINGS.read_text(encoding="utf-8"), codec, mark))
    with pytest.raises(DataError) as caught:
        read_readings(file, load_profile("wiltshire").indicators)
    [problem] = caught.value.problems
    assert str(problem) == (
        f"{file}, line 1: the file is UTF-16 text ({order}, by its byte-order mark); "
        'expected a CSV file in UTF-8; in Excel, "Save as" "CSV UTF-8 (Comma delimited)", '
        'not "Unicode Text"')


def test_a_utf_16_table_of_a_return_is_refused_naming_its_encoding(tmp_path: Path) -> None:
    write_returns(synthesise(20, 1), tmp_path)
    [header] = tmp_path.rglob("Header.csv")
    folder = header.parent
    header.write_bytes(_utf_16(header.read_text(encoding="utf-8"), "utf-16-le",
                               codecs.BOM_UTF16_LE))
    with pytest.raises(DataError) as caught:
        read_returns(folder)
    messages = [str(problem) for problem in caught.value.problems]
    assert any("Header.csv, line 1: the file is UTF-16 text (little-endian" in message
               for message in messages), messages
    assert not any("unknown column" in message for message in messages)


def _xml_return(folder: Path) -> Path:
    write_xml_returns(synthesise(20, 1), folder)
    [file] = folder.rglob("*.xml")
    return file


@pytest.mark.parametrize(("codec", "mark", "order"), ORDERS)
def test_a_utf_16_xml_return_is_read_as_its_declaration_says(
        tmp_path: Path, codec: str, mark: bytes, order: str) -> None:
    file = _xml_return(tmp_path / "utf8")
    expected = read_returns(file)
    text = file.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    wide = tmp_path / "utf16" / file.parent.name / file.name
    wide.parent.mkdir(parents=True)
    wide.write_bytes(_utf_16(text, codec, mark))
    got = read_returns(wide)
    assert list(got) == list(expected)
    for year in expected:
        assert _cells(got[year]) == _cells(expected[year])


def _cells(found: Any) -> dict[str, dict[str, list[str]]]:
    """The Header's and Episodes' cells of a year's return, column by column."""
    return {name: {column: [str(value) for value in values] for column, values
                   in found.table(name).columns.items()} for name in ("Header", "Episodes")}


def test_an_xml_return_declared_utf_8_but_in_utf_16_says_so(tmp_path: Path) -> None:
    file = _xml_return(tmp_path)
    file.write_bytes(_utf_16(file.read_text(encoding="utf-8"), "utf-16-le",
                             codecs.BOM_UTF16_LE))
    with pytest.raises(DataError) as caught:
        read_returns(file)
    [problem] = caught.value.problems
    assert problem.line == 1
    assert problem.note == ("not well-formed XML: the declaration names another encoding "
                            "than the file is in: the file is UTF-16 text (little-endian, by "
                            "its byte-order mark)")
    assert problem.fix == 'declare encoding="UTF-16", or save the file as UTF-8'
