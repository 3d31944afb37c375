"""Exact fractions for quorum and attendance thresholds.

"70% of 10" must require 7, not 8: in binary floating point ``0.7 * 10`` is
``7.000000000000001`` and rounds up to 8. Thresholds are therefore held as
`fractions.Fraction`, read from ``Fraction``, ``int``, ``float`` (through its
decimal text, so ``0.7`` is exactly 7/10) or text such as ``"75%"``, ``"3/4"``, ``"0.75"``.
"""

from __future__ import annotations

import math
from fractions import Fraction

from corpparent.errors import DefinitionError

__all__ = ["ceil_of", "fraction_text", "proportion", "to_fraction"]


def to_fraction(value: Fraction | int | float | str) -> Fraction:
    """Read a proportion exactly; text may end in ``%``."""
    if isinstance(value, bool):
        raise DefinitionError(f"a proportion must be a number, got {value!r}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DefinitionError(f"a proportion must be finite, got {value!r}")
        return Fraction(repr(value))
    text = str(value).strip()
    try:
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text)
    except (ValueError, ZeroDivisionError) as exc:
        raise DefinitionError(
            f"cannot read proportion {value!r}: expected e.g. '75%', '3/4' or 0.75"
        ) from exc


def proportion(value: Fraction | int | float | str) -> Fraction:
    """Like `to_fraction`, but the result must lie in (0, 1]."""
    result = to_fraction(value)
    if not 0 < result <= 1:
        raise DefinitionError(f"a proportion must be more than 0% and at most 100%, got "
                              f"{fraction_text(result)}")
    return result


def ceil_of(fraction: Fraction, whole: int) -> int:
    """``fraction`` of ``whole``, rounded up, exactly."""
    return math.ceil(fraction * whole)


def fraction_text(fraction: Fraction) -> str:
    """75% for 3/4; 1/3 where the percentage is not whole."""
    percent = fraction * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    return f"{fraction.numerator}/{fraction.denominator}"
