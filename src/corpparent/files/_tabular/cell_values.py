"""A value held in Python (a cell of a list of dicts, of a pandas object column, of an
Arrow column) as the text a CSV cell holds, or nothing where no CSV cell could hold it.

A CSV file holds text; what a script hands corpparent in memory holds Python values. The
values a CSV file can hold become the text `cell_text`
gives a workbook's cell (a whole number without ``.0``, a date as ``2023-07-10``), so a
table is checked the same way whichever route it comes by. A value no cell can hold (a
list, a dict, bytes, an object of the caller's own) is not guessed at: `value_text`
returns ``None`` and the reader reports it at its place, with `kind_of` saying
what was found.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from numbers import Integral, Real
from typing import Final

__all__ = ["ACCEPTED_VALUES", "cell_text", "kind_of", "value_text"]

#: What a cell of a table held in memory may be, as a problem says it.
ACCEPTED_VALUES: Final = "text, a number, true or false, a date or time, or nothing"

#: The missing-value markers of pandas (``pd.NA``, ``pd.NaT``), known by their type's
#: name so corpparent needs no pandas to recognise them.
_MISSING_TYPES: Final = frozenset({"NAType", "NaTType"})


def cell_text(value: object) -> str:
    """A cell's value as a CSV file would write it: a whole number without ``.0``, a
    date (at midnight) as ``2023-07-10``, nothing as the empty text."""
    if type(value) is str:  # most cells: returned before any other test
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def value_text(value: object, *, nan_is_missing: bool = False) -> str | None:
    """``value`` as a CSV cell's text, or ``None`` if no CSV cell could hold it.

    ``None`` and pandas' ``NA`` and ``NaT`` are the empty cell. A float's NaN is the
    text ``NaN`` (refused later wherever a number is wanted, as it is in a CSV file),
    unless ``nan_is_missing``: in a pandas object column NaN is pandas' own mark for a
    missing value, and ``to_csv`` writes it as an empty cell.
    """
    if type(value) is str:  # most cells: returned before any other test
        return value
    if value is None or type(value).__name__ in _MISSING_TYPES:
        return ""
    if isinstance(value, str):  # a subclass, such as numpy's str_
        return str.__str__(value)
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return cell_text(bool(value))
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Decimal):
        return "" if value.is_nan() and nan_is_missing else str(value)
    if isinstance(value, Real):
        number = float(value)
        if math.isnan(number):  # as polars writes it; pandas' own mark for a missing value
            return "" if nan_is_missing else "NaN"
        return cell_text(number)
    if isinstance(value, dt.datetime):
        nanoseconds: int = getattr(value, "nanosecond", 0)  # a pandas Timestamp's
        if value.tzinfo is not None or nanoseconds or value.time() != dt.time():
            # the instant (and its offset), never the day alone, as pandas' to_csv
            # writes it (a space between the day and the time)
            return value.isoformat(sep=" ")
        return cell_text(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return None


def kind_of(value: object) -> str:
    """What ``value`` is, as a problem names it: ``a list``, ``bytes``, ``a Widget``."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "bytes"
    return f"a {type(value).__name__}"
