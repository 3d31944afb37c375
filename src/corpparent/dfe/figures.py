"""Published figures: a number, or an official symbol standing where a number would be.

A cell of a Department for Education file holds either a number or one of the
Government Statistical Service symbols (``c`` suppressed, ``z`` not applicable, ``x``
not available, ``low`` and ``k`` rounding to zero, ...). The symbol is kept as the
figure's status and never read as a number: a suppressed count is not zero.
"""

from __future__ import annotations

from typing import final

from attrs import frozen

from corpparent.symbols import OFFICIAL_SYMBOLS, number_or_symbol

__all__ = ["Figure", "parse_figure"]

_KNOWN = ", ".join(repr(symbol) for symbol in OFFICIAL_SYMBOLS)


@final
@frozen
class Figure:
    """A published value: ``value`` when a number was given, else the ``symbol``."""

    value: float | None
    symbol: str | None = None

    @property
    def is_available(self) -> bool:
        """Whether the figure is a number."""
        return self.value is not None


def parse_figure(text: str) -> Figure:
    """Read one published cell.

    A number (``9``, ``12.5``, ``7.0E-2``) gives its value; an official symbol, in any
    case, gives no value and the symbol (lower-cased). Anything else, including an
    empty cell, raises `ValueError` naming what was expected.
    """
    parsed = number_or_symbol(text)
    if parsed is None:
        raise ValueError(f"empty cell; expected a number or an official symbol ({_KNOWN})")
    if isinstance(parsed, str):
        return Figure(value=None, symbol=parsed)
    return Figure(value=parsed)
