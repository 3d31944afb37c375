"""Reading input files into text or decoded data, every failure a DataError naming the file."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

from corpparent.errors import DataError

__all__ = ["decode", "read_text"]


def read_text(path: str | os.PathLike[str], suffixes: tuple[str, ...]) -> tuple[str, str, str]:
    """``(source, suffix, text)`` of a UTF-8 file (a byte-order mark is dropped) whose
    name ends in one of ``suffixes``."""
    file = Path(path)
    source = str(file)
    suffix = file.suffix.lower()
    if suffix not in suffixes:
        raise DataError.single(source, f"expected a {' or '.join(suffixes)} file")
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DataError.single(source, f"cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataError.single(source, f"is not UTF-8 text: {exc.reason}") from exc
    return source, suffix, text


def decode(text: str, suffix: str, source: str) -> object:
    """``text`` decoded as TOML (``.toml``) or JSON (anything else)."""
    try:
        return tomllib.loads(text) if suffix == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError.single(source, f"is not valid TOML: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataError.single(
            source, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
