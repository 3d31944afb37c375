"""The days written in a column of the SSDA903 return's text, ``dd/mm/yyyy`` in ASCII
digits, read as NumPy's days a whole column at a time.

A cell names a day only where it is exactly ten bytes of that shape naming a day of the
proleptic Gregorian calendar (as the DfE's own validator reads them): ``31/02/2024``,
``1/4/23`` or ``2023-04-01`` names none. The column's bytes are read in pairs, each
looked up in a table of every pair, so that a million cells cost a few passes of NumPy.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from corpparent.files._tabular.text_arrays import offsets_of, text_bytes

__all__ = ["read_days"]

Days = npt.NDArray[np.datetime64]
Flags = npt.NDArray[np.bool_]

#: The days of each month of a year that is not a leap year.
_MONTH_DAYS: Final = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int32)


def read_days(text: pa.Array) -> tuple[Days, Flags]:
    """The day each cell names, written dd/mm/yyyy in ASCII digits (``NaT`` where
    none), and whether it names one.

    Each cell of ten bytes is read as five pairs of bytes, each pair looked up in a
    table of every pair (`_PAIRS`): two digits (the day, not ``00``; each half of the
    year), a slash and a digit, a digit and a slash (the month's). A pair of any other
    shape is far below zero, and so is any sum it is part of. The day is then counted
    from the start of its year and month, each found in a table, and is a day of the
    calendar where it is within its month's length (none for a month but 1 to 12, or
    the year 0000). A column every cell of which names a day (the usual one) is counted
    straight into its days."""
    sized = np.diff(offsets_of(text)) == 10
    every = bool(sized.all())
    if not every and not sized.any():
        return np.full(len(text), np.datetime64("NaT"), dtype="datetime64[D]"), sized
    written = text if every else text.filter(pa.array(sized))
    pairs = text_bytes(written).view("<u2").reshape(-1, 5)
    days_of_month, digits, slash_digit, digit_slash = _PAIRS
    day = days_of_month[pairs[:, 0]]
    month = slash_digit[pairs[:, 1]] + digit_slash[pairs[:, 2]]
    year = digits[pairs[:, 3]] * 100 + digits[pairs[:, 4]]
    shaped = (day | month | year) >= 0  # no part below zero
    if shaped.all():
        of_year = _LEAP_YEAR[year] + month
        real = day <= _MONTH_LENGTH[of_year]
    else:
        month = np.where(shaped, month, 0)  # another month and year only where refused
        year = np.where(shaped, year, 0)
        of_year = _LEAP_YEAR[year] + month
        real = shaped & (day <= _MONTH_LENGTH[of_year])
    counted = _YEAR_START[year] + _MONTH_START[of_year] + day
    if every and real.all():
        return counted.astype("datetime64[D]"), real
    days = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[D]")
    valid = np.zeros(len(text), dtype=bool)
    at = np.flatnonzero(sized)[real]
    days[at] = counted[real].astype("datetime64[D]")
    valid[at] = True
    return days, valid


def _day_number(year: npt.NDArray[np.int32], month: npt.NDArray[np.int32],
                day: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    """The days from 1 January 1970 to each date of the proleptic Gregorian calendar
    (as NumPy counts them), by whole numbers: the year taken to begin on 1 March, so
    that a leap day falls at its end, and counted in 400-year cycles of 146,097 days."""
    shifted = year.astype(np.int64) - (month <= 2)
    cycle = shifted // 400
    of_cycle = shifted - cycle * 400
    of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    of_cycle_days = of_cycle * 365 + of_cycle // 4 - of_cycle // 100 + of_year
    result: npt.NDArray[np.int64] = cycle * 146_097 + of_cycle_days - 719_468
    return result


def _pair_tables() -> tuple[npt.NDArray[np.int32], ...]:
    """For each pair of bytes (as a 16-bit number in the machine's order): its two
    digits' value but for ``00`` (a day of the month), its two digits' value, ten
    times the digit after a slash, and the digit before a slash; `_REFUSED` where the
    pair is not of that shape."""
    tables = tuple(np.full(1 << 16, _REFUSED, dtype=np.int32) for _ in range(4))
    digits = np.arange(10, dtype=np.int32)
    zero, slash = ord("0"), ord("/")
    for tens in range(10):
        tables[1][((zero + tens) << 8) + zero + digits] = tens * 10 + digits
    tables[0][:] = tables[1]
    tables[0][(zero << 8) + zero] = _REFUSED
    tables[2][(slash << 8) + zero + digits] = digits * 10
    tables[3][((zero + digits) << 8) + slash] = digits
    # Indexed by the pair read as the machine reads two bytes, without a byte swap.
    swapped = np.arange(1 << 16, dtype=np.uint16).view(">u2").astype(np.int64) \
        if np.little_endian else np.arange(1 << 16)
    return tuple(table[swapped] for table in tables)


#: Far enough below zero that a sum holding it stays below zero.
_REFUSED: Final = -30_000
_PAIRS: Final = _pair_tables()
_YEARS: Final = np.arange(10_000, dtype=np.int32)
#: For each year of four digits, where its months are found in `_MONTH_LENGTH` and
#: `_MONTH_START`: 100 where it is a leap year, 0 where not, and 200 for the year 0000,
#: which has none.
_LEAP_YEAR: Final = ((_YEARS % 4 == 0) & ((_YEARS % 100 != 0) | (_YEARS % 400 == 0))
                     ).astype(np.int32) * 100
_LEAP_YEAR[0] = 200
#: The day number (from 1 January 1970) of the day before 1 January of each year from 1
#: to 9999, so that adding a day of the month (from 1) gives the day's.
_YEAR_START: Final = (_day_number(np.maximum(_YEARS, 1), np.ones_like(_YEARS),
                                  np.ones_like(_YEARS)) - 1).astype(np.int32)
#: The length of each month written with two digits (0 for none but 1 to 12), and the
#: days of the year before it, of a common year (at 0 to 99) and of a leap year (at
#: 100 to 199); none at 200 to 299, for the year 0000.
_MONTH_LENGTH: Final = np.zeros(300, dtype=np.int32)
_MONTH_START: Final = np.zeros(300, dtype=np.int32)
for _leap in (0, 1):
    _lengths = _MONTH_DAYS + np.array([0, _leap] + [0] * 10, dtype=np.int32)
    _MONTH_LENGTH[_leap * 100 + 1:_leap * 100 + 13] = _lengths
    _MONTH_START[_leap * 100 + 1:_leap * 100 + 13] = np.cumsum(_lengths) - _lengths
