"""Reading the LAIT dataset fast: whole columns with pyarrow, validated column by column.

:func:`corpparent.files.lait.read_lait` validates each of the 641,070 rows as a
pydantic model, which is clear but slow (seconds). :func:`read_lait_table` reads the
same file into a :class:`~corpparent.dfe.lait_table.LaitTable` by checking each column
as a whole with Arrow's compute functions, and still reports every bad value with its
row and column: a missing measure code or ``Years`` label, an ``LA Number`` that is
not a whole number, a value that is neither a number nor an official symbol, an
unknown region, a second value for the same area, measure and year.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from corpparent.dfe.areas import ENGLAND, REGION_CODES, Area, Level, known_areas
from corpparent.dfe.lait import ENGLAND_NUMBER
from corpparent.dfe.lait_table import LaitTable
from corpparent.errors import DataError, Problem
from corpparent.files.limits import checked_file
from corpparent.symbols import OFFICIAL_SYMBOLS

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["read_lait_table"]

_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Values", "LA Number", "Region")
#: A finite number as LAIT writes it (``12.5``, ``-3``, ``7.0E-2``).
_NUMBER: Final = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
#: LAIT's own mark for a value it does not have, without saying why.
_NOT_GIVEN: Final = "-"
_SYMBOLS: Final = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)
#: At most this many problems of one kind are listed; the count says how many more.
_LISTED: Final = 50


def _problems(source: str, rows: Any, field: str, message: str) -> list[Problem]:
    """One problem per bad row (the first few, then a count), named by row and column."""
    indices = [int(i) for i in rows]
    found = [Problem(source, message, line=i + 1, field=field) for i in indices[:_LISTED]]
    if len(indices) > _LISTED:
        found.append(Problem(source, f"and {len(indices) - _LISTED} more rows like row "
                             f"{indices[0] + 1}", field=field))
    return found


def _area(number: int, name: str, region: str | None, known: Any) -> Area:
    if number == ENGLAND_NUMBER:
        return ENGLAND
    if region is None:
        code = REGION_CODES.get(name)
        if code is None:
            raise ValueError(f"unknown region {name!r}; expected one of "
                             + ", ".join(sorted(REGION_CODES)))
        found: Area = known[code]
        return found
    if region not in REGION_CODES:
        raise ValueError(f"unknown region {region!r}")
    listed = known.get(str(number))
    return Area(str(number), name, Level.LOCAL_AUTHORITY,
                ons_code=listed.ons_code if listed else None, region=REGION_CODES[region])


def _text_index(column: Any) -> tuple[tuple[str | None, ...], NDArray[np.int32]]:
    """The distinct texts of a dictionary column (chunked, each chunk with its own
    dictionary) and each row's index into them (-1 for an empty cell)."""
    import numpy as np

    found: dict[str | None, int] = {}
    parts = []
    for chunk in column.chunks:
        mapping = np.array([found.setdefault(word, len(found))
                            for word in chunk.dictionary.to_pylist()] + [-1], dtype=np.int32)
        indices = chunk.indices.to_numpy(zero_copy_only=False)
        if chunk.null_count:
            indices = np.where(chunk.is_null().to_numpy(zero_copy_only=False), -1, indices)
        parts.append(mapping[indices])
    where = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return tuple(found), where.astype(np.int32, copy=False)


