"""Decoding LAIT's columns as Arrow reads them: text checked as valid, each row's index
into its column's distinct texts, each row's number or official symbol, and a problem at
each row that is wrong.

The columns come chunked and mostly dictionary-encoded, so each distinct text is looked
at once and the rows only through their indices. These are the helpers of
`corpparent.files.dfe.lait_columns`, which reads the file and checks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from corpparent.benchmarking.buffers import (
    cast_options,
    compute,
    from_numpy,
    string_scalar,
    to_numpy,
)
from corpparent.errors import Problem
from corpparent.symbols import OFFICIAL_SYMBOLS

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


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
    cell's; every other index was checked against its dictionary by `_check_text`.
    """
    found: NDArray[np.int32] = to_numpy(chunk.indices, null=-1)
    return found


def _numbers(column: Any) -> NDArray[np.float64] | None:
    """Every row's number (NaN for LAIT's ``-`` and empty cells), or None when some
    text is not a finite number, casting each chunk's dictionary (when read as one)
    once rather than every row."""
    import numpy as np
    import pyarrow as pa

    found = np.empty(len(column), dtype=np.float64)
    start = 0
    for chunk in column.chunks:
        coded = pa.types.is_dictionary(chunk.type)
        words = chunk.dictionary if coded else chunk
        blank = to_numpy(compute("equal", words, string_scalar(_NOT_GIVEN)), null=True)
        try:
            cast = compute("cast", compute("if_else", from_numpy(blank),
                                           pa.nulls(len(words), words.type), words),
                           options=cast_options(pa.float64()))
        except pa.ArrowInvalid:
            return None
        numbers = to_numpy(cast).astype(np.float64, copy=False)
        if not np.all(np.isfinite(numbers) | blank):
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

    The quick way first (`_numbers`): with LAIT's ``-`` set aside, Arrow casts
    each chunk's distinct texts to numbers at once. Only when that fails (a symbol, a
    stray space, a bad value) are the texts that are not numbers looked at, once per
    distinct text, and the bad ones reported at their rows.
    """
    import numpy as np
    import pyarrow as pa

    quick = _numbers(column)
    if quick is not None:
        return quick, np.zeros(len(quick), dtype=np.int8), (None,)
    import pyarrow.compute as pc  # a file with symbols or bad values only

    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    text = column.combine_chunks()
    trimmed = pc.utf8_trim_whitespace(text)
    numeric = to_numpy(pc.match_substring_regex(trimmed, _NUMBER), null=False)
    numbers = to_numpy(pc.cast(pc.if_else(from_numpy(numeric), trimmed,
                                          pa.nulls(len(trimmed), trimmed.type)),
                               pa.float64())).astype(np.float64)
    others = np.flatnonzero(~numeric)
    symbols: list[str | None] = [None]
    codes = np.zeros(len(numbers), dtype=np.int8)
    words = pc.utf8_lower(trimmed.take(from_numpy(others.astype(np.int64)))).to_pylist()
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


def _check_text(table: Any) -> None:
    """Raise pyarrow's own error for text that is not valid UTF-8, offsets out of range or
    a row pointing past its dictionary, checking each dictionary once rather than every
    row (the columns are read dictionary-encoded, so the dictionaries hold every text)."""
    import pyarrow as pa

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
        low, high = (bound.as_py() for bound in compute("min_max", pa.chunked_array(
            [chunk.indices for chunk in chunks], table[name].type.index_type)).values())
        if low is not None and not 0 <= low <= high < min(len(c.dictionary) for c in chunks):
            for chunk in chunks:
                chunk.validate(full=True)  # names the row and the bound
