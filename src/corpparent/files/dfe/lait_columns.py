"""Reading the LAIT dataset fast: whole columns with pyarrow, validated column by column.

:func:`corpparent.files.dfe.lait.read_lait` validates each of the 641,070 rows as a
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
from corpparent.files._tabular.limits import checked_file
from corpparent.symbols import OFFICIAL_SYMBOLS

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    dictionary) and each row's index into them (-1 for an empty cell).

    The parquet file's row groups usually repeat one dictionary, so a chunk whose
    dictionary is the one before's reuses its mapping rather than reading it again."""
    import numpy as np

    found: dict[str | None, int] = {}
    where = np.empty(len(column), dtype=np.int32)
    start = 0
    dictionary: Any = None
    mapping = np.full(1, -1, dtype=np.int32)
    for chunk in column.chunks:
        if dictionary is None or not chunk.dictionary.equals(dictionary):
            dictionary = chunk.dictionary
            mapping = np.array([found.setdefault(word, len(found))
                                for word in dictionary.to_pylist()] + [-1], dtype=np.int32)
        np.take(mapping, _positions(chunk), out=where[start:start + len(chunk)], mode="wrap")
        start += len(chunk)
    return tuple(found), where


def _positions(chunk: Any) -> NDArray[np.int32]:
    """Each row's index into its chunk's dictionary, -1 for an empty cell.

    Taken with ``mode="wrap"`` (which writes straight into the output rather than
    through a buffer), -1 picks the last entry of a mapping that ends with the empty
    cell's; every other index was checked against its dictionary by :func:`_check_text`.
    """
    indices = chunk.indices
    if chunk.null_count:
        indices = indices.fill_null(-1)
    found: NDArray[np.int32] = indices.to_numpy()
    return found


def _numbers(column: Any) -> NDArray[np.float64] | None:
    """Every row's number (NaN for LAIT's ``-`` and empty cells), or None when some
    text is not a finite number, casting each chunk's dictionary (when read as one)
    once rather than every row."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    found = np.empty(len(column), dtype=np.float64)
    start = 0
    for chunk in column.chunks:
        coded = pa.types.is_dictionary(chunk.type)
        words = chunk.dictionary if coded else chunk
        blank = pc.fill_null(pc.equal(words, _NOT_GIVEN), True)
        try:
            cast = pc.cast(pc.if_else(blank, pa.scalar(None, words.type), words),
                           pa.float64())
        except pa.ArrowInvalid:
            return None
        numbers = cast.to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
        if not np.all(np.isfinite(numbers) | blank.to_numpy(zero_copy_only=False)):
            return None
        if coded:
            np.take(np.append(numbers, np.nan), _positions(chunk),
                    out=found[start:start + len(chunk)], mode="wrap")
        else:
            found[start:start + len(chunk)] = numbers
        start += len(chunk)
    return found


def _values(column: Any, source: str, problems: list[Problem],
            ) -> tuple[NDArray[np.float64], NDArray[np.int8], tuple[str | None, ...]]:
    """Every row's number (NaN where none) and symbol index.

    The quick way first (:func:`_numbers`): with LAIT's ``-`` set aside, Arrow casts
    each chunk's distinct texts to numbers at once. Only when that fails (a symbol, a
    stray space, a bad value) are the texts that are not numbers looked at, once per
    distinct text, and the bad ones reported at their rows.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    quick = _numbers(column)
    if quick is not None:
        return quick, np.zeros(len(quick), dtype=np.int8), (None,)
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    text = column.combine_chunks()
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
    rows = np.flatnonzero((where < 0) | np.isin(where, empty) if empty else where < 0)
    problems.extend(_problems(source, rows, column, "expected text, found nothing"))


#: Read as Arrow dictionaries: few distinct texts, each checked once (``Values``, with
#: many, only where the file holds them so: :func:`_as_dictionaries`).
_TEXT_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Region", "Values")


