"""Readings checked a column at a time: the plain rows of a long table in a few passes of
compiled code, every other row by the row checks themselves.

A table of a million readings is mostly plain rows: a known indicator, a period read
before, and a number, an official symbol or a blank. `column_readings` finds those
with pyarrow over whole columns (`TextColumns`: a plain CSV file or Arrow
table read whole, or the records the row reader made of a sheet): each indicator
looked up against the set in one pass, each distinct period text parsed once, each
number cast in one pass. A row is taken here only where the row checks
could not say otherwise of it: its value a plain decimal (no sign, no thousands
separator, no per cent sign, at most 15 digits before and after the point) or a symbol
as the row checks write it (``c``), its unit, numerator, denominator and population
blank or plain decimals, and no percentage near 100%. Every other row (a bad cell, a
unit, a negative score, a blank line) is made the record the row reader makes and
checked by `readings.check_rows`, the same code as for any file,
so its problems are the same in content and place; there is one set of checks, and
the columns only pick out the rows it would pass.

Duplicates are found by one check over the keys of every reading kept, and only where
there is one are the rows walked in file order, as the row checks walk them. The
readings are kept as the columns they were checked in
([`Readings.of_columns`][corpparent.indicators.readings.Readings.of_columns]): a
`Reading` is made only for one asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Final

from attrs import frozen

from corpparent import units
from corpparent._collector import paused
from corpparent.errors import DataError, PeriodError, Problem
from corpparent.files._tabular.date_periods import DateRule, read_period
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import RawRecord, Records
from corpparent.files._tabular.text_columns import TextColumns
from corpparent.files._tabular.text_encoding import encoding_name
from corpparent.indicators.definitions import Kind
from corpparent.indicators.reading import Reading
from corpparent.indicators.readings import ReadingColumns, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.symbols import OFFICIAL_SYMBOLS

__all__ = ["RowsChecked", "column_readings"]

#: A decimal read the same by Python's ``float`` and pyarrow's cast, within the largest
#: magnitude a figure may have (`corpparent.symbols.MAX_MAGNITUDE`).
_PLAIN_NUMBER: Final = r"^[0-9]{1,15}(\.[0-9]{1,15})?$"
#: The optional figures of a reading, beside its value.
_NUMBERS: Final = ("numerator", "denominator", "population")
#: Below this fraction a percentage is short of 100% whatever the rounding of its unit.
_BELOW_WHOLE: Final = 1 - 1e-9
#: A reading's key is its indicator's place times this, plus its period's place.
_KEYS: Final = 1 << 31


@frozen
class RowsChecked:
    """What the row checks made of some records: each reading kept with its record and
    the record's place among those checked, and the problems."""

    readings: list[tuple[RawRecord, Reading, int]]
    problems: list[Problem]


#: The row checks (`readings.check_rows`): the records given, the indicators, the rule
#: for dates, the texts of the period column's other rows, and the periods already read
#: (``None``: read here, from the records' texts and those); what they made, and the
#: periods read.
RowChecks = Callable[[Records, IndicatorSet, DateRule | None, Collection[str],
                      dict[str, Period | PeriodError] | None],
                     tuple[RowsChecked, dict[str, Period | PeriodError]]]


