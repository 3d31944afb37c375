"""Official-statistics symbols that stand in published tables where a number would, and
how a published cell is read as a number or a symbol.

The Government Statistical Service's guidance on symbols in tables, as used by the
Department for Education's Explore Education Statistics files, writes a symbol in a
cell that has no publishable number. corpparent keeps the symbol as a status beside the
value and never reads it as a number: a suppressed value is not zero.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Final

__all__ = [
    "OFFICIAL_SYMBOLS",
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
    return text.strip().lower() in OFFICIAL_SYMBOLS


def symbol_meaning(text: str) -> str:
    """What the symbol means, e.g. ``'c'`` -> ``'confidential: ...'``."""
    return OFFICIAL_SYMBOLS[text.strip().lower()]


def _as_float(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise ValueError(f"expected a number, got {value!r}") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not math.isfinite(number):
        raise _NotFiniteError(f"expected a finite number, got {value!r}")
    return number


class _NotFiniteError(ValueError):
    """A number, but NaN or infinite."""


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
    except _NotFiniteError:
        raise
    except ValueError:
        symbols = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)
        raise ValueError(
            f"expected a number or an official symbol ({symbols}), got {value!r}"
        ) from None
