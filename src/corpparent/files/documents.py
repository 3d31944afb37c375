"""Reading a whole TOML or JSON document, with the line of every key kept.

Obligations files, membership files, authority plug-ins and JSON record files are
documents: decoded whole, then validated. :func:`read_document` decodes one and returns,
beside the data, the :class:`~corpparent.files.problems.Locator` that places each key
path on the line where it is written, so every problem found later names its line. A
file that cannot be read or decoded is a :class:`~corpparent.errors.DataError` naming the
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
from corpparent.files import json_lines, toml_lines
from corpparent.files.problems import Locator

__all__ = ["decode_document", "read_document", "read_text"]

_TOML_LINE = re.compile(r"at line (\d+)")


def read_text(path: str | os.PathLike[str], suffixes: tuple[str, ...] = ()) -> str:
    """The UTF-8 text of a file (a byte-order mark dropped) whose name ends in one of
    ``suffixes`` (any, if none are given)."""
    file = Path(path)
    source = str(file)
    if suffixes and file.suffix.lower() not in suffixes:
        raise DataError.single(source, expected=f"a {' or '.join(suffixes)} file",
                               found=f"a {file.suffix or 'file without a suffix'} file")
    if not file.is_file():
        raise DataError.single(source, "file not found")
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
        return data, Locator(source, line=1, lines=toml_lines.key_lines(text))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError.single(source, f"invalid JSON: {exc.msg} (line {exc.lineno}, column "
                               f"{exc.colno})", line=exc.lineno) from None
    return data, Locator(source, line=1, lines=json_lines.key_lines(text))


def read_document(path: str | os.PathLike[str], suffixes: tuple[str, ...] = (".toml", ".json")
                  ) -> tuple[Any, Locator]:
    """The decoded content of a ``.toml`` or ``.json`` file (by its suffix), and the
    locator that places each of its keys on its line."""
    text = read_text(path, suffixes)
    return decode_document(text, str(path), Path(path).suffix.lower() == ".toml")
