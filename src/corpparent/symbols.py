"""Official-statistics symbols that stand in published tables where a number would, and
how a published cell is read as a number or a symbol.

The Government Statistical Service's guidance on symbols in tables, as used by the
Department for Education's Explore Education Statistics files, writes a symbol in a
cell that has no publishable number. corpparent keeps the symbol as a status beside the
value and never reads it as a number: a suppressed value is not zero.
"""

from __future__ import annotations

import math
import re
from types import MappingProxyType
from typing import Final

__all__ = [
    "MAX_MAGNITUDE",
    "MAX_NUMBER_LENGTH",
    "OFFICIAL_SYMBOLS",
    "has_stray_comma",
    "is_symbol",
    "number_or_symbol",
    "optional_number",
    "symbol_meaning",
]

#: Symbol -> meaning. Sources: GSS "Symbols in tables, definitions and help" and the
#: EES data-file guidance followed by the DfE children-looked-after files.
OFFICIAL_SYMBOLS: Final = MappingProxyType(
    {
        "c": "confidential: suppressed to protect individuals",
        "low": "a positive number too small to show (rounds to zero)",
        "k": "a positive number that rounds to zero",
        "u": "low reliability",
        "x": "not available",
        "z": "not applicable",
        ":": "not available",
        "..": "not available",
        "~": "a positive number that rounds to zero",
    }
)


def is_symbol(text: str) -> bool:
    """Whether ``text`` (stripped, any case) is an official symbol."""
    return len(text) <= MAX_NUMBER_LENGTH and text.strip().lower() in OFFICIAL_SYMBOLS


def symbol_meaning(text: str) -> str:
    """What the symbol means, e.g. ``'c'`` -> ``'confidential: ...'``."""
    return OFFICIAL_SYMBOLS[text.strip().lower()]


def _as_float(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            raise _NotFiniteError(f"expected a number of at most {MAX_MAGNITUDE:g}, got "
                                  f"a number of {len(str(abs(value))):,} digits") from None
    elif isinstance(value, str):
        if len(value) > MAX_NUMBER_LENGTH:
            raise ValueError(f"expected a number, got a text of {len(value):,} characters")
        text = _without_thousands(value) if "," in value else value
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"expected a number, got {_short(value)}") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not math.isfinite(number):
        raise _NotFiniteError(f"expected a finite number, got {_short(value)}")
    if abs(number) > MAX_MAGNITUDE:
        raise _NotFiniteError(f"expected a number of at most {MAX_MAGNITUDE:g}, got "
                              f"{_short(value)}")
    return number


#: A number whose commas group its whole part in threes: ``1,234``, ``-12,345,678.5``.
_THOUSANDS: Final = re.compile(r"\s*[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]*)?\s*")


def has_stray_comma(text: str) -> bool:
    """Whether ``text`` holds a comma that does not separate thousands (``7,5``,
    ``0,119``, ``1,23,456``), which no number is read with; a per cent sign after the
    number (``1,234%``) is left aside."""
    return "," in text and not _THOUSANDS.fullmatch(text.rstrip().removesuffix("%"))


def _without_thousands(text: str) -> str:
    """``text`` without the commas that separate its thousands (``1,234`` is ``1234``);
    any other comma (``7,5``, ``0,119``, ``1,23,456``) is a decimal comma or a grouping
    that is not in thousands, and reading it either way could be a wrong figure, so it
    is refused, saying how to write the number."""
    if not has_stray_comma(text):
        return text.replace(",", "")
    if not re.fullmatch(r"\s*[+-]?[0-9.,]*[0-9][0-9.,]*\s*%?\s*", text):
        return text  # not a number however its commas are read
    shown = _short(text.strip())
    if re.fullmatch(r"\s*[+-]?[0-9]+,[0-9]+\s*%?\s*", text):
        written = text.strip().replace(",", ".")
        raise _DecimalCommaError(f"a decimal comma is not read: write {written!r}, not "
                                 f"{shown} (a comma is read only between groups of three "
                                 "digits, as in 1,234)")
    raise _DecimalCommaError(f"a comma is read only between groups of three digits (1,234 "
                             "or 12,345,678.5), and a decimal comma is not read: write the "
                             f"number with a decimal point and no other comma, not {shown}")


#: The largest magnitude a published figure may have. No count, rate, percentage or
#: score of children's services comes near it (England has about 12 million children),
#: and a figure beyond it (``1.7e308``) would become infinite when converted or summed.
MAX_MAGNITUDE: Final = 1e15
#: The longest text read as a number: a 400-digit number is not a published figure.
MAX_NUMBER_LENGTH: Final = 64


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _NotFiniteError(ValueError):
    """A number, but NaN or infinite."""


class _DecimalCommaError(ValueError):
    """A number written with a comma that does not separate thousands."""


def optional_number(value: object) -> float | None:
    """blank or null is ``None``, else a finite number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _as_float(value)


def number_or_symbol(value: object) -> float | str | None:
    """a finite number, an official symbol, or blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and is_symbol(value):
        return value.strip().lower()
    try:
        return _as_float(value)
    except (_NotFiniteError, _DecimalCommaError):
        raise
    except ValueError:
        symbols = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)
        raise ValueError(
            f"expected a number or an official symbol ({symbols}), got {_short(value)}"
        ) from None