def column_readings(table: TextColumns, indicators: IndicatorSet, rule: DateRule | None,
                    check_rows: RowChecks, records: Callable[[Sequence[int]], Records]
                    ) -> Readings:
    """The readings of ``table``, or one [`DataError`][corpparent.errors.DataError] listing
    every problem, the header's first: the same readings and problems as the row checks
    give for the table read row by row (see the module)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = table.rows
    indicator = table.column("indicator")
    period = table.column("period")
    value = table.column("value")
    assert indicator is not None  # each required, so in every table read
    assert period is not None
    assert value is not None
    ids = [i.id for i in indicators if i.id == i.id.strip()]
    code = pc.index_in(indicator, value_set=pa.array(ids, pa.string()))
    plain = pc.match_substring_regex(value, _PLAIN_NUMBER)
    symbol = pc.is_in(value, value_set=pa.array(list(OFFICIAL_SYMBOLS), pa.string()))
    blank = pc.equal(value, "")
    numbers = {name: table.column(name) for name in _NUMBERS}
    given = {name: column for name, column in numbers.items() if column is not None}
    figures_blank = pa.array(np.ones(rows, dtype=bool))
    figures_plain = figures_blank
    for column in given.values():
        empty = pc.equal(column, "")
        figures_blank = pc.and_(figures_blank, empty)
        figures_plain = pc.and_(figures_plain, pc.or_(
            empty, pc.match_substring_regex(column, _PLAIN_NUMBER)))
    unit = table.column("unit")
    candidate = pc.and_(pc.and_(pc.is_valid(code), pc.not_equal(period, "")), pc.or_(
        pc.and_(pc.or_(plain, symbol), figures_plain), pc.and_(blank, figures_blank)))
    if unit is not None:
        candidate = pc.and_(candidate, pc.equal(unit, ""))
    candidate = pc.and_(candidate, pc.equal(period, pc.utf8_trim_whitespace(period)))
    wanted = np.asarray(candidate.to_numpy(zero_copy_only=False), dtype=bool)
    is_plain = np.asarray(plain.to_numpy(zero_copy_only=False), dtype=bool) & wanted
    codes = np.asarray(pc.fill_null(code, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    numeric = np.full(rows, np.nan)
    numeric[is_plain] = pc.cast(pc.filter(value, pa.array(is_plain)), pa.float64()).to_numpy()
    cast = {name: _cast(column, wanted) for name, column in given.items()}
    wanted &= _in_range(indicators, ids, codes, numeric, cast)
    # The rows checked row by row first: their periods join the column's texts, which
    # decide how a date is read (a column of quarter ends, or of month ends).
    texts = pc.unique(pc.filter(period, pa.array(wanted))).to_pylist()
    slow_rows = np.flatnonzero(~wanted).tolist()
    first, periods = check_rows(records(slow_rows), indicators, rule, texts, None)
    read = [read_period(text, periods) for text in texts]
    good = np.array([isinstance(found, Period) for found in read] + [False], dtype=bool)
    placed = np.asarray(pc.fill_null(pc.index_in(period, value_set=pa.array(
        texts, pa.string())), -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    before = wanted.copy()
    wanted &= good[placed]
    late = np.flatnonzero(before & ~wanted).tolist()
    second = check_rows(records(late), indicators, rule, texts, periods)[0] if late else None
    kept = wanted & ~np.asarray(blank.to_numpy(zero_copy_only=False), dtype=bool)
    canon: dict[Period, int] = {}
    with paused():  # none of the readings made refers back to another
        fast = _made(table, ids, read, codes, placed, numeric, value, cast, kept, canon)
        # The readings of the rows checked row by row, each with its row's index.
        slow = [(raw, reading, among[place]) for checked, among in (
            (first, slow_rows), (second, late)) if checked is not None
            for raw, reading, place in checked.readings]
        problems = [*table.header.problems, *first.problems,
                    *([] if second is None else second.problems)]
        everything = _without_duplicates(table, fast, slow, problems, records,
                                         {name: at for at, name in enumerate(ids)}, canon)
        if problems or everything is None:
            raise DataError(in_file_order(problems))
        return Readings.of_columns(everything)


def _cast(column: Any, wanted: Any) -> Any:
    """The numbers of a column of plain decimals or blanks, NaN where blank."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    result = np.full(len(column), np.nan)
    filled = wanted & pc.not_equal(column, "").to_numpy(zero_copy_only=False)
    result[filled] = pc.cast(pc.filter(column, pa.array(filled)), pa.float64()).to_numpy()
    return result


def _in_range(indicators: IndicatorSet, ids: Sequence[str], codes: Any, value: Any,
              cast: dict[str, Any]) -> Any:
    """Which rows hold figures the row checks pass as they are: a percentage short of
    100% (its unit converted once for each indicator), a numerator no more than its
    denominator."""
    import numpy as np

    kinds = np.array([indicators[i].kind is Kind.PERCENTAGE for i in ids] + [False])
    wholes: dict[str, float] = {}  # each unit converted once, however many share it
    for i in ids:
        if indicators[i].kind is Kind.PERCENTAGE and indicators[i].unit not in wholes:
            wholes[indicators[i].unit] = units.convert(1.0, indicators[i].unit, "dimensionless")
    whole = np.array([wholes[indicators[i].unit] if indicators[i].kind is Kind.PERCENTAGE
                      else 0.0 for i in ids] + [0.0])
    percentage = kinds[codes]
    with np.errstate(invalid="ignore"):
        fine = ~(percentage & (value * whole[codes] >= _BELOW_WHOLE))
        numerator, denominator = cast.get("numerator"), cast.get("denominator")
        if numerator is not None and denominator is not None:
            fine &= ~(percentage & (numerator > denominator))
    return np.asarray(fine, dtype=bool)


def _made(table: TextColumns, ids: Sequence[str], read: Sequence[Period | PeriodError],
          codes: Any, placed: Any, numeric: Any, value: Any, cast: dict[str, Any],
          kept: Any, canon: dict[Period, int]) -> _Fast:
    """The columns of the readings of the rows checked by columns, in file order, with
    their rows' indexes, each indicator by its place among ``ids`` and each period by its
    place in ``canon`` (filled in here). Each is placed as the row checks place it: its
    file's line, read as the file's encoding where that is not UTF-8."""
    import numpy as np

    at = np.flatnonzero(kept)
    same = np.array([canon.setdefault(period, len(canon)) if isinstance(period, Period)
                     else -1 for period in read] + [-1],
                    dtype=np.int64)  # two texts of one period (an en dash) share a place
    periods = same[placed[at]]
    numbers = numeric[at]
    symbols: list[str | None] = [None] * len(at)
    withheld = np.flatnonzero(np.isnan(numbers))  # NaN where the cell is a symbol
    for place, text in zip(withheld.tolist(), value.take(at[withheld]).to_pylist(),
                           strict=True):
        symbols[place] = text
    encoding = None if table.read is None else table.read.encoding
    read_as = "" if encoding is None else f", read as {encoding_name(encoding)}"
    return _Fast(at, codes[at], periods, numbers, symbols,
                 {name: cast[name][at] for name in _NUMBERS if name in cast},
                 table.lines(at), (f"{table.source} line ", read_as))


