"""Reading a whole TOML or JSON document, with the line of every key kept.

Obligations files, membership files, authority plug-ins and JSON record files are
documents: decoded whole, then validated. `read_document` decodes one and returns,
beside the data, the `Locator` that places each key
path on the line where it is written, so every problem found later names its line. A
file that cannot be read or decoded is a [`DataError`][corpparent.errors.DataError] naming the
line the decoder stopped at.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from corpparent.errors import DataError
from corpparent.files._tabular import json_lines, toml_lines
from corpparent.files._tabular.formats import DOCUMENT_FORMATS, format_of
from corpparent.files._tabular.limits import (
    check_nesting,
    checked_file,
    current_limits,
    over_limit,
)
from corpparent.files._tabular.problems import Locator

__all__ = ["check_lists", "decode_document", "read_document", "read_text"]

_TOML_LINE = re.compile(r"at line (\d+)")


def read_text(path: str | os.PathLike[str], suffixes: tuple[str, ...] = ()) -> str:
    """The UTF-8 text of a file (a byte-order mark dropped) whose name ends in one of
    ``suffixes`` (any, if none are given)."""
    file = Path(path)
    source = str(file)
    if suffixes and file.suffix.lower() not in suffixes:
        raise DataError.single(source, expected=f"a {' or '.join(suffixes)} file",
                               found=f"a {file.suffix or 'file without a suffix'} file")
    checked_file(file)
    try:
        return file.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataError.single(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}"
                               ) from exc


def decode_document(text: str, source: str, toml: bool) -> tuple[Any, Locator]:
    """``text`` decoded as TOML (or JSON), and the locator of its keys."""
    if toml:
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            raise DataError.single(source, f"not valid TOML: {exc}",
                                   line=int(found.group(1)) if found else None) from None
        except (RecursionError, ValueError) as exc:  # nested too deep, or a huge integer
            raise _unreadable(source, "TOML", exc) from None
        check_nesting(data, source)
        check_lists(data, source)
        return data, Locator(source, line=1, lines=toml_lines.key_lines(text))
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise DataError.single(source, f"invalid JSON: {exc.msg} (line {exc.lineno}, column "
                               f"{exc.colno})", line=exc.lineno) from None
    except (RecursionError, ValueError) as exc:
        raise _unreadable(source, "JSON", exc) from None
    check_nesting(data, source)
    check_lists(data, source)
    return data, Locator(source, line=1, lines=json_lines.key_lines(text))


def check_lists(data: Any, source: str, limit: str = "rows") -> None:
    """Refuse a decoded document holding a list of more items than the read limit
    ``limit`` (``rows`` for a list of records, a table's rows; ``definitions`` for a
    plug-in's indicators, ranges and rules), naming the list by its key path, before the
    document's keys are placed on their lines or any item is read."""
    rows = getattr(current_limits(), limit)
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            stack.extend((child, (*path, key)) for key, child in value.items()
                         if isinstance(child, dict | list))
        elif isinstance(value, list):
            if len(value) > rows:
                raise over_limit(source, "the list", f"{len(value):,} items", limit,
                                 field=toml_lines.format_path(path))
            stack.extend((child, (*path, index)) for index, child in enumerate(value)
                         if isinstance(child, dict | list))


#: The most digits an integer in a document may have: a count of children or a year
#: has a handful; Python refuses to read more than 4,300.
MAX_INTEGER_DIGITS = 30


def _bounded_int(text: str) -> int | str:
    """An integer as written; one of more digits than any figure has stays its text, so
    the field that holds it refuses it with its line and key (Python would refuse to
    read one of over 4,300 digits, stopping the whole document)."""
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        return text
    return int(text)


def _unreadable(source: str, language: str, exc: BaseException) -> DataError:
    if isinstance(exc, RecursionError):
        return DataError.single(source, f"not valid {language}: it nests too deeply")
    return DataError.single(source, f"not valid {language}: {exc}")


def read_document(path: str | os.PathLike[str], suffixes: tuple[str, ...] = (".toml", ".json")
                  ) -> tuple[Any, Locator]:
    """The decoded content of a ``.toml`` or ``.json`` file (by its suffix), and the
    locator that places each of its keys on its line."""
    text = read_text(path, suffixes)
    return decode_document(text, str(path), format_of(path, DOCUMENT_FORMATS).name == "toml")
