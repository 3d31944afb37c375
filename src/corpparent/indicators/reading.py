"""A reading: the value of one indicator for one period.

A reading holds its value in the indicator's own unit, with the numerator,
denominator and population where they are known (percentages and rates aggregate
from those, never by averaging). A published value may be withheld: then ``value``
is ``None`` and ``symbol`` keeps the official-statistics symbol (``c``, ``x`` ...), so
the gap is reported, never read as zero.
"""

from __future__ import annotations

from typing import final

from attrs import field, frozen

from corpparent.errors import DataError, Problem
from corpparent.periods import Period
from corpparent.symbols import (
    MAX_MAGNITUDE,
    OFFICIAL_SYMBOLS,
    is_symbol,
    optional_number,
    symbol_meaning,
)

__all__ = ["Reading", "unavailable_reason"]


@final
@frozen
class Reading:
    """The value of ``indicator`` for ``period``, in the indicator's unit."""

    indicator: str
    period: Period
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    population: float | None = None
    symbol: str | None = None
    source: str | None = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        """Check a reading built in Python as a row of a file is checked: each number
        finite and of a size a figure can have, a symbol an official one. A text given
        as the value is read as a symbol (``Reading(..., "c")`` is withheld, not a
        number); any other text is refused, never read as a number."""
        value: object = self.value
        if (self.numerator is None and self.denominator is None and self.population is None
                and ((value is None and (self.symbol is None or (
                    type(self.symbol) is str and self.symbol in OFFICIAL_SYMBOLS)))
                     or (type(value) is float and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
                         and self.symbol is None))):
            return  # most readings: a number in range, or a symbol as it is kept
        problems: list[Problem] = []
        where = self.source or f"the reading of {self.indicator!r} for {self.period}"
        if isinstance(value, str):
            if not is_symbol(value) or self.symbol is not None:
                problems.append(Problem(where, field="value", expected="a number or an "
                                        "official symbol", found=_shown(value)))
            else:
                object.__setattr__(self, "symbol", value.strip().lower())
                object.__setattr__(self, "value", None)
        for name in ("value", "numerator", "denominator", "population"):
            number: object = getattr(self, name)
            if number is None or isinstance(number, str) or (
                    type(number) is float and abs(number) <= MAX_MAGNITUDE):
                continue  # blank, a text refused above, or a number already in range
            try:
                object.__setattr__(self, name, optional_number(number))
            except ValueError as exc:
                problems.append(Problem(where, str(exc), field=name))
        if self.symbol is not None:
            symbol: object = self.symbol
            if not isinstance(symbol, str) or not is_symbol(symbol):
                problems.append(Problem(where, field="symbol", expected="an official "
                                        "symbol", found=_shown(symbol)))
            else:
                object.__setattr__(self, "symbol", symbol.strip().lower())
        if problems:
            raise DataError(problems)

    @property
    def is_available(self) -> bool:
        """Whether the reading has a number."""
        return self.value is not None

    @property
    def unavailable_reason(self) -> str:
        """Why there is no number, in words ("suppressed (c): confidential ...")."""
        return unavailable_reason(self.symbol)


def unavailable_reason(symbol: str | None) -> str:
    """Why a reading with ``symbol`` (or none) has no number, in words."""
    if symbol is not None:
        return f"value withheld ({symbol}: {symbol_meaning(symbol)})"
    return "no value given"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