@frozen
class _Fast:
    """The columns of the readings checked by columns (NumPy arrays, one a reading):
    each one's row, indicator (a place among the set's), period (a place in the
    periods read), value (NaN where withheld), symbol, other figures and line, and the
    text either side of the line in each reading's source."""

    rows: Any
    indicator: Any
    period: Any
    value: Any
    symbol: list[str | None]
    figures: dict[str, Any]
    line: Any
    source: tuple[str, str]


def _without_duplicates(table: TextColumns, fast: _Fast,
                        slow: list[tuple[RawRecord, Reading, int]], problems: list[Problem],
                        records: Callable[[Sequence[int]], Records], codes: dict[str, int],
                        canon: dict[Period, int]) -> ReadingColumns | None:
    """Every reading's columns in file order; or, where an indicator and period is read
    twice, ``None``, the row checks' problem for each later one added to ``problems``."""
    import numpy as np

    others = [(codes.setdefault(reading.indicator, len(codes)),
               canon.setdefault(reading.period, len(canon))) for _raw, reading, _row in slow]
    indicator = np.concatenate([fast.indicator, np.array([i for i, _p in others],
                                                         dtype=np.int64)])
    period = np.concatenate([fast.period, np.array([p for _i, p in others], dtype=np.int64)])
    every = np.sort(indicator * _KEYS + period)
    if not (every[1:] == every[:-1]).any():  # one check over the keys finds no duplicate
        return _columns(fast, slow, indicator, period, codes, canon)
    lines = table.lines(fast.rows).tolist()
    made = _readings(_columns(fast, [], fast.indicator, fast.period, codes, canon))
    both: list[tuple[int, Reading, RawRecord | None, int]] = sorted(
        [*((row, made[place], None, line) for place, (row, line) in enumerate(zip(
            fast.rows.tolist(), lines, strict=True))),
         *((row, reading, raw, raw.row) for raw, reading, row in slow)],
        key=lambda item: item[0])
    first_seen: dict[tuple[str, Period], tuple[int, Reading]] = {}
    for row, reading, raw, line in both:
        earlier, first = first_seen.setdefault((reading.indicator, reading.period),
                                               (line, reading))
        if first is reading:
            continue
        record = raw if raw is not None else records([row])[0]
        problems.append(record.problem_at("period", f"duplicate reading for "
                                          f"{reading.indicator!r} in {reading.period}; first "
                                          f"given at line {earlier}"))
    return None


def _readings(columns: ReadingColumns) -> list[Reading]:
    """Each reading of ``columns`` made, in file order (for a table read twice)."""
    return list(Readings.of_columns(columns))


def _columns(fast: _Fast, slow: list[tuple[RawRecord, Reading, int]], indicator: Any,
             period: Any, codes: dict[str, int], canon: dict[Period, int]) -> ReadingColumns:
    """The columns of the readings checked by columns and those checked row by row
    (``indicator`` and ``period`` the codes of both, the latter's last), in file order;
    each of the latter kept as the row checks made it. Codes, lines and figures stay
    NumPy arrays (a figure is made a Python float when its reading is made)."""
    import numpy as np

    count = len(slow)
    nothing = np.full(count, np.nan)
    rows = np.concatenate([fast.rows, np.array([row for _raw, _r, row in slow],
                                               dtype=np.int64)])
    order = np.argsort(rows, kind="stable")
    back = np.empty(len(order), dtype=np.int64)
    back[order] = np.arange(len(order))

    def arranged(column: Any, rest: Any) -> Any:
        return column if not count else np.concatenate([column, rest])[order]

    figures = {name: arranged(column, nothing) for name, column in fast.figures.items()}
    symbols = [*fast.symbol, *([None] * count)]
    return ReadingColumns(
        names=list(codes), periods=list(canon), indicator=indicator if not count
        else indicator[order], period=period if not count else period[order],
        value=arranged(fast.value, nothing),
        symbol=symbols if not count else [symbols[at] for at in order.tolist()],
        numerator=figures.get("numerator"), denominator=figures.get("denominator"),
        population=figures.get("population"),
        line=arranged(fast.line, np.zeros(count, dtype=np.int64)), source=fast.source,
        made={int(back[len(fast.rows) + at]): reading
              for at, (_raw, reading, _row) in enumerate(slow)})