def _values(column: Any, source: str, problems: list[Problem],
            ) -> tuple[NDArray[np.float64], NDArray[np.int8], tuple[str | None, ...]]:
    """Every row's number (NaN where none) and symbol index.

    The quick way first: with LAIT's ``-`` set aside, Arrow casts the whole column to
    numbers at once. Only when that fails (a symbol, a stray space, a bad value) are the
    texts that are not numbers looked at, once per distinct text, and the bad ones
    reported at their rows.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    text = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    blank = pc.fill_null(pc.equal(text, _NOT_GIVEN), True)
    try:
        cast = pc.cast(pc.if_else(blank, pa.scalar(None, pa.string()), text), pa.float64())
        numbers = cast.to_numpy(zero_copy_only=False).astype(np.float64)
        if np.all(np.isfinite(numbers) | blank.to_numpy(zero_copy_only=False)):
            return numbers, np.zeros(len(numbers), dtype=np.int8), (None,)
    except pa.ArrowInvalid:
        pass
    trimmed = pc.utf8_trim_whitespace(text)
    numeric = pc.fill_null(pc.match_substring_regex(trimmed, _NUMBER), False)
    numbers = pc.cast(pc.if_else(numeric, trimmed, pa.scalar(None, pa.string())),
                      pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64)
    others = np.flatnonzero(~numeric.to_numpy(zero_copy_only=False))
    symbols: list[str | None] = [None]
    codes = np.zeros(len(numbers), dtype=np.int8)
    words = pc.utf8_lower(trimmed.take(pa.array(others, pa.int64()))).to_pylist()
    bad: list[int] = []
    for row, word in zip(others.tolist(), words, strict=True):
        if word in (_NOT_GIVEN, "", None):
            continue
        if word in OFFICIAL_SYMBOLS:
            if word not in symbols:
                symbols.append(word)
            codes[row] = symbols.index(word)
        else:
            bad.append(row)
    problems.extend(_problems(source, bad, "Values",
                              f"expected a number, {_NOT_GIVEN!r} or an official symbol "
                              f"({_SYMBOLS})"))
    return numbers, codes, tuple(symbols)


def _required(words: tuple[str | None, ...], where: NDArray[np.int32], column: str,
              source: str, problems: list[Problem]) -> None:
    import numpy as np

    empty = [i for i, word in enumerate(words) if not (word or "").strip()]
    rows = np.flatnonzero((where < 0) | np.isin(where, empty))
    problems.extend(_problems(source, rows, column, "expected text, found nothing"))


#: Read as Arrow dictionaries: few distinct texts, each checked once.
_TEXT_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Region")


def read_lait_table(path: str | Path) -> LaitTable:
    """Read the LAIT long dataset (parquet) into columns.

    The text columns are read as Arrow dictionaries, so each distinct text (55,323
    values, 434 measures, 65 labels, 170 areas) is checked once, not once per row.
    Every bad value is a :class:`~corpparent.errors.Problem` naming the file, the row
    of the parquet table (counting from 1) and the column; all of them are raised
    together as one :class:`~corpparent.errors.DataError`.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = str(path)
    checked_file(path)  # no directory, pipe or device, nothing over the size bound
    try:
        names = pq.read_schema(path).names
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    missing = [c for c in _COLUMNS if c not in names]
    if missing:
        raise DataError(Problem(source, f"missing column {c!r}", field=c) for c in missing)
    try:
        table = pq.read_table(path, columns=list(_COLUMNS), read_dictionary=list(_TEXT_COLUMNS))
        _check_text(table)
        columns = {name: table[name] for name in (*_TEXT_COLUMNS, "Values")}
        number = table["LA Number"].to_numpy().astype(np.float64, copy=False)
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    problems: list[Problem] = []
    measures, measure = _text_index(columns["Short Desc"])
    labels, label = _text_index(columns["Years"])
    _required(measures, measure, "Short Desc", source, problems)
    _required(labels, label, "Years", source, problems)
    # A whole number from 1 (the old LA codes are three digits; 2**31 bounds the cast).
    bad_number = ~(np.isfinite(number) & (number >= 1) & (number < 2**31)
                   & (np.floor(number) == number))
    problems.extend(_problems(source, np.flatnonzero(bad_number), "LA Number",
                              "expected a whole number from 1 to 2147483647"))
    value, symbol, symbols = _values(columns["Values"], source, problems)
    area, areas = _areas(columns, np.where(bad_number, 0, number).astype(np.int64), source,
                         problems)
    # A row already reported is not reported again as a second value.
    reported = np.zeros(len(value), dtype=bool)
    reported[[p.line - 1 for p in problems if p.line is not None]] = True
    _duplicates(np.where(reported, -1, measure).astype(np.int32), label, area, labels,
                measures, areas, source, problems)
    if problems:
        raise DataError(problems)
    return LaitTable(source, measures=tuple(m or "" for m in measures),
                     labels=tuple(y or "" for y in labels), areas=areas, symbols=symbols,
                     measure=measure, label=label, area=area, value=value, symbol=symbol)