#: Writers keep a column dictionary-encoded until its dictionary passes 1 MiB (Arrow's
#: default), then write plain text; a row group's values within this many bytes in all
#: were therefore surely encoded with a dictionary.
_DICTIONARY_BYTES: Final = 1 << 20


def _as_dictionaries(metadata: Any) -> list[str]:
    """The text columns to read as Arrow dictionaries.

    Reading a column the file holds dictionary-encoded as a dictionary is cheaper than
    reading it as text (LAIT's file: every column). ``Values`` can have too many distinct
    texts for that: in a file with larger row groups (ten times the data) they are plain
    text, and Arrow would have to build each dictionary by hashing every value, which
    costs more than it saves; so ``Values`` is read as a dictionary only when every row
    group's values are small enough to have been kept as one.
    """
    leaves = [metadata.schema.column(i).path for i in range(metadata.num_columns)]
    small = "Values" in leaves and all(
        metadata.row_group(group).column(leaves.index("Values")).total_uncompressed_size
        <= _DICTIONARY_BYTES for group in range(metadata.num_row_groups))
    return [name for name in _TEXT_COLUMNS if small or name != "Values"]


def read_lait_table(path: str | Path) -> LaitTable:
    """Read the LAIT long dataset (parquet) into columns.

    The text columns are read as Arrow dictionaries (the values where the file keeps
    them so), so each distinct text (55,323 values, 434 measures, 65 labels, 170 areas)
    is checked once, not once per row.
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
        metadata = pq.read_metadata(path)
        names = metadata.schema.to_arrow_schema().names
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    missing = [c for c in _COLUMNS if c not in names]
    if missing:
        raise DataError(Problem(source, f"missing column {c!r}", field=c) for c in missing)
    try:
        table = pq.read_table(path, columns=list(_COLUMNS),
                              read_dictionary=_as_dictionaries(metadata))
        _check_text(table)
        number = table["LA Number"].to_numpy().astype(np.float64, copy=False)
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    columns = _text_columns(table, source)
    problems: list[Problem] = []
    measures, measure = _text_index(columns["Short Desc"])
    labels, label = _text_index(columns["Years"])
    _required(measures, measure, "Short Desc", source, problems)
    _required(labels, label, "Years", source, problems)
    # A whole number from 1 (the old LA codes are three digits; 2**31 bounds the cast;
    # NaN and the infinities fail the comparisons).
    bad_number = ~((number >= 1) & (number < 2**31) & (np.floor(number) == number))
    problems.extend(_problems(source, np.flatnonzero(bad_number), "LA Number",
                              "expected a whole number from 1 to 2147483647"))
    value, symbol, symbols = _values(columns["Values"], source, problems)
    area, areas = _areas(columns, np.where(bad_number, 0, number) if bad_number.any()
                         else number, source, problems)
    # A row already reported is not reported again as a second value.
    reported = [p.line - 1 for p in problems if p.line is not None]
    _duplicates(_unless(measure, reported), label, area, labels, measures, areas, source,
                problems)
    if problems:
        raise DataError(problems)
    return LaitTable(source, measures=tuple(m or "" for m in measures),
                     labels=tuple(y or "" for y in labels), areas=areas, symbols=symbols,
                     measure=measure, label=label, area=area, value=value, symbol=symbol)


def _text_columns(table: Any, source: str) -> dict[str, Any]:
    """The text columns, each read as a dictionary (``Values`` perhaps as plain text); a
    column with no cell filled in is all empty cells, and a column of numbers or
    anything else is a problem."""
    import pyarrow as pa

    def plain(kind: Any) -> bool:
        return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind)
                    or pa.types.is_binary(kind) or pa.types.is_large_binary(kind))

    columns: dict[str, Any] = {}
    wrong: list[Problem] = []
    for name in _TEXT_COLUMNS:
        column = table[name]
        if pa.types.is_null(column.type):
            column = column.cast(pa.dictionary(pa.int32(), pa.string()))
        elif not (pa.types.is_dictionary(column.type)
                  or (name == "Values" and plain(column.type))):
            wrong.append(Problem(source, f"expected text, found {column.type}", field=name))
        columns[name] = column
    if wrong:
        raise DataError(wrong)
    return columns


def _unless(index: NDArray[np.int32], rows: list[int]) -> NDArray[np.int32]:
    """``index`` with the given rows set to -1 (none: ``index`` itself)."""
    if not rows:
        return index
    found = index.copy()
    found[rows] = -1
    return found


def _check_text(table: Any) -> None:
    """Raise pyarrow's own error for text that is not valid UTF-8, offsets out of range or
    a row pointing past its dictionary, checking each dictionary once rather than every
    row (the columns are read dictionary-encoded, so the dictionaries hold every text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in table.column_names:
        chunks = table[name].chunks
        if not pa.types.is_dictionary(table[name].type):
            for chunk in chunks:
                if chunk.type in ("string", "large_string"):
                    chunk.validate(full=True)
            continue
        for chunk in chunks:
            chunk.dictionary.validate(full=True)
            chunk.indices.validate(full=True)
        # Every row's index within the shortest dictionary: no need to look chunk by chunk.
        low, high = (bound.as_py() for bound in pc.min_max(
            pa.chunked_array([chunk.indices for chunk in chunks],
                             table[name].type.index_type)).values())
        if low is not None and not 0 <= low <= high < min(len(c.dictionary) for c in chunks):
            for chunk in chunks:
                chunk.validate(full=True)  # names the row and the bound


def _fitting(size: int) -> type[np.int32] | type[np.int64]:
    """The narrower integer type that holds keys below ``size`` (narrower is quicker)."""
    import numpy as np

    return np.int32 if size < 2**31 else np.int64


def _key(digits: Sequence[NDArray[np.int32]], widths: Sequence[int],
         kind: type[np.int32] | type[np.int64]) -> NDArray[np.integer[Any]]:
    """One number per row from several indices, each below its width (the first index
    counting most), worked in place rather than with a new array at each step."""
    key: NDArray[np.integer[Any]] = digits[0].astype(kind)
    for digit, width in zip(digits[1:], widths[1:], strict=True):
        key *= width
        key += digit
    return key


def _distinct(key: NDArray[np.integer[Any]], size: int,
              ) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """The distinct keys (each from 0 to ``size - 1``), smallest first, and each row's
    index among them.

    A table of ``size`` entries finds them without sorting when the keys are few beside
    the rows; otherwise they are sorted, so memory stays in proportion to the rows
    whatever the keys are.
    """
    import numpy as np

    if size > _DENSE * len(key) + _DENSE_FLOOR:
        distinct, inverse = np.unique(key, return_inverse=True)
        return distinct, inverse.reshape(-1).astype(np.int32)
    seen = np.zeros(size, dtype=bool)
    seen[key] = True
    found = np.flatnonzero(seen)
    slot = np.zeros(size, dtype=np.int32)
    slot[found] = np.arange(len(found), dtype=np.int32)
    return found, np.take(slot, key)


#: A lookup table is used for keys up to this many per row (and a small floor);
#: sparser keys are sorted instead.
_DENSE: Final = 16
_DENSE_FLOOR: Final = 1 << 16


def _areas(columns: dict[str, Any], number: NDArray[np.float64], source: str,
           problems: list[Problem]) -> tuple[NDArray[np.int32], tuple[Area, ...]]:
    """Each row's area, worked out once per distinct (number, name, region), taken in
    the order of number, name and region."""
    import numpy as np

    names, name = _text_index(columns["LA and Regions"])
    regions, region = _text_index(columns["Region"])
    _required(names, name, "LA and Regions", source, problems)
    # One key per (name, region), from which each can be read back:
    # (name + 1) * width_region + region + 1, worked in place.
    width_region = len(regions) + 1
    width = (len(names) + 1) * width_region
    key = _key((name, region), (len(names) + 1, width_region), _fitting(width))
    key += width_region + 1
    numbers, distinct, inverse = _pairs(number, key, width)
    # Numbers first, as the areas are listed by number.
    order = np.lexsort((distinct, numbers))
    known = known_areas()
    codes: dict[str, int] = {}
    areas: list[Area] = []
    mapped = np.full(len(distinct), -1, dtype=np.int32)
    for index in order.tolist():
        region_at = int(distinct[index]) % width_region - 1
        name_at = int(distinct[index]) // width_region - 1
        written = regions[region_at] if region_at >= 0 else None
        try:
            found = _area(int(numbers[index]), names[name_at] or "" if name_at >= 0 else "",
                          None if written in (None, "NA", "") else written, known)
        except ValueError as exc:
            problems.extend(_problems(source, np.flatnonzero(inverse == index),
                                      "LA and Regions", str(exc)))
            continue
        if found.code not in codes:
            codes[found.code] = len(areas)
            areas.append(found)
        mapped[index] = codes[found.code]
    return np.take(mapped, inverse), tuple(areas)


def _pairs(number: NDArray[np.float64], place: NDArray[np.integer[Any]], width: int,
           ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int32]]:
    """The distinct (number, place) pairs, as each pair's number and place, and each
    row's index among them; ``place`` is below ``width``.

    The places are made dense first. LAIT's numbers are three-digit codes, close
    together, so one small key then holds both; when they are far apart (any whole
    number up to 2**31 may appear) the numbers are made dense too, so that no table is
    sized by the numbers themselves.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    places, at = _distinct(place, width)
    low, high = (int(number.min()), int(number.max())) if len(number) else (0, 0)
    size = (high - low + 1) * len(places)
    if size <= _DENSE * len(number) + _DENSE_FLOOR:
        key: NDArray[np.integer[Any]] = number.astype(_fitting(size))
        key -= low
        key *= len(places)
        key += at
        pairs, inverse = _distinct(key, size)
        numbers = pairs // len(places) + low
    else:
        encoded = pc.dictionary_encode(pa.array(number, pa.float64()))
        pairs, inverse = _distinct(
            _key((encoded.indices.to_numpy(), at), (len(encoded.dictionary), len(places)),
                 np.int64),
            len(encoded.dictionary) * len(places))
        numbers = encoded.dictionary.to_numpy().astype(np.int64)[pairs // len(places)]
    return numbers, places[pairs % len(places)], inverse


def _duplicates(measure: NDArray[np.int32], label: NDArray[np.int32], area: NDArray[np.int32],
                labels: tuple[str | None, ...], measures: tuple[str | None, ...],
                areas: tuple[Area, ...], source: str, problems: list[Problem]) -> None:
    """A second value for one area, measure and year is a problem at its row."""
    import numpy as np

    valid = (measure >= 0) & (label >= 0) & (area >= 0)
    rows = np.flatnonzero(valid) if not valid.all() else None
    parts = [a if rows is None else a[rows] for a in (measure, label, area)]
    size = len(measures) * len(labels) * len(areas)
    count = len(parts[0])
    if size <= _DENSE * count + _DENSE_FLOOR:
        # As many distinct keys as rows means no repeats: found without sorting.
        key = _key(parts, (len(measures), len(labels), len(areas)), _fitting(size))
        seen = np.zeros(size, dtype=bool)
        seen[key] = True
        if np.count_nonzero(seen) == count:
            return
    # The rows in order of measure, label and area (stable: the first stays first).
    order = np.lexsort(parts[::-1])
    same = np.ones(max(count - 1, 0), dtype=bool)
    for part in parts:
        ordered = part[order]
        same &= ordered[1:] == ordered[:-1]
    repeated = order[1:][same]
    if rows is not None:
        repeated = rows[repeated]
    for row in sorted(repeated.tolist())[:_LISTED]:
        problems.append(Problem(
            source, f"a second value for {areas[area[row]]} in {measures[measure[row]]} "
            f"{labels[label[row]]}", line=row + 1, field="Values"))
