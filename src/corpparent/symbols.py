"""Official-statistics symbols that stand in published tables where a number would.

The Government Statistical Service's guidance on symbols in tables, as used by the
Department for Education's Explore Education Statistics files, writes a symbol in a
cell that has no publishable number. corpparent keeps the symbol as a status beside the
value and never reads it as a number: a suppressed value is not zero.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = ["OFFICIAL_SYMBOLS", "is_symbol", "symbol_meaning"]

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