def _check_text(table: Any) -> None:
    """Raise pyarrow's own error for text that is not valid UTF-8 or offsets out of range,
    checking each dictionary once rather than every row (the columns are read
    dictionary-encoded, so the dictionaries hold every text)."""
    for name in table.column_names:
        for chunk in table[name].chunks:
            dictionary = getattr(chunk, "dictionary", None)
            if dictionary is not None:
                dictionary.validate(full=True)
                chunk.indices.validate(full=True)
            elif chunk.type in ("string", "large_string"):
                chunk.validate(full=True)


def _areas(columns: dict[str, Any], number: NDArray[np.int64], source: str,
           problems: list[Problem]) -> tuple[NDArray[np.int32], tuple[Area, ...]]:
    """Each row's area, worked out once per distinct (number, name, region)."""
    import numpy as np

    names, name = _text_index(columns["LA and Regions"])
    regions, region = _text_index(columns["Region"])
    _required(names, name, "LA and Regions", source, problems)
    # One key per (number, name, region), from which each part can be read back.
    width_name, width_region = len(names) + 1, len(regions) + 1
    key = (number * width_name + name + 1) * width_region + region + 1
    seen = np.zeros(int(key.max()) + 1 if len(key) else 1, dtype=bool)
    seen[key] = True
    distinct = np.flatnonzero(seen)
    slot = np.full(len(seen), -1, dtype=np.int32)
    slot[distinct] = np.arange(len(distinct), dtype=np.int32)
    inverse = slot[key]
    known = known_areas()
    codes: dict[str, int] = {}
    areas: list[Area] = []
    mapped = np.full(len(distinct), -1, dtype=np.int32)
    for index, whole in enumerate(distinct.tolist()):
        region_at = whole % width_region - 1
        name_at = whole // width_region % width_name - 1
        written = regions[region_at] if region_at >= 0 else None
        try:
            found = _area(whole // width_region // width_name,
                          names[name_at] or "" if name_at >= 0 else "",
                          None if written in (None, "NA", "") else written, known)
        except ValueError as exc:
            problems.extend(_problems(source, np.flatnonzero(inverse == index),
                                      "LA and Regions", str(exc)))
            continue
        if found.code not in codes:
            codes[found.code] = len(areas)
            areas.append(found)
        mapped[index] = codes[found.code]
    return mapped[inverse], tuple(areas)


def _duplicates(measure: NDArray[np.int32], label: NDArray[np.int32], area: NDArray[np.int32],
                labels: tuple[str | None, ...], measures: tuple[str | None, ...],
                areas: tuple[Area, ...], source: str, problems: list[Problem]) -> None:
    """A second value for one area, measure and year is a problem at its row."""
    import numpy as np

    valid = (measure >= 0) & (label >= 0) & (area >= 0)
    key = (measure.astype(np.int64) * (len(labels) + 1) + label) * (len(areas) + 1) + area
    key = np.where(valid, key, -1)
    # As many distinct keys as rows means no repeats: found without sorting.
    seen = np.zeros(int(key.max()) + 1 if len(key) else 1, dtype=bool)
    seen[key[valid]] = True
    if np.count_nonzero(seen) == np.count_nonzero(valid):
        return
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    repeated = order[1:][(ordered[1:] == ordered[:-1]) & (ordered[1:] >= 0)]
    for row in sorted(repeated.tolist())[:_LISTED]:
        problems.append(Problem(
            source, f"a second value for {areas[area[row]]} in {measures[measure[row]]} "
            f"{labels[label[row]]}", line=row + 1, field="Values"))
